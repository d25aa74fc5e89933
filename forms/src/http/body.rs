//! A POSTed form body, read up to the service's limit and decoded.

use axum::body::Body;

use crate::answers::Submitted;

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
