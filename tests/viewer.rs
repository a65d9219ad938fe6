//! The viewer driven like a user would, through egui_kittest and the
//! accessibility tree: no network (tiles off), the bundled seeds.
#![cfg(feature = "viewer")]

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use opmars::article::bundled_seeds;
use opmars::gazetteer::Gazetteer;
use opmars::ui::{OpmarsApp, ViewerOptions};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 8, d).unwrap()
}

fn harness() -> Harness<'static, OpmarsApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .with_max_steps(400)
        .with_step_dt(0.05)
        .build_eframe(|cc| {
            OpmarsApp::new(
                cc,
                ViewerOptions {
                    articles: bundled_seeds(),
                    ..Default::default()
                },
            )
        });
    h.run_steps(3);
    h
}

/// Moves the date slider through its accessibility node.
fn set_slider(h: &mut Harness<'static, OpmarsApp>, date: NaiveDate) {
    let first = h.state().date_range().0;
    let index = (date - first).num_days() as f64;
    h.get_by_label("Date").set_value_accesskit(index);
    h.run_steps(2);
    assert_eq!(h.state().date(), date);
}

#[test]
fn on_10_august_sheberghan_is_captured_and_herat_not_yet() {
    let mut h = harness();
    set_slider(&mut h, day(10));
    h.get_by_label_contains("Sheberghan, provincial capital: captured since 7 Aug");
    h.get_by_label("Herat, provincial capital: no report yet");
    assert!(
        h.query_by_label_contains("Herat, provincial capital: captured")
            .is_none()
    );
}

#[test]
fn on_14_august_mazar_is_captured_and_the_counter_agrees_with_the_engine() {
    let mut h = harness();
    set_slider(&mut h, day(14));
    h.get_by_label_contains("Mazar-i-Sharif, provincial capital: captured since 14 Aug");
    let expected = h.state().corpus().timeline.capitals_captured_at(day(14));
    assert!(
        expected >= 8,
        "the seeds report at least eight capitals taken by the 14th"
    );
    h.get_by_label(&format!("{expected} of 34 provincial capitals captured"));
    // And a day earlier the counter is lower.
    set_slider(&mut h, day(13));
    let before = h.state().corpus().timeline.capitals_captured_at(day(13));
    assert!(before < expected);
    h.get_by_label(&format!("{before} of 34 provincial capitals captured"));
}

#[test]
fn clicking_the_kandahar_marker_shows_its_excerpts() {
    let mut h = harness();
    set_slider(&mut h, day(13));
    h.get_by_label_contains("Kandahar, provincial capital").click();
    h.run_steps(3);
    let kandahar = Gazetteer::bundled().find("Kandahar").unwrap().id;
    assert_eq!(h.state().selected(), Some(kandahar));
    // An excerpt sentence, read through the accessibility tree.
    let excerpt = h.get_by_label_contains("stad Kandahar in het zuiden van Afghanistan ingenomen");
    assert!(
        excerpt
            .accesskit_node()
            .value()
            .unwrap_or_default()
            .contains("Kandahar")
    );
    h.get_by_label_contains("Reports (");
}

#[test]
fn reading_a_report_in_context_opens_the_article() {
    let mut h = harness();
    h.get_by_label_contains("Kandahar, provincial capital").click();
    h.run_steps(3);
    h.get_all_by_label("Read in context")
        .next()
        .expect("a report card")
        .click();
    h.run_steps(4);
    h.get_by_label_contains("Reader — ");
}

#[test]
fn play_advances_the_date_and_pause_stops_it() {
    let mut h = harness();
    set_slider(&mut h, day(6));
    h.state_mut().set_speed_index(5); // 16 days a second
    h.get_by_label("▶ Play").click();
    h.run_steps(4); // 0.2 s at 16 days a second
    let after = h.state().date();
    assert!(after > day(6) && after < day(12), "the date moved on: {after}");
    assert!(h.state().is_playing());
    h.get_by_label("⏸ Pause").click();
    h.run_steps(2);
    let paused = h.state().date();
    h.run_steps(20);
    assert_eq!(h.state().date(), paused);
    assert!(!h.state().is_playing());
}

#[test]
fn dragging_the_slider_moves_the_date_in_the_same_frame() {
    let mut h = harness();
    set_slider(&mut h, day(14));
    let rect = h.get_by_label("Date").rect();
    let (first, last) = h.state().date_range();
    h.get_by_label_contains("Mazar-i-Sharif, provincial capital: captured");
    h.drag_at(rect.left_center() + egui::vec2(14.0, 0.0));
    h.step();
    // The same frame already shows the map at the new date.
    assert_eq!(h.state().date(), first);
    h.get_by_label("Mazar-i-Sharif, provincial capital: no report yet");
    h.drop_at(rect.left_center() + egui::vec2(14.0, 0.0));
    h.step();
    assert_eq!(h.state().date(), first);
    h.drag_at(rect.right_center() - egui::vec2(14.0, 0.0));
    h.step();
    h.drop_at(rect.right_center() - egui::vec2(14.0, 0.0));
    h.step();
    assert_eq!(h.state().date(), last);
}

#[test]
fn keyboard_steps_and_jumps() {
    let mut h = harness();
    let (first, last) = h.state().date_range();
    h.key_press(egui::Key::Home);
    h.run_steps(2);
    assert_eq!(h.state().date(), first);
    h.key_press(egui::Key::ArrowRight);
    h.run_steps(2);
    assert_eq!(h.state().date(), first.succ_opt().unwrap());
    h.key_press(egui::Key::End);
    h.run_steps(2);
    assert_eq!(h.state().date(), last);
    h.key_press(egui::Key::ArrowLeft);
    h.run_steps(2);
    assert_eq!(h.state().date(), last.pred_opt().unwrap());
    h.key_press(egui::Key::Space);
    h.run_steps(2);
    assert!(h.state().is_playing());
}

#[test]
fn search_finds_a_place_by_a_dutch_spelling() {
    let mut h = harness();
    let field = h.get_by_role(egui::accesskit::Role::TextInput);
    field.click();
    h.run_steps(2);
    h.get_by_role(egui::accesskit::Role::TextInput).type_text("Sjeberghan");
    h.run_steps(3);
    h.get_by_label_contains("Sheberghan — provincial capital").click();
    h.run_steps(3);
    let sheberghan = Gazetteer::bundled().find("Sheberghan").unwrap().id;
    assert_eq!(h.state().selected(), Some(sheberghan));
    h.get_by_label_contains("Written in the corpus as:");
}

#[test]
fn paths_are_read_in_the_background_and_the_requested_view_follows() {
    let seeds = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .with_max_steps(400)
        .build_eframe(|cc| {
            OpmarsApp::new(
                cc,
                ViewerOptions {
                    paths: vec![seeds],
                    date: Some(day(10)),
                    select: Some("Sjeberghan".into()),
                    ..Default::default()
                },
            )
        });
    // The window is up before the articles are in.
    h.step();
    let started = std::time::Instant::now();
    while h.state().corpus().articles.is_empty() && started.elapsed() < std::time::Duration::from_secs(30) {
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.run_steps(3);
    assert_eq!(h.state().corpus().articles.len(), 5);
    assert_eq!(h.state().date(), day(10));
    assert_eq!(
        h.state().selected(),
        Gazetteer::bundled().find("Sheberghan").map(|p| p.id)
    );
    h.get_by_label_contains("Sheberghan, provincial capital: captured since 7 Aug");
    h.get_by_label_contains("Read 5 articles");
}

// ---------------------------------------------------------------------
// Overlays, fitting, districts and provinces, analyst review.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use opmars::article::Article;
use opmars::reports::Status;
use opmars::review::{Decision, ReviewFile};

fn harness_with(options: ViewerOptions) -> Harness<'static, OpmarsApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .with_max_steps(400)
        .with_step_dt(0.05)
        .build_eframe(move |cc| OpmarsApp::new(cc, options));
    h.run_steps(4);
    h
}

fn seeds_with_review(path: &std::path::Path) -> ViewerOptions {
    ViewerOptions {
        articles: bundled_seeds(),
        review_path: Some(path.to_owned()),
        ..Default::default()
    }
}

/// The report of a place's first card in the excerpt panel.
fn report_of(h: &Harness<'static, OpmarsApp>, place: &str) -> usize {
    let id = Gazetteer::bundled().find(place).unwrap().id;
    h.state().model().place(id).unwrap().reports[0]
}

/// Every marker's accessible rect lies in the map and off every overlay.
fn assert_markers_free(h: &Harness<'static, OpmarsApp>) {
    let (map, overlays) = h.state().map_layout();
    assert!(!overlays.is_empty());
    let markers: Vec<_> = h
        .get_all_by(|n| {
            const KINDS: [&str; 6] = [
                ", provincial capital:",
                ", town:",
                ", district:",
                ", border crossing:",
                ", airport or base:",
                ", valley or region:",
            ];
            n.role() == Role::Button && n.label().is_some_and(|l| KINDS.iter().any(|k| l.contains(k)))
        })
        .map(|n| (n.accesskit_node().label().unwrap_or_default(), n.rect()))
        .collect();
    let expected = h
        .state()
        .model()
        .places
        .iter()
        .filter(|p| p.kind != opmars::gazetteer::PlaceKind::Province)
        .count();
    assert_eq!(markers.len(), expected, "every place of the corpus has a marker");
    for (label, r) in &markers {
        let center = r.center();
        assert!(map.contains(center), "{label} at {center:?} is off the map {map:?}");
        for o in overlays {
            assert!(!o.contains(center), "{label} at {center:?} is under an overlay {o:?}");
        }
    }
}

#[test]
fn at_start_every_marker_is_visible_and_off_the_overlays_zaranj_included() {
    let h = harness();
    h.get_by_label_contains("Zaranj, provincial capital");
    assert_markers_free(&h);
}

#[test]
fn the_legend_collapses_fit_to_data_keeps_markers_clear_and_the_state_is_kept() {
    let mut h = harness_with(ViewerOptions {
        articles: bundled_seeds(),
        persist: true,
        ..Default::default()
    });
    h.get_by_label("Collapse the legend").click();
    h.run_steps(3);
    assert!(h.state().map_settings().legend_collapsed);
    h.get_by_label("Legend ▴");
    assert!(h.query_by_label("Status at the slider's date").is_none());
    // Zoom in, then fit to data with the F key and with the button.
    h.get_by_label("Zoom in").click();
    h.get_by_label("Zoom in").click();
    h.run_steps(3);
    assert!(h.query_by_label_contains("Zaranj, provincial capital").is_none());
    h.key_press(Key::F);
    h.run_steps(5);
    assert_markers_free(&h);
    h.get_by_label("Legend ▴").click();
    h.run_steps(3);
    h.get_by_label("Fit to data").click();
    h.run_steps(5);
    assert_markers_free(&h);
    // Other overlays collapse too.
    for overlay in [
        "Collapse the map controls",
        "Collapse the data sources",
        "Collapse the legend",
    ] {
        h.get_by_label(overlay).click();
        h.run_steps(3);
    }
    let s = h.state().map_settings();
    assert!(s.legend_collapsed && s.controls_collapsed && s.attribution_collapsed);
    h.get_by_label("Show the map controls");
    // Kept between runs: saved and restored through eframe's storage.
    let storage: &'static mut MemoryStorage = Box::leak(Box::default());
    eframe::App::save(h.state_mut(), storage);
    let storage: &'static MemoryStorage = storage;
    let mut h2 = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .build_eframe(move |cc| {
            cc.storage = Some(storage);
            OpmarsApp::new(
                cc,
                ViewerOptions {
                    articles: bundled_seeds(),
                    persist: true,
                    ..Default::default()
                },
            )
        });
    h2.run_steps(4);
    let s = h2.state().map_settings();
    assert!(s.legend_collapsed && s.controls_collapsed && s.attribution_collapsed);
    h2.get_by_label("Legend ▴");
    assert_markers_free(&h2);
}

#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

/// Two districts taken, a province taken whose capital nobody mentions,
/// and fighting in a capital whose province nobody names.
fn districts_and_provinces() -> Vec<Article> {
    vec![
        Article::from_plain_text(
            "a.txt",
            "date 2021-08-15\nDe Taliban namen gisteren het district Shindand in. Ook het district Karukh viel gisteren in handen van de Taliban. De Taliban hebben zaterdag de hele provincie Helmand veroverd. In Kandahar wordt gevochten.\n"
                .into(),
        )
        .unwrap(),
    ]
}

#[test]
fn districts_are_small_markers_with_a_counter_and_a_toggle() {
    let mut h = harness_with(ViewerOptions {
        articles: districts_and_provinces(),
        ..Default::default()
    });
    set_slider(&mut h, day(14));
    h.get_by_label("Shindand, district: captured since 14 Aug");
    h.get_by_label("2 districts reported taken");
    h.get_by_label("0 of 34 provincial capitals captured");
    set_slider(&mut h, day(13));
    h.get_by_label("0 districts reported taken");
    // View → Districts, crossings and bases: off, and back on.
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Districts, crossings and bases").click();
    h.run_steps(3);
    assert!(!h.state().map_settings().show_sites);
    assert!(h.query_by_label_contains("Shindand, district").is_none());
    h.state_mut().set_date(day(14));
    h.run_steps(2);
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Districts, crossings and bases").click();
    h.run_steps(3);
    assert!(h.state().map_settings().show_sites);
    h.get_by_label_contains("Shindand, district");
}

#[test]
fn provinces_are_shaded_by_their_own_status_else_their_capital_and_can_be_selected() {
    let mut h = harness_with(ViewerOptions {
        articles: districts_and_provinces(),
        ..Default::default()
    });
    set_slider(&mut h, day(15));
    let gaz = Gazetteer::bundled();
    let helmand = gaz.provinces().find(|p| p.province == "AF-HEL").map(|p| p.id).unwrap();
    assert_eq!(gaz.place(helmand).kind, opmars::gazetteer::PlaceKind::Province);
    // Shading: Helmand by its own report, Kandahar province by its capital.
    let tl = &h.state().reviewed().timeline;
    assert_eq!(tl.status_at(helmand, day(15)).map(|c| c.status), Some(Status::Captured));
    // Selecting a province by search shows its reports.
    h.get_by_role(Role::TextInput).click();
    h.run_steps(2);
    h.get_by_role(Role::TextInput).type_text("Helmand");
    h.run_steps(3);
    h.get_by_label_contains("Helmand — province").click();
    h.run_steps(3);
    assert_eq!(h.state().selected(), Some(helmand));
    h.get_by_label("Reports (1)");
    h.get_by_label_contains("de hele provincie Helmand veroverd");
    // Clicking the province on the map selects it too.
    h.state_mut().select(None);
    h.run_steps(2);
    assert_eq!(h.state().selected(), None);
    let label = opmars::basemap::Basemap::bundled()
        .provinces
        .iter()
        .find(|p| p.iso == "AF-HEL")
        .map(|p| p.label)
        .unwrap();
    let pos = h.state().screen_position(label.0, label.1).unwrap();
    click_at(&mut h, pos);
    assert_eq!(h.state().selected(), Some(helmand));
    h.get_by_label("Reports (1)");
}

fn click_at(h: &mut Harness<'static, OpmarsApp>, pos: egui::Pos2) {
    h.event(egui::Event::PointerMoved(pos));
    h.step();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::default(),
        });
        h.step();
    }
    h.run_steps(2);
}

#[test]
fn reports_are_rejected_accepted_corrected_undone_and_the_review_is_applied_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(opmars::review::REVIEW_FILE_NAME);
    let mut h = harness_with(seeds_with_review(&path));
    set_slider(&mut h, day(14));
    let captured = h.state().corpus().timeline.capitals_captured_at(day(14));
    let zaranj = report_of(&h, "Zaranj");

    // Reject Zaranj's report: it leaves the map, stays listed, struck.
    h.get_by_label_contains("Zaranj, provincial capital").click();
    h.run_steps(3);
    h.get_by_label("✖ Reject").click();
    h.run_steps(3);
    assert_eq!(h.state().decision(zaranj), Some(Decision::Rejected));
    h.get_by_label("Zaranj, provincial capital: no report yet");
    h.get_by_label(&format!("{} of 34 provincial capitals captured", captured - 1));
    h.get_by_label("✖ Rejected: not on the map");
    h.get_by_label("Reports (1)");
    let saved = ReviewFile::load(&path).unwrap();
    assert_eq!(saved.reviews.len(), 1);
    assert_eq!(saved.reviews[0].decision, Decision::Rejected);

    // Undo and redo.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(h.state().decision(zaranj), None);
    h.get_by_label("Zaranj, provincial capital: captured since 6 Aug");
    assert!(ReviewFile::load(&path).unwrap().reviews.is_empty());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(3);
    assert_eq!(h.state().decision(zaranj), Some(Decision::Rejected));

    // Accept Kandahar's first report.
    let kandahar = report_of(&h, "Kandahar");
    h.get_by_label_contains("Kandahar, provincial capital").click();
    h.run_steps(3);
    h.get_all_by_label("✔ Accept").next().unwrap().click();
    h.run_steps(3);
    assert_eq!(h.state().decision(kandahar), Some(Decision::Accepted));
    h.get_by_label("✔ Accepted");

    // Correct Sheberghan's: claimed, on the 8th, with a note.
    let sheberghan = report_of(&h, "Sheberghan");
    h.get_by_label_contains("Sheberghan, provincial capital").click();
    h.run_steps(3);
    h.get_by_label("✎ Correct…").click();
    h.run_steps(3);
    h.get_by_role_and_label(Role::RadioButton, "claimed by the Taliban")
        .click();
    h.run_steps(2);
    h.get_by_label("Event date").click();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Event date").type_text("2021-08-08");
    h.run_steps(2);
    h.get_by_label("Note").click();
    h.run_steps(1);
    h.get_by_label("Note").type_text("only the Taliban say so");
    h.run_steps(2);
    h.get_by_label("Save review").click();
    h.run_steps(3);
    assert_eq!(h.state().decision(sheberghan), Some(Decision::Corrected));
    h.get_by_label("Sheberghan, provincial capital: claimed by the Taliban since 8 Aug");
    h.get_by_label("Note: only the Taliban say so");
    h.get_by_label_contains("the engine read: captured, 7 Aug, Sheberghan");
    drop(h);

    // A new window on the same articles finds the review applied.
    let mut h = harness_with(seeds_with_review(&path));
    set_slider(&mut h, day(14));
    assert_eq!(h.state().decision(zaranj), Some(Decision::Rejected));
    assert_eq!(h.state().decision(kandahar), Some(Decision::Accepted));
    assert_eq!(h.state().decision(sheberghan), Some(Decision::Corrected));
    h.get_by_label("Zaranj, provincial capital: no report yet");
    h.get_by_label("Sheberghan, provincial capital: claimed by the Taliban since 8 Aug");
    assert!(h.state().reviewed().orphans.is_empty());
    // The previous version of the file is the backup.
    assert!(
        dir.path()
            .join(format!("{}.bak", opmars::review::REVIEW_FILE_NAME))
            .exists()
    );
}

#[test]
fn a_review_file_changed_by_another_window_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(opmars::review::REVIEW_FILE_NAME);
    let mut a = harness_with(seeds_with_review(&path));
    let mut b = harness_with(seeds_with_review(&path));
    for h in [&mut a, &mut b] {
        h.get_by_label_contains("Zaranj, provincial capital").click();
        h.run_steps(3);
    }
    a.get_by_label("✖ Reject").click();
    a.run_steps(3);
    b.get_by_label("✔ Accept").click();
    b.run_steps(3);
    // The second window finds the file changed: it asks, and writes nothing.
    assert!(b.state().review_trouble().is_some());
    assert_eq!(ReviewFile::load(&path).unwrap().reviews[0].decision, Decision::Rejected);
    b.get_by_label("Keep mine").click();
    b.run_steps(3);
    assert!(b.state().review_trouble().is_none());
    assert_eq!(ReviewFile::load(&path).unwrap().reviews[0].decision, Decision::Accepted);
}

#[test]
fn a_save_interrupted_between_write_and_rename_leaves_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(opmars::review::REVIEW_FILE_NAME);
    let mut h = harness_with(seeds_with_review(&path));
    h.get_by_label_contains("Zaranj, provincial capital").click();
    h.run_steps(3);
    h.get_by_label("✖ Reject").click();
    h.run_steps(3);
    let before = std::fs::read(&path).unwrap();
    // What the app saves, saved again with a failure injected after the
    // temporary file is written and flushed, before the rename.
    let (mut store, read) = opmars::review::ReviewStore::open(&path);
    let mut file = read.unwrap();
    file.reviews[0].decision = Decision::Accepted;
    let err = store
        .save_with(&file, false, &mut |stage| match stage {
            opmars::review::SaveStage::Written => Err(std::io::Error::other("injected crash")),
            _ => Ok(()),
        })
        .unwrap_err();
    assert!(err.to_string().contains("injected crash"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, [opmars::review::REVIEW_FILE_NAME]);
    // And the app reloading it finds the old review.
    drop(h);
    let h = harness_with(seeds_with_review(&path));
    assert_eq!(h.state().decision(report_of(&h, "Zaranj")), Some(Decision::Rejected));
}

#[test]
fn the_filter_hides_hedged_and_low_confidence_reports() {
    let mut h = harness();
    set_slider(&mut h, day(14));
    let total: usize = h.state().model().places.iter().map(|p| p.reports.len()).sum();
    h.state_mut().set_filter(opmars::review::ReportFilter {
        hide_hedged: true,
        min_confidence: 1.01,
    });
    h.run_steps(2);
    let shown: usize = h.state().model().places.iter().map(|p| p.reports.len()).sum();
    assert!(total > 0 && shown == 0, "{total} → {shown}");
    h.get_by_label("0 of 34 provincial capitals captured");
}

#[test]
fn labels_and_province_names_never_overlap() {
    let mut h = harness();
    set_slider(&mut h, day(14));
    h.run_steps(4);
    for zoom_ins in 0..3 {
        if zoom_ins > 0 {
            h.get_by_label("Zoom in").click();
            h.run_steps(3);
        }
        let labels = h.state().label_rects().to_vec();
        // Zoomed in, fewer places are in view.
        let least = if zoom_ins == 0 { 12 } else { 3 };
        assert!(labels.len() >= least, "{} labels after {zoom_ins} zooms", labels.len());
        for (i, a) in labels.iter().enumerate() {
            for b in &labels[i + 1..] {
                assert!(!a.intersects(*b), "{a:?} overlaps {b:?} after {zoom_ins} zooms");
            }
        }
    }
}

#[test]
fn file_export_replay_opens_its_dialog() {
    let mut h = harness();
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Export replay…").click();
    h.run_steps(3);
    h.get_by_role_and_label(Role::RadioButton, "animated GIF");
    h.get_by_role_and_label(Role::RadioButton, "MP4 video (needs ffmpeg)");
    h.get_by_role_and_label(Role::RadioButton, "PNG frames in a folder");
    h.get_by_label("Export…");
}

/// Articles that disagree about the day Kunduz fell: the map shows the
/// consensus, the excerpt panel says how the reports differ.
#[test]
fn the_excerpt_panel_shows_when_reports_disagree_about_a_day() {
    let a = |name: &str, text: &str| Article::from_plain_text(name, text.to_owned()).unwrap();
    let mut h = harness_with(ViewerOptions {
        articles: vec![
            a(
                "a.txt",
                "date 2021-08-09\nGisteren viel Kunduz in handen van de Taliban.",
            ),
            a("b.txt", "date 2021-08-09\nDe Taliban hebben Kunduz gisteren veroverd."),
            a(
                "c.txt",
                "date 2021-08-10\nKunduz werd gisteren door de Taliban ingenomen.",
            ),
            a("d.txt", "date 2021-08-10\nIn Herat wordt hevig gevochten."),
        ],
        ..Default::default()
    });
    set_slider(&mut h, day(8));
    h.get_by_label_contains("Kunduz, provincial capital").click();
    h.run_steps(3);
    h.get_by_label("Dates differ between reports");
    h.get_by_label("captured: 2 reports say 8 Aug, 1 says 9 Aug; the map uses 8 Aug");
    // Herat's single report disagrees with nothing.
    h.get_by_label_contains("Herat, provincial capital").click();
    h.run_steps(3);
    assert!(h.query_by_label("Dates differ between reports").is_none());
}
