//! GOV.UK Notify's phone number and email address cases (notifications-utils v127.0.0).

mod common;

use civic_notify::{Allow, EmailAddress, PhoneNumber};
use serde_json::Value;

const MODES: [(&str, Allow); 4] = [
    ("uk_mobile_only", Allow::UK_MOBILE),
    ("uk_mobile_or_landline", Allow::UK_MOBILE_OR_LANDLINE),
    ("international_mobile", Allow::INTERNATIONAL_MOBILE),
    ("international_and_landline", Allow::ALL),
];

#[test]
fn phone_numbers_match_notify() {
    let Some(folder) = common::notify_cases("phone_numbers_match_notify") else {
        return;
    };
    let data = common::load(&folder, "phone_numbers.json");
    let cases = data["cases"].as_array().expect("cases");
    let mut total = 0;
    let mut mismatches = Vec::new();
    for case in cases {
        let input = case["input"].as_str().expect("input");
        for (mode, allow) in MODES {
            total += 1;
            let expected = &case["parse_and_validate"][mode];
            let got = PhoneNumber::parse(input, allow);
            let matches = match (&got, expected["ok"].as_bool()) {
                (Ok(number), Some(true)) => {
                    Some(number.as_str()) == expected["normalised"].as_str()
                }
                (Err(error), Some(false)) => {
                    Some(error.code()) == expected["error_code"].as_str()
                        && Some(error.to_string().as_str()) == expected["error_message"].as_str()
                        && Some(error.legacy_api_message())
                            == expected["legacy_v2_api_message"].as_str()
                }
                _ => false,
            };
            if !matches {
                mismatches.push((
                    format!("{input:?} {mode}"),
                    format!("expected {expected}, got {got:?}"),
                ));
            }
        }
        if let (Some(info), Ok(number)) = (
            case["info"]["international_info"].as_object(),
            PhoneNumber::parse(input, Allow::ALL),
        ) {
            total += 1;
            let got = number.international_info();
            let matches = info["international"] == Value::Bool(got.international)
                && info["crown_dependency"] == Value::Bool(got.crown_dependency)
                && info["country_prefix"] == got.country_prefix
                && info["rate_multiplier"] == got.rate_multiplier;
            if !matches {
                mismatches.push((
                    format!("{input:?} international_info"),
                    format!("expected {info:?}, got {got:?}"),
                ));
            }
        }
    }
    common::check("phone_numbers.json", total, mismatches);
}

#[test]
fn email_addresses_match_notify() {
    let Some(folder) = common::notify_cases("email_addresses_match_notify") else {
        return;
    };
    let data = common::load(&folder, "email_addresses.json");
    let cases = data["cases"].as_array().expect("cases");
    let mut mismatches = Vec::new();
    for case in cases {
        let input = case["input"].as_str().expect("input");
        let got = EmailAddress::parse(input);
        let matches = match (&got, case["valid"].as_bool()) {
            (Ok(address), Some(true)) => {
                Some(address.as_str()) == case["validated"].as_str()
                    && Some(address.normalised().as_str())
                        == case["validated_and_formatted"].as_str()
            }
            (Err(error), Some(false)) => {
                Some(error.to_string().as_str()) == case["error_message"].as_str()
            }
            _ => false,
        };
        if !matches {
            mismatches.push((
                format!("{input:?}"),
                format!("expected {case}, got {got:?}"),
            ));
        }
    }
    common::check("email_addresses.json", cases.len(), mismatches);
}
