//! A transport that writes each message to a JSON file.

use std::path::{Path, PathBuf};

use super::{Outgoing, Receipt, SendError, Transport};

/// Writes each message to `<folder>/<idempotency key>.json`, so a message sent twice is
/// one file. For inspecting output, or handing messages to another system by folder.
#[derive(Debug, Clone)]
pub struct FileTransport {
    folder: PathBuf,
}

impl FileTransport {
    /// Writes into `folder`, which must exist.
    pub fn new(folder: impl AsRef<Path>) -> FileTransport {
        FileTransport {
            folder: folder.as_ref().to_owned(),
        }
    }

    /// The file a message is written to. Characters outside `[A-Za-z0-9_-]` in the key are
    /// replaced, so a key cannot point outside the folder.
    pub fn path_for(&self, message: &Outgoing) -> PathBuf {
        let name: String = message
            .idempotency_key()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        self.folder.join(format!("{name}.json"))
    }
}

#[async_trait::async_trait]
impl Transport for FileTransport {
    async fn send(&self, message: &Outgoing) -> Result<Receipt, SendError> {
        let path = self.path_for(message);
        let json = serde_json::to_vec_pretty(message)
            .map_err(|e| SendError::permanent(format!("cannot write message as JSON: {e}")))?;
        // Written beside, then renamed, so a reader never sees half a message.
        let partial = path.with_extension("json.partial");
        std::fs::write(&partial, json)
            .and_then(|()| std::fs::rename(&partial, &path))
            .map_err(|e| SendError::transient(format!("cannot write {}: {e}", path.display())))?;
        Ok(Receipt {
            reference: path.display().to_string(),
        })
    }
}
