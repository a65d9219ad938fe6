//! The corpus: articles analysed together, so that each one's publication
//! date can be inferred from the others (see [`crate::dating`]) and every
//! report gets a date.
//!
//! Articles often disagree by a day about the same event (one says the
//! city fell on Thursday, another on Friday). Each report keeps the date
//! its own article gives, for its excerpt; the map places the event on the
//! corpus's consensus day for it, which also dates background reports
//! ("the Taliban, who hold Zaranj") that name no day of their own.

use std::collections::HashMap;
use std::ops::Range;

use chrono::{Datelike, Days, NaiveDate};
use rayon::prelude::*;
use serde::Serialize;

use crate::article::Article;
use crate::dates::{DatePrecision, EventDate, TimeRef, find_time_refs_in};
pub use crate::dating::{DateBasis, Publication, event_date};
use crate::dating::{event_consensus, event_key, infer_publication_dates, is_capture, report_votes};
use crate::gazetteer::{Gazetteer, PlaceId};
use crate::geoparse::{PlaceMention, find_mentions_in};
use crate::reports::{CaptureReport, Lexicon, ReportInput, Status, extract_reports_in};
use crate::sentences::split_sentences;
use crate::text::{ArticleText, normalise_sentence};
use crate::timeline::Timeline;

/// What the engine found in one article, before any corpus-level step.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ArticleAnalysis {
    pub sentences: Vec<Range<usize>>,
    pub mentions: Vec<PlaceMention>,
    pub reports: Vec<CaptureReport>,
    /// Every time expression in the body, for publication-date inference.
    pub time_refs: Vec<(Range<usize>, TimeRef)>,
    /// It presupposes the Taliban in power ("since the Taliban takeover",
    /// "na de machtsovername"): it appeared after Kabul fell. Looked for
    /// only in an article that does not state its full date (for the
    /// others it bounds nothing).
    pub after_takeover: bool,
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
    // (An article that names no place may still report one: "de
    // hoofdstad viel zondagavond" is Kabul.)
    let reports = extract_reports_in(gaz, lex, &input, &shared);
    let time_refs = with_fallen_places(text, &mentions, time_refs);
    // (Only a bound for an article whose day is not stated: one that
    // states it needs none, and the whole text need not be searched.)
    let after_takeover =
        article.stated_date.and_then(|d| d.full()).is_none() && lex.presupposes_takeover(&shared.lower);
    ArticleAnalysis {
        sentences,
        mentions,
        reports,
        time_refs,
        after_takeover,
    }
}

/// "Twee dagen na de val van Kabul", "a day after the fall of Herat": the
/// place whose fall each such expression counts from, the name right after
/// it, for dating the article (its text tells of a day that many days
/// after that fall).
fn with_fallen_places(
    text: &str,
    mentions: &[PlaceMention],
    mut time_refs: Vec<(Range<usize>, TimeRef)>,
) -> Vec<(Range<usize>, TimeRef)> {
    for (span, t) in &mut time_refs {
        if let TimeRef::AfterFall {
            place: place @ None, ..
        } = t
        {
            *place = crate::reports::place_named_right_after(text, mentions, span.end);
        }
    }
    time_refs
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
    /// The corpus's consensus day for this report's event, when its own
    /// day is that event's (within a few days) or it names none.
    pub consensus: Option<NaiveDate>,
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

    /// The day the map shows the report on: the consensus day of its
    /// event, else its own.
    pub fn map_date(&self) -> Option<NaiveDate> {
        self.consensus.or(self.date())
    }

    /// Was it reported without a day (background), so that its own date
    /// is only the last day it can have happened?
    pub fn is_background(&self) -> bool {
        self.event.is_some_and(|e| e.precision == DatePrecision::Background)
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
        let publications = infer_publication_dates(gaz, &articles, &analyses);
        let reports = date_reports(gaz, &articles, &analyses, &publications);
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

/// Resolves each report's date against its article's publication date,
/// marks syndicated copies, and gives each report its event's consensus
/// day.
fn date_reports(
    gaz: &Gazetteer,
    articles: &[Article],
    analyses: &[ArticleAnalysis],
    publications: &[Publication],
) -> Vec<DatedReport> {
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
                consensus: None,
            });
        }
    }
    // Each report votes for its event's day, as much as its own date says,
    // as in dating the articles (`report_votes`): an evening's event half
    // for the next day too, news with no time word partly for the day before.
    let votes: Vec<((PlaceId, u8), NaiveDate, f64)> = out
        .iter()
        .filter(|r| r.duplicate_of.is_none())
        .filter_map(|r| Some(report_votes(&r.report, r.event?, publications[r.article].date?, 1.0)))
        .flatten()
        .collect();
    let consensus = event_consensus(&votes);
    // The days each place is reported held (in government or resistance
    // hands) by a report that dates itself: a capture told after one of
    // them is a new capture.
    let mut held_days: rustc_hash::FxHashMap<PlaceId, Vec<NaiveDate>> = rustc_hash::FxHashMap::default();
    for r in out
        .iter()
        .filter(|r| r.duplicate_of.is_none() && r.report.status == Status::Held)
    {
        if let Some(e) = r.event.filter(|e| e.precision != DatePrecision::Background) {
            held_days.entry(r.report.place).or_default().push(e.date);
        }
    }
    for r in &mut out {
        // "A day after the fall of Herat": the corpus's day of that fall,
        // counted on (never past the article's own day).
        if let Some((_, TimeRef::AfterFall { days, place: Some(p) })) = r.report.time
            && let Some(&fell) = consensus.get(&(p, 0))
            && let Some(date) = fell.checked_add_days(Days::new(u64::from(days)))
            && publications[r.article].date.is_some_and(|published| date <= published)
        {
            r.event = Some(EventDate {
                date,
                precision: DatePrecision::Day,
                part: None,
            });
        }
        let Some(e) = r.event else { continue };
        // "The Taliban took Logar": a province falls with its capital, so
        // its capture told with no day of its own is of the day its
        // capital fell, when that is a few days before.
        if let Some(day) = capital_fell(gaz, &consensus, &r.report, e) {
            r.consensus = Some(day);
            r.event = Some(EventDate {
                date: day,
                precision: DatePrecision::Corpus,
                part: None,
            });
            continue;
        }
        let Some(&day) = consensus.get(&event_key(&r.report)) else {
            continue;
        };
        // The same event (not a later one at the same place) and not after
        // the article appeared.
        let background = e.precision == DatePrecision::Background;
        let key = event_key(&r.report);
        let same = (e.date - day).num_days().abs() <= 3
            || background
            || e.precision == DatePrecision::Publication
                && is_capture(key)
                && !retaken(&consensus, held_days.get(&key.0), key.0, day, e.date);
        // "Earlier this week", "last week": the consensus day, when it
        // falls in that week.
        let in_week = e.precision == DatePrecision::Week && (e.date - day).num_days() <= 6;
        // "In late June", "in mei": the consensus day, when it falls in
        // that month and not after the article (and is not the month's own
        // stand-in day, which its own vote may have made the consensus).
        let in_month = e.precision == DatePrecision::Month
            && day != e.date
            && (day.year(), day.month()) == (e.date.year(), e.date.month())
            && publications[r.article].date.is_some_and(|published| day <= published);
        if !((same || in_week) && day <= e.date || in_month) {
            continue;
        }
        r.consensus = Some(day);
        // A report that names no day of its own takes the day the corpus
        // gives its event: "Sheberghan fell" in Sunday's paper, of Saturday.
        // Not a state (fighting, a siege, a place held): "there is fighting
        // in Herat" is true the day it is told, not only on the day most
        // articles told it.
        let state = !is_capture(key);
        if in_week || in_month || !state && (background || e.precision == DatePrecision::Publication) {
            r.event = Some(EventDate {
                date: day,
                precision: DatePrecision::Corpus,
                part: None,
            });
        }
    }
    one_event_per_article(&mut out);
    // What one sentence tells is one story.
    for sentence in
        out.chunk_by_mut(|a, b| (a.article, a.report.sentence_index) == (b.article, b.report.sentence_index))
    {
        background_before_what_changed_it(sentence);
        fighting_on_the_day_of_its_capture(sentence);
    }
    out
}

/// A background report told in one sentence with a dated report of the
/// same place and another status came before it: "the Taliban recaptured
/// Garmsir on Monday" says Garmsir was held until then, not on the day the
/// article appeared. A background date is the last day the report can
/// have held, so it becomes the day before. (`sentence`: the reports of
/// one sentence.)
fn background_before_what_changed_it(sentence: &mut [DatedReport]) {
    for i in 0..sentence.len() {
        let Some(e) = sentence[i].event.filter(|e| e.precision == DatePrecision::Background) else {
            continue;
        };
        let status = sentence[i].status();
        let changed = earliest_dated(sentence, sentence[i].place(), |s| s != status);
        if let Some(before) = changed.and_then(|c| c.date.pred_opt()).filter(|&d| d < e.date) {
            sentence[i].event = Some(EventDate { date: before, ..e });
            sentence[i].consensus = sentence[i].consensus.filter(|&c| c <= before);
        }
    }
}

/// A fight told with no day of its own in one sentence with the capture
/// of its place is the fight that ended in it, on its day: "the militants
/// occupied Ghazni's headquarters after heavy clashes", not fighting on
/// the day the article appeared. (`sentence`: the reports of one
/// sentence.)
fn fighting_on_the_day_of_its_capture(sentence: &mut [DatedReport]) {
    for i in 0..sentence.len() {
        let Some(e) = sentence[i]
            .event
            .filter(|e| sentence[i].status() == Status::Contested && e.precision == DatePrecision::Publication)
        else {
            continue;
        };
        let captured = earliest_dated(sentence, sentence[i].place(), |s| {
            matches!(s, Status::Captured | Status::Claimed)
        });
        // Its day is the capture's, known as that is.
        if let Some(day) = captured.filter(|c| c.date < e.date) {
            sentence[i].event = Some(day);
            sentence[i].consensus = None;
        }
    }
}

/// The earliest day told for `place` by a report of the sentence with a
/// status `wanted` accepts, background aside.
fn earliest_dated(sentence: &[DatedReport], place: PlaceId, wanted: impl Fn(Status) -> bool) -> Option<EventDate> {
    sentence
        .iter()
        .filter(|o| o.place() == place && wanted(o.status()))
        .filter_map(|o| o.event.filter(|e| e.precision != DatePrecision::Background))
        .min_by_key(|e| e.date)
}

/// The day a province's capital fell, by the corpus, for a capture of the
/// province told with no day of its own (`e`) up to three days later.
fn capital_fell(
    gaz: &Gazetteer,
    consensus: &rustc_hash::FxHashMap<crate::dating::EventKey, NaiveDate>,
    r: &CaptureReport,
    e: EventDate,
) -> Option<NaiveDate> {
    let no_day = matches!(e.precision, DatePrecision::Publication | DatePrecision::Background);
    let place = gaz.places().get(r.place as usize)?;
    if !no_day || !is_capture(event_key(r)) || place.kind != crate::gazetteer::PlaceKind::Province {
        return None;
    }
    let capital = gaz.capital_of(&place.province)?;
    let day = *consensus.get(&(capital.id, 0))?;
    (day <= e.date && (e.date - day).num_days() <= 3).then_some(day)
}

/// An article tells a capture once: its reports of one place and status
/// class a few days apart are the same event, whose day is the one its
/// report on the corpus's day gives ("Pul-i-Khumri fell today" against a
/// quote's "yesterday" elsewhere in the text). Dates an article states in
/// full are its own and stay.
fn one_event_per_article(out: &mut [DatedReport]) {
    let mut agreed: HashMap<(usize, (PlaceId, u8)), NaiveDate> = HashMap::new();
    for r in out.iter() {
        if let (Some(e), Some(c)) = (r.event, r.consensus)
            && e.date == c
        {
            agreed.insert((r.article, event_key(&r.report)), c);
        }
    }
    for r in out.iter_mut() {
        let Some(&day) = agreed.get(&(r.article, event_key(&r.report))) else {
            continue;
        };
        let Some(e) = r.event.as_mut() else { continue };
        let own_date = matches!(r.report.time, Some((_, TimeRef::Absolute { .. })));
        let gap = (e.date - day).num_days().abs();
        if !own_date && (1..=3).contains(&gap) && e.precision != DatePrecision::Background {
            e.date = day;
            r.consensus = Some(day);
        }
    }
}

/// Was `place` held (retaken, or said to be in government hands) after
/// its capture on `captured` and by `by`, so that a capture reported by
/// then is a new one? A place taken stays taken until then: "the Taliban
/// control Kabul" weeks later is still the capture of 15 August. Held on
/// the day of the capture itself is the morning before it fell ("Kabul is
/// still in government hands" in the paper of the 15th), no retaking.
/// Reports of it held on days of their own (`held`) count as well as the
/// consensus: "the resistance still holds Panjshir" on 3 September makes
/// a claim on 6 September a new one, not the claim of 28 August.
fn retaken(
    consensus: &rustc_hash::FxHashMap<crate::dating::EventKey, NaiveDate>,
    held: Option<&Vec<NaiveDate>>,
    place: PlaceId,
    captured: NaiveDate,
    by: NaiveDate,
) -> bool {
    let after = |h: NaiveDate| h > captured && h <= by;
    consensus.get(&(place, 3)).is_some_and(|&h| after(h)) || held.is_some_and(|days| days.iter().any(|&h| after(h)))
}

/// How the reports of one event date it when they do not agree: "3
/// reports say 12 Aug, 1 says 13 Aug". The map uses the consensus; an
/// analyst should still see that the articles differ.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateDisagreement {
    /// The event's status class (captured stands for claimed too).
    pub status: Status,
    /// The days reports name for it, most reports first (then earliest).
    pub days: Vec<(NaiveDate, usize)>,
    /// The day the map shows it on, where the corpus agrees on one.
    pub consensus: Option<NaiveDate>,
}

/// Events whose reports name different days. Only reports that name a
/// day of their own count (not those dated by their article's day or by
/// the corpus); days more than three apart are different events (a town
/// taken twice), as for the consensus.
pub fn date_disagreements<'a>(reports: impl IntoIterator<Item = &'a DatedReport>) -> Vec<DateDisagreement> {
    // Per event: its status class and each report's (own day, consensus).
    type Days = Vec<(NaiveDate, Option<NaiveDate>)>;
    let mut by_event: Vec<((PlaceId, u8), Status, Days)> = Vec::new();
    for r in reports {
        let Some(e) = r.event else { continue };
        if !matches!(e.precision, DatePrecision::Day | DatePrecision::PartOfDay) {
            continue;
        }
        let key = event_key(&r.report);
        match by_event.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, days)) => days.push((e.date, r.consensus)),
            None => {
                let status = match r.report.status {
                    Status::Claimed => Status::Captured,
                    s => s,
                };
                by_event.push((key, status, vec![(e.date, r.consensus)]))
            }
        }
    }
    let mut out = Vec::new();
    for (_, status, mut days) in by_event {
        days.sort();
        // Runs of days at most three apart are one event.
        let mut start = 0;
        for end in 1..=days.len() {
            if end < days.len() && (days[end].0 - days[end - 1].0).num_days() <= 3 {
                continue;
            }
            let run = &days[start..end];
            start = end;
            let mut counts: Vec<(NaiveDate, usize)> = Vec::new();
            for &(d, _) in run {
                match counts.iter_mut().find(|(c, _)| *c == d) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((d, 1)),
                }
            }
            if counts.len() < 2 {
                continue;
            }
            counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let mut consensus: Vec<NaiveDate> = run.iter().filter_map(|x| x.1).collect();
            consensus.sort();
            consensus.dedup();
            out.push(DateDisagreement {
                status,
                days: counts,
                consensus: (consensus.len() == 1).then(|| consensus[0]),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, bundled_seeds};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2021, m, day).unwrap()
    }

    /// The event date of the first report of `place` in article `ai`.
    fn event_of(c: &Corpus, ai: usize, place: &str) -> Option<NaiveDate> {
        let id = Gazetteer::bundled().find(place).unwrap().id;
        c.reports
            .iter()
            .find(|r| r.article == ai && r.report.place == id)
            .and_then(|r| r.event)
            .map(|e| e.date)
    }

    #[test]
    fn a_day_after_another_fall_counts_from_the_corpus_date_of_that_fall() {
        let a = Article::from_plain_text(
            "a.txt",
            "date 2021-08-13\nDe Taliban hebben gisteren Herat veroverd.".into(),
        )
        .unwrap();
        let b = Article::from_plain_text(
            "b.txt",
            "date 2021-08-16\nKandahar fell to the Taliban a day after the fall of Herat.".into(),
        )
        .unwrap();
        let c = Corpus::build(vec![a, b]);
        assert_eq!(event_of(&c, 0, "Herat"), Some(d(8, 12)));
        assert_eq!(event_of(&c, 1, "Kandahar"), Some(d(8, 13)));
        // Not the article's own day, nor Herat's.
        assert_eq!(
            Corpus::build(vec![
                Article::from_plain_text(
                    "c.txt",
                    "date 2021-08-16\nTwee dagen na de val van Herat namen de Taliban Kandahar in.".into()
                )
                .unwrap(),
                Article::from_plain_text(
                    "d.txt",
                    "date 2021-08-13\nHerat fell to the Taliban on Thursday.".into()
                )
                .unwrap(),
            ])
            .reports
            .iter()
            .find(|r| r.article == 0 && r.report.place == Gazetteer::bundled().find("Kandahar").unwrap().id)
            .and_then(|r| r.event)
            .map(|e| e.date),
            Some(d(8, 14))
        );
    }

    #[test]
    fn a_day_after_a_fall_the_article_dates_itself() {
        let a = Article::from_plain_text(
            "a.txt",
            "date 2021-08-14\nHerat fell to the Taliban on Thursday. Kandahar was captured a day after the fall of Herat."
                .into(),
        )
        .unwrap();
        let c = Corpus::build(vec![a]);
        assert_eq!(event_of(&c, 0, "Herat"), Some(d(8, 12)));
        assert_eq!(event_of(&c, 0, "Kandahar"), Some(d(8, 13)));
    }

    #[test]
    fn stated_full_dates_are_kept() {
        let a =
            Article::from_plain_text("a.txt", "date 2021-08-15 De Taliban namen gisteren Kunduz in.".into()).unwrap();
        let c = Corpus::build(vec![a]);
        assert_eq!(c.publications[0].date, Some(d(8, 15)));
        assert!(!c.publications[0].inferred);
        assert_eq!(c.publications[0].basis, DateBasis::Stated);
        assert_eq!(c.reports[0].date(), Some(d(8, 14)));
    }

    #[test]
    fn an_article_tells_one_capture_once() {
        let a =
            Article::from_plain_text("a.txt", "date 2021-08-10 De Taliban namen vandaag Kunduz in.".into()).unwrap();
        let c = Corpus::build(vec![a]);
        let today = c.reports[0].clone();
        assert_eq!(today.date(), Some(d(8, 10)));
        assert_eq!(today.consensus, Some(d(8, 10)));
        // The same capture dated a day earlier elsewhere in the text, and a
        // capture of weeks before (another event).
        let mut stray = today.clone();
        stray.consensus = None;
        stray.event.as_mut().unwrap().date = d(8, 9);
        let mut old = stray.clone();
        old.event.as_mut().unwrap().date = d(7, 20);
        let mut reports = vec![today, stray, old];
        one_event_per_article(&mut reports);
        assert_eq!(reports[1].date(), Some(d(8, 10)));
        assert_eq!(reports[2].date(), Some(d(7, 20)));
    }

    #[test]
    fn a_province_falls_with_its_capital() {
        let city = Article::from_plain_text(
            "a.txt",
            "date 2021-08-14 De Taliban hebben vandaag Mazar-i-Sharif ingenomen.".into(),
        )
        .unwrap();
        let province = Article::from_plain_text(
            "b.txt",
            "date 2021-08-15 De Taliban hebben de provincie Balkh ingenomen.".into(),
        )
        .unwrap();
        let c = Corpus::build(vec![city, province]);
        let gaz = Gazetteer::bundled();
        let balkh = c
            .reports
            .iter()
            .find(|r| gaz.place(r.place()).name == "Balkh")
            .expect("a report of Balkh");
        assert_eq!(balkh.date(), Some(d(8, 14)));
    }

    #[test]
    fn fighting_told_with_no_day_is_of_its_own_day() {
        let first = Article::from_plain_text(
            "a.txt",
            "date 2021-08-06 Vandaag wordt er hevig gevochten in de stad Herat.".into(),
        )
        .unwrap();
        let later = Article::from_plain_text(
            "b.txt",
            "date 2021-08-08 Er wordt hevig gevochten in de stad Herat.".into(),
        )
        .unwrap();
        let c = Corpus::build(vec![first, later]);
        let r = c.reports.iter().find(|r| r.article == 1).expect("a report of Herat");
        assert_eq!(r.status(), Status::Contested);
        assert_eq!(r.date(), Some(d(8, 8)));
    }

    #[test]
    fn held_on_the_day_of_the_capture_is_no_retaking() {
        let mut consensus = rustc_hash::FxHashMap::default();
        consensus.insert((7, 3), d(8, 15));
        assert!(!retaken(&consensus, None, 7, d(8, 15), d(9, 5)));
        assert!(retaken(&consensus, None, 7, d(8, 14), d(9, 5)));
        assert!(!retaken(&consensus, None, 7, d(8, 14), d(8, 14)));
        // A held report of its own day between the capture and the report.
        let empty = rustc_hash::FxHashMap::default();
        let held = vec![d(8, 15), d(9, 3)];
        assert!(retaken(&empty, Some(&held), 7, d(8, 28), d(9, 6)));
        assert!(!retaken(&empty, Some(&held), 7, d(9, 3), d(9, 6)));
    }

    #[test]
    fn news_with_no_time_word_appeared_the_day_after_the_event() {
        let dated = Article::from_plain_text(
            "a.txt",
            "date 2021-08-08 The Taliban captured Kunduz on Saturday, officials said.".into(),
        )
        .unwrap();
        let undated = Article::from_plain_text(
            "b.txt",
            "Kunduz has fallen to the Taliban, a provincial council member said.".into(),
        )
        .unwrap();
        let c = Corpus::build(vec![dated, undated]);
        assert_eq!(c.publications[1].date, Some(d(8, 8)));
        assert_eq!(c.publications[1].basis, DateBasis::Corpus);
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
        assert_eq!(c.publications[0].basis, DateBasis::Text);
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
    fn a_named_day_agrees_with_a_vague_one_around_it() {
        // Wednesday 30 June says the crossing fell last week (21 to 27
        // June); an undated article saying it fell "on Tuesday" and was
        // told "Wednesday" is of the Wednesday after the Tuesday in that
        // week, not of one weeks away.
        let c = corpus_of(&[
            "date 2021-06-30\nThe Taliban captured Sher Khan Bandar last week.\n",
            "date 2021-08-09\nThe Taliban captured Kunduz on Sunday.\n",
            "date 2021-08-10\nThe Taliban captured Aybak on Monday.\n",
            "Taliban fighters on Tuesday captured Sher Khan Bandar, an official said Wednesday.\n",
        ]);
        assert_eq!(c.publications[3].date, Some(d(6, 23)));
    }

    #[test]
    fn a_state_others_report_days_away_agrees() {
        // Fighting in Lashkar Gah on Sunday 1 August; an undated article
        // on fighting there, told "on Wednesday", is of the Wednesday after
        // (not of one near the corpus's other days, in May).
        let c = corpus_of(&[
            "date 2021-08-02\nOn Sunday heavy fighting raged in Lashkar Gah.\n",
            "date 2021-05-25\nThe Taliban captured Nerkh district on Monday.\n",
            "date 2021-05-26\nThe Taliban captured Jalrez district on Tuesday.\n",
            "Clashes went on in Lashkar Gah, officials said on Wednesday.\n",
        ]);
        assert_eq!(c.publications[3].date, Some(d(8, 4)));
    }

    #[test]
    fn a_day_named_after_before_is_the_later_event_s() {
        // Wednesday 11 August: the siege came before Tuesday's attack, on
        // a day the text does not give.
        let en = Article::from_plain_text(
            "a.txt",
            "date 2021-08-11 The Taliban had laid siege to Faizabad before launching an offensive on Tuesday.".into(),
        )
        .unwrap();
        let nl = Article::from_plain_text(
            "b.txt",
            "date 2021-08-11 De Taliban hadden Ghazni omsingeld voordat ze dinsdag de aanval inzetten.".into(),
        )
        .unwrap();
        // "Before dawn on Tuesday" is a time of the capture itself.
        let dawn = Article::from_plain_text(
            "c.txt",
            "date 2021-08-11 The Taliban captured Kunduz before dawn on Tuesday.".into(),
        )
        .unwrap();
        let c = Corpus::build(vec![en, nl, dawn]);
        let of = |ai: usize| c.reports.iter().find(|r| r.article == ai).unwrap();
        assert!(of(0).is_background(), "{:?}", of(0).event);
        assert_eq!(of(0).report.status, Status::Threatened);
        assert!(of(1).is_background(), "{:?}", of(1).event);
        assert_eq!(of(2).date(), Some(d(8, 10)));
    }

    #[test]
    fn since_a_day_starts_a_span_and_dates_nothing() {
        // Tuesday 10 August: Friday is when the run of captures began.
        let en = Article::from_plain_text(
            "a.txt",
            "date 2021-08-10 Farah would be the seventh provincial capital that falls to the Taliban since Friday."
                .into(),
        )
        .unwrap();
        let nl = Article::from_plain_text(
            "b.txt",
            "date 2021-08-10 Sinds vrijdag is Ghazni omsingeld door de Taliban.".into(),
        )
        .unwrap();
        let c = Corpus::build(vec![en, nl]);
        for ai in 0..2 {
            let r = c.reports.iter().find(|r| r.article == ai).unwrap();
            assert_eq!(r.date(), Some(d(8, 10)), "{ai}");
        }
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

    /// A corpus of plain-text articles `a0.txt`, `a1.txt` … in this order.
    fn corpus_of(texts: &[&str]) -> Corpus {
        let articles = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Article::from_plain_text(format!("a{i}.txt"), (*t).into()).unwrap())
            .collect();
        Corpus::build(articles)
    }

    #[test]
    fn a_place_taken_back_was_held_before_not_after() {
        let c = corpus_of(&["date 2021-08-10\nThe Taliban recaptured Garmsir district on Monday.\n"]);
        let gaz = Gazetteer::bundled();
        let garmsir = gaz.find("Garmsir").unwrap().id;
        let held = c.reports.iter().find(|r| r.status() == Status::Held).unwrap();
        assert!(held.is_background());
        assert_eq!(held.date(), NaiveDate::from_ymd_opt(2021, 8, 8));
        let on = |d| {
            c.timeline
                .status_at(garmsir, NaiveDate::from_ymd_opt(2021, 8, d).unwrap())
                .map(|s| s.status)
        };
        assert_eq!(on(8), Some(Status::Held));
        assert_eq!(on(9), Some(Status::Captured));
        assert_eq!(on(10), Some(Status::Captured));
    }

    #[test]
    fn fighting_told_with_a_capture_is_of_the_capture_s_day() {
        let c = corpus_of(&[
            "date 2021-08-13\nTaliban fighters captured Ghazni yesterday.\n\nThe militants occupied Ghazni's police headquarters after heavy clashes, an official said.\n",
            "date 2021-08-13\nHeavy clashes continue in Ghazni, an official said.\n",
        ]);
        let contested: Vec<_> = c
            .reports
            .iter()
            .filter(|r| r.status() == Status::Contested)
            .map(|r| (r.article, r.date()))
            .collect();
        let day = |d| NaiveDate::from_ymd_opt(2021, 8, d);
        // Told with the capture: its day. Told alone: the day it is told.
        assert_eq!(contested, [(0, day(12)), (1, day(13))]);
    }

    #[test]
    fn an_article_appeared_soon_after_the_latest_date_it_quotes() {
        // Three dated articles report Panjshir still held at the end of
        // August; the undated one quotes 20 and 21 August and "on Sunday":
        // the Sunday just after (22 August), not the one a week later that
        // the other articles' Panjshir reports favour.
        let c = corpus_of(&[
            "date 2021-08-29 Panjshir remains in the hands of the resistance.",
            "date 2021-08-29 The Panjshir valley is still held by the resistance.",
            "date 2021-08-30 Panjshir is still in the hands of the resistance.",
            "Local militias drove the Taliban out of Deh Salah on August 20, but the Taliban retook it on August 21, a local official said on Sunday. Panjshir is still in the hands of the resistance.",
        ]);
        assert_eq!(c.publications[3].date, Some(d(8, 22)), "{:?}", c.publications[3]);
    }

    #[test]
    fn news_of_an_evening_appeared_the_next_day() {
        let c = corpus_of(&[
            "date 2021-08-12 The Taliban captured Ghazni on Tuesday evening.",
            "date 2021-08 De Taliban hebben dinsdagavond Ghazni ingenomen.",
        ]);
        // Tuesday evening is 10 August: the paper of Wednesday the 11th.
        assert_eq!(c.publications[1].date, Some(d(8, 11)), "{:?}", c.publications[1]);
    }

    #[test]
    fn an_article_may_appear_a_day_before_the_consensus_of_its_event() {
        // The corpus dates Pul-e Alam's fall on Saturday 14 August; the
        // undated article's own "on Friday" points to Friday the 13th, a
        // day before: its own weekday outweighs the one-day disagreement.
        let c = corpus_of(&[
            "date 2021-08-16 The Taliban captured Pul-e Alam on Saturday.",
            "date 2021-08 The Taliban overran Pul-e Alam on Friday, a spokesman said.",
        ]);
        assert_eq!(c.publications[1].date, Some(d(8, 13)), "{:?}", c.publications[1]);
    }

    /// Two dated articles put Kabul's capture on Sunday 15 August; two
    /// more span the corpus from 10 July to 31 August.
    fn corpus_with_kabul_fallen(undated: &[&str]) -> Corpus {
        let dated = [
            "date 2021-08-16 The Taliban captured Kabul on Sunday.",
            "date 2021-08-17 De Taliban hebben zondag Kabul veroverd.",
            "date 2021-07-10 Het was rustig in het land.",
            "date 2021-08-31 The last plane left.",
        ];
        corpus_of(&[&dated[..], undated].concat())
    }

    #[test]
    fn an_article_that_presupposes_the_takeover_appeared_after_kabul_fell() {
        let c = corpus_with_kabul_fallen(&[
            "Since the Taliban takeover, thousands have tried to leave the country.",
            "date 2021-08 Na de machtsovername van de taliban sloot het buurland de grens.",
            // A forecast of a takeover bounds nothing.
            "date 2021-07 A Taliban takeover could follow within months.",
        ]);
        for i in 4..6 {
            assert!(c.publications[i].date.unwrap() >= d(8, 15), "{:?}", c.publications[i]);
            assert_eq!(c.publications[i].basis, DateBasis::Guess);
        }
        assert!(c.publications[6].date.unwrap() <= d(7, 31));
    }

    #[test]
    fn the_kabul_airport_attack_bounds_an_article_from_below() {
        // The corpus spans 10 July to 17 August: an August article with no
        // evidence would be guessed on 9 August, before Kabul fell.
        let c = corpus_of(&[
            "date 2021-08-16 The Taliban captured Kabul on Sunday.",
            "date 2021-08-17 De Taliban hebben zondag Kabul veroverd.",
            "date 2021-07-10 Het was rustig in het land.",
            "date 2021-08 More families crossed the border after the Kabul airport attack.",
            "date 2021-08 Na de aanslag op de luchthaven van Kaboel sloot het buurland de grens.",
            "date 2021-08 Het buurland sloot de grens.",
        ]);
        for i in 3..5 {
            assert!(c.publications[i].date.unwrap() >= d(8, 15), "{:?}", c.publications[i]);
        }
        assert!(c.publications[5].date.unwrap() < d(8, 15), "{:?}", c.publications[5]);
    }

    #[test]
    fn a_guess_is_the_middle_of_the_days_the_article_allows() {
        // July, within the corpus's span (10 July to 31 August): the 20th.
        let c = corpus_with_kabul_fallen(&["date 2021-07 Het buurland sloot de grens."]);
        assert_eq!(c.publications[4].date, Some(d(7, 20)));
        // After Kabul fell, in August: the 23rd, or near it the Saturday
        // the text names.
        let c = corpus_with_kabul_fallen(&[
            "date 2021-08 Sinds de machtsovername van de taliban is het stil.",
            "date 2021-08 Since the Taliban seized power, the border has been shut. The soldiers landed on Saturday.",
        ]);
        assert_eq!(c.publications[4].date, Some(d(8, 23)));
        assert_eq!(c.publications[5].date, Some(d(8, 21)));
        // With no bound of its own: the corpus's typical day (the median
        // of 10 July, 16, 17 and 31 August).
        let c = corpus_with_kabul_fallen(&["The border was shut."]);
        assert_eq!(c.publications[4].date, Some(d(8, 17)));
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
    fn disagreeing_dates_of_one_event_are_listed_with_the_consensus() {
        let a = |name: &str, text: &str| Article::from_plain_text(name, text.into()).unwrap();
        let c = Corpus::build(vec![
            a(
                "a.txt",
                "date 2021-08-13\nGisteren viel Kunduz in handen van de Taliban.",
            ),
            a("b.txt", "date 2021-08-13\nDe Taliban hebben Kunduz gisteren veroverd."),
            a(
                "c.txt",
                "date 2021-08-14\nKunduz werd gisteren door de Taliban ingenomen.",
            ),
            // A later fall of the same town is another event.
            a("d.txt", "date 2021-08-30\nGisteren viel Kunduz opnieuw."),
            // Agreeing reports are no disagreement.
            a("e.txt", "date 2021-08-13\nGisteren viel Herat."),
            a("f.txt", "date 2021-08-13\nHerat is gisteren gevallen."),
        ]);
        let found = date_disagreements(c.reports.iter());
        assert_eq!(
            found,
            [DateDisagreement {
                status: Status::Captured,
                days: vec![(d(8, 12), 2), (d(8, 13), 1)],
                consensus: Some(d(8, 12)),
            }]
        );
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
