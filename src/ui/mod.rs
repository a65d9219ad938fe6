//! The viewer: an eframe/egui window with a walkers map, a timeline and
//! linked article excerpts. It only draws what the engine produced.
//!
//! One module per panel ([`map`], [`timeline_panel`], [`excerpts`],
//! [`articles`], [`reader`]); [`app`] holds all state in one struct;
//! [`model`] is the precomputed view model; [`theme`] the shared colours.

pub mod app;
pub mod articles;
pub mod excerpts;
pub mod map;
pub mod model;
pub mod raster;
pub mod reader;
pub mod theme;
pub mod timeline_panel;

pub use app::{OpmarsApp, ScreenshotResult, ViewerOptions};

/// Window title and storage key.
pub const APP_NAME: &str = "opmars";

/// When the process started, for `OPMARS_STARTUP_TIMING=1`.
pub static PROCESS_START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Opens the viewer window and runs until it is closed.
pub fn run(options: ViewerOptions) -> eframe::Result {
    let screenshot = options.screenshot.is_some();
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("opmars — Taliban offensive, replayed from the news")
            .with_inner_size([1440.0, 900.0])
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
