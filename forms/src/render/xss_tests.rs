//! Every renderer that shows text a resident typed, fed a standard list of XSS payloads in
//! every field: the markup must come back with no element, attribute or script of the
//! payload's own, only its escaped text.

use civic_address_lookup::{Address, Dpa, Uprn};
use time::macros::date;

use super::layout::test_support::Fixture;
use super::*;
use crate::answers::{
    AcceptedFile, AnswerValue, BankDetails, InternationalAddress, PersonName, Submitted, UkAddress,
    expected_fields, read_page,
};
use crate::definition::FileKind;
use crate::definition::{FormDefinition, Format, Language};
use crate::journey::Answers;
use crate::session::FileId;

/// Common XSS payloads (after the OWASP filter evasion cheat sheet): tags, attribute
/// breakouts in both quote styles, closing tags of raw-text elements, and URLs.
const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg/onload=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "</option></select><iframe src=javascript:alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "\" autofocus onfocus=alert(1) x=\"",
    "<!--<img src=--><img src=x onerror=alert(1)//>",
];

/// The payload's own markup must not survive: no tag it opens, no attribute it breaks out to.
fn assert_escaped(html: &str, baseline_scripts: usize) {
    for tag in [
        "<img",
        "<svg",
        "<iframe",
        "<a href=\"javascript",
        "</textarea><",
        "</option></select><",
    ] {
        assert!(!html.contains(tag), "{tag} survived: {html}");
    }
    assert_eq!(html.matches("<script").count(), baseline_scripts, "{html}");
    assert!(!html.contains("\" autofocus"), "attribute breakout: {html}");
}

fn form() -> FormDefinition {
    FormDefinition::parse(
        r#"
id: t
title: T
languages: [en, cy]
pages:
  - id: all
    title: Everything
    questions:
      - { id: a, label: A, answer: { type: name } }
      - { id: b, label: B, answer: { type: name, parts: title_first_and_last } }
      - { id: c, label: C, answer: { type: organisation_name } }
      - { id: d, label: D, answer: { type: email } }
      - { id: e, label: E, answer: { type: phone } }
      - { id: f, label: F, answer: { type: national_insurance_number } }
      - { id: g, label: G, answer: { type: uk_address } }
      - { id: h, label: H, answer: { type: international_address } }
      - { id: i, label: I, answer: { type: date } }
      - { id: k, label: K, answer: { type: month_year } }
      - { id: l, label: L, answer: { type: time } }
      - { id: m, label: M, answer: { type: number } }
      - { id: n, label: N, answer: { type: money } }
      - { id: o, label: O, answer: { type: text } }
      - { id: p, label: P, answer: { type: long_text } }
      - id: r
        label: R
        answer:
          type: one_from_list
          options:
            - { value: x, label: X, follow_up: { id: rx, label: RX, answer: { type: text } } }
      - { id: s, label: S, answer: { type: one_from_list, display: autocomplete, options: [{ value: x, label: X }] } }
      - { id: u, label: U, answer: { type: postcode } }
      - { id: v, label: V, answer: { type: vehicle_registration } }
      - { id: w, label: W, answer: { type: bank_details, roll_number: true } }
      - { id: x, label: X, answer: { type: file_upload, accept: [pdf], max_size_mb: 1 } }
  - id: item
    questions:
      - { id: item, label: Item, answer: { type: text } }
    add_to_list: { item_name: thing }
"#,
        Format::Yaml,
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn question_pages_escape_every_payload_in_every_field() {
    let fixture = Fixture::new();
    let form = form();
    let page = &form.pages[0];
    for language in [Language::En, Language::Cy] {
        let context = fixture.context(language);
        let baseline = question_page(&context, page, &Submitted::default(), &[])
            .into_string()
            .matches("<script")
            .count();
        for payload in PAYLOADS {
            let submitted = Submitted::from_pairs(
                expected_fields(page)
                    .into_iter()
                    .map(|name| (name, (*payload).to_owned())),
            );
            let errors = read_page(page, &submitted, date!(2026 - 11 - 28))
                .err()
                .unwrap_or_default();
            let html = question_page(&context, page, &submitted, &errors).into_string();
            assert_escaped(&html, baseline);
        }
    }
}

/// A typed-in UK address with `payload` in every line but the postcode.
fn uk_address(payload: &str) -> UkAddress {
    UkAddress {
        line1: payload.to_owned(),
        line2: Some(payload.to_owned()),
        town: payload.to_owned(),
        county: Some(payload.to_owned()),
        postcode: "SW1A 1AA".to_owned(),
        uprn: None,
    }
}

#[test]
fn check_answers_list_and_address_pages_escape_every_payload() {
    let fixture = Fixture::new();
    let form = form();
    let context = fixture.context(Language::En);
    let baseline = check_answers_page(&context, &form, &Answers::default(), "/apply")
        .into_string()
        .matches("<script")
        .count();
    for payload in PAYLOADS {
        let text = || Some(AnswerValue::Text((*payload).to_owned()));
        let mut answers = Answers::default();
        answers.record_page(
            &form,
            "all",
            [
                ("a".to_owned(), text()),
                (
                    "b".to_owned(),
                    Some(AnswerValue::Name(PersonName {
                        title: Some((*payload).to_owned()),
                        first: (*payload).to_owned(),
                        last: (*payload).to_owned(),
                    })),
                ),
                ("o".to_owned(), text()),
                ("p".to_owned(), text()),
                ("r".to_owned(), Some(AnswerValue::Choice("x".to_owned()))),
                ("rx".to_owned(), text()),
                (
                    "g".to_owned(),
                    Some(AnswerValue::UkAddress(uk_address(payload))),
                ),
                (
                    "h".to_owned(),
                    Some(AnswerValue::InternationalAddress(InternationalAddress {
                        lines: vec![(*payload).to_owned(), (*payload).to_owned()],
                        postcode: Some((*payload).to_owned()),
                        country: (*payload).to_owned(),
                    })),
                ),
                (
                    "w".to_owned(),
                    Some(AnswerValue::BankDetails(BankDetails {
                        account_name: (*payload).to_owned(),
                        sort_code: "309430".to_owned(),
                        account_number: "00733445".to_owned(),
                        roll_number: Some((*payload).to_owned()),
                    })),
                ),
                (
                    "x".to_owned(),
                    Some(AnswerValue::Files(vec![AcceptedFile {
                        id: FileId::generate(),
                        file_name: (*payload).to_owned(),
                        kind: FileKind::Pdf,
                        size: 1,
                        sha256: String::new(),
                    }])),
                ),
            ],
        );
        answers.record_page(&form, "item", [("item".to_owned(), text())]);
        let html = check_answers_page(&context, &form, &answers, "/apply").into_string();
        assert_escaped(&html, baseline);
        let mut escaped = String::new();
        civic_components::escape::escape_into(&mut escaped, payload);
        assert!(html.contains(&escaped), "{escaped} not shown: {html}");
        let href = |_: ItemAction, i: usize| format!("/apply/item/{i}");
        let html = list_summary_page(&context, &form, "item", &answers, &href, None)
            .unwrap_or_else(|e| panic!("{e}"))
            .into_string();
        assert_escaped(&html, baseline);
        let html = remove_item_page(&context, &form, "item", 0, &answers, true)
            .unwrap_or_else(|e| panic!("{e}"))
            .into_string();
        assert_escaped(&html, baseline);
        let question = &form.pages[0].questions[6];
        let submitted = Submitted::from_pairs([("g.postcode", *payload), ("g.building", *payload)]);
        let html = find_address_page(&context, question, &submitted, None, "/m").into_string();
        assert_escaped(&html, baseline);
        let mut address = Address::new(Uprn::new(1).unwrap_or_else(|| panic!("uprn")));
        address.dpa = Some(Dpa {
            building_name: (*payload).into(),
            thoroughfare: (*payload).into(),
            post_town: (*payload).into(),
            ..Dpa::default()
        });
        let links = LookupLinks {
            search_again: "/f",
            manual: "/m",
        };
        let html = select_address_page(&context, question, payload, &[address], None, true, links)
            .into_string();
        assert_escaped(&html, baseline);
        let html = check_your_email_page(&context, payload, 28).into_string();
        assert_escaped(&html, baseline);
        let html = confirmation_page(&context, payload, None).into_string();
        assert_escaped(&html, baseline);
    }
}
