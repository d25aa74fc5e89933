//! Amounts of money in pounds and pence, kept as whole pence: never a float.

use civic_components::Affix;
use maud::Markup;
use time::Date;

use super::{AnswerKind, AnswerValue, FieldError, Outcome, Submitted};
use crate::decimal::Decimal;
use crate::definition::{Language, MoneyOptions, Question};
use crate::messages::Message;
use crate::render::{FieldContext, text_input};

/// An amount of money in pounds and pence, within the question's limits.
pub(super) struct Kind<'a>(pub(super) &'a MoneyOptions);

impl AnswerKind for Kind<'_> {
    fn read(&self, question: &Question, submitted: &Submitted, _today: Date) -> Outcome {
        read(question, self.0, submitted)
    }

    /// A short input after a `£`, on the keyboard with a decimal point.
    fn field(&self, question: &Question, at: FieldContext<'_>) -> Markup {
        text_input(question, at, |input| {
            input
                .inputmode("decimal")
                .spellcheck(false)
                .prefix(Affix::text("£"))
                .classes("govuk-input--width-5")
        })
    }

    fn display(&self, _: &Question, value: &AnswerValue, _: Language) -> Option<Vec<String>> {
        match value {
            AnswerValue::Money(pence) => Some(vec![display(*pence)]),
            _ => None,
        }
    }
}

/// Reads an amount like `£1,234.50`, `1234.5` or `600`.
fn read(question: &Question, options: &MoneyOptions, submitted: &Submitted) -> Outcome {
    let typed: String = submitted
        .get(&question.id)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',')
        .collect();
    let typed = typed.strip_prefix('£').unwrap_or(&typed);
    if typed.is_empty() {
        return Ok(None);
    }
    let error = |message| Err(vec![FieldError::whole(question, message)]);
    let Some(pence) = to_pence(typed) else {
        return error(Message::NotMoney);
    };
    if let Some(min) = options.min_pence.filter(|min| pence < *min) {
        return error(Message::TooSmall(display(min)));
    }
    if let Some(max) = options.max_pence.filter(|max| pence > *max) {
        return error(Message::TooLarge(display(max)));
    }
    Ok(Some(AnswerValue::Money(pence)))
}

/// Pence in `text`, which must be a positive amount with at most 2 decimal places.
fn to_pence(text: &str) -> Option<u64> {
    if text.starts_with(['-', '+']) {
        return None;
    }
    let value = Decimal::parse(text).ok()?;
    if value.decimal_places() > 2 {
        return None;
    }
    let (pounds, pence) = text.split_once('.').unwrap_or((text, ""));
    let pence = format!("{pence:0<2}");
    let pounds: u64 = if pounds.is_empty() {
        0
    } else {
        pounds.parse().ok()?
    };
    // Trailing zeros beyond 2 places were allowed by `decimal_places`; keep the first two.
    let pence: u64 = pence.get(..2)?.parse().ok()?;
    pounds.checked_mul(100)?.checked_add(pence)
}

/// `£1,234.50`, or `£600` for whole pounds.
fn display(pence: u64) -> String {
    match pence % 100 {
        0 => format!("£{}", grouped_pounds(pence)),
        p => format!("£{}.{p:02}", grouped_pounds(pence)),
    }
}

/// An amount to pay or paid, always with its pence as payment pages show it: `£35.00`.
pub(crate) fn amount(pence: u64) -> String {
    format!("£{}.{:02}", grouped_pounds(pence), pence % 100)
}

/// The whole pounds of `pence`, thousands separated by commas.
fn grouped_pounds(pence: u64) -> String {
    let pounds = (pence / 100).to_string();
    let mut grouped = String::new();
    for (i, digit) in pounds.chars().enumerate() {
        if i > 0 && (pounds.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::AnswerType;
    use crate::render::field_test;
    use proptest::prelude::*;

    fn rent() -> Question {
        named(
            AnswerType::Money(MoneyOptions {
                min_pence: Some(100),
                max_pence: Some(1_000_000),
            }),
            "your rent",
        )
    }

    #[test]
    fn the_field_has_a_pound_prefix_and_the_decimal_keyboard() {
        let html = field_test::render_question(&rent(), &one("12.50"), false);
        assert!(html.contains("govuk-input__prefix"), "{html}");
        assert!(html.contains("£"), "{html}");
        assert!(html.contains(r#"inputmode="decimal""#), "{html}");
        assert!(html.contains(r#"value="12.50""#), "{html}");
    }

    #[test]
    fn amounts_become_pence() {
        for (typed, pence) in [
            ("£1,234.50", 123_450),
            ("600", 60_000),
            ("12.5", 1250),
            ("0.990", 99),
            (".5", 50),
        ] {
            let q = question(AnswerType::Money(MoneyOptions::default()));
            assert_eq!(
                run(&q, &one(typed)),
                Ok(Some(AnswerValue::Money(pence))),
                "{typed}"
            );
        }
        assert_eq!(
            error(&rent(), "12.345"),
            "Rent must be an amount of money, like 600 or 193.54"
        );
        assert_eq!(
            error(&rent(), "-5"),
            "Rent must be an amount of money, like 600 or 193.54"
        );
        assert_eq!(error(&rent(), "0.50"), "Rent must be £1 or more");
        assert_eq!(error(&rent(), "10000.01"), "Rent must be £10,000 or less");
        assert_eq!(display(123_456_789), "£1,234,567.89");
    }

    #[test]
    fn amounts_to_pay_always_show_pence() {
        assert_eq!(amount(3500), "£35.00");
        assert_eq!(amount(5), "£0.05");
        assert_eq!(amount(123_456_700), "£1,234,567.00");
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused(text in ".*") {
            let _ = run(&rent(), &one(&text));
        }

        #[test]
        fn pence_read_back_from_their_display(pence in 0u64..10_000_000_000) {
            let q = question(AnswerType::Money(MoneyOptions::default()));
            prop_assert_eq!(run(&q, &one(&display(pence))), Ok(Some(AnswerValue::Money(pence))));
        }

        #[test]
        fn amounts_to_pay_read_back(pence in 0u64..10_000_000_000) {
            let q = question(AnswerType::Money(MoneyOptions::default()));
            prop_assert_eq!(run(&q, &one(&amount(pence))), Ok(Some(AnswerValue::Money(pence))));
        }
    }
}
