//! A small driver for profiling and checking the extraction pipeline.
//!
//! * `engine_profile run N [REPEAT]` analyses the first N articles of the
//!   synthetic corpus (seed 2021) REPEAT times and prints bytes, reports
//!   and MB/s. Under callgrind:
//!   `valgrind --tool=callgrind --toggle-collect='opmars::corpus::analyse_article' target/release/examples/engine_profile run 300`
//! * `engine_profile stages N` times each step of the pipeline alone on the
//!   first N articles (reading, sentences, shared text views, places, time
//!   expressions, reports), as nanoseconds per input byte.
//! * `engine_profile infer N` analyses the first N synthetic articles,
//!   then times dating them and building the timeline (what the
//!   `corpus/infer_dates_and_timeline` bench measures). Under callgrind:
//!   `--toggle-collect='opmars::corpus::Corpus::from_analyses'`.
//! * `engine_profile dump PATH…` prints every article's full analysis
//!   (sentences, mentions, time expressions, reports) as JSON Lines, for
//!   byte-exact before/after comparison of engine changes.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Result, bail};
use opmars::corpus::{Corpus, analyse_article};
use opmars::dates::find_time_refs_in;
use opmars::gazetteer::Gazetteer;
use opmars::geoparse::find_mentions_in;
use opmars::input::{load_paths, read_bytes};
use opmars::reports::Lexicon;
use opmars::reports::{ReportInput, extract_reports_in};
use opmars::sentences::split_sentences;
use opmars::synth::Generator;
use opmars::text::ArticleText;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let gaz = Gazetteer::bundled();
    let lex = Lexicon::bundled();
    match args.first().map(String::as_str) {
        Some("run") => {
            let n: usize = args.get(1).map_or(Ok(300), |s| s.parse())?;
            let repeat: usize = args.get(2).map_or(Ok(1), |s| s.parse())?;
            let files = synthetic_files(gaz, n);
            let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
            let start = Instant::now();
            let mut reports = 0;
            for _ in 0..repeat {
                for (name, b) in &files {
                    for a in read_bytes(name, None, b).unwrap_or_default() {
                        reports += analyse_article(gaz, lex, &a).reports.len();
                    }
                }
            }
            let secs = start.elapsed().as_secs_f64();
            println!(
                "{n} articles, {bytes} bytes, {reports} reports, {:.1} MB/s",
                (bytes * repeat) as f64 / secs / 1e6
            );
        }
        Some("stages") => {
            let n: usize = args.get(1).map_or(Ok(300), |s| s.parse())?;
            stages(gaz, lex, n);
        }
        Some("infer") => {
            let n: usize = args.get(1).map_or(Ok(2000), |s| s.parse())?;
            let articles: Vec<_> = synthetic_files(gaz, n)
                .iter()
                .flat_map(|(name, b)| read_bytes(name, None, b).unwrap_or_default())
                .collect();
            let analyses: Vec<_> = articles.iter().map(|a| analyse_article(gaz, lex, a)).collect();
            let start = Instant::now();
            let corpus = Corpus::from_analyses(gaz, articles, analyses);
            println!(
                "{n} articles, {} reports dated in {:.3} s",
                corpus.reports.len(),
                start.elapsed().as_secs_f64()
            );
        }
        Some("dump") => {
            let paths: Vec<PathBuf> = args[1..].iter().map(PathBuf::from).collect();
            for a in load_paths(&paths).articles {
                let analysis = analyse_article(gaz, lex, &a);
                println!("{}\t{}", a.name, serde_json::to_string(&analysis)?);
            }
        }
        _ => bail!("usage: engine_profile run N [REPEAT] | stages N | infer N | dump PATH…"),
    }
    Ok(())
}

/// The first `n` articles of the synthetic corpus (seed 2021) as files.
fn synthetic_files(gaz: &Gazetteer, n: usize) -> Vec<(String, Vec<u8>)> {
    Generator::new(gaz, 2021)
        .corpus(n)
        .into_iter()
        .map(|a| (a.name, a.text.into_bytes()))
        .collect()
}

/// Times each pipeline step separately, each over every article.
fn stages(gaz: &Gazetteer, lex: &Lexicon, n: usize) {
    let files = synthetic_files(gaz, n);
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let per_byte = |label: &str, f: &mut dyn FnMut() -> usize| {
        let start = Instant::now();
        let mut sink = 0;
        for _ in 0..3 {
            sink += f();
        }
        let ns = start.elapsed().as_secs_f64() * 1e9 / (3 * bytes) as f64;
        println!("{label:<12} {ns:6.2} ns/B  ({sink})");
        ns
    };
    let articles: Vec<_> = files
        .iter()
        .flat_map(|(name, b)| read_bytes(name, None, b).unwrap_or_default())
        .collect();
    let sentences: Vec<_> = articles
        .iter()
        .map(|a| split_sentences(&a.text, a.body_start))
        .collect();
    let mut total = 0.0;
    total += per_byte("read", &mut || {
        files
            .iter()
            .map(|(name, b)| read_bytes(name, None, b).map_or(0, |v| v.len()))
            .sum()
    });
    total += per_byte("sentences", &mut || {
        articles
            .iter()
            .map(|a| split_sentences(&a.text, a.body_start).len())
            .sum()
    });
    total += per_byte("text views", &mut || {
        articles.iter().map(|a| ArticleText::new(&a.text).words.len()).sum()
    });
    let shared: Vec<_> = articles.iter().map(|a| ArticleText::new(&a.text)).collect();
    total += per_byte("places", &mut || {
        articles
            .iter()
            .zip(&shared)
            .zip(&sentences)
            .map(|((a, t), s)| find_mentions_in(gaz, t, a.body_start, s).len())
            .sum()
    });
    total += per_byte("time words", &mut || {
        shared
            .iter()
            .zip(&sentences)
            .map(|(t, s)| find_time_refs_in(t, s).len())
            .sum()
    });
    let mentions: Vec<_> = articles
        .iter()
        .zip(&shared)
        .zip(&sentences)
        .map(|((a, t), s)| find_mentions_in(gaz, t, a.body_start, s))
        .collect();
    let time_refs: Vec<_> = shared
        .iter()
        .zip(&sentences)
        .map(|(t, s)| find_time_refs_in(t, s))
        .collect();
    total += per_byte("reports", &mut || {
        let mut sum = 0;
        for (k, a) in articles.iter().enumerate() {
            let input = ReportInput {
                text: &a.text,
                body_start: a.body_start,
                sentences: &sentences[k],
                mentions: &mentions[k],
                time_refs: &time_refs[k],
            };
            sum += extract_reports_in(gaz, lex, &input, &shared[k]).len();
        }
        sum
    });
    println!("{:<12} {total:6.2} ns/B = {:.1} MB/s", "sum", 1e3 / total);
}
