//! The address of each step of the journey, under where the form is mounted.

use crate::journey::Step;

/// The path of "check your answers".
pub(crate) const CHECK_ANSWERS: &str = "check-answers";

/// Where `step` is shown, for a form mounted at `base`.
pub(crate) fn step(base: &str, step: &Step) -> String {
    match step {
        Step::Page(id) => format!("{base}/{id}"),
        Step::ListSummary(id) => format!("{base}/{id}/add-another"),
        _ => format!("{base}/{CHECK_ANSWERS}"),
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
