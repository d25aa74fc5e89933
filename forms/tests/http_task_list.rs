//! A long form with a task list over HTTP (issue #7, item 4): the form opens on the task list,
//! tasks start in any order unless they depend on an unfinished one, finishing a task returns
//! to the task list, "check your answers" opens once every task is completed, and its Change
//! links come back to it.

#![cfg(feature = "axum")]
#![allow(clippy::unwrap_used)]

mod support;

use axum::http::StatusCode;
use civic_forms::check::check;
use civic_forms::definition::{
    AnswerType, Condition, Destination, FormDefinition, Format, Language, Page, Question, Route,
    Task, TaskList, TaskSection, Text, ValueTest,
};
use civic_forms::http::HttpConfig;
use support::service_of;

const FORM: &str = r#"
id: street-trading
title: { en: Apply for a street trading licence, cy: Gwneud cais am drwydded masnachu stryd }
languages: [en, cy]
pages:
  - id: name
    questions:
      - { id: name, label: { en: What is your name?, cy: Beth yw eich enw? }, answer: { type: text } }
  - id: email
    questions:
      - { id: email, label: { en: What is your email address?, cy: Beth yw eich cyfeiriad e-bost? }, answer: { type: email } }
  - id: pitch
    questions:
      - { id: pitch, label: { en: Where will you trade?, cy: Ble byddwch chi'n masnachu? }, answer: { type: text } }
  - id: food
    questions:
      - { id: food, label: { en: Will you sell food?, cy: A fyddwch chi'n gwerthu bwyd? }, answer: { type: yes_no } }
    routes:
      - { when: { equals: { question: food, value: "no" } }, to: days }
  - id: hygiene
    questions:
      - { id: hygiene, label: { en: What is your food hygiene rating?, cy: Beth yw eich sgôr hylendid bwyd? }, answer: { type: number } }
  - id: days
    questions:
      - { id: days, label: { en: How many days a week will you trade?, cy: Sawl diwrnod yr wythnos y byddwch chi'n masnachu? }, answer: { type: number } }
task_list:
  sections:
    - title: { en: About you, cy: Amdanoch chi }
      tasks:
        - { title: { en: Your details, cy: Eich manylion }, pages: [name, email] }
    - title: { en: Your pitch, cy: Eich llain }
      tasks:
        - { title: { en: Where you will trade, cy: Ble byddwch chi'n masnachu }, pages: [pitch] }
        - { title: { en: What you will sell, cy: Beth fyddwch chi'n ei werthu }, pages: [food] }
        - { title: { en: Food hygiene, cy: Hylendid bwyd }, pages: [hygiene] }
        - { title: { en: Trading days, cy: Diwrnodau masnachu }, pages: [days] }
"#;

/// The status shown beside a task on the task list, and where its link goes.
fn task<'a>(page: &'a str, title: &str) -> (&'a str, Option<&'a str>) {
    let at = page
        .find(&format!("{title}\n"))
        .or_else(|| page.find(title))
        .unwrap_or_else(|| panic!("no task {title:?} in {page}"));
    let item_start = page[..at].rfind("<li").unwrap();
    let item_end = at + page[at..].find("</li>").unwrap();
    let item = &page[item_start..item_end];
    let status = [
        "Completed",
        "Incomplete",
        "Not yet started",
        "Cannot start yet",
    ]
    .into_iter()
    .chain([
        "Wedi’i gwblhau",
        "Heb ei gwblhau",
        "Heb ddechrau eto",
        "Methu dechrau eto",
    ])
    .find(|status| item.contains(status))
    .unwrap_or_else(|| panic!("no status in {item}"));
    let href = item
        .find("href=\"")
        .map(|from| &item[from + 6..from + 6 + item[from + 6..].find('"').unwrap()]);
    (status, href)
}

#[tokio::test]
async fn tasks_start_from_the_task_list_and_finishing_one_returns_there() {
    let service = service_of(FORM, "sqlite::memory:", HttpConfig::default()).await;
    let mut browser = service.client();
    browser.get("/apply").await.see_other("/apply/task-list");
    let list = browser.get("/apply/task-list").await;
    assert_eq!(list.status, StatusCode::OK);
    let page = &list.body;
    assert!(
        page.contains("You have completed 0 of 5 sections."),
        "{page}"
    );
    assert_eq!(
        task(page, "Your details"),
        ("Not yet started", Some("/apply/name"))
    );
    // Independent of the first task: can be done first.
    assert_eq!(
        task(page, "Where you will trade"),
        ("Not yet started", Some("/apply/pitch"))
    );
    assert_eq!(
        task(page, "What you will sell"),
        ("Not yet started", Some("/apply/food"))
    );
    // Whether it is asked at all depends on "What you will sell".
    assert_eq!(task(page, "Food hygiene"), ("Cannot start yet", None));
    assert_eq!(task(page, "Trading days"), ("Cannot start yet", None));
    assert_eq!(
        task(page, "Check your answers and send your application"),
        ("Cannot start yet", None)
    );

    // A task's first page goes back to the task list; its last page returns there.
    let pitch = browser.get("/apply/pitch").await;
    assert!(
        pitch
            .body
            .contains(r#"<a href="/apply/task-list" class="govuk-back-link">"#),
        "{}",
        pitch.body
    );
    browser
        .answer("/apply/pitch", &[("pitch", "Market Square")])
        .await
        .see_other("/apply/task-list");
    // Part-way through a task: on to its next page, not back to the list.
    browser
        .answer("/apply/name", &[("name", "Ann Jones")])
        .await
        .see_other("/apply/email");
    let email = browser.get("/apply/email").await;
    assert!(email.body.contains("/apply/name"), "{}", email.body);
    let list = browser.get("/apply/task-list").await.body;
    assert!(
        list.contains("You have completed 1 of 5 sections."),
        "{list}"
    );
    assert_eq!(
        task(&list, "Your details"),
        ("Incomplete", Some("/apply/email"))
    );
    assert_eq!(
        task(&list, "Where you will trade"),
        ("Completed", Some("/apply/pitch"))
    );

    // A task that cannot start yet, and "check your answers", are not open.
    browser
        .get("/apply/hygiene")
        .await
        .see_other("/apply/task-list");
    browser
        .get("/apply/check-answers")
        .await
        .see_other("/apply/task-list");

    browser
        .answer("/apply/email", &[("email", "ann@example.com")])
        .await
        .see_other("/apply/task-list");
    browser
        .answer("/apply/food", &[("food", "yes")])
        .await
        .see_other("/apply/task-list");
    let list = browser.get("/apply/task-list").await.body;
    assert_eq!(
        task(&list, "Food hygiene"),
        ("Not yet started", Some("/apply/hygiene"))
    );
    assert_eq!(
        task(&list, "Trading days"),
        ("Not yet started", Some("/apply/days"))
    );
    // The last task can be done before the one above it.
    browser
        .answer("/apply/days", &[("days", "3")])
        .await
        .see_other("/apply/task-list");
    browser
        .answer("/apply/hygiene", &[("hygiene", "5")])
        .await
        .see_other("/apply/task-list");
    let list = browser.get("/apply/task-list").await.body;
    assert!(
        list.contains("You have completed 5 of 5 sections."),
        "{list}"
    );
    assert_eq!(
        task(&list, "Check your answers and send your application"),
        ("Not yet started", Some("/apply/check-answers"))
    );

    // Check your answers: back to the task list; Change links come back here.
    let check = browser.get("/apply/check-answers").await;
    assert_eq!(check.status, StatusCode::OK);
    assert!(check.body.contains("/apply/task-list"), "{}", check.body);
    assert!(
        check
            .body
            .contains(r#"href="/apply/food?return=check-answers""#),
        "{}",
        check.body
    );
    let change = browser.get("/apply/food?return=check-answers").await;
    assert!(
        change
            .body
            .contains(r#"action="/apply/food?return=check-answers""#),
        "{}",
        change.body
    );
    let token = change.csrf();
    browser
        .post(
            "/apply/food?return=check-answers",
            &[("csrf_token", &token), ("food", "no")],
        )
        .await
        .see_other("/apply/check-answers");
    // No food: the hygiene task no longer applies, and its answer is not sent.
    let list = browser.get("/apply/task-list").await.body;
    assert!(!list.contains("Food hygiene"), "{list}");
    assert!(
        list.contains("You have completed 4 of 4 sections."),
        "{list}"
    );
    let check = browser.get("/apply/check-answers").await;
    assert!(
        !check.body.contains("food hygiene rating"),
        "{}",
        check.body
    );
    let token = check.csrf();
    browser
        .post("/apply/check-answers", &[("csrf_token", &token)])
        .await
        .see_other("/apply/confirmation");
    let delivered = service.delivered.0.lock().unwrap();
    let answers = &delivered[0].answers;
    assert!(answers.values.contains_key("days"));
    assert!(!answers.values.contains_key("hygiene"));
}

#[tokio::test]
async fn the_task_list_is_in_welsh() {
    let service = service_of(FORM, "sqlite::memory:", HttpConfig::default()).await;
    let mut browser = service.client();
    browser.get("/apply").await;
    let list = browser.get("/apply/task-list?lang=cy").await.body;
    assert!(
        list.contains("Gwneud cais am drwydded masnachu stryd"),
        "{list}"
    );
    assert!(list.contains("Rydych wedi cwblhau 0 o 5 adran."), "{list}");
    assert_eq!(
        task(&list, "Eich manylion"),
        ("Heb ddechrau eto", Some("/apply/name"))
    );
    assert_eq!(task(&list, "Hylendid bwyd"), ("Methu dechrau eto", None));
    browser
        .answer("/apply/name", &[("name", "Ann Jones")])
        .await
        .see_other("/apply/email");
    let list = browser.get("/apply/task-list").await.body;
    assert_eq!(
        task(&list, "Eich manylion"),
        ("Heb ei gwblhau", Some("/apply/email"))
    );
}

#[test]
fn the_example_is_sound_and_reads_the_same_from_yaml_json_toml_and_rust() {
    let yaml = FormDefinition::parse(FORM, Format::Yaml).unwrap();
    assert_eq!(check(&yaml), []);
    let json = serde_json::to_string(&yaml).unwrap();
    assert_eq!(FormDefinition::parse(&json, Format::Json).unwrap(), yaml);
    let toml = toml::to_string(&yaml).unwrap();
    assert_eq!(FormDefinition::parse(&toml, Format::Toml).unwrap(), yaml);

    let text = |en: &str, cy: &str| Text::bilingual(en, cy);
    let question = |id: &str, en: &str, cy: &str, answer: AnswerType| {
        Page::new(id).question(Question::new(id, text(en, cy), answer))
    };
    let food_no = Condition::Equals(ValueTest {
        question: "food".into(),
        value: "no".into(),
    });
    let task = |en: &str, cy: &str, pages: &[&str]| Task::new(text(en, cy), pages.iter().copied());
    let built = FormDefinition::new(
        "street-trading",
        text(
            "Apply for a street trading licence",
            "Gwneud cais am drwydded masnachu stryd",
        ),
    )
    .languages([Language::En, Language::Cy])
    .page(question(
        "name",
        "What is your name?",
        "Beth yw eich enw?",
        AnswerType::Text(Default::default()),
    ))
    .page(question(
        "email",
        "What is your email address?",
        "Beth yw eich cyfeiriad e-bost?",
        AnswerType::Email {},
    ))
    .page(question(
        "pitch",
        "Where will you trade?",
        "Ble byddwch chi'n masnachu?",
        AnswerType::Text(Default::default()),
    ))
    .page(
        question(
            "food",
            "Will you sell food?",
            "A fyddwch chi'n gwerthu bwyd?",
            AnswerType::YesNo {},
        )
        .route(Route::when(food_no, Destination::page("days"))),
    )
    .page(question(
        "hygiene",
        "What is your food hygiene rating?",
        "Beth yw eich sgôr hylendid bwyd?",
        AnswerType::Number(Default::default()),
    ))
    .page(question(
        "days",
        "How many days a week will you trade?",
        "Sawl diwrnod yr wythnos y byddwch chi'n masnachu?",
        AnswerType::Number(Default::default()),
    ))
    .task_list(TaskList::new(vec![
        TaskSection::new(
            text("About you", "Amdanoch chi"),
            vec![task("Your details", "Eich manylion", &["name", "email"])],
        ),
        TaskSection::new(
            text("Your pitch", "Eich llain"),
            vec![
                task(
                    "Where you will trade",
                    "Ble byddwch chi'n masnachu",
                    &["pitch"],
                ),
                task(
                    "What you will sell",
                    "Beth fyddwch chi'n ei werthu",
                    &["food"],
                ),
                task("Food hygiene", "Hylendid bwyd", &["hygiene"]),
                task("Trading days", "Diwrnodau masnachu", &["days"]),
            ],
        ),
    ]))
    .build()
    .unwrap();
    assert_eq!(built, yaml);
}
