//! The whole path a council message takes: a template in English and Welsh, personalised,
//! written to the outbox, sent by a worker into the development mailbox, and read back as
//! the resident would see it.

// Tests may unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used)]

use civic_notify::outbox::{Outbox, RetryPolicy, Status};
use civic_notify::transport::{MailboxTransport, Outgoing, OutgoingEmail, OutgoingSms};
use civic_notify::{
    Allow, Branding, EmailAddress, Language, Personalisation, PhoneNumber, SmsPolicy, Template,
};

const EMAIL: &str = r#"
kind = "email"
[en]
subject = "Your bulky waste collection on ((day))"
body = """
Dear ((name)),

We will collect:

((items))

^ Put them out by 7am on ((day)).
"""
[cy]
subject = "Eich casgliad gwastraff swmpus ar ((day))"
body = """
Annwyl ((name)),

Byddwn yn casglu:

((items))

^ Rhowch nhw allan erbyn 7yb ar ((day)).
"""
"#;

const SMS: &str = r#"
kind = "sms"
[en]
body = "Reminder: your bulky waste is collected tomorrow, ((day))."
[cy]
body = "Nodyn atgoffa: caiff eich gwastraff swmpus ei gasglu yfory, ((day))."
"#;

#[tokio::test]
async fn english_and_welsh_email_and_sms_through_the_outbox_into_the_mailbox() {
    let path = std::env::temp_dir().join(format!("civic-notify-journey-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let outbox = Outbox::connect(&format!("sqlite://{}?mode=rwc", path.display()))
        .await
        .unwrap();
    let email_template = Template::from_toml(EMAIL).unwrap();
    let sms_template = Template::from_toml(SMS).unwrap();
    let branding = Branding::new("Powys County Council", "#1D4F2A");

    for (language, day) in [
        (Language::English, "Monday"),
        (Language::Welsh, "dydd Llun"),
    ] {
        let values = Personalisation::new()
            .with("name", "Siân")
            .with("day", day)
            .with("items", vec!["sofa", "fridge"]);
        let email = email_template
            .render_email(language, &values, &branding)
            .unwrap();
        let sms = sms_template
            .render_sms(language, &values, Some("Powys"), SmsPolicy::Gsm)
            .unwrap();
        let code = language.code();
        outbox
            .enqueue(
                &Outgoing::Email(OutgoingEmail {
                    idempotency_key: format!("booking-1-email-{code}"),
                    to: EmailAddress::parse("sian@example.com").unwrap(),
                    from: "Powys Bins <bins@powys.example>".to_owned(),
                    reply_to: None,
                    message: email,
                    attachments: Vec::new(),
                }),
                None,
            )
            .await
            .unwrap();
        outbox
            .enqueue(
                &Outgoing::Sms(OutgoingSms {
                    idempotency_key: format!("booking-1-sms-{code}"),
                    to: PhoneNumber::parse("07700 900123", Allow::UK_MOBILE).unwrap(),
                    sender: Some("Powys".to_owned()),
                    text: sms.text().to_owned(),
                }),
                None,
            )
            .await
            .unwrap();
    }

    let mailbox = MailboxTransport::new();
    let report = outbox
        .drain_once(&mailbox, &RetryPolicy::default(), 10)
        .await
        .unwrap();
    assert_eq!(report.sent, 4);
    for key in [
        "booking-1-email-en",
        "booking-1-email-cy",
        "booking-1-sms-en",
        "booking-1-sms-cy",
    ] {
        assert_eq!(
            outbox.record(key).await.unwrap().unwrap().status,
            Status::Sent
        );
    }

    let emails = mailbox.for_recipient("sian@example.com");
    let [Outgoing::Email(english), Outgoing::Email(welsh)] = emails.as_slice() else {
        panic!("expected two emails, got {emails:?}");
    };
    assert_eq!(
        english.message.subject,
        "Your bulky waste collection on Monday"
    );
    assert_eq!(
        english.message.plain_text,
        "Dear Siân,\n\nWe will collect:\n\n• sofa\n• fridge\n\nPut them out by 7am on Monday.\n"
    );
    assert!(english.message.html.contains("lang=\"en\""));
    assert!(english.message.html.contains("<li style="));
    assert_eq!(
        welsh.message.subject,
        "Eich casgliad gwastraff swmpus ar dydd Llun"
    );
    assert_eq!(
        welsh.message.plain_text,
        "Annwyl Siân,\n\nByddwn yn casglu:\n\n• sofa\n• fridge\n\nRhowch nhw allan erbyn 7yb ar dydd Llun.\n"
    );
    assert!(welsh.message.html.contains("lang=\"cy\""));
    assert!(
        welsh
            .message
            .preheader
            .starts_with("Annwyl Siân, Byddwn yn casglu:")
    );

    let texts: Vec<String> = mailbox
        .for_recipient("447700900123")
        .into_iter()
        .map(|message| match message {
            Outgoing::Sms(sms) => sms.text,
            other => panic!("expected a text message, got {other:?}"),
        })
        .collect();
    assert_eq!(
        texts,
        [
            "Powys: Reminder: your bulky waste is collected tomorrow, Monday.",
            "Powys: Nodyn atgoffa: caiff eich gwastraff swmpus ei gasglu yfory, dydd Llun.",
        ]
    );
    let _ = std::fs::remove_file(&path);
}
