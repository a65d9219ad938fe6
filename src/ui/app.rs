//! The application: all viewer state in one struct, the frame loop, and the
//! actions the panels ask for.
//!
//! The frame code only reads precomputed data: the [`ViewModel`] (built
//! when a corpus is loaded), the [`DateView`] (rebuilt when the slider date
//! changes) and the [`SelectionView`] (rebuilt when the selection changes).
//! Panels return actions; the app applies them after the panels are drawn.

use std::path::PathBuf;
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
use crate::ui::articles::{ArticlesAction, SearchState, articles_ui};
use crate::ui::excerpts::{ExcerptAction, SelectionView, excerpts_ui};
use crate::ui::map::{MapAction, MapSettings, MapState, map_ui};
use crate::ui::model::{DateView, ViewModel};
use crate::ui::reader::{ReaderState, reader_window};
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

enum LoaderMessage {
    Progress(usize, usize),
    Done(Box<Corpus>, Vec<LoadError>),
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
        let corpus = Corpus::build(options.articles);
        let model = ViewModel::new(gaz, &corpus);
        let date = model.clamp_date(options.date.or(persisted.date).unwrap_or(model.last_day));
        let mut date_view = DateView::default();
        date_view.update(&model, &corpus, date);
        let mut map = MapState::default();
        if let (Some((lon, lat)), Some(zoom)) = (persisted.center, persisted.zoom)
            && options.screenshot.is_none()
        {
            map.fit_pending = false;
            map.center_pending = Some((lon, lat, Some(zoom)));
        }
        let mut settings = persisted.settings;
        if options.screenshot.is_some() {
            settings.online_tiles = false;
        }
        let mut app = OpmarsApp {
            gaz,
            basemap,
            corpus,
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
            message: None,
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

    /// Sets the playback speed (an index into [`SPEEDS`]).
    pub fn set_speed_index(&mut self, i: usize) {
        self.speed_index = i.min(SPEEDS.len() - 1);
    }

    /// Moves the slider; recomputes the date view if the date changed.
    pub fn set_date(&mut self, date: NaiveDate) {
        self.date = self.model.clamp_date(date);
        self.date_view.update(&self.model, &self.corpus, self.date);
    }

    /// Selects a place (or clears the selection) and prepares its excerpts.
    pub fn select(&mut self, place: Option<PlaceId>) {
        self.selected = place;
        self.cards_shown = crate::ui::excerpts::PAGE;
        self.selection = place.map(|p| SelectionView::new(self.gaz, &self.corpus, &self.model, p));
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
        if !job.requested && job.frames >= 4 {
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
            let corpus = Corpus::build(articles);
            let _ = tx.send(LoaderMessage::Done(Box::new(corpus), loaded.errors));
            ctx.request_repaint();
        });
        self.loader = Some(Loader { rx, progress: (0, 0) });
    }

    fn poll_loader(&mut self) {
        let Some(loader) = &mut self.loader else { return };
        loop {
            match loader.rx.try_recv() {
                Ok(LoaderMessage::Progress(done, total)) => loader.progress = (done, total),
                Ok(LoaderMessage::Done(corpus, errors)) => {
                    self.loader = None;
                    let added = corpus.articles.len().saturating_sub(self.corpus.articles.len());
                    if self.errors_to_stderr {
                        for e in &errors {
                            eprintln!("opmars: {e}");
                        }
                        self.errors_to_stderr = false;
                    }
                    let first_load = self.corpus.articles.is_empty();
                    self.replace_corpus(*corpus);
                    if first_load {
                        let date = self.pending_date.take().unwrap_or(self.model.last_day);
                        self.set_date(date);
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

    fn replace_corpus(&mut self, corpus: Corpus) {
        self.corpus = corpus;
        self.model = ViewModel::new(self.gaz, &self.corpus);
        self.date_view = DateView::default();
        let date = self.date;
        self.set_date(date);
        self.reader = None;
        let selected = self.selected;
        self.select(selected);
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
        let rows = export::report_rows(self.gaz, &self.corpus);
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
                ui.checkbox(&mut self.settings.shade_provinces, "Shade provinces by their capital");
                ui.checkbox(&mut self.settings.show_labels, "Place labels");
                ui.checkbox(&mut self.settings.show_legend, "Legend");
                ui.separator();
                ui.checkbox(&mut self.show_articles, "Articles panel");
                ui.checkbox(&mut self.show_excerpts, "Excerpts panel");
                ui.separator();
                if ui.button("Fit Afghanistan").clicked() {
                    self.map.fit_pending = true;
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
        }
    }
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
            );
            ui.add_space(2.0);
        });

        let mut articles_action = None;
        if self.show_articles {
            let loading = self.loader.as_ref().map(|l| l.progress);
            egui::Panel::left("articles").default_size(270.0).show(ui, |ui| {
                articles_action = articles_ui(ui, self.gaz, &self.model, &mut self.search, &self.load_errors, loading);
            });
        }

        let mut excerpt_action = None;
        if self.show_excerpts {
            egui::Panel::right("excerpts").default_size(380.0).show(ui, |ui| {
                excerpt_action = excerpts_ui(
                    ui,
                    &self.model,
                    &self.date_view,
                    self.selection.as_ref(),
                    &mut self.cards_shown,
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
                &self.settings,
            );
        });

        reader_window(&ctx, &mut self.reader);
        self.help_windows(&ctx);
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
fn install_fallback_font(ctx: &Context) {
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
