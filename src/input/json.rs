//! JSON and JSON Lines: article objects as news APIs, scrapers and
//! databases export them.

use std::borrow::Cow;
use std::io::{self, BufRead};
use std::path::Path;

use serde_json::{Map, Value};

use super::decode::{self, BINARY};
use super::html::{html_to_text, looks_like_html};
use super::meta::{clean_title, clean_url, metadata_date, timestamp_date};
use super::{FileRead, MAX_LINE_BYTES, cap_text, cut_message, megabytes};
use crate::article::Article;
use crate::dates::PartialDate;

const TEXT_KEYS: [&str; 13] = [
    "text",
    "body",
    "content",
    "article",
    "articleBody",
    "bodyText",
    "body_text",
    "full_text",
    "fulltext",
    "maintext",
    "description",
    "summary",
    "abstract",
];
const TITLE_KEYS: [&str; 3] = ["title", "headline", "webTitle"];
const DATE_KEYS: [&str; 12] = [
    "date",
    "published",
    "publishedAt",
    "published_at",
    "pubDate",
    "datePublished",
    "webPublicationDate",
    "pub_date",
    "date_publish",
    "publish_date",
    "publication_date",
    "created_at",
];
const URL_KEYS: [&str; 6] = ["url", "link", "canonical_url", "canonicalUrl", "webUrl", "web_url"];
/// Keys under which APIs wrap their list of articles.
const ENVELOPE_KEYS: [&str; 14] = [
    "articles",
    "data",
    "results",
    "items",
    "docs",
    "documents",
    "records",
    "entries",
    "posts",
    "stories",
    "news",
    "hits",
    "response",
    "value",
];
/// Nested objects whose fields count as the record's own.
const NESTED_KEYS: [&str; 2] = ["fields", "_source"];

const NO_TEXT: &str = "no article text (no text/body/content field)";

/// What a JSON Lines pass saw.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct JsonlStats {
    /// Lines that were not JSON at all.
    pub invalid_json: usize,
}

/// Reads a `.json` file: one article object, an array of them, or an API
/// envelope around an array.
pub(crate) fn read_json(name: &str, path: Option<&Path>, text: &str, read: &mut FileRead) {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            // JSON Lines saved as `.json`: several objects, one a line.
            if e.is_syntax() && e.to_string().starts_with("trailing characters") {
                let mut lines = FileRead::default();
                if let Ok(stats) = read_jsonl_stream(name, path, text.as_bytes(), &mut lines)
                    && stats.invalid_json == 0
                    && !lines.articles.is_empty()
                {
                    *read = lines;
                    return;
                }
            }
            read.problem(format!("invalid JSON: {e}"));
            return;
        }
    };
    match find_records(&value, 0) {
        Some(Records::One(map)) => match record(name.to_owned(), path, map) {
            Ok((article, problems)) => {
                read.articles.push(article);
                problems.into_iter().for_each(|p| read.problem(p));
            }
            Err(message) => read.problem(message),
        },
        Some(Records::Many(items)) => {
            if items.is_empty() {
                read.problem("no articles (the list is empty)");
            }
            for (i, item) in items.iter().enumerate() {
                if !read.room_for_more() {
                    break;
                }
                let n = i + 1;
                let Some(map) = item.as_object() else {
                    read.problem(format!("record {n}: not a JSON object"));
                    continue;
                };
                match record(format!("{name}#{n}"), path, map) {
                    Ok((article, problems)) => {
                        read.articles.push(article);
                        for p in problems {
                            read.problem(format!("record {n}: {p}"));
                        }
                    }
                    Err(message) => read.problem(format!("record {n}: {message}")),
                }
            }
        }
        None if value.is_object() => read.problem(NO_TEXT),
        None => read.problem("no article (the JSON is neither an object nor a list)"),
    }
}

/// Reads JSON Lines already decoded to text; a pretty-printed JSON
/// document saved as `.jsonl` is read as JSON.
pub(crate) fn read_jsonl_text(name: &str, path: Option<&Path>, text: &str, read: &mut FileRead) {
    match read_jsonl_stream(name, path, text.as_bytes(), read) {
        Ok(stats) if stats.invalid_json > 0 => {
            let mut whole = FileRead::default();
            read_json(name, path, text, &mut whole);
            if !whole.articles.is_empty() && whole.articles.len() >= read.articles.len() {
                *read = whole;
            }
        }
        Ok(_) => {}
        Err(e) => read.problem(e.to_string()),
    }
}

/// Reads JSON Lines a line at a time: memory holds one line (at most
/// [`MAX_LINE_BYTES`]) besides the articles. Each line is decoded on its
/// own (UTF-8, else Windows-1252). Lines are numbered from 1; articles
/// are named `name#line`.
pub(crate) fn read_jsonl_stream<R: BufRead>(
    name: &str,
    path: Option<&Path>,
    mut reader: R,
    read: &mut FileRead,
) -> io::Result<JsonlStats> {
    let mut stats = JsonlStats::default();
    let head = fill_buf(&mut reader)?;
    if head.is_empty() {
        read.problem("empty file");
        return Ok(stats);
    }
    if !decode::is_ascii_compatible(head) {
        read.problem("UTF-16 JSON Lines larger than 20 MB cannot be read; save it as UTF-8");
        return Ok(stats);
    }
    if decode::looks_binary_bytes(head) {
        read.problem(BINARY);
        return Ok(stats);
    }
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    let mut any_line = false;
    while let Some(fits) = next_line(&mut reader, &mut buf, MAX_LINE_BYTES)? {
        line_no += 1;
        if !fits {
            any_line = true;
            read.problem(format!(
                "line {line_no}: longer than {}, skipped",
                megabytes(MAX_LINE_BYTES as u64)
            ));
            continue;
        }
        let bytes = if line_no == 1 {
            buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&buf)
        } else {
            &buf[..]
        };
        let text: Cow<'_, str> = match std::str::from_utf8(bytes) {
            Ok(s) => Cow::Borrowed(s),
            Err(_) => Cow::Owned(decode::decode_ascii_compatible(bytes, false)),
        };
        let line = text.trim();
        if line.is_empty() {
            continue;
        }
        any_line = true;
        if !read.room_for_more() {
            break;
        }
        match serde_json::from_str::<Value>(line) {
            Err(e) => {
                stats.invalid_json += 1;
                read.problem(format!("line {line_no}: invalid JSON: {}", error_at_column(&e)));
            }
            Ok(Value::Object(map)) => match record(format!("{name}#{line_no}"), path, &map) {
                Ok((article, problems)) => {
                    read.articles.push(article);
                    for p in problems {
                        read.problem(format!("line {line_no}: {p}"));
                    }
                }
                Err(message) => read.problem(format!("line {line_no}: {message}")),
            },
            Ok(_) => read.problem(format!("line {line_no}: not a JSON object")),
        }
    }
    if !any_line {
        read.problem("empty file");
    }
    Ok(stats)
}

/// `fill_buf`, retried when interrupted by a signal.
fn fill_buf<R: BufRead>(reader: &mut R) -> io::Result<&[u8]> {
    loop {
        match reader.fill_buf() {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
            Ok(_) => break,
        }
    }
    // Buffered now: this returns the same bytes without reading again.
    reader.fill_buf()
}

/// Reads the next line (without its `\n`) into `buf`, holding at most
/// `max` bytes: a longer line is consumed and dropped. `Some(true)` for a
/// line that fits, `Some(false)` for one too long, `None` at the end.
fn next_line<R: BufRead>(reader: &mut R, buf: &mut Vec<u8>, max: usize) -> io::Result<Option<bool>> {
    buf.clear();
    let mut too_long = false;
    let mut any = false;
    loop {
        let available = fill_buf(reader)?;
        if available.is_empty() {
            return Ok(any.then_some(!too_long));
        }
        any = true;
        let (chunk_len, found) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (i, true),
            None => (available.len(), false),
        };
        if !too_long {
            if buf.len() + chunk_len > max {
                too_long = true;
                buf.clear();
                buf.shrink_to(1 << 16);
            } else {
                buf.extend_from_slice(&available[..chunk_len]);
            }
        }
        reader.consume(chunk_len + usize::from(found));
        if found {
            return Ok(Some(!too_long));
        }
    }
}

/// serde_json's message with the column only (a line is one record).
fn error_at_column(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let msg = full.strip_suffix(&suffix).unwrap_or(&full);
    format!("{msg} at column {}", e.column())
}

enum Records<'a> {
    One(&'a Map<String, Value>),
    Many(&'a [Value]),
}

/// The article(s) in a JSON document: an object with a text, a list, or a
/// list inside an envelope (`{"articles": [...]}`, `{"response":
/// {"results": [...]}}`, `{"hits": {"hits": [...]}}`).
fn find_records(v: &Value, depth: usize) -> Option<Records<'_>> {
    match v {
        Value::Array(items) => Some(Records::Many(items)),
        Value::Object(map) => {
            if text_field(map).is_some() {
                return Some(Records::One(map));
            }
            if depth >= 3 {
                return None;
            }
            ENVELOPE_KEYS
                .iter()
                .filter_map(|k| get_ci(map, k))
                .find_map(|x| find_records(x, depth + 1))
        }
        _ => None,
    }
}

/// A key, exactly or ignoring ASCII case.
fn get_ci<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    map.get(key)
        .or_else(|| map.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v))
}

/// The record and the nested objects whose fields count as its own.
fn scopes(map: &Map<String, Value>) -> impl Iterator<Item = &Map<String, Value>> {
    std::iter::once(map).chain(
        NESTED_KEYS
            .iter()
            .filter_map(move |k| get_ci(map, k).and_then(Value::as_object)),
    )
}

/// The first of `keys` (in order) present in any scope.
fn field<'a>(map: &'a Map<String, Value>, keys: &[&str], usable: impl Fn(&'a Value) -> bool) -> Option<&'a Value> {
    keys.iter()
        .find_map(|k| scopes(map).filter_map(|m| get_ci(m, k)).find(|v| usable(v)))
}

/// The article text: a non-empty string, an array of strings (paragraphs),
/// or an object with a `rendered`/`text`/`value` string (WordPress).
fn text_field(map: &Map<String, Value>) -> Option<Cow<'_, str>> {
    let v = field(map, &TEXT_KEYS, |v| text_of(v).is_some())?;
    text_of(v)
}

fn text_of(v: &Value) -> Option<Cow<'_, str>> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(Cow::Borrowed(s)),
        Value::Array(items) => {
            let parts: Vec<&str> = items
                .iter()
                .filter_map(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            (!parts.is_empty()).then(|| Cow::Owned(parts.join("\n\n")))
        }
        Value::Object(inner) => ["rendered", "text", "value"]
            .iter()
            .filter_map(|k| inner.get(*k))
            .find_map(|x| match x {
                Value::String(s) if !s.trim().is_empty() => Some(Cow::Borrowed(s.as_str())),
                _ => None,
            }),
        _ => None,
    }
}

/// One record as an article, with messages about fields it could not use.
fn record(name: String, path: Option<&Path>, map: &Map<String, Value>) -> Result<(Article, Vec<String>), String> {
    let mut problems = Vec::new();
    let raw = text_field(map).ok_or(NO_TEXT)?;
    let mut text = clean_text(&raw);
    if text.is_empty() {
        return Err("no article text (the text field has no readable text)".to_owned());
    }
    if cap_text(&mut text) {
        problems.push(cut_message());
    }
    let mut a = Article::new(name, text);
    a.path = path.map(Path::to_owned);
    a.title = field(map, &TITLE_KEYS, |v| v.is_string())
        .and_then(Value::as_str)
        .and_then(clean_title);
    a.url = field(map, &URL_KEYS, |v| v.is_string())
        .and_then(Value::as_str)
        .and_then(clean_url);
    if let Some(v) = field(map, &DATE_KEYS, |v| !v.is_null()) {
        match date_value(v) {
            Ok(d) => a.stated_date = Some(d),
            Err(message) => problems.push(message),
        }
    }
    Ok((a, problems))
}

/// A date field: a string, a Unix timestamp, or `{"$date": …}` (MongoDB).
fn date_value(v: &Value) -> Result<PartialDate, String> {
    match v {
        Value::String(s) => metadata_date(s),
        // 20210815 is a date written as a number; larger ones are timestamps.
        Value::Number(n) => match n.as_i64() {
            Some(d @ 10_000_000..=99_999_999) => metadata_date(&d.to_string()),
            Some(t) => timestamp_date(t).ok_or_else(|| format!("unrecognised date {n} (article read without a date)")),
            None => Err(format!("unrecognised date {n} (article read without a date)")),
        },
        Value::Object(m) => match m.get("$date") {
            Some(inner @ (Value::String(_) | Value::Number(_))) => date_value(inner),
            _ => Err("unrecognised date (an object) (article read without a date)".to_owned()),
        },
        _ => Err("unrecognised date (not a string) (article read without a date)".to_owned()),
    }
}

/// Line ends normalised, markup stripped, NewsAPI's `… [+1234 chars]`
/// tail dropped, ends trimmed.
fn clean_text(raw: &str) -> String {
    let mut s = decode::normalise_line_ends(raw.to_owned());
    if let Some(cut) = newsapi_tail(&s) {
        s.truncate(cut);
    }
    if looks_like_html(&s) {
        s = html_to_text(&s);
    }
    s.trim().to_owned()
}

/// Where NewsAPI's truncation marker `… [+1234 chars]` starts.
fn newsapi_tail(s: &str) -> Option<usize> {
    let body = s.trim_end().strip_suffix(" chars]")?;
    let open = body.rfind("[+")?;
    if body[open + 2..].is_empty() || !body[open + 2..].bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let before = body[..open].trim_end();
    let before = before.strip_suffix('…').unwrap_or(before).trim_end();
    let before = before.strip_suffix("...").unwrap_or(before).trim_end();
    Some(before.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str, text: &str) -> FileRead {
        let mut r = FileRead::default();
        if name.ends_with(".jsonl") {
            read_jsonl_text(name, None, text, &mut r);
        } else {
            read_json(name, None, text, &mut r);
        }
        r
    }

    #[test]
    fn shapes() {
        let r = read(
            "a.json",
            r#"{"title":"T","body":"Kunduz valt.","publishedAt":"2021-08-08T10:00:00Z","url":"https://x.org/1"}"#,
        );
        assert_eq!(r.articles.len(), 1);
        let a = &r.articles[0];
        assert_eq!((a.name.as_str(), a.text.as_str()), ("a.json", "Kunduz valt."));
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.url.as_deref(), Some("https://x.org/1"));
        assert_eq!(a.stated_date.and_then(|d| d.day), Some(8));

        let r = read(
            "b.json",
            r#"{"status":"ok","articles":[{"content":"Herat valt… [+1234 chars]"},{"description":"Ghazni"}]}"#,
        );
        let names: Vec<&str> = r.articles.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["b.json#1", "b.json#2"]);
        assert_eq!(r.articles[0].text, "Herat valt");

        let r = read(
            "c.json",
            r#"{"response":{"results":[{"webTitle":"W","fields":{"bodyText":"<p>Kabul</p><p>valt</p>"}}]}}"#,
        );
        assert_eq!(r.articles[0].text, "Kabul\n\nvalt");
        assert_eq!(r.articles[0].title.as_deref(), Some("W"));
    }

    #[test]
    fn lines_and_problems() {
        let r = read(
            "d.jsonl",
            "{\"text\":\"een\"}\n\nnot json\n[1]\n{\"title\":\"geen tekst\"}\n{\"text\":\"twee\",\"date\":\"2021-13-45\"}\n",
        );
        let names: Vec<&str> = r.articles.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["d.jsonl#1", "d.jsonl#6"]);
        assert_eq!(
            r.problems,
            [
                "line 3: invalid JSON: expected ident at column 2",
                "line 4: not a JSON object",
                "line 5: no article text (no text/body/content field)",
                "line 6: impossible date 2021-13-45 (article read without a date)",
            ]
        );
    }

    #[test]
    fn fallbacks_between_json_and_lines() {
        let pretty = "[\n  {\"text\": \"een\"},\n  {\"text\": \"twee\"}\n]\n";
        assert_eq!(read("e.jsonl", pretty).articles.len(), 2);
        let lines = "{\"text\": \"een\"}\n{\"text\": \"twee\"}\n";
        assert_eq!(read("f.json", lines).articles.len(), 2);
    }

    #[test]
    fn long_lines_are_skipped_without_being_held() {
        let mut data = b"{\"text\":\"een\"}\n".to_vec();
        data.extend(std::iter::repeat_n(b'x', 100));
        data.extend(b"\n{\"text\":\"twee\"}");
        let mut r = FileRead::default();
        let mut buf = Vec::new();
        let mut src = &data[..];
        assert_eq!(next_line(&mut src, &mut buf, 50).unwrap(), Some(true));
        assert_eq!(next_line(&mut src, &mut buf, 50).unwrap(), Some(false));
        assert_eq!(next_line(&mut src, &mut buf, 50).unwrap(), Some(true));
        assert_eq!(buf, b"{\"text\":\"twee\"}");
        assert_eq!(next_line(&mut src, &mut buf, 50).unwrap(), None);
        read_jsonl_stream("g.jsonl", None, &data[..], &mut r).unwrap();
        assert_eq!(r.articles.len(), 2);
    }

    #[test]
    fn dates_in_many_shapes() {
        assert_eq!(date_value(&serde_json::json!(1_628_416_800)).unwrap().day, Some(8));
        assert_eq!(
            date_value(&serde_json::json!({"$date": "2021-08-08T00:00:00Z"}))
                .unwrap()
                .day,
            Some(8)
        );
        assert!(date_value(&serde_json::json!(true)).is_err());
        assert_eq!(date_value(&serde_json::json!(20_210_808)).unwrap().day, Some(8));
        assert!(date_value(&serde_json::json!(20_211_345)).is_err());
        assert!(date_value(&serde_json::json!(1.5)).is_err());
    }
}
