//! The viewer: an eframe/egui window with a walkers map, a timeline and
//! linked article excerpts. It only draws what the engine produced.
//!
//! One module per panel ([`map`], [`timeline_panel`], [`excerpts`],
//! [`articles`], [`reader`]); [`app`] holds all state in one struct;
//! [`model`] is the precomputed view model; [`theme`] the shared colours;
//! [`replay`] exports the replay as an animation, drawn offscreen by
//! [`raster`].

pub mod app;
pub mod articles;
pub mod excerpts;
pub mod map;
pub mod model;
pub mod raster;
pub mod reader;
pub mod replay;
pub mod theme;
pub mod timeline_panel;

pub use app::{OpmarsApp, ScreenshotResult, ViewerOptions};

/// Window title and storage key.
pub const APP_NAME: &str = "opmars";

/// Where the viewer keeps the review of the articles at `paths`: beside
/// them (in the first folder named, or the folder of the first file), or
/// for the bundled seeds (no paths) in the application's data folder.
pub fn default_review_path(paths: &[std::path::PathBuf]) -> Option<std::path::PathBuf> {
    use crate::review::REVIEW_FILE_NAME;
    match paths.first() {
        Some(p) if p.is_dir() => Some(p.join(REVIEW_FILE_NAME)),
        Some(p) => Some(match p.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.join(REVIEW_FILE_NAME),
            _ => std::path::PathBuf::from(REVIEW_FILE_NAME),
        }),
        None => directories::ProjectDirs::from("", "", APP_NAME).map(|d| d.data_dir().join("seeds-review.json")),
    }
}

/// When the process started, for `OPMARS_STARTUP_TIMING=1`.
pub static PROCESS_START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Opens the viewer window (of `size` points, default 1440×900) and runs
/// until it is closed.
pub fn run(options: ViewerOptions, size: Option<[f32; 2]>) -> eframe::Result {
    let screenshot = options.screenshot.is_some();
    let size = size.unwrap_or([1440.0, 900.0]);
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("opmars — Taliban offensive, replayed from the news")
            .with_inner_size(size)
            .with_min_inner_size([900.0, 600.0])
            .with_drag_and_drop(true),
        persist_window: !screenshot,
        ..Default::default()
    };
    eframe::run_native(
        APP_NAME,
        native,
        Box::new(move |cc| Ok(Box::new(OpmarsApp::new(cc, options)))),
    )
}
