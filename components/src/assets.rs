//! The stylesheet and script every page needs, under content-hashed names.
//!
//! `components/build-assets` (run by `cargo xtask` setup) compiles GOV.UK Frontend's Sass into
//! `civic.css` and copies `govuk-frontend.min.js` into `components/assets/dist/`. [`Assets::load`]
//! reads them once at start-up and names each after a hash of its content
//! (`civic-3f9a0c12d4.css`), so they can be cached for a year: a new build gets new names.
//! The page template asks [`Assets`] for the names; the `axum` feature serves them.
//!
//! The script is started by a generated module (`init-<hash>.mjs`) that imports `initAll` from
//! the hashed script, and starts civic's own `timeout-warning.mjs` (the session timeout
//! warning dialog, for pages that carry one) and `autocomplete.mjs` (which enhances each
//! long list's select, `data-module="civic-autocomplete"`, with alphagov's
//! `accessible-autocomplete.min.js`, also copied into `dist/`), so the only inline script on a
//! page is upstream's one-line `js-enabled` marker.
//!
//! ```no_run
//! use civic_components::assets::Assets;
//!
//! let assets = Assets::load(Assets::default_dir(), "/assets")?;
//! assert!(assets.stylesheet_url().is_some_and(|url| url.starts_with("/assets/civic-")));
//! # Ok::<(), civic_components::assets::AssetsError>(())
//! ```

use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// `Cache-Control` for a content-hashed file: its name changes whenever its content does.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// One file to serve.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asset {
    /// Its `Content-Type`.
    pub content_type: &'static str,
    /// Its content.
    pub bytes: Arc<[u8]>,
}

/// Why the assets could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AssetsError {
    /// A built file is missing or unreadable.
    #[error(
        "cannot read {path}: {source}. Build the assets first: run components/build-assets (cargo xtask setup runs it)"
    )]
    Read {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
}

/// The content-hashed stylesheet, script and any files a council adds. See the
/// [module documentation](self).
#[derive(Clone, Debug)]
pub struct Assets {
    base: String,
    /// Hashed file name to file.
    files: HashMap<String, Asset>,
    /// Logical name (`civic.css`) to URL (`/assets/civic-<hash>.css`).
    urls: HashMap<String, String>,
}

impl Assets {
    /// Where `components/build-assets` writes: `components/assets/dist` in this crate's source.
    pub fn default_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/dist")
    }

    /// No files: pages link no stylesheet or script and render unstyled. For tools and tests
    /// that need only the markup, and for a service whose assets are not built yet.
    pub fn empty(base_path: &str) -> Assets {
        Assets {
            base: base_path.trim_end_matches('/').to_owned(),
            files: HashMap::new(),
            urls: HashMap::new(),
        }
    }

    /// Reads `civic.css` and `govuk-frontend.min.js` from `dir`, to be served under
    /// `base_path` (`/assets`), with civic's own `timeout-warning.mjs` (compiled in), and,
    /// when `dir` has `accessible-autocomplete.min.js`, it and civic's `autocomplete.mjs`.
    pub fn load(dir: impl AsRef<Path>, base_path: &str) -> Result<Assets, AssetsError> {
        let dir = dir.as_ref();
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read(&path).map_err(|source| AssetsError::Read { path, source })
        };
        let mut assets = Assets::empty(base_path);
        assets.add("civic.css", "text/css; charset=utf-8", read("civic.css")?);
        let script = assets
            .add(
                "govuk-frontend.min.js",
                "text/javascript; charset=utf-8",
                read("govuk-frontend.min.js")?,
            )
            .to_owned();
        let timeout = assets
            .add(
                "timeout-warning.mjs",
                "text/javascript; charset=utf-8",
                // Compiled in rather than built: it is civic's own source, needs no build
                // step, and a `dist/` built before it existed keeps loading.
                include_str!("../assets/timeout-warning.mjs"),
            )
            .to_owned();
        // Relative imports keep working wherever the router is mounted.
        let file = |url: &str| url.rsplit('/').next().unwrap_or_default().to_owned();
        let mut init = format!(
            "import {{ initAll }} from './{}'\nimport {{ initTimeoutWarnings }} from './{}'\n",
            file(&script),
            file(&timeout)
        );
        // Optional, so a `dist/` built before the autocomplete existed keeps loading: its long
        // lists stay plain selects, which work.
        let library = std::fs::read(dir.join("accessible-autocomplete.min.js")).ok();
        let autocomplete = library.map(|library| {
            // The library is a UMD script: imported for its effect, it sets
            // `self.accessibleAutocomplete`.
            let library = assets
                .add(
                    "accessible-autocomplete.min.js",
                    "text/javascript; charset=utf-8",
                    library,
                )
                .to_owned();
            let module = assets
                .add(
                    "autocomplete.mjs",
                    "text/javascript; charset=utf-8",
                    include_str!("../assets/autocomplete.mjs"),
                )
                .to_owned();
            (library, module)
        });
        if let Some((library, module)) = &autocomplete {
            init.push_str(&format!(
                "import './{}'\nimport {{ initAutocompletes }} from './{}'\n",
                file(library),
                file(module)
            ));
        }
        init.push_str("initAll()\ninitTimeoutWarnings()\n");
        if autocomplete.is_some() {
            init.push_str("initAutocompletes(self.accessibleAutocomplete)\n");
        }
        assets.add("init.mjs", "text/javascript; charset=utf-8", init);
        Ok(assets)
    }

    /// Adds a file (a council's logo or favicon, say) under a hashed name and returns its URL.
    pub fn add(
        &mut self,
        name: &str,
        content_type: &'static str,
        bytes: impl Into<Vec<u8>>,
    ) -> &str {
        let bytes: Vec<u8> = bytes.into();
        let hash = hex::encode(&Sha256::digest(&bytes)[..5]);
        let hashed = match name.split_once('.') {
            Some((stem, ext)) => format!("{stem}-{hash}.{ext}"),
            None => format!("{name}-{hash}"),
        };
        let url = format!("{}/{hashed}", self.base);
        self.files.insert(
            hashed,
            Asset {
                content_type,
                bytes: bytes.into(),
            },
        );
        self.urls.insert(name.to_owned(), url);
        self.urls.get(name).map_or("", String::as_str)
    }

    /// The URL of a file by the name it was added under (`civic.css`), if there is one.
    pub fn url(&self, name: &str) -> Option<&str> {
        self.urls.get(name).map(String::as_str)
    }

    /// The stylesheet's URL (`None` for [`Assets::empty`]).
    pub fn stylesheet_url(&self) -> Option<&str> {
        self.url("civic.css")
    }

    /// The URL of the module that starts GOV.UK Frontend's JavaScript with `initAll` (`None`
    /// for [`Assets::empty`]).
    pub fn init_script_url(&self) -> Option<&str> {
        self.url("init.mjs")
    }

    /// The file served under `file_name` (the hashed name, without the base path).
    pub fn get(&self, file_name: &str) -> Option<&Asset> {
        self.files.get(file_name)
    }

    /// Every file by its hashed name (without the base path), to write them out as files.
    pub fn files(&self) -> impl Iterator<Item = (&str, &Asset)> {
        self.files
            .iter()
            .map(|(name, asset)| (name.as_str(), asset))
    }

    /// The path the files are served under, without a trailing `/`.
    pub fn base_path(&self) -> &str {
        &self.base
    }

    /// A router serving every file under the base path, with [`IMMUTABLE`] caching; unknown
    /// names get `404 Not Found`.
    #[cfg(feature = "axum")]
    pub fn router<S>(self: Arc<Self>) -> axum::Router<S>
    where
        S: Clone + Send + Sync + 'static,
    {
        use axum::extract::{Path as UrlPath, State};
        use axum::http::{StatusCode, header};
        use axum::response::{IntoResponse, Response};

        async fn serve(
            State(assets): State<Arc<Assets>>,
            UrlPath(file): UrlPath<String>,
        ) -> Response {
            match assets.get(&file) {
                Some(asset) => (
                    [
                        (header::CONTENT_TYPE, asset.content_type),
                        (header::CACHE_CONTROL, IMMUTABLE),
                        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
                    ],
                    axum::body::Bytes::from_owner(Arc::clone(&asset.bytes)),
                )
                    .into_response(),
                None => StatusCode::NOT_FOUND.into_response(),
            }
        }

        let route = format!("{}/{{file}}", self.base);
        axum::Router::new()
            .route(&route, axum::routing::get(serve))
            .with_state(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built(dir: &Path) -> Assets {
        std::fs::write(dir.join("civic.css"), "body{color:red}").unwrap();
        std::fs::write(
            dir.join("govuk-frontend.min.js"),
            "export function initAll(){}",
        )
        .unwrap();
        Assets::load(dir, "/assets/").unwrap()
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("civic-assets-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn names_follow_the_content() {
        let dir = temp_dir("names");
        let assets = built(&dir);
        let css = assets.stylesheet_url().unwrap().to_owned();
        assert!(
            css.starts_with("/assets/civic-") && css.ends_with(".css"),
            "{css}"
        );
        let file = css.trim_start_matches("/assets/");
        assert_eq!(&*assets.get(file).unwrap().bytes, b"body{color:red}");

        std::fs::write(dir.join("civic.css"), "body{color:blue}").unwrap();
        let rebuilt = Assets::load(&dir, "/assets").unwrap();
        assert_ne!(rebuilt.stylesheet_url().unwrap(), css);
    }

    /// The text of the init module `assets` serve.
    fn init_module(assets: &Assets) -> String {
        let init = assets
            .init_script_url()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap();
        std::str::from_utf8(&assets.get(init).unwrap().bytes)
            .unwrap()
            .to_owned()
    }

    #[test]
    fn init_module_imports_the_hashed_script() {
        let assets = built(&temp_dir("init"));
        let script = assets.url("govuk-frontend.min.js").unwrap();
        let script_file = script.rsplit('/').next().unwrap();
        let init = init_module(&assets);
        assert!(init.contains(&format!("from './{script_file}'")), "{init}");
        assert!(init.contains("initAll()"));
        let timeout = assets.url("timeout-warning.mjs").unwrap();
        let timeout_file = timeout.rsplit('/').next().unwrap();
        assert!(init.contains(&format!("from './{timeout_file}'")), "{init}");
        assert!(init.contains("initTimeoutWarnings()"), "{init}");
        // Built without the autocomplete library: long lists stay plain selects.
        assert!(!init.contains("initAutocompletes"), "{init}");
    }

    #[test]
    fn init_module_starts_the_autocomplete_when_built() {
        let dir = temp_dir("autocomplete");
        built(&dir);
        std::fs::write(
            dir.join("accessible-autocomplete.min.js"),
            "self.accessibleAutocomplete = {}",
        )
        .unwrap();
        let assets = Assets::load(&dir, "/assets").unwrap();
        let init = init_module(&assets);
        let library = assets.url("accessible-autocomplete.min.js").unwrap();
        let module = assets.url("autocomplete.mjs").unwrap();
        for url in [library, module] {
            let file = url.rsplit('/').next().unwrap();
            assert!(init.contains(&format!("'./{file}'")), "{init}");
        }
        assert!(
            init.ends_with("initAutocompletes(self.accessibleAutocomplete)\n"),
            "{init}"
        );
    }

    #[test]
    fn empty_assets_link_nothing() {
        let assets = Assets::empty("/assets");
        assert_eq!(assets.stylesheet_url(), None);
        assert_eq!(assets.init_script_url(), None);
    }

    #[test]
    fn missing_build_says_how_to_build() {
        let error = Assets::load(temp_dir("missing").join("nothing-here"), "/assets").unwrap_err();
        assert!(
            error.to_string().contains("components/build-assets"),
            "{error}"
        );
    }
}
