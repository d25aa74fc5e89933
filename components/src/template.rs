//! The page template: upstream's `template.njk`, under a council's brand.
//!
//! A [`Page`] has upstream's blocks (`head`, `header`, `beforeContent`, `main`/`content`,
//! `footer`, `bodyEnd`) as [`Markup`], the `lang` of the [`Language`] chosen for the request, the
//! skip link in that language, `theme-color`, and a CSP nonce for upstream's one inline script.
//! What upstream fills in by default is GOV.UK's and never served here: the title
//! "GOV.UK - The best place to find government services and information" (a page must have its
//! own), the crown header, the crown favicons and app manifest (the [`Brand`]'s favicon instead).
//! The council's generic header and its footer ([`Brand::footer`]) are passed in as the header
//! and footer blocks.
//!
//! ```no_run
//! use civic_components::assets::Assets;
//! use civic_components::brand::{Brand, BrandColour};
//! use civic_components::i18n::Language;
//! use civic_components::template::Page;
//! use maud::html;
//!
//! let assets = Assets::load(Assets::default_dir(), "/assets")?;
//! let brand = Brand::new("Kestrel Vale Borough Council", BrandColour::parse("#005a4e")?);
//! let page = Page::new(&brand, &assets, "Report a pothole")
//!     .language(Language::Welsh)
//!     .csp_nonce("r4nd0m")
//!     .content(html! { h1 class="govuk-heading-l" { "Rhoi gwybod am dwll yn y ffordd" } })
//!     .render();
//! assert!(page.into_string().starts_with("<!DOCTYPE html><html lang=\"cy\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::assets::Assets;
use crate::attributes::Attributes;
use crate::brand::Brand;
use crate::element::open;
use crate::escape::escape_into;
use crate::i18n::{Language, Text};
use crate::skip_link::SkipLink;
use maud::{Markup, PreEscaped, Render};

/// Upstream's one inline script: marks the body so styles for JavaScript-enhanced components
/// apply before the modules run. Written exactly as upstream writes it, so a CSP hash of it
/// would match too.
const JS_ENABLED_SCRIPT: &str = "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');";

/// A full page. See the [module documentation](self).
#[derive(Clone, Debug)]
#[must_use = "a page does nothing until rendered"]
pub struct Page<'a> {
    brand: &'a Brand,
    assets: &'a Assets,
    language: Language,
    title: String,
    title_has_error: bool,
    title_lang: Option<String>,
    csp_nonce: Option<String>,
    theme_color: Option<String>,
    opengraph_image_url: Option<String>,
    html_classes: Option<String>,
    body_classes: Option<String>,
    header_classes: Option<String>,
    container_classes: Option<String>,
    main_classes: Option<String>,
    main_lang: Option<String>,
    footer_classes: Option<String>,
    body_attributes: Attributes,
    header_attributes: Attributes,
    container_attributes: Attributes,
    main_attributes: Attributes,
    footer_attributes: Attributes,
    skip_link: bool,
    head: Option<Markup>,
    body_start: Option<Markup>,
    header: Option<Markup>,
    before_content: Option<Markup>,
    main: Option<Markup>,
    content: Option<Markup>,
    footer: Option<Markup>,
    body_end: Option<Markup>,
}

impl<'a> Page<'a> {
    /// A page for `brand` with its own `title`, linking the stylesheet and script in `assets`.
    pub fn new(brand: &'a Brand, assets: &'a Assets, title: impl Into<String>) -> Page<'a> {
        Page {
            brand,
            assets,
            language: Language::English,
            title: title.into(),
            title_has_error: false,
            title_lang: None,
            csp_nonce: None,
            theme_color: None,
            opengraph_image_url: None,
            html_classes: None,
            body_classes: None,
            header_classes: None,
            container_classes: None,
            main_classes: None,
            main_lang: None,
            footer_classes: None,
            body_attributes: Attributes::new(),
            header_attributes: Attributes::new(),
            container_attributes: Attributes::new(),
            main_attributes: Attributes::new(),
            footer_attributes: Attributes::new(),
            skip_link: true,
            head: None,
            body_start: None,
            header: None,
            before_content: None,
            main: None,
            content: None,
            footer: None,
            body_end: None,
        }
    }

    /// The page's language: its `lang` and the language of the built-in texts (skip link,
    /// "Error:" title prefix).
    pub fn language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }

    /// Prefixes the title with "Error:" (or its Welsh) when the page shows errors, as the
    /// Design System asks so screen reader users hear it first.
    pub fn title_has_error(mut self, has_error: bool) -> Self {
        self.title_has_error = has_error;
        self
    }

    /// `lang` of the title when it differs from the page's (upstream's `pageTitleLang`).
    pub fn title_lang(mut self, lang: impl Into<String>) -> Self {
        self.title_lang = Some(lang.into());
        self
    }

    /// The CSP nonce for the inline script and brand style (upstream's `cspNonce`). Generate a
    /// new unguessable one per response and send it in the `Content-Security-Policy` header.
    pub fn csp_nonce(mut self, nonce: impl Into<String>) -> Self {
        self.csp_nonce = Some(nonce.into());
        self
    }

    /// The `theme-color`; the brand colour unless set.
    pub fn theme_color(mut self, colour: impl Into<String>) -> Self {
        self.theme_color = Some(colour.into());
        self
    }

    /// An absolute URL of the image shown when the page is shared (`og:image`).
    pub fn opengraph_image_url(mut self, url: impl Into<String>) -> Self {
        self.opengraph_image_url = Some(url.into());
        self
    }

    /// Classes added to `<html>` (upstream's `htmlClasses`).
    pub fn html_classes(mut self, classes: impl Into<String>) -> Self {
        self.html_classes = Some(classes.into());
        self
    }

    /// Classes added to `<body>` (upstream's `bodyClasses`).
    pub fn body_classes(mut self, classes: impl Into<String>) -> Self {
        self.body_classes = Some(classes.into());
        self
    }

    /// Classes added to `<header>` (upstream's `headerClasses`).
    pub fn header_classes(mut self, classes: impl Into<String>) -> Self {
        self.header_classes = Some(classes.into());
        self
    }

    /// Classes added to the width container (upstream's `containerClasses`).
    pub fn container_classes(mut self, classes: impl Into<String>) -> Self {
        self.container_classes = Some(classes.into());
        self
    }

    /// Classes added to `<main>` (upstream's `mainClasses`).
    pub fn main_classes(mut self, classes: impl Into<String>) -> Self {
        self.main_classes = Some(classes.into());
        self
    }

    /// `lang` of `<main>` when its content is in another language (upstream's `mainLang`).
    pub fn main_lang(mut self, lang: impl Into<String>) -> Self {
        self.main_lang = Some(lang.into());
        self
    }

    /// Classes added to `<footer>` (upstream's `footerClasses`).
    pub fn footer_classes(mut self, classes: impl Into<String>) -> Self {
        self.footer_classes = Some(classes.into());
        self
    }

    /// Attributes added to `<body>` (upstream's `bodyAttributes`).
    pub fn body_attributes(mut self, attributes: Attributes) -> Self {
        self.body_attributes = attributes;
        self
    }

    /// Attributes added to `<header>` (upstream's `headerAttributes`).
    pub fn header_attributes(mut self, attributes: Attributes) -> Self {
        self.header_attributes = attributes;
        self
    }

    /// Attributes added to the width container (upstream's `containerAttributes`).
    pub fn container_attributes(mut self, attributes: Attributes) -> Self {
        self.container_attributes = attributes;
        self
    }

    /// Attributes added to `<main>` (upstream's `mainAttributes`).
    pub fn main_attributes(mut self, attributes: Attributes) -> Self {
        self.main_attributes = attributes;
        self
    }

    /// Attributes added to `<footer>` (upstream's `footerAttributes`).
    pub fn footer_attributes(mut self, attributes: Attributes) -> Self {
        self.footer_attributes = attributes;
        self
    }

    /// Leaves out the skip link (upstream's empty `skipLink` block): only for pages with no
    /// header to skip.
    pub fn without_skip_link(mut self) -> Self {
        self.skip_link = false;
        self
    }

    /// Extra markup at the end of `<head>`, after the stylesheet (upstream's `head` block).
    pub fn head(mut self, markup: Markup) -> Self {
        self.head = Some(markup);
        self
    }

    /// Markup at the start of `<body>`, before the skip link (upstream's `bodyStart`): a cookie
    /// banner, for example.
    pub fn body_start(mut self, markup: Markup) -> Self {
        self.body_start = Some(markup);
        self
    }

    /// The header block: the council's generic header and any service navigation, wrapped in
    /// `<header class="govuk-template__header">`. Left empty, no `<header>` is written.
    pub fn header(mut self, markup: Markup) -> Self {
        self.header = Some(markup);
        self
    }

    /// Markup above `<main>` in the width container: a phase banner, back link or breadcrumbs
    /// (upstream's `beforeContent`).
    pub fn before_content(mut self, markup: Markup) -> Self {
        self.before_content = Some(markup);
        self
    }

    /// Replaces the whole `<main>` element (upstream's `main` block). Keep `id="main-content"`
    /// on it, or the skip link leads nowhere.
    pub fn main(mut self, markup: Markup) -> Self {
        self.main = Some(markup);
        self
    }

    /// The content of `<main>` (upstream's `content` block).
    pub fn content(mut self, markup: Markup) -> Self {
        self.content = Some(markup);
        self
    }

    /// The footer block: the council's footer, wrapped in
    /// `<footer class="govuk-template__footer">`. Left empty, no `<footer>` is written.
    pub fn footer(mut self, markup: Markup) -> Self {
        self.footer = Some(markup);
        self
    }

    /// Markup at the end of `<body>`, after the script that starts GOV.UK Frontend (upstream's
    /// `bodyEnd`).
    pub fn body_end(mut self, markup: Markup) -> Self {
        self.body_end = Some(markup);
        self
    }

    /// The page's HTML.
    pub fn render(&self) -> Markup {
        // The template's own markup is under 2 kB; the blocks are copied in whole, so one
        // allocation of the right size saves growing the page several times.
        let blocks: usize = [
            &self.head,
            &self.body_start,
            &self.header,
            &self.before_content,
            &self.main,
            &self.content,
            &self.footer,
            &self.body_end,
        ]
        .iter()
        .filter_map(|block| block.as_ref().map(|m| m.0.len()))
        .sum();
        let mut out = String::with_capacity(2048 + blocks);
        self.render_to(&mut out);
        PreEscaped(out)
    }

    fn render_to(&self, out: &mut String) {
        let lang = self.language;
        let nonce = self.csp_nonce.as_deref();
        let theme_color = match &self.theme_color {
            Some(colour) => colour.clone(),
            None => self.brand.theme_color(),
        };
        let block = |out: &mut String, markup: &Option<Markup>| {
            if let Some(markup) = markup {
                out.push_str(&markup.0);
            }
        };

        out.push_str("<!DOCTYPE html>");
        open(out, "html")
            .attr("lang", lang.code())
            .class("govuk-template", self.html_classes.as_deref())
            .end();
        out.push_str("<head><meta charset=\"utf-8\">");
        open(out, "title")
            .attr_if("lang", self.title_lang.as_deref())
            .end();
        if self.title_has_error {
            escape_into(out, lang.text(Text::PageTitleErrorPrefix));
            out.push(' ');
        }
        escape_into(out, &self.title);
        out.push_str("</title>");
        out.push_str(
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">",
        );
        open(out, "meta")
            .attr("name", "theme-color")
            .attr("content", &theme_color)
            .end();
        if let Some(url) = self.assets.stylesheet_url() {
            open(out, "link")
                .attr("rel", "stylesheet")
                .attr("href", url)
                .end();
        }
        // Built from validated colours only, so it needs no escaping.
        open(out, "style").attr_if("nonce", nonce).end();
        out.push_str(&self.brand.custom_properties_css());
        out.push_str("</style>");
        block(out, &self.head);
        if let Some(icon) = &self.brand.favicon {
            open(out, "link")
                .attr("rel", "icon")
                .attr("href", &icon.href)
                .attr("type", &icon.media_type)
                .end();
        }
        if let Some(url) = &self.opengraph_image_url {
            open(out, "meta")
                .attr("property", "og:image")
                .attr("content", url)
                .end();
        }
        out.push_str("</head>");

        open(out, "body")
            .class("govuk-template__body", self.body_classes.as_deref())
            .attrs(&self.body_attributes)
            .end();
        open(out, "script").attr_if("nonce", nonce).end();
        out.push_str(JS_ENABLED_SCRIPT);
        out.push_str("</script>");
        block(out, &self.body_start);
        if self.skip_link {
            SkipLink::text(lang.text(Text::SkipToMainContent))
                .href("#main-content")
                .render_to(out);
        }
        if let Some(header) = non_empty(&self.header) {
            open(out, "header")
                .class("govuk-template__header", self.header_classes.as_deref())
                .attrs(&self.header_attributes)
                .end();
            out.push_str(&header.0);
            out.push_str("</header>");
        }
        open(out, "div")
            .class("govuk-width-container", self.container_classes.as_deref())
            .attrs(&self.container_attributes)
            .end();
        block(out, &self.before_content);
        if self.main.is_some() {
            block(out, &self.main);
        } else {
            open(out, "main")
                .class("govuk-main-wrapper", self.main_classes.as_deref())
                .attr("id", "main-content")
                .attr_if("lang", self.main_lang.as_deref())
                .attrs(&self.main_attributes)
                .end();
            block(out, &self.content);
            out.push_str("</main>");
        }
        out.push_str("</div>");
        if let Some(footer) = non_empty(&self.footer) {
            open(out, "footer")
                .class("govuk-template__footer", self.footer_classes.as_deref())
                .attrs(&self.footer_attributes)
                .end();
            out.push_str(&footer.0);
            out.push_str("</footer>");
        }
        if let Some(url) = self.assets.init_script_url() {
            open(out, "script")
                .attr("type", "module")
                .attr("src", url)
                .end();
            out.push_str("</script>");
        }
        block(out, &self.body_end);
        out.push_str("</body></html>");
    }
}

/// A block with something in it: upstream writes `<header>`/`<footer>` only then.
fn non_empty(block: &Option<Markup>) -> Option<&Markup> {
    block.as_ref().filter(|m| !m.0.trim().is_empty())
}

impl Render for Page<'_> {
    fn render_to(&self, buffer: &mut String) {
        Page::render_to(self, buffer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brand::BrandColour;

    fn fixtures() -> (Brand, Assets) {
        let dir = std::env::temp_dir().join(format!("civic-template-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("civic.css"), "body{}").unwrap();
        std::fs::write(
            dir.join("govuk-frontend.min.js"),
            "export function initAll(){}",
        )
        .unwrap();
        let assets = Assets::load(&dir, "/assets").unwrap();
        let brand = Brand::new("Kestrel Vale", BrandColour::parse("#005a4e").unwrap());
        (brand, assets)
    }

    #[test]
    fn never_serves_govuk_defaults() {
        let (brand, assets) = fixtures();
        let html = Page::new(&brand, &assets, "Report a pothole")
            .render()
            .into_string();
        assert!(html.contains("<title>Report a pothole</title>"), "{html}");
        for govuk in [
            "GOV.UK",
            "govuk-icon",
            "favicon.ico",
            "manifest.json",
            "govuk-header",
            "Crown",
        ] {
            assert!(!html.contains(govuk), "{govuk} in {html}");
        }
        assert!(
            html.contains(r##"content="#005a4e""##),
            "theme colour is the brand's"
        );
    }

    #[test]
    fn welsh_pages_are_welsh() {
        let (brand, assets) = fixtures();
        let html = Page::new(&brand, &assets, "Talu")
            .language(Language::Welsh)
            .title_has_error(true)
            .render()
            .into_string();
        assert!(html.contains(r#"<html lang="cy""#));
        assert!(
            html.contains("Neidio i&#39;r prif gynnwys"),
            "escaped as Nunjucks does"
        );
        assert!(html.contains("<title>Gwall: Talu</title>"));
    }

    #[test]
    fn nonce_goes_on_the_inline_script_and_style_only() {
        let (brand, assets) = fixtures();
        let html = Page::new(&brand, &assets, "T")
            .csp_nonce("abc123")
            .render()
            .into_string();
        assert_eq!(html.matches(r#"nonce="abc123""#).count(), 2, "{html}");
        assert!(html.contains(r#"<script nonce="abc123">document.body.className"#));
        assert!(html.contains(r#"<script type="module" src="/assets/init-"#));
    }

    #[test]
    fn empty_header_and_footer_blocks_write_no_landmarks() {
        let (brand, assets) = fixtures();
        let html = Page::new(&brand, &assets, "T")
            .header(maud::html! {})
            .render()
            .into_string();
        assert!(
            !html.contains("<header") && !html.contains("<footer"),
            "{html}"
        );
    }
}
