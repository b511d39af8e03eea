//! Bytes to text for HTML pages: the byte-order mark, then the HTTP-style hint (`Content-Type: text/html;
//! charset=…`), then a `<meta charset>` in the first 4 KiB, then UTF-8; bytes that are not valid in the
//! chosen encoding become U+FFFD, and the result says so.

use encoding_rs::Encoding;

/// A page's bytes decoded to text, with how the encoding was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DecodedHtml {
    /// The decoded page.
    pub text: String,
    /// The encoding's WHATWG name ("UTF-8", "windows-1252", "Shift_JIS").
    pub encoding: &'static str,
    /// Where the encoding came from: `"bom"`, `"http"` (the hint given), `"meta"` (a `<meta charset>`) or
    /// `"default"` (none declared: UTF-8).
    pub declared_by: &'static str,
    /// Whether some bytes were invalid in that encoding and were replaced by U+FFFD.
    pub replaced: bool,
}

/// The `charset=` value in a `Content-Type`-style string ("text/html; charset=ISO-8859-1").
fn charset_param(s: &str) -> Option<&str> {
    let lower = s.to_ascii_lowercase();
    let i = lower.find("charset")?;
    let rest = s[i + 7..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| c == '"' || c == '\'' || c == ';' || c == '>' || c == '/' || c.is_whitespace())
        .unwrap_or(rest.len());
    Some(&rest[..end]).filter(|v| !v.is_empty())
}

/// The encoding a `<meta charset>` or `<meta http-equiv="Content-Type" content="…charset=…">` declares in the
/// first 4 KiB. UTF-16 declared in a meta tag is read as UTF-8 (as the HTML standard says: a page that
/// declares it in ASCII is not UTF-16).
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head);
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find("<meta") {
        let start = from + i;
        let end = lower[start..].find('>').map_or(lower.len(), |e| start + e);
        if let Some(label) = charset_param(&head[start..end]) {
            let enc = Encoding::for_label(label.as_bytes())?;
            return Some(if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                encoding_rs::UTF_8
            } else {
                enc
            });
        }
        from = end.min(lower.len());
        if from >= lower.len() {
            break;
        }
    }
    None
}

/// Decodes a page's bytes. `content_type` is an HTTP-style hint such as `"text/html; charset=windows-1252"`
/// (from a crawl's headers), or `None`.
///
/// ```
/// let page = b"<html><head><meta charset=\"windows-1252\"></head><body><p>caf\xe9</p></body></html>";
/// let decoded = newsparse::decode_html(page, None);
/// assert!(decoded.text.contains("café"));
/// assert_eq!((decoded.encoding, decoded.declared_by, decoded.replaced), ("windows-1252", "meta", false));
/// ```
pub fn decode_html(bytes: &[u8], content_type: Option<&str>) -> DecodedHtml {
    let (encoding, declared_by) = if let Some((enc, _)) = Encoding::for_bom(bytes) {
        (enc, "bom")
    } else if let Some(enc) = content_type
        .and_then(charset_param)
        .and_then(|l| Encoding::for_label(l.as_bytes()))
    {
        (enc, "http")
    } else if let Some(enc) = meta_charset(bytes) {
        (enc, "meta")
    } else {
        (encoding_rs::UTF_8, "default")
    };
    // `decode` removes a BOM that matches and otherwise sniffs one; the encoding chosen above wins.
    let (text, used, replaced) = encoding.decode(bytes);
    DecodedHtml {
        text: text.into_owned(),
        encoding: used.name(),
        declared_by,
        replaced,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_then_http_then_meta_then_utf8() {
        let utf16 = [0xFF, 0xFE, b'<', 0, b'p', 0, b'>', 0, 0xE9, 0];
        let d = decode_html(&utf16, Some("text/html; charset=iso-8859-1"));
        assert_eq!(
            (d.text.as_str(), d.encoding, d.declared_by),
            ("<p>é", "UTF-16LE", "bom")
        );

        let latin = b"<meta charset=utf-8><p>caf\xe9</p>";
        let d = decode_html(latin, Some("text/html; charset=ISO-8859-1"));
        assert_eq!(
            (d.text.contains("café"), d.declared_by, d.replaced),
            (true, "http", false)
        );

        let meta = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>\x93Hi\x94</p>";
        let d = decode_html(meta, None);
        assert_eq!((d.text.contains("“Hi”"), d.declared_by), (true, "meta"));

        let plain = "<p>naïve</p>".as_bytes();
        let d = decode_html(plain, None);
        assert_eq!(
            (d.text.as_str(), d.encoding, d.declared_by, d.replaced),
            ("<p>naïve</p>", "UTF-8", "default", false)
        );
    }

    #[test]
    fn invalid_bytes_are_replaced_and_flagged() {
        let d = decode_html(b"<p>caf\xe9 au lait</p>", None);
        assert!(d.replaced);
        assert_eq!(d.text, "<p>caf\u{fffd} au lait</p>");
        let d = decode_html(
            b"<meta charset=\"no-such-encoding\"><p>ok</p>",
            Some("text/html; charset=bogus"),
        );
        assert_eq!((d.encoding, d.declared_by, d.replaced), ("UTF-8", "default", false));
    }
}
