//! The pages every council site links from its footer: accessibility, cookies and privacy.

use std::sync::Arc;

use axum::extract::State;
use civic_components::i18n::Language;
use maud::{Markup, html};

use crate::services::Words;
use crate::site::Site;

/// The footer's pages: where each is and its title, which is also its footer link's text.
pub(crate) const PAGES: [(&str, Words); 3] = [
    ("/accessibility", ACCESSIBILITY),
    ("/cookies", COOKIES),
    ("/privacy", PRIVACY),
];

const ACCESSIBILITY: Words = Words {
    en: "Accessibility statement",
    cy: "Datganiad hygyrchedd",
};
const COOKIES: Words = Words {
    en: "Cookies",
    cy: "Cwcis",
};
const PRIVACY: Words = Words {
    en: "Privacy",
    cy: "Preifatrwydd",
};

pub(crate) async fn accessibility(State(site): State<Arc<Site>>, language: Language) -> Markup {
    let welsh = language == Language::Welsh;
    let title = ACCESSIBILITY.get(language);
    let content = html! {
        h1 class="govuk-heading-xl" { (title) }
        @if welsh {
            p class="govuk-body" { "Mae'r wefan hon yn enghraifft. Mae pob tudalen yn cael ei phrofi gydag axe-core yn erbyn WCAG 2.2 AA ac yn gweithio heb JavaScript." }
        } @else {
            p class="govuk-body" { "This website is a demonstration. Every page is tested with axe-core against WCAG 2.2 AA and works without JavaScript." }
        }
    };
    site.page(language, title, "/accessibility", content)
}

pub(crate) async fn cookies(State(site): State<Arc<Site>>, language: Language) -> Markup {
    let welsh = language == Language::Welsh;
    let title = COOKIES.get(language);
    let content = html! {
        h1 class="govuk-heading-xl" { (title) }
        @if welsh {
            p class="govuk-body" { "Rydym yn defnyddio un cwci hanfodol i gofio eich atebion wrth i chi lenwi ffurflen. Nid ydym yn defnyddio cwcis dadansoddi." }
        } @else {
            p class="govuk-body" { "We use one essential cookie to remember your answers while you fill in a form. We do not use analytics cookies." }
        }
    };
    site.page(language, title, "/cookies", content)
}

pub(crate) async fn privacy(State(site): State<Arc<Site>>, language: Language) -> Markup {
    let welsh = language == Language::Welsh;
    let title = PRIVACY.get(language);
    let content = html! {
        h1 class="govuk-heading-xl" { (title) }
        @if welsh {
            p class="govuk-body" { "Rydym yn cadw eich atebion dim ond cyhyd ag y mae pob gwasanaeth yn ei ddweud, ac yna'n eu dileu." }
        } @else {
            p class="govuk-body" { "We keep your answers only for as long as each service says, and then delete them." }
        }
    };
    site.page(language, title, "/privacy", content)
}
