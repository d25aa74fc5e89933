//! `civic pay`: run the payment sandbox, and create, check and refund payments against the
//! provider configured by `CIVIC_PAY_PROVIDER`, `CIVIC_PAY_API_KEY` and `CIVIC_PAY_BASE_URL`,
//! so a council can check its key from a terminal.

use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use clap::{Args, Subcommand, ValueEnum};
use serde::Serialize;

use civic_pay_adapters::config::{DEFAULT_SANDBOX_DATABASE, block_on};
use civic_pay_adapters::webhook::HttpWebhookSink;
use civic_pay_adapters::{
    Language, Money, NewPayment, NewRefund, Payment, PaymentError, PaymentProvider, ProviderConfig,
    SandboxProvider, SqlStore, Url,
};

use crate::input::{self, Failure, LineFormat, Outcome, Verdict};

const CONFIG_HELP: &str = "Provider from the environment: CIVIC_PAY_PROVIDER (govuk, sandbox or stripe; default sandbox), \
CIVIC_PAY_API_KEY (GOV.UK Pay API key), CIVIC_PAY_BASE_URL (GOV.UK Pay API base URL, or the sandbox's card page URL, \
default http://127.0.0.1:8765/), CIVIC_PAY_SANDBOX_DATABASE (sandbox state, default sqlite://civic-pay-sandbox.db?mode=rwc).";

/// The `civic pay` subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the payment sandbox: its "Enter card details" pages, acting out GOV.UK Pay's test
    /// cards (4444333322221111 pays; 4000000000000002 is declined).
    ///
    /// Payments made with CIVIC_PAY_PROVIDER=sandbox and the same database send residents here.
    /// Runs until stopped with Ctrl-C.
    Sandbox(SandboxArgs),
    /// Create a payment and print where to send the resident (next_url).
    #[command(after_help = CONFIG_HELP)]
    Create(CreateArgs),
    /// Print the status of payments.
    ///
    /// With no PAYMENT_ID arguments, reads one id per line of standard input. Exit status 1
    /// when any payment is not found.
    #[command(after_help = CONFIG_HELP)]
    Status(StatusArgs),
    /// Refund part or all of a successful payment.
    #[command(after_help = CONFIG_HELP)]
    Refund(RefundArgs),
}

/// Arguments of `civic pay sandbox`.
#[derive(Debug, Args)]
pub struct SandboxArgs {
    /// The port to serve on (on 127.0.0.1), for example --port 8765.
    #[arg(long, default_value_t = 8765)]
    pub port: u16,
    /// Where the sandbox keeps its payments, for example --database sqlite://pay.db?mode=rwc.
    #[arg(long, env = "CIVIC_PAY_SANDBOX_DATABASE", hide_env_values = true, default_value = DEFAULT_SANDBOX_DATABASE)]
    pub database: String,
    /// Also post a signed webhook on every status change and refund to this URL, as GOV.UK Pay
    /// does, for example --webhook-url http://127.0.0.1:3000/pay/webhooks.
    #[arg(long, value_name = "URL", requires = "webhook_secret")]
    pub webhook_url: Option<String>,
    /// Also serve GOV.UK Pay's API (/v1/payments...) on the same port, taking this key, so a
    /// service set up for GOV.UK Pay can use the sandbox, for example --api-key api_test_local.
    #[arg(
        long,
        value_name = "KEY",
        env = "CIVIC_PAY_API_KEY",
        hide_env_values = true
    )]
    pub api_key: Option<String>,
    /// The secret webhooks are signed with (Pay-Signature), for example --webhook-secret "$SECRET".
    #[arg(
        long,
        value_name = "SECRET",
        env = "CIVIC_PAY_WEBHOOK_SECRET",
        hide_env_values = true
    )]
    pub webhook_secret: Option<String>,
}

/// The payment page's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LanguageArg {
    /// English.
    En,
    /// Welsh.
    Cy,
}

/// Arguments of `civic pay create`.
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The amount in pence, 1 to 10000000, for example --amount 1250 for £12.50.
    #[arg(long, value_name = "PENCE", allow_negative_numbers = true)]
    pub amount: i64,
    /// Your reference for the payment, for example --reference PERMIT-1042.
    #[arg(long, value_name = "REF")]
    pub reference: String,
    /// What is being paid for, shown to the resident, for example --description 'Parking permit'.
    #[arg(long, value_name = "TEXT")]
    pub description: String,
    /// Where the resident returns afterwards, for example --return-url https://example.gov.uk/done.
    #[arg(long, value_name = "URL")]
    pub return_url: String,
    /// The payment page's language, for example --language cy.
    #[arg(long, value_enum, default_value = "en")]
    pub language: LanguageArg,
    /// Print the provider's payment as one JSON object (with payment_id and state).
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `civic pay status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Payment ids, for example hu20sqlact5260q2nanm0q8u93.
    #[arg(value_name = "PAYMENT_ID")]
    pub payment_ids: Vec<String>,
    /// Print each payment as one JSON object per line (with payment_id and state).
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `civic pay refund`.
#[derive(Debug, Args)]
pub struct RefundArgs {
    /// The payment to refund, for example hu20sqlact5260q2nanm0q8u93.
    #[arg(value_name = "PAYMENT_ID")]
    pub payment_id: String,
    /// The amount to refund in pence, for example --amount 500 for £5.00.
    #[arg(long, value_name = "PENCE", allow_negative_numbers = true)]
    pub amount: i64,
    /// Refuse the refund unless this much (in pence) is still refundable, so it cannot be made
    /// twice, for example --expect-available 1250.
    #[arg(long, value_name = "PENCE")]
    pub expect_available: Option<i64>,
    /// Print the refund as one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Runs one `civic pay` subcommand.
pub fn run(command: Command) -> Outcome {
    match command {
        Command::Sandbox(args) => sandbox(args),
        Command::Create(args) => create(args),
        Command::Status(args) => status(args),
        Command::Refund(args) => refund(args),
    }
}

fn sandbox(args: SandboxArgs) -> Outcome {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, args.port));
    let base = Url::parse(&format!("http://{address}/"))?;
    crate::runtime::serve(async move {
        let store = SqlStore::connect(&args.database).await?;
        let mut provider = SandboxProvider::new(Arc::new(store), base.clone());
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "Payment sandbox: card pages at {base}card_details/PAYMENT_ID"
        )?;
        if let (Some(url), Some(secret)) = (&args.webhook_url, &args.webhook_secret) {
            let url = Url::parse(url).map_err(|e| Failure(format!("--webhook-url: {e}")))?;
            let sink = HttpWebhookSink::new(url.clone()).map_err(|e| Failure(e.to_string()))?;
            provider = provider.with_webhooks(secret.clone(), Arc::new(sink));
            writeln!(out, "Signed webhooks to {url}")?;
        }
        writeln!(out, "State in {}. Stop with Ctrl-C.", args.database)?;
        drop(out);
        if args.api_key.is_some() {
            let mut out = std::io::stdout().lock();
            writeln!(
                out,
                "GOV.UK Pay API at {base}v1/payments (CIVIC_PAY_PROVIDER=govuk CIVIC_PAY_BASE_URL={base})"
            )?;
        }
        civic_pay_adapters::sandbox::serve(address, provider, args.api_key)
            .await
            .map_err(|e| Failure(format!("cannot serve on {address}: {e}")))?;
        Ok(Verdict::AllValid)
    })?
}

/// Connects to the configured provider; a failure here is a usage error (exit 2).
async fn provider() -> Result<Arc<dyn PaymentProvider>, Failure> {
    let config = ProviderConfig::from_env().map_err(|e| Failure(e.to_string()))?;
    config.connect().await.map_err(|e| Failure(e.to_string()))
}

/// A refusal about the input itself is a result (exit 1); anything else (network, key,
/// provider outage) is a failure to run (exit 2).
fn refusal_or_failure(error: PaymentError, json: bool) -> Outcome {
    if error.is_invalid_request()
        || error.is_not_found()
        || error.is_conflict()
        || error.is_declined()
    {
        report_refusal(&error, json)?;
        Ok(Verdict::SomeInvalid)
    } else {
        Err(Failure(error.to_string()))
    }
}

#[derive(Serialize)]
struct Refusal<'a> {
    error: String,
    code: Option<&'a str>,
    field: Option<&'a str>,
}

fn report_refusal(error: &PaymentError, json: bool) -> Result<(), Failure> {
    if json {
        input::print_json_line(&Refusal {
            error: error.to_string(),
            code: error.code(),
            field: error.field(),
        })
    } else {
        writeln!(std::io::stdout().lock(), "refused: {error}")?;
        Ok(())
    }
}

fn print_payment(payment: &Payment, json: bool) -> Result<(), Failure> {
    if json {
        return input::print_json_line(payment);
    }
    let mut out = std::io::stdout().lock();
    write!(
        out,
        "{}\t{}\t{}",
        payment.payment_id, payment.state, payment.amount
    )?;
    if let Some(next) = &payment.next_url {
        write!(out, "\t{next}")?;
    }
    writeln!(out)?;
    Ok(())
}

fn create(args: CreateArgs) -> Outcome {
    let amount = match Money::from_pence(args.amount) {
        Ok(amount) => amount,
        Err(error) => {
            report_refusal(
                &PaymentError::invalid("amount", error.to_string()),
                args.json,
            )?;
            return Ok(Verdict::SomeInvalid);
        }
    };
    let return_url = match Url::parse(&args.return_url) {
        Ok(url) => url,
        Err(error) => {
            let error = PaymentError::invalid("return_url", format!("not a URL: {error}"));
            report_refusal(&error, args.json)?;
            return Ok(Verdict::SomeInvalid);
        }
    };
    let language = match args.language {
        LanguageArg::En => Language::English,
        LanguageArg::Cy => Language::Welsh,
    };
    let request =
        NewPayment::new(amount, args.reference, args.description, return_url).language(language);
    block_on(async {
        let provider = provider().await?;
        match provider.create(&request).await {
            Ok(payment) => {
                print_payment(&payment, args.json)?;
                Ok(Verdict::AllValid)
            }
            Err(error) => refusal_or_failure(error, args.json),
        }
    })?
}

fn status(args: StatusArgs) -> Outcome {
    let ids = input::inputs(args.payment_ids, LineFormat::Plain)?;
    block_on(async {
        let provider = provider().await?;
        let mut invalid = 0;
        for id in ids.iter().map(|id| id.trim()).filter(|id| !id.is_empty()) {
            match provider.get(id).await {
                Ok(payment) => print_payment(&payment, args.json)?,
                Err(error) => {
                    if refusal_or_failure(error, args.json)? == Verdict::SomeInvalid {
                        invalid += 1;
                    }
                }
            }
        }
        Ok(Verdict::from_invalid_count(invalid))
    })?
}

fn refund(args: RefundArgs) -> Outcome {
    let pence = |p: i64, field: &str| {
        Money::from_pence(p).map_err(|e| PaymentError::invalid(field, e.to_string()))
    };
    let request = match (
        pence(args.amount, "amount"),
        args.expect_available
            .map(|p| pence(p, "expect_available"))
            .transpose(),
    ) {
        (Ok(amount), Ok(expected)) => {
            let request = NewRefund::new(amount);
            match expected {
                Some(expected) => request.expecting_available(expected),
                None => request,
            }
        }
        (Err(error), _) | (_, Err(error)) => {
            report_refusal(&error, args.json)?;
            return Ok(Verdict::SomeInvalid);
        }
    };
    block_on(async {
        let provider = provider().await?;
        match provider.refund(&args.payment_id, &request).await {
            Ok(refund) => {
                if args.json {
                    input::print_json_line(&refund)?;
                } else {
                    writeln!(
                        std::io::stdout().lock(),
                        "{}\t{}\t{:?}",
                        refund.refund_id,
                        refund.amount,
                        refund.status
                    )?;
                }
                Ok(Verdict::AllValid)
            }
            Err(error) => refusal_or_failure(error, args.json),
        }
    })?
}
