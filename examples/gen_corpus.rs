//! Writes a deterministic synthetic corpus for benchmarks and scale tests.
//!
//! `cargo run --release --example gen_corpus -- N OUT [SEED]` writes N
//! articles into the folder OUT (created if needed).

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use opmars::gazetteer::Gazetteer;
use opmars::synth::Generator;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(out)) = (args.first(), args.get(1)) else {
        bail!("usage: gen_corpus N OUT [SEED]");
    };
    let n: usize = n.parse().context("N must be a number")?;
    let seed: u64 = args
        .get(2)
        .map(|s| s.parse())
        .transpose()
        .context("SEED must be a number")?
        .unwrap_or(2021);
    let out = PathBuf::from(out);
    std::fs::create_dir_all(&out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut generator = Generator::new(Gazetteer::bundled(), seed);
    let mut bytes = 0usize;
    for i in 0..n {
        let a = generator.article(i);
        bytes += a.text.len();
        std::fs::write(out.join(&a.name), a.text).with_context(|| format!("cannot write into {}", out.display()))?;
    }
    eprintln!("wrote {n} articles, {:.1} MB, to {}", bytes as f64 / 1e6, out.display());
    Ok(())
}
