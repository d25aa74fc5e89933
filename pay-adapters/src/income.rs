//! The income export: successful payments and their refunds, one row per line item, with fund,
//! ledger and VAT codes, as CSV for a council's finance system.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use crate::line_item::LineItem;
use crate::payment::RefundStatus;
use crate::record::PaymentRecord;

/// Whether a row is money in or money out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum IncomeKind {
    /// A successful payment.
    Payment,
    /// A refund (negative amount).
    Refund,
}

/// One row of the export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct IncomeLine {
    /// When (ISO 8601): the payment's or the refund's creation date.
    pub date: String,
    /// Payment or refund.
    pub kind: IncomeKind,
    /// The provider's payment id.
    pub payment_id: String,
    /// The refund id, for refunds.
    pub refund_id: String,
    /// The service's reference.
    pub reference: String,
    /// The line item's description.
    pub description: String,
    /// The fund code.
    pub fund_code: String,
    /// The ledger code.
    pub ledger_code: String,
    /// The VAT code.
    pub vat_code: String,
    /// Pence; negative for refunds.
    pub amount_pence: i64,
    /// Pounds with two decimals (`12.34`, `-5.00`), for spreadsheets.
    pub amount: String,
}

/// The rows for `records` dated in `[from, to)` (ISO 8601 dates or date-times; either bound
/// may be empty for no limit). Only successful payments are income; refunds in `error` are
/// left out.
///
/// A refund is spread over the payment's line items in order, first items first, because
/// providers refund amounts, not items.
pub fn income_lines(records: &[PaymentRecord], from: &str, to: &str) -> Vec<IncomeLine> {
    let in_range = |date: &str| (from.is_empty() || date >= from) && (to.is_empty() || date < to);
    let mut lines = Vec::new();
    for record in records.iter().filter(|r| r.is_success()) {
        let payment_id = record.payment_id.clone().unwrap_or_default();
        let fallback;
        let items: &[LineItem] = if record.line_items.is_empty() {
            fallback = [LineItem::new(record.description.clone(), record.amount)];
            &fallback
        } else {
            &record.line_items
        };
        let date = record.created_date.clone().unwrap_or_default();
        if in_range(&date) {
            for item in items {
                lines.push(line(
                    &date,
                    IncomeKind::Payment,
                    &payment_id,
                    "",
                    record,
                    item,
                    item.amount.pence(),
                ));
            }
        }
        // How much of each item is still unrefunded, as refunds are spread in order.
        let mut left: Vec<i64> = items.iter().map(|i| i.amount.pence()).collect();
        for refund in record
            .refunds
            .iter()
            .filter(|r| r.status != RefundStatus::Error)
        {
            let mut to_spread = refund.amount.pence();
            for (item, remaining) in items.iter().zip(left.iter_mut()) {
                let take = to_spread.min(*remaining);
                if take == 0 {
                    continue;
                }
                *remaining -= take;
                to_spread -= take;
                if in_range(&refund.created_date) {
                    lines.push(line(
                        &refund.created_date,
                        IncomeKind::Refund,
                        &payment_id,
                        &refund.refund_id,
                        record,
                        item,
                        -take,
                    ));
                }
            }
        }
    }
    lines.sort_by(|a, b| (&a.date, &a.payment_id, a.kind).cmp(&(&b.date, &b.payment_id, b.kind)));
    lines
}

fn line(
    date: &str,
    kind: IncomeKind,
    payment_id: &str,
    refund_id: &str,
    record: &PaymentRecord,
    item: &LineItem,
    pence: i64,
) -> IncomeLine {
    let code = |c: &Option<crate::FinanceCode>| {
        c.as_ref()
            .map(|c| c.as_str().to_owned())
            .unwrap_or_default()
    };
    IncomeLine {
        date: date.to_owned(),
        kind,
        payment_id: payment_id.to_owned(),
        refund_id: refund_id.to_owned(),
        reference: spreadsheet_safe(&record.reference),
        description: spreadsheet_safe(&item.description),
        fund_code: code(&item.fund_code),
        ledger_code: code(&item.ledger_code),
        vat_code: code(&item.vat_code),
        amount_pence: pence,
        amount: pounds(pence),
    }
}

/// `1234` → `12.34`, `-500` → `-5.00`.
fn pounds(pence: i64) -> String {
    let sign = if pence < 0 { "-" } else { "" };
    let abs = pence.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// Text a resident or officer typed can start with `=`, `+`, `-` or `@`, which a
/// spreadsheet would run as a formula; a leading apostrophe keeps it text.
fn spreadsheet_safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Writes the rows as CSV with a header line.
pub fn write_income_csv(lines: &[IncomeLine], writer: impl Write) -> Result<(), csv::Error> {
    let mut csv = csv::Writer::from_writer(writer);
    for line in lines {
        csv.serialize(line)?;
    }
    csv.flush()?;
    Ok(())
}

/// Totals by fund, ledger and VAT code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct IncomeTotal {
    /// The fund code.
    pub fund_code: String,
    /// The ledger code.
    pub ledger_code: String,
    /// The VAT code.
    pub vat_code: String,
    /// Payments, in pence.
    pub payments_pence: i64,
    /// Refunds, in pence (negative).
    pub refunds_pence: i64,
    /// Payments less refunds, in pence.
    pub net_pence: i64,
    /// The net amount in pounds.
    pub net: String,
}

/// Sums `lines` by fund, ledger and VAT code.
pub fn income_totals(lines: &[IncomeLine]) -> Vec<IncomeTotal> {
    let mut sums: BTreeMap<(&str, &str, &str), (i64, i64)> = BTreeMap::new();
    for line in lines {
        let entry = sums
            .entry((&line.fund_code, &line.ledger_code, &line.vat_code))
            .or_default();
        match line.kind {
            IncomeKind::Payment => entry.0 += line.amount_pence,
            IncomeKind::Refund => entry.1 += line.amount_pence,
        }
    }
    sums.into_iter()
        .map(|((fund, ledger, vat), (payments, refunds))| IncomeTotal {
            fund_code: fund.to_owned(),
            ledger_code: ledger.to_owned(),
            vat_code: vat.to_owned(),
            payments_pence: payments,
            refunds_pence: refunds,
            net_pence: payments + refunds,
            net: pounds(payments + refunds),
        })
        .collect()
}

/// Writes totals as CSV with a header line.
pub fn write_totals_csv(totals: &[IncomeTotal], writer: impl Write) -> Result<(), csv::Error> {
    let mut csv = csv::Writer::from_writer(writer);
    for total in totals {
        csv.serialize(total)?;
    }
    csv.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::payment::{NewPayment, Refund};
    use crate::{FinanceCode, Money, PaymentStatus};

    fn code(c: &str) -> FinanceCode {
        FinanceCode::parse(c).unwrap()
    }

    fn record(status: PaymentStatus, refunds: Vec<(i64, RefundStatus)>) -> PaymentRecord {
        let items = vec![
            LineItem::new("Permit", Money::from_pence(3000).unwrap())
                .fund_code(code("GF"))
                .ledger_code(code("PK100"))
                .vat_code(code("O")),
            LineItem::new("=HYPERLINK(\"x\")", Money::from_pence(500).unwrap())
                .fund_code(code("GF"))
                .ledger_code(code("AD200"))
                .vat_code(code("S")),
        ];
        let request = NewPayment::new(
            Money::from_pence(3500).unwrap(),
            "PERMIT-1",
            "Permit",
            url::Url::parse("https://council.example/r").unwrap(),
        )
        .line_items(items.clone());
        PaymentRecord {
            return_token: "t".into(),
            order_id: "o".into(),
            provider: "sandbox".into(),
            payment_id: Some("pay1".into()),
            amount: Money::from_pence(3500).unwrap(),
            reference: "PERMIT-1".into(),
            description: "Permit".into(),
            line_items: items,
            request,
            status: Some(status),
            created_date: Some("2026-11-02T10:00:00.000Z".into()),
            created_unix: 0,
            refunds: refunds
                .into_iter()
                .enumerate()
                .map(|(i, (pence, status))| Refund {
                    refund_id: format!("r{i}"),
                    payment_id: "pay1".into(),
                    amount: Money::from_pence(pence).unwrap(),
                    status,
                    created_date: "2026-11-20T09:00:00.000Z".into(),
                })
                .collect(),
            abandoned: false,
        }
    }

    #[test]
    fn payments_and_refunds_by_line_item() {
        let records = [
            record(
                PaymentStatus::Success,
                vec![(3200, RefundStatus::Success), (1, RefundStatus::Error)],
            ),
            record(
                PaymentStatus::Failed(crate::FailureReason::Rejected),
                vec![],
            ),
        ];
        let lines = income_lines(&records, "", "");
        let amounts: Vec<(IncomeKind, &str, i64)> = lines
            .iter()
            .map(|l| (l.kind, l.ledger_code.as_str(), l.amount_pence))
            .collect();
        assert_eq!(
            amounts,
            [
                (IncomeKind::Payment, "PK100", 3000),
                (IncomeKind::Payment, "AD200", 500),
                (IncomeKind::Refund, "PK100", -3000),
                (IncomeKind::Refund, "AD200", -200),
            ]
        );
        let totals = income_totals(&lines);
        let net: Vec<(&str, i64)> = totals
            .iter()
            .map(|t| (t.ledger_code.as_str(), t.net_pence))
            .collect();
        assert_eq!(net, [("AD200", 300), ("PK100", 0)]);
    }

    #[test]
    fn dates_filter_payments_and_refunds_separately() {
        let records = [record(
            PaymentStatus::Success,
            vec![(100, RefundStatus::Success)],
        )];
        let november_first_half = income_lines(&records, "2026-11-01", "2026-11-15");
        assert!(
            november_first_half
                .iter()
                .all(|l| l.kind == IncomeKind::Payment)
        );
        let later = income_lines(&records, "2026-11-15", "2026-12-01");
        assert_eq!(later.len(), 1);
        assert_eq!(later[0].amount, "-1.00");
    }

    #[test]
    fn csv_is_spreadsheet_safe() {
        let records = [record(PaymentStatus::Success, vec![])];
        let mut out = Vec::new();
        write_income_csv(&income_lines(&records, "", ""), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let mut rows = text.lines();
        assert_eq!(
            rows.next(),
            Some(
                "date,kind,payment_id,refund_id,reference,description,fund_code,ledger_code,vat_code,amount_pence,amount"
            )
        );
        assert_eq!(
            rows.next(),
            Some("2026-11-02T10:00:00.000Z,payment,pay1,,PERMIT-1,Permit,GF,PK100,O,3000,30.00")
        );
        assert!(text.contains(r#"'=HYPERLINK(""x"")"#), "{text}");
        let mut totals = Vec::new();
        write_totals_csv(&income_totals(&income_lines(&records, "", "")), &mut totals).unwrap();
        assert!(String::from_utf8(totals).unwrap().starts_with(
            "fund_code,ledger_code,vat_code,payments_pence,refunds_pence,net_pence,net\n"
        ));
    }

    #[test]
    fn pounds_are_exact() {
        assert_eq!(pounds(0), "0.00");
        assert_eq!(pounds(-5), "-0.05");
        assert_eq!(pounds(i64::MIN), "-92233720368547758.08");
    }
}
