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

pub mod assets;
pub mod brand;
pub mod i18n;
pub mod template;
