//! The [phase banner](https://design-system.service.gov.uk/components/phase-banner/) (alpha, beta).

use maud::{Markup, Render};
use serde::Deserialize;

use crate::attributes::Attributes;
use crate::builder::{attributes_setter, string_setters};
use crate::content::Content;
use crate::element::{Classes, open};
use crate::tag::Tag;

/// A phase banner: `govukPhaseBanner` options.
///
/// ```
/// use civic_components::{PhaseBanner, PhaseTag};
/// let banner = PhaseBanner::text("This is a new service.").tag(PhaseTag::text("Beta"));
/// assert!(maud::Render::render(&banner).into_string().contains("Beta"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct PhaseBanner {
    /// Plain text beside the tag; ignored when `html` is set.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// Trusted markup beside the tag.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// The phase tag.
    #[serde(deserialize_with = "crate::de::object")]
    pub tag: Option<PhaseTag>,
    /// Extra classes.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra HTML attributes.
    pub attributes: Attributes,
}

/// The phase banner's tag.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct PhaseTag {
    /// Plain text ("Alpha", "Beta"); ignored when `html` is set.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// Trusted markup.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// Extra classes.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
}

impl PhaseTag {
    /// A tag of plain text.
    pub fn text(text: impl Into<String>) -> Self {
        PhaseTag {
            text: Some(text.into()),
            ..PhaseTag::default()
        }
    }
}

string_setters!(PhaseTag {
    classes: "Adds classes."
});

impl PhaseBanner {
    /// A banner of plain text.
    pub fn text(text: impl Into<String>) -> Self {
        PhaseBanner {
            text: Some(text.into()),
            ..PhaseBanner::default()
        }
    }

    /// A banner of trusted markup.
    pub fn html(html: Markup) -> Self {
        PhaseBanner {
            html: Some(html.0),
            ..PhaseBanner::default()
        }
    }

    /// Sets the tag.
    pub fn tag(mut self, tag: PhaseTag) -> Self {
        self.tag = Some(tag);
        self
    }
}

string_setters!(PhaseBanner {
    classes: "Adds classes."
});
attributes_setter!(PhaseBanner);

impl Render for PhaseBanner {
    fn render_to(&self, out: &mut String) {
        let out = open(out, "div")
            .class(
                "govuk-phase-banner govuk-width-container",
                self.classes.as_deref(),
            )
            .attrs(&self.attributes)
            .end();
        out.push_str("\n  <p class=\"govuk-phase-banner__content\">\n    ");
        let mut tag_classes = Classes::new("govuk-phase-banner__content__tag");
        let given = self.tag.clone().unwrap_or_default();
        tag_classes.add(given.classes.as_deref());
        let tag = Tag {
            text: given.text,
            html: given.html,
            classes: Some(tag_classes.as_str().to_owned()),
            ..Tag::default()
        };
        tag.render_to(out);
        out.push_str("\n    <span class=\"govuk-phase-banner__text\">\n      ");
        if let Some(content) = Content::from_fields(&self.text, &self.html) {
            content.render_to(out);
        }
        out.push_str("\n    </span>\n  </p>\n</div>");
    }
}
