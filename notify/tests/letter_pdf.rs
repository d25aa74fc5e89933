//! Letter PDFs read back as a print house would see them: where every character lands on the
//! page. The address must sit inside the envelope window of GOV.UK Notify's letter
//! specification, the body must stay out of it, and nothing may leave the printable area.
#![allow(clippy::unwrap_used)]

use civic_notify::{
    Branding, InternationalLetters, Language, LetterPdfError, Personalisation, PostalAddress,
    PostalAddressError, Template, TemplateKind,
};
use proptest::prelude::*;

/// The areas written out here from Notify's constants (`app/precompiled.py` in
/// notifications-template-preview), not taken from the crate, so that a wrong constant there
/// fails this test. Millimetres from the page's top left corner: left, top, right, bottom.
const WINDOW: [f64; 4] = [24.6, 39.5, 120.0, 66.3];
const PRINTABLE: [f64; 4] = [15.0, 5.0, 195.0, 292.0];
const FIRST_PAGE_BODY_TOP: f64 = 95.0;
const MM_PER_POINT: f64 = 25.4 / 72.0;
/// Liberation Sans's ascender and descender as fractions of the font size: a character's
/// box runs from baseline - descender to baseline + ascender.
const ASCENT: f64 = 0.905;
const DESCENT: f64 = 0.212;

/// One character as printed: its box in millimetres from the top left, and its page.
#[derive(Debug, Clone)]
struct Glyph {
    page: u32,
    text: String,
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

struct Glyphs {
    glyphs: Vec<Glyph>,
}

/// A PDF transformation matrix `[a b c d e f]`, applied to row vectors as PDF does.
#[derive(Debug, Clone, Copy)]
struct Matrix([f64; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn from_operands(operands: &[lopdf::Object]) -> Matrix {
        let mut m = [0.0; 6];
        for (slot, operand) in m.iter_mut().zip(operands) {
            *slot = f64::from(operand.as_float().unwrap());
        }
        Matrix(m)
    }

    /// `self` then `other`.
    fn then(self, other: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn translate(x: f64, y: f64) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    fn apply(self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (x * a + y * c + e, x * b + y * d + f)
    }
}

/// What the reader needs of a font: each code's width (thousandths of the size) and text.
#[derive(Default)]
struct FontInfo {
    widths: std::collections::HashMap<u16, f64>,
    text: std::collections::HashMap<u16, String>,
}

fn font_info(document: &lopdf::Document, font: &lopdf::Dictionary) -> FontInfo {
    let mut info = FontInfo::default();
    let descendants = font.get_deref(b"DescendantFonts", document).unwrap();
    let descendant = document
        .dereference(&descendants.as_array().unwrap()[0])
        .unwrap()
        .1
        .as_dict()
        .unwrap();
    // `W`: runs of `first [w w ...]` or `first last w`.
    let widths = descendant
        .get_deref(b"W", document)
        .unwrap()
        .as_array()
        .unwrap();
    let mut at = 0;
    while at < widths.len() {
        let first = widths[at].as_i64().unwrap();
        match &widths[at + 1] {
            lopdf::Object::Array(list) => {
                for (offset, width) in list.iter().enumerate() {
                    let code = u16::try_from(first).unwrap() + u16::try_from(offset).unwrap();
                    info.widths
                        .insert(code, f64::from(width.as_float().unwrap()));
                }
                at += 2;
            }
            last => {
                let width = f64::from(widths[at + 2].as_float().unwrap());
                for code in first..=last.as_i64().unwrap() {
                    info.widths.insert(u16::try_from(code).unwrap(), width);
                }
                at += 3;
            }
        }
    }
    let cmap = font
        .get_deref(b"ToUnicode", document)
        .unwrap()
        .as_stream()
        .unwrap();
    let cmap =
        String::from_utf8(cmap.decompressed_content().unwrap_or(cmap.content.clone())).unwrap();
    let hex = |text: &str| -> Vec<u16> {
        let digits = text.trim_matches(|c| c == '<' || c == '>');
        (0..digits.len() / 4)
            .map(|i| u16::from_str_radix(&digits[i * 4..i * 4 + 4], 16).unwrap())
            .collect()
    };
    let mut section = "";
    for line in cmap.lines() {
        if line.ends_with("beginbfchar") || line.ends_with("beginbfrange") {
            section = if line.ends_with("beginbfchar") {
                "char"
            } else {
                "range"
            };
            continue;
        }
        if line.starts_with("end") {
            section = "";
            continue;
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        match (section, parts.as_slice()) {
            ("char", [code, text]) => {
                info.text
                    .insert(hex(code)[0], String::from_utf16(&hex(text)).unwrap());
            }
            ("range", [first, last, text]) => {
                let start = hex(text);
                for (offset, code) in (hex(first)[0]..=hex(last)[0]).enumerate() {
                    let mut units = start.clone();
                    if let Some(unit) = units.last_mut() {
                        *unit += u16::try_from(offset).unwrap();
                    }
                    info.text.insert(code, String::from_utf16(&units).unwrap());
                }
            }
            _ => {}
        }
    }
    info
}

/// The text state a string is shown with.
struct Pen<'a> {
    page: u32,
    height: f64,
    font: &'a FontInfo,
    size: f64,
    ctm: Matrix,
}

impl Pen<'_> {
    /// Records each two-byte code of `bytes` as a glyph and moves the text matrix past it.
    fn show(&self, bytes: &[u8], text: &mut Matrix, glyphs: &mut Vec<Glyph>) {
        let size = self.size;
        for pair in bytes.chunks(2) {
            let code = u16::from_be_bytes([pair[0], pair.get(1).copied().unwrap_or(0)]);
            let advance = self.font.widths.get(&code).copied().unwrap_or(0.0) / 1000.0 * size;
            let to_page = text.then(self.ctm);
            let corners = [
                to_page.apply(0.0, -DESCENT * size),
                to_page.apply(0.0, ASCENT * size),
                to_page.apply(advance, -DESCENT * size),
                to_page.apply(advance, ASCENT * size),
            ];
            let xs = corners.map(|(x, _)| x);
            let ys = corners.map(|(_, y)| y);
            let min = |v: [f64; 4]| v.into_iter().fold(f64::INFINITY, f64::min);
            let max = |v: [f64; 4]| v.into_iter().fold(f64::NEG_INFINITY, f64::max);
            glyphs.push(Glyph {
                page: self.page,
                text: self.font.text.get(&code).cloned().unwrap_or_default(),
                left: min(xs) * MM_PER_POINT,
                right: max(xs) * MM_PER_POINT,
                top: (self.height - max(ys)) * MM_PER_POINT,
                bottom: (self.height - min(ys)) * MM_PER_POINT,
            });
            *text = Matrix::translate(advance, 0.0).then(*text);
        }
    }
}

/// Reads every character drawn with its box: the content streams' text operators (`cm`,
/// `q`/`Q`, `Tm`, `Td`, `Tf`, `Tj`, `TJ`) with each font's widths and Unicode map, for the
/// two-byte Identity-encoded fonts a letter uses.
fn read(pdf: &[u8]) -> Glyphs {
    let document = lopdf::Document::load_mem(pdf).unwrap();
    let mut glyphs = Vec::new();
    for (number, page_id) in document.get_pages() {
        let page = document.get_object(page_id).unwrap().as_dict().unwrap();
        let media_box: Vec<f64> = page
            .get(b"MediaBox")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|v| f64::from(v.as_float().unwrap()))
            .collect();
        assert!(
            (media_box[2] * MM_PER_POINT - 210.0).abs() < 0.1,
            "A4 width"
        );
        assert!(
            (media_box[3] * MM_PER_POINT - 297.0).abs() < 0.1,
            "A4 height"
        );
        let height = media_box[3];
        let fonts: std::collections::HashMap<Vec<u8>, FontInfo> = document
            .get_page_fonts(page_id)
            .unwrap()
            .into_iter()
            .map(|(name, font)| (name, font_info(&document, font)))
            .collect();
        let content =
            lopdf::content::Content::decode(&document.get_page_content(page_id).unwrap()).unwrap();
        let mut ctm = Matrix::IDENTITY;
        let mut saved = Vec::new();
        let mut line = Matrix::IDENTITY;
        let mut text = Matrix::IDENTITY;
        let mut font: Option<&FontInfo> = None;
        let mut size = 0.0;
        for operation in &content.operations {
            let operands = &operation.operands;
            match operation.operator.as_str() {
                "q" => saved.push(ctm),
                "Q" => ctm = saved.pop().unwrap(),
                "cm" => ctm = Matrix::from_operands(operands).then(ctm),
                "BT" => {
                    line = Matrix::IDENTITY;
                    text = Matrix::IDENTITY;
                }
                "Tm" => {
                    line = Matrix::from_operands(operands);
                    text = line;
                }
                "Td" => {
                    let x = f64::from(operands[0].as_float().unwrap());
                    let y = f64::from(operands[1].as_float().unwrap());
                    line = Matrix::translate(x, y).then(line);
                    text = line;
                }
                "Tf" => {
                    font = fonts.get(operands[0].as_name().unwrap());
                    size = f64::from(operands[1].as_float().unwrap());
                }
                "Tj" => {
                    let pen = Pen {
                        page: number,
                        height,
                        font: font.unwrap(),
                        size,
                        ctm,
                    };
                    pen.show(operands[0].as_str().unwrap(), &mut text, &mut glyphs);
                }
                "TJ" => {
                    for item in operands[0].as_array().unwrap() {
                        match item {
                            lopdf::Object::String(bytes, _) => {
                                let pen = Pen {
                                    page: number,
                                    height,
                                    font: font.unwrap(),
                                    size,
                                    ctm,
                                };
                                pen.show(bytes, &mut text, &mut glyphs);
                            }
                            number => {
                                let adjust = f64::from(number.as_float().unwrap());
                                text = Matrix::translate(-adjust / 1000.0 * size, 0.0).then(text);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    Glyphs { glyphs }
}

fn inside(glyph: &Glyph, [left, top, right, bottom]: [f64; 4]) -> bool {
    glyph.left >= left && glyph.right <= right && glyph.top >= top && glyph.bottom <= bottom
}

fn overlaps(glyph: &Glyph, [left, top, right, bottom]: [f64; 4]) -> bool {
    glyph.left < right && glyph.right > left && glyph.top < bottom && glyph.bottom > top
}

/// The text of the characters on page `page` whose boxes are inside `area`, in order.
fn text_in(glyphs: &Glyphs, page: u32, area: [f64; 4]) -> String {
    glyphs
        .glyphs
        .iter()
        .filter(|glyph| glyph.page == page && inside(glyph, area))
        .map(|glyph| glyph.text.as_str())
        .collect()
}

/// The text of the glyphs `keep` keeps, in the order printed, without spaces (body text is
/// placed word by word, so its spaces are gaps rather than characters).
fn squeezed(glyphs: &Glyphs, keep: impl Fn(&Glyph) -> bool) -> String {
    glyphs
        .glyphs
        .iter()
        .filter(|glyph| keep(glyph))
        .flat_map(|glyph| glyph.text.chars())
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Every check a printed letter must pass; returns the glyphs for further checks.
fn check_layout(pdf: &[u8], address: &[&str]) -> Glyphs {
    let glyphs = read(pdf);
    assert!(!glyphs.glyphs.is_empty());
    for glyph in &glyphs.glyphs {
        if glyph.text.trim().is_empty() {
            continue;
        }
        assert!(
            inside(glyph, PRINTABLE),
            "{glyph:?} outside the printable area"
        );
    }
    // Every address character is in the window, and the window holds nothing else.
    let expected: String = address.iter().flat_map(|line| line.chars()).collect();
    let expected: String = expected.split_whitespace().collect();
    let in_window: String = text_in(&glyphs, 1, WINDOW).split_whitespace().collect();
    assert_eq!(in_window, expected, "the window shows exactly the address");
    let touching: String = glyphs
        .glyphs
        .iter()
        .filter(|glyph| glyph.page == 1 && overlaps(glyph, WINDOW))
        .map(|glyph| glyph.text.as_str())
        .collect::<String>()
        .split_whitespace()
        .collect();
    assert_eq!(touching, expected, "nothing else enters the window");
    glyphs
}

fn letter() -> Template {
    Template::new(
        TemplateKind::Letter,
        Some("Your bulky waste collection, ((reference))"),
        "Dear ((name)),\n\n# What happens next\n\nWe will collect your items on ((day)).\n\n\
         * put them outside by 7am\n* keep them dry\n\nThen:\n\n1. book\n2. pay\n\nFind out more at https://council.example/bulky-waste",
    )
    .with_welsh(
        Some("Casgliad gwastraff swmpus, ((reference))"),
        "Annwyl ((name)),\n\n# Beth sy’n digwydd nesaf\n\nByddwn yn casglu eich eitemau ar ((day)).\n\n\
         * rhowch nhw y tu allan erbyn 7yb\n* cadwch nhw’n sych\n\nŴyn, ŷd, â, ê, î, ô, û, ẁ, ẃ, ỳ.",
    )
}

fn values() -> Personalisation {
    Personalisation::new()
        .with("reference", "BW-1234")
        .with("name", "Siân Ŵyn")
        .with("day", "Monday 7 December")
}

fn branding() -> Branding {
    Branding::new("Powys County Council", "#005EA5")
}

const ADDRESS: [&str; 4] = ["Siân Ŵyn", "1 Stryd Fawr", "Llandrindod Wells", "LD1 5LG"];

/// A UK address, checked as Notify checks it.
fn postal(lines: &[impl AsRef<str>]) -> PostalAddress {
    PostalAddress::from_lines(lines, InternationalLetters::NotAllowed).unwrap()
}

#[test]
fn an_english_letter_prints_its_address_in_the_window() {
    let pdf = letter()
        .render_letter_pdf(
            Language::English,
            &values(),
            &postal(&ADDRESS),
            "29 November 2026",
            &branding(),
        )
        .unwrap();
    assert_eq!(pdf.pages, 1);
    let glyphs = check_layout(&pdf.bytes, &ADDRESS);
    // The heading and body come after the first page's body top; the council's name and the
    // date above it.
    let body = squeezed(&glyphs, |glyph| glyph.top >= FIRST_PAGE_BODY_TOP);
    for expected in [
        "Yourbulkywastecollection,BW-1234",
        "DearSiânŴyn,",
        "Whathappensnext",
        "•putthemoutsideby7am•keepthemdry",
        "1.book2.pay",
        "council.example/bulky-waste",
        "Page1of1",
    ] {
        assert!(body.contains(expected), "{expected} not in {body}");
    }
    let top = squeezed(&glyphs, |glyph| {
        glyph.bottom <= FIRST_PAGE_BODY_TOP && !overlaps(glyph, WINDOW)
    });
    assert_eq!(top, "PowysCountyCouncil29November2026");
}

#[test]
fn a_welsh_letter_with_a_seven_line_address() {
    let address = [
        "Dr Siân Ŵyn",
        "Fflat 3",
        "Tŷ Gwyn",
        "1 Stryd Fawr",
        "Llanfair-ym-Muallt",
        "Powys",
        "LD2 3AA",
    ];
    let pdf = letter()
        .render_letter_pdf(
            Language::Welsh,
            &values(),
            &postal(&address),
            "29 Tachwedd 2026",
            &branding(),
        )
        .unwrap();
    let glyphs = check_layout(&pdf.bytes, &address);
    let text = squeezed(&glyphs, |_| true);
    for expected in [
        "Tudalen1o1",
        "Ŵyn,ŷd,â,ê,î,ô,û,ẁ,ẃ,ỳ.",
        "Bethsy’ndigwyddnesaf",
        "AnnwylSiânŴyn,",
    ] {
        assert!(text.contains(expected), "{expected} not in {text}");
    }
}

#[test]
fn a_long_letter_continues_over_numbered_pages() {
    let paragraph = "The council collects bulky waste on weekdays. ".repeat(12);
    let body = format!(
        "Dear ((name)),\n\n{}\n\n---\n\nThis part starts on a page of its own.",
        vec![paragraph.as_str(); 14].join("\n\n")
    );
    let template = Template::new(TemplateKind::Letter, Some("A long letter"), &body);
    let pdf = template
        .render_letter_pdf(
            Language::English,
            &values(),
            &postal(&ADDRESS),
            "29 November 2026",
            &branding(),
        )
        .unwrap();
    assert!(pdf.pages >= 3, "{} pages", pdf.pages);
    let glyphs = check_layout(&pdf.bytes, &ADDRESS);
    let pages = u32::try_from(pdf.pages).unwrap();
    for page in 1..=pages {
        let text = squeezed(&glyphs, |glyph| glyph.page == page);
        assert!(
            text.contains(&format!("Page{page}of{pages}")),
            "page {page}: {text}"
        );
        // Nothing on the first page's body or any later page reaches into the window's
        // rows on the left, since the body starts below it.
        if page > 1 {
            assert!(!text.contains("LD15LG"));
        }
    }
    // The horizontal rule started a new page: the last page holds that paragraph only.
    let last = squeezed(&glyphs, |glyph| glyph.page == pages);
    assert_eq!(
        last,
        format!("Thispartstartsonapageofitsown.Page{pages}of{pages}")
    );
}

#[test]
fn an_address_the_window_cannot_hold_is_refused() {
    let render = |address: &[&str]| {
        letter().render_letter_pdf(
            Language::English,
            &values(),
            &postal(address),
            "29 November 2026",
            &branding(),
        )
    };
    let long = "W".repeat(80);
    assert_eq!(
        render(&["A", &long, "SW1A 1AA"]).unwrap_err(),
        LetterPdfError::AddressLineTooLong(2)
    );
    assert!(matches!(
        letter()
            .render_letter_pdf(
                Language::English,
                &Personalisation::new(),
                &postal(&ADDRESS),
                "",
                &branding()
            )
            .unwrap_err(),
        LetterPdfError::Template(_)
    ));
}

/// Issue 6: an address Notify would refuse never reaches the PDF: the letter's values are
/// checked first, with Notify's message for the resident or staff.
#[test]
fn an_address_notify_refuses_is_refused_before_printing() {
    let address = |lines: &[(&str, &str)]| {
        let mut values = values();
        for (key, value) in lines {
            values.insert(key, *value);
        }
        PostalAddress::from_personalisation(&values, InternationalLetters::NotAllowed)
    };
    let too_few = address(&[("address_line_1", "A"), ("postcode", "SW1A 1AA")]).unwrap_err();
    assert_eq!(too_few, PostalAddressError::TooFewLines);
    assert_eq!(too_few.to_string(), "Address must be at least 3 lines");
    let abroad = address(&[
        ("address_line_1", "1 Rue Example"),
        ("address_line_2", "Paris"),
        ("postcode", "France"),
    ]);
    assert_eq!(abroad.unwrap_err(), PostalAddressError::NotAUkPostcode);
    let tidied = address(&[
        ("address_line_1", "Siân Ŵyn"),
        ("address_line_3", "Llandrindod Wells ,"),
        ("postcode", "ld15lg"),
    ])
    .unwrap();
    let pdf = letter()
        .render_letter_pdf(
            Language::English,
            &values(),
            &tidied,
            "1 January 2027",
            &branding(),
        )
        .unwrap();
    check_layout(&pdf.bytes, &["Siân Ŵyn", "Llandrindod Wells", "LD1 5LG"]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Any address the window can hold and any body: no panic, and the layout holds.
    #[test]
    fn any_address_and_body_print_inside_their_areas(
        lines in proptest::collection::vec("[A-Za-z0-9 ,.'ŵŷâ-]{1,40}", 2..=6),
        body in "\\PC{0,600}",
    ) {
        let mut lines: Vec<String> = lines
            .into_iter()
            .map(|line| format!("x{}", line.trim()))
            .collect();
        lines.push("SW1A 1AA".to_owned());
        let Ok(address) = PostalAddress::from_lines(&lines, InternationalLetters::NotAllowed) else {
            // Lines that happen to read as "no fixed abode" and the like.
            return Ok(());
        };
        let template = Template::new(TemplateKind::Letter, Some("Heading"), &body);
        let pdf = template
            .render_letter_pdf(Language::English, &values(), &address, "1 January 2027", &branding())
            .unwrap();
        let printed: Vec<&str> = address.lines().iter().map(String::as_str).collect();
        check_layout(&pdf.bytes, &printed);
    }

    /// Any text at all as address lines and body never panics.
    #[test]
    fn any_text_never_panics(
        lines in proptest::collection::vec("\\PC{0,60}", 0..9),
        body in "\\PC{0,300}",
    ) {
        let template = Template::new(TemplateKind::Letter, Some("((a))"), &body);
        if let Ok(address) = PostalAddress::from_lines(&lines, InternationalLetters::Allowed) {
            let _ = template.render_letter_pdf(Language::Welsh, &values(), &address, &body, &branding());
        }
    }
}
