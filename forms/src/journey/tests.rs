use super::*;
use crate::answers::AnswerValue;
use crate::definition::Format;
use time::macros::date;

const FORM: &str = "
id: bulky
title: Bulky waste
pages:
  - id: in-area
    questions:
      - { id: in_area, label: Do you live here?, answer: { type: yes_no } }
    routes:
      - when: { equals: { question: in_area, value: 'no' } }
        to: not-eligible
      - to: item
  - id: not-eligible
    title: You cannot use this service
    exit: { body: Contact your own council. }
  - id: item
    questions:
      - { id: item, label: What is the item?, answer: { type: text } }
    routes:
      - when: { equals: { question: item, value: fridge } }
        to: item-gas
      - to: item-size
  - id: item-gas
    questions:
      - { id: gas, label: Does it contain gas?, answer: { type: yes_no } }
  - id: item-size
    questions:
      - { id: size, label: How big is it?, answer: { type: text } }
    add_to_list: { item_name: item, repeat_from: item, min: 1, max: 2 }
  - id: contact
    questions:
      - { id: email, label: Email, optional: true, answer: { type: email } }
payment:
  description: Collection
  fee:
    computed:
      base_pence: 1000
      per_item: [{ page: item-size, pence: 500 }]
      add: [{ when: { answered: { question: email } }, pence: 1 }]
";

fn form() -> FormDefinition {
    let form = FormDefinition::parse(FORM, Format::Yaml).unwrap();
    assert_eq!(crate::check::check(&form), []);
    form
}

fn page(id: &str) -> Step {
    Step::Page(id.to_owned())
}

fn text(value: &str) -> Option<AnswerValue> {
    Some(AnswerValue::Text(value.to_owned()))
}

fn record(
    answers: &mut Answers,
    form: &FormDefinition,
    page: &str,
    question: &str,
    value: Option<AnswerValue>,
) {
    answers.record_page(form, page, [(question.to_owned(), value)]);
}

#[test]
fn an_items_price_can_depend_on_the_item() {
    let mut form = form();
    let Some(payment) = form.payment.as_mut() else {
        panic!("the form takes a payment");
    };
    payment.fee =
        crate::definition::Fee::Computed(crate::definition::ComputedFee::new(0).per_item_priced(
            "item-size",
            crate::definition::ItemPrices::new("item", [("fridge", 3000), ("sofa", 2500)]),
            100,
        ));
    let journey = Journey::new(&form, date!(2025 - 01 - 01));
    let mut answers = Answers::default();
    for item in ["sofa", "fridge", "lamp"] {
        answers.record_page(&form, "item", [("item".to_owned(), text(item))]);
        answers.record_page(&form, "item-size", [("size".to_owned(), text("big"))]);
    }
    // 2500 + 3000, and the default for an item the prices do not name.
    assert_eq!(journey.fee(&answers), Some(5600));
}

#[test]
fn a_new_journey_starts_at_the_first_page() {
    let form = form();
    let journey = Journey::new(&form, date!(2025 - 01 - 01));
    let answers = Answers::default();
    assert_eq!(journey.steps(&answers), [page("in-area")]);
    assert!(!journey.can_visit(&page("item"), &answers));
    assert!(!journey.check_answers_allowed(&answers));
    assert_eq!(journey.previous(&page("in-area"), &answers), None);
}

#[test]
fn an_answer_can_lead_to_an_exit_page() {
    let form = form();
    let journey = Journey::new(&form, date!(2025 - 01 - 01));
    let mut answers = Answers::default();
    record(
        &mut answers,
        &form,
        "in-area",
        "in_area",
        Some(AnswerValue::YesNo(false)),
    );
    assert_eq!(
        journey.steps(&answers),
        [page("in-area"), page("not-eligible")]
    );
    assert_eq!(
        journey.previous(&page("not-eligible"), &answers),
        Some(page("in-area"))
    );
}

#[test]
fn add_to_a_list_repeats_its_own_pages_then_moves_on() {
    let form = form();
    let journey = Journey::new(&form, date!(2025 - 01 - 01));
    let mut answers = Answers::default();
    record(
        &mut answers,
        &form,
        "in-area",
        "in_area",
        Some(AnswerValue::YesNo(true)),
    );
    record(&mut answers, &form, "item", "item", text("fridge"));
    // Branching inside an item: a fridge is asked about gas.
    assert_eq!(journey.current(&answers), page("item-gas"));
    record(
        &mut answers,
        &form,
        "item-gas",
        "gas",
        Some(AnswerValue::YesNo(true)),
    );
    record(&mut answers, &form, "item-size", "size", text("large"));
    assert_eq!(
        journey.current(&answers),
        Step::ListSummary("item-size".into())
    );
    assert_eq!(answers.items("item-size").len(), 1);
    assert_eq!(
        answers.items("item-size")[0].values["gas"],
        AnswerValue::YesNo(true)
    );

    answers.add_another(&form, "item-size", true).unwrap();
    assert_eq!(journey.current(&answers), page("item"));
    record(&mut answers, &form, "item", "item", text("sofa"));
    assert_eq!(journey.current(&answers), page("item-size"));
    record(&mut answers, &form, "item-size", "size", text("small"));
    assert_eq!(
        answers.add_another(&form, "item-size", true),
        Err(ListError::TooMany { max: 2 })
    );
    answers.add_another(&form, "item-size", false).unwrap();
    assert_eq!(journey.current(&answers), page("contact"));
    assert_eq!(
        journey.previous(&page("contact"), &answers),
        Some(Step::ListSummary("item-size".into()))
    );
    assert_eq!(journey.fee(&answers), Some(2000));

    // An optional question left blank still completes its page.
    record(&mut answers, &form, "contact", "email", None);
    assert!(journey.check_answers_allowed(&answers));
    assert_eq!(journey.fee(&answers), Some(2000));
}

#[test]
fn items_can_be_changed_and_removed_but_not_below_the_minimum() {
    let form = form();
    let journey = Journey::new(&form, date!(2025 - 01 - 01));
    let mut answers = Answers::default();
    record(
        &mut answers,
        &form,
        "in-area",
        "in_area",
        Some(AnswerValue::YesNo(true)),
    );
    record(&mut answers, &form, "item", "item", text("sofa"));
    record(&mut answers, &form, "item-size", "size", text("small"));
    answers.change_item("item-size", 0).unwrap();
    assert_eq!(journey.current(&answers), page("item"));
    record(&mut answers, &form, "item", "item", text("table"));
    record(&mut answers, &form, "item-size", "size", text("small"));
    assert_eq!(answers.items("item-size").len(), 1);
    assert_eq!(
        answers.items("item-size")[0].values["item"],
        AnswerValue::Text("table".into())
    );
    answers.remove_item("item-size", 0).unwrap();
    assert_eq!(
        answers.add_another(&form, "item-size", false),
        Err(ListError::TooFew { min: 1 })
    );
    assert_eq!(
        answers.remove_item("item-size", 0),
        Err(ListError::NoSuchItem)
    );
}

#[test]
fn changing_an_earlier_answer_reroutes_and_drops_pages_no_longer_taken() {
    let form = form();
    let journey = Journey::new(&form, date!(2025 - 01 - 01));
    let mut answers = Answers::default();
    record(
        &mut answers,
        &form,
        "in-area",
        "in_area",
        Some(AnswerValue::YesNo(true)),
    );
    record(&mut answers, &form, "item", "item", text("sofa"));
    record(&mut answers, &form, "item-size", "size", text("small"));
    answers.add_another(&form, "item-size", false).unwrap();
    record(&mut answers, &form, "contact", "email", None);
    assert!(journey.check_answers_allowed(&answers));
    record(
        &mut answers,
        &form,
        "in-area",
        "in_area",
        Some(AnswerValue::YesNo(false)),
    );
    assert!(!journey.check_answers_allowed(&answers));
    let taken: Vec<&str> = journey
        .pages_taken(&answers)
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(taken, ["in-area", "not-eligible"]);
    assert!(!journey.can_visit(&page("contact"), &answers));
}

#[test]
fn a_change_from_check_answers_returns_there_unless_new_pages_opened() {
    let form = form();
    let journey = Journey::new(&form, date!(2025 - 01 - 01));
    let mut answers = Answers::default();
    record(
        &mut answers,
        &form,
        "in-area",
        "in_area",
        Some(AnswerValue::YesNo(true)),
    );
    record(&mut answers, &form, "item", "item", text("sofa"));
    record(&mut answers, &form, "item-size", "size", text("small"));
    answers.add_another(&form, "item-size", false).unwrap();
    record(&mut answers, &form, "contact", "email", None);
    // Changing the email keeps the journey complete: back to check answers.
    record(&mut answers, &form, "contact", "email", None);
    assert_eq!(
        journey.after(&page("contact"), &answers, true),
        Step::CheckAnswers
    );
    // Changing an item to a fridge opens the gas question, which must be answered first.
    answers.change_item("item-size", 0).unwrap();
    record(&mut answers, &form, "item", "item", text("fridge"));
    assert_eq!(
        journey.after(&page("item"), &answers, true),
        page("item-gas")
    );
}

proptest::proptest! {
    /// The fee is the base plus every rule that holds, whatever the amounts: sums that would
    /// overflow stop at the largest amount rather than wrapping round or panicking.
    #[test]
    fn a_computed_fee_is_the_base_plus_the_rules_that_hold(
        base in proptest::num::u64::ANY,
        if_yes in proptest::prop_oneof![proptest::strategy::Just(u64::MAX), proptest::num::u64::ANY],
        always in 0u64..1_000_000,
        yes in proptest::bool::ANY,
    ) {
        let form = FormDefinition::parse(
            &format!(
                "id: f\ntitle: F\npages:\n  - id: q\n    questions: [{{ id: q, label: Q, answer: {{ type: yes_no }} }}]\n\
                 payment:\n  description: D\n  fee:\n    computed:\n      base_pence: {base}\n      add:\n\
                 \x20       - {{ when: {{ equals: {{ question: q, value: 'yes' }} }}, pence: {if_yes} }}\n\
                 \x20       - {{ when: {{ answered: {{ question: q }} }}, pence: {always} }}\n"
            ),
            Format::Yaml,
        )
        .unwrap();
        let journey = Journey::new(&form, date!(2026 - 11 - 29));
        let mut answers = Answers::default();
        proptest::prop_assert_eq!(journey.fee(&answers), Some(base));
        record(&mut answers, &form, "q", "q", Some(AnswerValue::YesNo(yes)));
        let expected = base
            .saturating_add(if yes { if_yes } else { 0 })
            .saturating_add(always);
        proptest::prop_assert_eq!(journey.fee(&answers), Some(expected));
    }
}
