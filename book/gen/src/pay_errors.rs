//! GOV.UK Pay's error codes as civic-pay-adapters maps them, read from the adapter's own table
//! (`pay-adapters/src/govuk_pay/errors.rs`), so the reference page cannot drift from the code.

use std::collections::HashMap;

use quote::ToTokens;
use syn::{Expr, Item, Lit};

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// `P0102`.
    pub code: String,
    /// GOV.UK Pay's own name for the meaning.
    pub meaning: String,
    /// The operations it applies to, in words.
    pub operations: String,
    /// The HTTP statuses it comes with.
    pub statuses: String,
    /// The `ErrorKind` it becomes.
    pub kind: String,
}

/// Every row of the `TABLE` constant in `source`.
pub fn read(source: &str) -> Result<Vec<Row>, String> {
    let file = syn::parse_file(source).map_err(|e| e.to_string())?;
    let mut named_ops = HashMap::new();
    let mut table = None;
    for item in &file.items {
        if let Item::Const(c) = item {
            let name = c.ident.to_string();
            if name == "TABLE" {
                table = Some(c.expr.as_ref().clone());
            } else if c.ty.to_token_stream().to_string() == "Ops" {
                named_ops.insert(name, operations(&c.expr, &HashMap::new()));
            }
        }
    }
    let table = table.ok_or("no `const TABLE`")?;
    let Expr::Reference(reference) = table else {
        return Err("TABLE is not `&[...]`".into());
    };
    let Expr::Array(array) = *reference.expr else {
        return Err("TABLE is not `&[...]`".into());
    };
    let mut rows = Vec::new();
    for element in array.elems {
        let Expr::Call(call) = element else {
            return Err("a TABLE entry is not `row(...)`".into());
        };
        let args: Vec<&Expr> = call.args.iter().collect();
        let [code, meaning, ops, statuses, kind] = args[..] else {
            return Err("a `row(...)` does not have five arguments".into());
        };
        rows.push(Row {
            code: string(code).ok_or("a code is not a string")?,
            meaning: string(meaning).ok_or("a meaning is not a string")?,
            operations: operations(ops, &named_ops),
            statuses: list(statuses),
            kind: kind.to_token_stream().to_string(),
        });
    }
    Ok(rows)
}

fn string(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Lit(lit) => match &lit.lit {
            Lit::Str(s) => Some(s.value()),
            _ => None,
        },
        _ => None,
    }
}

/// `&[400, 422]` as `400, 422`.
fn list(expr: &Expr) -> String {
    let text = expr.to_token_stream().to_string();
    text.trim_start_matches('&')
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim()
        .replace(" ,", ",")
}

/// `Ops::Any`, `Ops::Only(&[A, B])` or a named constant, in words.
fn operations(expr: &Expr, named: &HashMap<String, String>) -> String {
    let text = expr.to_token_stream().to_string();
    if let Some(words) = named.get(&text) {
        return words.clone();
    }
    if text.ends_with("Any") {
        return "any".to_owned();
    }
    match expr {
        Expr::Call(call) => call.args.first().map(list).unwrap_or_default(),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_and_named_operations() {
        let source = r#"
            const CREATE: Ops = Ops::Only(&[CreatePayment]);
            const TABLE: &[Row] = &[
                row("P0102", "CREATE_PAYMENT_VALIDATION_ERROR", CREATE, &[422], InvalidRequest),
                row("P0900", "TOO_MANY_REQUESTS_ERROR", Ops::Any, &[429], RateLimited),
                row("P0603", "REFUND_NOT_AVAILABLE", Ops::Only(&[CreateRefund, GetRefund]), &[412], Conflict),
            ];
        "#;
        let rows = read(source).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].operations, "CreatePayment");
        assert_eq!(rows[0].statuses, "422");
        assert_eq!(rows[1].operations, "any");
        assert_eq!(rows[2].operations, "CreateRefund, GetRefund");
        assert_eq!(rows[2].kind, "Conflict");
    }
}
