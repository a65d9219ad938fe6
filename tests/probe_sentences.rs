//! Probe sentences of our own, each read as an article of its own published
//! on Monday 9 August 2021, with every report it must give
//! (`tests/fixtures/probe_sentences.tsv`): everyday wordings of news in both
//! languages, spellings of places, and dating habits. A wording the engine
//! stops reading shows up here as a missed, changed or extra report.

use opmars::article::Article;
use opmars::corpus::Corpus;
use opmars::gazetteer::Gazetteer;

const PROBES: &str = include_str!("fixtures/probe_sentences.tsv");

/// One expected report: a place, the statuses and the days it may have
/// (`None`: any day).
struct Expected<'a> {
    place: &'a str,
    statuses: Vec<&'a str>,
    days: Option<Vec<&'a str>>,
}

fn parse_expected(column: &str) -> Vec<Expected<'_>> {
    column
        .split(';')
        .filter(|e| !e.is_empty())
        .map(|e| {
            let (place, rest) = e.split_once('=').expect("place=status@date");
            let (statuses, days) = rest.split_once('@').expect("status@date");
            Expected {
                place,
                statuses: statuses.split('|').collect(),
                days: (days != "*").then(|| days.split('|').collect()),
            }
        })
        .collect()
}

/// Every report of the article, as (place, status, day).
fn reports_of(text: &str) -> Vec<(String, String, String)> {
    let gaz = Gazetteer::bundled();
    let text = format!("date 2021-08-09\n{}\n", text.replace("\\n", "\n"));
    let article = Article::from_plain_text("probe.txt", text).expect("a probe article reads");
    let corpus = Corpus::build(vec![article]);
    let mut out: Vec<(String, String, String)> = corpus
        .reports
        .iter()
        .map(|r| {
            (
                gaz.place(r.place()).name.clone(),
                r.status().as_str().to_owned(),
                r.map_date().map(|d| d.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn every_probe_sentence_reads_as_expected() {
    let mut wrong = Vec::new();
    let mut count = 0;
    for line in PROBES.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        count += 1;
        let mut cols = line.split('\t');
        let (id, text) = (cols.next().unwrap_or(""), cols.next().unwrap_or(""));
        let expected = parse_expected(cols.next().unwrap_or(""));
        let mut got = reports_of(text);
        let mut missed = Vec::new();
        for e in &expected {
            let fits = |(place, status, day): &(String, String, String)| {
                place == e.place
                    && e.statuses.contains(&status.as_str())
                    && e.days.as_ref().is_none_or(|days| days.contains(&day.as_str()))
            };
            if got.iter().any(fits) {
                got.retain(|r| !fits(r));
            } else {
                missed.push(format!("{}={}", e.place, e.statuses.join("|")));
            }
        }
        if !missed.is_empty() || !got.is_empty() {
            wrong.push(format!("{id} {text}: missed {missed:?}, extra {got:?}"));
        }
    }
    assert!(count > 500, "the probe file holds {count} sentences");
    assert!(
        wrong.is_empty(),
        "{} of {count} probes read wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
