//! A POSTed form body, read up to the service's limit and decoded.

use axum::body::Body;

use super::problem::Problem;
use super::service::Inner;
use crate::answers::Submitted;
use crate::definition::Language;
use crate::messages::ProblemText;
use crate::session::SessionId;

/// The body was larger than the limit.
#[derive(Debug)]
pub(crate) struct TooLarge;

/// Reads a URL-encoded form body of at most `limit` bytes. Anything that is not valid
/// URL-encoding decodes leniently (as browsers send it), never as an error.
pub(crate) async fn read(body: Body, limit: usize) -> Result<Submitted, TooLarge> {
    let bytes = axum::body::to_bytes(body, limit)
        .await
        .map_err(|_| TooLarge)?;
    Ok(Submitted::from_pairs(
        url::form_urlencoded::parse(&bytes).map(|(k, v)| (k.into_owned(), v.into_owned())),
    ))
}

/// Reads a POST's form body within the service's limit; too large is the "too large" page in
/// `language`, with a link back to `here`.
pub(crate) async fn read_form(
    inner: &Inner,
    body: Body,
    language: Language,
    here: &str,
) -> Result<Submitted, Problem> {
    read(body, inner.config.body_limit).await.map_err(|_| {
        Problem::new(ProblemText::TooLarge)
            .language(language)
            .back(here.to_owned())
    })
}

/// Refuses a POST whose CSRF token is not the session's with the "forbidden" page.
pub(crate) fn check_csrf(
    inner: &Inner,
    session: &SessionId,
    submitted: &Submitted,
    language: Language,
    here: &str,
) -> Result<(), Problem> {
    if inner
        .csrf
        .verify(session, submitted.get(super::csrf::FIELD))
    {
        Ok(())
    } else {
        Err(forbidden(language, here))
    }
}

/// The "forbidden" page: no session, or a token that is not the session's.
pub(crate) fn forbidden(language: Language, here: &str) -> Problem {
    Problem::new(ProblemText::Forbidden)
        .language(language)
        .back(here.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn decodes_up_to_the_limit() {
        let body = Body::from("a=1&b=%3Cx%3E+y&b=2");
        let submitted = read(body, 100).await.unwrap();
        assert_eq!(submitted.get("b"), "<x> y");
        assert_eq!(submitted.all("b").len(), 2);
        assert!(read(Body::from("a=".repeat(60)), 100).await.is_err());
    }
}
