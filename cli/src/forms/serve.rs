//! `civic forms serve FILE`: one form definition served on this machine with embedded
//! defaults, so a council can try a form from a YAML file in seconds.
//!
//! Sessions and submissions go to a SQLite file in `./data`: a page's answers are saved
//! without waiting for the disk (`SessionDurability::Relaxed`: a killed server loses none, a
//! power cut the last few), submissions and payments wait for it; emails (the team's notice, the
//! resident's copy, save-and-return links) go to an in-memory development mailbox shown at
//! `/dev/mailbox`, so "Save and come back later" is offered on every page; UK addresses are
//! looked up in civic-address-lookup's sample gazetteer (each address question says so), or
//! in the council's own index with `--address-index FILE`; the stylesheet and
//! scripts are served from `/assets`. The cookie secret is made afresh on each start, so
//! sessions do not outlive the server. POSTs are rate limited per address as in production,
//! unless `--no-rate-limit` (for `forms/benches/serve-load.sh`, whose clients share one address).

use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use axum::Router;
use axum::response::{Html, Redirect};
use axum::routing::get;
use civic_address_lookup::generate;
use civic_address_lookup::index::AddressIndex;
use civic_components::assets::Assets;
use civic_components::brand::{Brand, BrandColour};
use civic_forms::definition::{AnswerType, FormDefinition, Language, Text};
use civic_forms::delivery::Deliveries;
use civic_forms::http::{FormService, HttpConfig};
use civic_forms::save_return::SaveAndReturn;
use civic_forms::session::{SessionDurability, SqlSessionStore};
use civic_notify::transport::{MailboxTransport, Outgoing};
use civic_pay_adapters::{Checkout, SandboxProvider, SqlStore, Url};
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
    /// Whether POSTs are limited per client address (the service's default limit).
    pub rate_limit: bool,
    /// An address index made by `civic address import`; `None` for the sample gazetteer.
    pub address_index: Option<String>,
}

/// Serves the form until Ctrl-C.
pub fn serve(options: Options) -> Outcome {
    let mut form = FormDefinition::load(&options.file)
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
    let addresses = match &options.address_index {
        Some(path) => {
            Addresses::Index(AddressIndex::open(path).map_err(|e| Failure(format!("{path}: {e}")))?)
        }
        None => {
            mark_sample_addresses(&mut form);
            Addresses::Sample(AddressIndex::build(
                generate::sample_gazetteer(SAMPLE_ADDRESSES, 1),
                generate::info(),
            ))
        }
    };
    crate::runtime::serve(run(
        form,
        database,
        options.port,
        options.rate_limit,
        addresses,
    ))?
}

/// Where the form's UK address questions look addresses up.
enum Addresses {
    /// civic-address-lookup's invented gazetteer (postcodes ZY1 0AA and on).
    Sample(AddressIndex),
    /// The council's own index file.
    Index(AddressIndex),
}

/// How many invented addresses the sample gazetteer holds (about 170 postcodes).
const SAMPLE_ADDRESSES: usize = 2_000;

/// Tells residents, on each UK address question, that the addresses they will be offered are
/// invented, and which postcode to try; after the question's own hint, if it has one.
fn mark_sample_addresses(form: &mut FormDefinition) {
    let notice = |language: Language| {
        let (lookup, try_postcode) = match language {
            Language::Cy => (
                civic_address_lookup::messages::Language::Welsh,
                "Rhowch gynnig ar y cod post ZY1 0AA.",
            ),
            _ => (
                civic_address_lookup::messages::Language::English,
                "Try the postcode ZY1 0AA.",
            ),
        };
        format!(
            "{}. {try_postcode}",
            civic_address_lookup::messages::sample_data_notice(lookup)
        )
    };
    let en = notice(Language::En);
    let cy = notice(Language::Cy);
    for question in form
        .pages
        .iter_mut()
        .flat_map(|page| page.questions.iter_mut())
        .filter(|question| matches!(question.answer, AnswerType::UkAddress(_)))
    {
        question.hint = Some(match &question.hint {
            None => Text::bilingual(en.clone(), cy.clone()),
            Some(hint) => Text::bilingual(
                format!("{} {en}", hint.in_language(Language::En)),
                format!("{} {cy}", hint.in_language(Language::Cy)),
            ),
        });
    }
}

async fn run(
    form: FormDefinition,
    database: String,
    port: u16,
    rate_limit: bool,
    addresses: Addresses,
) -> Outcome {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|e| Failure(format!("cannot listen on {address}: {e}")))?;
    let bound = listener.local_addr()?;
    let mount = format!("/{}", form.id);
    let title = form
        .title
        .in_language(civic_forms::definition::Language::En)
        .to_owned();
    let paying = form.payment.is_some();
    let sample = matches!(addresses, Addresses::Sample(_));
    let (app, storage) = app(form, &database, bound, rate_limit, addresses).await?;
    {
        let mut out = std::io::stdout().lock();
        writeln!(out, "Serving \"{title}\" at http://{bound}{mount}")?;
        writeln!(
            out,
            "Emails go to the development mailbox: http://{bound}/dev/mailbox"
        )?;
        if paying {
            writeln!(
                out,
                "Payments go to the payment sandbox (card 4444333322221111 pays, 4000000000000002 is declined)"
            )?;
        }
        if sample {
            writeln!(
                out,
                "UK addresses are looked up in civic's sample gazetteer: invented addresses, try the postcode ZY1 0AA (--address-index FILE for your own)"
            )?;
        }
        if !rate_limit {
            writeln!(out, "POSTs are not rate limited (--no-rate-limit).")?;
        }
        writeln!(
            out,
            "Sessions and submissions in {database}{storage}. Stop with Ctrl-C."
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

/// The form at `/{id}` with save and return, the mailbox, the assets and, for a form that
/// takes a payment, the payment sandbox's card pages, for a server listening on `bound`;
/// with it, how SQLite keeps the data (" (SQLite WAL; sessions synchronous=NORMAL,
/// submissions synchronous=FULL)"), or "" for another database.
async fn app(
    form: FormDefinition,
    database: &str,
    bound: SocketAddr,
    rate_limit: bool,
    addresses: Addresses,
) -> Result<(Router, String), Failure> {
    // Page saves do not wait for the disk (a power cut may lose the last few; a killed
    // server loses none); submissions, save-and-return links and payments do, on a pool
    // of their own.
    let durable = SqlSessionStore::connect(database)
        .await
        .map_err(|e| Failure(format!("{database}: {e}")))?;
    let pool = durable.pool().clone();
    // A second connection to an in-memory database would open another, empty one.
    let store = if database.contains(":memory:") {
        durable
    } else {
        SqlSessionStore::connect_with(database, SessionDurability::Relaxed)
            .await
            .map_err(|e| Failure(format!("{database}: {e}")))?
    };
    let storage = if database.starts_with("sqlite:") {
        match (sqlite_mode(store.pool()).await, sqlite_mode(&pool).await) {
            (Some((journal, sessions)), Some((_, submissions))) => format!(
                " (SQLite {journal}; sessions synchronous={sessions}, submissions synchronous={submissions})"
            ),
            _ => String::new(),
        }
    } else {
        String::new()
    };
    let mailbox = MailboxTransport::new();
    let from = "Forms <forms@localhost>";
    let form = Arc::new(form);
    let deliveries = Deliveries::for_form(
        pool.clone(),
        Arc::clone(&form),
        Arc::new(mailbox.clone()),
        from,
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
    // The links go to the development mailbox like every other email.
    let links = SaveAndReturn::new(
        pool.clone(),
        Arc::new(mailbox.clone()),
        form.title
            .in_language(civic_forms::definition::Language::En),
        format!("http://{bound}{mount}/return/"),
        from,
    );
    let mut service = FormService::builder(Arc::clone(&form), Arc::new(store), deliveries, &secret)
        .map_err(|e| Failure(e.to_string()))?
        .brand(brand.clone())
        .assets(Arc::clone(&assets))
        .save_and_return(links)
        .addresses(Arc::new(match addresses {
            Addresses::Sample(index) | Addresses::Index(index) => index,
        }));
    if !rate_limit {
        let mut config = HttpConfig::default();
        config.rate_limit = None;
        service = service.config(config);
    }
    let mut app = Router::new();
    if form.payment.is_some() {
        let url = |path: String| {
            Url::parse(&format!("http://{bound}{path}")).map_err(|e| Failure(e.to_string()))
        };
        let payments = Arc::new(SqlStore::from_pool(pool));
        payments
            .migrate()
            .await
            .map_err(|e| Failure(format!("{database}: {e}")))?;
        let sandbox = SandboxProvider::new(payments.clone(), url(format!("{SANDBOX}/"))?);
        let checkout = Checkout::new(
            Arc::new(sandbox.clone()),
            payments,
            url(format!("{mount}/payment/"))?,
        );
        service = service.payments(checkout);
        app = app.nest(
            SANDBOX,
            civic_pay_adapters::sandbox::branded_router(sandbox, brand, Arc::clone(&assets)),
        );
    }
    let service = service.build().map_err(|e| Failure(e.to_string()))?;
    // Failed deliveries tried again, unreturned payments finished, the retention period kept.
    service.spawn_jobs(std::time::Duration::from_secs(60));
    let start = mount.clone();
    let app = app
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
    Ok((app, storage))
}

/// The journal and sync modes a pool's connections run with ("WAL", "NORMAL"), read back
/// from SQLite itself (the load script reports them).
async fn sqlite_mode(pool: &sqlx::AnyPool) -> Option<(String, &'static str)> {
    let journal: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(pool)
        .await
        .ok()?;
    let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous")
        .fetch_one(pool)
        .await
        .ok()?;
    let synchronous = match synchronous {
        0 => "OFF",
        1 => "NORMAL",
        2 => "FULL",
        _ => "EXTRA",
    };
    Some((journal.to_uppercase(), synchronous))
}

/// Where the payment sandbox's card pages are served.
const SANDBOX: &str = "/sandbox/pay";

/// Every email sent so far, newest first, escaped.
fn mailbox_page(mailbox: &MailboxTransport) -> Html<String> {
    let mut messages = mailbox.messages();
    messages.reverse();
    let page = html! {
        (maud::DOCTYPE)
        html lang="en" {
            head { meta charset="utf-8"; title { "Development mailbox" } }
            body { main {
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
            } }
        }
    };
    Html(page.into_string())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use axum::body::Body;
    use axum::extract::ConnectInfo;
    use axum::http::{Request, StatusCode, header};
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    const PAYING: &str = r#"
id: permit
title: Apply for a permit
pages:
  - id: length
    questions:
      - id: months
        label: How long?
        answer: { type: one_from_list, options: [{ value: "3", label: "3 months" }, { value: "12", label: "12 months" }] }
payment:
  description: Permit
  fee: { computed: { add: [{ when: { equals: { question: months, value: "12" } }, pence: 3500 }], base_pence: 1000 } }
"#;

    /// Sends `request` with the session cookie; the status, where it leads and the body.
    async fn send(
        app: &Router,
        cookie: &mut String,
        request: Request<Body>,
    ) -> (StatusCode, String, String) {
        let mut request = request;
        if !cookie.is_empty() {
            request
                .headers_mut()
                .insert(header::COOKIE, cookie.parse().unwrap());
        }
        request
            .extensions_mut()
            .insert(ConnectInfo(SocketAddr::from(([127, 0, 0, 1], 4000))));
        let response = app.clone().oneshot(request).await.unwrap();
        if let Some(set) = response.headers().get(header::SET_COOKIE) {
            *cookie = set.to_str().unwrap().split(';').next().unwrap().to_owned();
        }
        let status = response.status();
        let location = response
            .headers()
            .get(header::LOCATION)
            .map(|l| l.to_str().unwrap().to_owned())
            .unwrap_or_default();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        (status, location, String::from_utf8(body.to_vec()).unwrap())
    }

    fn csrf(page: &str) -> String {
        let marker = r#"name="csrf_token" value=""#;
        let from = page.find(marker).unwrap() + marker.len();
        page[from..from + page[from..].find('"').unwrap()].to_owned()
    }

    fn post(path: &str, body: String) -> Request<Body> {
        Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap()
    }

    /// A gazetteer with no addresses, for forms that ask for none.
    fn no_addresses() -> Addresses {
        Addresses::Index(AddressIndex::build(Vec::new(), generate::info()))
    }

    #[tokio::test]
    async fn uk_addresses_are_found_in_the_sample_gazetteer_which_each_question_names() {
        let mut form = FormDefinition::parse(
            "id: bins\ntitle: Bins\npages:\n  - id: home\n    questions:\n      - { id: address, label: Your address?, hint: Where the bins are., answer: { type: uk_address } }\n",
            civic_forms::definition::Format::Yaml,
        )
        .unwrap();
        mark_sample_addresses(&mut form);
        let sample = Addresses::Sample(AddressIndex::build(
            generate::sample_gazetteer(SAMPLE_ADDRESSES, 1),
            generate::info(),
        ));
        let bound = SocketAddr::from(([127, 0, 0, 1], 8125));
        let (app, _) = app(form, "sqlite::memory:", bound, true, sample)
            .await
            .unwrap();
        let mut cookie = String::new();
        let get = |path: &str| Request::get(path).body(Body::empty()).unwrap();
        let (_, _, page) = send(&app, &mut cookie, get("/bins/home")).await;
        assert!(
            page.contains("Where the bins are. Sample data: these addresses are invented. Try the postcode ZY1 0AA."),
            "{page}"
        );
        let body = format!("csrf_token={}&address.postcode=zy10aa", csrf(&page));
        let (status, to, _) = send(&app, &mut cookie, post("/bins/home", body)).await;
        assert_eq!(
            (status, to.as_str()),
            (StatusCode::SEE_OTHER, "/bins/home/select")
        );
        let (_, _, list) = send(&app, &mut cookie, get("/bins/home/select")).await;
        assert!(
            list.contains("3 ACORN STREET, NORTHGATE, SAMPLETON, ZY1 0AA"),
            "{list}"
        );
    }

    #[tokio::test]
    async fn a_paying_form_is_served_with_the_payment_sandbox() {
        let form = FormDefinition::parse(PAYING, civic_forms::definition::Format::Yaml).unwrap();
        let bound = SocketAddr::from(([127, 0, 0, 1], 8123));
        let (app, _) = app(form, "sqlite::memory:", bound, true, no_addresses())
            .await
            .unwrap();
        let mut cookie = String::new();
        let get = |path: &str| Request::get(path).body(Body::empty()).unwrap();
        send(&app, &mut cookie, get("/permit")).await;
        let (_, _, page) = send(&app, &mut cookie, get("/permit/length")).await;
        let body = format!("csrf_token={}&months=12", csrf(&page));
        let (status, to, _) = send(&app, &mut cookie, post("/permit/length", body)).await;
        assert_eq!(
            (status, to.as_str()),
            (StatusCode::SEE_OTHER, "/permit/check-answers")
        );
        let (_, _, check) = send(&app, &mut cookie, get("/permit/check-answers")).await;
        assert!(check.contains("Total to pay: £45.00"), "{check}");
        let body = format!("csrf_token={}", csrf(&check));
        let (status, to, _) = send(&app, &mut cookie, post("/permit/check-answers", body)).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let card_page = to
            .strip_prefix("http://127.0.0.1:8123")
            .unwrap_or_else(|| panic!("not the sandbox: {to}"));
        assert!(card_page.starts_with("/sandbox/pay/card_details/"), "{to}");
        let (status, _, page) = send(&app, &mut cookie, get(card_page)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("£45.00"), "{page}");
    }

    /// POSTs one answer `times` times from one address; the statuses seen.
    async fn post_often(rate_limit: bool, times: usize) -> Vec<StatusCode> {
        let form = FormDefinition::parse(
            "id: bins\ntitle: Bins\npages:\n  - id: a\n    questions:\n      - { id: q, label: Q?, answer: { type: yes_no } }\n",
            civic_forms::definition::Format::Yaml,
        )
        .unwrap();
        let bound = SocketAddr::from(([127, 0, 0, 1], 8124));
        let (app, _) = app(form, "sqlite::memory:", bound, rate_limit, no_addresses())
            .await
            .unwrap();
        let mut cookie = String::new();
        let get = Request::get("/bins/a").body(Body::empty()).unwrap();
        let (_, _, page) = send(&app, &mut cookie, get).await;
        let body = format!("csrf_token={}&q=yes", csrf(&page));
        let mut statuses = Vec::new();
        for _ in 0..times {
            let (status, _, _) = send(&app, &mut cookie, post("/bins/a", body.clone())).await;
            statuses.push(status);
        }
        statuses
    }

    #[tokio::test]
    async fn posts_are_rate_limited_unless_no_rate_limit_is_given() {
        let limited = post_often(true, 40).await;
        assert_eq!(limited[0], StatusCode::SEE_OTHER);
        assert!(
            limited.contains(&StatusCode::TOO_MANY_REQUESTS),
            "{limited:?}"
        );
        let unlimited = post_often(false, 40).await;
        assert!(
            unlimited.iter().all(|s| *s == StatusCode::SEE_OTHER),
            "{unlimited:?}"
        );
    }
}
