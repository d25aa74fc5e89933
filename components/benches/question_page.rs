//! Renders a full question page (page template, back link, error summary, a date input with an
//! error, radios with a conditional reveal, a button) as fast as one core can, building the
//! page's params from varied input on every iteration: nothing finished is cached.
//!
//! `cargo bench -p civic-components --bench question_page` prints one line of figures, also as
//! JSON; `components/benches/run.sh` runs this and the same page in govuk-frontend's own Nunjucks
//! templates (`question_page.mjs`) and prints the ratio.
//!
//! Both write the same page: parsed, the two differ only in the assets' content hashes (the
//! Nunjucks page is longer because upstream's templates keep their indentation).
//!
//! `CIVIC_BENCH_SECONDS` sets how long to measure (default 5), `CIVIC_BENCH_PRINT=1` prints one
//! page instead, to compare it with the Nunjucks one by eye, and `CIVIC_BENCH_PAGES=N` renders
//! exactly N pages and stops, for instruction counts under callgrind.

use std::hint::black_box;
use std::io::Write;
use std::time::{Duration, Instant};

use civic_components::assets::Assets;
use civic_components::brand::{Brand, BrandColour};
use civic_components::i18n::Language;
use civic_components::template::Page;
use civic_components::{
    BackLink, Button, DateInput, DateItem, ErrorMessage, ErrorSummary, Fieldset, GenericHeader,
    Hint, Input, Label, Legend, RadioItem, Radios,
};
use maud::{Markup, Render};

/// The varied input a resident might have sent: names, dates and choices.
const NAMES: &[&str] = &[
    "Aled", "Bethan", "Cerys", "Dafydd", "Eleri", "Ffion", "Gethin", "Hywel", "Iolo", "Siân",
];
const CONTACT: &[(&str, &str)] = &[("email", "Email"), ("phone", "Phone"), ("post", "Post")];

/// The answers of one resident, different on every iteration.
struct Answers {
    day: String,
    month: String,
    year: String,
    contact: usize,
    detail: String,
    name: &'static str,
}

fn answers(i: usize) -> Answers {
    let name = NAMES[i % NAMES.len()];
    Answers {
        day: ((i % 31) + 1).to_string(),
        // A month out of range is what the error is about.
        month: (13 + i % 7).to_string(),
        year: (1930 + i % 90).to_string(),
        contact: i % CONTACT.len(),
        detail: format!("{}.{}@example.org", name.to_lowercase(), i % 1000),
        name,
    }
}

fn page(brand: &Brand, assets: &Assets, header: &GenericHeader, a: &Answers) -> Markup {
    let error = format!("Date of birth must be a real date, {}", a.name);
    let mut day = DateItem::new("day");
    day.value = Some(a.day.clone());
    day.classes = Some("govuk-input--width-2".to_owned());
    let mut month = DateItem::new("month");
    month.value = Some(a.month.clone());
    month.classes = Some("govuk-input--width-2 govuk-input--error".to_owned());
    let mut year = DateItem::new("year");
    year.value = Some(a.year.clone());
    year.classes = Some("govuk-input--width-4".to_owned());
    let date = DateInput::new("dob")
        .name_prefix("dob")
        .item(day)
        .item(month)
        .item(year)
        .fieldset(
            Fieldset::new().legend(
                Legend::text("What is your date of birth?")
                    .classes("govuk-fieldset__legend--l")
                    .page_heading(true),
            ),
        )
        .hint(Hint::text("For example, 27 3 2007"))
        .error_message(ErrorMessage::text(error.clone()));

    let mut radios = Radios::new("contact")
        .fieldset(
            Fieldset::new().legend(
                Legend::text("How would you like to be contacted?")
                    .classes("govuk-fieldset__legend--m"),
            ),
        )
        .hint(Hint::text("Select one option"));
    for (index, (value, text)) in CONTACT.iter().enumerate() {
        let field = Input::new(format!("contact-{value}"))
            .id(format!("contact-{value}"))
            .label(Label::text(*text))
            .value(if index == a.contact {
                a.detail.as_str()
            } else {
                ""
            })
            .classes("govuk-!-width-one-third");
        let mut item = RadioItem::new(*value, *text).conditional(field.render());
        if index == a.contact {
            item = item.checked();
        }
        radios = radios.item(item);
    }

    let content = maud::html! {
        (ErrorSummary::new("There is a problem").error(error.as_str(), "#dob-day"))
        form method="post" novalidate {
            (date)
            (radios)
            (Button::text("Continue"))
        }
    };
    Page::new(brand, assets, "What is your date of birth?")
        .language(Language::English)
        .title_has_error(true)
        .header(header.render())
        .before_content(
            BackLink::new()
                .href(format!("/apply/{}/name", a.year))
                .render(),
        )
        .content(content)
        .footer(brand.footer(Language::English))
        .render()
}

fn main() {
    let brand = Brand::new(
        "Kestrel Vale Borough Council",
        BrandColour::parse("#005a4e").unwrap_or_else(|_| unreachable!()),
    );
    let assets =
        Assets::load(Assets::default_dir(), "/assets").unwrap_or_else(|_| Assets::empty("/assets"));
    let header: GenericHeader = serde_json::from_value(brand.header_options()).unwrap_or_default();
    let mut stdout = std::io::stdout().lock();
    if std::env::var_os("CIVIC_BENCH_PRINT").is_some() {
        let _ = writeln!(stdout, "{}", page(&brand, &assets, &header, &answers(7)).0);
        return;
    }
    // `cargo bench` passes --bench; `cargo test --benches` runs this once as a smoke test.
    let seconds: f64 = if std::env::args().any(|a| a == "--bench") {
        std::env::var("CIVIC_BENCH_SECONDS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(5.0)
    } else {
        0.05
    };
    if let Some(count) = std::env::var("CIVIC_BENCH_PAGES")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
    {
        // A fixed amount of work, for instruction counts under callgrind.
        let bytes: usize = (0..count)
            .map(|i| page(&brand, &assets, &header, &answers(i)).0.len())
            .sum();
        let _ = writeln!(
            stdout,
            "civic: {count} pages, {} bytes/page",
            bytes / count.max(1)
        );
        return;
    }
    let limit = Duration::from_secs_f64(seconds);
    // Warm up: caches, branch predictors, allocator.
    for i in 0..2_000 {
        black_box(page(&brand, &assets, &header, &answers(i)));
    }
    // The machine may be shared: "per core" is pages per second of this thread's own CPU time
    // (Linux's schedstat), which other processes do not dilute. Wall-clock time is shown too.
    let cpu_start = cpu_time();
    let (mut pages, mut bytes) = (0usize, 0usize);
    let start = Instant::now();
    let spent = || match (cpu_start, cpu_time()) {
        (Some(from), Some(to)) => to.saturating_sub(from),
        _ => start.elapsed(),
    };
    while spent() < limit {
        for _ in 0..1_000 {
            let html = page(&brand, &assets, &header, &answers(pages));
            bytes += html.0.len();
            black_box(html);
            pages += 1;
        }
    }
    let cpu = spent().as_secs_f64();
    let wall = start.elapsed().as_secs_f64();
    let per_sec = pages as f64 / cpu;
    let mb_per_sec = bytes as f64 / cpu / 1e6;
    let per_page = bytes / pages.max(1);
    let _ = writeln!(
        stdout,
        "civic: {per_sec:.0} pages/s, {per_page} bytes/page, {mb_per_sec:.1} MB/s per core \
         ({pages} pages in {cpu:.2}s of CPU, {wall:.2}s of wall-clock time)"
    );
    let _ = writeln!(
        stdout,
        "{{\"renderer\":\"civic\",\"pages_per_sec\":{per_sec:.1},\"bytes_per_page\":{per_page},\"mb_per_sec\":{mb_per_sec:.2}}}"
    );
}

/// CPU time this thread has run for, from `/proc/thread-self/schedstat` (nanoseconds).
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}
