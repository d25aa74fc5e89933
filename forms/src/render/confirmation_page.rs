//! The confirmation page: a panel with the submission's reference, and the amount paid when
//! the form took a payment.

use civic_components::Panel;
use maud::{Markup, html};

use super::PageContext;
use super::layout::layout;
use crate::answers::amount;
use crate::messages::{PageText, PaymentText};

/// Renders the confirmation page for `reference` (the back link and CSRF token of `context` are
/// not used: the journey is over).
pub fn confirmation_page(context: &PageContext<'_>, reference: &str) -> Markup {
    confirmation(context, reference, None)
}

/// The confirmation page of an application paid for: the reference, then the amount paid
/// (`pence`), as GOV.UK services show it after a payment.
pub fn paid_confirmation_page(context: &PageContext<'_>, reference: &str, pence: u64) -> Markup {
    confirmation(context, reference, Some(pence))
}

fn confirmation(context: &PageContext<'_>, reference: &str, paid: Option<u64>) -> Markup {
    let language = context.language;
    let title = PageText::ApplicationComplete.text(language);
    let panel = Panel::title_text(title).html(html! {
        (PageText::YourReference.text(language)) br; strong { (reference) }
    });
    // No way back: the journey is over.
    let context = PageContext {
        back_href: None,
        ..*context
    };
    layout(
        &context,
        title,
        false,
        html! {
            (panel)
            @if let Some(pence) = paid {
                p class="govuk-body" {
                    (PaymentText::YouHavePaid.text(language)) " " strong { (amount(pence)) } "."
                }
            }
            @if let Some(href) = context.extras.copy_href {
                p class="govuk-body" {
                    a class="govuk-link" href=(href) download { (PageText::DownloadCopy.text(language)) }
                }
            }
        },
    )
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
            extras: crate::render::PageExtras::default(),
        };
        let html = confirmation_page(&context, "HDJ<2>").into_string();
        assert!(html.contains("govuk-panel--confirmation"), "{html}");
        assert!(html.contains("Cais wedi"), "{html}");
        assert!(html.contains("<strong>HDJ&lt;2&gt;</strong>"), "{html}");
        assert!(!html.contains("Rydych wedi talu"), "{html}");
        assert!(!html.contains("Lawrlwytho"), "{html}");
        let with_copy = PageContext {
            extras: crate::render::PageExtras {
                copy_href: Some("/apply/confirmation/copy"),
                ..crate::render::PageExtras::default()
            },
            ..context
        };
        let html = confirmation_page(&with_copy, "HDJ2").into_string();
        assert!(
            html.contains(r#"<a class="govuk-link" href="/apply/confirmation/copy" download>Lawrlwytho copi o'ch atebion (ffeil testun)</a>"#),
            "{html}"
        );
        let html = paid_confirmation_page(&context, "HDJ2", 3500).into_string();
        assert!(
            html.contains("Rydych wedi talu <strong>£35.00</strong>."),
            "{html}"
        );
    }
}
