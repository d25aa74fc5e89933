//! Placeholder values cannot add markdown or links to an email or letter (the markdown
//! injection fixed under issue 6): a value shows as typed, whatever it holds.

use civic_notify::{
    Branding, EmailMessage, Field, Language, Personalisation, Template, TemplateKind, Value,
    ValueMarkup, markdown_to_email_html, plain_text_email,
};
use proptest::prelude::*;

fn email(body: &str, values: &Personalisation) -> EmailMessage {
    Template::new(TemplateKind::Email, Some("Your request"), body)
        .render_email(
            Language::English,
            values,
            &Branding::new("Council", "#005EA5"),
        )
        .expect("the email renders")
}

fn letter(body: &str, values: &Personalisation) -> String {
    Template::new(TemplateKind::Letter, Some("Your request"), body)
        .render_letter(Language::English, values)
        .expect("the letter renders")
        .1
}

/// The names of the HTML elements in `html`, in order, line breaks left out (a value's own
/// line breaks are kept as `<br>`).
fn tags(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
                .collect::<String>()
        })
        .filter(|name| name != "br")
        .collect()
}

#[test]
fn a_javascript_link_in_a_value_is_shown_as_typed() {
    let values = Personalisation::new().with("name", "[x](javascript:alert(1))");
    let message = email("Dear ((name)),\n\nThanks.", &values);
    assert!(!message.html.contains("<a "), "{}", message.html);
    assert!(
        !message.html.contains("javascript:alert(1)\""),
        "{}",
        message.html
    );
    assert!(
        message.html.contains("[x](javascript:alert(1))"),
        "{}",
        message.html
    );
    assert!(
        message
            .plain_text
            .contains("Dear [x](javascript:alert(1)),"),
        "{}",
        message.plain_text
    );
    assert!(
        message.preheader.contains("[x](javascript:alert(1))"),
        "{}",
        message.preheader
    );
}

#[test]
fn markdown_in_a_value_adds_no_structure() {
    let cases = [
        ("[click](https://evil.example)", "<a "),
        ("https://evil.example/login", "<a "),
        ("<https://evil.example>", "<a "),
        ("# Your account is locked", "<h2"),
        ("## Pay now", "<h3"),
        ("* one\n* two", "<ul"),
        ("1. one\n2. two", "<ol"),
        ("^ Official notice", "<blockquote"),
        ("> quoted", "<blockquote"),
        ("text\n\n---\n\nmore", "<hr"),
        ("Heading\n=======", "<h2"),
        ("![pixel](https://evil.example/p.png)", "<img"),
    ];
    for (value, markup) in cases {
        let values = Personalisation::new().with("answer", value);
        let message = email("You said:\n\n((answer))\n\nThanks.", &values);
        assert!(
            !message.html.contains(markup),
            "{value:?}: {}",
            message.html
        );
        assert_eq!(
            tags(&message.html),
            tags(
                &email(
                    "You said:\n\n((answer))\n\nThanks.",
                    &Personalisation::new().with("answer", "x")
                )
                .html
            ),
            "{value:?}"
        );
        let printed = letter("You said:\n\n((answer))", &values);
        assert!(!printed.contains(markup), "{value:?}: {printed}");
        assert!(!printed.contains("<strong"), "{value:?}: {printed}");
    }
}

#[test]
fn the_plain_text_part_shows_markdown_in_a_value_as_typed() {
    let values = Personalisation::new().with("answer", "# Locked\n* pay at https://evil.example");
    let text = plain_text_email("You said: ((answer))", &values, None);
    assert_eq!(text, "You said: # Locked\n* pay at https://evil.example\n");
}

#[test]
fn a_value_in_a_templates_link_cannot_make_it_run_script() {
    let body = "[Pay now](((link)))";
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
    ] {
        let html = email(body, &Personalisation::new().with("link", bad)).html;
        assert!(!html.contains("<a "), "{bad}: {html}");
        assert!(html.contains("Pay now"), "{bad}: {html}");
    }
    let html = email(
        body,
        &Personalisation::new().with("link", "https://pay.example/p/1?a=b c"),
    )
    .html;
    assert!(
        html.contains("href=\"https://pay.example/p/1?a=b%20c\">Pay now</a>"),
        "{html}"
    );
}

#[test]
fn a_value_in_a_templates_address_is_encoded_into_it() {
    let values = Personalisation::new().with("ref", "AB 12\"><script>");
    let html = email("Track it at https://council.example/track/((ref))", &values).html;
    assert_eq!(html.matches("<a ").count(), 1, "{html}");
    assert!(
        html.contains("href=\"https://council.example/track/AB%2012%22&gt;&lt;script&gt;\""),
        "{html}"
    );
    assert!(!html.contains("<script>"), "{html}");
}

#[test]
fn list_values_are_still_bullets_with_plain_text_items() {
    let values = Personalisation::new().with("items", vec!["[a](https://evil.example)", "# b"]);
    let html = email("Items:\n\n((items))", &values).html;
    assert_eq!(html.matches("<li ").count(), 2, "{html}");
    assert!(!html.contains("<a ") && !html.contains("<h2"), "{html}");
}

#[test]
fn sanitise_content_for_also_removes_web_addresses() {
    let values = Personalisation::new()
        .with("name", "Sam https://evil.example/x [see](www.evil.example)")
        .sanitise_content_for(["name"]);
    assert_eq!(values.markup("Name"), ValueMarkup::TextWithoutUrls);
    let message = email("Dear ((name))", &values);
    assert!(!message.html.contains("evil.example"), "{}", message.html);
    assert!(
        !message.plain_text.contains("evil.example"),
        "{}",
        message.plain_text
    );
    assert!(
        message.plain_text.starts_with("Dear Sam "),
        "{}",
        message.plain_text
    );
}

#[test]
fn a_trusted_value_is_read_as_markdown_as_notify_does() {
    let values = Personalisation::new()
        .with("link", "[Sign in](https://council.example/sign-in?t=1)")
        .trust_markdown("link");
    let html = email("((link))", &values).html;
    assert!(
        html.contains("href=\"https://council.example/sign-in?t=1\">Sign in</a>"),
        "{html}"
    );
}

/// The HTML GOV.UK Notify builds from its pass-through template `((body))` when sent
/// `notify_markdown`: Notify escapes the value's HTML, then reads it as markdown.
fn through_notify(message: &EmailMessage) -> String {
    let values = Personalisation::new().with("body", message.notify_markdown.as_str());
    let filled = Field::new("((body))").markdown_lists().render(&values);
    markdown_to_email_html(&format!("{filled}\n"))
}

#[test]
fn through_the_notify_api_a_javascript_link_in_a_value_is_still_text() {
    let values = Personalisation::new().with("name", "[x](javascript:alert(1))\n# Locked");
    let message = email(
        "# Hello\n\nDear ((name)), see https://council.example",
        &values,
    );
    let html = through_notify(&message);
    assert_eq!(html.matches("<a ").count(), 1, "{html}");
    assert_eq!(html.matches("<h2").count(), 1, "{html}");
    assert!(html.contains("href=\"https://council.example\""), "{html}");
    // Zero-width spaces keep it from being markdown; the resident reads it as typed.
    assert!(
        html.replace('\u{200B}', "")
            .contains("[x](javascript:alert(1))"),
        "{html}"
    );
}

/// Templates with every kind of structure Notify's markdown has, a placeholder in each.
const TEMPLATES: [&str; 8] = [
    "Dear ((a)),\n\nThanks.",
    "# ((a))\n\nText ((a)) here.",
    "* one ((a))\n* two\n\n1. ((a))\n2. b",
    "^ ((a))\n\n---\n\n((a))",
    "[Pay ((a))](https://pay.example/((a)))",
    "Track: https://council.example/t/((a)) today",
    "((a))\n((a))\n\n((a))",
    "Ref ((a))\n=====\n\n((a??Shown when yes))",
];

fn values_with(value: &str) -> Personalisation {
    Personalisation::new().with("a", value)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Any value leaves the email and letter HTML with exactly the template's elements: no
    /// link, heading, list, inset, rule or image that was not in the template.
    #[test]
    fn no_value_adds_an_element(
        template in 0..TEMPLATES.len(),
        value in prop_oneof![
            "[-#*^>\\[\\]()!_`~:/.=+|{}<&\"' \n\ta-zA-Z0-9]{0,40}",
            "(https?://|www\\.|javascript:|mailto:|\\* |# |\\^ |1\\. |> |---\n)[a-z./:()\\[\\] \n]{0,30}",
        ],
    ) {
        let body = TEMPLATES[template];
        // A neutral word shows the template's own structure; a value Notify reads as "yes"
        // ("Y", "true", "1") rightly shows a conditional placeholder's text, so its neutral
        // word is "yes".
        let neutral = if Value::from(value.as_str()).is_truthy() { "yes" } else { "word" };
        let expected = tags(&email(body, &values_with(neutral)).html);
        // A message with nothing in it is refused, not rendered.
        let rendered = Template::new(TemplateKind::Email, Some("Your request"), body)
            .render_email(Language::English, &values_with(&value), &Branding::new("Council", "#005EA5"));
        prop_assume!(rendered.is_ok());
        let message = email(body, &values_with(&value));
        prop_assert_eq!(tags(&message.html), expected, "{}", message.html);
        // The same through GOV.UK Notify's pass-through template, where a value's own line
        // breaks end a paragraph (Notify has no other way to show them), but nothing else.
        let no_paragraphs = |html: &str| -> Vec<String> {
            tags(html).into_iter().filter(|tag| tag != "p" && tag != "/p").collect()
        };
        let expected = no_paragraphs(&through_notify(&email(body, &values_with(neutral))));
        prop_assert_eq!(no_paragraphs(&through_notify(&message)), expected, "{}", message.notify_markdown);
        let expected = tags(&letter(body, &values_with(neutral)));
        let printed = letter(body, &values_with(&value));
        prop_assert_eq!(tags(&printed), expected, "{}", printed);
    }

    /// In the plain-text part a value (one word of markdown characters) appears exactly
    /// where a neutral word would.
    #[test]
    fn plain_text_shows_the_value_as_typed(
        template in 0..TEMPLATES.len(),
        value in "v[#*^>\\[\\]()!_`~:/.=+|{}<a-z0-9]{0,30}",
    ) {
        let body = TEMPLATES[template];
        let neutral = plain_text_email(body, &values_with("QQQ"), None);
        let text = plain_text_email(body, &values_with(&value), None);
        prop_assert_eq!(text, neutral.replace("QQQ", &value));
    }
}
