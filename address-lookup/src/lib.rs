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
//! postcodes in the ONS Postcode Directory parses (`tests/live_postcodes.rs`).
//! [`Postcode::suggest`] offers fixes for O/0 and I/1 slips; [`postcode::extract`] finds
//! postcodes in free text.
//!
//! # Addresses
//!
//! An [`Address`] follows BS 7666 and AddressBase: UPRN and USRN as integers, the council's
//! gazetteer view ([`Lpi`]: SAO/PAO numbers, suffixes and text, street, locality, town) beside
//! Royal Mail's ([`Dpa`]), postcode, classification and coordinates. [`Address::lines`] lays
//! it out by Royal Mail's rules; [`Address::natural_cmp`] sorts "2 High Street" before "10 High
//! Street" and "Flat 2" before "Flat 10". [`AddressRef`] holds the same fields borrowed:
//! the embedded index hands its addresses out that way without allocating. The text fields
//! of an owned address are [`CompactString`]s, which hold up to 24 bytes inline: nearly every
//! address field fits, so even an owned [`Address`] rarely allocates. Build them from `&str`
//! or `String` with `.into()`; they read as `&str`.
//!
//! # Finding addresses
//!
//! Services hold an `Arc<dyn `[`provider::AddressProvider`]`>`: find by postcode, by UPRN, or
//! free-text search. The embedded [`index::AddressIndex`] answers in process from one file
//! (see its docs for why it is built on `fst`); [`import`] reads AddressBase Plus and Premium
//! CSV and OS Places JSON; [`generate`] invents a gazetteer for demos, marked as sample data.
//!
//! # Resident-facing text
//!
//! Everything a resident may read is in [`messages`], in English and Welsh: "Enter a full UK
//! postcode", "We could not find any addresses for …", "Enter the address manually".
//!
//! # Cargo features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `os-places` | no | `provider::os_places::OsPlaces`, the OS Places API provider (reqwest, rustls) |
//! | `progress` | no | `import::progress::bar`, progress bars for long imports (indicatif) |

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
    Address, AddressRef, AddressableObject, AddressableObjectRef, Classification, Coordinates, Dpa,
    DpaRef, Lpi, LpiRef, Uprn, Usrn, sort_naturally,
};
pub use compact_str::CompactString;
pub use natural::natural_cmp;
pub use postcode::{OverseasTerritory, Postcode, PostcodeError, PostcodeKind};
