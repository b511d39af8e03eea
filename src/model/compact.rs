//! A compact JSON [`serde::Serializer`] that writes the same bytes as `serde_json::to_string`, faster.
//!
//! An article's JSON is mostly strings (the text itself, and the text of every span), and serde_json escapes
//! them one byte at a time. This writer looks for the bytes that need escaping (`"`, `\`, control
//! characters) eight at a time and copies the runs between them whole. Numbers other than floats, `null`,
//! booleans, sequences, maps and structs are written directly; floats go through serde_json so that their
//! text is byte-identical to its output. The [`Serialize`](serde::Serialize) implementation of
//! [`Article`](super::Article) stays the one description of the format: this is only a faster way to run it
//! (see `Article::to_json`).

use serde::ser::{self, Serialize};

/// Why serialising failed. Only a map key that is not a string can fail here; [`Article`](super::Article)
/// has none.
#[derive(Debug)]
pub(crate) struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// Serialises `value` to compact JSON, appending to `out`.
pub(crate) fn to_string<T: Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) -> Result<(), Error> {
    value.serialize(&mut Writer { out })
}

struct Writer<'o> {
    out: &'o mut Vec<u8>,
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
fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let n = bytes.len();
    out.reserve(n + 2);
    out.push(b'"');
    let mut start = 0;
    let mut i = 0;
    loop {
        // Skip clean bytes sixteen, then eight at a time, then find the byte that stopped the skip.
        while i + 16 <= n && (escape_mask(word(bytes, i)) | escape_mask(word(bytes, i + 8))) == 0 {
            i += 16;
        }
        while i + 8 <= n && escape_mask(word(bytes, i)) == 0 {
            i += 8;
        }
        let stop = (i + 8).min(n);
        while i < stop && ESCAPE[bytes[i] as usize] == 0 {
            i += 1;
        }
        if i == stop {
            if i == n {
                break;
            }
            continue;
        }
        let b = bytes[i];
        push_short(out, &bytes[start..i]);
        match ESCAPE[b as usize] {
            b'u' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[(b >> 4) as usize], HEX[(b & 0xf) as usize]]);
            }
            e => out.extend_from_slice(&[b'\\', e]),
        }
        i += 1;
        start = i;
    }
    push_short(out, &bytes[start..]);
    out.push(b'"');
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

fn write_u64(out: &mut Vec<u8>, mut v: u64) {
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
                                2021222324252627282930313233343536373839\
                                4041424344454647484950515253545556575859\
                                6061626364656667686970717273747576777879\
                                8081828384858687888990919293949596979899";
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    while v >= 100 {
        let p = (v % 100) as usize * 2;
        v /= 100;
        at -= 2;
        buf[at] = PAIRS[p];
        buf[at + 1] = PAIRS[p + 1];
    }
    if v >= 10 {
        let p = v as usize * 2;
        at -= 2;
        buf[at] = PAIRS[p];
        buf[at + 1] = PAIRS[p + 1];
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

/// A sequence, map or struct being written: whether the next element is the first.
struct Compound<'a, 'o> {
    w: &'a mut Writer<'o>,
    first: bool,
    /// What closes it (`]` or `}`), and for enum variants with content, a second `}`.
    close: &'static [u8],
}

impl Compound<'_, '_> {
    fn comma(&mut self) {
        if !std::mem::take(&mut self.first) {
            self.w.out.push(b',');
        }
    }
    fn key(&mut self, key: &str) {
        let out = &mut *self.w.out;
        if std::mem::take(&mut self.first) {
            out.push(b'"');
        } else {
            push_short(out, b",\"");
        }
        push_short(out, key.as_bytes());
        push_short(out, b"\":");
    }
    fn finish(self) {
        self.w.out.extend_from_slice(self.close);
    }
}

impl<'a, 'o> ser::Serializer for &'a mut Writer<'o> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, 'o>;
    type SerializeTuple = Compound<'a, 'o>;
    type SerializeTupleStruct = Compound<'a, 'o>;
    type SerializeTupleVariant = Compound<'a, 'o>;
    type SerializeMap = Compound<'a, 'o>;
    type SerializeStruct = Compound<'a, 'o>;
    type SerializeStructVariant = Compound<'a, 'o>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        write_i64(self.out, v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        write_u64(self.out, v);
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.out.extend_from_slice(v.to_string().as_bytes());
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.out.extend_from_slice(v.to_string().as_bytes());
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        if serde_json::to_writer(&mut *self.out, &v).is_err() {
            self.out.extend_from_slice(b"null");
        }
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        write_f64(self.out, v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        write_str(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        write_str(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.push(b':');
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a, 'o>, Error> {
        self.out.push(b'[');
        Ok(Compound {
            w: self,
            first: true,
            close: b"]",
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a, 'o>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a, 'o>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a, 'o>, Error> {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.extend_from_slice(b":[");
        Ok(Compound {
            w: self,
            first: true,
            close: b"]}",
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a, 'o>, Error> {
        self.out.push(b'{');
        Ok(Compound {
            w: self,
            first: true,
            close: b"}",
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a, 'o>, Error> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a, 'o>, Error> {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.extend_from_slice(b":{");
        Ok(Compound {
            w: self,
            first: true,
            close: b"}}",
        })
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.comma();
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.comma();
        // JSON keys are strings: serde_json writes string keys as they are and numbers and booleans quoted.
        let mut tmp = Vec::new();
        key.serialize(&mut Writer { out: &mut tmp })?;
        match tmp.first() {
            Some(b'"') => self.w.out.extend_from_slice(&tmp),
            Some(b'{' | b'[') | None => return Err(ser::Error::custom("a JSON map key must be a string")),
            Some(_) if tmp == b"null" => return Err(ser::Error::custom("a JSON map key must be a string")),
            Some(_) => {
                self.w.out.push(b'"');
                self.w.out.extend_from_slice(&tmp);
                self.w.out.push(b'"');
            }
        }
        self.w.out.push(b':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.key(key);
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.key(key);
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        self.finish();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_as_serde_json<T: Serialize>(v: &T) {
        let mut ours = Vec::new();
        to_string(v, &mut ours).unwrap();
        assert_eq!(String::from_utf8(ours).unwrap(), serde_json::to_string(v).unwrap());
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
        ] {
            same_as_serde_json(&s);
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
    fn numbers_options_and_collections_match_serde_json() {
        same_as_serde_json(&(0u64, u64::MAX, i64::MIN, -7i32, 255u8));
        for v in [1u64, 9, 10, 11, 99, 100, 101, 999, 1000, 12345, 40400, 1 << 40] {
            same_as_serde_json(&v);
        }
        same_as_serde_json(&[0.1f64, -3.5, 1e300, 40400.0, f64::NAN, f64::INFINITY]);
        same_as_serde_json(&(Some(1usize), None::<usize>, true, false, ()));
        same_as_serde_json(&vec![vec!["a", "b"], vec![]]);
        let mut m = std::collections::BTreeMap::new();
        m.insert("k\"ey", 1);
        m.insert("other", 2);
        same_as_serde_json(&m);
        let mut n = std::collections::BTreeMap::new();
        n.insert(3u32, "three");
        same_as_serde_json(&n);
    }

    #[test]
    fn a_map_key_that_is_not_a_string_is_an_error() {
        let mut m = std::collections::BTreeMap::new();
        m.insert(vec![1], 2);
        let mut out = Vec::new();
        assert!(to_string(&m, &mut out).is_err());
        assert!(serde_json::to_string(&m).is_err());
    }
}
