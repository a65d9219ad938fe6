//! Four corpora of our own articles, read and dated as one corpus each:
//! `tests/dating_corpus/` (40 articles, 15 with no date; see
//! `tests/dating_corpus.md`), `tests/second_corpus/` (30 articles, 10
//! with no date; see `tests/second_corpus.md`), `tests/third_corpus/` and
//! `tests/fourth_corpus/` (30 articles each, 10 with no date line nor
//! date in the text; see `tests/third_corpus.md`,
//! `tests/fourth_corpus.md`). The figures each reached are floors; the
//! misses left are listed on failure.

use std::path::PathBuf;

use opmars::corpus::Corpus;
use opmars::gazetteer::Gazetteer;
use opmars::input::load_paths;
use opmars::score::{GoldTable, Ratio, Score, score};

/// Scores the corpus in `tests/<name>/` against its `gold.tsv`, with the
/// list of its findings for failure messages.
fn scored(name: &str, articles: usize) -> (Score, String) {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join(name);
    let gold = GoldTable::parse(&std::fs::read_to_string(folder.join("gold.tsv")).unwrap()).unwrap();
    let loaded = load_paths(&[folder]);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    assert_eq!(loaded.articles.len(), articles);
    let s = score(Gazetteer::bundled(), &Corpus::build(loaded.articles), &gold);
    assert!(s.unresolved_places.is_empty(), "{:?}", s.unresolved_places);
    let report = s
        .findings
        .iter()
        .map(|f| format!("{:?} {} {}\n", f.kind, f.file, f.text))
        .collect();
    (s, report)
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
fn the_dating_corpus_reads_and_dates_at_its_floors() {
    let (s, report) = scored("dating_corpus", 40);
    at_least("capture recall", s.capture_recall, 81, 84, &report);
    at_least("capture precision", s.capture_precision, 80, 80, &report);
    at_least("event dates of captures", s.capture_dates, 80, 80, &report);
    at_least("other statuses recall", s.other_recall_total(), 29, 29, &report);
    at_least("other statuses precision", s.other_precision_total(), 28, 29, &report);
    at_least("publication dates", s.published, 34, 40, &report);
    at_least("publication dates not stated", s.published_unstated, 9, 15, &report);
}

#[test]
fn the_second_corpus_reads_and_dates_at_its_floors() {
    let (s, report) = scored("second_corpus", 30);
    at_least("capture recall", s.capture_recall, 57, 59, &report);
    at_least("capture precision", s.capture_precision, 57, 61, &report);
    at_least("event dates of captures", s.capture_dates, 56, 57, &report);
    at_least("other statuses recall", s.other_recall_total(), 37, 44, &report);
    at_least("other statuses precision", s.other_precision_total(), 37, 43, &report);
    at_least("publication dates", s.published, 25, 30, &report);
    at_least("publication dates not stated", s.published_unstated, 5, 10, &report);
}

#[test]
fn the_third_corpus_reads_and_dates_at_its_floors() {
    let (s, report) = scored("third_corpus", 30);
    at_least("capture recall", s.capture_recall, 62, 69, &report);
    at_least("capture precision", s.capture_precision, 62, 68, &report);
    at_least("event dates of captures", s.capture_dates, 40, 62, &report);
    at_least("other statuses recall", s.other_recall_total(), 35, 51, &report);
    at_least("other statuses precision", s.other_precision_total(), 35, 41, &report);
    at_least("publication dates", s.published, 21, 30, &report);
    at_least("publication dates not stated", s.published_unstated, 9, 18, &report);
}

#[test]
fn the_fourth_corpus_reads_and_dates_at_its_floors() {
    let (s, report) = scored("fourth_corpus", 30);
    at_least("capture recall", s.capture_recall, 65, 79, &report);
    at_least("capture precision", s.capture_precision, 64, 68, &report);
    at_least("event dates of captures", s.capture_dates, 53, 65, &report);
    at_least("other statuses recall", s.other_recall_total(), 44, 59, &report);
    at_least("other statuses precision", s.other_precision_total(), 44, 59, &report);
    at_least("publication dates", s.published, 25, 30, &report);
    at_least("publication dates not stated", s.published_unstated, 13, 18, &report);
}
