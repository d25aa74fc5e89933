//! The honeypot: a text field hidden from people (the `hidden` attribute hides it from
//! screen readers too), which form-filling bots fill in. A POST with it filled is not
//! accepted: the answer is not saved and the page is sent again with a 303, as if it had been,
//! so a bot learns nothing.

use maud::html;

use crate::answers::Submitted;
use crate::definition::Language;
use crate::messages::honeypot_label;

/// `page` with the honeypot field added to its form, just after the CSRF token (the question
/// page renderer writes the token first in every form).
pub(crate) fn add_to(page: String, field: &str, language: Language) -> String {
    let marker = "name=\"csrf_token\"";
    let Some(at) = page.find(marker) else {
        return page;
    };
    // maud escapes `>` in attribute values, so the first `>` after the name ends the tag.
    let Some(end) = page[at..].find('>').map(|i| at + i + 1) else {
        return page;
    };
    let id = format!("civic-{field}");
    let trap = html! {
        div hidden aria-hidden="true" {
            label for=(id) { (honeypot_label(language)) }
            input id=(id) name=(field) type="text" tabindex="-1" autocomplete="off" value="";
        }
    };
    let mut out = String::with_capacity(page.len() + 200);
    out.push_str(&page[..end]);
    out.push_str(&trap.into_string());
    out.push_str(&page[end..]);
    out
}

/// Whether a bot filled in the honeypot.
pub(crate) fn filled(submitted: &Submitted, field: &str) -> bool {
    submitted
        .all(field)
        .iter()
        .any(|value| !value.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_field_goes_after_the_token_and_is_hidden() {
        let page = r#"<form><input type="hidden" name="csrf_token" value="a&gt;b"><input name="q"></form>"#;
        let out = add_to(page.to_owned(), "website", Language::Cy);
        assert!(
            out.starts_with(
                r#"<form><input type="hidden" name="csrf_token" value="a&gt;b"><div hidden aria-hidden="true"><label for="civic-website">Gadewch"#
            ),
            "{out}"
        );
        assert!(out.ends_with(r#"<input name="q"></form>"#), "{out}");
        assert_eq!(
            add_to("<p>no form</p>".into(), "website", Language::En),
            "<p>no form</p>"
        );
    }

    #[test]
    fn only_a_non_blank_value_counts_as_filled() {
        assert!(!filled(
            &Submitted::from_pairs([("website", " ")]),
            "website"
        ));
        assert!(!filled(&Submitted::default(), "website"));
        assert!(filled(
            &Submitted::from_pairs([("website", "http://spam")]),
            "website"
        ));
    }
}
