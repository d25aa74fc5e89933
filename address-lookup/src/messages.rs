//! Every piece of text a resident may be shown by this crate, in English and Welsh.
//!
//! Wording follows GOV.UK services so residents meet the same words everywhere:
//! - "Enter a full UK postcode" is the GOV.UK Design System's address pattern error; the Welsh
//!   "Rhowch god post llawn yn y DU" is the wording of the Welsh-language GOV.UK service
//!   "Find an energy certificate" (communitiesuk/epb-frontend, its feature tests).
//! - "We could not find any addresses for …" and "Enter the address manually", with their
//!   Welsh "Ni allwn ddod o hyd i unrhyw gyfeiriadau ar gyfer …" and "Nodwch y cyfeiriad â
//!   llaw", are HMRC's address lookup service's (hmrc/address-lookup-frontend, Welsh content
//!   in its view tests).

/// The language a resident is reading the service in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Language {
    /// English (`en`).
    #[default]
    English,
    /// Welsh (`cy`).
    Welsh,
}

/// The error for a postcode that is not a well-formed UK postcode.
pub fn enter_full_postcode(language: Language) -> &'static str {
    match language {
        Language::English => "Enter a full UK postcode",
        Language::Welsh => "Rhowch god post llawn yn y DU",
    }
}

/// The message for a well-formed postcode with no addresses in the loaded data.
pub fn no_addresses_found(language: Language, postcode: &str) -> String {
    match language {
        Language::English => format!("We could not find any addresses for {postcode}"),
        Language::Welsh => format!("Ni allwn ddod o hyd i unrhyw gyfeiriadau ar gyfer {postcode}"),
    }
}

/// The link text offering the resident to type the address in themselves.
pub fn enter_address_manually(language: Language) -> &'static str {
    match language {
        Language::English => "Enter the address manually",
        Language::Welsh => "Nodwch y cyfeiriad â llaw",
    }
}

/// "Did you mean …?" for a suggested correction of a mistyped postcode.
pub fn did_you_mean(language: Language, suggestion: &str) -> String {
    match language {
        Language::English => format!("Did you mean {suggestion}?"),
        Language::Welsh => format!("Ydych chi'n golygu {suggestion}?"),
    }
}

/// The label shown beside generated addresses so nobody mistakes them for real ones.
pub fn sample_data_notice(language: Language) -> &'static str {
    match language {
        Language::English => "Sample data: these addresses are invented",
        Language::Welsh => "Data enghreifftiol: mae'r cyfeiriadau hyn wedi'u dyfeisio",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_exists_in_both_languages_and_differs() {
        for (en, cy) in [
            (
                enter_full_postcode(Language::English).to_owned(),
                enter_full_postcode(Language::Welsh).to_owned(),
            ),
            (
                no_addresses_found(Language::English, "SW1A 2AA"),
                no_addresses_found(Language::Welsh, "SW1A 2AA"),
            ),
            (
                enter_address_manually(Language::English).to_owned(),
                enter_address_manually(Language::Welsh).to_owned(),
            ),
            (
                did_you_mean(Language::English, "SW1A 2AA"),
                did_you_mean(Language::Welsh, "SW1A 2AA"),
            ),
            (
                sample_data_notice(Language::English).to_owned(),
                sample_data_notice(Language::Welsh).to_owned(),
            ),
        ] {
            assert!(!en.is_empty() && !cy.is_empty());
            assert_ne!(en, cy);
        }
        assert!(no_addresses_found(Language::Welsh, "CF10 1EP").ends_with("CF10 1EP"));
    }
}
