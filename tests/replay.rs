//! The replay exported as an animation: `opmars --export-replay` on the
//! seeds, and the library's export with cancel. Frames are drawn offscreen
//! by the software renderer, so no display is needed.
#![cfg(feature = "viewer")]

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use opmars::article::bundled_seeds;
use opmars::corpus::Corpus;
use opmars::gazetteer::Gazetteer;
use opmars::review::{ReportFilter, ReviewFile, ReviewIndex};
use opmars::ui::map::MapSettings;
use opmars::ui::model::{MentionStats, ViewModel};
use opmars::ui::replay::{FrameRenderer, ReplayError, ReplayOptions, ReplayScene, export_replay};

fn opmars(args: &[&str], path_env: Option<&str>) -> (String, i32) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_opmars"));
    cmd.args(args);
    if let Some(p) = path_env {
        cmd.env("PATH", p);
    }
    let out = cmd.output().expect("run opmars");
    assert_ne!(out.status.code(), Some(101), "panicked");
    (
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 8, d).unwrap()
}

#[test]
fn the_seeds_replay_is_a_gif_with_one_frame_a_day_from_6_to_14_august() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.gif");
    let (err, code) = opmars(
        &[
            "--export-replay",
            out.to_str().unwrap(),
            "--size",
            "480x300",
            "--fps",
            "4",
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("9 frames"), "{err}");
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::RGBA);
    let mut decoder = options.read_info(std::fs::File::open(&out).unwrap()).unwrap();
    assert_eq!((decoder.width(), decoder.height()), (480, 300));
    assert_eq!(decoder.repeat(), gif::Repeat::Infinite);
    let mut frames = Vec::new();
    while let Some(frame) = decoder.read_next_frame().unwrap() {
        assert_eq!(frame.delay, 25, "a quarter of a second a day at 4 fps");
        frames.push(frame.buffer.to_vec());
    }
    assert_eq!(frames.len(), 9, "6 to 14 August, a frame a day");
    // Frames differ: the map changes as capitals fall.
    assert_ne!(frames[0], frames[8]);
    // The status colours are exact (the palette holds them): the captured
    // red is in the last frame.
    let red = opmars::ui::theme::status_color(Some(opmars::reports::Status::Captured));
    assert!(frames[8].chunks(4).any(|p| p[..3] == [red.r(), red.g(), red.b()]));
    assert_eq!(names(dir.path()), ["r.gif"], "no temporary file is left");
}

#[test]
fn png_frames_go_to_a_folder_and_a_bad_request_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("frames");
    let (err, code) = opmars(
        &[
            "--export-replay",
            out.to_str().unwrap(),
            "--from",
            "2021-08-12",
            "--to",
            "2021-08-14",
            "--size",
            "400x300",
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(names(&out), ["frame-00001.png", "frame-00002.png", "frame-00003.png"]);
    assert_eq!(names(dir.path()), ["frames"]);
    // A folder that holds files is not written into.
    let (err, code) = opmars(&["--export-replay", out.to_str().unwrap(), "--size", "400x300"], None);
    assert_eq!(code, 1);
    assert!(err.contains("not an empty folder"), "{err}");
    // Unknown formats and sizes are clear errors.
    let (err, code) = opmars(&["--export-replay", "/tmp/x.avi"], None);
    assert_eq!(code, 1);
    assert!(err.contains("use .gif, .mp4"), "{err}");
    let (err, code) = opmars(&["--export-replay", "/tmp/x.gif", "--size", "big"], None);
    assert_eq!(code, 1);
    assert!(err.contains("--size"), "{err}");
}

#[test]
fn mp4_without_ffmpeg_is_a_clear_error_and_with_it_a_video() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.mp4");
    let empty = tempfile::tempdir().unwrap();
    let (err, code) = opmars(
        &["--export-replay", out.to_str().unwrap(), "--size", "400x300"],
        Some(empty.path().to_str().unwrap()),
    );
    assert_eq!(code, 1);
    assert!(err.contains("MP4 export needs ffmpeg"), "{err}");
    assert!(names(dir.path()).is_empty());
    // Where ffmpeg is installed, the same export makes a video.
    let have_ffmpeg = Command::new("ffmpeg")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    if have_ffmpeg {
        let (err, code) = opmars(&["--export-replay", out.to_str().unwrap(), "--size", "400x300"], None);
        assert_eq!(code, 0, "{err}");
        let bytes = std::fs::read(&out).unwrap();
        assert_eq!(&bytes[4..8], b"ftyp", "an MP4 file");
        assert_eq!(names(dir.path()), ["r.mp4"]);
    }
}

fn seeds_scene() -> ReplayScene {
    let gaz = Gazetteer::bundled();
    let corpus = Corpus::build(bundled_seeds());
    let index = ReviewIndex::new(gaz, &corpus);
    let file = ReviewFile::default();
    let reviewed = opmars::review::apply(gaz, &corpus, &index, &file, &ReportFilter::default());
    let model = ViewModel::new(gaz, &corpus, &MentionStats::new(&corpus), &reviewed, &file);
    ReplayScene::new(
        model,
        reviewed.timeline.clone(),
        MapSettings::default(),
        corpus.articles.len(),
    )
}

#[test]
fn a_cancelled_export_leaves_nothing_behind() {
    let scene = seeds_scene();
    let dir = tempfile::tempdir().unwrap();
    for name in ["r.gif", "frames"] {
        let out = dir.path().join(name);
        let opts = ReplayOptions {
            size: [400, 300],
            ..Default::default()
        };
        let mut calls = 0;
        let result = export_replay(&scene, &out, &opts, &mut |done, total| {
            calls += 1;
            assert_eq!(total, 9);
            done < 2
        });
        assert!(matches!(result, Err(ReplayError::Cancelled)), "{result:?}");
        assert_eq!(calls, 2);
        assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
    }
}

#[test]
fn frames_show_the_capitals_falling() {
    let scene = seeds_scene();
    let mut r = FrameRenderer::new([640, 400]);
    // Pixels of the "captured" red, markers and shading.
    let red = |img: &image::RgbaImage| {
        img.pixels()
            .filter(|p| {
                let [r, g, b, _] = p.0;
                r > 150 && g < 80 && b < 80
            })
            .count()
    };
    let before = r.render(&scene, day(5));
    let first = r.render(&scene, day(6));
    let last = r.render(&scene, day(14));
    assert!(red(&before) < red(&first), "Zaranj falls on the 6th");
    assert!(red(&first) + 500 < red(&last), "{} → {}", red(&first), red(&last));
}
