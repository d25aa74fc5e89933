//! The component gallery: every upstream fixture rendered as a page of its own, inside the
//! page template under a council's brand, with an index and the assets, so the whole set can
//! be looked at (and checked by axe-core and the Nu HTML Checker) as a resident would meet it.
//!
//! Fixtures are read from an installed govuk-frontend package (`node_modules/govuk-frontend`);
//! they are never copied into this crate. `civic components gallery --out DIR` writes one.
//!
//! ```no_run
//! use civic_components::brand::{Brand, BrandColour};
//! use civic_components::gallery::Gallery;
//!
//! let brand = Brand::new("Kestrel Vale Borough Council", BrandColour::parse("#005a4e")?);
//! let written = Gallery::new("node_modules/govuk-frontend", brand).write("gallery")?;
//! println!("{} pages", written.pages);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The gallery is a tool for the people building a service, not a page residents see, so its
//! few words of its own are in English only.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use maud::{Markup, PreEscaped};
use serde::Deserialize;

use crate::ParamsError;
use crate::assets::{Assets, AssetsError};
use crate::brand::Brand;
use crate::escape::escape_into;
use crate::i18n::Language;
use crate::registry::{COMPONENTS, render_json};
use crate::template::Page;

/// Why a gallery could not be written; each message names the file or fixture.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GalleryError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A `fixtures.json` is not what govuk-frontend publishes.
    #[error("{path}: not a govuk-frontend fixtures file: {source}")]
    Fixtures {
        /// The file.
        path: PathBuf,
        /// What the JSON parser said.
        source: serde_json::Error,
    },
    /// A fixture's options did not render.
    #[error("{component} fixture {fixture:?}: {source}")]
    Render {
        /// The component's upstream folder name.
        component: String,
        /// The fixture's name.
        fixture: String,
        /// Why.
        source: ParamsError,
    },
    /// The stylesheet and script are not built.
    #[error(transparent)]
    Assets(#[from] AssetsError),
}

/// One upstream example of a component: its options and how the review app shows it.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Fixture {
    /// Its name, e.g. `with hint text`.
    pub name: String,
    /// The options object the component's macro is called with.
    pub options: serde_json::Value,
    /// Whether upstream keeps it out of its review app (a test-only edge case).
    #[serde(default)]
    pub hidden: bool,
    /// Upstream's description of it, often empty.
    #[serde(default)]
    pub description: String,
    /// Options upstream's review app passes to its page template for it.
    #[serde(default)]
    pub page_template_options: PageTemplateOptions,
}

/// The page template options a fixture asks for (only `bodyClasses` is used upstream).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PageTemplateOptions {
    /// Classes for `<body>`, e.g. `app-template__body--inverse` for components shown on the
    /// brand colour.
    pub body_classes: Option<String>,
}

#[derive(Deserialize)]
struct FixturesFile {
    fixtures: Vec<Fixture>,
}

/// The fixtures of `component` in the installed govuk-frontend package at `upstream`.
pub fn fixtures(upstream: &Path, component: &str) -> Result<Vec<Fixture>, GalleryError> {
    let path = upstream
        .join("dist/govuk/components")
        .join(component)
        .join("fixtures.json");
    let text = std::fs::read_to_string(&path).map_err(|source| GalleryError::Io {
        path: path.clone(),
        source,
    })?;
    serde_json::from_str::<FixturesFile>(&text)
        .map(|file| file.fixtures)
        .map_err(|source| GalleryError::Fixtures { path, source })
}

/// A fixture's file name without `.html`: `with hint text` becomes `with-hint-text`.
pub fn slug(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        slug.push_str("fixture");
    }
    slug
}

/// What [`Gallery::write`] wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Written {
    /// Components with at least one page.
    pub components: usize,
    /// Fixture pages, not counting the index.
    pub pages: usize,
    /// Asset files (stylesheet, scripts, images).
    pub assets: usize,
}

/// A gallery to write. See the [module documentation](self).
#[derive(Clone, Debug)]
pub struct Gallery {
    upstream: PathBuf,
    assets_dir: PathBuf,
    brand: Brand,
}

/// Styles only the gallery needs: upstream's review app shows `inverse` fixtures on the brand
/// colour, without which their white text would be unreadable.
const GALLERY_CSS: &str = ".app-template__body--inverse .govuk-main-wrapper{background-color:var(--govuk-brand-colour);padding-left:15px;padding-right:15px}";

impl Gallery {
    /// A gallery of the fixtures in the govuk-frontend package at `upstream`, under `brand`,
    /// with the assets built into [`Assets::default_dir`].
    pub fn new(upstream: impl Into<PathBuf>, brand: Brand) -> Gallery {
        Gallery {
            upstream: upstream.into(),
            assets_dir: Assets::default_dir(),
            brand,
        }
    }

    /// Takes the built `civic.css` and `govuk-frontend.min.js` from `dir` instead.
    pub fn assets_dir(mut self, dir: impl Into<PathBuf>) -> Gallery {
        self.assets_dir = dir.into();
        self
    }

    /// One fixture of `component` on a page of its own, linking assets through `assets`.
    pub fn page(
        &self,
        assets: &Assets,
        component: &str,
        fixture: &Fixture,
    ) -> Result<Markup, ParamsError> {
        let example = render_json(component, fixture.options.clone())?;
        let content = example_content(&heading(component, &fixture.name), &example);
        let mut page = Page::new(
            &self.brand,
            assets,
            format!(
                "{} – {}",
                heading(component, &fixture.name),
                self.brand.name
            ),
        )
        .language(Language::English)
        .head(PreEscaped(format!("<style>{GALLERY_CSS}</style>")))
        .header(self.header()?)
        .footer(self.brand.footer(Language::English))
        .content(content);
        if let Some(classes) = &fixture.page_template_options.body_classes {
            page = page.body_classes(classes.clone());
        }
        Ok(page.render())
    }

    fn header(&self) -> Result<Markup, ParamsError> {
        render_json("generic-header", self.brand.header_options())
    }

    /// The index: every component's fixtures, linked, hidden ones marked.
    pub fn index(
        &self,
        assets: &Assets,
        listed: &[(&str, Vec<Fixture>)],
    ) -> Result<Markup, ParamsError> {
        let mut content = String::from(
            "<h1 class=\"govuk-heading-xl\">Component gallery</h1>\
             <p class=\"govuk-body\">Every example govuk-frontend publishes for its components, \
             rendered by civic-components. Examples marked \u{201c}test case\u{201d} are hidden \
             from upstream\u{2019}s own review app.</p>",
        );
        for (component, fixtures) in listed {
            let _ = write!(
                content,
                "<h2 class=\"govuk-heading-m\" id=\"{component}\">{component}</h2><ul class=\"govuk-list\">"
            );
            for fixture in fixtures {
                let _ = write!(
                    content,
                    "<li><a class=\"govuk-link\" href=\"{component}/{}.html\">",
                    slug(&fixture.name)
                );
                escape_into(&mut content, &fixture.name);
                content.push_str("</a>");
                if fixture.hidden {
                    content.push_str(" (test case)");
                }
                content.push_str("</li>");
            }
            content.push_str("</ul>");
        }
        Ok(Page::new(
            &self.brand,
            assets,
            format!("Component gallery – {}", self.brand.name),
        )
        .header(self.header()?)
        .footer(self.brand.footer(Language::English))
        .content(PreEscaped(content))
        .render())
    }

    /// Writes `index.html`, `<component>/<fixture-slug>.html` for every fixture (hidden ones
    /// too) and `assets/` into `out`.
    pub fn write(&self, out: impl AsRef<Path>) -> Result<Written, GalleryError> {
        let out = out.as_ref();
        let mut written = Written::default();
        // Pages sit one folder down from the index; relative links let it open from disk.
        let page_assets = Assets::load(&self.assets_dir, "../assets")?;
        let index_assets = Assets::load(&self.assets_dir, "assets")?;
        for (name, asset) in page_assets.files() {
            write_file(&out.join("assets").join(name), &asset.bytes)?;
            written.assets += 1;
        }
        written.assets += copy_images(&self.upstream, &out.join("assets/images"))?;

        let mut listed = Vec::new();
        for &component in COMPONENTS {
            let fixtures = fixtures(&self.upstream, component)?;
            if fixtures.is_empty() {
                continue;
            }
            let dir = out.join(component);
            for fixture in &fixtures {
                let html = self
                    .page(&page_assets, component, fixture)
                    .map_err(|source| GalleryError::Render {
                        component: component.to_owned(),
                        fixture: fixture.name.clone(),
                        source,
                    })?;
                let path = dir.join(format!("{}.html", slug(&fixture.name)));
                write_file(&path, html.0.as_bytes())?;
                written.pages += 1;
            }
            written.components += 1;
            listed.push((component, fixtures));
        }
        let index = self
            .index(&index_assets, &listed)
            .map_err(|source| GalleryError::Render {
                component: "generic-header".to_owned(),
                fixture: "index".to_owned(),
                source,
            })?;
        write_file(&out.join("index.html"), index.0.as_bytes())?;
        Ok(written)
    }
}

/// The content of a page that shows one example: a visually hidden main heading naming it
/// (unless the example brings its own `h1`, as a page heading does), a hidden "Example"
/// heading, then the example. Used by the gallery and the guide's previews.
///
/// The example sits under a second-level heading, as it would on a real page, so an example's
/// `h3` (upstream's custom heading levels) does not skip a level.
pub fn example_content(title: &str, example: &Markup) -> Markup {
    let mut content = String::with_capacity(example.0.len() + 160);
    if !example.0.contains("<h1") {
        content.push_str("<h1 class=\"govuk-visually-hidden\">");
        escape_into(&mut content, title);
        content.push_str("</h1><h2 class=\"govuk-visually-hidden\">Example</h2>");
    }
    content.push_str(&example.0);
    PreEscaped(content)
}

/// `date-input` and `with hint text` as "date-input: with hint text".
fn heading(component: &str, fixture: &str) -> String {
    format!("{component}: {fixture}")
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), GalleryError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| GalleryError::Io {
            path: dir.to_owned(),
            source,
        })?;
    }
    std::fs::write(path, bytes).map_err(|source| GalleryError::Io {
        path: path.to_owned(),
        source,
    })
}

/// Copies upstream's images (drawn by some upstream-only components' styles) when present.
fn copy_images(upstream: &Path, to: &Path) -> Result<usize, GalleryError> {
    let from = upstream.join("dist/govuk/assets/images");
    let Ok(entries) = std::fs::read_dir(&from) else {
        return Ok(0);
    };
    let mut copied = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_file() {
            let bytes = std::fs::read(&path).map_err(|source| GalleryError::Io {
                path: path.clone(),
                source,
            })?;
            write_file(&to.join(entry.file_name()), &bytes)?;
            copied += 1;
        }
    }
    Ok(copied)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_file_names() {
        assert_eq!(slug("with hint text"), "with-hint-text");
        assert_eq!(slug("inverse — focus state!"), "inverse-focus-state");
        assert_eq!(slug("  "), "fixture");
        assert_eq!(slug("Classes & attributes"), "classes-attributes");
    }

    #[test]
    fn examples_get_a_main_heading_unless_they_bring_one() {
        let plain = example_content("tag: <default>", &PreEscaped("<strong>x</strong>".into()));
        assert!(plain.0.starts_with(
            "<h1 class=\"govuk-visually-hidden\">tag: &lt;default&gt;</h1><h2 class=\"govuk-visually-hidden\">Example</h2>"
        ));
        let heading = example_content(
            "panel",
            &PreEscaped("<h1 class=\"govuk-panel__title\">Done</h1>".into()),
        );
        assert_eq!(heading.0, "<h1 class=\"govuk-panel__title\">Done</h1>");
    }
}
