//! A small driver for profiling and checking the extraction pipeline.
//!
//! * `engine_profile run N [REPEAT]` analyses the first N articles of the
//!   synthetic corpus (seed 2021) REPEAT times and prints bytes, reports
//!   and MB/s. Under callgrind:
//!   `valgrind --tool=callgrind --toggle-collect='opmars::corpus::analyse_article' target/release/examples/engine_profile run 300`
//! * `engine_profile dump PATH…` prints every article's full analysis
//!   (sentences, mentions, time expressions, reports) as JSON Lines, for
//!   byte-exact before/after comparison of engine changes.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Result, bail};
use opmars::corpus::analyse_article;
use opmars::gazetteer::Gazetteer;
use opmars::input::{load_paths, read_bytes};
use opmars::reports::Lexicon;
use opmars::synth::Generator;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let gaz = Gazetteer::bundled();
    let lex = Lexicon::bundled();
    match args.first().map(String::as_str) {
        Some("run") => {
            let n: usize = args.get(1).map_or(Ok(300), |s| s.parse())?;
            let repeat: usize = args.get(2).map_or(Ok(1), |s| s.parse())?;
            let files: Vec<(String, Vec<u8>)> = Generator::new(gaz, 2021)
                .corpus(n)
                .into_iter()
                .map(|a| (a.name, a.text.into_bytes()))
                .collect();
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
        Some("dump") => {
            let paths: Vec<PathBuf> = args[1..].iter().map(PathBuf::from).collect();
            for a in load_paths(&paths).articles {
                let analysis = analyse_article(gaz, lex, &a);
                println!("{}\t{}", a.name, serde_json::to_string(&analysis)?);
            }
        }
        _ => bail!("usage: engine_profile run N [REPEAT] | dump PATH…"),
    }
    Ok(())
}
