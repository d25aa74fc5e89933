//! The session timeout warning (WCAG 2.2.1): a closed `<dialog>` every page of a live session
//! carries, with its timings and addresses as data attributes. civic-components'
//! `timeout-warning.mjs` opens it shortly before the answers would be deleted; "Continue" asks
//! `{base}/keep-alive` to keep the session, "Delete answers and sign out" (and the end of the
//! countdown) posts to `{base}/sign-out`. A closed dialog is never displayed, so without
//! JavaScript the page's sentence about the timeout is the warning.

use maud::{Markup, html};

use super::PageContext;
use super::layout::csrf_field;
use crate::messages::{TimeoutText, Word};

/// How long before the answers are deleted the warning opens, in seconds (for timeouts under
/// four minutes the script opens it at half the timeout instead).
pub const WARNING_SECONDS: u32 = 120;

/// The warning for a session that ends after `minutes` of inactivity, for a form mounted at
/// `base`.
pub(super) fn timeout_warning(context: &PageContext<'_>, minutes: u32, base: &str) -> Markup {
    let language = context.language;
    html! {
        div class="civic-timeout-warning" data-module="civic-timeout-warning"
            data-timeout-seconds=(u64::from(minutes) * 60)
            data-warning-seconds=(WARNING_SECONDS)
            data-keep-alive-url=(format!("{base}/keep-alive"))
            data-text-minute=(TimeoutText::OneMinute.text(language))
            data-text-minutes=(TimeoutText::Minutes.text(language))
            data-text-seconds=(TimeoutText::Seconds.text(language)) {
            dialog class="civic-timeout-warning__dialog"
                aria-labelledby="civic-timeout-warning-heading"
                aria-describedby="civic-timeout-warning-countdown" {
                form method="post" action=(format!("{base}/sign-out")) novalidate {
                    (csrf_field(context))
                    input type="hidden" name="timed_out" value="no";
                    h2 class="govuk-heading-m" id="civic-timeout-warning-heading" {
                        (TimeoutText::Heading.text(language))
                    }
                    p class="govuk-body govuk-!-font-weight-bold" id="civic-timeout-warning-countdown" data-countdown="" {}
                    // Read politely, and only now and then: the countdown above changes every
                    // second.
                    p class="govuk-visually-hidden" aria-live="polite" data-announcement="" {}
                    p class="govuk-body" { (TimeoutText::Body.text(language)) }
                    div class="govuk-button-group" {
                        button type="button" class="govuk-button" data-module="govuk-button" data-continue="" {
                            (Word::Continue.text(language))
                        }
                        button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button" {
                            (TimeoutText::SignOut.text(language))
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::Language;
    use crate::render::layout::test_support::Fixture;

    #[test]
    fn the_dialog_carries_its_timings_addresses_token_and_words() {
        let fixture = Fixture::new();
        let html = timeout_warning(&fixture.context(Language::En), 20, "/apply").into_string();
        for expected in [
            r#"data-module="civic-timeout-warning""#,
            r#"data-timeout-seconds="1200""#,
            r#"data-warning-seconds="120""#,
            r#"data-keep-alive-url="/apply/keep-alive""#,
            r#"data-text-minutes="You will be signed out in {n} minutes.""#,
            r#"<form method="post" action="/apply/sign-out""#,
            r#"name="csrf_token" value="tok""#,
            r#"aria-live="polite""#,
            "You’re about to be signed out",
            "Delete answers and sign out",
            ">Continue<",
        ] {
            assert!(html.contains(expected), "{expected} in {html}");
        }
        // Closed: nothing shows until the script opens it.
        assert!(!html.contains("<dialog open"), "{html}");
        let welsh = timeout_warning(&fixture.context(Language::Cy), 1, "").into_string();
        assert!(welsh.contains(r#"data-timeout-seconds="60""#), "{welsh}");
        assert!(
            welsh.contains(r#"data-keep-alive-url="/keep-alive""#),
            "{welsh}"
        );
        assert!(welsh.contains("Dileu atebion ac allgofnodi"), "{welsh}");
        assert!(welsh.contains("ymhen {n} eiliad."), "{welsh}");
    }
}
