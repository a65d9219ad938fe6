//! `opmars extract --review FILE`: a review file applied on the command
//! line, and its state carried by the CSV and JSON exports.

use std::process::Command;

use opmars::article::bundled_seeds;
use opmars::corpus::Corpus;
use opmars::gazetteer::Gazetteer;
use opmars::reports::Status;
use opmars::review::{Correction, Decision, Review, ReviewFile, ReviewIndex};

fn opmars(args: &[&str]) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_opmars"))
        .args(args)
        .output()
        .expect("run opmars");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// Zaranj's capture rejected, Sheberghan's corrected to a claim of the
/// 8th, and one review of a sentence no article has.
fn review_file() -> ReviewFile {
    let gaz = Gazetteer::bundled();
    let corpus = Corpus::build(bundled_seeds());
    let index = ReviewIndex::new(gaz, &corpus);
    let report = |name: &str| {
        let id = gaz.find(name).unwrap().id;
        corpus
            .distinct_reports()
            .find(|(_, r)| r.place() == id && r.status() == Status::Captured)
            .map(|(i, _)| i)
            .unwrap()
    };
    let mut file = ReviewFile::default();
    let z = report("Zaranj");
    file.set(
        &index.key_of(gaz, &corpus, z),
        Some(index.review_of(
            gaz,
            &corpus,
            z,
            Decision::Rejected,
            Correction::default(),
            "wrong".into(),
        )),
    );
    let s = report("Sheberghan");
    let correction = Correction {
        status: Some("claimed".into()),
        event_date: chrono::NaiveDate::from_ymd_opt(2021, 8, 8),
        place: None,
    };
    file.set(
        &index.key_of(gaz, &corpus, s),
        Some(index.review_of(gaz, &corpus, s, Decision::Corrected, correction, String::new())),
    );
    let orphan = Review {
        sentence: "Een zin die geen artikel heeft.".into(),
        ..file.reviews[0].clone()
    };
    file.reviews.push(orphan);
    file
}

#[test]
fn extract_applies_a_review_file_and_marks_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.json");
    std::fs::write(&path, review_file().to_bytes()).unwrap();
    let p = path.to_str().unwrap();

    let (out, err, code) = opmars(&["extract", "--format", "csv", "--review", p]);
    assert_eq!(code, 0, "{err}");
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some(
            "article,published,published_inferred,place,lat,lon,status,event_date,cue,sentence,review,review_note,engine_status,engine_event_date,engine_place"
        )
    );
    let zaranj = out.lines().find(|l| l.contains(",Zaranj,")).unwrap();
    assert!(
        zaranj.contains(",captured,2021-08-06,") && zaranj.ends_with(",rejected,wrong,,,"),
        "{zaranj}"
    );
    let sheberghan = out.lines().find(|l| l.contains(",Sheberghan,")).unwrap();
    assert!(
        sheberghan.contains(",claimed,2021-08-08,")
            && sheberghan.ends_with(",corrected,,captured,2021-08-07,Sheberghan"),
        "{sheberghan}"
    );
    assert!(
        err.contains("orphaned review") && err.contains("Een zin die geen artikel heeft."),
        "{err}"
    );

    let (out, _, code) = opmars(&["extract", "--format", "json", "--review", p]);
    assert_eq!(code, 0);
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(rows.iter().all(|r| r["review"].is_string()));
    assert!(rows.iter().any(|r| r["place"] == "Zaranj" && r["review"] == "rejected"));

    // Without --review the export is as before.
    let (out, _, _) = opmars(&["extract", "--format", "csv"]);
    assert!(out.starts_with("article,published,published_inferred,place,lat,lon,status,event_date,cue,sentence\n"));
}

#[test]
fn a_missing_or_broken_review_file_is_a_clear_error() {
    let (out, err, code) = opmars(&["extract", "--review", "/nonexistent/review.json"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains("cannot read the review file /nonexistent/review.json"),
        "{err}"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.json");
    std::fs::write(&path, "{ not json").unwrap();
    let (_, err, code) = opmars(&["extract", "--review", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("not a review file"), "{err}");
}
