//! A resident's way through the published example, from submitted fields to the fee: the
//! definition, answer types, journey and session store working together.

// Tests may unwrap (the house rule); these helpers sit outside `#[test]` functions.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use civic_forms::answers::{AnswerValue, Submitted, display, read_page};
use civic_forms::definition::{FormDefinition, Language};
use civic_forms::journey::{Answers, Journey, Step};
use civic_forms::session::{MemorySessionStore, Session, SessionStore};
use time::macros::{date, datetime};

fn form() -> FormDefinition {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("definitions/bulky-waste.yaml");
    FormDefinition::load(path).unwrap()
}

/// Submits `fields` on the current page, as the HTTP layer will: read, then record.
fn submit(
    form: &FormDefinition,
    answers: &mut Answers,
    fields: &[(&str, &str)],
) -> Result<(), Vec<String>> {
    let today = date!(2025 - 06 - 15);
    let journey = Journey::new(form, today);
    let Step::Page(page_id) = journey.current(answers) else {
        panic!("not on a page: {:?}", journey.current(answers))
    };
    let page = form.find_page(&page_id).unwrap();
    match read_page(page, &Submitted::from_pairs(fields.iter().copied()), today) {
        Ok(values) => {
            answers.record_page(form, &page_id, values);
            Ok(())
        }
        Err(errors) => Err(errors
            .iter()
            .map(|e| {
                let (_, question) = form.find_question(&e.question).unwrap();
                e.text(question, Language::Cy)
            })
            .collect()),
    }
}

#[tokio::test]
async fn a_resident_completes_the_example_form() {
    let form = form();
    let journey = Journey::new(&form, date!(2025 - 06 - 15));
    let mut answers = Answers::default();

    submit(&form, &mut answers, &[("lives_in_area", "yes")]).unwrap();
    // Errors come back in Welsh, built from the question's Welsh error name.
    assert_eq!(
        submit(&form, &mut answers, &[("item", ""), ("item_kind", "")]),
        Err(vec![
            "Rhowch yr eitem".to_owned(),
            "Dewiswch opsiwn".to_owned()
        ])
    );
    submit(
        &form,
        &mut answers,
        &[
            ("item", "Fridge freezer"),
            ("item_kind", "appliance"),
            ("contains_gas", "yes"),
        ],
    )
    .unwrap();
    assert_eq!(journey.current(&answers), Step::ListSummary("items".into()));
    assert_eq!(
        answers.items("items")[0].values["contains_gas"],
        AnswerValue::YesNo(true)
    );
    answers.add_another(&form, "items", false).unwrap();

    assert_eq!(
        submit(
            &form,
            &mut answers,
            &[
                ("date_of_birth.day", "31"),
                ("date_of_birth.month", "Chwef"),
                ("date_of_birth.year", "1950")
            ]
        ),
        Err(vec![
            "Rhaid i ddyddiad geni fod yn ddyddiad go iawn".to_owned()
        ])
    );
    // Over 65: the benefits page is skipped.
    submit(
        &form,
        &mut answers,
        &[
            ("date_of_birth.day", "3"),
            ("date_of_birth.month", "Chwefror"),
            ("date_of_birth.year", "1950"),
        ],
    )
    .unwrap();
    assert_eq!(journey.current(&answers), Step::Page("contact".into()));
    assert_eq!(
        journey.previous(&Step::Page("contact".into()), &answers),
        Some(Step::Page("date-of-birth".into()))
    );
    submit(
        &form,
        &mut answers,
        &[("email", "resident@example.com"), ("phone", "")],
    )
    .unwrap();
    assert!(journey.check_answers_allowed(&answers));

    let (_, dob) = form.find_question("date_of_birth").unwrap();
    assert_eq!(
        display(dob, answers.get("date_of_birth"), Language::Cy),
        ["3 Chwefror 1950"]
    );
    // £20 base + £5 for the one item; the benefits rule does not apply to a skipped page.
    assert_eq!(journey.fee(&answers), Some(2500));

    // The answers survive a round trip through a session store.
    let store = MemorySessionStore::new();
    let now = datetime!(2025-06-15 10:00 UTC);
    let mut session = Session::new(&form.id, now, time::Duration::minutes(20));
    session.answers = answers.clone();
    store.save(&session).await.unwrap();
    let loaded = store.load(&session.id, now).await.unwrap().unwrap();
    assert_eq!(loaded.answers, answers);
}
