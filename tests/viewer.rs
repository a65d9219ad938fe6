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
