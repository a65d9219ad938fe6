//! Exports: place mentions and dated capture reports as CSV, JSON and
//! GeoJSON, for QGIS (temporal controller), kepler.gl and scripts.
//!
//! All formats carry the same fields. Dates are `YYYY-MM-DD`; GeoJSON
//! features also carry `event_time` (ISO 8601 at midnight UTC), which
//! kepler.gl picks up as a time field for playback.
//!
//! With a review applied ([`report_rows_reviewed`]), rows show the
//! corrected values and carry the review: `review` (`accepted`,
//! `rejected`, `corrected` or empty), `review_note`, and the engine's own
//! reading (`engine_status`, `engine_event_date`, `engine_place`) for
//! corrected reports; rejected reports stay in the export, marked.

use std::io::{self, Write};

use serde::Serialize;

use crate::corpus::{Corpus, DatedReport};
use crate::gazetteer::Gazetteer;
use crate::review::{Decision, ReviewFile, Reviewed};

/// One place mention, flattened for export.
#[derive(Debug, Clone, Serialize)]
pub struct MentionRow<'a> {
    pub article: &'a str,
    pub surface: &'a str,
    pub place: &'a str,
    pub kind: &'static str,
    pub lat: f64,
    pub lon: f64,
    pub start: usize,
    pub end: usize,
    pub geonames_id: u64,
    pub province: &'a str,
    pub sentence: &'a str,
}

/// Every mention of every article, in article and text order.
pub fn mention_rows<'a>(gaz: &'a Gazetteer, corpus: &'a Corpus) -> Vec<MentionRow<'a>> {
    let mut out = Vec::new();
    for (a, analysis) in corpus.articles.iter().zip(&corpus.analyses) {
        for m in &analysis.mentions {
            let p = gaz.place(m.place);
            let sentence = analysis.sentences.get(m.sentence).map_or("", |s| &a.text[s.clone()]);
            out.push(MentionRow {
                article: &a.name,
                surface: &a.text[m.span.clone()],
                place: &p.name,
                kind: p.kind.as_str(),
                lat: p.lat,
                lon: p.lon,
                start: m.span.start,
                end: m.span.end,
                geonames_id: p.geonames_id,
                province: gaz.province(&p.province).map_or("", |pr| pr.name.as_str()),
                sentence,
            });
        }
    }
    out
}

/// Writes mentions as CSV with the header
/// `article,surface,place,kind,lat,lon,start,end`.
pub fn write_mentions_csv(rows: &[MentionRow<'_>], w: impl Write) -> io::Result<()> {
    let mut csv = csv::Writer::from_writer(w);
    csv.write_record(["article", "surface", "place", "kind", "lat", "lon", "start", "end"])?;
    for r in rows {
        csv.write_record([
            r.article.to_owned(),
            r.surface.to_owned(),
            r.place.to_owned(),
            r.kind.to_owned(),
            format!("{:.5}", r.lat),
            format!("{:.5}", r.lon),
            r.start.to_string(),
            r.end.to_string(),
        ])?;
    }
    csv.flush()
}

/// Writes mentions as a JSON array.
pub fn write_mentions_json(rows: &[MentionRow<'_>], w: impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(w, rows).map_err(io::Error::other)
}

/// One dated capture report, flattened for export.
#[derive(Debug, Clone, Serialize)]
pub struct ReportRow<'a> {
    pub article: &'a str,
    pub published: Option<String>,
    pub published_inferred: bool,
    pub published_basis: &'static str,
    pub place: &'a str,
    pub geonames_id: u64,
    pub kind: &'static str,
    pub province: &'a str,
    pub lat: f64,
    pub lon: f64,
    pub status: &'static str,
    pub event_date: Option<String>,
    pub date_precision: Option<&'static str>,
    pub surface: &'a str,
    pub cue: &'a str,
    pub sentence: &'a str,
    pub sentence_start: usize,
    pub sentence_end: usize,
    pub cue_start: usize,
    pub cue_end: usize,
    pub confidence: f32,
    pub hedged: bool,
    pub anaphoric: bool,
    pub url: Option<&'a str>,
    /// The analyst's decision (with a review applied).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review_note: Option<&'a str>,
    /// What the engine read, for a corrected report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub engine_status: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub engine_event_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub engine_place: Option<&'a str>,
}

/// Every distinct report (syndicated duplicates left out), in article and
/// text order.
pub fn report_rows<'a>(gaz: &'a Gazetteer, corpus: &'a Corpus) -> Vec<ReportRow<'a>> {
    corpus
        .distinct_reports()
        .map(|(_, dr)| report_row(gaz, corpus, dr))
        .collect()
}

/// [`report_rows`] with a review applied: corrected values, and every row
/// marked with its review (rejected reports included).
pub fn report_rows_reviewed<'a>(
    gaz: &'a Gazetteer,
    corpus: &'a Corpus,
    reviewed: &'a Reviewed,
    file: &'a ReviewFile,
) -> Vec<ReportRow<'a>> {
    reviewed
        .reports
        .iter()
        .enumerate()
        .filter(|(_, r)| r.duplicate_of.is_none())
        .map(|(i, dr)| {
            let mut row = report_row(gaz, corpus, dr);
            let review = reviewed
                .review
                .get(i)
                .copied()
                .flatten()
                .and_then(|k| file.reviews.get(k));
            row.review = Some(review.map_or("", |r| r.decision.as_str()));
            row.review_note = Some(review.map_or("", |r| r.note.as_str()));
            if review.is_some_and(|r| r.decision == Decision::Corrected) {
                let original = &corpus.reports[i];
                row.engine_status = Some(original.status().as_str());
                row.engine_event_date = original.date().map(|d| d.format("%Y-%m-%d").to_string());
                row.engine_place = Some(gaz.place(original.place()).name.as_str());
            }
            row
        })
        .collect()
}

fn report_row<'a>(gaz: &'a Gazetteer, corpus: &'a Corpus, dr: &DatedReport) -> ReportRow<'a> {
    let a = &corpus.articles[dr.article];
    let publ = corpus.publications[dr.article];
    let r = &dr.report;
    let p = gaz.place(r.place);
    ReportRow {
        article: &a.name,
        published: publ.date.map(|d| d.format("%Y-%m-%d").to_string()),
        published_inferred: publ.inferred,
        published_basis: publ.basis.as_str(),
        place: &p.name,
        geonames_id: p.geonames_id,
        kind: p.kind.as_str(),
        province: gaz.province(&p.province).map_or("", |pr| pr.name.as_str()),
        lat: p.lat,
        lon: p.lon,
        status: r.status.as_str(),
        event_date: dr.event.map(|e| e.date.format("%Y-%m-%d").to_string()),
        date_precision: dr.event.map(|e| precision_str(e.precision)),
        surface: &a.text[r.mention.clone()],
        cue: &a.text[r.cue.clone()],
        sentence: a.text[r.sentence.clone()].trim(),
        sentence_start: r.sentence.start,
        sentence_end: r.sentence.end,
        cue_start: r.cue.start,
        cue_end: r.cue.end,
        confidence: (r.confidence * 100.0).round() / 100.0,
        hedged: r.hedged,
        anaphoric: r.anaphoric,
        url: a.url.as_deref(),
        review: None,
        review_note: None,
        engine_status: None,
        engine_event_date: None,
        engine_place: None,
    }
}

fn precision_str(p: crate::dates::DatePrecision) -> &'static str {
    use crate::dates::DatePrecision::*;
    match p {
        Day => "day",
        PartOfDay => "part_of_day",
        Week => "week",
        Month => "month",
        Publication => "publication",
        Background => "background",
        Corpus => "corpus",
        Year => "year",
    }
}

/// Writes reports as CSV with the header
/// `article,published,published_inferred,place,lat,lon,status,event_date,cue,sentence`,
/// followed by `review,review_note,engine_status,engine_event_date,engine_place`
/// when the rows carry a review.
pub fn write_reports_csv(rows: &[ReportRow<'_>], w: impl Write) -> io::Result<()> {
    let mut csv = csv::Writer::from_writer(w);
    let reviewed = rows.iter().any(|r| r.review.is_some());
    let mut header = vec![
        "article",
        "published",
        "published_inferred",
        "place",
        "lat",
        "lon",
        "status",
        "event_date",
        "cue",
        "sentence",
    ];
    if reviewed {
        header.extend([
            "review",
            "review_note",
            "engine_status",
            "engine_event_date",
            "engine_place",
        ]);
    }
    csv.write_record(&header)?;
    for r in rows {
        let (lat, lon) = (format!("{:.5}", r.lat), format!("{:.5}", r.lon));
        let mut record = vec![
            r.article,
            r.published.as_deref().unwrap_or(""),
            if r.published_inferred { "true" } else { "false" },
            r.place,
            &lat,
            &lon,
            r.status,
            r.event_date.as_deref().unwrap_or(""),
            r.cue,
            r.sentence,
        ];
        if reviewed {
            record.extend([
                r.review.unwrap_or(""),
                r.review_note.unwrap_or(""),
                r.engine_status.unwrap_or(""),
                r.engine_event_date.as_deref().unwrap_or(""),
                r.engine_place.unwrap_or(""),
            ]);
        }
        csv.write_record(&record)?;
    }
    csv.flush()
}

/// Writes reports as a JSON array.
pub fn write_reports_json(rows: &[ReportRow<'_>], w: impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(w, rows).map_err(io::Error::other)
}

/// Writes reports as a GeoJSON FeatureCollection of Points.
pub fn write_reports_geojson(rows: &[ReportRow<'_>], w: impl Write) -> io::Result<()> {
    let features: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            let mut props = serde_json::to_value(r).unwrap_or(serde_json::Value::Null);
            if let (Some(obj), Some(d)) = (props.as_object_mut(), &r.event_date) {
                obj.insert("event_time".into(), serde_json::Value::String(format!("{d}T00:00:00Z")));
            }
            serde_json::json!({
                "type": "Feature",
                "geometry": { "type": "Point", "coordinates": [r.lon, r.lat] },
                "properties": props,
            })
        })
        .collect();
    let fc = serde_json::json!({ "type": "FeatureCollection", "features": features });
    serde_json::to_writer_pretty(w, &fc).map_err(io::Error::other)
}

/// One article with how its date is known, for `opmars articles`.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleRow<'a> {
    pub article: &'a str,
    pub title: Option<&'a str>,
    pub url: Option<&'a str>,
    pub published: Option<String>,
    pub basis: &'static str,
    pub confidence: f32,
    pub mentions: usize,
    pub reports: usize,
}

/// Every article in corpus order.
pub fn article_rows(corpus: &Corpus) -> Vec<ArticleRow<'_>> {
    corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let p = corpus.publications[i];
            ArticleRow {
                article: &a.name,
                title: a.title.as_deref(),
                url: a.url.as_deref(),
                published: p.date.map(|d| d.format("%Y-%m-%d").to_string()),
                basis: p.basis.as_str(),
                confidence: (p.confidence * 100.0).round() / 100.0,
                mentions: corpus.analyses[i].mentions.len(),
                reports: corpus.reports.iter().filter(|r| r.article == i).count(),
            }
        })
        .collect()
}

/// Writes articles as CSV with the header
/// `article,title,url,published,basis,confidence,mentions,reports`.
pub fn write_articles_csv(rows: &[ArticleRow<'_>], w: impl Write) -> io::Result<()> {
    let mut csv = csv::Writer::from_writer(w);
    csv.write_record([
        "article",
        "title",
        "url",
        "published",
        "basis",
        "confidence",
        "mentions",
        "reports",
    ])?;
    for r in rows {
        csv.write_record([
            r.article.to_owned(),
            r.title.unwrap_or_default().to_owned(),
            r.url.unwrap_or_default().to_owned(),
            r.published.clone().unwrap_or_default(),
            r.basis.to_owned(),
            format!("{:.2}", r.confidence),
            r.mentions.to_string(),
            r.reports.to_string(),
        ])?;
    }
    csv.flush()
}

/// Writes articles as a JSON array.
pub fn write_articles_json(rows: &[ArticleRow<'_>], w: impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(w, rows).map_err(io::Error::other)
}
