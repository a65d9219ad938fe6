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
//!    never before an event it reports as past (agreeing on a capture's
//!    day counts four times agreeing on a state's: a siege lasts weeks, a
//!    fall is a day; and news with no time word goes, all else equal, to
//!    the day after the event it tells). Ordinals ("the sixth
//!    provincial capital", "de tiende provinciehoofdstad") are checked
//!    against the corpus's count of captured capitals;
//! 3. weekday words should be recent: news says "vrijdag" of the last few
//!    days;
//! 4. wordings that presuppose the Taliban in power ("since the Taliban
//!    takeover", "na de machtsovername": the lexicon role `after_takeover`)
//!    put the article on or after the corpus's day of Kabul's capture — a
//!    bound, never a report.
//!
//! An article nothing dates gets a *guess*: the middle of the days it
//! allows (its month, the dates it quotes, its era) within the span of the
//! corpus's known days, or the corpus's typical day if it bounds nothing
//! itself; then the day near that which keeps its weekday words recent.
//!
//! The undated articles are dated **jointly, to a fixed point**: first
//! each against the dated articles alone, then in rounds, one at a time
//! against the consensus of all the others (without its own vote), until
//! no article moves. Agreeing is what every article gains by, so these
//! best responses settle (all moving at once can swing for ever). The
//! rounds take the articles in the order of their content, so no
//! article's place in the input matters.

use chrono::{Datelike, Days, NaiveDate};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::article::Article;
use crate::corpus::ArticleAnalysis;
use crate::dates::{
    DatePrecision, DayPart, EventDate, PartialDate, TimeRef, absolute_near, resolve_relative_date, vague_span,
    weekday_lag,
};
use crate::gazetteer::{Gazetteer, PlaceId, PlaceKind};
use crate::lexicon::{Lexicon, Role};
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
/// short line of their own ("June 29, 2021", "8/13/2021, 4:39:06 AM"),
/// each with whether it is a later update's ([`is_update`]).
fn heading_dates(article: &Article, analysis: &ArticleAnalysis, near: NaiveDate) -> Vec<(NaiveDate, bool)> {
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
            let line_opening = span.start - line_start.max(body) < DATELINE_BYTES
                && is_dateline_opening(&text[line_start.max(body).min(span.start)..span.start]);
            let heading = early_line && !line.contains('@') && (short_line || line_opening);
            // A date of its own line names its year.
            (heading && (year.is_some() || line_opening))
                .then(|| absolute_near(year, month, day, near))
                .flatten()
                .map(|d| (d, is_update(text, span)))
        })
        .collect()
}

/// Is the date at `span` a later update's ("Updated: 16:48 GMT
/// 08.01.2023", "bijgewerkt op 3 september")? An update word within four
/// words before it, on its line, says so.
fn is_update(text: &str, span: &std::ops::Range<usize>) -> bool {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..span.start]
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(4)
        .any(|w| Lexicon::word_is(w.to_lowercase().as_str(), Role::UpdateWord))
}

/// Can `before` open a dateline ahead of its date: names ("Kabul,",
/// "HERAT, Afghanistan (AP) —"), weekdays and words of publication
/// ("Updated", "gepubliceerd op"), not running text ("Nu het vertrek op
/// 31 augustus").
fn is_dateline_opening(before: &str) -> bool {
    before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            let lower = w.to_lowercase();
            w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || Lexicon::word_is(lower.as_str(), Role::DatelineWord)
                || crate::dates::is_weekday_word(&lower)
        })
}

/// The day an article appeared by a day word set beside a date
/// ("yesterday, June 26", "June 26 (yesterday)", "vandaag, 11 augustus"):
/// the date and the word together fix it. The latest such day, if any.
fn anchored_day(text: &str, analysis: &ArticleAnalysis, near: NaiveDate) -> Option<NaiveDate> {
    let back = |t: &TimeRef| match t {
        TimeRef::Today { .. } => Some(0),
        TimeRef::Yesterday { .. } => Some(1),
        TimeRef::DayBeforeYesterday => Some(2),
        _ => None,
    };
    let beside = |a: &std::ops::Range<usize>, b: &std::ops::Range<usize>| {
        a.end <= b.start
            && b.start - a.end <= 3
            && text[a.end..b.start]
                .chars()
                .all(|c| matches!(c, ' ' | ',' | '(' | '\u{a0}'))
    };
    let refs = &analysis.time_refs;
    refs.iter()
        .zip(refs.iter().skip(1))
        .filter_map(|((s1, t1), (s2, t2))| {
            let (days, (year, month, day)) = match (t1, t2) {
                (t, TimeRef::Absolute { year, month, day }) if beside(s1, s2) => (back(t)?, (*year, *month, *day)),
                (TimeRef::Absolute { year, month, day }, t) if beside(s1, s2) => (back(t)?, (*year, *month, *day)),
                _ => return None,
            };
            absolute_near(year, month, day, near)?.checked_add_days(Days::new(days))
        })
        .max()
}

/// Absolute dates anywhere in the text that lie in the past: the article
/// appears after them. A deadline ("tegen 31 augustus", "by August 31")
/// says nothing of the kind, nor does a later update's date
/// (`skip_updates`: when the article heads itself with another date).
///
/// Each date comes with whether its sentence puts it weeks back ("took
/// power in Kabul on August 15, three weeks ago"): such a date bounds the
/// article a week later and is no sign that the article is recent.
fn text_dates<'a>(
    text: &'a str,
    analysis: &'a ArticleAnalysis,
    near: NaiveDate,
    skip_updates: bool,
) -> impl Iterator<Item = (NaiveDate, QuotedDate)> + 'a {
    analysis.time_refs.iter().filter_map(move |(span, t)| match *t {
        TimeRef::Absolute { year, month, day }
            if !(is_deadline(text, span) || skip_updates && is_update(text, span)) =>
        {
            let kind = if weeks_ago_in_sentence(analysis, span) {
                QuotedDate::WeeksBack
            } else if heads_an_event(text, analysis, span) {
                QuotedDate::EventDay
            } else if opens_a_span(text, span) {
                QuotedDate::SpanStart
            } else {
                QuotedDate::Recent
            };
            absolute_near(year, month, day, near).map(|d| (d, kind))
        }
        _ => None,
    })
}

/// What a date an article quotes says of when it appeared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuotedDate {
    /// Recent news: the article appeared soon after it.
    Recent,
    /// Its sentence puts it weeks back: the article is a week later at
    /// least.
    WeeksBack,
    /// The start of a span ("since May 1", "sinds de start van de
    /// terugtrekking op 1 mei"): the article is after it, how long after
    /// it does not say.
    SpanStart,
    /// The day of an event named by it ("the August 15 fall of Kabul"):
    /// the article is after it, and need not be near it.
    EventDay,
}

/// Does a "since" ("sinds", "sedert") open the phrase the date at `span`
/// ends: within a few words before it, in its clause?
pub(crate) fn opens_a_span(text: &str, span: &std::ops::Range<usize>) -> bool {
    let start = text[..span.start]
        .rfind(['.', ';', ':', '!', '?', '\n', ','])
        .map_or(0, |i| i + 1);
    text[start..span.start]
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(SPAN_START_WORDS)
        .any(|w| Lexicon::word_is(&w.to_lowercase(), Role::SinceWord))
}

/// Does the date at `span` head the noun of an event the article reports
/// ("the August 15 fall of Kabul")? It names a known event's day, not a
/// recent one: the article is after it, how long after it does not say.
fn heads_an_event(text: &str, analysis: &ArticleAnalysis, span: &std::ops::Range<usize>) -> bool {
    analysis
        .reports
        .iter()
        .any(|r| r.cue.start > span.end && text[span.end..r.cue.start] == *" ")
}

/// How many words before a date a "since" may stand and still open its
/// span ("since the beginning of the US withdrawal from the country on
/// May 1").
const SPAN_START_WORDS: usize = 12;

/// Does the sentence holding `span` also say "weeks ago" ("drie weken
/// geleden")?
fn weeks_ago_in_sentence(analysis: &ArticleAnalysis, span: &std::ops::Range<usize>) -> bool {
    let Some(sentence) = analysis
        .sentences
        .iter()
        .find(|s| s.start <= span.start && span.end <= s.end)
    else {
        return false;
    };
    analysis
        .time_refs
        .iter()
        .any(|(r, t)| matches!(t, TimeRef::WeeksAgo) && sentence.start <= r.start && r.end <= sentence.end)
}

/// Is the date at `span` a deadline or a plan, which the article may well
/// precede: after "by", "before", "until", "tegen", "voor", "tot",
/// "uiterlijk (op)", "after", "na"; or followed within its clause by a
/// word of the future or of obligation ("the August 31 deadline", "op 11
/// september moet zijn voltooid", "on 31 August will end", "op 31
/// augustus wordt geformaliseerd").
fn is_deadline(text: &str, span: &std::ops::Range<usize>) -> bool {
    let mut before = text[..span.start]
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(2)
        .map(str::to_lowercase);
    let last = before.next().unwrap_or_default();
    let second = before.next().unwrap_or_default();
    if Lexicon::word_is(last.as_str(), Role::DeadlineWord)
        || matches!(last.as_str(), "on" | "op") && Lexicon::word_is(second.as_str(), Role::DeadlineWord)
    {
        return true;
    }
    // A plan's word before it in its clause ("the mission would end on
    // Aug. 31", "de missie zal op 31 augustus eindigen").
    let head = &text[..span.start];
    let clause_start = head.rfind(['.', ',', ';', ':', '!', '?', '\n']).map_or(0, |i| i + 1);
    if head[clause_start..]
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(PLAN_WORDS_BEFORE)
        .any(|w| Lexicon::word_is(&w.to_lowercase(), Role::PlanWord))
    {
        return true;
    }
    // The words after it, up to the end of its clause.
    let rest = &text[span.end.min(text.len())..];
    let clause = &rest[..rest.find(['.', ',', ';', ':', '!', '?', '\n']).unwrap_or(rest.len())];
    clause
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(3)
        .any(|w| Lexicon::word_is(&w.to_lowercase(), Role::PlanWord))
}

/// How many words before a date a plan's word makes it a deadline.
const PLAN_WORDS_BEFORE: usize = 4;

/// Ordinals and counts of provincial capitals the text states ("the sixth
/// provincial capital", "de tiende provinciehoofdstad", "twelve
/// provincial capitals have fallen", "18 of 34 capitals").
///
/// Only a number that qualifies the capital noun counts, with nothing but
/// adjectives between them ("ten noorden van de hoofdstad" and "op 15
/// augustus de hoofdstad" count nothing); not "three other capitals" or
/// "two more capitals" (not a total), nor "fighting in three provincial
/// capitals" (a place). A cardinal needs a word of capture near it ("have
/// fallen", "in handen"); an ordinal or "N of 34" is a count by itself.
pub fn capital_counts(text: &str) -> Vec<u32> {
    // Most texts name no capital: find out without splitting them.
    let bytes = text.as_bytes();
    if memchr::memmem::find(bytes, b"apital").is_none() && memchr::memmem::find(bytes, b"oofdst").is_none() {
        return Vec::new();
    }
    let lower = text.to_lowercase();
    let words = lower_words(&lower);
    let word = |j: usize| words.get(j).copied().unwrap_or("");
    let mut out = Vec::new();
    let mut total_at = None;
    let mut skip_to = 0;
    for i in 0..words.len() {
        if i < skip_to {
            continue;
        }
        let Some((n, ordinal, len)) = count_at(&words, i) else {
            continue;
        };
        skip_to = i + len;
        // Not the total in "18 of 34 capitals", nor "the 34 capitals";
        // one only as an ordinal ("the first provincial capital").
        if total_at == Some(i) || !((2..34).contains(&n) || ordinal && n == 1) {
            continue;
        }
        // "18 of 34 capitals", "17 of Afghanistan's 34 provincial
        // capitals": the capital noun comes after the total.
        let after = i + len;
        let total = matches!(word(after), "of" | "van")
            .then(|| (after + 1..after + 5).find(|&j| count_word(word(j)).is_some()))
            .flatten();
        total_at = total;
        let of_total = total.is_some();
        let from = total.map_or(after, |t| t + 1);
        // The capital noun within three words, only adjectives between.
        let mut capital = false;
        for j in from..from + 3 {
            let x = word(j);
            if Lexicon::word_is(x, Role::CapitalWord) {
                capital = true;
                break;
            }
            if x.is_empty()
                || Lexicon::word_is(x, Role::CountStop)
                || count_word(x).is_some()
                || crate::dates::month_of(x).is_some()
            {
                break;
            }
        }
        if !capital {
            continue;
        }
        // "threatens 17 of the 34 provincial capitals": not fallen ones.
        if (i.saturating_sub(6)..i).any(|j| Lexicon::word_is(word(j), Role::CountThreat)) {
            continue;
        }
        // "in (zeker) drie provinciehoofdsteden": where, not how many.
        let mut b = i;
        while b > 0 && Lexicon::word_is(word(b - 1), Role::CountHedge) {
            b -= 1;
        }
        if b > 0 && Lexicon::word_is(word(b - 1), Role::CountLocative) {
            continue;
        }
        // "weer vijf hoofdsteden", "on Thursday five capitals fell": what
        // one day added, not the total.
        let increment = (i.saturating_sub(3)..i).any(|j| {
            let x = word(j);
            Lexicon::word_is(x, Role::Increment) || crate::dates::is_weekday_word(x)
        });
        if !ordinal && !of_total && increment {
            continue;
        }
        let cue =
            || (i.saturating_sub(6)..(i + 10).min(words.len())).any(|j| Lexicon::word_is(word(j), Role::CountCapture));
        if ordinal || of_total || cue() {
            out.push(n);
        }
    }
    if first_time_capital(text) {
        out.push(1);
    }
    out
}

/// The words of `lower` (a lower-cased text): its runs of letters and digits.
fn lower_words(lower: &str) -> Vec<&str> {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// "For the first time a provincial capital has fallen", "voor het eerst
/// is een provinciehoofdstad in handen gevallen": within one sentence, the
/// words of a first time, then a capital noun after an indefinite article
/// (only adjectives between), then a word of capture.
fn first_time_capital(text: &str) -> bool {
    text.split(['.', '!', '?', '\n']).any(|sentence| {
        let lower = sentence.to_lowercase();
        let words = lower_words(&lower);
        let word = |j: usize| words.get(j).copied().unwrap_or("");
        let Some(first) = (0..words.len()).find(|&i| {
            word(i) == "eerst" && word(i.wrapping_sub(1)) == "het" && word(i.wrapping_sub(2)) == "voor"
                || word(i) == "first" && word(i + 1) == "time"
        }) else {
            return false;
        };
        let Some(noun) = (first + 1..words.len()).find(|&j| {
            matches!(word(j), "a" | "een")
                && (j + 1..j + 4)
                    .take_while(|&k| !Lexicon::word_is(word(k), Role::CountStop) && !word(k).is_empty())
                    .any(|k| Lexicon::word_is(word(k), Role::CapitalWord))
        }) else {
            return false;
        };
        (noun..words.len()).any(|j| Lexicon::word_is(word(j), Role::CountCapture))
    })
}

/// Ordinal and cardinal words to their number, and whether it is an
/// ordinal (the counts news gives of fallen capitals run to 34): "sixth",
/// "tiende", "8th", "18", "twaalf", "negentiende", "eenentwintigste",
/// "twentieth". (An English compound is two words, "twenty-first": see
/// [`count_at`].)
pub(crate) fn count_word(w: &str) -> Option<(u32, bool)> {
    if let Ok(n) = w.parse::<u32>() {
        return Some((n, false));
    }
    for suffix in ["st", "nd", "rd", "th", "ste", "de", "e"] {
        if let Some(digits) = w.strip_suffix(suffix)
            && !digits.is_empty()
            && let Ok(n) = digits.parse::<u32>()
        {
            return Some((n, true));
        }
    }
    if let Some(found) = small_count(w) {
        return Some(found);
    }
    // Dutch tens, alone or with a unit before them: "twintig",
    // "dertigste", "eenentwintigste", "tweeëntwintig", "drieëndertig".
    let (stem, ordinal) = match w.strip_suffix("ste") {
        Some(stem) => (stem, true),
        None => (w, false),
    };
    for (tens_word, tens) in [("twintig", 20), ("dertig", 30)] {
        let Some(head) = stem.strip_suffix(tens_word) else {
            continue;
        };
        if head.is_empty() {
            return Some((tens, ordinal));
        }
        let unit = head.strip_suffix("en").or_else(|| head.strip_suffix("ën"))?;
        return unit_word(unit).map(|n| (tens + n, ordinal));
    }
    // English tens.
    match w {
        "twenty" => Some((20, false)),
        "thirty" => Some((30, false)),
        "twentieth" => Some((20, true)),
        "thirtieth" => Some((30, true)),
        _ => None,
    }
}

/// The count words of 1 to 19, English and Dutch.
fn small_count(w: &str) -> Option<(u32, bool)> {
    const WORDS: [(&[&str], &[&str], u32); 19] = [
        (&["first", "eerste"], &[], 1),
        (&["second", "tweede"], &["two", "twee"], 2),
        (&["third", "derde"], &["three", "drie"], 3),
        (&["fourth", "vierde"], &["four", "vier"], 4),
        (&["fifth", "vijfde"], &["five", "vijf"], 5),
        (&["sixth", "zesde"], &["six", "zes"], 6),
        (&["seventh", "zevende"], &["seven", "zeven"], 7),
        (&["eighth", "achtste"], &["eight", "acht"], 8),
        (&["ninth", "negende"], &["nine", "negen"], 9),
        (&["tenth", "tiende"], &["ten", "tien"], 10),
        (&["eleventh", "elfde"], &["eleven", "elf"], 11),
        (&["twelfth", "twaalfde"], &["twelve", "twaalf"], 12),
        (&["thirteenth", "dertiende"], &["thirteen", "dertien"], 13),
        (&["fourteenth", "veertiende"], &["fourteen", "veertien"], 14),
        (&["fifteenth", "vijftiende"], &["fifteen", "vijftien"], 15),
        (&["sixteenth", "zestiende"], &["sixteen", "zestien"], 16),
        (&["seventeenth", "zeventiende"], &["seventeen", "zeventien"], 17),
        (&["eighteenth", "achttiende"], &["eighteen", "achttien"], 18),
        (&["nineteenth", "negentiende"], &["nineteen", "negentien"], 19),
    ];
    WORDS.iter().find_map(|(ordinals, cardinals, n)| {
        if ordinals.contains(&w) {
            Some((*n, true))
        } else if cardinals.contains(&w) {
            Some((*n, false))
        } else {
            None
        }
    })
}

/// A unit of a compound number: "een" in "eenentwintig", "one" in
/// "thirty-one" (alone, "een" and "one" count nothing: they are articles
/// and pronouns far more often).
fn unit_word(w: &str) -> Option<u32> {
    match w {
        "een" | "one" => Some(1),
        _ => small_count(w)
            .filter(|&(n, ordinal)| (2..=9).contains(&n) && !ordinal)
            .map(|(n, _)| n),
    }
}

/// The count at word `i` of `words`, with how many words it takes: one,
/// or two for an English compound ("twenty-first", "thirty four").
fn count_at(words: &[&str], i: usize) -> Option<(u32, bool, usize)> {
    let (n, ordinal) = count_word(words[i])?;
    if matches!((n, ordinal), (20 | 30, false))
        && let Some(next) = words.get(i + 1)
    {
        if let Some(unit) = unit_word(next) {
            return Some((n + unit, false, 2));
        }
        if let Some((unit @ 1..=9, true)) = small_count(next) {
            return Some((n + unit, true, 2));
        }
    }
    Some((n, ordinal, 1))
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

/// Is the event a capture (captured or claimed), not a state (fighting, a
/// threat, a place held)?
pub fn is_capture(key: EventKey) -> bool {
    key.1 == 0
}

/// How much a report's date says about its event: a named day fully, a
/// week, a month or the publication day (no time word) less, background
/// nothing.
pub fn precision_weight(p: DatePrecision) -> f64 {
    match p {
        DatePrecision::Day | DatePrecision::PartOfDay => 1.0,
        DatePrecision::Publication => 0.5,
        DatePrecision::Week => 0.2,
        DatePrecision::Month => 0.1,
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
        // (Counted from another event the corpus has not dated yet: when
        // is not known from the article.)
        precision: if (r.background || matches!(r.time, Some((_, TimeRef::AfterFall { .. })))) && resolved.is_none() {
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
/// which day. Each event's votes are kept day by day over the corpus's
/// span, so that support on a day is an array look-up.
struct Votes {
    first: NaiveDate,
    days: usize,
    index: FxHashMap<EventKey, usize>,
    /// Per event, the votes of each day.
    by_day: Vec<Vec<f64>>,
    /// Per event, its best days by support (most first, then earliest).
    best: Vec<Vec<(NaiveDate, f64)>>,
}

/// How many of an event's best days are kept to find its consensus once
/// an article's own votes are left out.
const BEST_DAYS: usize = 4;

impl Votes {
    /// The votes `(event, day, weight)`; days outside `first..first+days`
    /// are dropped.
    fn new(votes: impl IntoIterator<Item = (EventKey, NaiveDate, f64)>, first: NaiveDate, days: usize) -> Self {
        let mut v = Votes {
            first,
            days,
            index: FxHashMap::default(),
            by_day: Vec::new(),
            best: Vec::new(),
        };
        for (key, day, w) in votes {
            v.add(key, day, w);
        }
        for e in 0..v.by_day.len() {
            v.refresh(e);
        }
        v
    }

    /// Adds a vote (a negative weight takes one back); the event's best
    /// days are stale until [`Votes::refresh`]. Returns the event's slot.
    fn add(&mut self, key: EventKey, day: NaiveDate, w: f64) -> Option<usize> {
        let d = self.slot(day)?;
        let next = self.by_day.len();
        let e = *self.index.entry(key).or_insert(next);
        if e == next {
            self.by_day.push(vec![0.0; self.days]);
            self.best.push(Vec::new());
        }
        let cell = &mut self.by_day[e][d];
        *cell += w;
        // Taking back what was added leaves no rounding dust.
        if cell.abs() < 1e-9 {
            *cell = 0.0;
        }
        Some(e)
    }

    /// Moves an article's votes from `old` to `new`, keeping best days
    /// current.
    fn replace(&mut self, old: &[(EventKey, NaiveDate, f64)], new: &[(EventKey, NaiveDate, f64)]) {
        let mut touched: Vec<usize> = Vec::with_capacity(old.len() + new.len());
        for &(k, d, w) in old {
            touched.extend(self.add(k, d, -w));
        }
        for &(k, d, w) in new {
            touched.extend(self.add(k, d, w));
        }
        touched.sort_unstable();
        touched.dedup();
        for e in touched {
            self.refresh(e);
        }
    }

    /// Recomputes an event's best days.
    fn refresh(&mut self, e: usize) {
        let mut days: Vec<(NaiveDate, f64)> = (0..self.days)
            .filter(|&d| self.by_day[e][d] > 0.0)
            .map(|d| (self.first + Days::new(d as u64), self.support_at(e, d)))
            .collect();
        days.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        days.truncate(BEST_DAYS);
        self.best[e] = days;
    }

    fn slot(&self, day: NaiveDate) -> Option<usize> {
        let d = (day - self.first).num_days();
        (0..self.days as i64).contains(&d).then_some(d as usize)
    }

    fn support_at(&self, e: usize, d: usize) -> f64 {
        let row = &self.by_day[e];
        row[d] + 0.5 * (d.checked_sub(1).map_or(0.0, |p| row[p]) + row.get(d + 1).copied().unwrap_or(0.0))
    }

    /// An event's place among the votes.
    fn event(&self, key: EventKey) -> Option<usize> {
        self.index.get(&key).copied()
    }

    /// The day most votes give an event, with its support (ties: the
    /// earliest), leaving out `own` (an article's own votes).
    fn consensus(&self, key: EventKey, own: &[(EventKey, NaiveDate, f64)]) -> Option<(NaiveDate, f64)> {
        let &e = self.index.get(&key)?;
        let mut best: Option<(NaiveDate, f64)> = None;
        for &(d, support) in &self.best[e] {
            let s = support - own_support(own, key, d);
            if s > 1e-9 && best.is_none_or(|(bd, bs)| s > bs + 1e-9 || (s - bs).abs() <= 1e-9 && d < bd) {
                best = Some((d, s));
            }
        }
        best
    }

    /// An event's best days by support.
    fn best_days(&self, key: EventKey) -> &[(NaiveDate, f64)] {
        self.index.get(&key).map_or(&[], |&e| self.best[e].as_slice())
    }

    /// The consensus day of every event.
    fn consensus_days(&self) -> impl Iterator<Item = (EventKey, NaiveDate, f64)> + '_ {
        self.index
            .iter()
            .filter_map(|(&k, &e)| self.best[e].first().map(|&(d, s)| (k, d, s)))
    }
}

/// What an article's own votes add to an event's support on a day.
fn own_support(own: &[(EventKey, NaiveDate, f64)], key: EventKey, day: NaiveDate) -> f64 {
    own.iter()
        .filter(|(k, _, _)| *k == key)
        .map(|&(_, d, w)| match (d - day).num_days().abs() {
            0 => w,
            1 => w / 2.0,
            _ => 0.0,
        })
        .sum()
}

/// The span of days votes and windows can fall on.
fn span_of(days: impl Iterator<Item = NaiveDate>) -> (NaiveDate, usize) {
    let (mut lo, mut hi) = (NaiveDate::MAX, NaiveDate::MIN);
    for d in days {
        lo = lo.min(d);
        hi = hi.max(d);
    }
    if lo > hi {
        return (NaiveDate::MIN, 0);
    }
    (lo - Days::new(1), (hi - lo).num_days() as usize + 3)
}

/// What agreeing on the day of a state (contested, threatened, held) is
/// worth against agreeing on a capture's: a siege or a front lasts days
/// or weeks, so the day other articles give it says less about when an
/// article appeared than the day a town fell.
const STATE_WEIGHT: f64 = 0.25;

/// How many days a state others report agrees with an article's report of
/// it, less each day away: a siege or a front lasts about a week.
const STATE_DAYS: u64 = 7;

/// What a day between an article and the day the corpus's count of
/// captured capitals reaches the count it states costs.
const COUNT_DAY_COST: f64 = 0.3;

/// How much news with no time word says for the day before it appeared,
/// against the day itself: as much (a morning paper tells yesterday's
/// fall as "has fallen" as often as an evening edition tells today's).
const NEXT_DAY_NEWS: f64 = 1.0;

/// What a day away from the corpus's typical day costs an article: a
/// tie-breaker only, never worth a report's agreement (a month away costs
/// less than one vote of an inferred article).
const TYPICAL_PULL: f64 = 0.0005;

/// What each day more than one after the latest date an article quotes
/// costs it: news quotes the days just before it appeared.
const QUOTED_DAY_LAG: f64 = 0.15;

/// What appearing `days` before the consensus day of an event an article
/// reports costs it: a whole vote a day, but the first day less, as the
/// consensus itself is often a day late (news with no time word votes for
/// its own day and the day before).
fn past_event_cost(days: i64) -> f64 {
    match days {
        ..=0 => 0.0,
        1 => PAST_EVENT_FIRST_DAY,
        _ => PAST_EVENT_FIRST_DAY + (days - 1) as f64,
    }
}

const PAST_EVENT_FIRST_DAY: f64 = 0.3;

/// Rounds of joint dating at most (they stop as soon as nothing moves).
const MAX_ROUNDS: usize = 40;

/// How much an inferred article's reports weigh against a dated one's:
/// ten inferred articles count as one that states its day, so inferred
/// articles fill in events nothing dated reports but barely move each
/// other (the rounds settle in a few).
const OPEN_WEIGHT: f64 = 0.1;

/// The edge the day of the round before has over the others: it keeps
/// its day on a tie, never against a single vote, nor against half a vote
/// of agreement at a precision weight (a day two events agree on).
const SETTLE: f64 = 0.01;

/// Sorted anchor days without those no other anchor comes within a year
/// of (a lone page with stale metadata must not stretch the corpus's span
/// back years and let a stock caption's year date another article); kept
/// whole when fewer than three.
fn without_lone_anchors(sorted: &[NaiveDate]) -> Vec<NaiveDate> {
    if sorted.len() < 3 {
        return sorted.to_vec();
    }
    let near = |a: NaiveDate, b: NaiveDate| (a - b).num_days().abs() <= LONE_ANCHOR_DAYS;
    (0..sorted.len())
        .filter(|&i| {
            (i > 0 && near(sorted[i], sorted[i - 1])) || sorted.get(i + 1).is_some_and(|&next| near(sorted[i], next))
        })
        .map(|i| sorted[i])
        .collect()
}

/// Does the article's text (its `date` line aside) name `year`, in a date
/// or on its own?
fn names_year(article: &Article, analysis: &ArticleAnalysis, year: i32) -> bool {
    analysis.time_refs.iter().any(|(span, t)| {
        span.start >= article.body_start
            && match *t {
                TimeRef::Absolute { year: Some(y), .. } | TimeRef::Year { year: y } => y == year,
                _ => false,
            }
    })
}

/// How far from every other anchor a lone anchor is.
const LONE_ANCHOR_DAYS: i64 = 365;

/// The article's stated date (`date` line or metadata), unless the text
/// itself belies it: a page's stale metadata ("date 2015-09-14" over a
/// report of June 2021) is no evidence.
fn trusted_stated_date(article: &Article, analysis: &ArticleAnalysis) -> Option<PartialDate> {
    article.stated_date.filter(|d| {
        d.range()
            .is_none_or(|(_, last)| !belied_by_text(article, analysis, last))
    })
}

/// Does the article quote a full date, with its year, well after `last`
/// (the last day its stated date allows), other than a deadline or plan?
/// News does not quote days after it appeared.
fn belied_by_text(article: &Article, analysis: &ArticleAnalysis, last: NaiveDate) -> bool {
    analysis.time_refs.iter().any(|(span, t)| match *t {
        TimeRef::Absolute {
            year: Some(y),
            month,
            day,
        } => NaiveDate::from_ymd_opt(y, month, day)
            .is_some_and(|d| d > last + Days::new(STATED_DATE_SLACK) && !is_deadline(&article.text, span)),
        _ => false,
    })
}

/// How many days past its stated date an article may quote a day before
/// the stated date is taken for stale metadata.
const STATED_DATE_SLACK: u64 = 92;

/// What one article says for itself.
#[derive(Debug)]
struct Own {
    /// Its date when its own evidence fixes it.
    fixed: Option<(NaiveDate, DateBasis)>,
    /// The days it may have appeared on.
    window: Option<(NaiveDate, NaiveDate)>,
    /// It appeared on or after this day (the dates it quotes).
    lower: Option<NaiveDate>,
    /// Counts of captured capitals it states.
    counts: Vec<u32>,
    /// The capitals it reports captured as news ([`news_capitals`]), when
    /// it states a count.
    news_capitals: Vec<PlaceId>,
    /// Its window is its own (a month it states, dates it quotes), not
    /// just the corpus's span.
    bounded: bool,
    /// It appeared on or after this day: it presupposes the Taliban in
    /// power ([`ArticleAnalysis::after_takeover`]), so it is not before the
    /// corpus's day of the capital's capture. A bound, not evidence of a
    /// day.
    era: Option<NaiveDate>,
}

/// Dates the reports of one article would get if it appeared on `day`:
/// (event, date, weight) for each report that says when.
fn votes_of(analysis: &ArticleAnalysis, day: NaiveDate, weight: f64) -> Vec<(EventKey, NaiveDate, f64)> {
    let mut out = Vec::with_capacity(analysis.reports.len());
    for r in &analysis.reports {
        if let Some(e) = event_date(r, day)
            && e.date + Days::new(60) >= day
        {
            out.extend(report_votes(r, e, day, weight));
        }
    }
    out
}

/// The share of a vote that news with no time word gives the day before it
/// appeared ("has fallen" in the morning paper); the rest goes to its own
/// day. Under a half, so that one article alone dates its event on its own
/// day (as a reader would), while several of a day still outvote it.
const PREVIOUS_DAY_SHARE: f64 = 0.4;

/// What a report dated `e` says about its event's day, as votes: a named
/// day fully; news with no time word mostly for the day it appeared and
/// the rest for the day before ([`PREVIOUS_DAY_SHARE`]); an evening or a
/// night half for the next day; background nothing. The corpus's consensus
/// day of each event is counted from the same votes.
pub fn report_votes(
    r: &CaptureReport,
    e: EventDate,
    published: NaiveDate,
    weight: f64,
) -> impl Iterator<Item = (EventKey, NaiveDate, f64)> {
    let key = event_key(r);
    let w = exact_weight(precision_weight(e.precision) * weight);
    // The other day an event may as well belong to: the day before for
    // news with no time word, the day after for one of the evening or the
    // night ("gisteravond", "last night"), which often ends after
    // midnight; the day before for a night dated by its morning
    // ("vannacht", "overnight"), which began on it (less: the morning's
    // day, which the article gives, wins a tie).
    let night_ending = matches!(r.time, Some((_, TimeRef::LastNightEnding)));
    let other = match (e.precision, e.part) {
        (DatePrecision::Publication, _) => e.date.pred_opt().map(|d| (d, PREVIOUS_DAY_SHARE)),
        (DatePrecision::PartOfDay, Some(DayPart::Night)) if night_ending => {
            e.date.pred_opt().map(|d| (d, PREVIOUS_DAY_SHARE))
        }
        (DatePrecision::PartOfDay, Some(DayPart::Evening | DayPart::Night)) => e.date.succ_opt().map(|d| (d, 0.5)),
        _ => None,
    };
    let own = other.map_or(w, |(_, share)| exact_weight(w * (1.0 - share)));
    let first = (w > 0.0).then_some((key, e.date, own));
    let second = other
        .filter(|_| w > 0.0)
        .map(|(d, share)| (key, d, exact_weight(w * share)));
    // A vague time ("last week", "in late June") is one day of a span the
    // event may have had any day of: the others get a share of the vote
    // (less than the day itself, so that an event dated only so keeps
    // that day), and a named day inside the span agrees with it.
    let span = r
        .time
        .as_ref()
        .filter(|_| w > 0.0)
        .and_then(|(_, t)| vague_span(t, published))
        .into_iter()
        .flat_map(|(lo, hi)| lo.iter_days().take_while(move |d| *d <= hi))
        .filter(move |d| *d != e.date)
        .map(move |d| (key, d, exact_weight(w * SPAN_SHARE)));
    first.into_iter().chain(second).chain(span)
}

/// The share of a vague time's vote ([`vague_span`]) each other day of
/// its span gets: under a half, so that the day next to the vote's own,
/// with the smoothing of [`Votes::support_at`], stays below it.
const SPAN_SHARE: f64 = 0.4;

/// A vote's weight rounded to a multiple of 1/1024. Sums of such weights,
/// and their halves, are exact in `f64`, so taking an article's votes back
/// restores the support to the bit, and a test such as "support ≥ 1" does
/// not depend on the order in which articles were re-dated.
fn exact_weight(w: f64) -> f64 {
    (w * 1024.0).round() / 1024.0
}

/// Penalty for weekday words that reach far back: the most recent one is
/// usually today or yesterday.
///
/// An article that calls its own day "vandaag" / "today" names other days
/// by their weekday: a weekday of its own is not its day ("President Ghani
/// flew to Mazar today … after the fall of Kunduz on Sunday") and counts
/// as a week back; and its weekdays say little of how recent it is (its
/// "today" does), so they weigh a tenth.
fn weekday_penalty(analysis: &ArticleAnalysis, date: NaiveDate) -> f64 {
    let says_today = analysis
        .time_refs
        .iter()
        .any(|(_, t)| matches!(t, TimeRef::Today { .. }));
    let (min, sum) = analysis
        .time_refs
        .iter()
        .filter_map(|(_, t)| {
            let lag = weekday_lag(t, date)?;
            let daytime = matches!(
                t,
                TimeRef::Weekday {
                    part: None | Some(DayPart::Morning | DayPart::Afternoon),
                    ..
                }
            );
            Some(if says_today && daytime && lag == 0 { 7 } else { lag })
        })
        .fold((None, 0.0), |(min, sum), lag| {
            (Some(min.map_or(lag, |m: u32| m.min(lag))), sum + f64::from(lag))
        });
    let scale = if says_today { 0.1 } else { 1.0 };
    min.map_or(0.0, |m| scale * (0.5 * f64::from(m) + 0.1 * sum))
}

/// The days on which the corpus's count of captured capitals reaches each
/// number, from the consensus of capital captures.
fn capital_count_days(gaz: &Gazetteer, votes: &Votes) -> Vec<(NaiveDate, PlaceId)> {
    let mut days: Vec<(NaiveDate, PlaceId)> = votes
        .consensus_days()
        .filter(|((p, class), _, support)| {
            *class == 0
                && *support >= 1.0
                && gaz
                    .places()
                    .get(*p as usize)
                    .is_some_and(|x| x.kind == PlaceKind::Capital)
        })
        .map(|((p, _), d, _)| (d, p))
        .collect();
    days.sort();
    days
}

/// The provincial capitals an article reports captured as news (not
/// background): its own part of a count of captured capitals it states
/// ("Aybak fell today, the sixth provincial capital").
fn news_capitals(gaz: &Gazetteer, analysis: &ArticleAnalysis) -> Vec<PlaceId> {
    let mut out: Vec<PlaceId> = analysis
        .reports
        .iter()
        .filter(|r| r.status == Status::Captured && !r.background)
        .filter(|r| {
            gaz.places()
                .get(r.place as usize)
                .is_some_and(|x| x.kind == PlaceKind::Capital)
        })
        .map(|r| r.place)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The day the dated articles give the capture of the country's capital
/// (the most populous provincial capital: Kabul), if they agree on one.
fn takeover_day(gaz: &Gazetteer, votes: &Votes) -> Option<NaiveDate> {
    let capital = gaz.capitals().max_by_key(|p| (p.population, std::cmp::Reverse(p.id)))?;
    votes
        .consensus((capital.id, 0), &[])
        .filter(|&(_, support)| support >= 1.0)
        .map(|(d, _)| d)
}

/// Infers every article's publication date (see the module docs).
pub fn infer_publication_dates(
    gaz: &Gazetteer,
    articles: &[Article],
    analyses: &[ArticleAnalysis],
) -> Vec<Publication> {
    let n = articles.len();
    // The span of the dates the corpus states, for articles with none.
    let mut stated: Vec<Option<PartialDate>> = articles
        .iter()
        .zip(analyses)
        .map(|(a, an)| trusted_stated_date(a, an))
        .collect();
    let anchors: Vec<NaiveDate> = stated
        .iter()
        .filter_map(|d| d.and_then(|d| d.range()).map(|r| r.0))
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
    let sorted_anchors = without_lone_anchors(&sorted_anchors);
    // A stated date a year away from every other article's, in a text
    // that never names its year, is a page's stale metadata ("date
    // 2017-07-11" over the fall of Ghazni in 2021): the article is dated
    // as one that states nothing.
    for ((d, an), article) in stated.iter_mut().zip(analyses).zip(articles) {
        if let Some(first) = d.and_then(|p| p.range()).map(|r| r.0)
            && sorted_anchors.binary_search(&first).is_err()
            && !names_year(article, an, first.year())
        {
            *d = None;
        }
    }
    let typical = sorted_anchors.get(sorted_anchors.len() / 2).copied();
    let corpus_window = sorted_anchors
        .first()
        .zip(sorted_anchors.last())
        .map(|(lo, hi)| (*lo - Days::new(31), *hi + Days::new(31)));

    let mut own: Vec<Own> = (0..n)
        .map(|i| own_evidence(&articles[i], &analyses[i], stated[i], corpus_window, typical, None))
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
            let counted = Some(std::mem::take(&mut own[i].counts));
            own[i] = own_evidence(&articles[i], &analyses[i], stated[i], corpus_window, typical, counted);
        }
    }

    for i in 0..n {
        if !own[i].counts.is_empty() {
            own[i].news_capitals = news_capitals(gaz, &analyses[i]);
        }
    }

    let mut current: Vec<Option<(NaiveDate, DateBasis)>> = own.iter().map(|o| o.fixed).collect();
    let fixed_votes: Vec<Vec<(EventKey, NaiveDate, f64)>> = (0..n)
        .map(|i| match own[i].fixed {
            Some((d, _)) => votes_of(&analyses[i], d, 1.0),
            None => Vec::new(),
        })
        .collect();
    // The span every vote and window falls in.
    let (first, days) = span_of(
        fixed_votes
            .iter()
            .flatten()
            .map(|v| v.1)
            .chain(own.iter().filter_map(|o| o.window).flat_map(|(lo, hi)| [lo, hi])),
    );
    let mut votes = Votes::new(fixed_votes.iter().flatten().copied(), first, days);
    let open: Vec<usize> = (0..n).filter(|&i| own[i].fixed.is_none()).collect();
    // Articles that presuppose the Taliban in power appeared on or after
    // the day the dated articles give the capital's capture (unless their
    // own window ends before it: the month they state holds).
    if let Some(day) = takeover_day(gaz, &votes) {
        for &i in &open {
            if analyses[i].after_takeover && own[i].window.is_some_and(|(_, hi)| hi >= day) {
                own[i].era = Some(day);
            }
        }
    }
    // The span of the days the corpus's articles are known to have
    // appeared on: where a guess looks.
    let fixed_days = || own.iter().filter_map(|o| o.fixed.map(|f| f.0));
    let known_span = fixed_days().min().zip(fixed_days().max());
    let mut own_votes: Vec<Vec<(EventKey, NaiveDate, f64)>> = fixed_votes;
    let date_one = |i: usize,
                    votes: &Votes,
                    own_votes: &[(EventKey, NaiveDate, f64)],
                    count_days: &[(NaiveDate, PlaceId)],
                    previous| {
        best_day(&own[i], &analyses[i], votes, own_votes, count_days, typical, previous).map(|(d, from_corpus)| {
            (
                d,
                if from_corpus {
                    DateBasis::Corpus
                } else {
                    DateBasis::Text
                },
            )
        })
    };

    // First every open article against the dated ones alone, all at once.
    let mut count_days = capital_count_days(gaz, &votes);
    let first_days: Vec<Option<(NaiveDate, DateBasis)>> = open
        .par_iter()
        .map(|&i| date_one(i, &votes, &[], &count_days, None))
        .collect();
    for (&i, day) in open.iter().zip(first_days) {
        current[i] = day;
        if let Some((d, _)) = day {
            own_votes[i] = votes_of(&analyses[i], d, OPEN_WEIGHT);
            votes.replace(&[], &own_votes[i]);
        }
    }

    // Then best responses one article at a time, each seeing the moves
    // before it, until none moves. Dating is a coordination game (an
    // article gains from agreeing with the others, as they gain from
    // agreeing with it), so these rounds reach a fixed point where moving
    // all at once could swing for ever. The order is the articles'
    // content, never their place in the input.
    let mut order = open.clone();
    order.sort_by(|&a, &b| {
        (articles[a].text.as_str(), articles[a].name.as_str())
            .cmp(&(articles[b].text.as_str(), articles[b].name.as_str()))
    });
    // Which open articles report each event: when an article moves, only
    // those sharing an event with it need another look.
    let mut readers: FxHashMap<EventKey, Vec<usize>> = FxHashMap::default();
    for &i in &open {
        let mut keys: Vec<EventKey> = analyses[i].reports.iter().map(event_key).collect();
        keys.sort_unstable();
        keys.dedup();
        for k in keys {
            readers.entry(k).or_default().push(i);
        }
    }
    let mut dirty = vec![false; n];
    for &i in &open {
        dirty[i] = true;
    }
    for _round in 0..MAX_ROUNDS {
        let now = capital_count_days(gaz, &votes);
        if now != count_days {
            // The count of captured capitals moved: every article that
            // states one needs another look.
            for &i in &open {
                dirty[i] |= !own[i].counts.is_empty();
            }
            count_days = now;
        }
        let mut looked = false;
        for &i in &order {
            if !std::mem::take(&mut dirty[i]) {
                continue;
            }
            looked = true;
            let day = date_one(i, &votes, &own_votes[i], &count_days, current[i].map(|c| c.0));
            if day == current[i] {
                continue;
            }
            current[i] = day;
            let new = match day {
                Some((d, _)) => votes_of(&analyses[i], d, OPEN_WEIGHT),
                None => Vec::new(),
            };
            votes.replace(&own_votes[i], &new);
            own_votes[i] = new;
            for r in &analyses[i].reports {
                for &j in readers.get(&event_key(r)).into_iter().flatten() {
                    dirty[j] |= j != i;
                }
            }
        }
        if !looked {
            break;
        }
    }
    (0..n)
        .map(|i| match current[i] {
            Some((d, basis)) => Publication::known(d, basis),
            None => guess(&own[i], &analyses[i], typical, known_span),
        })
        .collect()
}

/// An article's own evidence, `stated` its trusted stated date ([`trusted_stated_date`]).
fn own_evidence(
    article: &Article,
    analysis: &ArticleAnalysis,
    stated: Option<PartialDate>,
    corpus_window: Option<(NaiveDate, NaiveDate)>,
    typical: Option<NaiveDate>,
    counted: Option<Vec<u32>>,
) -> Own {
    if let Some(d) = stated.and_then(|d| d.full()) {
        return Own {
            fixed: Some((d, DateBasis::Stated)),
            window: Some((d, d)),
            lower: None,
            counts: Vec::new(),
            news_capitals: Vec::new(),
            bounded: true,
            era: None,
        };
    }
    let url = article.url.as_deref().and_then(date_in_url);
    if let Some(d) = url.and_then(|d| d.full()) {
        return Own {
            fixed: Some((d, DateBasis::Url)),
            window: Some((d, d)),
            lower: None,
            counts: Vec::new(),
            news_capitals: Vec::new(),
            bounded: true,
            era: None,
        };
    }
    // (Its counts of capitals, unless a first look found them.)
    let counts = counted.unwrap_or_else(|| capital_counts(&article.text[article.body_start.min(article.text.len())..]));
    let month = stated.or(url).and_then(|d| d.range());
    // Where to look for dates without a year.
    // (The end of the corpus's span, not its typical day: "on 12
    // September" in a corpus of August and September is this year's.)
    let near = month.map(|m| m.1).or(corpus_window.map(|w| w.1)).or(typical);
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
    // "14:14 GMT 31.07.2021 (Updated: 16:48 GMT 08.01.2023)": an update's
    // date counts only when the article heads itself with no other.
    let heading = near
        .map(|near| heading_dates(article, analysis, near))
        .unwrap_or_default();
    let headed = heading.iter().any(|&(_, update)| !update);
    let quoted: Vec<(NaiveDate, QuotedDate)> = near
        .map(|near| {
            text_dates(&article.text, analysis, near, headed)
                .filter(|(d, _)| in_range(d))
                .collect()
        })
        .unwrap_or_default();
    let latest = |kind: QuotedDate| quoted.iter().filter(|&&(_, k)| k == kind).map(|&(d, _)| d).max();
    let lower = latest(QuotedDate::Recent);
    let weeks_later = latest(QuotedDate::WeeksBack).map(|d| d + Days::new(7));
    let span_start = latest(QuotedDate::SpanStart);
    let event_day = latest(QuotedDate::EventDay);
    let text_day = near.and_then(|near| {
        // "yesterday, June 26", "vandaag, 11 augustus": a day word set
        // beside a date says which day the article appeared.
        anchored_day(&article.text, analysis, near)
            .filter(in_range)
            // A date heading the article is its day, unless the text goes
            // on to later days (then it dated a photo).
            .or_else(|| {
                heading
                    .iter()
                    .filter(|&&(d, update)| in_range(&d) && !(headed && update))
                    .map(|&(d, _)| d)
                    .max()
                    .filter(|&d| lower.is_none_or(|l| l <= d))
            })
    });
    if let Some(d) = text_day {
        return Own {
            fixed: Some((d, DateBasis::Text)),
            window: Some((d, d)),
            lower: None,
            counts,
            news_capitals: Vec::new(),
            bounded: true,
            era: None,
        };
    }
    // The window is the article's own: its month; else after the dates it
    // quotes; else the corpus's span.
    let window = month
        .or(lower.map(|l| (l, l + Days::new(14))))
        .or(corpus_window)
        .map(|(lo, hi)| (lower.map_or(lo, |l| l.max(lo)), hi))
        .map(|(lo, hi)| (weeks_later.map_or(lo, |w| w.max(lo)), hi.max(weeks_later.unwrap_or(hi))))
        .map(|(lo, hi)| (span_start.map_or(lo, |s| s.max(lo)), hi.max(span_start.unwrap_or(hi))))
        .map(|(lo, hi)| (event_day.map_or(lo, |e| e.max(lo)), hi.max(event_day.unwrap_or(hi))));
    Own {
        fixed: None,
        window,
        // (A span's start still pulls a little towards itself, as a date
        // quoted does: news of "since 12 September" is seldom weeks later.)
        lower: lower.max(span_start),
        counts,
        news_capitals: Vec::new(),
        bounded: month.is_some() || lower.is_some() || weeks_later.is_some(),
        era: None,
    }
}

/// The best day for an open article given the others' votes, if they say
/// anything about its events or its own text bounds it.
fn best_day(
    own: &Own,
    analysis: &ArticleAnalysis,
    votes: &Votes,
    own_votes: &[(EventKey, NaiveDate, f64)],
    count_days: &[(NaiveDate, PlaceId)],
    typical: Option<NaiveDate>,
    previous: Option<NaiveDate>,
) -> Option<(NaiveDate, bool)> {
    let (lo, hi) = own.window?;
    // An article appears after the events it reports as past: its
    // captures, by the consensus of the others (a penalty for each day
    // before one, as a report may be misread).
    let earliest = own.lower.unwrap_or(lo).max(lo).max(own.era.unwrap_or(lo));
    let mut relevant = false;
    let mut past_events: Vec<NaiveDate> = Vec::new();
    // "Een dag na de val van Zaranj viel Sheberghan", "twee dagen na de
    // val van Kabul": a day counted from a capture the others date is one
    // the article tells of, as past or as now.
    // (A day it names, as a date it quotes: most often the day it
    // appeared.)
    let mut named_day: Option<NaiveDate> = own.lower;
    for (_, t) in &analysis.time_refs {
        if let TimeRef::AfterFall { days, place: Some(p) } = *t
            && let Some((fell, support)) = votes.consensus((p, 0), own_votes)
            && support >= 1.0
            && let Some(day) = fell.checked_add_days(Days::new(u64::from(days)))
        {
            relevant = true;
            past_events.push(day);
            named_day = named_day.max(Some(day));
        }
    }
    for r in &analysis.reports {
        let key = event_key(r);
        if let Some((d, support)) = votes.consensus(key, own_votes) {
            relevant = true;
            // (A report that names its own date says when by itself: an
            // event of the same place on another day is another event.)
            let own_date = matches!(r.time, Some((_, TimeRef::Absolute { .. })));
            if is_capture(key) && support >= 1.0 && !r.background && !own_date {
                past_events.push(d);
            }
        }
    }
    // "The sixth provincial capital": not before the sixth fell. The
    // capitals it reports captured itself are part of the count: the other
    // capitals had reached the rest of it before ("Aybak fell today, the
    // sixth": five others before; "Kunduz, Sar-e Pul and Taloqan fell,
    // the third, fourth and fifth": two). (A count the corpus has not
    // reached yet was reached after its last capture.)
    let others: Vec<NaiveDate> = count_days
        .iter()
        .filter(|(_, p)| !own.news_capitals.contains(p))
        .map(|(d, _)| *d)
        .collect();
    let count_day = own
        .counts
        .iter()
        .filter_map(|&c| {
            let rest = (c as usize).checked_sub(own.news_capitals.len()).filter(|&r| r > 0)?;
            others.get(rest - 1).or(others.last()).copied()
        })
        .max();

    if !relevant && own.lower.is_none() && count_day.is_none() {
        return None;
    }
    // The days worth scoring: those from the day before to a week after a
    // day the corpus gives one of its events (its words reach back at most
    // a week, and the corpus's day may be a day late),
    // the first allowed day, the typical day and the day before.
    let mut candidates: Vec<NaiveDate> = vec![earliest];
    candidates.extend(typical);
    candidates.extend(previous);
    // (A count is news on the day it is reached, or the next.)
    candidates.extend(count_day.into_iter().flat_map(|d| [Some(d), d.succ_opt()]).flatten());
    for r in &analysis.reports {
        for &(v, _) in votes.best_days(event_key(r)) {
            candidates.extend(v.pred_opt());
            candidates.extend((0..=7).filter_map(|k| v.checked_add_days(Days::new(k))));
        }
    }
    for &e in &past_events {
        candidates.extend((0..=7).filter_map(|k| e.checked_add_days(Days::new(k))));
    }
    candidates.extend((1..=7).filter_map(|k| earliest.checked_add_days(Days::new(k))));
    candidates.retain(|d| *d >= earliest && *d <= hi);
    candidates.sort_unstable();
    candidates.dedup();
    let told_after = past_events.iter().copied().chain(own.lower).max();
    // Each report's event among the votes with what agreeing on its day
    // is worth, and the article's own votes there, looked up once.
    let slots: Vec<Option<(usize, f64)>> = analysis
        .reports
        .iter()
        .map(|r| {
            let key = event_key(r);
            let class_weight = if is_capture(key) { 1.0 } else { STATE_WEIGHT };
            votes.event(key).map(|e| (e, class_weight))
        })
        .collect();
    let own_slots: Vec<(usize, usize, f64)> = own_votes
        .iter()
        .filter_map(|&(k, d, w)| Some((votes.event(k)?, votes.slot(d)?, w)))
        .collect();
    let support_without_own = |e: usize, day: NaiveDate| {
        let Some(d) = votes.slot(day) else { return 0.0 };
        let own: f64 = own_slots
            .iter()
            .filter(|&&(oe, _, _)| oe == e)
            .map(|&(_, od, w)| match od.abs_diff(d) {
                0 => w,
                1 => w / 2.0,
                _ => 0.0,
            })
            .sum();
        votes.support_at(e, d) - own
    };
    // Each event's peak support without the article's own votes: what a
    // report gains is its agreement relative to the peak (at most one
    // vote's worth), so that an event many articles report does not
    // drown the article's other evidence (its weekdays, its counts).
    let peaks: Vec<f64> = analysis
        .reports
        .iter()
        .map(|r| {
            votes
                .consensus(event_key(r), own_votes)
                .map_or(0.0, |(_, s)| s)
                .max(1.0)
        })
        .collect();
    let mut best: Option<(NaiveDate, f64)> = None;
    for d in candidates {
        let mut score = 0.0;
        for ((r, slot), peak) in analysis.reports.iter().zip(&slots).zip(&peaks) {
            let Some((e, class_weight)) = *slot else { continue };
            let Some(date) = event_date(r, d) else { continue };
            let w = precision_weight(date.precision) * class_weight;
            if w == 0.0 {
                continue;
            }
            // News with no time word: of the day it appeared or the day before.
            let on = |day: NaiveDate| match (date.precision, day.pred_opt()) {
                (DatePrecision::Publication, Some(before)) => {
                    support_without_own(e, day).max(NEXT_DAY_NEWS * support_without_own(e, before))
                }
                _ => support_without_own(e, day),
            };
            // A state lasts: fighting in a town others report some days
            // away agrees with it, the less the further (a capture has its
            // one day). (The event's best days stand for its votes.)
            let support = if class_weight < 1.0 {
                votes.best[e]
                    .iter()
                    .filter_map(|&(b, _)| {
                        let gap = (b - date.date).num_days().unsigned_abs();
                        (gap <= STATE_DAYS).then(|| on(b) * (1.0 - gap as f64 / (STATE_DAYS + 1) as f64))
                    })
                    .fold(on(date.date), f64::max)
            } else {
                on(date.date)
            };
            score += w * (support.max(0.0) / peak).min(1.0);
        }
        for &e in &past_events {
            score -= past_event_cost((e - d).num_days());
        }
        if let Some(cd) = count_day {
            // The count is news on the day it is reached, or the next.
            let gap = (d - cd).num_days();
            // The corpus's count runs late where it misses a capital
            // (no article of it) as often as early: either way costs the
            // same.
            score -= COUNT_DAY_COST * if gap < 0 { -gap } else { (gap - 1).max(0) } as f64;
        }
        score -= weekday_penalty(analysis, d);
        // All else equal: near the corpus's typical day, then early.
        score -= TYPICAL_PULL * typical.map_or(0, |t| (d - t).num_days().abs()) as f64;
        // News appears soon after what it tells (a tie-breaker only): the
        // day of the latest date it quotes or names ("twee dagen na de val
        // van Kabul"), but most often the day after the latest event it
        // tells (wire copy and morning papers tell yesterday's fall as "has
        // fallen").
        if let Some(after) = told_after {
            let lag = (d - after).num_days();
            score -= 0.01
                * if named_day.is_some_and(|q| q >= after) {
                    lag.max(0)
                } else {
                    (lag - 1).abs()
                } as f64;
        }
        if let Some(quoted) = own.lower {
            score -= QUOTED_DAY_LAG * ((d - quoted).num_days() - 1).max(0) as f64;
        }
        // The day of the round before stands unless another is clearly
        // better: rounds settle instead of swinging between two days.
        if previous == Some(d) {
            score += SETTLE;
        }
        if best.is_none_or(|(_, s)| score > s + 1e-9) {
            best = Some((d, score));
        }
    }
    best.map(|(d, _)| (d, relevant || count_day.is_some()))
}

/// Without evidence of a day: a guess inside the days the article allows
/// (its month, the dates it quotes, its era), and there in the middle of
/// the part the corpus's known days span — on a uniform belief over the
/// feasible days, the day least far from the true one on average. An
/// article that bounds nothing itself gets the corpus's typical day (the
/// median of its known days) instead. Then the day near that which keeps
/// its weekday words recent ("donderdag" on a Thursday or a few days
/// after); nothing if there is no window.
fn guess(
    own: &Own,
    analysis: &ArticleAnalysis,
    typical: Option<NaiveDate>,
    known_span: Option<(NaiveDate, NaiveDate)>,
) -> Publication {
    let Some((lo, hi)) = own.window else {
        return Publication::UNKNOWN;
    };
    let lo = own.era.map_or(lo, |e| e.clamp(lo, hi));
    let target = if own.bounded || own.era.is_some() {
        let (a, b) = known_span
            .map(|(first, last)| (lo.max(first), hi.min(last)))
            .filter(|(a, b)| a <= b)
            .unwrap_or((lo, hi));
        a + Days::new(((b - a).num_days() / 2) as u64)
    } else {
        typical.unwrap_or(lo).clamp(lo, hi)
    };
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
    let (first, days) = span_of(reports.iter().map(|r| r.1));
    let votes = Votes::new(reports.iter().copied(), first, days);
    votes.consensus_days().map(|(k, d, _)| (k, d)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2021, m, day).unwrap()
    }

    #[test]
    fn a_lone_anchor_years_away_is_left_out() {
        let days = [
            NaiveDate::from_ymd_opt(2015, 9, 14).unwrap(),
            d(8, 1),
            d(8, 14),
            d(9, 6),
        ];
        assert_eq!(without_lone_anchors(&days), &days[1..]);
        // Two anchors a year apart each keep the other.
        let years = [NaiveDate::from_ymd_opt(2020, 8, 1).unwrap(), d(3, 1), d(8, 1)];
        assert_eq!(without_lone_anchors(&years), years);
    }

    #[test]
    fn a_date_before_a_plan_is_a_deadline() {
        let deadline = |text: &str, date: &str| {
            let start = text.find(date).expect("date in text");
            is_deadline(text, &(start..start + date.len()))
        };
        assert!(deadline(
            "Op 31 augustus willen de Verenigde Staten weg zijn.",
            "31 augustus"
        ));
        assert!(deadline("On August 31 the US wants all troops out.", "August 31"));
        assert!(deadline("The troops leave by August 31.", "August 31"));
        assert!(!deadline("Op 12 augustus viel Herat.", "12 augustus"));
        assert!(!deadline("On August 12 the Taliban took Herat.", "August 12"));
        // A plan's word before it in its clause.
        assert!(deadline(
            "Biden said on Thursday the US mission would end on Aug. 31.",
            "Aug. 31"
        ));
        assert!(deadline("De missie zal op 31 augustus eindigen.", "31 augustus"));
        assert!(!deadline(
            "The mission will end, officials said on August 12.",
            "August 12"
        ));
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
        assert_eq!(capital_counts("17 of the country's 34 provincial capitals"), [17]);
        assert!(capital_counts("the capital of Helmand, 3000 troops").is_empty());
        assert_eq!(capital_counts("the 8th provincial capital in six days"), [8]);
        assert_eq!(capital_counts("Three provincial capitals have fallen this week."), [3]);
        assert_eq!(capital_counts("It was the first provincial capital to fall."), [1]);
        assert_eq!(
            capital_counts("Voor het eerst in jaren is er een provinciehoofdstad in handen van de rebellen gevallen."),
            [1]
        );
        assert_eq!(
            capital_counts("For the first time since May a provincial capital has been captured by the rebels."),
            [1]
        );
        // One capital, not the first.
        assert!(capital_counts("The city was one of the capitals they took.").is_empty());
        assert!(capital_counts("For the first time the rebels shelled the capital. It fell.").is_empty());
        // Counts past sixteen, one word in Dutch, one or two in English.
        assert_eq!(
            capital_counts("Het is al de negentiende provinciehoofdstad die valt."),
            [19]
        );
        assert_eq!(
            capital_counts("de eenentwintigste provinciehoofdstad in handen van de taliban"),
            [21]
        );
        assert_eq!(capital_counts("tweeëntwintig provinciehoofdsteden zijn gevallen"), [22]);
        assert_eq!(capital_counts("the twenty-first provincial capital to fall"), [21]);
        assert_eq!(capital_counts("Twenty-six provincial capitals have fallen."), [26]);
        assert_eq!(capital_counts("the eighteenth provincial capital to fall"), [18]);
        assert_eq!(capital_counts("twenty of the 34 provincial capitals"), [20]);
    }

    #[test]
    fn count_words_run_to_the_thirties() {
        assert_eq!(count_word("zeventien"), Some((17, false)));
        assert_eq!(count_word("dertigste"), Some((30, true)));
        assert_eq!(count_word("drieëndertig"), Some((33, false)));
        assert_eq!(count_word("twentieth"), Some((20, true)));
        // An article is no count, nor is a word that only ends like one.
        assert_eq!(count_word("een"), None);
        assert_eq!(count_word("one"), None);
        assert_eq!(count_word("bentwintig"), None);
    }

    #[test]
    fn numbers_near_a_capital_that_count_nothing() {
        // A preposition or a date between the number and the capital.
        assert!(capital_counts("Het dorp ligt ten noorden van de hoofdstad.").is_empty());
        assert!(capital_counts("Sinds op 15 augustus de hoofdstad viel.").is_empty());
        // Not a total: other, more.
        assert!(capital_counts("Er wordt gevochten rond drie andere provinciehoofdsteden.").is_empty());
        assert!(capital_counts("They took two more provincial capitals.").is_empty());
        // Where, not how many.
        assert!(
            capital_counts("In zeker vier provinciehoofdsteden woedt de strijd, de steden zijn niet gevallen.")
                .is_empty()
        );
        assert!(capital_counts("Fighting raged in three provincial capitals.").is_empty());
        // A cardinal with no word of capture near it.
        assert!(capital_counts("Five provincial capitals are under siege.").is_empty());
        // What one day added.
        assert!(capital_counts("Weer vijf provinciehoofdsteden gevallen.").is_empty());
        assert!(capital_counts("On Thursday five provincial capitals fell.").is_empty());
        assert_eq!(capital_counts("On Thursday the fifth provincial capital fell."), [5]);
        // Threatened ones, even as "N of 34".
        assert!(capital_counts("The Taliban threatens the security of 17 of the 34 provincial capitals.").is_empty());
        assert!(capital_counts("De Taliban bedreigen inmiddels 17 van de 34 provinciehoofdsteden.").is_empty());
        assert_eq!(
            capital_counts("The Taliban now hold 17 of the 34 provincial capitals."),
            [17]
        );
    }
}
