//! A question page: GET shows it (with the answers given, if any), POST checks the answers
//! and either shows the page again with its errors (200) or saves them and redirects to the
//! next step (303, Post/Redirect/Get).
//!
//! A page that looks a UK address up (see [`address_lookup`]) shows its postcode step at
//! `/{page}` and the address typed in by hand at `/{page}/manual`.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::SignedCookieJar;

use super::base::Base;
use super::problem::Problem;
use super::service::Inner;
use super::visit::{self, Found};
use super::{address_lookup, body, choices, csrf, honeypot, href, language, prefill, upload};
use crate::answers::{FieldError, Submitted, read_page, unexpected_fields};
use crate::definition::Page;
use crate::journey::{Journey, Step};
use crate::messages::ProblemText;
use crate::render::{PageContext, question_page};
use crate::session::Session;

/// `GET /{page}`.
pub(crate) async fn show(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    Path(page_id): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let jar = visit::jar(&inner, &headers);
    match show_page(&inner, &base, &page_id, query.as_deref(), jar, false).await {
        Ok(response) => response,
        Err(problem) => problem.response(&inner, &base),
    }
}

/// `GET /{page}/manual`: a looked-up UK address typed in by hand.
pub(crate) async fn show_manual(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    Path(page_id): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let jar = visit::jar(&inner, &headers);
    match show_page(&inner, &base, &page_id, query.as_deref(), jar, true).await {
        Ok(response) => response,
        Err(problem) => problem.response(&inner, &base),
    }
}

async fn show_page(
    inner: &Inner,
    base: &str,
    page_id: &str,
    query: Option<&str>,
    jar: SignedCookieJar,
    manual: bool,
) -> Result<Response, Problem> {
    let (mut session, jar) = match visit::find(inner, &jar).await? {
        Found::Live(session) => (session, jar),
        Found::Gone => return Ok(deleted(inner, base, jar)),
        Found::Nobody => {
            let session = visit::start(inner, &jar).await?;
            let cookie = visit::cookie(inner, base, &session.id);
            (session, jar.add(cookie))
        }
    };
    language::switch(&mut session, query, inner.languages());
    let lookup = inner
        .form
        .find_page(page_id)
        .map(|page| (page, address_lookup::question(inner, page)));
    let Some((page, lookup)) = lookup.filter(|(_, lookup)| !manual || lookup.is_some()) else {
        visit::save(inner, &mut session).await?;
        let problem = Problem::new(ProblemText::NotFound).language(session.language);
        return Ok((jar, problem.response(inner, base)).into_response());
    };
    let journey = Journey::new(&inner.form, inner.now().date());
    let step = Step::Page(page.id.clone());
    visit::save(inner, &mut session).await?;
    if !journey.can_visit(&step, &session.answers) {
        let to = href::step(base, &journey.current(&session.answers));
        return Ok((jar, Redirect::to(&to)).into_response());
    }
    let values = super::list::page_values(inner, &session, &page.id);
    let mut submitted = prefill::prefill(page, &values);
    if let Some(question) = lookup {
        if !manual {
            let html = address_lookup::find_page(inner, base, &session, page, question, &values);
            return Ok((jar, html).into_response());
        }
        if !values.contains_key(&question.id) {
            submitted = address_lookup::searched_postcode(&session, question);
        }
    }
    let returning = href::returning(query);
    let page = choices::fill(inner, page)
        .await
        .map_err(|problem| problem.language(session.language))?;
    let html = render(
        inner,
        base,
        &session,
        &page,
        &submitted,
        &[],
        (manual, returning),
    )?;
    Ok((jar, html).into_response())
}

/// `POST /{page}`; `?return=check-answers` from a Change link on "check your answers".
pub(crate) async fn answer(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    Path(page_id): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    request_body: Body,
) -> Response {
    let jar = visit::jar(&inner, &headers);
    let returning = href::returning(query.as_deref());
    let boundary = upload::boundary(&headers);
    match answer_page(
        &inner,
        &base,
        &page_id,
        jar,
        (request_body, boundary),
        (false, returning),
    )
    .await
    {
        Ok(response) => response,
        Err(problem) => problem.response(&inner, &base),
    }
}

/// `POST /{page}/manual`.
pub(crate) async fn answer_manual(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    Path(page_id): Path<String>,
    headers: HeaderMap,
    request_body: Body,
) -> Response {
    let jar = visit::jar(&inner, &headers);
    let boundary = upload::boundary(&headers);
    match answer_page(
        &inner,
        &base,
        &page_id,
        jar,
        (request_body, boundary),
        (true, false),
    )
    .await
    {
        Ok(response) => response,
        Err(problem) => problem.response(&inner, &base),
    }
}

/// `how`: whether the address is typed in by hand at `/{page}/manual`, and whether the
/// resident came from a Change link on "check your answers".
async fn answer_page(
    inner: &Inner,
    base: &str,
    page_id: &str,
    jar: SignedCookieJar,
    (request_body, boundary): (Body, Option<String>),
    how: (bool, bool),
) -> Result<Response, Problem> {
    let (manual, returning) = how;
    let here = if manual {
        format!("{base}/{page_id}/manual")
    } else {
        format!("{base}/{page_id}")
    };
    let found = visit::find(inner, &jar).await?;
    let language = match &found {
        Found::Live(session) => session.language,
        _ => inner.languages()[0],
    };
    let (mut submitted, files) = match boundary {
        Some(boundary) => {
            let page = inner.form.find_page(page_id);
            let read =
                upload::read_form(inner, request_body, boundary, page, language, &here).await?;
            (read.fields, Some(read.files))
        }
        None => (
            body::read_form(inner, request_body, language, &here).await?,
            None,
        ),
    };
    let mut session = match found {
        Found::Live(session) => session,
        Found::Gone => return Ok(deleted(inner, base, jar)),
        // No session, so no token can be right.
        Found::Nobody => return Err(body::forbidden(language, &here)),
    };
    body::check_csrf(inner, &session.id, &submitted, language, &here)?;
    let lookup = inner
        .form
        .find_page(page_id)
        .map(|page| (page, address_lookup::question(inner, page)));
    let Some((page, lookup)) = lookup.filter(|(_, lookup)| !manual || lookup.is_some()) else {
        return Err(Problem::new(ProblemText::NotFound).language(language));
    };
    let today = inner.now().date();
    let journey = Journey::new(&inner.form, today);
    if !journey.can_visit(&Step::Page(page.id.clone()), &session.answers) {
        let to = href::step(base, &journey.current(&session.answers));
        return Ok(Redirect::to(&to).into_response());
    }
    let honeypot = inner.config.honeypot_field.as_str();
    if honeypot::filled(&submitted, honeypot) {
        return Ok(Redirect::to(&here).into_response());
    }
    if let Some(question) = lookup.filter(|_| !manual) {
        let search = address_lookup::Search {
            page,
            question,
            submitted: &submitted,
        };
        return address_lookup::search(inner, base, &mut session, search).await;
    }
    let files = files.unwrap_or_default();
    if !unexpected_fields(page, &submitted, &[csrf::FIELD, honeypot]).is_empty()
        || !upload::only_known_fields(page, &files)
    {
        return Err(Problem::new(ProblemText::UnknownField)
            .language(language)
            .back(here));
    }
    let stored = upload::store(inner, &session, page, files, &mut submitted).await?;
    let page = choices::fill(inner, page)
        .await
        .map_err(|problem| problem.language(language))?;
    let mut outcome = read_page(&page, &submitted, today);
    if let Err(errors) = &mut outcome {
        choices::gone(inner, &page, &submitted, errors);
    }
    match outcome {
        Err(errors) => {
            // Files cannot be shown again in a file input: the resident chooses them again.
            upload::forget(inner, &stored).await;
            visit::save(inner, &mut session).await?;
            let html = render(inner, base, &session, &page, &submitted, &errors, how)?;
            Ok(html.into_response())
        }
        Ok(values) => {
            let kept = upload::ids(values.iter().filter_map(|(_, value)| value.as_ref()));
            let before = upload::ids(
                values
                    .iter()
                    .filter_map(|(id, _)| session.answers.values.get(id)),
            );
            let replaced: Vec<_> = before.into_iter().filter(|id| !kept.contains(id)).collect();
            session.answers.record_page(&inner.form, &page.id, values);
            visit::save(inner, &mut session).await?;
            upload::forget(inner, &replaced).await;
            let next = journey.after(&Step::Page(page.id.clone()), &session.answers, returning);
            let to = href::step(base, &next);
            let to = href::keep_returning(to, returning && matches!(next, Step::Page(_)));
            Ok(Redirect::to(&to).into_response())
        }
    }
}

/// The "answers deleted" page in the language the browser chose, and the dead cookie removed
/// so the next visit starts afresh.
pub(crate) fn deleted(inner: &Inner, base: &str, jar: SignedCookieJar) -> Response {
    let language = visit::remembered_language(inner, &jar);
    let jar = jar.remove(visit::removal(inner, base));
    let page = Problem::new(ProblemText::AnswersDeleted)
        .language(language)
        .response(inner, base);
    (jar, page).into_response()
}

/// The question page for `session`, with `submitted` re-shown and `errors`. `how`: whether
/// it is a looked-up address typed in by hand at `/{page}/manual`, and whether the resident
/// came from a Change link on "check your answers" (the back link and the answer go there).
pub(crate) fn render(
    inner: &Inner,
    base: &str,
    session: &Session,
    page: &Page,
    submitted: &Submitted,
    errors: &[FieldError],
    how: (bool, bool),
) -> Result<Html<String>, Problem> {
    let (back, action) = match how {
        (true, _) => {
            let back = address_lookup::manual_back(base, session, page);
            (Some(back), format!("{base}/{}/manual", page.id))
        }
        (false, returning) => {
            let journey = Journey::new(&inner.form, inner.now().date());
            let back = if returning {
                Some(href::step(base, &Step::CheckAnswers))
            } else {
                journey
                    .previous(&Step::Page(page.id.clone()), &session.answers)
                    .map(|step| href::step(base, &step))
            };
            let action = href::keep_returning(format!("{base}/{}", page.id), returning);
            (back, action)
        }
    };
    let csrf_token = inner.csrf.token(&session.id);
    let save_href = format!("{base}/save");
    let context = PageContext {
        brand: &inner.brand,
        assets: &inner.assets,
        action: &action,
        csrf_token: &csrf_token,
        back_href: back.as_deref(),
        language: session.language,
        extras: inner.extras(base, Some(&save_href)),
    };
    // An exit page ends the journey: it says why, with no form.
    if let Some(markup) = crate::render::exit_page(&context, page) {
        return Ok(Html(markup.into_string()));
    }
    let markup = question_page(&context, page, submitted, errors);
    Ok(Html(honeypot::add_to(
        markup.into_string(),
        &inner.config.honeypot_field,
        session.language,
    )))
}
