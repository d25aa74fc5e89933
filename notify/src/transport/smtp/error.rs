//! lettre's SMTP errors as [`SendError`]s.

use crate::transport::SendError;

/// A 4xx reply, a refused connection or a timeout may pass; a 5xx reply will not.
pub(super) fn from_smtp(error: lettre::transport::smtp::Error) -> SendError {
    let message = format!("SMTP: {error}");
    if error.is_permanent() {
        SendError::permanent(message)
    } else {
        SendError::transient(message)
    }
}
