//! Rendering any component by its upstream folder name from upstream's option objects.

use maud::{Markup, Render};
use serde::de::DeserializeOwned;

use crate::error::ParamsError;

/// Every GOV.UK Frontend 6.6.0 component, by its upstream folder name.
pub const COMPONENTS: &[&str] = &[
    "accordion",
    "back-link",
    "breadcrumbs",
    "button",
    "character-count",
    "checkboxes",
    "cookie-banner",
    "date-input",
    "details",
    "error-message",
    "error-summary",
    "exit-this-page",
    "feedback",
    "fieldset",
    "file-upload",
    "footer",
    "generic-header",
    "header",
    "hint",
    "input",
    "inset-text",
    "label",
    "language-navigation",
    "notification-banner",
    "pagination",
    "panel",
    "password-input",
    "phase-banner",
    "radios",
    "select",
    "service-navigation",
    "skip-link",
    "summary-list",
    "table",
    "tabs",
    "tag",
    "task-list",
    "textarea",
    "warning-text",
];

/// Renders the component `name` (upstream's folder name, e.g. `date-input`) from the same
/// options object upstream's Nunjucks macro takes.
///
/// ```
/// let html = civic_components::render_json("hint", serde_json::json!({ "text": "For example, 27 3 2007" }))?;
/// assert_eq!(html.into_string(), "<div class=\"govuk-hint\">\n  For example, 27 3 2007\n</div>");
/// # Ok::<(), civic_components::ParamsError>(())
/// ```
pub fn render_json(name: &str, params: serde_json::Value) -> Result<Markup, ParamsError> {
    use crate::*;
    // One arm per component, alphabetical.
    match name {
        "accordion" => render::<Accordion>(name, params),
        "back-link" => render::<BackLink>(name, params),
        "breadcrumbs" => render::<Breadcrumbs>(name, params),
        "button" => render::<Button>(name, params),
        "character-count" => render::<CharacterCount>(name, params),
        "checkboxes" => render::<Checkboxes>(name, params),
        "cookie-banner" => render::<CookieBanner>(name, params),
        "date-input" => render::<DateInput>(name, params),
        "details" => render::<Details>(name, params),
        "error-message" => render::<ErrorMessage>(name, params),
        "error-summary" => render::<ErrorSummary>(name, params),
        "exit-this-page" => render::<ExitThisPage>(name, params),
        "feedback" => render::<Feedback>(name, params),
        "fieldset" => render::<Fieldset>(name, params),
        "file-upload" => render::<FileUpload>(name, params),
        "footer" => render::<Footer>(name, params),
        "generic-header" => render::<GenericHeader>(name, params),
        "header" => render::<Header>(name, params),
        "hint" => render::<Hint>(name, params),
        "input" => render::<Input>(name, params),
        "inset-text" => render::<InsetText>(name, params),
        "label" => render::<Label>(name, params),
        "language-navigation" => render::<LanguageNavigation>(name, params),
        "notification-banner" => render::<NotificationBanner>(name, params),
        "pagination" => render::<Pagination>(name, params),
        "panel" => render::<Panel>(name, params),
        "password-input" => render::<PasswordInput>(name, params),
        "phase-banner" => render::<PhaseBanner>(name, params),
        "radios" => render::<Radios>(name, params),
        "select" => render::<Select>(name, params),
        "service-navigation" => render::<ServiceNavigation>(name, params),
        "skip-link" => render::<SkipLink>(name, params),
        "summary-list" => render::<SummaryList>(name, params),
        "table" => render::<Table>(name, params),
        "tabs" => render::<Tabs>(name, params),
        "tag" => render::<Tag>(name, params),
        "task-list" => render::<TaskList>(name, params),
        "textarea" => render::<Textarea>(name, params),
        "warning-text" => render::<WarningText>(name, params),
        _ if COMPONENTS.contains(&name) => Err(ParamsError::NotImplemented(name.to_owned())),
        _ => Err(ParamsError::UnknownComponent(name.to_owned())),
    }
}

/// Deserialises `params` as `T`, naming the JSON path on failure, and renders it.
fn render<T: DeserializeOwned + Render>(
    name: &str,
    params: serde_json::Value,
) -> Result<Markup, ParamsError> {
    let component: T =
        serde_path_to_error::deserialize(params).map_err(|error| ParamsError::Invalid {
            component: name.to_owned(),
            path: error.path().to_string(),
            message: error.inner().to_string(),
        })?;
    Ok(component.render())
}

/// Parses the options as `T` without rendering, for callers that keep the component.
pub fn parse<T: DeserializeOwned>(name: &str, params: serde_json::Value) -> Result<T, ParamsError> {
    serde_path_to_error::deserialize(params).map_err(|error| ParamsError::Invalid {
        component: name.to_owned(),
        path: error.path().to_string(),
        message: error.inner().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_39_components() {
        assert_eq!(COMPONENTS.len(), 39);
        assert!(COMPONENTS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn unknown_names_are_told_apart() {
        let err = render_json("carousel", serde_json::json!({})).unwrap_err();
        assert_eq!(err, ParamsError::UnknownComponent("carousel".into()));
    }

    #[test]
    fn bad_params_name_the_path() {
        let err =
            render_json("hint", serde_json::json!({ "attributes": { "a b": "1" } })).unwrap_err();
        assert!(err.is_invalid_params());
        assert!(err.to_string().starts_with("hint: attributes"), "{err}");
    }
}
