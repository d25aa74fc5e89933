//! The [table](https://design-system.service.gov.uk/components/table/): rows of cells with an
//! optional caption and header row.

use crate::attributes::Attributes;
use crate::content::Content;
use crate::de::given;
use crate::escape::escape_into;
use maud::Render;
use serde::Deserialize;

/// Parameters of the table: upstream's `govukTable` options.
///
/// ```
/// use civic_components::{Table, TableCell};
/// use maud::Render;
///
/// let html = Table::new()
///     .caption("Fees")
///     .head([TableCell::text("Item"), TableCell::text("Fee").numeric()])
///     .row([TableCell::text("Garden waste"), TableCell::text("£45").numeric()])
///     .render()
///     .into_string();
/// assert!(html.contains("govuk-table__cell--numeric"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Table {
    /// The body rows; `None` stands for upstream's falsy rows, which are skipped, or for a falsy cell, which renders empty.
    #[serde(deserialize_with = "crate::de::items_with_gaps")]
    pub rows: Vec<Option<Vec<Option<TableCell>>>>,
    /// The header row.
    #[serde(deserialize_with = "crate::de::object")]
    pub head: Option<Vec<Option<TableCell>>>,
    /// The caption, as text.
    #[serde(deserialize_with = "crate::de::string")]
    pub caption: Option<String>,
    /// Classes on the caption, such as `govuk-table__caption--m`.
    #[serde(deserialize_with = "crate::de::string")]
    pub caption_classes: Option<String>,
    /// Makes the first cell of each row a row header.
    #[serde(deserialize_with = "crate::de::truthy")]
    pub first_cell_is_header: bool,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
}

/// One cell of the header row or of a body row.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct TableCell {
    /// The content as text.
    #[serde(deserialize_with = "crate::de::string")]
    pub text: Option<String>,
    /// The content as trusted HTML; wins over `text`.
    #[serde(deserialize_with = "crate::de::string")]
    pub html: Option<String>,
    /// `numeric` right-aligns the cell.
    #[serde(deserialize_with = "crate::de::string")]
    pub format: Option<String>,
    /// How many columns the cell spans.
    #[serde(deserialize_with = "crate::de::string")]
    pub colspan: Option<String>,
    /// How many rows the cell spans.
    #[serde(deserialize_with = "crate::de::string")]
    pub rowspan: Option<String>,
    /// Extra classes on this element.
    #[serde(deserialize_with = "crate::de::string")]
    pub classes: Option<String>,
    /// Extra attributes on this element.
    pub attributes: Attributes,
}

impl TableCell {
    fn open(&self, b: &mut String, tag: &str, scope: Option<&str>, base: &str, format: bool) {
        b.push('<');
        b.push_str(tag);
        if let Some(s) = scope {
            b.push_str(" scope=\"");
            b.push_str(s);
            b.push('"');
        }
        b.push_str(" class=\"");
        b.push_str(base);
        if let Some(f) = given(&self.format).filter(|_| format) {
            b.push(' ');
            b.push_str(base);
            b.push_str("--");
            escape_into(b, f);
        }
        if let Some(c) = given(&self.classes) {
            b.push(' ');
            escape_into(b, c);
        }
        b.push('"');
        for (name, v) in [("colspan", &self.colspan), ("rowspan", &self.rowspan)] {
            if let Some(v) = given(v) {
                b.push(' ');
                b.push_str(name);
                b.push_str("=\"");
                escape_into(b, v);
                b.push('"');
            }
        }
        self.attributes.render_to(b);
        b.push('>');
        if let Some(content) = Content::from_fields(&self.text, &self.html) {
            content.render_untrimmed_to(b);
        }
        b.push_str("</");
        b.push_str(tag);
        b.push_str(">\n");
    }
}

impl Render for Table {
    fn render_to(&self, b: &mut String) {
        b.push_str("<table");
        b.push_str(" class=\"govuk-table");
        if let Some(classes) = given(&self.classes) {
            b.push(' ');
            escape_into(b, classes);
        }
        b.push('"');
        self.attributes.render_to(b);
        b.push_str(">\n");
        if let Some(caption) = given(&self.caption) {
            b.push_str("<caption");
            b.push_str(" class=\"govuk-table__caption");
            if let Some(classes) = given(&self.caption_classes) {
                b.push(' ');
                escape_into(b, classes);
            }
            b.push('"');
            b.push('>');
            escape_into(b, caption);
            b.push_str("</caption>\n");
        }
        let none = TableCell::default();
        if let Some(head) = &self.head {
            b.push_str("<thead class=\"govuk-table__head\">\n<tr class=\"govuk-table__row\">\n");
            for item in head {
                item.as_ref().unwrap_or(&none).open(
                    b,
                    "th",
                    Some("col"),
                    "govuk-table__header",
                    true,
                );
            }
            b.push_str("</tr>\n</thead>\n");
        }
        b.push_str("<tbody class=\"govuk-table__body\">\n");
        for row in self.rows.iter().flatten() {
            b.push_str("<tr class=\"govuk-table__row\">\n");
            for (i, cell) in row.iter().enumerate() {
                let cell = cell.as_ref().unwrap_or(&none);
                if i == 0 && self.first_cell_is_header {
                    cell.open(b, "th", Some("row"), "govuk-table__header", false);
                } else {
                    cell.open(b, "td", None, "govuk-table__cell", true);
                }
            }
            b.push_str("</tr>\n");
        }
        b.push_str("</tbody>\n</table>");
    }
}

impl Table {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the caption.
    pub fn caption(mut self, caption: impl Into<String>) -> Self {
        self.caption = Some(caption.into());
        self
    }

    /// Sets the header row.
    pub fn head(mut self, cells: impl IntoIterator<Item = TableCell>) -> Self {
        self.head = Some(cells.into_iter().map(Some).collect());
        self
    }

    /// Adds a body row.
    pub fn row(mut self, cells: impl IntoIterator<Item = TableCell>) -> Self {
        self.rows.push(Some(cells.into_iter().map(Some).collect()));
        self
    }

    /// Makes the first cell of each row a row header.
    pub fn first_cell_is_header(mut self, yes: bool) -> Self {
        self.first_cell_is_header = yes;
        self
    }
}

impl TableCell {
    /// A cell given as text.
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            text: Some(text.into()),
            ..Self::default()
        }
    }

    /// A cell given as trusted HTML.
    pub fn html(html: impl Into<String>) -> Self {
        Self {
            html: Some(html.into()),
            ..Self::default()
        }
    }

    /// Right-aligns the cell, for numbers.
    pub fn numeric(mut self) -> Self {
        self.format = Some("numeric".to_owned());
        self
    }
}

crate::builder::string_setters!(Table {
    classes: "Adds classes to the outer element.",
});
crate::builder::attributes_setter!(Table);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_cell_can_be_a_row_header() {
        let html = Table::new()
            .first_cell_is_header(true)
            .row([TableCell::text("Blue bin"), TableCell::text("2").numeric()])
            .render()
            .into_string();
        assert!(html.contains(r#"<th scope="row" class="govuk-table__header">Blue bin</th>"#));
        assert!(
            html.contains(r#"<td class="govuk-table__cell govuk-table__cell--numeric">2</td>"#)
        );
    }
}
