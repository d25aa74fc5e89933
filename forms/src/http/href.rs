//! The address of each step of the journey, under where the form is mounted.

use crate::journey::Step;

/// The path of "check your answers".
pub(crate) const CHECK_ANSWERS: &str = "check-answers";

/// The path of a long form's task list.
pub(crate) const TASK_LIST: &str = "task-list";

/// The query a Change link on "check your answers" adds, so the page returns there.
const RETURNING: &str = "return=check-answers";

/// Where `step` is shown, for a form mounted at `base`.
pub(crate) fn step(base: &str, step: &Step) -> String {
    match step {
        Step::Page(id) => format!("{base}/{id}"),
        Step::ListSummary(id) => format!("{base}/{id}/add-another"),
        Step::TaskList => format!("{base}/{TASK_LIST}"),
        _ => format!("{base}/{CHECK_ANSWERS}"),
    }
}

/// Whether a request's query says it came from a Change link on "check your answers".
pub(crate) fn returning(query: Option<&str>) -> bool {
    query.is_some_and(|query| query.split('&').any(|pair| pair == RETURNING))
}

/// `href` marked as reached from a Change link on "check your answers" when `returning`.
pub(crate) fn keep_returning(href: String, returning: bool) -> String {
    if returning {
        format!("{href}?{RETURNING}")
    } else {
        href
    }
}

/// The form's own address, which starts or resumes it: the mount point itself (a nested
/// router does not answer the mount point with a trailing `/`).
pub(crate) fn start(base: &str) -> String {
    if base.is_empty() {
        "/".to_owned()
    } else {
        base.to_owned()
    }
}
