//! Calendar dates as pages write them: ISO timestamps in metadata, "September 4, 2025" in a dateline,
//! `/2025/09/04/` in a URL. Every reader returns `YYYY-MM-DD` or nothing, and checks the calendar.

/// The month number of an English month name or abbreviation ("Sept", "sep", "September").
fn month(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let w = w.trim_end_matches('.');
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if w.len() < 3 {
        return None;
    }
    NAMES
        .iter()
        .position(|n| *n == w || (w.len() <= 4 && n.starts_with(w) && (w.len() == 3 || w == "sept")))
        .map(|i| i as u32 + 1)
}

/// `YYYY-MM-DD` when the three numbers make a real date between 1990 and 2100.
fn ymd(y: u32, m: u32, d: u32) -> Option<String> {
    if !(1990..=2100).contains(&y) {
        return None;
    }
    let s = format!("{y:04}-{m:02}-{d:02}");
    crate::parser::validate_date(&s).ok().map(|_| s)
}

/// An ISO 8601 date at the start of a metadata value: `2025-09-04T10:00:00Z` → `2025-09-04`.
///
/// Also reads `2025/09/04` and `20250904` at the start.
pub(crate) fn iso_date(value: &str) -> Option<String> {
    let b = value.trim().as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = b.get(r)?;
        if s.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(s).ok()?.parse().ok()
        } else {
            None
        }
    };
    let y = digits(0..4)?;
    match b.get(4) {
        Some(b'-' | b'/' | b'.') => {
            let m = digits(5..7)?;
            if b.get(7) != b.get(4) {
                return None;
            }
            ymd(y, m, digits(8..10)?)
        }
        _ if b.len() == 8 || b.get(8).is_some_and(|c| !c.is_ascii_digit()) => ymd(y, digits(4..6)?, digits(6..8)?),
        _ => None,
    }
}

/// A date in a URL's path: `/2025/09/04/`, `/2023/october/03/`, `/2025-09-04-title`, `/20250904/`.
///
/// Example: `https://scratchculinary.com/2025/09/04/top-nutrition-trends/` → `2025-09-04`.
pub(crate) fn url_date(url: &str) -> Option<String> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.split(['?', '#']).next().unwrap_or("");
    let segs: Vec<&str> = path.split('/').collect();
    for (i, s) in segs.iter().enumerate() {
        // /2025/09/04/
        if s.len() == 4 && s.bytes().all(|c| c.is_ascii_digit()) {
            let found = (|| {
                let m = segs.get(i + 1)?;
                let d = segs.get(i + 2)?;
                let d = &d[..d.bytes().take_while(u8::is_ascii_digit).count()];
                // The month as a number, or named: /2023/october/03/, /2023/oct/03/.
                let m = if (1..=2).contains(&m.len()) {
                    m.parse().ok()
                } else {
                    month(m)
                };
                if !(1..=2).contains(&d.len()) {
                    return None;
                }
                ymd(s.parse().ok()?, m?, d.parse().ok()?)
            })();
            if found.is_some() {
                return found;
            }
        }
        // /2025-09-04-title/ or /20250904/
        if s.len() >= 8 && s.as_bytes()[0].is_ascii_digit() {
            if let Some(x) = iso_date(s) {
                return Some(x);
            }
        }
    }
    None
}

/// The first date written out in running text: "September 4, 2025", "Sept. 4th, 2025", "4 September 2025",
/// "2025-09-04", "09/04/2025" (month first unless the first number is over 12).
///
/// Example: "Published Sep 4, 2025 at 10:00 am" → `2025-09-04`.
pub(crate) fn text_date(text: &str) -> Option<String> {
    // Words: runs of letters or of digits, with the byte that follows each.
    let mut words: Vec<(&str, u8)> = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() && words.len() < 400 {
        let c = b[i];
        if c.is_ascii_alphanumeric() {
            let digit = c.is_ascii_digit();
            let start = i;
            while i < b.len() && b[i].is_ascii_alphanumeric() && b[i].is_ascii_digit() == digit {
                i += 1;
            }
            words.push((&text[start..i], b.get(i).copied().unwrap_or(b' ')));
        } else {
            i += 1;
        }
    }
    let num = |w: &str| -> Option<u32> {
        if w.bytes().all(|c| c.is_ascii_digit()) && w.len() <= 4 {
            w.parse().ok()
        } else {
            None
        }
    };
    let is_ordinal = |w: &str| matches!(w.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th");
    let year = |j: usize| -> Option<u32> { words.get(j).filter(|x| x.0.len() == 4).and_then(|x| num(x.0)) };
    for k in 0..words.len() {
        let (w, after) = words[k];
        // Month Day(st), Year
        if let Some(m) = month(w) {
            let found = (|| {
                let mut j = k + 1;
                let d = words.get(j).filter(|x| x.0.len() <= 2).and_then(|x| num(x.0))?;
                j += 1;
                if words.get(j).is_some_and(|x| is_ordinal(x.0)) {
                    j += 1;
                }
                ymd(year(j)?, m, d)
            })();
            if found.is_some() {
                return found;
            }
            continue;
        }
        let Some(n) = num(w) else { continue };
        let found = (|| {
            // Day(st) Month Year
            if w.len() <= 2 {
                let mut j = k + 1;
                if words.get(j).is_some_and(|x| is_ordinal(x.0)) {
                    j += 1;
                }
                if words.get(j).is_some_and(|x| x.0.eq_ignore_ascii_case("of")) {
                    j += 1;
                }
                if let Some(m) = words.get(j).and_then(|x| month(x.0)) {
                    if let Some(x) = year(j + 1).and_then(|y| ymd(y, m, n)) {
                        return Some(x);
                    }
                }
            }
            let (m, d) = (words.get(k + 1)?, words.get(k + 2)?);
            if m.1 != after || m.0.len() > 2 {
                return None;
            }
            // 2025-09-04
            if w.len() == 4 && matches!(after, b'-' | b'/') && d.0.len() <= 2 {
                return ymd(n, num(m.0)?, num(d.0)?);
            }
            // 09/04/2025 or 04.09.2025
            if w.len() <= 2 && matches!(after, b'/' | b'.' | b'-') && d.0.len() == 4 {
                let (c, yy) = (num(m.0)?, num(d.0)?);
                let (mm, dd) = if after == b'/' && n <= 12 { (n, c) } else { (c, n) };
                return ymd(yy, mm, dd);
            }
            None
        })();
        if found.is_some() {
            return found;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_in_metadata() {
        assert_eq!(iso_date("2025-09-04T10:00:00+00:00").as_deref(), Some("2025-09-04"));
        assert_eq!(iso_date(" 2025/09/04 ").as_deref(), Some("2025-09-04"));
        assert_eq!(iso_date("20250904").as_deref(), Some("2025-09-04"));
        assert_eq!(iso_date("2025-02-30"), None);
        assert_eq!(iso_date("September 4, 2025"), None);
        assert_eq!(iso_date("1234567890"), None);
    }

    #[test]
    fn dates_in_urls() {
        let u = "https://scratchculinary.com/2025/09/04/top-nutrition-trends-for-fall-2025/";
        assert_eq!(url_date(u).as_deref(), Some("2025-09-04"));
        assert_eq!(
            url_date("https://x.com/news/2024-08-26-talks-resume").as_deref(),
            Some("2024-08-26")
        );
        assert_eq!(url_date("https://x.com/a/20240826/b").as_deref(), Some("2024-08-26"));
        assert_eq!(url_date("https://x.com/post/7-side-moving/18153161/"), None);
        assert_eq!(url_date("https://x.com/2025/best-tax-software/"), None);
        let named = "https://www.wine.example/blog/2023/october/03/how-many-wine-styles/";
        assert_eq!(url_date(named).as_deref(), Some("2023-10-03"));
        assert_eq!(url_date("https://x.com/2023/Oct/3/a").as_deref(), Some("2023-10-03"));
        assert_eq!(url_date("https://x.com/2023/octopus/03/a"), None);
        assert_eq!(url_date("https://x.com/2023/may/best-tools/"), None);
    }

    #[test]
    fn dates_in_text() {
        assert_eq!(
            text_date("Published Sep 4, 2025 at 10:00 am").as_deref(),
            Some("2025-09-04")
        );
        assert_eq!(text_date("Sept. 4th, 2025").as_deref(), Some("2025-09-04"));
        assert_eq!(text_date("Updated on 4 September 2025").as_deref(), Some("2025-09-04"));
        assert_eq!(text_date("the 4th of September 2025").as_deref(), Some("2025-09-04"));
        assert_eq!(text_date("Posted 09/04/2025").as_deref(), Some("2025-09-04"));
        assert_eq!(text_date("Posted 25/04/2025").as_deref(), Some("2025-04-25"));
        assert_eq!(text_date("on 2025-09-04.").as_deref(), Some("2025-09-04"));
        assert_eq!(text_date("May the best team win in 2025"), None);
        assert_eq!(text_date("March 2025"), None);
        assert_eq!(text_date("Room 12/14 2025"), None);
    }
}
