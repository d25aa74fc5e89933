//! The "find an address" step of the GOV.UK address pattern, as one call for form code.

use super::{AddressProvider, ProviderError};
use crate::messages::{self, Language};
use crate::{Address, Postcode, PostcodeError};

/// What a resident's postcode led to.
#[derive(Debug)]
#[non_exhaustive]
pub enum PostcodeLookup {
    /// The addresses at the postcode, in natural order, for the resident to choose from.
    Found {
        /// The postcode, normalised.
        postcode: Postcode,
        /// Its addresses.
        addresses: Vec<Address>,
    },
    /// A well-formed postcode with no addresses here: say so and offer manual entry.
    NoAddresses {
        /// The postcode, normalised.
        postcode: Postcode,
    },
    /// Not a full UK postcode: show the error on the postcode field.
    Invalid {
        /// What was wrong (for logs; the resident sees [`PostcodeLookup::message`]).
        error: PostcodeError,
        /// A likely intended postcode for an O/0 or I/1 slip, to offer as "Did you mean …?".
        suggestion: Option<Postcode>,
    },
}

impl PostcodeLookup {
    /// The message to show the resident, if any: GOV.UK's "Enter a full UK postcode" or "We
    /// could not find any addresses for …".
    pub fn message(&self, language: Language) -> Option<String> {
        match self {
            PostcodeLookup::Found { .. } => None,
            PostcodeLookup::NoAddresses { postcode } => {
                Some(messages::no_addresses_found(language, postcode.as_str()))
            }
            PostcodeLookup::Invalid { error, .. } => Some(error.message(language).to_owned()),
        }
    }
}

/// Parses what the resident typed and looks the postcode up. Provider failures come back as
/// errors (ask [`ProviderError::is_retryable`]); the form should then offer manual entry.
///
/// ```
/// use civic_address_lookup::{generate, index::AddressIndex, messages::Language};
/// use civic_address_lookup::provider::{PostcodeLookup, lookup_postcode};
///
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let index = AddressIndex::build(generate::sample_gazetteer(50, 1), generate::info());
/// let outcome = lookup_postcode(&index, "SWIA 2AA").await.unwrap();
/// assert_eq!(outcome.message(Language::English).as_deref(), Some("Enter a full UK postcode"));
/// assert!(matches!(outcome, PostcodeLookup::Invalid { suggestion: Some(_), .. }));
/// # });
/// ```
pub async fn lookup_postcode(
    provider: &dyn AddressProvider,
    typed: &str,
) -> Result<PostcodeLookup, ProviderError> {
    let postcode = match Postcode::parse(typed) {
        Ok(postcode) => postcode,
        Err(error) => {
            return Ok(PostcodeLookup::Invalid {
                error,
                suggestion: Postcode::suggest(typed),
            });
        }
    };
    let addresses = provider.find_by_postcode(&postcode).await?;
    Ok(if addresses.is_empty() {
        PostcodeLookup::NoAddresses { postcode }
    } else {
        PostcodeLookup::Found {
            postcode,
            addresses,
        }
    })
}
