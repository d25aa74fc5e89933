//! Text messages: rendered, encoded and counted exactly as GOV.UK Notify counts them.

use serde::Serialize;

use crate::field::{self, FieldOptions};
use crate::formatters::{
    normalise_multiple_newlines, normalise_whitespace_and_newlines,
    remove_whitespace_before_punctuation, strip,
};
use crate::gsm::{self, CharacterChange};
use crate::personalisation::Personalisation;

/// The longest message body Notify sends, in characters, not counting the sender's name.
pub const SMS_CHARACTER_LIMIT: usize = 918;

/// What to do with characters outside the GSM alphabet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum SmsPolicy {
    /// Notify's long-standing behaviour: replace them (`é` → `e`, emoji → `?`), keeping
    /// Welsh letters, so most messages go as cheaper GSM. Only a Welsh letter outside GSM
    /// sends the message as UCS-2.
    #[default]
    Gsm,
    /// Notify's newer behaviour: keep every character; any character outside GSM sends the
    /// message as UCS-2 (70 characters a fragment instead of 160).
    Unicode,
}

/// How a message travels over the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub enum SmsEncoding {
    /// GSM 03.38, 7 bits a character: 160 a message, 153 a fragment when split.
    #[serde(rename = "GSM-7")]
    Gsm7,
    /// UCS-2 (UTF-16), 16 bits a unit: 70 a message, 67 a fragment when split.
    #[serde(rename = "UCS-2")]
    Ucs2,
}

impl SmsEncoding {
    /// Notify's name for the encoding: `GSM-7` or `UCS-2`.
    pub fn name(self) -> &'static str {
        match self {
            SmsEncoding::Gsm7 => "GSM-7",
            SmsEncoding::Ucs2 => "UCS-2",
        }
    }
}

/// A text message as it will be sent, with what it costs.
///
/// ```
/// use civic_notify::{Personalisation, SmsEncoding, SmsMessage, SmsPolicy};
///
/// let values = Personalisation::new().with("day", "Dydd Llun");
/// let message = SmsMessage::render(
///     "Bydd eich casgliad ar ((day)) – diolch",
///     &values,
///     Some("Cyngor Sir Ŵ"),
///     SmsPolicy::Gsm,
/// );
/// assert_eq!(message.text(), "Cyngor Sir Ŵ: Bydd eich casgliad ar Dydd Llun - diolch");
/// assert_eq!(message.encoding(), SmsEncoding::Ucs2);
/// assert_eq!(message.fragments(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmsMessage {
    text: String,
    encoding: SmsEncoding,
    characters: usize,
    characters_without_prefix: usize,
    extended_characters: usize,
    changes: Vec<CharacterChange>,
}

/// Stands in for placeholders with no value while whitespace is normalised, then removed, so
/// an unfilled template is counted as Notify counts it.
const MISSING: &str = "\u{1F1EC}\u{1F1E7}\u{1F426}\u{2709}\u{FE0F}";

impl SmsMessage {
    /// A message from template text with no values: placeholders count as empty, as Notify
    /// counts a template before it is personalised.
    pub fn new(content: &str, prefix: Option<&str>, policy: SmsPolicy) -> SmsMessage {
        SmsMessage::render(content, &Personalisation::new(), prefix, policy)
    }

    /// A message from template text and its values. `prefix` is the sender's name that Notify
    /// puts before the text (`"Cardiff Council: "`), counted in the length.
    pub fn render(
        content: &str,
        values: &Personalisation,
        prefix: Option<&str>,
        policy: SmsPolicy,
    ) -> SmsMessage {
        let filled;
        let values = if values.is_empty() {
            filled = field::placeholder_names(content)
                .into_iter()
                .map(|name| (name, MISSING))
                .collect::<Personalisation>();
            &filled
        } else {
            values
        };
        let body = field::render(content, values, FieldOptions::default());
        let prefix = prefix.map(strip).filter(|prefix| !prefix.is_empty());
        let with_prefix = match prefix {
            Some(prefix) => format!("{prefix}: {body}"),
            None => body,
        };
        let text = remove_whitespace_before_punctuation(&with_prefix);
        let text = normalise_whitespace_and_newlines(&text, policy == SmsPolicy::Unicode);
        let text = normalise_multiple_newlines(&text);
        let text = strip(&text).replace(MISSING, "");

        let mut changes = Vec::new();
        let (text, prefix) = match policy {
            SmsPolicy::Gsm => (
                gsm::downgrade_to_gsm(&text, &mut changes),
                prefix.map(|p| gsm::downgrade_to_gsm(p, &mut Vec::new())),
            ),
            SmsPolicy::Unicode => (
                gsm::replace_only(&text, &mut changes),
                prefix.map(|p| gsm::replace_only(p, &mut Vec::new())),
            ),
        };
        let encoding = match policy {
            SmsPolicy::Gsm if text.chars().any(gsm::is_welsh_non_gsm) => SmsEncoding::Ucs2,
            SmsPolicy::Unicode if !text.chars().all(gsm::is_gsm) => SmsEncoding::Ucs2,
            _ => SmsEncoding::Gsm7,
        };
        let characters = text.encode_utf16().count();
        let characters_without_prefix = match &prefix {
            Some(prefix) => characters.saturating_sub(prefix.encode_utf16().count() + 2),
            None => characters,
        };
        let extended_characters = text.chars().filter(|c| gsm::is_extended_gsm(*c)).count();
        SmsMessage {
            text,
            encoding,
            characters,
            characters_without_prefix,
            extended_characters,
            changes,
        }
    }

    /// The text as sent, sender's name included.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// How the message travels.
    pub fn encoding(&self) -> SmsEncoding {
        self.encoding
    }

    /// Characters in the message as sent (UTF-16 units), sender's name included.
    pub fn characters(&self) -> usize {
        self.characters
    }

    /// Characters not counting the sender's name: what the 918 limit applies to.
    pub fn characters_without_prefix(&self) -> usize {
        self.characters_without_prefix
    }

    /// Characters from the GSM extension table, which take two places each in GSM-7.
    pub fn extended_characters(&self) -> usize {
        self.extended_characters
    }

    /// Places the message fills: characters, plus one for each extension character in GSM-7.
    pub fn units(&self) -> usize {
        match self.encoding {
            SmsEncoding::Gsm7 => self.characters + self.extended_characters,
            SmsEncoding::Ucs2 => self.characters,
        }
    }

    /// How many fragments the network carries it in, each one charged.
    pub fn fragments(&self) -> usize {
        let (single, part) = self.limits();
        let units = self.units();
        if units <= single {
            1
        } else {
            units.div_ceil(part)
        }
    }

    /// Places used in the last fragment: how close the message is to costing one more.
    pub fn units_in_last_fragment(&self) -> usize {
        let (single, part) = self.limits();
        let units = self.units();
        match self.fragments() {
            1 => units,
            2 => units - single,
            n => units - (n - 1) * part,
        }
    }

    /// Whether the body (not counting the sender's name) is over [`SMS_CHARACTER_LIMIT`].
    pub fn is_too_long(&self) -> bool {
        self.characters_without_prefix > SMS_CHARACTER_LIMIT
    }

    /// Characters over [`SMS_CHARACTER_LIMIT`], or 0.
    pub fn characters_over_limit(&self) -> usize {
        self.characters_without_prefix
            .saturating_sub(SMS_CHARACTER_LIMIT)
    }

    /// Whether there is nothing to send once the sender's name is set aside.
    pub fn is_empty(&self) -> bool {
        self.characters_without_prefix == 0
    }

    /// Characters that were replaced or removed to fit the encoding, each listed once.
    pub fn changes(&self) -> &[CharacterChange] {
        &self.changes
    }

    fn limits(&self) -> (usize, usize) {
        match self.encoding {
            SmsEncoding::Gsm7 => (160, 153),
            SmsEncoding::Ucs2 => (70, 67),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn extension_characters_count_double() {
        let message = SmsMessage::new(&"{".repeat(81), None, SmsPolicy::Gsm);
        assert_eq!(message.units(), 162);
        assert_eq!(message.fragments(), 2);
    }

    #[test]
    fn unicode_policy_keeps_emoji_and_counts_utf16() {
        let message = SmsMessage::new("Bins 🚮", None, SmsPolicy::Unicode);
        assert_eq!(message.text(), "Bins 🚮");
        assert_eq!(message.encoding(), SmsEncoding::Ucs2);
        assert_eq!(message.characters(), 7);
        let downgraded = SmsMessage::new("Bins 🚮", None, SmsPolicy::Gsm);
        assert_eq!(downgraded.text(), "Bins ?");
        assert_eq!(downgraded.changes()[0].from, '🚮');
    }

    #[test]
    fn limit_ignores_the_sender_name() {
        let message = SmsMessage::new(&"a".repeat(918), Some("Council"), SmsPolicy::Gsm);
        assert!(!message.is_too_long());
        let message = SmsMessage::new(&"a".repeat(919), Some("Council"), SmsPolicy::Gsm);
        assert_eq!(message.characters_over_limit(), 1);
    }

    proptest! {
        #[test]
        fn never_panics_and_fragments_cover_the_text(
            content in "\\PC{0,400}",
            prefix in proptest::option::of("\\PC{0,20}"),
            unicode in any::<bool>(),
        ) {
            let policy = if unicode { SmsPolicy::Unicode } else { SmsPolicy::Gsm };
            let message = SmsMessage::new(&content, prefix.as_deref(), policy);
            let per = if message.encoding() == SmsEncoding::Gsm7 { 160 } else { 70 };
            prop_assert!(message.fragments() * per >= message.units());
            prop_assert!(message.units_in_last_fragment() <= per);
        }
    }
}
