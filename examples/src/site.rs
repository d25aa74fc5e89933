//! What every page of the demo shares: the council's brand, its assets, the page frame (header,
//! language switch, footer) and, in development, the mailbox that stands in for email and SMS.

use std::sync::Arc;

use civic_components::assets::Assets;
use civic_components::brand::{Brand, BrandColour, LinkText, Logo};
use civic_components::i18n::{Language, language_navigation_options};
use civic_components::template::Page;
use civic_notify::transport::MailboxTransport;
use maud::{Markup, html};

use civic_forms::definition::{FormDefinition, Format};

use crate::services::{SERVICES, Service};
use crate::{Config, StartError};

/// Kestrel Vale's green: 7.6:1 against white text.
pub(crate) const BRAND_COLOUR: &str = "#00594f";

/// Everything the demo's handlers share, built once at start-up.
#[derive(Debug)]
pub(crate) struct Site {
    pub(crate) config: Config,
    pub(crate) assets: Arc<Assets>,
    pub(crate) brand: Brand,
    /// Every email and SMS sent, in development only: production never keeps them.
    pub(crate) mailbox: Option<MailboxTransport>,
    /// Every service with its loaded form, in the order the home page lists them.
    pub(crate) services: Vec<(&'static Service, FormDefinition)>,
}

impl Site {
    pub(crate) fn new(config: Config) -> Result<Site, StartError> {
        let assets = load_assets();
        let brand = brand(&config, &assets);
        let mailbox = config.development_defaults().then(MailboxTransport::new);
        let services =
            SERVICES
                .iter()
                .map(|service| {
                    let mut form = FormDefinition::parse(service.definition, Format::Yaml)
                        .map_err(|source| StartError::Definition {
                            service: service.slug,
                            source,
                        })?;
                    if let Some(prepare) = service.prepare {
                        prepare(&mut form).map_err(|reason| StartError::Service {
                            service: service.slug,
                            reason,
                        })?;
                    }
                    if service.address_lookup && config.addresses.is_none() {
                        crate::services::mark_sample_addresses(&mut form);
                    }
                    Ok::<_, StartError>((*service, form))
                })
                .collect::<Result<_, _>>()?;
        Ok(Site {
            config,
            assets,
            brand,
            mailbox,
            services,
        })
    }

    /// A page in the council's frame; `path` is where the language switch links back to.
    pub(crate) fn page(
        &self,
        language: Language,
        title: &str,
        path: &str,
        content: Markup,
    ) -> Markup {
        Page::new(
            &self.brand,
            &self.assets,
            format!("{title} – {}", self.config.council_name),
        )
        .language(language)
        .header(component("generic-header", self.brand.header_options()))
        .before_content(component(
            "language-navigation",
            language_navigation_options(language, |l| format!("{path}?lang={}", l.code())),
        ))
        .footer(self.brand.footer(language))
        .content(content)
        .render()
    }
}

/// The built stylesheet and script. Unbuilt (`components/build-assets` not run), pages are
/// served unstyled rather than not at all.
fn load_assets() -> Arc<Assets> {
    let mut assets = Assets::load(Assets::default_dir(), "/assets").unwrap_or_else(|error| {
        tracing::warn!(%error, "serving pages without the stylesheet");
        Assets::empty("/assets")
    });
    assets.add("favicon.svg", "image/svg+xml", favicon_svg());
    Arc::new(assets)
}

/// The council's favicon: its initials on its colour.
fn favicon_svg() -> String {
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="4" fill="{BRAND_COLOUR}"/><text x="16" y="22" font-family="Arial,sans-serif" font-size="15" font-weight="700" text-anchor="middle" fill="#fff">KV</text></svg>"##
    )
}

/// The council's invented logo: a hovering kestrel's outline beside its name, in white on the
/// header's colour. Never a crown: councils may not use it.
const LOGO_SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30" width="40" height="30" focusable="false" aria-hidden="true"><path fill="currentColor" d="M20 4c-2 0-3.4 1.3-3.8 3.1L2 11.5l13.4.4L18 26l2 2 2-2 2.6-14.1 13.4-.4-14.2-4.4C23.4 5.3 22 4 20 4z"/></svg>"##;

fn brand(config: &Config, assets: &Assets) -> Brand {
    // BRAND_COLOUR is a constant checked by the test below.
    let colour = BrandColour::parse(BRAND_COLOUR).unwrap_or_else(|error| {
        unreachable!("the demo's brand colour is fixed and valid: {error}")
    });
    let mut brand = Brand::new(config.council_name.clone(), colour).logo(Logo::inline_svg(
        html! { (maud::PreEscaped(LOGO_SVG)) " " span { (config.council_name) } }.into_string(),
        config.council_name.clone(),
    ));
    for (path, title) in crate::info::PAGES {
        brand = brand.footer_link(LinkText::new(title.en).welsh(title.cy), path);
    }
    if let Some(favicon) = assets.url("favicon.svg") {
        brand = brand.favicon(favicon);
    }
    brand
}

/// A component rendered from its upstream options; logged and left out if it cannot be.
pub(crate) fn component(name: &str, options: serde_json::Value) -> Markup {
    civic_components::render_json(name, options).unwrap_or_else(|error| {
        tracing::warn!(%error, component = name, "left out of the page");
        html! {}
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_brand_colour_carries_white_text() {
        assert!(BrandColour::parse(BRAND_COLOUR).is_ok());
    }
}
