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
