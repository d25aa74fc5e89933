//! The home page: the council's name and the list of its online services, in the council's
//! brand, in English or Welsh.

use std::sync::{Arc, OnceLock};

use axum::extract::State;
use civic_components::assets::Assets;
use civic_components::brand::{Brand, BrandColour};
use civic_components::i18n::{Language, language_navigation_options};
use civic_components::template::Page;
use maud::{Markup, html};

use crate::Config;

/// One service the council offers online.
struct Service {
    title: &'static str,
    href: &'static str,
    summary: &'static str,
}

/// The services the demo serves; each service's issue adds its entry.
const SERVICES: &[Service] = &[];

/// Kestrel Vale's green: 7.6:1 against white text.
const BRAND_COLOUR: &str = "#00594f";

/// The built stylesheet and script, read once. Unbuilt (`components/build-assets` not run),
/// pages are served unstyled rather than not at all.
pub(crate) fn assets() -> Arc<Assets> {
    static ASSETS: OnceLock<Arc<Assets>> = OnceLock::new();
    Arc::clone(ASSETS.get_or_init(|| {
        let mut assets = Assets::load(Assets::default_dir(), "/assets").unwrap_or_else(|error| {
            tracing::warn!(%error, "serving pages without the stylesheet");
            Assets::empty("/assets")
        });
        assets.add("favicon.svg", "image/svg+xml", favicon_svg());
        Arc::new(assets)
    }))
}

/// The council's favicon: its initials on its colour.
fn favicon_svg() -> String {
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="4" fill="{BRAND_COLOUR}"/><text x="16" y="22" font-family="Arial,sans-serif" font-size="15" font-weight="700" text-anchor="middle" fill="#fff">KV</text></svg>"##
    )
}

fn brand(config: &Config, assets: &Assets) -> Brand {
    // BRAND_COLOUR is a constant checked by the test below.
    let colour = BrandColour::parse(BRAND_COLOUR).unwrap_or_else(|error| {
        unreachable!("the demo's brand colour is fixed and valid: {error}")
    });
    let mut brand = Brand::new(config.council_name.clone(), colour)
        .footer_link("Accessibility statement", "/accessibility")
        .footer_link("Cookies", "/cookies")
        .footer_link("Privacy", "/privacy");
    if let Some(favicon) = assets.url("favicon.svg") {
        brand = brand.favicon(favicon);
    }
    brand
}

/// A component rendered from its upstream options; logged and left out if it cannot be.
fn component(name: &str, options: serde_json::Value) -> Markup {
    civic_components::render_json(name, options).unwrap_or_else(|error| {
        tracing::warn!(%error, component = name, "left out of the page");
        html! {}
    })
}

pub(crate) async fn home(State(config): State<Arc<Config>>, language: Language) -> Markup {
    let assets = assets();
    let brand = brand(&config, &assets);
    let welsh = language == Language::Welsh;
    let council = config.council_name.as_str();

    Page::new(&brand, &assets, council)
        .language(language)
        .header(component("generic-header", brand.header_options()))
        .before_content(component(
            "language-navigation",
            language_navigation_options(language, |l| format!("?lang={}", l.code())),
        ))
        .footer(brand.footer(language))
        .content(html! {
            h1 class="govuk-heading-xl" { (council) }
            h2 class="govuk-heading-m" { @if welsh { "Gwasanaethau" } @else { "Services" } }
            @if SERVICES.is_empty() {
                p class="govuk-body" {
                    @if welsh { "Nid oes gwasanaethau ar-lein eto." }
                    @else { "There are no online services yet." }
                }
            } @else {
                ul class="govuk-list" {
                    @for service in SERVICES {
                        li {
                            a class="govuk-link" href=(service.href) { (service.title) }
                            p class="govuk-body" { (service.summary) }
                        }
                    }
                }
            }
        })
        .render()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_brand_colour_carries_white_text() {
        assert!(BrandColour::parse(BRAND_COLOUR).is_ok());
    }
}
