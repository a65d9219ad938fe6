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
use crate::timeline::StatusChange;

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
    /// Indices into `Corpus::reports` (distinct ones), by event date.
    pub reports: Vec<usize>,
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
    /// Provinces (ISO code) with their capital, for shading.
    pub province_capitals: Vec<(String, PlaceId)>,
    /// For a counted report: the copies of it in other articles.
    duplicates: HashMap<usize, Vec<usize>>,
}

impl ViewModel {
    pub fn new(gaz: &Gazetteer, corpus: &Corpus) -> ViewModel {
        // Mentions and spellings per place.
        let mut spellings: HashMap<PlaceId, HashMap<String, usize>> = HashMap::new();
        let mut mention_counts: HashMap<PlaceId, usize> = HashMap::new();
        for (a, analysis) in corpus.articles.iter().zip(&corpus.analyses) {
            for m in &analysis.mentions {
                let surface = a.text[m.span.clone()].to_owned();
                *spellings.entry(m.place).or_default().entry(surface).or_default() += 1;
                *mention_counts.entry(m.place).or_default() += 1;
            }
        }
        let mut reports_by_place: HashMap<PlaceId, Vec<usize>> = HashMap::new();
        for (i, r) in corpus.distinct_reports() {
            reports_by_place.entry(r.place()).or_default().push(i);
        }
        let mut ids: Vec<PlaceId> = mention_counts.keys().chain(reports_by_place.keys()).copied().collect();
        ids.sort_unstable();
        ids.dedup();
        let mut places: Vec<PlaceView> = ids
            .into_iter()
            .map(|id| {
                let p = gaz.place(id);
                let mut sp: Vec<(String, usize)> = spellings.remove(&id).unwrap_or_default().into_iter().collect();
                sp.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                let mut reports = reports_by_place.remove(&id).unwrap_or_default();
                reports.sort_by_key(|&i| {
                    (
                        corpus.reports[i].date(),
                        corpus.reports[i].article,
                        corpus.reports[i].report.sentence.start,
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
                    spellings: sp.into_iter().map(|(s, _)| s).collect(),
                    mention_count: mention_counts.get(&id).copied().unwrap_or(0),
                    reports,
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
        let (first_day, last_day) = match corpus.timeline.date_range() {
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
        for (_, r) in corpus.distinct_reports() {
            if let Some(d) = r.date() {
                let i = (d - first_day).num_days();
                if i >= 0 && (i as usize) < n_days {
                    days[i as usize].by_status[r.status() as usize] += 1;
                }
            }
        }
        let max_day_count = days.iter().map(DayCounts::total).max().unwrap_or(0);
        let province_capitals = gaz
            .provinces()
            .filter_map(|p| gaz.capital_of(&p.province).map(|c| (p.province.clone(), c.id)))
            .collect();
        ViewModel {
            places,
            by_id,
            articles,
            first_day,
            last_day,
            days,
            max_day_count,
            province_capitals,
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
    /// Status of each province's capital, by ISO code.
    pub province_status: HashMap<String, Status>,
    pub capitals_captured: usize,
    /// For the overview: places by status (most severe first), each list by
    /// the date the status began; indices into [`ViewModel::places`].
    pub by_status: Vec<(Status, Vec<usize>)>,
}

impl DateView {
    /// Recomputes for `date` unless already there. Returns whether it changed.
    pub fn update(&mut self, model: &ViewModel, corpus: &Corpus, date: NaiveDate) -> bool {
        if self.date == Some(date) && self.statuses.len() == model.places.len() {
            return false;
        }
        self.date = Some(date);
        self.statuses.clear();
        self.statuses
            .extend(model.places.iter().map(|p| corpus.timeline.status_at(p.id, date)));
        self.province_status.clear();
        for (code, capital) in &model.province_capitals {
            if let Some(c) = corpus.timeline.status_at(*capital, date) {
                self.province_status.insert(code.clone(), c.status);
            }
        }
        self.capitals_captured = corpus.timeline.capitals_captured_at(date);
        self.by_status.clear();
        for status in Status::ALL.into_iter().rev() {
            let mut places: Vec<usize> = (0..self.statuses.len())
                .filter(|&i| {
                    self.statuses[i].is_some_and(|c| c.status == status) && model.places[i].kind != PlaceKind::Province
                })
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
        let m = ViewModel::new(g, &corpus);
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
        assert!(dv.update(&m, &corpus, NaiveDate::from_ymd_opt(2021, 8, 14).unwrap()));
        assert!(!dv.update(&m, &corpus, NaiveDate::from_ymd_opt(2021, 8, 14).unwrap()));
        assert_eq!(
            dv.capitals_captured,
            corpus
                .timeline
                .capitals_captured_at(NaiveDate::from_ymd_opt(2021, 8, 14).unwrap())
        );
    }
}
