//! The language switch: `?lang=cy` on any page, kept in the session so the answers stay and
//! every later page follows, and in a cookie for the pages shown when the session is gone.
//! Only the languages the form offers are taken.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::SignedCookieJar;

use super::base::Base;
use super::service::Inner;
use super::visit;
use crate::definition::Language;
use crate::session::Session;

/// Middleware: a request that asks for an offered language also sets the language cookie
/// ([`visit::language_cookie`]), whichever page it is for.
pub(crate) async fn remember(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    request: Request,
    next: Next,
) -> Response {
    let chosen = requested(request.uri().query(), inner.languages());
    let response = next.run(request).await;
    match chosen {
        Some(language) => {
            let jar = SignedCookieJar::new(inner.cookie_key.clone())
                .add(visit::language_cookie(&inner, &base, language));
            (jar, response).into_response()
        }
        None => response,
    }
}

/// Sets the session's language from a `lang` query parameter in `query`, when the form
/// offers it; returns whether it changed.
pub(crate) fn switch(session: &mut Session, query: Option<&str>, offered: &[Language]) -> bool {
    match requested(query, offered) {
        Some(language) if language != session.language => {
            session.language = language;
            true
        }
        _ => false,
    }
}

/// The offered language a `lang` query parameter in `query` asks for.
pub(crate) fn requested(query: Option<&str>, offered: &[Language]) -> Option<Language> {
    let code = query.and_then(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(name, _)| name == "lang")
            .map(|(_, value)| value.into_owned())
    })?;
    offered
        .iter()
        .find(|language| language.code() == code)
        .copied()
}

#[cfg(test)]
mod tests {
    use time::{Duration, OffsetDateTime};

    use super::*;

    #[test]
    fn only_offered_languages_switch() {
        let mut session = Session::new("f", OffsetDateTime::UNIX_EPOCH, Duration::minutes(1));
        assert!(!switch(&mut session, Some("lang=cy"), &[Language::En]));
        assert_eq!(session.language, Language::En);
        assert!(switch(
            &mut session,
            Some("x=1&lang=cy"),
            &[Language::En, Language::Cy]
        ));
        assert_eq!(session.language, Language::Cy);
        assert!(!switch(
            &mut session,
            Some("lang=fr"),
            &[Language::En, Language::Cy]
        ));
        assert!(!switch(&mut session, None, &[Language::En, Language::Cy]));
        assert_eq!(session.language, Language::Cy);
    }
}
