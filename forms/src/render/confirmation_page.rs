//! The confirmation page, as the Design System's confirmation pages pattern has it: a panel
//! with the form's title for it ("Application complete" unless it sets one) and the
//! submission's reference, the amount paid when the form took a payment, then "What happens
//! next" with the form's `confirmation.next_steps`.

use civic_components::Panel;
use maud::{Markup, html};

use super::PageContext;
use super::layout::layout;
use crate::answers::amount;
use crate::definition::Confirmation;
use crate::messages::{PageText, PaymentText};

/// Renders the confirmation page for `reference` with the form's `confirmation` texts, if it
/// has any (the back link and CSRF token of `context` are not used: the journey is over).
pub fn confirmation_page(
    context: &PageContext<'_>,
    reference: &str,
    confirmation: Option<&Confirmation>,
) -> Markup {
    page(context, reference, None, confirmation)
}

/// The confirmation page of an application paid for: the reference, then the amount paid
/// (`pence`), as GOV.UK services show it after a payment, then the form's next steps.
pub fn paid_confirmation_page(
    context: &PageContext<'_>,
    reference: &str,
    pence: u64,
    confirmation: Option<&Confirmation>,
) -> Markup {
    page(context, reference, Some(pence), confirmation)
}

fn page(
    context: &PageContext<'_>,
    reference: &str,
    paid: Option<u64>,
    confirmation: Option<&Confirmation>,
) -> Markup {
    let language = context.language;
    let title = confirmation
        .and_then(|c| c.title.as_ref())
        .map_or(PageText::ApplicationComplete.text(language), |t| {
            t.in_language(language)
        });
    // Paragraphs are separated by a blank line, as in the form's other long texts.
    let next_steps: Vec<&str> = confirmation
        .and_then(|c| c.next_steps.as_ref())
        .map(|t| t.in_language(language))
        .into_iter()
        .flat_map(|text| text.split("\n\n"))
        .map(str::trim)
        .filter(|paragraph| !paragraph.is_empty())
        .collect();
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
            @if !next_steps.is_empty() {
                h2 class="govuk-heading-m" { (PageText::WhatHappensNext.text(language)) }
                @for paragraph in &next_steps {
                    p class="govuk-body" { (paragraph) }
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
        let html = confirmation_page(&context, "HDJ<2>", None).into_string();
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
        let html = confirmation_page(&with_copy, "HDJ2", None).into_string();
        assert!(
            html.contains(r#"<a class="govuk-link" href="/apply/confirmation/copy" download>Lawrlwytho copi o'ch atebion (ffeil testun)</a>"#),
            "{html}"
        );
        let html = paid_confirmation_page(&context, "HDJ2", 3500, None).into_string();
        assert!(
            html.contains("Rydych wedi talu <strong>£35.00</strong>."),
            "{html}"
        );
        assert!(
            !html.contains("Beth sy"),
            "no next steps, no heading: {html}"
        );
    }

    #[test]
    fn the_form_s_title_and_next_steps_in_its_language() {
        let brand = Brand::new("Kestrel Vale", BrandColour::parse("#005a4e").unwrap());
        let assets = Assets::empty("/assets");
        let confirmation: Confirmation = serde_json::from_value(serde_json::json!({
            "title": { "en": "Collection booked", "cy": "Casgliad wedi'i drefnu" },
            "next_steps": {
                "en": "We have emailed you the items and the date.\n\nPut them <outside> by 7am.",
                "cy": "Rydym wedi anfon e-bost atoch.\n\nRhowch nhw y tu allan erbyn 7yb."
            }
        }))
        .unwrap();
        for (language, title, heading, second) in [
            (
                Language::En,
                "Collection booked",
                "What happens next",
                "Put them &lt;outside&gt; by 7am.",
            ),
            // (An apostrophe comes escaped.)
            (
                Language::Cy,
                "Casgliad wedi",
                "Beth sy",
                "Rhowch nhw y tu allan erbyn 7yb.",
            ),
        ] {
            let context = PageContext {
                brand: &brand,
                assets: &assets,
                action: "",
                csrf_token: "",
                back_href: None,
                language,
                extras: crate::render::PageExtras::default(),
            };
            let html = paid_confirmation_page(&context, "BW-HDJ2", 8000, Some(&confirmation))
                .into_string();
            let panel = html.find("govuk-panel__title").unwrap();
            assert!(html[panel..].contains(title), "{html}");
            assert!(!html.contains("Application complete"), "{html}");
            let paid = html.find("£80.00").unwrap();
            let next = html.find(heading).unwrap();
            let last = html.find(second).unwrap();
            assert!(paid < next && next < last, "{html}");
            assert_eq!(
                html.matches(r#"<p class="govuk-body">"#).count(),
                3,
                "{html}"
            );
        }
    }
}
