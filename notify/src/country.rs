//! Countries and territories as GOV.UK Notify recognises them on the last line of a letter's
//! address, and the postage each needs.
//!
//! The names are Notify's: the GOV.UK country and territory register with its synonyms
//! ("Deutschland", "Côte d'Ivoire"), Welsh names ("Yr Almaen"), and the islands Royal Mail
//! treats on their own (Jersey, Guernsey and the Isle of Man are the UK; the Canary Islands
//! are Europe). `data/countries.tsv` holds them; `data/countries.py` says where they come from.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::gsm::downgrade_to_ascii;

/// The canonical name of the United Kingdom.
const UK: &str = "United Kingdom";

/// Every name Notify knows, with the country it stands for, in the order Notify builds its
/// table: when two names normalise to the same key, the later one wins.
const NAMES: &str = include_str!("../data/countries.tsv");

/// The countries Royal Mail charges European postage for (Notify's `europe.txt`).
const ROYAL_MAIL_EUROPEAN: &[&str] = &[
    "Albania",
    "Andorra",
    "Armenia",
    "Austria",
    "Azerbaijan",
    "Azores",
    "Balearic Islands",
    "Belarus",
    "Belgium",
    "Bosnia and Herzegovina",
    "Bulgaria",
    "Canary Islands",
    "Corsica",
    "Croatia",
    "Cyprus",
    "Czechia",
    "Denmark",
    "Estonia",
    "Faroe Islands",
    "Finland",
    "France",
    "Georgia",
    "Germany",
    "Gibraltar",
    "Greece",
    "Greenland",
    "Hungary",
    "Iceland",
    "Ireland",
    "Italy",
    "Kazakhstan",
    "Kosovo",
    "Kyrgyzstan",
    "Latvia",
    "Liechtenstein",
    "Lithuania",
    "Luxembourg",
    "North Macedonia",
    "Madeira",
    "Malta",
    "Moldova",
    "Monaco",
    "Montenegro",
    "Netherlands",
    "Norway",
    "Poland",
    "Portugal",
    "Romania",
    "Russia",
    "San Marino",
    "Serbia",
    "Slovakia",
    "Slovenia",
    "Spain",
    "Sweden",
    "Switzerland",
    "Tajikistan",
    "Turkey",
    "Turkmenistan",
    "Ukraine",
    "Uzbekistan",
    "Vatican City",
];

/// Which postage a letter needs, as Notify names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Postage {
    /// The United Kingdom, the Channel Islands and the Isle of Man (first or second class).
    UnitedKingdom,
    /// Royal Mail's European zone.
    Europe,
    /// Everywhere else.
    RestOfWorld,
}

impl Postage {
    /// Notify's name for it: `united-kingdom`, `europe` or `rest-of-world`.
    pub fn as_str(self) -> &'static str {
        match self {
            Postage::UnitedKingdom => "united-kingdom",
            Postage::Europe => "europe",
            Postage::RestOfWorld => "rest-of-world",
        }
    }
}

/// A country or territory a letter can be addressed to.
///
/// ```
/// use civic_notify::{Country, Postage};
///
/// let germany = Country::find("Deutschland").unwrap();
/// assert_eq!((germany.name(), germany.postage()), ("Germany", Postage::Europe));
/// assert_eq!(Country::find("Yr Alban"), Some(Country::united_kingdom()));
/// assert_eq!(Country::find("SW1A 1AA"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Country {
    name: &'static str,
}

impl Country {
    /// The United Kingdom.
    pub fn united_kingdom() -> Country {
        Country { name: UK }
    }

    /// The country `name` stands for, ignoring case, spaces, punctuation and accents, and a
    /// leading "the", "yr" or "y", as Notify does. A name with a digit in it is never a
    /// country (it is most likely a postcode).
    pub fn find(name: &str) -> Option<Country> {
        if name.chars().any(char::is_numeric) {
            return None;
        }
        let table = table();
        [
            name.to_owned(),
            format!("the {name}"),
            format!("yr {name}"),
            format!("y {name}"),
        ]
        .iter()
        .find_map(|candidate| table.get(&key(candidate)))
        .map(|name| Country { name })
    }

    /// Its canonical name, as Notify prints it on the envelope ("Germany", "Ivory Coast").
    pub fn name(self) -> &'static str {
        self.name
    }

    /// The postage a letter there needs.
    pub fn postage(self) -> Postage {
        if self.name == UK {
            Postage::UnitedKingdom
        } else if ROYAL_MAIL_EUROPEAN.contains(&self.name) {
            Postage::Europe
        } else {
            Postage::RestOfWorld
        }
    }
}

/// Notify's `CountryMapping.make_key`: `&` and `+` read as "and", spaces and punctuation
/// dropped, lower case, then accents taken off unless that would leave a `?`.
fn key(name: &str) -> String {
    let normalised: String = name
        .replace(['&', '+'], "and")
        .chars()
        .filter(|c| !" _-'\u{2019},.()".contains(*c))
        .flat_map(char::to_lowercase)
        .collect();
    let ascii = downgrade_to_ascii(&normalised);
    if ascii.contains('?') {
        normalised
    } else {
        ascii
    }
}

/// The table from key to canonical name, built once.
fn table() -> &'static HashMap<String, &'static str> {
    static TABLE: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        NAMES
            .lines()
            .filter_map(|line| line.split_once('\t'))
            .map(|(name, canonical)| (key(name), canonical))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn synonyms_welsh_names_and_islands_find_their_country() {
        let name = |text: &str| Country::find(text).map(Country::name);
        assert_eq!(name("Côte d'Ivoire"), Some("Ivory Coast"));
        assert_eq!(name("the netherlands"), None);
        assert_eq!(name("Gambia"), Some("The Gambia"));
        assert_eq!(name("Bahamas"), Some("The Bahamas"));
        assert_eq!(name("Almaen"), Some("Germany"));
        assert_eq!(name("Jersey"), Some(UK));
        assert_eq!(name("Wales"), Some(UK));
        assert_eq!(name("Trinidad & Tobago"), Some("Trinidad and Tobago"));
        assert_eq!(name("Tenerife"), Some("Canary Islands"));
        assert_eq!(name("Narnia"), None);
    }

    #[test]
    fn postage_follows_royal_mail_zones() {
        let postage = |text: &str| Country::find(text).map(Country::postage);
        assert_eq!(postage("Isle of Man"), Some(Postage::UnitedKingdom));
        assert_eq!(postage("Canary Islands"), Some(Postage::Europe));
        assert_eq!(postage("France"), Some(Postage::Europe));
        assert_eq!(postage("Bhutan"), Some(Postage::RestOfWorld));
    }

    #[test]
    fn every_listed_name_finds_a_country_with_a_name_in_the_table() {
        for line in NAMES.lines() {
            let (name, canonical) = line.split_once('\t').expect("a tab on every line");
            let country = Country::find(name).expect(name);
            // A later name with the same key may point elsewhere; the canonical name always
            // finds itself.
            assert!(
                Country::find(canonical).is_some(),
                "{canonical} (for {name}) is not itself a country"
            );
            assert!(!country.name().is_empty());
        }
    }

    proptest! {
        #[test]
        fn any_text_never_panics(text in "\\PC{0,30}") {
            let _ = Country::find(&text).map(Country::postage);
        }
    }
}
