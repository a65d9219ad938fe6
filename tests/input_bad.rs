//! Bad input: every case gives one clear, one-line message naming the
//! file, and everything else still loads.
#![cfg(unix)]

#[path = "fixtures/bad_corpus.rs"]
mod bad_corpus;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use opmars::corpus::Corpus;
use opmars::input::{LoadError, Loaded, load_paths, read_bytes};

use bad_corpus::{Bad, HUGE, long_line, restore_permissions, write_bad_files};

fn load(paths: &[&Path]) -> Loaded {
    let paths: Vec<PathBuf> = paths.iter().map(|p| p.to_path_buf()).collect();
    load_paths(&paths)
}

fn errors_for<'a>(loaded: &'a Loaded, path: &Path) -> Vec<&'a LoadError> {
    loaded.errors.iter().filter(|e| e.path == path).collect()
}

/// One file's single message.
fn only_error(dir: &Path, name: &str, content: &[u8]) -> String {
    let path = dir.join(name);
    fs::write(&path, content).unwrap();
    let loaded = load(&[&path]);
    assert_eq!(loaded.errors.len(), 1, "{:?}", loaded.errors);
    assert!(loaded.articles.is_empty());
    loaded.errors[0].message.clone()
}

#[test]
fn empty_and_blank_files() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(only_error(dir.path(), "a.txt", b""), "empty file");
    assert_eq!(only_error(dir.path(), "b.txt", b"  \r\n\t "), "empty file");
    assert_eq!(only_error(dir.path(), "c.html", b""), "empty file");
    assert_eq!(only_error(dir.path(), "d.jsonl", b"\n\n  \n"), "empty file");
    assert_eq!(
        only_error(dir.path(), "e.html", b"<html><body>  </body></html>"),
        "no article text (the page has no readable text)"
    );
    assert_eq!(
        only_error(dir.path(), "f.json", br#"{"title": "Alleen een kop"}"#),
        "no article text (no text/body/content field)"
    );
    assert_eq!(
        only_error(dir.path(), "g.json", b"[]"),
        "no articles (the list is empty)"
    );
}

#[test]
fn binary_files() {
    let dir = tempfile::tempdir().unwrap();
    let zip = b"PK\x03\x04\x14\0\0\0\x08\0some compressed bytes\0\0";
    for name in ["a.txt", "b.html", "c.json", "d.jsonl", "e.md"] {
        assert_eq!(only_error(dir.path(), name, zip), "binary file (not text)", "{name}");
    }
    // No NUL, but control characters throughout.
    let controls: Vec<u8> = (0..1000u32).map(|i| (i % 32) as u8).collect();
    assert_eq!(only_error(dir.path(), "f.txt", &controls), "binary file (not text)");
}

#[test]
fn a_100_mb_file_is_refused_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    for (name, expect) in [
        ("huge.txt", "file too large: 104.9 MB (limit 20 MB)"),
        ("huge.html", "file too large: 104.9 MB (limit 20 MB)"),
        (
            "huge.json",
            "file too large: 104.9 MB (limit 20 MB; save large exports as JSON Lines (.jsonl), one article a line)",
        ),
    ] {
        let path = dir.path().join(name);
        fs::File::create(&path).unwrap().set_len(HUGE).unwrap();
        let start = Instant::now();
        let loaded = load(&[&path]);
        assert!(start.elapsed() < Duration::from_secs(1), "it was read");
        assert_eq!(loaded.errors.len(), 1);
        assert_eq!(loaded.errors[0].message, expect);
        assert_eq!(loaded.errors[0].to_string(), format!("{}: {expect}", path.display()));
    }
}

#[test]
fn a_100_mb_json_lines_file_is_streamed() {
    use std::io::{Seek, SeekFrom, Write};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.jsonl");
    let mut f = fs::File::create(&path).unwrap();
    // 100 KB of records, a hole of zero bytes up to 100 MiB (written
    // sparse: one endless line), then one more record.
    let record = r#"{"text": "De Taliban hebben Kunduz ingenomen.", "date": "2021-08-08"}"#;
    let lines = 100_000 / (record.len() + 1);
    for _ in 0..lines {
        writeln!(f, "{record}").unwrap();
    }
    f.seek(SeekFrom::Start(HUGE)).unwrap();
    writeln!(f).unwrap();
    writeln!(
        f,
        r#"{{"text": "De Taliban hebben Herat ingenomen.", "date": "2021-08-13"}}"#
    )
    .unwrap();
    drop(f);
    let start = Instant::now();
    let loaded = load(&[&path]);
    assert!(start.elapsed() < Duration::from_secs(20));
    assert_eq!(loaded.articles.len(), lines + 1);
    let last = loaded.articles.last().unwrap();
    assert_eq!(last.name, format!("export.jsonl#{}", lines + 2));
    assert!(last.text.contains("Herat"));
    assert_eq!(loaded.errors.len(), 1);
    assert_eq!(
        loaded.errors[0].message,
        format!("line {}: longer than 5 MB, skipped", lines + 1)
    );
}

#[test]
fn a_single_10_mb_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("line.txt");
    fs::write(&path, long_line(10_000_000)).unwrap();
    let loaded = load(&[&path]);
    assert_eq!(loaded.articles.len(), 1, "the start is still read");
    let text = &loaded.articles[0].text;
    assert!(text.len() <= 2_000_000 && text.len() > 1_000_000);
    assert!(
        text.lines().all(|l| l.len() <= 8192),
        "long lines are broken for the engine"
    );
    assert_eq!(loaded.errors.len(), 1);
    assert_eq!(
        loaded.errors[0].message,
        "text longer than 2 MB; only the first 2 MB is read"
    );

    let path = dir.path().join("line.jsonl");
    let content = format!(
        "{{\"text\": \"Kunduz is gevallen.\"}}\n{{\"text\": \"{}\"}}\n",
        long_line(10_000_000)
    );
    fs::write(&path, content).unwrap();
    let loaded = load(&[&path]);
    assert_eq!(loaded.articles.len(), 1);
    assert_eq!(loaded.errors.len(), 1);
    assert_eq!(loaded.errors[0].message, "line 2: longer than 5 MB, skipped");
}

#[test]
fn malformed_html_is_read_like_a_browser_would() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kapot.html");
    fs::write(
        &path,
        "<html><body><div><p>De Taliban hebben <b>Kunduz <i>ingenomen.</b></i>\
         <p>Regeringstroepen vluchtten</div></span><table><td>naar het vliegveld.<",
    )
    .unwrap();
    let loaded = load(&[&path]);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let text = &loaded.articles[0].text;
    assert!(text.contains("De Taliban hebben Kunduz ingenomen."), "{text}");
    assert!(text.contains("naar het vliegveld."), "{text}");
    assert_eq!(
        only_error(dir.path(), "leeg.html", b"<script>document.write('<p>Kabul')"),
        "no article text (the page has no readable text)"
    );
}

#[test]
fn pathological_html_stays_fast() {
    // Tens of thousands of unclosed elements make tree construction
    // quadratic; such pages are read from the tokens instead.
    for unit in ["<div>", "<p><b id=x>Kunduz ", "<table><tr><td>", "<x-y>"] {
        let page = unit.repeat(50_000) + "De Taliban hebben Kunduz ingenomen.";
        let start = Instant::now();
        let articles = read_bytes("diep.html", None, page.as_bytes()).unwrap();
        assert!(
            articles[0].text.ends_with("De Taliban hebben Kunduz ingenomen."),
            "{unit}"
        );
        assert!(start.elapsed() < Duration::from_secs(10), "{unit}");
    }
}

#[test]
fn malformed_json() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        only_error(dir.path(), "a.json", br#"{"text": "Kunduz", "#),
        "invalid JSON: EOF while parsing a value at line 1 column 19"
    );
    assert_eq!(
        only_error(dir.path(), "b.json", b"\"gewoon een tekst\""),
        "no article (the JSON is neither an object nor a list)"
    );
    let path = dir.path().join("c.jsonl");
    fs::write(
        &path,
        "{\"text\": \"Kunduz is gevallen.\"}\n{\"text\": \"Herat\n[1, 2]\n{\"text\": 5}\n",
    )
    .unwrap();
    let loaded = load(&[&path]);
    assert_eq!(loaded.articles.len(), 1);
    let messages: Vec<&str> = loaded.errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "line 2: invalid JSON: EOF while parsing a string at column 15",
            "line 3: not a JSON object",
            "line 4: no article text (no text/body/content field)",
        ]
    );
    // An array with a bad record: the others load.
    let path = dir.path().join("d.json");
    fs::write(&path, r#"[{"text": "Kunduz is gevallen."}, 3, {"body": "Herat ook."}]"#).unwrap();
    let loaded = load(&[&path]);
    assert_eq!(loaded.articles.len(), 2);
    assert_eq!(loaded.errors[0].message, "record 2: not a JSON object");
}

#[test]
fn a_file_full_of_bad_lines_says_so_briefly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("csv.jsonl");
    fs::write(&path, "title,text\n".repeat(500)).unwrap();
    let loaded = load(&[&path]);
    assert!(loaded.articles.is_empty());
    assert_eq!(loaded.errors.len(), 11);
    assert_eq!(loaded.files_with_errors(), 1);
    assert_eq!(loaded.errors[10].message, "490 more problems not shown");
}

#[test]
fn impossible_dates() {
    let dir = tempfile::tempdir().unwrap();
    // A text file's date marker: the file is refused, as before.
    assert_eq!(
        only_error(dir.path(), "a.txt", b"date 2021-13-45\nKunduz is gevallen."),
        "impossible date 2021-13-45"
    );
    assert_eq!(
        only_error(dir.path(), "b.md", b"date 2021-02-30 Kunduz is gevallen."),
        "impossible date 2021-02-30"
    );
    // Metadata: the article is read without a date, and the user told.
    let cases: [(&str, &str); 4] = [
        ("c.json", r#"{"text": "Kunduz is gevallen.", "date": "2021-13-45"}"#),
        (
            "d.jsonl",
            r#"{"text": "Kunduz is gevallen.", "publishedAt": "2021-13-45T10:00:00Z"}"#,
        ),
        (
            "e.html",
            r#"<meta property="article:published_time" content="2021-13-45"><p>Kunduz is gevallen.</p>"#,
        ),
        ("f.md", "---\ndate: 2021-13-45\n---\nKunduz is gevallen."),
    ];
    for (name, content) in cases {
        let path = dir.path().join(name);
        fs::write(&path, content).unwrap();
        let loaded = load(&[&path]);
        assert_eq!(loaded.articles.len(), 1, "{name}");
        assert_eq!(loaded.articles[0].stated_date, None, "{name}");
        assert_eq!(loaded.errors.len(), 1, "{name}");
        assert!(
            loaded.errors[0]
                .message
                .ends_with("impossible date 2021-13-45 (article read without a date)"),
            "{name}: {}",
            loaded.errors[0].message
        );
    }
    let path = dir.path().join("g.json");
    fs::write(&path, r#"{"text": "Kunduz.", "date": "op een dinsdag"}"#).unwrap();
    assert_eq!(
        load(&[&path]).errors[0].message,
        "unrecognised date \"op een dinsdag\" (article read without a date)"
    );
}

#[test]
fn articles_without_an_afghan_place_are_not_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("utrecht.txt");
    fs::write(&path, "Het regent in Utrecht. De treinen rijden niet.").unwrap();
    let loaded = load(&[&path]);
    assert!(loaded.errors.is_empty());
    assert_eq!(loaded.articles.len(), 1);
    let corpus = Corpus::build(loaded.articles);
    assert!(corpus.reports.is_empty());
}

#[test]
fn missing_paths_links_loops_and_special_files() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("bestaat-niet.txt");
    let loaded = load(&[&missing]);
    assert_eq!(loaded.errors.len(), 1);
    assert_eq!(loaded.errors[0].message, "not found");

    // A folder whose link points back at it, read through both.
    let root = dir.path().join("corpus");
    fs::create_dir_all(root.join("sub")).unwrap();
    fs::write(root.join("sub/kunduz.txt"), "Kunduz is gevallen.").unwrap();
    std::os::unix::fs::symlink("..", root.join("sub/up")).unwrap();
    std::os::unix::fs::symlink("sub", root.join("alias")).unwrap();
    let loaded = load(&[&root]);
    assert_eq!(loaded.articles.len(), 1, "one file, however it is reached");
    assert_eq!(loaded.articles[0].name, "sub/kunduz.txt", "real paths first");
    assert_eq!(loaded.errors.len(), 1, "{:?}", loaded.errors);
    assert_eq!(loaded.errors[0].path, root.join("sub/up"));
    assert!(loaded.errors[0].message.starts_with("symbolic link loop"));
}

#[test]
fn folders_nested_too_deep_are_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut deep = dir.path().to_path_buf();
    for i in 0..40 {
        deep.push(format!("d{i}"));
    }
    fs::create_dir_all(&deep).unwrap();
    fs::write(deep.join("kunduz.txt"), "Kunduz.").unwrap();
    fs::write(dir.path().join("herat.txt"), "Herat.").unwrap();
    let loaded = load(&[dir.path()]);
    assert_eq!(loaded.articles.len(), 1);
    assert_eq!(loaded.errors.len(), 1);
    assert!(loaded.errors[0].message.contains("nested more than 32 levels"));
}

#[test]
fn every_bad_input_gives_exactly_one_one_line_message() {
    let dir = tempfile::tempdir().unwrap();
    let bad: Vec<Bad> = write_bad_files(dir.path());
    fs::write(
        dir.path().join("kunduz.txt"),
        "date 2021-08-08\nDe Taliban hebben zondag Kunduz ingenomen.",
    )
    .unwrap();
    let loaded = load(&[dir.path()]);
    restore_permissions(dir.path());
    for b in &bad {
        let errors = errors_for(&loaded, &b.path);
        assert_eq!(errors.len(), 1, "{}: {errors:?}", b.path.display());
        let shown = errors[0].to_string();
        assert!(!shown.contains('\n'), "{shown}");
        assert!(shown.starts_with(&b.path.display().to_string()), "{shown}");
        assert!(shown.contains(b.expect), "{shown} lacks {}", b.expect);
    }
    assert_eq!(loaded.errors.len(), bad.len(), "{:#?}", loaded.errors);
    assert_eq!(loaded.files_with_errors(), bad.len());
    let names: Vec<&str> = loaded.articles.iter().map(|a| a.name.as_str()).collect();
    assert!(names.contains(&"kunduz.txt"), "{names:?}");
    assert!(names.contains(&"no-place.txt"), "{names:?}");
    let corpus = Corpus::build(loaded.articles);
    let places: Vec<&str> = corpus
        .reports
        .iter()
        .map(|r| corpus.articles[r.article].name.as_str())
        .collect();
    assert_eq!(places, ["kunduz.txt"]);
}

#[test]
fn read_bytes_never_panics_on_odd_bytes() {
    let samples: [&[u8]; 10] = [
        b"",
        b"\xFF\xFE",
        b"\xFE\xFF\xD8\x00",
        b"\xEF\xBB\xBF",
        b"date 2021-08",
        b"date 9999-99-99",
        b"<",
        b"{",
        b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]",
        b"---\ntitle: x\n---\n",
    ];
    for name in ["a.txt", "a.md", "a.html", "a.json", "a.jsonl", "unknown"] {
        for bytes in samples {
            let _ = read_bytes(name, None, bytes);
        }
    }
    assert_eq!(read_bytes("a.txt", None, b"").unwrap_err(), "empty file");
    assert_eq!(
        read_bytes("a.jsonl", None, b"{}\n{\"text\": 1}").unwrap_err(),
        "line 1: no article text (no text/body/content field)",
        "the first reason"
    );
}
