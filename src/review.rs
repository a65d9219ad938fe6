//! Analyst review: reports accepted, rejected or corrected by a person,
//! kept in a review file and applied again whenever the articles are read.
//!
//! A review names its report by what does not change when the engine is
//! run again: the SHA-256 of the article's text, the sentence (compared
//! normalised: lower case, letters and digits only) and the place the
//! engine found (GeoNames id), with the engine's status to tell apart two
//! reports of one place in one sentence. A review whose sentence is gone
//! is *orphaned*: it is kept in the file and listed, never dropped.
//!
//! The file is JSON (documented in the README):
//!
//! ```json
//! { "format": "opmars-review", "version": 1, "reviews": [
//!   { "article_sha256": "…", "article": "000_5899fcac6df4a997.txt",
//!     "sentence": "De Taliban hebben Zaranj ingenomen.",
//!     "place": { "name": "Zaranj", "geonames_id": 1120985 },
//!     "status": "captured", "event_date": "2021-08-06",
//!     "decision": "corrected",
//!     "correction": { "status": "claimed", "event_date": "2021-08-07" },
//!     "note": "only the Taliban say so", "reviewed_at": "2026-11-29T18:00:00Z" } ] }
//! ```
//!
//! Saving is atomic ([`write_atomic`]): the new version is written to a
//! temporary file beside the review file, flushed to disk and renamed
//! over it, after the previous version was copied to `….bak`. A crash or
//! a full disk leaves the old file whole. [`ReviewStore`] remembers what
//! it read, and refuses to overwrite a file that changed on disk since
//! (another window) unless told to.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::corpus::{Corpus, DatedReport};
use crate::dates::{DatePrecision, EventDate};
use crate::gazetteer::{Gazetteer, PlaceId};
use crate::reports::Status;
use crate::text::normalise_sentence;
use crate::timeline::Timeline;

/// The review file's name beside the articles. Folders of articles skip
/// it when they are read.
pub const REVIEW_FILE_NAME: &str = "opmars-review.json";
/// The `format` field of a review file.
pub const FORMAT: &str = "opmars-review";
/// The version this code writes and reads.
pub const VERSION: u32 = 1;

/// What the analyst decided about a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    /// The report is right.
    Accepted,
    /// The report is wrong: it leaves the map.
    Rejected,
    /// The report is right with corrections (status, date or place).
    Corrected,
}

impl Decision {
    /// The word used in files and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Accepted => "accepted",
            Decision::Rejected => "rejected",
            Decision::Corrected => "corrected",
        }
    }
}

/// A place as the file names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceRef {
    pub name: String,
    pub geonames_id: u64,
}

impl PlaceRef {
    /// The gazetteer's place with this GeoNames id, else this name.
    pub fn resolve(&self, gaz: &Gazetteer) -> Option<PlaceId> {
        gaz.places()
            .iter()
            .find(|p| p.geonames_id == self.geonames_id)
            .or_else(|| gaz.find(&self.name))
            .map(|p| p.id)
    }

    pub fn of(gaz: &Gazetteer, id: PlaceId) -> PlaceRef {
        let p = gaz.place(id);
        PlaceRef {
            name: p.name.clone(),
            geonames_id: p.geonames_id,
        }
    }
}

/// What a correction changes; fields left out keep the engine's value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<PlaceRef>,
}

impl Correction {
    pub fn is_empty(&self) -> bool {
        self.status.is_none() && self.event_date.is_none() && self.place.is_none()
    }
}

/// One reviewed report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// SHA-256 of the article's text, lower-case hex.
    pub article_sha256: String,
    /// The article's name when reviewed (for people; not matched).
    #[serde(default)]
    pub article: String,
    /// The report's sentence as written.
    pub sentence: String,
    /// The place the engine found.
    pub place: PlaceRef,
    /// The engine's status.
    pub status: String,
    /// The engine's event date (for people; not matched).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_date: Option<NaiveDate>,
    pub decision: Decision,
    #[serde(default, skip_serializing_if = "Correction::is_empty")]
    pub correction: Correction,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// When, in RFC 3339 (UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_at: Option<String>,
}

/// Which report a review is about: equal keys, same report.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ReviewKey {
    pub article_sha256: String,
    pub sentence: String,
    pub geonames_id: u64,
    pub status: String,
}

impl Review {
    pub fn key(&self) -> ReviewKey {
        ReviewKey {
            article_sha256: self.article_sha256.to_ascii_lowercase(),
            sentence: normalise_sentence(&self.sentence),
            geonames_id: self.place.geonames_id,
            status: self.status.clone(),
        }
    }

    /// The corrected status, if the correction names a valid one.
    pub fn corrected_status(&self) -> Option<Status> {
        self.correction.status.as_deref().and_then(Status::parse)
    }
}

/// The whole review file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewFile {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub reviews: Vec<Review>,
}

impl Default for ReviewFile {
    fn default() -> Self {
        ReviewFile {
            format: FORMAT.to_owned(),
            version: VERSION,
            reviews: Vec::new(),
        }
    }
}

/// Errors reading or writing a review file.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("{}: not a review file: {source}", path.display())]
    Json { path: PathBuf, source: serde_json::Error },
    #[error("{}: {message}", path.display())]
    Format { path: PathBuf, message: String },
    #[error(
        "{} changed on disk since it was read (another opmars window?); it was not overwritten",
        path.display()
    )]
    Conflict { path: PathBuf },
}

impl ReviewFile {
    /// Parses and checks a review file's text.
    pub fn parse(text: &str, path: &Path) -> Result<ReviewFile, ReviewError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let file: ReviewFile = serde_json::from_str(text).map_err(|source| ReviewError::Json {
            path: path.to_owned(),
            source,
        })?;
        if file.format != FORMAT {
            return Err(ReviewError::Format {
                path: path.to_owned(),
                message: format!("\"format\" is {:?}, expected {FORMAT:?}", file.format),
            });
        }
        if file.version > VERSION {
            return Err(ReviewError::Format {
                path: path.to_owned(),
                message: format!(
                    "version {} is newer than this opmars reads ({VERSION}); update opmars",
                    file.version
                ),
            });
        }
        for (i, r) in file.reviews.iter().enumerate() {
            let bad = |message: String| ReviewError::Format {
                path: path.to_owned(),
                message: format!("review {}: {message}", i + 1),
            };
            if Status::parse(&r.status).is_none() {
                return Err(bad(format!("unknown status {:?}", r.status)));
            }
            if let Some(s) = &r.correction.status
                && Status::parse(s).is_none()
            {
                return Err(bad(format!("unknown corrected status {s:?}")));
            }
            if r.article_sha256.len() != 64 || !r.article_sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(bad("\"article_sha256\" is not a SHA-256 in hex".to_owned()));
            }
        }
        Ok(file)
    }

    /// The file as it is written: pretty JSON and a final newline.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec_pretty(self).unwrap_or_default();
        out.push(b'\n');
        out
    }

    /// Reads a review file; a missing file is an empty review.
    pub fn load(path: &Path) -> Result<ReviewFile, ReviewError> {
        match fs::read(path) {
            Ok(bytes) => ReviewFile::parse(&String::from_utf8_lossy(&bytes), path),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(ReviewFile::default()),
            Err(source) => Err(ReviewError::Io {
                path: path.to_owned(),
                source,
            }),
        }
    }

    /// The review with this key, if any.
    pub fn get(&self, key: &ReviewKey) -> Option<&Review> {
        self.reviews.iter().rev().find(|r| &r.key() == key)
    }

    /// Records a review (replacing the one of the same report) or, with
    /// `None`, removes the review of `key`. Returns the edit, for undo.
    pub fn set(&mut self, key: &ReviewKey, review: Option<Review>) -> Edit {
        let pos = self.reviews.iter().rposition(|r| &r.key() == key);
        let before = pos.map(|i| self.reviews[i].clone());
        match (pos, review.clone()) {
            (Some(i), Some(r)) => self.reviews[i] = r,
            (Some(i), None) => {
                self.reviews.remove(i);
            }
            (None, Some(r)) => self.reviews.push(r),
            (None, None) => {}
        }
        Edit {
            key: key.clone(),
            before,
            after: review,
        }
    }

    /// `theirs` (the file on disk) with the reviews of `touched` taken
    /// from `self`: the changes made here since the last save win, every
    /// other review is the disk's.
    pub fn merged_into(&self, theirs: &ReviewFile, touched: &HashSet<ReviewKey>) -> ReviewFile {
        let mut out = theirs.clone();
        out.reviews.retain(|r| !touched.contains(&r.key()));
        out.reviews
            .extend(self.reviews.iter().filter(|r| touched.contains(&r.key())).cloned());
        out.version = VERSION;
        out
    }
}

/// One change to the review file, as undo and redo see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub key: ReviewKey,
    pub before: Option<Review>,
    pub after: Option<Review>,
}

/// Undo and redo stacks of edits.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

impl History {
    /// Records an edit just made (clearing what could be redone).
    pub fn push(&mut self, edit: Edit) {
        if edit.before != edit.after {
            self.undo.push(edit);
            self.redo.clear();
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Undoes the last edit on `file`; returns the key it touched.
    pub fn undo(&mut self, file: &mut ReviewFile) -> Option<ReviewKey> {
        let edit = self.undo.pop()?;
        file.set(&edit.key, edit.before.clone());
        let key = edit.key.clone();
        self.redo.push(edit);
        Some(key)
    }

    /// Redoes the last undone edit on `file`; returns the key it touched.
    pub fn redo(&mut self, file: &mut ReviewFile) -> Option<ReviewKey> {
        let edit = self.redo.pop()?;
        file.set(&edit.key, edit.after.clone());
        let key = edit.key.clone();
        self.undo.push(edit);
        Some(key)
    }
}

/// SHA-256 of an article's text, lower-case hex.
pub fn text_sha256(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(64);
    for b in digest {
        use std::fmt::Write as _;
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// Reports hidden from the map by a filter (reports an analyst accepted or
/// corrected are always shown).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportFilter {
    /// Hide reports made with a hedge ("reportedly", "naar verluidt").
    pub hide_hedged: bool,
    /// Hide reports below this confidence (0–1).
    pub min_confidence: f32,
}

impl Default for ReportFilter {
    fn default() -> Self {
        ReportFilter {
            hide_hedged: false,
            min_confidence: 0.0,
        }
    }
}

impl ReportFilter {
    pub fn is_active(&self) -> bool {
        self.hide_hedged || self.min_confidence > 0.0
    }

    pub fn hides(&self, r: &DatedReport) -> bool {
        (self.hide_hedged && r.report.hedged) || r.report.confidence + 1e-6 < self.min_confidence
    }
}

/// What a corpus's reports are matched by, computed once per corpus.
#[derive(Debug, Clone, Default)]
pub struct ReviewIndex {
    /// Per article: SHA-256 of its text.
    pub article_sha256: Vec<String>,
    /// (article hash, normalised sentence, GeoNames id) → reports.
    by_key: HashMap<(String, String, u64), Vec<usize>>,
}

impl ReviewIndex {
    pub fn new(gaz: &Gazetteer, corpus: &Corpus) -> ReviewIndex {
        use rayon::prelude::*;
        let article_sha256: Vec<String> = corpus.articles.par_iter().map(|a| text_sha256(&a.text)).collect();
        let mut by_key: HashMap<(String, String, u64), Vec<usize>> = HashMap::new();
        for (i, r) in corpus.reports.iter().enumerate() {
            let text = &corpus.articles[r.article].text;
            let sentence = text.get(r.report.sentence.clone()).unwrap_or("");
            let key = (
                article_sha256[r.article].clone(),
                normalise_sentence(sentence),
                gaz.place(r.report.place).geonames_id,
            );
            by_key.entry(key).or_default().push(i);
        }
        ReviewIndex { article_sha256, by_key }
    }

    /// The key of report `i` of `corpus` (as the engine found it).
    pub fn key_of(&self, gaz: &Gazetteer, corpus: &Corpus, i: usize) -> ReviewKey {
        let r = &corpus.reports[i];
        let text = &corpus.articles[r.article].text;
        ReviewKey {
            article_sha256: self.article_sha256[r.article].clone(),
            sentence: normalise_sentence(text.get(r.report.sentence.clone()).unwrap_or("")),
            geonames_id: gaz.place(r.report.place).geonames_id,
            status: r.report.status.as_str().to_owned(),
        }
    }

    /// A new review of report `i` of `corpus`.
    pub fn review_of(
        &self,
        gaz: &Gazetteer,
        corpus: &Corpus,
        i: usize,
        decision: Decision,
        correction: Correction,
        note: String,
    ) -> Review {
        let r = &corpus.reports[i];
        let a = &corpus.articles[r.article];
        Review {
            article_sha256: self.article_sha256[r.article].clone(),
            article: a.name.clone(),
            sentence: a.text.get(r.report.sentence.clone()).unwrap_or("").trim().to_owned(),
            place: PlaceRef::of(gaz, r.report.place),
            status: r.report.status.as_str().to_owned(),
            event_date: r.date(),
            decision,
            correction,
            note,
            reviewed_at: Some(chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()),
        }
    }
}

/// A corpus's reports with a review file and a filter applied.
#[derive(Debug, Clone, Default)]
pub struct Reviewed {
    /// The corpus's reports with corrections applied (same indices).
    pub reports: Vec<DatedReport>,
    /// Per report: the index in the review file of its review. A review
    /// of one copy of a syndicated sentence holds for every copy.
    pub review: Vec<Option<usize>>,
    /// Per report: hidden by the filter.
    pub filtered: Vec<bool>,
    /// Statuses over time from the reports on the map.
    pub timeline: Timeline,
    /// Reviews (indices into the file) whose report is gone.
    pub orphans: Vec<usize>,
}

impl Reviewed {
    /// The decision about report `i`, if reviewed.
    pub fn decision(&self, file: &ReviewFile, i: usize) -> Option<Decision> {
        self.review
            .get(i)
            .copied()
            .flatten()
            .and_then(|k| file.reviews.get(k))
            .map(|r| r.decision)
    }

    /// Whether report `i` counts on the map (not rejected, not filtered).
    pub fn on_map(&self, file: &ReviewFile, i: usize) -> bool {
        !self.filtered.get(i).copied().unwrap_or(false) && self.decision(file, i) != Some(Decision::Rejected)
    }
}

/// Applies `file` and `filter` to the corpus's reports and rebuilds the
/// timeline from what stays on the map.
pub fn apply(
    gaz: &Gazetteer,
    corpus: &Corpus,
    index: &ReviewIndex,
    file: &ReviewFile,
    filter: &ReportFilter,
) -> Reviewed {
    let n = corpus.reports.len();
    let mut review: Vec<Option<usize>> = vec![None; n];
    let mut orphans = Vec::new();
    for (k, r) in file.reviews.iter().enumerate() {
        let key = (
            r.article_sha256.to_ascii_lowercase(),
            normalise_sentence(&r.sentence),
            r.place.geonames_id,
        );
        let candidates = index.by_key.get(&key).map(Vec::as_slice).unwrap_or(&[]);
        // The report of the same status; else, when the engine now reads
        // the sentence differently, the one report of that place left.
        let free: Vec<usize> = candidates.iter().copied().filter(|&i| review[i].is_none()).collect();
        let same = free
            .iter()
            .copied()
            .find(|&i| corpus.reports[i].report.status.as_str() == r.status);
        let chosen = same.or_else(|| (free.len() == 1).then(|| free[0]));
        // A later review of the same report (a merge can leave two) wins.
        let chosen = chosen.or_else(|| {
            candidates
                .iter()
                .copied()
                .find(|&i| corpus.reports[i].report.status.as_str() == r.status)
        });
        match chosen {
            Some(i) => review[i] = Some(k),
            None => orphans.push(k),
        }
    }
    // Syndicated copies share their review: the counted report takes its
    // copies' review, the copies take the counted one's.
    for i in 0..n {
        if let (Some(root), Some(k)) = (corpus.reports[i].duplicate_of, review[i])
            && review[root].is_none()
        {
            review[root] = Some(k);
        }
    }
    for i in 0..n {
        if let Some(root) = corpus.reports[i].duplicate_of
            && review[i].is_none()
        {
            review[i] = review[root];
        }
    }
    let mut reports = corpus.reports.clone();
    for (i, dr) in reports.iter_mut().enumerate() {
        let Some(r) = review[i].map(|k| &file.reviews[k]) else {
            continue;
        };
        if r.decision != Decision::Corrected {
            continue;
        }
        if let Some(s) = r.corrected_status() {
            dr.report.status = s;
        }
        if let Some(d) = r.correction.event_date {
            dr.event = Some(EventDate {
                date: d,
                precision: DatePrecision::Day,
                part: None,
            });
            dr.consensus = None;
        }
        if let Some(p) = r.correction.place.as_ref().and_then(|p| p.resolve(gaz)) {
            dr.report.place = p;
        }
    }
    let filtered: Vec<bool> = (0..n)
        .map(|i| {
            let vouched = review[i].is_some_and(|k| file.reviews[k].decision != Decision::Rejected);
            !vouched && filter.hides(&corpus.reports[i])
        })
        .collect();
    let rejected = |i: usize| review[i].is_some_and(|k| file.reviews[k].decision == Decision::Rejected);
    let timeline = Timeline::build_filtered(gaz, &reports, |i| !filtered[i] && !rejected(i));
    Reviewed {
        reports,
        review,
        filtered,
        timeline,
        orphans,
    }
}

/// Where [`write_atomic`] is; a test hook may fail at any of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStage {
    /// The new version is in the temporary file, flushed to disk.
    Written,
    /// The previous version is in the backup.
    BackedUp,
}

/// Replaces `path` with `bytes` atomically: write a temporary file in the
/// same folder, flush it to disk, copy the current file to `path.bak`,
/// rename the temporary file over `path`. Whatever fails, `path` is either
/// the old file or the new one, never a part of either. `hook` runs at
/// each [`SaveStage`] (tests inject failures there).
pub fn write_atomic(path: &Path, bytes: &[u8], hook: &mut dyn FnMut(SaveStage) -> io::Result<()>) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?
        .to_string_lossy()
        .into_owned();
    let tmp = temp_path(&dir, &name);
    let result = (|| {
        write_synced(&tmp, bytes)?;
        hook(SaveStage::Written)?;
        if path.exists() {
            let backup = dir.join(format!("{name}.bak"));
            let old = fs::read(path)?;
            let tmp_backup = temp_path(&dir, &format!("{name}.bak"));
            let r = write_synced(&tmp_backup, &old).and_then(|_| fs::rename(&tmp_backup, &backup));
            if r.is_err() {
                let _ = fs::remove_file(&tmp_backup);
            }
            r?;
            hook(SaveStage::BackedUp)?;
        }
        fs::rename(&tmp, path)?;
        sync_dir(&dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// A hidden name beside the target, unique to this process and call.
fn temp_path(dir: &Path, name: &str) -> PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".{name}.tmp-{}-{n}", std::process::id()))
}

fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut f = fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    f.write_all(bytes)?;
    f.flush()?;
    f.sync_all()
}

#[cfg(unix)]
fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) {}

/// A review file on disk and what was last read from or written to it,
/// so that a change made by someone else is never silently overwritten.
#[derive(Debug, Clone)]
pub struct ReviewStore {
    pub path: PathBuf,
    /// SHA-256 of the bytes last read or written; `None` if there was no
    /// file.
    known: Option<String>,
    /// Reviews changed since the last save (for a merge).
    touched: HashSet<ReviewKey>,
}

impl ReviewStore {
    /// Opens (reads) the review file at `path`; a missing file is an empty
    /// review. A file that cannot be read is an error, and the store still
    /// comes back: it will not overwrite that file without being told.
    pub fn open(path: &Path) -> (ReviewStore, Result<ReviewFile, ReviewError>) {
        let mut store = ReviewStore {
            path: path.to_owned(),
            known: None,
            touched: HashSet::new(),
        };
        let result = match fs::read(path) {
            Ok(bytes) => {
                let parsed = ReviewFile::parse(&String::from_utf8_lossy(&bytes), path);
                if parsed.is_ok() {
                    store.known = Some(bytes_sha256(&bytes));
                }
                // An unreadable file is left as "unknown": saving over it
                // is a conflict.
                else {
                    store.known = Some(String::new());
                }
                parsed
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(ReviewFile::default()),
            Err(source) => {
                store.known = Some(String::new());
                Err(ReviewError::Io {
                    path: path.to_owned(),
                    source,
                })
            }
        };
        (store, result)
    }

    /// Notes that the review of `key` changed since the last save.
    pub fn touch(&mut self, key: ReviewKey) {
        self.touched.insert(key);
    }

    /// Whether there are changes not saved yet.
    pub fn is_dirty(&self) -> bool {
        !self.touched.is_empty()
    }

    /// Whether the file on disk is not what this store last read or wrote.
    pub fn changed_on_disk(&self) -> bool {
        match fs::read(&self.path) {
            Ok(bytes) => self.known.as_deref() != Some(bytes_sha256(&bytes).as_str()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => self.known.is_some(),
            Err(_) => true,
        }
    }

    /// Saves `file` unless the file on disk changed since it was read
    /// ([`ReviewError::Conflict`]).
    pub fn save(&mut self, file: &ReviewFile) -> Result<(), ReviewError> {
        self.save_with(file, false, &mut |_| Ok(()))
    }

    /// Saves `file` whatever is on disk (the old file goes to the backup).
    pub fn overwrite(&mut self, file: &ReviewFile) -> Result<(), ReviewError> {
        self.save_with(file, true, &mut |_| Ok(()))
    }

    /// [`Self::save`] with a hook at each stage of the atomic write.
    pub fn save_with(
        &mut self,
        file: &ReviewFile,
        force: bool,
        hook: &mut dyn FnMut(SaveStage) -> io::Result<()>,
    ) -> Result<(), ReviewError> {
        if !force && self.changed_on_disk() {
            return Err(ReviewError::Conflict {
                path: self.path.clone(),
            });
        }
        let bytes = file.to_bytes();
        if let Some(dir) = self.path.parent()
            && !dir.as_os_str().is_empty()
        {
            fs::create_dir_all(dir).map_err(|source| ReviewError::Io {
                path: dir.to_owned(),
                source,
            })?;
        }
        write_atomic(&self.path, &bytes, hook).map_err(|source| ReviewError::Io {
            path: self.path.clone(),
            source,
        })?;
        self.known = Some(bytes_sha256(&bytes));
        self.touched.clear();
        Ok(())
    }

    /// Reads the file on disk again and merges `ours` into it: the
    /// reviews changed here since the last save are ours, the rest are the
    /// disk's. Saves the result and returns it.
    pub fn merge_and_save(&mut self, ours: &ReviewFile) -> Result<ReviewFile, ReviewError> {
        let theirs = ReviewFile::load(&self.path)?;
        let merged = ours.merged_into(&theirs, &self.touched);
        self.overwrite(&merged)?;
        Ok(merged)
    }

    /// Reads the file on disk again, dropping changes not saved.
    pub fn reload(&mut self) -> Result<ReviewFile, ReviewError> {
        let (store, file) = ReviewStore::open(&self.path);
        *self = store;
        file
    }
}

fn bytes_sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::bundled_seeds;

    fn seeds() -> (Corpus, ReviewIndex) {
        let corpus = Corpus::build(bundled_seeds());
        let index = ReviewIndex::new(Gazetteer::bundled(), &corpus);
        (corpus, index)
    }

    /// The first counted capture report of a place.
    fn capture_of(corpus: &Corpus, name: &str) -> usize {
        let gaz = Gazetteer::bundled();
        let id = gaz.find(name).unwrap().id;
        corpus
            .distinct_reports()
            .find(|(_, r)| r.place() == id && r.status() == Status::Captured)
            .map(|(i, _)| i)
            .unwrap()
    }

    #[test]
    fn normalised_sentences_ignore_case_spacing_and_punctuation() {
        assert_eq!(
            normalise_sentence("De Taliban  hebben\n‘Zaranj’ ingenomen!"),
            "de taliban hebben zaranj ingenomen"
        );
        assert_eq!(normalise_sentence("Mazar-i-Sharif."), "mazar i sharif");
    }

    #[test]
    fn a_rejected_report_leaves_the_map_and_undo_brings_it_back() {
        let gaz = Gazetteer::bundled();
        let (corpus, index) = seeds();
        let zaranj = gaz.find("Zaranj").unwrap().id;
        let i = capture_of(&corpus, "Zaranj");
        let mut file = ReviewFile::default();
        let before = apply(gaz, &corpus, &index, &file, &ReportFilter::default());
        assert!(
            before
                .timeline
                .history(zaranj)
                .iter()
                .any(|c| c.status == Status::Captured)
        );

        let key = index.key_of(gaz, &corpus, i);
        let mut history = History::default();
        let review = index.review_of(gaz, &corpus, i, Decision::Rejected, Correction::default(), "".into());
        history.push(file.set(&key, Some(review)));
        // Every capture report of Zaranj rejected: no capture on the map.
        let captures: Vec<usize> = corpus
            .distinct_reports()
            .filter(|(_, r)| r.place() == zaranj && r.status() == Status::Captured)
            .map(|(j, _)| j)
            .collect();
        for &j in &captures[1..] {
            let k = index.key_of(gaz, &corpus, j);
            let r = index.review_of(gaz, &corpus, j, Decision::Rejected, Correction::default(), "".into());
            history.push(file.set(&k, Some(r)));
        }
        let after = apply(gaz, &corpus, &index, &file, &ReportFilter::default());
        assert_eq!(after.decision(&file, i), Some(Decision::Rejected));
        assert!(!after.on_map(&file, i));
        assert!(after.orphans.is_empty());
        assert!(
            !after
                .timeline
                .history(zaranj)
                .iter()
                .any(|c| c.status == Status::Captured)
        );
        for _ in &captures {
            history.undo(&mut file);
        }
        assert!(file.reviews.is_empty());
        assert!(!history.can_undo() && history.can_redo());
        history.redo(&mut file);
        assert_eq!(file.reviews.len(), 1);
    }

    #[test]
    fn a_correction_moves_the_report_in_status_date_and_place() {
        let gaz = Gazetteer::bundled();
        let (corpus, index) = seeds();
        let i = capture_of(&corpus, "Zaranj");
        let day = NaiveDate::from_ymd_opt(2021, 8, 9).unwrap();
        let correction = Correction {
            status: Some("claimed".into()),
            event_date: Some(day),
            place: Some(PlaceRef::of(gaz, gaz.find("Kabul").unwrap().id)),
        };
        let mut file = ReviewFile::default();
        let key = index.key_of(gaz, &corpus, i);
        file.set(
            &key,
            Some(index.review_of(gaz, &corpus, i, Decision::Corrected, correction, "a note".into())),
        );
        let r = apply(gaz, &corpus, &index, &file, &ReportFilter::default());
        assert_eq!(r.reports[i].status(), Status::Claimed);
        assert_eq!(r.reports[i].map_date(), Some(day));
        assert_eq!(r.reports[i].place(), gaz.find("Kabul").unwrap().id);
        assert_eq!(corpus.reports[i].status(), Status::Captured, "the corpus is untouched");
    }

    #[test]
    fn reviews_survive_a_changed_layout_and_a_lost_sentence_is_an_orphan() {
        let gaz = Gazetteer::bundled();
        let (corpus, index) = seeds();
        let i = capture_of(&corpus, "Zaranj");
        let mut review = index.review_of(gaz, &corpus, i, Decision::Accepted, Correction::default(), "".into());
        // Spacing and quotes changed: still the same sentence.
        review.sentence = format!("  {}  ", review.sentence.replace(' ', "  "));
        let gone = Review {
            sentence: "A sentence no article has.".into(),
            ..review.clone()
        };
        let file = ReviewFile {
            reviews: vec![review, gone],
            ..Default::default()
        };
        let text = String::from_utf8(file.to_bytes()).unwrap();
        let read = ReviewFile::parse(&text, Path::new("r.json")).unwrap();
        let r = apply(gaz, &corpus, &index, &read, &ReportFilter::default());
        assert_eq!(r.decision(&read, i), Some(Decision::Accepted));
        assert_eq!(r.orphans, vec![1]);
    }

    #[test]
    fn the_filter_hides_hedged_and_unsure_reports_unless_vouched_for() {
        let gaz = Gazetteer::bundled();
        let (corpus, index) = seeds();
        let filter = ReportFilter {
            hide_hedged: true,
            min_confidence: 1.01,
        };
        let r = apply(gaz, &corpus, &index, &ReviewFile::default(), &filter);
        assert!(r.filtered.iter().all(|&f| f));
        assert!(r.timeline.places().is_empty());
        let i = capture_of(&corpus, "Zaranj");
        let mut file = ReviewFile::default();
        file.set(
            &index.key_of(gaz, &corpus, i),
            Some(index.review_of(gaz, &corpus, i, Decision::Accepted, Correction::default(), "".into())),
        );
        let r = apply(gaz, &corpus, &index, &file, &filter);
        assert!(!r.filtered[i] && r.on_map(&file, i));
    }

    #[test]
    fn bad_files_are_clear_errors() {
        let p = Path::new("r.json");
        assert!(matches!(ReviewFile::parse("{", p), Err(ReviewError::Json { .. })));
        let e = ReviewFile::parse(r#"{"format":"other","version":1}"#, p).unwrap_err();
        assert!(e.to_string().contains("\"format\""), "{e}");
        let e = ReviewFile::parse(r#"{"format":"opmars-review","version":9}"#, p).unwrap_err();
        assert!(e.to_string().contains("newer"), "{e}");
    }

    #[test]
    fn saving_is_atomic_keeps_a_backup_and_never_overwrites_a_changed_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(REVIEW_FILE_NAME);
        let (mut store, file) = ReviewStore::open(&path);
        let mut file = file.unwrap();
        assert!(file.reviews.is_empty());
        let review = Review {
            article_sha256: "0".repeat(64),
            article: "a.txt".into(),
            sentence: "Zaranj fell.".into(),
            place: PlaceRef {
                name: "Zaranj".into(),
                geonames_id: 1,
            },
            status: "captured".into(),
            event_date: None,
            decision: Decision::Accepted,
            correction: Correction::default(),
            note: String::new(),
            reviewed_at: None,
        };
        file.reviews.push(review.clone());
        store.save(&file).unwrap();
        let first = fs::read(&path).unwrap();
        // A failure between the write and the rename: the old file stays.
        file.reviews[0].decision = Decision::Rejected;
        let err = store.save_with(&file, false, &mut |stage| {
            if stage == SaveStage::Written {
                Err(io::Error::other("disk full"))
            } else {
                Ok(())
            }
        });
        assert!(err.is_err());
        assert_eq!(fs::read(&path).unwrap(), first);
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, [REVIEW_FILE_NAME], "no temporary file is left");
        // A real save keeps the previous version as the backup.
        store.save(&file).unwrap();
        assert_eq!(
            fs::read(dir.path().join(format!("{REVIEW_FILE_NAME}.bak"))).unwrap(),
            first
        );
        // Another window writes the file: no silent overwrite.
        let (mut other, theirs) = ReviewStore::open(&path);
        let mut theirs = theirs.unwrap();
        let mut second = review.clone();
        second.sentence = "Herat fell.".into();
        theirs.reviews.push(second.clone());
        other.save(&theirs).unwrap();
        file.reviews[0].note = "mine".into();
        store.touch(file.reviews[0].key());
        assert!(matches!(store.save(&file), Err(ReviewError::Conflict { .. })));
        // Merging keeps both: our change and their new review.
        let merged = store.merge_and_save(&file).unwrap();
        assert_eq!(merged.reviews.len(), 2);
        assert!(merged.reviews.iter().any(|r| r.note == "mine"));
        assert!(merged.reviews.contains(&second));
        assert_eq!(ReviewFile::load(&path).unwrap(), merged);
    }
}
