//! Typed conditions on answers, used by routes and computed fees.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};
use time::{Date, Month};

use crate::decimal::Decimal;

/// A test on the answers given so far.
///
/// ```yaml
/// when:
///   all:
///     - equals: { question: lives_in_area, value: "yes" }
///     - date: { question: date_of_birth, on_or_before: { years: -18 } }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Condition {
    /// True when every condition in the list is true.
    All(Vec<Condition>),
    /// True when at least one condition in the list is true.
    Any(Vec<Condition>),
    /// True when the condition is false.
    Not(Box<Condition>),
    /// True when the question has been answered.
    Answered(QuestionRef),
    /// True when the question has not been answered (skipped, optional or not yet reached).
    NotAnswered(QuestionRef),
    /// True when the answer is exactly this value: an option's `value`, `yes` or `no`, or text.
    Equals(ValueTest),
    /// True when the answer is one of these values.
    OneOf(ValuesTest),
    /// True when a many-from-a-list answer includes this option, or a text answer contains
    /// this text (ignoring case).
    Contains(ValueTest),
    /// Compares a number or money answer (money in pounds, like `100.50`).
    Number(NumberTest),
    /// Compares a date answer with a fixed date or one relative to today.
    Date(DateTest),
}

/// Names the question a condition tests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionRef {
    /// The question's `id`.
    pub question: String,
}

/// A question and one value to test it against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValueTest {
    /// The question's `id`.
    pub question: String,
    /// The value to test for.
    pub value: String,
}

/// A question and the values to test it against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValuesTest {
    /// The question's `id`.
    pub question: String,
    /// The values to test for.
    pub values: Vec<String>,
}

/// Bounds for a number or money answer; every bound given must hold.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NumberTest {
    /// The question's `id`.
    pub question: String,
    /// The answer is less than this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub less_than: Option<Decimal>,
    /// The answer is this or less.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<Decimal>,
    /// The answer is more than this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub more_than: Option<Decimal>,
    /// The answer is this or more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<Decimal>,
    /// The answer is exactly this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equal_to: Option<Decimal>,
}

impl NumberTest {
    /// Whether `value` meets every bound. A test with no bounds is reported by `check`.
    pub fn holds_for(&self, value: Decimal) -> bool {
        self.less_than.is_none_or(|b| value < b)
            && self.at_most.is_none_or(|b| value <= b)
            && self.more_than.is_none_or(|b| value > b)
            && self.at_least.is_none_or(|b| value >= b)
            && self.equal_to.is_none_or(|b| value == b)
    }

    /// Whether at least one bound is given.
    pub fn has_bounds(&self) -> bool {
        self.less_than.is_some()
            || self.at_most.is_some()
            || self.more_than.is_some()
            || self.at_least.is_some()
            || self.equal_to.is_some()
    }
}

/// Bounds for a date answer; every bound given must hold.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateTest {
    /// The question's `id`.
    pub question: String,
    /// The answer is before this date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<DateRef>,
    /// The answer is this date or before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_or_before: Option<DateRef>,
    /// The answer is after this date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<DateRef>,
    /// The answer is this date or after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_or_after: Option<DateRef>,
}

impl DateTest {
    /// Whether `value` meets every bound, with relative dates counted from `today`.
    pub fn holds_for(&self, value: Date, today: Date) -> bool {
        let resolve = |bound: &Option<DateRef>| bound.as_ref().map(|b| b.resolve(today));
        resolve(&self.before).is_none_or(|b| value < b)
            && resolve(&self.on_or_before).is_none_or(|b| value <= b)
            && resolve(&self.after).is_none_or(|b| value > b)
            && resolve(&self.on_or_after).is_none_or(|b| value >= b)
    }

    /// Whether at least one bound is given.
    pub fn has_bounds(&self) -> bool {
        self.before.is_some()
            || self.on_or_before.is_some()
            || self.after.is_some()
            || self.on_or_after.is_some()
    }
}

/// A date in a condition: a fixed date, or one counted from the day the answer is checked.
///
/// Written as `"2025-04-01"`, `"today"`, or an offset from today such as `{ years: -18 }`
/// (18 years ago) or `{ months: 1, days: 14 }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "DateRefRepr", into = "DateRefRepr")]
#[non_exhaustive]
pub enum DateRef {
    /// This date.
    On(Date),
    /// Today moved by whole years, months and days (negative for the past). A day that does
    /// not exist in the target month (31 February) becomes that month's last day.
    FromToday {
        /// Years to add.
        years: i32,
        /// Months to add.
        months: i32,
        /// Days to add.
        days: i32,
    },
}

impl DateRef {
    /// Today.
    pub const TODAY: DateRef = DateRef::FromToday {
        years: 0,
        months: 0,
        days: 0,
    };

    /// The date this stands for when the answer is checked on `today`.
    pub fn resolve(&self, today: Date) -> Date {
        match *self {
            DateRef::On(date) => date,
            DateRef::FromToday {
                years,
                months,
                days,
            } => {
                let total_months = i64::from(today.year()) * 12
                    + i64::from(u8::from(today.month()) - 1)
                    + i64::from(years) * 12
                    + i64::from(months);
                let year = i32::try_from(total_months.div_euclid(12)).unwrap_or(today.year());
                let month = u8::try_from(total_months.rem_euclid(12) + 1)
                    .ok()
                    .and_then(|m| Month::try_from(m).ok())
                    .unwrap_or(today.month());
                let day = today.day().min(time::util::days_in_month(month, year));
                let moved = Date::from_calendar_date(year, month, day).unwrap_or(today);
                moved
                    .checked_add(time::Duration::days(i64::from(days)))
                    .unwrap_or(moved)
            }
        }
    }
}

const DATE_FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

/// How a [`DateRef`] is written in a definition.
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
enum DateRefRepr {
    /// `today`, or a date written `YYYY-MM-DD`.
    Text(String),
    /// An offset from today.
    Offset(DateOffset),
}

/// An offset from today; omitted parts count as zero.
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct DateOffset {
    /// Years to add (negative for the past).
    #[serde(default)]
    years: i32,
    /// Months to add (negative for the past).
    #[serde(default)]
    months: i32,
    /// Days to add (negative for the past).
    #[serde(default)]
    days: i32,
}

impl TryFrom<DateRefRepr> for DateRef {
    type Error = String;
    fn try_from(repr: DateRefRepr) -> Result<Self, String> {
        match repr {
            DateRefRepr::Text(text) if text == "today" => Ok(DateRef::TODAY),
            DateRefRepr::Text(text) => {
                Date::parse(&text, DATE_FORMAT)
                    .map(DateRef::On)
                    .map_err(|_| {
                        format!(
                            "`{text}` is not a date: write it like 2025-04-01, or write `today`"
                        )
                    })
            }
            DateRefRepr::Offset(o) => Ok(DateRef::FromToday {
                years: o.years,
                months: o.months,
                days: o.days,
            }),
        }
    }
}

impl From<DateRef> for DateRefRepr {
    fn from(date: DateRef) -> Self {
        match date {
            DateRef::TODAY => DateRefRepr::Text("today".to_owned()),
            DateRef::On(date) => DateRefRepr::Text(
                date.format(DATE_FORMAT)
                    .unwrap_or_else(|_| date.to_string()),
            ),
            DateRef::FromToday {
                years,
                months,
                days,
            } => DateRefRepr::Offset(DateOffset {
                years,
                months,
                days,
            }),
        }
    }
}

impl JsonSchema for DateRef {
    fn schema_name() -> Cow<'static, str> {
        "DateRef".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = DateRefRepr::json_schema(generator);
        schema.insert(
            "description".into(),
            "A date written YYYY-MM-DD, `today`, or an offset from today like {years: -18}.".into(),
        );
        schema
    }
}

impl Condition {
    /// The ids of every question this condition reads, in the order written.
    pub fn questions(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_questions(&mut out);
        out
    }

    fn collect_questions<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Condition::All(list) | Condition::Any(list) => {
                list.iter().for_each(|c| c.collect_questions(out));
            }
            Condition::Not(inner) => inner.collect_questions(out),
            Condition::Answered(q) | Condition::NotAnswered(q) => out.push(&q.question),
            Condition::Equals(t) | Condition::Contains(t) => out.push(&t.question),
            Condition::OneOf(t) => out.push(&t.question),
            Condition::Number(t) => out.push(&t.question),
            Condition::Date(t) => out.push(&t.question),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn conditions_read_from_yaml() {
        let yaml = r#"
all:
  - equals: { question: lives_here, value: "yes" }
  - any:
      - number: { question: rooms, at_least: 3 }
      - date: { question: dob, on_or_before: { years: -18 } }
      - not: { answered: { question: other } }
"#;
        let condition: Condition = serde_yaml::with::singleton_map_recursive::deserialize(
            serde_yaml::Deserializer::from_str(yaml),
        )
        .unwrap();
        assert_eq!(
            condition.questions(),
            ["lives_here", "rooms", "dob", "other"]
        );
        let json = serde_json::to_string(&condition).unwrap();
        assert_eq!(serde_json::from_str::<Condition>(&json).unwrap(), condition);
    }

    #[test]
    fn relative_dates_count_from_today() {
        let today = date!(2024 - 02 - 29);
        let ago = DateRef::FromToday {
            years: -18,
            months: 0,
            days: 0,
        };
        assert_eq!(ago.resolve(today), date!(2006 - 02 - 28));
        let later = DateRef::FromToday {
            years: 0,
            months: 1,
            days: 14,
        };
        assert_eq!(later.resolve(date!(2024 - 01 - 31)), date!(2024 - 03 - 14));
        let back = DateRef::FromToday {
            years: 0,
            months: -13,
            days: 0,
        };
        assert_eq!(back.resolve(date!(2024 - 01 - 15)), date!(2022 - 12 - 15));
        assert_eq!(DateRef::TODAY.resolve(today), today);
    }

    #[test]
    fn date_tests_compare_with_resolved_bounds() {
        let adult = DateTest {
            question: "dob".into(),
            on_or_before: Some(DateRef::FromToday {
                years: -18,
                months: 0,
                days: 0,
            }),
            ..DateTest::default()
        };
        let today = date!(2024 - 06 - 01);
        assert!(adult.holds_for(date!(2006 - 06 - 01), today));
        assert!(!adult.holds_for(date!(2006 - 06 - 02), today));
    }

    #[test]
    fn date_refs_are_written_as_authors_write_them() {
        let parsed: DateRef = serde_json::from_str("\"2025-04-01\"").unwrap();
        assert_eq!(parsed, DateRef::On(date!(2025 - 04 - 01)));
        assert_eq!(serde_json::to_string(&parsed).unwrap(), "\"2025-04-01\"");
        assert_eq!(
            serde_json::from_str::<DateRef>("\"today\"").unwrap(),
            DateRef::TODAY
        );
        let error = serde_json::from_str::<DateRef>("\"1/4/2025\"").unwrap_err();
        assert!(
            error.to_string().contains("write it like 2025-04-01"),
            "{error}"
        );
    }

    #[test]
    fn number_tests_hold_only_within_every_bound() {
        let test = NumberTest {
            question: "n".into(),
            more_than: Some(Decimal::from_integer(1)),
            at_most: Some(Decimal::parse("2.5").unwrap()),
            ..NumberTest::default()
        };
        assert!(test.holds_for(Decimal::parse("2.5").unwrap()));
        assert!(!test.holds_for(Decimal::from_integer(1)));
        assert!(!test.holds_for(Decimal::parse("2.51").unwrap()));
    }
}
