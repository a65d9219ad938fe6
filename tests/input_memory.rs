//! Memory stays bounded: 100 MB inputs are refused or streamed, never
//! read whole. Its own test binary, so that the peak memory measured is
//! this test's alone.
#![cfg(target_os = "linux")]

use std::fs;
use std::io::{Seek, SeekFrom, Write};

use opmars::input::load_paths;

/// The process's peak resident memory, in bytes (Linux).
fn peak_rss() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[test]
fn hundred_megabyte_inputs_do_not_fill_memory() {
    const HUGE: u64 = 100 * 1024 * 1024;
    let dir = tempfile::tempdir().unwrap();
    // Sparse files: 100 MiB on paper, nothing written.
    fs::File::create(dir.path().join("huge.txt"))
        .unwrap()
        .set_len(HUGE)
        .unwrap();
    fs::File::create(dir.path().join("huge.html"))
        .unwrap()
        .set_len(HUGE)
        .unwrap();
    let mut f = fs::File::create(dir.path().join("huge.jsonl")).unwrap();
    for _ in 0..2000 {
        writeln!(f, r#"{{"text": "Een bericht zonder plaatsnamen."}}"#).unwrap();
    }
    f.seek(SeekFrom::Start(HUGE)).unwrap();
    writeln!(f).unwrap();
    writeln!(f, r#"{{"text": "Het laatste bericht."}}"#).unwrap();
    drop(f);

    let Some(before) = peak_rss() else {
        eprintln!("no /proc/self/status here: memory not measured");
        return;
    };
    let loaded = load_paths(&[dir.path().to_path_buf()]);
    let after = peak_rss().unwrap_or(0);
    assert_eq!(loaded.articles.len(), 2001);
    assert_eq!(loaded.errors.len(), 3, "{:?}", loaded.errors);
    let grown = after.saturating_sub(before);
    assert!(
        grown < 40 * 1024 * 1024,
        "peak memory grew by {} MB reading 300 MB of files",
        grown / 1_000_000
    );
}
