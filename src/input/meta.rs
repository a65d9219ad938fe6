//! Metadata: dates as documents and APIs write them, Markdown front
//! matter, titles and URLs.

use chrono::{DateTime, Datelike, NaiveDate};

use crate::dates::{PartialDate, TimeRef, find_time_refs};

/// A metadata date, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum MetaDate {
    Date(PartialDate),
    /// Shaped like a date but no such day exists (`2021-13-45`).
    Impossible(String),
    Unrecognised,
}

/// Reads a date the way documents and news APIs write it: ISO 8601 with or
/// without time and zone (`2021-08-15`, `2021-08-15T10:00:00+02:00`,
/// `2021-08`, `20210815`), RFC 2822 (`Sun, 15 Aug 2021 10:00:00 +0200`),
/// day-first numeric (`15-08-2021`), written out (`15 augustus 2021`,
/// `August 15, 2021`) or a Unix timestamp in seconds or milliseconds. The
/// day is the one written, in the writer's own time zone.
pub(crate) fn parse_meta_date(s: &str) -> MetaDate {
    let s = s.trim();
    if s.is_empty() || s.len() > 120 {
        return MetaDate::Unrecognised;
    }
    if let Some(d) = iso_date(s) {
        return d;
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return MetaDate::Date(full(dt.date_naive()));
    }
    if s.len() >= 9
        && s.len() <= 13
        && s.bytes().all(|b| b.is_ascii_digit())
        && let Some(d) = s.parse::<i64>().ok().and_then(timestamp_date)
    {
        return MetaDate::Date(d);
    }
    for (_, t) in find_time_refs(s, 0..s.len()) {
        if let TimeRef::Absolute {
            year: Some(year),
            month,
            day,
        } = t
            && NaiveDate::from_ymd_opt(year, month, day).is_some()
        {
            return MetaDate::Date(PartialDate {
                year,
                month,
                day: Some(day),
            });
        }
    }
    MetaDate::Unrecognised
}

/// A Unix timestamp (seconds, or milliseconds when that large) between
/// 1990 and 2100, as a UTC date.
pub(crate) fn timestamp_date(n: i64) -> Option<PartialDate> {
    let secs = if n > 100_000_000_000 { n / 1000 } else { n };
    // 1990-01-01 .. 2100-01-01
    if !(631_152_000..=4_102_444_800).contains(&secs) {
        return None;
    }
    DateTime::from_timestamp(secs, 0).map(|dt| full(dt.date_naive()))
}

fn full(d: NaiveDate) -> PartialDate {
    PartialDate {
        year: d.year(),
        month: d.month(),
        day: Some(d.day()),
    }
}

/// `YYYY-MM-DD…`, `YYYY/MM/DD…`, `YYYY.MM.DD…`, `YYYY-MM`, `YYYYMMDD…`.
fn iso_date(s: &str) -> Option<MetaDate> {
    let b = s.as_bytes();
    let digits = |from: usize| b[from.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
    let num = |from: usize, len: usize| s.get(from..from + len).and_then(|x| x.parse::<u32>().ok());
    let lead = digits(0);
    let (year, month, day, len) = if lead == 8 {
        (num(0, 4)?, num(4, 2)?, Some(num(6, 2)?), 8)
    } else if lead == 4 {
        let sep = *b.get(4)?;
        if !matches!(sep, b'-' | b'/' | b'.') {
            return None;
        }
        let ml = digits(5);
        if !(1..=2).contains(&ml) {
            return None;
        }
        let month = num(5, ml)?;
        let after_month = 5 + ml;
        if b.get(after_month) == Some(&sep) {
            let dl = digits(after_month + 1);
            if !(1..=2).contains(&dl) {
                return None;
            }
            let day = num(after_month + 1, dl)?;
            (num(0, 4)?, month, Some(day), after_month + 1 + dl)
        } else {
            (num(0, 4)?, month, None, after_month)
        }
    } else {
        return None;
    };
    // What follows must not continue the number (a time, a zone or nothing).
    if b.get(len).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    if day.is_none() && len != s.len() {
        return None;
    }
    let year = i32::try_from(year).ok()?;
    let date = PartialDate { year, month, day };
    let valid = match day {
        Some(d) => NaiveDate::from_ymd_opt(year, month, d).is_some(),
        None => (1..=12).contains(&month),
    };
    Some(if valid {
        MetaDate::Date(date)
    } else {
        MetaDate::Impossible(s[..len].to_owned())
    })
}

/// A metadata date, or the message saying why it was not used.
pub(crate) fn metadata_date(raw: &str) -> Result<PartialDate, String> {
    match parse_meta_date(raw) {
        MetaDate::Date(d) => Ok(d),
        MetaDate::Impossible(s) => Err(format!("impossible date {s} (article read without a date)")),
        MetaDate::Unrecognised => Err(format!(
            "unrecognised date {:?} (article read without a date)",
            shorten(raw.trim(), 40)
        )),
    }
}

/// At most `max` characters of `s`, with an ellipsis when cut.
pub(crate) fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

/// A title on one line: white space collapsed, at most 300 characters.
pub(crate) fn clean_title(s: &str) -> Option<String> {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if joined.is_empty() {
        return None;
    }
    Some(shorten(&joined, 300))
}

/// A URL worth showing: absolute http(s) (or `www.`…), no white space.
pub(crate) fn clean_url(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > 2048 || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let lower = s.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.") {
        Some(s.to_owned())
    } else if let Some(rest) = s.strip_prefix("//") {
        (!rest.is_empty()).then(|| format!("https://{rest}"))
    } else {
        None
    }
}

/// A Markdown file's YAML front matter, as far as opmars uses it.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct FrontMatter {
    /// Byte offset just after the closing `---` line.
    pub end: usize,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
}

/// Reads a leading `---` … `---` block of `key: value` lines.
pub(crate) fn front_matter(text: &str) -> Option<FrontMatter> {
    let rest = text.strip_prefix("---\n")?;
    let mut fm = FrontMatter::default();
    let mut offset = 4;
    for line in rest.split_inclusive('\n') {
        let l = line.trim_end();
        offset += line.len();
        if l == "---" || l == "..." {
            fm.end = offset;
            return Some(fm);
        }
        if offset > 65_536 {
            return None;
        }
        let Some((key, value)) = l.split_once(':') else {
            continue;
        };
        let value = unquote(value.trim());
        if value.is_empty() {
            continue;
        }
        let slot = match key.trim().to_ascii_lowercase().as_str() {
            "title" | "headline" => &mut fm.title,
            "date" | "published" | "pubdate" | "publishdate" | "published_at" | "publishedat" => &mut fm.date,
            "url" | "link" | "canonical_url" | "canonical" | "source_url" => &mut fm.url,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(value.to_owned());
        }
    }
    None
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|x| x.strip_suffix(q)) {
            return inner;
        }
    }
    v
}

/// The FrontMatter fields, cleaned.
impl FrontMatter {
    pub(crate) fn clean(mut self) -> Self {
        self.title = self.title.as_deref().and_then(clean_title);
        self.url = self.url.as_deref().and_then(clean_url);
        self
    }
}

/// A first line `# Heading` is the title.
pub(crate) fn markdown_heading(body: &str) -> Option<String> {
    let first = body.lines().find(|l| !l.trim().is_empty())?;
    let heading = first.trim_start().strip_prefix("# ")?;
    clean_title(heading.trim_end_matches(['#', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> MetaDate {
        MetaDate::Date(PartialDate {
            year: y,
            month: m,
            day: Some(d),
        })
    }

    #[test]
    fn iso_and_friends() {
        assert_eq!(parse_meta_date("2021-08-15"), day(2021, 8, 15));
        assert_eq!(parse_meta_date("2021-08-15T23:30:00-04:00"), day(2021, 8, 15));
        assert_eq!(parse_meta_date("2021-08-15T21:30:00Z"), day(2021, 8, 15));
        assert_eq!(parse_meta_date("2021-08-15 10:00:00"), day(2021, 8, 15));
        assert_eq!(parse_meta_date("2021/8/5"), day(2021, 8, 5));
        assert_eq!(parse_meta_date("20210815T120000Z"), day(2021, 8, 15));
        assert_eq!(
            parse_meta_date("2021-08"),
            MetaDate::Date(PartialDate {
                year: 2021,
                month: 8,
                day: None
            })
        );
        assert_eq!(parse_meta_date("2021-13-45"), MetaDate::Impossible("2021-13-45".into()));
        assert_eq!(
            parse_meta_date("2021-02-30T10:00"),
            MetaDate::Impossible("2021-02-30".into())
        );
    }

    #[test]
    fn other_shapes() {
        assert_eq!(parse_meta_date("Sun, 15 Aug 2021 10:00:00 +0200"), day(2021, 8, 15));
        assert_eq!(parse_meta_date("15-08-2021"), day(2021, 8, 15));
        assert_eq!(parse_meta_date("15 augustus 2021"), day(2021, 8, 15));
        assert_eq!(parse_meta_date("August 15, 2021 10:30 AM"), day(2021, 8, 15));
        assert_eq!(parse_meta_date("1629021600"), day(2021, 8, 15));
        assert_eq!(parse_meta_date("1629021600000"), day(2021, 8, 15));
        assert_eq!(parse_meta_date("gisteren"), MetaDate::Unrecognised);
        assert_eq!(parse_meta_date(""), MetaDate::Unrecognised);
    }

    #[test]
    fn front_matter_and_headings() {
        let text = "---\ntitle: \"Kunduz gevallen\"\ndate: 2021-08-08\nurl: https://example.org/a\n---\n# Kop\nTekst.";
        let fm = front_matter(text).unwrap().clean();
        assert_eq!(fm.title.as_deref(), Some("Kunduz gevallen"));
        assert_eq!(fm.date.as_deref(), Some("2021-08-08"));
        assert_eq!(fm.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(&text[fm.end..], "# Kop\nTekst.");
        assert_eq!(markdown_heading("\n# Kop #\nTekst"), Some("Kop".into()));
        assert!(front_matter("---\nno end").is_none());
    }

    #[test]
    fn urls_and_titles() {
        assert_eq!(clean_url(" https://x.org/a "), Some("https://x.org/a".into()));
        assert_eq!(clean_url("//x.org/a"), Some("https://x.org/a".into()));
        assert_eq!(clean_url("/relative"), None);
        assert_eq!(clean_url("javascript:alert(1)"), None);
        assert_eq!(clean_title("  Kabul\n  valt "), Some("Kabul valt".into()));
        assert_eq!(clean_title(" \n"), None);
    }
}
