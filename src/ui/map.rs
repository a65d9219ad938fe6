//! The map panel: a walkers map with the bundled basemap, optional online
//! or PMTiles background, status-coloured markers, labels and legend.
//!
//! walkers gives the slippy-map mechanics (pan, zoom, tiles, projection);
//! everything opmars draws goes through two plugins: [`BasemapPlugin`]
//! (provinces, countries, shading) and [`MarkersPlugin`] (markers, labels,
//! hit-testing). walkers has no notion of a clickable marker, so markers are
//! hit-tested here through the [`Projector`]: each visible marker gets an
//! interactive rect at its projected position (which also gives it an
//! accessible label for screen readers and tests), and a click on the bare
//! map selects the nearest marker within reach, else the province under
//! the pointer.
//!
//! Overlays (zoom controls, legend, attribution) can each be collapsed and
//! are measured every frame; "Fit to data" fits every marker into the part
//! of the map no overlay covers ([`fit_view`]). Labels are placed most
//! important first and never overlap: marker labels, then province names,
//! then country names, each dropped when no free spot is left.

use egui::{
    Align2, Color32, CornerRadius, FontId, Mesh, Pos2, Rect, Response, Sense, Shape, Stroke, Ui, Vec2, WidgetInfo,
    pos2, vec2,
};
use walkers::{MapMemory, Plugin, Position, Projector, Tiles, lon_lat};

use crate::basemap::{Basemap, Region, Unit, mercator_unit};
use crate::gazetteer::{PlaceId, PlaceKind};
use crate::reports::Status;
use crate::ui::model::{DateView, ViewModel, short_date};
use crate::ui::theme;

/// A linear map from Mercator units to screen points, valid for one frame.
#[derive(Debug, Clone, Copy)]
pub struct UnitToScreen {
    scale: [f64; 2],
    offset: [f64; 2],
}

impl UnitToScreen {
    /// Derives the map from two projected reference points (Web Mercator is
    /// linear in Mercator units, so two points fix it exactly).
    pub fn from_projector(projector: &Projector) -> Self {
        let (a, b) = ((60.0, 29.0), (75.0, 39.0));
        let pa = projector.project(lon_lat(a.0, a.1));
        let pb = projector.project(lon_lat(b.0, b.1));
        let ua = mercator_unit(a.0, a.1);
        let ub = mercator_unit(b.0, b.1);
        let sx = f64::from(pb.x - pa.x) / (ub[0] - ua[0]);
        let sy = f64::from(pb.y - pa.y) / (ub[1] - ua[1]);
        UnitToScreen {
            scale: [sx, sy],
            offset: [f64::from(pa.x) - ua[0] * sx, f64::from(pa.y) - ua[1] * sy],
        }
    }

    #[inline]
    pub fn apply(&self, u: Unit) -> Pos2 {
        pos2(
            (u[0] * self.scale[0] + self.offset[0]) as f32,
            (u[1] * self.scale[1] + self.offset[1]) as f32,
        )
    }
}

/// Display options of the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct MapSettings {
    pub shade_provinces: bool,
    pub show_labels: bool,
    pub show_legend: bool,
    pub online_tiles: bool,
    /// Districts, border crossings, bases and areas as small markers.
    pub show_sites: bool,
    pub legend_collapsed: bool,
    pub controls_collapsed: bool,
    pub attribution_collapsed: bool,
}

impl Default for MapSettings {
    fn default() -> Self {
        MapSettings {
            shade_provinces: true,
            show_labels: true,
            show_legend: true,
            online_tiles: false,
            show_sites: true,
            legend_collapsed: false,
            controls_collapsed: false,
            attribution_collapsed: false,
        }
    }
}

/// What a pending fit fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FitTarget {
    /// Every marker, into the part of the map no overlay covers.
    Data,
    /// Afghanistan's outline.
    Afghanistan,
}

/// A fit to run over the next frames (overlays are measured as they are
/// drawn, so the fit is redone until they have settled).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FitRequest {
    pub target: FitTarget,
    /// Frames left to redo it on.
    pub frames: u8,
    /// Keep the current view if every marker is already in view.
    pub only_if_needed: bool,
}

impl FitRequest {
    pub fn data() -> Self {
        FitRequest {
            target: FitTarget::Data,
            frames: 6,
            only_if_needed: false,
        }
    }

    pub fn afghanistan() -> Self {
        FitRequest {
            target: FitTarget::Afghanistan,
            frames: 6,
            only_if_needed: false,
        }
    }
}

/// Map state that persists between frames.
pub struct MapState {
    pub memory: MapMemory,
    /// Online or PMTiles background, when enabled.
    pub tiles: Option<Box<dyn Tiles>>,
    /// Attribution line for the background tiles.
    pub tiles_attribution: Option<(&'static str, &'static str)>,
    /// A fit to do on the next frames.
    pub fit: Option<FitRequest>,
    /// Centre on this position on the next frame.
    pub center_pending: Option<(f64, f64, Option<f64>)>,
    /// The map's rect and the overlays' rects, as last drawn.
    pub map_rect: Rect,
    pub overlays: Vec<Rect>,
    /// Reused buffers.
    scratch: MarkerScratch,
}

impl MapState {
    /// The labels placed in the last frame (marker labels, province and
    /// country names).
    pub fn label_rects(&self) -> &[Rect] {
        &self.scratch.label_rects
    }

    /// Where a longitude/latitude lies on screen, as of the last frame.
    pub fn screen_position(&self, lon: f64, lat: f64) -> Option<Pos2> {
        let center = self.memory.detached()?;
        if !self.map_rect.is_positive() {
            return None;
        }
        let world = 256.0 * self.memory.zoom().exp2();
        let c = mercator_unit(center.x(), center.y());
        let u = mercator_unit(lon, lat);
        Some(pos2(
            self.map_rect.center().x + ((u[0] - c[0]) * world) as f32,
            self.map_rect.center().y + ((u[1] - c[1]) * world) as f32,
        ))
    }
}

impl Default for MapState {
    fn default() -> Self {
        MapState {
            memory: MapMemory::default(),
            tiles: None,
            tiles_attribution: None,
            fit: Some(FitRequest::data()),
            center_pending: None,
            map_rect: Rect::NOTHING,
            overlays: Vec::new(),
            scratch: MarkerScratch::default(),
        }
    }
}

#[derive(Default)]
struct MarkerScratch {
    visible: Vec<(usize, Pos2)>,
    singles: Vec<(usize, Pos2)>,
    keyed: Vec<((i32, i32), usize, Pos2)>,
    clusters: Vec<Cluster>,
    label_rects: Vec<Rect>,
    marker_rects: Vec<Rect>,
}

/// What the user did on the map this frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MapAction {
    Select(PlaceId),
    ClearSelection,
    /// Zoom in on a cluster.
    ZoomTo {
        lon: f64,
        lat: f64,
        zoom: f64,
    },
}

/// Centre of Afghanistan, the map's home position.
pub fn home_position() -> Position {
    lon_lat(66.0, 33.9)
}

/// The zoom that fits Afghanistan into a view of `size` points.
pub fn fit_zoom(basemap: &Basemap, size: Vec2) -> f64 {
    let (w, s, e, n) = basemap.afghanistan_bounds;
    let a = mercator_unit(w, n);
    let b = mercator_unit(e, s);
    let dx = (b[0] - a[0]).max(1e-9);
    let dy = (b[1] - a[1]).max(1e-9);
    let world = (f64::from(size.x.max(100.0)) * 0.92 / dx).min(f64::from(size.y.max(100.0)) * 0.92 / dy);
    (world / 256.0).log2().clamp(2.0, 18.0)
}

/// Longitude/latitude of a point in normalised Web Mercator.
pub fn unit_lon_lat(u: Unit) -> (f64, f64) {
    let lon = u[0] * 360.0 - 180.0;
    let lat = (std::f64::consts::PI * (1.0 - 2.0 * u[1])).sinh().atan().to_degrees();
    (lon, lat)
}

/// Room kept around the markers when fitting, in points (a capital's
/// ring and the selection circle).
const FIT_PADDING: f32 = 16.0;
/// The closest a fit zooms in (a corpus about one town).
const FIT_MAX_ZOOM: f64 = 10.0;

/// The largest part of `map` that none of `overlays` covers, for data of
/// `aspect` (width over height in Mercator units): the rectangle between
/// overlay edges in which the data come out largest.
pub fn free_rect(map: Rect, overlays: &[Rect], aspect: f64) -> Rect {
    let obstacles: Vec<Rect> = overlays
        .iter()
        .map(|o| o.expand(4.0).intersect(map))
        .filter(|o| o.is_positive())
        .collect();
    let mut lefts = vec![map.left()];
    let mut rights = vec![map.right()];
    let mut tops = vec![map.top()];
    let mut bottoms = vec![map.bottom()];
    for o in &obstacles {
        lefts.push(o.right());
        rights.push(o.left());
        tops.push(o.bottom());
        bottoms.push(o.top());
    }
    let mut best = (f64::NEG_INFINITY, map);
    for &l in &lefts {
        for &r in &rights {
            for &t in &tops {
                for &b in &bottoms {
                    if r - l < 40.0 || b - t < 40.0 {
                        continue;
                    }
                    let c = Rect::from_min_max(pos2(l, t), pos2(r, b));
                    if obstacles.iter().any(|o| o.intersects(c) && o.intersect(c).area() > 0.0) {
                        continue;
                    }
                    // How large the data come out: the smaller of the two
                    // scales (width-bound or height-bound).
                    let w = f64::from(c.width());
                    let h = f64::from(c.height());
                    let scale = (w / aspect.max(1e-6)).min(h);
                    if scale > best.0 {
                        best = (scale, c);
                    }
                }
            }
        }
    }
    best.1
}

/// The view (centre in Mercator units, zoom) that shows the box
/// `min`–`max` inside the part of `map` no overlay covers.
pub fn fit_view(map: Rect, overlays: &[Rect], min: Unit, max: Unit) -> (Unit, f64) {
    let dx = (max[0] - min[0]).max(1e-9);
    let dy = (max[1] - min[1]).max(1e-9);
    let free = free_rect(map, overlays, dx / dy);
    let w = f64::from((free.width() - 2.0 * FIT_PADDING).max(20.0));
    let h = f64::from((free.height() - 2.0 * FIT_PADDING).max(20.0));
    let world = (w / dx).min(h / dy);
    let zoom = (world / 256.0).log2().clamp(2.0, FIT_MAX_ZOOM);
    let world = 256.0 * zoom.exp2();
    let data_center = [(min[0] + max[0]) / 2.0, (min[1] + max[1]) / 2.0];
    let offset = free.center() - map.center();
    let center = [
        data_center[0] - f64::from(offset.x) / world,
        data_center[1] - f64::from(offset.y) / world,
    ];
    (center, zoom)
}

/// The Mercator box of the markers drawn (Afghanistan's when there are
/// none).
pub fn data_bounds(model: &ViewModel, basemap: &Basemap, settings: &MapSettings) -> (Unit, Unit) {
    let mut min = [f64::MAX, f64::MAX];
    let mut max = [f64::MIN, f64::MIN];
    for p in &model.places {
        if p.kind == PlaceKind::Province || (p.is_minor_site() && !settings.show_sites) {
            continue;
        }
        min = [min[0].min(p.unit[0]), min[1].min(p.unit[1])];
        max = [max[0].max(p.unit[0]), max[1].max(p.unit[1])];
    }
    if min[0] > max[0] {
        let (w, s, e, n) = basemap.afghanistan_bounds;
        return (mercator_unit(w, n), mercator_unit(e, s));
    }
    (min, max)
}

/// Whether every marker lies in the part of the map no overlay covers.
fn all_markers_free(state: &MapState, min: Unit, max: Unit) -> bool {
    let map = state.map_rect;
    if !map.is_positive() {
        return false;
    }
    let zoom = state.memory.zoom();
    let world = 256.0 * zoom.exp2();
    let Some(center) = state.memory.detached() else {
        return false;
    };
    let c = mercator_unit(center.x(), center.y());
    let to_screen = |u: Unit| {
        pos2(
            map.center().x + ((u[0] - c[0]) * world) as f32,
            map.center().y + ((u[1] - c[1]) * world) as f32,
        )
    };
    let r = Rect::from_two_pos(to_screen(min), to_screen(max)).expand(8.0);
    map.contains_rect(r) && !state.overlays.iter().any(|o| o.intersects(r))
}

/// Runs a pending fit. It is redone on every frame of the request, with
/// the overlays as last measured (an overlay shown for the first time is
/// sized over a frame or two), so that it ends fitted to them.
fn run_fit(state: &mut MapState, basemap: &Basemap, model: &ViewModel, settings: &MapSettings, map: Rect) {
    let Some(mut fit) = state.fit else { return };
    let (min, max) = match fit.target {
        FitTarget::Data => data_bounds(model, basemap, settings),
        FitTarget::Afghanistan => {
            let (w, s, e, n) = basemap.afghanistan_bounds;
            (mercator_unit(w, n), mercator_unit(e, s))
        }
    };
    let same_map = state.map_rect.is_positive()
        && (state.map_rect.min - map.min).length() < 2.0
        && (state.map_rect.max - map.max).length() < 2.0;
    let overlays: Vec<Rect> = if same_map { state.overlays.clone() } else { Vec::new() };
    fit.frames = fit.frames.saturating_sub(1);
    let last = fit.frames == 0;
    state.fit = (!last).then_some(fit);
    if fit.only_if_needed {
        // Keep the view if, once everything is measured, it shows every
        // marker clear of the overlays; else fit after all.
        if last && !(same_map && all_markers_free(state, min, max)) {
            state.fit = Some(FitRequest::data());
        }
        return;
    }
    let (center, zoom) = match fit.target {
        FitTarget::Data => fit_view(map, &overlays, min, max),
        FitTarget::Afghanistan => fit_view(map, &[], min, max),
    };
    let (lon, lat) = unit_lon_lat(center);
    let _ = state.memory.set_zoom(zoom);
    state.memory.center_at(lon_lat(lon, lat));
}

/// Shows the map. Returns a selection change, if any. With `interactive`
/// off (replay frames) the zoom controls are left out.
#[allow(clippy::too_many_arguments)]
pub fn map_ui(
    ui: &mut Ui,
    state: &mut MapState,
    basemap: &Basemap,
    model: &ViewModel,
    date_view: &DateView,
    selected: Option<PlaceId>,
    settings: &mut MapSettings,
    interactive: bool,
) -> Option<MapAction> {
    let map_rect = ui.available_rect_before_wrap();
    if state.fit.is_some() {
        run_fit(state, basemap, model, settings, map_rect);
    }
    if let Some((lon, lat, zoom)) = state.center_pending.take() {
        state.memory.center_at(lon_lat(lon, lat));
        if let Some(z) = zoom {
            let _ = state.memory.set_zoom(z);
        }
    }
    let mut action = None;
    let has_tiles = settings.online_tiles && state.tiles.is_some();
    let scratch = &mut state.scratch;
    // The land is painted into a slot reserved *before* the map, so that it
    // lies under the tiles (and shows wherever tiles are missing, as when
    // offline); the plugin fills the slot with the frame's final projection.
    let land_slot = ui.painter().add(Shape::Noop);
    let selected_province = selected
        .and_then(|id| model.provinces.iter().find(|(_, p, _)| *p == id))
        .map(|(code, _, _)| code.as_str());
    let mut map = walkers::Map::new(None, &mut state.memory, home_position()).zoom_with_ctrl(false);
    if let (true, Some(tiles)) = (settings.online_tiles, state.tiles.as_deref_mut()) {
        map = map.with_layer(tiles, 1.0);
    }
    let map = map
        .with_plugin(BasemapPlugin {
            basemap,
            date_view,
            shade: settings.shade_provinces,
            over_tiles: has_tiles,
            land_slot,
            selected_province,
        })
        .with_plugin(MarkersPlugin {
            model,
            basemap,
            date_view,
            selected,
            show_labels: settings.show_labels,
            show_sites: settings.show_sites,
            scratch,
            action: &mut action,
        });
    let response = map.show(ui, |_, _, _, _| ()).response;
    let rect = response.rect;
    let mut overlays = Vec::with_capacity(3);
    if interactive {
        overlays.push(overlay_controls(ui, rect, state, settings));
    }
    if settings.show_legend {
        overlays.push(legend(
            ui,
            rect,
            settings,
            model.has_minor_sites && settings.show_sites,
            interactive,
        ));
    }
    overlays.push(attribution(
        ui,
        rect,
        if has_tiles { state.tiles_attribution } else { None },
        settings,
        interactive,
    ));
    state.map_rect = rect;
    state.overlays = overlays;
    if state.fit.is_some() {
        ui.ctx().request_repaint();
    }
    action
}

/// Draws the basemap under the markers.
struct BasemapPlugin<'a> {
    basemap: &'a Basemap,
    date_view: &'a DateView,
    shade: bool,
    /// Tiles are shown over the land: shading must stay translucent.
    over_tiles: bool,
    /// Paint slot under the tiles for water and land.
    land_slot: egui::layers::ShapeIdx,
    /// The selected province (ISO code), outlined.
    selected_province: Option<&'a str>,
}

impl Plugin for BasemapPlugin<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _response: &Response, projector: &Projector, _memory: &MapMemory) {
        let painter = ui.painter().with_clip_rect(projector.clip_rect());
        let clip = projector.clip_rect();
        let t = UnitToScreen::from_projector(projector);
        let zoom = projector.zoom();
        // Water and land, under the tiles.
        let mut land = Mesh::default();
        land.add_colored_rect(clip, theme::WATER);
        for c in &self.basemap.countries {
            add_triangles(&mut land, &c.triangles, &t, theme::LAND);
        }
        for p in &self.basemap.provinces {
            add_triangles(&mut land, &p.triangles, &t, theme::AFGHAN_LAND);
        }
        painter.set(self.land_slot, Shape::mesh(land));
        // Provinces shaded by their own status, else their capital's, over
        // the tiles.
        if self.shade {
            let mut shading = Mesh::default();
            let alpha = if self.over_tiles { 0.35 } else { 0.24 };
            for p in &self.basemap.provinces {
                if let Some(status) = self.date_view.province_status.get(&p.iso) {
                    add_triangles(
                        &mut shading,
                        &p.triangles,
                        &t,
                        theme::status_color(Some(*status)).gamma_multiply(alpha),
                    );
                }
            }
            painter.add(Shape::mesh(shading));
        }
        // Borders.
        let country_stroke = Stroke::new(1.0, theme::COUNTRY_BORDER);
        for c in &self.basemap.countries {
            for ring in &c.rings {
                painter.add(Shape::closed_line(
                    ring.iter().map(|u| t.apply(*u)).collect(),
                    country_stroke,
                ));
            }
        }
        let province_stroke = Stroke::new(if zoom > 7.0 { 1.2 } else { 0.8 }, theme::PROVINCE_BORDER);
        for p in &self.basemap.provinces {
            for ring in &p.rings {
                painter.add(Shape::closed_line(
                    ring.iter().map(|u| t.apply(*u)).collect(),
                    province_stroke,
                ));
            }
        }
        let national = Stroke::new(2.2, theme::NATIONAL_BORDER);
        for ring in &self.basemap.national_border {
            painter.add(Shape::closed_line(ring.iter().map(|u| t.apply(*u)).collect(), national));
        }
        if let Some(code) = self.selected_province
            && let Some(p) = self.basemap.provinces.iter().find(|p| p.iso == code)
        {
            let stroke = Stroke::new(3.0, theme::SELECTION);
            for ring in &p.rings {
                painter.add(Shape::closed_line(ring.iter().map(|u| t.apply(*u)).collect(), stroke));
            }
        }
        // Province and country names are placed with the marker labels
        // (see `MarkersPlugin`), so that no two overlap.
    }
}

fn add_triangles(mesh: &mut Mesh, triangles: &[Unit], t: &UnitToScreen, color: Color32) {
    let base = mesh.vertices.len() as u32;
    mesh.vertices.reserve(triangles.len());
    mesh.indices.reserve(triangles.len());
    for (i, u) in triangles.iter().enumerate() {
        mesh.colored_vertex(t.apply(*u), color);
        mesh.indices.push(base + i as u32);
    }
}

/// Draws markers and labels, and handles hover and clicks on them.
struct MarkersPlugin<'a> {
    model: &'a ViewModel,
    basemap: &'a Basemap,
    date_view: &'a DateView,
    selected: Option<PlaceId>,
    show_labels: bool,
    show_sites: bool,
    scratch: &'a mut MarkerScratch,
    action: &'a mut Option<MapAction>,
}

/// The accessible (and tooltip) description of a marker.
pub fn marker_label(name: &str, kind: PlaceKind, status: Option<Status>, since: Option<chrono::NaiveDate>) -> String {
    match (status, since) {
        (Some(s), Some(d)) => format!(
            "{name}, {}: {} since {}",
            theme::kind_label(kind),
            theme::status_label(Some(s)),
            short_date(d)
        ),
        _ => format!("{name}, {}: {}", theme::kind_label(kind), theme::status_label(status)),
    }
}

/// Markers drawn one by one up to this many on screen; beyond, minor
/// places are grouped into clusters.
const CLUSTER_ABOVE: usize = 150;
/// Cluster cell size in points.
const CLUSTER_CELL: f32 = 40.0;

/// A group of nearby markers drawn as one.
#[derive(Debug, Clone, Copy)]
struct Cluster {
    pos: Pos2,
    count: u32,
    worst: Option<Status>,
}

impl Plugin for MarkersPlugin<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, response: &Response, projector: &Projector, _memory: &MapMemory) {
        let clip = projector.clip_rect();
        let painter = ui.painter().with_clip_rect(clip);
        let t = UnitToScreen::from_projector(projector);
        let zoom = projector.zoom();
        let model = self.model;
        let basemap = self.basemap;
        let statuses = &self.date_view.statuses;
        let status_of = |i: usize| statuses.get(i).copied().flatten();
        let scratch = self.scratch;
        scratch.visible.clear();
        scratch.singles.clear();
        scratch.clusters.clear();
        let reach = clip.expand(10.0);
        for (i, p) in model.places.iter().enumerate() {
            if p.kind == PlaceKind::Province || (p.is_minor_site() && !self.show_sites && Some(p.id) != self.selected) {
                continue;
            }
            let pos = t.apply(p.unit);
            if reach.contains(pos) {
                scratch.visible.push((i, pos));
            }
        }
        // Level of detail: past a few hundred markers on screen, places that
        // share a grid cell become one cluster (capitals and the selection
        // always stand alone). Bounded by the number of cells, not places.
        if scratch.visible.len() <= CLUSTER_ABOVE {
            scratch.singles.extend_from_slice(&scratch.visible);
        } else {
            let cell = |p: Pos2| {
                (
                    ((p.x - clip.left()) / CLUSTER_CELL).floor() as i32,
                    ((p.y - clip.top()) / CLUSTER_CELL).floor() as i32,
                )
            };
            scratch.keyed.clear();
            for &(i, pos) in &scratch.visible {
                let pinned = model.places[i].kind == PlaceKind::Capital || Some(model.places[i].id) == self.selected;
                if pinned {
                    scratch.singles.push((i, pos));
                } else {
                    scratch.keyed.push((cell(pos), i, pos));
                }
            }
            scratch.keyed.sort_unstable_by_key(|(k, i, _)| (*k, *i));
            let mut start = 0;
            while start < scratch.keyed.len() {
                let key = scratch.keyed[start].0;
                let mut end = start;
                while end < scratch.keyed.len() && scratch.keyed[end].0 == key {
                    end += 1;
                }
                if end - start == 1 {
                    let (_, i, pos) = scratch.keyed[start];
                    scratch.singles.push((i, pos));
                } else {
                    let group = &scratch.keyed[start..end];
                    let n = group.len() as f32;
                    let sum = group.iter().fold(Vec2::ZERO, |acc, (_, _, p)| acc + p.to_vec2());
                    let worst = group
                        .iter()
                        .filter_map(|(_, i, _)| status_of(*i).map(|c| c.status))
                        .max();
                    scratch.clusters.push(Cluster {
                        pos: (sum / n).to_pos2(),
                        count: group.len() as u32,
                        worst,
                    });
                }
                start = end;
            }
            // Singles in priority order (model order) for labels.
            scratch.singles.sort_unstable_by_key(|(i, _)| *i);
        }

        // Clusters under the single markers.
        let count_font = FontId::proportional(11.0);
        for c in &scratch.clusters {
            let r = 8.0 + (c.count as f32).log2() * 2.5;
            painter.circle_filled(c.pos, r, theme::status_color(c.worst).gamma_multiply(0.85));
            painter.circle_stroke(c.pos, r, Stroke::new(1.5, Color32::WHITE));
            let text_color = if matches!(c.worst, Some(Status::Threatened | Status::Contested) | None) {
                theme::MARKER_OUTLINE
            } else {
                Color32::WHITE
            };
            painter.text(
                c.pos,
                Align2::CENTER_CENTER,
                c.count.to_string(),
                count_font.clone(),
                text_color,
            );
        }

        // Markers, least important first so capitals end up on top.
        for &(i, pos) in scratch.singles.iter().rev() {
            let p = &model.places[i];
            let status = status_of(i).map(|c| c.status);
            let color = theme::status_color(status);
            let r = theme::marker_radius(p.kind, !p.reports.is_empty());
            if Some(p.id) == self.selected {
                painter.circle_stroke(pos, r + 5.0, Stroke::new(3.0, theme::SELECTION));
            }
            match p.kind {
                PlaceKind::Capital => {
                    painter.circle_filled(pos, r + 1.5, Color32::WHITE);
                    painter.circle_filled(pos, r, color);
                    painter.circle_stroke(pos, r + 1.5, Stroke::new(1.2, theme::MARKER_OUTLINE));
                }
                kind if kind.is_district_or_site() => {
                    // A small diamond: districts, crossings, bases, areas.
                    painter.add(Shape::convex_polygon(
                        diamond(pos, r + 0.8),
                        color,
                        Stroke::new(0.9, theme::MARKER_OUTLINE),
                    ));
                }
                _ => {
                    painter.circle_filled(pos, r, color);
                    painter.circle_stroke(pos, r, Stroke::new(1.0, theme::MARKER_OUTLINE));
                }
            }
            if status == Some(Status::Claimed) {
                // A claim is not a confirmed capture: a white dot marks it.
                painter.circle_filled(pos, r * 0.35, Color32::WHITE);
            }
        }

        // Labels, most important first, never overlapping each other:
        // marker labels, then province names, then country names, then the
        // labels of minor places. A label keeps off markers where it can.
        scratch.label_rects.clear();
        scratch.marker_rects.clear();
        for &(i, pos) in &scratch.singles {
            let p = &model.places[i];
            let r = theme::marker_radius(p.kind, !p.reports.is_empty()) + 1.5;
            scratch
                .marker_rects
                .push(Rect::from_center_size(pos, Vec2::splat(r * 2.0)));
        }
        for c in &scratch.clusters {
            let r = 8.0 + (c.count as f32).log2() * 2.5;
            scratch
                .marker_rects
                .push(Rect::from_center_size(c.pos, Vec2::splat(r * 2.0)));
        }
        if self.show_labels {
            let font = FontId::proportional(12.0);
            let crowded = !scratch.clusters.is_empty();
            let wanted = |p: &crate::ui::model::PlaceView, minor: bool| {
                let major =
                    Some(p.id) == self.selected || p.kind == PlaceKind::Capital && zoom >= 5.0 || !p.reports.is_empty();
                if minor {
                    !major && zoom >= 8.0 && !crowded
                } else {
                    major
                }
            };
            for minor in [false, true] {
                if minor {
                    region_names(
                        basemap,
                        &painter,
                        &t,
                        zoom,
                        clip,
                        &mut scratch.label_rects,
                        &scratch.marker_rects,
                    );
                }
                for &(i, pos) in &scratch.singles {
                    let p = &model.places[i];
                    if !wanted(p, minor) || scratch.label_rects.len() >= 80 {
                        continue;
                    }
                    let r = theme::marker_radius(p.kind, !p.reports.is_empty());
                    let galley = painter.layout_no_wrap(p.name.clone(), font.clone(), theme::MARKER_OUTLINE);
                    let size = galley.size() + vec2(6.0, 2.0);
                    // Try right, left, above, below: first off every marker,
                    // else off other labels only.
                    let candidates = [
                        Rect::from_min_size(pos + vec2(r + 3.0, -size.y / 2.0), size),
                        Rect::from_min_size(pos + vec2(-r - 3.0 - size.x, -size.y / 2.0), size),
                        Rect::from_min_size(pos + vec2(-size.x / 2.0, -r - 2.0 - size.y), size),
                        Rect::from_min_size(pos + vec2(-size.x / 2.0, r + 2.0), size),
                    ];
                    let fits = |c: &Rect, avoid_markers: bool| {
                        clip.contains_rect(*c)
                            && !scratch.label_rects.iter().any(|o| o.intersects(*c))
                            && !(avoid_markers && scratch.marker_rects.iter().any(|m| m.intersects(*c)))
                    };
                    let free = candidates
                        .iter()
                        .find(|c| fits(c, true))
                        .or_else(|| candidates.iter().find(|c| fits(c, false)))
                        .copied();
                    if let Some(rect) = free {
                        painter.rect_filled(rect, CornerRadius::same(3), Color32::from_white_alpha(200));
                        painter.galley(rect.min + vec2(3.0, 1.0), galley, theme::MARKER_OUTLINE);
                        scratch.label_rects.push(rect);
                    }
                }
            }
        } else {
            region_names(
                basemap,
                &painter,
                &t,
                zoom,
                clip,
                &mut scratch.label_rects,
                &scratch.marker_rects,
            );
        }

        // Interaction: an accessible, clickable rect per marker (capitals
        // last, so they win where markers overlap), and per cluster.
        let mut hovered_any = false;
        for (k, c) in scratch.clusters.iter().enumerate() {
            if !clip.contains(c.pos) {
                continue;
            }
            let r = 8.0 + (c.count as f32).log2() * 2.5;
            let resp = ui.interact(
                Rect::from_center_size(c.pos, Vec2::splat(r * 2.0)),
                ui.scope_id().with(("cluster", k)),
                Sense::click(),
            );
            let label = format!(
                "{} places here, the most severe {} — click to zoom in",
                c.count,
                theme::status_label(c.worst)
            );
            resp.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
            if resp.hovered() {
                hovered_any = true;
            }
            if resp.clicked() {
                let at = projector.unproject(c.pos.to_vec2());
                *self.action = Some(MapAction::ZoomTo {
                    lon: at.x(),
                    lat: at.y(),
                    zoom: (zoom + 2.0).min(16.0),
                });
            }
            resp.on_hover_text(label);
        }
        for &(i, pos) in scratch.singles.iter().rev() {
            let p = &model.places[i];
            let r = theme::marker_radius(p.kind, !p.reports.is_empty()) + 3.0;
            let rect = Rect::from_center_size(pos, Vec2::splat(r * 2.0));
            if !clip.contains(pos) {
                continue;
            }
            let id = ui.scope_id().with(("marker", p.id));
            let resp = ui.interact(rect, id, Sense::click());
            let change = status_of(i);
            let label = marker_label(&p.name, p.kind, change.map(|c| c.status), change.map(|c| c.date));
            resp.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
            if resp.hovered() {
                hovered_any = true;
                ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            }
            if resp.clicked() {
                *self.action = Some(MapAction::Select(p.id));
            }
            resp.on_hover_ui(|ui| {
                ui.strong(&p.name);
                ui.label(format!("{} · {} province", theme::kind_label(p.kind), p.province_name));
                let status = change.map(|c| c.status);
                ui.horizontal(|ui| {
                    let (dot, _) = ui.allocate_exact_size(vec2(10.0, 10.0), Sense::hover());
                    ui.painter()
                        .circle_filled(dot.center(), 5.0, theme::status_color(status));
                    match change {
                        Some(c) => ui.label(format!("{} since {}", theme::status_label(status), short_date(c.date))),
                        None => ui.label(theme::status_label(None)),
                    };
                });
                if p.spellings.len() > 1 {
                    ui.label(format!("Written as: {}", p.spellings.join(", ")));
                }
                ui.weak(format!(
                    "{} reports, {} mentions — click for excerpts",
                    p.reports.len(),
                    p.mention_count
                ));
            });
        }

        // A click on the bare map: nearest marker within reach, else clear.
        if response.clicked()
            && !hovered_any
            && let Some(pointer) = response.interact_pointer_pos()
        {
            let nearest = scratch
                .singles
                .iter()
                .map(|&(i, pos)| (i, pos.distance(pointer)))
                .filter(|(_, d)| *d <= 12.0)
                .min_by(|a, b| a.1.total_cmp(&b.1));
            let province = || {
                let at = projector.unproject(pointer.to_vec2());
                let point = geo::Point::new(at.x(), at.y());
                let region = self.basemap.provinces.iter().find(|p| {
                    use geo::Contains;
                    p.shape.contains(&point)
                })?;
                model
                    .provinces
                    .iter()
                    .find(|(code, _, _)| *code == region.iso)
                    .map(|(_, id, _)| *id)
            };
            *self.action = Some(match nearest {
                Some((i, _)) => MapAction::Select(model.places[i].id),
                None => match province() {
                    Some(id) => MapAction::Select(id),
                    None => MapAction::ClearSelection,
                },
            });
        }
    }
}

/// Province names (once there is room) and country names, each where no
/// label or marker is; a name with no free spot is left out.
fn region_names(
    basemap: &Basemap,
    painter: &egui::Painter,
    t: &UnitToScreen,
    zoom: f64,
    clip: Rect,
    labels: &mut Vec<Rect>,
    markers: &[Rect],
) {
    let mut place = |region: &Region, text: String, font: FontId, color: Color32, offsets: &[f32]| {
        let anchor = t.apply(mercator_unit(region.label.0, region.label.1));
        let galley = painter.layout_no_wrap(text, font, color);
        let size = galley.size();
        let spot = offsets.iter().find_map(|dy| {
            let r = Rect::from_center_size(anchor + vec2(0.0, *dy), size);
            let free = clip.shrink(4.0).contains_rect(r)
                && !labels.iter().any(|o| o.intersects(r))
                && !markers.iter().any(|m| m.intersects(r));
            free.then_some(r)
        });
        if let Some(r) = spot {
            painter.galley(r.min, galley, color);
            labels.push(r);
        }
    };
    if zoom >= 5.6 {
        let font = FontId::proportional(if zoom < 6.5 { 10.0 } else { 12.0 });
        for p in &basemap.provinces {
            place(
                p,
                p.name.clone(),
                font.clone(),
                theme::PROVINCE_LABEL,
                &[12.0, 24.0, 0.0, -12.0, 36.0],
            );
        }
    }
    let country_font = FontId::proportional(if zoom < 5.0 { 11.0 } else { 13.0 });
    for c in &basemap.countries {
        place(
            c,
            c.name.to_uppercase(),
            country_font.clone(),
            theme::COUNTRY_LABEL,
            &[0.0, 16.0, -16.0],
        );
    }
}

/// The corners of a diamond of half-diagonal `r` around `c`.
fn diamond(c: Pos2, r: f32) -> Vec<Pos2> {
    vec![c + vec2(0.0, -r), c + vec2(r, 0.0), c + vec2(0.0, r), c + vec2(-r, 0.0)]
}

/// A small square button with an accessible name.
fn icon_button(ui: &mut Ui, icon: &str, name: &str) -> Response {
    let resp = ui.button(icon).on_hover_text(name);
    let name = name.to_owned();
    resp.widget_info(move || WidgetInfo::labeled(egui::Role::Button, true, &name));
    resp
}

/// Zoom and fit buttons in the top-right corner (collapsible). Returns the
/// rect it covers.
fn overlay_controls(ui: &mut Ui, rect: Rect, state: &mut MapState, settings: &mut MapSettings) -> Rect {
    let area = Rect::from_min_size(pos2(rect.right() - 44.0, rect.top() + 10.0), vec2(34.0, 160.0));
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(area)
            .layout(egui::Layout::top_down(egui::Align::Center)),
    );
    egui::Frame::popup(child.style())
        .inner_margin(2.0)
        .show(&mut child, |ui| {
            if settings.controls_collapsed {
                if icon_button(ui, "◂", "Show the map controls").clicked() {
                    settings.controls_collapsed = false;
                }
                return;
            }
            if icon_button(ui, "+", "Zoom in").clicked() {
                let _ = state.memory.zoom_in();
            }
            if icon_button(ui, "−", "Zoom out").clicked() {
                let _ = state.memory.zoom_out();
            }
            if icon_button(ui, "⛶", "Fit to data").clicked() {
                state.fit = Some(FitRequest::data());
                ui.ctx().request_repaint();
            }
            if icon_button(ui, "🗺", "Fit Afghanistan").clicked() {
                state.fit = Some(FitRequest::afghanistan());
                ui.ctx().request_repaint();
            }
            if icon_button(ui, "▸", "Collapse the map controls").clicked() {
                settings.controls_collapsed = true;
            }
        })
        .response
        .rect
}

/// The status legend in the bottom-left corner (collapsible when
/// `interactive`). Returns the rect it covers.
fn legend(ui: &mut Ui, rect: Rect, settings: &mut MapSettings, sites: bool, interactive: bool) -> Rect {
    egui::Area::new(ui.scope_id().with("legend"))
        .pivot(Align2::LEFT_BOTTOM)
        .fixed_pos(rect.left_bottom() + vec2(10.0, -10.0))
        .constrain_to(rect)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style())
                .inner_margin(8.0)
                .show(ui, |ui| {
                    ui.spacing_mut().item_spacing.y = 3.0;
                    if settings.legend_collapsed {
                        if ui.button("Legend ▴").on_hover_text("Show the legend").clicked() {
                            settings.legend_collapsed = false;
                        }
                        return;
                    }
                    ui.horizontal(|ui| {
                        ui.strong("Status at the slider's date");
                        if interactive && icon_button(ui, "▾", "Collapse the legend").clicked() {
                            settings.legend_collapsed = true;
                        }
                    });
                    for status in theme::LEGEND {
                        ui.horizontal(|ui| {
                            let (r, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
                            ui.painter().circle_filled(r.center(), 5.0, theme::status_color(status));
                            ui.painter()
                                .circle_stroke(r.center(), 5.0, Stroke::new(1.0, theme::MARKER_OUTLINE));
                            ui.label(theme::status_label(status));
                        });
                    }
                    ui.horizontal(|ui| {
                        let (r, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
                        ui.painter().circle_filled(r.center(), 6.5, Color32::WHITE);
                        ui.painter().circle_filled(r.center(), 4.5, theme::status_color(None));
                        ui.painter()
                            .circle_stroke(r.center(), 6.5, Stroke::new(1.2, theme::MARKER_OUTLINE));
                        ui.label("ringed: provincial capital");
                    });
                    if sites {
                        ui.horizontal(|ui| {
                            let (r, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
                            ui.painter().add(Shape::convex_polygon(
                                diamond(r.center(), 4.3),
                                theme::status_color(None),
                                Stroke::new(0.9, theme::MARKER_OUTLINE),
                            ));
                            ui.label("district, crossing or base");
                        });
                    }
                    ui.horizontal(|ui| {
                        let (r, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
                        ui.painter().rect_filled(
                            r.shrink(1.0),
                            CornerRadius::same(2),
                            theme::status_color(Some(Status::Captured)).gamma_multiply(0.24),
                        );
                        ui.label("province: its own status, else its capital's");
                    });
                })
                .response
                .rect
        })
        .inner
}

/// Data attribution in the bottom-right corner. It can be collapsed to a
/// button, except over online tiles, whose licence wants it shown. Returns
/// the rect it covers.
fn attribution(
    ui: &mut Ui,
    rect: Rect,
    tiles: Option<(&'static str, &'static str)>,
    settings: &mut MapSettings,
    interactive: bool,
) -> Rect {
    let area = Rect::from_min_max(pos2(rect.right() - 460.0, rect.bottom() - 24.0), rect.right_bottom());
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(area)
            .layout(egui::Layout::right_to_left(egui::Align::Center)),
    );
    let collapsible = tiles.is_none() && interactive;
    egui::Frame::new()
        .fill(Color32::from_white_alpha(190))
        .inner_margin(egui::Margin::symmetric(6, 2))
        .show(&mut child, |ui| {
            ui.spacing_mut().item_spacing.x = 4.0;
            if collapsible && settings.attribution_collapsed {
                if ui.small_button("©").on_hover_text("Show the data sources").clicked() {
                    settings.attribution_collapsed = false;
                }
                return;
            }
            if collapsible && icon_button(ui, "×", "Collapse the data sources").clicked() {
                settings.attribution_collapsed = true;
            }
            match tiles {
                Some((text, url)) if !url.is_empty() => {
                    ui.hyperlink_to(format!("© {text}"), url);
                }
                Some((text, _)) => {
                    ui.small(text);
                }
                None => {}
            }
            ui.hyperlink_to(egui::RichText::new("GeoNames").small(), "https://www.geonames.org/");
            ui.small("· Places:");
            ui.hyperlink_to(
                egui::RichText::new("Natural Earth").small(),
                "https://www.naturalearthdata.com/",
            );
            ui.small("Borders:");
        })
        .response
        .rect
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fit_keeps_the_data_off_the_overlays() {
        let map = Rect::from_min_size(Pos2::ZERO, vec2(1000.0, 700.0));
        // A legend in the bottom-left corner, controls top-right.
        let legend = Rect::from_min_max(pos2(10.0, 420.0), pos2(260.0, 690.0));
        let controls = Rect::from_min_max(pos2(956.0, 10.0), pos2(990.0, 170.0));
        let min = mercator_unit(60.5, 38.5);
        let max = mercator_unit(71.5, 29.5);
        let (center, zoom) = fit_view(map, &[legend, controls], min, max);
        let world = 256.0 * zoom.exp2();
        let to_screen = |u: Unit| {
            pos2(
                map.center().x + ((u[0] - center[0]) * world) as f32,
                map.center().y + ((u[1] - center[1]) * world) as f32,
            )
        };
        let data = Rect::from_two_pos(to_screen(min), to_screen(max));
        assert!(map.contains_rect(data), "{data:?}");
        assert!(!data.intersects(legend) && !data.intersects(controls), "{data:?}");
        // And it uses the room: the data fill most of the free height or width.
        assert!(data.height() > 500.0 || data.width() > 600.0, "{data:?}");
        let (lon, lat) = unit_lon_lat(mercator_unit(62.0, 31.0));
        assert!((lon - 62.0).abs() < 1e-9 && (lat - 31.0).abs() < 1e-9);
    }
}
