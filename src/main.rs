//! The `opmars` binary: the viewer by default, `mentions` and `extract` for
//! the command line.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use opmars::article::{Article, bundled_seeds};
use opmars::corpus::Corpus;
use opmars::export;
use opmars::gazetteer::Gazetteer;
use opmars::input::load_paths;
use opmars::review::{ReportFilter, ReviewFile, ReviewIndex};
use opmars::score::GoldTable;

/// Replay a military advance from news reports on a map.
///
/// With no command, opens the viewer on PATH… (files or folders of
/// articles), or on the bundled seed articles.
#[derive(Debug, Parser)]
#[command(name = "opmars", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Articles to open: files or folders (default: the bundled seeds).
    paths: Vec<PathBuf>,
    /// Save one frame of the viewer to this PNG file and exit.
    #[arg(long, value_name = "FILE.png")]
    screenshot: Option<PathBuf>,
    /// Open the timeline at this date (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<NaiveDate>,
    /// Select this place (any spelling).
    #[arg(long, value_name = "PLACE")]
    select: Option<String>,
    /// Use a local PMTiles archive as the map background.
    #[arg(long, value_name = "FILE.pmtiles")]
    tiles: Option<PathBuf>,
    /// The review file to apply and save to (default: opmars-review.json
    /// beside the articles; for the seeds, in the data folder).
    #[arg(long, value_name = "FILE.json")]
    review: Option<PathBuf>,
    /// Write the replay as an animation and exit: OUT.gif, OUT.mp4 (needs
    /// ffmpeg), or a folder for numbered PNG frames. Needs no display.
    #[arg(long, value_name = "OUT", conflicts_with = "screenshot")]
    export_replay: Option<PathBuf>,
    /// First day of the replay (default: the first day with a report).
    #[arg(long, value_name = "YYYY-MM-DD", requires = "export_replay")]
    from: Option<NaiveDate>,
    /// Last day of the replay (default: the last day with a report).
    #[arg(long, value_name = "YYYY-MM-DD", requires = "export_replay")]
    to: Option<NaiveDate>,
    /// Frames (days) per second of the replay.
    #[arg(long, value_name = "N", default_value_t = 2, requires = "export_replay")]
    fps: u32,
    /// Size of the replay's frames in pixels (default 1280x720), or of the
    /// window (default 1440x900).
    #[arg(long, value_name = "WxH")]
    size: Option<String>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List every place mention in the articles.
    Mentions {
        /// Files or folders of articles (default: the bundled seeds).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = MentionFormat::Csv)]
        format: MentionFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Extract dated capture reports.
    Extract {
        /// Files or folders of articles (default: the bundled seeds).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
        format: ExtractFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Apply this review file: corrected values, and every report
        /// marked accepted, rejected or corrected.
        #[arg(long, value_name = "FILE.json")]
        review: Option<PathBuf>,
    },
    /// List the articles with their publication dates and how each is known.
    Articles {
        /// Files or folders of articles (default: the bundled seeds).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = MentionFormat::Csv)]
        format: MentionFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Score the engine against a gold table of annotated articles.
    ///
    /// Prints capture recall and precision, event-date accuracy, the
    /// other statuses and publication dates (the gold format is in the
    /// README).
    Score {
        /// The gold table (tab-separated).
        #[arg(long, value_name = "GOLD.tsv")]
        gold: PathBuf,
        /// Files or folders of the annotated articles.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// List every miss, false report, wrong date and publication date.
        #[arg(long, short)]
        verbose: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum MentionFormat {
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Json,
    Geojson,
    Csv,
}

fn main() -> ExitCode {
    #[cfg(feature = "viewer")]
    let _ = opmars::ui::PROCESS_START.set(std::time::Instant::now());
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Mentions { paths, format, output }) => run_mentions(&paths, format, output),
        Some(Command::Extract {
            paths,
            format,
            output,
            review,
        }) => run_extract(&paths, format, output, review),
        Some(Command::Articles { paths, format, output }) => run_articles(&paths, format, output),
        Some(Command::Score { gold, paths, verbose }) => run_score(&gold, &paths, verbose),
        None => match cli.export_replay.clone() {
            Some(out) => run_export_replay(&cli, &out),
            None => run_viewer(cli),
        },
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("opmars: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// Reads the articles, reporting unreadable files on stderr. `None` when
/// nothing at all could be read.
fn read_articles(paths: &[PathBuf]) -> Option<Vec<Article>> {
    if paths.is_empty() {
        return Some(bundled_seeds());
    }
    let loaded = load_paths(paths);
    for e in &loaded.errors {
        eprintln!("opmars: {e}");
    }
    if loaded.articles.is_empty() {
        eprintln!("opmars: no article could be read");
        return None;
    }
    Some(loaded.articles)
}

fn output_writer(output: Option<PathBuf>) -> Result<Box<dyn Write>> {
    Ok(match output {
        Some(path) => Box::new(BufWriter::new(
            File::create(&path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    })
}

fn run_mentions(paths: &[PathBuf], format: MentionFormat, output: Option<PathBuf>) -> Result<ExitCode> {
    let Some(articles) = read_articles(paths) else {
        return Ok(ExitCode::from(2));
    };
    let gaz = Gazetteer::bundled();
    let corpus = Corpus::build(articles);
    let rows = export::mention_rows(gaz, &corpus);
    let mut w = output_writer(output)?;
    match format {
        MentionFormat::Csv => export::write_mentions_csv(&rows, &mut w),
        MentionFormat::Json => export::write_mentions_json(&rows, &mut w),
    }
    .and_then(|_| w.flush())
    .context("cannot write the output")?;
    Ok(ExitCode::SUCCESS)
}

fn run_extract(
    paths: &[PathBuf],
    format: ExtractFormat,
    output: Option<PathBuf>,
    review: Option<PathBuf>,
) -> Result<ExitCode> {
    // A review file that cannot be read is an error before any work.
    let review = match &review {
        Some(path) => {
            if !path.is_file() {
                anyhow::bail!("cannot read the review file {}: no such file", path.display());
            }
            Some(ReviewFile::load(path)?)
        }
        None => None,
    };
    let Some(articles) = read_articles(paths) else {
        return Ok(ExitCode::from(2));
    };
    let gaz = Gazetteer::bundled();
    let corpus = Corpus::build(articles);
    let applied = review.as_ref().map(|file| {
        let index = ReviewIndex::new(gaz, &corpus);
        let reviewed = opmars::review::apply(gaz, &corpus, &index, file, &ReportFilter::default());
        for &k in &reviewed.orphans {
            let r = &file.reviews[k];
            eprintln!(
                "opmars: orphaned review ({} {}): no report in these articles has the sentence {:?}",
                r.decision.as_str(),
                r.place.name,
                r.sentence
            );
        }
        (file, reviewed)
    });
    let rows = match &applied {
        Some((file, reviewed)) => export::report_rows_reviewed(gaz, &corpus, reviewed, file),
        None => export::report_rows(gaz, &corpus),
    };
    let mut w = output_writer(output)?;
    match format {
        ExtractFormat::Json => export::write_reports_json(&rows, &mut w),
        ExtractFormat::Geojson => export::write_reports_geojson(&rows, &mut w),
        ExtractFormat::Csv => export::write_reports_csv(&rows, &mut w),
    }
    .and_then(|_| w.flush())
    .context("cannot write the output")?;
    Ok(ExitCode::SUCCESS)
}

fn run_articles(paths: &[PathBuf], format: MentionFormat, output: Option<PathBuf>) -> Result<ExitCode> {
    let Some(articles) = read_articles(paths) else {
        return Ok(ExitCode::from(2));
    };
    let corpus = Corpus::build(articles);
    let rows = export::article_rows(&corpus);
    let mut w = output_writer(output)?;
    match format {
        MentionFormat::Csv => export::write_articles_csv(&rows, &mut w),
        MentionFormat::Json => export::write_articles_json(&rows, &mut w),
    }
    .and_then(|_| w.flush())
    .context("cannot write the output")?;
    Ok(ExitCode::SUCCESS)
}

fn run_score(gold: &std::path::Path, paths: &[PathBuf], verbose: bool) -> Result<ExitCode> {
    let tsv = std::fs::read_to_string(gold).with_context(|| format!("cannot read {}", gold.display()))?;
    let table = GoldTable::parse(&tsv).with_context(|| format!("{}", gold.display()))?;
    let Some(articles) = read_articles(paths) else {
        return Ok(ExitCode::from(2));
    };
    let gaz = Gazetteer::bundled();
    let corpus = Corpus::build(articles);
    let score = opmars::score::score(gaz, &corpus, &table);
    let mut out = io::stdout().lock();
    out.write_all(score.render(verbose).as_bytes())
        .and_then(|_| out.flush())
        .context("cannot write the output")?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(feature = "viewer")]
fn run_viewer(cli: Cli) -> Result<ExitCode> {
    use opmars::ui::{ScreenshotResult, ViewerOptions};

    let Cli {
        paths,
        screenshot,
        date,
        select,
        tiles,
        review,
        size,
        ..
    } = cli;
    let window = match size {
        Some(s) => {
            let [w, h] = opmars::ui::replay::parse_size(&s).map_err(|e| anyhow::anyhow!("--size: {e}"))?;
            Some([w as f32, h as f32])
        }
        None => None,
    };
    // Without paths, the bundled seeds; with paths, the window opens at once
    // and reads them in the background (problems go to stderr and the panel).
    let articles = if paths.is_empty() { bundled_seeds() } else { Vec::new() };
    if let Some(t) = &tiles {
        std::fs::metadata(t).with_context(|| format!("cannot read the tiles archive {}", t.display()))?;
    }
    if let Some(name) = &select
        && Gazetteer::bundled().find(name).is_none()
    {
        anyhow::bail!("no place called {name:?} in the gazetteer");
    }
    let result = ScreenshotResult::default();
    let is_screenshot = screenshot.is_some();
    let options = ViewerOptions {
        articles,
        load_errors: Vec::new(),
        date,
        select,
        screenshot,
        screenshot_result: Some(result.clone()),
        review_path: review.or_else(|| opmars::ui::default_review_path(&paths)),
        paths,
        pmtiles: tiles,
        persist: !is_screenshot,
    };
    opmars::ui::run(options, window).map_err(|e| anyhow::anyhow!("cannot open the viewer window: {e}"))?;
    if is_screenshot {
        let outcome = result
            .lock()
            .map_err(|_| anyhow::anyhow!("screenshot state poisoned"))?
            .clone();
        match outcome {
            Some(Ok(path)) => eprintln!("opmars: saved {}", path.display()),
            Some(Err(e)) => anyhow::bail!("cannot save the screenshot: {e}"),
            None => anyhow::bail!("the window closed before the screenshot was taken"),
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `opmars --export-replay OUT`: the replay as an animation, drawn
/// offscreen (no window or display needed).
#[cfg(feature = "viewer")]
fn run_export_replay(cli: &Cli, out: &std::path::Path) -> Result<ExitCode> {
    use std::io::IsTerminal;

    use opmars::ui::map::MapSettings;
    use opmars::ui::model::{MentionStats, ViewModel};
    use opmars::ui::replay::{ReplayOptions, ReplayScene, export_replay, parse_size};

    let size = parse_size(cli.size.as_deref().unwrap_or("1280x720")).map_err(|e| anyhow::anyhow!("--size: {e}"))?;
    let opts = ReplayOptions {
        from: cli.from,
        to: cli.to,
        fps: cli.fps,
        size,
    };
    opmars::ui::replay::ReplayFormat::for_path(out)?;
    let Some(articles) = read_articles(&cli.paths) else {
        return Ok(ExitCode::from(2));
    };
    let gaz = Gazetteer::bundled();
    let corpus = Corpus::build(articles);
    // The review the viewer would apply, if there is one.
    let review_path = cli
        .review
        .clone()
        .or_else(|| opmars::ui::default_review_path(&cli.paths));
    let file = match &review_path {
        Some(p) if p.is_file() => ReviewFile::load(p)?,
        Some(p) if cli.review.is_some() => anyhow::bail!("cannot read the review file {}: no such file", p.display()),
        _ => ReviewFile::default(),
    };
    let index = ReviewIndex::new(gaz, &corpus);
    let reviewed = opmars::review::apply(gaz, &corpus, &index, &file, &ReportFilter::default());
    let model = ViewModel::new(gaz, &corpus, &MentionStats::new(&corpus), &reviewed, &file);
    let scene = ReplayScene::new(
        model,
        reviewed.timeline.clone(),
        MapSettings::default(),
        corpus.articles.len(),
    );
    let tty = io::stderr().is_terminal();
    let summary = export_replay(&scene, out, &opts, &mut |done, total| {
        if tty {
            eprint!("\ropmars: frame {done} of {total}");
            if done == total {
                eprintln!();
            }
        }
        true
    })?;
    eprintln!("opmars: saved {summary}");
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "viewer"))]
fn run_export_replay(_cli: &Cli, _out: &std::path::Path) -> Result<ExitCode> {
    anyhow::bail!("this opmars was built without the viewer (feature `viewer`), which draws the replay")
}

#[cfg(not(feature = "viewer"))]
fn run_viewer(_cli: Cli) -> Result<ExitCode> {
    anyhow::bail!(
        "this opmars was built without the viewer (feature `viewer`); use `opmars extract` or `opmars mentions`"
    )
}
