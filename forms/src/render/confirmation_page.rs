//! The confirmation page: a panel with the submission's reference.

use civic_components::Panel;
use civic_components::template::Page as Template;
use maud::{Markup, html};

use super::{PageContext, components_language};
use crate::messages::PageText;

/// Renders the confirmation page for `reference` (the back link and CSRF token of `context` are
/// not used: the journey is over).
pub fn confirmation_page(context: &PageContext<'_>, reference: &str) -> Markup {
    let language = context.language;
    let title = PageText::ApplicationComplete.text(language);
    let panel = Panel::title_text(title).html(html! {
        (PageText::YourReference.text(language)) br; strong { (reference) }
    });
    Template::new(context.brand, context.assets, title)
        .language(components_language(language))
        .content(html! {
            div class="govuk-grid-row" { div class="govuk-grid-column-two-thirds" { (panel) } }
        })
        .render()
}

#[cfg(test)]
mod tests {
    use civic_components::assets::Assets;
    use civic_components::brand::{Brand, BrandColour};

    use super::*;
    use crate::definition::Language;

    #[test]
    fn panel_shows_escaped_reference_in_welsh() {
        let brand = Brand::new("Kestrel Vale", BrandColour::parse("#005a4e").unwrap());
        let assets = Assets::empty("/assets");
        let context = PageContext {
            brand: &brand,
            assets: &assets,
            action: "",
            csrf_token: "",
            back_href: None,
            language: Language::Cy,
        };
        let html = confirmation_page(&context, "HDJ<2>").into_string();
        assert!(html.contains("govuk-panel--confirmation"), "{html}");
        assert!(html.contains("Cais wedi"), "{html}");
        assert!(html.contains("<strong>HDJ&lt;2&gt;</strong>"), "{html}");
    }
}
