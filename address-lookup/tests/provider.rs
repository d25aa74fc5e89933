//! "Find address" through the trait, as the forms crate asks it, with each provider.

#![allow(clippy::unwrap_used)] // tests may unwrap (house rules)

use std::sync::Arc;

use civic_address_lookup::index::AddressIndex;
use civic_address_lookup::provider::AddressProvider;
use civic_address_lookup::{Postcode, generate, messages};

fn embedded() -> Arc<dyn AddressProvider> {
    Arc::new(AddressIndex::build(
        generate::sample_gazetteer(2_000, 5),
        generate::info(),
    ))
}

/// What a form does: parse what the resident typed, look the postcode up, show the list or
/// the "no addresses" message.
async fn find_address(provider: &dyn AddressProvider, typed: &str) -> Result<Vec<String>, String> {
    let postcode =
        Postcode::parse(typed).map_err(|e| e.message(messages::Language::English).to_owned())?;
    let found = provider
        .find_by_postcode(&postcode)
        .await
        .map_err(|e| e.to_string())?;
    if found.is_empty() {
        return Err(messages::no_addresses_found(
            messages::Language::English,
            postcode.as_str(),
        ));
    }
    Ok(found.iter().map(|a| a.single_line()).collect())
}

#[tokio::test]
async fn embedded_index_finds_addresses_by_postcode_uprn_and_text() {
    let provider = embedded();
    let list = find_address(&*provider, "zy1 0ab").await.unwrap();
    assert!(!list.is_empty());
    assert!(list.iter().all(|line| line.ends_with("ZY1 0AB")));

    let error = find_address(&*provider, "ZY1 0A").await.unwrap_err();
    assert_eq!(error, "Enter a full UK postcode");
    let error = find_address(&*provider, "SW1A 2AA").await.unwrap_err();
    assert_eq!(error, "We could not find any addresses for SW1A 2AA");

    let first = provider
        .find_by_postcode(&Postcode::parse("ZY1 0AB").unwrap())
        .await
        .unwrap()
        .remove(0);
    let by_uprn = provider.find_by_uprn(first.uprn).await.unwrap();
    assert_eq!(by_uprn.as_ref(), Some(&first));
    let hits = provider.search(&first.single_line(), 10).await.unwrap();
    assert_eq!(hits[0].uprn, first.uprn);
}

#[tokio::test]
async fn lookup_postcode_gives_the_three_outcomes_a_form_needs() {
    use civic_address_lookup::provider::{PostcodeLookup, lookup_postcode};
    let provider = embedded();
    let found = lookup_postcode(&*provider, "zy1 0ab").await.unwrap();
    assert!(matches!(found, PostcodeLookup::Found { ref addresses, .. } if !addresses.is_empty()));
    assert_eq!(found.message(messages::Language::English), None);
    let none = lookup_postcode(&*provider, "SW1A 2AA").await.unwrap();
    assert_eq!(
        none.message(messages::Language::Welsh).as_deref(),
        Some("Ni allwn ddod o hyd i unrhyw gyfeiriadau ar gyfer SW1A 2AA")
    );
    let invalid = lookup_postcode(&*provider, "ZY1 OAB").await.unwrap();
    let PostcodeLookup::Invalid { suggestion, .. } = &invalid else {
        panic!("{invalid:?}")
    };
    assert_eq!(
        suggestion.map(|p| p.to_string()).as_deref(),
        Some("ZY1 0AB")
    );
}

#[tokio::test]
async fn postcode_lists_come_in_natural_order() {
    let provider = embedded();
    let index = AddressIndex::build(generate::sample_gazetteer(2_000, 5), generate::info());
    for postcode in index.addresses().filter_map(|a| a.postcode()).take(50) {
        let list = provider.find_by_postcode(&postcode).await.unwrap();
        assert!(list.windows(2).all(|w| w[0].natural_cmp(&w[1]).is_le()));
    }
}
