//! Publication dates, inferred for the whole corpus at once.
//!
//! An article's reports are dated relative to the day it appeared
//! ("gisteren", "on Sunday"), so a wrong publication date moves every
//! report on the map. Many articles state their date only to the month
//! (`date 2021-08`) or not at all. The evidence, strongest first:
//!
//! 1. **its own**: a full `date` marker or metadata date (*stated*); a date
//!    in its URL (`/2021/08/14/`, `dmf20210814`: *url*); a date heading
//!    the article or standing on a line of its own ("Tuesday, 22 June
//!    2021", "Kabul, Aug 14:": *text*). Dates elsewhere in the text (an
//!    embedded tweet) are a lower bound: an article appears after what it
//!    quotes;
//! 2. **the corpus**: the articles of known date say when each event
//!    (a place and a status class) happened; an undated article is put on
//!    the day that makes its own reports agree with them best — its
//!    "vandaag" on the day Kunduz fell, its "zondag" on that Sunday — and
//!    never before an event it reports as past. Ordinals ("the sixth
//!    provincial capital", "de tiende provinciehoofdstad") are checked
//!    against the corpus's count of captured capitals;
//! 3. weekday words should be recent: news says "vrijdag" of the last few
//!    days.
//!
//! The undated articles are dated **jointly, to a fixed point**: every
//! round dates each of them against the consensus of all the others
//! (without its own vote), from the previous round's state, until nothing
//! changes. No article's place in the input matters.

use chrono::{Days, NaiveDate};
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::article::Article;
use crate::corpus::ArticleAnalysis;
use crate::dates::{
    DatePrecision, DayPart, EventDate, PartialDate, TimeRef, absolute_near, resolve_relative_date, weekday_lag,
};
use crate::gazetteer::{Gazetteer, PlaceId, PlaceKind};
use crate::reports::{CaptureReport, Status};

/// How an article's publication date was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    /// Stated in full by the article (its `date` marker or metadata).
    Stated,
    /// Read from its URL.
    Url,
    /// Read from a date heading its text.
    Text,
    /// Inferred from other articles reporting the same events (and its
    /// own text).
    Corpus,
    /// No evidence but the corpus's dates: a guess.
    Guess,
    /// Nothing to go on.
    Unknown,
}

impl DateBasis {
    pub fn as_str(self) -> &'static str {
        match self {
            DateBasis::Stated => "stated",
            DateBasis::Url => "url",
            DateBasis::Text => "text",
            DateBasis::Corpus => "corpus",
            DateBasis::Guess => "guess",
            DateBasis::Unknown => "unknown",
        }
    }
}

/// An article's publication date.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Publication {
    pub date: Option<NaiveDate>,
    /// True unless the article states its full date.
    pub inferred: bool,
    pub basis: DateBasis,
    /// 0–1: how sure the date is.
    pub confidence: f32,
}

impl Publication {
    fn known(date: NaiveDate, basis: DateBasis) -> Self {
        Publication {
            date: Some(date),
            inferred: basis != DateBasis::Stated,
            basis,
            confidence: match basis {
                DateBasis::Stated => 1.0,
                DateBasis::Url => 0.95,
                DateBasis::Text => 0.85,
                DateBasis::Corpus => 0.7,
                DateBasis::Guess => 0.3,
                DateBasis::Unknown => 0.0,
            },
        }
    }

    const UNKNOWN: Publication = Publication {
        date: None,
        inferred: true,
        basis: DateBasis::Unknown,
        confidence: 0.0,
    };
}

/// A date in a URL: `/2021/08/14/`, `/2021-08-14`, `dmf20210814`,
/// `-20210814-`, `/2021/08/` (to the month).
pub fn date_in_url(url: &str) -> Option<PartialDate> {
    let digits: Vec<(usize, &str)> = url
        .char_indices()
        .filter(|(_, c)| !c.is_ascii_digit())
        .map(|(i, _)| i)
        .chain(std::iter::once(url.len()))
        .scan(0usize, |start, end| {
            let run = (*start, &url[*start..end]);
            *start = end + 1;
            Some(run)
        })
        .filter(|(_, run)| !run.is_empty() && run.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    let year_ok = |y: i32| (1990..=2100).contains(&y);
    // Eight digits at once: 20210814.
    for (_, run) in &digits {
        if run.len() == 8 {
            let (y, m, d) = (run[..4].parse().ok()?, run[4..6].parse().ok()?, run[6..].parse().ok()?);
            if year_ok(y) && NaiveDate::from_ymd_opt(y, m, d).is_some() {
                return Some(PartialDate {
                    year: y,
                    month: m,
                    day: Some(d),
                });
            }
        }
    }
    // Year, month (and day) as separate runs joined by one character.
    for w in digits.windows(3) {
        let [(ys, y), (ms, m), (ds, d)] = [w[0], w[1], w[2]];
        if y.len() == 4 && m.len() == 2 && d.len() == 2 && ms == ys + 5 && ds == ms + 3 {
            let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
            if year_ok(y) && NaiveDate::from_ymd_opt(y, m, d).is_some() {
                return Some(PartialDate {
                    year: y,
                    month: m,
                    day: Some(d),
                });
            }
        }
    }
    for w in digits.windows(2) {
        let [(ys, y), (ms, m)] = [w[0], w[1]];
        if y.len() == 4 && m.len() == 2 && ms == ys + 5 {
            let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
            if year_ok(y) && (1..=12).contains(&m) {
                return Some(PartialDate {
                    year: y,
                    month: m,
                    day: None,
                });
            }
        }
    }
    None
}

/// How far into its line a dateline's date stands.
const DATELINE_BYTES: usize = 60;

/// How many lines into the body a date on a line of its own still heads it.
const HEAD_LINES: usize = 8;

/// Dates heading the article: absolute dates in its first lines, or on a
/// short line of their own ("June 29, 2021", "8/13/2021, 4:39:06 AM").
fn heading_dates(article: &Article, analysis: &ArticleAnalysis, near: NaiveDate) -> Vec<NaiveDate> {
    let text = &article.text;
    let body = article.body_start;
    analysis
        .time_refs
        .iter()
        .filter_map(|(span, t)| {
            let TimeRef::Absolute { year, month, day } = *t else {
                return None;
            };
            if is_deadline(text, span) {
                return None;
            }
            let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[span.end..].find('\n').map_or(text.len(), |i| span.end + i);
            let line = &text[line_start..line_end];
            // Among the first few lines, not a tweet's signature: a line of
            // its own, or a dateline's opening ("Kabul, Aug 14:").
            let early_line = text[body.min(line_start)..line_start].matches('\n').count() < HEAD_LINES;
            let short_line = line.split_whitespace().count() <= 10;
            let line_opening = span.start - line_start.max(body) < DATELINE_BYTES;
            let heading = early_line && !line.contains('@') && (short_line || line_opening);
            // A date of its own line names its year.
            (heading && (year.is_some() || line_opening))
                .then(|| absolute_near(year, month, day, near))
                .flatten()
        })
        .collect()
}

/// Absolute dates anywhere in the text that lie in the past: the article
/// appears after them. A deadline ("tegen 31 augustus", "by August 31")
/// says nothing of the kind.
fn text_dates<'a>(
    text: &'a str,
    analysis: &'a ArticleAnalysis,
    near: NaiveDate,
) -> impl Iterator<Item = NaiveDate> + 'a {
    analysis.time_refs.iter().filter_map(move |(span, t)| match *t {
        TimeRef::Absolute { year, month, day } if !is_deadline(text, span) => absolute_near(year, month, day, near),
        _ => None,
    })
}

/// Is the date at `span` a deadline: after "by", "before", "until",
/// "tegen", "voor", "tot", "uiterlijk"?
fn is_deadline(text: &str, span: &std::ops::Range<usize>) -> bool {
    let before = text[..span.start].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    DEADLINE_WORDS.contains(&word.as_str())
}

const DEADLINE_WORDS: [&str; 9] = [
    "by",
    "before",
    "until",
    "till",
    "tegen",
    "voor",
    "tot",
    "uiterlijk",
    "deadline",
];

/// Ordinals and counts of provincial capitals the text states ("the sixth
/// provincial capital", "de tiende provinciehoofdstad", "twelve
/// provincial capitals", "18 of 34 capitals").
pub fn capital_counts(text: &str) -> Vec<u32> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let Some(n) = count_word(w) else { continue };
        // Not the total in "18 of 34 capitals".
        if i > 0 && matches!(words[i - 1].as_str(), "of" | "van") {
            continue;
        }
        // The capital word within the next few words.
        let capital = words
            .iter()
            .skip(i + 1)
            .take(5)
            .any(|x| CAPITAL_NOUNS.contains(&x.as_str()));
        if capital && (2..=34).contains(&n) {
            out.push(n);
        }
    }
    out
}

const CAPITAL_NOUNS: [&str; 6] = [
    "capital",
    "capitals",
    "provinciehoofdstad",
    "provinciehoofdsteden",
    "hoofdstad",
    "hoofdsteden",
];

/// Ordinal and cardinal words to their number (the counts news gives of
/// fallen capitals run to 34).
fn count_word(w: &str) -> Option<u32> {
    if let Ok(n) = w.parse::<u32>() {
        return Some(n);
    }
    const WORDS: [(&[&str], u32); 15] = [
        (&["second", "tweede", "two", "twee"], 2),
        (&["third", "derde", "three", "drie"], 3),
        (&["fourth", "vierde", "four", "vier"], 4),
        (&["fifth", "vijfde", "five", "vijf"], 5),
        (&["sixth", "zesde", "six", "zes"], 6),
        (&["seventh", "zevende", "seven", "zeven"], 7),
        (&["eighth", "achtste", "eight", "acht"], 8),
        (&["ninth", "negende", "nine", "negen"], 9),
        (&["tenth", "tiende", "ten", "tien"], 10),
        (&["eleventh", "elfde", "eleven", "elf"], 11),
        (&["twelfth", "twaalfde", "twelve", "twaalf"], 12),
        (&["thirteenth", "dertiende", "thirteen", "dertien"], 13),
        (&["fourteenth", "veertiende", "fourteen", "veertien"], 14),
        (&["fifteenth", "vijftiende", "fifteen", "vijftien"], 15),
        (&["sixteenth", "zestiende", "sixteen", "zestien"], 16),
    ];
    WORDS.iter().find(|(ws, _)| ws.contains(&w)).map(|(_, n)| *n)
}

/// A report's event, for agreement between articles: the place and a
/// status class (captured and claimed are one).
pub type EventKey = (PlaceId, u8);

pub fn event_key(r: &CaptureReport) -> EventKey {
    let class = match r.status {
        Status::Captured | Status::Claimed => 0,
        Status::Contested => 1,
        Status::Threatened => 2,
        Status::Held => 3,
    };
    (r.place, class)
}

/// How much a report's date says about its event: a named day fully, a
/// week or the publication day (no time word) less, background nothing.
pub fn precision_weight(p: DatePrecision) -> f64 {
    match p {
        DatePrecision::Day | DatePrecision::PartOfDay => 1.0,
        DatePrecision::Publication => 0.5,
        DatePrecision::Week => 0.2,
        DatePrecision::Background | DatePrecision::Year | DatePrecision::Corpus => 0.0,
    }
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

/// The votes of dated reports: how many say what event happened on
/// which day.
#[derive(Default)]
struct Votes {
    by_day: FxHashMap<(EventKey, NaiveDate), f64>,
    /// For each event, its votes as (day, weight), for consensus days.
    by_event: FxHashMap<EventKey, Vec<(NaiveDate, f64)>>,
}

impl Votes {
    fn add(&mut self, key: EventKey, day: NaiveDate, w: f64) {
        *self.by_day.entry((key, day)).or_default() += w;
        self.by_event.entry(key).or_default().push((day, w));
    }

    fn at(&self, key: EventKey, day: NaiveDate) -> f64 {
        self.by_day.get(&(key, day)).copied().unwrap_or(0.0)
    }

    /// Support for an event on a day, a day either side counting half.
    fn support(&self, key: EventKey, day: NaiveDate) -> f64 {
        self.at(key, day)
            + 0.5 * (day.pred_opt().map_or(0.0, |d| self.at(key, d)) + day.succ_opt().map_or(0.0, |d| self.at(key, d)))
    }

    /// The day most votes give an event, with its support (ties: the
    /// earliest), leaving out `own` (an article's own votes).
    fn consensus(&self, key: EventKey, own: &[(EventKey, NaiveDate, f64)]) -> Option<(NaiveDate, f64)> {
        let votes = self.by_event.get(&key)?;
        let own_at = |d: NaiveDate| {
            own.iter()
                .filter(|(k, od, _)| *k == key && *od == d)
                .map(|(_, _, w)| w)
                .sum::<f64>()
        };
        let mut best: Option<(NaiveDate, f64)> = None;
        for &(d, _) in votes {
            let s = self.support(key, d)
                - own_at(d)
                - 0.5 * (d.pred_opt().map_or(0.0, own_at) + d.succ_opt().map_or(0.0, own_at));
            if s > 1e-9 && best.is_none_or(|(bd, bs)| s > bs + 1e-9 || (s - bs).abs() <= 1e-9 && d < bd) {
                best = Some((d, s));
            }
        }
        best
    }
}

/// What one article says for itself.
struct Own {
    /// Its date when its own evidence fixes it.
    fixed: Option<(NaiveDate, DateBasis)>,
    /// The days it may have appeared on.
    window: Option<(NaiveDate, NaiveDate)>,
    /// It appeared on or after this day (the dates it quotes).
    lower: Option<NaiveDate>,
    /// Counts of captured capitals it states.
    counts: Vec<u32>,
}

/// Dates the reports of one article would get if it appeared on `day`:
/// (event, date, weight) for each report that says when.
fn votes_of(analysis: &ArticleAnalysis, day: NaiveDate, weight: f64) -> Vec<(EventKey, NaiveDate, f64)> {
    let mut out = Vec::with_capacity(analysis.reports.len());
    for r in &analysis.reports {
        if let Some(e) = event_date(r, day)
            && e.date + Days::new(60) >= day
        {
            out.extend(report_votes(r, e, weight));
        }
    }
    out
}

/// What a report dated `e` says about its event's day, as votes: a named
/// day fully; news with no time word half for the day it appeared and
/// half for the day before; background nothing.
pub fn report_votes(r: &CaptureReport, e: EventDate, weight: f64) -> impl Iterator<Item = (EventKey, NaiveDate, f64)> {
    let key = event_key(r);
    let w = precision_weight(e.precision) * weight;
    // The other day an event may as well belong to: the day before for
    // news with no time word, the day after for one of the evening or the
    // night ("gisteravond", "overnight"), which often ends after midnight.
    let other = match (e.precision, e.part) {
        (DatePrecision::Publication, _) => e.date.pred_opt(),
        (DatePrecision::PartOfDay, Some(DayPart::Evening | DayPart::Night)) => e.date.succ_opt(),
        _ => None,
    };
    let first = (w > 0.0).then_some((key, e.date, if other.is_some() { w / 2.0 } else { w }));
    let second = other.filter(|_| w > 0.0).map(|d| (key, d, w / 2.0));
    first.into_iter().chain(second)
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

/// The days on which the corpus's count of captured capitals reaches each
/// number, from the consensus of capital captures.
fn capital_count_days(gaz: &Gazetteer, votes: &Votes) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = votes
        .by_event
        .keys()
        .filter(|(p, class)| {
            *class == 0
                && gaz
                    .places()
                    .get(*p as usize)
                    .is_some_and(|x| x.kind == PlaceKind::Capital)
        })
        .filter_map(|&key| votes.consensus(key, &[]))
        .filter(|(_, support)| *support >= 1.0)
        .map(|(d, _)| d)
        .collect();
    days.sort();
    days
}

/// Infers every article's publication date (see the module docs).
pub fn infer_publication_dates(
    gaz: &Gazetteer,
    articles: &[Article],
    analyses: &[ArticleAnalysis],
) -> Vec<Publication> {
    let n = articles.len();
    // The span of the dates the corpus states, for articles with none.
    let anchors: Vec<NaiveDate> = articles
        .iter()
        .filter_map(|a| a.stated_date.and_then(|d| d.range()).map(|r| r.0))
        .chain(articles.iter().filter_map(|a| {
            a.url
                .as_deref()
                .and_then(date_in_url)
                .and_then(|d| d.range())
                .map(|r| r.0)
        }))
        .collect();
    let mut sorted_anchors = anchors.clone();
    sorted_anchors.sort();
    let typical = sorted_anchors.get(sorted_anchors.len() / 2).copied();
    let corpus_window = sorted_anchors
        .first()
        .zip(sorted_anchors.last())
        .map(|(lo, hi)| (*lo - Days::new(31), *hi + Days::new(31)));

    let mut own: Vec<Own> = (0..n)
        .map(|i| own_evidence(&articles[i], &analyses[i], corpus_window, typical))
        .collect();
    // The corpus's typical day: the median of the days articles give
    // themselves (else of the months they state); with it, a second look
    // at the articles that date nothing yet (a dateline's "Aug 14" needs a
    // year from somewhere).
    let mut known: Vec<NaiveDate> = own.iter().filter_map(|o| o.fixed.map(|f| f.0)).collect();
    known.sort();
    let typical = known.get(known.len() / 2).copied().or(typical);
    let corpus_window = corpus_window.or_else(|| {
        known
            .first()
            .zip(known.last())
            .map(|(lo, hi)| (*lo - Days::new(31), *hi + Days::new(31)))
    });
    for i in 0..n {
        if own[i].fixed.is_none() {
            own[i] = own_evidence(&articles[i], &analyses[i], corpus_window, typical);
        }
    }

    let mut current: Vec<Option<(NaiveDate, DateBasis)>> = own.iter().map(|o| o.fixed).collect();
    let fixed_votes: Vec<Vec<(EventKey, NaiveDate, f64)>> = (0..n)
        .map(|i| match own[i].fixed {
            Some((d, _)) => votes_of(&analyses[i], d, 1.0),
            None => Vec::new(),
        })
        .collect();
    // Rounds to a fixed point: each dates every open article against the
    // previous round's votes.
    for _round in 0..24 {
        let mut votes = Votes::default();
        let mut own_votes: Vec<Vec<(EventKey, NaiveDate, f64)>> = vec![Vec::new(); n];
        for i in 0..n {
            own_votes[i] = match (own[i].fixed, current[i]) {
                (Some(_), _) => fixed_votes[i].clone(),
                (None, Some((d, DateBasis::Corpus | DateBasis::Text))) => votes_of(&analyses[i], d, 0.5),
                _ => Vec::new(),
            };
            for &(k, d, w) in &own_votes[i] {
                votes.add(k, d, w);
            }
        }
        let count_days = capital_count_days(gaz, &votes);
        let next: Vec<Option<(NaiveDate, DateBasis)>> = (0..n)
            .map(|i| {
                if own[i].fixed.is_some() {
                    return current[i];
                }
                best_day(&own[i], &analyses[i], &votes, &own_votes[i], &count_days, typical).map(|(d, from_corpus)| {
                    (
                        d,
                        if from_corpus {
                            DateBasis::Corpus
                        } else {
                            DateBasis::Text
                        },
                    )
                })
            })
            .collect();
        if next == current {
            break;
        }
        current = next;
    }
    (0..n)
        .map(|i| match current[i] {
            Some((d, basis)) => Publication::known(d, basis),
            None => guess(&own[i], &analyses[i], typical),
        })
        .collect()
}

/// An article's own evidence.
fn own_evidence(
    article: &Article,
    analysis: &ArticleAnalysis,
    corpus_window: Option<(NaiveDate, NaiveDate)>,
    typical: Option<NaiveDate>,
) -> Own {
    let counts = capital_counts(&article.text[article.body_start.min(article.text.len())..]);
    if let Some(d) = article.stated_date.and_then(|d| d.full()) {
        return Own {
            fixed: Some((d, DateBasis::Stated)),
            window: Some((d, d)),
            lower: None,
            counts,
        };
    }
    let url = article.url.as_deref().and_then(date_in_url);
    if let Some(d) = url.and_then(|d| d.full()) {
        return Own {
            fixed: Some((d, DateBasis::Url)),
            window: Some((d, d)),
            lower: None,
            counts,
        };
    }
    let month = article.stated_date.or(url).and_then(|d| d.range());
    // Where to look for dates without a year.
    let near = month.map(|m| m.1).or(typical).or(corpus_window.map(|w| w.1));
    let in_range = |d: &NaiveDate| {
        month.is_none_or(|(lo, hi)| *d >= lo && *d <= hi)
            && corpus_window.is_none_or(|(lo, hi)| *d >= lo - Days::new(60) && *d <= hi + Days::new(60))
    };
    // Dates without a year are placed near the corpus's days; with none
    // known, only dates that name their year count.
    let year_of_text = analysis.time_refs.iter().find_map(|(_, t)| match *t {
        TimeRef::Absolute {
            year: Some(y),
            month,
            day,
        } => NaiveDate::from_ymd_opt(y, month, day),
        _ => None,
    });
    let near = near.or(year_of_text);
    let lower = near.and_then(|near| text_dates(&article.text, analysis, near).filter(in_range).max());
    if let Some(near) = near {
        // A date heading the article is its day, unless the text goes on
        // to later days (then it dated a photo).
        let headings: Vec<NaiveDate> = heading_dates(article, analysis, near)
            .into_iter()
            .filter(in_range)
            .collect();
        if let Some(&d) = headings.iter().max()
            && lower.is_none_or(|l| l <= d)
        {
            return Own {
                fixed: Some((d, DateBasis::Text)),
                window: Some((d, d)),
                lower: None,
                counts,
            };
        }
    }
    // The window is the article's own: its month; else after the dates it
    // quotes; else the corpus's span.
    let window = month
        .or(lower.map(|l| (l, l + Days::new(14))))
        .or(corpus_window)
        .map(|(lo, hi)| (lower.map_or(lo, |l| l.max(lo)), hi));
    Own {
        fixed: None,
        window,
        lower,
        counts,
    }
}

/// The best day for an open article given the others' votes, if they say
/// anything about its events or its own text bounds it.
fn best_day(
    own: &Own,
    analysis: &ArticleAnalysis,
    votes: &Votes,
    own_votes: &[(EventKey, NaiveDate, f64)],
    count_days: &[NaiveDate],
    typical: Option<NaiveDate>,
) -> Option<(NaiveDate, bool)> {
    let (lo, hi) = own.window?;
    // An article appears after the events it reports as past: its
    // captures, by the consensus of the others (a penalty for each day
    // before one, as a report may be misread).
    let earliest = own.lower.unwrap_or(lo).max(lo);
    let mut relevant = false;
    let mut past_events: Vec<NaiveDate> = Vec::new();
    for r in &analysis.reports {
        let key = event_key(r);
        if let Some((d, support)) = votes.consensus(key, own_votes) {
            relevant = true;
            if key.1 == 0 && support >= 1.0 && !r.background {
                past_events.push(d);
            }
        }
    }
    // "The sixth provincial capital": not before the sixth fell.
    let count_day = own
        .counts
        .iter()
        .filter_map(|&c| count_days.get(c as usize - 1).copied())
        .max();

    if !relevant && own.lower.is_none() && count_day.is_none() {
        return None;
    }
    let mut best: Option<(NaiveDate, f64)> = None;
    let mut d = earliest;
    while d <= hi {
        let mut score = 0.0;
        for r in &analysis.reports {
            let key = event_key(r);
            let Some(e) = event_date(r, d) else { continue };
            let w = precision_weight(e.precision);
            if w == 0.0 {
                continue;
            }
            let own_here = |day: NaiveDate| {
                own_votes
                    .iter()
                    .filter(|(k, od, _)| *k == key && *od == day)
                    .map(|(_, _, w)| w)
                    .sum::<f64>()
            };
            let support_at = |day: NaiveDate| {
                votes.support(key, day)
                    - own_here(day)
                    - 0.5 * (day.pred_opt().map_or(0.0, own_here) + day.succ_opt().map_or(0.0, own_here))
            };
            // News with no time word: of the day it appeared or the day before.
            let support = match (e.precision, e.date.pred_opt()) {
                (DatePrecision::Publication, Some(before)) => support_at(e.date).max(support_at(before)),
                _ => support_at(e.date),
            };
            score += w * support.max(0.0);
        }
        for &e in &past_events {
            score -= 1.0 * (e - d).num_days().max(0) as f64;
        }
        if let Some(cd) = count_day {
            // The count is news on the day it is reached, or the next.
            let gap = (d - cd).num_days();
            score -= if gap < 0 {
                1.0 * (-gap) as f64
            } else {
                0.3 * (gap - 1).max(0) as f64
            };
        }
        score -= weekday_penalty(analysis, d);
        // All else equal: near the corpus's typical day, then early.
        score -= 0.005 * typical.map_or(0, |t| (d - t).num_days().abs()) as f64;
        score -= 0.01 * (d - earliest).num_days() as f64;
        if best.is_none_or(|(_, s)| score > s + 1e-9) {
            best = Some((d, score));
        }
        d = d.succ_opt()?;
    }
    best.map(|(d, _)| (d, relevant || count_day.is_some()))
}

/// Without evidence: the corpus's typical day within the window that keeps
/// weekday words recent; nothing if there is no window.
fn guess(own: &Own, analysis: &ArticleAnalysis, typical: Option<NaiveDate>) -> Publication {
    let Some((lo, hi)) = own.window else {
        return Publication::UNKNOWN;
    };
    let target = typical.unwrap_or(lo).clamp(lo, hi);
    let mut best = (target, f64::MIN);
    let mut d = lo;
    while d <= hi {
        let score = -weekday_penalty(analysis, d) - 0.05 * (d - target).num_days().abs() as f64;
        if score > best.1 {
            best = (d, score);
        }
        match d.succ_opt() {
            Some(next) => d = next,
            None => break,
        }
    }
    Publication {
        date: Some(best.0),
        inferred: true,
        basis: DateBasis::Guess,
        confidence: 0.3,
    }
}

/// The consensus day of each event across the corpus (place and status
/// class), from every dated report that names a day; `None` where the
/// reports say nothing.
pub fn event_consensus(reports: &[(EventKey, NaiveDate, f64)]) -> FxHashMap<EventKey, NaiveDate> {
    let mut votes = Votes::default();
    for &(k, d, w) in reports {
        votes.add(k, d, w);
    }
    votes
        .by_event
        .keys()
        .filter_map(|&k| votes.consensus(k, &[]).map(|(d, _)| (k, d)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2021, m, day).unwrap()
    }

    #[test]
    fn dates_in_urls() {
        let full = |u: &str| date_in_url(u).and_then(|d| d.full());
        assert_eq!(full("https://nos.nl/x/2021/08/14/taliban"), Some(d(8, 14)));
        assert_eq!(
            full("https://www.standaard.be/cnt/dmf20210814_97152434"),
            Some(d(8, 14))
        );
        assert_eq!(full("https://x.com/news/2021-08-14-kabul"), Some(d(8, 14)));
        assert_eq!(full("https://x.com/a-20210814-b"), Some(d(8, 14)));
        assert_eq!(
            date_in_url("https://www.vrt.be/vrtnws/nl/2021/08/x/"),
            Some(PartialDate {
                year: 2021,
                month: 8,
                day: None
            })
        );
        assert_eq!(date_in_url("https://tolonews.com/afghanistan-174111"), None);
        assert_eq!(full("https://x.com/2021/13/40/"), None);
    }

    #[test]
    fn capital_counts_in_text() {
        assert_eq!(capital_counts("the sixth provincial capital to fall"), [6]);
        assert_eq!(capital_counts("de tiende provinciehoofdstad in een week"), [10]);
        assert_eq!(capital_counts("al twaalf provinciehoofdsteden in handen"), [12]);
        assert_eq!(capital_counts("18 of 34 provincial capitals"), [18]);
        assert!(capital_counts("the capital of Helmand, 3000 troops").is_empty());
    }
}
