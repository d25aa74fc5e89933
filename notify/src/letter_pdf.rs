//! Printable letters: a letter template rendered to an A4 PDF laid out the way GOV.UK Notify
//! prints letters, with the recipient's address inside the envelope window.
//!
//! The areas are GOV.UK Notify's, from the constants its letter service checks every page
//! against (`app/precompiled.py` in alphagov/notifications-template-preview, which Notify's
//! published letter specification restates): the address block 24.6 mm from the left edge and
//! 39.5 mm from the top, 95.4 mm wide (to 120 mm) and 26.8 mm high (to 66.3 mm); everything
//! printed within 15 mm of the left and right edges and 5 mm of the top and bottom; on the
//! first page the logo above 30 mm between 15 and 125 mm, the sender's details right of
//! 125 mm and the body from 95 mm down.
//!
//! Text is set in Liberation Sans (SIL Open Font License, `notify/fonts/OFL.txt`), whose
//! letters have Arial's widths, the font Notify prints addresses in.

use std::sync::Arc;

use krilla::Document;
use krilla::geom::Point;
use krilla::page::PageSettings;
use krilla::text::{Font, TextDirection};

use crate::email::Branding;
use crate::language::Language;
use crate::messages::Message;
use crate::personalisation::Personalisation;
use crate::postal_address::PostalAddress;
use crate::template::{Template, TemplateError};

const REGULAR_TTF: &[u8] = include_bytes!("../fonts/LiberationSans-Regular.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../fonts/LiberationSans-Bold.ttf");

/// A rectangle on the page in millimetres, measured from the top left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    /// Distance of the left edge from the page's left edge.
    pub left: f32,
    /// Distance of the top edge from the page's top edge.
    pub top: f32,
    /// Distance of the right edge from the page's left edge.
    pub right: f32,
    /// Distance of the bottom edge from the page's top edge.
    pub bottom: f32,
}

/// An A4 page: 210 by 297 mm.
pub const A4: Area = Area {
    left: 0.0,
    top: 0.0,
    right: 210.0,
    bottom: 297.0,
};

/// Where Notify's printer may print: 15 mm in from the sides, 5 mm from top and bottom.
pub const PRINTABLE_AREA: Area = Area {
    left: 15.0,
    top: 5.0,
    right: 195.0,
    bottom: 292.0,
};

/// The address block that shows through the envelope window.
pub const ADDRESS_WINDOW: Area = Area {
    left: 24.6,
    top: 39.5,
    right: 120.0,
    bottom: 66.3,
};

/// The first page's logo area (above the address).
const LOGO_AREA: Area = Area {
    left: 15.0,
    top: 5.0,
    right: 125.0,
    bottom: 30.0,
};

/// The first page's area for the sender's details, right of the address.
const SENDER_AREA: Area = Area {
    left: 125.0,
    top: 5.0,
    right: 195.0,
    bottom: 95.0,
};

/// Where the body starts on the first page; nothing else but the footer goes below it.
pub const FIRST_PAGE_BODY_TOP: f32 = 95.0;

/// The body's column on every page. Its left edge lines up with the address; its right
/// edge keeps 5 mm inside the printable area, room for kerning that widens a line.
const BODY_LEFT: f32 = 24.6;
const BODY_RIGHT: f32 = 190.0;
const CONTINUATION_BODY_TOP: f32 = 20.0;
/// The body stops here, above the page number.
const BODY_BOTTOM: f32 = 275.0;
const FOOTER_BASELINE: f32 = 285.0;

/// Address lines: Notify's at most 7 lines fit the window's 26.8 mm at this spacing.
const ADDRESS_SIZE: f32 = 10.0;
const ADDRESS_SMALLEST_SIZE: f32 = 8.0;
const ADDRESS_LEADING: f32 = 3.7;
/// Room left at the window's right edge for kerning that widens a line.
const ADDRESS_SLACK: f32 = 1.0;

const HEADING_SIZE: f32 = 16.0;
const SUBHEADING_SIZE: f32 = 12.0;
const TEXT_SIZE: f32 = 11.0;
const NAME_SIZE: f32 = 14.0;
const FOOTER_SIZE: f32 = 9.0;
/// Line height as a multiple of the font size.
const LINE_HEIGHT: f32 = 1.35;
const LIST_INDENT: f32 = 7.0;

const POINTS_PER_MM: f32 = 72.0 / 25.4;

/// A letter ready to print.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct LetterPdf {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// How many pages it has.
    pub pages: usize,
}

/// Why a letter could not be printed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LetterPdfError {
    /// The template could not be filled in (a missing value, say).
    #[error(transparent)]
    Template(#[from] TemplateError),
    /// This address line (counted from 1) is too wide for the envelope window even in the
    /// smallest print Notify uses for addresses.
    #[error("address line {0} is too long to show in the envelope window")]
    AddressLineTooLong(usize),
    /// The PDF writer failed.
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}

impl Template {
    /// The letter in `language` as a printable A4 PDF: the council's name where Notify puts
    /// the logo (never the crown), `address` in the envelope window, `date` on the right and
    /// the heading and body below, continuing over as many pages as it needs, each numbered.
    ///
    /// The address is a [`PostalAddress`], so it has passed Notify's checks (3 to 7 lines, a
    /// real postcode, BFPO number or allowed country last, the character rules) before
    /// anything is drawn; its tidied lines are printed. It is still refused if a line is too
    /// wide for the window.
    pub fn render_letter_pdf(
        &self,
        language: Language,
        values: &Personalisation,
        address: &PostalAddress,
        date: &str,
        branding: &Branding,
    ) -> Result<LetterPdf, LetterPdfError> {
        let (heading, body_html) = self.render_letter(language, values)?;
        let address: Vec<&str> = address.lines().iter().map(String::as_str).collect();
        let fonts = Fonts::load()?;
        let mut pages = vec![Vec::new()];
        first_page_header(&fonts, &mut pages[0], &branding.name, &address, date)?;
        let mut body = vec![Block::Heading(vec![Run::new(&heading, true)])];
        body.extend(blocks_from_letter_html(&body_html));
        flow(&fonts, &body, &mut pages);
        let count = pages.len();
        for (index, page) in pages.iter_mut().enumerate() {
            let label = format!(
                "{} {} {} {count}",
                Message::LetterPage.text(language),
                index + 1,
                Message::LetterPageOf.text(language),
            );
            page.push(Text::new(
                BODY_LEFT,
                FOOTER_BASELINE,
                FOOTER_SIZE,
                false,
                label,
            ));
        }
        let bytes = draw(&fonts, &pages)?;
        Ok(LetterPdf {
            bytes,
            pages: count,
        })
    }
}

/// The two faces of Liberation Sans: krilla's handles for drawing, ttf-parser's for
/// measuring words before they are placed.
struct Fonts {
    regular: Font,
    bold: Font,
    regular_face: ttf_parser::Face<'static>,
    bold_face: ttf_parser::Face<'static>,
}

impl Fonts {
    fn load() -> Result<Fonts, LetterPdfError> {
        let broken = || LetterPdfError::Pdf("the embedded font could not be read".to_owned());
        let font = |bytes: &'static [u8]| {
            let data: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(bytes);
            Font::new(data.into(), 0).ok_or_else(broken)
        };
        let face = |bytes: &'static [u8]| ttf_parser::Face::parse(bytes, 0).map_err(|_| broken());
        Ok(Fonts {
            regular: font(REGULAR_TTF)?,
            bold: font(BOLD_TTF)?,
            regular_face: face(REGULAR_TTF)?,
            bold_face: face(BOLD_TTF)?,
        })
    }

    /// The width of `text` in millimetres at `size` points, without kerning.
    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let face = if bold {
            &self.bold_face
        } else {
            &self.regular_face
        };
        let units: u32 = text
            .chars()
            .map(|c| {
                let glyph = face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
                u32::from(face.glyph_hor_advance(glyph).unwrap_or(0))
            })
            .sum();
        units as f32 / f32::from(face.units_per_em()) * size / POINTS_PER_MM
    }

    /// The height of the font's ascender at `size` points, in millimetres.
    fn ascent(&self, size: f32) -> f32 {
        let face = &self.regular_face;
        f32::from(face.ascender()) / f32::from(face.units_per_em()) * size / POINTS_PER_MM
    }
}

/// One piece of text placed on a page: its baseline's left end in millimetres from the top
/// left corner.
#[derive(Debug, Clone, PartialEq)]
struct Text {
    x: f32,
    y: f32,
    size: f32,
    bold: bool,
    text: String,
}

impl Text {
    fn new(x: f32, y: f32, size: f32, bold: bool, text: String) -> Text {
        Text {
            x,
            y,
            size,
            bold,
            text,
        }
    }
}

/// The council's name in the logo area, the address in the window and the date on the right.
fn first_page_header(
    fonts: &Fonts,
    page: &mut Vec<Text>,
    council: &str,
    address: &[&str],
    date: &str,
) -> Result<(), LetterPdfError> {
    let name_width = LOGO_AREA.right - BODY_LEFT - ADDRESS_SLACK;
    let name_size = fitted_size(fonts, council, NAME_SIZE, name_width, true);
    page.push(Text::new(
        BODY_LEFT,
        LOGO_AREA.top + 15.0,
        name_size,
        true,
        council.to_owned(),
    ));

    let window_width = ADDRESS_WINDOW.right - ADDRESS_WINDOW.left - ADDRESS_SLACK;
    let mut size = ADDRESS_SIZE;
    for (index, line) in address.iter().enumerate() {
        let fitted = fitted_size(fonts, line, ADDRESS_SIZE, window_width, false);
        if fitted < ADDRESS_SMALLEST_SIZE {
            return Err(LetterPdfError::AddressLineTooLong(index + 1));
        }
        size = size.min(fitted);
    }
    // The first line's letters start just below the window's top edge.
    let first_baseline = ADDRESS_WINDOW.top + 0.1 + fonts.ascent(size);
    for (index, line) in address.iter().enumerate() {
        page.push(Text::new(
            ADDRESS_WINDOW.left,
            first_baseline + index as f32 * ADDRESS_LEADING,
            size,
            false,
            (*line).to_owned(),
        ));
    }

    let date_width = SENDER_AREA.right - SENDER_AREA.left - ADDRESS_SLACK;
    let date_size = fitted_size(fonts, date, TEXT_SIZE, date_width, false);
    page.push(Text::new(
        SENDER_AREA.left,
        FIRST_PAGE_BODY_TOP - 10.0,
        date_size,
        false,
        date.to_owned(),
    ));
    Ok(())
}

/// `size`, or smaller if that is what it takes for `text` to fit `width`.
fn fitted_size(fonts: &Fonts, text: &str, size: f32, width: f32, bold: bool) -> f32 {
    let measured = fonts.width(text, size, bold);
    if measured > width {
        size * width / measured
    } else {
        size
    }
}

/// Text of one style within a block; `\n` is a line break.
#[derive(Debug, Clone, PartialEq)]
struct Run {
    text: String,
    bold: bool,
}

impl Run {
    fn new(text: &str, bold: bool) -> Run {
        Run {
            text: text.to_owned(),
            bold,
        }
    }
}

/// The parts of a letter body, as Notify's letter markdown renderer writes them.
#[derive(Debug, Clone, PartialEq)]
enum Block {
    /// The letter's heading.
    Heading(Vec<Run>),
    /// A heading within the body (`#`).
    Subheading(Vec<Run>),
    Paragraph(Vec<Run>),
    /// A list item: its marker (a bullet or its number), its depth and its text.
    Item {
        marker: String,
        depth: usize,
        runs: Vec<Run>,
    },
    /// A horizontal rule (`---`): Notify starts a new page.
    PageBreak,
}

/// The blocks of the HTML `markdown_to_letter_html` writes: `h2`, `p`, `ul`/`ol` with `li`,
/// `br`, `strong` (links) and the page-break `div`. Other tags are left out, their text kept.
fn blocks_from_letter_html(html: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut runs: Vec<Run> = Vec::new();
    // Each open list: ordered or not, and the number of its last item.
    let mut lists: Vec<(bool, usize)> = Vec::new();
    let mut items_open = 0usize;
    let mut bold = 0usize;
    let mut in_page_break = false;
    let mut rest = html;
    let flush_paragraph = |runs: &mut Vec<Run>, blocks: &mut Vec<Block>| {
        if has_text(runs) {
            blocks.push(Block::Paragraph(std::mem::take(runs)));
        } else {
            runs.clear();
        }
    };
    // An item's text so far, given the next number of the innermost list. The text of an
    // item that holds a list is written before that list.
    let flush_item =
        |runs: &mut Vec<Run>, blocks: &mut Vec<Block>, lists: &mut Vec<(bool, usize)>| {
            if !has_text(runs) {
                runs.clear();
                return;
            }
            let depth = lists.len().max(1);
            let marker = match lists.last_mut() {
                Some((true, number)) => {
                    *number += 1;
                    format!("{number}.")
                }
                _ => "\u{2022}".to_owned(),
            };
            blocks.push(Block::Item {
                marker,
                depth,
                runs: std::mem::take(runs),
            });
        };
    while !rest.is_empty() {
        let (text, tag, after) = match rest.find('<') {
            Some(at) => match rest[at..].find('>') {
                Some(end) => (
                    &rest[..at],
                    Some(&rest[at + 1..at + end]),
                    &rest[at + end + 1..],
                ),
                None => (rest, None, ""),
            },
            None => (rest, None, ""),
        };
        if !text.is_empty() && !in_page_break {
            let decoded = html_escape::decode_html_entities(text).replace('\n', " ");
            runs.push(Run::new(&decoded, bold > 0));
        }
        rest = after;
        let Some(tag) = tag else { continue };
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match (name.as_str(), closing) {
            ("br", _) => runs.push(Run::new("\n", false)),
            ("strong" | "b", false) => bold += 1,
            ("strong" | "b", true) => bold = bold.saturating_sub(1),
            ("div", false) if tag.contains("page-break") => {
                flush_paragraph(&mut runs, &mut blocks);
                blocks.push(Block::PageBreak);
                in_page_break = true;
            }
            ("div", true) => in_page_break = false,
            // A loose list's items hold paragraphs: they stay part of the item.
            ("p", _) if items_open > 0 => {}
            ("p" | "h1" | "h3" | "h4", _) => flush_paragraph(&mut runs, &mut blocks),
            ("h2", false) => flush_paragraph(&mut runs, &mut blocks),
            ("h2", true) => blocks.push(Block::Subheading(std::mem::take(&mut runs))),
            ("ul" | "ol", false) => {
                if items_open > 0 {
                    flush_item(&mut runs, &mut blocks, &mut lists);
                } else {
                    flush_paragraph(&mut runs, &mut blocks);
                }
                lists.push((name == "ol", 0));
            }
            ("ul" | "ol", true) => {
                flush_paragraph(&mut runs, &mut blocks);
                lists.pop();
            }
            ("li", false) => {
                flush_paragraph(&mut runs, &mut blocks);
                items_open += 1;
            }
            ("li", true) => {
                flush_item(&mut runs, &mut blocks, &mut lists);
                items_open = items_open.saturating_sub(1);
            }
            _ => {}
        }
    }
    flush_paragraph(&mut runs, &mut blocks);
    blocks
}

fn has_text(runs: &[Run]) -> bool {
    runs.iter().any(|run| !run.text.trim().is_empty())
}

/// A word, or the part of one in one style, with whether a space comes before it.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Word {
        text: String,
        bold: bool,
        space_before: bool,
    },
    Break,
}

fn pieces(runs: &[Run]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut space = false;
    for run in runs {
        let mut word = String::new();
        let push = |word: &mut String, space: &mut bool, pieces: &mut Vec<Piece>| {
            if !word.is_empty() {
                pieces.push(Piece::Word {
                    text: std::mem::take(word),
                    bold: run.bold,
                    space_before: *space,
                });
                *space = false;
            }
        };
        for c in run.text.chars() {
            if c == '\n' {
                push(&mut word, &mut space, &mut pieces);
                pieces.push(Piece::Break);
                space = false;
            } else if c.is_whitespace() {
                push(&mut word, &mut space, &mut pieces);
                space = true;
            } else if !c.is_control() {
                word.push(c);
            }
        }
        push(&mut word, &mut space, &mut pieces);
    }
    pieces
}

/// `runs` broken into lines no wider than `width` mm at `size` points: each line is its
/// pieces with their distance from the line's start.
fn wrap(fonts: &Fonts, runs: &[Run], size: f32, width: f32) -> Vec<Vec<(f32, String, bool)>> {
    let space = fonts.width(" ", size, false);
    let mut lines = vec![Vec::new()];
    let mut x = 0.0;
    for piece in pieces(runs) {
        let (text, bold, space_before) = match piece {
            Piece::Break => {
                lines.push(Vec::new());
                x = 0.0;
                continue;
            }
            Piece::Word {
                text,
                bold,
                space_before,
            } => (text, bold, space_before),
        };
        // A word wider than the column is cut where it reaches the edge.
        for part in split_to_width(fonts, &text, size, bold, width) {
            let w = fonts.width(&part, size, bold);
            let gap = if space_before && x > 0.0 { space } else { 0.0 };
            if x > 0.0 && x + gap + w > width {
                lines.push(Vec::new());
                x = 0.0;
            }
            let gap = if x > 0.0 { gap } else { 0.0 };
            if let Some(line) = lines.last_mut() {
                line.push((x + gap, part, bold));
            }
            x += gap + w;
        }
    }
    lines
}

fn split_to_width(fonts: &Fonts, word: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
    if fonts.width(word, size, bold) <= width {
        return vec![word.to_owned()];
    }
    let mut parts = Vec::new();
    let mut part = String::new();
    for c in word.chars() {
        part.push(c);
        if part.chars().count() > 1 && fonts.width(&part, size, bold) > width {
            part.pop();
            parts.push(std::mem::take(&mut part));
            part.push(c);
        }
    }
    parts.push(part);
    parts
}

/// Lays the body out from the first page's body top, starting pages as they fill.
fn flow(fonts: &Fonts, blocks: &[Block], pages: &mut Vec<Vec<Text>>) {
    let mut y = FIRST_PAGE_BODY_TOP;
    let new_page = |pages: &mut Vec<Vec<Text>>| {
        pages.push(Vec::new());
        CONTINUATION_BODY_TOP
    };
    for block in blocks {
        let (runs, size, indent, marker) = match block {
            Block::PageBreak => {
                y = new_page(pages);
                continue;
            }
            Block::Heading(runs) => (runs, HEADING_SIZE, 0.0, None),
            Block::Subheading(runs) => (runs, SUBHEADING_SIZE, 0.0, None),
            Block::Paragraph(runs) => (runs, TEXT_SIZE, 0.0, None),
            Block::Item {
                marker,
                depth,
                runs,
            } => (runs, TEXT_SIZE, LIST_INDENT * *depth as f32, Some(marker)),
        };
        let bold = matches!(block, Block::Heading(_) | Block::Subheading(_));
        let runs: Vec<Run> = runs
            .iter()
            .map(|run| Run::new(&run.text, run.bold || bold))
            .collect();
        let left = BODY_LEFT + indent.min(BODY_RIGHT - BODY_LEFT - 40.0);
        let line_height = size * LINE_HEIGHT / POINTS_PER_MM;
        let lines = wrap(fonts, &runs, size, BODY_RIGHT - left);
        for (index, line) in lines.iter().enumerate() {
            if y + line_height > BODY_BOTTOM {
                y = new_page(pages);
            }
            let baseline = y + fonts.ascent(size);
            let Some(page) = pages.last_mut() else { return };
            if let (0, Some(marker)) = (index, marker) {
                page.push(Text::new(
                    left - LIST_INDENT * 0.75,
                    baseline,
                    size,
                    false,
                    marker.clone(),
                ));
            }
            for (x, text, bold) in line {
                page.push(Text::new(left + x, baseline, size, *bold, text.clone()));
            }
            y += line_height;
        }
        y += size * 0.6 / POINTS_PER_MM;
    }
}

fn draw(fonts: &Fonts, pages: &[Vec<Text>]) -> Result<Vec<u8>, LetterPdfError> {
    let mut document = Document::new();
    let settings = PageSettings::from_wh(A4.right * POINTS_PER_MM, A4.bottom * POINTS_PER_MM)
        .ok_or_else(|| LetterPdfError::Pdf("bad page size".to_owned()))?;
    for texts in pages {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for text in texts {
            let font = if text.bold {
                fonts.bold.clone()
            } else {
                fonts.regular.clone()
            };
            surface.draw_text(
                Point::from_xy(text.x * POINTS_PER_MM, text.y * POINTS_PER_MM),
                font,
                text.size,
                &text.text,
                false,
                TextDirection::Auto,
            );
        }
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|error| LetterPdfError::Pdf(format!("{error:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notify_letter_html_becomes_blocks() {
        let html = "<h2>Your bin</h2>\n<p>Dear Sam,<br>thanks &amp; more <strong data-original-protocol='https://'>council.example</strong></p><ol>\n<li>one</li>\n<li>two</li>\n</ol>\n<div class=\"page-break\">&nbsp;</div><ul>\n<li>a</li>\n</ul>\n";
        let blocks = blocks_from_letter_html(html);
        assert_eq!(
            blocks[0],
            Block::Subheading(vec![Run::new("Your bin", false)])
        );
        let Block::Paragraph(runs) = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(runs[1], Run::new("\n", false));
        assert_eq!(runs[2], Run::new("thanks & more ", false));
        assert_eq!(runs[3], Run::new("council.example", true));
        let markers: Vec<_> = blocks
            .iter()
            .filter_map(|block| match block {
                Block::Item { marker, .. } => Some(marker.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(markers, ["1.", "2.", "\u{2022}"]);
        assert!(blocks.contains(&Block::PageBreak));
    }

    #[test]
    fn loose_and_nested_list_items_keep_their_text() {
        let html = "<ul>\n<li>a</li>\n<li><p> b</p></li>\n<li>c<ol>\n<li>d</li>\n</ol>\n</li>\n</ul>\n<p>e</p>";
        let items: Vec<_> = blocks_from_letter_html(html)
            .into_iter()
            .map(|block| match block {
                Block::Item {
                    marker,
                    depth,
                    runs,
                } => {
                    let text: String = runs.iter().map(|run| run.text.trim()).collect();
                    format!("{depth}{marker}{text}")
                }
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(
            items,
            [
                "1\u{2022}a",
                "1\u{2022}b",
                "1\u{2022}c",
                "21.d",
                "Paragraph([Run { text: \"e\", bold: false }])"
            ]
        );
    }

    #[test]
    fn lines_never_pass_the_column() {
        let fonts = Fonts::load().unwrap();
        let text = "word ".repeat(60) + &"x".repeat(300);
        let lines = wrap(&fonts, &[Run::new(&text, false)], TEXT_SIZE, 100.0);
        assert!(lines.len() > 3);
        for line in &lines {
            for (x, text, bold) in line {
                assert!(x + fonts.width(text, TEXT_SIZE, *bold) <= 100.0 + 0.01);
            }
        }
    }
}
