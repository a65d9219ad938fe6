//! The acceptance points of the engine issues, on the bundled seeds, through
//! the library and through the `opmars` command line.

use std::collections::BTreeSet;
use std::process::Command;

use chrono::NaiveDate;
use opmars::article::bundled_seeds;
use opmars::corpus::Corpus;
use opmars::export;
use opmars::gazetteer::Gazetteer;
use opmars::reports::Status;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 8, d).unwrap()
}

/// Every (article prefix, surface, place, kind) the seeds contain.
const EXPECTED_MENTIONS: &[(&str, &str, &str, &str)] = &[
    ("000", "Kabul", "Kabul", "capital"),
    ("000", "Herat", "Herat", "capital"),
    ("000", "Kandahar", "Kandahar", "capital"),
    ("001", "Kandahar", "Kandahar", "capital"),
    ("001", "Kabul", "Kabul", "capital"),
    ("001", "Tarin Kowt", "Tarinkot", "capital"),
    ("001", "Uruzgan", "Uruzgan", "province"),
    ("001", "Lashkar Gah", "Lashkar Gah", "capital"),
    ("001", "Helmand", "Helmand", "province"),
    ("001", "Herat", "Herat", "capital"),
    ("001", "Ghazni", "Ghazni", "capital"),
    ("002", "Kandahar", "Kandahar", "capital"),
    ("002", "Kaboel", "Kabul", "capital"),
    ("002", "Kabul", "Kabul", "capital"),
    ("002", "Herat", "Herat", "capital"),
    ("003", "Mazar-i-Sharif", "Mazar-i-Sharif", "capital"),
    ("003", "Balch", "Balkh", "province"),
    ("003", "Kabul", "Kabul", "capital"),
    ("003", "Kandahar", "Kandahar", "capital"),
    ("003", "Pul-e-Alam", "Pul-e Alam", "capital"),
    ("003", "Maidan Sharm", "Maidan Shahr", "capital"),
    ("004", "Sjeberghan", "Sheberghan", "capital"),
    ("004", "Jowzjan", "Jowzjan", "province"),
    ("004", "Jawzjan", "Jowzjan", "province"),
    ("004", "Sheberghan", "Sheberghan", "capital"),
    ("004", "Zaranj", "Zaranj", "capital"),
    ("004", "Nimruz", "Nimruz", "province"),
    ("004", "Kabul", "Kabul", "capital"),
];

#[test]
fn mentions_find_every_afghan_place_under_every_spelling_and_nothing_else() {
    let g = Gazetteer::bundled();
    let corpus = Corpus::build(bundled_seeds());
    let rows = export::mention_rows(g, &corpus);
    let found: BTreeSet<(String, String, String, String)> = rows
        .iter()
        .map(|r| {
            (
                r.article[..3].to_owned(),
                r.surface.to_owned(),
                r.place.to_owned(),
                r.kind.to_owned(),
            )
        })
        .collect();
    let expected: BTreeSet<(String, String, String, String)> = EXPECTED_MENTIONS
        .iter()
        .map(|(a, s, p, k)| ((*a).to_owned(), (*s).to_owned(), (*p).to_owned(), (*k).to_owned()))
        .collect();
    assert_eq!(found, expected);
    // Offsets point at the surface in the file.
    for (a, r) in corpus
        .articles
        .iter()
        .flat_map(|a| std::iter::repeat(a).zip(rows.iter().filter(move |r| r.article == a.name)))
    {
        assert_eq!(&a.text[r.start..r.end], r.surface);
    }
    // People and foreign places are never taken for places.
    for never in [
        "Ismail Khan",
        "Ghani",
        "Pakistan",
        "Oezbekistan",
        "Qatar",
        "Iran",
        "Koeweit",
        "Washington",
    ] {
        assert!(!rows.iter().any(|r| r.surface.contains(never)), "{never}");
    }
}

fn dated(corpus: &Corpus, place: &str, status: Status) -> Vec<NaiveDate> {
    let g = Gazetteer::bundled();
    corpus
        .distinct_reports()
        .filter(|(_, r)| g.place(r.place()).name == place && r.status() == status)
        .filter_map(|(_, r)| r.date())
        .collect()
}

#[test]
fn extract_reports_the_captures_with_their_dates() {
    let corpus = Corpus::build(bundled_seeds());
    let expect = [
        ("Zaranj", day(6)),
        ("Sheberghan", day(7)),
        ("Herat", day(12)),
        ("Ghazni", day(12)),
        ("Lashkar Gah", day(13)),
        ("Mazar-i-Sharif", day(14)),
        ("Pul-e Alam", day(14)),
    ];
    for (place, date) in expect {
        let dates = dated(&corpus, place, Status::Captured);
        assert!(dates.contains(&date), "{place}: {dates:?}");
        assert!(dates.iter().all(|d| *d == date), "{place}: {dates:?}");
    }
    let kandahar = dated(&corpus, "Kandahar", Status::Captured);
    assert!(kandahar.contains(&day(13)), "{kandahar:?}");
    assert!(kandahar.iter().all(|d| *d == day(12) || *d == day(13)), "{kandahar:?}");
    for threatened in ["Tarinkot", "Kabul"] {
        assert!(
            !dated(&corpus, threatened, Status::Threatened).is_empty(),
            "{threatened}"
        );
        assert!(
            dated(&corpus, threatened, Status::Captured).is_empty(),
            "{threatened} captured"
        );
        assert!(
            dated(&corpus, threatened, Status::Claimed).is_empty(),
            "{threatened} claimed"
        );
    }
    assert!(!dated(&corpus, "Maidan Shahr", Status::Contested).is_empty());
    assert!(dated(&corpus, "Maidan Shahr", Status::Captured).is_empty());
    // Every seed gets a publication date.
    assert!(corpus.publications.iter().all(|p| p.date.is_some()));
}

#[test]
fn the_timeline_counts_capitals() {
    let corpus = Corpus::build(bundled_seeds());
    let t = &corpus.timeline;
    assert_eq!(t.capitals_captured_at(day(5)), 0);
    assert_eq!(t.capitals_captured_at(day(6)), 1);
    assert_eq!(t.capitals_captured_at(day(7)), 2);
    assert_eq!(t.capitals_captured_at(day(14)), 8);
}

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

#[test]
fn cli_mentions_csv_header_and_rows() {
    let (out, _, code) = opmars(&["mentions", "--format", "csv"]);
    assert_eq!(code, 0);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("article,surface,place,kind,lat,lon,start,end"));
    assert!(lines.any(|l| l.starts_with("004_d9d3ac52fb533a78.txt,Sjeberghan,Sheberghan,capital,")));
}

#[test]
fn cli_extract_csv_geojson_json() {
    let (out, _, code) = opmars(&["extract", "--format", "csv"]);
    assert_eq!(code, 0);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("article,published,published_inferred,place,lat,lon,status,event_date,cue,sentence")
    );
    assert!(out.contains(",Zaranj,") && out.contains(",captured,2021-08-06,"));

    let (out, _, code) = opmars(&["extract", "--format", "geojson"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid GeoJSON");
    assert_eq!(v["type"], "FeatureCollection");
    let f = &v["features"][0];
    assert_eq!(f["geometry"]["type"], "Point");
    assert!(f["properties"]["event_date"].is_string() && f["properties"]["status"].is_string());
    assert!(f["properties"]["event_time"].as_str().unwrap().ends_with("T00:00:00Z"));

    let (out, _, code) = opmars(&["extract", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert!(v.as_array().is_some_and(|a| !a.is_empty()));
}

#[test]
fn cli_extract_writes_to_a_file_and_reads_a_folder() {
    let dir = std::env::temp_dir().join(format!("opmars-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out_file = dir.join("reports.csv");
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let (_, _, code) = opmars(&[
        "extract",
        seeds,
        "--format",
        "csv",
        "--output",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    let written = std::fs::read_to_string(&out_file).unwrap();
    let (bundled, _, _) = opmars(&["extract", "--format", "csv"]);
    assert_eq!(written, bundled, "reading seeds/ from disk equals the bundled copy");
    let _ = std::fs::remove_dir_all(&dir);
}
