//! `civic forms serve FILE`: one form definition served on this machine with embedded
//! defaults, so a council can try a form from a YAML file in seconds.
//!
//! Sessions and submissions go to a SQLite file in `./data`; emails (the team's notice, the
//! resident's copy) go to an in-memory development mailbox shown at `/dev/mailbox`; the
//! stylesheet and scripts are served from `/assets`. The cookie secret is made afresh on each
//! start, so sessions do not outlive the server.

use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use axum::Router;
use axum::response::{Html, Redirect};
use axum::routing::get;
use civic_components::assets::Assets;
use civic_components::brand::{Brand, BrandColour};
use civic_forms::definition::FormDefinition;
use civic_forms::delivery::Deliveries;
use civic_forms::http::FormService;
use civic_forms::session::SqlSessionStore;
use civic_notify::transport::{MailboxTransport, Outgoing};
use maud::html;
use rand::RngCore;

use crate::input::{Failure, Outcome, Verdict};

/// What `serve` was asked for.
pub struct Options {
    /// The definition file.
    pub file: String,
    /// The port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// The database URL; `None` for `./data/FORM-ID.db`.
    pub database: Option<String>,
}

/// Serves the form until Ctrl-C.
pub fn serve(options: Options) -> Outcome {
    let form = FormDefinition::load(&options.file)
        .map_err(|e| Failure(format!("{}: {e}", options.file)))?;
    let problems = civic_forms::check::check(&form);
    if !problems.is_empty() {
        let mut err = std::io::stderr().lock();
        for problem in &problems {
            writeln!(err, "{}: {problem}", options.file)?;
        }
        writeln!(
            err,
            "Fix these problems first: `civic forms check {}`",
            options.file
        )?;
        return Ok(Verdict::SomeInvalid);
    }
    let database = match options.database {
        Some(url) => url,
        None => {
            std::fs::create_dir_all("data")
                .map_err(|e| Failure(format!("cannot create ./data: {e}")))?;
            format!("sqlite://data/{}.db?mode=rwc", form.id)
        }
    };
    civic_pay_adapters::config::block_on(run(form, database, options.port))?
}

async fn run(form: FormDefinition, database: String, port: u16) -> Outcome {
    let store = SqlSessionStore::connect(&database)
        .await
        .map_err(|e| Failure(format!("{database}: {e}")))?;
    let mailbox = MailboxTransport::new();
    let form = Arc::new(form);
    let deliveries = Deliveries::for_form(
        store.pool().clone(),
        Arc::clone(&form),
        Arc::new(mailbox.clone()),
        "Forms <forms@localhost>",
    )
    .map_err(|e| Failure(e.to_string()))?;
    let assets = Arc::new(
        Assets::load(Assets::default_dir(), "/assets").unwrap_or_else(|error| {
            let _ = writeln!(std::io::stderr(), "Pages are served unstyled: {error}");
            Assets::empty("/assets")
        }),
    );
    let brand = Brand::new(
        "Local council",
        BrandColour::parse("#1d70b8").map_err(|e| Failure(e.to_string()))?,
    );
    let mut secret = [0u8; 64];
    rand::rng().fill_bytes(&mut secret);
    let mount = format!("/{}", form.id);
    let service = FormService::builder(Arc::clone(&form), Arc::new(store), deliveries, &secret)
        .map_err(|e| Failure(e.to_string()))?
        .brand(brand)
        .assets(Arc::clone(&assets))
        .build()
        .map_err(|e| Failure(e.to_string()))?;
    let start = mount.clone();
    let app = Router::new()
        .route("/", get(move || async move { Redirect::to(&start) }))
        .route(
            "/dev/mailbox",
            get(move || {
                let mailbox = mailbox.clone();
                async move { mailbox_page(&mailbox) }
            }),
        )
        .nest(&mount, service.router())
        .merge(assets.router());
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|e| Failure(format!("cannot listen on {address}: {e}")))?;
    let bound = listener.local_addr()?;
    {
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "Serving \"{}\" at http://{bound}{mount}",
            form.title
                .in_language(civic_forms::definition::Language::En)
        )?;
        writeln!(
            out,
            "Emails go to the development mailbox: http://{bound}/dev/mailbox"
        )?;
        writeln!(
            out,
            "Sessions and submissions in {database}. Stop with Ctrl-C."
        )?;
        out.flush()?;
    }
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
    .map_err(|e| Failure(format!("the server stopped: {e}")))?;
    Ok(Verdict::AllValid)
}

/// Every email sent so far, newest first, escaped.
fn mailbox_page(mailbox: &MailboxTransport) -> Html<String> {
    let mut messages = mailbox.messages();
    messages.reverse();
    let page = html! {
        (maud::DOCTYPE)
        html lang="en" {
            head { meta charset="utf-8"; title { "Development mailbox" } }
            body {
                h1 { "Development mailbox" }
                @if messages.is_empty() { p { "No messages yet." } }
                @for message in &messages {
                    @if let Outgoing::Email(email) = message {
                        article {
                            h2 { (email.message.subject) }
                            p { "To: " (email.to.as_str()) }
                            pre { (email.message.plain_text) }
                        }
                    }
                }
            }
        }
    };
    Html(page.into_string())
}
