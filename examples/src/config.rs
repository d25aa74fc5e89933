//! The demo's configuration: embedded defaults, then an optional TOML file named by
//! `CIVIC_CONFIG`, then environment variables, each overriding the one before.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use civic_forms::session::SessionDurability;
pub use civic_notify::transport::SmtpSecurity;
use serde::Deserialize;
use url::Url;

/// Which defaults apply: development ones, or none at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    /// Embedded defaults: SQLite under the data folder, sandbox payments, development mailbox.
    #[default]
    Development,
    /// Every development default is off; each setting must be given.
    Production,
}

impl Environment {
    fn parse(value: &str) -> Result<Self, ConfigError> {
        match value.trim().to_ascii_lowercase().as_str() {
            "development" | "dev" => Ok(Environment::Development),
            "production" | "prod" => Ok(Environment::Production),
            other => Err(ConfigError::Invalid {
                setting: "CIVIC_ENV",
                reason: format!("must be `development` or `production`, not `{other}`"),
            }),
        }
    }
}

/// Everything the demo needs to start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Development or production.
    pub environment: Environment,
    /// Where the server listens (`CIVIC_ADDR`, default `127.0.0.1:3000`).
    pub addr: SocketAddr,
    /// Where the embedded SQLite data lives (`CIVIC_DATA_DIR`, default `./data`).
    pub data_dir: PathBuf,
    /// The council's name as residents see it.
    pub council_name: String,
    /// Signs session cookies and CSRF tokens (`CIVIC_SESSION_SECRET`, at least 32 characters;
    /// every instance needs the same). Development makes one and keeps it in the data folder.
    pub session_secret: Option<Secret>,
    /// Sessions, submissions and the outbox (`CIVIC_DATABASE_URL`, `postgres://…` for several
    /// instances). Development uses `civic.db` in the data folder.
    pub database_url: Option<Secret>,
    /// Where email goes (`CIVIC_SMTP_HOST` and friends). Development uses the mailbox.
    pub smtp: Option<Smtp>,
    /// Email and text messages through GOV.UK Notify instead of SMTP (`CIVIC_NOTIFY_API_KEY`
    /// and friends).
    pub notify_api: Option<NotifyApi>,
    /// Where addresses are looked up (`CIVIC_ADDRESS_INDEX` or `CIVIC_OS_PLACES_KEY`).
    /// Development uses civic-address-lookup's sample gazetteer.
    pub addresses: Option<AddressSource>,
    /// How long an outbox worker holds a message it is sending (`CIVIC_OUTBOX_LEASE_SECONDS`,
    /// default 60): if its instance dies mid-send, another instance sends the message again
    /// once the lease lapses. Longer than any send takes, or messages go twice.
    pub outbox_lease: Duration,
    /// How many messages each outbox worker sends at once (`CIVIC_OUTBOX_SENDS`, default 1).
    /// More keep up with more mail, at a price: an instance killed mid-send may have sent
    /// that many messages it had not yet recorded, and each goes a second time (same
    /// idempotency key); at 1, at most one.
    pub outbox_sends: usize,
    /// How long a resident's page save waits on the disk (`CIVIC_SESSION_DURABILITY`:
    /// `relaxed`, the default, or `full`). Relaxed: a save survives the demo being killed,
    /// and a power cut may lose the last few (the resident answers those pages again); the
    /// database is never corrupted. Submissions, payments and accepted emails always wait on
    /// the disk, whichever is chosen.
    pub session_durability: SessionDurability,
    /// Where each submission is posted as signed JSON (`CIVIC_WEBHOOK_URL`). Development posts
    /// to the demo's own receiver at `/staff/webhook`; production posts only when it is set.
    pub webhook_url: Option<Url>,
    /// Signs the webhook and checks what the receiver gets (`CIVIC_WEBHOOK_SECRET`, at least 32
    /// characters; required in production with `CIVIC_WEBHOOK_URL`). Development makes one and
    /// keeps it in the data folder.
    pub webhook_secret: Option<Secret>,
}

/// A value that must never reach a log: its `Debug` says only that it is set.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(..)")
    }
}

/// GOV.UK Notify, from the environment only (the key is a secret). The council's Notify service
/// has two pass-through templates: an email with subject `((subject))` and body `((body))`,
/// and a text message with body `((body))`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotifyApi {
    /// `CIVIC_NOTIFY_API_KEY`: a live or team key as Notify issues it.
    pub key: Secret,
    /// `CIVIC_NOTIFY_EMAIL_TEMPLATE_ID`.
    pub email_template_id: String,
    /// `CIVIC_NOTIFY_SMS_TEMPLATE_ID`.
    pub sms_template_id: String,
    /// `CIVIC_NOTIFY_BASE_URL` (default Notify's own API; a test double's address in tests).
    pub base_url: String,
}

/// The council's gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AddressSource {
    /// `CIVIC_ADDRESS_INDEX`: an index file made by `civic address import` from the council's
    /// AddressBase extract, read at start-up; no network.
    Index(PathBuf),
    /// `CIVIC_OS_PLACES_KEY`: the OS Places API, with an OS Data Hub project key, behind a
    /// cache.
    OsPlaces(Secret),
}

/// An SMTP relay, from the environment only (it carries credentials).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Smtp {
    /// `CIVIC_SMTP_HOST`.
    pub host: String,
    /// `CIVIC_SMTP_PORT` (default 587, with STARTTLS).
    pub port: u16,
    /// `CIVIC_SMTP_USER` and `CIVIC_SMTP_PASSWORD`, when the relay needs them.
    pub credentials: Option<(String, Secret)>,
    /// `CIVIC_SMTP_SECURITY`: `starttls` (the default), `tls`, or `none` — plain SMTP, for a
    /// relay or test sink on this machine; production refuses it for any other host.
    pub security: SmtpSecurity,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            environment: Environment::Development,
            addr: SocketAddr::from(([127, 0, 0, 1], 3000)),
            data_dir: PathBuf::from("data"),
            council_name: "Kestrel Vale Borough Council".to_owned(),
            session_secret: None,
            database_url: None,
            smtp: None,
            notify_api: None,
            addresses: None,
            outbox_lease: Duration::from_secs(60),
            outbox_sends: 1,
            session_durability: SessionDurability::Relaxed,
            webhook_url: None,
            webhook_secret: None,
        }
    }
}

/// The settings a TOML file may hold; each is optional and overrides the embedded default.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    environment: Option<Environment>,
    addr: Option<SocketAddr>,
    data_dir: Option<PathBuf>,
    council_name: Option<String>,
}

/// Why the configuration could not be read; the message names the setting.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The file named by `CIVIC_CONFIG` could not be read.
    #[error("cannot read the configuration file {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The configuration file is not valid TOML or holds an unknown setting.
    #[error("the configuration file {path} is not valid: {message}")]
    File {
        /// The file.
        path: PathBuf,
        /// What the TOML parser said, with the line.
        message: String,
    },
    /// Production mode is missing a setting that development fills in.
    #[error("{setting} must be set when CIVIC_ENV is production: {reason}")]
    Missing {
        /// The environment variable.
        setting: &'static str,
        /// What it is for.
        reason: &'static str,
    },
    /// A setting has a value that cannot be used.
    #[error("{setting} {reason}")]
    Invalid {
        /// The environment variable or file key.
        setting: &'static str,
        /// What is wrong with it.
        reason: String,
    },
}

impl Config {
    /// Reads the configuration from the process environment (and the file it names).
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the configuration through `lookup`, which answers environment variables; tests
    /// pass a map instead of changing the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let mut config = Config::default();
        if let Some(path) = lookup("CIVIC_CONFIG") {
            config.apply_file(Path::new(&path))?;
        }
        if let Some(value) = lookup("CIVIC_ENV") {
            config.environment = Environment::parse(&value)?;
        }
        if let Some(value) = lookup("CIVIC_ADDR") {
            config.addr = value.trim().parse().map_err(|_| ConfigError::Invalid {
                setting: "CIVIC_ADDR",
                reason: format!("must be an address and port like 127.0.0.1:3000, not `{value}`"),
            })?;
        }
        if let Some(value) = lookup("CIVIC_DATA_DIR") {
            if value.trim().is_empty() {
                return Err(ConfigError::Invalid {
                    setting: "CIVIC_DATA_DIR",
                    reason: "must not be empty".to_owned(),
                });
            }
            config.data_dir = PathBuf::from(value);
        }
        if let Some(value) = lookup("CIVIC_SESSION_SECRET") {
            if value.len() < 32 {
                return Err(ConfigError::Invalid {
                    setting: "CIVIC_SESSION_SECRET",
                    reason: "must be at least 32 characters of random text".to_owned(),
                });
            }
            config.session_secret = Some(Secret(value));
        }
        config.database_url = lookup("CIVIC_DATABASE_URL").map(Secret);
        if let Some(host) = lookup("CIVIC_SMTP_HOST") {
            let port = match lookup("CIVIC_SMTP_PORT") {
                Some(port) => port.trim().parse().map_err(|_| ConfigError::Invalid {
                    setting: "CIVIC_SMTP_PORT",
                    reason: format!("must be a port number like 587, not `{port}`"),
                })?,
                None => 587,
            };
            let credentials = match (lookup("CIVIC_SMTP_USER"), lookup("CIVIC_SMTP_PASSWORD")) {
                (Some(user), Some(password)) => Some((user, Secret(password))),
                (None, None) => None,
                _ => {
                    return Err(ConfigError::Invalid {
                        setting: "CIVIC_SMTP_USER",
                        reason: "and CIVIC_SMTP_PASSWORD must be set together".to_owned(),
                    });
                }
            };
            let security = match lookup("CIVIC_SMTP_SECURITY") {
                Some(value) => smtp_security(&value)?,
                None => SmtpSecurity::StartTls,
            };
            config.smtp = Some(Smtp {
                host,
                port,
                credentials,
                security,
            });
        }
        if let Some(value) = lookup("CIVIC_WEBHOOK_URL") {
            let url = Url::parse(value.trim())
                .ok()
                .filter(|url| matches!(url.scheme(), "https" | "http"))
                .ok_or_else(|| ConfigError::Invalid {
                    setting: "CIVIC_WEBHOOK_URL",
                    reason: format!(
                        "must be a URL like https://example.org/hooks/civic, not `{value}`"
                    ),
                })?;
            config.webhook_url = Some(url);
        }
        if let Some(value) = lookup("CIVIC_WEBHOOK_SECRET") {
            if value.len() < 32 {
                return Err(ConfigError::Invalid {
                    setting: "CIVIC_WEBHOOK_SECRET",
                    reason: "must be at least 32 characters of random text".to_owned(),
                });
            }
            config.webhook_secret = Some(Secret(value));
        }
        if let Some(key) = lookup("CIVIC_NOTIFY_API_KEY") {
            if civic_notify::transport::ApiKey::parse(&key).is_err() {
                return Err(ConfigError::Invalid {
                    setting: "CIVIC_NOTIFY_API_KEY",
                    reason: "is not a GOV.UK Notify API key: copy the whole key from Notify's \
                             API integration page (its name, then two long ids)"
                        .to_owned(),
                });
            }
            let template = |setting: &'static str| {
                lookup(setting)
                    .map(|id| id.trim().to_owned())
                    .filter(|id| !id.is_empty())
                    .ok_or(ConfigError::Invalid {
                        setting,
                        reason: "must be set with CIVIC_NOTIFY_API_KEY: the id of the Notify \
                                 pass-through template"
                            .to_owned(),
                    })
            };
            config.notify_api = Some(NotifyApi {
                key: Secret(key),
                email_template_id: template("CIVIC_NOTIFY_EMAIL_TEMPLATE_ID")?,
                sms_template_id: template("CIVIC_NOTIFY_SMS_TEMPLATE_ID")?,
                base_url: lookup("CIVIC_NOTIFY_BASE_URL")
                    .unwrap_or_else(|| civic_notify::transport::NOTIFY_API_URL.to_owned()),
            });
        }
        config.addresses = match (lookup("CIVIC_ADDRESS_INDEX"), lookup("CIVIC_OS_PLACES_KEY")) {
            (Some(_), Some(_)) => {
                return Err(ConfigError::Invalid {
                    setting: "CIVIC_ADDRESS_INDEX",
                    reason: "and CIVIC_OS_PLACES_KEY cannot both be set: choose one gazetteer"
                        .to_owned(),
                });
            }
            (Some(path), None) => Some(AddressSource::Index(PathBuf::from(path))),
            (None, Some(key)) => Some(AddressSource::OsPlaces(Secret(key))),
            (None, None) => None,
        };
        if let Some(value) = lookup("CIVIC_OUTBOX_LEASE_SECONDS") {
            let seconds: u64 = value
                .trim()
                .parse()
                .ok()
                .filter(|s| *s > 0)
                .ok_or_else(|| ConfigError::Invalid {
                    setting: "CIVIC_OUTBOX_LEASE_SECONDS",
                    reason: format!("must be a whole number of seconds like 60, not `{value}`"),
                })?;
            config.outbox_lease = Duration::from_secs(seconds);
        }
        if let Some(value) = lookup("CIVIC_OUTBOX_SENDS") {
            config.outbox_sends = value
                .trim()
                .parse()
                .ok()
                .filter(|n| (1..=64).contains(n))
                .ok_or_else(|| ConfigError::Invalid {
                    setting: "CIVIC_OUTBOX_SENDS",
                    reason: format!("must be a whole number from 1 to 64, not `{value}`"),
                })?;
        }
        if let Some(value) = lookup("CIVIC_SESSION_DURABILITY") {
            config.session_durability = match value.trim() {
                "relaxed" => SessionDurability::Relaxed,
                "full" => SessionDurability::Full,
                other => {
                    return Err(ConfigError::Invalid {
                        setting: "CIVIC_SESSION_DURABILITY",
                        reason: format!("must be `relaxed` or `full`, not `{other}`"),
                    });
                }
            };
        }
        config.check_production()?;
        Ok(config)
    }

    /// Production never falls back on a development default: each is named when missing.
    pub(crate) fn check_production(&self) -> Result<(), ConfigError> {
        if self.environment != Environment::Production {
            return Ok(());
        }
        if self.session_secret.is_none() {
            return Err(ConfigError::Missing {
                setting: "CIVIC_SESSION_SECRET",
                reason: "the secret that signs session cookies, the same on every instance",
            });
        }
        if self.database_url.is_none() {
            return Err(ConfigError::Missing {
                setting: "CIVIC_DATABASE_URL",
                reason: "the database for sessions, submissions and the email outbox",
            });
        }
        if self.webhook_url.is_some() && self.webhook_secret.is_none() {
            return Err(ConfigError::Missing {
                setting: "CIVIC_WEBHOOK_SECRET",
                reason: "the secret that signs submissions posted to CIVIC_WEBHOOK_URL",
            });
        }
        if let Some(url) = &self.webhook_url
            && url.scheme() != "https"
            && !url.host_str().is_some_and(is_loopback)
        {
            return Err(ConfigError::Invalid {
                setting: "CIVIC_WEBHOOK_URL",
                reason: format!(
                    "must be https in production (http only to this machine), not `{url}`"
                ),
            });
        }
        if self.addresses.is_none() {
            return Err(ConfigError::Missing {
                setting: "CIVIC_ADDRESS_INDEX",
                reason: "the gazetteer for address lookups: an index made by `civic address \
                         import` (or set CIVIC_OS_PLACES_KEY for the OS Places API)",
            });
        }
        match (&self.smtp, &self.notify_api) {
            (Some(_), Some(_)) => Err(ConfigError::Invalid {
                setting: "CIVIC_SMTP_HOST",
                reason: "and CIVIC_NOTIFY_API_KEY cannot both be set: choose how messages are sent"
                    .to_owned(),
            }),
            (None, Some(_)) => Ok(()),
            (None, None) => Err(ConfigError::Missing {
                setting: "CIVIC_SMTP_HOST",
                reason: "the SMTP relay that sends email (or set CIVIC_NOTIFY_API_KEY for \
                         GOV.UK Notify; the development mailbox is off)",
            }),
            // Plain SMTP crosses no network only when the relay is on this machine.
            (Some(smtp), None)
                if smtp.security == SmtpSecurity::None && !is_loopback(&smtp.host) =>
            {
                Err(ConfigError::Invalid {
                    setting: "CIVIC_SMTP_SECURITY",
                    reason: format!(
                        "may be `none` in production only for a relay on this machine (127.0.0.1, ::1 or localhost), not `{}`",
                        smtp.host
                    ),
                })
            }
            (Some(_), None) => Ok(()),
        }
    }

    fn apply_file(&mut self, path: &Path) -> Result<(), ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_owned(),
            source,
        })?;
        let file: FileSettings = toml::from_str(&text).map_err(|e| ConfigError::File {
            path: path.to_owned(),
            message: e.message().to_owned(),
        })?;
        if let Some(environment) = file.environment {
            self.environment = environment;
        }
        if let Some(addr) = file.addr {
            self.addr = addr;
        }
        if let Some(data_dir) = file.data_dir {
            self.data_dir = data_dir;
        }
        if let Some(name) = file.council_name {
            self.council_name = name;
        }
        Ok(())
    }

    /// Whether development defaults (sandbox payments, development mailbox) may be used.
    pub fn development_defaults(&self) -> bool {
        self.environment == Environment::Development
    }
}

fn smtp_security(value: &str) -> Result<SmtpSecurity, ConfigError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "starttls" => Ok(SmtpSecurity::StartTls),
        "tls" => Ok(SmtpSecurity::Tls),
        "none" => Ok(SmtpSecurity::None),
        other => Err(ConfigError::Invalid {
            setting: "CIVIC_SMTP_SECURITY",
            reason: format!("must be `starttls`, `tls` or `none`, not `{other}`"),
        }),
    }
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn lookup(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn embedded_defaults_need_no_settings() {
        let config = Config::from_lookup(lookup(&[])).unwrap();
        assert_eq!(config, Config::default());
        assert_eq!(config.addr.to_string(), "127.0.0.1:3000");
        assert!(config.development_defaults());
    }

    #[test]
    fn environment_overrides_defaults() {
        let config = Config::from_lookup(lookup(&[
            ("CIVIC_ADDR", "127.0.0.1:4000"),
            ("CIVIC_DATA_DIR", "/tmp/civic"),
            ("CIVIC_ENV", "production"),
            ("CIVIC_SESSION_SECRET", "0123456789abcdef0123456789abcdef"),
            ("CIVIC_DATABASE_URL", "postgres://civic@db/civic"),
            ("CIVIC_ADDRESS_INDEX", "/srv/civic/addresses.idx"),
            ("CIVIC_SMTP_HOST", "smtp.example"),
        ]))
        .unwrap();
        assert_eq!(config.addr.port(), 4000);
        assert_eq!(config.data_dir, PathBuf::from("/tmp/civic"));
        assert!(!config.development_defaults());
        assert_eq!(config.smtp.unwrap().port, 587);
        assert!(!format!("{:?}", config.session_secret).contains("0123"));
    }

    #[test]
    fn production_names_each_missing_setting() {
        let mut given = vec![("CIVIC_ENV", "production")];
        for (setting, value) in [
            ("CIVIC_SESSION_SECRET", "0123456789abcdef0123456789abcdef"),
            ("CIVIC_DATABASE_URL", "postgres://civic@db/civic"),
            ("CIVIC_ADDRESS_INDEX", "/srv/civic/addresses.idx"),
            ("CIVIC_SMTP_HOST", "smtp.example"),
        ] {
            let error = Config::from_lookup(lookup(&given)).unwrap_err().to_string();
            assert!(
                error.starts_with(&format!(
                    "{setting} must be set when CIVIC_ENV is production"
                )),
                "{error}"
            );
            given.push((setting, value));
        }
        assert!(Config::from_lookup(lookup(&given)).is_ok());
        let short = Config::from_lookup(lookup(&[("CIVIC_SESSION_SECRET", "short")]));
        assert!(
            short
                .unwrap_err()
                .to_string()
                .contains("at least 32 characters")
        );
        let half = Config::from_lookup(lookup(&[
            ("CIVIC_SMTP_HOST", "smtp.example"),
            ("CIVIC_SMTP_USER", "civic"),
        ]));
        assert!(half.unwrap_err().to_string().contains("set together"));
    }

    #[test]
    fn plain_smtp_in_production_only_on_this_machine() {
        let production = |host: &'static str| {
            Config::from_lookup(lookup(&[
                ("CIVIC_ENV", "production"),
                ("CIVIC_SESSION_SECRET", "0123456789abcdef0123456789abcdef"),
                ("CIVIC_DATABASE_URL", "postgres://civic@db/civic"),
                ("CIVIC_OS_PLACES_KEY", "os-data-hub-key"),
                ("CIVIC_SMTP_HOST", host),
                ("CIVIC_SMTP_SECURITY", "none"),
            ]))
        };
        for host in ["127.0.0.1", "::1", "[::1]", "localhost"] {
            let smtp = production(host).unwrap().smtp.unwrap();
            assert_eq!(smtp.security, SmtpSecurity::None, "{host}");
        }
        let error = production("smtp.example").unwrap_err().to_string();
        assert!(error.starts_with("CIVIC_SMTP_SECURITY "), "{error}");
        assert!(error.contains("smtp.example"), "{error}");
        let development = Config::from_lookup(lookup(&[
            ("CIVIC_SMTP_HOST", "smtp.example"),
            ("CIVIC_SMTP_SECURITY", "none"),
        ]));
        assert_eq!(
            development.unwrap().smtp.unwrap().security,
            SmtpSecurity::None
        );
        let typo = Config::from_lookup(lookup(&[
            ("CIVIC_SMTP_HOST", "smtp.example"),
            ("CIVIC_SMTP_SECURITY", "ssl"),
        ]));
        assert!(
            typo.unwrap_err()
                .to_string()
                .starts_with("CIVIC_SMTP_SECURITY ")
        );
    }

    #[test]
    fn a_webhook_in_production_needs_its_secret_and_https() {
        let secret = "w".repeat(32);
        let session = "s".repeat(32);
        let production = [
            ("CIVIC_ENV", "production"),
            ("CIVIC_SESSION_SECRET", session.as_str()),
            ("CIVIC_DATABASE_URL", "postgres://db/civic"),
            ("CIVIC_ADDRESS_INDEX", "/srv/civic/addresses.idx"),
            ("CIVIC_SMTP_HOST", "smtp.example.org"),
        ];
        let with = |extra: &[(&'static str, &'static str)]| {
            let mut pairs = production.to_vec();
            pairs.extend_from_slice(extra);
            let pairs: Vec<(&str, &str)> = pairs;
            Config::from_lookup(lookup(&pairs))
        };
        let missing =
            with(&[("CIVIC_WEBHOOK_URL", "https://hooks.example.org/civic")]).unwrap_err();
        assert!(
            missing
                .to_string()
                .starts_with("CIVIC_WEBHOOK_SECRET must be set"),
            "{missing}"
        );
        let secret: &'static str = Box::leak(secret.into_boxed_str());
        let plain = with(&[
            ("CIVIC_WEBHOOK_URL", "http://hooks.example.org/civic"),
            ("CIVIC_WEBHOOK_SECRET", secret),
        ])
        .unwrap_err();
        assert!(
            plain.to_string().contains("must be https in production"),
            "{plain}"
        );
        let good = with(&[
            ("CIVIC_WEBHOOK_URL", "https://hooks.example.org/civic"),
            ("CIVIC_WEBHOOK_SECRET", secret),
        ])
        .unwrap();
        assert_eq!(
            good.webhook_url.unwrap().as_str(),
            "https://hooks.example.org/civic"
        );
        assert!(with(&[]).unwrap().webhook_url.is_none());
        let short = Config::from_lookup(lookup(&[("CIVIC_WEBHOOK_SECRET", "short")])).unwrap_err();
        assert!(
            short.to_string().contains("at least 32 characters"),
            "{short}"
        );
        let bad = Config::from_lookup(lookup(&[("CIVIC_WEBHOOK_URL", "ftp://x")])).unwrap_err();
        assert!(
            bad.to_string()
                .starts_with("CIVIC_WEBHOOK_URL must be a URL"),
            "{bad}"
        );
    }

    #[test]
    fn production_sends_through_smtp_or_notify_and_looks_addresses_up_in_one_gazetteer() {
        const KEY: &str =
            "live-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0";
        let base = [
            ("CIVIC_ENV", "production"),
            ("CIVIC_SESSION_SECRET", "0123456789abcdef0123456789abcdef"),
            ("CIVIC_DATABASE_URL", "postgres://civic@db/civic"),
        ];
        let with = |extra: &[(&'static str, &'static str)]| {
            let mut pairs = base.to_vec();
            pairs.extend_from_slice(extra);
            Config::from_lookup(lookup(&pairs))
        };
        let notify = [
            ("CIVIC_OS_PLACES_KEY", "os-data-hub-key"),
            ("CIVIC_NOTIFY_API_KEY", KEY),
            (
                "CIVIC_NOTIFY_EMAIL_TEMPLATE_ID",
                "f33517ff-2a88-4f6e-b855-c550268ce08a",
            ),
            (
                "CIVIC_NOTIFY_SMS_TEMPLATE_ID",
                "289d6a5d-4f79-4c89-8f66-4a4d0e0b6a36",
            ),
        ];
        let config = with(&notify).unwrap();
        let api = config.notify_api.unwrap();
        assert_eq!(api.base_url, civic_notify::transport::NOTIFY_API_URL);
        assert!(
            !format!("{api:?}").contains("3d844edf"),
            "the key reached Debug"
        );
        assert_eq!(
            config.addresses,
            Some(AddressSource::OsPlaces(Secret(
                "os-data-hub-key".to_owned()
            )))
        );

        let no_template = with(&notify[..3]).unwrap_err().to_string();
        assert!(
            no_template.starts_with("CIVIC_NOTIFY_SMS_TEMPLATE_ID must be set with"),
            "{no_template}"
        );
        let bad_key = with(&[("CIVIC_NOTIFY_API_KEY", "not-a-key")])
            .unwrap_err()
            .to_string();
        assert!(
            bad_key.starts_with("CIVIC_NOTIFY_API_KEY is not a GOV.UK Notify API key"),
            "{bad_key}"
        );
        let mut both = notify.to_vec();
        both.push(("CIVIC_SMTP_HOST", "smtp.example"));
        let both = with(&both).unwrap_err().to_string();
        assert!(both.contains("cannot both be set"), "{both}");
        let two_gazetteers = with(&[
            ("CIVIC_OS_PLACES_KEY", "k"),
            ("CIVIC_ADDRESS_INDEX", "/srv/a.idx"),
        ])
        .unwrap_err()
        .to_string();
        assert!(
            two_gazetteers.contains("choose one gazetteer"),
            "{two_gazetteers}"
        );
        let no_gazetteer = with(&[("CIVIC_SMTP_HOST", "smtp.example")])
            .unwrap_err()
            .to_string();
        assert!(
            no_gazetteer
                .starts_with("CIVIC_ADDRESS_INDEX must be set when CIVIC_ENV is production"),
            "{no_gazetteer}"
        );
    }

    #[test]
    fn sessions_are_relaxed_unless_full_is_asked_for() {
        let config = Config::from_lookup(lookup(&[])).unwrap();
        assert_eq!(config.session_durability, SessionDurability::Relaxed);
        let config = Config::from_lookup(lookup(&[("CIVIC_SESSION_DURABILITY", "full")])).unwrap();
        assert_eq!(config.session_durability, SessionDurability::Full);
        let error = Config::from_lookup(lookup(&[("CIVIC_SESSION_DURABILITY", "off")]));
        assert!(
            error
                .unwrap_err()
                .to_string()
                .contains("CIVIC_SESSION_DURABILITY")
        );
    }

    #[test]
    fn outbox_sends_are_one_at_a_time_unless_set() {
        assert_eq!(Config::from_lookup(lookup(&[])).unwrap().outbox_sends, 1);
        let config = Config::from_lookup(lookup(&[("CIVIC_OUTBOX_SENDS", "8")])).unwrap();
        assert_eq!(config.outbox_sends, 8);
        for bad in ["0", "65", "many"] {
            let error = Config::from_lookup(lookup(&[("CIVIC_OUTBOX_SENDS", bad)]));
            assert!(
                error
                    .unwrap_err()
                    .to_string()
                    .contains("CIVIC_OUTBOX_SENDS")
            );
        }
    }

    #[test]
    fn outbox_lease_is_whole_seconds() {
        let config = Config::from_lookup(lookup(&[("CIVIC_OUTBOX_LEASE_SECONDS", "3")])).unwrap();
        assert_eq!(config.outbox_lease, Duration::from_secs(3));
        for bad in ["0", "-1", "3s"] {
            let error = Config::from_lookup(lookup(&[("CIVIC_OUTBOX_LEASE_SECONDS", bad)]));
            assert!(error.is_err(), "{bad}");
        }
    }

    #[test]
    fn file_then_environment() {
        let dir = std::env::temp_dir().join(format!("civic-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("civic.toml");
        std::fs::write(
            &path,
            "council_name = \"Test Council\"\naddr = \"127.0.0.1:5000\"\n",
        )
        .unwrap();
        let path_text = path.to_string_lossy().into_owned();
        let config = Config::from_lookup(lookup(&[
            ("CIVIC_CONFIG", path_text.as_str()),
            ("CIVIC_ADDR", "127.0.0.1:6000"),
        ]))
        .unwrap();
        assert_eq!(config.council_name, "Test Council");
        assert_eq!(config.addr.port(), 6000);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn bad_values_name_their_setting() {
        let error = Config::from_lookup(lookup(&[("CIVIC_ADDR", "localhost")])).unwrap_err();
        assert!(error.to_string().starts_with("CIVIC_ADDR "), "{error}");
        let error = Config::from_lookup(lookup(&[("CIVIC_ENV", "staging")])).unwrap_err();
        assert!(error.to_string().starts_with("CIVIC_ENV "), "{error}");
    }

    #[test]
    fn unknown_file_keys_are_refused() {
        let dir = std::env::temp_dir().join(format!("civic-config-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("civic.toml");
        std::fs::write(&path, "councl_name = \"typo\"\n").unwrap();
        let path_text = path.to_string_lossy().into_owned();
        let error =
            Config::from_lookup(lookup(&[("CIVIC_CONFIG", path_text.as_str())])).unwrap_err();
        assert!(error.to_string().contains("councl_name"), "{error}");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
