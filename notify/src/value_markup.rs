//! How far a placeholder's value may shape an email or letter.

use std::sync::OnceLock;

use fancy_regex::Regex;

/// How a placeholder's value is treated in an email or letter body.
///
/// GOV.UK Notify reads values as markdown unless the sender names them in
/// `sanitise_content_for`, so a resident who types `[click](https://evil.example)` into a form
/// can put a link into the council's own email. civic turns that round: every value is plain
/// text unless the service says otherwise.
///
/// ```
/// use civic_notify::{Branding, Language, Personalisation, Template, TemplateKind};
///
/// let template = Template::new(TemplateKind::Email, Some("Hello"), "Dear ((name)),\n\n((link))");
/// let values = Personalisation::new()
///     .with("name", "[click](https://evil.example)")
///     .with("link", "https://council.example/track")
///     .trust_markdown("link");
/// let email = template.render_email(Language::English, &values, &Branding::new("Council", "#005EA5"))?;
/// assert!(email.html.contains("[click](https://evil.example)"));
/// assert_eq!(email.html.matches("<a ").count(), 1);
/// # Ok::<(), civic_notify::TemplateError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum ValueMarkup {
    /// Shown exactly as given: markdown characters, HTML and web addresses stay plain text,
    /// never headings, lists, inset text or links. The default.
    #[default]
    Text,
    /// As [`ValueMarkup::Text`], and web addresses are removed: what Notify's
    /// `sanitise_content_for` promises ("escape all Markdown characters, remove any url links").
    TextWithoutUrls,
    /// Read as Notify markdown, as Notify does by default: the value can add headings, lists
    /// and links. Only for text the council wrote itself (a sign-in link it generated), never
    /// for anything a resident typed.
    Markdown,
}

/// `value` with every web address (`http://…`, `https://…`, `www.…`) taken out.
pub(crate) fn remove_urls(value: &str) -> String {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    let pattern = PATTERN.get_or_init(|| {
        Regex::new(r"(?i)(?:\b[a-z][a-z0-9+.\-]*://|\bwww\.)[^\s<>]*")
            .expect("URL pattern compiles")
    });
    pattern.replace_all(value, "").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_are_taken_out() {
        assert_eq!(
            remove_urls("see https://evil.example/x?y=1 or www.evil.example now"),
            "see  or  now"
        );
        assert_eq!(remove_urls("javascript://x%0aalert(1) ok"), " ok");
        assert_eq!(remove_urls("no links here."), "no links here.");
    }
}
