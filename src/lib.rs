//! opmars: turns news reports of a military advance into a map you can
//! replay.
//!
//! The crate has two halves. The *engine* is plain data and pure functions,
//! free of any GUI type:
//!
//! * [`article`] — articles and their stated dates; [`input`] reads them;
//! * [`text`] — tokenising and spelling-insensitive folding;
//! * [`gazetteer`] — the bundled Afghan gazetteer;
//! * [`sentences`], [`geoparse`] — sentences and place mentions;
//! * [`dates`] — time expressions and their resolution;
//! * [`reports`] — capture reports from cue lexicons;
//! * [`corpus`] — analysis of a set of articles; [`dating`] — their
//!   publication dates, inferred jointly;
//! * [`timeline`] — each place's status at any day;
//! * [`review`] — an analyst's accepted, rejected and corrected reports,
//!   saved safely and applied again on every load;
//! * [`export`] — JSON, GeoJSON and CSV;
//! * [`score`] — the engine measured against a gold table.
//!
//! The *viewer* ([`ui`]) draws what the engine produced.

pub mod article;
pub mod basemap;
pub mod clauses;
pub mod corpus;
pub mod dates;
pub mod dating;
pub mod export;
pub mod gazetteer;
pub mod geoparse;
pub mod input;
pub mod lexicon;
pub mod reports;
pub mod review;
pub mod score;
pub mod sentences;
pub mod status_rules;
pub mod synth;
pub mod text;
pub mod timeline;
#[cfg(feature = "viewer")]
pub mod ui;
