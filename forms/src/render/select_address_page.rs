//! Step two of a UK address: choose it from the addresses at the postcode ("5 addresses
//! found"), with "I can't find the address in the list" leading to typing it in; or, when
//! the postcode has none, "We could not find any addresses for [postcode]" (civic-address-lookup's
//! words) with "Search again" and manual entry.
//!
//! The form posts `<id>.uprn`, the chosen address's UPRN; the HTTP layer fetches it with
//! `AddressProvider::find_by_uprn` and stores it as the answer.

use civic_address_lookup::Address;
use civic_components::i18n::Text as ComponentText;
use civic_components::{Button, ErrorMessage, ErrorSummary, Label, Select, SelectItem};
use maud::{Markup, html};

use super::layout::{csrf_field, layout, save_for_later_link};
use super::{PageContext, components_language};
use crate::definition::Question;
use crate::messages::{FieldText, LookupText};

/// Where the links of the address steps go.
#[derive(Debug, Clone, Copy)]
pub struct LookupLinks<'a> {
    /// Back to the postcode step ("Change", "Search again").
    pub search_again: &'a str,
    /// To typing the address in ("I can't find the address in the list").
    pub manual: &'a str,
}

/// Renders the address list of the UK address `question` for `postcode` (as normalised),
/// with `selected` (a UPRN) chosen; `show_error` when the resident continued without choosing.
/// With no `addresses` it renders the "no addresses found" state instead.
pub fn select_address_page(
    context: &PageContext<'_>,
    question: &Question,
    postcode: &str,
    addresses: &[Address],
    selected: Option<&str>,
    show_error: bool,
    links: LookupLinks<'_>,
) -> Markup {
    let language = context.language;
    if addresses.is_empty() {
        let title = civic_address_lookup::messages::no_addresses_found(
            super::find_address_page::lookup_language(language),
            postcode,
        );
        return layout(
            context,
            &title,
            false,
            html! {
                h1 class="govuk-heading-l" { (title) }
                p class="govuk-body" {
                    a class="govuk-link" href=(links.search_again) { (LookupText::SearchAgain.text(language)) }
                }
                p class="govuk-body" {
                    a class="govuk-link" href=(links.manual) { (LookupText::EnterManually.text(language)) }
                }
                (save_for_later_link(context))
            },
        );
    }
    let key = format!("{}.uprn", question.id);
    let found = LookupText::addresses_found(addresses.len(), language);
    let title = LookupText::SelectAddress.text(language);
    let mut select = Select::new(&key)
        .id(&key)
        .label(Label::text(LookupText::Address.text(language)))
        .item(SelectItem::new("", &found));
    for address in addresses {
        let uprn = address.uprn.to_string();
        let mut item = SelectItem::new(&uprn, address.single_line());
        if selected == Some(uprn.as_str()) {
            item = item.selected();
        }
        select = select.item(item);
    }
    let error = show_error.then(|| LookupText::SelectAddressError.text(language));
    if let Some(message) = error {
        select = select.error_message(ErrorMessage::text(message));
    }
    let summary = error.map(|message| {
        ErrorSummary::new(components_language(language).text(ComponentText::ThereIsAProblem))
            .error(message, format!("#{key}"))
    });
    let content = html! {
        @if let Some(summary) = &summary { (summary) }
        h1 class="govuk-heading-l" { (title) }
        p class="govuk-body" {
            (FieldText::Postcode.text(language)) ": " strong { (postcode) } " "
            a class="govuk-link" href=(links.search_again) {
                (LookupText::Change.text(language))
                span class="govuk-visually-hidden" { " " (FieldText::Postcode.text(language).to_lowercase()) }
            }
        }
        form method="post" action=(context.action) novalidate {
            (csrf_field(context))
            (select)
            p class="govuk-body" {
                a class="govuk-link" href=(links.manual) { (LookupText::CantFindAddress.text(language)) }
            }
            (Button::text(LookupText::UseThisAddress.text(language)))
        }
        (save_for_later_link(context))
    };
    layout(context, title, show_error, content)
}

#[cfg(test)]
mod tests {
    use civic_address_lookup::{Dpa, Postcode, Uprn};
    use civic_components::assets::Assets;
    use civic_components::brand::{Brand, BrandColour};

    use super::*;
    use crate::definition::{AnswerType, Language, UkAddressOptions};

    fn address(uprn: u64, number: u16, street: &str) -> Address {
        let mut address = Address::new(Uprn::new(uprn).unwrap());
        address.dpa = Some(Dpa {
            building_number: Some(number.into()),
            thoroughfare: street.into(),
            post_town: "LEEDS".into(),
            ..Dpa::default()
        });
        address.postcode = Postcode::parse("LS1 1AA").ok();
        address
    }

    fn page(
        language: Language,
        addresses: &[Address],
        selected: Option<&str>,
        error: bool,
    ) -> String {
        let brand = Brand::new("Kestrel Vale", BrandColour::parse("#005a4e").unwrap());
        let assets = Assets::empty("/assets");
        let context = PageContext {
            brand: &brand,
            assets: &assets,
            action: "/apply/home/select",
            csrf_token: "tok",
            back_href: Some("/apply/home/find"),
            language,
            extras: crate::render::PageExtras::default(),
        };
        let question = Question::new(
            "home",
            "What is your address?",
            AnswerType::UkAddress(UkAddressOptions::default()),
        );
        let links = LookupLinks {
            search_again: "/apply/home/find",
            manual: "/apply/home/manual",
        };
        select_address_page(
            &context, &question, "LS1 1AA", addresses, selected, error, links,
        )
        .into_string()
    }

    #[test]
    fn lists_addresses_with_count_selected_one_and_cant_find_link() {
        let addresses = [
            address(100, 1, "HIGH STREET"),
            address(200, 2, "<SCRIPT>ST"),
        ];
        let html = page(Language::En, &addresses, Some("200"), false);
        assert!(
            html.contains(r#"<option value="">2 addresses found</option>"#),
            "{html}"
        );
        assert!(html.contains(r#"name="home.uprn""#), "{html}");
        assert!(html.contains(r#"value="100""#), "{html}");
        assert!(html.contains(r#"value="200" selected"#), "{html}");
        assert!(
            html.contains("&lt;SCRIPT&gt;ST") && !html.contains("<SCRIPT>"),
            "{html}"
        );
        assert!(
            html.contains("I can’t find the address in the list"),
            "{html}"
        );
        assert!(html.contains(r#"href="/apply/home/manual""#), "{html}");
        assert!(html.contains("LS1 1AA"), "{html}");
        assert!(html.contains("<h1"), "{html}");
        assert!(!html.contains("There is a problem"), "{html}");
    }

    #[test]
    fn continuing_without_choosing_shows_the_error_in_welsh() {
        let html = page(Language::Cy, &[address(100, 1, "HIGH STREET")], None, true);
        assert!(html.contains("<title>Gwall: Dewiswch gyfeiriad"), "{html}");
        assert!(html.contains(r##"href="#home.uprn""##), "{html}");
        assert!(html.contains("govuk-select--error"), "{html}");
        assert!(html.contains("Daethpwyd o hyd i 1 cyfeiriad"), "{html}");
        assert!(
            html.contains("Ni allaf ddod o hyd i’r cyfeiriad yn y rhestr"),
            "{html}"
        );
    }

    #[test]
    fn no_addresses_offers_search_again_and_manual_entry() {
        for (language, heading) in [
            (Language::En, "We could not find any addresses for LS1 1AA"),
            (
                Language::Cy,
                "Ni allwn ddod o hyd i unrhyw gyfeiriadau ar gyfer LS1 1AA",
            ),
        ] {
            let html = page(language, &[], None, false);
            assert!(html.contains(heading), "{html}");
            assert!(!html.contains("<select"), "{html}");
            assert!(html.contains(r#"href="/apply/home/find""#), "{html}");
            assert!(html.contains(r#"href="/apply/home/manual""#), "{html}");
        }
    }
}
