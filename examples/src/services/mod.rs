//! The council's online services. Each is a module of its own with its own form definition
//! file under `examples/services/`, and a GOV.UK-style start page at `/<slug>`.

pub(crate) mod bulky_waste;
pub(crate) mod council_tax_single_person;
pub(crate) mod emails;
pub(crate) mod missed_bin;
pub(crate) mod parking_permit;

use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::routing::get;
use civic_address_lookup::generate;
use civic_address_lookup::index::AddressIndex;
use civic_address_lookup::provider::AddressProvider;
use civic_components::i18n::Language;
use std::time::Duration;

use civic_address_lookup::provider::Cached;
use civic_address_lookup::provider::os_places::{OsPlaces, OsPlacesOptions};
use civic_forms::definition::{AnswerType, FormDefinition, Text};
use civic_forms::delivery::{Deliveries, WebhookHandler};
use civic_forms::http::FormService;
use civic_forms::save_return::SaveAndReturn;
use civic_forms::session::{SessionDurability, SessionStore, SqlSessionStore};
use civic_notify::outbox::{Outbox, RetryPolicy};
use civic_notify::transport::{
    ApiKey, NotifyApiTransport, NotifyTemplates, SmtpConfig, SmtpTransport, Transport,
};
use maud::{Markup, html};

use crate::site::{Site, component};
use crate::{AddressSource, StartError};

/// Words in English and in Welsh.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Words {
    pub(crate) en: &'static str,
    pub(crate) cy: &'static str,
}

impl Words {
    pub(crate) fn get(&self, language: Language) -> &'static str {
        match language {
            Language::Welsh => self.cy,
            _ => self.en,
        }
    }
}

/// An amount in pence as residents read it: `£25.00`.
pub(crate) fn pounds(pence: u64) -> String {
    format!("£{}.{:02}", pence / 100, pence % 100)
}

/// One service the council offers online.
#[derive(Debug)]
pub(crate) struct Service {
    /// Where its start page is: `/<slug>`.
    pub(crate) slug: &'static str,
    /// One line for the list of services.
    pub(crate) summary: Words,
    /// "Use this service to:" and the list that follows.
    pub(crate) use_it_to: &'static [Words],
    /// What the resident needs before they start.
    pub(crate) before_you_start: &'static [Words],
    /// How long it takes, for the start page.
    pub(crate) takes: Words,
    /// Whether a resident may save their answers and come back by an emailed link.
    pub(crate) save_and_return: bool,
    /// Whether its UK address questions look addresses up in the sample gazetteer (a service
    /// that checks the postcode against its own data, like permit zones, types them in).
    pub(crate) address_lookup: bool,
    /// The form definition (YAML), read by civic-forms; its title is the service's name.
    pub(crate) definition: &'static str,
    /// Completes the loaded definition from the service's own data (the parking permit
    /// zones); says what is wrong when it cannot.
    pub(crate) prepare: Option<Prepare>,
}

/// Completes a loaded definition; the error says what is wrong.
pub(crate) type Prepare = fn(&mut FormDefinition) -> Result<(), String>;

/// How many invented addresses the council's sample gazetteer holds: a few hundred postcodes,
/// `ZY1 0AA` first.
const SAMPLE_ADDRESSES: usize = 2_000;

/// The council's gazetteer for address lookups: civic-address-lookup's deterministic sample
/// (the town of Sampleton, UPRNs from 999000000001, postcodes in the unallocated ZY area),
/// built in memory at start-up, the same on every machine, and marked as sample data.
pub(crate) fn sample_gazetteer() -> Arc<dyn AddressProvider> {
    Arc::new(AddressIndex::build(
        generate::sample_gazetteer(SAMPLE_ADDRESSES, 1),
        generate::info(),
    ))
}

/// The hint on address questions while the sample gazetteer is in use: its addresses are
/// invented, so residents are told so and given a postcode to try.
const SAMPLE_ADDRESSES_HINT: Words = Words {
    en: "Sample data: these addresses are invented. Try the postcode ZY1 0AA.",
    cy: "Data enghreifftiol: mae'r cyfeiriadau hyn wedi'u dyfeisio. Rhowch gynnig ar y cod post ZY1 0AA.",
};

/// Gives the UK address questions of `form` the hint that its addresses are sample data: only
/// where the sample gazetteer is in use (no `CIVIC_ADDRESS_INDEX` or OS Places key), never
/// over the council's own addresses.
pub(crate) fn mark_sample_addresses(form: &mut FormDefinition) {
    for question in form
        .pages
        .iter_mut()
        .flat_map(|page| page.questions.iter_mut())
    {
        if matches!(question.answer, AnswerType::UkAddress(_)) {
            question.hint = Some(Text::bilingual(
                SAMPLE_ADDRESSES_HINT.en,
                SAMPLE_ADDRESSES_HINT.cy,
            ));
        }
    }
}

/// The gazetteer the configuration chooses: the council's own index file, the OS Places API
/// behind a cache, or (in development, when neither is set) the sample gazetteer.
fn gazetteer(config: &crate::Config) -> Result<Arc<dyn AddressProvider>, StartError> {
    let failed = |reason: String| StartError::Service {
        service: "address lookup",
        reason,
    };
    match &config.addresses {
        None => Ok(sample_gazetteer()),
        Some(AddressSource::Index(path)) => AddressIndex::open(path)
            .map(|index| Arc::new(index) as Arc<dyn AddressProvider>)
            .map_err(|e| failed(format!("CIVIC_ADDRESS_INDEX {}: {e}", path.display()))),
        Some(AddressSource::OsPlaces(key)) => {
            let places = OsPlaces::new(key.0.clone(), OsPlacesOptions::default());
            // A day: addresses change rarely, and each lookup costs the council a transaction.
            Ok(Arc::new(Cached::new(
                places,
                10_000,
                Duration::from_secs(24 * 3600),
            )))
        }
    }
}

/// Every service the demo serves, in the order the home page lists them.
pub(crate) const SERVICES: &[&Service] = &[
    &missed_bin::SERVICE,
    &parking_permit::SERVICE,
    &bulky_waste::SERVICE,
    &council_tax_single_person::SERVICE,
];

/// The start page of every service.
pub(crate) fn router(site: Arc<Site>) -> Router {
    let mut router = Router::new();
    for index in 0..site.services.len() {
        let (service, _) = &site.services[index];
        router = router.route(
            &format!("/{}", service.slug),
            get(
                move |State(site): State<Arc<Site>>, language: Language| async move {
                    let (service, form) = &site.services[index];
                    start_page(&site, service, form, language)
                },
            ),
        );
    }
    router.with_state(site)
}

/// The service's name in `language`, from its form definition.
pub(crate) fn title(form: &FormDefinition, language: Language) -> &str {
    let language = match language {
        Language::Welsh => civic_forms::definition::Language::Cy,
        _ => civic_forms::definition::Language::En,
    };
    form.title.in_language(language)
}

/// Every service's form, mounted at `/<slug>/apply`, with sessions, submissions and the
/// email outbox in one SQLite file under the data folder. Emails are queued in the outbox
/// (durably, with the submission) and a worker sends them on to the development mailbox.
pub(crate) async fn forms(site: &Site, clock: crate::Clock) -> Result<Router, StartError> {
    let url = database_url(&site.config);
    // The URL may hold a password: errors name the database only when it is the embedded one.
    let shown = if site.config.database_url.is_some() {
        "CIVIC_DATABASE_URL".to_owned()
    } else {
        url.clone()
    };
    let database = |reason: String| StartError::Database {
        url: shown.clone(),
        reason,
    };
    let store = SqlSessionStore::connect(&url)
        .await
        .map_err(|e| database(with_causes(&e)))?;
    let outbox = Outbox::with_pool(store.pool().clone())
        .await
        .map_err(|e| database(with_causes(&e)))?
        .with_lease(site.config.outbox_lease)
        .with_concurrency(site.config.outbox_sends)
        .with_clock({
            let clock = clock.clone();
            move || clock()
        });
    let notify_api = match &site.config.notify_api {
        Some(api) => {
            let key = ApiKey::parse(&api.key.0).map_err(|e| StartError::Service {
                service: "email",
                reason: format!("CIVIC_NOTIFY_API_KEY: {e}"),
            })?;
            let templates = NotifyTemplates::new(&api.email_template_id, &api.sms_template_id);
            Some(NotifyApiTransport::new(&api.base_url, key, templates))
        }
        None => None,
    };
    let sender: Option<Arc<dyn Transport>> = match (notify_api, &site.config.smtp, &site.mailbox) {
        (Some(api), _, _) => Some(Arc::new(api)),
        (None, Some(smtp), _) => {
            let mut relay =
                SmtpConfig::new(&smtp.host, smtp.port, smtp.security, "kestrel-vale.example");
            if let Some((user, password)) = &smtp.credentials {
                relay = relay.with_credentials(user, &password.0);
            }
            let transport = SmtpTransport::new(&relay).map_err(|e| StartError::Service {
                service: "email",
                reason: e.to_string(),
            })?;
            Some(Arc::new(transport))
        }
        (None, None, Some(mailbox)) => Some(Arc::new(mailbox.clone())),
        (None, None, None) => None,
    };
    if let Some(sender) = sender {
        let worker = outbox.clone();
        tokio::spawn(async move {
            let policy = RetryPolicy::new(10, Duration::from_secs(1), Duration::from_secs(60));
            worker
                .run_worker(sender.as_ref(), &policy, 50, Duration::from_millis(200))
                .await;
        });
    }
    let secret = match &site.config.session_secret {
        Some(secret) => secret.0.as_bytes().to_vec(),
        None => kept_secret(&site.config.data_dir, "session.key")
            .map_err(|e| database(e.to_string()))?,
    };
    let webhook =
        crate::webhook::Webhook::from_config(&site.config).map_err(|e| StartError::Service {
            service: "webhook",
            reason: e.to_string(),
        })?;
    let pool = store.pool().clone();
    // Sessions on a pool of their own when their saves need not wait on the disk; `pool`
    // (submissions, payments, the outbox) always does.
    let store: Arc<dyn SessionStore> = match site.config.session_durability {
        SessionDurability::Full => Arc::new(store),
        durability => Arc::new(
            SqlSessionStore::connect_with(&url, durability)
                .await
                .map_err(|e| database(e.to_string()))?,
        ),
    };
    let transport: Arc<dyn Transport> = Arc::new(outbox.clone());
    let pay = crate::payments::Payments::open(&site.config, &pool)
        .await
        .map_err(|e| StartError::Service {
            service: "payments",
            reason: with_causes(&e),
        })?;
    let mut router = pay
        .as_ref()
        .map_or_else(Router::new, |pay| pay.sandbox_pages(site));
    let addresses = gazetteer(&site.config)?;
    for (service, form) in &site.services {
        let failed = |reason: String| StartError::Service {
            service: service.slug,
            reason,
        };
        let checkout = match (&form.payment, &pay) {
            (None, _) => None,
            (Some(_), Some(pay)) => Some(
                pay.checkout(&site.config, service.slug)
                    .map_err(|e| failed(e.to_string()))?,
            ),
            (Some(_), None) => {
                tracing::warn!(
                    service = service.slug,
                    "not served: it takes payments and CIVIC_PAY_PROVIDER is not set"
                );
                continue;
            }
        };
        let form = Arc::new(form.clone());
        let from = format!(
            "{} <noreply@kestrel-vale.example>",
            site.config.council_name
        );
        let mailer = emails::Mailer::new(outbox.clone(), &from, &site.config.council_name);
        let bulky = if service.slug == bulky_waste::SERVICE.slug {
            let bulky = bulky_waste::Bulky::open(
                &pool,
                mailer.clone(),
                Arc::clone(&form),
                &site.config.council_name,
                clock.clone(),
            )
            .await
            .map_err(failed)?;
            Some(bulky)
        } else {
            None
        };
        let mut deliveries = match &bulky {
            Some(bulky) => bulky
                .deliveries(
                    pool.clone(),
                    Arc::clone(&form),
                    Arc::clone(&transport),
                    &from,
                )
                .map_err(failed)?,
            None => Deliveries::for_form(
                pool.clone(),
                Arc::clone(&form),
                Arc::clone(&transport),
                &from,
            )
            .map_err(|e| failed(e.to_string()))?,
        };
        if service.slug == parking_permit::SERVICE.slug {
            deliveries = deliveries.handler(Arc::new(parking_permit::Receipt::new(
                mailer,
                Arc::clone(&form),
            )));
        }
        let deliveries = match webhook
            .as_ref()
            .and_then(|w| Some((w.url.clone()?, &w.secret)))
        {
            Some((url, secret)) => deliveries.handler(Arc::new(
                WebhookHandler::new(url, secret.clone()).map_err(|e| failed(e.to_string()))?,
            )),
            None => deliveries,
        };
        let mut served = FormService::builder(
            Arc::clone(&form),
            Arc::clone(&store),
            deliveries.clone(),
            &secret,
        )
        .map_err(|e| failed(e.to_string()))?
        .brand(site.brand.clone())
        .assets(Arc::clone(&site.assets))
        .clock({
            let clock = clock.clone();
            move || clock()
        });
        if let Some(bulky) = &bulky {
            served = bulky.serve(served);
        }
        if service.address_lookup {
            served = served.addresses(Arc::clone(&addresses));
        }
        if service.save_and_return {
            let links = SaveAndReturn::new(
                pool.clone(),
                Arc::clone(&transport),
                form.title
                    .in_language(civic_forms::definition::Language::En),
                format!("http://{}/{}/apply/return/", site.config.addr, service.slug),
                &from,
            );
            served = served.save_and_return(links);
        }
        if let Some(checkout) = checkout {
            served = served.payments(checkout);
        }
        let served = served.build().map_err(|e| failed(e.to_string()))?;
        // Every minute, on every instance: failed deliveries (a webhook that was down) tried
        // again, applications paid for by residents who never came back delivered, and the
        // service's retention period kept.
        served.spawn_jobs(Duration::from_secs(60));
        router = router.nest(&format!("/{}/apply", service.slug), served.router());
    }
    if let Some(webhook) = webhook {
        router = router.merge(crate::webhook::receiver(webhook.secret));
    }
    Ok(router)
}

/// An error and its causes on one line, so a start-up failure says why ("the session tables
/// could not be created: migration 1 was previously applied but has been modified"); a cause
/// its error already quotes is not repeated.
pub(crate) fn with_causes(error: &dyn std::error::Error) -> String {
    let mut line = error.to_string();
    let mut cause = error.source();
    while let Some(error) = cause {
        let said = error.to_string();
        if !line.contains(&said) {
            line.push_str(": ");
            line.push_str(&said);
        }
        cause = error.source();
    }
    line
}

/// The database's URL: configured, or the SQLite file under the data folder.
pub(crate) fn database_url(config: &crate::Config) -> String {
    match &config.database_url {
        Some(url) => url.0.clone(),
        None => {
            let path = config.data_dir.join("civic.db");
            format!("sqlite://{}?mode=rwc", path.display())
        }
    }
}

/// A development secret (signing session cookies, say) made once and kept in the data folder
/// as `name`, so what it signed survives a restart of the demo.
pub(crate) fn kept_secret(data_dir: &std::path::Path, name: &str) -> std::io::Result<Vec<u8>> {
    use rand::RngCore;
    let path = data_dir.join(name);
    match std::fs::read(&path) {
        Ok(secret) if secret.len() >= 32 => Ok(secret),
        _ => {
            let mut secret = vec![0u8; 64];
            rand::rng().fill_bytes(&mut secret);
            // Written whole then renamed, so another instance never reads half a key.
            let partial = data_dir.join(format!("{name}.{}", std::process::id()));
            std::fs::write(&partial, &secret)?;
            std::fs::rename(&partial, &path)?;
            Ok(secret)
        }
    }
}

/// The GOV.UK start page pattern: what the service is for, what you need, a Start now button.
fn start_page(site: &Site, service: &Service, form: &FormDefinition, language: Language) -> Markup {
    let welsh = language == Language::Welsh;
    let start_href = if welsh {
        format!("/{}/apply?lang=cy", service.slug)
    } else {
        format!("/{}/apply", service.slug)
    };
    let title = title(form, language);
    let content = html! {
        div class="govuk-grid-row" {
            div class="govuk-grid-column-two-thirds" {
                h1 class="govuk-heading-xl" { (title) }
                p class="govuk-body" {
                    @if welsh { "Defnyddiwch y gwasanaeth hwn i:" } @else { "Use this service to:" }
                }
                ul class="govuk-list govuk-list--bullet" {
                    @for item in service.use_it_to { li { (item.get(language)) } }
                }
                p class="govuk-body" { (service.takes.get(language)) }
                (component("button", serde_json::json!({
                    "text": if welsh { "Dechrau nawr" } else { "Start now" },
                    "href": start_href,
                    "isStartButton": true,
                })))
                h2 class="govuk-heading-m" {
                    @if welsh { "Cyn i chi ddechrau" } @else { "Before you start" }
                }
                ul class="govuk-list govuk-list--bullet" {
                    @for item in service.before_you_start { li { (item.get(language)) } }
                }
            }
        }
    };
    site.page(language, title, &format!("/{}", service.slug), content)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_pounds_and_pence() {
        assert_eq!(pounds(2500), "£25.00");
        assert_eq!(pounds(1805), "£18.05");
        assert_eq!(pounds(7), "£0.07");
    }

    #[test]
    fn every_definition_loads_and_checks_clean() {
        for service in SERVICES {
            let mut form = civic_forms::definition::FormDefinition::parse(
                service.definition,
                civic_forms::definition::Format::Yaml,
            )
            .unwrap_or_else(|error| panic!("{}: {error}", service.slug));
            if let Some(prepare) = service.prepare {
                prepare(&mut form).unwrap_or_else(|error| panic!("{}: {error}", service.slug));
            }
            let problems = civic_forms::check::check(&form);
            assert!(problems.is_empty(), "{}: {problems:?}", service.slug);
            assert_eq!(
                form.id, service.slug,
                "the form id is the start page's slug"
            );
        }
    }
}
