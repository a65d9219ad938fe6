//! Issue 5's acceptance test: a folder mixing the seed articles with every
//! kind of bad file yields the same seed reports as the seeds alone, plus
//! one message per bad file.
#![cfg(unix)]

#[path = "fixtures/bad_corpus.rs"]
mod bad_corpus;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use opmars::corpus::Corpus;
use opmars::input::load_paths;
use serde_json::{Value, json};

fn copy_seeds(to: &Path) -> Vec<String> {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut names = Vec::new();
    for entry in fs::read_dir(seeds).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        fs::copy(&path, to.join(&name)).unwrap();
        names.push(name);
    }
    names.sort();
    names
}

/// Every report of the named articles, with everything that identifies
/// it: article, place, status, spans, time, dates, duplicate or not.
fn reports_of(corpus: &Corpus, names: &[String]) -> Vec<Value> {
    corpus
        .reports
        .iter()
        .filter(|r| names.contains(&corpus.articles[r.article].name))
        .map(|r| {
            let a = &corpus.articles[r.article];
            json!({
                "article": a.name,
                "report": r.report,
                "sentence": &a.text[r.report.sentence.clone()],
                "event": r.event,
                "published": corpus.publications[r.article],
                "duplicate": r.duplicate_of.map(|d| corpus.articles[corpus.reports[d].article].name.clone()),
            })
        })
        .collect()
}

#[test]
fn seeds_mixed_with_bad_files_give_the_seed_reports_and_one_message_each() {
    let alone = tempfile::tempdir().unwrap();
    let seed_names = copy_seeds(alone.path());
    let loaded = load_paths(&[alone.path().to_path_buf()]);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let expected = reports_of(&Corpus::build(loaded.articles), &seed_names);
    assert!(expected.len() >= 5, "the seeds have reports: {expected:?}");

    let mixed = tempfile::tempdir().unwrap();
    copy_seeds(mixed.path());
    let bad = bad_corpus::write_bad_files(mixed.path());
    let loaded = load_paths(&[mixed.path().to_path_buf()]);
    bad_corpus::restore_permissions(mixed.path());

    // One message per bad file, naming it; none for anything else.
    let mut per_path: BTreeMap<&PathBuf, usize> = BTreeMap::new();
    for e in &loaded.errors {
        *per_path.entry(&e.path).or_default() += 1;
        assert!(!e.to_string().contains('\n'));
    }
    for b in &bad {
        assert_eq!(
            per_path.get(&b.path),
            Some(&1),
            "{}: {:?}",
            b.path.display(),
            loaded.errors
        );
    }
    assert_eq!(loaded.errors.len(), bad.len(), "{:#?}", loaded.errors);

    let corpus = Corpus::build(loaded.articles);
    let got = reports_of(&corpus, &seed_names);
    assert_eq!(got, expected);
    // The files that loaded despite their faults add no reports.
    assert_eq!(corpus.reports.len(), expected.len());
}
