//! What went wrong when rendering a component from upstream's option objects.

/// A component could not be rendered from the options given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParamsError {
    /// No GOV.UK Frontend component has this name.
    #[error("there is no component called {0:?}: `civic components list` shows the names")]
    UnknownComponent(String),
    /// The component exists upstream but has not been written in civic yet.
    #[error("the {0} component is not available in civic yet")]
    NotImplemented(String),
    /// The options did not fit the component's parameters.
    #[error("{component}: {path}: {message}")]
    Invalid {
        /// The component's upstream folder name, e.g. `date-input`.
        component: String,
        /// Where in the options the problem is, e.g. `items[2].conditional.html` (`.` for the top).
        path: String,
        /// What was wrong there.
        message: String,
    },
}

impl ParamsError {
    /// Whether the fault is in the options (as opposed to the component name).
    pub fn is_invalid_params(&self) -> bool {
        matches!(self, ParamsError::Invalid { .. })
    }
}
