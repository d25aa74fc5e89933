//! Where the form is mounted (`/apply` for `Router::new().nest("/apply", form.router())`),
//! found from the request itself so that links and redirects follow the mount.

use std::convert::Infallible;

use axum::extract::{FromRequestParts, OriginalUri};
use axum::http::request::Parts;

/// The path the form's router is mounted at, without a trailing `/` (`""` at the root).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Base(pub(crate) String);

impl<S: Send + Sync> FromRequestParts<S> for Base {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Infallible> {
        let inner = parts.uri.path();
        let original = parts
            .extensions
            .get::<OriginalUri>()
            .map_or(inner, |uri| uri.0.path());
        Ok(Base(mounted_at(original, inner).to_owned()))
    }
}

/// The prefix of `original` that nesting stripped to leave `inner`.
fn mounted_at<'a>(original: &'a str, inner: &str) -> &'a str {
    if inner == "/" {
        original.trim_end_matches('/')
    } else {
        original.strip_suffix(inner).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::mounted_at;

    #[test]
    fn the_prefix_is_what_nesting_stripped() {
        assert_eq!(mounted_at("/apply/contact", "/contact"), "/apply");
        assert_eq!(mounted_at("/apply", "/"), "/apply");
        assert_eq!(mounted_at("/apply/", "/"), "/apply");
        assert_eq!(mounted_at("/contact", "/contact"), "");
        assert_eq!(mounted_at("/", "/"), "");
        assert_eq!(mounted_at("/a/b/check-answers", "/check-answers"), "/a/b");
    }
}
