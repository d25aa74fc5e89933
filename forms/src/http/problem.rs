//! The pages shown when a request cannot be done: a refused POST (403, 400, 413, 429), a
//! session whose answers were deleted, a page that does not exist, or the service failing.
//! Each says what happened and that the answers already given are kept.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use civic_components::Button;
use civic_components::template::Page as Template;
use maud::html;

use super::service::Inner;
use crate::definition::Language;
use crate::messages::ProblemText;
use crate::render::components_language;

/// A request that could not be done, and what to tell the resident.
#[derive(Debug)]
pub(crate) struct Problem {
    kind: ProblemText,
    language: Option<Language>,
    back: Option<String>,
}

impl Problem {
    pub(crate) fn new(kind: ProblemText) -> Self {
        Problem {
            kind,
            language: None,
            back: None,
        }
    }

    /// The service failed (the store, a delivery); logged without personal data.
    pub(crate) fn unavailable(error: &dyn std::error::Error) -> Self {
        tracing::error!(%error, "civic-forms could not handle a request");
        Problem::new(ProblemText::Unavailable)
    }

    /// Shown in the resident's language.
    pub(crate) fn language(mut self, language: Language) -> Self {
        self.language = Some(language);
        self
    }

    /// With a link back to the page the resident was on.
    pub(crate) fn back(mut self, href: String) -> Self {
        self.back = Some(href);
        self
    }

    pub(crate) fn status(&self) -> StatusCode {
        match self.kind {
            ProblemText::Forbidden => StatusCode::FORBIDDEN,
            ProblemText::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ProblemText::UnknownField => StatusCode::BAD_REQUEST,
            ProblemText::TooMany => StatusCode::TOO_MANY_REQUESTS,
            ProblemText::NotFound => StatusCode::NOT_FOUND,
            ProblemText::AnswersDeleted | ProblemText::SignedOut => StatusCode::OK,
            ProblemText::ChoiceGone => StatusCode::CONFLICT,
            _ => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// The page, for a form mounted at `base`.
    pub(crate) fn response(self, inner: &Inner, base: &str) -> Response {
        let language = self.language.unwrap_or(inner.languages()[0]);
        let minutes = inner.form.retention.session_timeout_minutes;
        let heading = self.kind.heading(language);
        let action = self.kind.action(language);
        let mut start_again = Button::text(action);
        start_again.href = Some(super::href::start(base));
        let content = html! {
            div class="govuk-grid-row" { div class="govuk-grid-column-two-thirds" {
                h1 class="govuk-heading-l" { (heading) }
                p class="govuk-body" { (self.kind.sentence(language, minutes)) }
                @if matches!(
                    self.kind,
                    ProblemText::AnswersDeleted | ProblemText::SignedOut | ProblemText::ChoiceGone
                ) {
                    (start_again)
                } @else if let Some(back) = &self.back {
                    p class="govuk-body" { a class="govuk-link" href=(back) { (action) } }
                }
            } }
        };
        let page = crate::render::framed(
            Template::new(
                &inner.brand,
                &inner.assets,
                crate::render::page_title(
                    heading,
                    Some(inner.form.title.in_language(language)),
                    &inner.brand.name,
                ),
            ),
            &inner.brand,
            components_language(language),
        )
        .content(content)
        .render();
        (self.status(), Html(page.into_string())).into_response()
    }
}
