//! Any bytes, read as any kind of article file, then through the whole
//! engine and every export: nothing may panic, hang or run out of memory.
//!
//! The first byte picks the file name (and so the format); the rest is the
//! file.

#![no_main]

use std::io;

use libfuzzer_sys::fuzz_target;
use opmars::corpus::Corpus;
use opmars::export;
use opmars::gazetteer::Gazetteer;
use opmars::input::read_bytes;

const NAMES: [&str; 7] = ["a.txt", "a.html", "a.json", "a.jsonl", "a.md", "a", "dir/b.htm"];

fuzz_target!(|data: &[u8]| {
    let Some((&first, file)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(first) % NAMES.len()];
    let Ok(articles) = read_bytes(name, None, file) else {
        return;
    };
    for a in &articles {
        assert!(a.body_start <= a.text.len() && a.text.is_char_boundary(a.body_start));
        assert!(!a.text.trim().is_empty(), "an article without text");
        assert!(a.title.as_ref().is_none_or(|t| !t.contains('\n')));
    }
    let corpus = Corpus::build(articles);
    let gaz = Gazetteer::bundled();
    let reports = export::report_rows(gaz, &corpus);
    export::write_reports_json(&reports, io::sink()).unwrap();
    export::write_reports_geojson(&reports, io::sink()).unwrap();
    export::write_reports_csv(&reports, io::sink()).unwrap();
    let mentions = export::mention_rows(gaz, &corpus);
    export::write_mentions_json(&mentions, io::sink()).unwrap();
    export::write_mentions_csv(&mentions, io::sink()).unwrap();
});
