//! Step one of a UK address: the postcode (and, optionally, the building) with a "Find
//! address" button, and a link to type the address in instead.
//!
//! The form posts `<id>.postcode` and `<id>.building`; the HTTP layer looks the postcode up
//! with civic-address-lookup's [`lookup_postcode`](civic_address_lookup::provider::lookup_postcode)
//! and shows [`select_address_page`](super::select_address_page) or, for a postcode that is
//! not well formed, this page again with the lookup's error.

use civic_address_lookup::provider::PostcodeLookup;
use civic_components::i18n::Text as ComponentText;
use civic_components::{Button, ErrorMessage, ErrorSummary, Hint, Input, Label};
use maud::{Markup, html};

use super::layout::{csrf_field, layout, save_for_later_link};
use super::parts::fieldset;
use super::{PageContext, components_language};
use crate::answers::Submitted;
use crate::definition::{Language, Question};
use crate::messages::{FieldText, LookupText};

/// The address-lookup crate's language for a form's language.
pub(super) fn lookup_language(language: Language) -> civic_address_lookup::messages::Language {
    match language {
        Language::Cy => civic_address_lookup::messages::Language::Welsh,
        Language::En => civic_address_lookup::messages::Language::English,
    }
}

/// Renders the postcode step of the UK address `question`, re-showing what was typed in
/// `submitted`. When `lookup` is [`PostcodeLookup::Invalid`] the postcode is shown in error
/// ("Enter a full UK postcode", with "Did you mean …?" for a likely slip). `manual_href` is
/// where "Enter the address manually" goes.
pub fn find_address_page(
    context: &PageContext<'_>,
    question: &Question,
    submitted: &Submitted,
    lookup: Option<&PostcodeLookup>,
    manual_href: &str,
) -> Markup {
    let language = context.language;
    let postcode_key = format!("{}.postcode", question.id);
    let building_key = format!("{}.building", question.id);
    let error = match lookup {
        Some(invalid @ PostcodeLookup::Invalid { suggestion, .. }) => {
            let mut message = invalid
                .message(lookup_language(language))
                .unwrap_or_default();
            if let Some(suggestion) = suggestion {
                let did_you_mean = civic_address_lookup::messages::did_you_mean(
                    lookup_language(language),
                    suggestion.as_str(),
                );
                message = format!("{message}. {did_you_mean}");
            }
            Some(message)
        }
        _ => None,
    };
    let mut postcode = Input::new(&postcode_key)
        .id(&postcode_key)
        .label(Label::text(FieldText::Postcode.text(language)))
        .hint(Hint::text(LookupText::PostcodeHint.text(language)))
        .value(submitted.get(&postcode_key))
        .autocomplete("postal-code")
        .spellcheck(false)
        .classes("govuk-input--width-10");
    if let Some(message) = &error {
        postcode = postcode.error_message(ErrorMessage::text(message));
    }
    let building = Input::new(&building_key)
        .id(&building_key)
        .label(Label::text(LookupText::Building.text(language)))
        .hint(Hint::text(LookupText::BuildingHint.text(language)))
        .value(submitted.get(&building_key))
        .classes("govuk-!-width-two-thirds");
    let summary = error.as_ref().map(|message| {
        ErrorSummary::new(components_language(language).text(ComponentText::ThereIsAProblem))
            .error(message, format!("#{postcode_key}"))
    });
    let title = question.label.in_language(language);
    // The question's legend and hint, as on every other fieldset (a service can say there
    // what the list holds, "sample data" in the demo).
    let fieldset = fieldset(question, language, true, &[postcode, building]);
    let content = html! {
        @if let Some(summary) = &summary { (summary) }
        form method="post" action=(context.action) novalidate {
            (csrf_field(context))
            (fieldset)
            (Button::text(LookupText::FindAddress.text(language)))
        }
        p class="govuk-body" {
            a class="govuk-link" href=(manual_href) { (LookupText::EnterManually.text(language)) }
        }
        (save_for_later_link(context))
    };
    layout(context, title, error.is_some(), content)
}

#[cfg(test)]
mod tests {
    use civic_address_lookup::{Postcode, PostcodeError};
    use civic_components::assets::Assets;
    use civic_components::brand::{Brand, BrandColour};

    use super::*;
    use crate::definition::{AnswerType, UkAddressOptions};

    fn page(language: Language, submitted: &Submitted, lookup: Option<&PostcodeLookup>) -> String {
        page_with(
            language,
            crate::render::PageExtras::default(),
            None,
            submitted,
            lookup,
        )
    }

    /// The page for the question "What is your address?" with `hint`, in `language`.
    fn page_with(
        language: Language,
        extras: crate::render::PageExtras<'_>,
        hint: Option<&str>,
        submitted: &Submitted,
        lookup: Option<&PostcodeLookup>,
    ) -> String {
        let brand = Brand::new("Kestrel Vale", BrandColour::parse("#005a4e").unwrap());
        let assets = Assets::empty("/assets");
        let context = PageContext {
            brand: &brand,
            assets: &assets,
            action: "/apply/home/find",
            csrf_token: "tok",
            back_href: Some("/apply/start"),
            language,
            extras,
        };
        let mut question = Question::new(
            "home",
            crate::definition::Text::bilingual("What is your address?", "Beth yw eich cyfeiriad?"),
            AnswerType::UkAddress(UkAddressOptions::default()),
        );
        question.hint = hint.map(Into::into);
        find_address_page(&context, &question, submitted, lookup, "/apply/home/manual")
            .into_string()
    }

    #[test]
    fn postcode_and_building_with_find_address_button_and_manual_link() {
        let html = page(Language::En, &Submitted::default(), None);
        assert!(html.contains("<title>What is your address?"), "{html}");
        assert!(html.contains(r#"name="home.postcode""#), "{html}");
        assert!(html.contains(r#"autocomplete="postal-code""#), "{html}");
        assert!(html.contains(r#"name="home.building""#), "{html}");
        assert!(html.contains("Find address"), "{html}");
        assert!(html.contains(r#"href="/apply/home/manual""#), "{html}");
        assert!(html.contains("Enter the address manually"), "{html}");
        assert!(html.contains(r#"name="csrf_token" value="tok""#), "{html}");
        assert!(!html.contains("There is a problem"), "{html}");
        assert!(!html.contains("home-hint"), "{html}");
    }

    #[test]
    fn the_question_s_hint_describes_the_fieldset() {
        let extras = crate::render::PageExtras::default();
        let hint = Some("Sample data: try ZY1 0AA");
        let html = page_with(Language::En, extras, hint, &Submitted::default(), None);
        assert!(html.contains(r#"aria-describedby="home-hint""#), "{html}");
        assert!(html.contains("Sample data: try ZY1 0AA"), "{html}");
    }

    #[test]
    fn save_and_come_back_later_is_offered_where_the_form_offers_it() {
        let extras = crate::render::PageExtras {
            save_href: Some("/apply/save"),
            ..crate::render::PageExtras::default()
        };
        let html = page_with(Language::Cy, extras, None, &Submitted::default(), None);
        assert!(
            html.contains(r#"href="/apply/save">Cadw a dod yn ôl yn nes ymlaen"#),
            "{html}"
        );
    }

    #[test]
    fn invalid_postcode_is_shown_in_error_with_a_suggestion_in_welsh() {
        let submitted = Submitted::from_pairs([("home.postcode", "SWIA 2AA<")]);
        let lookup = PostcodeLookup::Invalid {
            error: PostcodeError::Empty,
            suggestion: Postcode::parse("SW1A 2AA").ok(),
        };
        let html = page(Language::Cy, &submitted, Some(&lookup));
        assert!(
            html.contains("<title>Gwall: Beth yw eich cyfeiriad?"),
            "{html}"
        );
        assert!(html.contains("Mae problem wedi codi"), "{html}");
        assert!(html.contains(r##"href="#home.postcode""##), "{html}");
        assert!(html.contains("Rhowch god post llawn yn y DU"), "{html}");
        assert!(html.contains("SW1A 2AA?"), "{html}");
        assert!(html.contains("Dod o hyd i gyfeiriad"), "{html}");
        assert!(html.contains(r#"value="SWIA 2AA&lt;""#), "{html}");
        assert!(html.contains("govuk-input--error"), "{html}");
    }
}
