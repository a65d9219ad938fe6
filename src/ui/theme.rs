//! Colours, sizes and text for statuses and places: one place for the
//! visual vocabulary the map, legend, timeline and excerpts share.

use egui::Color32;

use crate::gazetteer::PlaceKind;
use crate::reports::Status;

/// Fill colour of a status (severity from blue to deep red).
pub fn status_color(status: Option<Status>) -> Color32 {
    match status {
        Some(Status::Captured) => Color32::from_rgb(0xB7, 0x1C, 0x1C),
        Some(Status::Claimed) => Color32::from_rgb(0xEF, 0x6C, 0x00),
        Some(Status::Contested) => Color32::from_rgb(0xF9, 0xA8, 0x25),
        Some(Status::Threatened) => Color32::from_rgb(0xFF, 0xE0, 0x66),
        Some(Status::Held) => Color32::from_rgb(0x15, 0x65, 0xC0),
        None => Color32::from_rgb(0x9E, 0x9E, 0x9E),
    }
}

/// Human wording of a status.
pub fn status_label(status: Option<Status>) -> &'static str {
    match status {
        Some(Status::Captured) => "captured",
        Some(Status::Claimed) => "claimed by the Taliban",
        Some(Status::Contested) => "contested",
        Some(Status::Threatened) => "threatened",
        Some(Status::Held) => "held by the government",
        None => "no report yet",
    }
}

/// Legend order: most severe first, then "no report".
pub const LEGEND: [Option<Status>; 6] = [
    Some(Status::Captured),
    Some(Status::Claimed),
    Some(Status::Contested),
    Some(Status::Threatened),
    Some(Status::Held),
    None,
];

/// Marker radius in points.
pub fn marker_radius(kind: PlaceKind, reported: bool) -> f32 {
    match (kind, reported) {
        (PlaceKind::Capital, _) => 6.5,
        (_, true) => 5.0,
        (_, false) => 3.5,
    }
}

/// Words for a place kind.
pub fn kind_label(kind: PlaceKind) -> &'static str {
    match kind {
        PlaceKind::Province => "province",
        PlaceKind::Capital => "provincial capital",
        PlaceKind::Place => "town",
        PlaceKind::District => "district",
        PlaceKind::Crossing => "border crossing",
        PlaceKind::Base => "airport or base",
        PlaceKind::Area => "valley or region",
    }
}

pub const LAND: Color32 = Color32::from_rgb(0xEF, 0xEA, 0xDF);
pub const AFGHAN_LAND: Color32 = Color32::from_rgb(0xFB, 0xF8, 0xF1);
pub const WATER: Color32 = Color32::from_rgb(0xC6, 0xDC, 0xEC);
pub const COUNTRY_BORDER: Color32 = Color32::from_rgb(0xA8, 0xA0, 0x92);
pub const PROVINCE_BORDER: Color32 = Color32::from_rgb(0xB9, 0xAE, 0x9C);
pub const NATIONAL_BORDER: Color32 = Color32::from_rgb(0x6D, 0x4C, 0x41);
pub const PROVINCE_LABEL: Color32 = Color32::from_rgb(0x8D, 0x7B, 0x68);
pub const COUNTRY_LABEL: Color32 = Color32::from_rgb(0x7A, 0x70, 0x62);
pub const MARKER_OUTLINE: Color32 = Color32::from_rgb(0x26, 0x26, 0x26);
pub const SELECTION: Color32 = Color32::from_rgb(0x00, 0x96, 0x88);
pub const CUE_HIGHLIGHT: Color32 = Color32::from_rgb(0xFF, 0xE0, 0x82);
pub const NAME_HIGHLIGHT: Color32 = Color32::from_rgb(0xB3, 0xE5, 0xFC);
pub const PASSAGE_HIGHLIGHT: Color32 = Color32::from_rgb(0xFF, 0xF8, 0xE1);
