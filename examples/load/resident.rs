//! A simulated resident completing the demo's services over real HTTP, the way a browser
//! without JavaScript does: GET a page, POST its form with the CSRF token, follow the 303.
//! Shared by the load generator (`load/main.rs`) and the demo's tests (`#[path]`), so the
//! journey the load test times is the one the tests check.

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr};
use std::time::{Duration, Instant};

use civic_forms::definition::{FormDefinition, Format};
use civic_forms::delivery::Submission;
use civic_forms::delivery::copy::answer_lines;

/// Why a journey did not complete: the step and what came back.
#[derive(Debug)]
pub struct JourneyError(pub String);

impl std::fmt::Display for JourneyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for JourneyError {}

/// One page as the resident's browser saw it.
pub struct Page {
    /// The HTTP status.
    pub status: u16,
    /// Where a redirect pointed.
    pub location: Option<String>,
    /// The HTML.
    pub body: String,
}

/// A resident's browser: its own connection(s), its own cookies, and the time each page
/// took. Requests go to each of `instances` in turn, as a load balancer without sticky
/// sessions would send them.
pub struct Resident {
    client: reqwest::Client,
    instances: Vec<String>,
    next: usize,
    cookies: BTreeMap<String, String>,
    /// How long each request took, in order.
    pub latencies: Vec<Duration>,
}

impl Resident {
    /// A resident whose requests go to `instances` (`http://127.0.0.1:PORT`) in turn, from the
    /// loopback address `from` when given (the demo limits POSTs per client address, and
    /// every resident is a different client).
    pub fn new(instances: &[String], from: Option<IpAddr>) -> Result<Resident, JourneyError> {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .local_address(from)
            .timeout(Duration::from_secs(30))
            .build()
            .map_err(|e| JourneyError(format!("cannot make an HTTP client: {e}")))?;
        Ok(Resident {
            client,
            instances: instances.to_vec(),
            next: 0,
            cookies: BTreeMap::new(),
            latencies: Vec::new(),
        })
    }

    /// From now on, requests go only to `instances` (the others are gone).
    pub fn use_instances(&mut self, instances: &[String]) {
        self.instances = instances.to_vec();
    }

    async fn send(&mut self, request: reqwest::RequestBuilder) -> Result<Page, JourneyError> {
        let mut request = request;
        if !self.cookies.is_empty() {
            let cookie: Vec<String> = self
                .cookies
                .iter()
                .map(|(name, value)| format!("{name}={value}"))
                .collect();
            request = request.header(reqwest::header::COOKIE, cookie.join("; "));
        }
        let started = Instant::now();
        let response = request
            .send()
            .await
            .map_err(|e| JourneyError(format!("request failed: {e}")))?;
        for value in response.headers().get_all(reqwest::header::SET_COOKIE) {
            let pair = value.to_str().unwrap_or_default().split(';').next();
            if let Some((name, value)) = pair.and_then(|pair| pair.split_once('=')) {
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .map(str::to_owned);
        let body = response
            .text()
            .await
            .map_err(|e| JourneyError(format!("reading a page failed: {e}")))?;
        self.latencies.push(started.elapsed());
        Ok(Page {
            status,
            location,
            body,
        })
    }

    fn url(&mut self, path: &str) -> String {
        let base = &self.instances[self.next % self.instances.len()];
        self.next += 1;
        format!("{base}{path}")
    }

    /// GETs `path`.
    pub async fn get(&mut self, path: &str) -> Result<Page, JourneyError> {
        let url = self.url(path);
        self.send(self.client.get(url)).await
    }

    /// Opens `path`, then posts `fields` with the page's CSRF token.
    pub async fn answer(
        &mut self,
        path: &str,
        fields: &[(&str, String)],
    ) -> Result<Page, JourneyError> {
        let page = self.get(path).await?;
        if page.status != 200 {
            return Err(JourneyError(format!("GET {path}: {}", page.status)));
        }
        let marker = r#"name="csrf_token" value=""#;
        let token = page
            .body
            .split_once(marker)
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(token, _)| token.to_owned())
            .ok_or_else(|| JourneyError(format!("GET {path}: no CSRF token")))?;
        let body = {
            let mut body = url::form_urlencoded::Serializer::new(String::new());
            body.append_pair("csrf_token", &token);
            for (name, value) in fields {
                body.append_pair(name, value);
            }
            body.finish()
        };
        let url = self.url(path);
        let request = self
            .client
            .post(url)
            .header(
                reqwest::header::CONTENT_TYPE,
                "application/x-www-form-urlencoded",
            )
            .body(body);
        self.send(request).await
    }

    /// Answers the page at `step.page` and checks it leads to `step.next`.
    pub async fn take(&mut self, step: &Step) -> Result<(), JourneyError> {
        let fields: Vec<(&str, String)> = step
            .fields
            .iter()
            .map(|(name, value)| (*name, value.clone()))
            .collect();
        let reply = self.answer(step.page, &fields).await?;
        if reply.status != 303 || reply.location.as_deref() != Some(step.next) {
            return Err(JourneyError(format!(
                "POST {}: {} to {:?}, not 303 to {}",
                step.page, reply.status, reply.location, step.next
            )));
        }
        Ok(())
    }

    /// Opens the confirmation page at `path` and reads the reference from its panel.
    pub async fn reference(&mut self, path: &str, prefix: &str) -> Result<String, JourneyError> {
        let page = self.get(path).await?;
        let marker = format!("{prefix}-");
        page.body
            .split_once("govuk-panel")
            .and_then(|(_, panel)| panel.split_once(&marker))
            .map(|(_, rest)| {
                let code: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                format!("{marker}{code}")
            })
            .filter(|reference| reference.len() > marker.len())
            .ok_or_else(|| JourneyError(format!("GET {path}: {} with no reference", page.status)))
    }
}

/// Resident `n`'s own loopback address (127.1.0.0 and up): the demo limits POSTs per
/// client address, and each simulated resident is a different client.
pub fn address_of(n: u64) -> IpAddr {
    let n = u32::try_from(n % (1 << 23)).unwrap_or_default();
    IpAddr::V4(Ipv4Addr::from(u32::from(Ipv4Addr::new(127, 1, 0, 0)) + n))
}

/// One question page of a journey: what is posted and where it should lead.
pub struct Step {
    /// The page's path.
    pub page: &'static str,
    /// The fields posted (the CSRF token is added).
    pub fields: Vec<(&'static str, String)>,
    /// Where the 303 should point.
    pub next: &'static str,
}

/// A missed bin report's answers, different for every resident number.
pub struct MissedBin {
    /// The first line of the address.
    pub line1: String,
    /// The town.
    pub town: String,
    /// The postcode as typed.
    pub postcode: String,
    /// The bins' option values.
    pub bins: Vec<&'static str>,
    /// The day the collection was due.
    pub due: time::Date,
    /// The resident's email address.
    pub email: String,
    /// The resident's phone number.
    pub phone: String,
}

const BINS: [&str; 4] = ["general", "recycling", "food", "garden"];

impl MissedBin {
    /// Resident `n`'s answers: the house number, email and phone carry `n`, so one
    /// resident's submission can never be mistaken for another's.
    pub fn for_resident(n: u64, today: time::Date) -> MissedBin {
        // One of the 15 non-empty sets of bins.
        let set = n % 15 + 1;
        let bins = BINS
            .iter()
            .enumerate()
            .filter(|(bit, _)| set & (1 << bit) != 0)
            .map(|(_, bin)| *bin)
            .collect();
        MissedBin {
            line1: format!("{n} Kestrel Row"),
            town: "Kestrel Vale".to_owned(),
            postcode: format!("KV{} {}AB", n % 10, n % 7),
            bins,
            due: today - time::Duration::days((n % 7) as i64),
            email: format!("resident{n}@example.com"),
            phone: format!("07700 9{:05}", n % 100_000),
        }
    }

    /// The question pages, in order, ending at check your answers.
    pub fn steps(&self) -> Vec<Step> {
        let due = self.due;
        vec![
            Step {
                // Typed in by hand ("I can't find the address in the list"): each
                // resident's own made-up address, so submissions stay tellable apart.
                page: "/missed-bin/apply/address/manual",
                fields: vec![
                    ("address.line1", self.line1.clone()),
                    ("address.town", self.town.clone()),
                    ("address.postcode", self.postcode.clone()),
                ],
                next: "/missed-bin/apply/bins",
            },
            Step {
                page: "/missed-bin/apply/bins",
                fields: self
                    .bins
                    .iter()
                    .map(|bin| ("bins", (*bin).to_owned()))
                    .collect(),
                next: "/missed-bin/apply/collection-date",
            },
            Step {
                page: "/missed-bin/apply/collection-date",
                fields: vec![
                    ("collection_date.day", due.day().to_string()),
                    ("collection_date.month", u8::from(due.month()).to_string()),
                    ("collection_date.year", due.year().to_string()),
                ],
                next: "/missed-bin/apply/contact",
            },
            Step {
                page: "/missed-bin/apply/contact",
                fields: vec![("email", self.email.clone()), ("phone", self.phone.clone())],
                next: "/missed-bin/apply/check-answers",
            },
            Step {
                page: "/missed-bin/apply/check-answers",
                fields: Vec::new(),
                next: "/missed-bin/apply/confirmation",
            },
        ]
    }

    /// The whole journey from the start page; returns the reference shown.
    pub async fn report(&self, resident: &mut Resident) -> Result<String, JourneyError> {
        let start = resident.get("/missed-bin/apply").await?;
        if start.status != 303 {
            return Err(JourneyError(format!(
                "GET /missed-bin/apply: {}",
                start.status
            )));
        }
        for step in self.steps() {
            resident.take(&step).await?;
        }
        resident
            .reference("/missed-bin/apply/confirmation", "MB")
            .await
    }

    /// Whether `submission` holds exactly these answers, line by line as the waste team
    /// reads them; says what differs when not.
    pub fn check(&self, form: &FormDefinition, submission: &Submission) -> Result<(), String> {
        let questions = form.questions();
        let bins: Vec<String> = self
            .bins
            .iter()
            .map(|bin| {
                questions
                    .iter()
                    .find(|(_, q)| q.id == "bins")
                    .and_then(|(_, q)| option_label(q, bin))
                    .unwrap_or_default()
            })
            .collect();
        let mut postcode = self.postcode.to_uppercase();
        if !postcode.contains(' ') {
            postcode.insert(postcode.len() - 3, ' ');
        }
        let expected: Vec<Vec<String>> = vec![
            vec![self.line1.clone(), self.town.clone(), postcode],
            bins,
            vec![date_text(self.due)],
            vec![self.email.clone()],
            vec![international(&self.phone)],
        ];
        let got: Vec<Vec<String>> = answer_lines(form, submission)
            .into_iter()
            .map(|(_, lines)| lines)
            .collect();
        if got == expected {
            Ok(())
        } else {
            Err(format!(
                "{}: stored {got:?}, entered {expected:?}",
                submission.reference
            ))
        }
    }
}

/// A UK number as it is stored: 07700 900123 is +447700900123.
fn international(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    format!("+44{}", digits.trim_start_matches('0'))
}

/// The English label of a checkbox question's option.
fn option_label(question: &civic_forms::definition::Question, value: &str) -> Option<String> {
    match &question.answer {
        civic_forms::definition::AnswerType::ManyFromList(list) => list
            .options
            .iter()
            .find(|option| option.value == value)
            .map(|option| {
                option
                    .label
                    .in_language(civic_forms::definition::Language::En)
                    .to_owned()
            }),
        _ => None,
    }
}

/// A date as GOV.UK writes it: 7 March 2026.
fn date_text(date: time::Date) -> String {
    format!("{} {} {}", date.day(), date.month(), date.year())
}

/// A council tax single person discount claim's answers.
pub struct SinglePerson {
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// National Insurance number as typed.
    pub national_insurance_number: String,
    /// The day the other adult moved out.
    pub moved_out: time::Date,
    /// The resident's email address.
    pub email: String,
}

impl SinglePerson {
    /// The question pages, in order, then the declaration on check your answers.
    pub fn steps(&self) -> Vec<Step> {
        let moved = self.moved_out;
        vec![
            Step {
                page: "/council-tax-single-person/apply/name",
                fields: vec![
                    ("name.first_name", self.first_name.clone()),
                    ("name.last_name", self.last_name.clone()),
                ],
                next: "/council-tax-single-person/apply/national-insurance",
            },
            Step {
                page: "/council-tax-single-person/apply/national-insurance",
                fields: vec![(
                    "national_insurance_number",
                    self.national_insurance_number.clone(),
                )],
                next: "/council-tax-single-person/apply/moved-out",
            },
            Step {
                page: "/council-tax-single-person/apply/moved-out",
                fields: vec![
                    ("moved_out.day", moved.day().to_string()),
                    ("moved_out.month", u8::from(moved.month()).to_string()),
                    ("moved_out.year", moved.year().to_string()),
                ],
                next: "/council-tax-single-person/apply/email",
            },
            Step {
                page: "/council-tax-single-person/apply/email",
                fields: vec![("email", self.email.clone())],
                next: "/council-tax-single-person/apply/check-answers",
            },
            Step {
                page: "/council-tax-single-person/apply/check-answers",
                fields: vec![("declaration", "yes".to_owned())],
                next: "/council-tax-single-person/apply/confirmation",
            },
        ]
    }

    /// The whole claim from the start page; returns the reference shown.
    pub async fn claim(&self, resident: &mut Resident) -> Result<String, JourneyError> {
        resident.get("/council-tax-single-person/apply").await?;
        for step in self.steps() {
            resident.take(&step).await?;
        }
        resident
            .reference("/council-tax-single-person/apply/confirmation", "CT")
            .await
    }
}

/// A service's form definition, as the demo loads it.
pub fn definition(file: &str) -> FormDefinition {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("services")
        .join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    FormDefinition::parse(&text, Format::Yaml).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
