//! Scoring: how well the engine reads a corpus a person has annotated.
//!
//! A *gold table* (tab-separated, documented in the README and in
//! `tests/devset/ANNOTATION.md`) lists, for each article, its publication
//! date and every report a careful reader finds in it: place, status and
//! the day it happened, with the other days that are defensible. The
//! scorer compares the engine's reports with it, article by article.
//!
//! The unit of comparison is a *(article, place, status class)*: several
//! sentences of one article reporting the fall of Herat are one unit, as
//! they put one marker on the map. `captured` and `claimed` are one class
//! (a capture, whoever vouches for it); `contested`, `threatened` and
//! `held` are a class each. A unit's date is its earliest dated report,
//! since that is when the map first shows it.
//!
//! Places are matched by identity in the gazetteer: the gold names a place
//! in any spelling and a kind (`city`, `province`, …), so "Kunduz" the city
//! and "Kunduz" the province stay apart. A place the gazetteer lacks is
//! matched by coordinates (within [`NEAR_KM`]), never to a provincial
//! capital or a province, and one engine report to one such place only.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::ops::RangeInclusive;

use chrono::NaiveDate;

use crate::corpus::Corpus;
use crate::dates::DatePrecision;
use crate::gazetteer::{Gazetteer, PlaceId, PlaceKind};
use crate::reports::Status;

/// A place the gazetteer lacks matches an engine report this close to the
/// gold coordinates.
pub const NEAR_KM: f64 = 10.0;

/// Of several places with a gold row's name, those this close to its
/// coordinates are meant.
pub const SAME_PLACE_KM: f64 = 50.0;

/// Errors reading a gold table.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("the gold table has no header line")]
    Empty,
    #[error("gold header: expected the columns {expected}, found {found:?}")]
    Header { expected: String, found: String },
    #[error("gold line {line}: {message}")]
    BadRow { line: usize, message: String },
}

/// The columns of a gold table, in order.
pub const GOLD_COLUMNS: [&str; 9] = [
    "file",
    "place",
    "kind",
    "status",
    "event_date",
    "dates",
    "lat",
    "lon",
    "note",
];

/// What sort of place a gold row names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum GoldKind {
    City,
    Province,
    District,
    Crossing,
    Base,
    Area,
}

impl GoldKind {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "city" => GoldKind::City,
            "province" => GoldKind::Province,
            "district" => GoldKind::District,
            "crossing" => GoldKind::Crossing,
            "base" => GoldKind::Base,
            "area" => GoldKind::Area,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            GoldKind::City => "city",
            GoldKind::Province => "province",
            GoldKind::District => "district",
            GoldKind::Crossing => "crossing",
            GoldKind::Base => "base",
            GoldKind::Area => "area",
        }
    }

    /// Can a gazetteer entry of kind `k` be the place a row of this kind
    /// names?
    fn admits(self, k: PlaceKind) -> bool {
        match self {
            GoldKind::Province => k == PlaceKind::Province,
            // A district is named after its centre, which the gazetteer
            // may hold as a town; the same for crossings and valleys.
            _ => k != PlaceKind::Province,
        }
    }
}

/// Status classes compared by the scorer: a claim is a capture someone
/// has yet to confirm, so the two are one class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StatusClass {
    Capture,
    Contested,
    Threatened,
    Held,
}

impl StatusClass {
    pub fn of(s: Status) -> Self {
        match s {
            Status::Captured | Status::Claimed => StatusClass::Capture,
            Status::Contested => StatusClass::Contested,
            Status::Threatened => StatusClass::Threatened,
            Status::Held => StatusClass::Held,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            StatusClass::Capture => "capture",
            StatusClass::Contested => "contested",
            StatusClass::Threatened => "threatened",
            StatusClass::Held => "held",
        }
    }

    const OTHERS: [StatusClass; 3] = [StatusClass::Contested, StatusClass::Threatened, StatusClass::Held];
}

/// One report row of a gold table.
#[derive(Debug, Clone)]
pub struct GoldReport {
    /// Line in the gold file (for messages).
    pub line: usize,
    pub file: String,
    pub place: String,
    pub kind: GoldKind,
    pub status: Status,
    /// `None` for background: happened by publication, day not given.
    pub event_date: Option<NaiveDate>,
    /// Other defensible days.
    pub also: Vec<RangeInclusive<NaiveDate>>,
    pub coords: Option<(f64, f64)>,
}

impl GoldReport {
    /// Is `d` a defensible date for this report?
    pub fn allows(&self, d: NaiveDate) -> bool {
        self.event_date == Some(d) || self.also.iter().any(|r| r.contains(&d))
    }
}

/// A parsed gold table.
#[derive(Debug, Clone, Default)]
pub struct GoldTable {
    /// Publication date of each annotated article, by file.
    pub published: BTreeMap<String, NaiveDate>,
    pub reports: Vec<GoldReport>,
}

fn parse_day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

impl GoldTable {
    /// Parses the gold format: a header with [`GOLD_COLUMNS`], then rows;
    /// blank lines and lines starting with `#` are skipped.
    pub fn parse(tsv: &str) -> Result<Self, GoldError> {
        let mut lines = tsv
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
        let (_, header) = lines.next().ok_or(GoldError::Empty)?;
        let header: Vec<&str> = header.trim_end_matches('\r').split('\t').map(str::trim).collect();
        if header != GOLD_COLUMNS {
            return Err(GoldError::Header {
                expected: GOLD_COLUMNS.join(" "),
                found: header.join(" "),
            });
        }
        let mut table = GoldTable::default();
        for (n, raw) in lines {
            let line = n + 1;
            let bad = |message: String| GoldError::BadRow { line, message };
            let mut cols: Vec<&str> = raw.trim_end_matches('\r').split('\t').map(str::trim).collect();
            if cols.len() < 5 || cols.len() > GOLD_COLUMNS.len() {
                return Err(bad(format!(
                    "expected 5 to 9 tab-separated columns, found {}",
                    cols.len()
                )));
            }
            cols.resize(GOLD_COLUMNS.len(), "");
            let file = cols[0];
            if file.is_empty() {
                return Err(bad("empty file name".into()));
            }
            if cols[3] == "published" {
                let date = parse_day(cols[4]).ok_or_else(|| bad(format!("bad publication date {:?}", cols[4])))?;
                if table.published.insert(file.to_owned(), date).is_some() {
                    return Err(bad(format!("a second publication date for {file}")));
                }
                continue;
            }
            let status = Status::ALL
                .into_iter()
                .find(|s| s.as_str() == cols[3])
                .ok_or_else(|| bad(format!("unknown status {:?}", cols[3])))?;
            if cols[1].is_empty() {
                return Err(bad("empty place".into()));
            }
            let kind = GoldKind::parse(cols[2]).ok_or_else(|| bad(format!("unknown kind {:?}", cols[2])))?;
            let event_date = match cols[4] {
                "-" | "" => None,
                s => Some(parse_day(s).ok_or_else(|| bad(format!("bad event date {s:?}")))?),
            };
            let mut also = Vec::new();
            for part in cols[5].split(',').map(str::trim).filter(|p| !p.is_empty()) {
                let range = match part.split_once("..") {
                    Some((a, b)) => parse_day(a).zip(parse_day(b)).map(|(a, b)| a..=b),
                    None => parse_day(part).map(|d| d..=d),
                };
                also.push(range.ok_or_else(|| bad(format!("bad date or span {part:?}")))?);
            }
            let coords = match (cols[6], cols[7]) {
                ("", "") => None,
                (lat, lon) => {
                    let lat: f64 = lat.parse().map_err(|_| bad(format!("bad latitude {lat:?}")))?;
                    let lon: f64 = lon.parse().map_err(|_| bad(format!("bad longitude {lon:?}")))?;
                    Some((lat, lon))
                }
            };
            table.reports.push(GoldReport {
                line,
                file: file.to_owned(),
                place: cols[1].to_owned(),
                kind,
                status,
                event_date,
                also,
                coords,
            });
        }
        Ok(table)
    }

    /// Every file the table annotates.
    pub fn files(&self) -> BTreeSet<&str> {
        self.published
            .keys()
            .map(String::as_str)
            .chain(self.reports.iter().map(|r| r.file.as_str()))
            .collect()
    }
}

/// Great-circle distance in kilometres.
fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// How a gold place is recognised among the engine's reports.
#[derive(Debug, Clone)]
enum PlaceMatch {
    Ids(Vec<PlaceId>),
    Near((f64, f64)),
    Unknown,
}

impl PlaceMatch {
    fn resolve(gaz: &Gazetteer, r: &GoldReport) -> Self {
        let mut ids: Vec<PlaceId> = gaz
            .lookup(&r.place)
            .iter()
            .copied()
            .filter(|&id| r.kind.admits(gaz.place(id).kind))
            .collect();
        // Coordinates, when given, tell apart places of the same name
        // (Baharak in Badakhshan and in Takhar); an annotator's coordinates
        // are approximate, so they only choose among namesakes.
        if ids.len() > 1
            && let Some(c) = r.coords
        {
            let near: Vec<PlaceId> = ids
                .iter()
                .copied()
                .filter(|&id| {
                    let p = gaz.place(id);
                    distance_km(c, (p.lat, p.lon)) <= SAME_PLACE_KM
                })
                .collect();
            if !near.is_empty() {
                ids = near;
            }
        }
        if !ids.is_empty() {
            PlaceMatch::Ids(ids)
        } else if let Some(c) = r.coords {
            PlaceMatch::Near(c)
        } else {
            PlaceMatch::Unknown
        }
    }

    fn matches(&self, gaz: &Gazetteer, id: PlaceId) -> bool {
        match self {
            PlaceMatch::Ids(ids) => ids.contains(&id),
            // Every capital and province is in the gazetteer by its names,
            // so a place that is not cannot be one of them (an airport near
            // Kabul is not Kabul).
            PlaceMatch::Near(c) => {
                let p = gaz.place(id);
                !matches!(p.kind, PlaceKind::Capital | PlaceKind::Province)
                    && distance_km(*c, (p.lat, p.lon)) <= NEAR_KM
            }
            PlaceMatch::Unknown => false,
        }
    }
}

/// The engine's reports of one article about one place in one class.
#[derive(Debug, Clone)]
pub struct EngineUnit {
    pub file: String,
    pub place: PlaceId,
    pub class: StatusClass,
    /// The statuses it was reported with (captured and claimed may both).
    pub statuses: BTreeSet<Status>,
    /// The earliest event date, `None` when no report is dated.
    pub date: Option<NaiveDate>,
    /// The first report's sentence, for messages.
    pub sentence: String,
}

/// A gold unit: the gold rows of one article, place and class.
#[derive(Debug, Clone)]
pub struct GoldUnit {
    pub rows: Vec<GoldReport>,
    pub class: StatusClass,
}

impl GoldUnit {
    fn first(&self) -> &GoldReport {
        &self.rows[0]
    }

    /// Is the engine's date for this unit defensible? Background (no day)
    /// is right only when the engine gives no day either, unless a span of
    /// days is allowed.
    fn date_ok(&self, engine: Option<NaiveDate>) -> bool {
        match engine {
            Some(d) => self.rows.iter().any(|r| r.allows(d)),
            None => self.rows.iter().any(|r| r.event_date.is_none()),
        }
    }

    fn statuses(&self) -> BTreeSet<Status> {
        self.rows.iter().map(|r| r.status).collect()
    }
}

/// A count of successes out of a total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ratio {
    pub hits: usize,
    pub total: usize,
}

impl Ratio {
    pub fn value(self) -> Option<f64> {
        (self.total > 0).then(|| self.hits as f64 / self.total as f64)
    }

    fn add(&mut self, hit: bool) {
        self.total += 1;
        self.hits += usize::from(hit);
    }
}

impl std::fmt::Display for Ratio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.value() {
            Some(v) => write!(f, "{v:.3} ({}/{})", self.hits, self.total),
            None => write!(f, "- (0/0)"),
        }
    }
}

/// One finding of the scorer, for `-v`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    pub file: String,
    pub kind: FindingKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FindingKind {
    /// A gold report the engine did not find (in its class).
    Miss,
    /// An engine report the gold does not have.
    False,
    /// Found, with a day the gold does not allow.
    Date,
    /// A capture reported as a claim or the reverse.
    Claim,
    /// A wrong publication date.
    Published,
}

impl FindingKind {
    fn label(self) -> &'static str {
        match self {
            FindingKind::Miss => "MISS",
            FindingKind::False => "FALSE",
            FindingKind::Date => "DATE",
            FindingKind::Claim => "CLAIM",
            FindingKind::Published => "PUBLISHED",
        }
    }
}

/// The scorer's figures.
#[derive(Debug, Clone, Default)]
pub struct Score {
    /// Articles annotated and read.
    pub articles: usize,
    /// Files the gold annotates that were not among the articles read.
    pub missing_files: Vec<String>,
    /// Articles read that the gold does not annotate (not scored).
    pub unannotated: usize,
    /// Gold places found neither in the gazetteer nor by coordinates.
    pub unresolved_places: Vec<String>,
    pub capture_recall: Ratio,
    pub capture_precision: Ratio,
    /// Among captures found: captured and claimed told apart as the gold does.
    pub claim_agreement: Ratio,
    /// Among captures found: a defensible day.
    pub capture_dates: Ratio,
    /// Among all units found: a defensible day.
    pub all_dates: Ratio,
    /// Gold contested, threatened and held units found with their status.
    pub other_recall: BTreeMap<StatusClass, Ratio>,
    /// Engine contested, threatened and held units that the gold has.
    pub other_precision: BTreeMap<StatusClass, Ratio>,
    /// Publication date exact, all annotated articles.
    pub published: Ratio,
    /// Publication date exact, articles that do not state a full date.
    pub published_unstated: Ratio,
    pub findings: Vec<Finding>,
}

impl Score {
    /// All contested, threatened and held units together.
    pub fn other_recall_total(&self) -> Ratio {
        sum(self.other_recall.values())
    }

    pub fn other_precision_total(&self) -> Ratio {
        sum(self.other_precision.values())
    }

    /// The summary, and with `verbose` every finding.
    pub fn render(&self, verbose: bool) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "articles scored        {}", self.articles);
        if self.unannotated > 0 {
            let _ = writeln!(s, "  not in the gold      {} (not scored)", self.unannotated);
        }
        for f in &self.missing_files {
            let _ = writeln!(s, "  in the gold, not read: {f}");
        }
        for p in &self.unresolved_places {
            let _ = writeln!(s, "  gold place not in the gazetteer and without coordinates: {p}");
        }
        let _ = writeln!(s, "capture recall         {}", self.capture_recall);
        let _ = writeln!(s, "capture precision      {}", self.capture_precision);
        let _ = writeln!(s, "  captured vs claimed  {}", self.claim_agreement);
        let _ = writeln!(s, "event date, captures   {}", self.capture_dates);
        let _ = writeln!(s, "event date, all found  {}", self.all_dates);
        let _ = writeln!(s, "other statuses recall  {}", self.other_recall_total());
        for (c, r) in &self.other_recall {
            let _ = writeln!(s, "  {:<20} {r}", c.as_str());
        }
        let _ = writeln!(s, "other statuses precision {}", self.other_precision_total());
        for (c, r) in &self.other_precision {
            let _ = writeln!(s, "  {:<20} {r}", c.as_str());
        }
        let _ = writeln!(s, "publication date       {}", self.published);
        let _ = writeln!(s, "  no full date stated  {}", self.published_unstated);
        if verbose {
            let _ = writeln!(s);
            for f in &self.findings {
                let _ = writeln!(s, "{:<9} {:<14} {}", f.kind.label(), f.file, f.text);
            }
        }
        s
    }
}

fn sum<'a>(rs: impl Iterator<Item = &'a Ratio>) -> Ratio {
    rs.fold(Ratio::default(), |a, r| Ratio {
        hits: a.hits + r.hits,
        total: a.total + r.total,
    })
}

fn fmt_date(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "undated".to_owned(), |d| d.format("%Y-%m-%d").to_string())
}

fn fmt_statuses(s: &BTreeSet<Status>) -> String {
    s.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("+")
}

/// The engine's units of one corpus, by article name.
pub fn engine_units(corpus: &Corpus) -> BTreeMap<String, Vec<EngineUnit>> {
    let mut out: BTreeMap<String, Vec<EngineUnit>> = BTreeMap::new();
    for dr in &corpus.reports {
        let article = &corpus.articles[dr.article];
        let units = out.entry(article.name.clone()).or_default();
        let class = StatusClass::of(dr.status());
        // Background: happened by publication, day not given.
        let date = dr
            .event
            .filter(|e| e.precision != DatePrecision::Background)
            .map(|e| e.date);
        match units.iter_mut().find(|u| u.place == dr.place() && u.class == class) {
            Some(u) => {
                u.statuses.insert(dr.status());
                u.date = match (u.date, date) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
            None => units.push(EngineUnit {
                file: article.name.clone(),
                place: dr.place(),
                class,
                statuses: BTreeSet::from([dr.status()]),
                date,
                sentence: article.text[dr.report.sentence.clone()].trim().to_owned(),
            }),
        }
    }
    out
}

/// Scores `corpus` against `gold`.
pub fn score(gaz: &Gazetteer, corpus: &Corpus, gold: &GoldTable) -> Score {
    let mut score = Score::default();
    let files = gold.files();
    let read: BTreeMap<&str, usize> = corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.name.as_str(), i))
        .collect();
    score.missing_files = files
        .iter()
        .filter(|f| !read.contains_key(*f))
        .map(|f| f.to_string())
        .collect();
    score.unannotated = read.keys().filter(|f| !files.contains(*f)).count();
    let engine = engine_units(corpus);

    // Gold units, grouped by article, place and class.
    let mut gold_units: BTreeMap<&str, Vec<(PlaceMatch, GoldUnit)>> = BTreeMap::new();
    for r in &gold.reports {
        let m = PlaceMatch::resolve(gaz, r);
        if matches!(m, PlaceMatch::Unknown) && !score.unresolved_places.contains(&r.place) {
            score.unresolved_places.push(r.place.clone());
        }
        let class = StatusClass::of(r.status);
        let units = gold_units.entry(r.file.as_str()).or_default();
        let same = units.iter_mut().find(|(_, u)| {
            u.class == class && {
                let f = u.first();
                fold_same(&f.place, &r.place) && f.kind == r.kind
            }
        });
        match same {
            Some((_, u)) => u.rows.push(r.clone()),
            None => units.push((
                m,
                GoldUnit {
                    rows: vec![r.clone()],
                    class,
                },
            )),
        }
    }

    for &file in &files {
        let Some(&ai) = read.get(file) else { continue };
        score.articles += 1;
        let found: &[EngineUnit] = engine.get(file).map_or(&[], Vec::as_slice);
        let golds: &[(PlaceMatch, GoldUnit)] = gold_units.get(file).map_or(&[], Vec::as_slice);
        let mut engine_matched = vec![false; found.len()];
        // Gold places the gazetteer knows first; then each place matched
        // by coordinates takes an engine unit no other gold unit has (one
        // report near three unlisted villages is one hit, not three).
        let mut hits: Vec<Option<usize>> = vec![None; golds.len()];
        for near in [false, true] {
            for (k, (m, g)) in golds.iter().enumerate() {
                if matches!(m, PlaceMatch::Near(_)) != near {
                    continue;
                }
                hits[k] = found
                    .iter()
                    .enumerate()
                    .position(|(i, e)| e.class == g.class && m.matches(gaz, e.place) && !(near && engine_matched[i]));
                if let Some(i) = hits[k] {
                    engine_matched[i] = true;
                }
            }
        }
        for ((m, g), hit) in golds.iter().zip(hits) {
            let first = g.first();
            let label = format!(
                "{} ({}) {} {}",
                first.place,
                first.kind.as_str(),
                fmt_statuses(&g.statuses()),
                fmt_date(first.event_date)
            );
            if g.class == StatusClass::Capture {
                score.capture_recall.add(hit.is_some());
            } else {
                score.other_recall.entry(g.class).or_default().add(hit.is_some());
            }
            let Some(i) = hit else {
                // What the engine said about the place instead, if anything.
                let instead: Vec<String> = found
                    .iter()
                    .filter(|e| m.matches(gaz, e.place))
                    .map(|e| format!("{} {}", fmt_statuses(&e.statuses), fmt_date(e.date)))
                    .collect();
                let text = if instead.is_empty() {
                    label
                } else {
                    format!("{label}; engine: {}", instead.join(", "))
                };
                score.findings.push(Finding {
                    file: file.to_owned(),
                    kind: FindingKind::Miss,
                    text,
                });
                continue;
            };
            let e = &found[i];
            let date_ok = g.date_ok(e.date);
            score.all_dates.add(date_ok);
            if g.class == StatusClass::Capture {
                score.capture_dates.add(date_ok);
                let gold_claim = g.rows.iter().all(|r| r.status == Status::Claimed);
                let engine_claim = !e.statuses.contains(&Status::Captured);
                let agree = gold_claim == engine_claim;
                score.claim_agreement.add(agree);
                if !agree {
                    score.findings.push(Finding {
                        file: file.to_owned(),
                        kind: FindingKind::Claim,
                        text: format!("{label}; engine: {}", fmt_statuses(&e.statuses)),
                    });
                }
            }
            if !date_ok {
                let allowed: Vec<String> = g
                    .rows
                    .iter()
                    .flat_map(|r| {
                        std::iter::once(fmt_date(r.event_date)).chain(r.also.iter().map(|a| {
                            if a.start() == a.end() {
                                fmt_date(Some(*a.start()))
                            } else {
                                format!("{}..{}", a.start().format("%Y-%m-%d"), a.end().format("%Y-%m-%d"))
                            }
                        }))
                    })
                    .collect();
                score.findings.push(Finding {
                    file: file.to_owned(),
                    kind: FindingKind::Date,
                    text: format!("{label}; engine: {}; allowed: {}", fmt_date(e.date), allowed.join(", ")),
                });
            }
        }
        for (i, e) in found.iter().enumerate() {
            if e.class == StatusClass::Capture {
                score.capture_precision.add(engine_matched[i]);
            } else {
                score.other_precision.entry(e.class).or_default().add(engine_matched[i]);
            }
            if !engine_matched[i] {
                score.findings.push(Finding {
                    file: file.to_owned(),
                    kind: FindingKind::False,
                    text: format!(
                        "{} ({}) {} {}: {}",
                        gaz.place(e.place).name,
                        gaz.place(e.place).kind.as_str(),
                        fmt_statuses(&e.statuses),
                        fmt_date(e.date),
                        e.sentence
                    ),
                });
            }
        }
        if let Some(&gold_date) = gold.published.get(file) {
            let publ = corpus.publications[ai];
            let ok = publ.date == Some(gold_date);
            score.published.add(ok);
            if publ.inferred {
                score.published_unstated.add(ok);
            }
            if !ok {
                score.findings.push(Finding {
                    file: file.to_owned(),
                    kind: FindingKind::Published,
                    text: format!("gold {gold_date}, engine {}", fmt_date(publ.date)),
                });
            }
        }
    }
    for c in StatusClass::OTHERS {
        score.other_recall.entry(c).or_default();
        score.other_precision.entry(c).or_default();
    }
    score.findings.sort();
    score
}

/// Do two spellings fold to the same key?
fn fold_same(a: &str, b: &str) -> bool {
    crate::text::fold_key(a) == crate::text::fold_key(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    const HEADER: &str = "file\tplace\tkind\tstatus\tevent_date\tdates\tlat\tlon\tnote\n";

    fn corpus(texts: &[(&str, &str)]) -> Corpus {
        Corpus::build(
            texts
                .iter()
                .map(|(name, text)| Article::from_plain_text(*name, text.to_string()).unwrap())
                .collect(),
        )
    }

    #[test]
    fn parses_rows_and_rejects_bad_ones() {
        let t = GoldTable::parse(&format!(
            "{HEADER}a.txt\t\t\tpublished\t2021-08-09\n\
             a.txt\tKunduz\tcity\tcaptured\t2021-08-08\t2021-08-07..2021-08-08, 2021-08-09\t\t\tnote\n\
             a.txt\tChahar Bolak\tdistrict\theld\t-\t\t36.70\t66.80\n"
        ))
        .unwrap();
        assert_eq!(t.published.len(), 1);
        assert_eq!(t.reports.len(), 2);
        let k = &t.reports[0];
        assert!(k.allows(NaiveDate::from_ymd_opt(2021, 8, 7).unwrap()));
        assert!(k.allows(NaiveDate::from_ymd_opt(2021, 8, 9).unwrap()));
        assert!(!k.allows(NaiveDate::from_ymd_opt(2021, 8, 10).unwrap()));
        assert_eq!(t.reports[1].event_date, None);
        assert_eq!(t.reports[1].coords, Some((36.7, 66.8)));

        for bad in [
            "a.txt\tKunduz\tcity\ttaken\t2021-08-08\n",
            "a.txt\tKunduz\ttown\tcaptured\t2021-08-08\t\n",
            "a.txt\tKunduz\tcity\tcaptured\t2021-08-32\t\n",
            "a.txt\t\t\tpublished\tAugust\t\n",
            "a.txt\tKunduz\tcity\tcaptured\t2021-08-08\tsoon\n",
            "a.txt\tKunduz\n",
        ] {
            let e = GoldTable::parse(&format!("{HEADER}{bad}")).unwrap_err();
            assert!(matches!(e, GoldError::BadRow { line: 2, .. }), "{bad}: {e}");
        }
        assert!(matches!(
            GoldTable::parse("file\tplace\n"),
            Err(GoldError::Header { .. })
        ));
        assert!(matches!(GoldTable::parse(""), Err(GoldError::Empty)));
    }

    #[test]
    fn scores_recall_precision_dates_and_statuses() {
        let c = corpus(&[
            (
                "a.txt",
                "date 2021-08-09\nDe Taliban hebben zondag Kunduz ingenomen. Ook Taloqan is gevallen. \
                 Kabul zou binnen dertig dagen kunnen vallen.",
            ),
            ("b.txt", "date 2021-08-13\nHerat fell to the Taliban on Thursday."),
        ]);
        let gold = GoldTable::parse(&format!(
            "{HEADER}a.txt\t\t\tpublished\t2021-08-09\n\
             a.txt\tKoendoez\tcity\tcaptured\t2021-08-08\n\
             a.txt\tKabul\tcity\tthreatened\t2021-08-09\n\
             a.txt\tSar-e Pul\tcity\tcaptured\t2021-08-08\n\
             b.txt\t\t\tpublished\t2021-08-13\n\
             b.txt\tHerat\tcity\tcaptured\t2021-08-11\n"
        ))
        .unwrap();
        let s = score(Gazetteer::bundled(), &c, &gold);
        assert_eq!(s.articles, 2);
        // Kunduz and Herat found, Sar-e Pul missed; Taloqan is not in the gold.
        assert_eq!(s.capture_recall, Ratio { hits: 2, total: 3 });
        assert_eq!(s.capture_precision, Ratio { hits: 2, total: 3 });
        // Herat's day (12 August) is not the gold's 11 August.
        assert_eq!(s.capture_dates, Ratio { hits: 1, total: 2 });
        assert_eq!(s.other_recall[&StatusClass::Threatened], Ratio { hits: 1, total: 1 });
        assert_eq!(s.published, Ratio { hits: 2, total: 2 });
        let kinds: Vec<FindingKind> = s.findings.iter().map(|f| f.kind).collect();
        assert!(kinds.contains(&FindingKind::Miss));
        assert!(kinds.contains(&FindingKind::False));
        assert!(kinds.contains(&FindingKind::Date));
        let text = s.render(true);
        assert!(text.contains("capture recall         0.667 (2/3)"), "{text}");
        assert!(text.contains("Sar-e Pul (city) captured 2021-08-08"), "{text}");
    }

    #[test]
    fn a_province_is_not_its_capital() {
        let c = corpus(&[("a.txt", "date 2021-08-13\nThe Taliban captured Kandahar on Friday.")]);
        let province = GoldTable::parse(&format!(
            "{HEADER}a.txt\t\t\tpublished\t2021-08-13\na.txt\tKandahar\tprovince\tcaptured\t2021-08-13\n"
        ))
        .unwrap();
        let s = score(Gazetteer::bundled(), &c, &province);
        assert_eq!(s.capture_recall, Ratio { hits: 0, total: 1 });
        let city = GoldTable::parse(&format!(
            "{HEADER}a.txt\t\t\tpublished\t2021-08-13\na.txt\tKandahar\tcity\tcaptured\t2021-08-13\n"
        ))
        .unwrap();
        let s = score(Gazetteer::bundled(), &c, &city);
        assert_eq!(s.capture_recall, Ratio { hits: 1, total: 1 });
    }

    #[test]
    fn places_outside_the_gazetteer_match_by_coordinates_never_a_capital() {
        let c = corpus(&[(
            "a.txt",
            "date 2021-08-14\nThe Taliban captured Spin Boldak on Saturday. The Taliban captured Sharana on Saturday.",
        )]);
        let gaz = Gazetteer::bundled();
        let near = |name: &str| {
            let p = gaz.find(name).unwrap();
            format!("{:.2}\t{:.2}", p.lat + 0.02, p.lon)
        };
        let gold = GoldTable::parse(&format!(
            "{HEADER}a.txt\t\t\tpublished\t2021-08-14\n\
             a.txt\tXyzzy Crossing\tcrossing\tcaptured\t2021-08-14\t\t{}\n\
             a.txt\tXyzzy Airport\tbase\tcaptured\t2021-08-14\t\t{}\n",
            near("Spin Boldak"),
            near("Sharana"),
        ))
        .unwrap();
        let s = score(gaz, &c, &gold);
        // The crossing matches Spin Boldak; the airport does not match Sharana.
        assert_eq!(s.capture_recall, Ratio { hits: 1, total: 2 });
        assert_eq!(s.capture_precision, Ratio { hits: 1, total: 2 });
        assert!(s.unresolved_places.is_empty());
    }

    #[test]
    fn one_report_matches_one_place_outside_the_gazetteer() {
        let c = corpus(&[(
            "a.txt",
            "date 2021-08-14\nThe Taliban captured Spin Boldak on Saturday.",
        )]);
        let gaz = Gazetteer::bundled();
        let p = gaz.find("Spin Boldak").unwrap();
        let gold = GoldTable::parse(&format!(
            "{HEADER}a.txt\t\t\tpublished\t2021-08-14\n\
             a.txt\tXyzzy\tdistrict\tcaptured\t2021-08-14\t\t{:.2}\t{:.2}\n\
             a.txt\tPlugh\tdistrict\tcaptured\t2021-08-14\t\t{:.2}\t{:.2}\n",
            p.lat + 0.02,
            p.lon,
            p.lat,
            p.lon + 0.02,
        ))
        .unwrap();
        let s = score(gaz, &c, &gold);
        assert_eq!(s.capture_recall, Ratio { hits: 1, total: 2 });
        assert_eq!(s.capture_precision, Ratio { hits: 1, total: 1 });
    }
}
