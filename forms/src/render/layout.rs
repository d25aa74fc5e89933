//! The page every screen of the engine is shown in: the council's branded template in the
//! page's language, `Error: ` before the title when the page shows errors, the back link, and
//! the content in the Design System's two-thirds column.

use civic_components::BackLink;
use civic_components::i18n::Text as ComponentText;
use civic_components::template::Page as Template;
use maud::{Markup, Render, html};

use super::{PageContext, components_language};

/// Renders `content` as a whole page titled `title`.
pub(super) fn layout(
    context: &PageContext<'_>,
    title: &str,
    has_error: bool,
    content: Markup,
) -> Markup {
    let words = components_language(context.language);
    let mut template = Template::new(context.brand, context.assets, title)
        .language(words)
        .title_has_error(has_error)
        .content(html! {
            div class="govuk-grid-row" {
                div class="govuk-grid-column-two-thirds" { (content) }
            }
        });
    if let Some(href) = context.back_href {
        let mut back = BackLink::new();
        back.href = Some(href.to_owned());
        back.text = Some(words.text(ComponentText::Back).to_owned());
        template = template.before_content(back.render());
    }
    template.render()
}

/// The hidden field carrying the session's CSRF token, in every form that posts.
pub(super) fn csrf_field(context: &PageContext<'_>) -> Markup {
    html! { input type="hidden" name="csrf_token" value=(context.csrf_token); }
}

#[cfg(test)]
pub(crate) mod test_support {
    use civic_components::assets::Assets;
    use civic_components::brand::{Brand, BrandColour};

    use super::PageContext;
    use crate::definition::Language;

    /// A brand and assets to build page contexts from in tests.
    pub(crate) struct Fixture {
        brand: Brand,
        assets: Assets,
    }

    impl Fixture {
        pub(crate) fn new() -> Self {
            let colour = BrandColour::parse("#005a4e").unwrap_or_else(|e| panic!("{e}"));
            Fixture {
                brand: Brand::new("Kestrel Vale", colour),
                assets: Assets::empty("/assets"),
            }
        }

        /// A context posting to `/apply/here` with token `tok`, back to `/apply/back`.
        pub(crate) fn context(&self, language: Language) -> PageContext<'_> {
            PageContext {
                brand: &self.brand,
                assets: &self.assets,
                action: "/apply/here",
                csrf_token: "tok",
                back_href: Some("/apply/back"),
                language,
            }
        }
    }
}
