//! A page's stored answers turned back into form fields, so a page opened again (by the back
//! link or a Change link) shows what the resident answered.

use crate::answers::{AnswerValue, Submitted};
use crate::definition::Page;
use crate::journey::Values;

/// The fields that would submit `values` again on `page`, follow-ups included.
pub(crate) fn prefill(page: &Page, values: &Values) -> Submitted {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for question in &page.questions {
        question.visit(&mut |q| {
            if let Some(value) = values.get(&q.id) {
                fields(&q.id, value, &mut pairs);
            }
        });
    }
    let mut submitted = Submitted::from_pairs(pairs);
    // A file cannot be put back in a file input: the page names the files uploaded instead.
    for question in &page.questions {
        question.visit(&mut |q| {
            if let Some(AnswerValue::Files(files)) = values.get(&q.id) {
                submitted.set_files(q.id.clone(), Ok(files.clone()));
            }
        });
    }
    submitted
}

fn fields(id: &str, value: &AnswerValue, pairs: &mut Vec<(String, String)>) {
    let mut part = |name: &str, text: String| pairs.push((format!("{id}.{name}"), text));
    match value {
        AnswerValue::Text(text) => pairs.push((id.to_owned(), text.clone())),
        AnswerValue::Name(name) => {
            part("title", name.title.clone().unwrap_or_default());
            part("first_name", name.first.clone());
            part("last_name", name.last.clone());
        }
        AnswerValue::Number(number) => pairs.push((id.to_owned(), number.to_string())),
        AnswerValue::Money(pence) => {
            pairs.push((id.to_owned(), format!("{}.{:02}", pence / 100, pence % 100)));
        }
        AnswerValue::Date(date) => {
            part("day", date.day().to_string());
            part("month", u8::from(date.month()).to_string());
            part("year", date.year().to_string());
        }
        AnswerValue::MonthYear { year, month } => {
            part("month", month.to_string());
            part("year", year.to_string());
        }
        AnswerValue::Time { hour, minute } => {
            part("hour", hour.to_string());
            part("minute", format!("{minute:02}"));
        }
        AnswerValue::YesNo(yes) => {
            pairs.push((id.to_owned(), if *yes { "yes" } else { "no" }.to_owned()));
        }
        AnswerValue::Choice(choice) => pairs.push((id.to_owned(), choice.clone())),
        AnswerValue::Choices(choices) => {
            pairs.extend(choices.iter().map(|c| (id.to_owned(), c.clone())));
        }
        AnswerValue::UkAddress(address) => {
            part("line1", address.line1.clone());
            part("line2", address.line2.clone().unwrap_or_default());
            part("town", address.town.clone());
            part("county", address.county.clone().unwrap_or_default());
            part("postcode", address.postcode.clone());
        }
        AnswerValue::InternationalAddress(address) => {
            for (name, line) in ["line1", "line2", "line3"].iter().zip(&address.lines) {
                part(name, line.clone());
            }
            part("postcode", address.postcode.clone().unwrap_or_default());
            part("country", address.country.clone());
        }
        AnswerValue::BankDetails(bank) => {
            part("account_name", bank.account_name.clone());
            part("sort_code", bank.sort_code.clone());
            part("account_number", bank.account_number.clone());
            part("roll_number", bank.roll_number.clone().unwrap_or_default());
        }
        // Given to the page as files, above.
        AnswerValue::Files(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::answers::read_page;
    use crate::definition::{FormDefinition, Format};

    #[test]
    fn stored_answers_read_back_to_the_same_values() {
        let form = FormDefinition::parse(
            r#"
id: t
title: T
pages:
  - id: p
    title: P
    questions:
      - { id: dob, label: Date of birth, answer: { type: date_of_birth } }
      - { id: fee, label: Fee, answer: { type: money } }
      - { id: at, label: Time, answer: { type: time } }
      - { id: ok, label: OK?, answer: { type: yes_no } }
      - id: pets
        label: Pets
        answer:
          type: many_from_list
          options: [{ value: cat, label: Cat }, { value: dog, label: Dog }]
"#,
            Format::Yaml,
        )
        .unwrap();
        let page = &form.pages[0];
        let typed = Submitted::from_pairs([
            ("dob.day", "3"),
            ("dob.month", "Feb"),
            ("dob.year", "1990"),
            ("fee", "£12.5"),
            ("at.hour", "9"),
            ("at.minute", "5"),
            ("ok", "yes"),
            ("pets", "cat"),
            ("pets", "dog"),
        ]);
        let today = date!(2026 - 11 - 28);
        let values: Values = read_page(page, &typed, today)
            .unwrap()
            .into_iter()
            .filter_map(|(id, v)| Some((id, v?)))
            .collect();
        let again = prefill(page, &values);
        assert_eq!(again.get("dob.month"), "2");
        assert_eq!(again.get("fee"), "12.50");
        let reread: Values = read_page(page, &again, today)
            .unwrap()
            .into_iter()
            .filter_map(|(id, v)| Some((id, v?)))
            .collect();
        assert_eq!(reread, values);
    }
}
