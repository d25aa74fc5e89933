//! Options supplied at request time: a one-from-a-list question marked `supplied: true` takes
//! its options from a [`ChoiceSource`] ([`FormServiceBuilder::choices`]) each time its page
//! is shown or answered, so an option that has gone (a collection date that filled up) is
//! neither offered nor accepted.
//!
//! - **Showing the page**: the source's options, in its order.
//! - **Answering**: an option the source no longer offers (it went after the page was shown)
//!   is refused on that page with [`Message::NoLongerAvailable`]: "The collection date you
//!   chose is no longer available – select another".
//! - **Check your answers** shows the source's label for the answer; sending asks the source
//!   again and, if the answer has gone meanwhile, shows its page with the same error.
//! - **Paying** (with payment hooks): holding the choice can still find it gone, when two
//!   residents race for the last one; the hook says which question
//!   (`HoldError::Gone`) and that page is shown with the same error.
//!
//! Only questions outside add-to-a-list items are checked again on sending.
//!
//! [`FormServiceBuilder::choices`]: super::FormServiceBuilder::choices

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use axum::response::{IntoResponse, Response};
use time::OffsetDateTime;

use super::problem::Problem;
use super::service::Inner;
use crate::answers::{AnswerValue, FieldError, Submitted};
use crate::definition::{AnswerType, Choice, FormDefinition, Page, Question, Text};
use crate::journey::Answers;
use crate::messages::{Message, ProblemText};
use crate::session::Session;

/// Where the options of a `supplied` one-from-a-list question come from, asked each time
/// its page is shown or answered.
///
/// ```
/// use civic_forms::definition::Choice;
/// use civic_forms::http::{ChoiceError, ChoiceSource};
///
/// struct Dates;
///
/// #[async_trait::async_trait]
/// impl ChoiceSource for Dates {
///     async fn choices(&self, _now: time::OffsetDateTime) -> Result<Vec<Choice>, ChoiceError> {
///         // A real source reads what is still free from its database.
///         Ok(vec![Choice::new("2026-12-01", "Tuesday 1 December 2026")])
///     }
/// }
/// ```
#[async_trait::async_trait]
pub trait ChoiceSource: Send + Sync {
    /// The options open at `now`, in the order shown.
    async fn choices(&self, now: OffsetDateTime) -> Result<Vec<Choice>, ChoiceError>;

    /// How the answer `value` reads once the source no longer offers it (on "check your
    /// answers", after it went); `None` shows the value itself.
    fn label(&self, value: &str) -> Option<Text> {
        let _ = value;
        None
    }
}

/// Why a [`ChoiceSource`] could not say what is open; the resident is told the service has
/// a problem and keeps their answers.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
#[non_exhaustive]
pub struct ChoiceError {
    message: String,
    retryable: bool,
    #[source]
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl ChoiceError {
    /// A failure that may pass (the database was busy).
    pub fn retryable(message: impl Into<String>) -> Self {
        ChoiceError {
            message: message.into(),
            retryable: true,
            source: None,
        }
    }

    /// A failure that will not pass by trying again.
    pub fn permanent(message: impl Into<String>) -> Self {
        ChoiceError {
            message: message.into(),
            retryable: false,
            source: None,
        }
    }

    /// With the underlying error.
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    /// Whether trying again may help.
    pub fn is_retryable(&self) -> bool {
        self.retryable
    }
}

/// The sources of a form's supplied questions, by question id.
pub(crate) type Sources = BTreeMap<String, Arc<dyn ChoiceSource>>;

/// Why a form's sources do not match its supplied questions, or `None` when they do: each
/// `supplied` question needs a source, and each source a `supplied` one-from-a-list question.
pub(crate) fn mismatch(form: &FormDefinition, sources: &Sources) -> Option<String> {
    let mut supplied = Vec::new();
    for page in &form.pages {
        for question in &page.questions {
            question.visit(&mut |q| {
                if let AnswerType::OneFromList(options) = &q.answer
                    && options.supplied
                {
                    supplied.push(q.id.clone());
                }
            });
        }
    }
    if let Some(id) = supplied.iter().find(|id| !sources.contains_key(*id)) {
        return Some(format!(
            "question `{id}` has `supplied: true` but no ChoiceSource: give it one with FormServiceBuilder::choices"
        ));
    }
    sources
        .keys()
        .find(|id| !supplied.contains(id))
        .map(|id| format!("a ChoiceSource was given for `{id}`, which is not a one-from-a-list question with `supplied: true`"))
}

/// `page` with the options of its supplied questions asked of their sources.
pub(crate) async fn fill<'a>(inner: &Inner, page: &'a Page) -> Result<Cow<'a, Page>, Problem> {
    if !page
        .questions
        .iter()
        .any(|q| inner.choices.contains_key(&q.id))
    {
        return Ok(Cow::Borrowed(page));
    }
    let mut page = page.clone();
    for question in &mut page.questions {
        let source = inner.choices.get(&question.id);
        if let (Some(source), AnswerType::OneFromList(options)) = (source, &mut question.answer) {
            options.options = source
                .choices(inner.now())
                .await
                .map_err(|error| Problem::unavailable(&error))?;
        }
    }
    Ok(Cow::Owned(page))
}

/// The form, for "check your answers": each supplied question's options are the source's,
/// plus the answer given when the source no longer offers it, so its label still shows.
pub(crate) async fn fill_form<'a>(
    inner: &'a Inner,
    answers: &Answers,
) -> Result<Cow<'a, FormDefinition>, Problem> {
    if inner.choices.is_empty() {
        return Ok(Cow::Borrowed(&inner.form));
    }
    let mut form = inner.form.as_ref().clone();
    for page in &mut form.pages {
        for question in &mut page.questions {
            let source = inner.choices.get(&question.id);
            if let (Some(source), AnswerType::OneFromList(options)) = (source, &mut question.answer)
            {
                options.options = source
                    .choices(inner.now())
                    .await
                    .map_err(|error| Problem::unavailable(&error))?;
                if let Some(value) = chosen(answers, &question.id)
                    && !options.options.iter().any(|c| c.value == value)
                {
                    let label = source.label(value).unwrap_or_else(|| value.into());
                    options.options.push(Choice::new(value, label));
                }
            }
        }
    }
    Ok(Cow::Owned(form))
}

/// Errors for the supplied questions of `page` (filled by [`fill`]) whose option, as
/// `submitted`, is no longer offered: they replace the "Select …" the list check gives.
pub(crate) fn gone(
    inner: &Inner,
    page: &Page,
    submitted: &Submitted,
    errors: &mut Vec<FieldError>,
) {
    for question in &page.questions {
        let value = submitted.get(&question.id);
        if !inner.choices.contains_key(&question.id)
            || value.is_empty()
            || question.answer.choices().iter().any(|c| c.value == value)
        {
            continue;
        }
        let error = FieldError::whole(question, Message::NoLongerAvailable);
        match errors.iter_mut().find(|e| e.question == question.id) {
            Some(slot) => *slot = error,
            None => errors.push(error),
        }
    }
}

/// The first supplied answer (outside lists) that its source no longer offers: its page and
/// question.
pub(crate) async fn first_gone<'a>(
    inner: &'a Inner,
    answers: &Answers,
) -> Result<Option<(&'a Page, &'a Question)>, Problem> {
    for page in &inner.form.pages {
        for question in &page.questions {
            let (Some(source), Some(value)) = (
                inner.choices.get(&question.id),
                chosen(answers, &question.id),
            ) else {
                continue;
            };
            let open = source
                .choices(inner.now())
                .await
                .map_err(|error| Problem::unavailable(&error))?;
            if !open.iter().any(|c| c.value == value) {
                return Ok(Some((page, question)));
            }
        }
    }
    Ok(None)
}

/// The page of the supplied question `question_id`, answered as in `session`, with "… is no
/// longer available": what the resident sees when their choice went before they could send
/// or pay. An unknown question is the service's fault.
pub(crate) async fn show_gone(
    inner: &Inner,
    base: &str,
    session: &Session,
    question_id: &str,
) -> Result<Response, Problem> {
    let language = session.language;
    let found = inner.form.pages.iter().find_map(|page| {
        page.questions
            .iter()
            .find(|q| q.id == question_id)
            .map(|q| (page, q))
    });
    let Some((page, question)) = found else {
        tracing::error!(
            question = question_id,
            "a payment hook named a question the form does not have"
        );
        return Err(Problem::new(ProblemText::Unavailable).language(language));
    };
    let filled = fill(inner, page)
        .await
        .map_err(|problem| problem.language(language))?;
    let values = super::list::page_values(inner, session, &page.id);
    let submitted = super::prefill::prefill(&filled, &values);
    let errors = [FieldError::whole(question, Message::NoLongerAvailable)];
    let html = super::question::render(
        inner,
        base,
        session,
        &filled,
        &submitted,
        &errors,
        (false, false),
    )?;
    Ok(html.into_response())
}

/// The option chosen for the question `id` outside lists, if any.
fn chosen<'a>(answers: &'a Answers, id: &str) -> Option<&'a str> {
    match answers.values.get(id) {
        Some(AnswerValue::Choice(value)) => Some(value),
        _ => None,
    }
}
