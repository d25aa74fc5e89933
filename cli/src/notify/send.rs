//! `civic notify send`: one templated message to one recipient, through the transport the
//! environment configures (SMTP, the GOV.UK Notify API, or a folder of files).

use std::sync::Arc;

use civic_notify::transport::{
    ApiKey, FileTransport, NOTIFY_API_URL, NotifyApiTransport, NotifyTemplates, Outgoing,
    OutgoingEmail, OutgoingSms, SmtpConfig, SmtpSecurity, SmtpTransport, Transport,
};
use civic_notify::{Allow, Branding, EmailAddress, PhoneNumber, SmsPolicy, Template, TemplateKind};
use clap::Args;
use rand::RngCore;

use super::{LanguageArg, personalisation, print_line};
use crate::input::{Failure, Outcome, Verdict};

/// Arguments of `civic notify send`.
#[derive(Debug, Args)]
pub struct SendArgs {
    /// The template file, for example templates/bulky-waste-reminder.toml.
    #[arg(value_name = "TEMPLATE_FILE")]
    pub template: String,
    /// The recipient: an email address for an email template, a phone number for a text
    /// message, for example --to resident@example.com.
    #[arg(long, value_name = "RECIPIENT")]
    pub to: String,
    /// A placeholder value, repeatable, for example --personalisation 'first name=Sam'.
    #[arg(long, value_name = "KEY=VALUE")]
    pub personalisation: Vec<String>,
    /// Which language version to send, for example --lang cy.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LanguageArg,
    /// The sender of an email, for example --from 'Bins <bins@council.example>'.
    #[arg(
        long,
        value_name = "ADDRESS",
        default_value = "Council <noreply@council.example>"
    )]
    pub from: String,
    /// The council name in an email's banner, for example --brand-name 'Kestrel Vale Council'.
    #[arg(long, value_name = "NAME", default_value = "Council")]
    pub brand_name: String,
    /// The banner colour of an email, for example --brand-colour '#00594f'.
    #[arg(long, value_name = "COLOUR", default_value = "#0B0C0C")]
    pub brand_colour: String,
    /// The idempotency key (SMTP Message-ID, Notify reference); a random one when not given,
    /// for example --reference bin-reminder-42.
    #[arg(long, value_name = "KEY")]
    pub reference: Option<String>,
}

/// The transport the environment names: `CIVIC_SMTP_HOST` (with `CIVIC_SMTP_PORT`,
/// `CIVIC_SMTP_SECURITY` = starttls|tls|none, `CIVIC_SMTP_USER`, `CIVIC_SMTP_PASSWORD`),
/// `CIVIC_NOTIFY_API_KEY` (with `CIVIC_NOTIFY_EMAIL_TEMPLATE_ID`, `CIVIC_NOTIFY_SMS_TEMPLATE_ID`,
/// optional `CIVIC_NOTIFY_API_URL`), or `CIVIC_NOTIFY_FILE_DIR`.
fn transport(env: impl Fn(&str) -> Option<String>) -> Result<Arc<dyn Transport>, Failure> {
    if let Some(host) = env("CIVIC_SMTP_HOST") {
        let security = match env("CIVIC_SMTP_SECURITY").as_deref() {
            None | Some("starttls") => SmtpSecurity::StartTls,
            Some("tls") => SmtpSecurity::Tls,
            Some("none") => SmtpSecurity::None,
            Some(other) => {
                return Err(Failure(format!(
                    "CIVIC_SMTP_SECURITY must be starttls, tls or none, not `{other}`"
                )));
            }
        };
        let port = match env("CIVIC_SMTP_PORT") {
            Some(port) => port.trim().parse().map_err(|_| {
                Failure(format!(
                    "CIVIC_SMTP_PORT must be a port number, not `{port}`"
                ))
            })?,
            None => 587,
        };
        let mut config = SmtpConfig::new(&host, port, security, "civic.localhost");
        if let (Some(user), Some(password)) = (env("CIVIC_SMTP_USER"), env("CIVIC_SMTP_PASSWORD")) {
            config = config.with_credentials(&user, &password);
        }
        return Ok(Arc::new(
            SmtpTransport::new(&config).map_err(|e| Failure(e.to_string()))?,
        ));
    }
    if let Some(key) = env("CIVIC_NOTIFY_API_KEY") {
        let key = ApiKey::parse(&key).map_err(|e| Failure(format!("CIVIC_NOTIFY_API_KEY: {e}")))?;
        let template = |name: &str| {
            env(name)
                .ok_or_else(|| Failure(format!("{name} must be set with CIVIC_NOTIFY_API_KEY")))
        };
        let templates = NotifyTemplates::new(
            &template("CIVIC_NOTIFY_EMAIL_TEMPLATE_ID")?,
            &template("CIVIC_NOTIFY_SMS_TEMPLATE_ID")?,
        );
        let url = env("CIVIC_NOTIFY_API_URL").unwrap_or_else(|| NOTIFY_API_URL.to_owned());
        return Ok(Arc::new(NotifyApiTransport::new(&url, key, templates)));
    }
    if let Some(folder) = env("CIVIC_NOTIFY_FILE_DIR") {
        std::fs::create_dir_all(&folder)
            .map_err(|e| Failure(format!("CIVIC_NOTIFY_FILE_DIR {folder}: {e}")))?;
        return Ok(Arc::new(FileTransport::new(folder)));
    }
    Err(Failure(
        "no transport is configured: set CIVIC_SMTP_HOST, CIVIC_NOTIFY_API_KEY or CIVIC_NOTIFY_FILE_DIR"
            .to_owned(),
    ))
}

/// Renders the message, checks the recipient, then sends; prints the transport's receipt.
pub fn send(args: SendArgs) -> Outcome {
    send_with(args, |name| std::env::var(name).ok())
}

fn send_with(args: SendArgs, env: impl Fn(&str) -> Option<String>) -> Outcome {
    let template =
        Template::load(std::path::Path::new(&args.template)).map_err(|e| Failure(e.to_string()))?;
    let values = personalisation(&args.personalisation)?;
    let language = match args.lang {
        LanguageArg::En => civic_notify::Language::English,
        LanguageArg::Cy => civic_notify::Language::Welsh,
    };
    let key = args.reference.clone().unwrap_or_else(|| {
        let mut bytes = [0u8; 12];
        rand::rng().fill_bytes(&mut bytes);
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        format!("civic-{hex}")
    });
    let refused = |reason: String| -> Outcome {
        print_line(&format!("refused: {reason}"))?;
        Ok(Verdict::SomeInvalid)
    };
    let message = match template.kind {
        TemplateKind::Sms => {
            let to = match PhoneNumber::parse(&args.to, Allow::UK_MOBILE.with_international()) {
                Ok(to) => to,
                Err(error) => return refused(error.to_string()),
            };
            match template.render_sms(language, &values, None, SmsPolicy::Gsm) {
                Ok(sms) => Outgoing::Sms(OutgoingSms {
                    idempotency_key: key,
                    to,
                    sender: None,
                    text: sms.text().to_owned(),
                }),
                Err(error) => return refused(error.to_string()),
            }
        }
        TemplateKind::Email => {
            let to = match EmailAddress::parse(&args.to) {
                Ok(to) => to,
                Err(error) => return refused(error.to_string()),
            };
            let branding = Branding::new(&args.brand_name, &args.brand_colour);
            match template.render_email(language, &values, &branding) {
                Ok(message) => Outgoing::Email(OutgoingEmail {
                    idempotency_key: key,
                    to,
                    from: args.from.clone(),
                    reply_to: None,
                    message,
                    attachments: Vec::new(),
                }),
                Err(error) => return refused(error.to_string()),
            }
        }
        _ => {
            return refused("letters are printed, not sent: use `civic notify preview`".to_owned());
        }
    };
    let transport = transport(env)?;
    let receipt =
        civic_pay_adapters::config::block_on(async move { transport.send(&message).await })
            .map_err(|e| Failure(e.to_string()))?
            .map_err(|e| Failure(format!("not sent: {e}")))?;
    print_line(&format!("sent: {}", receipt.reference))?;
    Ok(Verdict::AllValid)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(template: &str, to: &str) -> SendArgs {
        SendArgs {
            template: template.to_owned(),
            to: to.to_owned(),
            personalisation: vec!["day=Monday".to_owned()],
            lang: LanguageArg::Cy,
            from: "Bins <bins@council.example>".to_owned(),
            brand_name: "Council".to_owned(),
            brand_colour: "#00594f".to_owned(),
            reference: Some("send-test".to_owned()),
        }
    }

    #[test]
    fn an_email_goes_through_the_configured_transport() {
        let dir = std::env::temp_dir().join(format!("civic-send-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let template = dir.join("reminder.toml");
        std::fs::write(
            &template,
            "kind = \"email\"\n[en]\nsubject = \"Bin day\"\nbody = \"Bin day is ((day)).\"\n\
             [cy]\nsubject = \"Diwrnod bin\"\nbody = \"Diwrnod bin yw ((day)).\"\n",
        )
        .unwrap();
        let outbox = dir.join("sent");
        let env =
            |name: &str| (name == "CIVIC_NOTIFY_FILE_DIR").then(|| outbox.display().to_string());
        let outcome = send_with(
            args(template.to_str().unwrap(), "resident@example.com"),
            env,
        );
        assert!(matches!(outcome, Ok(Verdict::AllValid)));
        let sent = std::fs::read_to_string(outbox.join("send-test.json")).unwrap();
        assert!(sent.contains("Diwrnod bin yw Monday"), "{sent}");

        // A bad recipient is refused before any transport is needed.
        let outcome = send_with(args(template.to_str().unwrap(), "not an address"), |_| None);
        assert!(matches!(outcome, Ok(Verdict::SomeInvalid)));
        // No transport configured: a one-line error naming the settings.
        let Err(Failure(message)) = send_with(
            args(template.to_str().unwrap(), "resident@example.com"),
            |_| None,
        ) else {
            panic!("sent without a transport")
        };
        assert!(message.contains("CIVIC_SMTP_HOST"), "{message}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
