//! The council's online services. Each is a module of its own with its own form definition
//! file under `examples/services/`, and a GOV.UK-style start page at `/<slug>`.

pub(crate) mod council_tax_single_person;
pub(crate) mod missed_bin;

use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::routing::get;
use civic_components::i18n::Language;
use civic_forms::definition::FormDefinition;
use maud::{Markup, html};

use crate::site::{Site, component};

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
    /// The form definition (YAML), read by civic-forms; its title is the service's name.
    pub(crate) definition: &'static str,
}

/// Every service the demo serves, in the order the home page lists them.
pub(crate) const SERVICES: &[&Service] =
    &[&missed_bin::SERVICE, &council_tax_single_person::SERVICE];

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
    fn every_definition_loads_and_checks_clean() {
        for service in SERVICES {
            let form = civic_forms::definition::FormDefinition::parse(
                service.definition,
                civic_forms::definition::Format::Yaml,
            )
            .unwrap_or_else(|error| panic!("{}: {error}", service.slug));
            let problems = civic_forms::check::check(&form);
            assert!(problems.is_empty(), "{}: {problems:?}", service.slug);
            assert_eq!(
                form.id, service.slug,
                "the form id is the start page's slug"
            );
        }
    }
}
