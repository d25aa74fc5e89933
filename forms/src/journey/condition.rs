//! Evaluating conditions against answers.

use time::Date;

use super::Values;
use crate::answers::AnswerValue;
use crate::decimal::Decimal;
use crate::definition::Condition;

/// Whether `condition` holds for `values`, with relative dates counted from `today`. A
/// condition on a question with no answer is false (except `not_answered`).
pub fn holds(condition: &Condition, values: &Values, today: Date) -> bool {
    match condition {
        Condition::All(list) => list.iter().all(|c| holds(c, values, today)),
        Condition::Any(list) => list.iter().any(|c| holds(c, values, today)),
        Condition::Not(inner) => !holds(inner, values, today),
        Condition::Answered(q) => values.contains_key(&q.question),
        Condition::NotAnswered(q) => !values.contains_key(&q.question),
        Condition::Equals(t) => values.get(&t.question).is_some_and(|v| equals(v, &t.value)),
        Condition::OneOf(t) => values
            .get(&t.question)
            .is_some_and(|v| t.values.iter().any(|value| equals(v, value))),
        Condition::Contains(t) => match values.get(&t.question) {
            Some(AnswerValue::Choices(chosen)) => chosen.contains(&t.value),
            Some(AnswerValue::Text(text)) => text.to_lowercase().contains(&t.value.to_lowercase()),
            _ => false,
        },
        Condition::Number(t) => match values.get(&t.question) {
            Some(AnswerValue::Number(n)) => t.holds_for(*n),
            Some(AnswerValue::Money(pence)) => {
                i64::try_from(*pence).is_ok_and(|p| t.holds_for(Decimal::from_pence(p)))
            }
            _ => false,
        },
        Condition::Date(t) => match values.get(&t.question) {
            Some(AnswerValue::Date(date)) => t.holds_for(*date, today),
            // A month and year is compared as the first of the month.
            Some(AnswerValue::MonthYear { year, month }) => time::Month::try_from(*month)
                .ok()
                .and_then(|m| Date::from_calendar_date(*year, m, 1).ok())
                .is_some_and(|d| t.holds_for(d, today)),
            _ => false,
        },
    }
}

/// Whether an answer equals a value written in a definition.
fn equals(answer: &AnswerValue, value: &str) -> bool {
    match answer {
        AnswerValue::YesNo(yes) => value == if *yes { "yes" } else { "no" },
        AnswerValue::Choice(chosen) => chosen == value,
        AnswerValue::Choices(chosen) => chosen.len() == 1 && chosen[0] == value,
        AnswerValue::Text(text) => text.trim().eq_ignore_ascii_case(value.trim()),
        AnswerValue::Number(n) => Decimal::parse(value).is_ok_and(|v| v == *n),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::{DateRef, DateTest, NumberTest, QuestionRef, ValueTest, ValuesTest};
    use time::macros::date;

    fn values() -> Values {
        Values::from([
            ("vehicle".to_owned(), AnswerValue::YesNo(true)),
            (
                "rooms".to_owned(),
                AnswerValue::Number(Decimal::from_integer(3)),
            ),
            ("rent".to_owned(), AnswerValue::Money(50_050)),
            (
                "benefits".to_owned(),
                AnswerValue::Choices(vec!["pc".into(), "uc".into()]),
            ),
            ("dob".to_owned(), AnswerValue::Date(date!(2000 - 06 - 15))),
            ("size".to_owned(), AnswerValue::Choice("large".into())),
        ])
    }

    fn q(id: &str) -> QuestionRef {
        QuestionRef {
            question: id.into(),
        }
    }

    #[test]
    fn each_kind_of_condition() {
        let v = values();
        let today = date!(2025 - 06 - 15);
        let eq = |question: &str, value: &str| {
            Condition::Equals(ValueTest {
                question: question.into(),
                value: value.into(),
            })
        };
        assert!(holds(&eq("vehicle", "yes"), &v, today));
        assert!(!holds(&eq("vehicle", "no"), &v, today));
        assert!(holds(
            &Condition::OneOf(ValuesTest {
                question: "size".into(),
                values: vec!["small".into(), "large".into()]
            }),
            &v,
            today
        ));
        assert!(holds(
            &Condition::Contains(ValueTest {
                question: "benefits".into(),
                value: "uc".into()
            }),
            &v,
            today
        ));
        let more = |question: &str, n: &str| {
            Condition::Number(NumberTest {
                question: question.into(),
                more_than: Some(Decimal::parse(n).unwrap()),
                ..NumberTest::default()
            })
        };
        assert!(holds(&more("rooms", "2"), &v, today));
        assert!(holds(&more("rent", "500.49"), &v, today));
        assert!(!holds(&more("rent", "500.50"), &v, today));
        let adult = Condition::Date(DateTest {
            question: "dob".into(),
            on_or_before: Some(DateRef::FromToday {
                years: -25,
                months: 0,
                days: 0,
            }),
            ..DateTest::default()
        });
        assert!(holds(&adult, &v, today));
        assert!(!holds(&adult, &v, date!(2025 - 06 - 14)));
        assert!(holds(&Condition::NotAnswered(q("email")), &v, today));
        assert!(holds(
            &Condition::All(vec![
                Condition::Answered(q("vehicle")),
                Condition::Not(Box::new(eq("size", "small")))
            ]),
            &v,
            today
        ));
        assert!(!holds(
            &Condition::Any(vec![eq("size", "small"), Condition::Answered(q("email"))]),
            &v,
            today
        ));
        assert!(!holds(&eq("missing", "x"), &v, today));
    }
}
