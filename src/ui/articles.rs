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
    if enter && let Some(&first) = search.results.first() {
        action = Some(ArticlesAction::SelectAndCenter(first));
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
    if !errors.is_empty() {
        egui::CollapsingHeader::new(
            RichText::new({
                let mut files: Vec<&std::path::Path> = errors.iter().map(|e| e.path.as_path()).collect();
                files.sort();
                files.dedup();
                format!("⚠ {} problems reading {} files", errors.len(), files.len())
            })
            .color(theme::status_color(Some(crate::reports::Status::Claimed))),
        )
        .default_open(errors.len() <= 5)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("errors")
                .max_height(160.0)
                .show(ui, |ui| {
                    for e in errors {
                        ui.label(RichText::new(e.to_string()).small());
                    }
                });
        });
    }
    // One fixed-height row per article, so only the visible rows are laid
    // out however many articles there are.
    let row_height =
        ui.text_style_height(&egui::TextStyle::Body) + ui.text_style_height(&egui::TextStyle::Small) + 12.0;
    egui::ScrollArea::vertical().auto_shrink([false, false]).show_rows(
        ui,
        row_height,
        model.articles.len(),
        |ui, rows| {
            for a in &model.articles[rows] {
                let date = match (a.published, basis_label(a.basis)) {
                    (Some(d), "") => short_date(d),
                    (Some(d), basis) => format!("{} ({basis})", short_date(d)),
                    (None, _) => "date unknown".to_owned(),
                };
                let (rect, resp) =
                    ui.allocate_exact_size(egui::vec2(ui.available_width(), row_height), egui::Sense::click());
                let resp = resp.on_hover_text(format!("{} — open in the reader", a.name));
                if ui.is_rect_visible(rect) {
                    let visuals = ui.style().interact(&resp);
                    ui.painter().rect_filled(
                        rect.shrink(1.0),
                        3.0,
                        if resp.hovered() {
                            visuals.bg_fill
                        } else {
                            ui.visuals().faint_bg_color
                        },
                    );
                    let title = a.title.as_deref().unwrap_or(&a.name);
                    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect.shrink2(egui::vec2(6.0, 3.0))));
                    child.add(
                        egui::Label::new(RichText::new(title).strong())
                            .truncate()
                            .selectable(false),
                    );
                    child.add(
                        egui::Label::new(
                            RichText::new(format!("{date} · {} mentions · {} reports", a.mentions, a.reports))
                                .small()
                                .weak(),
                        )
                        .truncate()
                        .selectable(false),
                    );
                }
                resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, format!("{}, {date}", a.name)));
                if resp.clicked() {
                    action = Some(ArticlesAction::OpenArticle(a.index));
                }
            }
        },
    );
    action
}

/// How an article's date is known, as the list shows it.
fn basis_label(b: crate::corpus::DateBasis) -> &'static str {
    use crate::corpus::DateBasis::*;
    match b {
        Stated | Unknown => "",
        Url => "from its address",
        Text => "from its text",
        Corpus => "from other articles",
        Guess => "a guess",
    }
}
