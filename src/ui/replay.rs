//! The replay as an animation: the map with its markers, shading, the date
//! and the counters, one frame a day, written as an animated GIF, a folder
//! of numbered PNG frames, or an MP4 (through an `ffmpeg` on the PATH).
//!
//! Frames are drawn by the viewer's own code ([`map_ui`], [`date_slider`])
//! in an egui context of their own and painted by the software renderer
//! ([`SoftRenderer`]): no window, GPU or display is needed, so the same
//! export runs from the app (in the background, with progress and
//! cancel) and from `opmars --export-replay`.
//!
//! Nothing is written under the final name until it is complete: a GIF or
//! MP4 is written to a hidden temporary file beside it and renamed; PNG
//! frames go to a hidden temporary folder that becomes the folder asked
//! for (or whose frames are moved into it, when it exists and is empty).

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use chrono::{Days, NaiveDate};
use egui::{Color32, Pos2, RichText, ViewportId, vec2};

use crate::basemap::Basemap;
use crate::reports::Status;
use crate::timeline::Timeline;
use crate::ui::map::{MapSettings, MapState, map_ui};
use crate::ui::model::{DateView, ViewModel, long_date, short_date};
use crate::ui::raster::SoftRenderer;
use crate::ui::theme;
use crate::ui::timeline_panel::date_slider;

/// How the replay is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplayFormat {
    /// An animated GIF that loops.
    Gif,
    /// Numbered PNG frames (`frame-00001.png` …) in a folder.
    PngFrames,
    /// An H.264 (or the `ffmpeg` default) MP4 video, made by `ffmpeg`.
    Mp4,
}

impl ReplayFormat {
    /// The format an output path asks for: `.gif`, `.mp4`, or a folder
    /// (no extension, or an existing folder) for PNG frames.
    pub fn for_path(path: &Path) -> Result<ReplayFormat, ReplayError> {
        if path.is_dir() {
            return Ok(ReplayFormat::PngFrames);
        }
        match path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()) {
            Some(e) if e == "gif" => Ok(ReplayFormat::Gif),
            Some(e) if e == "mp4" => Ok(ReplayFormat::Mp4),
            None => Ok(ReplayFormat::PngFrames),
            Some(e) => Err(ReplayError::UnknownFormat(e)),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ReplayFormat::Gif => "animated GIF",
            ReplayFormat::PngFrames => "PNG frames in a folder",
            ReplayFormat::Mp4 => "MP4 video (needs ffmpeg)",
        }
    }
}

/// What to export.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplayOptions {
    /// First day (default: the first day with a report).
    pub from: Option<NaiveDate>,
    /// Last day (default: the last day with a report).
    pub to: Option<NaiveDate>,
    /// Frames per second: days per second, one frame a day.
    pub fps: u32,
    /// Frame size in pixels.
    pub size: [u32; 2],
}

impl Default for ReplayOptions {
    fn default() -> Self {
        ReplayOptions {
            from: None,
            to: None,
            fps: 2,
            size: [1280, 720],
        }
    }
}

/// Parses `1280x720`.
pub fn parse_size(s: &str) -> Result<[u32; 2], String> {
    let (w, h) = s
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("{s:?} is not a size like 1280x720"))?;
    let w: u32 = w
        .trim()
        .parse()
        .map_err(|_| format!("{s:?} is not a size like 1280x720"))?;
    let h: u32 = h
        .trim()
        .parse()
        .map_err(|_| format!("{s:?} is not a size like 1280x720"))?;
    if !(320..=3840).contains(&w) || !(240..=2160).contains(&h) {
        return Err(format!(
            "{w}x{h} is out of range (width 320 to 3840, height 240 to 2160)"
        ));
    }
    Ok([w, h])
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ReplayError {
    #[error(
        "MP4 export needs ffmpeg, which is not installed (or not on the PATH); install it (e.g. `apt install ffmpeg`) or export a .gif or a folder of PNG frames"
    )]
    NoFfmpeg,
    #[error("ffmpeg failed: {0}")]
    Ffmpeg(String),
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("cannot encode the animation: {0}")]
    Encode(String),
    #[error("cancelled")]
    Cancelled,
    #[error("{0}")]
    Range(String),
    #[error("{} exists and is not an empty folder; choose a new or empty folder for the frames", .0.display())]
    FolderNotEmpty(PathBuf),
    #[error("unknown replay format .{0}: use .gif, .mp4, or a folder (no extension) for PNG frames")]
    UnknownFormat(String),
    #[error("fps must be between 1 and 60")]
    Fps,
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> ReplayError + '_ {
    move |source| ReplayError::Io {
        path: path.to_owned(),
        source,
    }
}

/// What the frames show: the view model and timeline at export time.
#[derive(Clone)]
pub struct ReplayScene {
    pub model: ViewModel,
    pub timeline: Timeline,
    pub settings: MapSettings,
    /// A line under the date ("from 5 news articles").
    pub subtitle: String,
}

impl ReplayScene {
    pub fn new(model: ViewModel, timeline: Timeline, mut settings: MapSettings, articles: usize) -> ReplayScene {
        settings.online_tiles = false;
        ReplayScene {
            model,
            timeline,
            settings,
            subtitle: format!(
                "The Taliban's advance as {articles} news {} reported it · opmars",
                if articles == 1 { "article" } else { "articles" }
            ),
        }
    }

    /// The days to draw, one frame each.
    pub fn days(&self, opts: &ReplayOptions) -> Result<Vec<NaiveDate>, ReplayError> {
        let (first, last) = self
            .timeline
            .date_range()
            .ok_or_else(|| ReplayError::Range("no dated report to replay".to_owned()))?;
        let from = opts.from.unwrap_or(first);
        let to = opts.to.unwrap_or(last);
        if from > to {
            return Err(ReplayError::Range(format!("--from {from} is after --to {to}")));
        }
        let n = (to - from).num_days() + 1;
        if n > 3660 {
            return Err(ReplayError::Range(format!(
                "{n} days is too long a replay (at most ten years)"
            )));
        }
        Ok((0..n as u64)
            .filter_map(|i| from.checked_add_days(Days::new(i)))
            .collect())
    }
}

/// Draws replay frames offscreen with the viewer's drawing code.
pub struct FrameRenderer {
    ctx: egui::Context,
    raster: SoftRenderer,
    map: MapState,
    date_view: DateView,
    size: [u32; 2],
    frames: u64,
}

impl FrameRenderer {
    pub fn new(size: [u32; 2]) -> FrameRenderer {
        let ctx = egui::Context::default();
        ctx.set_visuals(egui::Visuals::light());
        crate::ui::app::install_fallback_font(&ctx);
        FrameRenderer {
            ctx,
            raster: SoftRenderer::new(),
            map: MapState::default(),
            date_view: DateView::default(),
            size,
            frames: 0,
        }
    }

    /// The frame of `date`, as straight RGBA.
    pub fn render(&mut self, scene: &ReplayScene, date: NaiveDate) -> image::RgbaImage {
        self.date_view.update(&scene.model, &scene.timeline, date);
        let [w, h] = self.size;
        let mut settings = scene.settings;
        // The first frame lays out until the overlays are measured and the
        // map is fitted around them; later frames twice (text settles).
        let first = self.frames == 0;
        let mut shapes = Vec::new();
        let mut ppp = 1.0;
        let mut pass = 0;
        while pass < 2 || (first && (pass < 4 || self.map.fit.is_some()) && pass < 16) {
            pass += 1;
            let mut input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(Pos2::ZERO, vec2(w as f32, h as f32))),
                time: Some(self.frames as f64 * 0.1),
                predicted_dt: 0.1,
                ..Default::default()
            };
            input
                .viewports
                .entry(ViewportId::ROOT)
                .or_default()
                .native_pixels_per_point = Some(1.0);
            let mut out = self.ctx.run_ui(input, |ui| {
                draw_frame(ui, scene, &self.date_view, &mut self.map, &mut settings, date);
            });
            self.frames += 1;
            self.raster.set_textures(&out.textures_delta);
            self.raster.free_textures(&out.textures_delta);
            out.textures_delta.clear();
            shapes = std::mem::take(&mut out.shapes);
            ppp = out.pixels_per_point;
        }
        let primitives = self.ctx.tessellate(shapes, ppp);
        let bytes = self
            .raster
            .paint(&primitives, ppp, w as usize, h as usize, theme::WATER);
        image::RgbaImage::from_raw(w, h, bytes).unwrap_or_else(|| image::RgbaImage::new(w, h))
    }
}

/// One replay frame: the date and counters over the map, the timeline
/// strip under it.
fn draw_frame(
    ui: &mut egui::Ui,
    scene: &ReplayScene,
    date_view: &DateView,
    map: &mut MapState,
    settings: &mut MapSettings,
    date: NaiveDate,
) {
    let captured = theme::status_color(Some(Status::Captured));
    egui::Panel::top("replay-title").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(long_date(date)).size(22.0).strong());
            ui.separator();
            ui.label(
                RichText::new(format!(
                    "{} of {} provincial capitals captured",
                    date_view.capitals_captured,
                    crate::gazetteer::PROVINCE_COUNT
                ))
                .size(17.0)
                .strong()
                .color(captured),
            );
            if scene.model.has_districts {
                ui.separator();
                ui.label(
                    RichText::new(format!("{} districts reported taken", date_view.districts_captured))
                        .size(15.0)
                        .color(captured),
                );
            }
        });
        ui.label(RichText::new(&scene.subtitle).weak());
        ui.add_space(2.0);
    });
    egui::Panel::bottom("replay-timeline").resizable(false).show(ui, |ui| {
        ui.add_space(2.0);
        let _ = date_slider(ui, &scene.model, date);
    });
    egui::CentralPanel::no_frame().show(ui, |ui| {
        let _ = map_ui(
            ui,
            map,
            Basemap::bundled(),
            &scene.model,
            date_view,
            None,
            settings,
            false,
        );
    });
}

/// The result of an export.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplaySummary {
    pub path: PathBuf,
    pub format: ReplayFormat,
    pub frames: usize,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl std::fmt::Display for ReplaySummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} ({}, {} frames, {} to {})",
            self.path.display(),
            self.format.label(),
            self.frames,
            short_date(self.first),
            long_date(self.last)
        )
    }
}

/// Exports the replay to `out` in the format its name asks for.
/// `progress(done, total)` is called after each frame; returning `false`
/// cancels (and removes everything written so far).
pub fn export_replay(
    scene: &ReplayScene,
    out: &Path,
    opts: &ReplayOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<ReplaySummary, ReplayError> {
    let format = ReplayFormat::for_path(out)?;
    if !(1..=60).contains(&opts.fps) {
        return Err(ReplayError::Fps);
    }
    let days = scene.days(opts)?;
    let (first, last) = (days[0], days[days.len() - 1]);
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    if !parent.is_dir() {
        return Err(ReplayError::Io {
            path: parent,
            source: io::Error::new(io::ErrorKind::NotFound, "no such folder"),
        });
    }
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "replay".to_owned());
    let stamp = format!("tmp-{}-{}", std::process::id(), unique());
    match format {
        ReplayFormat::Gif => {
            let tmp = parent.join(format!(".{name}.{stamp}"));
            let mut guard = TempGuard(Some(tmp.clone()));
            write_gif(scene, &days, opts, &tmp, progress)?;
            fs::rename(&tmp, out).map_err(io_err(out))?;
            guard.disarm();
        }
        ReplayFormat::PngFrames => {
            if out.exists() && fs::read_dir(out).map_err(io_err(out))?.next().is_some() {
                return Err(ReplayError::FolderNotEmpty(out.to_owned()));
            }
            let tmp = parent.join(format!(".{name}.{stamp}"));
            let _guard = TempGuard(Some(tmp.clone()));
            write_pngs(scene, &days, opts, &tmp, progress)?;
            move_frames(&tmp, out)?;
        }
        ReplayFormat::Mp4 => {
            check_ffmpeg()?;
            let frames = parent.join(format!(".{name}.{stamp}.frames"));
            let video = parent.join(format!(".{name}.{stamp}.mp4"));
            let _frames_guard = TempGuard(Some(frames.clone()));
            let mut video_guard = TempGuard(Some(video.clone()));
            write_pngs(scene, &days, opts, &frames, progress)?;
            run_ffmpeg(&frames, &video, opts.fps, progress, days.len())?;
            fs::rename(&video, out).map_err(io_err(out))?;
            video_guard.disarm();
        }
    }
    Ok(ReplaySummary {
        path: out.to_owned(),
        format,
        frames: days.len(),
        first,
        last,
    })
}

/// Removes a temporary file or folder when dropped, unless disarmed: a
/// failed, cancelled or panicking export leaves nothing behind.
struct TempGuard(Option<PathBuf>);

impl TempGuard {
    fn disarm(&mut self) {
        self.0 = None;
    }
}

impl Drop for TempGuard {
    fn drop(&mut self) {
        if let Some(p) = self.0.take() {
            if p.is_dir() {
                let _ = fs::remove_dir_all(&p);
            } else {
                let _ = fs::remove_file(&p);
            }
        }
    }
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

fn write_gif(
    scene: &ReplayScene,
    days: &[NaiveDate],
    opts: &ReplayOptions,
    tmp: &Path,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<(), ReplayError> {
    let file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(tmp)
        .map_err(io_err(tmp))?;
    let enc_err = |e: gif::EncodingError| match e {
        gif::EncodingError::Io(source) => ReplayError::Io {
            path: tmp.to_owned(),
            source,
        },
        e => ReplayError::Encode(e.to_string()),
    };
    let [w, h] = opts.size;
    let mut renderer = FrameRenderer::new(opts.size);
    // One palette for the whole replay, from the first and last frames (the
    // fewest and the most statuses), holding every status colour exactly.
    let first = renderer.render(scene, days[0]);
    let mut palette = match days.last() {
        Some(&last) if days.len() > 1 => {
            let last = renderer.render(scene, last);
            Palette::new(&[&first, &last])
        }
        _ => Palette::new(&[&first]),
    };
    {
        let mut encoder =
            gif::Encoder::new(BufWriter::new(&file), w as u16, h as u16, &palette.rgb()).map_err(enc_err)?;
        encoder.set_repeat(gif::Repeat::Infinite).map_err(enc_err)?;
        // GIF delays are in hundredths of a second.
        let delay = (100 / opts.fps.max(1)).max(2) as u16;
        let mut image = Some(first);
        for (i, &day) in days.iter().enumerate() {
            let frame_image = match image.take() {
                Some(img) => img,
                None => renderer.render(scene, day),
            };
            let frame = gif::Frame {
                width: w as u16,
                height: h as u16,
                delay,
                buffer: std::borrow::Cow::Owned(palette.indices(&frame_image)),
                ..Default::default()
            };
            encoder.write_frame(&frame).map_err(enc_err)?;
            if !progress(i + 1, days.len()) {
                return Err(ReplayError::Cancelled);
            }
        }
        encoder.into_inner().map_err(enc_err)?.flush().map_err(io_err(tmp))?;
    }
    file.sync_all().map_err(io_err(tmp))
}

/// A 256-colour palette for the replay: every colour of the theme (status
/// colours, land, water, borders, text), then the colours most frequent in
/// sample frames. Each pixel takes the nearest; lookups are cached.
struct Palette {
    colors: Vec<[u8; 3]>,
    cache: std::collections::HashMap<[u8; 3], u8>,
}

impl Palette {
    fn new(samples: &[&image::RgbaImage]) -> Palette {
        let mut colors: Vec<[u8; 3]> = Vec::with_capacity(256);
        let add = |c: [u8; 3], colors: &mut Vec<[u8; 3]>| {
            if colors.len() < 256 && !colors.contains(&c) {
                colors.push(c);
            }
        };
        let rgb = |c: Color32| [c.r(), c.g(), c.b()];
        for status in theme::LEGEND {
            add(rgb(theme::status_color(status)), &mut colors);
        }
        for c in [
            Color32::WHITE,
            Color32::BLACK,
            theme::MARKER_OUTLINE,
            theme::SELECTION,
            theme::WATER,
            theme::LAND,
            theme::AFGHAN_LAND,
            theme::COUNTRY_BORDER,
            theme::PROVINCE_BORDER,
            theme::NATIONAL_BORDER,
            theme::PROVINCE_LABEL,
            theme::COUNTRY_LABEL,
        ] {
            add(rgb(c), &mut colors);
        }
        let mut counts: std::collections::HashMap<[u8; 3], u32> = std::collections::HashMap::new();
        for img in samples {
            for p in img.pixels() {
                *counts.entry([p.0[0], p.0[1], p.0[2]]).or_default() += 1;
            }
        }
        let mut by_count: Vec<([u8; 3], u32)> = counts.into_iter().collect();
        by_count.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        // Frequent colours first, skipping near-duplicates while there is
        // a choice, so that anti-aliased ramps get their share.
        for min_distance in [48u32, 12, 0] {
            for (c, _) in &by_count {
                if colors.len() >= 256 {
                    break;
                }
                if colors.iter().all(|p| distance(*p, *c) > min_distance) {
                    add(*c, &mut colors);
                }
            }
        }
        Palette {
            colors,
            cache: std::collections::HashMap::new(),
        }
    }

    /// The palette as `r, g, b, …`.
    fn rgb(&self) -> Vec<u8> {
        self.colors.iter().flatten().copied().collect()
    }

    fn indices(&mut self, img: &image::RgbaImage) -> Vec<u8> {
        let colors = &self.colors;
        img.pixels()
            .map(|p| {
                let c = [p.0[0], p.0[1], p.0[2]];
                *self.cache.entry(c).or_insert_with(|| {
                    colors
                        .iter()
                        .enumerate()
                        .min_by_key(|(_, q)| distance(**q, c))
                        .map_or(0, |(i, _)| i as u8)
                })
            })
            .collect()
    }
}

/// Squared distance between two colours, green weighted most (as the eye
/// sees it).
fn distance(a: [u8; 3], b: [u8; 3]) -> u32 {
    let d = |i: usize| i32::from(a[i]) - i32::from(b[i]);
    (2 * d(0) * d(0) + 4 * d(1) * d(1) + 3 * d(2) * d(2)) as u32
}

fn write_pngs(
    scene: &ReplayScene,
    days: &[NaiveDate],
    opts: &ReplayOptions,
    dir: &Path,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<(), ReplayError> {
    fs::create_dir(dir).map_err(io_err(dir))?;
    let mut renderer = FrameRenderer::new(opts.size);
    for (i, &day) in days.iter().enumerate() {
        let image = renderer.render(scene, day);
        let path = dir.join(frame_name(i));
        let file = fs::File::create(&path).map_err(io_err(&path))?;
        let mut w = BufWriter::new(file);
        image
            .write_to(&mut w, image::ImageFormat::Png)
            .map_err(|e| ReplayError::Encode(e.to_string()))?;
        w.flush().map_err(io_err(&path))?;
        if !progress(i + 1, days.len()) {
            return Err(ReplayError::Cancelled);
        }
    }
    Ok(())
}

/// `frame-00001.png` for the first frame.
pub fn frame_name(i: usize) -> String {
    format!("frame-{:05}.png", i + 1)
}

/// Makes the finished frames in `tmp` the folder `out`.
fn move_frames(tmp: &Path, out: &Path) -> Result<(), ReplayError> {
    if !out.exists() {
        return fs::rename(tmp, out).map_err(io_err(out));
    }
    let mut names: Vec<PathBuf> = fs::read_dir(tmp)
        .map_err(io_err(tmp))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    names.sort();
    for from in names {
        if let Some(n) = from.file_name() {
            let to = out.join(n);
            fs::rename(&from, &to).map_err(io_err(&to))?;
        }
    }
    Ok(())
}

fn check_ffmpeg() -> Result<(), ReplayError> {
    match Command::new("ffmpeg")
        .arg("-version")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
    {
        Ok(s) if s.success() => Ok(()),
        Ok(_) => Err(ReplayError::Ffmpeg("`ffmpeg -version` failed".to_owned())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(ReplayError::NoFfmpeg),
        Err(e) => Err(ReplayError::Ffmpeg(e.to_string())),
    }
}

fn run_ffmpeg(
    frames: &Path,
    video: &Path,
    fps: u32,
    progress: &mut dyn FnMut(usize, usize) -> bool,
    total: usize,
) -> Result<(), ReplayError> {
    let mut child = Command::new("ffmpeg")
        .args(["-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-framerate"])
        .arg(fps.to_string())
        .arg("-i")
        .arg(frames.join("frame-%05d.png"))
        .args([
            "-vf",
            "pad=ceil(iw/2)*2:ceil(ih/2)*2",
            "-pix_fmt",
            "yuv420p",
            "-movflags",
            "+faststart",
        ])
        .arg(video)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => ReplayError::NoFfmpeg,
            _ => ReplayError::Ffmpeg(e.to_string()),
        })?;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                if status.success() {
                    return Ok(());
                }
                let mut err = String::new();
                if let Some(mut s) = child.stderr.take() {
                    let _ = io::Read::read_to_string(&mut s, &mut err);
                }
                return Err(ReplayError::Ffmpeg(format!(
                    "{status}: {}",
                    err.lines().last().unwrap_or("no message")
                )));
            }
            Ok(None) => {
                if !progress(total, total) {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(ReplayError::Cancelled);
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            Err(e) => return Err(ReplayError::Ffmpeg(e.to_string())),
        }
    }
}

/// A frame's average colour in a box, for tests and checks.
pub fn mean_color(image: &image::RgbaImage, x0: u32, y0: u32, x1: u32, y1: u32) -> Color32 {
    let (mut r, mut g, mut b, mut n) = (0u64, 0u64, 0u64, 0u64);
    for y in y0..y1.min(image.height()) {
        for x in x0..x1.min(image.width()) {
            let p = image.get_pixel(x, y).0;
            r += u64::from(p[0]);
            g += u64::from(p[1]);
            b += u64::from(p[2]);
            n += 1;
        }
    }
    let n = n.max(1);
    Color32::from_rgb((r / n) as u8, (g / n) as u8, (b / n) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_follow_the_name() {
        assert_eq!(
            ReplayFormat::for_path(Path::new("/tmp/r.gif")).unwrap(),
            ReplayFormat::Gif
        );
        assert_eq!(
            ReplayFormat::for_path(Path::new("/tmp/r.MP4")).unwrap(),
            ReplayFormat::Mp4
        );
        assert_eq!(
            ReplayFormat::for_path(Path::new("/nonexistent/frames")).unwrap(),
            ReplayFormat::PngFrames
        );
        assert!(ReplayFormat::for_path(Path::new("r.avi")).is_err());
        assert_eq!(parse_size("640x360").unwrap(), [640, 360]);
        assert!(parse_size("640").is_err() && parse_size("10x10").is_err());
    }
}
