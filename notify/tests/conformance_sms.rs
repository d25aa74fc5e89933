//! GOV.UK Notify's SMS cases: sanitisation tables, rendering, encoding and fragment counts,
//! under both of Notify's policies (v127 downgrade to GSM, v128 keep Unicode).

mod common;

use civic_notify::{Personalisation, SmsMessage, SmsPolicy};
use serde_json::{Value, json};

fn message(case: &Value, policy: SmsPolicy) -> SmsMessage {
    let content = case["content"].as_str().expect("content");
    let prefix = case["prefix"].as_str();
    let values = case["values"]
        .as_object()
        .map(Personalisation::from_json)
        .unwrap_or_default();
    SmsMessage::render(content, &values, prefix, policy)
}

fn computed(message: &SmsMessage) -> Value {
    json!({
        "rendered": message.text(),
        "content_count": message.characters(),
        "content_count_without_prefix": message.characters_without_prefix(),
        "fragment_count": message.fragments(),
        "count_of_characters_above_previous_fragment_boundary": message.units_in_last_fragment(),
        "count_extended_gsm_chars": message.extended_characters(),
        "encoding": message.encoding().name(),
        "is_message_too_long": message.is_too_long(),
        "count_of_characters_above_limit": message.characters_over_limit(),
        "is_message_empty": message.is_empty(),
    })
}

fn check_file(file: &str, policy: SmsPolicy) {
    let Some(folder) = common::notify_cases(file) else {
        return;
    };
    let data = common::load(&folder, file);
    let mut cases: Vec<&Value> = data["cases"].as_array().expect("cases").iter().collect();
    if let Some(derived) = data["derived_cases_not_from_notify_tests"].as_array() {
        cases.extend(derived);
    }
    let mut mismatches = Vec::new();
    for (index, case) in cases.iter().enumerate() {
        let got = computed(&message(case, policy));
        let expected = &case["notify_computed"];
        let differing: Vec<String> = got
            .as_object()
            .expect("object")
            .iter()
            .filter(|(key, value)| expected.get(key.as_str()) != Some(value))
            .map(|(key, value)| format!("{key}: expected {}, got {value}", expected[key]))
            .collect();
        if !differing.is_empty() {
            let content: String = case["content"]
                .as_str()
                .unwrap_or("")
                .chars()
                .take(40)
                .collect();
            mismatches.push((format!("#{index} {content:?}"), differing.join("; ")));
        }
    }
    common::check(file, cases.len(), mismatches);
}

#[test]
fn gsm_policy_matches_notify_v127() {
    check_file("sms_fragments.json", SmsPolicy::Gsm);
}

#[test]
fn unicode_policy_matches_notify_v128() {
    check_file("sms_fragments_v128_unicode.json", SmsPolicy::Unicode);
}

#[test]
fn sanitisation_matches_notify() {
    let Some(folder) = common::notify_cases("sanitisation_matches_notify") else {
        return;
    };
    let data = common::load(&folder, "sanitise.json");
    let mut total = 0;
    let mut mismatches = Vec::new();
    for case in data["encode_cases"].as_array().expect("encode_cases") {
        let input = case["input"].as_str().expect("input");
        total += 2;
        let sms = civic_notify::downgrade_to_sms(input);
        if Some(sms.as_str()) != case["computed_sms"].as_str() {
            mismatches.push((format!("{input:?} sms"), format!("{case}, got {sms:?}")));
        }
        let ascii = civic_notify::downgrade_to_ascii(input);
        if Some(ascii.as_str()) != case["computed_ascii"].as_str() {
            mismatches.push((format!("{input:?} ascii"), format!("{case}, got {ascii:?}")));
        }
    }
    for case in data["get_non_gsm_characters_cases"]
        .as_array()
        .expect("cases")
    {
        total += 1;
        let input = case["input"].as_str().expect("input");
        // Notify's non-GSM characters are those neither GSM nor replaceable: what the
        // Unicode policy would keep and send as UCS-2.
        let kept = SmsMessage::new(input, None, SmsPolicy::Unicode);
        let mut non_gsm: Vec<String> = Vec::new();
        for c in kept.text().chars() {
            if !civic_notify::GSM_CHARACTERS.contains(c)
                && !civic_notify::EXTENDED_GSM_CHARACTERS.contains(c)
                && !civic_notify::WELSH_DIACRITICS.contains(c)
                && !non_gsm.contains(&c.to_string())
            {
                non_gsm.push(c.to_string());
            }
        }
        if json!(non_gsm) != case["computed"] {
            mismatches.push((
                format!("{input:?} non_gsm"),
                format!("{case}, got {non_gsm:?}"),
            ));
        }
    }
    let tables = [
        ("gsm_characters", civic_notify::GSM_CHARACTERS),
        (
            "extended_gsm_characters_count_double",
            civic_notify::EXTENDED_GSM_CHARACTERS,
        ),
        ("welsh_diacritics_allowed", civic_notify::WELSH_DIACRITICS),
        (
            "welsh_non_gsm_characters_force_ucs2",
            civic_notify::WELSH_NON_GSM_CHARACTERS,
        ),
    ];
    for (name, ours) in tables {
        total += 1;
        let mut expected: Vec<char> = data[name].as_str().expect("table").chars().collect();
        let mut got: Vec<char> = ours.chars().collect();
        expected.sort_unstable();
        got.sort_unstable();
        if expected != got {
            mismatches.push((
                name.to_owned(),
                format!("expected {expected:?}, got {got:?}"),
            ));
        }
    }
    common::check("sanitise.json", total, mismatches);
}
