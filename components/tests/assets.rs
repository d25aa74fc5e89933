//! The built stylesheet and the assets router (feature `axum`).

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use civic_components::assets::{Assets, IMMUTABLE};
use http_body_util::BodyExt;
use std::io::Write;
use std::sync::Arc;
use tower::ServiceExt;

fn built() -> Option<Assets> {
    match Assets::load(Assets::default_dir(), "/assets") {
        Ok(assets) => Some(assets),
        Err(error) => {
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED assets tests: {error} (components/build-assets has not been run)"
            );
            None
        }
    }
}

#[test]
fn stylesheet_never_mentions_gds_transport() {
    let Some(assets) = built() else { return };
    let file = assets.stylesheet_url().unwrap().rsplit('/').next().unwrap();
    let css = String::from_utf8(assets.get(file).unwrap().bytes.to_vec()).unwrap();
    assert!(css.len() > 100_000, "the stylesheet looks incomplete");
    assert!(
        !css.contains("GDS Transport"),
        "GDS Transport is in civic.css"
    );
    assert!(
        !css.contains("@font-face"),
        "a default font face is in civic.css"
    );
    assert!(css.contains(r#"font-family:"Helvetica Neue",Helvetica,Arial,sans-serif"#));
    // Brands set their colour through these at run time.
    for property in [
        "--govuk-brand-colour",
        "--govuk-link-colour",
        "--govuk-template-background-colour",
        "--govuk-surface-background-colour",
    ] {
        assert!(
            css.contains(&format!("var({property}")),
            "{property} is not read"
        );
    }
}

#[tokio::test]
async fn router_serves_hashed_files_for_a_year() {
    let Some(assets) = built() else { return };
    let assets = Arc::new(assets);
    let app: axum::Router = Arc::clone(&assets).router();

    for url in [
        assets.stylesheet_url().unwrap(),
        assets.init_script_url().unwrap(),
        assets.url("govuk-frontend.min.js").unwrap(),
    ] {
        let response = app
            .clone()
            .oneshot(Request::get(url).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{url}");
        assert_eq!(response.headers()[header::CACHE_CONTROL], IMMUTABLE);
        let content_type = response.headers()[header::CONTENT_TYPE].to_str().unwrap();
        let expected = if url.ends_with(".css") {
            "text/css"
        } else {
            "text/javascript"
        };
        assert!(content_type.starts_with(expected), "{url}: {content_type}");
        let body = response.into_body().collect().await.unwrap().to_bytes();
        assert!(!body.is_empty());
    }

    let response = app
        .oneshot(
            Request::get("/assets/civic.css")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::NOT_FOUND,
        "unhashed names are not served"
    );
}
