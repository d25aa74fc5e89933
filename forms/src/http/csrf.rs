//! CSRF tokens: one per session, an HMAC of the session id under the service's key, so no
//! token is stored and none can be made without the key. Checked in constant time.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::session::SessionId;

type HmacSha256 = Hmac<Sha256>;

/// The hidden field that carries the token in every form, as the page renderers write it.
pub(crate) const FIELD: &str = "csrf_token";

/// The key CSRF tokens are made with (kept apart from the cookie key by its label).
#[derive(Clone)]
pub(crate) struct CsrfKey(Vec<u8>);

impl std::fmt::Debug for CsrfKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CsrfKey(..)")
    }
}

impl CsrfKey {
    /// The CSRF key made from the service's secret.
    pub(crate) fn derive(secret: &[u8]) -> Self {
        let mut mac = HmacSha256::new_from_slice(secret)
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        mac.update(b"civic-forms csrf key");
        CsrfKey(mac.finalize().into_bytes().to_vec())
    }

    fn mac(&self, holder: &str) -> HmacSha256 {
        let mut mac = HmacSha256::new_from_slice(&self.0)
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        mac.update(holder.as_bytes());
        mac
    }

    /// The token for `session`, as 64 hex digits.
    pub(crate) fn token(&self, session: &SessionId) -> String {
        hex::encode(self.mac(session.as_str()).finalize().into_bytes())
    }

    /// Whether `sent` is `session`'s token; the comparison takes the same time wherever the
    /// first difference is.
    pub(crate) fn verify(&self, session: &SessionId, sent: &str) -> bool {
        verify(self.mac(session.as_str()), sent)
    }

    /// The token for the pages of one payment, named by its return token: the session has
    /// ended by the time the resident comes back from paying. The label keeps it apart from
    /// every session's token.
    #[cfg(feature = "pay")]
    pub(crate) fn payment_token(&self, return_token: &str) -> String {
        hex::encode(
            self.mac(&format!("payment:{return_token}"))
                .finalize()
                .into_bytes(),
        )
    }

    /// Whether `sent` is the token of the payment with `return_token`.
    #[cfg(feature = "pay")]
    pub(crate) fn verify_payment(&self, return_token: &str, sent: &str) -> bool {
        verify(self.mac(&format!("payment:{return_token}")), sent)
    }
}

fn verify(mac: HmacSha256, sent: &str) -> bool {
    match hex::decode(sent) {
        Ok(bytes) => mac.verify_slice(&bytes).is_ok(),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_fits_only_its_session_and_key() {
        let key = CsrfKey::derive(&[7; 32]);
        let session = SessionId::generate();
        let token = key.token(&session);
        assert_eq!(token.len(), 64);
        assert!(key.verify(&session, &token));
        assert!(!key.verify(&SessionId::generate(), &token));
        assert!(!CsrfKey::derive(&[8; 32]).verify(&session, &token));
        assert!(!key.verify(&session, ""));
        assert!(!key.verify(&session, "not hex"));
        assert!(!key.verify(&session, &token[..62]));
    }

    #[cfg(feature = "pay")]
    #[test]
    fn a_payment_token_fits_only_its_payment() {
        let key = CsrfKey::derive(&[7; 32]);
        let token = key.payment_token("abc");
        assert!(key.verify_payment("abc", &token));
        assert!(!key.verify_payment("abd", &token));
        assert!(!key.verify_payment("abc", ""));
        let session = SessionId::generate();
        assert!(!key.verify_payment(session.as_str(), &key.token(&session)));
    }
}
