//! Save and return: "Save and come back later" asks for an email address and sends a one-off
//! link ([`SaveAndReturn`](crate::save_return::SaveAndReturn)); opening the link (a GET) only
//! shows a "Continue your application" button, so mail scanners that follow links cannot use
//! it up; the button's POST redeems it and this browser carries on with the saved answers.
//!
//! A saved session is kept as long as its link works (the form's
//! `retention.save_and_return_days`), not just the usual minutes of inactivity.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::SignedCookieJar;
use civic_notify::EmailAddress;

use super::base::Base;
use super::problem::Problem;
use super::question::deleted;
use super::service::Inner;
use super::visit::{self, Found};
use super::{body, csrf, href};
use crate::answers::{AnswerValue, read_page, unexpected_fields};
use crate::definition::Language;
use crate::journey::Journey;
use crate::messages::ProblemText;
use crate::render::{
    PageContext, PageExtras, check_your_email_page, continue_application_page, link_expired_page,
    save_for_later_form_page, save_for_later_page,
};
use crate::save_return::SaveAndReturn;
use crate::session::Session;

fn days(inner: &Inner) -> u32 {
    inner.form.retention.save_and_return_days.max(1)
}

fn links(inner: &Inner) -> Result<&SaveAndReturn, Problem> {
    inner
        .save_and_return
        .as_ref()
        .ok_or_else(|| Problem::new(ProblemText::NotFound))
}

fn context<'a>(
    inner: &'a Inner,
    action: &'a str,
    csrf_token: &'a str,
    back: Option<&'a str>,
    language: Language,
) -> PageContext<'a> {
    PageContext {
        brand: &inner.brand,
        assets: &inner.assets,
        action,
        csrf_token,
        back_href: back,
        language,
        extras: PageExtras {
            languages: inner.languages(),
            timeout_minutes: None,
            save_href: None,
            session_base: None,
            service_name: Some(&inner.form.title),
            copy_href: None,
        },
    }
}

/// `GET /save`.
pub(crate) async fn ask(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    headers: HeaderMap,
) -> Response {
    let jar = visit::jar(&inner, &headers);
    let result = async {
        links(&inner)?;
        match visit::find(&inner, &jar).await? {
            Found::Live(session) => {
                Ok(save_page(&inner, &base, &session, &Default::default(), &[]))
            }
            Found::Gone => Ok(deleted(&inner, &base, jar)),
            Found::Nobody => Ok(Redirect::to(&href::start(&base)).into_response()),
        }
    }
    .await;
    result.unwrap_or_else(|problem: Problem| problem.response(&inner, &base))
}

fn save_page(
    inner: &Inner,
    base: &str,
    session: &Session,
    submitted: &crate::answers::Submitted,
    errors: &[crate::answers::FieldError],
) -> Response {
    let journey = Journey::new(&inner.form, inner.now().date());
    let back = href::step(base, &journey.current(&session.answers));
    let action = format!("{base}/save");
    let token = inner.csrf.token(&session.id);
    let context = context(inner, &action, &token, Some(&back), session.language);
    Html(save_for_later_page(&context, submitted, errors, days(inner)).into_string())
        .into_response()
}

/// `POST /save`: checks the address, keeps the session for as long as the link works and
/// sends the link.
pub(crate) async fn send(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    headers: HeaderMap,
    request_body: Body,
) -> Response {
    let jar = visit::jar(&inner, &headers);
    send_link(&inner, &base, jar, request_body)
        .await
        .unwrap_or_else(|problem| problem.response(&inner, &base))
}

async fn send_link(
    inner: &Inner,
    base: &str,
    jar: SignedCookieJar,
    request_body: Body,
) -> Result<Response, Problem> {
    let links = links(inner)?;
    let here = format!("{base}/save");
    let mut session = match visit::find(inner, &jar).await? {
        Found::Live(session) => session,
        Found::Gone => return Ok(deleted(inner, base, jar)),
        Found::Nobody => return Err(Problem::new(ProblemText::Forbidden).back(here)),
    };
    let language = session.language;
    let submitted = body::read_form(inner, request_body, language, &here).await?;
    body::check_csrf(inner, &session.id, &submitted, language, &here)?;
    let page = save_for_later_form_page();
    if !unexpected_fields(
        &page,
        &submitted,
        &[csrf::FIELD, &inner.config.honeypot_field],
    )
    .is_empty()
    {
        return Err(Problem::new(ProblemText::UnknownField)
            .language(language)
            .back(here));
    }
    let values = match read_page(&page, &submitted, inner.now().date()) {
        Ok(values) => values,
        Err(errors) => return Ok(save_page(inner, base, &session, &submitted, &errors)),
    };
    let email = values.into_iter().find_map(|(_, value)| match value {
        Some(AnswerValue::Text(text)) => EmailAddress::parse(&text).ok(),
        _ => None,
    });
    let Some(email) = email else {
        return Err(Problem::new(ProblemText::UnknownField)
            .language(language)
            .back(here));
    };
    let now = inner.now();
    session.updated_at = now;
    session.expires_at = now + time::Duration::days(i64::from(days(inner)));
    inner
        .store
        .save(&session)
        .await
        .map_err(|error| Problem::unavailable(&error).language(language))?;
    links
        .issue_at(&session.id, &email, language, now)
        .await
        .map_err(|error| Problem::unavailable(&error).language(language))?;
    let context = context(inner, "", "", None, language);
    Ok(
        Html(check_your_email_page(&context, email.as_str(), days(inner)).into_string())
            .into_response(),
    )
}

/// `GET /return/{token}`: shows the button; the link is not used up.
pub(crate) async fn open(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    let jar = visit::jar(&inner, &headers);
    open_link(&inner, &base, &token, jar)
        .await
        .unwrap_or_else(|problem| problem.response(&inner, &base))
}

async fn open_link(
    inner: &Inner,
    base: &str,
    token: &str,
    jar: SignedCookieJar,
) -> Result<Response, Problem> {
    let links = links(inner)?;
    // This browser needs a session of its own for the button's CSRF token.
    let (session, jar) = match visit::find(inner, &jar).await? {
        Found::Live(session) => (session, jar),
        Found::Gone | Found::Nobody => {
            let session = visit::start(inner, &jar).await?;
            let cookie = visit::cookie(inner, base, &session.id);
            (session, jar.add(cookie))
        }
    };
    let found = links
        .peek_at(token, inner.now())
        .await
        .map_err(|error| Problem::unavailable(&error))?;
    let action = format!("{base}/return/{token}");
    let csrf_token = inner.csrf.token(&session.id);
    let context = context(inner, &action, &csrf_token, None, session.language);
    let page = match found {
        Some(_) => continue_application_page(&context),
        None => link_expired_page(&context, days(inner), &href::start(base)),
    };
    Ok((jar, Html(page.into_string())).into_response())
}

/// `POST /return/{token}`: uses the link up and carries on with the saved answers.
pub(crate) async fn redeem(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    Path(token): Path<String>,
    headers: HeaderMap,
    request_body: Body,
) -> Response {
    let jar = visit::jar(&inner, &headers);
    redeem_link(&inner, &base, &token, jar, request_body)
        .await
        .unwrap_or_else(|problem| problem.response(&inner, &base))
}

async fn redeem_link(
    inner: &Inner,
    base: &str,
    token: &str,
    jar: SignedCookieJar,
    request_body: Body,
) -> Result<Response, Problem> {
    let links = links(inner)?;
    let here = format!("{base}/return/{token}");
    let Found::Live(visitor) = visit::find(inner, &jar).await? else {
        return Err(Problem::new(ProblemText::Forbidden).back(here));
    };
    let language = visitor.language;
    let submitted = body::read_form(inner, request_body, language, &here).await?;
    body::check_csrf(inner, &visitor.id, &submitted, language, &here)?;
    let now = inner.now();
    let saved = links
        .redeem_at(token, now)
        .await
        .map_err(|error| Problem::unavailable(&error).language(language))?;
    let saved = match saved {
        Some(id) => inner
            .store
            .load(&id, now)
            .await
            .map_err(|error| Problem::unavailable(&error).language(language))?,
        None => None,
    };
    let Some(mut saved) = saved.filter(|s| s.form_id == inner.form.id) else {
        let action = format!("{base}/return/{token}");
        let csrf_token = inner.csrf.token(&visitor.id);
        let context = context(inner, &action, &csrf_token, None, language);
        let page = link_expired_page(&context, days(inner), &href::start(base));
        return Ok(Html(page.into_string()).into_response());
    };
    if saved.id != visitor.id
        && let Err(error) = inner.store.delete(&visitor.id).await
    {
        tracing::warn!(%error, "an empty visitor session could not be deleted");
    }
    visit::save(inner, &mut saved).await?;
    let journey = Journey::new(&inner.form, now.date());
    let to = href::step(base, &journey.current(&saved.answers));
    let jar = jar
        .add(visit::cookie(inner, base, &saved.id))
        .add(visit::language_cookie(inner, base, saved.language));
    Ok((jar, Redirect::to(&to)).into_response())
}
