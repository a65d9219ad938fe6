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
//! map selects the nearest marker within reach.

use egui::{
    Align2, Color32, CornerRadius, FontId, Mesh, Pos2, Rect, Response, Sense, Shape, Stroke, Ui, Vec2, WidgetInfo,
    pos2, vec2,
};
use walkers::{MapMemory, Plugin, Position, Projector, Tiles, lon_lat};

use crate::basemap::{Basemap, Unit, mercator_unit};
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
pub struct MapSettings {
    pub shade_provinces: bool,
    pub show_labels: bool,
    pub show_legend: bool,
    pub online_tiles: bool,
}

impl Default for MapSettings {
    fn default() -> Self {
        MapSettings {
            shade_provinces: true,
            show_labels: true,
            show_legend: true,
            online_tiles: false,
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
    /// Fit the view to Afghanistan on the next frame.
    pub fit_pending: bool,
    /// Centre on this position on the next frame.
    pub center_pending: Option<(f64, f64, Option<f64>)>,
    /// Reused buffers.
    scratch: MarkerScratch,
}

impl Default for MapState {
    fn default() -> Self {
        MapState {
            memory: MapMemory::default(),
            tiles: None,
            tiles_attribution: None,
            fit_pending: true,
            center_pending: None,
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

/// Shows the map. Returns a selection change, if any.
#[allow(clippy::too_many_arguments)]
pub fn map_ui(
    ui: &mut Ui,
    state: &mut MapState,
    basemap: &Basemap,
    model: &ViewModel,
    date_view: &DateView,
    selected: Option<PlaceId>,
    settings: &MapSettings,
) -> Option<MapAction> {
    if state.fit_pending {
        let zoom = fit_zoom(basemap, ui.available_size());
        let (w, s, e, n) = basemap.afghanistan_bounds;
        let _ = state.memory.set_zoom(zoom);
        state.memory.center_at(lon_lat((w + e) / 2.0, (s + n) / 2.0));
        state.fit_pending = false;
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
        })
        .with_plugin(MarkersPlugin {
            model,
            date_view,
            selected,
            show_labels: settings.show_labels,
            scratch,
            action: &mut action,
        });
    let response = map.show(ui, |_, _, _, _| ()).response;
    let rect = response.rect;
    overlay_controls(ui, rect, state);
    if settings.show_legend {
        legend(ui, rect);
    }
    attribution(ui, rect, if has_tiles { state.tiles_attribution } else { None });
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
        // Provinces shaded by the status of their capital, over the tiles.
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
        // Names: countries always, provinces once there is room.
        let country_font = FontId::proportional(if zoom < 5.0 { 11.0 } else { 13.0 });
        for c in &self.basemap.countries {
            let pos = t.apply(mercator_unit(c.label.0, c.label.1));
            if clip.shrink(20.0).contains(pos) {
                painter.text(
                    pos,
                    Align2::CENTER_CENTER,
                    c.name.to_uppercase(),
                    country_font.clone(),
                    theme::COUNTRY_LABEL,
                );
            }
        }
        if zoom >= 5.6 {
            let font = FontId::proportional(if zoom < 6.5 { 10.0 } else { 12.0 });
            for p in &self.basemap.provinces {
                let pos = t.apply(mercator_unit(p.label.0, p.label.1)) + vec2(0.0, 12.0);
                if clip.contains(pos) {
                    painter.text(pos, Align2::CENTER_CENTER, &p.name, font.clone(), theme::PROVINCE_LABEL);
                }
            }
        }
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
    date_view: &'a DateView,
    selected: Option<PlaceId>,
    show_labels: bool,
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
        let statuses = &self.date_view.statuses;
        let status_of = |i: usize| statuses.get(i).copied().flatten();
        let scratch = self.scratch;
        scratch.visible.clear();
        scratch.singles.clear();
        scratch.clusters.clear();
        let reach = clip.expand(10.0);
        for (i, p) in model.places.iter().enumerate() {
            if p.kind == PlaceKind::Province {
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

        // Labels, most important first, never overlapping.
        scratch.label_rects.clear();
        if self.show_labels {
            let font = FontId::proportional(12.0);
            let crowded = !scratch.clusters.is_empty();
            for &(i, pos) in &scratch.singles {
                let p = &model.places[i];
                let wanted = Some(p.id) == self.selected
                    || p.kind == PlaceKind::Capital && zoom >= 5.0
                    || !p.reports.is_empty()
                    || (zoom >= 8.0 && !crowded);
                if !wanted || scratch.label_rects.len() >= 80 {
                    continue;
                }
                let r = theme::marker_radius(p.kind, !p.reports.is_empty());
                let galley = painter.layout_no_wrap(p.name.clone(), font.clone(), theme::MARKER_OUTLINE);
                let size = galley.size() + vec2(6.0, 2.0);
                // Try right, left, above, below.
                let candidates = [
                    Rect::from_min_size(pos + vec2(r + 3.0, -size.y / 2.0), size),
                    Rect::from_min_size(pos + vec2(-r - 3.0 - size.x, -size.y / 2.0), size),
                    Rect::from_min_size(pos + vec2(-size.x / 2.0, -r - 2.0 - size.y), size),
                    Rect::from_min_size(pos + vec2(-size.x / 2.0, r + 2.0), size),
                ];
                let free = candidates
                    .into_iter()
                    .find(|c| clip.contains_rect(*c) && !scratch.label_rects.iter().any(|o| o.intersects(*c)));
                if let Some(rect) = free {
                    painter.rect_filled(rect, CornerRadius::same(3), Color32::from_white_alpha(200));
                    painter.galley(rect.min + vec2(3.0, 1.0), galley, theme::MARKER_OUTLINE);
                    scratch.label_rects.push(rect);
                }
            }
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
            *self.action = Some(match nearest {
                Some((i, _)) => MapAction::Select(model.places[i].id),
                None => MapAction::ClearSelection,
            });
        }
    }
}

/// Zoom and fit buttons in the top-right corner.
fn overlay_controls(ui: &mut Ui, rect: Rect, state: &mut MapState) {
    let area = Rect::from_min_size(pos2(rect.right() - 40.0, rect.top() + 10.0), vec2(30.0, 100.0));
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(area)
            .layout(egui::Layout::top_down(egui::Align::Center)),
    );
    egui::Frame::popup(child.style())
        .inner_margin(2.0)
        .show(&mut child, |ui| {
            if ui.button("+").on_hover_text("Zoom in").clicked() {
                let _ = state.memory.zoom_in();
            }
            if ui.button("−").on_hover_text("Zoom out").clicked() {
                let _ = state.memory.zoom_out();
            }
            if ui.button("🗺").on_hover_text("Fit Afghanistan").clicked() {
                state.fit_pending = true;
                ui.ctx().request_repaint();
            }
        });
}

/// The status legend in the bottom-left corner.
fn legend(ui: &mut Ui, rect: Rect) {
    egui::Area::new(ui.scope_id().with("legend"))
        .pivot(Align2::LEFT_BOTTOM)
        .fixed_pos(rect.left_bottom() + vec2(10.0, -10.0))
        .constrain_to(rect)
        .interactable(false)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).inner_margin(8.0).show(ui, |ui| {
                ui.spacing_mut().item_spacing.y = 3.0;
                ui.strong("Status at the slider's date");
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
                ui.horizontal(|ui| {
                    let (r, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
                    ui.painter().rect_filled(
                        r.shrink(1.0),
                        CornerRadius::same(2),
                        theme::status_color(Some(Status::Captured)).gamma_multiply(0.24),
                    );
                    ui.label("province: status of its capital");
                });
            });
        });
}

/// Data attribution in the bottom-right corner (always shown).
fn attribution(ui: &mut Ui, rect: Rect, tiles: Option<(&'static str, &'static str)>) {
    let area = Rect::from_min_max(pos2(rect.right() - 420.0, rect.bottom() - 22.0), rect.right_bottom());
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(area)
            .layout(egui::Layout::right_to_left(egui::Align::Center)),
    );
    egui::Frame::new()
        .fill(Color32::from_white_alpha(190))
        .inner_margin(egui::Margin::symmetric(6, 2))
        .show(&mut child, |ui| {
            ui.spacing_mut().item_spacing.x = 4.0;
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
        });
}
