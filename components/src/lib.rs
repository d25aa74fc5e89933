//! Every [GOV.UK Frontend](https://frontend.design-system.service.gov.uk/) 6.6.0 component,
//! rendered in Rust with [`maud`], markup-identical to upstream, under a council's own brand.
//!
//! Council services look and behave like GOV.UK services because they use the GOV.UK Design
//! System; they must not look like GOV.UK itself, so this crate never serves the crown or the
//! GDS Transport typeface. Each component's parameters deserialise from the same option objects
//! as upstream's Nunjucks macros, so a team can move its templates over unchanged.
//!
//! # Cargo features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `axum` | no | [`assets::Assets::router`]: serves the stylesheet and script with content-hashed names |
//!
//! # Example
//!
//! ```
//! use civic_components::{Hint, render_json};
//! use maud::Render;
//!
//! // From Rust, with a builder…
//! let hint = Hint::text("For example, 27 3 2007").id("dob-hint");
//! // …or from the same options object upstream's `govukHint` macro takes.
//! let same = render_json("hint", serde_json::json!({ "text": "For example, 27 3 2007", "id": "dob-hint" }))?;
//! assert_eq!(hint.render().into_string(), same.into_string());
//! # Ok::<(), civic_components::ParamsError>(())
//! ```
//!
//! # How components are built
//!
//! One file per component (`hint.rs`), whose params struct deserialises from upstream's
//! options (camelCase, JavaScript's loose types, see [`de`]) and renders with [`maud::Render`].
//! Shared pieces are written once: [`escape`] (Nunjucks-identical escaping), [`Attributes`],
//! [`content::Content`] (`text` vs `html`), [`element`] (start tags, classes, self-closed SVG).
//! Every upstream fixture is checked by `tests/fixtures.rs`, and [`gallery`] writes each one as a
//! branded page (`civic components gallery --out DIR`), which the workspace's accessibility gate
//! runs through axe-core and the Nu HTML Checker.

pub mod assets;
pub mod attributes;
pub mod brand;
mod builder;
pub mod content;
pub mod de;
pub mod element;
pub mod error;
pub mod escape;
pub mod gallery;
pub mod i18n;
mod i18n_attributes;
pub mod registry;
pub mod template;

// Components, one file each, alphabetical.
mod accordion;
mod back_link;
mod breadcrumbs;
mod button;
mod character_count;
mod checkboxes;
mod cookie_banner;
mod date_input;
mod details;
mod error_message;
mod error_summary;
mod exit_this_page;
mod feedback;
mod fieldset;
mod file_upload;
mod footer;
mod generic_header;
mod header;
mod hint;
mod input;
mod inset_text;
mod label;
mod language_navigation;
mod notification_banner;
mod pagination;
mod panel;
mod password_input;
mod phase_banner;
mod radios;
mod select;
mod service_navigation;
mod skip_link;
mod summary_list;
mod table;
mod tabs;
mod tag;
mod task_list;
mod textarea;
mod warning_text;

pub use accordion::{Accordion, AccordionItem, AccordionText};
pub use attributes::Attributes;
pub use back_link::BackLink;
pub use breadcrumbs::{Breadcrumbs, BreadcrumbsItem};
pub use button::Button;
pub use character_count::{CharacterCount, CountMessage};
pub use checkboxes::{CheckboxItem, Checkboxes};
pub use cookie_banner::{CookieBanner, CookieBannerAction, CookieBannerMessage};
pub use date_input::{DateInput, DateItem, DatePart};
pub use details::Details;
pub use error::ParamsError;
pub use error_message::ErrorMessage;
pub use error_summary::{ErrorSummary, ErrorSummaryItem};
pub use exit_this_page::ExitThisPage;
pub use feedback::Feedback;
pub use fieldset::{Fieldset, Legend};
pub use file_upload::FileUpload;
pub use footer::{Footer, FooterLink, FooterMeta, FooterNavigation, FooterText};
pub use generic_header::GenericHeader;
pub use header::Header;
pub use hint::Hint;
pub use i18n_attributes::PluralTexts;
pub use input::{Affix, Extra, FormGroup, Input, InputWrapper};
pub use inset_text::InsetText;
pub use label::Label;
pub use language_navigation::{LanguageNavigation, LanguageNavigationItem};
pub use notification_banner::NotificationBanner;
pub use pagination::{Pagination, PaginationItem, PaginationLink};
pub use panel::{Panel, PanelAction, PanelActions};
pub use password_input::{PasswordInput, ToggleButton};
pub use phase_banner::{PhaseBanner, PhaseTag};
pub use radios::{ChoicesFormGroup, Conditional, ItemLabel, RadioItem, Radios};
pub use registry::{COMPONENTS, render_json};
pub use select::{Select, SelectItem};
pub use service_navigation::{
    EndSlot, ServiceNavigation, ServiceNavigationItem, ServiceNavigationSlots,
};
pub use skip_link::SkipLink;
pub use summary_list::{
    SummaryCard, SummaryCardTitle, SummaryList, SummaryListAction, SummaryListActions,
    SummaryListCell, SummaryListRow,
};
pub use table::{Table, TableCell};
pub use tabs::{Tabs, TabsItem, TabsPanel};
pub use tag::Tag;
pub use task_list::{TaskList, TaskListItem, TaskListStatus, TaskListText};
pub use textarea::Textarea;
pub use warning_text::WarningText;
