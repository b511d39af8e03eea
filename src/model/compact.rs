//! The compact JSON writer of an [`Article`]: the bytes `serde_json::to_string` writes for the
//! [`Serialize`](serde::Serialize) implementation of `Article` (in `json.rs`, the one description of the
//! format, which also reads it back), written directly from the model.
//!
//! An article's JSON runs at about five times the length of its text and is mostly strings (the text itself
//! and the text of every span), so the writer skips the intermediate JSON view and serde's per-field calls,
//! writes each field name with its punctuation as one constant, and escapes strings by looking for the bytes
//! that need it (`"`, `\`, control characters) eight at a time, copying the runs between them whole.
//! Floats go through serde_json so that their text is byte-identical to its output. `tests/json.rs` and the
//! tests below check the bytes against serde_json's.

use super::{Actor, Article, Span, Statement, Statistic, TimeExpr, Token};
use crate::text::offsets::OffsetMap;

/// Appends the one-line JSON of `article` to `out` (see [`Article::to_json`]).
pub(crate) fn write_article(article: &Article, out: &mut Vec<u8>) {
    let text = article.text.as_str();
    let w = &mut Writer {
        out,
        text,
        map: OffsetMap::new(text),
        escapes: escapes(text.as_bytes()),
    };
    w.raw(b"{\"schema\":");
    write_u64(w.out, u64::from(super::json::SCHEMA));
    w.raw(b",\"id\":");
    match article.id.as_deref() {
        None => w.raw(b"null"),
        Some(id) if article.id_literal => write_literal(w.out, id),
        Some(id) => write_str(w.out, id),
    }
    w.raw(b",\"title\":");
    w.opt_str(article.title());
    w.raw(b",\"title_span\":");
    match article.title {
        Some(s) => w.span(s),
        None => w.raw(b"null"),
    }
    w.raw(b",\"published\":");
    w.opt_str(article.published.as_deref());
    w.raw(b",\"paragraphs\":");
    w.list(&article.paragraphs, |w, &s| w.range(s));
    w.raw(b",\"sentences\":");
    w.list(&article.sentences, |w, &s| w.range(s));
    w.raw(b",\"actors\":");
    w.list(&article.actors, Writer::actor);
    w.raw(b",\"statements\":");
    w.list(&article.statements, Writer::statement);
    w.raw(b",\"statistics\":");
    w.list(&article.statistics, Writer::statistic);
    w.raw(b",\"times\":");
    w.list(&article.times, Writer::time);
    w.raw(b",\"text\":");
    w.slice(Span::new(0, text.len()));
    if !article.authors.is_empty() {
        w.raw(b",\"authors\":");
        w.list(&article.authors, |w, a| write_str(w.out, a));
    }
    if let Some(url) = &article.url {
        w.raw(b",\"url\":");
        write_str(w.out, url);
    }
    if let Some(site) = &article.site_name {
        w.raw(b",\"site_name\":");
        write_str(w.out, site);
    }
    if let Some(language) = &article.language {
        w.raw(b",\"language\":");
        write_str(w.out, language);
    }
    if let Some(tokens) = &article.tokens {
        w.raw(b",\"tokens\":");
        w.list(tokens, Writer::token);
    }
    w.raw(b"}");
}

/// The output buffer, with the text that spans are written from, its offset map, and where its bytes that
/// need escaping are.
struct Writer<'o, 't> {
    out: &'o mut Vec<u8>,
    text: &'t str,
    map: OffsetMap,
    /// Positions of the text's bytes that need escaping, in order: the text and the text of every span are
    /// written by copying the runs between them, without looking at their bytes again.
    escapes: Vec<usize>,
}

impl Writer<'_, '_> {
    /// Appends constant bytes (field names and punctuation): with the length known, the copy is inlined.
    #[inline(always)]
    fn raw(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }
    /// A string known to need no escaping (the names of enum values).
    fn name(&mut self, name: &str) {
        self.raw(b"\"");
        push_short(self.out, name.as_bytes());
        self.raw(b"\"");
    }
    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => write_str(self.out, s),
            None => self.raw(b"null"),
        }
    }
    fn opt_usize(&mut self, v: Option<usize>) {
        match v {
            Some(v) => write_u64(self.out, v as u64),
            None => self.raw(b"null"),
        }
    }
    fn opt_f64(&mut self, v: Option<f64>) {
        match v {
            Some(v) => write_f64(self.out, v),
            None => self.raw(b"null"),
        }
    }
    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.raw(b"[");
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.raw(b",");
            }
            each(self, item);
        }
        self.raw(b"]");
    }
    /// `"start":S,"end":E` in code points.
    fn bounds(&mut self, s: Span) {
        self.raw(b"\"start\":");
        write_u64(self.out, self.map.to_char(s.start) as u64);
        self.raw(b",\"end\":");
        write_u64(self.out, self.map.to_char(s.end) as u64);
    }
    /// `{"start":S,"end":E` and the first `tail_len` bytes of `tail`, in code points. With both offsets
    /// under 10⁸ (every news article), written as one fixed block of [`HEAD_BLOCK`] bytes built on the
    /// stack, cut to its length: one capacity check and a few stores instead of a push per piece.
    #[inline(always)]
    fn head(&mut self, s: Span, tail: &[u8; 8], tail_len: usize) {
        let (a, b) = (self.map.to_char(s.start), self.map.to_char(s.end));
        let (Some(a), Some(b)) = (eight_digits(a), eight_digits(b)) else {
            self.raw(b"{");
            self.bounds(s);
            self.raw(&tail[..tail_len.min(8)]);
            return;
        };
        let mut buf = [0u8; HEAD_BLOCK];
        buf[..9].copy_from_slice(b"{\"start\":");
        let (da, na) = digits8(a);
        buf[9..17].copy_from_slice(&da);
        let mut n = 9 + na;
        buf[n..n + 8].copy_from_slice(b",\"end\":\0");
        n += 7;
        let (db, nb) = digits8(b);
        buf[n..n + 8].copy_from_slice(&db);
        n += nb;
        buf[n..n + 8].copy_from_slice(tail);
        n += tail_len.min(8);
        let len = self.out.len();
        self.out.extend_from_slice(&buf);
        self.out.truncate(len + n);
    }
    /// The span's slice of the text as a JSON string (empty when the span is not a slice of it), as
    /// [`write_str`] writes it.
    fn slice(&mut self, s: Span) {
        let bytes = self.text.as_bytes();
        if self.text.get(s.range()).is_none() {
            self.raw(b"\"\"");
            return;
        }
        self.out.reserve(s.end - s.start + 2);
        self.out.push(b'"');
        let mut start = s.start;
        let first = self.escapes.partition_point(|&p| p < s.start);
        for &at in self.escapes[first..].iter().take_while(|&&at| at < s.end) {
            push_run(self.out, bytes, start, at);
            push_escape(self.out, bytes[at]);
            start = at + 1;
        }
        push_run(self.out, bytes, start, s.end);
        self.out.push(b'"');
    }
    fn range(&mut self, s: Span) {
        self.head(s, b"}\0\0\0\0\0\0\0", 1);
    }
    /// `{"start":S,"end":E,"text":"…"`: a span object, left open for the fields that follow.
    fn open_span(&mut self, s: Span) {
        self.head(s, b",\"text\":", 8);
        self.slice(s);
    }
    fn span(&mut self, s: Span) {
        self.open_span(s);
        self.raw(b"}");
    }
    fn opt_span(&mut self, s: Option<Span>) {
        match s {
            Some(s) => self.span(s),
            None => self.raw(b"null"),
        }
    }
    fn actor(&mut self, a: &Actor) {
        self.raw(b"{\"id\":");
        write_u64(self.out, a.id as u64);
        self.raw(b",\"name\":");
        write_str(self.out, &a.name);
        self.raw(b",\"kind\":");
        self.name(a.kind.as_str());
        self.raw(b",\"titles\":");
        self.list(&a.titles, |w, t| write_str(w.out, t));
        self.raw(b",\"affiliation\":");
        self.opt_str(a.affiliation.as_deref());
        self.raw(b",\"mentions\":");
        self.list(&a.mentions, |w, &m| w.span(m));
        self.raw(b"}");
    }
    fn statement(&mut self, s: &Statement) {
        self.raw(b"{\"kind\":");
        self.name(s.kind.as_str());
        self.raw(b",\"speaker\":");
        self.opt_usize(s.speaker);
        self.raw(b",\"speaker_mention\":");
        self.opt_span(s.speaker_mention);
        self.raw(b",\"cue\":");
        self.opt_span(s.cue);
        self.raw(b",\"content\":");
        self.list(&s.content, |w, &c| w.span(c));
        self.raw(b",\"via\":");
        self.opt_usize(s.via);
        self.raw(b",\"quoted\":");
        self.list(&s.quoted, |w, &c| w.span(c));
        self.raw(b"}");
    }
    fn statistic(&mut self, s: &Statistic) {
        self.open_span(s.span);
        self.raw(b",\"value\":");
        self.opt_f64(s.value);
        self.raw(b",\"lower\":");
        self.opt_f64(s.lower);
        self.raw(b",\"upper\":");
        self.opt_f64(s.upper);
        self.raw(b",\"qualifier\":");
        self.name(s.qualifier.as_str());
        self.raw(b",\"unit\":");
        self.opt_str(s.unit.as_deref());
        self.raw(b",\"kind\":");
        match s.kind {
            Some(k) => self.name(k.as_str()),
            None => self.raw(b"null"),
        }
        self.raw(b",\"context\":");
        self.opt_str(s.context.as_deref());
        self.raw(b",\"context_lemma\":");
        self.opt_str(s.context_lemma.as_deref());
        self.raw(b",\"claimed_by\":");
        self.opt_usize(s.claimed_by);
        self.raw(b",\"statement\":");
        self.opt_usize(s.statement);
        self.raw(b",\"from_value\":");
        self.opt_f64(s.from_value);
        self.raw(b",\"time\":");
        self.opt_usize(s.time);
        self.raw(b"}");
    }
    fn time(&mut self, t: &TimeExpr) {
        self.open_span(t.span);
        self.raw(b",\"type\":");
        self.name(t.kind.as_str());
        self.raw(b",\"value\":");
        write_str(self.out, &t.value);
        self.raw(b",\"first\":");
        self.opt_str(t.first.as_deref());
        self.raw(b",\"last\":");
        self.opt_str(t.last.as_deref());
        self.raw(b"}");
    }
    fn token(&mut self, t: &Token) {
        self.open_span(t.span);
        self.raw(b",\"pos\":");
        self.name(t.pos.as_str());
        self.raw(b",\"tag\":");
        self.opt_str(t.tag.as_deref());
        self.raw(b",\"name\":");
        self.opt_str(t.name.as_deref());
        self.raw(b"}");
    }
}

/// A literal id (a number or boolean as the input wrote it) as JSON: an integer exactly, never through a
/// float; anything that is not a JSON literal (only reachable through a hand-built article) as a string.
fn write_literal(out: &mut Vec<u8>, t: &str) {
    if t == "true" || t == "false" {
        out.extend_from_slice(t.as_bytes());
    } else if let Ok(u) = t.parse::<u64>() {
        write_u64(out, u);
    } else if let Ok(i) = t.parse::<i64>() {
        write_i64(out, i);
    } else if let Ok(f) = t.parse::<f64>() {
        write_f64(out, f);
    } else {
        write_str(out, t);
    }
}

/// Non-zero when any byte of `w` is below 0x20, a `"` or a `\` (SWAR: a byte is "found" when its high bit is
/// set in the result; false positives are impossible for these tests on bytes below 0x80, and bytes of
/// 0x80 and above never match).
#[inline(always)]
fn escape_mask(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let ascii = !w & HIGH;
    let below_space = w.wrapping_sub(ONES * 0x20);
    let quote = (w ^ (ONES * b'"' as u64)).wrapping_sub(ONES);
    let backslash = (w ^ (ONES * b'\\' as u64)).wrapping_sub(ONES);
    (below_space | quote | backslash) & ascii
}

/// The bytes that need escaping in a JSON string, with the letter of their short escape (`u` for the
/// `\u00xx` form).
static ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// The eight bytes at `i` as one little-endian word (`i + 8 <= bytes.len()`).
#[inline(always)]
fn word(bytes: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&bytes[i..i + 8]);
    u64::from_le_bytes(w)
}

/// Writes `s` as a JSON string, escaped exactly as serde_json does (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`,
/// `\t`, other control characters as `\u00xx`; everything else as is).
pub(super) fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    if write_short_str(out, bytes) {
        return;
    }
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut start = 0;
    while let Some(at) = next_escape(bytes, start) {
        push_short(out, &bytes[start..at]);
        push_escape(out, bytes[at]);
        start = at + 1;
    }
    push_short(out, &bytes[start..]);
    out.push(b'"');
}

/// The bytes of `b` (one to sixteen of them) as two little-endian words, zero past the last byte: two
/// loads that overlap cover any length (as in [`short_key`](crate::lexicon::short_key)).
#[inline(always)]
fn short_words(b: &[u8]) -> Option<(u64, u64)> {
    let n = b.len();
    let lo = match n {
        0 => return None,
        1 => u64::from(b[0]),
        2 | 3 => {
            u64::from(u16::from_le_bytes([b[0], b[1]]))
                | u64::from(u16::from_le_bytes([b[n - 2], b[n - 1]])) << (8 * (n - 2))
        }
        4..=7 => {
            u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                | u64::from(u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]])) << (8 * (n - 4))
        }
        8..=16 => word(b, 0),
        _ => return None,
    };
    // bytes 8.. of a longer string: its last eight bytes, shifted down past the ones `lo` holds
    let hi = if n > 8 { word(b, n - 8) >> (8 * (16 - n)) } else { 0 };
    Some((lo, hi))
}

/// Writes a string of one to sixteen bytes that needs no escaping as one fixed block (its quotes and its
/// bytes, read as two words), cut to length; `false` (nothing written) for any other string.
#[inline(always)]
fn write_short_str(out: &mut Vec<u8>, b: &[u8]) -> bool {
    let Some((lo, hi)) = short_words(b) else {
        return false;
    };
    let n = b.len();
    // the marks of the bytes past the string (zero bytes, which escape_mask marks) are dropped; a borrow
    // only runs from a marked byte to higher ones, so the string's own marks are exact
    let keep = |bytes: usize| {
        if bytes >= 8 {
            u64::MAX
        } else {
            (1u64 << (8 * bytes)) - 1
        }
    };
    if escape_mask(lo) & keep(n) != 0 || escape_mask(hi) & keep(n.saturating_sub(8)) != 0 {
        return false;
    }
    let mut block = [0u8; 18];
    block[0] = b'"';
    block[1..9].copy_from_slice(&lo.to_le_bytes());
    block[9..17].copy_from_slice(&hi.to_le_bytes());
    block[n + 1] = b'"';
    let len = out.len();
    out.extend_from_slice(&block);
    out.truncate(len + n + 2);
    true
}

/// The escape of byte `b` (one [`ESCAPE`] marks).
fn push_escape(out: &mut Vec<u8>, b: u8) {
    match ESCAPE[b as usize] {
        b'u' => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[(b >> 4) as usize], HEX[(b & 0xf) as usize]]);
        }
        e => out.extend_from_slice(&[b'\\', e]),
    }
}

/// The positions of the bytes of `bytes` that need escaping.
fn escapes(bytes: &[u8]) -> Vec<usize> {
    let mut at = Vec::new();
    let mut i = 0;
    while let Some(e) = next_escape(bytes, i) {
        at.push(e);
        i = e + 1;
    }
    at
}

/// The position of the first byte at or after `i` that needs escaping, found eight bytes at a time (the
/// lowest byte [`escape_mask`] marks is always a real one: borrows only run towards higher bytes).
#[inline(always)]
fn next_escape(bytes: &[u8], mut i: usize) -> Option<usize> {
    let n = bytes.len();
    while i + 16 <= n && (escape_mask(word(bytes, i)) | escape_mask(word(bytes, i + 8))) == 0 {
        i += 16;
    }
    while i + 8 <= n {
        let m = escape_mask(word(bytes, i));
        if m != 0 {
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    if i == n {
        return None;
    }
    if n >= 8 {
        // The last one to seven bytes: the word that ends the string, shifted past the bytes already looked
        // at (an escaped one among them must not borrow into these) and padded with letters.
        let left = n - i;
        let w = (word(bytes, n - 8) >> (8 * (8 - left))) | ((0x0101_0101_0101_0101 * u64::from(b'a')) << (8 * left));
        let m = escape_mask(w);
        return (m != 0).then(|| i + (m.trailing_zeros() / 8) as usize);
    }
    (i..n).find(|&j| ESCAPE[bytes[j] as usize] != 0)
}

/// Appends `bytes[start..end]`: a run of up to 16 bytes with 16 bytes of `bytes` from `start` is copied as
/// one fixed 16-byte block, the bytes past the run then cut off (no loop, no call); others as
/// [`push_short`].
#[inline(always)]
fn push_run(out: &mut Vec<u8>, bytes: &[u8], start: usize, end: usize) {
    if end.wrapping_sub(start) <= 16
        && let Some(block) = bytes.get(start..).and_then(<[u8]>::first_chunk::<16>)
    {
        let len = out.len();
        out.extend_from_slice(block);
        out.truncate(len + (end - start));
        return;
    }
    push_short(out, &bytes[start..end]);
}

/// Appends `bytes`, which are usually a few bytes long: a copy loop the compiler inlines is cheaper for
/// them than a call to `memcpy`, and longer runs still go to `memcpy`.
#[inline(always)]
fn push_short(out: &mut Vec<u8>, bytes: &[u8]) {
    if bytes.len() <= 16 {
        out.extend(bytes.iter().copied());
    } else {
        out.extend_from_slice(bytes);
    }
}

/// The two digits of every number under 100.
const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
                            2021222324252627282930313233343536373839\
                            4041424344454647484950515253545556575859\
                            6061626364656667686970717273747576777879\
                            8081828384858687888990919293949596979899";

/// The size of [`Writer::head`]'s block: `{"start":`, eight digits, `,"end":`, eight digits and an
/// eight-byte tail.
const HEAD_BLOCK: usize = 9 + 8 + 7 + 8 + 8;

/// `v` when it has at most eight digits.
#[inline(always)]
fn eight_digits(v: usize) -> Option<u32> {
    u32::try_from(v).ok().filter(|&v| v < 100_000_000)
}

/// The decimal digits of `v` (under 10⁸) at the front of an eight-byte block, and how many they are.
#[inline(always)]
fn digits8(mut v: u32) -> ([u8; 8], usize) {
    let n = if v < 10_000 {
        if v < 100 {
            1 + usize::from(v >= 10)
        } else {
            3 + usize::from(v >= 1000)
        }
    } else if v < 1_000_000 {
        5 + usize::from(v >= 100_000)
    } else {
        7 + usize::from(v >= 10_000_000)
    };
    let mut d = [0u8; 8];
    let mut i = n;
    while v >= 100 {
        let p = (v % 100) as usize * 2;
        v /= 100;
        i -= 2;
        d[i] = PAIRS[p];
        d[i + 1] = PAIRS[p + 1];
    }
    if v >= 10 {
        let p = v as usize * 2;
        d[0] = PAIRS[p];
        d[1] = PAIRS[p + 1];
    } else {
        d[0] = b'0' + v as u8;
    }
    (d, n)
}

fn write_u64(out: &mut Vec<u8>, mut v: u64) {
    // Offsets and numbers in news articles have one to four digits: one fixed block, cut to length.
    if let Some(v8) = usize::try_from(v).ok().and_then(eight_digits) {
        let (d, n) = digits8(v8);
        let len = out.len();
        out.extend_from_slice(&d);
        out.truncate(len + n);
        return;
    }
    let pair = |p: u64| [PAIRS[p as usize * 2], PAIRS[p as usize * 2 + 1]];
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    while v >= 100 {
        at -= 2;
        buf[at..at + 2].copy_from_slice(&pair(v % 100));
        v /= 100;
    }
    if v >= 10 {
        at -= 2;
        buf[at..at + 2].copy_from_slice(&pair(v));
    } else {
        at -= 1;
        buf[at] = b'0' + v as u8;
    }
    push_short(out, &buf[at..]);
}

fn write_i64(out: &mut Vec<u8>, v: i64) {
    if v < 0 {
        out.push(b'-');
    }
    write_u64(out, v.unsigned_abs());
}

fn write_f64(out: &mut Vec<u8>, v: f64) {
    // serde_json writes finite floats in its shortest round-trip form and non-finite ones as null.
    if serde_json::to_writer(&mut *out, &v).is_err() {
        out.extend_from_slice(b"null");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_as_serde_json(s: &str) {
        let mut ours = Vec::new();
        write_str(&mut ours, s);
        assert_eq!(String::from_utf8(ours).unwrap(), serde_json::to_string(s).unwrap());
    }

    #[test]
    fn strings_escape_like_serde_json() {
        for s in [
            "",
            "plain ascii text of some length",
            "\"quoted\" and back\\slash",
            "tab\tnew\nline\rcr\u{8}bs\u{c}ff\u{0}nul\u{1f}unit",
            "“curly” é 😀 \u{2028} \u{7f} \u{a0}",
            "12345678\"",
            "1234567\\8",
            "abcdefgh\u{1}",
            "abcdefgh\"#",
            "abcdefg\"#\"#",
            "abcdefgh\u{1f}!",
        ] {
            same_as_serde_json(s);
        }
    }

    #[test]
    fn every_single_byte_escapes_like_serde_json() {
        for c in (0u32..0x80).filter_map(char::from_u32) {
            for at in 0..10 {
                let s: String = std::iter::repeat_n('a', at)
                    .chain([c])
                    .chain("bcdefghij".chars())
                    .collect();
                same_as_serde_json(&s);
            }
        }
    }

    #[test]
    fn short_strings_of_every_length_escape_like_serde_json() {
        // one to sixteen bytes are written as a block: every length, with a byte that needs escaping (or a
        // wide character) at every position, and with none
        for len in 0..=20 {
            same_as_serde_json(&"w".repeat(len));
            for at in 0..len {
                for c in ['"', '\\', '\n', '\u{0}', '\u{1f}', '\u{7f}', 'é', ' '] {
                    let s: String = (0..len).map(|i| if i == at { c } else { 'w' }).collect();
                    same_as_serde_json(&s);
                }
            }
        }
    }

    #[test]
    fn numbers_and_literals_match_serde_json() {
        for v in [
            0u64,
            1,
            9,
            10,
            11,
            99,
            100,
            101,
            999,
            1000,
            12345,
            40400,
            1 << 40,
            u64::MAX,
        ]
        .into_iter()
        .chain((1..=19).flat_map(|e| {
            let p = 10u64.pow(e);
            [p - 1, p, p + 1]
        })) {
            let mut out = Vec::new();
            write_u64(&mut out, v);
            assert_eq!(out, serde_json::to_string(&v).unwrap().as_bytes());
        }
        for v in [0i64, -7, i64::MIN, i64::MAX] {
            let mut out = Vec::new();
            write_i64(&mut out, v);
            assert_eq!(out, serde_json::to_string(&v).unwrap().as_bytes());
        }
        for v in [0.1f64, -3.5, 1e300, 40400.0, f64::NAN, f64::INFINITY] {
            let mut out = Vec::new();
            write_f64(&mut out, v);
            assert_eq!(out, serde_json::to_string(&v).unwrap().as_bytes());
        }
        for (lit, json) in [
            ("true", "true"),
            ("12345678901234567", "12345678901234567"),
            ("-3", "-3"),
            ("2.5", "2.5"),
        ] {
            let mut out = Vec::new();
            write_literal(&mut out, lit);
            assert_eq!(out, json.as_bytes());
        }
        let mut out = Vec::new();
        write_literal(&mut out, "not a literal");
        assert_eq!(out, b"\"not a literal\"");
    }

    #[test]
    fn span_heads_write_both_offsets_with_any_number_of_digits() {
        let text = "ab\u{e9}cd";
        let mut out = Vec::new();
        let w = &mut Writer {
            out: &mut out,
            text,
            map: OffsetMap::new(text),
            escapes: Vec::new(),
        };
        // bytes 2..5 hold "\u{e9}c": code points 2..4
        w.range(Span::new(2, 5));
        w.open_span(Span::new(0, 4));
        // past the end, the excess counts as code points: up to eight digits in the block, more in the
        // slow path (which must write the same bytes)
        for (start, end) in [
            (9, 10),
            (99_999_998, 99_999_999),
            (99_999_999, 100_000_000),
            (123_456_789_012, 123_456_789_013),
        ] {
            w.range(Span::new(start, end));
        }
        let want = "{\"start\":2,\"end\":4}{\"start\":0,\"end\":3,\"text\":\"ab\u{e9}\"\
             {\"start\":8,\"end\":9}{\"start\":99999997,\"end\":99999998}\
             {\"start\":99999998,\"end\":99999999}{\"start\":123456789011,\"end\":123456789012}";
        assert_eq!(String::from_utf8(out).unwrap(), want);
    }

    #[test]
    fn span_texts_of_every_length_copy_exactly_their_bytes() {
        // short runs are copied as a 16-byte block and cut: the bytes after the run must not stay
        let text = "The minister said \"no\" twice, then left.\n\tEnd";
        let map = OffsetMap::new(text);
        for start in 0..=text.len() {
            for end in start..=text.len() {
                let mut out = Vec::new();
                let w = &mut Writer {
                    out: &mut out,
                    text,
                    map: map.clone(),
                    escapes: escapes(text.as_bytes()),
                };
                w.slice(Span::new(start, end));
                assert_eq!(
                    out,
                    serde_json::to_string(&text[start..end]).unwrap().as_bytes(),
                    "{start}..{end}"
                );
            }
        }
    }
}
