//! "Check your answers": GET lists the answers of the journey taken with Change links; POST
//! (the "Accept and send" button) submits: the submission goes to the form's deliveries, the
//! session is deleted and the resident is redirected to the confirmation page. A form with a
//! fee to pay goes to the payment step instead (`payment`).

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::SignedCookieJar;

use super::base::Base;
use super::problem::Problem;
use super::question::deleted;
use super::service::Inner;
use super::visit::{self, Found};
use super::{body, choices, confirmation, csrf, honeypot, href, language};
use crate::definition::FormDefinition;
use crate::delivery::Submission;
use crate::journey::{Answers, Journey, Step};
use crate::messages::ProblemText;
use crate::render::{CheckAnswers, DECLARATION_FIELD, PageContext, check_answers_page_with};
use crate::session::Session;

/// `GET /check-answers`.
pub(crate) async fn show(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let jar = visit::jar(&inner, &headers);
    match show_page(&inner, &base, query.as_deref(), jar).await {
        Ok(response) => response,
        Err(problem) => problem.response(&inner, &base),
    }
}

async fn show_page(
    inner: &Inner,
    base: &str,
    query: Option<&str>,
    jar: SignedCookieJar,
) -> Result<Response, Problem> {
    let mut session = match visit::find(inner, &jar).await? {
        Found::Live(session) => session,
        Found::Gone => return Ok(deleted(inner, base, jar)),
        Found::Nobody => return Ok(Redirect::to(&href::start(base)).into_response()),
    };
    language::switch(&mut session, query, inner.languages());
    visit::save(inner, &mut session).await?;
    let journey = Journey::new(&inner.form, inner.now().date());
    if !journey.check_answers_allowed(&session.answers) {
        let to = href::step(base, &journey.current(&session.answers));
        return Ok(Redirect::to(&to).into_response());
    }
    render(inner, base, &session, false).await
}

/// The page for `session`; `declaration_error` when the declaration's box was not ticked.
async fn render(
    inner: &Inner,
    base: &str,
    session: &Session,
    declaration_error: bool,
) -> Result<Response, Problem> {
    // Supplied options are labelled as their sources say now.
    let form = choices::fill_form(inner, &session.answers)
        .await
        .map_err(|problem| problem.language(session.language))?;
    let today = inner.now().date();
    let journey = Journey::new(&inner.form, today);
    let back = journey
        .previous(&Step::CheckAnswers, &session.answers)
        .map(|step| href::step(base, &step));
    let csrf_token = inner.csrf.token(&session.id);
    let action = format!("{base}/{}", href::CHECK_ANSWERS);
    let context = PageContext {
        brand: &inner.brand,
        assets: &inner.assets,
        action: &action,
        csrf_token: &csrf_token,
        back_href: back.as_deref(),
        language: session.language,
        extras: inner.extras(base, None),
    };
    let answers = taken(&inner.form, &journey, &session.answers);
    // With a task list, a Change link says where it came from, so the page returns here
    // rather than to the task list.
    let tasks = inner.form.task_list.is_some();
    let step_href = |step: &Step| {
        href::keep_returning(
            href::step(base, step),
            tasks && matches!(step, Step::Page(_)),
        )
    };
    let page = check_answers_page_with(
        &context,
        &CheckAnswers {
            form: &form,
            answers: &answers,
            today,
            step_href: &step_href,
            declaration_error,
        },
    );
    Ok(Html(honeypot::add_to(
        page.into_string(),
        &inner.config.honeypot_field,
        session.language,
    ))
    .into_response())
}

/// `POST /check-answers`.
pub(crate) async fn submit(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    headers: HeaderMap,
    request_body: Body,
) -> Response {
    let jar = visit::jar(&inner, &headers);
    match submit_answers(&inner, &base, jar, request_body).await {
        Ok(response) => response,
        Err(problem) => problem.response(&inner, &base),
    }
}

async fn submit_answers(
    inner: &Inner,
    base: &str,
    jar: SignedCookieJar,
    request_body: Body,
) -> Result<Response, Problem> {
    let here = format!("{base}/{}", href::CHECK_ANSWERS);
    let found = visit::find(inner, &jar).await?;
    let language = match &found {
        Found::Live(session) => session.language,
        _ => inner.languages()[0],
    };
    let submitted = body::read_form(inner, request_body, language, &here).await?;
    let session = match found {
        Found::Live(session) => session,
        Found::Gone => return Ok(deleted(inner, base, jar)),
        Found::Nobody => return Err(body::forbidden(language, &here)),
    };
    body::check_csrf(inner, &session.id, &submitted, language, &here)?;
    let now = inner.now();
    let journey = Journey::new(&inner.form, now.date());
    if !journey.check_answers_allowed(&session.answers) {
        let to = href::step(base, &journey.current(&session.answers));
        return Ok(Redirect::to(&to).into_response());
    }
    let honeypot = inner.config.honeypot_field.as_str();
    if honeypot::filled(&submitted, honeypot) {
        return Ok(Redirect::to(&here).into_response());
    }
    if submitted
        .names()
        .any(|name| name != csrf::FIELD && name != honeypot && name != DECLARATION_FIELD)
    {
        return Err(Problem::new(ProblemText::UnknownField)
            .language(language)
            .back(here));
    }
    let must_tick = inner
        .form
        .declaration
        .as_ref()
        .is_some_and(|declaration| declaration.checkbox.is_some());
    if must_tick && submitted.get(DECLARATION_FIELD) != "yes" {
        return render(inner, base, &session, true).await;
    }
    // A supplied option (a collection date) may have gone since its page was answered.
    if let Some((_, question)) = choices::first_gone(inner, &session.answers)
        .await
        .map_err(|problem| problem.language(language))?
    {
        return choices::show_gone(inner, base, &session, &question.id).await;
    }
    let prefix = inner
        .form
        .confirmation
        .as_ref()
        .and_then(|c| c.reference_prefix.as_deref());
    let reference = inner
        .deliveries
        .new_reference(prefix)
        .await
        .map_err(|error| Problem::unavailable(&error).language(language))?;
    let submission = Submission {
        form_id: inner.form.id.clone(),
        reference,
        language,
        answers: taken(&inner.form, &journey, &session.answers),
        submitted_at: now,
    };
    // The files sent now belong to the submission, and are kept as long as it is.
    let sent = submission_files(&submission);
    inner
        .files
        .submit(&sent, &submission.reference)
        .await
        .map_err(|error| Problem::unavailable(&error).language(language))?;
    #[cfg(feature = "pay")]
    if let Some(checkout) = &inner.payments
        && let Some(pence) = journey.fee(&submission.answers).filter(|pence| *pence > 0)
    {
        return super::payment::start(inner, checkout, base, jar, &session, &submission, pence)
            .await;
    }
    // Stored before anything else: if that fails the resident is told and keeps the answers.
    inner
        .deliveries
        .submit(&submission, now)
        .await
        .map_err(|error| Problem::unavailable(&error).language(language))?;
    if let Err(error) = inner.store.delete(&session.id).await {
        // The submission is safe; the session expires on its own.
        tracing::warn!(%error, "a submitted session could not be deleted");
    }
    // Files answered on pages the journey no longer passes through were not sent.
    if let Err(error) = inner.files.delete_unsent(&session.id).await {
        tracing::warn!(%error, "a submitted session's unsent files could not be deleted");
    }
    let jar = jar
        .remove(visit::removal(inner, base))
        .add(confirmation::cookie(inner, base, &submission));
    Ok((jar, Redirect::to(&format!("{base}/confirmation"))).into_response())
}

/// The ids of the files in a submission's answers, add-to-a-list items included.
pub(crate) fn submission_files(submission: &Submission) -> Vec<crate::session::FileId> {
    let answers = &submission.answers;
    let items = answers
        .lists
        .values()
        .flat_map(|list| list.items.iter().flat_map(|item| item.values.values()));
    super::upload::ids(answers.values.values().chain(items))
}

/// The answers on the journey taken: answers left on pages the journey no longer passes
/// through are not shown or sent.
pub(crate) fn taken(form: &FormDefinition, journey: &Journey<'_>, answers: &Answers) -> Answers {
    let mut out = Answers::default();
    for step in journey.steps(answers) {
        match step {
            Step::Page(id) if answers.completed.contains(&id) => {
                if let Some(page) = form.find_page(&id) {
                    for question in &page.questions {
                        question.visit(&mut |q| {
                            if let Some(value) = answers.values.get(&q.id) {
                                out.values.insert(q.id.clone(), value.clone());
                            }
                        });
                    }
                }
                out.completed.insert(id);
            }
            Step::ListSummary(id) => {
                if let Some(list) = answers.lists.get(&id) {
                    out.lists.insert(id, list.clone());
                }
            }
            _ => {}
        }
    }
    out
}
