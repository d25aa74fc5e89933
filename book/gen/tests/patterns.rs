//! The user guide's and pattern pages' code, run.

#![allow(clippy::unwrap_used)]

use civic_book::patterns::*;
use civic_forms::answers::Submitted;
use maud::Render;
use time::macros::date;

const TODAY: time::Date = date!(2026 - 03 - 10);

#[test]
fn the_guide_form_loads_with_no_problems() {
    let form = pothole_form().unwrap();
    assert_eq!(form.pages.len(), 4);
}

#[test]
fn a_blank_postcode_shows_the_error_summary_and_the_field_error() {
    let form = pothole_form().unwrap();
    let page = question_page_with_errors(&form, &Submitted::from_pairs([("postcode", "")]), TODAY)
        .unwrap_err()
        .into_string();
    assert!(page.contains("There is a problem"), "{page}");
    assert!(page.contains("href=\"#postcode\""), "{page}");
    assert!(page.contains("govuk-input--error"), "{page}");
    assert!(page.contains("Enter the postcode"), "{page}");
}

#[test]
fn a_good_postcode_is_accepted_and_normalised() {
    let form = pothole_form().unwrap();
    let values = question_page_with_errors(
        &form,
        &Submitted::from_pairs([("postcode", "kv1 2ab")]),
        TODAY,
    )
    .unwrap();
    assert_eq!(values.len(), 1);
    assert_eq!(format!("{:?}", values[0].1), "Some(Text(\"KV1 2AB\"))");
}

#[test]
fn check_answers_lists_every_answer_with_a_change_link() {
    let form = pothole_form().unwrap();
    let answers = answer_everything(&form, TODAY);
    let html = check_answers(&form, &answers, TODAY).render().into_string();
    for expected in [
        "KV1 2AB",
        "Larger than a dinner plate",
        "3 March 2026",
        "Resident@Example.com",
        "/report-a-pothole/size?change",
    ] {
        assert!(html.contains(expected), "{expected} missing from {html}");
    }
}

#[test]
fn confirmation_references_read_back() {
    let (reference, panel) = confirmation();
    assert!(reference.starts_with("PH"));
    assert_eq!(
        civic_forms::reference::normalise(&reference.to_lowercase()).as_deref(),
        Some(reference.as_str())
    );
    assert!(panel.render().into_string().contains(&reference));
}

#[test]
fn brand_and_migration_examples_run() {
    let brand = brand().unwrap();
    assert!(brand.custom_properties_css().contains("#005a4e"));
    let html = migrate().unwrap();
    assert!(html.contains("Enter a full UK postcode"));
    assert!(html.contains("For example, KV1 2AB"));
}

#[test]
fn postcodes_phone_numbers_and_emails() {
    assert_eq!(
        postcodes(),
        ["KV1 2AB", "SW1A 2AA", "Enter a full UK postcode"]
    );
    assert_eq!(
        contact_details(),
        ["447700900123", "Nid yw’n gyfeiriad e-bost dilys"]
    );
}

#[test]
fn text_messages_and_templates() {
    let (text, fragments, france) = sms();
    assert!(text.starts_with("Kestrel Vale: "));
    assert_eq!(fragments, 1);
    assert_eq!(france, 2);
    let welsh = template().unwrap();
    assert!(
        welsh.contains("PH-7KQ4-M2XD") && welsh.contains("Rydym"),
        "{welsh}"
    );
}

#[tokio::test]
async fn a_sandbox_payment_from_start_to_refund() {
    let seen = payment().await.unwrap();
    assert!(
        seen[0].starts_with("http://localhost:3000/sandbox/"),
        "{seen:?}"
    );
    assert_eq!(seen[1], "Some(Success)");
    assert_eq!(seen.len(), 4);
}

#[test]
fn date_errors_name_the_box_and_the_rule() {
    let form = pothole_form().unwrap();
    let messages = date_errors(&form, TODAY);
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(messages[0].starts_with("spotted.day: "), "{messages:?}");
    assert!(messages[2].starts_with("spotted.day: "), "{messages:?}");
    eprintln!("{messages:?}");
}

#[test]
fn names_in_parts() {
    let shown = name_parts(TODAY);
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(shown[0].starts_with("name.last_name: "), "{shown:?}");
    eprintln!("{shown:?}");
}

#[tokio::test]
async fn answers_are_saved_and_expire() {
    let form = pothole_form().unwrap();
    let answers = answer_everything(&form, TODAY);
    assert!(save_and_return(&form, answers).await.unwrap());
}

#[test]
fn items_are_added_to_a_list() {
    assert_eq!(add_to_a_list(TODAY).unwrap(), ["Sofa", "Fridge"]);
}

#[test]
fn the_form_in_welsh() {
    let form = pothole_form().unwrap();
    let shown = welsh(&form, TODAY);
    assert_eq!(shown[0], "Beth yw'r cod post agosaf at y twll?");
    assert_eq!(shown.len(), 3, "{shown:?}");
    assert_eq!(shown[2], "true");
    eprintln!("{shown:?}");
}

#[test]
fn retention_comes_from_the_definition() {
    let form = pothole_form().unwrap();
    assert_eq!(retention(&form), (20, 7, 90));
}

#[tokio::test]
async fn addresses_by_postcode_with_suggestions() {
    let shown = find_address().await.unwrap();
    eprintln!("{shown:?}");
    assert_eq!(shown.len(), 4, "{shown:?}");
    assert_eq!(shown[2], "Enter a full UK postcode");
    assert_eq!(shown[3], "Did you mean SW1A 2AA?");
}
