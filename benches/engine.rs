//! Engine benchmarks on the deterministic synthetic corpus (`opmars::synth`):
//!
//! 1. extraction throughput (read + geoparse + reports), one thread and all
//!    threads, in MB/s and articles/s;
//! 2. corpus-wide publication-date inference and timeline build, 10 000
//!    articles;
//! 3. the status of every place at a date, 5 000 places and 100 000
//!    reports (what every slider move costs).
//!
//! `cargo bench --bench engine`; the figures are in the README.

use std::hint::black_box;
use std::time::Duration;

use chrono::{Days, NaiveDate};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;

use opmars::article::Article;
use opmars::corpus::{Corpus, DatedReport, analyse_article};
use opmars::dates::{DatePrecision, EventDate};
use opmars::gazetteer::Gazetteer;
use opmars::input::read_bytes;
use opmars::reports::{CaptureReport, Lexicon, Status};
use opmars::synth::{Generator, Rng};
use opmars::timeline::Timeline;

fn synthetic(n: usize) -> Vec<(String, Vec<u8>)> {
    Generator::new(Gazetteer::bundled(), 2021)
        .corpus(n)
        .into_iter()
        .map(|a| (a.name, a.text.into_bytes()))
        .collect()
}

fn read_and_analyse(name: &str, bytes: &[u8]) -> usize {
    analyse_with(Gazetteer::bundled(), name, bytes)
}

fn analyse_with(gaz: &Gazetteer, name: &str, bytes: &[u8]) -> usize {
    let lex = Lexicon::bundled();
    let articles = read_bytes(name, None, bytes).unwrap_or_default();
    articles
        .iter()
        .map(|a| analyse_article(gaz, lex, a).reports.len())
        .sum()
}

fn extraction(c: &mut Criterion) {
    let files = synthetic(2_000);
    let bytes: u64 = files.iter().map(|(_, b)| b.len() as u64).sum();
    // Warm the lazily built gazetteer and lexicon.
    read_and_analyse(&files[0].0, &files[0].1);
    let mut group = c.benchmark_group("extraction");
    group.sample_size(10).measurement_time(Duration::from_secs(8));
    for (label, throughput) in [
        ("bytes", Throughput::Bytes(bytes)),
        ("articles", Throughput::Elements(files.len() as u64)),
    ] {
        group.throughput(throughput);
        group.bench_function(format!("one_thread/{label}"), |b| {
            b.iter(|| files.iter().map(|(n, f)| read_and_analyse(n, f)).sum::<usize>())
        });
        group.bench_function(format!("all_threads/{label}"), |b| {
            b.iter(|| files.par_iter().map(|(n, f)| read_and_analyse(n, f)).sum::<usize>())
        });
    }
    // What the district layer of the gazetteer (districts, crossings,
    // bases, valleys) costs: the same code and text with the gazetteer as
    // it was before that layer, its cities, towns and provinces.
    let without = without_districts();
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("one_thread_without_districts/bytes", |b| {
        b.iter(|| files.iter().map(|(n, f)| analyse_with(&without, n, f)).sum::<usize>())
    });
    group.finish();
}

/// The bundled gazetteer without its district layer.
fn without_districts() -> Gazetteer {
    let tsv: String = include_str!("../data/gazetteer.tsv")
        .lines()
        .filter(|line| !matches!(line.split('\t').nth(2), Some("district" | "crossing" | "base" | "area")))
        .flat_map(|line| [line, "\n"])
        .collect();
    let gaz = Gazetteer::from_sources(
        &tsv,
        include_str!("../data/common_words.txt"),
        include_str!("../data/person_names.txt"),
    )
    .expect("the bundled gazetteer parses");
    assert!(gaz.places().len() < Gazetteer::bundled().places().len());
    gaz
}

fn inference_and_timeline(c: &mut Criterion) {
    let gaz = Gazetteer::bundled();
    let lex = Lexicon::bundled();
    let articles: Vec<Article> = synthetic(10_000)
        .into_iter()
        .filter_map(|(n, b)| Article::from_plain_text(n, String::from_utf8(b).ok()?).ok())
        .collect();
    let analyses: Vec<_> = articles.par_iter().map(|a| analyse_article(gaz, lex, a)).collect();
    let mut group = c.benchmark_group("corpus");
    group.sample_size(10);
    group.bench_function("infer_dates_and_timeline/10000_articles", |b| {
        b.iter_batched(
            || (articles.clone(), analyses.clone()),
            |(a, an)| black_box(Corpus::from_analyses(gaz, a, an).reports.len()),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

/// 100 000 reports over 5 000 places and 120 days.
fn synthetic_reports(places: u32, reports: usize) -> Vec<DatedReport> {
    let mut rng = Rng::new(7);
    let start = NaiveDate::from_ymd_opt(2021, 5, 1).unwrap_or_default();
    (0..reports)
        .map(|i| {
            let date = start
                .checked_add_days(Days::new(rng.below(120) as u64))
                .unwrap_or(start);
            let status = Status::ALL[rng.below(5)];
            DatedReport {
                article: i / 10,
                report: CaptureReport {
                    place: rng.below(places as usize) as u32,
                    status,
                    sentence_index: 0,
                    sentence: 0..0,
                    mention: 0..0,
                    cue: 0..0,
                    time: None,
                    confidence: 1.0,
                    hedged: false,
                    anaphoric: false,
                    background: false,
                },
                event: Some(EventDate {
                    date,
                    precision: DatePrecision::Day,
                    part: None,
                }),
                duplicate_of: None,
                consensus: None,
            }
        })
        .collect()
}

fn status_at_date(c: &mut Criterion) {
    let gaz = Gazetteer::bundled();
    let reports = synthetic_reports(5_000, 100_000);
    let timeline = Timeline::build(gaz, &reports);
    assert_eq!(timeline.places().len(), 5_000);
    let date = NaiveDate::from_ymd_opt(2021, 7, 1).unwrap_or_default();
    let mut out = Vec::with_capacity(5_000);
    let mut group = c.benchmark_group("timeline");
    group.bench_function("status_of_5000_places_at_a_date/100000_reports", |b| {
        b.iter(|| {
            timeline.statuses_at(black_box(date), &mut out);
            black_box(timeline.capitals_captured_at(date));
            out.len()
        })
    });
    group.bench_function("build/100000_reports", |b| {
        b.iter(|| black_box(Timeline::build(gaz, &reports).places().len()))
    });
    group.finish();
}

fn loading(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(20);
    group.bench_function("gazetteer", |b| {
        b.iter(|| black_box(Gazetteer::load_bundled().map(|g| g.places().len())))
    });
    group.bench_function("lexicon", |b| b.iter(|| black_box(Lexicon::load_bundled().is_ok())));
    group.bench_function("basemap", |b| {
        b.iter(|| black_box(opmars::basemap::Basemap::load_bundled().map(|m| m.provinces.len())))
    });
    group.bench_function("seeds_corpus", |b| {
        b.iter(|| black_box(Corpus::build(opmars::article::bundled_seeds()).reports.len()))
    });
    group.finish();
}

criterion_group!(benches, loading, extraction, inference_and_timeline, status_at_date);
criterion_main!(benches);
