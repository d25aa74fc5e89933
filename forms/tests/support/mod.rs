//! A form service and a cookie-keeping client for the HTTP tests, driven in process with
//! `tower::ServiceExt::oneshot` (the same Router `axum::serve` runs).

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use civic_forms::definition::{FormDefinition, Format};
use civic_forms::delivery::{Deliveries, DeliveryError, Submission, SubmissionHandler};
use civic_forms::http::{FormService, HttpConfig};
use civic_forms::save_return::SaveAndReturn;
use civic_forms::session::SqlSessionStore;
use civic_notify::transport::MailboxTransport;
use http_body_util::BodyExt;
use time::OffsetDateTime;
use tower::ServiceExt;

pub const FORM: &str = r#"
id: pothole
title: { en: Report a pothole, cy: Rhoi gwybod am dwll yn y ffordd }
languages: [en, cy]
pages:
  - id: location
    questions:
      - id: postcode
        label: { en: What is the postcode nearest the pothole?, cy: "Beth yw'r cod post agosaf at y twll?" }
        error_name: { en: the postcode, cy: y cod post }
        answer: { type: postcode }
  - id: size
    questions:
      - id: size
        label: { en: How big is the pothole?, cy: "Pa mor fawr yw'r twll?" }
        error_name: { en: how big the pothole is, cy: "pa mor fawr yw'r twll" }
        answer:
          type: one_from_list
          options:
            - { value: small, label: { en: Smaller than a dinner plate, cy: Llai na phlât cinio } }
            - { value: large, label: { en: Larger than a dinner plate, cy: Mwy na phlât cinio } }
    routes:
      - when: { equals: { question: size, value: large } }
        to: danger
      - to: details
  - id: danger
    questions:
      - id: danger
        label: { en: Is it dangerous?, cy: "Ydy e'n beryglus?" }
        error_name: { en: whether it is dangerous, cy: "a yw'n beryglus" }
        answer: { type: yes_no }
  - id: details
    questions:
      - id: details
        label: { en: Describe the pothole, cy: Disgrifiwch y twll }
        error_name: { en: a description of the pothole, cy: disgrifiad o'r twll }
        answer: { type: text }
"#;

/// Records what was delivered.
#[derive(Default)]
pub struct Recorder(pub Mutex<Vec<Submission>>);

#[async_trait::async_trait]
impl SubmissionHandler for Recorder {
    fn name(&self) -> &str {
        "recorder"
    }
    async fn deliver(&self, submission: &Submission) -> Result<(), DeliveryError> {
        self.0.lock().unwrap().push(submission.clone());
        Ok(())
    }
}

/// A form service under test.
pub struct Service {
    pub app: Router,
    /// The form service itself, for its jobs.
    pub form: civic_forms::http::FormService,
    pub delivered: Arc<Recorder>,
    /// Seconds added to the real clock.
    pub skew: Arc<AtomicI64>,
    /// Where save-and-return emails go.
    pub mailbox: MailboxTransport,
}

impl Service {
    pub fn later(&self, seconds: i64) {
        self.skew.fetch_add(seconds, Ordering::SeqCst);
    }

    pub fn client(&self) -> Client {
        Client {
            app: self.app.clone(),
            cookies: BTreeMap::new(),
            peer: "203.0.113.7:4000".parse().unwrap(),
        }
    }
}

pub async fn service(config: HttpConfig) -> Service {
    service_on("sqlite::memory:", config).await
}

/// The form, mounted at `/apply`, with sessions in the database at `url`.
pub async fn service_on(url: &str, config: HttpConfig) -> Service {
    service_of(FORM, url, config).await
}

/// The form defined by `yaml`, mounted at `/apply`, with sessions in the database at `url`.
pub async fn service_of(yaml: &str, url: &str, config: HttpConfig) -> Service {
    service_with(yaml, url, config, |builder| builder).await
}

/// [`service_of`], with `more` applied to the builder before it builds (payments, say).
pub async fn service_with(
    yaml: &str,
    url: &str,
    config: HttpConfig,
    more: impl FnOnce(civic_forms::http::FormServiceBuilder) -> civic_forms::http::FormServiceBuilder,
) -> Service {
    let form = FormDefinition::parse(yaml, Format::Yaml).unwrap();
    let store = SqlSessionStore::connect(url).await.unwrap();
    let delivered = Arc::new(Recorder::default());
    let deliveries = Deliveries::new(store.pool().clone()).handler(delivered.clone());
    let skew = Arc::new(AtomicI64::new(0));
    let mailbox = MailboxTransport::new();
    let links = SaveAndReturn::new(
        store.pool().clone(),
        Arc::new(mailbox.clone()),
        "Report a pothole",
        "http://localhost/apply/return/",
        "forms@council.example",
    );
    let clock_skew = skew.clone();
    let builder = FormService::builder(form, Arc::new(store), deliveries, &[42; 64])
        .unwrap()
        .config(config)
        .save_and_return(links)
        .clock(move || {
            OffsetDateTime::now_utc() + time::Duration::seconds(clock_skew.load(Ordering::SeqCst))
        });
    let form = more(builder).build().unwrap();
    Service {
        app: Router::new().nest("/apply", form.router()),
        form,
        delivered,
        skew,
        mailbox,
    }
}

/// One response.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub location: Option<String>,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Reply {
    /// The page's CSRF token.
    pub fn csrf(&self) -> String {
        let marker = r#"name="csrf_token" value=""#;
        let from = self.body.find(marker).expect("a CSRF token on the page") + marker.len();
        let to = from + self.body[from..].find('"').unwrap();
        self.body[from..to].to_owned()
    }

    pub fn see_other(&self, to: &str) {
        assert_eq!(self.status, StatusCode::SEE_OTHER, "{}", self.body);
        assert_eq!(self.location.as_deref(), Some(to));
    }
}

/// A browser: keeps cookies, sends its address as connect info.
#[derive(Clone)]
pub struct Client {
    app: Router,
    pub cookies: BTreeMap<String, String>,
    pub peer: SocketAddr,
}

impl Client {
    pub async fn get(&mut self, path: &str) -> Reply {
        let request = Request::get(path).body(Body::empty()).unwrap();
        self.send(request).await
    }

    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Reply {
        let body: String = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        self.post_raw(path, body).await
    }

    pub async fn post_raw(&mut self, path: &str, body: String) -> Reply {
        let request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        self.send(request).await
    }

    /// POSTs a `multipart/form-data` body, as a page with a file upload does: each part is a
    /// field name, a file name for a file, and the content.
    pub async fn post_multipart(
        &mut self,
        path: &str,
        parts: &[(&str, Option<&str>, &[u8])],
    ) -> Reply {
        let boundary = "civic-test-boundary-7MA4YWxkTrZu0gW";
        let mut body = Vec::new();
        for (name, file_name, content) in parts {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"")
                    .as_bytes(),
            );
            if let Some(file_name) = file_name {
                // Browsers send a content type of their own guessing; the service ignores it.
                body.extend_from_slice(
                    format!("; filename=\"{file_name}\"\r\nContent-Type: application/pdf")
                        .as_bytes(),
                );
            }
            body.extend_from_slice(b"\r\n\r\n");
            body.extend_from_slice(content);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let request = Request::post(path)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(Body::from(body))
            .unwrap();
        self.send(request).await
    }

    /// GETs `path` and POSTs `fields` to it with the page's CSRF token.
    pub async fn answer(&mut self, path: &str, fields: &[(&str, &str)]) -> Reply {
        let page = self.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}: {}", page.body);
        let token = page.csrf();
        let mut all = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        self.post(path, &all).await
    }

    async fn send(&mut self, mut request: Request<Body>) -> Reply {
        if !self.cookies.is_empty() {
            let cookie = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ");
            request
                .headers_mut()
                .insert(header::COOKIE, cookie.parse().unwrap());
        }
        request.extensions_mut().insert(ConnectInfo(self.peer));
        let response = self.app.clone().oneshot(request).await.unwrap();
        for set in response.headers().get_all(header::SET_COOKIE) {
            let set = set.to_str().unwrap();
            let (pair, attributes) = set.split_once(';').unwrap_or((set, ""));
            let (name, value) = pair.split_once('=').unwrap();
            if attributes.contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
        let status = response.status();
        let location = response
            .headers()
            .get(header::LOCATION)
            .map(|l| l.to_str().unwrap().to_owned());
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            location,
            headers,
            body: String::from_utf8(bytes.to_vec()).unwrap(),
        }
    }
}

/// A fresh PostgreSQL schema, so parallel tests never share tables.
pub async fn postgres_schema(url: &str) -> (String, String) {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let schema = format!(
        "civic_forms_http_{}",
        civic_forms::session::SessionId::generate().as_str()
    );
    let mut connection = sqlx::AnyConnection::connect(url).await.unwrap();
    sqlx::query(&format!("CREATE SCHEMA {schema}"))
        .execute(&mut connection)
        .await
        .unwrap();
    let separator = if url.contains('?') { '&' } else { '?' };
    (
        schema.clone(),
        format!("{url}{separator}options=-c%20search_path%3D{schema}"),
    )
}

pub async fn drop_postgres_schema(url: &str, schema: &str) {
    use sqlx::Connection;
    let mut connection = sqlx::AnyConnection::connect(url).await.unwrap();
    sqlx::query(&format!("DROP SCHEMA {schema} CASCADE"))
        .execute(&mut connection)
        .await
        .unwrap();
}
