//! The runtime a server command runs on.

use std::future::Future;

use crate::input::Failure;

/// Runs a server (`civic forms serve`, `civic pay sandbox`) with a worker thread per core: on
/// one thread a busy server could use only one of the machine's cores. Commands that do one
/// thing and end keep a single-threaded runtime.
pub fn serve<F: Future>(server: F) -> Result<F::Output, Failure> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure(format!("could not start the server: {e}")))?;
    Ok(runtime.block_on(server))
}
