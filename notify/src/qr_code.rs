//! QR codes as GOV.UK Notify prints them on letters: segno's
//! `make(data, error="m", micro=False)` drawn by its `svg_inline(border=0, omitsize=True)`.

use qrcode::bits::Bits;
use qrcode::canvas::Canvas;
use qrcode::{Color, EcLevel, Version};

/// The QR code of `data` as an inline SVG, or `None` when the data is too long for any QR
/// code.
///
/// As segno does: the data in one byte-mode segment, the smallest version that holds it at
/// error correction level M, then the highest level (H, Q, M) that still fits that version.
pub(crate) fn qr_code_svg(data: &str) -> Option<String> {
    let data = data.as_bytes();
    let version = (1..=40).find(|&version| codewords(data, version, EcLevel::M).is_some())?;
    let (level, codewords) = [EcLevel::H, EcLevel::Q, EcLevel::M]
        .into_iter()
        .find_map(|level| Some((level, codewords(data, version, level)?)))?;
    let version = Version::Normal(version);
    let (data, ec) = qrcode::ec::construct_codewords(&codewords, version, level).ok()?;
    let mut canvas = Canvas::new(version, level);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    let colors = canvas.apply_best_mask().into_colors();
    Some(svg(&colors, usize::try_from(version.width()).ok()?))
}

/// The data codewords segno writes: mode, count, data and terminator, then zero bits to the
/// next byte boundary (segno adds a whole zero byte when the terminator already ends on
/// one), then the alternating pad codewords up to the capacity.
fn codewords(data: &[u8], version: i16, level: EcLevel) -> Option<Vec<u8>> {
    let capacity = Bits::new(Version::Normal(version)).max_len(level).ok()?;
    let mut bits: Vec<bool> = Vec::with_capacity(capacity + 8);
    let push = |bits: &mut Vec<bool>, value: usize, width: usize| {
        bits.extend((0..width).rev().map(|shift| (value >> shift) & 1 == 1));
    };
    push(&mut bits, 0b0100, 4);
    push(&mut bits, data.len(), if version <= 9 { 8 } else { 16 });
    for &byte in data {
        push(&mut bits, usize::from(byte), 8);
    }
    if bits.len() > capacity {
        return None;
    }
    let terminator = (capacity - bits.len()).min(4);
    push(&mut bits, 0, terminator);
    let padding = 8 - bits.len() % 8;
    push(&mut bits, 0, padding);
    let pads = (capacity / 8).saturating_sub(bits.len() / 8);
    for pad in [0b1110_1100, 0b0001_0001].into_iter().cycle().take(pads) {
        push(&mut bits, pad, 8);
    }
    let mut bytes: Vec<u8> = bits
        .chunks(8)
        .map(|byte| byte.iter().fold(0u8, |acc, &bit| acc << 1 | u8::from(bit)))
        .collect();
    bytes.truncate(capacity / 8);
    Some(bytes)
}

/// segno's path: each row's runs of dark modules as `h` strokes half a module down, joined by
/// moves relative to where the last stroke ended.
fn svg(colors: &[Color], width: usize) -> String {
    let mut path = String::new();
    let (mut x, mut y) = (0i64, 0i64);
    for (row, modules) in colors.chunks(width).enumerate() {
        let mut column = 0;
        while column < width {
            if modules[column] != Color::Dark {
                column += 1;
                continue;
            }
            let start = column;
            while column < width && modules[column] == Color::Dark {
                column += 1;
            }
            let (start, end, row) = (start as i64, column as i64, row as i64);
            if path.is_empty() {
                path.push_str(&format!("M{start} {row}.5"));
            } else {
                path.push_str(&format!("m{} {}", start - x, row - y));
            }
            path.push_str(&format!("h{}", end - start));
            (x, y) = (end, row);
        }
    }
    format!("<svg viewBox=\"0 0 {width} {width}\"><path stroke=\"#000\" d=\"{path}\"/></svg>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn segno_adds_a_zero_byte_after_an_aligned_terminator() {
        // 23 bytes at 2-M: 196 bits + a 4-bit terminator end on a byte boundary.
        let words = codewords(b"https://www.example.com", 2, EcLevel::M).unwrap();
        assert_eq!(words.len(), 28);
        assert_eq!(&words[24..], [0xD0, 0x00, 0xEC, 0x11]);
    }

    proptest! {
        #[test]
        fn any_data_never_panics(data in "\\PC{0,600}") {
            if let Some(svg) = qr_code_svg(&data) {
                prop_assert!(svg.starts_with("<svg viewBox=\"0 0 "));
            }
        }
    }
}
