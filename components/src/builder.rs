//! Builder setters shared by every component, generated once.

/// Generates `pub fn field(self, value: impl Into<String>) -> Self` setters for
/// `Option<String>` fields: `string_setters!(Tag { id: "Sets the `id`.", classes: "Adds classes." });`
macro_rules! string_setters {
    ($ty:ty { $($field:ident : $doc:literal),* $(,)? }) => {
        impl $ty {
            $(
                #[doc = $doc]
                pub fn $field(mut self, value: impl Into<String>) -> Self {
                    self.$field = Some(value.into());
                    self
                }
            )*
        }
    };
}

/// Generates `pub fn attributes(self, attributes: Attributes) -> Self` for a component.
macro_rules! attributes_setter {
    ($ty:ty) => {
        impl $ty {
            /// Sets extra HTML attributes.
            pub fn attributes(mut self, attributes: $crate::attributes::Attributes) -> Self {
                self.attributes = attributes;
                self
            }
        }
    };
}

pub(crate) use attributes_setter;
pub(crate) use string_setters;
