//! Bytes to text: byte-order marks, UTF-8, a web page's declared charset,
//! the Windows-1252 fallback, binary detection and line ends.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// How much of a file's start is examined for binary content.
const SNIFF_BYTES: usize = 8192;

pub(crate) const BINARY: &str = "binary file (not text)";

/// Decodes a whole file to text with LF line ends. Errors name the reason
/// (`empty file`, `binary file (not text)`).
pub(crate) fn decode(bytes: &[u8], html: bool) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("empty file".to_owned());
    }
    let text = if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let text = decode_with(enc, &bytes[bom..]);
        if looks_binary_text(&text) {
            return Err(BINARY.to_owned());
        }
        text
    } else if let Some(enc) = utf16_without_bom(bytes) {
        let text = decode_with(enc, bytes);
        if looks_binary_text(&text) {
            return Err(BINARY.to_owned());
        }
        text
    } else {
        if looks_binary_bytes(bytes) {
            return Err(BINARY.to_owned());
        }
        decode_ascii_compatible(bytes, html)
    };
    if text.trim().is_empty() {
        return Err("empty file".to_owned());
    }
    Ok(normalise_line_ends(text))
}

/// True unless the bytes are UTF-16 (with or without a BOM): such bytes
/// can be split into lines byte-wise.
pub(crate) fn is_ascii_compatible(bytes: &[u8]) -> bool {
    !matches!(Encoding::for_bom(bytes), Some((enc, _)) if enc != UTF_8) && utf16_without_bom(bytes).is_none()
}

/// Decodes bytes known not to be UTF-16: UTF-8 when valid, else the
/// charset a web page declares, else mostly-UTF-8 with replacement
/// characters, else Windows-1252.
pub(crate) fn decode_ascii_compatible(bytes: &[u8], html: bool) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_owned();
    }
    if html
        && let Some(enc) = declared_charset(bytes)
        && enc != UTF_8
    {
        return decode_with(enc, bytes);
    }
    if mostly_utf8(bytes) {
        return String::from_utf8_lossy(bytes).into_owned();
    }
    decode_with(WINDOWS_1252, bytes)
}

fn decode_with(enc: &'static Encoding, bytes: &[u8]) -> String {
    let (text, _had_errors) = enc.decode_without_bom_handling(bytes);
    text.into_owned()
}

/// UTF-16 without a byte-order mark: nearly every other byte is zero.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let pairs = head.len() / 2;
    // Most text has no zero byte at all: then it is not UTF-16 (which
    // needs one in nearly every pair), found by one vectorised search.
    if pairs < 2 || memchr::memchr(0, head).is_none() {
        return None;
    }
    let (mut even_zero, mut odd_zero) = (0, 0);
    for pair in head.chunks_exact(2) {
        even_zero += usize::from(pair[0] == 0);
        odd_zero += usize::from(pair[1] == 0);
    }
    let most = pairs * 9 / 10;
    let few = pairs / 10;
    if odd_zero >= most && even_zero <= few {
        Some(UTF_16LE)
    } else if even_zero >= most && odd_zero <= few {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// A NUL byte, or more than 5 % control bytes, in the first 8 KB.
pub(crate) fn looks_binary_bytes(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        return true;
    }
    // Counted in byte-wide lanes, 128 bytes at a time, so that it vectorises.
    let controls: usize = head
        .chunks(128)
        .map(|chunk| {
            let n = chunk.iter().fold(0u8, |n, &b| n + u8::from(is_binary_control(b)));
            usize::from(n)
        })
        .sum();
    controls * 20 > head.len()
}

fn looks_binary_text(text: &str) -> bool {
    let mut n = 0;
    let mut controls = 0;
    for c in text.chars().take(SNIFF_BYTES) {
        n += 1;
        if c == '\0' {
            return true;
        }
        if u8::try_from(c).is_ok_and(is_binary_control) {
            controls += 1;
        }
    }
    controls * 20 > n
}

/// Control characters that text files do not contain (tab, line ends, form
/// feed and escape are fine).
fn is_binary_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)) || b == 0x7F
}
/// More valid multi-byte UTF-8 sequences than broken bytes: UTF-8 with a
/// few errors, not a single-byte encoding.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut multi = 0usize;
    let mut broken = 0usize;
    for chunk in bytes.utf8_chunks() {
        multi += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        broken += chunk.invalid().len();
    }
    multi > 0 && multi >= broken
}

/// The `charset` a web page declares in its first 1024 bytes.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let key = b"charset=";
    let at = lower.windows(key.len()).position(|w| w == key)? + key.len();
    let rest = &lower[at..];
    let rest = rest.strip_prefix(b"\"").unwrap_or(rest);
    let rest = rest.strip_prefix(b"'").unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    let enc = Encoding::for_label(&rest[..end])?;
    // A page whose bytes are ASCII-compatible cannot really be UTF-16.
    if enc == UTF_16LE || enc == UTF_16BE {
        return None;
    }
    Some(enc)
}

/// CRLF and lone CR become LF; text without CR is returned as it is.
pub(crate) fn normalise_line_ends(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_and_fallbacks() {
        assert_eq!(decode(b"\xEF\xBB\xBFKabul", false).unwrap(), "Kabul");
        assert_eq!(decode(b"\xFF\xFEK\0a\0b\0", false).unwrap(), "Kab");
        assert_eq!(decode(b"\xFE\xFF\0K\0a\0b", false).unwrap(), "Kab");
        assert_eq!(decode(b"K\0a\0b\0u\0l\0", false).unwrap(), "Kabul");
        assert_eq!(decode(b"Herat caf\xE9", false).unwrap(), "Herat café");
        assert_eq!(decode("Hérat\u{e9}".as_bytes(), false).unwrap(), "Hérat\u{e9}");
        // Mostly UTF-8 with one broken byte stays UTF-8.
        assert_eq!(
            decode(b"H\xC3\xA9rat \xC3\xA9n \xFF", false).unwrap(),
            "Hérat én \u{FFFD}"
        );
    }

    #[test]
    fn declared_charset_is_honoured_for_html() {
        let page = b"<meta charset=\"iso-8859-2\"><p>\xB1</p>";
        assert!(decode(page, true).unwrap().contains('ą'));
    }

    #[test]
    fn binary_and_empty() {
        assert_eq!(decode(b"", false).unwrap_err(), "empty file");
        assert_eq!(decode(b" \n\r\n", false).unwrap_err(), "empty file");
        assert_eq!(decode(b"PK\x03\x04\0\0", false).unwrap_err(), BINARY);
        assert_eq!(decode(&[1u8; 100], false).unwrap_err(), BINARY);
    }

    #[test]
    fn line_ends() {
        assert_eq!(normalise_line_ends("a\r\nb\rc\n".into()), "a\nb\nc\n");
        assert_eq!(normalise_line_ends("a\r".into()), "a\n");
    }
}
