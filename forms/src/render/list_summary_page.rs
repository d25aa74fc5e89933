//! The add-to-a-list summary (the MoJ "add another" pattern): "You have added 2 items", each
//! item in a summary list with Change and Remove links, and "Do you need to add another …?"
//! as yes/no radios, left out when the list is full. The minimum and maximum are said on the
//! page, and refusing to go on with too few items is an error on the question.
//!
//! The form posts `add_another` (`yes` or `no`); the HTTP layer passes it to
//! [`Answers::add_another`](crate::journey::Answers::add_another).

use civic_components::i18n::Text as ComponentText;
use civic_components::{
    Button, ErrorMessage, ErrorSummary, Fieldset, InsetText, Legend, RadioItem, Radios,
    SummaryList, SummaryListRow,
};
use maud::{Markup, html};

use super::layout::{csrf_field, layout};
use super::{PageContext, components_language};
use crate::answers::display;
use crate::definition::{FormDefinition, Language};
use crate::journey::{Answers, Item, ListError};
use crate::messages::{ListText, PageText, Word};

/// The name of the "Do you need to add another?" field.
pub const ADD_ANOTHER_FIELD: &str = "add_another";

/// A link on an item of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ItemAction {
    /// Change the item's answers.
    Change,
    /// Remove the item (after confirming).
    Remove,
}

/// What is wrong with the answer to "Do you need to add another?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum AddAnotherError {
    /// Neither yes nor no was chosen.
    NotAnswered,
    /// [`Answers::add_another`] refused the answer: too few items, or the list is full.
    List(ListError),
}

/// How an item is named to the resident: its answer to the first question of the item's
/// first page ("Ford Fiesta"), or "Vehicle 2" when that has no answer. `index` counts from 0.
pub fn item_label(
    form: &FormDefinition,
    list_page: &str,
    item: &Item,
    index: usize,
    language: Language,
) -> String {
    let first_page = form
        .find_page(list_page)
        .and_then(|page| page.add_to_list.as_ref().map(|list| (page, list)))
        .map(|(page, list)| match &list.repeat_from {
            Some(first) => form.find_page(first).unwrap_or(page),
            None => page,
        });
    let item_name = form
        .find_page(list_page)
        .and_then(|page| page.add_to_list.as_ref())
        .map_or("", |list| list.item_name.in_language(language));
    let numbered = || ListText::Numbered(item_name, index + 1).text(language);
    let Some(question) = first_page.and_then(|page| page.questions.first()) else {
        return numbered();
    };
    match item.values.get(&question.id) {
        Some(value) => display(question, Some(value), language).join(", "),
        None => numbered(),
    }
}

/// Renders the summary of the list ending at page `list_page`, or `Err(ListError::NotAList)`
/// when that page is not an add-to-a-list page. `item_href` gives each item's Change and
/// Remove links (items count from 0); `error` is shown on "Do you need to add another?".
pub fn list_summary_page(
    context: &PageContext<'_>,
    form: &FormDefinition,
    list_page: &str,
    answers: &Answers,
    item_href: &dyn Fn(ItemAction, usize) -> String,
    error: Option<AddAnotherError>,
) -> Result<Markup, ListError> {
    let language = context.language;
    let settings = form
        .find_page(list_page)
        .and_then(|page| page.add_to_list.as_ref())
        .ok_or(ListError::NotAList)?;
    let item_name = settings.item_name.in_language(language);
    let items = answers.items(list_page);
    let full = settings.max.is_some_and(|max| items.len() >= max as usize);
    let mut list = SummaryList::new();
    for (index, item) in items.iter().enumerate() {
        let label = item_label(form, list_page, item, index, language);
        list = list.row(
            SummaryListRow::new(&label, "")
                .action(
                    item_href(ItemAction::Change, index),
                    PageText::Change.text(language),
                    &label,
                )
                .action(
                    item_href(ItemAction::Remove, index),
                    ListText::Remove.text(language),
                    &label,
                ),
        );
    }
    let message = error.map(|error| match error {
        AddAnotherError::NotAnswered => ListText::AddAnotherRequired(item_name).text(language),
        AddAnotherError::List(ListError::TooFew { min }) => ListText::AtLeast(min).text(language),
        AddAnotherError::List(ListError::TooMany { max }) => ListText::AtMost(max).text(language),
        AddAnotherError::List(_) => ListText::AddAnotherRequired(item_name).text(language),
    });
    let summary = message.as_ref().map(|message| {
        ErrorSummary::new(components_language(language).text(ComponentText::ThereIsAProblem))
            .error(message, format!("#{ADD_ANOTHER_FIELD}"))
    });
    let limits = if full {
        settings.max.map(|max| ListText::AtMost(max).text(language))
    } else if items.len() < settings.min as usize && settings.min > 1 {
        Some(ListText::AtLeast(settings.min).text(language))
    } else {
        None
    };
    let question = (!full).then(|| {
        let mut radios = Radios::new(ADD_ANOTHER_FIELD)
            .id_prefix(ADD_ANOTHER_FIELD)
            .classes("govuk-radios--inline")
            .fieldset(
                Fieldset::new().legend(
                    Legend::text(ListText::AddAnother(item_name).text(language))
                        .classes("govuk-fieldset__legend--m"),
                ),
            )
            .item(RadioItem::new("yes", Word::Yes.text(language)))
            .item(RadioItem::new("no", Word::No.text(language)));
        if let Some(message) = &message {
            radios = radios.error_message(ErrorMessage::text(message));
        }
        radios
    });
    let title = ListText::YouHaveAdded(items.len()).text(language);
    let content = html! {
        @if let Some(summary) = &summary { (summary) }
        h1 class="govuk-heading-l" { (title) }
        (list)
        form method="post" action=(context.action) novalidate {
            (csrf_field(context))
            @if let Some(limits) = &limits { (InsetText::text(limits)) }
            @if let Some(question) = &question { (question) }
            @else if let Some(message) = &message {
                // The list is full yet "yes" was sent: say why beside nothing else to answer.
                p class="govuk-error-message" id=(ADD_ANOTHER_FIELD) { (message) }
            }
            (Button::text(Word::Continue.text(language)))
        }
    };
    Ok(layout(context, &title, message.is_some(), content))
}

#[cfg(test)]
pub(crate) mod tests {
    use civic_components::assets::Assets;
    use civic_components::brand::{Brand, BrandColour};

    use super::*;
    use crate::answers::AnswerValue;
    use crate::definition::Format;

    pub(crate) fn form(max: &str) -> FormDefinition {
        FormDefinition::parse(
            &format!(
                r#"
id: t
title: T
languages: [en, cy]
pages:
  - id: make
    questions:
      - {{ id: make, label: {{ en: Make, cy: Gwneuthuriad }}, answer: {{ type: text }} }}
  - id: year
    questions:
      - {{ id: year, label: {{ en: Year, cy: Blwyddyn }}, answer: {{ type: number, whole: true }} }}
    add_to_list: {{ item_name: {{ en: vehicle, cy: cerbyd }}, repeat_from: make, min: 2{max} }}
"#
            ),
            Format::Yaml,
        )
        .unwrap()
    }

    pub(crate) fn with_items(form: &FormDefinition, makes: &[&str]) -> Answers {
        let mut answers = Answers::default();
        for make in makes {
            answers.record_page(
                form,
                "make",
                [(
                    "make".to_owned(),
                    Some(AnswerValue::Text((*make).to_owned())),
                )],
            );
            answers.record_page(form, "year", [("year".to_owned(), None)]);
        }
        answers
    }

    fn render(
        language: Language,
        max: &str,
        makes: &[&str],
        error: Option<AddAnotherError>,
    ) -> String {
        let brand = Brand::new("Kestrel Vale", BrandColour::parse("#005a4e").unwrap());
        let assets = Assets::empty("/assets");
        let context = PageContext {
            brand: &brand,
            assets: &assets,
            action: "/apply/year/summary",
            csrf_token: "t",
            back_href: None,
            language,
            extras: crate::render::PageExtras::default(),
        };
        let form = form(max);
        let answers = with_items(&form, makes);
        let href = |action: ItemAction, index: usize| format!("/apply/year/{action:?}/{index}");
        list_summary_page(&context, &form, "year", &answers, &href, error)
            .unwrap()
            .into_string()
    }

    #[test]
    fn items_with_change_and_remove_links_and_add_another_question() {
        let html = render(Language::En, "", &["Ford <b>Fiesta</b>"], None);
        assert!(html.contains("<title>You have added 1 item"), "{html}");
        assert!(html.contains("Ford &lt;b&gt;Fiesta&lt;/b&gt;"), "{html}");
        assert!(!html.contains("<b>Fiesta"), "{html}");
        assert!(html.contains(r#"href="/apply/year/Change/0""#), "{html}");
        assert!(html.contains(r#"href="/apply/year/Remove/0""#), "{html}");
        assert!(
            html.contains("Do you need to add another vehicle?"),
            "{html}"
        );
        assert!(html.contains(r#"name="add_another""#), "{html}");
        assert!(html.contains("You need to add at least 2 items"), "{html}");
    }

    #[test]
    fn full_list_hides_the_question_and_says_the_maximum_in_welsh() {
        let html = render(Language::Cy, ", max: 2", &["Ford", "Kia"], None);
        assert!(html.contains("Rydych wedi ychwanegu 2 eitem"), "{html}");
        assert!(!html.contains(r#"name="add_another""#), "{html}");
        assert!(
            html.contains("Ni allwch ychwanegu mwy na 2 eitem"),
            "{html}"
        );
        assert!(html.contains("Tynnu") && html.contains("Newid"), "{html}");
    }

    #[test]
    fn errors_are_summarised_and_shown_on_the_question() {
        let html = render(
            Language::En,
            "",
            &["Ford"],
            Some(AddAnotherError::NotAnswered),
        );
        assert!(
            html.contains("<title>Error: You have added 1 item"),
            "{html}"
        );
        assert!(html.contains(r##"href="#add_another""##), "{html}");
        assert_eq!(
            html.matches("Select yes if you need to add another vehicle")
                .count(),
            2,
            "{html}"
        );
        let html = render(
            Language::Cy,
            "",
            &["Ford"],
            Some(AddAnotherError::List(ListError::TooFew { min: 2 })),
        );
        assert!(html.contains("govuk-radios__input"), "{html}");
        assert!(
            html.contains("Mae angen i chi ychwanegu o leiaf 2 eitem"),
            "{html}"
        );
        assert!(
            html.contains("Oes angen i chi ychwanegu cerbyd arall?"),
            "{html}"
        );
    }

    #[test]
    fn not_a_list_page_is_refused() {
        let brand = Brand::new("Kestrel Vale", BrandColour::parse("#005a4e").unwrap());
        let assets = Assets::empty("/assets");
        let context = PageContext {
            brand: &brand,
            assets: &assets,
            action: "",
            csrf_token: "",
            back_href: None,
            language: Language::En,
            extras: crate::render::PageExtras::default(),
        };
        let form = form("");
        let href = |_: ItemAction, _: usize| String::new();
        let result = list_summary_page(&context, &form, "make", &Answers::default(), &href, None);
        assert_eq!(result.err(), Some(ListError::NotAList));
    }
}
