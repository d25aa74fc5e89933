//! The demo's services completed over HTTP the way a browser without JavaScript does: GET a
//! page, POST its form with the CSRF token, follow the redirect; then the emails are read from
//! the development mailbox.
#![allow(clippy::unwrap_used)] // a panic in a test is a failed test

use std::collections::BTreeMap;
use std::net::SocketAddr;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use civic_demo::{Config, app};
use civic_pay_adapters::sandbox::{SLOW_CARD, SLOW_CARD_SETTLES};
use http_body_util::BodyExt;
use tower::ServiceExt;

struct Browser {
    app: Router,
    cookies: BTreeMap<String, String>,
}

struct Reply {
    status: StatusCode,
    location: Option<String>,
    body: String,
}

impl Browser {
    async fn new(name: &str) -> Browser {
        let data_dir =
            std::env::temp_dir().join(format!("civic-demo-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&data_dir);
        let config = Config {
            data_dir,
            ..Config::default()
        };
        Browser {
            app: app(config).await.unwrap(),
            cookies: BTreeMap::new(),
        }
    }

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
        request
            .extensions_mut()
            .insert(ConnectInfo(SocketAddr::from(([127, 0, 0, 1], 40000))));
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

    /// Opens `path`, then posts `fields` with the page's CSRF token.
    async fn answer(&mut self, path: &str, fields: &[(&str, &str)]) -> Reply {
        let page = self.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}: {}", page.body);
        let marker = r#"name="csrf_token" value=""#;
        let start = page.body.find(marker).unwrap() + marker.len();
        let token = &page.body[start..start + page.body[start..].find('"').unwrap()];
        let mut body = url::form_urlencoded::Serializer::new(String::new());
        body.append_pair("csrf_token", token);
        for (name, value) in fields {
            body.append_pair(name, value);
        }
        let request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body.finish()))
            .unwrap();
        self.send(request).await
    }
}

fn redirected(reply: &Reply, to: &str) {
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(reply.location.as_deref(), Some(to));
}

fn days_ago(days: i64) -> time::Date {
    time::OffsetDateTime::now_utc().date() - time::Duration::days(days)
}

#[tokio::test]
async fn a_missed_bin_is_reported_and_the_team_and_resident_are_emailed() {
    let mut browser = Browser::new("missed-bin").await;
    let start = browser.get("/missed-bin").await;
    assert!(start.body.contains(r#"href="/missed-bin/apply""#));
    redirected(
        &browser.get("/missed-bin/apply").await,
        "/missed-bin/apply/address",
    );

    // The address by postcode lookup, in the council's sample gazetteer.
    let page = "/missed-bin/apply/address";
    let find = browser.get(page).await;
    assert!(
        find.body
            .contains("Sample data: these addresses are invented"),
        "{}",
        find.body
    );
    let empty = browser.answer(page, &[]).await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(empty.body.contains("There is a problem"), "{}", empty.body);
    assert!(
        empty.body.contains("Enter a full UK postcode"),
        "{}",
        empty.body
    );
    redirected(
        &browser
            .answer(page, &[("address.postcode", "zy1 0aa")])
            .await,
        "/missed-bin/apply/address/select",
    );
    let list = browser.get("/missed-bin/apply/address/select").await;
    assert!(list.body.contains("addresses found"), "{}", list.body);
    assert!(list.body.contains("SAMPLETON"), "{}", list.body);
    // The first address listed: its UPRN is the option's value, its label the option's text.
    let marker = r#"<option value="999"#;
    let at = list.body.find(marker).unwrap() + r#"<option value=""#.len();
    let uprn = list.body[at..at + list.body[at..].find('"').unwrap()].to_owned();
    let label_at = at + list.body[at..].find('>').unwrap() + 1;
    let label = &list.body[label_at..label_at + list.body[label_at..].find('<').unwrap()];
    let first_line = label.split(", ").next().unwrap().to_owned();
    let reply = browser
        .answer(
            "/missed-bin/apply/address/select",
            &[("address.uprn", &uprn)],
        )
        .await;
    redirected(&reply, "/missed-bin/apply/bins");
    redirected(
        &browser
            .answer(
                "/missed-bin/apply/bins",
                &[("bins", "recycling"), ("bins", "food")],
            )
            .await,
        "/missed-bin/apply/collection-date",
    );

    // More than 7 days ago is refused in the question's own words.
    let late = days_ago(9);
    let too_late = browser
        .answer(
            "/missed-bin/apply/collection-date",
            &[
                ("collection_date.day", &late.day().to_string()),
                ("collection_date.month", &u8::from(late.month()).to_string()),
                ("collection_date.year", &late.year().to_string()),
            ],
        )
        .await;
    assert!(
        too_late
            .body
            .contains("Collection date must be within the last 7 days"),
        "{}",
        too_late.body
    );
    let due = days_ago(2);
    redirected(
        &browser
            .answer(
                "/missed-bin/apply/collection-date",
                &[
                    ("collection_date.day", &due.day().to_string()),
                    ("collection_date.month", &u8::from(due.month()).to_string()),
                    ("collection_date.year", &due.year().to_string()),
                ],
            )
            .await,
        "/missed-bin/apply/contact",
    );
    redirected(
        &browser
            .answer(
                "/missed-bin/apply/contact",
                &[("email", "sam@example.com"), ("phone", "")],
            )
            .await,
        "/missed-bin/apply/check-answers",
    );
    let check = browser.get("/missed-bin/apply/check-answers").await;
    assert!(check.body.contains(&first_line), "{}", check.body);
    assert!(check.body.contains("ZY1 0AA"), "{}", check.body);
    let submitted = browser.answer("/missed-bin/apply/check-answers", &[]).await;
    redirected(&submitted, "/missed-bin/apply/confirmation");
    let confirmation = browser.get("/missed-bin/apply/confirmation").await;
    assert!(
        confirmation.body.contains("govuk-panel"),
        "{}",
        confirmation.body
    );
    let reference = confirmation
        .body
        .split("MB-")
        .nth(1)
        .map(|rest| format!("MB-{}", &rest[..rest.find('<').unwrap()]))
        .unwrap();

    // The outbox's worker delivers both emails to the development mailbox.
    let mut mailbox = String::new();
    for _ in 0..100 {
        mailbox = browser.get("/dev/mailbox").await.body;
        if mailbox.matches("<iframe").count() >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(mailbox.matches("<iframe").count(), 2, "{mailbox}");
    assert!(mailbox.contains("sam@example.com"), "{mailbox}");
    assert!(
        mailbox.contains("waste-team@kestrel-vale.example"),
        "{mailbox}"
    );
    assert!(mailbox.contains(&reference), "{reference} not in {mailbox}");
}

#[tokio::test]
async fn a_single_person_discount_is_claimed_in_welsh_with_its_declaration_ticked() {
    let mut browser = Browser::new("council-tax").await;
    redirected(
        &browser
            .get("/council-tax-single-person/apply?lang=cy")
            .await,
        "/council-tax-single-person/apply/name",
    );
    let name = browser.get("/council-tax-single-person/apply/name").await;
    assert!(name.body.contains(r#"<html lang="cy""#), "{}", name.body);
    assert!(name.body.contains("Beth yw eich enw?"), "{}", name.body);
    // GOV.UK's title pattern, "Question – Service name – Council name", in Welsh.
    assert!(
        name.body.contains(
            "<title>Beth yw eich enw? – Gwneud cais am ostyngiad person sengl y dreth gyngor \
             – Kestrel Vale Borough Council</title>"
        ),
        "{}",
        name.body
    );
    // The council's footer links in Welsh on the form's pages too.
    for link in [
        r#"href="/accessibility">Datganiad hygyrchedd</a>"#,
        r#"href="/cookies">Cwcis</a>"#,
        r#"href="/privacy">Preifatrwydd</a>"#,
    ] {
        assert!(name.body.contains(link), "{link} not in {}", name.body);
    }
    redirected(
        &browser
            .answer(
                "/council-tax-single-person/apply/name",
                &[("name.first_name", "Siân"), ("name.last_name", "Jones")],
            )
            .await,
        "/council-tax-single-person/apply/national-insurance",
    );
    let wrong = browser
        .answer(
            "/council-tax-single-person/apply/national-insurance",
            &[("national_insurance_number", "QQ 12 34")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::OK);
    assert!(wrong.body.contains("Mae problem"), "{}", wrong.body);
    assert!(
        wrong.body.contains("<title>Gwall: ")
            && wrong
                .body
                .contains(" – Kestrel Vale Borough Council</title>"),
        "{}",
        wrong.body
    );
    redirected(
        &browser
            .answer(
                "/council-tax-single-person/apply/national-insurance",
                &[("national_insurance_number", "jg 10 37 59 a")],
            )
            .await,
        "/council-tax-single-person/apply/moved-out",
    );
    let moved = days_ago(30);
    redirected(
        &browser
            .answer(
                "/council-tax-single-person/apply/moved-out",
                &[
                    ("moved_out.day", &moved.day().to_string()),
                    ("moved_out.month", &u8::from(moved.month()).to_string()),
                    ("moved_out.year", &moved.year().to_string()),
                ],
            )
            .await,
        "/council-tax-single-person/apply/email",
    );
    redirected(
        &browser
            .answer(
                "/council-tax-single-person/apply/email",
                &[("email", "sian@example.com")],
            )
            .await,
        "/council-tax-single-person/apply/check-answers",
    );
    let check = browser
        .get("/council-tax-single-person/apply/check-answers")
        .await;
    assert!(check.body.contains("JG 10 37 59 A"), "{}", check.body);
    assert!(
        check.body.contains("fi yw'r unig oedolyn")
            || check.body.contains("fi yw&#39;r unig oedolyn"),
        "the declaration is shown: {}",
        check.body
    );
    // Without ticking the declaration nothing is sent.
    let undeclared = browser
        .answer("/council-tax-single-person/apply/check-answers", &[])
        .await;
    assert_eq!(undeclared.status, StatusCode::OK, "{}", undeclared.body);
    assert!(
        undeclared.body.contains("Mae problem"),
        "{}",
        undeclared.body
    );
    redirected(
        &browser
            .answer(
                "/council-tax-single-person/apply/check-answers",
                &[("declaration", "yes")],
            )
            .await,
        "/council-tax-single-person/apply/confirmation",
    );
    let confirmation = browser
        .get("/council-tax-single-person/apply/confirmation")
        .await;
    assert!(confirmation.body.contains("CT-"), "{}", confirmation.body);
}

#[tokio::test]
async fn a_council_tax_claim_can_be_saved_and_resumed_from_the_emailed_link() {
    let mut browser = Browser::new("save-return").await;
    browser.get("/council-tax-single-person/apply").await;
    redirected(
        &browser
            .answer(
                "/council-tax-single-person/apply/name",
                &[("name.first_name", "Sam"), ("name.last_name", "Jones")],
            )
            .await,
        "/council-tax-single-person/apply/national-insurance",
    );
    let question = browser
        .get("/council-tax-single-person/apply/national-insurance")
        .await;
    assert!(
        question
            .body
            .contains("/council-tax-single-person/apply/save"),
        "{}",
        question.body
    );
    let saved = browser
        .answer(
            "/council-tax-single-person/apply/save",
            &[("email", "sam@example.com")],
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert!(saved.body.contains("Check your email"), "{}", saved.body);

    let mut mailbox = String::new();
    for _ in 0..100 {
        mailbox = browser.get("/dev/mailbox").await.body;
        if mailbox.contains("/apply/return/") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let start = mailbox
        .find("/council-tax-single-person/apply/return/")
        .unwrap();
    let link: String = mailbox[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "/-_".contains(*c))
        .collect();

    // A new browser (another device) opens the link and continues with the answers kept.
    browser.cookies.clear();
    let resumed = browser.answer(&link, &[]).await;
    assert_eq!(resumed.status, StatusCode::SEE_OTHER, "{}", resumed.body);
    let name = browser.get("/council-tax-single-person/apply/name").await;
    assert!(name.body.contains(r#"value="Sam""#), "{}", name.body);
}

/// The path of an absolute URL the demo redirected to (the sandbox's pages, the return URL).
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
            ("address-line-1", "3 Mill Lane"),
            ("address-city", "Kestrel Vale"),
            ("address-postcode", "KV1 2AB"),
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

#[tokio::test]
async fn a_parking_permit_is_refused_outside_a_zone_paid_for_after_a_decline_and_refunded() {
    let mut browser = Browser::new("parking-permit").await;
    let start = browser.get("/parking-permit?lang=cy").await;
    assert!(
        start
            .body
            .contains("Gwneud cais am drwydded barcio preswylwyr"),
        "{}",
        start.body
    );
    assert!(browser.get("/").await.body.contains("/parking-permit"));
    redirected(
        &browser.get("/parking-permit/apply").await,
        "/parking-permit/apply/postcode",
    );
    // Outside every permit zone: the exit page.
    redirected(
        &browser
            .answer("/parking-permit/apply/postcode", &[("postcode", "KV9 9ZZ")])
            .await,
        "/parking-permit/apply/outside-zone",
    );
    let outside = browser.get("/parking-permit/apply/outside-zone").await;
    assert!(
        outside
            .body
            .contains("You cannot apply for a resident parking permit"),
        "{}",
        outside.body
    );
    redirected(
        &browser
            .answer("/parking-permit/apply/postcode", &[("postcode", "kv1 2ab")])
            .await,
        "/parking-permit/apply/address",
    );
    redirected(
        &browser
            .answer(
                "/parking-permit/apply/address",
                &[
                    ("address.line1", "3 Mill Lane"),
                    ("address.town", "Kestrel Vale"),
                    ("address.postcode", "KV1 2AB"),
                ],
            )
            .await,
        "/parking-permit/apply/vehicle",
    );
    redirected(
        &browser
            .answer(
                "/parking-permit/apply/vehicle",
                &[("registration", "cu57 abc")],
            )
            .await,
        "/parking-permit/apply/length",
    );
    redirected(
        &browser
            .answer("/parking-permit/apply/length", &[("months", "12")])
            .await,
        "/parking-permit/apply/contact",
    );
    redirected(
        &browser
            .answer(
                "/parking-permit/apply/contact",
                &[("email", "sam@example.com")],
            )
            .await,
        "/parking-permit/apply/check-answers",
    );
    let check = browser.get("/parking-permit/apply/check-answers").await;
    assert!(
        check.body.contains("Total to pay: £100.00"),
        "{}",
        check.body
    );
    assert!(check.body.contains("CU57 ABC"), "{}", check.body);

    // To the sandbox's card page; a declined card, then "Try paying again" and a good card.
    let sent = browser
        .answer("/parking-permit/apply/check-answers", &[])
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let card_page = path_of(sent.location.as_deref().unwrap());
    assert!(
        card_page.starts_with("/sandbox/pay/card_details/"),
        "{card_page}"
    );
    let back = pay_with(&mut browser, &card_page, "4000000000000002").await;
    assert!(back.starts_with("/parking-permit/apply/payment/"), "{back}");
    let not_taken = browser.get(&back).await;
    assert!(
        not_taken.body.contains("Your payment was not taken"),
        "{}",
        not_taken.body
    );
    let again = browser.answer(&back, &[]).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    let second_card_page = path_of(again.location.as_deref().unwrap());
    assert_ne!(second_card_page, card_page);
    // The sandbox's slow card: back at the service before the bank has answered, then paid.
    let back = pay_with(&mut browser, &second_card_page, SLOW_CARD).await;
    let checking = browser.get(&back).await;
    assert_eq!(checking.status, StatusCode::OK, "{}", checking.body);
    assert!(
        checking.body.contains("We are checking your payment"),
        "{}",
        checking.body
    );
    tokio::time::sleep(SLOW_CARD_SETTLES.unsigned_abs()).await;
    redirected(
        &browser.get(&back).await,
        "/parking-permit/apply/confirmation",
    );
    let confirmation = browser.get("/parking-permit/apply/confirmation").await;
    assert!(
        confirmation
            .body
            .contains("You have paid <strong>£100.00</strong>."),
        "{}",
        confirmation.body
    );
    let reference = confirmation
        .body
        .split("PP-")
        .nth(1)
        .map(|rest| format!("PP-{}", &rest[..rest.find('<').unwrap()]))
        .unwrap();

    // The receipt (the permit's details) and the parking team's copy, once paid.
    let mut mailbox = String::new();
    for _ in 0..100 {
        mailbox = browser.get("/dev/mailbox").await.body;
        if mailbox.matches("<iframe").count() >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(mailbox.matches("<iframe").count(), 2, "{mailbox}");
    assert!(mailbox.contains("sam@example.com"), "{mailbox}");
    assert!(
        mailbox.contains("parking-team@kestrel-vale.example"),
        "{mailbox}"
    );
    assert!(mailbox.contains(&reference), "{reference} not in {mailbox}");
    // The receipt: the permit's details and the amount paid (issue #8).
    let receipt = mailbox
        .split("<h2")
        .find(|message| message.contains("Resident parking permit receipt"))
        .unwrap_or_else(|| panic!("no receipt in {mailbox}"));
    for expected in [
        "sam@example.com",
        reference.as_str(),
        "Vehicle registration number: CU57 ABC",
        "Permit length: 12 months (£100.00)",
        "Address: 3 Mill Lane, Kestrel Vale, KV1 2AB",
        "Amount paid: £100.00",
    ] {
        assert!(receipt.contains(expected), "{expected} not in {receipt}");
    }

    // The council refunds the permit: the whole amount, once.
    let config = Config {
        data_dir: std::env::temp_dir()
            .join(format!("civic-demo-parking-permit-{}", std::process::id())),
        ..Config::default()
    };
    // Staff use the demo binary's `refund` command; it reads the same data folder.
    let refunded = std::process::Command::new(env!("CARGO_BIN_EXE_civic-demo"))
        .args(["refund", &reference])
        .env("CIVIC_DATA_DIR", &config.data_dir)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&refunded.stdout);
    assert!(
        refunded.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&refunded.stderr)
    );
    assert!(
        said.starts_with(&format!("refunded £100.00 for {reference} (refund ")),
        "{said}"
    );
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_civic-demo"))
        .args(["refund", "PP-NOTPAID"])
        .env("CIVIC_DATA_DIR", &config.data_dir)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&again.stderr).trim_end(),
        "civic-demo: no paid parking permit has the reference PP-NOTPAID"
    );
    assert!(
        civic_demo::refund_permit(&config, &reference)
            .await
            .is_err()
    );
    assert!(matches!(
        civic_demo::refund_permit(&config, "PP-NOTPAID").await,
        Err(civic_demo::RefundError::NotPaid(_))
    ));
}
