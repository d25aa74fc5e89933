//! "Are you sure you want to remove …?": the confirmation before an add-to-a-list item is
//! removed, as yes/no radios. The form posts `remove` (`yes` or `no`); on yes the HTTP layer
//! calls [`Answers::remove_item`](crate::journey::Answers::remove_item).

use civic_components::i18n::Text as ComponentText;
use civic_components::{Button, ErrorMessage, ErrorSummary, Fieldset, Legend, RadioItem, Radios};
use maud::{Markup, html};

use super::layout::{csrf_field, layout};
use super::list_summary_page::item_label;
use super::{PageContext, components_language};
use crate::definition::FormDefinition;
use crate::journey::{Answers, ListError};
use crate::messages::{ListText, Word};

/// The name of the confirmation field.
pub const REMOVE_FIELD: &str = "remove";

/// Renders the confirmation for removing item `index` (from 0) of the list ending at
/// `list_page`; `show_error` when neither yes nor no was chosen.
pub fn remove_item_page(
    context: &PageContext<'_>,
    form: &FormDefinition,
    list_page: &str,
    index: usize,
    answers: &Answers,
    show_error: bool,
) -> Result<Markup, ListError> {
    let language = context.language;
    form.find_page(list_page)
        .and_then(|page| page.add_to_list.as_ref())
        .ok_or(ListError::NotAList)?;
    let item = answers
        .items(list_page)
        .get(index)
        .ok_or(ListError::NoSuchItem)?;
    let label = item_label(form, list_page, item, index, language);
    let title = ListText::RemoveQuestion(&label).text(language);
    let message = show_error.then(|| ListText::RemoveRequired(&label).text(language));
    let mut radios = Radios::new(REMOVE_FIELD)
        .id_prefix(REMOVE_FIELD)
        .classes("govuk-radios--inline")
        .fieldset(
            Fieldset::new().legend(
                Legend::text(&title)
                    .page_heading(true)
                    .classes("govuk-fieldset__legend--l"),
            ),
        )
        .item(RadioItem::new("yes", Word::Yes.text(language)))
        .item(RadioItem::new("no", Word::No.text(language)));
    if let Some(message) = &message {
        radios = radios.error_message(ErrorMessage::text(message));
    }
    let summary = message.as_ref().map(|message| {
        ErrorSummary::new(components_language(language).text(ComponentText::ThereIsAProblem))
            .error(message, format!("#{REMOVE_FIELD}"))
    });
    let content = html! {
        @if let Some(summary) = &summary { (summary) }
        form method="post" action=(context.action) novalidate {
            (csrf_field(context))
            (radios)
            (Button::text(Word::Continue.text(language)))
        }
    };
    Ok(layout(context, &title, show_error, content))
}

#[cfg(test)]
mod tests {
    use civic_components::assets::Assets;
    use civic_components::brand::{Brand, BrandColour};

    use super::*;
    use crate::definition::Language;
    use crate::render::list_summary_page::tests::{form, with_items};

    fn render(language: Language, index: usize, error: bool) -> Result<String, ListError> {
        let brand = Brand::new("Kestrel Vale", BrandColour::parse("#005a4e").unwrap());
        let assets = Assets::empty("/assets");
        let context = PageContext {
            brand: &brand,
            assets: &assets,
            action: "/apply/year/remove/1",
            csrf_token: "t",
            back_href: Some("/apply/year/summary"),
            language,
            extras: crate::render::PageExtras::default(),
        };
        let form = form("");
        let answers = with_items(&form, &["Ford", "<script>alert(1)</script>"]);
        remove_item_page(&context, &form, "year", index, &answers, error).map(|m| m.into_string())
    }

    #[test]
    fn asks_to_confirm_naming_the_item_escaped() {
        let html = render(Language::En, 1, false).unwrap();
        assert!(
            html.contains("Are you sure you want to remove &lt;script&gt;alert(1)&lt;/script&gt;?"),
            "{html}"
        );
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(html.contains(r#"name="remove""#), "{html}");
        assert!(html.contains("<h1"), "{html}");
        assert!(html.contains(r#"href="/apply/year/summary""#), "{html}");
    }

    #[test]
    fn error_in_welsh_and_no_such_item() {
        let html = render(Language::Cy, 0, true).unwrap();
        assert!(
            html.contains("<title>Gwall: Ydych chi’n siŵr eich bod am dynnu Ford?"),
            "{html}"
        );
        assert!(
            html.contains("Dewiswch ‘Ie’ os ydych am dynnu Ford"),
            "{html}"
        );
        assert!(html.contains(r##"href="#remove""##), "{html}");
        assert_eq!(
            render(Language::En, 5, false).err(),
            Some(ListError::NoSuchItem)
        );
    }
}
