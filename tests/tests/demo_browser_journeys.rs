//! Every service of the demo council completed in headless Chromium, in English and in Welsh,
//! with JavaScript on and with it off: start page to confirmation, through the error states
//! (a page submitted empty, a wrong answer), save and return, and a sandbox payment declined
//! then paid. On every page visited: the expected status, `<html lang>`, the stylesheet
//! applied, govuk-frontend's JavaScript run exactly when it is on, and 0 axe-core violations.
//! A screenshot of every page is kept under the test's target folder (printed when it runs).
#![allow(clippy::unwrap_used)] // a panic in a test is a failed test

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use civic_demo::{Config, app};
use civic_pay_adapters::sandbox::{SLOW_CARD, SLOW_CARD_SETTLES};
use civic_tests::journey::{Journey, Lang, Step, describe_journey, problems, walk};
use civic_tests::serve_knowing_address;

const TEST: &str =
    "every_service_is_completed_in_a_browser_in_english_and_welsh_with_and_without_javascript";

/// At most this many browsers at once: CI has 2 cores.
const WALKERS: usize = 2;

/// The start page of the service `slug` in `lang`.
fn start(lang: Lang, base: &str, slug: &str) -> String {
    match lang {
        Lang::En => format!("{base}/{slug}"),
        Lang::Cy => format!("{base}/{slug}?lang=cy"),
    }
}

fn your_reference(lang: Lang) -> &'static str {
    lang.t("Your reference number is", "Eich cyfeirnod yw")
}

/// Report a missed bin collection: the address found by postcode in the sample gazetteer
/// and picked from the list, which bins, a collection date (3 weeks ago is refused), contact.
fn missed_bin(base: &str, lang: Lang) -> Journey {
    Journey::new(start(lang, base, "missed-bin"))
        .step(Step::click(lang.t("Start now", "Dechrau nawr")))
        .step(Step::submit().expect_error())
        .step(Step::submit().fill("address.postcode", "ZY1 0AA"))
        .step(Step::submit().expect_error())
        .step(Step::submit().fill(
            "address.uprn",
            "3 ACORN STREET, NORTHGATE, SAMPLETON, ZY1 0AA",
        ))
        .step(Step::submit().expect_error())
        .step(
            Step::submit()
                .check("bins", "recycling")
                .check("bins", "food"),
        )
        .step(Step::submit().expect_error())
        .step(
            Step::submit()
                .date_days_ago("collection_date", 21)
                .expect_error(),
        )
        .step(Step::submit().date_days_ago("collection_date", 2))
        .step(Step::submit().fill("email", "sam@example").expect_error())
        .step(
            Step::submit()
                .fill("email", "sam@example.com")
                .expect("3 ACORN STREET")
                .expect(lang.t("Recycling (blue bin)", "Ailgylchu (bin glas)")),
        )
        .step(Step::submit().expect(your_reference(lang)).expect("MB-"))
}

/// Apply for a council tax single person discount: name, a wrong National Insurance number,
/// saved and resumed from the emailed link, the moved-out date, and the declaration, which
/// must be ticked.
fn council_tax(base: &str, lang: Lang) -> Journey {
    Journey::new(start(lang, base, "council-tax-single-person"))
        .step(Step::click(lang.t("Start now", "Dechrau nawr")))
        .step(Step::submit().expect_error())
        .step(
            Step::submit()
                .fill("name.first_name", "Siân")
                .fill("name.last_name", "Jones"),
        )
        .step(
            Step::submit()
                .fill("national_insurance_number", "QQ 12 34")
                .expect_error(),
        )
        .step(Step::submit().fill("national_insurance_number", "jg 10 37 59 a"))
        // Saved here, and resumed from the link the development mailbox shows.
        .step(Step::click(lang.t(
            "Save and come back later",
            "Cadw a dod yn ôl yn nes ymlaen",
        )))
        .step(Step::submit().expect_error())
        .step(
            Step::submit()
                .fill("email", "sian@example.com")
                .expect(lang.t("Check your email", "Gwiriwch eich e-bost")),
        )
        .step(Step::open(format!("{base}/dev/mailbox")).expect_lang("en"))
        .step(Step::open_link("/council-tax-single-person/apply/return/"))
        .step(Step::submit())
        .step(
            Step::submit()
                .date_days_ago("moved_out", -30)
                .expect_error(),
        )
        .step(Step::submit().date_days_ago("moved_out", 30))
        .step(Step::submit().fill("email", "sian@example.com"))
        .step(Step::submit().expect("JG 10 37 59 A").expect_error())
        .step(
            Step::submit()
                .check("declaration", "yes")
                .expect(your_reference(lang))
                .expect("CT-"),
        )
}

/// Apply for a resident parking permit: a postcode outside every zone (the exit page), one
/// in Zone A, the address, a wrong registration, the permit's length, an email, then the
/// sandbox's card page: a declined card, "Try paying again", then the sandbox's slow card:
/// back at the service while the payment is in progress ("We are checking your payment"),
/// and "Check again" once the sandbox has authorised it.
fn parking_permit(base: &str, lang: Lang) -> Journey {
    Journey::new(start(lang, base, "parking-permit"))
        .step(Step::click(lang.t("Start now", "Dechrau nawr")))
        .step(Step::submit().expect_error())
        .step(Step::submit().fill("postcode", "KV9 9ZZ").expect(lang.t(
            "You cannot apply for a resident parking permit",
            "Ni allwch wneud cais am drwydded barcio preswylwyr",
        )))
        .step(Step::click("css=.govuk-back-link"))
        .step(Step::submit().fill("postcode", "kv1 2ab"))
        .step(Step::submit().expect_error())
        .step(
            Step::submit()
                .fill("address.line1", "3 Mill Lane")
                .fill("address.town", "Kestrel Vale")
                .fill("address.postcode", "KV1 2AB"),
        )
        .step(
            Step::submit()
                .fill("registration", "NOT A CAR")
                .expect_error(),
        )
        .step(Step::submit().fill("registration", "cu57 abc"))
        .step(Step::submit().expect_error())
        .step(Step::submit().check("months", "12"))
        .step(
            Step::submit()
                .fill("email", "sam@example.com")
                .expect("CU57 ABC")
                .expect("£100.00"),
        )
        // The sandbox's card page: submitted empty, then a declined card.
        .step(Step::submit().expect("£100.00"))
        .step(Step::submit().expect_error().expect_status(422))
        .step(
            Step::pay("4000000000000002")
                .expect(lang.t("Your payment was not taken", "Ni chymerwyd eich taliad")),
        )
        .step(Step::click(
            lang.t("Try paying again", "Rhoi cynnig ar dalu eto"),
        ))
        .step(Step::pay(SLOW_CARD).expect(lang.t(
            "We are checking your payment",
            "Rydym yn gwirio eich taliad",
        )))
        .step(
            Step::click(lang.t("Check again", "Gwirio eto"))
                .after_seconds(SLOW_CARD_SETTLES.whole_seconds().unsigned_abs() + 1)
                .expect(your_reference(lang))
                .expect("PP-")
                .expect("£100.00"),
        )
}

/// Book a bulky waste collection: the address looked up, two items added to the list (after
/// an empty answer), a collection date from those with space left (after none chosen), a
/// mobile number and email, then a declined card (the slot is released) and a paid one.
fn bulky_waste(base: &str, lang: Lang) -> Journey {
    // Tuesdays and Fridays have slots; each walk has a demo of its own, so none is full. Two
    // days ahead at least, so the walk never crosses midnight into the first offered date.
    let today = time::OffsetDateTime::now_utc().date();
    let date = (2..=14)
        .map(|days| today + time::Duration::days(days))
        .find(|date| {
            matches!(
                date.weekday(),
                time::Weekday::Tuesday | time::Weekday::Friday
            )
        })
        .unwrap()
        .to_string();
    Journey::new(start(lang, base, "bulky-waste"))
        .step(Step::click(lang.t("Start now", "Dechrau nawr")))
        .step(Step::submit().expect_error())
        .step(Step::submit().fill("address.postcode", "ZY1 0AA"))
        .step(Step::submit().fill(
            "address.uprn",
            "3 ACORN STREET, NORTHGATE, SAMPLETON, ZY1 0AA",
        ))
        .step(Step::submit().expect_error())
        .step(Step::submit().check("item", "sofa"))
        .step(Step::submit().check("add_another", "yes"))
        .step(Step::submit().check("item", "fridge-freezer"))
        .step(Step::submit().check("add_another", "no"))
        .step(Step::submit().expect_error())
        .step(Step::submit().check("collection_date", &date))
        .step(Step::submit().fill("mobile", "07700 900982"))
        .step(
            Step::submit()
                .fill("email", "sam@example.com")
                .expect("3 ACORN STREET")
                .expect("£55.00"),
        )
        .step(Step::submit().expect("£55.00"))
        .step(
            Step::pay("4000000000000002")
                .expect(lang.t("Your payment was not taken", "Ni chymerwyd eich taliad")),
        )
        .step(Step::click(
            lang.t("Try paying again", "Rhoi cynnig ar dalu eto"),
        ))
        .step(
            Step::pay("4444333322221111")
                .expect(your_reference(lang))
                .expect("BW-")
                .expect("£55.00"),
        )
}

/// A demo council of its own for one walk: the forms limit POSTs per client address, and
/// every walk comes from 127.0.0.1.
fn demo(name: &str) -> String {
    let data_dir =
        std::env::temp_dir().join(format!("civic-demo-journeys-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data_dir);
    let addr: SocketAddr = serve_knowing_address(move |addr| {
        // The demo sends the browser back to itself (payments, save and return links).
        app(Config {
            data_dir,
            addr,
            ..Config::default()
        })
    })
    .unwrap();
    format!("http://{addr}")
}

/// A service's journey, given the demo's address and the resident's language.
type JourneyOf = fn(&str, Lang) -> Journey;

#[test]
fn every_service_is_completed_in_a_browser_in_english_and_welsh_with_and_without_javascript() {
    let services: [(&str, JourneyOf); 4] = [
        ("missed-bin", missed_bin),
        ("council-tax-single-person", council_tax),
        ("parking-permit", parking_permit),
        ("bulky-waste", bulky_waste),
    ];
    let screenshots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("demo-journeys");
    let _ = std::fs::remove_dir_all(&screenshots);
    let mut walks = Vec::new();
    for (slug, journey) in services {
        for lang in [Lang::En, Lang::Cy] {
            for javascript in [true, false] {
                let name = format!(
                    "{slug}-{}-js-{}",
                    lang.code(),
                    if javascript { "on" } else { "off" }
                );
                walks.push((name, journey, lang, javascript));
            }
        }
    }

    let next = AtomicUsize::new(0);
    let started = std::time::Instant::now();
    let results: Vec<(String, Vec<String>, String)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..WALKERS)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    while let Some((name, journey, lang, javascript)) =
                        walks.get(next.fetch_add(1, Ordering::Relaxed))
                    {
                        let journey = journey(&demo(name), *lang)
                            .javascript(*javascript)
                            .screenshots(screenshots.join(name));
                        let report = walk(TEST, &journey)?;
                        done.push((
                            name.clone(),
                            problems(&journey, *lang, &report, |_| false),
                            describe_journey(&journey, &report),
                        ));
                    }
                    Some(done)
                })
            })
            .collect();
        workers
            .into_iter()
            .filter_map(|worker| match worker.join() {
                Ok(done) => done,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .flatten()
            .collect()
    });
    if results.is_empty() {
        return; // skipped: walk() said why
    }
    eprintln!(
        "{} journeys walked in {:.0?}; screenshots in {}",
        results.len(),
        started.elapsed(),
        screenshots.display()
    );
    assert_eq!(results.len(), walks.len(), "some walks were skipped");
    let failed: Vec<String> = results
        .iter()
        .filter(|(_, problems, _)| !problems.is_empty())
        .map(|(name, problems, described)| {
            format!("{name}:\n  {}\n{described}", problems.join("\n  "))
        })
        .collect();
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}
