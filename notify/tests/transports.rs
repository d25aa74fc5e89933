//! The transports: the stub, the development mailbox, files, and SMTP against an in-process
//! SMTP server that records what it receives.

// Tests may unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used)]

use civic_notify::transport::{
    Attachment, FileTransport, MailboxTransport, Outgoing, OutgoingEmail, OutgoingSms, SendError,
    SmtpConfig, SmtpSecurity, SmtpTransport, StubTransport, Transport,
};
use civic_notify::{
    Allow, Branding, EmailAddress, Language, Personalisation, PhoneNumber, SmsPolicy, Template,
    TemplateKind,
};

mod smtp_sink;
use smtp_sink::smtp_sink;

fn email(key: &str, language: Language) -> Outgoing {
    let template = Template::new(
        TemplateKind::Email,
        Some("Your ((service)) booking"),
        "Dear ((name)),\n\nWe will collect:\n\n((items))\n\nOn ((day)), before 7am.",
    )
    .with_welsh(
        Some("Eich archeb ((service))"),
        "Annwyl ((name)),\n\nByddwn yn casglu:\n\n((items))\n\nAr ((day)), cyn 7yb.",
    );
    let values = Personalisation::new()
        .with("service", "bulky waste")
        .with("name", "Sam")
        .with("items", vec!["sofa", "fridge"])
        .with("day", "Monday");
    let message = template
        .render_email(
            language,
            &values,
            &Branding::new("Powys County Council", "#1D4F2A"),
        )
        .unwrap();
    Outgoing::Email(OutgoingEmail {
        idempotency_key: key.to_owned(),
        to: EmailAddress::parse("resident@example.com").unwrap(),
        from: "Powys Bins <bins@powys.example>".to_owned(),
        reply_to: None,
        message,
        attachments: Vec::new(),
    })
}

fn sms(key: &str, language: Language) -> Outgoing {
    let template = Template::new(TemplateKind::Sms, None, "Bin day is ((day)).")
        .with_welsh(None, "Diwrnod bin yw ((day)).");
    let values = Personalisation::new().with("day", "dydd Llun");
    let message = template
        .render_sms(language, &values, Some("Powys"), SmsPolicy::Gsm)
        .unwrap();
    Outgoing::Sms(OutgoingSms {
        idempotency_key: key.to_owned(),
        to: PhoneNumber::parse("07700 900123", Allow::UK_MOBILE).unwrap(),
        sender: Some("Powys".to_owned()),
        text: message.text().to_owned(),
    })
}

#[tokio::test]
async fn mailbox_keeps_english_and_welsh_messages_as_residents_see_them() {
    let mailbox = MailboxTransport::new();
    for (key, message) in [
        ("en-email", email("en-email", Language::English)),
        ("cy-email", email("cy-email", Language::Welsh)),
        ("en-sms", sms("en-sms", Language::English)),
        ("cy-sms", sms("cy-sms", Language::Welsh)),
    ] {
        let receipt = mailbox.send(&message).await.unwrap();
        assert!(receipt.reference.contains(key));
    }
    let emails = mailbox.for_recipient("RESIDENT@example.com");
    let texts = |m: &Outgoing| match m {
        Outgoing::Email(e) => (e.message.subject.clone(), e.message.plain_text.clone()),
        Outgoing::Sms(s) => (String::new(), s.text.clone()),
        _ => unreachable!(),
    };
    assert_eq!(emails.len(), 2);
    let (subject, body) = texts(&emails[0]);
    assert_eq!(subject, "Your bulky waste booking");
    assert_eq!(
        body,
        "Dear Sam,\n\nWe will collect:\n\n• sofa\n• fridge\n\nOn Monday, before 7am.\n"
    );
    let (subject, body) = texts(&emails[1]);
    assert_eq!(subject, "Eich archeb bulky waste");
    assert!(body.starts_with("Annwyl Sam,"), "{body}");
    let texts_sent = mailbox.for_recipient("447700900123");
    assert_eq!(texts(&texts_sent[0]).1, "Powys: Bin day is dydd Llun.");
    assert_eq!(texts(&texts_sent[1]).1, "Powys: Diwrnod bin yw dydd Llun.");

    // The same message again (a retry) replaces the first rather than adding a second.
    mailbox.send(&sms("cy-sms", Language::Welsh)).await.unwrap();
    assert_eq!(mailbox.messages().len(), 4);
}

#[tokio::test]
async fn stub_records_and_fails_as_told() {
    let stub = StubTransport::failing(SendError::transient("relay down"));
    let error = stub.send(&sms("k", Language::English)).await.unwrap_err();
    assert!(error.is_transient() && !error.is_permanent());
    assert_eq!(stub.sent().len(), 1);
}

#[tokio::test]
async fn files_are_named_by_idempotency_key_and_cannot_escape_the_folder() {
    let folder = std::env::temp_dir().join(format!("civic-notify-files-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let transport = FileTransport::new(&folder);
    let message = email("../../etc/passwd", Language::English);
    transport.send(&message).await.unwrap();
    let path = transport.path_for(&message);
    assert_eq!(path.parent(), Some(folder.as_path()));
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(json["kind"], "email");
    assert_eq!(json["to"], "resident@example.com");
    std::fs::remove_dir_all(&folder).unwrap();
}

#[tokio::test]
async fn smtp_sends_multipart_alternative_with_the_idempotency_key_as_message_id() {
    let (port, received) = smtp_sink("250 queued as ABC123\r\n").await;
    let config = SmtpConfig::new("127.0.0.1", port, SmtpSecurity::None, "powys.example");
    let transport = SmtpTransport::new(&config).unwrap();
    let receipt = transport
        .send(&email("msg-42", Language::English))
        .await
        .unwrap();
    assert!(receipt.reference.contains("ABC123"));
    let data = received.lock().unwrap().join("");
    assert!(
        data.contains("Message-ID: <msg-42@powys.example>"),
        "{data}"
    );
    assert!(data.contains("multipart/alternative"), "{data}");
    assert!(
        data.contains("text/plain") && data.contains("text/html"),
        "{data}"
    );
}

#[tokio::test]
async fn smtp_replies_say_whether_to_retry() {
    let (port, _) = smtp_sink("451 try later\r\n").await;
    let transport = SmtpTransport::new(&SmtpConfig::new(
        "127.0.0.1",
        port,
        SmtpSecurity::None,
        "x.example",
    ))
    .unwrap();
    let error = transport
        .send(&email("a", Language::English))
        .await
        .unwrap_err();
    assert!(error.is_transient(), "{error}");

    let (port, _) = smtp_sink("550 no such user\r\n").await;
    let transport = SmtpTransport::new(&SmtpConfig::new(
        "127.0.0.1",
        port,
        SmtpSecurity::None,
        "x.example",
    ))
    .unwrap();
    let error = transport
        .send(&email("b", Language::English))
        .await
        .unwrap_err();
    assert!(error.is_permanent(), "{error}");

    let error = transport
        .send(&sms("c", Language::English))
        .await
        .unwrap_err();
    assert!(error.is_permanent());
}

#[tokio::test]
async fn smtp_server_down_is_transient() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let transport = SmtpTransport::new(&SmtpConfig::new(
        "127.0.0.1",
        port,
        SmtpSecurity::None,
        "x.example",
    ))
    .unwrap();
    let error = transport
        .send(&email("d", Language::English))
        .await
        .unwrap_err();
    assert!(error.is_transient(), "{error}");
}

#[tokio::test]
async fn line_breaks_in_values_cannot_add_a_header() {
    let (port, received) = smtp_sink("250 ok\r\n").await;
    let transport = SmtpTransport::new(&SmtpConfig::new(
        "127.0.0.1",
        port,
        SmtpSecurity::None,
        "x.example",
    ))
    .unwrap();
    let template = Template::new(TemplateKind::Email, Some("Ref ((ref))"), "Body ((ref))");
    let values = Personalisation::new().with("ref", "A1\r\nBcc: attacker@evil.example");
    let message = template
        .render_email(
            Language::English,
            &values,
            &Branding::new("Council", "#000000"),
        )
        .unwrap();
    let outgoing = Outgoing::Email(OutgoingEmail {
        idempotency_key: "crlf".to_owned(),
        to: EmailAddress::parse("resident@example.com").unwrap(),
        from: "Council <council@x.example>".to_owned(),
        reply_to: None,
        message,
        attachments: Vec::new(),
    });
    transport.send(&outgoing).await.unwrap();
    let data = received.lock().unwrap().join("");
    let headers = data.split("\n\n").next().unwrap_or("");
    assert!(
        !headers
            .lines()
            .any(|line| line.to_lowercase().starts_with("bcc:")),
        "{headers}"
    );
    assert!(
        headers.contains("Subject: Ref A1 Bcc: attacker@evil.example"),
        "{headers}"
    );
    // A recipient with a line break never gets as far as a transport.
    assert!(EmailAddress::parse("resident@example.com\r\nBcc: x@evil.example").is_err());
}

#[tokio::test]
async fn smtp_sends_attachments_as_multipart_mixed() {
    let (port, received) = smtp_sink("250 ok\r\n").await;
    let transport = SmtpTransport::new(&SmtpConfig::new(
        "127.0.0.1",
        port,
        SmtpSecurity::None,
        "powys.example",
    ))
    .unwrap();
    let Outgoing::Email(mut email) = email("with-file", Language::English) else {
        unreachable!()
    };
    let content = b"%PDF-1.7 \x00\xff binary".to_vec();
    email.attachments.push(Attachment {
        file_name: "proof of address.pdf".to_owned(),
        content_type: "application/pdf".to_owned(),
        content: content.clone(),
    });
    let outgoing = Outgoing::Email(email);
    transport.send(&outgoing).await.unwrap();
    let data = received.lock().unwrap().join("");
    assert!(data.contains("multipart/mixed"), "{data}");
    assert!(data.contains("multipart/alternative"), "{data}");
    assert!(data.contains("Content-Type: application/pdf"), "{data}");
    assert!(data.contains("proof of address.pdf"), "{data}");
    assert!(data.contains(&base64_of(&content)), "{data}");
    // Through the outbox's JSON and back, the bytes are the same.
    let json = serde_json::to_string(&outgoing).unwrap();
    assert_eq!(serde_json::from_str::<Outgoing>(&json).unwrap(), outgoing);
}

fn base64_of(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}
