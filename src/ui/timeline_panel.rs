//! The timeline panel: playback controls, the capitals and districts
//! counters, and a date
//! slider with a per-day histogram of reports and labelled day ticks.
//!
//! The slider is a custom widget so that the histogram bars, ticks and
//! handle share one geometry. It behaves like egui's own slider for
//! assistive technology: role slider, label "Date", numeric value = days
//! since the first day, and it accepts set-value/increment/decrement
//! actions (which is also how tests drive it).

use chrono::{Datelike, NaiveDate};
use egui::{Align2, Color32, CornerRadius, FontId, Rect, Sense, Stroke, Ui, WidgetInfo, pos2, vec2};

use crate::reports::Status;
use crate::ui::model::{ViewModel, long_date, short_date};
use crate::ui::theme;

/// Playback speeds in days per second.
pub const SPEEDS: [f64; 6] = [0.5, 1.0, 2.0, 4.0, 8.0, 16.0];

/// What the user asked for in the timeline panel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TimelineAction {
    SetDate(NaiveDate),
    TogglePlay,
    StepBack,
    StepForward,
    JumpStart,
    JumpEnd,
    SetSpeed(usize),
}

/// Shows the timeline panel contents.
pub fn timeline_ui(
    ui: &mut Ui,
    model: &ViewModel,
    date: NaiveDate,
    playing: bool,
    speed_index: usize,
    capitals_captured: usize,
    districts_captured: Option<usize>,
) -> Vec<TimelineAction> {
    let mut actions = Vec::new();
    ui.horizontal(|ui| {
        if ui.button("⏮").on_hover_text("Jump to the start (Home)").clicked() {
            actions.push(TimelineAction::JumpStart);
        }
        if ui.button("◀").on_hover_text("One day back (←)").clicked() {
            actions.push(TimelineAction::StepBack);
        }
        let play_label = if playing { "⏸ Pause" } else { "▶ Play" };
        if ui.button(play_label).on_hover_text("Play or pause (Space)").clicked() {
            actions.push(TimelineAction::TogglePlay);
        }
        if ui.button("▶").on_hover_text("One day forward (→)").clicked() {
            actions.push(TimelineAction::StepForward);
        }
        if ui.button("⏭").on_hover_text("Jump to the end (End)").clicked() {
            actions.push(TimelineAction::JumpEnd);
        }
        ui.separator();
        let mut speed = speed_index.min(SPEEDS.len() - 1);
        egui::ComboBox::new("speed", "speed")
            .selected_text(speed_text(SPEEDS[speed]))
            .width(64.0)
            .show_ui(ui, |ui| {
                for (i, s) in SPEEDS.iter().enumerate() {
                    ui.selectable_value(&mut speed, i, speed_text(*s));
                }
            });
        if speed != speed_index {
            actions.push(TimelineAction::SetSpeed(speed));
        }
        ui.separator();
        ui.heading(long_date(date));
        ui.separator();
        let counter = format!(
            "{capitals_captured} of {} provincial capitals captured",
            crate::gazetteer::PROVINCE_COUNT
        );
        ui.add(egui::Label::new(
            egui::RichText::new(counter)
                .strong()
                .color(theme::status_color(Some(Status::Captured))),
        ));
        if let Some(n) = districts_captured {
            ui.separator();
            let text = if n == 1 {
                "1 district reported taken".to_owned()
            } else {
                format!("{n} districts reported taken")
            };
            ui.add(egui::Label::new(
                egui::RichText::new(text).color(theme::status_color(Some(Status::Captured))),
            ))
            .on_hover_text("Districts reported captured by the slider's date (as the articles name them)");
        }
    });
    ui.add_space(2.0);
    if let Some(new_date) = date_slider(ui, model, date) {
        actions.push(TimelineAction::SetDate(new_date));
    }
    actions
}

fn speed_text(s: f64) -> String {
    if s < 1.0 {
        format!("{s}× ")
    } else {
        format!("{s:.0}×")
    }
}

/// The date slider with histogram and ticks. Returns a new date when the
/// user moved it.
pub fn date_slider(ui: &mut Ui, model: &ViewModel, date: NaiveDate) -> Option<NaiveDate> {
    let n = model.day_count();
    let max_index = n.saturating_sub(1);
    let width = ui.available_width();
    let height = 74.0;
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::click_and_drag());
    let id = response.id;
    let track = Rect::from_min_max(
        pos2(rect.left() + 12.0, rect.top()),
        pos2(rect.right() - 12.0, rect.bottom()),
    );
    let x_of = |i: f32| {
        if max_index == 0 {
            track.center().x
        } else {
            track.left() + track.width() * i / max_index as f32
        }
    };
    let mut index = model.index_of(date);
    let old = index;

    // Pointer.
    if let Some(p) = response.interact_pointer_pos()
        && max_index > 0
    {
        let f = ((p.x - track.left()) / track.width()).clamp(0.0, 1.0);
        index = (f * max_index as f32).round() as usize;
    }
    // Assistive technology (and tests): set value, increment, decrement.
    ui.input(|i| {
        use egui::accesskit::{Action, ActionData};
        for req in i.accesskit_action_requests(id, Action::SetValue) {
            if let Some(ActionData::NumericValue(v)) = req.data {
                index = (v.round().max(0.0) as usize).min(max_index);
            }
        }
        index = (index + i.num_accesskit_action_requests(id, Action::Increment)).min(max_index);
        index = index.saturating_sub(i.num_accesskit_action_requests(id, Action::Decrement));
    });
    // Arrow keys when the slider has focus are handled globally by the app.

    // Histogram.
    let painter = ui.painter_at(rect);
    let bars_bottom = rect.top() + 38.0;
    let bars_height = 32.0;
    let bar_w = if max_index == 0 {
        12.0
    } else {
        (track.width() / max_index as f32 * 0.7).clamp(2.0, 18.0)
    };
    let max = model.max_day_count.max(1) as f32;
    painter.line_segment(
        [pos2(track.left(), bars_bottom), pos2(track.right(), bars_bottom)],
        Stroke::new(1.0, ui.visuals().weak_text_color()),
    );
    for (i, day) in model.days.iter().enumerate() {
        let x = x_of(i as f32);
        let mut y = bars_bottom;
        for status in Status::ALL.iter().rev() {
            let c = day.by_status[*status as usize];
            if c == 0 {
                continue;
            }
            let h = bars_height * c as f32 / max;
            painter.rect_filled(
                Rect::from_min_max(pos2(x - bar_w / 2.0, y - h), pos2(x + bar_w / 2.0, y)),
                CornerRadius::ZERO,
                theme::status_color(Some(*status)),
            );
            y -= h;
        }
    }
    // Track, past part filled.
    let track_y = rect.top() + 48.0;
    painter.line_segment(
        [pos2(track.left(), track_y), pos2(track.right(), track_y)],
        Stroke::new(4.0, ui.visuals().widgets.inactive.bg_fill),
    );
    painter.line_segment(
        [pos2(track.left(), track_y), pos2(x_of(index as f32), track_y)],
        Stroke::new(4.0, ui.visuals().selection.bg_fill),
    );
    // Ticks: every day if there is room, labels spaced to fit.
    let day_px = if max_index == 0 {
        width
    } else {
        track.width() / max_index as f32
    };
    let label_every = label_step(day_px);
    let tick_color = ui.visuals().text_color();
    for i in 0..n {
        let x = x_of(i as f32);
        let d = model.date_at(i);
        let labelled = i % label_every == 0 || (label_every >= 7 && d.day() == 1);
        if day_px >= 3.0 || labelled {
            let len = if labelled { 7.0 } else { 4.0 };
            painter.line_segment(
                [pos2(x, track_y + 4.0), pos2(x, track_y + 4.0 + len)],
                Stroke::new(1.0, tick_color.gamma_multiply(0.6)),
            );
        }
        if labelled {
            // Keep the first and last labels inside the panel.
            let (anchor, lx) = if x - 24.0 < rect.left() {
                (Align2::LEFT_TOP, rect.left())
            } else if x + 24.0 > rect.right() {
                (Align2::RIGHT_TOP, rect.right())
            } else {
                (Align2::CENTER_TOP, x)
            };
            painter.text(
                pos2(lx, track_y + 12.0),
                anchor,
                short_date(d),
                FontId::proportional(11.0),
                tick_color,
            );
        }
    }
    // Handle.
    let hx = x_of(index as f32);
    let visuals = ui.style().interact(&response);
    painter.circle(pos2(hx, track_y), 8.0, visuals.bg_fill, visuals.fg_stroke);
    painter.line_segment(
        [pos2(hx, rect.top() + 2.0), pos2(hx, track_y - 8.0)],
        Stroke::new(1.0, theme::SELECTION),
    );
    if response.hovered() || response.dragged() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
    }

    let value = index as f64;
    response.widget_info(|| WidgetInfo::slider(true, value, "Date"));
    ui.ctx().accesskit_node_builder(id, |b| {
        use egui::accesskit::Action;
        b.set_min_numeric_value(0.0);
        b.set_max_numeric_value(max_index as f64);
        b.set_numeric_value_step(1.0);
        b.set_value(long_date(model.date_at(index)));
        b.add_action(Action::SetValue);
        if index < max_index {
            b.add_action(Action::Increment);
        }
        if index > 0 {
            b.add_action(Action::Decrement);
        }
    });
    (index != old).then(|| model.date_at(index))
}

/// Label every k-th day so that labels (about 46 points wide) fit.
fn label_step(day_px: f32) -> usize {
    for step in [1usize, 2, 3, 5, 7, 14, 28, 56, 91, 182, 365] {
        if day_px * step as f32 >= 46.0 {
            return step;
        }
    }
    730
}

/// Translucent colour for a status, for backgrounds.
pub fn status_bg(status: Option<Status>) -> Color32 {
    theme::status_color(status).gamma_multiply(0.25)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_steps_fit() {
        assert_eq!(label_step(100.0), 1);
        assert_eq!(label_step(20.0), 3);
        assert_eq!(label_step(2.0), 28);
    }
}
