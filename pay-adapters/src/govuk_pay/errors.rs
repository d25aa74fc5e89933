//! GOV.UK Pay's error table, mapped on (operation, HTTP status, code) together: one code
//! means different things on different endpoints (P0603 is "not available for refund" or
//! "disputed"; P0920 is a non-https return URL or the firewall refusing a request).

use crate::error::{ErrorKind, PaymentError};

/// A GOV.UK Pay API operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Operation {
    /// `POST /v1/payments`
    CreatePayment,
    /// `GET /v1/payments/{paymentId}`
    GetPayment,
    /// `GET /v1/payments/{paymentId}/events`
    GetPaymentEvents,
    /// `POST /v1/payments/{paymentId}/cancel`
    CancelPayment,
    /// `POST /v1/payments/{paymentId}/capture`
    CapturePayment,
    /// `GET /v1/payments`
    SearchPayments,
    /// `POST /v1/payments/{paymentId}/refunds`
    CreateRefund,
    /// `GET /v1/payments/{paymentId}/refunds/{refundId}`
    GetRefund,
    /// `GET /v1/payments/{paymentId}/refunds`
    GetRefunds,
    /// `GET /v1/refunds`
    SearchRefunds,
    /// `POST /v1/auth` (MOTO authorisation; not implemented by the adapter)
    Authorise,
    /// `POST /v1/agreements` (not implemented)
    CreateAgreement,
    /// `GET /v1/agreements/{agreementId}` (not implemented)
    GetAgreement,
    /// `GET /v1/agreements` (not implemented)
    SearchAgreements,
    /// `POST /v1/agreements/{agreementId}/cancel` (not implemented)
    CancelAgreement,
    /// `GET /v1/disputes` (not implemented)
    SearchDisputes,
}

impl Operation {
    /// The OpenAPI `operationId` of the operation in GOV.UK Pay's published spec.
    pub fn operation_id(self) -> &'static str {
        match self {
            Operation::CreatePayment => "Create a payment",
            Operation::GetPayment => "Get a payment",
            Operation::GetPaymentEvents => "Get events for a payment",
            Operation::CancelPayment => "Cancel a payment",
            Operation::CapturePayment => "Capture a payment",
            Operation::SearchPayments => "Search payments",
            Operation::CreateRefund => "Submit a refund for a payment",
            Operation::GetRefund => "Get a payment refund",
            Operation::GetRefunds => "Get all refunds for a payment",
            Operation::SearchRefunds => "Search refunds",
            Operation::Authorise => "Authorise a MOTO payment",
            Operation::CreateAgreement => "Create an agreement",
            Operation::GetAgreement => "Get an agreement",
            Operation::SearchAgreements => "Search agreements",
            Operation::CancelAgreement => "Cancel an agreement",
            Operation::SearchDisputes => "Search disputes",
        }
    }

    /// The operations this adapter implements.
    pub const IMPLEMENTED: [Operation; 10] = [
        Operation::CreatePayment,
        Operation::GetPayment,
        Operation::GetPaymentEvents,
        Operation::CancelPayment,
        Operation::CapturePayment,
        Operation::SearchPayments,
        Operation::CreateRefund,
        Operation::GetRefund,
        Operation::GetRefunds,
        Operation::SearchRefunds,
    ];
}

/// Which operations a row applies to.
#[derive(Debug, Clone, Copy)]
enum Ops {
    Any,
    Only(&'static [Operation]),
}

/// One meaning of one code.
#[derive(Debug, Clone, Copy)]
struct Row {
    code: &'static str,
    /// GOV.UK Pay's own name for this meaning (its Java enum), to tell meanings apart.
    meaning: &'static str,
    ops: Ops,
    statuses: &'static [u16],
    kind: ErrorKind,
}

use ErrorKind::{Account, Conflict, Declined, InvalidRequest, NotFound, Provider, RateLimited};
use Operation::*;

const fn row(
    code: &'static str,
    meaning: &'static str,
    ops: Ops,
    statuses: &'static [u16],
    kind: ErrorKind,
) -> Row {
    Row {
        code,
        meaning,
        ops,
        statuses,
        kind,
    }
}

const CREATE: Ops = Ops::Only(&[CreatePayment]);
const AUTH: Ops = Ops::Only(&[Authorise]);
const CREATE_OR_AUTH: Ops = Ops::Only(&[CreatePayment, Authorise]);

/// Every (code, meaning) GOV.UK Pay documents, with the endpoints and HTTP statuses it comes
/// with. Statuses follow the published spec's responses per operation.
const TABLE: &[Row] = &[
    row(
        "P0010",
        "AUTHORISATION_CARD_NUMBER_REJECTED_ERROR",
        AUTH,
        &[402],
        Declined,
    ),
    row(
        "P0010",
        "AUTHORISATION_REJECTED_ERROR",
        AUTH,
        &[402],
        Declined,
    ),
    row("P0050", "AUTHORISATION_ERROR", AUTH, &[500], Provider),
    row(
        "P0050",
        "AUTHORISATION_TIMEOUT_ERROR",
        AUTH,
        &[500],
        Provider,
    ),
    row(
        "P0101",
        "CREATE_PAYMENT_MISSING_FIELD_ERROR",
        CREATE_OR_AUTH,
        &[400],
        InvalidRequest,
    ),
    row(
        "P0101",
        "GENERIC_MISSING_FIELD_ERROR_MESSAGE_FROM_CONNECTOR",
        CREATE_OR_AUTH,
        &[400, 422],
        InvalidRequest,
    ),
    row(
        "P0102",
        "CREATE_PAYMENT_HEADER_VALIDATION_ERROR",
        CREATE,
        &[422],
        InvalidRequest,
    ),
    row(
        "P0102",
        "CREATE_PAYMENT_VALIDATION_ERROR",
        CREATE_OR_AUTH,
        &[422],
        InvalidRequest,
    ),
    row(
        "P0102",
        "GENERIC_VALIDATION_EXCEPTION_MESSAGE_FROM_CONNECTOR",
        CREATE_OR_AUTH,
        &[400, 422],
        InvalidRequest,
    ),
    row(
        "P0103",
        "CREATE_PAYMENT_AGREEMENT_ID_ERROR",
        CREATE,
        &[400, 422],
        InvalidRequest,
    ),
    row(
        "P0104",
        "CREATE_PAYMENT_UNEXPECTED_FIELD_ERROR",
        CREATE,
        &[422],
        InvalidRequest,
    ),
    row(
        "P0104",
        "GENERIC_UNEXPECTED_FIELD_ERROR_MESSAGE_FROM_CONNECTOR",
        CREATE_OR_AUTH,
        &[400, 422],
        InvalidRequest,
    ),
    row(
        "P0105",
        "CREATE_PAYMENT_CARD_NUMBER_IN_PAYMENT_LINK_REFERENCE_ERROR",
        CREATE,
        &[400, 422],
        InvalidRequest,
    ),
    row(
        "P0191",
        "CREATE_PAYMENT_IDEMPOTENCY_KEY_ALREADY_USED",
        CREATE,
        &[409, 422],
        Conflict,
    ),
    row(
        "P0195",
        "CREATE_PAYMENT_AUTHORISATION_API_NOT_ENABLED",
        CREATE,
        &[422],
        Account,
    ),
    row(
        "P0196",
        "CREATE_PAYMENT_MOTO_NOT_ENABLED",
        CREATE,
        &[422],
        Account,
    ),
    row(
        "P0197",
        "CREATE_PAYMENT_PARSING_ERROR",
        CREATE,
        &[400],
        InvalidRequest,
    ),
    row(
        "P0198",
        "CREATE_PAYMENT_CONNECTOR_ERROR",
        CREATE,
        &[500],
        Provider,
    ),
    row(
        "P0199",
        "CREATE_PAYMENT_ACCOUNT_ERROR",
        CREATE,
        &[400, 403],
        Account,
    ),
    row(
        "P0200",
        "GET_PAYMENT_NOT_FOUND_ERROR",
        Ops::Only(&[GetPayment]),
        &[404],
        NotFound,
    ),
    row(
        "P0298",
        "GET_PAYMENT_CONNECTOR_ERROR",
        Ops::Only(&[GetPayment]),
        &[500],
        Provider,
    ),
    row(
        "P0300",
        "GET_PAYMENT_EVENTS_NOT_FOUND_ERROR",
        Ops::Only(&[GetPaymentEvents]),
        &[404],
        NotFound,
    ),
    row(
        "P0398",
        "GET_PAYMENT_EVENTS_CONNECTOR_ERROR",
        Ops::Only(&[GetPaymentEvents]),
        &[500],
        Provider,
    ),
    row(
        "P0401",
        "SEARCH_DISPUTES_VALIDATION_ERROR",
        Ops::Only(&[SearchDisputes]),
        &[422],
        InvalidRequest,
    ),
    row(
        "P0401",
        "SEARCH_PAYMENTS_VALIDATION_ERROR",
        Ops::Only(&[SearchPayments]),
        &[422],
        InvalidRequest,
    ),
    row(
        "P0402",
        "SEARCH_DISPUTES_NOT_FOUND",
        Ops::Only(&[SearchDisputes]),
        &[404],
        NotFound,
    ),
    row(
        "P0402",
        "SEARCH_PAYMENTS_NOT_FOUND",
        Ops::Only(&[SearchPayments]),
        &[404],
        NotFound,
    ),
    row(
        "P0498",
        "GET_DISPUTE_LEDGER_ERROR",
        Ops::Only(&[SearchDisputes]),
        &[500],
        Provider,
    ),
    row(
        "P0498",
        "SEARCH_PAYMENTS_CONNECTOR_ERROR",
        Ops::Only(&[SearchPayments]),
        &[500],
        Provider,
    ),
    row(
        "P0500",
        "CANCEL_PAYMENT_NOT_FOUND_ERROR",
        Ops::Only(&[CancelPayment]),
        &[404],
        NotFound,
    ),
    row(
        "P0501",
        "CANCEL_PAYMENT_CONNECTOR_BAD_REQUEST_ERROR",
        Ops::Only(&[CancelPayment]),
        &[400],
        Conflict,
    ),
    row(
        "P0502",
        "CANCEL_PAYMENT_CONNECTOR_CONFLICT_ERROR",
        Ops::Only(&[CancelPayment]),
        &[409],
        Conflict,
    ),
    row(
        "P0598",
        "CANCEL_PAYMENT_CONNECTOR_ERROR",
        Ops::Only(&[CancelPayment]),
        &[500],
        Provider,
    ),
    row(
        "P0600",
        "CREATE_PAYMENT_REFUND_NOT_FOUND_ERROR",
        Ops::Only(&[CreateRefund]),
        &[404],
        NotFound,
    ),
    row(
        "P0601",
        "CREATE_PAYMENT_REFUND_MISSING_FIELD_ERROR",
        Ops::Only(&[CreateRefund]),
        &[400, 422],
        InvalidRequest,
    ),
    row(
        "P0602",
        "CREATE_PAYMENT_REFUND_VALIDATION_ERROR",
        Ops::Only(&[CreateRefund]),
        &[400, 422],
        InvalidRequest,
    ),
    row(
        "P0603",
        "CREATE_PAYMENT_REFUND_NOT_AVAILABLE",
        Ops::Only(&[CreateRefund]),
        &[400],
        Conflict,
    ),
    row(
        "P0603",
        "CREATE_PAYMENT_REFUND_NOT_AVAILABLE_DUE_TO_DISPUTE",
        Ops::Only(&[CreateRefund]),
        &[400],
        Conflict,
    ),
    row(
        "P0604",
        "CREATE_PAYMENT_REFUND_AMOUNT_AVAILABLE_MISMATCH",
        Ops::Only(&[CreateRefund]),
        &[412],
        Conflict,
    ),
    row(
        "P0697",
        "CREATE_PAYMENT_REFUND_PARSING_ERROR",
        Ops::Only(&[CreateRefund]),
        &[400],
        InvalidRequest,
    ),
    row(
        "P0698",
        "CREATE_PAYMENT_REFUND_CONNECTOR_ERROR",
        Ops::Only(&[CreateRefund]),
        &[500],
        Provider,
    ),
    row(
        "P0700",
        "GET_PAYMENT_REFUND_NOT_FOUND_ERROR",
        Ops::Only(&[GetRefund]),
        &[404],
        NotFound,
    ),
    row(
        "P0798",
        "GET_PAYMENT_REFUND_CONNECTOR_ERROR",
        Ops::Only(&[GetRefund]),
        &[500],
        Provider,
    ),
    row(
        "P0800",
        "GET_PAYMENT_REFUNDS_NOT_FOUND_ERROR",
        Ops::Only(&[GetRefunds]),
        &[404],
        NotFound,
    ),
    row(
        "P0898",
        "GET_PAYMENT_REFUNDS_CONNECTOR_ERROR",
        Ops::Only(&[GetRefunds]),
        &[500],
        Provider,
    ),
    row(
        "P0900",
        "TOO_MANY_REQUESTS_ERROR",
        Ops::Any,
        &[429],
        RateLimited,
    ),
    row(
        "P0920",
        "CREATE_PAYMENT_NON_HTTPS_RETURN_URL_ERROR",
        CREATE,
        &[422],
        InvalidRequest,
    ),
    row(
        "P0920",
        "REQUEST_DENIED_ERROR",
        Ops::Any,
        &[400, 403],
        InvalidRequest,
    ),
    row(
        "P0930",
        "RESOURCE_ACCESS_FORBIDDEN",
        Ops::Any,
        &[403],
        Account,
    ),
    row(
        "P0940",
        "ACCOUNT_NOT_LINKED_WITH_PSP",
        Ops::Any,
        &[403],
        Account,
    ),
    row(
        "P0941",
        "ACCOUNT_DISABLED",
        Ops::Only(&[CreatePayment, CreateRefund, CreateAgreement]),
        &[403],
        Account,
    ),
    row(
        "P0942",
        "RECURRING_CARD_PAYMENTS_NOT_ALLOWED_ERROR",
        Ops::Only(&[CreatePayment, CreateAgreement]),
        &[403, 422],
        Account,
    ),
    row(
        "P1000",
        "CAPTURE_PAYMENT_NOT_FOUND_ERROR",
        Ops::Only(&[CapturePayment]),
        &[404],
        NotFound,
    ),
    row(
        "P1001",
        "CAPTURE_PAYMENT_CONNECTOR_BAD_REQUEST_ERROR",
        Ops::Only(&[CapturePayment]),
        &[400],
        Conflict,
    ),
    row(
        "P1003",
        "CAPTURE_PAYMENT_CONNECTOR_CONFLICT_ERROR",
        Ops::Only(&[CapturePayment]),
        &[409],
        Conflict,
    ),
    row(
        "P1098",
        "CAPTURE_PAYMENT_CONNECTOR_ERROR",
        Ops::Only(&[CapturePayment]),
        &[500],
        Provider,
    ),
    row(
        "P1100",
        "SEARCH_REFUNDS_NOT_FOUND",
        Ops::Only(&[SearchRefunds]),
        &[404],
        NotFound,
    ),
    row(
        "P1101",
        "SEARCH_REFUNDS_VALIDATION_ERROR",
        Ops::Only(&[SearchRefunds]),
        &[422],
        InvalidRequest,
    ),
    row(
        "P1211",
        "AUTHORISATION_ONE_TIME_TOKEN_INVALID_ERROR",
        AUTH,
        &[400],
        InvalidRequest,
    ),
    row(
        "P1212",
        "AUTHORISATION_ONE_TIME_TOKEN_ALREADY_USED_ERROR",
        AUTH,
        &[400],
        Conflict,
    ),
    row(
        "P1898",
        "SEARCH_REFUNDS_CONNECTOR_ERROR",
        Ops::Only(&[SearchRefunds]),
        &[500],
        Provider,
    ),
    row(
        "P2101",
        "CREATE_AGREEMENT_MISSING_FIELD_ERROR",
        Ops::Only(&[CreateAgreement]),
        &[400],
        InvalidRequest,
    ),
    row(
        "P2102",
        "CREATE_AGREEMENT_VALIDATION_ERROR",
        Ops::Only(&[CreateAgreement]),
        &[422],
        InvalidRequest,
    ),
    row(
        "P2197",
        "CREATE_AGREEMENT_PARSING_ERROR",
        Ops::Only(&[CreateAgreement]),
        &[400],
        InvalidRequest,
    ),
    row(
        "P2198",
        "CREATE_AGREEMENT_CONNECTOR_ERROR",
        Ops::Only(&[CreateAgreement]),
        &[500],
        Provider,
    ),
    row(
        "P2200",
        "GET_AGREEMENT_NOT_FOUND_ERROR",
        Ops::Only(&[GetAgreement]),
        &[404],
        NotFound,
    ),
    row(
        "P2298",
        "GET_AGREEMENT_LEDGER_ERROR",
        Ops::Only(&[GetAgreement]),
        &[500],
        Provider,
    ),
    row(
        "P2401",
        "SEARCH_AGREEMENTS_VALIDATION_ERROR",
        Ops::Only(&[SearchAgreements]),
        &[422],
        InvalidRequest,
    ),
    row(
        "P2402",
        "SEARCH_AGREEMENTS_NOT_FOUND",
        Ops::Only(&[SearchAgreements]),
        &[404],
        NotFound,
    ),
    row(
        "P2498",
        "SEARCH_AGREEMENTS_LEDGER_ERROR",
        Ops::Only(&[SearchAgreements]),
        &[500],
        Provider,
    ),
    row(
        "P2500",
        "CANCEL_AGREEMENT_NOT_FOUND_ERROR",
        Ops::Only(&[CancelAgreement]),
        &[404],
        NotFound,
    ),
    row(
        "P2501",
        "CANCEL_AGREEMENT_CONNECTOR_BAD_REQUEST_ERROR",
        Ops::Only(&[CancelAgreement]),
        &[400],
        Conflict,
    ),
    row(
        "P2598",
        "CANCEL_AGREEMENT_CONNECTOR_ERROR",
        Ops::Only(&[CancelAgreement]),
        &[500],
        Provider,
    ),
];

/// The error body GOV.UK Pay sends, read leniently: a 429 has a different shape and a 401 has
/// no body at all.
#[derive(Debug, Default, serde::Deserialize)]
pub(crate) struct WireError {
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub field: Option<String>,
    #[serde(default)]
    pub header: Option<String>,
}

/// The meaning GOV.UK Pay gives `code` on `operation` with `status`; `None` when the table
/// does not list that combination.
pub fn meaning(operation: Operation, status: u16, code: &str) -> Option<&'static str> {
    lookup(operation, status, code, None).map(|r| r.meaning)
}

fn lookup(
    operation: Operation,
    status: u16,
    code: &str,
    body: Option<&WireError>,
) -> Option<&'static Row> {
    let mut rows = TABLE.iter().filter(|r| {
        r.code == code
            && r.statuses.contains(&status)
            && match r.ops {
                Ops::Any => true,
                Ops::Only(ops) => ops.contains(&operation),
            }
    });
    let first = rows.next()?;
    let Some(body) = body else {
        return Some(first);
    };
    // Where one (operation, status, code) has several meanings, the body tells them apart.
    let description = body.description.as_deref().unwrap_or_default();
    let better = std::iter::once(first)
        .chain(rows)
        .find(|r| match r.meaning {
            "CREATE_PAYMENT_HEADER_VALIDATION_ERROR" => body.header.is_some(),
            "CREATE_PAYMENT_VALIDATION_ERROR" => body.header.is_none(),
            "CREATE_PAYMENT_REFUND_NOT_AVAILABLE_DUE_TO_DISPUTE" => {
                description.contains("disputed")
            }
            "CREATE_PAYMENT_REFUND_NOT_AVAILABLE" => !description.contains("disputed"),
            _ => false,
        });
    Some(better.unwrap_or(first))
}

/// Turns a GOV.UK Pay error response into a [`PaymentError`].
pub(crate) fn to_error(operation: Operation, status: u16, body: &[u8]) -> PaymentError {
    let wire: WireError = serde_json::from_slice(body).unwrap_or_default();
    let description = wire.description.clone().unwrap_or_default();
    let kind = match (&wire.code, status) {
        (_, 401) => ErrorKind::Auth,
        (Some(code), _) => match lookup(operation, status, code, Some(&wire)) {
            Some(row) => row.kind,
            None => kind_for_status(status),
        },
        (None, _) => kind_for_status(status),
    };
    let description = match (&wire.code, status) {
        (_, 401) => "the API key is missing or invalid".to_owned(),
        (Some(code), _) => match lookup(operation, status, code, Some(&wire)) {
            Some(row) if description.is_empty() => row.meaning.to_owned(),
            _ => description,
        },
        (None, _) => description,
    };
    let mut error = PaymentError::new(kind, description).with_http_status(status);
    if let Some(code) = wire.code {
        error = error.with_code(code);
    }
    if let Some(field) = wire.field.or(wire.header) {
        error = error.with_field(field);
    }
    error
}

fn kind_for_status(status: u16) -> ErrorKind {
    match status {
        400 | 422 => ErrorKind::InvalidRequest,
        401 => ErrorKind::Auth,
        402 => ErrorKind::Declined,
        403 => ErrorKind::Account,
        404 => ErrorKind::NotFound,
        409 | 412 => ErrorKind::Conflict,
        429 => ErrorKind::RateLimited,
        500..=599 => ErrorKind::Provider,
        _ => ErrorKind::UnexpectedResponse,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Every (code, meaning) in GOV.UK Pay's published error table is mapped.
    #[test]
    fn maps_every_published_error() {
        use std::io::Write;
        let Ok(root) = std::env::var("CIVIC_REFERENCE_DATA") else {
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED maps_every_published_error: CIVIC_REFERENCE_DATA is not set"
            );
            return;
        };
        let table =
            std::fs::read_to_string(format!("{root}/specs/govuk-pay-error-codes.tsv")).unwrap();
        let mut codes = BTreeSet::new();
        let mut meanings = BTreeSet::new();
        for line in table.lines().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert!(
                TABLE
                    .iter()
                    .any(|r| r.code == cols[0] && r.meaning == cols[1]),
                "{} {} is not mapped",
                cols[0],
                cols[1]
            );
            codes.insert(cols[0]);
            meanings.insert((cols[0], cols[1]));
        }
        assert_eq!((codes.len(), meanings.len()), (62, 73));
        assert_eq!(TABLE.len(), 73);
    }

    #[test]
    fn one_code_means_different_things_on_different_endpoints() {
        assert_eq!(
            meaning(Operation::CreatePayment, 422, "P0920"),
            Some("CREATE_PAYMENT_NON_HTTPS_RETURN_URL_ERROR")
        );
        assert_eq!(
            meaning(Operation::GetPayment, 400, "P0920"),
            Some("REQUEST_DENIED_ERROR")
        );
        assert_eq!(
            meaning(Operation::SearchPayments, 404, "P0402"),
            Some("SEARCH_PAYMENTS_NOT_FOUND")
        );
        // P0200 comes only from getting a payment.
        assert_eq!(meaning(Operation::CancelPayment, 404, "P0200"), None);
    }

    #[test]
    fn bodies_pick_the_meaning() {
        let header = to_error(
            Operation::CreatePayment,
            422,
            br#"{"code":"P0102","description":"Invalid attribute value: Idempotency-Key","header":"Idempotency-Key"}"#,
        );
        assert_eq!(header.field(), Some("Idempotency-Key"));
        assert!(header.is_invalid_request());
        let disputed = to_error(
            Operation::CreateRefund,
            400,
            br#"{"code":"P0603","description":"The payment is disputed and cannot be refunded"}"#,
        );
        assert!(disputed.is_conflict());
    }

    #[test]
    fn odd_shapes_still_answer() {
        let unauthorised = to_error(Operation::GetPayment, 401, b"");
        assert!(unauthorised.is_auth());
        let limited = to_error(
            Operation::GetPayment,
            429,
            br#"{"code":"P0900","description":"Too many requests"}"#,
        );
        assert!(limited.is_retryable());
        assert_eq!(limited.code(), Some("P0900"));
        let gateway = to_error(Operation::GetPayment, 502, b"<html>Bad gateway</html>");
        assert!(gateway.is_retryable());
        let missing = to_error(
            Operation::GetPayment,
            404,
            br#"{"code":"P0200","description":"Not found"}"#,
        );
        assert!(missing.is_not_found());
    }
}
