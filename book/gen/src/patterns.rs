//! The code of the guide's user guide and pattern pages, each piece between `ANCHOR:`
//! comments, run by this crate's tests.

use civic_components::brand::{Brand, BrandColour, BrandColourError, LinkText, Logo};
use civic_components::{
    ErrorMessage, ErrorSummary, Hint, Input, Label, Panel, SummaryList, SummaryListRow,
};
use civic_forms::answers::{self, FieldError, Submitted, read_page};
use civic_forms::definition::{FormDefinition, Format, Language, LoadError};
use civic_forms::journey::{Answers, Journey, Step};
use maud::{Markup, Render, html};
use time::Date;

/// The form the guide builds, as a developer writes it.
pub const POTHOLE_FORM: &str = include_str!("../forms/report-a-pothole.yaml");

/// The guide's form, loaded.
pub fn pothole_form() -> Result<FormDefinition, LoadError> {
    // ANCHOR: load-form
    let form = FormDefinition::parse(POTHOLE_FORM, Format::Yaml)?;
    // `civic forms check` runs the same checks from a terminal.
    let problems = civic_forms::check::check(&form);
    assert!(problems.is_empty(), "{problems:?}");
    // ANCHOR_END: load-form
    Ok(form)
}

/// A question page after a bad submission: error summary, then the field with its error.
pub fn question_page_with_errors(
    form: &FormDefinition,
    submitted: &Submitted,
    today: Date,
) -> Result<Vec<(String, Option<answers::AnswerValue>)>, Markup> {
    // ANCHOR: question-page
    let Some(page) = form.find_page("location") else {
        return Err(html! { "no such page" });
    };
    match read_page(page, submitted, today) {
        // Every answer on the page was accepted: record it and go to the next step.
        Ok(values) => Ok(values),
        // Show the page again, errors first, each linked to its field.
        Err(errors) => {
            let question = &page.questions[0];
            let mut summary = ErrorSummary::new("There is a problem");
            for error in &errors {
                summary = summary.error(
                    error.text(question, Language::En),
                    format!("#{}", error.key()),
                );
            }
            let message = errors
                .first()
                .map(|e: &FieldError| e.text(question, Language::En));
            let mut input = Input::new(question.id.as_str())
                .label(
                    Label::text(question.label.in_language(Language::En))
                        .classes("govuk-label--l")
                        .page_heading(true),
                )
                .hint(Hint::text("For example, KV1 2AB"))
                .autocomplete("postal-code")
                .classes("govuk-input--width-10")
                .value(submitted.get(&question.id));
            if let Some(message) = message {
                input = input.error_message(ErrorMessage::text(message));
            }
            Err(html! { (summary) (input) })
        }
    }
    // ANCHOR_END: question-page
}

/// Records every page of the guide's form as a resident would answer it.
pub fn answer_everything(form: &FormDefinition, today: Date) -> Answers {
    // ANCHOR: record-answers
    let mut answers = Answers::default();
    let pages = [
        ("location", vec![("postcode", "kv1 2ab")]),
        ("size", vec![("size", "large")]),
        (
            "spotted",
            vec![
                ("spotted.day", "3"),
                ("spotted.month", "3"),
                ("spotted.year", "2026"),
            ],
        ),
        ("contact", vec![("email", "Resident@Example.com ")]),
    ];
    for (page_id, fields) in pages {
        let Some(page) = form.find_page(page_id) else {
            continue;
        };
        if let Ok(values) = read_page(page, &Submitted::from_pairs(fields), today) {
            answers.record_page(form, page_id, values);
        }
    }
    let journey = Journey::new(form, today);
    assert_eq!(journey.current(&answers), Step::CheckAnswers);
    // ANCHOR_END: record-answers
    answers
}

/// "Check your answers": one summary list row per question on the pages taken.
pub fn check_answers(form: &FormDefinition, answers: &Answers, today: Date) -> SummaryList {
    // ANCHOR: check-answers
    let journey = Journey::new(form, today);
    let mut list = SummaryList::new();
    for page in journey.pages_taken(answers) {
        for question in &page.questions {
            let lines = answers::display(question, answers.get(&question.id), Language::En);
            list = list.row(
                SummaryListRow::new(question.label.in_language(Language::En), lines.join("\n"))
                    .action(
                        format!("/{}/{}?change", form.id, page.id),
                        "Change",
                        question.label.in_language(Language::En),
                    ),
            );
        }
    }
    // ANCHOR_END: check-answers
    list
}

/// The confirmation panel with a reference that is easy to read aloud.
pub fn confirmation() -> (String, Panel) {
    // ANCHOR: confirmation
    let reference = civic_forms::reference::generate(Some("PH"));
    let panel = Panel::title_text("Pothole reported")
        .html(html! { "Your reference number" br; strong { (reference) } });
    // ANCHOR_END: confirmation
    (reference, panel)
}

/// A council's brand, and what it gives the page.
pub fn brand() -> Result<Brand, BrandColourError> {
    // ANCHOR: brand
    let brand = Brand::new(
        "Kestrel Vale Borough Council",
        // Refused unless white text on it meets WCAG 2.2 AA (4.5:1).
        BrandColour::parse("#005a4e")?,
    )
    .homepage_url("https://www.kestrelvale.example")
    .logo(Logo::image(
        "/static/kestrel-vale.svg",
        "Kestrel Vale Borough Council",
    ))
    // Each link's text in English and Welsh; a plain "text" is the same in both.
    .footer_link(
        LinkText::new("Accessibility statement").welsh("Datganiad hygyrchedd"),
        "/accessibility",
    )
    .footer_link(LinkText::new("Cookies").welsh("Cwcis"), "/cookies")
    .licence_text("© Kestrel Vale Borough Council");
    // The header is the generic header in the brand colour, the footer has no crown.
    let header = civic_components::render_json("generic-header", brand.header_options());
    let footer = brand.footer(civic_components::i18n::Language::English);
    // ANCHOR_END: brand
    let _ = (header, footer);
    Ok(brand)
}

/// Upstream option objects, as a Nunjucks template has them, deserialised into our params.
pub fn migrate() -> Result<String, civic_components::ParamsError> {
    // ANCHOR: migrate
    // What the template passed to govukInput({...}), unchanged:
    let options = serde_json::json!({
        "label": { "text": "What is your postcode?" },
        "id": "postcode",
        "name": "postcode",
        "autocomplete": "postal-code",
        "classes": "govuk-input--width-10",
        "errorMessage": { "text": "Enter a full UK postcode" }
    });
    // Render it directly by the upstream component name…
    let html = civic_components::render_json("input", options.clone())?;
    // …or keep it as typed params, change it in Rust, then render.
    let input: Input = civic_components::registry::parse("input", options)?;
    let input = input.hint(Hint::text("For example, KV1 2AB"));
    // ANCHOR_END: migrate
    assert_ne!(html.into_string(), input.render().into_string());
    Ok(input.render().into_string())
}

/// Postcodes as residents type them.
pub fn postcodes() -> Vec<String> {
    use civic_address_lookup::{Postcode, messages::Language as AddressLanguage};
    // ANCHOR: postcode
    let mut shown = Vec::new();
    for typed in ["kv1 2ab", "SW1A2AA", "SW1A 2A"] {
        match Postcode::parse(typed) {
            Ok(postcode) => shown.push(postcode.to_string()),
            Err(error) => shown.push(error.message(AddressLanguage::English).to_string()),
        }
    }
    // ANCHOR_END: postcode
    shown
}

/// Phone numbers and email addresses checked as GOV.UK Notify checks them.
pub fn contact_details() -> Vec<String> {
    use civic_notify::{Allow, EmailAddress, Language as NotifyLanguage, PhoneNumber};
    // ANCHOR: contact-details
    let mut shown = Vec::new();
    match PhoneNumber::parse("07700 900123", Allow::UK_MOBILE) {
        Ok(mobile) => shown.push(mobile.as_str().to_owned()),
        Err(error) => shown.push(error.message(NotifyLanguage::English).to_owned()),
    }
    match EmailAddress::parse("resident@council") {
        Ok(email) => shown.push(email.as_str().to_owned()),
        Err(error) => shown.push(error.message(NotifyLanguage::Welsh).to_owned()),
    }
    // ANCHOR_END: contact-details
    shown
}

/// Text messages: length, fragments and what each costs.
pub fn sms() -> (String, usize, u32) {
    use civic_notify::{SmsCountry, SmsMessage, SmsPolicy};
    // ANCHOR: sms
    let message = SmsMessage::new(
        "Your bulky waste collection is on Tuesday 3 March. Leave items outside by 7am.",
        Some("Kestrel Vale"),
        SmsPolicy::Gsm,
    );
    // Notify charges per fragment: 160 characters for one, 153 each when there are more.
    let fragments = message.fragments();
    // A message to France costs twice a UK one.
    let france = SmsCountry::for_prefix("33").map_or(1, |c| c.rate_multiplier);
    // ANCHOR_END: sms
    (message.text().to_owned(), fragments, france)
}

/// A bilingual template, rendered in Welsh.
pub fn template() -> Result<String, civic_notify::TemplateError> {
    use civic_notify::{
        Language as NotifyLanguage, Personalisation, SmsPolicy, Template, TemplateKind,
    };
    // ANCHOR: template
    let template = Template::new(
        TemplateKind::Sms,
        None,
        "We have fixed the pothole you reported (reference ((reference))).",
    )
    .with_welsh(
        None,
        "Rydym wedi trwsio'r twll a adroddwyd gennych (cyfeirnod ((reference))).",
    );
    let values = Personalisation::new().with("reference", "PH-7KQ4-M2XD");
    let sms = template.render_sms(
        NotifyLanguage::Welsh,
        &values,
        Some("Kestrel Vale"),
        SmsPolicy::Unicode,
    )?;
    // A missing value is refused before anything is queued.
    let refused = template.render_sms(
        NotifyLanguage::English,
        &Personalisation::new(),
        None,
        SmsPolicy::Gsm,
    );
    assert!(refused.is_err());
    // ANCHOR_END: template
    Ok(sms.text().to_owned())
}

/// A payment through the sandbox: start, pay with a test card, come back, refund.
pub async fn payment() -> Result<Vec<String>, Box<dyn std::error::Error>> {
    use std::sync::Arc;

    use civic_pay_adapters::sandbox::{CardEntry, SandboxProvider};
    use civic_pay_adapters::{
        Checkout, MemoryRecordStore, Money, NewPayment, NewRefund, PaymentProvider, Reconciler,
        StartOutcome,
    };
    use url::Url;

    let mut seen = Vec::new();
    // ANCHOR: payment
    let sandbox = Arc::new(SandboxProvider::in_memory(Url::parse(
        "http://localhost:3000/sandbox/",
    )?));
    let provider: Arc<dyn PaymentProvider> = sandbox.clone();
    let checkout = Checkout::new(
        provider,
        Arc::new(MemoryRecordStore::new()),
        Url::parse("http://localhost:3000/pay/return/")?,
    );
    let request = NewPayment::new(
        Money::parse("£25.00")?,
        "BW-1042",
        "Bulky waste collection",
        // Replaced by Checkout with an unguessable return URL of its own.
        Url::parse("http://localhost:3000/pay/return/")?,
    );
    let StartOutcome::Redirect(next_url) = checkout.start("order-1042", &request).await? else {
        return Err("the order was already paid".into());
    };
    // ANCHOR_END: payment
    seen.push(next_url.to_string());

    // ANCHOR: sandbox-card
    // What the resident does on the sandbox's card page, with a test card that succeeds.
    let record = checkout
        .records()
        .unfinished()
        .await?
        .into_iter()
        .next()
        .ok_or("no record")?;
    let payment_id = record.payment_id.clone().ok_or("no payment id")?;
    sandbox
        .submit_card(
            &payment_id,
            &CardEntry {
                card_number: "4444333322221111".into(),
                expiry_month: "12".into(),
                expiry_year: "2040".into(),
                cardholder_name: "Rhys Jones".into(),
                cvc: "123".into(),
            },
        )
        .await?;
    // The resident comes back to the return URL: ask the provider, never trust the redirect.
    let record = checkout.returned(&record.return_token).await?;
    assert!(record.is_success());
    // ANCHOR_END: sandbox-card
    seen.push(format!("{:?}", record.status));

    // ANCHOR: refund
    let refund = checkout
        .refund(&payment_id, &NewRefund::new(Money::parse("£5.00")?))
        .await?;
    // ANCHOR_END: refund
    seen.push(format!("{:?}", refund.status));

    // ANCHOR: reconcile
    // On a schedule (every few minutes): unfinished payments are checked with the provider.
    let report = Reconciler::new(checkout.clone()).run_once().await?;
    // ANCHOR_END: reconcile
    seen.push(format!("checked {}", report.checked));
    Ok(seen)
}

/// A date answer that is not a real date, and one in the future where it must not be.
pub fn date_errors(form: &FormDefinition, today: Date) -> Vec<String> {
    // ANCHOR: dates
    let mut messages = Vec::new();
    let Some(page) = form.find_page("spotted") else {
        return messages;
    };
    for (day, month, year) in [("31", "2", "2026"), ("1", "1", "2099"), ("", "3", "2026")] {
        let submitted = Submitted::from_pairs([
            ("spotted.day", day),
            ("spotted.month", month),
            ("spotted.year", year),
        ]);
        if let Err(errors) = read_page(page, &submitted, today) {
            for error in errors {
                // `error.key()` is the box the error summary links to, e.g. `spotted.day`.
                messages.push(format!(
                    "{}: {}",
                    error.key(),
                    error.text(&page.questions[0], Language::En)
                ));
            }
        }
    }
    // ANCHOR_END: dates
    messages
}

/// A name asked in parts.
pub fn name_parts(today: Date) -> Vec<String> {
    use civic_forms::definition::{AnswerType, NameOptions, NameParts, Question};
    // ANCHOR: names
    let question = Question::new(
        "name",
        "What is your name?",
        AnswerType::Name(NameOptions {
            parts: NameParts::FirstAndLast,
            max_length: None,
        }),
    );
    let typed = Submitted::from_pairs([("name.first_name", " Siân "), ("name.last_name", "")]);
    let shown = match answers::read(&question, &typed, today) {
        Ok(answer) => vec![format!("{answer:?}")],
        Err(errors) => errors
            .iter()
            .map(|e| format!("{}: {}", e.key(), e.text(&question, Language::En)))
            .collect(),
    };
    // ANCHOR_END: names
    shown
}

/// Saving a resident's answers and picking them up again later.
pub async fn save_and_return(
    form: &FormDefinition,
    answers: Answers,
) -> Result<bool, civic_forms::session::StoreError> {
    use civic_forms::session::{MemorySessionStore, Session, SessionStore};
    use time::{Duration, OffsetDateTime};
    // ANCHOR: save-and-return
    // In production: SqlSessionStore on PostgreSQL (several instances) or SQLite (one).
    let store = MemorySessionStore::new();
    let now = OffsetDateTime::now_utc();
    let days = i64::from(form.retention.save_and_return_days);
    let mut session = Session::new(form.id.as_str(), now, Duration::days(days));
    session.answers = answers;
    store.save(&session).await?;
    // The resident follows the link in their "save and return" email a week later.
    let later = now + Duration::days(days - 1);
    let resumed = store.load(&session.id, later).await?;
    // After the retention period the answers are gone.
    let expired = store.load(&session.id, now + Duration::days(days)).await?;
    // ANCHOR_END: save-and-return
    Ok(resumed.is_some_and(|s| s.answers == session.answers) && expired.is_none())
}

/// Adding items to a list, from the bulky waste form in `forms/definitions/`.
pub fn add_to_a_list(today: Date) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let form = FormDefinition::parse(
        include_str!("../../../forms/definitions/bulky-waste.yaml"),
        Format::Yaml,
    )?;
    // ANCHOR: add-to-a-list
    let (Some(in_area), Some(items_page)) = (form.find_page("in-area"), form.find_page("items"))
    else {
        return Err("the bulky waste form has no in-area or items page".into());
    };
    let mut answers = Answers::default();
    let yes = Submitted::from_pairs([("lives_in_area", "yes")]);
    answers.record_page(
        &form,
        "in-area",
        read_page(in_area, &yes, today).map_err(|e| format!("{e:?}"))?,
    );
    for item in ["Sofa", "Fridge"] {
        let typed = Submitted::from_pairs([("item", item), ("item_kind", "furniture")]);
        answers.record_page(
            &form,
            "items",
            read_page(items_page, &typed, today).map_err(|e| format!("{e:?}"))?,
        );
        // "Do you need to add another item?" Yes, then no after the second.
        answers.add_another(&form, "items", item == "Sofa")?;
    }
    let items: Vec<String> = answers
        .items("items")
        .iter()
        .filter_map(|item| match item.values.get("item") {
            Some(answers::AnswerValue::Text(text)) => Some(text.clone()),
            _ => None,
        })
        .collect();
    // ANCHOR_END: add-to-a-list
    Ok(items)
}

/// The guide's form in Welsh: labels from the definition, messages from civic-forms, and the
/// components' own texts.
pub fn welsh(form: &FormDefinition, today: Date) -> Vec<String> {
    use civic_components::DateInput;
    use civic_components::i18n::Language as ComponentLanguage;
    // ANCHOR: welsh
    let mut shown = Vec::new();
    if let Some(page) = form.find_page("location") {
        let question = &page.questions[0];
        shown.push(question.label.in_language(Language::Cy).to_owned());
        let blank = Submitted::from_pairs([("postcode", "")]);
        if let Err(errors) = read_page(page, &blank, today) {
            shown.extend(errors.iter().map(|e| e.text(question, Language::Cy)));
        }
    }
    // Components render their built-in texts (Day, Month, Year) in Welsh.
    let date = DateInput::new("spotted")
        .language(ComponentLanguage::Welsh)
        .render()
        .into_string();
    shown.push(date.contains("Diwrnod").to_string());
    // ANCHOR_END: welsh
    shown
}

/// How long the guide's form keeps what residents tell it.
pub fn retention(form: &FormDefinition) -> (u32, u32, u32) {
    // ANCHOR: retention
    let retention = &form.retention;
    let kept = (
        retention.session_timeout_minutes,
        retention.save_and_return_days,
        retention.submission_days,
    );
    // ANCHOR_END: retention
    kept
}

/// The "find an address" step: postcode, then the addresses there to choose from.
pub async fn find_address() -> Result<Vec<String>, civic_address_lookup::provider::ProviderError> {
    use civic_address_lookup::messages::Language as AddressLanguage;
    use civic_address_lookup::provider::{PostcodeLookup, lookup_postcode};
    use civic_address_lookup::{generate, index::AddressIndex};
    // ANCHOR: find-address
    // Sample data for development; in production the index is built from AddressBase Plus
    // (`civic address import`), or the provider is OS Places.
    let gazetteer = generate::sample_gazetteer(200, 7);
    let postcode = gazetteer
        .iter()
        .find_map(|address| address.postcode.as_ref())
        .map(|postcode| postcode.to_string())
        .unwrap_or_default();
    let index = AddressIndex::build(gazetteer, generate::info());
    let mut shown = Vec::new();
    for typed in [
        postcode.to_lowercase().replace(' ', ""),
        "SWIA 2AA".to_owned(),
    ] {
        match lookup_postcode(&index, &typed).await? {
            PostcodeLookup::Found { addresses, .. } => {
                // One radio per address, in natural order ("2 High Street" before "10").
                shown.extend(addresses.iter().take(2).map(|a| a.lines().join(", ")));
            }
            other => {
                // "Enter a full UK postcode", or "We could not find any addresses for …".
                shown.extend(other.message(AddressLanguage::English));
                if let PostcodeLookup::Invalid {
                    suggestion: Some(s),
                    ..
                } = other
                {
                    shown.push(format!("Did you mean {s}?"));
                }
            }
        }
    }
    // ANCHOR_END: find-address
    Ok(shown)
}
