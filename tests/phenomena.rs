//! The nine phenomena of real news the engine must read (enumerations,
//! capital or province, reversals and denials, modality, reference places,
//! continuation, partial control, page furniture, background), each in a
//! short Dutch and English article of our own in `tests/phenomena/`, with
//! the expected reports in `tests/phenomena/gold.tsv` (the gold format of
//! `opmars score`). Every report must be found with its status and date,
//! and nothing else reported.

use std::path::PathBuf;

use opmars::corpus::Corpus;
use opmars::gazetteer::Gazetteer;
use opmars::input::load_paths;
use opmars::score::{GoldTable, Ratio, score};

fn folder() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/phenomena"))
}

fn perfect(name: &str, r: Ratio, report: &str) {
    assert!(r.total > 0, "{name}: nothing to measure\n{report}");
    assert_eq!(r.hits, r.total, "{name}\n{report}");
}

#[test]
fn every_phenomenon_is_read_in_both_languages() {
    let gold = GoldTable::parse(&std::fs::read_to_string(folder().join("gold.tsv")).unwrap()).unwrap();
    let loaded = load_paths(&[folder()]);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    // Both languages, all nine phenomena.
    let files = gold.files();
    for n in 1..=9 {
        for lang in ["en", "nl"] {
            let prefix = format!("{lang}_{n}");
            assert!(files.iter().any(|f| f.starts_with(&prefix)), "no fixture {prefix}_*");
        }
    }
    let corpus = Corpus::build(loaded.articles);
    let s = score(Gazetteer::bundled(), &corpus, &gold);
    let report = s.render(true);
    assert!(s.missing_files.is_empty() && s.unannotated == 0, "{report}");
    assert!(s.unresolved_places.is_empty(), "{report}");
    perfect("capture recall", s.capture_recall, &report);
    perfect("capture precision", s.capture_precision, &report);
    perfect("captured vs claimed", s.claim_agreement, &report);
    perfect("event dates", s.all_dates, &report);
    perfect("other statuses recall", s.other_recall_total(), &report);
    perfect("other statuses precision", s.other_precision_total(), &report);
    perfect("publication dates", s.published, &report);
}
