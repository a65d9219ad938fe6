//! Reading articles from files and folders: whatever a person would
//! reasonably hand opmars, in any common encoding, without ever failing on
//! bad input.
//!
//! # Formats
//!
//! A folder is read recursively. Files are recognised by extension:
//!
//! | extension | read as |
//! | --- | --- |
//! | `.txt`, `.text` | plain text; a first line `date 2021-08-15` (or `date 2021-08`) states the date |
//! | `.md`, `.markdown` | plain text; an optional YAML front matter block (`---`) gives `title:`, `date:`, `url:` |
//! | `.html`, `.htm`, `.xhtml` | a saved web page: the article's text, title, publication date and canonical URL |
//! | `.json` | one article object, an array of them, or a news-API envelope (`{"articles": [...]}`, `{"data": [...]}`, …) |
//! | `.jsonl`, `.ndjson` | JSON Lines: one article object a line, the usual shape of news-API exports |
//!
//! Files named explicitly (not found by walking a folder) are read whatever
//! their extension; an unknown one is sniffed from the content (HTML, JSON,
//! JSON Lines, else text). In folders, files with other extensions, hidden
//! files and folders (name starting with `.`) and the `page_files/` folder a
//! browser saves next to `page.html` are skipped silently. The order is
//! deterministic: paths as given, each folder's entries sorted by name
//! (real entries before symbolic links, so that a file reached both ways
//! is read once, under its real path).
//!
//! JSON records take their fields from the first non-empty of (keys
//! compared case-insensitively, also inside a nested `fields` or `_source`
//! object):
//!
//! * text: `text`, `body`, `content`, `article`, `articleBody`, `bodyText`,
//!   `body_text`, `full_text`, `fulltext`, `maintext`, `description`,
//!   `summary`, `abstract` (HTML in it is stripped like a web page; an
//!   array of strings is joined as paragraphs; `{"rendered": …}` as
//!   WordPress has it is read; NewsAPI's `… [+1234 chars]` tail is
//!   dropped);
//! * title: `title`, `headline`, `webTitle`;
//! * date: `date`, `published`, `publishedAt`, `published_at`, `pubDate`,
//!   `datePublished`, `webPublicationDate`, `pub_date`, `date_publish`,
//!   `publish_date`, `publication_date`, `created_at` (ISO 8601, RFC 2822,
//!   "15 August 2021", `15-08-2021`, `20210815`, a Unix timestamp in
//!   seconds or milliseconds, or MongoDB's `{"$date": …}`);
//! * url: `url`, `link`, `canonical_url`, `canonicalUrl`, `webUrl`, `web_url`.
//!
//! One file can yield several articles; those from JSON arrays and JSON
//! Lines are named `file.jsonl#3` (the 1-based record or line number), so
//! messages and the viewer can point at them. Files in sub-folders are
//! named by their path relative to the folder that was opened
//! (`nos/kunduz.html`), so two `index.html` stay distinguishable.
//!
//! # Dates
//!
//! A metadata date is the date *as written*, in its own time zone:
//! `2021-08-15T23:30:00-04:00` is 15 August (the outlet's day, which is
//! what its "yesterday" refers to). A date known only to the month
//! (`2021-08`) stays a month. An impossible metadata date (`2021-13-45`)
//! leaves the article undated and is reported; an impossible `date` marker
//! in a text file is an error for that file, as it always was.
//!
//! # Encodings
//!
//! A byte-order mark decides first (UTF-8, UTF-16 LE/BE); then valid UTF-8
//! is UTF-8; then a web page's `<meta charset>` is honoured; otherwise
//! text that is mostly UTF-8 with a few broken bytes is read as UTF-8
//! (broken bytes become U+FFFD) and anything else as Windows-1252 (the
//! superset of Latin-1 that browsers use for it). UTF-16 without a BOM is
//! recognised from its zero bytes. CRLF and lone CR line ends become LF.
//!
//! Every span elsewhere in the engine is a byte offset into
//! [`Article::text`]. For a UTF-8 `.txt` or `.md` file without a BOM and
//! without CR line ends that text *is* the file, so `opmars mentions`
//! offsets are file offsets (the bundled seeds are read this way). For
//! anything re-encoded, normalised or extracted (HTML, JSON) the offsets
//! refer to the decoded text. One exception keeps offsets but not bytes:
//! a line longer than [`MAX_LINE_RUN`] (8 KB) gets a line break in place
//! of a space every few kilobytes (see [`MAX_LINE_RUN`] for why).
//!
//! # Bad input and limits
//!
//! Every file is read independently: a file that cannot be read, or can
//! only be read in part, produces a [`LoadError`] whose one-line
//! [`Display`](std::fmt::Display) names it (`path: reason`), and everything
//! else still loads. Nothing panics and nothing is written back. Articles
//! that mention no Afghan place are not errors: they simply yield no
//! reports.
//!
//! Memory stays bounded: no file is read whole unless it is at most
//! [`MAX_FILE_BYTES`] (20 MB, a hundred times a long article); larger JSON
//! Lines files are streamed a line at a time, and a line longer than
//! [`MAX_LINE_BYTES`] (5 MB) is skipped without being held in memory. An
//! article's text is cut at [`MAX_ARTICLE_BYTES`] (2 MB: the engine reads
//! that in a second or two) and one file yields at most
//! [`MAX_RECORDS_PER_FILE`] articles. A web page is parsed into a tree of
//! at most a million nodes and 256 levels of unclosed elements; beyond
//! that (pathological markup, where tree building turns quadratic) its
//! text is read from the tokens alone. Folders are read to a depth of
//! [`MAX_DEPTH`], symbolic links are followed but never round a loop, and
//! at most [`MAX_FILES`] files are read. A binary file (a NUL byte, or
//! more than 5 % control characters, in its first 8 KB) is refused rather
//! than read as text. At most [`MAX_MESSAGES_PER_FILE`] messages are kept
//! for one file, then a count of the rest.
//!
//! Messages read `path: reason`, for example `notes/a.txt: empty file`,
//! `scan.pdf: binary file (not text)`, `dump.json: file too large: 104.9 MB
//! (limit 20 MB; …)`, `export.jsonl: line 3: invalid JSON: expected value
//! at column 1`, `old.txt: impossible date 2021-13-45`, `loop: symbolic
//! link loop (…)`, `secret.txt: permission denied`, `api.json: record 2:
//! no article text (no text/body/content field)`.

mod decode;
mod html;
mod json;
mod meta;
mod walk;

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use crate::article::{Article, ArticleError};
use crate::dates::parse_date_marker;

pub use walk::ARTICLE_EXTENSIONS;

/// Files larger than this are not read whole (JSON Lines are streamed).
pub const MAX_FILE_BYTES: u64 = 20_000_000;
/// A JSON Lines line longer than this is skipped.
pub const MAX_LINE_BYTES: usize = 5_000_000;
/// An article's text is cut to this many bytes.
pub const MAX_ARTICLE_BYTES: usize = 2_000_000;
/// At most this many articles are read from one file.
pub const MAX_RECORDS_PER_FILE: usize = 100_000;
/// Folders are read to this depth below the one opened.
pub const MAX_DEPTH: usize = 32;
/// At most this many files are read from all the paths together.
pub const MAX_FILES: usize = 100_000;
/// At most this many messages are kept for one file; the rest are counted.
pub const MAX_MESSAGES_PER_FILE: usize = 10;

/// A file that could not be read, or could be read only in part, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: PathBuf,
    pub message: String,
}

impl std::fmt::Display for LoadError {
    /// `path: reason`, always on one line (control characters in the path
    /// or the reason are escaped).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {}",
            one_line(&self.path.display().to_string()),
            one_line(&self.message)
        )
    }
}

/// Escapes control characters so that a message stays on one line.
fn one_line(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_owned();
    }
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The articles read from some paths, and the failures.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub errors: Vec<LoadError>,
}

impl Loaded {
    /// How many files (or folders) have messages: one file can have
    /// several (bad lines of a JSON Lines file) and may still have given
    /// articles.
    pub fn files_with_errors(&self) -> usize {
        let mut paths: Vec<&Path> = self.errors.iter().map(|e| e.path.as_path()).collect();
        paths.sort();
        paths.dedup();
        paths.len()
    }
}

/// How far [`load_paths_with_progress`] has got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// Files finished.
    pub done: usize,
    /// Files to read in all.
    pub total: usize,
    /// The file being read (the last one once `done == total`).
    pub current: PathBuf,
}

/// Reads every article under `paths` (files, or folders read recursively).
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    load_paths_with_progress(paths, &mut |_| {})
}

/// Like [`load_paths`], calling `on_progress` before each file and once at
/// the end (with `done == total`). Meant for a worker thread.
pub fn load_paths_with_progress(paths: &[PathBuf], on_progress: &mut dyn FnMut(Progress)) -> Loaded {
    let mut loaded = Loaded::default();
    let files = walk::collect(paths, &mut loaded.errors);
    let total = files.len();
    for (done, file) in files.iter().enumerate() {
        on_progress(Progress {
            done,
            total,
            current: file.path.clone(),
        });
        let read = read_file(&file.path, &file.name);
        loaded.articles.extend(read.articles);
        loaded.errors.extend(read.problems.into_iter().map(|message| LoadError {
            path: file.path.clone(),
            message,
        }));
    }
    on_progress(Progress {
        done: total,
        total,
        current: files.last().map(|f| f.path.clone()).unwrap_or_default(),
    });
    loaded
}

/// Reads the articles in one file's bytes. `name` names the articles
/// (`name#3` for records) and its extension picks the format; an unknown
/// extension is sniffed from the content. `path`, when given, is recorded
/// in the articles.
///
/// `Ok` when at least one article was read (messages about the parts that
/// could not be, such as one bad line of a JSON Lines file, are dropped:
/// [`load_paths`] reports those); otherwise `Err` with the first reason.
pub fn read_bytes(name: &str, path: Option<&Path>, bytes: &[u8]) -> Result<Vec<Article>, String> {
    let read = read_file_bytes(name, path, bytes);
    if read.articles.is_empty() {
        Err(read
            .problems
            .into_iter()
            .next()
            .unwrap_or_else(|| "no article could be read".to_owned()))
    } else {
        Ok(read.articles)
    }
}

/// What one file gave: its articles and messages about what could not be
/// read. Keeps at most [`MAX_MESSAGES_PER_FILE`] messages.
#[derive(Debug, Default)]
pub(crate) struct FileRead {
    pub articles: Vec<Article>,
    pub problems: Vec<String>,
    dropped: usize,
}

impl FileRead {
    fn failed(message: impl Into<String>) -> Self {
        FileRead {
            problems: vec![message.into()],
            ..FileRead::default()
        }
    }

    pub(crate) fn problem(&mut self, message: impl Into<String>) {
        if self.problems.len() < MAX_MESSAGES_PER_FILE {
            self.problems.push(message.into());
        } else {
            self.dropped += 1;
        }
    }

    /// Adds the count of dropped messages, if any.
    fn finish(mut self) -> Self {
        if self.dropped > 0 {
            let n = self.dropped;
            self.problems
                .push(format!("{n} more problem{} not shown", if n == 1 { "" } else { "s" }));
            self.dropped = 0;
        }
        self
    }

    /// True when another article may be added; reports the limit once.
    pub(crate) fn room_for_more(&mut self) -> bool {
        if self.articles.len() < MAX_RECORDS_PER_FILE {
            return true;
        }
        let msg = format!("stopped after {MAX_RECORDS_PER_FILE} articles (limit)");
        if !self.problems.contains(&msg) {
            self.problem(msg);
        }
        false
    }
}

/// The formats a file can be read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Markdown,
    Html,
    Json,
    Jsonl,
}

impl Format {
    /// The format an extension stands for.
    pub(crate) fn from_extension(ext: &str) -> Option<Format> {
        Some(match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::Jsonl,
            _ => return None,
        })
    }

    fn from_name(name: &str) -> Option<Format> {
        let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let (stem, ext) = file.rsplit_once('.')?;
        if stem.is_empty() {
            return None;
        }
        Format::from_extension(ext)
    }
}

/// Reads one file from disk, streaming large JSON Lines files.
fn read_file(path: &Path, name: &str) -> FileRead {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return FileRead::failed(walk::io_reason(path, &e)),
    };
    if !meta.is_file() {
        return FileRead::failed("not a regular file");
    }
    let format = Format::from_name(name);
    let size = meta.len();
    if size == 0 {
        return FileRead::failed("empty file");
    }
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return FileRead::failed(walk::io_reason(path, &e)),
    };
    if size > MAX_FILE_BYTES {
        if format == Some(Format::Jsonl) {
            let mut read = FileRead::default();
            let reader = BufReader::with_capacity(1 << 16, file);
            if let Err(e) = json::read_jsonl_stream(name, Some(path), reader, &mut read) {
                read.problem(walk::io_reason(path, &e));
            }
            return read.finish();
        }
        let hint = if format == Some(Format::Json) {
            "; save large exports as JSON Lines (.jsonl), one article a line"
        } else {
            ""
        };
        return FileRead::failed(format!(
            "file too large: {} (limit {}{hint})",
            megabytes(size),
            megabytes(MAX_FILE_BYTES)
        ));
    }
    // The file may have grown since `metadata`: never read past the limit.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    if let Err(e) = file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes) {
        return FileRead::failed(walk::io_reason(path, &e));
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return FileRead::failed(format!(
            "file too large: over {} (it grew while being read)",
            megabytes(MAX_FILE_BYTES)
        ));
    }
    read_file_bytes(name, Some(path), &bytes)
}

/// `104.9 MB`, `20 MB`: decimal megabytes, one decimal unless whole.
pub(crate) fn megabytes(bytes: u64) -> String {
    let tenths = (bytes + 50_000) / 100_000;
    if tenths.is_multiple_of(10) {
        format!("{} MB", tenths / 10)
    } else {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// Reads the articles in one file's bytes, with every problem found.
pub(crate) fn read_file_bytes(name: &str, path: Option<&Path>, bytes: &[u8]) -> FileRead {
    let format = Format::from_name(name);
    if bytes.len() as u64 > MAX_FILE_BYTES && format != Some(Format::Jsonl) {
        return FileRead::failed(format!(
            "file too large: {} (limit {})",
            megabytes(bytes.len() as u64),
            megabytes(MAX_FILE_BYTES)
        ));
    }
    if format == Some(Format::Jsonl) && decode::is_ascii_compatible(bytes) {
        // Stream even from memory: one code path for small and large files.
        let mut read = FileRead::default();
        let mut stream = bytes;
        match json::read_jsonl_stream(name, path, &mut stream, &mut read) {
            Ok(stats) if stats.invalid_json > 0 => {
                // Perhaps a pretty-printed JSON document saved as `.jsonl`.
                let text = decode::decode_ascii_compatible(bytes, false);
                let mut whole = FileRead::default();
                json::read_json(name, path, &decode::normalise_line_ends(text), &mut whole);
                if !whole.articles.is_empty() && whole.articles.len() >= read.articles.len() {
                    return whole.finish();
                }
            }
            Ok(_) => {}
            Err(e) => read.problem(e.to_string()),
        }
        return read.finish();
    }
    let text = match decode::decode(bytes, format == Some(Format::Html)) {
        Ok(t) => t,
        Err(reason) => return FileRead::failed(reason),
    };
    let format = format.unwrap_or_else(|| sniff(&text));
    let mut read = FileRead::default();
    match format {
        Format::Text => read_text(name, path, text, &mut read),
        Format::Markdown => read_markdown(name, path, text, &mut read),
        Format::Html => html::read_html(name, path, &text, &mut read),
        Format::Json => json::read_json(name, path, &text, &mut read),
        Format::Jsonl => json::read_jsonl_text(name, path, &text, &mut read),
    }
    read.finish()
}

/// Guesses the format of a file whose extension says nothing.
fn sniff(text: &str) -> Format {
    let t = text.trim_start();
    if t.starts_with('<') && html::looks_like_html(t) {
        return Format::Html;
    }
    if t.starts_with('{') || t.starts_with('[') {
        if serde_json::from_str::<serde::de::IgnoredAny>(t).is_ok() {
            return Format::Json;
        }
        let first = t.lines().next().unwrap_or("");
        if serde_json::from_str::<serde::de::IgnoredAny>(first).is_ok() {
            return Format::Jsonl;
        }
    }
    Format::Text
}

/// Cuts `text` to [`MAX_ARTICLE_BYTES`] at a line break (or at least a
/// character boundary), and breaks overlong lines ([`break_long_lines`]).
/// True when it was cut.
pub(crate) fn cap_text(text: &mut String) -> bool {
    let cut = cut_text(text);
    break_long_lines(text);
    cut
}

fn cut_text(text: &mut String) -> bool {
    if text.len() <= MAX_ARTICLE_BYTES {
        return false;
    }
    let mut end = MAX_ARTICLE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if let Some(nl) = text[..end].rfind('\n')
        && nl > MAX_ARTICLE_BYTES / 2
    {
        end = nl + 1;
    }
    text.truncate(end);
    true
}

/// Lines longer than this are broken: a space (or, failing that, a comma)
/// becomes a line break every 4 KB, at a sentence end when there is one.
/// A space and a line break are both one byte, so offsets do not move. The
/// engine works sentence by sentence, a line is at least one sentence, and
/// its cost grows with the square of a sentence's length: a text without
/// any sentence end (one huge line of words) would take minutes.
pub const MAX_LINE_RUN: usize = 8192;

/// Breaks lines longer than [`MAX_LINE_RUN`] bytes by turning a space
/// into a line break every few kilobytes, at a sentence end when there is
/// one. A space and a line break are both one byte, so offsets do not
/// move. The engine works sentence by sentence and a line is at least one
/// sentence; no real sentence is kilobytes long, but a text without any
/// sentence end (one huge line of words) would otherwise cost the engine
/// time quadratic in its length.
pub(crate) fn break_long_lines(text: &mut String) {
    const RUN: usize = MAX_LINE_RUN / 2;
    let bytes = text.as_bytes();
    if bytes.len() <= MAX_LINE_RUN {
        return;
    }
    let mut breaks = Vec::new();
    let mut line_start = 0;
    let mut last_space = None;
    let mut last_sentence_space = None;
    let mut last_comma = None;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'\n' => {
                line_start = i + 1;
                last_space = None;
                last_sentence_space = None;
                last_comma = None;
                continue;
            }
            b' ' | b'\t' => {
                last_space = Some(i);
                if i > 0 && matches!(bytes[i - 1], b'.' | b'!' | b'?' | b';') {
                    last_sentence_space = Some(i);
                }
            }
            b',' | b';' => last_comma = Some(i),
            _ => {}
        }
        if i - line_start >= RUN {
            // A sentence end, else a space, else (words joined by commas
            // only) a comma.
            let at = last_sentence_space
                .filter(|&p| p > line_start + RUN / 4)
                .or(last_space.filter(|&p| p > line_start))
                .or(last_comma.filter(|&p| p > line_start));
            if let Some(p) = at {
                breaks.push(p);
                line_start = p + 1;
                last_space = None;
                last_sentence_space = None;
                last_comma = None;
            }
        }
    }
    if breaks.is_empty() {
        return;
    }
    let mut bytes = std::mem::take(text).into_bytes();
    for p in breaks {
        bytes[p] = b'\n';
    }
    // ASCII for ASCII: still UTF-8.
    *text = String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
}

/// The message for a text cut by [`cap_text`].
pub(crate) fn cut_message() -> String {
    format!(
        "text longer than {}; only the first {} is read",
        megabytes(MAX_ARTICLE_BYTES as u64),
        megabytes(MAX_ARTICLE_BYTES as u64)
    )
}

/// A plain-text file: the text itself, with an optional `date` marker.
fn read_text(name: &str, path: Option<&Path>, mut text: String, read: &mut FileRead) {
    if cap_text(&mut text) {
        read.problem(cut_message());
    }
    match Article::from_plain_text(name, text) {
        Ok(mut a) => {
            a.path = path.map(Path::to_owned);
            read.articles.push(a);
        }
        Err(ArticleError::Empty { .. }) => read.problem("empty file"),
        Err(ArticleError::BadDate { source, .. }) => read.problem(source.to_string()),
    }
}

/// A Markdown file: plain text after an optional front matter block, whose
/// `title:`, `date:` and `url:` are used; a `# Heading` is the title
/// otherwise. The text stays the whole file, so offsets are file offsets.
fn read_markdown(name: &str, path: Option<&Path>, mut text: String, read: &mut FileRead) {
    if text.trim().is_empty() {
        read.problem("empty file");
        return;
    }
    if cap_text(&mut text) {
        read.problem(cut_message());
    }
    let fm = meta::front_matter(&text);
    let body_offset = fm.as_ref().map_or(0, |f| f.end);
    let (marker_date, body_start) = match parse_date_marker(&text[body_offset..]) {
        Ok(Some((d, start))) => (Some(d), body_offset + start),
        Ok(None) => (None, body_offset),
        Err(e) => {
            read.problem(e.to_string());
            return;
        }
    };
    if text[body_start..].trim().is_empty() {
        read.problem("no article text (only front matter)");
        return;
    }
    let mut stated_date = marker_date;
    let mut title = None;
    let mut url = None;
    if let Some(fm) = fm.map(meta::FrontMatter::clean) {
        if stated_date.is_none()
            && let Some(raw) = &fm.date
        {
            match meta::metadata_date(raw) {
                Ok(d) => stated_date = Some(d),
                Err(message) => read.problem(message),
            }
        }
        title = fm.title;
        url = fm.url;
    }
    if title.is_none() {
        title = meta::markdown_heading(&text[body_start..]);
    }
    let mut a = Article::new(name, text);
    a.body_start = body_start;
    a.stated_date = stated_date;
    a.title = title;
    a.url = url;
    a.path = path.map(Path::to_owned);
    read.articles.push(a);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn megabytes_read_naturally() {
        assert_eq!(megabytes(104_857_600), "104.9 MB");
        assert_eq!(megabytes(20_000_000), "20 MB");
        assert_eq!(megabytes(5_000_000), "5 MB");
    }

    #[test]
    fn formats_from_names() {
        assert_eq!(Format::from_name("a.TXT"), Some(Format::Text));
        assert_eq!(Format::from_name("dir/b.jsonl"), Some(Format::Jsonl));
        assert_eq!(Format::from_name(".json"), None);
        assert_eq!(Format::from_name("README"), None);
    }

    #[test]
    fn messages_stay_on_one_line() {
        let e = LoadError {
            path: PathBuf::from("a\nb.txt"),
            message: "bad\r\nthing".into(),
        };
        assert_eq!(e.to_string(), "a\\nb.txt: bad\\r\\nthing");
    }

    #[test]
    fn cap_cuts_at_a_boundary() {
        let mut s = "é".repeat(MAX_ARTICLE_BYTES);
        assert!(cap_text(&mut s));
        assert!(s.len() <= MAX_ARTICLE_BYTES);
        let mut short = String::from("kort");
        assert!(!cap_text(&mut short));
    }

    #[test]
    fn long_lines_break_without_moving_offsets() {
        let sentence = "De Taliban rukken op naar Kunduz. ";
        let mut text = sentence.repeat(1000);
        let before = text.clone();
        break_long_lines(&mut text);
        assert_eq!(text.len(), before.len());
        assert!(text.lines().all(|l| l.len() <= MAX_LINE_RUN));
        assert!(
            text.lines().all(|l| l.trim_end().ends_with('.')),
            "broken at sentence ends"
        );
        let mut commas = "Taliban,namen,Kunduz,in,".repeat(2000);
        break_long_lines(&mut commas);
        assert!(commas.lines().all(|l| l.len() <= MAX_LINE_RUN));
        let mut words = "Kabul ".repeat(5000);
        break_long_lines(&mut words);
        assert!(words.lines().count() > 1);
        let mut short = "Kort.\n".repeat(10);
        let copy = short.clone();
        break_long_lines(&mut short);
        assert_eq!(short, copy);
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff("<!DOCTYPE html><p>x</p>"), Format::Html);
        assert_eq!(sniff("{\"text\": \"x\"}"), Format::Json);
        assert_eq!(sniff("{\"text\": \"x\"}\n{\"text\": \"y\"}"), Format::Jsonl);
        assert_eq!(sniff("Kabul, 15 augustus"), Format::Text);
    }
}
