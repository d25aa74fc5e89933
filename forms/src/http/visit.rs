//! The resident's session, found through the signed cookie: its id is 128 random bits signed
//! with the service's key, so a changed cookie is simply not recognised (a new session
//! starts) and never reaches the store.

use axum::http::HeaderMap;
use axum_extra::extract::cookie::{Cookie, SameSite, SignedCookieJar};

use super::problem::Problem;
use super::service::Inner;
use crate::definition::Language;
use crate::session::{Session, SessionId};

/// What the cookie leads to.
pub(crate) enum Found {
    /// A live session.
    Live(Session),
    /// The cookie is ours but its session is gone: it expired (or was submitted or deleted).
    Gone,
    /// No cookie, or one that is not ours: a new visitor.
    Nobody,
}

/// The signed cookie jar of a request.
pub(crate) fn jar(inner: &Inner, headers: &HeaderMap) -> SignedCookieJar {
    SignedCookieJar::from_headers(headers, inner.cookie_key.clone())
}

/// The session the request's cookie names.
pub(crate) async fn find(inner: &Inner, jar: &SignedCookieJar) -> Result<Found, Problem> {
    let Some(id) = jar
        .get(&inner.config.cookie_name)
        .and_then(|cookie| SessionId::parse(cookie.value()))
    else {
        return Ok(Found::Nobody);
    };
    match inner.store.load(&id, inner.now()).await {
        Ok(Some(session)) if session.form_id == inner.form.id => Ok(Found::Live(session)),
        // Another form's session under the same cookie name (two forms on one path).
        Ok(Some(_)) => Ok(Found::Nobody),
        Ok(None) => Ok(Found::Gone),
        Err(error) => Err(Problem::unavailable(&error)),
    }
}

/// A new session, saved, in the language the browser last chose (see [`language_cookie`]) or
/// else the form's first.
pub(crate) async fn start(inner: &Inner, jar: &SignedCookieJar) -> Result<Session, Problem> {
    let mut session = Session::new(inner.form.id.clone(), inner.now(), inner.timeout());
    session.language = remembered_language(inner, jar);
    save(inner, &mut session).await?;
    Ok(session)
}

/// Saves `session`, counting the request as activity.
pub(crate) async fn save(inner: &Inner, session: &mut Session) -> Result<(), Problem> {
    session.touch(inner.now(), inner.timeout());
    inner
        .store
        .save(session)
        .await
        .map_err(|error| Problem::unavailable(&error))
}

/// The session cookie for `id`: HttpOnly, SameSite=Lax, Secure when served over https,
/// scoped to where the form is mounted. It has no expiry date: the store expires sessions.
pub(crate) fn cookie(inner: &Inner, base: &str, id: &SessionId) -> Cookie<'static> {
    Cookie::build((inner.config.cookie_name.clone(), id.as_str().to_owned()))
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(inner.secure)
        .path(cookie_path(base))
        .build()
}

/// The cookie that remembers the language a resident chose, for the pages shown when no session
/// is left to hold it: "Your answers have been deleted" after a session expired while the
/// resident was away, and the new session of "Start again". Set by the resident's own choice
/// and gone when the browser closes, like the session cookie.
pub(crate) fn language_cookie(inner: &Inner, base: &str, language: Language) -> Cookie<'static> {
    Cookie::build((language_cookie_name(inner), language.code().to_owned()))
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(inner.secure)
        .path(cookie_path(base))
        .build()
}

/// The language the browser last chose, when the form offers it; else the form's first.
pub(crate) fn remembered_language(inner: &Inner, jar: &SignedCookieJar) -> Language {
    let offered = inner.languages();
    jar.get(&language_cookie_name(inner))
        .and_then(|cookie| {
            offered
                .iter()
                .find(|language| language.code() == cookie.value())
                .copied()
        })
        .unwrap_or(offered[0])
}

fn language_cookie_name(inner: &Inner) -> String {
    format!("{}-lang", inner.config.cookie_name)
}

/// The cookie that removes the session cookie.
pub(crate) fn removal(inner: &Inner, base: &str) -> Cookie<'static> {
    Cookie::build(inner.config.cookie_name.clone())
        .path(cookie_path(base))
        .build()
}

pub(crate) fn cookie_path(base: &str) -> String {
    if base.is_empty() {
        "/".to_owned()
    } else {
        base.to_owned()
    }
}
