//! UK postcodes and addresses for council services: postcode validation as the rules really
//! are, the BS 7666 address model, a fast embedded address index and the OS Places API.
//!
//! ```
//! use civic_address_lookup::{Postcode, messages::Language};
//!
//! match Postcode::parse("sw1a2aa") {
//!     Ok(postcode) => assert_eq!(postcode.to_string(), "SW1A 2AA"),
//!     Err(error) => println!("{}", error.message(Language::English)),
//! }
//! ```
//!
//! # Postcodes
//!
//! [`Postcode::parse`] accepts what people type — any case, spaces anywhere, stray
//! punctuation, full-width characters — and holds only postcodes that follow the letter rules
//! by position, with the special codes (GIR 0AA, BFPO, the overseas territories,
//! non-geographic codes) as named [`PostcodeKind`]s. Every one of the 1,799,395 live
//! postcodes in the ONS Postcode Directory parses; see `tests/live_postcodes.rs`.
//!
//! # Resident-facing text
//!
//! Everything a resident may read is in [`messages`], in English and Welsh.
//!
//! # Cargo features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | — | | the crate has no optional features yet |

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod address;
pub mod generate;
pub mod import;
pub mod index;
pub mod messages;
mod natural;
pub mod postcode;
pub mod provider;

pub use address::{
    Address, AddressableObject, Classification, Coordinates, Dpa, Lpi, Uprn, Usrn, sort_naturally,
};
pub use natural::natural_cmp;
pub use postcode::{OverseasTerritory, Postcode, PostcodeError, PostcodeKind};
