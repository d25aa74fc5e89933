//! The page every screen of the engine is shown in: the council's branded template in the
//! page's language, titled "Question – Service name – Council name" as GOV.UK titles its pages
//! (`Error: ` before it when the page shows errors), the back link, and the content in the
//! Design System's two-thirds column.

use civic_components::brand::Brand;
use civic_components::i18n::Text as ComponentText;
use civic_components::template::Page as Template;
use civic_components::{BackLink, LanguageNavigation};
use maud::{Markup, html};

use super::timeout_warning::timeout_warning;
use super::{PageContext, components_language};
use crate::messages::SaveReturnText;

/// Renders `content` as a whole page titled `title`.
pub(super) fn layout(
    context: &PageContext<'_>,
    title: &str,
    has_error: bool,
    content: Markup,
) -> Markup {
    let language = context.language;
    let words = components_language(language);
    let extras = &context.extras;
    let service = extras.service_name.map(|name| name.in_language(language));
    let title = page_title(title, service, &context.brand.name);
    let mut template = Template::new(context.brand, context.assets, title)
        .language(words)
        .title_has_error(has_error)
        .content(html! {
            div class="govuk-grid-row" {
                div class="govuk-grid-column-two-thirds" {
                    (content)
                    @if let Some(minutes) = extras.timeout_minutes {
                        // Said on the page itself so it reaches residents without JavaScript.
                        p class="govuk-body-s govuk-!-margin-top-6" {
                            (SaveReturnText::timeout_notice(minutes, language))
                        }
                        @if let Some(base) = extras.session_base.filter(|_| !context.csrf_token.is_empty()) {
                            (timeout_warning(context, minutes, base))
                        }
                    }
                }
            }
        });
    template = framed(template, context.brand, words);
    let back = context.back_href.map(|href| {
        let mut back = BackLink::new();
        back.href = Some(href.to_owned());
        back.text = Some(words.text(ComponentText::Back).to_owned());
        back
    });
    // The switch links to this page in the other language; the HTTP layer keeps the answers.
    let switch = (extras.languages.len() > 1)
        .then(|| LanguageNavigation::english_welsh(words, |code| format!("?lang={code}")));
    if back.is_some() || switch.is_some() {
        template = template.before_content(html! {
            @if let Some(switch) = &switch { (switch) }
            @if let Some(back) = &back { (back) }
        });
    }
    template.render()
}

/// A page's `<title>`: the page's own title, the service's name (unless that is the page's
/// title already) and the council's name, as GOV.UK's "Question – Service name – GOV.UK".
pub(crate) fn page_title(title: &str, service: Option<&str>, council: &str) -> String {
    match service.filter(|service| *service != title) {
        Some(service) => format!("{title} – {service} – {council}"),
        None => format!("{title} – {council}"),
    }
}

/// `template` in `language` with the council's header (its logo or name on its colour, linking
/// to its home page) and footer (its support links and copyright line), as on the council's
/// own pages: every page of a form, its problem pages included, is in the council's frame.
pub(crate) fn framed<'a>(
    template: Template<'a>,
    brand: &Brand,
    language: civic_components::i18n::Language,
) -> Template<'a> {
    let template = template.language(language).footer(brand.footer(language));
    // The options come from the brand itself, so they always render; were they ever not to,
    // the page is still usable without its header.
    match civic_components::render_json("generic-header", brand.header_options()) {
        Ok(header) => template.header(header),
        Err(_) => template,
    }
}

/// The hidden field carrying the session's CSRF token, in every form that posts.
pub(super) fn csrf_field(context: &PageContext<'_>) -> Markup {
    html! { input type="hidden" name="csrf_token" value=(context.csrf_token); }
}

#[cfg(test)]
pub(crate) mod test_support {
    use civic_components::assets::Assets;
    use civic_components::brand::{Brand, BrandColour};

    use super::PageContext;
    use crate::definition::Language;

    /// A brand and assets to build page contexts from in tests.
    pub(crate) struct Fixture {
        brand: Brand,
        assets: Assets,
    }

    impl Fixture {
        pub(crate) fn new() -> Self {
            let colour = BrandColour::parse("#005a4e").unwrap_or_else(|e| panic!("{e}"));
            Fixture {
                brand: Brand::new("Kestrel Vale", colour),
                assets: Assets::empty("/assets"),
            }
        }

        /// A context posting to `/apply/here` with token `tok`, back to `/apply/back`.
        pub(crate) fn context(&self, language: Language) -> PageContext<'_> {
            PageContext {
                brand: &self.brand,
                assets: &self.assets,
                action: "/apply/here",
                csrf_token: "tok",
                back_href: Some("/apply/back"),
                language,
                extras: crate::render::PageExtras::default(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::Fixture;
    use super::*;
    use crate::definition::Language;
    use crate::render::PageExtras;

    #[test]
    fn a_bilingual_form_links_to_the_other_language_and_warns_of_the_timeout() {
        let fixture = Fixture::new();
        let languages = [Language::En, Language::Cy];
        let context = PageContext {
            extras: PageExtras {
                languages: &languages,
                timeout_minutes: Some(20),
                save_href: None,
                session_base: Some("/apply"),
                service_name: None,
                copy_href: None,
            },
            ..fixture.context(Language::Cy)
        };
        let html = layout(&context, "Teitl", false, html! { p { "x" } }).into_string();
        assert!(html.contains(r#"href="?lang=en""#), "{html}");
        assert!(html.contains("English"), "{html}");
        assert!(html.contains("am 20 munud"), "{html}");
        assert!(html.contains(r#"action="/apply/sign-out""#), "{html}");
        let switch = html.find("?lang=en").unwrap();
        assert!(switch < html.find("govuk-back-link").unwrap(), "{html}");
        let html = layout(&fixture.context(Language::En), "Title", true, html! {}).into_string();
        assert!(!html.contains("?lang="), "{html}");
        assert!(!html.contains("delete your answers"), "{html}");
        assert!(html.contains("<title>Error: Title"), "{html}");
    }

    #[test]
    fn every_page_has_the_councils_header_and_footer_in_its_language() {
        let fixture = Fixture::new();
        let html = layout(&fixture.context(Language::Cy), "Title", false, html! {}).into_string();
        let header = html
            .find("<header class=\"govuk-template__header\">")
            .unwrap();
        assert!(html[header..].contains("Kestrel Vale"), "{html}");
        assert!(html[header..].contains(r#"href="/""#), "{html}");
        assert!(
            html.contains("<footer class=\"govuk-template__footer\">"),
            "{html}"
        );
        assert!(html.contains("© Kestrel Vale"), "{html}");
        let main = html.find("<main").unwrap();
        assert!(
            header < main && main < html.find("<footer").unwrap(),
            "{html}"
        );
    }

    #[test]
    fn titles_name_the_question_then_the_service_then_the_council() {
        let fixture = Fixture::new();
        let service = crate::definition::Text::bilingual("Report a pothole", "Rhoi gwybod am dwll");
        let context = PageContext {
            extras: PageExtras {
                service_name: Some(&service),
                ..PageExtras::default()
            },
            ..fixture.context(Language::En)
        };
        let html = layout(&context, "Where is it?", true, html! {}).into_string();
        assert!(
            html.contains("<title>Error: Where is it? – Report a pothole – Kestrel Vale</title>"),
            "{html}"
        );
        let welsh = PageContext {
            language: Language::Cy,
            ..context
        };
        let html = layout(&welsh, "Ble mae e?", false, html! {}).into_string();
        assert!(
            html.contains("<title>Ble mae e? – Rhoi gwybod am dwll – Kestrel Vale</title>"),
            "{html}"
        );
        // A page titled with the service's name names it once.
        assert_eq!(
            page_title("Report a pothole", Some("Report a pothole"), "Kestrel Vale"),
            "Report a pothole – Kestrel Vale"
        );
    }

    #[test]
    fn one_language_has_no_switch() {
        let fixture = Fixture::new();
        let languages = [Language::En];
        let context = PageContext {
            extras: PageExtras {
                languages: &languages,
                timeout_minutes: Some(60),
                save_href: None,
                session_base: None,
                service_name: None,
                copy_href: None,
            },
            ..fixture.context(Language::En)
        };
        let html = layout(&context, "Title", false, html! {}).into_string();
        assert!(!html.contains("?lang="), "{html}");
        assert!(
            html.contains("if you do not do anything for 60 minutes"),
            "{html}"
        );
        // Without the form's address, only the notice.
        assert!(!html.contains("civic-timeout-warning"), "{html}");
    }
}

/// "Save and come back later" under a page's form, where the form offers save and return:
/// on every page that asks something, the address lookup's steps too.
pub(super) fn save_for_later_link(context: &PageContext<'_>) -> Markup {
    html! {
        @if let Some(href) = context.extras.save_href {
            p class="govuk-body" {
                a class="govuk-link" href=(href) { (SaveReturnText::SaveHeading.text(context.language)) }
            }
        }
    }
}
