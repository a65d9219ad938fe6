//! One full viewer frame without rendering, at 10 000 articles: map with
//! markers, clusters and labels, the timeline histogram, the article list
//! and the excerpt panel with a selection. Driven through egui_kittest's
//! harness (`step` runs `App::logic` and `App::ui` and tessellates nothing).
//!
//! `cargo bench --bench frame`.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;

use opmars::article::Article;
use opmars::gazetteer::Gazetteer;
use opmars::synth::Generator;
use opmars::ui::{OpmarsApp, ViewerOptions};

/// From nothing to the first frame on the seeds: data loading, analysis,
/// view model and one full frame (everything but the window itself).
fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("viewer");
    group.sample_size(20);
    group.bench_function("startup_to_first_frame/seeds", |b| {
        b.iter(|| {
            let mut h = Harness::builder()
                .with_size(egui::vec2(1440.0, 900.0))
                .build_eframe(|cc| {
                    OpmarsApp::new(
                        cc,
                        ViewerOptions {
                            articles: opmars::article::bundled_seeds(),
                            ..Default::default()
                        },
                    )
                });
            h.step();
            h.state().date()
        })
    });
    group.finish();
}

fn frame(c: &mut Criterion) {
    let articles: Vec<Article> = Generator::new(Gazetteer::bundled(), 2021)
        .corpus(10_000)
        .into_iter()
        .filter_map(|a| Article::from_plain_text(a.name, a.text).ok())
        .collect();
    // The synthetic corpus uses scholarly spellings (Pul-e Əlem) the
    // bundled font lacks; the app draws a box, the harness would panic.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .allow_missing_glyphs()
        .build_eframe(|cc| {
            OpmarsApp::new(
                cc,
                ViewerOptions {
                    articles,
                    ..Default::default()
                },
            )
        });
    harness.run_steps(3);
    // Select the place with the most reports.
    let busiest = {
        let corpus = harness.state().corpus();
        let mut counts = std::collections::HashMap::new();
        for (_, r) in corpus.distinct_reports() {
            *counts.entry(r.place()).or_insert(0usize) += 1;
        }
        counts.into_iter().max_by_key(|(_, n)| *n).map(|(p, _)| p)
    };
    harness.state_mut().select(busiest);
    harness.run_steps(2);
    let mut group = c.benchmark_group("viewer");
    group.sample_size(30).measurement_time(Duration::from_secs(6));
    group.bench_function("frame/10000_articles_with_selection", |b| b.iter(|| harness.step()));
    // A slider move: the date view is rebuilt in that frame.
    let (first, last) = harness.state().date_range();
    let mut toggle = false;
    group.bench_function("frame_with_date_change/10000_articles", |b| {
        b.iter(|| {
            toggle = !toggle;
            harness.state_mut().set_date(if toggle { first } else { last });
            harness.step()
        })
    });
    group.finish();
}

criterion_group!(benches, startup, frame);
criterion_main!(benches);
