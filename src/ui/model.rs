//! The view model: everything the panels show that depends only on the
//! corpus, computed once when a corpus is loaded, and the small part that
//! depends on the slider date, recomputed only when the date changes.
//!
//! Nothing here parses text or touches egui; the frame code only reads it.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate};

use crate::basemap::{Unit, mercator_unit};
use crate::corpus::{Corpus, DateBasis};
use crate::gazetteer::{Gazetteer, PlaceId, PlaceKind};
use crate::reports::Status;
use crate::review::{ReviewFile, Reviewed};
use crate::timeline::{StatusChange, Timeline};

/// A place the corpus mentions, with what the panels need about it.
#[derive(Debug, Clone)]
pub struct PlaceView {
    pub id: PlaceId,
    pub name: String,
    pub kind: PlaceKind,
    pub province_code: String,
    pub province_name: String,
    pub lon: f64,
    pub lat: f64,
    pub unit: Unit,
    /// Spellings as written in the corpus, most frequent first.
    pub spellings: Vec<String>,
    pub mention_count: usize,
    /// Indices into `Corpus::reports` (distinct ones), by event date:
    /// the reports the excerpt panel lists (rejected ones included, those
    /// the filter hides left out).
    pub reports: Vec<usize>,
    /// Reports of the place the filter hides.
    pub filtered: usize,
}

impl PlaceView {
    /// Districts, crossings, bases and areas: small markers with a toggle.
    pub fn is_minor_site(&self) -> bool {
        self.kind.is_district_or_site()
    }
}

impl PlaceView {
    /// Drawing and labelling priority: capitals, then reported places.
    pub fn priority(&self) -> u32 {
        let kind = match self.kind {
            PlaceKind::Capital => 2,
            PlaceKind::Province => 0,
            _ => 1,
        };
        kind * 100_000 + (self.reports.len() as u32).min(999) * 100 + (self.mention_count as u32).min(99)
    }
}

/// One article in the list.
#[derive(Debug, Clone)]
pub struct ArticleView {
    pub index: usize,
    pub name: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub inferred: bool,
    pub basis: DateBasis,
    pub mentions: usize,
    pub reports: usize,
}

/// Per-day report counts by status, for the histogram.
#[derive(Debug, Clone, Copy, Default)]
pub struct DayCounts {
    /// Indexed by `Status as usize` (held … captured).
    pub by_status: [u32; 5],
}

impl DayCounts {
    pub fn total(&self) -> u32 {
        self.by_status.iter().sum()
    }
}

/// Spellings and mention counts per place: what depends on the articles
/// only, computed once per corpus (a review does not change it).
#[derive(Debug, Clone, Default)]
pub struct MentionStats {
    spellings: HashMap<PlaceId, Vec<String>>,
    counts: HashMap<PlaceId, usize>,
}

impl MentionStats {
    pub fn new(corpus: &Corpus) -> MentionStats {
        let mut spellings: HashMap<PlaceId, HashMap<&str, usize>> = HashMap::new();
        let mut counts: HashMap<PlaceId, usize> = HashMap::new();
        for (a, analysis) in corpus.articles.iter().zip(&corpus.analyses) {
            for m in &analysis.mentions {
                let surface = a.text.get(m.span.clone()).unwrap_or("");
                *spellings.entry(m.place).or_default().entry(surface).or_default() += 1;
                *counts.entry(m.place).or_default() += 1;
            }
        }
        let spellings = spellings
            .into_iter()
            .map(|(id, sp)| {
                let mut sp: Vec<(&str, usize)> = sp.into_iter().collect();
                sp.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
                (id, sp.into_iter().map(|(s, _)| s.to_owned()).collect())
            })
            .collect();
        MentionStats { spellings, counts }
    }
}

/// What the viewer shows of a corpus.
#[derive(Debug, Clone)]
pub struct ViewModel {
    /// Places the corpus mentions, by descending priority so labels of
    /// important places are placed first. Provinces are included (for
    /// their excerpts) but drawn as areas, not markers.
    pub places: Vec<PlaceView>,
    by_id: HashMap<PlaceId, usize>,
    pub articles: Vec<ArticleView>,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub days: Vec<DayCounts>,
    pub max_day_count: u32,
    /// Provinces (ISO code) with their own entry and their capital, for
    /// shading: the province's own status when reported, else its
    /// capital's.
    pub provinces: Vec<(String, PlaceId, Option<PlaceId>)>,
    /// Whether the corpus names districts, crossings, bases or areas.
    pub has_minor_sites: bool,
    /// Whether the corpus names districts (for their counter).
    pub has_districts: bool,
    /// For a counted report: the copies of it in other articles.
    duplicates: HashMap<usize, Vec<usize>>,
}

impl ViewModel {
    /// The view of `corpus` with a review applied (`reviewed` from
    /// [`crate::review::apply`]).
    pub fn new(
        gaz: &Gazetteer,
        corpus: &Corpus,
        stats: &MentionStats,
        reviewed: &Reviewed,
        review: &ReviewFile,
    ) -> ViewModel {
        let reports_all = &reviewed.reports;
        let mut reports_by_place: HashMap<PlaceId, Vec<usize>> = HashMap::new();
        let mut filtered_by_place: HashMap<PlaceId, usize> = HashMap::new();
        for (i, r) in reports_all.iter().enumerate() {
            if r.duplicate_of.is_some() {
                continue;
            }
            if reviewed.filtered.get(i).copied().unwrap_or(false) {
                *filtered_by_place.entry(r.place()).or_default() += 1;
            } else {
                reports_by_place.entry(r.place()).or_default().push(i);
            }
        }
        let mut ids: Vec<PlaceId> = stats
            .counts
            .keys()
            .chain(reports_by_place.keys())
            .chain(filtered_by_place.keys())
            .copied()
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let mut places: Vec<PlaceView> = ids
            .into_iter()
            .map(|id| {
                let p = gaz.place(id);
                let mut reports = reports_by_place.remove(&id).unwrap_or_default();
                reports.sort_by_key(|&i| {
                    (
                        reports_all[i].date(),
                        reports_all[i].article,
                        reports_all[i].report.sentence.start,
                    )
                });
                PlaceView {
                    id,
                    name: p.name.clone(),
                    kind: p.kind,
                    province_code: p.province.clone(),
                    province_name: gaz.province(&p.province).map(|x| x.name.clone()).unwrap_or_default(),
                    lon: p.lon,
                    lat: p.lat,
                    unit: mercator_unit(p.lon, p.lat),
                    spellings: stats.spellings.get(&id).cloned().unwrap_or_default(),
                    mention_count: stats.counts.get(&id).copied().unwrap_or(0),
                    reports,
                    filtered: filtered_by_place.get(&id).copied().unwrap_or(0),
                }
            })
            .collect();
        places.sort_by(|a, b| b.priority().cmp(&a.priority()).then(a.name.cmp(&b.name)));
        let by_id = places.iter().enumerate().map(|(i, p)| (p.id, i)).collect();

        let mut per_article = vec![0usize; corpus.articles.len()];
        let mut duplicates: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, r) in corpus.reports.iter().enumerate() {
            match r.duplicate_of {
                None => per_article[r.article] += 1,
                Some(first) => duplicates.entry(first).or_default().push(i),
            }
        }
        let articles = corpus
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| ArticleView {
                index: i,
                name: a.name.clone(),
                title: a.title.clone(),
                published: corpus.publications[i].date,
                inferred: corpus.publications[i].inferred,
                basis: corpus.publications[i].basis,
                mentions: corpus.analyses[i].mentions.len(),
                reports: per_article[i],
            })
            .collect();

        // The slider runs from the day before the first report (nothing
        // reported yet) to the last report.
        let (first_day, last_day) = match reviewed.timeline.date_range() {
            Some((a, b)) => (a.checked_sub_days(Days::new(1)).unwrap_or(a), b),
            None => {
                let d = corpus
                    .publications
                    .iter()
                    .filter_map(|p| p.date)
                    .max()
                    .unwrap_or_else(|| chrono::Local::now().date_naive());
                (d, d)
            }
        };
        let n_days = (last_day - first_day).num_days().max(0) as usize + 1;
        let mut days = vec![DayCounts::default(); n_days];
        for (i, r) in reports_all.iter().enumerate() {
            if r.duplicate_of.is_some() || !reviewed.on_map(review, i) {
                continue;
            }
            if let Some(d) = r.date() {
                let k = (d - first_day).num_days();
                if k >= 0 && (k as usize) < n_days {
                    days[k as usize].by_status[r.status() as usize] += 1;
                }
            }
        }
        let max_day_count = days.iter().map(DayCounts::total).max().unwrap_or(0);
        let provinces = gaz
            .provinces()
            .map(|p| (p.province.clone(), p.id, gaz.capital_of(&p.province).map(|c| c.id)))
            .collect();
        let has_minor_sites = places.iter().any(PlaceView::is_minor_site);
        let has_districts = places.iter().any(|p| p.kind == PlaceKind::District);
        ViewModel {
            places,
            by_id,
            articles,
            first_day,
            last_day,
            days,
            max_day_count,
            provinces,
            has_minor_sites,
            has_districts,
            duplicates,
        }
    }

    /// Number of days on the slider.
    pub fn day_count(&self) -> usize {
        self.days.len()
    }

    /// The date of a slider position.
    pub fn date_at(&self, index: usize) -> NaiveDate {
        self.first_day
            .checked_add_days(Days::new(index.min(self.day_count().saturating_sub(1)) as u64))
            .unwrap_or(self.first_day)
    }

    /// The slider position of a date, clamped to the range.
    pub fn index_of(&self, date: NaiveDate) -> usize {
        let i = (date - self.first_day).num_days().max(0) as usize;
        i.min(self.day_count().saturating_sub(1))
    }

    pub fn clamp_date(&self, date: NaiveDate) -> NaiveDate {
        date.clamp(self.first_day, self.last_day)
    }

    /// A place's view by gazetteer id.
    pub fn place(&self, id: PlaceId) -> Option<&PlaceView> {
        self.by_id.get(&id).map(|&i| &self.places[i])
    }

    /// Copies of a counted report in other articles.
    pub fn duplicates_of(&self, report: usize) -> &[usize] {
        self.duplicates.get(&report).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Position of a place in [`Self::places`].
    pub fn place_index(&self, id: PlaceId) -> Option<usize> {
        self.by_id.get(&id).copied()
    }
}

/// What depends on the slider date: each place's status and the counter.
#[derive(Debug, Clone, Default)]
pub struct DateView {
    pub date: Option<NaiveDate>,
    /// Parallel to [`ViewModel::places`].
    pub statuses: Vec<Option<StatusChange>>,
    /// Status of each province by ISO code: its own when reported, else
    /// its capital's.
    pub province_status: HashMap<String, Status>,
    pub capitals_captured: usize,
    pub districts_captured: usize,
    /// For the overview: places by status (most severe first), each list by
    /// the date the status began; indices into [`ViewModel::places`].
    pub by_status: Vec<(Status, Vec<usize>)>,
}

impl DateView {
    /// Recomputes for `date` unless already there. Returns whether it changed.
    pub fn update(&mut self, model: &ViewModel, timeline: &Timeline, date: NaiveDate) -> bool {
        if self.date == Some(date) && self.statuses.len() == model.places.len() {
            return false;
        }
        self.date = Some(date);
        self.statuses.clear();
        self.statuses
            .extend(model.places.iter().map(|p| timeline.status_at(p.id, date)));
        self.province_status.clear();
        for (code, province, capital) in &model.provinces {
            let own = timeline.status_at(*province, date);
            let status = own.or_else(|| capital.and_then(|c| timeline.status_at(c, date)));
            if let Some(c) = status {
                self.province_status.insert(code.clone(), c.status);
            }
        }
        self.capitals_captured = timeline.capitals_captured_at(date);
        self.districts_captured = timeline.districts_captured_at(date);
        self.by_status.clear();
        for status in Status::ALL.into_iter().rev() {
            let mut places: Vec<usize> = (0..self.statuses.len())
                .filter(|&i| self.statuses[i].is_some_and(|c| c.status == status))
                .collect();
            if !places.is_empty() {
                places.sort_by_key(|&i| self.statuses[i].map(|c| c.date));
                self.by_status.push((status, places));
            }
        }
        true
    }
}

/// "Fri 13 Aug 2021".
pub fn long_date(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

/// "13 Aug".
pub fn short_date(d: NaiveDate) -> String {
    format!("{} {}", d.day(), d.format("%b"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::bundled_seeds;

    #[test]
    fn seeds_model() {
        let g = Gazetteer::bundled();
        let corpus = Corpus::build(bundled_seeds());
        let index = crate::review::ReviewIndex::new(g, &corpus);
        let file = ReviewFile::default();
        let reviewed = crate::review::apply(g, &corpus, &index, &file, &Default::default());
        let m = ViewModel::new(g, &corpus, &MentionStats::new(&corpus), &reviewed, &file);
        assert_eq!(m.first_day, NaiveDate::from_ymd_opt(2021, 8, 5).unwrap());
        assert_eq!(m.last_day, NaiveDate::from_ymd_opt(2021, 8, 14).unwrap());
        let kabul = m.places.iter().find(|p| p.name == "Kabul").unwrap();
        assert!(kabul.spellings.contains(&"Kaboel".to_owned()) && kabul.spellings.contains(&"Kabul".to_owned()));
        assert!(
            m.places
                .iter()
                .any(|p| p.kind == PlaceKind::Province && p.name == "Uruzgan")
        );
        assert_eq!(
            m.days.iter().map(DayCounts::total).sum::<u32>() as usize,
            corpus.distinct_reports().filter(|(_, r)| r.date().is_some()).count()
        );
        let mut dv = DateView::default();
        assert!(dv.update(&m, &reviewed.timeline, NaiveDate::from_ymd_opt(2021, 8, 14).unwrap()));
        assert!(!dv.update(&m, &reviewed.timeline, NaiveDate::from_ymd_opt(2021, 8, 14).unwrap()));
        assert_eq!(
            dv.capitals_captured,
            corpus
                .timeline
                .capitals_captured_at(NaiveDate::from_ymd_opt(2021, 8, 14).unwrap())
        );
    }
}
