//! Runs the demo council on embedded defaults: `cargo run -p civic-demo`; with `refund
//! REFERENCE`, refunds a parking permit instead (the council staff's refund path).

use std::process::ExitCode;

use civic_demo::{Config, app, refund_permit};
use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

/// The Kestrel Vale demo council. Settings come from CIVIC_* environment variables (see
/// examples/README.md); without any, it runs on embedded defaults at http://127.0.0.1:3000.
#[derive(Parser)]
#[command(name = "civic-demo", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serves the council's website (what running with no command does).
    Serve,
    /// Refunds the whole amount paid for a parking permit, through the configured payment
    /// provider, and records the refund with the payment.
    Refund {
        /// The permit application's reference, like PP-7K3P-Q9WX.
        reference: String,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();

    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("civic-demo: {error}");
            return ExitCode::from(2);
        }
    };
    if let Some(Command::Refund { reference }) = cli.command {
        return match refund_permit(&config, reference.trim()).await {
            Ok(refund) => {
                println!(
                    "refunded {} for {} (refund {}, {:?})",
                    refund.amount,
                    reference.trim(),
                    refund.refund_id,
                    refund.status
                );
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("civic-demo: {error}");
                ExitCode::FAILURE
            }
        };
    }
    let addr = config.addr;
    let environment = config.environment;
    let data_dir = config.data_dir.clone();
    let router = match app(config).await {
        Ok(router) => router,
        Err(error) => {
            eprintln!("civic-demo: {error}");
            return ExitCode::from(2);
        }
    };
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("civic-demo: cannot listen on {addr}: {error}");
            return ExitCode::from(2);
        }
    };
    tracing::info!(
        %addr,
        ?environment,
        data_dir = %data_dir.display(),
        "serving the demo council on http://{addr}"
    );
    // Served with each client's address: the forms' per-client rate limit needs it.
    let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    let served = axum::serve(listener, service)
        .with_graceful_shutdown(shutdown_signal())
        .await;
    match served {
        Ok(()) => {
            tracing::info!("stopped");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("civic-demo: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Resolves on Ctrl-C or SIGTERM, so requests in flight finish before the process exits.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
    tracing::info!("shutting down");
}
