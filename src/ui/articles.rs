//! The left panel: find a place by any spelling, the list of articles with
//! their dates, and the files that could not be read.

use egui::{RichText, Ui};

use crate::gazetteer::{Gazetteer, PlaceId};
use crate::input::LoadError;
use crate::ui::model::{ViewModel, short_date};
use crate::ui::theme;

/// Search box state: the query and its results, recomputed only when the
/// query changes.
#[derive(Debug, Default, Clone)]
pub struct SearchState {
    pub query: String,
    searched: String,
    pub results: Vec<PlaceId>,
}

impl SearchState {
    /// Updates the results if the query changed.
    pub fn refresh(&mut self, gaz: &Gazetteer, model: &ViewModel) {
        if self.query == self.searched {
            return;
        }
        self.searched = self.query.clone();
        let mut hits = gaz.search(self.query.trim(), 40);
        // Places in the corpus first, then the rest of the gazetteer.
        hits.sort_by_key(|id| model.place(*id).is_none());
        hits.truncate(10);
        self.results = hits;
    }
}

/// What the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum ArticlesAction {
    SelectAndCenter(PlaceId),
    OpenArticle(usize),
}

/// Shows the panel.
pub fn articles_ui(
    ui: &mut Ui,
    gaz: &Gazetteer,
    model: &ViewModel,
    search: &mut SearchState,
    errors: &[LoadError],
    loading: Option<(usize, usize)>,
) -> Option<ArticlesAction> {
    let mut action = None;
    ui.heading("Find a place");
    let edit = ui.add(
        egui::TextEdit::singleline(&mut search.query)
            .hint_text("Any spelling: Kaboel, Mazar-e Sharif…")
            .desired_width(f32::INFINITY),
    );
    search.refresh(gaz, model);
    let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if enter {
        if let Some(&first) = search.results.first() {
            action = Some(ArticlesAction::SelectAndCenter(first));
        }
    }
    if !search.query.trim().is_empty() {
        if search.results.is_empty() {
            ui.weak("No place of that name in the gazetteer.");
        }
        for &id in &search.results {
            let p = gaz.place(id);
            let in_corpus = model.place(id);
            let detail = match in_corpus {
                Some(v) => format!("{} reports, {} mentions", v.reports.len(), v.mention_count),
                None => "not in these articles".to_owned(),
            };
            let province = gaz.province(&p.province).map(|x| x.name.as_str()).unwrap_or("");
            let text = format!("{} — {}, {} · {}", p.name, theme::kind_label(p.kind), province, detail);
            if ui.selectable_label(false, text).clicked() {
                action = Some(ArticlesAction::SelectAndCenter(id));
            }
        }
    }
    ui.separator();
    if let Some((done, total)) = loading {
        ui.label(format!("Reading articles… {done} of {total}"));
        ui.add(egui::ProgressBar::new(if total == 0 { 0.0 } else { done as f32 / total as f32 }).show_percentage());
        ui.separator();
    }
    ui.heading(format!("Articles ({})", model.articles.len()));
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        for a in &model.articles {
            let date = match a.published {
                Some(d) if a.inferred => format!("{} (inferred)", short_date(d)),
                Some(d) => short_date(d),
                None => "date unknown".to_owned(),
            };
            let resp = egui::Frame::group(ui.style())
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    if let Some(t) = &a.title {
                        ui.label(RichText::new(t).strong());
                    }
                    ui.label(RichText::new(&a.name).monospace().small());
                    ui.weak(format!("{date} · {} mentions · {} reports", a.mentions, a.reports));
                })
                .response
                .interact(egui::Sense::click())
                .on_hover_text("Open in the reader");
            if resp.clicked() {
                action = Some(ArticlesAction::OpenArticle(a.index));
            }
        }
        if !errors.is_empty() {
            ui.add_space(6.0);
            egui::CollapsingHeader::new(RichText::new(format!("⚠ {} files could not be read", errors.len())).color(theme::status_color(Some(crate::reports::Status::Claimed))))
                .default_open(true)
                .show(ui, |ui| {
                    for e in errors {
                        ui.label(RichText::new(e.to_string()).small());
                    }
                });
        }
    });
    action
}
