//! The demo's configuration: embedded defaults, then an optional TOML file named by
//! `CIVIC_CONFIG`, then environment variables, each overriding the one before.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

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
}

impl Default for Config {
    fn default() -> Self {
        Config {
            environment: Environment::Development,
            addr: SocketAddr::from(([127, 0, 0, 1], 3000)),
            data_dir: PathBuf::from("data"),
            council_name: "Kestrel Vale Borough Council".to_owned(),
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
        Ok(config)
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
        ]))
        .unwrap();
        assert_eq!(config.addr.port(), 4000);
        assert_eq!(config.data_dir, PathBuf::from("/tmp/civic"));
        assert!(!config.development_defaults());
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
