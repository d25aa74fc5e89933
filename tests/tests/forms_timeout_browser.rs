//! The session timeout warning in a real browser (issue #7 item 5, WCAG 2.2.1): a form whose
//! sessions last one minute, served on 127.0.0.1 with the built assets, opened in headless
//! Chromium with a fake page clock. The dialog opens at half time with focus in it, modal and
//! axe-clean; "Continue" asks the server to keep the session (204) and closes it; when the
//! time runs out the resident sees "Your answers have been deleted"; "Delete answers and sign
//! out" deletes them at once; without JavaScript only the sentence shows.
#![allow(clippy::unwrap_used)] // a panic in a test is a failed test

use std::sync::Arc;

use axum::Router;
use civic_components::assets::Assets;
use civic_forms::definition::{FormDefinition, Format};
use civic_forms::delivery::Deliveries;
use civic_forms::http::FormService;
use civic_forms::session::SqlSessionStore;
use civic_tests::{browser, serve_with, skip};

const FORM: &str = "
id: timeout
title: Report a fly-tip
retention: { session_timeout_minutes: 1 }
pages:
  - id: where
    questions:
      - { id: where, label: Where is the fly-tip?, answer: { type: text } }
";

#[test]
fn the_timeout_warning_opens_is_accessible_and_continue_keeps_the_session() {
    let test = "the_timeout_warning_opens_is_accessible_and_continue_keeps_the_session";
    let Ok(assets) = Assets::load(Assets::default_dir(), "/assets") else {
        skip(
            test,
            "the stylesheet is not built (run components/build-assets)",
        );
        return;
    };
    let assets = Arc::new(assets);
    let address = serve_with(move || async move {
        let form = FormDefinition::parse(FORM, Format::Yaml).map_err(|e| e.to_string())?;
        let store = SqlSessionStore::connect("sqlite::memory:")
            .await
            .map_err(|e| e.to_string())?;
        let deliveries = Deliveries::new(store.pool().clone());
        let service = FormService::builder(form, Arc::new(store), deliveries, &[7; 64])
            .map_err(|e| e.to_string())?
            .assets(Arc::clone(&assets))
            .build()
            .map_err(|e| e.to_string())?;
        Ok::<_, String>(
            Router::new()
                .nest("/apply", service.router())
                .merge(Arc::clone(&assets).router()),
        )
    })
    .unwrap();
    let Some(run) = browser::timeout_warning(test, &format!("http://{address}/apply")) else {
        return;
    };
    assert!(run.page.ends_with("/apply/where"), "{run:?}");
    assert!(
        run.notice
            .contains("We will delete your answers if you do not do anything for 1 minute."),
        "{run:?}"
    );
    assert!(!run.open_at_first, "{run:?}");
    assert!(
        run.open_after_warning && run.focus_in_dialog && run.modal,
        "{run:?}"
    );
    assert_eq!(
        run.countdown, "You will be signed out in 29 seconds.",
        "{run:?}"
    );
    assert_eq!(
        run.countdown_later, "You will be signed out in 19 seconds.",
        "{run:?}"
    );
    assert!(
        run.announced.is_empty(),
        "read as the dialog's description: {run:?}"
    );
    assert!(
        run.violations.is_empty(),
        "axe found problems with the dialog open: {:?}",
        run.violations
    );
    assert_eq!(run.keep_alive_status, 204, "{run:?}");
    assert!(!run.open_after_continue && run.open_again, "{run:?}");
    assert!(run.after_timeout.ends_with("/apply/timeout"), "{run:?}");
    assert!(
        run.after_timeout_text
            .contains("Your answers have been deleted")
            && run
                .after_timeout_text
                .contains("did not do anything for 1 minute."),
        "{run:?}"
    );
    assert!(run.after_sign_out.ends_with("/apply/signed-out"), "{run:?}");
    assert!(
        run.after_sign_out_text
            .contains("You signed out, so we deleted your answers."),
        "{run:?}"
    );
    assert!(
        run.no_js_notice.contains("for 1 minute.") && !run.no_js_dialog_visible,
        "{run:?}"
    );
}
