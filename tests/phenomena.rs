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

/// Adds `b` into `a`.
fn add(a: &mut Ratio, b: Ratio) {
    a.hits += b.hits;
    a.total += b.total;
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
    assert_eq!(loaded.articles.len(), files.len());
    // Each article is read on its own: the fixtures are separate stories,
    // which must not date each other's events.
    let (mut recall, mut precision, mut claims, mut dates) = Default::default();
    let (mut other_recall, mut other_precision, mut published) = Default::default();
    let mut report = String::new();
    for article in loaded.articles {
        let name = article.name.clone();
        let corpus = Corpus::build(vec![article]);
        let s = score(Gazetteer::bundled(), &corpus, &gold);
        assert!(s.unresolved_places.is_empty(), "{name}: {:?}", s.unresolved_places);
        assert_eq!(s.articles, 1, "{name}");
        add(&mut recall, s.capture_recall);
        add(&mut precision, s.capture_precision);
        add(&mut claims, s.claim_agreement);
        add(&mut dates, s.all_dates);
        add(&mut other_recall, s.other_recall_total());
        add(&mut other_precision, s.other_precision_total());
        add(&mut published, s.published);
        for f in s.findings {
            report.push_str(&format!("{:?} {} {}\n", f.kind, f.file, f.text));
        }
    }
    perfect("capture recall", recall, &report);
    perfect("capture precision", precision, &report);
    perfect("captured vs claimed", claims, &report);
    perfect("event dates", dates, &report);
    perfect("other statuses recall", other_recall, &report);
    perfect("other statuses precision", other_precision, &report);
    perfect("publication dates", published, &report);
}
