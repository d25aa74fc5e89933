//! Params tables read from the components' own source: every `Deserialize` struct in a
//! component's file, each field with the option name serde reads, its Rust type and its doc
//! comment. Reading the types themselves keeps the tables true as the components change.

use quote::ToTokens;
use syn::{Attribute, Expr, Fields, Item, Lit, Meta};

/// One params struct of a component.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Params {
    /// The Rust type's name, such as `Input`.
    pub name: String,
    /// Its doc comment.
    pub doc: String,
    /// Its fields that options can set, in declaration order.
    pub fields: Vec<Field>,
}

/// One option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The option's name in upstream's option object (`errorMessage`).
    pub option: String,
    /// The Rust field's name (`error_message`).
    pub rust: String,
    /// The Rust type, as written (`Option<ErrorMessage>`).
    pub ty: String,
    /// The field's doc comment.
    pub doc: String,
}

/// Every public struct deriving `Deserialize` in `source`, in file order.
pub fn read(source: &str) -> Result<Vec<Params>, syn::Error> {
    let file = syn::parse_file(source)?;
    let mut found = Vec::new();
    for item in file.items {
        let Item::Struct(item) = item else { continue };
        if !matches!(item.vis, syn::Visibility::Public(_)) || !derives_deserialize(&item.attrs) {
            continue;
        }
        let rename_all = serde_value(&item.attrs, "rename_all");
        let Fields::Named(named) = &item.fields else {
            continue;
        };
        let mut fields = Vec::new();
        for field in &named.named {
            if serde_flag(&field.attrs, "skip") {
                continue;
            }
            let Some(ident) = &field.ident else { continue };
            let rust = ident.to_string();
            let option = serde_value(&field.attrs, "rename").unwrap_or_else(|| {
                match rename_all.as_deref() {
                    Some("camelCase") => camel_case(&rust),
                    _ => rust.clone(),
                }
            });
            fields.push(Field {
                option,
                rust,
                ty: compact(&field.ty.to_token_stream().to_string()),
                doc: doc(&field.attrs),
            });
        }
        found.push(Params {
            name: item.ident.to_string(),
            doc: doc(&item.attrs),
            fields,
        });
    }
    Ok(found)
}

/// Where each params type is documented: its name and the component page it is on.
pub type Homes = std::collections::BTreeMap<String, String>;

/// The Markdown tables for a component's params, its main struct (`main`) first. A field whose
/// type is another params type links to its table, on this page or `homes` says which.
pub fn markdown(mut params: Vec<Params>, main: &str, homes: &Homes, page: &str) -> String {
    params.sort_by_key(|p| p.name != main);
    let mut out = String::new();
    for p in &params {
        out.push_str(&format!("### `{}`\n\n", p.name));
        if !p.doc.is_empty() {
            out.push_str(&first_paragraph(&p.doc));
            out.push_str("\n\n");
        }
        out.push_str("| option | Rust field | type | what it does |\n|---|---|---|---|\n");
        for f in &p.fields {
            out.push_str(&format!(
                "| `{}` | `{}` | `{}`{} | {} |\n",
                f.option,
                f.rust,
                f.ty,
                links(&f.ty, homes, page),
                cell(&f.doc)
            ));
        }
        out.push('\n');
    }
    out
}

/// ` ([Label](label.md#label))` for a type naming params documented elsewhere or above.
fn links(ty: &str, homes: &Homes, page: &str) -> String {
    let named: Vec<String> = ty
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter_map(|word| {
            let home = homes.get(word)?;
            let anchor = word.to_lowercase();
            Some(if home == page {
                format!("[{word}](#{anchor})")
            } else {
                format!("[{word}]({home}.md#{anchor})")
            })
        })
        .collect();
    if named.is_empty() {
        String::new()
    } else {
        format!(" ({})", named.join(", "))
    }
}

fn derives_deserialize(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("derive") && a.to_token_stream().to_string().contains("Deserialize")
    })
}

/// The string value of `#[serde(key = "value")]`.
fn serde_value(attrs: &[Attribute], key: &str) -> Option<String> {
    let mut value = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident(key) {
                let lit: syn::LitStr = meta.value()?.parse()?;
                value = Some(lit.value());
            } else if meta.input.peek(syn::Token![=]) {
                // Skip values of other keys, such as `deserialize_with = "..."`.
                let _: Expr = meta.value()?.parse()?;
            }
            Ok(())
        });
    }
    value
}

/// Whether `#[serde(flag)]` is present.
fn serde_flag(attrs: &[Attribute], flag: &str) -> bool {
    let mut found = false;
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident(flag) {
                found = true;
            } else if meta.input.peek(syn::Token![=]) {
                let _: Expr = meta.value()?.parse()?;
            }
            Ok(())
        });
    }
    found
}

fn doc(attrs: &[Attribute]) -> String {
    let lines: Vec<String> = attrs
        .iter()
        .filter_map(|a| match &a.meta {
            Meta::NameValue(nv) if nv.path.is_ident("doc") => match &nv.value {
                Expr::Lit(lit) => match &lit.lit {
                    Lit::Str(s) => Some(s.value().trim().to_owned()),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        })
        .collect();
    lines.join("\n").trim().to_owned()
}

/// The first paragraph of a doc comment, before any example.
fn first_paragraph(doc: &str) -> String {
    doc.split("\n\n")
        .next()
        .unwrap_or_default()
        .replace('\n', " ")
}

/// Doc text fit for one table cell.
fn cell(doc: &str) -> String {
    first_paragraph(doc).replace('|', "\\|")
}

fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `Option < Vec < Option < Item > > >` as `Option<Vec<Option<Item>>>`.
fn compact(tokens: &str) -> String {
    tokens
        .replace(" < ", "<")
        .replace("< ", "<")
        .replace(" <", "<")
        .replace(" >", ">")
        .replace(" ,", ",")
        .replace(":: ", "::")
        .replace(" ::", "::")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_serde_names_types_and_docs() {
        let source = r#"
            /// A thing.
            #[derive(Debug, Deserialize)]
            #[serde(default, rename_all = "camelCase")]
            pub struct Thing {
                /// The message.
                #[serde(deserialize_with = "crate::de::object")]
                pub error_message: Option<ErrorMessage>,
                /// The type.
                #[serde(rename = "type", deserialize_with = "crate::de::string")]
                pub kind: Option<String>,
                #[serde(skip)]
                pub language: Language,
            }
            #[derive(Debug)]
            pub struct NotParams { pub a: u8 }
        "#;
        let params = read(source).unwrap();
        assert_eq!(params.len(), 1);
        assert_eq!(params[0].doc, "A thing.");
        let fields: Vec<(&str, &str, &str)> = params[0]
            .fields
            .iter()
            .map(|f| (f.option.as_str(), f.rust.as_str(), f.ty.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("errorMessage", "error_message", "Option<ErrorMessage>"),
                ("type", "kind", "Option<String>")
            ]
        );
    }

    #[test]
    fn tables_put_the_main_struct_first_and_escape_pipes() {
        let params = vec![
            Params {
                name: "Item".into(),
                doc: String::new(),
                fields: vec![],
            },
            Params {
                name: "Main".into(),
                doc: "Main one.\n\nMore.".into(),
                fields: vec![Field {
                    option: "a".into(),
                    rust: "a".into(),
                    ty: "Option<Vec<Item>>".into(),
                    doc: "yes | no".into(),
                }],
            },
        ];
        let mut homes = Homes::new();
        homes.insert("Item".into(), "here".into());
        homes.insert("Label".into(), "label".into());
        let md = markdown(params, "Main", &homes, "here");
        assert!(md.starts_with("### `Main`\n\nMain one.\n\n"));
        assert!(
            md.contains("| `a` | `a` | `Option<Vec<Item>>` ([Item](#item)) | yes \\| no |"),
            "{md}"
        );
        assert_eq!(
            links("Option<Label>", &homes, "here"),
            " ([Label](label.md#label))"
        );
        assert!(md.find("### `Item`") > md.find("### `Main`"));
    }
}
