//! The [language navigation](https://design-system.service.gov.uk/components/language-navigation/):
//! links to the same page in other languages (English and Welsh for councils in Wales).

use crate::attributes::Attributes;
use crate::content::Content;
use crate::de::given;
use crate::escape::escape_into;
use crate::i18n::{Language, Text};
use maud::Render;
use serde::Deserialize;

/// Parameters of the language navigation: upstream's `govukLanguageNavigation` options.
///
/// ```
/// use civic_components::i18n::Language;
/// use civic_components::LanguageNavigation;
/// use maud::Render;
///
/// let html = LanguageNavigation::english_welsh(Language::Welsh, |code| format!("?lang={code}"))
///     .render()
///     .into_string();
/// assert!(html.contains(r#"href="?lang=en""#));
/// assert!(html.contains("Dewis iaith"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct LanguageNavigation {
    /// The languages; `None` stands for a falsy entry.
    #[serde(deserialize_with = "crate::de::items_with_gaps")]
    pub items: Vec<Option<LanguageNavigationItem>>,
    /// The navigation landmark label (default "Language").
    #[serde(deserialize_with = "crate::de::string")]
    pub aria_label: Option<String>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
    /// The language of built-in texts, when the options do not set them.
    #[serde(skip)]
    pub language: Language,
}

/// One language: a link, or the current language.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct LanguageNavigationItem {
    /// The language's name, in that language.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// The content as trusted HTML; wins over `text`.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// The page in this language; without it the item is the current language.
    #[serde(deserialize_with = "crate::de::string")]
    pub href: Option<String>,
    /// The language code (`lang` and, by default, `hreflang`).
    #[serde(deserialize_with = "crate::de::string")]
    pub lang: Option<String>,
    /// `hreflang`, when it differs from `lang`.
    #[serde(deserialize_with = "crate::de::string")]
    pub href_lang: Option<String>,
    /// Text direction (`ltr` or `rtl`).
    #[serde(deserialize_with = "crate::de::string")]
    pub dir: Option<String>,
    /// Marks the current language.
    #[serde(deserialize_with = "crate::de::truthy")]
    pub current: bool,
    /// Hidden words after the name for screen readers, such as "Change the language to Welsh".
    #[serde(deserialize_with = "crate::de::string")]
    pub language_description_text: Option<String>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
}

fn attr(b: &mut String, name: &str, value: Option<&str>) {
    if let Some(v) = value {
        b.push(' ');
        b.push_str(name);
        b.push_str("=\"");
        escape_into(b, v);
        b.push('"');
    }
}

impl Render for LanguageNavigation {
    fn render_to(&self, b: &mut String) {
        b.push_str("<nav");
        b.push_str(" class=\"govuk-language-navigation");
        if let Some(classes) = given(&self.classes) {
            b.push(' ');
            escape_into(b, classes);
        }
        b.push('"');
        self.attributes.render_to(b);
        b.push_str(" aria-label=\"");
        escape_into(
            b,
            self.aria_label
                .as_deref()
                .unwrap_or(self.language.text(Text::Language)),
        );
        b.push_str("\">\n<ul class=\"govuk-language-navigation__list\">\n");
        let none = LanguageNavigationItem::default();
        for item in &self.items {
            let item = item.as_ref().unwrap_or(&none);
            let lang = given(&item.lang);
            b.push_str("<li class=\"govuk-language-navigation__list-item\">\n");
            match given(&item.href).filter(|_| !item.current) {
                None => {
                    b.push_str("<span");
                    b.push_str(" class=\"govuk-language-navigation__text");
                    if let Some(classes) = given(&item.classes) {
                        b.push(' ');
                        escape_into(b, classes);
                    }
                    b.push('"');
                    b.push_str("\naria-current=\"true\"");
                    attr(b, "lang", lang);
                    attr(b, "dir", given(&item.dir));
                    item.attributes.render_to(b);
                    b.push('>');
                    if let Some(content) = Content::from_fields(&item.text, &item.html) {
                        content.render_untrimmed_to(b);
                    }
                    b.push_str("</span>\n");
                }
                Some(href) => {
                    b.push_str("<a");
                    b.push_str(" class=\"govuk-language-navigation__link");
                    if let Some(classes) = given(&item.classes) {
                        b.push(' ');
                        escape_into(b, classes);
                    }
                    b.push('"');
                    attr(b, "href", Some(href));
                    b.push_str(" rel=\"alternate\"");
                    attr(b, "lang", lang);
                    attr(b, "hreflang", given(&item.href_lang).or(lang));
                    attr(b, "dir", given(&item.dir));
                    item.attributes.render_to(b);
                    b.push('>');
                    if let Some(content) = Content::from_fields(&item.text, &item.html) {
                        content.render_untrimmed_to(b);
                    }
                    if let Some(d) = given(&item.language_description_text) {
                        b.push_str("<span class=\"govuk-visually-hidden\"> ");
                        escape_into(b, d);
                        b.push_str("</span>");
                    }
                    b.push_str("\n</a>\n");
                }
            }
            b.push_str("</li>\n");
        }
        b.push_str("</ul>\n</nav>");
    }
}

impl LanguageNavigation {
    /// No languages yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the language the page is in now.
    pub fn current(mut self, text: impl Into<String>, lang: impl Into<String>) -> Self {
        self.items.push(Some(LanguageNavigationItem {
            text: Some(text.into()),
            lang: Some(lang.into()),
            current: true,
            ..LanguageNavigationItem::default()
        }));
        self
    }

    /// Adds a link to the page in another language.
    pub fn link(
        mut self,
        text: impl Into<String>,
        lang: impl Into<String>,
        href: impl Into<String>,
    ) -> Self {
        self.items.push(Some(LanguageNavigationItem {
            text: Some(text.into()),
            lang: Some(lang.into()),
            href: Some(href.into()),
            ..LanguageNavigationItem::default()
        }));
        self
    }

    /// Links English and Welsh, marking `current` as the page's language; `href` builds the URL
    /// of the page in a language from its code (`en`, `cy`).
    pub fn english_welsh(current: Language, href: impl Fn(&str) -> String) -> Self {
        let mut nav = Self {
            language: current,
            ..Self::default()
        };
        for language in Language::ALL {
            nav = if language == current {
                nav.current(language.native_name(), language.code())
            } else {
                nav.link(
                    language.native_name(),
                    language.code(),
                    href(language.code()),
                )
            };
        }
        nav
    }

    /// Chooses the language of the built-in texts.
    pub fn language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }
}

crate::builder::string_setters!(LanguageNavigation {
    classes: "Adds classes to the outer element.",
});
crate::builder::attributes_setter!(LanguageNavigation);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_welsh_links_the_other_language() {
        let html = LanguageNavigation::english_welsh(Language::English, |code| format!("/{code}"))
            .render()
            .into_string();
        assert!(html.contains(r#"href="/cy" rel="alternate" lang="cy" hreflang="cy">Cymraeg"#));
        assert!(html.contains(r#"aria-current="true" lang="en">English</span>"#));
    }
}
