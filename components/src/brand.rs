//! A council's brand: its name, logo, colour, favicon, footer links and licence line.
//!
//! GOV.UK's crown, crest and "© Crown copyright" belong to central government; a council service
//! shows its own identity instead. One [`Brand`] per council, several in one process if a shared
//! service serves several councils: the stylesheet is the same for every brand, and each page
//! sets its brand's colours through the CSS custom properties GOV.UK Frontend v6 reads
//! ([`Brand::custom_properties_css`]).
//!
//! ```
//! use civic_components::brand::{Brand, BrandColour, LinkText, Logo};
//! use civic_components::i18n::Language;
//!
//! let brand = Brand::new("Kestrel Vale Borough Council", BrandColour::parse("#005a4e")?)
//!     .homepage_url("https://www.kestrelvale.example")
//!     .logo(Logo::image("/static/kestrel-vale.svg", "Kestrel Vale Borough Council"))
//!     .footer_link(LinkText::new("Accessibility").welsh("Hygyrchedd"), "/accessibility")
//!     .licence_text("© Kestrel Vale Borough Council");
//! assert!(brand.custom_properties_css().contains("--govuk-brand-colour:#005a4e"));
//! assert!(brand.footer(Language::Welsh).into_string().contains(">Hygyrchedd</a>"));
//! # Ok::<(), civic_components::brand::BrandColourError>(())
//! ```

use crate::element::open;
use crate::escape::{Escaped, escape_into};
use crate::i18n::{Language, Text};
use maud::{Markup, PreEscaped, html};
use serde_json::{Value, json};
use std::fmt;

/// A brand colour: a `#rrggbb` colour dark enough to carry white text.
///
/// The generic header and inverse service navigation put white text on it, so it must have a
/// contrast ratio of at least 4.5:1 with white (WCAG 2.2 AA for normal text).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct BrandColour([u8; 3]);

/// Why a brand colour was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum BrandColourError {
    /// Not written as `#` and six hexadecimal digits.
    #[error("the brand colour must be written as # and six hexadecimal digits, like #1d70b8")]
    Format,
    /// Too light for white text.
    #[error(
        "the brand colour {colour} has a contrast of {ratio:.1}:1 with white text; it needs at least 4.5:1"
    )]
    TooLight {
        /// The colour as given, normalised to `#rrggbb`.
        colour: String,
        /// Its contrast ratio with white.
        ratio: f64,
    },
}

impl BrandColour {
    /// Reads `#rrggbb` (either case) and checks it carries white text.
    pub fn parse(input: &str) -> Result<BrandColour, BrandColourError> {
        let hex = input
            .trim()
            .strip_prefix('#')
            .ok_or(BrandColourError::Format)?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(BrandColourError::Format);
        }
        let channel = |i: usize| {
            u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16)
                .map_err(|_| BrandColourError::Format)
        };
        let colour = BrandColour([channel(0)?, channel(2)?, channel(4)?]);
        let ratio = colour.contrast_with_white();
        if ratio < 4.5 {
            return Err(BrandColourError::TooLight {
                colour: colour.to_string(),
                ratio,
            });
        }
        Ok(colour)
    }

    /// The contrast ratio between this colour and white, as WCAG defines it.
    pub fn contrast_with_white(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = self.0;
        let luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
        1.05 / (luminance + 0.05)
    }

    /// This colour mixed with white (`amount` 0.0 = this colour, 1.0 = white), as upstream's
    /// palette derives its `tint-95` and `tint-50` variants.
    fn tint(self, amount: f64) -> BrandColour {
        self.mix([255, 255, 255], amount)
    }

    /// This colour mixed with black, as upstream's `shade-50` variant.
    fn shade(self, amount: f64) -> BrandColour {
        self.mix([0, 0, 0], amount)
    }

    fn mix(self, other: [u8; 3], amount: f64) -> BrandColour {
        let blend = |a: u8, b: u8| {
            let value = f64::from(a) + (f64::from(b) - f64::from(a)) * amount;
            value.round().clamp(0.0, 255.0) as u8
        };
        let [r, g, b] = self.0;
        BrandColour([blend(r, other[0]), blend(g, other[1]), blend(b, other[2])])
    }
}

impl fmt::Display for BrandColour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

/// A council's logo, shown in the generic header.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Logo {
    /// An image file (SVG or PNG) at a URL.
    Image {
        /// Where the image is served.
        src: String,
        /// Its text alternative, usually the council's name.
        alt: String,
        /// Its height in CSS pixels; the width follows the image's proportions.
        height: u32,
    },
    /// An inline SVG, trusted markup from the council's own configuration.
    InlineSvg {
        /// The `<svg>` element.
        svg: String,
        /// Its text alternative, given to the SVG as `role="img"` and `aria-label`.
        alt: String,
    },
}

impl Logo {
    /// An image logo 30 pixels high, the height of upstream's header logos.
    pub fn image(src: impl Into<String>, alt: impl Into<String>) -> Logo {
        Logo::Image {
            src: src.into(),
            alt: alt.into(),
            height: 30,
        }
    }

    /// An inline SVG logo.
    pub fn inline_svg(svg: impl Into<String>, alt: impl Into<String>) -> Logo {
        Logo::InlineSvg {
            svg: svg.into(),
            alt: alt.into(),
        }
    }

    /// The logo's markup, for the generic header's `logoHtml`.
    pub fn markup(&self) -> Markup {
        match self {
            Logo::Image { src, alt, height } => html! {
                img class="civic-header__logo" src=(Escaped(src)) alt=(Escaped(alt)) height=(height);
            },
            Logo::InlineSvg { svg, alt } => html! {
                span class="civic-header__logo" role="img" aria-label=(Escaped(alt)) { (PreEscaped(svg)) }
            },
        }
    }
}

/// A link's text as the council writes it: in English, and in Welsh for Welsh pages.
///
/// Built from a `&str` or `String` (the same words in every language) or with
/// [`LinkText::welsh`]. Without Welsh, Welsh pages show the English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkText {
    /// The English text, shown in any language that has none of its own.
    pub english: String,
    /// The Welsh text, if the council has written it.
    pub welsh: Option<String>,
}

impl LinkText {
    /// The text in English (and, until [`LinkText::welsh`] is given, in Welsh too).
    pub fn new(english: impl Into<String>) -> LinkText {
        LinkText {
            english: english.into(),
            welsh: None,
        }
    }

    /// Sets the Welsh text.
    pub fn welsh(mut self, welsh: impl Into<String>) -> LinkText {
        self.welsh = Some(welsh.into());
        self
    }

    /// The text for a page in `language`.
    pub fn in_language(&self, language: Language) -> &str {
        match (language, &self.welsh) {
            (Language::Welsh, Some(welsh)) => welsh,
            _ => &self.english,
        }
    }
}

impl From<&str> for LinkText {
    fn from(text: &str) -> LinkText {
        LinkText::new(text)
    }
}

impl From<String> for LinkText {
    fn from(text: String) -> LinkText {
        LinkText::new(text)
    }
}

/// A link in the footer's support links.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FooterLink {
    /// The link text, per language.
    pub text: LinkText,
    /// Where it goes.
    pub href: String,
}

/// A favicon: the icon browsers show in tabs and bookmarks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Favicon {
    /// Where it is served.
    pub href: String,
    /// Its media type, `image/svg+xml`, `image/png` or `image/x-icon`.
    pub media_type: String,
}

/// A council's brand. See the [module documentation](self).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Brand {
    /// The council's name, shown in the header when there is no logo and in page titles.
    pub name: String,
    /// The council's home page, linked from the header logo.
    pub homepage_url: String,
    /// The logo; without one the header shows the council's name as text.
    pub logo: Option<Logo>,
    /// The brand colour.
    pub colour: BrandColour,
    /// The favicon; without one no icon is linked (browsers fall back to `/favicon.ico`), never
    /// GOV.UK's crown.
    pub favicon: Option<Favicon>,
    /// The footer's support links.
    pub footer_links: Vec<FooterLink>,
    /// The licence or copyright line under the footer links, if any.
    pub licence: Option<String>,
    /// Whether to show "© Crown copyright": only for a service whose content really is Crown
    /// copyright. Off unless asked for.
    pub crown_copyright: bool,
}

impl Brand {
    /// A brand with a name and colour, linking its header to `/`.
    pub fn new(name: impl Into<String>, colour: BrandColour) -> Brand {
        Brand {
            name: name.into(),
            homepage_url: "/".to_owned(),
            logo: None,
            colour,
            favicon: None,
            footer_links: Vec::new(),
            licence: None,
            crown_copyright: false,
        }
    }

    /// Sets the home page the header logo links to.
    pub fn homepage_url(mut self, url: impl Into<String>) -> Brand {
        self.homepage_url = url.into();
        self
    }

    /// Sets the logo.
    pub fn logo(mut self, logo: Logo) -> Brand {
        self.logo = Some(logo);
        self
    }

    /// Sets the favicon; the media type is taken from the file's extension.
    pub fn favicon(mut self, href: impl Into<String>) -> Brand {
        let href = href.into();
        let path = href.split(['?', '#']).next().unwrap_or_default();
        let media_type = match path.rsplit('.').next().map(str::to_ascii_lowercase) {
            Some(ext) if ext == "svg" => "image/svg+xml",
            Some(ext) if ext == "ico" => "image/x-icon",
            _ => "image/png",
        };
        self.favicon = Some(Favicon {
            href,
            media_type: media_type.to_owned(),
        });
        self
    }

    /// Adds a footer support link: `text` is a `&str` (the same in every language) or a
    /// [`LinkText`] with its Welsh.
    pub fn footer_link(mut self, text: impl Into<LinkText>, href: impl Into<String>) -> Brand {
        self.footer_links.push(FooterLink {
            text: text.into(),
            href: href.into(),
        });
        self
    }

    /// Sets the licence or copyright line.
    pub fn licence_text(mut self, text: impl Into<String>) -> Brand {
        self.licence = Some(text.into());
        self
    }

    /// Shows "© Crown copyright" in the footer (only for Crown copyright content).
    pub fn crown_copyright(mut self, shown: bool) -> Brand {
        self.crown_copyright = shown;
        self
    }

    /// The `theme-color` browsers tint their interface with: the brand colour.
    pub fn theme_color(&self) -> String {
        self.colour.to_string()
    }

    /// The copyright line under the footer: "© Crown copyright" if asked for, otherwise
    /// "© " and the council's name.
    pub fn copyright_text(&self, language: Language) -> String {
        if self.crown_copyright {
            language.text(Text::CrownCopyright).to_owned()
        } else {
            format!("© {}", self.name)
        }
    }

    /// Options for the `generic-header` component (upstream's macro options): the logo (or the
    /// council's name) linking to its home page, in the brand colour (`civic-header`).
    pub fn header_options(&self) -> Value {
        let mut options = json!({ "url": self.homepage_url, "classes": "civic-header" });
        match &self.logo {
            Some(logo) => options["logoHtml"] = json!(logo.markup().into_string()),
            None => options["logoText"] = json!(self.name),
        }
        options
    }

    /// The council's footer in `language`: upstream's footer layout and classes, with the
    /// brand's support links, its licence line (none unless set) and its copyright line.
    ///
    /// Not upstream's `footer` component, which always draws the crown and links its copyright
    /// line to the Crown copyright page: neither belongs on a council's pages.
    pub fn footer(&self, language: Language) -> Markup {
        let mut out = String::with_capacity(512);
        out.push_str(
            "<div class=\"govuk-footer civic-footer\"><div class=\"govuk-width-container\">\
             <div class=\"govuk-footer__meta\">\
             <div class=\"govuk-footer__meta-item govuk-footer__meta-item--grow\">",
        );
        if !self.footer_links.is_empty() {
            out.push_str("<h2 class=\"govuk-visually-hidden\">");
            escape_into(&mut out, language.text(Text::SupportLinks));
            out.push_str("</h2><ul class=\"govuk-footer__inline-list\">");
            for link in &self.footer_links {
                out.push_str("<li class=\"govuk-footer__inline-list-item\">");
                open(&mut out, "a")
                    .attr("class", "govuk-footer__link")
                    .attr("href", &link.href)
                    .end();
                escape_into(&mut out, link.text.in_language(language));
                out.push_str("</a></li>");
            }
            out.push_str("</ul>");
        }
        if let Some(licence) = &self.licence {
            out.push_str("<span class=\"govuk-footer__licence-description\">");
            escape_into(&mut out, licence);
            out.push_str("</span>");
        }
        out.push_str("</div><div class=\"govuk-footer__meta-item\">");
        if self.crown_copyright {
            out.push_str(
                "<a class=\"govuk-footer__link\" href=\"https://www.nationalarchives.gov.uk/information-management/re-using-public-sector-information/uk-government-licensing-framework/crown-copyright/\">",
            );
            escape_into(&mut out, &self.copyright_text(language));
            out.push_str("</a>");
        } else {
            escape_into(&mut out, &self.copyright_text(language));
        }
        out.push_str("</div></div></div></div>");
        PreEscaped(out)
    }

    /// A `:root { ... }` rule setting GOV.UK Frontend's colour custom properties for this brand.
    ///
    /// The brand colour itself, links in it (it has at least 4.5:1 contrast with the white page),
    /// and the surfaces upstream derives from its brand blue (template and footer background,
    /// service navigation) as the same tints of this colour.
    pub fn custom_properties_css(&self) -> String {
        let c = self.colour;
        format!(
            ":root{{--govuk-brand-colour:{c};--govuk-link-colour:{c};--govuk-link-hover-colour:{hover};\
             --govuk-template-background-colour:{surface};--govuk-surface-background-colour:{surface};\
             --govuk-surface-border-colour:{border}}}",
            hover = c.shade(0.5),
            surface = c.tint(0.95),
            border = c.tint(0.5),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brand_colours_must_carry_white_text() {
        assert_eq!(
            BrandColour::parse("#1D70B8").map(|c| c.to_string()),
            Ok("#1d70b8".to_owned())
        );
        assert!(matches!(
            BrandColour::parse("#ffdd00"),
            Err(BrandColourError::TooLight { .. })
        ));
        assert_eq!(BrandColour::parse("1d70b8"), Err(BrandColourError::Format));
        assert_eq!(BrandColour::parse("#1d70b"), Err(BrandColourError::Format));
        assert_eq!(BrandColour::parse("#1d70bZ"), Err(BrandColourError::Format));
        let message = BrandColour::parse("#ffdd00").unwrap_err().to_string();
        assert!(
            message.contains("#ffdd00") && message.contains("4.5:1"),
            "{message}"
        );
    }

    #[test]
    fn tints_match_upstreams_palette() {
        // govuk-frontend's blue #1d70b8 has tint-95 #f4f8fb and tint-50 #8eb8dc.
        let blue = BrandColour::parse("#1d70b8").unwrap();
        assert_eq!(blue.tint(0.95).to_string(), "#f4f8fb");
        assert_eq!(blue.tint(0.5).to_string(), "#8eb8dc");
    }

    #[test]
    fn no_crown_unless_asked() {
        let brand = Brand::new("Kestrel Vale", BrandColour::parse("#005a4e").unwrap());
        assert!(!brand.crown_copyright);
        assert!(brand.crown_copyright(true).crown_copyright);
    }

    #[test]
    fn component_options_carry_the_brand() {
        let colour = BrandColour::parse("#005a4e").unwrap();
        let brand = Brand::new("Kestrel Vale", colour)
            .homepage_url("https://kv.example")
            .footer_link(LinkText::new("Cookies").welsh("Cwcis"), "/cookies")
            .footer_link("Kestrel Vale Online", "/online");
        let header = brand.header_options();
        assert_eq!(header["url"], "https://kv.example");
        assert_eq!(header["logoText"], "Kestrel Vale");
        let footer = brand.footer(Language::Welsh).into_string();
        assert!(footer.contains(">Cysylltiadau cymorth</h2>"), "{footer}");
        assert!(footer.contains(r#"href="/cookies">Cwcis</a>"#), "{footer}");
        // Without Welsh, the English is shown.
        assert!(footer.contains(r#"href="/online">Kestrel Vale Online</a>"#));
        let english = brand.footer(Language::English).into_string();
        assert!(
            english.contains(r#"href="/cookies">Cookies</a>"#),
            "{english}"
        );
        assert!(footer.contains("© Kestrel Vale</div>"), "{footer}");
        for crown in ["crown", "Crown", "nationalarchives", "licence"] {
            assert!(!footer.contains(crown), "{crown} in {footer}");
        }
        let crown = brand.crown_copyright(true).footer(Language::English);
        assert!(crown.into_string().contains(">© Crown copyright</a>"));
    }

    #[test]
    fn favicon_type_follows_the_extension() {
        let colour = BrandColour::parse("#005a4e").unwrap();
        let brand = Brand::new("K", colour).favicon("/static/icon.svg?v=2");
        assert_eq!(brand.favicon.unwrap().media_type, "image/svg+xml");
        let brand = Brand::new("K", colour).favicon("/favicon.ico");
        assert_eq!(brand.favicon.unwrap().media_type, "image/x-icon");
    }

    #[test]
    fn logos_carry_their_alt_text() {
        let img = Logo::image("/logo.svg", "Kestrel Vale")
            .markup()
            .into_string();
        assert!(img.contains(r#"alt="Kestrel Vale""#), "{img}");
        let svg = Logo::inline_svg("<svg></svg>", "Kestrel Vale")
            .markup()
            .into_string();
        assert!(svg.contains(r#"aria-label="Kestrel Vale""#) && svg.contains("<svg></svg>"));
    }

    proptest::proptest! {
        #[test]
        fn parse_never_panics(input in ".*") {
            let _ = BrandColour::parse(&input);
        }
    }
}
