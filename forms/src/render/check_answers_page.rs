//! "Check your answers": the answers in the order of the journey actually taken, each with a
//! Change link; each add-to-a-list item with its answers; then the form's declaration, if it
//! has one (its text, and a checkbox when the form asks for one), the total to pay when the
//! form takes a payment, and the button that sends the application (or goes on to pay).

use civic_components::i18n::Text as ComponentText;
use civic_components::{
    Button, CheckboxItem, Checkboxes, ErrorMessage, ErrorSummary, SummaryList, SummaryListRow,
};
use maud::{Markup, html};
use time::Date;

use super::layout::{csrf_field, layout};
use super::list_summary_page::item_label;
use super::{PageContext, components_language};
use crate::answers::{AnswerValue, amount, display};
use crate::definition::{FormDefinition, Language, Page};
use crate::journey::{Answers, Journey, Step, list_containing};
use crate::messages::{DeclarationText, ListText, PageText, PaymentText};

/// The name of the declaration's checkbox; its value is `yes` when ticked.
pub const DECLARATION_FIELD: &str = "declaration";

/// Everything "check your answers" shows besides the page context.
#[derive(Clone, Copy)]
pub struct CheckAnswers<'a> {
    /// The form.
    pub form: &'a FormDefinition,
    /// The resident's answers.
    pub answers: &'a Answers,
    /// The day the journey is worked out for (relative-date conditions route by it).
    pub today: Date,
    /// Where each step is shown: the Change links' targets.
    pub step_href: &'a dyn Fn(&Step) -> String,
    /// The declaration's checkbox was not ticked on the last try.
    pub declaration_error: bool,
}

impl std::fmt::Debug for CheckAnswers<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CheckAnswers")
            .field("form", &self.form.id)
            .field("today", &self.today)
            .field("declaration_error", &self.declaration_error)
            .finish_non_exhaustive()
    }
}

/// Renders "check your answers" for `answers` as of today, with Change links to
/// `{base}/{page id}` and to `{base}/{list page}/add-another` for lists, without a
/// declaration error. [`check_answers_page_with`] takes the day and the links.
pub fn check_answers_page(
    context: &PageContext<'_>,
    form: &FormDefinition,
    answers: &Answers,
    base: &str,
) -> Markup {
    let step_href = |step: &Step| match step {
        Step::Page(id) => format!("{base}/{id}"),
        Step::ListSummary(id) => format!("{base}/{id}/add-another"),
        Step::TaskList => format!("{base}/task-list"),
        _ => format!("{base}/check-answers"),
    };
    check_answers_page_with(
        context,
        &CheckAnswers {
            form,
            answers,
            today: time::OffsetDateTime::now_utc().date(),
            step_href: &step_href,
            declaration_error: false,
        },
    )
}

/// The rows of one page's questions (follow-ups of options not chosen left out).
fn page_rows(
    list: SummaryList,
    page: &Page,
    values: &crate::journey::Values,
    href: &str,
    language: Language,
) -> SummaryList {
    let change = PageText::Change.text(language);
    let mut list = list;
    for top in &page.questions {
        let mut questions = Vec::new();
        top.visit(&mut |q| questions.push(q));
        for question in questions {
            let value = values.get(&question.id);
            // A follow-up of an option not chosen has no answer and is not shown.
            if value.is_none() && question.id != top.id {
                continue;
            }
            let label = question.label.in_language(language);
            list = list.row(
                SummaryListRow::new(label, "")
                    .value_html(lines(&display(question, value, language)).into_string())
                    .action(href, change, label),
            );
        }
    }
    list
}

/// Lines of text, escaped, one per line.
fn lines(lines: &[String]) -> Markup {
    html! { @for (i, line) in lines.iter().enumerate() { @if i > 0 { br; } (line) } }
}

/// Renders "check your answers": the answers in the order of the journey taken, each
/// add-to-a-list item with its answers, then the form's declaration (with its checkbox when
/// the form asks for one) and the button that sends the application.
pub fn check_answers_page_with(context: &PageContext<'_>, page: &CheckAnswers<'_>) -> Markup {
    let language = context.language;
    let form = page.form;
    let answers = page.answers;
    let journey = Journey::new(form, page.today);
    let mut list = SummaryList::new();
    for step in journey.steps(answers) {
        match &step {
            Step::Page(id) => {
                let Some(index) = form.page_index(id) else {
                    continue;
                };
                let shown = &form.pages[index];
                if shown.exit.is_some()
                    || list_containing(form, index).is_some()
                    || !answers.completed.contains(id)
                {
                    continue;
                }
                list = page_rows(
                    list,
                    shown,
                    &answers.values,
                    &(page.step_href)(&step),
                    language,
                );
            }
            Step::ListSummary(id) => {
                let item_name = form
                    .find_page(id)
                    .and_then(|p| p.add_to_list.as_ref())
                    .map_or("", |l| l.item_name.in_language(language));
                let href = (page.step_href)(&step);
                for (i, item) in answers.items(id).iter().enumerate() {
                    let key = ListText::Numbered(item_name, i + 1).text(language);
                    let value = item_lines(form, id, &item.values, language);
                    let label = item_label(form, id, item, i, language);
                    list = list.row(
                        SummaryListRow::new(&key, "")
                            .value_html(lines(&value).into_string())
                            .action(&href, PageText::Change.text(language), &label),
                    );
                }
            }
            _ => {}
        }
    }
    let declaration = form.declaration.as_ref();
    let message = (page.declaration_error && declaration.is_some_and(|d| d.checkbox.is_some()))
        .then(|| DeclarationText::Required.text(language));
    let summary = message.map(|message| {
        ErrorSummary::new(components_language(language).text(ComponentText::ThereIsAProblem))
            .error(message, format!("#{DECLARATION_FIELD}"))
    });
    let checkbox = declaration.and_then(|d| d.checkbox.as_ref()).map(|label| {
        let mut checkboxes = Checkboxes::new(DECLARATION_FIELD)
            .id_prefix(DECLARATION_FIELD)
            .item(CheckboxItem::new("yes", label.in_language(language)));
        if let Some(message) = message {
            checkboxes = checkboxes.error_message(ErrorMessage::text(message));
        }
        checkboxes
    });
    let title = PageText::CheckYourAnswers.text(language);
    // The GOV.UK pattern: the fee worked out from these answers, before the button that pays.
    // A fee of £0 takes no payment: the application is sent as any other.
    let fee = journey.fee(answers).filter(|pence| *pence > 0);
    let button = match fee {
        Some(_) => PaymentText::ContinueToPayment.text(language),
        None => PageText::AcceptAndSend.text(language),
    };
    let content = html! {
        @if let Some(summary) = &summary { (summary) }
        h1 class="govuk-heading-l" { (title) }
        (list)
        @if let Some(pence) = fee {
            p class="govuk-body govuk-!-font-weight-bold govuk-!-font-size-24" {
                (PaymentText::TotalToPay.text(language)) ": " (amount(pence))
            }
        }
        form method="post" action=(context.action) novalidate {
            (csrf_field(context))
            @if let Some(declaration) = declaration {
                h2 class="govuk-heading-m" { (DeclarationText::Heading.text(language)) }
                @for paragraph in declaration.text.in_language(language).split("\n\n") {
                    p class="govuk-body" { (paragraph.trim()) }
                }
                @if let Some(checkbox) = &checkbox { (checkbox) }
            }
            (Button::text(button).prevent_double_click(true))
        }
    };
    layout(context, title, message.is_some(), content)
}

/// An item's answers as "Question: answer" lines, in the order of its pages.
fn item_lines(
    form: &FormDefinition,
    list_page: &str,
    values: &crate::journey::Values,
    language: Language,
) -> Vec<String> {
    let Some(last) = form.page_index(list_page) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (index, page) in form.pages.iter().enumerate() {
        if list_containing(form, index) != Some(last) {
            continue;
        }
        for top in &page.questions {
            top.visit(&mut |question| {
                let value: Option<&AnswerValue> = values.get(&question.id);
                if value.is_none() && question.id != top.id {
                    return;
                }
                let label = question.label.in_language(language);
                let shown = display(question, value, language).join(", ");
                out.push(format!("{label}: {shown}"));
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use civic_components::assets::Assets;
    use civic_components::brand::{Brand, BrandColour};
    use time::macros::date;

    use super::*;
    use crate::definition::Format;

    fn context_for<'a>(
        brand: &'a Brand,
        assets: &'a Assets,
        language: Language,
    ) -> PageContext<'a> {
        PageContext {
            brand,
            assets,
            action: "/apply/check-answers",
            csrf_token: "t",
            back_href: None,
            language,
            extras: crate::render::PageExtras::default(),
        }
    }

    #[test]
    fn rows_escape_answers_and_link_to_change() {
        let form = FormDefinition::parse(
            "id: t\ntitle: T\npages:\n  - id: about\n    questions:\n      - id: story\n        label: What happened?\n        answer: { type: long_text }\n  - id: later\n    questions:\n      - id: other\n        label: Not reached\n        answer: { type: text }\n",
            Format::Yaml,
        )
        .unwrap();
        let mut answers = Answers::default();
        answers.completed.insert("about".into());
        answers.values.insert(
            "story".into(),
            AnswerValue::Text("<script>alert(1)</script>\nline two".into()),
        );
        let brand = Brand::new("Kestrel Vale", BrandColour::parse("#005a4e").unwrap());
        let assets = Assets::empty("/assets");
        let context = context_for(&brand, &assets, Language::En);
        let html = check_answers_page(&context, &form, &answers, "/apply").into_string();
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;<br>line two"),
            "{html}"
        );
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(html.contains(r#"href="/apply/about""#), "{html}");
        assert!(!html.contains("Not reached"), "{html}");
        assert!(html.contains("Accept and send"), "{html}");
        assert!(!html.contains("Now send your application"), "{html}");
    }

    #[test]
    fn a_paying_form_shows_the_fee_for_these_answers_in_both_languages() {
        let form = FormDefinition::parse(
            r#"
id: t
title: T
languages: [en, cy]
pages:
  - id: length
    questions:
      - id: months
        label: { en: How long?, cy: Am ba hyd? }
        answer: { type: one_from_list, options: [{ value: "3", label: "3" }, { value: "12", label: "12" }] }
payment:
  description: Permit
  fee:
    computed:
      base_pence: 1000
      add: [{ when: { equals: { question: months, value: "12" } }, pence: 2500 }]
"#,
            Format::Yaml,
        )
        .unwrap();
        let mut answers = Answers::default();
        answers.completed.insert("length".into());
        answers
            .values
            .insert("months".into(), AnswerValue::Choice("12".into()));
        let html = render(&form, &answers, Language::En, false);
        assert!(html.contains("Total to pay: £35.00"), "{html}");
        assert!(html.contains("Continue to payment"), "{html}");
        assert!(!html.contains("Accept and send"), "{html}");
        answers
            .values
            .insert("months".into(), AnswerValue::Choice("3".into()));
        let html = render(&form, &answers, Language::Cy, false);
        assert!(
            html.contains("Cyfanswm i&#39;w dalu: £10.00")
                || html.contains("Cyfanswm i'w dalu: £10.00"),
            "{html}"
        );
        assert!(html.contains("Parhau i dalu"), "{html}");
    }

    fn branching_form() -> FormDefinition {
        FormDefinition::parse(
            r#"
id: t
title: T
languages: [en, cy]
pages:
  - id: owner
    questions:
      - { id: owner, label: { en: Do you own a vehicle?, cy: Oes gennych chi gerbyd? }, answer: { type: yes_no } }
    routes:
      - { when: { equals: { question: owner, value: "no" } }, to: contact }
  - id: make
    questions:
      - { id: make, label: { en: Make, cy: Gwneuthuriad }, answer: { type: text } }
    add_to_list: { item_name: { en: vehicle, cy: cerbyd } }
  - id: contact
    questions:
      - { id: email, label: { en: Email address, cy: Cyfeiriad e-bost }, answer: { type: email } }
declaration:
  text: { en: "I confirm the information is true.\n\nFalse claims are a crime.", cy: "Rwy’n cadarnhau bod yr wybodaeth yn wir." }
  checkbox: { en: I agree, cy: Rwy’n cytuno }
"#,
            Format::Yaml,
        )
        .unwrap()
    }

    fn render(form: &FormDefinition, answers: &Answers, language: Language, error: bool) -> String {
        let brand = Brand::new("Kestrel Vale", BrandColour::parse("#005a4e").unwrap());
        let assets = Assets::empty("/assets");
        let context = context_for(&brand, &assets, language);
        let step_href = |step: &Step| format!("/apply/{step:?}");
        check_answers_page_with(
            &context,
            &CheckAnswers {
                form,
                answers,
                today: date!(2026 - 11 - 28),
                step_href: &step_href,
                declaration_error: error,
            },
        )
        .into_string()
    }

    fn answered(owner: bool, makes: &[&str]) -> Answers {
        let form = branching_form();
        let mut answers = Answers::default();
        answers.record_page(
            &form,
            "owner",
            [("owner".to_owned(), Some(AnswerValue::YesNo(owner)))],
        );
        for make in makes {
            answers.record_page(
                &form,
                "make",
                [(
                    "make".to_owned(),
                    Some(AnswerValue::Text((*make).to_owned())),
                )],
            );
        }
        if owner {
            answers.add_another(&form, "make", false).unwrap();
        }
        answers.record_page(
            &form,
            "contact",
            [(
                "email".to_owned(),
                Some(AnswerValue::Text("a@b.example".into())),
            )],
        );
        answers
    }

    #[test]
    fn journey_order_list_items_and_declaration_checkbox() {
        let form = branching_form();
        let answers = answered(true, &["Ford", "<i>Kia</i>"]);
        let html = render(&form, &answers, Language::En, false);
        let owner = html.find("Do you own a vehicle?").unwrap();
        let first = html.find("Vehicle 1").unwrap();
        let second = html.find("Vehicle 2").unwrap();
        let email = html.find("Email address").unwrap();
        assert!(owner < first && first < second && second < email, "{html}");
        assert!(html.contains("Make: &lt;i&gt;Kia&lt;/i&gt;"), "{html}");
        assert!(
            html.contains(r#"href="/apply/ListSummary(&quot;make&quot;)""#),
            "{html}"
        );
        assert!(html.contains("Now send your application"), "{html}");
        assert!(
            html.contains("<p class=\"govuk-body\">False claims are a crime.</p>"),
            "{html}"
        );
        assert!(
            html.contains(r#"name="declaration" type="checkbox" value="yes""#),
            "{html}"
        );
        assert!(!html.contains("There is a problem"), "{html}");
    }

    #[test]
    fn a_page_skipped_by_the_route_is_not_shown_and_welsh_declaration_error() {
        let form = branching_form();
        let mut answers = answered(false, &[]);
        // An answer left from before the route changed is not shown.
        answers
            .values
            .insert("make".into(), AnswerValue::Text("Stale".into()));
        let html = render(&form, &answers, Language::Cy, true);
        assert!(
            !html.contains("Stale") && !html.contains("Cerbyd 1"),
            "{html}"
        );
        assert!(html.contains("Oes gennych chi gerbyd?"), "{html}");
        assert!(html.contains("<title>Gwall: "), "{html}");
        assert!(html.contains(r##"href="#declaration""##), "{html}");
        assert_eq!(
            html.matches("Cadarnhewch eich bod yn cytuno â’r datganiad")
                .count(),
            2,
            "{html}"
        );
        assert!(html.contains("Nawr anfonwch eich cais"), "{html}");
        assert!(html.contains("Derbyn ac anfon"), "{html}");
    }
}
