//! GOV.UK Notify's markdown cases: the HTML email body, the plain-text body and the
//! preheader, each as Notify's renderer produces them from the same markdown.

mod common;

#[test]
fn markdown_matches_notify() {
    let Some(folder) = common::notify_cases("markdown_matches_notify") else {
        return;
    };
    let data = common::load(&folder, "email_markdown.json");
    let mut total = 0;
    let mut mismatches = Vec::new();
    for (index, case) in data["markdown_cases"]
        .as_array()
        .expect("cases")
        .iter()
        .enumerate()
    {
        let input = case["input"].as_str().expect("input");
        let renderer = case["renderer"].as_str().expect("renderer");
        let got = match renderer {
            "NotifyEmailMarkdownRenderer" => civic_notify::markdown_to_email_html(input),
            "NotifyPlainTextEmailMarkdownRenderer" => civic_notify::markdown_to_plain_text(input),
            "NotifyEmailPreheaderMarkdownRenderer" => civic_notify::markdown_to_preheader(input),
            _ => civic_notify::markdown_to_letter_html(input),
        };
        total += 1;
        if case["output"].as_str() != Some(got.as_str()) {
            let short: String = input.chars().take(50).collect();
            mismatches.push((
                format!("#{index} {renderer}"),
                format!("{short:?}: expected {}, got {got:?}", case["output"]),
            ));
        }
    }
    common::check("email_markdown.json", total, mismatches);
}

#[test]
fn plain_text_emails_match_notify() {
    let Some(folder) = common::notify_cases("plain_text_emails_match_notify") else {
        return;
    };
    let data = common::load(&folder, "email_markdown.json");
    let cases = data["plain_text_email_cases"].as_array().expect("cases");
    let mut mismatches = Vec::new();
    for (index, case) in cases.iter().enumerate() {
        let values = case["values"]
            .as_object()
            .map(civic_notify::Personalisation::from_json)
            .unwrap_or_default();
        let content = case["content"].as_str().expect("content");
        let body =
            civic_notify::plain_text_email(content, &values, case["unsubscribe_link"].as_str());
        let subject =
            civic_notify::email_subject(case["subject_raw"].as_str().expect("subject"), &values);
        if case["output"].as_str() != Some(body.as_str())
            || case["subject"].as_str() != Some(subject.as_str())
        {
            mismatches.push((
                format!("plain text #{index}"),
                format!(
                    "expected {} / {}, got {body:?} / {subject:?}",
                    case["output"], case["subject"]
                ),
            ));
        }
    }
    common::check(
        "email_markdown.json plain_text_email_cases",
        cases.len(),
        mismatches,
    );
}
