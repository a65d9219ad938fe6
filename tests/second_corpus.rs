//! A second corpus of thirty own articles (`tests/second_corpus/`,
//! described in `tests/second_corpus.md`), read and dated jointly: ten
//! state no date.
//! The figures reached are floors; the misses left are listed on failure.

use std::path::PathBuf;

use opmars::corpus::Corpus;
use opmars::gazetteer::Gazetteer;
use opmars::input::load_paths;
use opmars::score::{GoldTable, Ratio, score};

fn folder() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/second_corpus"))
}

/// `r` is at least `hits` of `total` (the figure once reached), as a share.
fn at_least(name: &str, r: Ratio, hits: usize, total: usize, report: &str) {
    assert!(r.total > 0, "{name}: nothing measured\n{report}");
    assert!(
        r.hits * total >= hits * r.total,
        "{name}: {}/{}, below {hits}/{total}\n{report}",
        r.hits,
        r.total
    );
}

#[test]
fn the_own_second_corpus_reads_and_dates_at_its_floors() {
    let gold = GoldTable::parse(&std::fs::read_to_string(folder().join("gold.tsv")).unwrap()).unwrap();
    let loaded = load_paths(&[folder()]);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    assert_eq!(loaded.articles.len(), 30);
    let corpus = Corpus::build(loaded.articles);
    let s = score(Gazetteer::bundled(), &corpus, &gold);
    assert!(s.unresolved_places.is_empty(), "{:?}", s.unresolved_places);
    let report: String = s
        .findings
        .iter()
        .map(|f| format!("{:?} {} {}\n", f.kind, f.file, f.text))
        .collect();
    at_least("capture recall", s.capture_recall, 57, 59, &report);
    at_least("capture precision", s.capture_precision, 57, 62, &report);
    at_least("event dates of captures", s.capture_dates, 54, 57, &report);
    at_least("other statuses recall", s.other_recall_total(), 37, 44, &report);
    at_least("other statuses precision", s.other_precision_total(), 37, 44, &report);
    at_least("publication dates", s.published, 23, 30, &report);
    at_least("publication dates not stated", s.published_unstated, 3, 10, &report);
}
