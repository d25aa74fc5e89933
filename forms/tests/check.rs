//! `check` catches each kind of definition error, with the path and a plain sentence.

use std::path::Path;

use civic_forms::check::{Problem, check, check_file};
use civic_forms::definition::{FormDefinition, Format};

fn problems(yaml: &str) -> Vec<Problem> {
    let form = FormDefinition::parse(yaml, Format::Yaml).unwrap_or_else(|e| panic!("{e}"));
    check(&form)
}

/// Asserts that exactly one problem is at `path` and its message contains `words`.
fn assert_problem(problems: &[Problem], path: &str, words: &str) {
    let found: Vec<_> = problems.iter().filter(|p| p.path == path).collect();
    assert!(
        found.iter().any(|p| p.message.contains(words)),
        "no problem at {path} saying {words:?}; got:\n{}",
        problems
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

const GOOD: &str = include_str!("fixtures/parking.yaml");

#[test]
fn a_sound_definition_has_no_problems() {
    assert_eq!(problems(GOOD), []);
}

#[test]
fn the_published_examples_are_sound() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("definitions");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let found = check_file(&path);
        assert!(
            found.is_empty(),
            "{}",
            found
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

#[test]
fn unknown_keys_are_reported_with_file_and_path() {
    let dir = std::env::temp_dir().join(format!("civic-forms-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("form.yaml");
    std::fs::write(
        &file,
        GOOD.replace("        to: check_answers", "        goto: check_answers"),
    )
    .unwrap();
    let found = check_file(&file);
    // The route without `goto` has no `to` either: said next.
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].path, "pages[0].routes[0]");
    assert!(found[1].message.contains("`to`"), "{}", found[1]);
    assert_eq!(found[0].file.as_deref(), Some(file.as_path()));
    assert_eq!(found[0].path, "pages[0].routes[0].goto");
    assert!(
        found[0].to_string().starts_with(&format!(
            "{}: pages[0].routes[0].goto: `goto` is not a key allowed here",
            file.display()
        )),
        "{}",
        found[0]
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// Every unknown key at once, in each format, and then what else is wrong with the rest:
/// an author fixes them in one go rather than one run each.
#[test]
fn every_unknown_key_is_reported_then_the_other_problems() {
    let yaml = GOOD
        .replace("title: Apply", "colour: blue\ntitle: Apply")
        .replace(
            "        label: Do you have",
            "        hint_text: Say yes\n        label: Do you have",
        )
        .replace(
            "answer: { type: vehicle_registration }",
            "answer: { type: vehicle_registration, size: 10 }",
        )
        .replace("      - id: registration\n", "      - id: has_vehicle\n");
    let dir = std::env::temp_dir().join(format!("civic-forms-unknown-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let form: serde_json::Value = serde_yaml::from_str(&yaml).unwrap();
    let files = [
        ("form.yaml", yaml.clone()),
        ("form.json", serde_json::to_string_pretty(&form).unwrap()),
        ("form.toml", toml::to_string(&form).unwrap()),
    ];
    for (name, text) in files {
        let file = dir.join(name);
        std::fs::write(&file, text).unwrap();
        let found = check_file(&file);
        let paths: Vec<&str> = found.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "colour",
                "pages[0].questions[0].hint_text",
                "pages[1].questions[0].answer.size",
                "pages[1].questions[0].id",
            ],
            "{name}: {found:?}"
        );
        assert!(found[3].message.contains("already used"), "{}", found[3]);
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn duplicate_ids_are_reported() {
    let yaml = GOOD
        .replace("      - id: registration\n", "      - id: has_vehicle\n")
        .replace("  - id: registration\n", "  - id: vehicle\n");
    let found = problems(&yaml);
    assert_problem(
        &found,
        "pages[1].id",
        "`vehicle` is already used by pages[0]",
    );
    assert_problem(
        &found,
        "pages[1].questions[0].id",
        "`has_vehicle` is already used by pages[0].questions[0]",
    );
}

#[test]
fn a_route_to_a_missing_page_is_reported() {
    let found = problems(&GOOD.replace("to: check_answers", "to: registraton"));
    assert_problem(
        &found,
        "pages[0].routes[0].to",
        "there is no page with the id `registraton`",
    );
}

#[test]
fn routes_that_loop_or_jump_back_are_reported() {
    let back = format!("{GOOD}    routes:\n      - to: vehicle\n");
    assert_problem(
        &problems(&back),
        "pages[1].routes[0].to",
        "jumps back to `vehicle`",
    );
    let same = format!("{GOOD}    routes:\n      - to: registration\n");
    assert_problem(&problems(&same), "pages[1].routes[0].to", "would loop");
}

#[test]
fn an_add_to_a_list_repeat_is_not_a_loop() {
    let yaml = format!(
        "{GOOD}    add_to_list: {{ item_name: vehicle, repeat_from: registration, max: 3 }}\n"
    );
    assert_eq!(problems(&yaml), []);
    let later = format!("{GOOD}    add_to_list: {{ item_name: vehicle, min: 4, max: 3 }}\n");
    assert_problem(
        &problems(&later),
        "pages[1].add_to_list.min",
        "at least 4 items are needed but at most 3",
    );
}

#[test]
fn unreachable_pages_are_reported() {
    let yaml = GOOD.replace("      - when: { equals: { question: has_vehicle, value: 'no' } }\n        to: check_answers", "      - to: check_answers");
    assert_problem(
        &problems(&yaml),
        "pages[1]",
        "`registration` can never be reached",
    );
}

#[test]
fn routes_after_an_unconditional_route_are_reported() {
    let yaml = GOOD.replace(
        "        to: check_answers",
        "        to: check_answers\n      - to: registration\n      - to: check_answers",
    );
    assert_problem(
        &problems(&yaml),
        "pages[0].routes[2]",
        "never used: routes[1]",
    );
}

#[test]
fn conditions_are_checked_against_the_questions() {
    let typo = GOOD.replace("value: 'no'", "value: nope");
    assert_problem(
        &problems(&typo),
        "pages[0].routes[0].when.equals.value",
        "`nope` is not an answer to `has_vehicle`, whose answers are `yes`, `no`",
    );
    let later = GOOD.replace("question: has_vehicle", "question: registration");
    assert_problem(
        &problems(&later),
        "pages[0].routes[0].when.equals.question",
        "asked later, on page `registration`",
    );
    let missing = GOOD.replace("question: has_vehicle", "question: vehicle");
    assert_problem(
        &problems(&missing),
        "pages[0].routes[0].when.equals.question",
        "no question with the id `vehicle`",
    );
    let wrong_type = GOOD.replace(
        "{ equals: { question: has_vehicle, value: 'no' } }",
        "{ number: { question: has_vehicle, at_least: 2 } }",
    );
    assert_problem(
        &problems(&wrong_type),
        "pages[0].routes[0].when.number",
        "`has_vehicle` is a yes_no question",
    );
    let nested = GOOD.replace(
        "{ equals: { question: has_vehicle, value: 'no' } }",
        "{ any: [ { answered: { question: has_vehicle } }, { all: [] } ] }",
    );
    assert_problem(
        &problems(&nested),
        "pages[0].routes[0].when.any[1].all",
        "needs at least one condition",
    );
}

#[test]
fn missing_welsh_text_is_reported_when_welsh_is_offered() {
    let yaml = GOOD.replace("title: Apply for a parking permit", "title: { en: Apply for a parking permit, cy: Gwneud cais am drwydded barcio }\nlanguages: [en, cy]");
    let found = problems(&yaml);
    assert_problem(
        &found,
        "pages[0].questions[0].label",
        "there is no Welsh text",
    );
    assert!(!found.iter().any(|p| p.path == "title"), "{found:?}");
}

#[test]
fn pages_must_ask_something_or_be_exit_pages() {
    let yaml = GOOD.replace("    questions:\n      - id: registration\n        label: What is the vehicle's registration number?\n        answer: { type: vehicle_registration }\n", "    exit: { body: You need a vehicle }\n");
    assert_problem(
        &problems(&yaml),
        "pages[1].title",
        "an exit page needs a title",
    );
    let empty = "id: x\ntitle: X\npages:\n  - id: a\n";
    assert_problem(
        &problems(empty),
        "pages[0].questions",
        "the page has no questions",
    );
}

#[test]
fn settings_are_checked() {
    let yaml = format!(
        "{GOOD}delivery:\n  store: false\n  team_emails: [not-an-address]\n  resident_email: {{ question: registration }}\n  webhook: {{ url: 'http://example.com/hook', secret_env: HOOK_SECRET }}\nretention: {{ submission_days: 0 }}\nconfirmation: {{ reference_prefix: BIO }}\n"
    );
    let found = problems(&yaml);
    assert_problem(&found, "delivery.team_emails[0]", "not an email address");
    assert_problem(
        &found,
        "delivery.resident_email.question",
        "does not ask for an email address",
    );
    assert_problem(&found, "delivery.webhook.url", "must use https://");
    assert_problem(&found, "retention.submission_days", "at least 1 day");
    assert_problem(&found, "confirmation.reference_prefix", "without O or I");
}

#[test]
fn the_rust_builder_is_checked_the_same_way() {
    use civic_forms::definition::{AnswerType, Destination, Page, Question, Route};
    let form = FormDefinition::new("parking", "Apply for a parking permit")
        .page(Page::new("vehicle").question(Question::new(
            "reg",
            "Registration",
            AnswerType::VehicleRegistration {},
        )))
        .page(
            Page::new("more")
                .question(Question::new("more", "More", AnswerType::YesNo {}))
                .route(Route::to(Destination::page("vehicle"))),
        );
    let found = form.clone().build().unwrap_err();
    assert_problem(&found, "pages[1].routes[0].to", "jumps back to `vehicle`");
    let yaml = serde_yaml::to_string(&form).unwrap();
    assert_eq!(FormDefinition::parse(&yaml, Format::Yaml).unwrap(), form);
}

#[test]
fn list_items_are_entered_at_their_first_page_and_tested_only_inside() {
    let yaml = "
id: x
title: X
pages:
  - id: start
    questions:
      - { id: start, label: Start?, answer: { type: yes_no } }
    routes:
      - when: { equals: { question: start, value: 'no' } }
        to: size
  - id: item
    questions:
      - { id: item, label: Item?, answer: { type: text } }
    routes:
      - when: { equals: { question: item, value: fridge } }
        to: end
  - id: size
    questions:
      - { id: size, label: Size?, answer: { type: text } }
    add_to_list: { item_name: item, repeat_from: item }
  - id: end
    questions:
      - { id: end, label: End?, answer: { type: yes_no } }
    routes:
      - when: { equals: { question: size, value: big } }
        to: check_answers
";
    let found = problems(yaml);
    assert_problem(
        &found,
        "pages[0].routes[0].to",
        "enters the list item at `size`, which is not the item's first page",
    );
    assert_problem(
        &found,
        "pages[1].routes[0].to",
        "leaves the list item before its last page `size`",
    );
    assert_problem(
        &found,
        "pages[3].routes[0].when.equals.question",
        "asked for each item of the list ending at `size`",
    );
}

#[test]
fn task_lists_cover_every_page_once_in_order() {
    let found = problems(
        "
id: licence
title: Apply for a licence
pages:
  - id: name
    questions: [{ id: name, label: Name, answer: { type: text } }]
  - id: email
    questions: [{ id: email, label: Email, answer: { type: email } }]
  - id: premises
    questions: [{ id: premises, label: Premises, answer: { type: text } }]
  - id: fee
    questions: [{ id: fee, label: Fee, answer: { type: text } }]
task_list:
  sections:
    - title: About you
      tasks:
        - { title: Your details, pages: [name, emial] }
        - { title: The premises, pages: [premises, name] }
    - title: Paying
      tasks: []
    - title: The fee
      tasks:
        - { title: Fee, pages: [fee] }
        - { title: Contact, pages: [email] }
",
    );
    assert_problem(
        &found,
        "task_list.sections[0].tasks[0].pages[1]",
        "there is no page with the id `emial`",
    );
    assert_problem(
        &found,
        "task_list.sections[0].tasks[1].pages[1]",
        "the page `name` is already in task_list.sections[0].tasks[0]; a page belongs to one task",
    );
    assert_problem(
        &found,
        "task_list.sections[1].tasks",
        "the section has no tasks",
    );
    assert_problem(
        &found,
        "task_list.sections[2].tasks[1].pages[0]",
        "the page `email` comes before `fee` in the form's pages; tasks must take the pages in the order they are in the form",
    );
    assert_eq!(found.len(), 4, "{found:#?}");

    let found = problems(
        "
id: licence
title: Apply for a licence
pages:
  - id: name
    questions: [{ id: name, label: Name, answer: { type: text } }]
  - id: email
    questions: [{ id: email, label: Email, answer: { type: email } }]
task_list:
  sections:
    - { title: About you, tasks: [{ title: Your details, pages: [name] }] }
",
    );
    assert_problem(
        &found,
        "pages[1]",
        "the page `email` is in no task; with a task list every page belongs to one task",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
}

#[test]
fn the_every_answer_type_example_asks_every_answer_type_in_both_languages() {
    // Every answer type the published schema knows (issue #7's "Done when" form).
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("schema/form-definition.schema.json")).unwrap(),
    )
    .unwrap();
    let all: Vec<&str> = schema["$defs"]["AnswerType"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|one| one["properties"]["type"]["const"].as_str())
        .collect();
    assert!(all.len() >= 22, "{all:?}");
    let form = FormDefinition::load(root.join("definitions/every-answer-type.yaml")).unwrap();
    let asked: Vec<&str> = form
        .questions()
        .iter()
        .map(|(_, question)| question.answer.type_name())
        .collect();
    for kind in &all {
        assert!(asked.contains(kind), "no {kind} question");
    }
    use civic_forms::definition::Language;
    assert_eq!(form.languages, [Language::En, Language::Cy]);
    assert!(form.pages.iter().any(|page| !page.routes.is_empty()));
    assert!(form.pages.iter().any(|page| page.add_to_list.is_some()));
    assert!(form.payment.is_some() && form.declaration.is_some());
    assert_eq!(check(&form), []);
}

#[test]
fn supplied_options_and_item_prices_are_checked() {
    let found = problems(
        "
id: bulky
title: Book a collection
pages:
  - id: item
    questions:
      - id: item
        label: Which item?
        answer:
          type: one_from_list
          options:
            - { value: sofa, label: Sofa }
            - { value: fridge, label: Fridge }
    add_to_list: { item_name: item }
  - id: date
    questions:
      - id: date
        label: Which date?
        answer: { type: one_from_list, options: [{ value: a, label: A }], supplied: true }
  - id: time
    questions:
      - id: time
        label: Which time?
        answer: { type: one_from_list, options: [] }
payment:
  description: Collection
  fee:
    computed:
      per_item:
        - { page: item, priced_by: { question: item, pence: { sofa: 2500, piano: 9000 } } }
        - { page: item, priced_by: { question: colour, pence: {} } }
",
    );
    assert_problem(
        &found,
        "pages[1].questions[0].answer.options",
        "leave `options` empty",
    );
    assert_problem(
        &found,
        "pages[2].questions[0].answer.options",
        "at least 2 options",
    );
    assert_problem(
        &found,
        "payment.fee.computed.per_item[0].priced_by.pence.piano",
        "`piano` is not an option of the question `item`",
    );
    assert_problem(
        &found,
        "payment.fee.computed.per_item[1].priced_by.question",
        "there is no question `colour` in the items of `item`",
    );
    assert_eq!(found.len(), 4, "{found:?}");
}
