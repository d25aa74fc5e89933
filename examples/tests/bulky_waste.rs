//! Book a bulky waste collection over HTTP, the way a browser without JavaScript does, with
//! the demo's clock in the test's hands: two items and a date, a declined card (the slot is
//! released) then a good one, the confirmation email, and the text message reminder that
//! goes the day before and not sooner; the last slot raced for by two residents (on SQLite,
//! and on PostgreSQL when `CIVIC_TEST_DATABASE_URL` is set), a date that fills up while a
//! resident is on its page, and a hold that lapses.
#![allow(clippy::unwrap_used)] // a panic in a test is a failed test

#[path = "../load/instance.rs"]
#[allow(dead_code)] // the load generator and the scale-out test use the rest
mod instance;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicU8, Ordering};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use civic_demo::{Clock, Config, Secret, app_with_clock};
use http_body_util::BodyExt;
use sqlx::AnyPool;
use time::OffsetDateTime;
use tower::ServiceExt;

/// The demo's clock: the real time plus an offset the test moves on.
#[derive(Clone, Default)]
struct TestClock(Arc<AtomicI64>);

impl TestClock {
    fn clock(&self) -> Clock {
        let offset = Arc::clone(&self.0);
        Arc::new(move || {
            OffsetDateTime::now_utc() + time::Duration::seconds(offset.load(Ordering::SeqCst))
        })
    }

    /// Makes the demo's time `at`.
    fn set(&self, at: OffsetDateTime) {
        let offset = (at - OffsetDateTime::now_utc()).whole_seconds();
        self.0.store(offset, Ordering::SeqCst);
    }

    fn forward(&self, by: time::Duration) {
        self.0.fetch_add(by.whole_seconds(), Ordering::SeqCst);
    }
}

/// One demo, its clock and its database.
struct Demo {
    app: Router,
    clock: TestClock,
    database: AnyPool,
}

impl Demo {
    async fn start(name: &str, database_url: Option<String>) -> Demo {
        let data_dir =
            std::env::temp_dir().join(format!("civic-demo-bulky-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&data_dir);
        let url = database_url.clone().unwrap_or_else(|| {
            format!("sqlite://{}?mode=rwc", data_dir.join("civic.db").display())
        });
        let config = Config {
            data_dir,
            database_url: database_url.map(Secret),
            ..Config::default()
        };
        let clock = TestClock::default();
        let app = app_with_clock(config, clock.clock()).await.unwrap();
        sqlx::any::install_default_drivers();
        let database = AnyPool::connect(&url).await.unwrap();
        Demo {
            app,
            clock,
            database,
        }
    }

    /// A resident with a browser of their own, from an address of their own (the forms'
    /// rate limit counts each client's submissions).
    fn resident(&self) -> Browser {
        static NEXT: AtomicU8 = AtomicU8::new(1);
        Browser {
            app: self.app.clone(),
            cookies: BTreeMap::new(),
            client: SocketAddr::from(([127, 0, 1, NEXT.fetch_add(1, Ordering::SeqCst)], 40000)),
        }
    }

    /// The status of every booking, in the order made.
    async fn bookings(&self) -> Vec<String> {
        sqlx::query_scalar("SELECT status FROM demo_bulky_bookings ORDER BY updated_at")
            .fetch_all(&self.database)
            .await
            .unwrap()
    }
}

struct Browser {
    app: Router,
    cookies: BTreeMap<String, String>,
    client: SocketAddr,
}

struct Reply {
    status: StatusCode,
    location: Option<String>,
    body: String,
}

impl Browser {
    async fn send(&mut self, mut request: Request<Body>) -> Reply {
        if !self.cookies.is_empty() {
            let cookie: Vec<String> = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            request
                .headers_mut()
                .insert(header::COOKIE, cookie.join("; ").parse().unwrap());
        }
        request.extensions_mut().insert(ConnectInfo(self.client));
        let response = self.app.clone().oneshot(request).await.unwrap();
        for value in response.headers().get_all(header::SET_COOKIE) {
            let pair = value.to_str().unwrap().split(';').next().unwrap();
            if let Some((name, value)) = pair.split_once('=') {
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
        let status = response.status();
        let location = response
            .headers()
            .get(header::LOCATION)
            .map(|l| l.to_str().unwrap().to_owned());
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            location,
            body: String::from_utf8(bytes.to_vec()).unwrap(),
        }
    }

    async fn get(&mut self, path: &str) -> Reply {
        self.send(Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    /// The POST of `fields` to `path` with the CSRF token from `page`'s body.
    fn post(page: &str, path: &str, fields: &[(&str, &str)]) -> Request<Body> {
        let marker = r#"name="csrf_token" value=""#;
        let start = page.find(marker).unwrap() + marker.len();
        let token = &page[start..start + page[start..].find('"').unwrap()];
        let mut body = url::form_urlencoded::Serializer::new(String::new());
        body.append_pair("csrf_token", token);
        for (name, value) in fields {
            body.append_pair(name, value);
        }
        Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body.finish()))
            .unwrap()
    }

    /// Opens `path`, then posts `fields` with the page's CSRF token.
    async fn answer(&mut self, path: &str, fields: &[(&str, &str)]) -> Reply {
        let page = self.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}: {}", page.body);
        let request = Browser::post(&page.body, path, fields);
        self.send(request).await
    }

    /// From the start to the collection date page: the first address at ZY1 0AA, a sofa
    /// and a fridge. Returns the date page.
    async fn go_to_the_date_page(&mut self) -> Reply {
        redirected(
            &self.get("/bulky-waste/apply").await,
            "/bulky-waste/apply/address",
        );
        let found = self
            .answer(
                "/bulky-waste/apply/address",
                &[("address.postcode", "zy1 0aa")],
            )
            .await;
        redirected(&found, "/bulky-waste/apply/address/select");
        let list = self.get("/bulky-waste/apply/address/select").await;
        let at = list.body.find(r#"<option value="999"#).unwrap() + r#"<option value=""#.len();
        let uprn = list.body[at..at + list.body[at..].find('"').unwrap()].to_owned();
        let chosen = self
            .answer(
                "/bulky-waste/apply/address/select",
                &[("address.uprn", &uprn)],
            )
            .await;
        redirected(&chosen, "/bulky-waste/apply/item");
        for (item, more) in [("sofa", "yes"), ("fridge-freezer", "no")] {
            let added = self
                .answer("/bulky-waste/apply/item", &[("item", item)])
                .await;
            redirected(&added, "/bulky-waste/apply/item/add-another");
            let next = self
                .answer(
                    "/bulky-waste/apply/item/add-another",
                    &[("add_another", more)],
                )
                .await;
            let to = if more == "yes" {
                "/bulky-waste/apply/item"
            } else {
                "/bulky-waste/apply/collection-date"
            };
            redirected(&next, to);
        }
        let page = self.get("/bulky-waste/apply/collection-date").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        page
    }

    /// From the date page to "check your answers", choosing `date`.
    async fn go_to_check_answers(&mut self, date: &str) {
        let chosen = self
            .answer(
                "/bulky-waste/apply/collection-date",
                &[("collection_date", date)],
            )
            .await;
        redirected(&chosen, "/bulky-waste/apply/mobile");
        let mobile = self
            .answer("/bulky-waste/apply/mobile", &[("mobile", "07700 900982")])
            .await;
        redirected(&mobile, "/bulky-waste/apply/contact");
        let email = self
            .answer(
                "/bulky-waste/apply/contact",
                &[("email", "sam@example.com")],
            )
            .await;
        redirected(&email, "/bulky-waste/apply/check-answers");
    }

    /// Polls the development mailbox until `done` holds (or 5 seconds pass).
    async fn mailbox_until(&mut self, done: impl Fn(&str) -> bool) -> String {
        let mut mailbox = String::new();
        for _ in 0..100 {
            mailbox = self.get("/dev/mailbox").await.body;
            if done(&mailbox) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        mailbox
    }
}

fn redirected(reply: &Reply, to: &str) {
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(reply.location.as_deref(), Some(to));
}

/// The collection dates a date page offers (`2026-12-01`), in order.
fn offered(page: &str) -> Vec<String> {
    page.split(r#"value=""#)
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|value| {
            value.len() == 10 && value.as_bytes()[4] == b'-' && value.as_bytes()[7] == b'-'
        })
        .map(str::to_owned)
        .collect()
}

fn parse_date(value: &str) -> time::Date {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(value, &format).unwrap()
}

fn path_of(location: &str) -> String {
    let url = url::Url::parse(location).unwrap();
    format!(
        "{}{}",
        url.path(),
        url.query().map_or(String::new(), |q| format!("?{q}"))
    )
}

/// Posts the sandbox's card form for `card` on the card page at `path`; where it redirects.
async fn pay_with(browser: &mut Browser, path: &str, card: &str) -> String {
    assert_eq!(browser.get(path).await.status, StatusCode::OK);
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs([
            ("card-number", card),
            ("expiry-month", "12"),
            ("expiry-year", "2040"),
            ("cardholder-name", "Sam Jones"),
            ("cvc", "123"),
            ("address-line-1", "1 High Street"),
            ("address-city", "Sampleton"),
            ("address-postcode", "ZY1 0AA"),
        ])
        .finish();
    let request = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    let reply = browser.send(request).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    path_of(reply.location.as_deref().unwrap())
}

const GONE: &str = "The collection date you chose is no longer available – select another";

#[tokio::test]
async fn a_collection_is_paid_for_after_a_decline_and_reminded_the_day_before() {
    let demo = Demo::start("booked", None).await;
    let mut resident = demo.resident();
    assert!(resident.get("/").await.body.contains("/bulky-waste"));
    let start = resident.get("/bulky-waste?lang=cy").await;
    assert!(
        start.body.contains("Trefnu casgliad gwastraff swmpus"),
        "{}",
        start.body
    );
    let date_page = resident.go_to_the_date_page().await;
    // At least two days ahead, so the reminder is not due yet.
    let today = OffsetDateTime::now_utc().date();
    let date = offered(&date_page.body)
        .into_iter()
        .find(|value| parse_date(value) >= today + time::Duration::days(2))
        .unwrap();
    let wrong = resident
        .answer(
            "/bulky-waste/apply/collection-date",
            &[("collection_date", "")],
        )
        .await;
    assert!(
        wrong.body.contains("Select the collection date"),
        "{}",
        wrong.body
    );
    resident.go_to_check_answers(&date).await;
    let check = resident.get("/bulky-waste/apply/check-answers").await;
    assert!(
        check.body.contains("Total to pay: £55.00"),
        "{}",
        check.body
    );
    assert!(
        check.body.contains("Sofa or settee (£25.00)"),
        "{}",
        check.body
    );
    let label = civic_demo_date_label(&date);
    assert!(check.body.contains(&label), "{label} not in {}", check.body);

    // A declined card: the slot is released; "Try paying again" holds it again.
    let sent = resident
        .answer("/bulky-waste/apply/check-answers", &[])
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert_eq!(demo.bookings().await, ["held"]);
    let card_page = path_of(sent.location.as_deref().unwrap());
    let back = pay_with(&mut resident, &card_page, "4000000000000002").await;
    let not_taken = resident.get(&back).await;
    assert!(
        not_taken.body.contains("Your payment was not taken"),
        "{}",
        not_taken.body
    );
    assert_eq!(demo.bookings().await, ["released"]);
    let again = resident.answer(&back, &[]).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    assert_eq!(demo.bookings().await, ["held"]);
    let back = pay_with(
        &mut resident,
        &path_of(again.location.as_deref().unwrap()),
        "4444333322221111",
    )
    .await;
    redirected(
        &resident.get(&back).await,
        "/bulky-waste/apply/confirmation",
    );
    let confirmation = resident.get("/bulky-waste/apply/confirmation").await;
    assert!(
        confirmation
            .body
            .contains("You have paid <strong>£55.00</strong>."),
        "{}",
        confirmation.body
    );
    let reference = confirmation
        .body
        .split("BW-")
        .nth(1)
        .map(|rest| format!("BW-{}", &rest[..rest.find('<').unwrap()]))
        .unwrap();
    assert_eq!(demo.bookings().await, ["confirmed"]);

    // The booking by email (items, date, amount, reference) and the team's copy; no text
    // message yet.
    let mailbox = resident
        .mailbox_until(|m| m.matches("<iframe").count() >= 2)
        .await;
    assert_eq!(mailbox.matches("<iframe").count(), 2, "{mailbox}");
    assert!(
        mailbox.contains("waste-team@kestrel-vale.example"),
        "{mailbox}"
    );
    let booking = mailbox
        .split("<h2")
        .find(|message| message.contains("Bulky waste collection booked"))
        .unwrap();
    for expected in [
        "sam@example.com",
        reference.as_str(),
        "Sofa or settee (£25.00)",
        "Fridge or freezer (£30.00)",
        "Amount paid: £55.00",
        label.as_str(),
    ] {
        assert!(booking.contains(expected), "{expected} not in {booking}");
    }
    assert!(!mailbox.contains("Text message"), "{mailbox}");
    // The team reads the date as residents do, not as it is stored.
    let team = mailbox
        .split("<h2")
        .find(|message| message.contains("waste-team@kestrel-vale.example"))
        .unwrap();
    assert!(
        team.contains(&format!("When do you want us to collect them?: {label}")),
        "{label} not in {team}"
    );
    assert!(!team.contains(&date), "{date} in {team}");

    // The reminder is queued for 09:00 the day before: not a minute sooner, then sent.
    let reminder = (parse_date(&date) - time::Duration::days(1))
        .with_hms(9, 0, 0)
        .unwrap()
        .assume_utc();
    demo.clock.set(reminder - time::Duration::minutes(1));
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert!(
        !resident
            .get("/dev/mailbox")
            .await
            .body
            .contains("Text message"),
        "the reminder went early"
    );
    demo.clock.set(reminder + time::Duration::minutes(1));
    let mailbox = resident.mailbox_until(|m| m.contains("Text message")).await;
    let sms = mailbox.split("Text message").nth(1).unwrap();
    assert!(sms.contains("+447700900982"), "{sms}");
    assert!(
        sms.contains("we collect your bulky waste tomorrow"),
        "{sms}"
    );
    assert!(sms.contains(&reference), "{sms}");
}

/// How the demo writes a date: "Tuesday 1 December 2026".
fn civic_demo_date_label(value: &str) -> String {
    let format = time::macros::format_description!(
        "[weekday repr:long] [day padding:none] [month repr:long] [year]"
    );
    parse_date(value).format(&format).unwrap()
}

/// Two residents race for a date's last slot: exactly one goes on to pay, the other is back
/// on the date page, where that date is no longer offered. A third, who saw the date offered
/// before the race, is refused it on answering. When the winner's hold lapses unpaid, the
/// date is offered again.
async fn the_last_slot_goes_to_one_resident(demo: Demo) {
    // One slot a date, so each date's first booking fills it.
    sqlx::query("UPDATE demo_bulky_collection_days SET slots = 1")
        .execute(&demo.database)
        .await
        .unwrap();
    let (mut a, mut b, mut c) = (demo.resident(), demo.resident(), demo.resident());
    let date = offered(&a.go_to_the_date_page().await.body)[0].clone();
    assert_eq!(offered(&b.go_to_the_date_page().await.body)[0], date);
    assert!(offered(&c.go_to_the_date_page().await.body).contains(&date));
    a.go_to_check_answers(&date).await;
    b.go_to_check_answers(&date).await;
    let page_a = a.get("/bulky-waste/apply/check-answers").await.body;
    let page_b = b.get("/bulky-waste/apply/check-answers").await.body;
    let path = "/bulky-waste/apply/check-answers";
    let (sent_a, sent_b) = tokio::join!(
        a.send(Browser::post(&page_a, path, &[])),
        b.send(Browser::post(&page_b, path, &[]))
    );
    let (won, lost) = match (sent_a.status, sent_b.status) {
        (StatusCode::SEE_OTHER, StatusCode::OK) => (sent_a, sent_b),
        (StatusCode::OK, StatusCode::SEE_OTHER) => (sent_b, sent_a),
        other => panic!(
            "expected one winner: {other:?}: {} {}",
            sent_a.body, sent_b.body
        ),
    };
    assert!(
        won.location.unwrap().contains("/sandbox/pay/"),
        "the winner goes to pay"
    );
    assert!(lost.body.contains(GONE), "{}", lost.body);
    assert!(lost.body.contains("There is a problem"), "{}", lost.body);
    assert!(!offered(&lost.body).contains(&date), "{}", lost.body);
    assert_eq!(demo.bookings().await, ["held"]);

    // The third resident's page still showed the date: answering it is refused.
    let late = c
        .answer(
            "/bulky-waste/apply/collection-date",
            &[("collection_date", &date)],
        )
        .await;
    assert_eq!(late.status, StatusCode::OK);
    assert!(late.body.contains(GONE), "{}", late.body);

    // The winner never pays: once the hold lapses the date is offered again.
    demo.clock.forward(time::Duration::minutes(91));
    let mut d = demo.resident();
    assert!(offered(&d.go_to_the_date_page().await.body).contains(&date));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_last_slot_goes_to_one_of_two_racing_residents_on_sqlite() {
    the_last_slot_goes_to_one_resident(Demo::start("race", None).await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_last_slot_goes_to_one_of_two_racing_residents_on_postgres() {
    let Ok(server) = std::env::var("CIVIC_TEST_DATABASE_URL") else {
        println!(
            "SKIPPED the_last_slot_goes_to_one_of_two_racing_residents_on_postgres: \
             CIVIC_TEST_DATABASE_URL is not set"
        );
        return;
    };
    let database = instance::FreshDatabase::create(&server, "bulky_race")
        .await
        .unwrap();
    let demo = Demo::start("race-pg", Some(database.url.clone())).await;
    the_last_slot_goes_to_one_resident(demo).await;
    database.drop_database().await;
}
