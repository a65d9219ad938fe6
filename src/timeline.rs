//! The timeline: each place's status at any day, from all reports.
//!
//! Rules, in order: the latest report wins; reports of one day are merged
//! by severity (captured > claimed > contested > threatened > held); and a
//! capture stands until a report of retaking (`held`), so a later "fighting
//! near Herat" does not undo "Herat fell". A weak report of holding (a
//! denial, "has not been captured", a hedged retaking) does not undo a
//! capture that two articles or more report: "the government denied losing
//! Kunduz" the day after several papers told its fall. Statuses are precomputed as
//! change lists per place, so a query at a date is a binary search per
//! place — cheap enough to run on every slider move.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::corpus::DatedReport;
use crate::gazetteer::{Gazetteer, PlaceId, PlaceKind};
use crate::reports::Status;

/// A place's status from a date on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    pub date: NaiveDate,
    pub status: Status,
    /// Index into the corpus's reports of the report that set it.
    pub report: usize,
}

/// Statuses of all reported places over time.
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    /// Places with at least one dated report, sorted by id.
    places: Vec<PlaceId>,
    /// Per place (parallel to `places`): status changes by date.
    changes: Vec<Vec<StatusChange>>,
    /// Provincial capitals captured: (date, count from that date on).
    capitals_captured: Vec<(NaiveDate, usize)>,
    /// Districts captured: (date, count from that date on).
    districts_captured: Vec<(NaiveDate, usize)>,
    /// Distinct dated reports per day.
    per_day: BTreeMap<NaiveDate, usize>,
    range: Option<(NaiveDate, NaiveDate)>,
}

impl Timeline {
    /// Builds the timeline from dated reports; duplicates and undated
    /// reports are skipped.
    pub fn build(gaz: &Gazetteer, reports: &[DatedReport]) -> Timeline {
        Timeline::build_filtered(gaz, reports, |_| true)
    }

    /// [`Timeline::build`] on the reports for which `keep(index)` holds
    /// (the viewer leaves out reports an analyst rejected or a filter
    /// hides); indices in the result still point into `reports`.
    pub fn build_filtered(gaz: &Gazetteer, reports: &[DatedReport], keep: impl Fn(usize) -> bool) -> Timeline {
        let mut by_place: BTreeMap<PlaceId, Vec<Dated>> = BTreeMap::new();
        let mut per_day: BTreeMap<NaiveDate, usize> = BTreeMap::new();
        for (i, r) in reports.iter().enumerate() {
            if r.duplicate_of.is_some() || !keep(i) {
                continue;
            }
            let Some(date) = r.map_date() else { continue };
            by_place.entry(r.place()).or_default().push(Dated {
                date,
                status: r.status(),
                report: i,
                article: r.article,
                weak: r.report.confidence < WEAK_HOLDING,
            });
            *per_day.entry(date).or_default() += 1;
        }
        let mut places = Vec::with_capacity(by_place.len());
        let mut changes = Vec::with_capacity(by_place.len());
        for (place, mut rs) in by_place {
            rs.sort_by(|a, b| {
                a.date
                    .cmp(&b.date)
                    .then(b.status.severity().cmp(&a.status.severity()))
                    .then(a.report.cmp(&b.report))
            });
            places.push(place);
            changes.push(fold_status(&rs));
        }
        let range = per_day.keys().next().copied().zip(per_day.keys().next_back().copied());
        let capitals_captured = captured_counts(gaz, &places, &changes, PlaceKind::Capital);
        let districts_captured = captured_counts(gaz, &places, &changes, PlaceKind::District);
        Timeline {
            places,
            changes,
            capitals_captured,
            districts_captured,
            per_day,
            range,
        }
    }

    /// First and last day with a report.
    pub fn date_range(&self) -> Option<(NaiveDate, NaiveDate)> {
        self.range
    }

    /// Places with dated reports.
    pub fn places(&self) -> &[PlaceId] {
        &self.places
    }

    /// The status changes of one place, by date.
    pub fn history(&self, place: PlaceId) -> &[StatusChange] {
        match self.places.binary_search(&place) {
            Ok(i) => &self.changes[i],
            Err(_) => &[],
        }
    }

    /// A place's status at the end of `date`, with the change that set it.
    pub fn status_at(&self, place: PlaceId, date: NaiveDate) -> Option<StatusChange> {
        let h = self.history(place);
        let n = h.partition_point(|c| c.date <= date);
        n.checked_sub(1).map(|i| h[i])
    }

    /// Every reported place's status at the end of `date`, written into
    /// `out` (cleared first) — no allocation when `out` has capacity.
    pub fn statuses_at(&self, date: NaiveDate, out: &mut Vec<(PlaceId, Option<StatusChange>)>) {
        out.clear();
        for (i, &place) in self.places.iter().enumerate() {
            let h = &self.changes[i];
            let n = h.partition_point(|c| c.date <= date);
            out.push((place, n.checked_sub(1).map(|k| h[k])));
        }
    }

    /// How many of the 34 provincial capitals are captured at the end of
    /// `date`.
    pub fn capitals_captured_at(&self, date: NaiveDate) -> usize {
        let n = self.capitals_captured.partition_point(|(d, _)| *d <= date);
        n.checked_sub(1).map_or(0, |i| self.capitals_captured[i].1)
    }

    /// How many districts are reported captured at the end of `date`.
    pub fn districts_captured_at(&self, date: NaiveDate) -> usize {
        let n = self.districts_captured.partition_point(|(d, _)| *d <= date);
        n.checked_sub(1).map_or(0, |i| self.districts_captured[i].1)
    }

    /// Distinct dated reports per day, in date order.
    pub fn reports_per_day(&self) -> impl Iterator<Item = (NaiveDate, usize)> + '_ {
        self.per_day.iter().map(|(d, n)| (*d, *n))
    }
}

/// Below this confidence a report of holding is a denial, a negated
/// capture or a hedged retaking, not a plain report of retaking (0.8 in
/// `data/status_rules.tsv`).
const WEAK_HOLDING: f32 = 0.75;

/// One dated report of a place, as the timeline rules see it.
#[derive(Debug, Clone, Copy)]
struct Dated {
    date: NaiveDate,
    status: Status,
    /// Index into the corpus's reports.
    report: usize,
    article: usize,
    /// Below [`WEAK_HOLDING`].
    weak: bool,
}

/// Applies the timeline rules to one place's reports, sorted by date and
/// then by severity (most severe first within a day).
fn fold_status(rs: &[Dated]) -> Vec<StatusChange> {
    let mut out: Vec<StatusChange> = Vec::new();
    // Up to two articles that report the capture standing now.
    let mut capture_articles: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < rs.len() {
        let first = i;
        while i < rs.len() && rs[i].date == rs[first].date {
            i += 1;
        }
        let today = &rs[first..i];
        // Most severe report of the day.
        let Dated {
            date: day,
            status,
            report,
            ..
        } = today[0];
        let current = out.last().map(|c| c.status);
        // (Two are all the rule asks for.)
        for r in today.iter().filter(|r| r.status == Status::Captured) {
            if capture_articles.len() < 2 && !capture_articles.contains(&r.article) {
                capture_articles.push(r.article);
            }
        }
        let weak_holding = today.iter().filter(|r| r.status == Status::Held).all(|r| r.weak);
        let next = match (current, status) {
            // A capture stands until a report of retaking, and a weak one
            // does not undo a capture two articles tell.
            (Some(Status::Captured), Status::Held) if weak_holding && capture_articles.len() >= 2 => Status::Captured,
            (Some(Status::Captured), s) if s != Status::Held => Status::Captured,
            _ => status,
        };
        if next != Status::Captured {
            capture_articles.clear();
        }
        if current != Some(next) {
            out.push(StatusChange {
                date: day,
                status: next,
                report,
            });
        }
    }
    out
}

/// How many places of `kind` stand captured, from each date on.
fn captured_counts(
    gaz: &Gazetteer,
    places: &[PlaceId],
    changes: &[Vec<StatusChange>],
    kind: PlaceKind,
) -> Vec<(NaiveDate, usize)> {
    let mut deltas: BTreeMap<NaiveDate, i64> = BTreeMap::new();
    for (i, &p) in places.iter().enumerate() {
        if gaz.places().get(p as usize).is_none_or(|x| x.kind != kind) {
            continue;
        }
        let mut was = false;
        for c in &changes[i] {
            let is = c.status == Status::Captured;
            if is != was {
                *deltas.entry(c.date).or_default() += if is { 1 } else { -1 };
                was = is;
            }
        }
    }
    let mut count: i64 = 0;
    deltas
        .into_iter()
        .map(|(d, delta)| {
            count += delta;
            (d, count.max(0) as usize)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2021, 8, day).unwrap()
    }

    fn fold(rs: &[(u32, Status)]) -> Vec<(u32, Status)> {
        fold_weighed(&rs.iter().map(|&(day, s)| (day, s, false)).collect::<Vec<_>>())
    }

    /// Each report from its own article, `true` for a weak one.
    fn fold_weighed(rs: &[(u32, Status, bool)]) -> Vec<(u32, Status)> {
        let mut v: Vec<Dated> = rs
            .iter()
            .enumerate()
            .map(|(i, &(day, status, weak))| Dated {
                date: d(day),
                status,
                report: i,
                article: i,
                weak,
            })
            .collect();
        v.sort_by(|a, b| a.date.cmp(&b.date).then(b.status.severity().cmp(&a.status.severity())));
        fold_status(&v)
            .into_iter()
            .map(|c| (chrono::Datelike::day(&c.date), c.status))
            .collect()
    }

    use Status::*;

    #[test]
    fn latest_report_wins() {
        assert_eq!(
            fold(&[(5, Threatened), (7, Contested)]),
            [(5, Threatened), (7, Contested)]
        );
    }

    #[test]
    fn most_severe_wins_within_a_day() {
        assert_eq!(fold(&[(5, Held), (5, Captured), (5, Contested)]), [(5, Captured)]);
    }

    #[test]
    fn capture_stands_until_retaken() {
        assert_eq!(fold(&[(5, Captured), (6, Contested), (7, Threatened)]), [(5, Captured)]);
        assert_eq!(
            fold(&[(5, Captured), (8, Held), (9, Captured)]),
            [(5, Captured), (8, Held), (9, Captured)]
        );
    }

    #[test]
    fn a_denial_does_not_undo_a_capture_two_articles_tell() {
        // Two papers tell the fall, a third the government's denial.
        assert_eq!(
            fold_weighed(&[(8, Captured, false), (8, Captured, false), (9, Held, true)]),
            [(8, Captured)]
        );
        // One paper's capture, then a denial: held.
        assert_eq!(
            fold_weighed(&[(8, Captured, false), (9, Held, true)]),
            [(8, Captured), (9, Held)]
        );
        // A plain retaking undoes any capture.
        assert_eq!(
            fold_weighed(&[(8, Captured, false), (8, Captured, false), (9, Held, false)]),
            [(8, Captured), (9, Held)]
        );
        // Support counts from the capture on: after a retaking, one new
        // capture and a denial leave it held again.
        assert_eq!(
            fold_weighed(&[
                (5, Captured, false),
                (6, Captured, false),
                (7, Held, false),
                (8, Captured, false),
                (9, Held, true)
            ]),
            [(5, Captured), (7, Held), (8, Captured), (9, Held)]
        );
    }

    #[test]
    fn claims_can_be_superseded() {
        assert_eq!(
            fold(&[(5, Claimed), (6, Contested), (7, Captured)]),
            [(5, Claimed), (6, Contested), (7, Captured)]
        );
    }

    #[test]
    fn repeated_status_is_one_change() {
        assert_eq!(fold(&[(5, Contested), (6, Contested)]), [(5, Contested)]);
    }

    #[test]
    fn districts_are_counted_and_filtered_reports_left_out() {
        use crate::article::Article;
        use crate::corpus::Corpus;
        let a = Article::from_plain_text(
            "a.txt",
            "date 2021-08-15 De Taliban namen gisteren het district Shindand in. Ook het district Karukh viel gisteren in handen van de Taliban."
                .into(),
        )
        .unwrap();
        let c = Corpus::build(vec![a]);
        let gaz = Gazetteer::bundled();
        let districts = c
            .reports
            .iter()
            .filter(|r| gaz.place(r.place()).kind == PlaceKind::District && r.status() == Captured)
            .count();
        assert!(districts >= 1, "{:?}", c.reports);
        assert_eq!(c.timeline.districts_captured_at(d(14)), districts);
        assert_eq!(c.timeline.districts_captured_at(d(13)), 0);
        assert_eq!(c.timeline.capitals_captured_at(d(14)), 0);
        // Leaving every report out leaves nothing captured.
        let none = Timeline::build_filtered(gaz, &c.reports, |_| false);
        assert_eq!(none.districts_captured_at(d(14)), 0);
        assert!(none.places().is_empty());
        // Leaving out the first report keeps the others.
        let rest = Timeline::build_filtered(gaz, &c.reports, |i| i != 0);
        assert_eq!(rest.places().len(), c.timeline.places().len() - 1);
    }
}
