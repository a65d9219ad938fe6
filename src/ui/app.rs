//! The application: all viewer state in one struct, the frame loop, and the
//! actions the panels ask for.
//!
//! The frame code only reads precomputed data: the [`ViewModel`] (built
//! when a corpus is loaded), the [`DateView`] (rebuilt when the slider date
//! changes) and the [`SelectionView`] (rebuilt when the selection changes).
//! Panels return actions; the app applies them after the panels are drawn.
//!
//! Reviews: the app holds the review file ([`ReviewFile`]), its undo
//! history and its store on disk; every review action records an edit,
//! saves atomically, and rebuilds the views from the corpus with the review
//! applied ([`crate::review::apply`]). The corpus itself is never changed.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Arc, Mutex};

use chrono::{Days, NaiveDate};
use egui::{Context, Key, Modifiers};
use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::basemap::Basemap;
use crate::corpus::Corpus;
use crate::export;
use crate::gazetteer::{Gazetteer, PlaceId};
use crate::input::LoadError;
use crate::reports::Status;
use crate::review::{
    Correction, Decision, History, PlaceRef, ReportFilter, ReviewError, ReviewFile, ReviewIndex, ReviewKey,
    ReviewStore, Reviewed,
};
use crate::ui::articles::{ArticlesAction, SearchState, articles_ui};
use crate::ui::excerpts::{ExcerptAction, ReviewEditor, SelectionView, excerpts_ui};
use crate::ui::map::{FitRequest, MapAction, MapSettings, MapState, map_ui};
use crate::ui::model::{DateView, MentionStats, ViewModel};
use crate::ui::reader::{ReaderState, reader_window};
use crate::ui::replay::{ReplayFormat, ReplayOptions, ReplayScene};
use crate::ui::timeline_panel::{SPEEDS, TimelineAction, timeline_ui};

/// Where a screenshot result is reported.
pub type ScreenshotResult = Arc<Mutex<Option<Result<PathBuf, String>>>>;

/// How the viewer starts.
#[derive(Default)]
pub struct ViewerOptions {
    /// Articles already read.
    pub articles: Vec<Article>,
    /// Files or folders to read in the background once the window is up.
    pub paths: Vec<PathBuf>,
    pub load_errors: Vec<LoadError>,
    /// Start at this date.
    pub date: Option<NaiveDate>,
    /// Select this place (any spelling).
    pub select: Option<String>,
    /// Save one frame here and exit.
    pub screenshot: Option<PathBuf>,
    /// Filled in when the screenshot is written (or fails).
    pub screenshot_result: Option<ScreenshotResult>,
    /// A local PMTiles archive for the background.
    pub pmtiles: Option<PathBuf>,
    /// Restore and save the UI state (off for screenshots and tests).
    pub persist: bool,
    /// The review file: read at start, written on every review. `None`
    /// keeps reviews in memory only.
    pub review_path: Option<PathBuf>,
}

/// UI state kept between runs.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
struct Persisted {
    date: Option<NaiveDate>,
    selected_geonames_id: Option<u64>,
    center: Option<(f64, f64)>,
    zoom: Option<f64>,
    settings: MapSettings,
    speed_index: usize,
    show_articles: bool,
    show_excerpts: bool,
    filter: ReportFilter,
}

impl Default for Persisted {
    fn default() -> Self {
        Persisted {
            date: None,
            selected_geonames_id: None,
            center: None,
            zoom: None,
            settings: MapSettings::default(),
            speed_index: 1,
            show_articles: true,
            show_excerpts: true,
            filter: ReportFilter::default(),
        }
    }
}

struct ScreenshotJob {
    path: PathBuf,
    frames: u32,
    requested: bool,
    exit_after: bool,
    result: ScreenshotResult,
}

/// A corpus and what is computed once per corpus.
struct Analysed {
    corpus: Corpus,
    stats: MentionStats,
    index: ReviewIndex,
}

impl Analysed {
    fn new(corpus: Corpus) -> Analysed {
        let stats = MentionStats::new(&corpus);
        let index = ReviewIndex::new(Gazetteer::bundled(), &corpus);
        Analysed { corpus, stats, index }
    }
}

enum LoaderMessage {
    Progress(usize, usize),
    Done(Box<Analysed>, Vec<LoadError>),
}

/// What the review file's conflict window asks about.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ReviewTrouble {
    /// The file changed on disk since it was read.
    Conflict(String),
    /// It could not be read at start; it is not written over silently.
    Unreadable(String),
}

/// The File → Export replay… window.
struct ReplayDialog {
    format: ReplayFormat,
    from: NaiveDate,
    to: NaiveDate,
    fps: u32,
    size: [u32; 2],
}

enum ReplayMessage {
    Progress(usize, usize),
    Done(Result<crate::ui::replay::ReplaySummary, String>),
}

/// An export running in the background.
struct ReplayJob {
    rx: Receiver<ReplayMessage>,
    cancel: Arc<AtomicBool>,
    progress: (usize, usize),
}

struct Loader {
    rx: Receiver<LoaderMessage>,
    progress: (usize, usize),
}

/// The opmars viewer.
pub struct OpmarsApp {
    gaz: &'static Gazetteer,
    basemap: &'static Basemap,
    corpus: Corpus,
    stats: MentionStats,
    review_index: ReviewIndex,
    /// The analyst's reviews, their undo history and where they are saved.
    review: ReviewFile,
    history: History,
    store: Option<ReviewStore>,
    review_trouble: Option<ReviewTrouble>,
    review_editor: Option<ReviewEditor>,
    show_orphans: bool,
    filter: ReportFilter,
    /// The corpus's reports with the review and filter applied.
    reviewed: Reviewed,
    replay_dialog: Option<ReplayDialog>,
    replay_job: Option<ReplayJob>,
    model: ViewModel,
    date_view: DateView,
    selection: Option<SelectionView>,
    date: NaiveDate,
    selected: Option<PlaceId>,
    playing: bool,
    play_accumulator: f64,
    speed_index: usize,
    settings: MapSettings,
    show_articles: bool,
    show_excerpts: bool,
    map: MapState,
    search: SearchState,
    reader: Option<ReaderState>,
    /// Report cards shown for the selection (grows by pages).
    cards_shown: usize,
    load_errors: Vec<LoadError>,
    loader: Option<Loader>,
    screenshot: Option<ScreenshotJob>,
    pmtiles: Option<PathBuf>,
    persist: bool,
    message: Option<String>,
    show_shortcuts: bool,
    show_about: bool,
    /// Frames drawn (for the startup timing report).
    frames: u64,
    /// `--date` / `--select` waiting for the articles being read at start.
    pending_date: Option<NaiveDate>,
    pending_select: Option<String>,
    /// Report read errors on standard error (for paths given at start).
    errors_to_stderr: bool,
}

impl OpmarsApp {
    /// Builds the app from options (analysing the articles) in an eframe
    /// creation context.
    pub fn new(cc: &eframe::CreationContext<'_>, options: ViewerOptions) -> Self {
        let persisted: Persisted = if options.persist {
            cc.storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default()
        } else {
            Persisted::default()
        };
        Self::with_state(&cc.egui_ctx, options, persisted)
    }

    fn with_state(ctx: &Context, options: ViewerOptions, persisted: Persisted) -> Self {
        ctx.set_visuals(egui::Visuals::light());
        install_fallback_font(ctx);
        let gaz = Gazetteer::bundled();
        let basemap = Basemap::bundled();
        let Analysed { corpus, stats, index } = Analysed::new(Corpus::build(options.articles));
        // The review file, applied to everything shown.
        let mut review_trouble = None;
        let mut load_message = None;
        let (store, review) = match &options.review_path {
            Some(path) => {
                let (store, read) = ReviewStore::open(path);
                let review = match read {
                    Ok(r) => r,
                    Err(e) => {
                        review_trouble = Some(ReviewTrouble::Unreadable(e.to_string()));
                        load_message = Some(format!("Could not read the review file: {e}"));
                        ReviewFile::default()
                    }
                };
                (Some(store), review)
            }
            None => (None, ReviewFile::default()),
        };
        let filter = persisted.filter;
        let reviewed = crate::review::apply(gaz, &corpus, &index, &review, &filter);
        let model = ViewModel::new(gaz, &corpus, &stats, &reviewed, &review);
        let date = model.clamp_date(options.date.or(persisted.date).unwrap_or(model.last_day));
        let mut date_view = DateView::default();
        date_view.update(&model, &reviewed.timeline, date);
        let mut map = MapState::default();
        if let (Some((lon, lat)), Some(zoom)) = (persisted.center, persisted.zoom)
            && options.screenshot.is_none()
        {
            // The saved view, unless it hides a marker.
            map.center_pending = Some((lon, lat, Some(zoom)));
            map.fit = Some(FitRequest {
                only_if_needed: true,
                ..FitRequest::data()
            });
        }
        let mut settings = persisted.settings;
        if options.screenshot.is_some() {
            settings.online_tiles = false;
        }
        let mut app = OpmarsApp {
            gaz,
            basemap,
            corpus,
            stats,
            review_index: index,
            review,
            history: History::default(),
            store,
            review_trouble,
            review_editor: None,
            show_orphans: false,
            filter,
            reviewed,
            replay_dialog: None,
            replay_job: None,
            model,
            date_view,
            selection: None,
            date,
            selected: None,
            playing: false,
            play_accumulator: 0.0,
            speed_index: persisted.speed_index.min(SPEEDS.len() - 1),
            settings,
            show_articles: persisted.show_articles,
            show_excerpts: persisted.show_excerpts,
            map,
            search: SearchState::default(),
            reader: None,
            cards_shown: crate::ui::excerpts::PAGE,
            load_errors: options.load_errors,
            loader: None,
            screenshot: None,
            pmtiles: options.pmtiles.clone(),
            persist: options.persist && options.screenshot.is_none(),
            message: load_message,
            show_shortcuts: false,
            show_about: false,
            frames: 0,
            pending_date: None,
            pending_select: None,
            errors_to_stderr: false,
        };
        if let Some(path) = &options.pmtiles {
            app.map.tiles = Some(Box::new(walkers::PmTiles::new(path, ctx.clone())));
            app.map.tiles_attribution = Some(("PMTiles archive", ""));
            if options.screenshot.is_none() {
                app.settings.online_tiles = true;
            }
        } else if app.settings.online_tiles {
            app.enable_online_tiles(ctx);
        }
        // Selection: command line first, then the saved one.
        let wanted = match &options.select {
            Some(name) => gaz.find(name).map(|p| p.id),
            None => persisted
                .selected_geonames_id
                .and_then(|g| gaz.places().iter().find(|p| p.geonames_id == g))
                .map(|p| p.id),
        };
        if let Some(id) = wanted {
            app.select(Some(id));
        }
        if let Some(path) = options.screenshot {
            let result = options.screenshot_result.unwrap_or_default();
            app.screenshot = Some(ScreenshotJob {
                path,
                frames: 0,
                requested: false,
                exit_after: true,
                result,
            });
        }
        // Paths from the command line: the window comes up at once, the
        // articles follow; the date and selection asked for wait for them.
        if !options.paths.is_empty() {
            app.pending_date = options.date;
            app.pending_select = options.select.clone();
            app.errors_to_stderr = true;
            app.load_in_background(ctx, options.paths);
        }
        app
    }

    /// The corpus shown.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The slider date.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// First and last day of the slider.
    pub fn date_range(&self) -> (NaiveDate, NaiveDate) {
        (self.model.first_day, self.model.last_day)
    }

    /// The selected place.
    pub fn selected(&self) -> Option<PlaceId> {
        self.selected
    }

    /// Whether playback runs.
    pub fn is_playing(&self) -> bool {
        self.playing
    }

    /// The review file as it stands (saved or not).
    pub fn review_file(&self) -> &ReviewFile {
        &self.review
    }

    /// The corpus's reports with the review and filter applied.
    pub fn reviewed(&self) -> &Reviewed {
        &self.reviewed
    }

    /// The analyst's decision about report `i` (an index into the
    /// corpus's reports).
    pub fn decision(&self, i: usize) -> Option<Decision> {
        self.reviewed.decision(&self.review, i)
    }

    /// The map's rect and the rects its overlays covered in the last frame.
    pub fn map_layout(&self) -> (egui::Rect, &[egui::Rect]) {
        (self.map.map_rect, &self.map.overlays)
    }

    /// The map's labels as placed in the last frame.
    pub fn label_rects(&self) -> &[egui::Rect] {
        self.map.label_rects()
    }

    /// Where a longitude/latitude lies on the map, as of the last frame.
    pub fn screen_position(&self, lon: f64, lat: f64) -> Option<egui::Pos2> {
        self.map.screen_position(lon, lat)
    }

    /// The map's display options.
    pub fn map_settings(&self) -> &MapSettings {
        &self.settings
    }

    /// What the viewer shows (places, the slider's range).
    pub fn model(&self) -> &ViewModel {
        &self.model
    }

    /// Why the review file is not being saved, if it is not.
    pub fn review_trouble(&self) -> Option<&str> {
        match &self.review_trouble {
            Some(ReviewTrouble::Conflict(m) | ReviewTrouble::Unreadable(m)) => Some(m),
            None => None,
        }
    }

    /// Sets the report filter and rebuilds the views.
    pub fn set_filter(&mut self, filter: ReportFilter) {
        self.filter = filter;
        self.rebuild_views();
    }

    /// Sets the playback speed (an index into [`SPEEDS`]).
    pub fn set_speed_index(&mut self, i: usize) {
        self.speed_index = i.min(SPEEDS.len() - 1);
    }

    /// Moves the slider; recomputes the date view if the date changed.
    pub fn set_date(&mut self, date: NaiveDate) {
        self.date = self.model.clamp_date(date);
        self.date_view.update(&self.model, &self.reviewed.timeline, self.date);
    }

    /// Selects a place (or clears the selection) and prepares its excerpts.
    pub fn select(&mut self, place: Option<PlaceId>) {
        self.selected = place;
        self.cards_shown = crate::ui::excerpts::PAGE;
        self.selection =
            place.map(|p| SelectionView::new(self.gaz, &self.corpus, &self.reviewed, &self.review, &self.model, p));
    }

    /// Applies the review and filter again and rebuilds every view (after a
    /// review, an undo, a filter change or a new corpus).
    fn rebuild_views(&mut self) {
        self.reviewed = crate::review::apply(self.gaz, &self.corpus, &self.review_index, &self.review, &self.filter);
        self.model = ViewModel::new(self.gaz, &self.corpus, &self.stats, &self.reviewed, &self.review);
        self.date_view = DateView::default();
        let date = self.date;
        self.set_date(date);
        let selected = self.selected;
        let shown = self.cards_shown;
        self.select(selected);
        self.cards_shown = shown;
    }

    /// The key a new review of report `i` is filed under: that of its
    /// existing review, else the engine's reading of it.
    fn review_key(&self, i: usize) -> ReviewKey {
        match self.reviewed.review.get(i).copied().flatten() {
            Some(k) => self.review.reviews[k].key(),
            None => self.review_index.key_of(self.gaz, &self.corpus, i),
        }
    }

    /// Records the review of report `i` (or, with `None`, removes it),
    /// saves and rebuilds.
    pub fn review_report(&mut self, i: usize, decision: Option<(Decision, Correction, String)>) {
        if i >= self.corpus.reports.len() {
            return;
        }
        // A syndicated copy is reviewed through the report that counts.
        let i = self.corpus.reports[i].duplicate_of.unwrap_or(i);
        let key = self.review_key(i);
        let review = decision.map(|(d, c, note)| {
            let mut r = self.review_index.review_of(self.gaz, &self.corpus, i, d, c, note);
            // Keep the key of an existing review (its sentence as filed).
            if let Some(old) = self.review.get(&key) {
                r.sentence = old.sentence.clone();
                r.status = old.status.clone();
                r.place = old.place.clone();
                r.article_sha256 = old.article_sha256.clone();
            }
            r
        });
        let edit = self.review.set(&key, review);
        self.history.push(edit);
        if let Some(store) = &mut self.store {
            store.touch(key);
        }
        self.after_review_change();
    }

    /// Undoes the last review edit.
    pub fn undo_review(&mut self) {
        if let Some(key) = self.history.undo(&mut self.review) {
            if let Some(store) = &mut self.store {
                store.touch(key);
            }
            self.after_review_change();
            self.message = Some("Undid the last review".to_owned());
        }
    }

    /// Redoes the last undone review edit.
    pub fn redo_review(&mut self) {
        if let Some(key) = self.history.redo(&mut self.review) {
            if let Some(store) = &mut self.store {
                store.touch(key);
            }
            self.after_review_change();
            self.message = Some("Redid the review".to_owned());
        }
    }

    fn after_review_change(&mut self) {
        self.review_editor = None;
        self.rebuild_views();
        self.save_review();
    }

    /// Saves the review file unless it changed on disk (then the conflict
    /// window asks what to do).
    fn save_review(&mut self) {
        let Some(store) = &mut self.store else { return };
        if self.review_trouble.is_some() {
            return;
        }
        match store.save(&self.review) {
            Ok(()) => {}
            Err(ReviewError::Conflict { path }) => {
                self.review_trouble = Some(ReviewTrouble::Conflict(format!(
                    "{} changed on disk since it was read (another opmars window?). Your reviews are kept here and not saved yet.",
                    path.display()
                )));
            }
            Err(e) => self.message = Some(format!("Could not save the review: {e}")),
        }
    }

    /// Resolves a conflict or an unreadable review file.
    fn resolve_review_trouble(&mut self, choice: TroubleChoice) {
        let Some(store) = &mut self.store else {
            self.review_trouble = None;
            return;
        };
        let result = match choice {
            TroubleChoice::Merge => store.merge_and_save(&self.review).map(|merged| {
                self.review = merged;
                "Merged the review file on disk with your reviews and saved it".to_owned()
            }),
            TroubleChoice::Overwrite => store
                .overwrite(&self.review)
                .map(|_| "Saved your reviews over the file on disk (its old version is in the .bak file)".to_owned()),
            TroubleChoice::Reload => store.reload().map(|theirs| {
                self.review = theirs;
                self.history = History::default();
                "Reloaded the review file from disk".to_owned()
            }),
            TroubleChoice::Later => {
                self.review_trouble = None;
                self.store = None;
                self.message = Some("Reviews are kept in memory only until opmars closes".to_owned());
                return;
            }
        };
        match result {
            Ok(m) => {
                self.review_trouble = None;
                self.message = Some(m);
                self.rebuild_views();
            }
            Err(e) => self.message = Some(format!("Could not update the review file: {e}")),
        }
    }

    /// Opens the review editor on report `i`, filled in from its review.
    fn edit_review(&mut self, i: usize) {
        let r = &self.reviewed.reports[i];
        let existing = self.reviewed.review[i].and_then(|k| self.review.reviews.get(k));
        self.review_editor = Some(ReviewEditor {
            report: i,
            decision: existing.map_or(Decision::Corrected, |x| x.decision),
            status: r.status(),
            date: r.date().map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(),
            place: self.gaz.place(r.place()).name.clone(),
            note: existing.map(|x| x.note.clone()).unwrap_or_default(),
            error: None,
        });
    }

    /// Checks and records what the review editor holds.
    fn save_review_editor(&mut self, ed: ReviewEditor) {
        let i = ed.report;
        let original = &self.corpus.reports[i];
        let mut correction = Correction::default();
        if ed.decision == Decision::Corrected {
            if ed.status != original.status() {
                correction.status = Some(ed.status.as_str().to_owned());
            }
            let date = ed.date.trim();
            if !date.is_empty() {
                match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
                    Ok(d) if Some(d) != original.date() => correction.event_date = Some(d),
                    Ok(_) => {}
                    Err(_) => {
                        self.review_editor = Some(ReviewEditor {
                            error: Some(format!("{date:?} is not a date like 2021-08-13")),
                            ..ed
                        });
                        return;
                    }
                }
            }
            let place = ed.place.trim();
            if !place.is_empty() {
                match self.gaz.find(place) {
                    Some(p) if p.id != original.place() => correction.place = Some(PlaceRef::of(self.gaz, p.id)),
                    Some(_) => {}
                    None => {
                        self.review_editor = Some(ReviewEditor {
                            error: Some(format!("No place called {place:?} in the gazetteer")),
                            ..ed
                        });
                        return;
                    }
                }
            }
        }
        // A correction that changes nothing is an acceptance.
        let decision = if ed.decision == Decision::Corrected && correction.is_empty() {
            Decision::Accepted
        } else {
            ed.decision
        };
        self.review_report(i, Some((decision, correction, ed.note.trim().to_owned())));
    }

    /// The note of report `i`'s review, if any.
    fn review_note(&self, i: usize) -> String {
        self.reviewed
            .review
            .get(i)
            .copied()
            .flatten()
            .and_then(|k| self.review.reviews.get(k))
            .map(|r| r.note.clone())
            .unwrap_or_default()
    }

    fn center_on(&mut self, place: PlaceId) {
        let p = self.gaz.place(place);
        let zoom = self.map.memory.zoom().max(7.0);
        self.map.center_pending = Some((p.lon, p.lat, Some(zoom)));
    }

    fn enable_online_tiles(&mut self, ctx: &Context) {
        if self.map.tiles.is_some() {
            return;
        }
        let cache = directories::ProjectDirs::from("", "", "opmars").map(|d| d.cache_dir().join("tiles"));
        let options = walkers::HttpOptions {
            cache,
            ..Default::default()
        };
        self.map.tiles = Some(Box::new(walkers::HttpTiles::with_options(
            walkers::sources::OpenStreetMap,
            options,
            ctx.clone(),
        )));
        self.map.tiles_attribution = Some(("OpenStreetMap contributors", "https://www.openstreetmap.org/copyright"));
    }

    fn step_days(&mut self, days: i64) {
        let d = if days >= 0 {
            self.date.checked_add_days(Days::new(days as u64))
        } else {
            self.date.checked_sub_days(Days::new(days.unsigned_abs()))
        };
        if let Some(d) = d {
            self.set_date(d);
        }
    }

    fn toggle_play(&mut self) {
        if !self.playing && self.date >= self.model.last_day {
            self.set_date(self.model.first_day);
        }
        self.playing = !self.playing;
        self.play_accumulator = 0.0;
    }

    fn handle_keys(&mut self, ctx: &Context) {
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        let (space, left, right, home, end) = ctx.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::Space),
                i.consume_key(Modifiers::NONE, Key::ArrowLeft),
                i.consume_key(Modifiers::NONE, Key::ArrowRight),
                i.consume_key(Modifiers::NONE, Key::Home),
                i.consume_key(Modifiers::NONE, Key::End),
            )
        });
        let (fit, redo, undo) = ctx.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::F),
                i.consume_key(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z)
                    || i.consume_key(Modifiers::COMMAND, Key::Y),
                i.consume_key(Modifiers::COMMAND, Key::Z),
            )
        });
        if fit {
            self.map.fit = Some(FitRequest::data());
        }
        if undo {
            self.undo_review();
        }
        if redo {
            self.redo_review();
        }
        if space {
            self.toggle_play();
        }
        if left {
            self.playing = false;
            self.step_days(-1);
        }
        if right {
            self.playing = false;
            self.step_days(1);
        }
        if home {
            self.playing = false;
            self.set_date(self.model.first_day);
        }
        if end {
            self.playing = false;
            self.set_date(self.model.last_day);
        }
    }

    fn tick_playback(&mut self, ctx: &Context) {
        if !self.playing {
            return;
        }
        let dt = f64::from(ctx.input(|i| i.stable_dt).min(0.25));
        self.play_accumulator += dt * SPEEDS[self.speed_index];
        while self.play_accumulator >= 1.0 {
            self.play_accumulator -= 1.0;
            if self.date >= self.model.last_day {
                self.playing = false;
                break;
            }
            self.step_days(1);
        }
        if self.playing {
            ctx.request_repaint();
        }
    }

    fn tick_screenshot(&mut self, ctx: &Context) {
        let Some(job) = &mut self.screenshot else { return };
        if self.loader.is_some() {
            // Wait for the articles before counting frames.
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
            return;
        }
        job.frames += 1;
        // Once the map is fitted (it takes a few frames to measure the
        // overlays), or after a second at most.
        let settled = self.map.fit.is_none() || job.frames >= 60;
        if !job.requested && job.frames >= 4 && settled {
            job.requested = true;
            let path = job.path.clone();
            let result = job.result.clone();
            let ctx2 = ctx.clone();
            ctx.request_screenshot(move |image| {
                let outcome = save_png(&path, &image).map(|_| path.clone());
                if let Ok(mut r) = result.lock() {
                    *r = Some(outcome);
                }
                ctx2.request_repaint();
            });
        }
        let finished = job.result.lock().map(|r| r.clone()).ok().flatten();
        match finished {
            Some(outcome) => {
                let exit = job.exit_after;
                self.screenshot = None;
                if exit {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                } else {
                    self.message = Some(match outcome {
                        Ok(p) => format!("Saved the view to {}", p.display()),
                        Err(e) => format!("Could not save the view: {e}"),
                    });
                }
            }
            None => ctx.request_repaint(),
        }
    }

    /// Starts reading articles in the background; they are added to the
    /// corpus when done.
    fn load_in_background(&mut self, ctx: &Context, paths: Vec<PathBuf>) {
        if paths.is_empty() || self.loader.is_some() {
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let existing: Vec<Article> = self.corpus.articles.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let loaded = crate::input::load_paths_with_progress(&paths, &mut |p: crate::input::Progress| {
                let _ = tx.send(LoaderMessage::Progress(p.done, p.total));
                ctx.request_repaint();
            });
            let mut articles = existing;
            articles.extend(loaded.articles);
            let analysed = Analysed::new(Corpus::build(articles));
            let _ = tx.send(LoaderMessage::Done(Box::new(analysed), loaded.errors));
            ctx.request_repaint();
        });
        self.loader = Some(Loader { rx, progress: (0, 0) });
    }

    fn poll_loader(&mut self) {
        let Some(loader) = &mut self.loader else { return };
        loop {
            match loader.rx.try_recv() {
                Ok(LoaderMessage::Progress(done, total)) => loader.progress = (done, total),
                Ok(LoaderMessage::Done(analysed, errors)) => {
                    self.loader = None;
                    let added = analysed
                        .corpus
                        .articles
                        .len()
                        .saturating_sub(self.corpus.articles.len());
                    if self.errors_to_stderr {
                        for e in &errors {
                            eprintln!("opmars: {e}");
                        }
                        self.errors_to_stderr = false;
                    }
                    let first_load = self.corpus.articles.is_empty();
                    self.replace_corpus(*analysed);
                    if first_load {
                        let date = self.pending_date.take().unwrap_or(self.model.last_day);
                        self.set_date(date);
                        self.map.fit = Some(FitRequest::data());
                    }
                    if let Some(name) = self.pending_select.take() {
                        self.select(self.gaz.find(&name).map(|p| p.id));
                    }
                    self.message = Some(format!(
                        "{} {added} articles{}",
                        if first_load { "Read" } else { "Added" },
                        if errors.is_empty() {
                            String::new()
                        } else {
                            format!("; {} problems reading files (see the list on the left)", errors.len())
                        }
                    ));
                    self.load_errors.extend(errors);
                    return;
                }
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => {
                    self.loader = None;
                    self.message = Some("Reading the articles failed".to_owned());
                    return;
                }
            }
        }
    }

    fn replace_corpus(&mut self, analysed: Analysed) {
        self.corpus = analysed.corpus;
        self.stats = analysed.stats;
        self.review_index = analysed.index;
        self.reader = None;
        self.review_editor = None;
        self.rebuild_views();
    }

    fn open_files_dialog(&mut self, ctx: &Context, folder: bool) {
        let dialog = rfd::FileDialog::new().set_title(if folder {
            "Add a folder of articles"
        } else {
            "Add articles"
        });
        let paths = if folder {
            dialog.pick_folder().map(|p| vec![p]).unwrap_or_default()
        } else {
            dialog
                .add_filter("Articles", &["txt", "md", "html", "htm", "json", "jsonl"])
                .pick_files()
                .unwrap_or_default()
        };
        self.load_in_background(ctx, paths);
    }

    fn export_png_dialog(&mut self) {
        let name = format!("opmars-{}.png", self.date.format("%Y-%m-%d"));
        if let Some(path) = rfd::FileDialog::new()
            .set_file_name(name)
            .add_filter("PNG image", &["png"])
            .save_file()
        {
            self.screenshot = Some(ScreenshotJob {
                path,
                frames: 2,
                requested: false,
                exit_after: false,
                result: ScreenshotResult::default(),
            });
        }
    }

    fn export_reports_dialog(&mut self, format: &str) {
        let name = format!("opmars-reports.{format}");
        let Some(path) = rfd::FileDialog::new().set_file_name(name).save_file() else {
            return;
        };
        let rows = export::report_rows_reviewed(self.gaz, &self.corpus, &self.reviewed, &self.review);
        let result = std::fs::File::create(&path)
            .map(std::io::BufWriter::new)
            .and_then(|mut w| match format {
                "csv" => export::write_reports_csv(&rows, &mut w),
                "geojson" => export::write_reports_geojson(&rows, &mut w),
                _ => export::write_reports_json(&rows, &mut w),
            });
        self.message = Some(match result {
            Ok(()) => format!("Exported {} reports to {}", rows.len(), path.display()),
            Err(e) => format!("Could not export to {}: {e}", path.display()),
        });
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Add articles…").clicked() {
                    self.open_files_dialog(ui.ctx(), false);
                }
                if ui.button("Add a folder of articles…").clicked() {
                    self.open_files_dialog(ui.ctx(), true);
                }
                ui.separator();
                if ui.button("Export view as PNG…").clicked() {
                    self.export_png_dialog();
                }
                if ui
                    .add_enabled(self.replay_job.is_none(), egui::Button::new("Export replay…"))
                    .on_hover_text("The replay as an animated GIF, MP4 or PNG frames")
                    .clicked()
                {
                    self.open_replay_dialog();
                }
                for (label, fmt) in [
                    ("Export reports as CSV…", "csv"),
                    ("Export reports as GeoJSON…", "geojson"),
                    ("Export reports as JSON…", "json"),
                ] {
                    if ui.button(label).clicked() {
                        self.export_reports_dialog(fmt);
                    }
                }
                ui.separator();
                if ui.button("Quit").clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("View", |ui| {
                let tiles_label = match &self.pmtiles {
                    Some(p) => format!(
                        "Background tiles ({})",
                        p.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()
                    ),
                    None => "Online map tiles (OpenStreetMap)".to_owned(),
                };
                if ui.checkbox(&mut self.settings.online_tiles, tiles_label).changed() && self.settings.online_tiles {
                    self.enable_online_tiles(ui.ctx());
                }
                ui.checkbox(&mut self.settings.shade_provinces, "Shade provinces");
                ui.add_enabled(
                    self.model.has_minor_sites,
                    egui::Checkbox::new(&mut self.settings.show_sites, "Districts, crossings and bases"),
                )
                .on_disabled_hover_text("These articles name no district, border crossing or base");
                ui.checkbox(&mut self.settings.show_labels, "Place labels");
                ui.checkbox(&mut self.settings.show_legend, "Legend");
                ui.separator();
                ui.label("Report filter");
                let mut filter = self.filter;
                ui.checkbox(&mut filter.hide_hedged, "Hide hedged reports");
                let mut percent = (filter.min_confidence * 100.0).round();
                ui.add(
                    egui::Slider::new(&mut percent, 0.0..=100.0)
                        .step_by(5.0)
                        .suffix(" %")
                        .text("Minimum confidence"),
                );
                filter.min_confidence = percent / 100.0;
                if filter != self.filter {
                    self.set_filter(filter);
                }
                ui.separator();
                ui.checkbox(&mut self.show_articles, "Articles panel");
                ui.checkbox(&mut self.show_excerpts, "Excerpts panel");
                ui.separator();
                if ui.button("Fit to data (F)").clicked() {
                    self.map.fit = Some(FitRequest::data());
                }
                if ui.button("Fit Afghanistan").clicked() {
                    self.map.fit = Some(FitRequest::afghanistan());
                }
            });
            ui.menu_button("Review", |ui| {
                let undo = ui.add_enabled(self.history.can_undo(), egui::Button::new("Undo review (Ctrl+Z)"));
                if undo.clicked() {
                    self.undo_review();
                }
                let redo = ui.add_enabled(self.history.can_redo(), egui::Button::new("Redo review (Ctrl+Shift+Z)"));
                if redo.clicked() {
                    self.redo_review();
                }
                ui.separator();
                let orphans = self.reviewed.orphans.len();
                if ui
                    .add_enabled(orphans > 0, egui::Button::new(format!("Orphaned reviews ({orphans})…")))
                    .clicked()
                {
                    self.show_orphans = true;
                }
                ui.separator();
                match &self.store {
                    Some(store) => {
                        ui.weak(format!(
                            "{} reviews, saved in {}",
                            self.review.reviews.len(),
                            store.path.display()
                        ));
                    }
                    None => {
                        ui.weak(format!("{} reviews, kept in memory only", self.review.reviews.len()));
                    }
                }
            });
            ui.menu_button("Help", |ui| {
                if ui.button("Keyboard shortcuts").clicked() {
                    self.show_shortcuts = true;
                }
                if ui.button("About opmars").clicked() {
                    self.show_about = true;
                }
            });
            if let Some(msg) = &self.message {
                ui.separator();
                ui.label(msg);
                if ui.small_button("×").clicked() {
                    self.message = None;
                }
            }
        });
    }

    fn help_windows(&mut self, ctx: &Context) {
        egui::Window::new("Keyboard shortcuts")
            .open(&mut self.show_shortcuts)
            .resizable(false)
            .collapsible(false)
            .show(ctx, |ui| {
                egui::Grid::new("keys").striped(true).show(ui, |ui| {
                    for (k, what) in [
                        ("Space", "Play / pause"),
                        ("← / →", "One day back / forward"),
                        ("Home / End", "First / last day"),
                        ("F", "Fit every marker into view"),
                        ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo a review"),
                        ("Drag, scroll", "Pan and zoom the map"),
                        ("Click a marker", "Read its excerpts"),
                    ] {
                        ui.strong(k);
                        ui.label(what);
                        ui.end_row();
                    }
                });
            });
        egui::Window::new("About opmars")
            .open(&mut self.show_about)
            .resizable(false)
            .collapsible(false)
            .show(ctx, |ui| {
                ui.label(format!(
                    "opmars {} — news reports of an advance, replayed on a map.",
                    env!("CARGO_PKG_VERSION")
                ));
                ui.label("Places: GeoNames (CC BY 4.0), geonames.org.");
                ui.label("Borders: Natural Earth (public domain).");
                ui.label("Online tiles, when enabled: © OpenStreetMap contributors.");
            });
    }

    fn persisted(&self) -> Persisted {
        let center = self.map.memory.detached().map(|p| (p.x(), p.y()));
        Persisted {
            date: Some(self.date),
            selected_geonames_id: self.selected.map(|id| self.gaz.place(id).geonames_id),
            center: center.or(Some((
                crate::ui::map::home_position().x(),
                crate::ui::map::home_position().y(),
            ))),
            zoom: Some(self.map.memory.zoom()),
            settings: self.settings,
            speed_index: self.speed_index,
            show_articles: self.show_articles,
            show_excerpts: self.show_excerpts,
            filter: self.filter,
        }
    }
}

/// What to do about a review file that changed on disk or could not be
/// read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TroubleChoice {
    Merge,
    Overwrite,
    Reload,
    Later,
}

impl OpmarsApp {
    /// The review file's conflict window and the orphaned reviews.
    fn review_windows(&mut self, ctx: &Context) {
        if let Some(trouble) = self.review_trouble.clone() {
            let mut choice = None;
            egui::Window::new("The review file")
                .collapsible(false)
                .resizable(false)
                .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
                .show(ctx, |ui| {
                    ui.set_max_width(460.0);
                    match &trouble {
                        ReviewTrouble::Conflict(m) => {
                            ui.label(m);
                            ui.horizontal_wrapped(|ui| {
                                if ui
                                    .button("Merge")
                                    .on_hover_text("Keep the reviews on disk and add or replace them with yours")
                                    .clicked()
                                {
                                    choice = Some(TroubleChoice::Merge);
                                }
                                if ui
                                    .button("Keep mine")
                                    .on_hover_text("Write your reviews over it (the old file is kept as .bak)")
                                    .clicked()
                                {
                                    choice = Some(TroubleChoice::Overwrite);
                                }
                                if ui
                                    .button("Take theirs")
                                    .on_hover_text("Reload the file on disk, dropping your unsaved reviews")
                                    .clicked()
                                {
                                    choice = Some(TroubleChoice::Reload);
                                }
                            });
                        }
                        ReviewTrouble::Unreadable(m) => {
                            ui.label(format!(
                                "{m}\n\nIts reviews are not applied, and it will not be written over unless you say so."
                            ));
                            ui.horizontal_wrapped(|ui| {
                                if ui
                                    .button("Write over it")
                                    .on_hover_text("Save your reviews there (the old file is kept as .bak)")
                                    .clicked()
                                {
                                    choice = Some(TroubleChoice::Overwrite);
                                }
                                if ui.button("Try reading it again").clicked() {
                                    choice = Some(TroubleChoice::Reload);
                                }
                                if ui.button("Keep reviews in memory only").clicked() {
                                    choice = Some(TroubleChoice::Later);
                                }
                            });
                        }
                    }
                });
            if let Some(c) = choice {
                self.resolve_review_trouble(c);
            }
        }
        if self.show_orphans {
            let mut open = true;
            egui::Window::new("Orphaned reviews")
                .open(&mut open)
                .default_width(460.0)
                .show(ctx, |ui| {
                    ui.label(
                        "These reviews match no report of the articles loaded: their article or sentence is gone, or the engine no longer reads a report there. They stay in the review file.",
                    );
                    ui.separator();
                    egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                        for &k in &self.reviewed.orphans {
                            let Some(r) = self.review.reviews.get(k) else { continue };
                            egui::Frame::group(ui.style()).show(ui, |ui| {
                                ui.set_width(ui.available_width());
                                ui.strong(format!("{} · {} · {}", r.decision.as_str(), r.place.name, r.status));
                                ui.label(&r.sentence);
                                ui.weak(if r.article.is_empty() { "article unknown" } else { &r.article });
                                if !r.note.is_empty() {
                                    ui.label(egui::RichText::new(format!("Note: {}", r.note)).italics());
                                }
                            });
                        }
                    });
                });
            self.show_orphans = open;
        }
    }

    fn open_replay_dialog(&mut self) {
        let (first, last) = self
            .reviewed
            .timeline
            .date_range()
            .unwrap_or((self.model.first_day, self.model.last_day));
        self.replay_dialog = Some(ReplayDialog {
            format: ReplayFormat::Gif,
            from: first,
            to: last,
            fps: 2,
            size: [1280, 720],
        });
    }

    /// Starts an export in the background.
    fn start_replay(&mut self, ctx: &Context, out: PathBuf, opts: ReplayOptions) {
        let scene = ReplayScene::new(
            self.model.clone(),
            self.reviewed.timeline.clone(),
            self.settings,
            self.corpus.articles.len(),
        );
        let (tx, rx) = std::sync::mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = cancel.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let result = crate::ui::replay::export_replay(&scene, &out, &opts, &mut |done, total| {
                let _ = tx.send(ReplayMessage::Progress(done, total));
                ctx.request_repaint();
                !stop.load(Ordering::Relaxed)
            });
            let _ = tx.send(ReplayMessage::Done(result.map_err(|e| e.to_string())));
            ctx.request_repaint();
        });
        self.replay_job = Some(ReplayJob {
            rx,
            cancel,
            progress: (0, 0),
        });
    }

    fn poll_replay(&mut self) {
        let Some(job) = &mut self.replay_job else { return };
        loop {
            match job.rx.try_recv() {
                Ok(ReplayMessage::Progress(done, total)) => job.progress = (done, total),
                Ok(ReplayMessage::Done(result)) => {
                    self.replay_job = None;
                    self.message = Some(match result {
                        Ok(summary) => format!("Saved the replay to {summary}"),
                        Err(e) if e == "cancelled" => "Replay export cancelled; nothing was written".to_owned(),
                        Err(e) => format!("Could not export the replay: {e}"),
                    });
                    return;
                }
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => {
                    self.replay_job = None;
                    self.message = Some("The replay export stopped unexpectedly".to_owned());
                    return;
                }
            }
        }
    }

    /// The export dialog and the progress window.
    fn replay_windows(&mut self, ctx: &Context) {
        if let Some(job) = &self.replay_job {
            let (done, total) = job.progress;
            let mut cancel = false;
            egui::Window::new("Exporting the replay")
                .collapsible(false)
                .resizable(false)
                .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
                .show(ctx, |ui| {
                    ui.label(if total == 0 {
                        "Starting…".to_owned()
                    } else if done >= total {
                        format!("{total} frames drawn; writing the file…")
                    } else {
                        format!("Drawing frame {} of {total}…", done + 1)
                    });
                    ui.add(
                        egui::ProgressBar::new(if total == 0 { 0.0 } else { done as f32 / total as f32 })
                            .show_percentage(),
                    );
                    if ui.button("Cancel").clicked() {
                        cancel = true;
                    }
                });
            if cancel {
                job.cancel.store(true, Ordering::Relaxed);
            }
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        }
        let Some(dialog) = &mut self.replay_dialog else { return };
        let mut open = true;
        let mut go = false;
        let (lo, hi) = (self.model.first_day, self.model.last_day);
        egui::Window::new("Export replay")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                egui::Grid::new("replay-options")
                    .num_columns(2)
                    .spacing([10.0, 6.0])
                    .show(ui, |ui| {
                        ui.label("Format");
                        ui.vertical(|ui| {
                            for f in [ReplayFormat::Gif, ReplayFormat::Mp4, ReplayFormat::PngFrames] {
                                ui.radio_value(&mut dialog.format, f, f.label());
                            }
                        });
                        ui.end_row();
                        ui.label("From");
                        date_stepper(ui, &mut dialog.from, lo, hi);
                        ui.end_row();
                        ui.label("To");
                        date_stepper(ui, &mut dialog.to, lo, hi);
                        ui.end_row();
                        ui.label("Speed");
                        ui.add(egui::Slider::new(&mut dialog.fps, 1..=30).suffix(" days a second"));
                        ui.end_row();
                        ui.label("Size");
                        egui::ComboBox::from_id_salt("replay-size")
                            .selected_text(format!("{}×{}", dialog.size[0], dialog.size[1]))
                            .show_ui(ui, |ui| {
                                for size in [[960, 540], [1280, 720], [1440, 900], [1920, 1080]] {
                                    ui.selectable_value(&mut dialog.size, size, format!("{}×{}", size[0], size[1]));
                                }
                            });
                        ui.end_row();
                    });
                if dialog.from > dialog.to {
                    ui.colored_label(
                        crate::ui::theme::status_color(Some(Status::Captured)),
                        "The first day is after the last.",
                    );
                }
                ui.weak("One frame a day: the map, its shading, the date and the counters.");
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(dialog.from <= dialog.to, egui::Button::new("Export…"))
                        .clicked()
                    {
                        go = true;
                    }
                });
            });
        if !open {
            self.replay_dialog = None;
            return;
        }
        if go {
            let d = self.replay_dialog.take();
            let Some(d) = d else { return };
            let stem = format!(
                "opmars-replay-{}-{}",
                d.from.format("%Y-%m-%d"),
                d.to.format("%Y-%m-%d")
            );
            let out = match d.format {
                ReplayFormat::Gif => rfd::FileDialog::new()
                    .set_file_name(format!("{stem}.gif"))
                    .add_filter("Animated GIF", &["gif"])
                    .save_file(),
                ReplayFormat::Mp4 => rfd::FileDialog::new()
                    .set_file_name(format!("{stem}.mp4"))
                    .add_filter("MP4 video", &["mp4"])
                    .save_file(),
                ReplayFormat::PngFrames => rfd::FileDialog::new()
                    .set_title("A new or empty folder for the frames")
                    .pick_folder(),
            };
            if let Some(out) = out {
                let opts = ReplayOptions {
                    from: Some(d.from),
                    to: Some(d.to),
                    fps: d.fps,
                    size: d.size,
                };
                self.start_replay(ctx, out, opts);
            }
        }
    }
}

/// A date with day steps, kept within `lo`–`hi`.
fn date_stepper(ui: &mut egui::Ui, date: &mut NaiveDate, lo: NaiveDate, hi: NaiveDate) {
    ui.horizontal(|ui| {
        if ui.small_button("◀").clicked()
            && let Some(d) = date.pred_opt()
        {
            *date = d.max(lo);
        }
        ui.label(crate::ui::model::long_date(*date));
        if ui.small_button("▶").clicked()
            && let Some(d) = date.succ_opt()
        {
            *date = d.min(hi);
        }
    });
}

impl eframe::App for OpmarsApp {
    fn logic(&mut self, ctx: &Context, _frame: &mut eframe::Frame) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.load_in_background(ctx, dropped);
        }
        self.poll_loader();
        self.poll_replay();
        self.handle_keys(ctx);
        self.tick_playback(ctx);
        self.tick_screenshot(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.frames += 1;
        if self.frames == 1
            && std::env::var_os("OPMARS_STARTUP_TIMING").is_some()
            && let Some(start) = crate::ui::PROCESS_START.get()
        {
            eprintln!(
                "opmars: first frame {:.1} ms after start",
                start.elapsed().as_secs_f64() * 1e3
            );
        }
        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));

        let mut timeline_actions = Vec::new();
        egui::Panel::bottom("timeline").resizable(false).show(ui, |ui| {
            ui.add_space(4.0);
            timeline_actions = timeline_ui(
                ui,
                &self.model,
                self.date,
                self.playing,
                self.speed_index,
                self.date_view.capitals_captured,
                self.model.has_districts.then_some(self.date_view.districts_captured),
            );
            ui.add_space(2.0);
        });

        let mut articles_action = None;
        if self.show_articles {
            let loading = self.loader.as_ref().map(|l| l.progress);
            let width = ctx.content_rect().width();
            egui::Panel::left("articles")
                .default_size((width * 0.18).clamp(200.0, 270.0))
                .show(ui, |ui| {
                    articles_action =
                        articles_ui(ui, self.gaz, &self.model, &mut self.search, &self.load_errors, loading);
                });
        }

        let mut excerpt_action = None;
        if self.show_excerpts {
            let width = ctx.content_rect().width();
            egui::Panel::right("excerpts")
                .default_size((width * 0.26).clamp(300.0, 380.0))
                .show(ui, |ui| {
                    excerpt_action = excerpts_ui(
                        ui,
                        &self.model,
                        &self.date_view,
                        self.selection.as_ref(),
                        &mut self.cards_shown,
                        &mut self.review_editor,
                    );
                });
        }

        // Apply what the side and bottom panels asked for before the map is
        // drawn, so a slider move shows on the map in the same frame.
        for a in timeline_actions {
            match a {
                TimelineAction::SetDate(d) => {
                    self.playing = false;
                    self.set_date(d);
                }
                TimelineAction::TogglePlay => self.toggle_play(),
                TimelineAction::StepBack => {
                    self.playing = false;
                    self.step_days(-1);
                }
                TimelineAction::StepForward => {
                    self.playing = false;
                    self.step_days(1);
                }
                TimelineAction::JumpStart => self.set_date(self.model.first_day),
                TimelineAction::JumpEnd => self.set_date(self.model.last_day),
                TimelineAction::SetSpeed(i) => self.set_speed_index(i),
            }
        }
        if self.playing {
            ctx.request_repaint();
        }
        match articles_action {
            Some(ArticlesAction::SelectAndCenter(id)) => {
                self.select(Some(id));
                self.center_on(id);
            }
            Some(ArticlesAction::OpenArticle(i)) => self.reader = ReaderState::new(&self.corpus, i, None, None, None),
            None => {}
        }
        match excerpt_action {
            Some(ExcerptAction::OpenReader {
                article,
                passage,
                name,
                cue,
            }) => {
                self.reader = ReaderState::new(&self.corpus, article, Some(passage), Some(name), cue);
            }
            Some(ExcerptAction::Select(id)) => self.select(Some(id)),
            Some(ExcerptAction::Center(id)) => self.center_on(id),
            Some(ExcerptAction::ClearSelection) => self.select(None),
            Some(ExcerptAction::SetDate(d)) => self.set_date(d),
            Some(ExcerptAction::Review { report, decision }) => {
                let note = self.review_note(report);
                self.review_report(report, Some((decision, Correction::default(), note)));
            }
            Some(ExcerptAction::ClearReview(report)) => self.review_report(report, None),
            Some(ExcerptAction::EditReview(report)) => self.edit_review(report),
            Some(ExcerptAction::SaveReview(ed)) => self.save_review_editor(ed),
            Some(ExcerptAction::CancelReview) => self.review_editor = None,
            None => {}
        }
        let mut map_action = None;
        egui::CentralPanel::no_frame().show(ui, |ui| {
            map_action = map_ui(
                ui,
                &mut self.map,
                self.basemap,
                &self.model,
                &self.date_view,
                self.selected,
                &mut self.settings,
                true,
            );
        });

        reader_window(&ctx, &mut self.reader);
        self.help_windows(&ctx);
        self.review_windows(&ctx);
        self.replay_windows(&ctx);
        if ctx.input(|i| !i.raw.hovered_files.is_empty()) {
            egui::Area::new(egui::Id::unique("drop-hint"))
                .fixed_pos(ctx.content_rect().center() - egui::vec2(120.0, 20.0))
                .show(&ctx, |ui| {
                    egui::Frame::popup(ui.style()).show(ui, |ui| ui.heading("Drop articles to add them"));
                });
        }

        match map_action {
            Some(MapAction::Select(id)) => self.select(Some(id)),
            Some(MapAction::ClearSelection) => self.select(None),
            Some(MapAction::ZoomTo { lon, lat, zoom }) => self.map.center_pending = Some((lon, lat, Some(zoom))),
            None => {}
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.persist {
            eframe::set_value(storage, eframe::APP_KEY, &self.persisted());
        }
    }
}

/// DejaVu Sans as the last fallback: it draws what the default font lacks
/// in place names and article text (ḏ, ṟ, ə, Arabic-script names).
pub fn install_fallback_font(ctx: &Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    static DEJAVU: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
    ctx.add_font(FontInsert::new(
        "DejaVuSans",
        egui::FontData::from_static(DEJAVU),
        vec![
            InsertFontFamily {
                family: egui::FontFamily::Proportional,
                priority: FontPriority::Lowest,
            },
            InsertFontFamily {
                family: egui::FontFamily::Monospace,
                priority: FontPriority::Lowest,
            },
        ],
    ));
}

/// Writes an egui screenshot as PNG.
pub fn save_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let [w, h] = image.size;
    let mut bytes = Vec::with_capacity(w * h * 4);
    for p in &image.pixels {
        let [r, g, b, a] = p.to_srgba_unmultiplied();
        bytes.extend_from_slice(&[r, g, b, a]);
    }
    image::save_buffer(path, &bytes, w as u32, h as u32, image::ExtendedColorType::Rgba8).map_err(|e| e.to_string())
}
