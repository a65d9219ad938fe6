//! The corpus: articles analysed together, so that each one's publication
//! date can be inferred from the others and every report gets a date.
//!
//! Many articles state their date only to the month (`date 2021-08`) or not
//! at all. A report's date hangs on it ("gisteren" is meaningless without
//! it), so opmars infers it, in this order of evidence:
//!
//! 1. a full `date` marker or metadata date is taken as stated;
//! 2. absolute dates in the text (embedded tweets: "August 12, 2021")
//!    bound the date from below: an article appears after what it quotes;
//! 3. the same events reported by other, already dated articles: the
//!    candidate day that makes this article's "gisteren", "vrijdag" and
//!    undated reports agree with theirs scores highest;
//! 4. weekday words should be recent: news says "vrijdag" of the last few
//!    days, so a day that makes every weekday a week old scores low;
//! 5. otherwise the earliest day the evidence allows.
//!
//! Articles are dated greedily, the best-evidenced first, and each dated
//! article becomes evidence for the rest. Every inferred date is marked as
//! such.

use std::collections::HashMap;
use std::ops::Range;

use chrono::{Days, NaiveDate};
use rayon::prelude::*;
use serde::Serialize;

use crate::article::Article;
use crate::dates::{
    DatePrecision, EventDate, TimeRef, absolute_near, find_time_refs_in, resolve_relative_date, weekday_lag,
};
use crate::gazetteer::{Gazetteer, PlaceId};
use crate::geoparse::{PlaceMention, find_mentions_in};
use crate::reports::{CaptureReport, Lexicon, ReportInput, Status, extract_reports_in};
use crate::sentences::split_sentences;
use crate::text::ArticleText;
use crate::timeline::Timeline;

/// What the engine found in one article, before any corpus-level step.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ArticleAnalysis {
    pub sentences: Vec<Range<usize>>,
    pub mentions: Vec<PlaceMention>,
    pub reports: Vec<CaptureReport>,
    /// Every time expression in the body, for publication-date inference.
    pub time_refs: Vec<(Range<usize>, TimeRef)>,
}

/// Runs sentence splitting, geoparsing and report extraction on one
/// article. Pure and independent of other articles (so it parallelises).
pub fn analyse_article(gaz: &Gazetteer, lex: &Lexicon, article: &Article) -> ArticleAnalysis {
    let text = article.text.as_str();
    let sentences = split_sentences(text, article.body_start);
    // One lower-case copy and one word list serve every step.
    let shared = ArticleText::new(text);
    let mentions = find_mentions_in(gaz, &shared, article.body_start, &sentences);
    let time_refs = find_time_refs_in(&shared, &sentences);
    let input = ReportInput {
        text,
        body_start: article.body_start,
        sentences: &sentences,
        mentions: &mentions,
        time_refs: &time_refs,
    };
    let reports = if mentions.is_empty() {
        Vec::new()
    } else {
        extract_reports_in(gaz, lex, &input, &shared)
    };
    ArticleAnalysis {
        sentences,
        mentions,
        reports,
        time_refs,
    }
}

/// How an article's publication date was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    /// Stated in full by the article.
    Stated,
    /// Inferred from dates in its own text (and its stated month, if any).
    OwnText,
    /// Inferred from other articles reporting the same events.
    Corpus,
    /// No evidence: a guess from the corpus's dates.
    Guess,
    /// Nothing to go on.
    Unknown,
}

/// An article's publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Publication {
    pub date: Option<NaiveDate>,
    /// True unless the article states its full date.
    pub inferred: bool,
    pub basis: DateBasis,
}

/// One report with its resolved date, as the timeline and exports use it.
#[derive(Debug, Clone, Serialize)]
pub struct DatedReport {
    /// Index of the article in [`Corpus::articles`].
    pub article: usize,
    pub report: CaptureReport,
    /// When the reported event happened; `None` if the article is undated.
    pub event: Option<EventDate>,
    /// Index of an earlier report with the same place, status and sentence
    /// text in another article (syndicated copies count once).
    pub duplicate_of: Option<usize>,
}

impl DatedReport {
    pub fn place(&self) -> PlaceId {
        self.report.place
    }

    pub fn status(&self) -> Status {
        self.report.status
    }

    pub fn date(&self) -> Option<NaiveDate> {
        self.event.map(|e| e.date)
    }
}

/// A set of articles, analysed and dated, with their timeline.
#[derive(Debug)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub analyses: Vec<ArticleAnalysis>,
    pub publications: Vec<Publication>,
    /// Every report of every article, in article then text order.
    pub reports: Vec<DatedReport>,
    pub timeline: Timeline,
}

impl Corpus {
    /// Analyses `articles` with the bundled gazetteer and lexicon.
    pub fn build(articles: Vec<Article>) -> Corpus {
        let gaz = Gazetteer::bundled();
        let lex = Lexicon::bundled();
        // Articles are independent: analyse them on all cores.
        let analyses = articles.par_iter().map(|a| analyse_article(gaz, lex, a)).collect();
        Corpus::from_analyses(gaz, articles, analyses)
    }

    /// The corpus-level steps on articles already analysed (possibly in
    /// parallel by the caller).
    pub fn from_analyses(gaz: &Gazetteer, articles: Vec<Article>, analyses: Vec<ArticleAnalysis>) -> Corpus {
        let publications = infer_publication_dates(&articles, &analyses);
        let reports = date_reports(&articles, &analyses, &publications);
        let timeline = Timeline::build(gaz, &reports);
        Corpus {
            articles,
            analyses,
            publications,
            reports,
            timeline,
        }
    }

    /// Reports that count (syndicated duplicates left out).
    pub fn distinct_reports(&self) -> impl Iterator<Item = (usize, &DatedReport)> {
        self.reports
            .iter()
            .enumerate()
            .filter(|(_, r)| r.duplicate_of.is_none())
    }
}

/// Resolves each report's date against its article's publication date.
fn date_reports(articles: &[Article], analyses: &[ArticleAnalysis], publications: &[Publication]) -> Vec<DatedReport> {
    let mut out = Vec::new();
    let mut first_seen: HashMap<(PlaceId, Status, String), usize> = HashMap::new();
    for (ai, analysis) in analyses.iter().enumerate() {
        let published = publications[ai].date;
        for r in &analysis.reports {
            let event = published.and_then(|p| event_date(r, p));
            // Historical mentions ("in 1996 veroverden de Taliban Kabul") are
            // not part of this offensive's timeline.
            if let (Some(e), Some(p)) = (event, published)
                && e.date + Days::new(60) < p
            {
                continue;
            }
            let text_key = normalise_sentence(&articles[ai].text[r.sentence.clone()]);
            let key = (r.place, r.status, text_key);
            let duplicate_of = match first_seen.get(&key) {
                Some(&i) => Some(i),
                None => {
                    first_seen.insert(key, out.len());
                    None
                }
            };
            out.push(DatedReport {
                article: ai,
                report: r.clone(),
                event,
                duplicate_of,
            });
        }
    }
    out
}

/// Lower case, single spaces, letters and digits only.
fn normalise_sentence(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w.to_lowercase());
    }
    out
}

/// The event date of a report given the publication date: its time
/// expression resolved, else the publication day (for background, marked
/// as such). Never after publication.
pub fn event_date(r: &CaptureReport, published: NaiveDate) -> Option<EventDate> {
    let resolved = match &r.time {
        Some((_, t)) => resolve_relative_date(t, published),
        None => None,
    };
    let at_publication = EventDate {
        date: published,
        precision: if r.background && resolved.is_none() {
            DatePrecision::Background
        } else {
            DatePrecision::Publication
        },
        part: None,
    };
    let e = resolved.unwrap_or(at_publication);
    if e.date > published {
        return Some(EventDate {
            precision: DatePrecision::Publication,
            ..at_publication
        });
    }
    Some(e)
}

/// Evidence for one article's candidate dates.
struct Evidence<'a> {
    analysis: &'a ArticleAnalysis,
    window: Option<(NaiveDate, NaiveDate)>,
    lower: Option<NaiveDate>,
}

/// Dated reports of already dated articles, usable as evidence: how many
/// reports say what (status class) about which place on which day.
#[derive(Default)]
struct AnchorIndex {
    counts: rustc_hash::FxHashMap<(PlaceId, NaiveDate, u8), f64>,
    places: rustc_hash::FxHashSet<PlaceId>,
}

/// Status classes that corroborate each other, and how much.
fn status_class(s: Status) -> (u8, f64) {
    match s {
        Status::Captured | Status::Claimed => (0, 1.0),
        Status::Contested => (1, 0.5),
        Status::Threatened => (2, 0.3),
        Status::Held => (3, 0.3),
    }
}

impl AnchorIndex {
    fn add(&mut self, analysis: &ArticleAnalysis, published: NaiveDate) {
        for r in &analysis.reports {
            if let Some(e) = event_date(r, published).filter(|e| e.precision != DatePrecision::Background) {
                *self
                    .counts
                    .entry((r.place, e.date, status_class(r.status).0))
                    .or_default() += 1.0;
                self.places.insert(r.place);
            }
        }
    }

    fn count(&self, place: PlaceId, date: Option<NaiveDate>, class: u8) -> f64 {
        date.and_then(|d| self.counts.get(&(place, d, class)))
            .copied()
            .unwrap_or(0.0)
    }

    /// Agreement of one report dated `date` with the index: full weight for
    /// the same day, half for a day off.
    fn agreement(&self, place: PlaceId, status: Status, date: NaiveDate) -> f64 {
        let (class, weight) = status_class(status);
        weight
            * (self.count(place, Some(date), class)
                + 0.5 * (self.count(place, date.pred_opt(), class) + self.count(place, date.succ_opt(), class)))
    }
}

/// Infers every article's publication date (see the module docs).
pub fn infer_publication_dates(articles: &[Article], analyses: &[ArticleAnalysis]) -> Vec<Publication> {
    let n = articles.len();
    let mut out: Vec<Option<Publication>> = vec![None; n];
    // The corpus's span of stated dates, for articles that state none.
    let stated: Vec<(NaiveDate, NaiveDate)> = articles
        .iter()
        .filter_map(|a| a.stated_date.and_then(|d| d.range()))
        .collect();
    let explicit_years: Vec<NaiveDate> = analyses
        .iter()
        .flat_map(|a| a.time_refs.iter())
        .filter_map(|(_, t)| match *t {
            TimeRef::Absolute {
                year: Some(y),
                month,
                day,
            } => NaiveDate::from_ymd_opt(y, month, day),
            _ => None,
        })
        .collect();
    let corpus_window = if !stated.is_empty() {
        let lo = stated.iter().map(|r| r.0).min();
        let hi = stated.iter().map(|r| r.1).max();
        lo.zip(hi).map(|(lo, hi)| (lo - Days::new(14), hi + Days::new(14)))
    } else if !explicit_years.is_empty() {
        let lo = explicit_years.iter().min().copied();
        let hi = explicit_years.iter().max().copied();
        lo.zip(hi).map(|(lo, hi)| (lo, hi + Days::new(14)))
    } else {
        None
    };
    let evidence: Vec<Evidence> = (0..n)
        .map(|i| {
            let window = articles[i].stated_date.and_then(|d| d.range()).or(corpus_window);
            let lower = window.and_then(|w| text_lower_bound(&analyses[i], w));
            Evidence {
                analysis: &analyses[i],
                window,
                lower,
            }
        })
        .collect();
    for (i, a) in articles.iter().enumerate() {
        if let Some(d) = a.stated_date.and_then(|d| d.full()) {
            out[i] = Some(Publication {
                date: Some(d),
                inferred: false,
                basis: DateBasis::Stated,
            });
        }
    }
    let mut anchors = AnchorIndex::default();
    for i in 0..n {
        if let Some(Publication { date: Some(d), .. }) = out[i] {
            anchors.add(&analyses[i], d);
        }
    }
    // Rounds: date every article the evidence so far can date, then use
    // them as evidence for the next round. Each round is linear in the
    // corpus; the number of rounds is the length of the longest chain of
    // articles dated only through each other.
    for _round in 0..32 {
        let dated_now: Vec<(usize, NaiveDate, DateBasis)> = (0..n)
            .filter(|&i| out[i].is_none())
            .filter_map(|i| {
                let (date, agreement) = best_date(&evidence[i], &anchors)?;
                let own = if evidence[i].lower.is_some() { 1.0 } else { 0.0 };
                if agreement + own <= 0.0 {
                    return None;
                }
                let basis = if agreement > 0.0 {
                    DateBasis::Corpus
                } else {
                    DateBasis::OwnText
                };
                Some((i, date, basis))
            })
            .collect();
        if dated_now.is_empty() {
            break;
        }
        for (i, date, basis) in dated_now {
            out[i] = Some(Publication {
                date: Some(date),
                inferred: true,
                basis,
            });
            anchors.add(&analyses[i], date);
        }
    }
    // No evidence at all: the corpus's typical day within the window.
    let dated: Vec<NaiveDate> = out.iter().filter_map(|p| p.and_then(|p| p.date)).collect();
    for i in 0..n {
        if out[i].is_some() {
            continue;
        }
        out[i] = Some(match evidence[i].window {
            Some(window) => {
                let inside: Vec<NaiveDate> = dated
                    .iter()
                    .copied()
                    .filter(|d| *d >= window.0 && *d <= window.1)
                    .collect();
                let target = median(&inside).unwrap_or(window.0);
                let date = guess_date(&evidence[i], window, target);
                Publication {
                    date: Some(date),
                    inferred: true,
                    basis: DateBasis::Guess,
                }
            }
            None => Publication {
                date: None,
                inferred: true,
                basis: DateBasis::Unknown,
            },
        });
    }
    out.into_iter()
        .map(|p| {
            p.unwrap_or(Publication {
                date: None,
                inferred: true,
                basis: DateBasis::Unknown,
            })
        })
        .collect()
}

fn median(dates: &[NaiveDate]) -> Option<NaiveDate> {
    let mut v = dates.to_vec();
    v.sort();
    v.get(v.len() / 2).copied()
}

/// The latest absolute date the text names within its window: the
/// article cannot have appeared before it.
fn text_lower_bound(analysis: &ArticleAnalysis, window: (NaiveDate, NaiveDate)) -> Option<NaiveDate> {
    analysis
        .time_refs
        .iter()
        .filter_map(|(_, t)| match *t {
            TimeRef::Absolute { year, month, day } => absolute_near(year, month, day, window.1),
            _ => None,
        })
        .filter(|d| *d >= window.0 && *d <= window.1)
        .max()
}

/// Penalty for weekday words that reach far back: the most recent one is
/// usually today or yesterday.
fn weekday_penalty(analysis: &ArticleAnalysis, date: NaiveDate) -> f64 {
    let lags: Vec<u32> = analysis
        .time_refs
        .iter()
        .filter_map(|(_, t)| weekday_lag(t, date))
        .collect();
    match lags.iter().min() {
        Some(&min) => 0.5 * f64::from(min) + 0.1 * lags.iter().map(|&l| f64::from(l)).sum::<f64>(),
        None => 0.0,
    }
}

/// The best candidate date for article `i` and how much of its score is
/// agreement with other articles.
fn best_date(ev: &Evidence<'_>, anchors: &AnchorIndex) -> Option<(NaiveDate, f64)> {
    let (lo, hi) = ev.window?;
    let start = ev.lower.map_or(lo, |l| l.max(lo));
    let relevant = ev.analysis.reports.iter().any(|r| anchors.places.contains(&r.place));
    if ev.lower.is_none() && !relevant {
        return None;
    }
    let mut best: Option<(NaiveDate, f64, f64)> = None;
    let mut d = start;
    while d <= hi {
        let mut agreement = 0.0;
        if relevant {
            for r in &ev.analysis.reports {
                if let Some(e) = event_date(r, d).filter(|e| e.precision != DatePrecision::Background) {
                    agreement += anchors.agreement(r.place, r.status, e.date);
                }
            }
        }
        let score = agreement - weekday_penalty(ev.analysis, d) - 0.02 * (d - start).num_days() as f64;
        if best.is_none_or(|(_, s, _)| score > s + 1e-9) {
            best = Some((d, score, agreement));
        }
        d = d.succ_opt()?;
    }
    best.map(|(d, _, agreement)| (d, agreement))
}

/// Without evidence: the day nearest the corpus's typical date that keeps
/// weekday words recent.
fn guess_date(ev: &Evidence<'_>, window: (NaiveDate, NaiveDate), target: NaiveDate) -> NaiveDate {
    let mut best = (target.clamp(window.0, window.1), f64::MIN);
    let mut d = window.0;
    while d <= window.1 {
        let score = -weekday_penalty(ev.analysis, d) - 0.05 * (d - target).num_days().abs() as f64;
        if score > best.1 {
            best = (d, score);
        }
        match d.succ_opt() {
            Some(n) => d = n,
            None => break,
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, bundled_seeds};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2021, m, day).unwrap()
    }

    #[test]
    fn stated_full_dates_are_kept() {
        let a =
            Article::from_plain_text("a.txt", "date 2021-08-15 De Taliban namen gisteren Kunduz in.".into()).unwrap();
        let c = Corpus::build(vec![a]);
        assert_eq!(
            c.publications[0],
            Publication {
                date: Some(d(8, 15)),
                inferred: false,
                basis: DateBasis::Stated
            }
        );
        assert_eq!(c.reports[0].date(), Some(d(8, 14)));
    }

    #[test]
    fn tweet_dates_bound_a_month_marker_from_below() {
        let a = Article::from_plain_text(
            "a.txt",
            "date 2021-08 De Taliban namen gisteren Kunduz in.\nFighting in Kunduz https://t.co/x — AFP (@AFP) August 8, 2021".into(),
        )
        .unwrap();
        let c = Corpus::build(vec![a]);
        assert_eq!(c.publications[0].date, Some(d(8, 8)));
        assert!(c.publications[0].inferred);
        assert_eq!(c.publications[0].basis, DateBasis::OwnText);
    }

    #[test]
    fn undated_article_is_dated_by_the_events_it_shares() {
        let dated = Article::from_plain_text(
            "a.txt",
            "date 2021-08-09 De Taliban hebben gisteren Kunduz ingenomen.".into(),
        )
        .unwrap();
        let undated = Article::from_plain_text("b.txt", "Kunduz is vandaag door de Taliban ingenomen.".into()).unwrap();
        let c = Corpus::build(vec![dated, undated]);
        assert_eq!(c.publications[1].date, Some(d(8, 8)));
        assert_eq!(c.publications[1].basis, DateBasis::Corpus);
    }

    #[test]
    fn weekdays_prefer_recent_publication() {
        // Thursday 12 and Friday 13 August: published on the Friday.
        let a = Article::from_plain_text(
            "a.txt",
            "date 2021-08 Donderdag werd gevochten om Ghazni. Vrijdagochtend meldden de Taliban dat ze Ghazni in handen hebben.\n— X (@x) August 12, 2021".into(),
        )
        .unwrap();
        let c = Corpus::build(vec![a]);
        assert_eq!(c.publications[0].date, Some(d(8, 13)));
    }

    #[test]
    fn articles_without_any_date_stay_undated() {
        let a = Article::from_plain_text("a.txt", "Kunduz is gevallen.".into()).unwrap();
        let c = Corpus::build(vec![a]);
        assert_eq!(c.publications[0].date, None);
        assert_eq!(c.reports[0].event, None);
    }

    #[test]
    fn historical_reports_are_dropped() {
        let a = Article::from_plain_text(
            "a.txt",
            "date 2021-08-15 Op 27 september 1996 veroverden de Taliban Kabul.".into(),
        )
        .unwrap();
        let c = Corpus::build(vec![a]);
        assert!(c.reports.is_empty());
    }

    #[test]
    fn seeds_get_publication_dates() {
        let c = Corpus::build(bundled_seeds());
        let dates: Vec<Option<NaiveDate>> = c.publications.iter().map(|p| p.date).collect();
        assert_eq!(
            dates,
            [
                Some(d(8, 12)),
                Some(d(8, 13)),
                Some(d(8, 13)),
                Some(d(8, 14)),
                Some(d(8, 7))
            ]
        );
        assert!(c.publications.iter().all(|p| p.inferred));
    }
}
