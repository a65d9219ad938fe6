//! `opmars extract` and `opmars mentions` on bad input: exit status 0 when
//! at least one article was read, 2 when none could be, messages on
//! stderr (one line per bad file), never a panic (101).
#![cfg(unix)]

#[path = "fixtures/bad_corpus.rs"]
mod bad_corpus;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn opmars(args: &[&str], paths: &[&Path]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_opmars"))
        .args(args)
        .args(paths)
        .output()
        .expect("the binary runs");
    assert_ne!(out.status.code(), Some(101), "panicked: {}", stderr(&out));
    assert!(out.status.code().is_some(), "killed by a signal");
    out
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every bad file is named on exactly one line of stderr.
fn one_line_each(err: &str, bad: &[bad_corpus::Bad]) {
    for b in bad {
        let shown = b.path.display().to_string();
        let lines: Vec<&str> = err.lines().filter(|l| l.contains(&format!("{shown}: "))).collect();
        assert_eq!(lines.len(), 1, "{shown} in:\n{err}");
        assert!(lines[0].contains(b.expect), "{}", lines[0]);
    }
}

#[test]
fn a_folder_of_only_bad_files_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let mut bad = bad_corpus::write_bad_files(dir.path());
    // Bad files that still yield an article (a cut text, an undated
    // record, one good JSON line) are not "bad" enough here.
    for name in ["longline.txt", "longline.jsonl", "impossible-date.json", "no-place.txt"] {
        fs::remove_file(dir.path().join(name)).unwrap();
    }
    bad.retain(|b| b.path.exists() || b.path.is_symlink());
    for sub in [["extract"].as_slice(), &["extract", "--format", "csv"], &["mentions"]] {
        let out = opmars(sub, &[dir.path()]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(out.stdout.is_empty());
        let err = stderr(&out);
        one_line_each(&err, &bad);
        assert_eq!(err.lines().count(), bad.len() + 1, "{err}");
        assert!(err.lines().last().unwrap().contains("no article"), "{err}");
    }
    bad_corpus::restore_permissions(dir.path());
}

#[test]
fn seeds_with_bad_files_exit_0_with_a_line_per_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for entry in fs::read_dir(&seeds).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let bad = bad_corpus::write_bad_files(dir.path());
    let out = opmars(&["extract"], &[dir.path()]);
    bad_corpus::restore_permissions(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    one_line_each(&err, &bad);
    assert_eq!(err.lines().count(), bad.len(), "{err}");
    let reports: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(reports.as_array().is_some_and(|r| !r.is_empty()));
}

#[test]
fn missing_and_unreadable_paths_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("bestaat-niet");
    let out = opmars(&["extract"], &[&missing]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(&format!("{}: not found", missing.display())));
    // An empty folder: nothing to read.
    let out = opmars(&["extract"], &[dir.path()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn every_format_through_the_command_line() {
    let formats = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/input/formats");
    let out = opmars(&["extract", "--format", "csv"], &[&formats]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
    let csv = String::from_utf8(out.stdout).unwrap();
    for article in ["ghazni.html", "herat.md", "export.jsonl#3", "newsapi.json#1"] {
        assert!(csv.lines().any(|l| l.starts_with(article)), "{article}:\n{csv}");
    }
}

#[test]
fn garbage_files_never_crash_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let junk: Vec<(&str, Vec<u8>)> = vec![
        ("a.html", b"<".repeat(10_000)),
        ("b.json", b"[".repeat(100_000)),
        ("c.jsonl", b"{\"text\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n".repeat(50)),
        ("d.md", b"---\n---\n---\n".to_vec()),
        (
            "e.txt",
            "date 2021-08\n\u{FEFF}\u{202E}Kunduz\u{0301}".as_bytes().to_vec(),
        ),
        ("f.html", "<div>".repeat(30_000).into_bytes()),
        ("g.txt", vec![0xC3; 5000]),
    ];
    for (name, bytes) in &junk {
        fs::write(dir.path().join(name), bytes).unwrap();
        let out = opmars(&["extract"], &[&dir.path().join(name)]);
        assert!(matches!(out.status.code(), Some(0 | 2)), "{name}");
    }
}
