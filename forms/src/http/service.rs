//! [`FormService`]: one form definition served over HTTP, built once at start-up and mounted
//! with one line.

use std::sync::Arc;

use axum::Router;
use axum::routing::{get, post};
use axum_extra::extract::cookie::Key;
use civic_address_lookup::provider::AddressProvider;
use civic_components::assets::Assets;
use civic_components::brand::{Brand, BrandColour};
use time::OffsetDateTime;
use tower_http::timeout::TimeoutLayer;

use super::choices::{ChoiceSource, Sources};
use super::config::HttpConfig;
use super::csrf::CsrfKey;
#[cfg(feature = "pay")]
use super::payment;
use super::{
    address_lookup, check_answers, choices, confirmation, language, list, question, rate_limit,
    save_and_return, start, task_list, timeout,
};
use crate::definition::{FormDefinition, Language};
use crate::delivery::Deliveries;
use crate::save_return::SaveAndReturn;
use crate::session::{FileStore, SessionStore, SqlFileStore};

/// Why a [`FormService`] could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ServiceError {
    /// The secret that signs cookies is too short to be safe.
    #[error("the cookie secret must be at least 32 bytes (it is {0}); use 64 random bytes")]
    SecretTooShort(usize),
    /// The form takes a payment but the service has no way to take one: give it a checkout
    /// with [`FormServiceBuilder::payments`] (feature `pay`). Serving it would submit unpaid.
    #[error(
        "the form takes a payment but the service has none: give it a Checkout with \
         FormServiceBuilder::payments (feature `pay`)"
    )]
    PaymentsMissing,
    /// The rate limit cannot be built (a burst of 0, or no time to replenish).
    #[error("the rate limit needs a burst of at least 1 and a replenish time over zero")]
    RateLimit,
    /// The form's `supplied` questions and the [`ChoiceSource`]s given do not match.
    #[error("{0}")]
    Choices(String),
}

/// Where the time comes from: the clock, or a test's.
pub(crate) type Clock = Arc<dyn Fn() -> OffsetDateTime + Send + Sync>;

/// What every request handler of one form shares.
pub(crate) struct Inner {
    pub(crate) form: Arc<FormDefinition>,
    pub(crate) store: Arc<dyn SessionStore>,
    pub(crate) deliveries: Deliveries,
    pub(crate) brand: Brand,
    pub(crate) assets: Arc<Assets>,
    pub(crate) cookie_key: Key,
    pub(crate) csrf: CsrfKey,
    pub(crate) config: HttpConfig,
    pub(crate) secure: bool,
    pub(crate) clock: Clock,
    pub(crate) save_and_return: Option<SaveAndReturn>,
    #[cfg(feature = "pay")]
    pub(crate) payments: Option<civic_pay_adapters::Checkout>,
    #[cfg(feature = "pay")]
    pub(crate) payment_hooks: Option<Arc<dyn super::PaymentHooks>>,
    pub(crate) addresses: Option<Arc<dyn AddressProvider>>,
    pub(crate) files: Arc<dyn FileStore>,
    pub(crate) choices: Sources,
}

impl Inner {
    /// The time now.
    pub(crate) fn now(&self) -> OffsetDateTime {
        (self.clock)()
    }

    /// The languages the form offers, in its order; English when it names none.
    pub(crate) fn languages(&self) -> &[Language] {
        if self.form.languages.is_empty() {
            &[Language::En]
        } else {
            &self.form.languages
        }
    }

    /// What every page of a live session shows around it: the language switch, the timeout
    /// notice and warning (for the form mounted at `base`) and, when the service offers it,
    /// "Save and come back later" (`save_href`).
    pub(crate) fn extras<'a>(
        &'a self,
        base: &'a str,
        save_href: Option<&'a str>,
    ) -> crate::render::PageExtras<'a> {
        crate::render::PageExtras {
            languages: self.languages(),
            timeout_minutes: Some(self.form.retention.session_timeout_minutes.max(1)),
            save_href: save_href.filter(|_| self.save_and_return.is_some()),
            session_base: Some(base),
            service_name: Some(&self.form.title),
            copy_href: None,
        }
    }

    /// How long a session lives without activity.
    pub(crate) fn timeout(&self) -> time::Duration {
        time::Duration::minutes(i64::from(
            self.form.retention.session_timeout_minutes.max(1),
        ))
    }
}

/// One form served over HTTP: its pages with Post/Redirect/Get, a signed session cookie,
/// CSRF tokens, body and rate limits, a honeypot, session expiry and delivery on submit.
///
/// ```no_run
/// # async fn demo(form: civic_forms::definition::FormDefinition,
/// #     store: std::sync::Arc<dyn civic_forms::session::SessionStore>,
/// #     deliveries: civic_forms::delivery::Deliveries) -> Result<(), Box<dyn std::error::Error>> {
/// use civic_forms::http::FormService;
///
/// let secret = [7u8; 64]; // from configuration, never from code
/// let form = FormService::builder(form, store, deliveries, &secret)?.build()?;
/// let app = axum::Router::new().nest("/apply", form.router());
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
/// // The rate limit knows clients by their address: serve with connect info.
/// axum::serve(
///     listener,
///     app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
/// )
/// .await?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct FormService {
    pub(super) inner: Arc<Inner>,
}

impl std::fmt::Debug for FormService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FormService")
            .field("form", &self.inner.form.id)
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

/// Builds a [`FormService`]; see [`FormService::builder`].
pub struct FormServiceBuilder {
    form: Arc<FormDefinition>,
    store: Arc<dyn SessionStore>,
    deliveries: Deliveries,
    secret: Vec<u8>,
    brand: Option<Brand>,
    assets: Option<Arc<Assets>>,
    config: HttpConfig,
    secure: bool,
    clock: Clock,
    save_and_return: Option<SaveAndReturn>,
    #[cfg(feature = "pay")]
    payments: Option<civic_pay_adapters::Checkout>,
    #[cfg(feature = "pay")]
    payment_hooks: Option<Arc<dyn super::PaymentHooks>>,
    addresses: Option<Arc<dyn AddressProvider>>,
    files: Arc<dyn FileStore>,
    choices: Sources,
}

impl std::fmt::Debug for FormServiceBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FormServiceBuilder")
            .field("form", &self.form.id)
            .finish_non_exhaustive()
    }
}

impl FormService {
    /// A service for `form` keeping sessions in `store` and delivering submissions through
    /// `deliveries`. `secret` (at least 32 random bytes, from configuration) signs the
    /// session cookie and makes CSRF tokens: every instance of a service needs the same one.
    pub fn builder(
        form: impl Into<Arc<FormDefinition>>,
        store: Arc<dyn SessionStore>,
        deliveries: Deliveries,
        secret: &[u8],
    ) -> Result<FormServiceBuilder, ServiceError> {
        if secret.len() < 32 {
            return Err(ServiceError::SecretTooShort(secret.len()));
        }
        // Uploaded files go beside the submissions by default, so they are kept with them.
        let files = Arc::new(SqlFileStore::new(deliveries.pool().clone()));
        Ok(FormServiceBuilder {
            form: form.into(),
            store,
            deliveries,
            secret: secret.to_vec(),
            brand: None,
            assets: None,
            config: HttpConfig::default(),
            secure: false,
            clock: Arc::new(OffsetDateTime::now_utc),
            save_and_return: None,
            #[cfg(feature = "pay")]
            payments: None,
            #[cfg(feature = "pay")]
            payment_hooks: None,
            addresses: None,
            files,
            choices: Sources::new(),
        })
    }

    /// The form's routes, to mount with `Router::new().nest("/apply", form.router())`: links
    /// and redirects follow wherever it is mounted.
    ///
    /// | route | what |
    /// |---|---|
    /// | `GET /` | starts (or resumes) the form: redirects to the current step (with a task list, the task list) |
    /// | `GET /task-list` | a long form's task list (with `task_list` in the definition) |
    /// | `POST /keep-alive` | the timeout warning's "Continue": keeps the session (204; 410 once it ended) |
    /// | `POST /sign-out` | "Delete answers and sign out", or the warning's time running out |
    /// | `GET /signed-out`, `GET /timeout` | "Your answers have been deleted", saying why |
    /// | `GET, POST /{page}` | a question page; `?lang=cy` switches language, keeping answers |
    /// | `GET, POST /check-answers` | "check your answers"; the POST submits |
    /// | `GET, POST /{page}/add-another` | an add-to-a-list summary, "Do you need to add another?" |
    /// | `GET /{page}/change/{n}`, `GET, POST /{page}/remove/{n}` | change or remove item `n` |
    /// | `GET /confirmation` | the reference, once submitted |
    /// | `GET /confirmation/copy` | the resident's copy of what they sent, as a text file |
    /// | `GET, POST /save` | "Save and come back later": the link by email (with save and return) |
    /// | `GET, POST /return/{token}` | the link: GET shows "Continue your application", POST uses it up |
    /// | `GET, POST /payment/{token}` | back from paying (with payments): GET shows where the payment stands, POST tries again |
    /// | `GET, POST /{page}/select` | a UK address's list of addresses at the postcode (with [`FormServiceBuilder::addresses`]) |
    /// | `GET, POST /{page}/manual` | a UK address typed in by hand, when the page looks addresses up |
    pub fn router(&self) -> Router {
        let inner = Arc::clone(&self.inner);
        let mut router = Router::new()
            .route("/", get(start::start))
            .route(
                "/check-answers",
                get(check_answers::show).post(check_answers::submit),
            )
            .route("/confirmation", get(confirmation::show))
            .route("/confirmation/copy", get(confirmation::copy))
            .route("/task-list", get(task_list::show))
            .route("/keep-alive", post(timeout::keep_alive))
            .route("/sign-out", post(timeout::sign_out))
            .route("/signed-out", get(timeout::signed_out))
            .route("/timeout", get(timeout::timed_out))
            .route(
                "/save",
                get(save_and_return::ask).post(save_and_return::send),
            )
            .route(
                "/return/{token}",
                get(save_and_return::open).post(save_and_return::redeem),
            )
            .route("/{page}", get(question::show).post(question::answer))
            .route("/{page}/add-another", get(list::show).post(list::answer))
            .route("/{page}/change/{index}", get(list::change))
            .route(
                "/{page}/select",
                get(address_lookup::show_list).post(address_lookup::choose),
            )
            .route(
                "/{page}/manual",
                get(question::show_manual).post(question::answer_manual),
            )
            .route(
                "/{page}/remove/{index}",
                get(list::confirm).post(list::remove),
            )
            .fallback(start::not_found);
        #[cfg(feature = "pay")]
        {
            router = router.route(
                &format!("/{}/{{token}}", payment::PATH),
                get(payment::returned).post(payment::try_again),
            );
        }
        if let Some(limit) = rate_limit::layer(&inner) {
            router = router
                .layer(limit)
                .layer(axum::middleware::from_fn_with_state(
                    Arc::clone(&inner),
                    rate_limit::too_many_page,
                ));
        }
        router
            .layer(axum::middleware::from_fn_with_state(
                Arc::clone(&inner),
                language::remember,
            ))
            .layer(TimeoutLayer::with_status_code(
                axum::http::StatusCode::REQUEST_TIMEOUT,
                inner.config.request_timeout,
            ))
            .with_state(inner)
    }
}

/// The 64-byte key that signs cookies, derived from the secret and kept apart from the CSRF
/// key by its label.
fn cookie_key(secret: &[u8]) -> Key {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<sha2::Sha512>::new_from_slice(secret)
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    mac.update(b"civic-forms cookie key");
    let bytes = mac.finalize().into_bytes();
    Key::try_from(bytes.as_slice())
        .unwrap_or_else(|_| unreachable!("HMAC-SHA512 gives the 64 bytes a key needs"))
}

impl FormServiceBuilder {
    /// The council's brand (default: the form's title on GOV.UK blue).
    pub fn brand(mut self, brand: Brand) -> Self {
        self.brand = Some(brand);
        self
    }

    /// The stylesheet and scripts pages link to (default none: pages are unstyled). Serve
    /// them with [`Assets::router`] at their base path.
    pub fn assets(mut self, assets: Arc<Assets>) -> Self {
        self.assets = Some(assets);
        self
    }

    /// Limits, the honeypot's name and the cookie's name.
    pub fn config(mut self, config: HttpConfig) -> Self {
        self.config = config;
        self
    }

    /// The address residents reach the service at: when it is `https`, the session cookie is
    /// marked `Secure`.
    pub fn public_url(mut self, url: &url::Url) -> Self {
        self.secure = url.scheme() == "https";
        self
    }

    /// Offers "Save and come back later" with these links. Build `links` with a link base
    /// ending in the form's address and `return/` (`https://council.example/apply/return/`);
    /// links last the form's `retention.save_and_return_days`.
    pub fn save_and_return(mut self, links: SaveAndReturn) -> Self {
        let days = i64::from(self.form.retention.save_and_return_days.max(1));
        self.save_and_return = Some(links.valid_for(time::Duration::days(days)));
        self
    }

    /// Takes the form's payment through `checkout`. Build it with a return base ending in the
    /// form's address and `payment/` (`https://council.example/apply/payment/`). After
    /// "check your answers" the submission is held and delivered only once paid for; run
    /// civic-pay-adapters' `Reconciler` and [`Deliveries::release_paid`] on a schedule for
    /// residents who pay and never come back.
    #[cfg(feature = "pay")]
    pub fn payments(mut self, checkout: civic_pay_adapters::Checkout) -> Self {
        self.payments = Some(checkout);
        self
    }

    /// Looks UK addresses up at `provider` (the embedded index, OS Places, a cache of either):
    /// a page whose one question is a UK address with `lookup` on asks for the postcode, then
    /// lists the addresses there, with "I can't find the address in the list" leading to
    /// typing it in. Without a provider such questions are typed in by hand.
    pub fn addresses(mut self, provider: Arc<dyn AddressProvider>) -> Self {
        self.addresses = Some(provider);
        self
    }

    /// Where uploaded files' content is kept (default: the `civic_forms_files` table in the
    /// deliveries' database, where the retention job deletes them with their session or
    /// submission).
    pub fn files(mut self, files: Arc<dyn FileStore>) -> Self {
        self.files = files;
        self
    }

    /// Tells `hooks` when a payment starts and when it ends unpaid, so the service can hold
    /// what the resident is paying for (see [`PaymentHooks`](super::PaymentHooks)).
    #[cfg(feature = "pay")]
    pub fn payment_hooks(mut self, hooks: Arc<dyn super::PaymentHooks>) -> Self {
        self.payment_hooks = Some(hooks);
        self
    }

    /// Supplies the options of the one-from-a-list question `question` (marked
    /// `supplied: true`) from `source` each time its page is shown or answered; see
    /// [`ChoiceSource`]. [`FormServiceBuilder::build`] refuses a supplied question without a
    /// source, and a source for any other question.
    pub fn choices(mut self, question: impl Into<String>, source: Arc<dyn ChoiceSource>) -> Self {
        self.choices.insert(question.into(), source);
        self
    }

    /// Where the time comes from (tests move it on to expire sessions).
    pub fn clock(mut self, clock: impl Fn() -> OffsetDateTime + Send + Sync + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// The service.
    pub fn build(self) -> Result<FormService, ServiceError> {
        #[cfg(feature = "pay")]
        let payments_missing = self.payments.is_none();
        #[cfg(not(feature = "pay"))]
        let payments_missing = true;
        if self.form.payment.is_some() && payments_missing {
            return Err(ServiceError::PaymentsMissing);
        }
        if let Some(reason) = choices::mismatch(&self.form, &self.choices) {
            return Err(ServiceError::Choices(reason));
        }
        if let Some(limit) = &self.config.rate_limit
            && (limit.burst == 0 || limit.replenish.is_zero())
        {
            return Err(ServiceError::RateLimit);
        }
        let brand = match self.brand {
            Some(brand) => brand,
            None => Brand::new(
                self.form.title.in_language(Language::En),
                BrandColour::parse("#1d70b8")
                    .unwrap_or_else(|_| unreachable!("GOV.UK blue is a valid colour")),
            ),
        };
        let inner = Inner {
            cookie_key: cookie_key(&self.secret),
            csrf: CsrfKey::derive(&self.secret),
            assets: self
                .assets
                .unwrap_or_else(|| Arc::new(Assets::empty("/assets"))),
            form: self.form,
            store: self.store,
            deliveries: self.deliveries,
            brand,
            config: self.config,
            secure: self.secure,
            clock: self.clock,
            save_and_return: self.save_and_return,
            #[cfg(feature = "pay")]
            payments: self.payments,
            #[cfg(feature = "pay")]
            payment_hooks: self.payment_hooks,
            addresses: self.addresses,
            files: self.files,
            choices: self.choices,
        };
        Ok(FormService {
            inner: Arc::new(inner),
        })
    }
}
