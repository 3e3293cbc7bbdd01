//! Bytes → text for collection, environment, globals and data files: UTF-8 (with or without BOM),
//! UTF-16 LE/BE (with BOM, or sniffed from a leading ASCII character), and Latin-1 when the bytes
//! are not valid UTF-8. Total: every input decodes to something.

use std::borrow::Cow;

/// Decodes a file's bytes to text, dropping any byte-order mark. UTF-8 (the usual case) is
/// borrowed, not copied: a big collection is held once.
pub fn decode_text(bytes: &[u8]) -> Cow<'_, str> {
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest),
        [0xFF, 0xFE, rest @ ..] => Cow::Owned(utf16(rest, u16::from_le_bytes)),
        [0xFE, 0xFF, rest @ ..] => Cow::Owned(utf16(rest, u16::from_be_bytes)),
        // No BOM, but an ASCII first character (`{`, `[`, whitespace) in UTF-16.
        [a, 0, ..] if *a != 0 => Cow::Owned(utf16(bytes, u16::from_le_bytes)),
        [0, b, ..] if *b != 0 => Cow::Owned(utf16(bytes, u16::from_be_bytes)),
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => Cow::Owned(bytes.iter().map(|&b| char::from(b)).collect()),
        },
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { vec![] };
        out.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        out
    }

    fn utf16be(s: &str) -> Vec<u8> {
        let mut out = vec![0xFE, 0xFF];
        out.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
        out
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode_text(b"{\"a\":\"\xc3\xa9\"}"), "{\"a\":\"é\"}");
        assert_eq!(decode_text(b"\xEF\xBB\xBF{}"), "{}");
    }

    #[test]
    fn utf16_both_endians() {
        assert_eq!(
            decode_text(&utf16le("{\"k\":\"é😀\"}", true)),
            "{\"k\":\"é😀\"}"
        );
        assert_eq!(decode_text(&utf16be("[1]")), "[1]");
        assert_eq!(decode_text(&utf16le("{}", false)), "{}");
    }

    #[test]
    fn invalid_utf8_falls_back_to_latin1() {
        assert_eq!(decode_text(b"caf\xe9"), "café");
    }

    #[test]
    fn odd_lengths_and_lone_surrogates_do_not_panic() {
        assert_eq!(decode_text(&[0xFF, 0xFE, b'a']), "");
        assert_eq!(decode_text(&[0xFF, 0xFE, 0x00, 0xD8]), "\u{FFFD}");
        assert_eq!(decode_text(&[]), "");
        assert_eq!(decode_text(&[0]), "\0");
    }
}
