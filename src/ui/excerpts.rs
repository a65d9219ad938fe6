//! The excerpts panel: what the articles say about the selected place.
//!
//! Everything shown is prepared once per selection in a [`SelectionView`]
//! (sentences laid out with the place name and the cue highlighted), so a
//! frame only paints it.

use std::ops::Range;
use std::sync::Arc;

use chrono::NaiveDate;
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, RichText, Sense, Stroke, Ui};

use crate::corpus::{Corpus, DateBasis};
use crate::dates::DatePrecision;
use crate::gazetteer::{Gazetteer, PlaceId, PlaceKind};
use crate::reports::Status;
use crate::timeline::StatusChange;
use crate::ui::model::{DateView, ViewModel, long_date, short_date};
use crate::ui::theme;

/// One report, ready to show.
#[derive(Debug, Clone)]
pub struct ReportCard {
    /// Index into `Corpus::reports`.
    pub report: usize,
    pub article: usize,
    pub status: Status,
    pub event: Option<NaiveDate>,
    pub precision: Option<DatePrecision>,
    pub sentence: Arc<LayoutJob>,
    /// Spans in the article text, for the reader.
    pub passage: Range<usize>,
    pub name: Range<usize>,
    pub cue: Range<usize>,
    pub source: String,
    pub url: Option<String>,
    pub confidence: f32,
    pub hedged: bool,
    pub anaphoric: bool,
    pub also_in: Vec<String>,
}

/// A sentence that mentions the place without a report.
#[derive(Debug, Clone)]
pub struct MentionCard {
    pub article: usize,
    pub passage: Range<usize>,
    pub name: Range<usize>,
    pub sentence: Arc<LayoutJob>,
    pub source: String,
}

/// Everything the panel shows for one selected place.
#[derive(Debug, Clone)]
pub struct SelectionView {
    pub place: PlaceId,
    pub name: String,
    pub kind: PlaceKind,
    pub province: String,
    pub spellings: Vec<String>,
    pub history: Vec<StatusChange>,
    pub reports: Vec<ReportCard>,
    pub mentions: Vec<MentionCard>,
    pub lon: f64,
    pub lat: f64,
}

/// What the user asked for in the panel.
#[derive(Debug, Clone, PartialEq)]
pub enum ExcerptAction {
    /// Open the reader on an article with a passage highlighted.
    OpenReader {
        article: usize,
        passage: Range<usize>,
        name: Range<usize>,
        cue: Option<Range<usize>>,
    },
    Select(PlaceId),
    Center(PlaceId),
    ClearSelection,
    SetDate(NaiveDate),
}

impl SelectionView {
    pub fn new(gaz: &Gazetteer, corpus: &Corpus, model: &ViewModel, place: PlaceId) -> SelectionView {
        let p = gaz.place(place);
        let view = model.place(place);
        let reports = view
            .map(|v| v.reports.as_slice())
            .unwrap_or(&[])
            .iter()
            .map(|&ri| {
                let dr = &corpus.reports[ri];
                let a = &corpus.articles[dr.article];
                let r = &dr.report;
                let publ = corpus.publications[dr.article];
                let published = match publ.date {
                    Some(d) if publ.inferred => {
                        format!("published {} (inferred{})", short_date(d), basis_note(publ.basis))
                    }
                    Some(d) => format!("published {}", short_date(d)),
                    None => "publication date unknown".to_owned(),
                };
                let also_in = model
                    .duplicates_of(ri)
                    .iter()
                    .map(|&o| corpus.articles[corpus.reports[o].article].name.clone())
                    .collect();
                ReportCard {
                    report: ri,
                    article: dr.article,
                    status: r.status,
                    event: dr.date(),
                    precision: dr.event.map(|e| e.precision),
                    sentence: Arc::new(highlighted(
                        &a.text,
                        r.sentence.clone(),
                        &[
                            (r.mention.clone(), theme::NAME_HIGHLIGHT),
                            (r.cue.clone(), theme::CUE_HIGHLIGHT),
                        ],
                    )),
                    passage: r.sentence.clone(),
                    name: r.mention.clone(),
                    cue: r.cue.clone(),
                    source: format!("{} · {published}", a.title.clone().unwrap_or_else(|| a.name.clone())),
                    url: a.url.clone(),
                    confidence: r.confidence,
                    hedged: r.hedged,
                    anaphoric: r.anaphoric,
                    also_in,
                }
            })
            .collect::<Vec<_>>();
        // Sentences naming the place that carry no report.
        let mut mentions = Vec::new();
        for (ai, (a, analysis)) in corpus.articles.iter().zip(&corpus.analyses).enumerate() {
            for m in analysis.mentions.iter().filter(|m| m.place == place) {
                let Some(sentence) = analysis.sentences.get(m.sentence).cloned() else {
                    continue;
                };
                let reported = reports
                    .iter()
                    .any(|rc| rc.article == ai && corpus.reports[rc.report].report.sentence == sentence);
                if reported || mentions.len() >= 40 {
                    continue;
                }
                mentions.push(MentionCard {
                    article: ai,
                    passage: sentence.clone(),
                    name: m.span.clone(),
                    sentence: Arc::new(highlighted(
                        &a.text,
                        sentence,
                        &[(m.span.clone(), theme::NAME_HIGHLIGHT)],
                    )),
                    source: a.title.clone().unwrap_or_else(|| a.name.clone()),
                });
            }
        }
        SelectionView {
            place,
            name: p.name.clone(),
            kind: p.kind,
            province: gaz.province(&p.province).map(|x| x.name.clone()).unwrap_or_default(),
            spellings: view.map(|v| v.spellings.clone()).unwrap_or_default(),
            history: corpus.timeline.history(place).to_vec(),
            reports,
            mentions,
            lon: p.lon,
            lat: p.lat,
        }
    }
}

fn basis_note(b: DateBasis) -> &'static str {
    match b {
        DateBasis::Stated => "",
        DateBasis::Url => " from its address",
        DateBasis::Text => " from its text",
        DateBasis::Corpus => " from other articles",
        DateBasis::Guess => ", a guess",
        DateBasis::Unknown => "",
    }
}

/// Lays out `text[range]` with background highlights on sub-ranges.
pub fn highlighted(text: &str, range: Range<usize>, marks: &[(Range<usize>, Color32)]) -> LayoutJob {
    let mut job = LayoutJob::default();
    let font = FontId::proportional(13.5);
    let plain = TextFormat {
        font_id: font.clone(),
        color: Color32::from_gray(30),
        ..Default::default()
    };
    let mut cuts: Vec<usize> = vec![range.start, range.end];
    for (r, _) in marks {
        cuts.push(r.start.clamp(range.start, range.end));
        cuts.push(r.end.clamp(range.start, range.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a >= b || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
            continue;
        }
        let mark = marks.iter().find(|(r, _)| r.start <= a && b <= r.end);
        let format = match mark {
            Some((_, bg)) => TextFormat {
                background: *bg,
                underline: Stroke::new(1.0, Color32::from_gray(90)),
                ..plain.clone()
            },
            None => plain.clone(),
        };
        job.append(&text[a..b], 0.0, format);
    }
    job.wrap.max_width = f32::INFINITY;
    job
}

/// Shows the panel.
pub fn excerpts_ui(
    ui: &mut Ui,
    model: &ViewModel,
    date_view: &DateView,
    selection: Option<&SelectionView>,
    shown: &mut usize,
) -> Option<ExcerptAction> {
    let mut action = None;
    let Some(sel) = selection else {
        overview(ui, model, date_view, &mut action);
        return action;
    };
    ui.horizontal(|ui| {
        ui.heading(&sel.name);
        if ui.small_button("×").on_hover_text("Clear the selection").clicked() {
            action = Some(ExcerptAction::ClearSelection);
        }
        if ui.small_button("⌖").on_hover_text("Centre the map on it").clicked() {
            action = Some(ExcerptAction::Center(sel.place));
        }
    });
    let where_ = match sel.kind {
        PlaceKind::Province => "province of Afghanistan".to_owned(),
        kind => format!("{} in {} province", theme::kind_label(kind), sel.province),
    };
    ui.label(format!("{where_} · {:.3}° N {:.3}° E", sel.lat, sel.lon));
    if !sel.spellings.is_empty() {
        ui.label(RichText::new(format!("Written in the corpus as: {}", sel.spellings.join(", "))).italics());
    }
    let now = model
        .place_index(sel.place)
        .and_then(|i| date_view.statuses.get(i).copied().flatten());
    ui.horizontal(|ui| {
        status_chip(ui, now.map(|c| c.status));
        if let (Some(c), Some(d)) = (now, date_view.date) {
            ui.label(format!("on {} (since {})", short_date(d), short_date(c.date)));
        }
    });
    ui.separator();
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        if !sel.history.is_empty() {
            ui.strong("Status history");
            for c in &sel.history {
                ui.horizontal(|ui| {
                    if ui
                        .link(short_date(c.date))
                        .on_hover_text("Move the timeline to this day")
                        .clicked()
                    {
                        action = Some(ExcerptAction::SetDate(c.date));
                    }
                    status_chip(ui, Some(c.status));
                });
            }
            ui.add_space(6.0);
        }
        ui.strong(format!("Reports ({})", sel.reports.len()));
        if sel.reports.is_empty() {
            ui.weak("No article reports who controls it.");
        }
        // Cards are laid out a page at a time: a place with thousands of
        // reports stays cheap to draw.
        *shown = (*shown).clamp(PAGE, sel.reports.len().max(PAGE));
        for card in sel.reports.iter().take(*shown) {
            if let Some(a) = report_card(ui, card) {
                action = Some(a);
            }
        }
        if sel.reports.len() > *shown {
            let more = (sel.reports.len() - *shown).min(PAGE);
            if ui
                .button(format!("Show {more} more of {} remaining", sel.reports.len() - *shown))
                .clicked()
            {
                *shown += PAGE;
            }
        }
        if !sel.mentions.is_empty() {
            ui.add_space(8.0);
            ui.strong(format!("Other mentions ({})", sel.mentions.len()));
            for m in &sel.mentions {
                let resp = egui::Frame::group(ui.style())
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.label(m.sentence.clone());
                        ui.weak(&m.source);
                    })
                    .response
                    .interact(Sense::click());
                if resp.on_hover_text("Open the article at this passage").clicked() {
                    action = Some(ExcerptAction::OpenReader {
                        article: m.article,
                        passage: m.passage.clone(),
                        name: m.name.clone(),
                        cue: None,
                    });
                }
            }
        }
    });
    action
}

fn report_card(ui: &mut Ui, card: &ReportCard) -> Option<ExcerptAction> {
    let mut action = None;
    let inner = egui::Frame::group(ui.style())
        .fill(Color32::from_rgb(0xFC, 0xFB, 0xF8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                status_chip(ui, Some(card.status));
                match card.event {
                    Some(d) => {
                        let note = match card.precision {
                            Some(DatePrecision::Publication) => " (day of publication)",
                            Some(DatePrecision::Background) => " (by publication; day not given)",
                            Some(DatePrecision::Corpus) => " (as other articles date it)",
                            Some(DatePrecision::Week) => " (that week)",
                            _ => "",
                        };
                        ui.strong(format!("{}{note}", long_date(d)));
                    }
                    None => {
                        ui.weak("undated");
                    }
                }
            });
            ui.label(card.sentence.clone());
            ui.horizontal_wrapped(|ui| {
                ui.weak(&card.source);
                let mut notes = Vec::new();
                if card.hedged {
                    notes.push("hedged");
                }
                if card.anaphoric {
                    notes.push("place named in the previous sentence");
                }
                if !notes.is_empty() {
                    ui.weak(format!("· {}", notes.join(", ")));
                }
                ui.weak(format!("· confidence {:.0}%", card.confidence * 100.0));
            });
            if !card.also_in.is_empty() {
                ui.weak(format!("Also in: {}", card.also_in.join(", ")));
            }
            ui.horizontal(|ui| {
                if ui.small_button("Read in context").clicked() {
                    action = Some(());
                }
                if let Some(url) = &card.url {
                    ui.hyperlink_to("Open source ↗", url);
                }
            });
        });
    let resp = inner
        .response
        .interact(Sense::click())
        .on_hover_text("Open the article at this passage");
    if resp.clicked() || action.is_some() {
        return Some(ExcerptAction::OpenReader {
            article: card.article,
            passage: card.passage.clone(),
            name: card.name.clone(),
            cue: Some(card.cue.clone()),
        });
    }
    None
}

/// Report cards shown at a time.
pub const PAGE: usize = 40;

/// A coloured status badge.
pub fn status_chip(ui: &mut Ui, status: Option<Status>) {
    let color = theme::status_color(status);
    let text_color = match status {
        Some(Status::Threatened) | Some(Status::Contested) | None => Color32::from_gray(20),
        _ => Color32::WHITE,
    };
    egui::Frame::new()
        .fill(color)
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| {
            ui.label(
                RichText::new(theme::status_label(status))
                    .color(text_color)
                    .small()
                    .strong(),
            );
        });
}

/// Without a selection: how to use the panel and what stands at the date.
fn overview(ui: &mut Ui, model: &ViewModel, date_view: &DateView, action: &mut Option<ExcerptAction>) {
    ui.heading("Excerpts");
    ui.label("Click a marker, or find a place on the left, to read what the articles report about it.");
    ui.separator();
    let Some(date) = date_view.date else { return };
    ui.strong(format!("On {}", long_date(date)));
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        for (status, places) in &date_view.by_status {
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                status_chip(ui, Some(*status));
                ui.label(format!("{}", places.len()));
            });
            for &i in places.iter().take(60) {
                let p = &model.places[i];
                let since = date_view.statuses[i].map(|c| short_date(c.date)).unwrap_or_default();
                if ui.link(format!("{} — since {since}", p.name)).clicked() {
                    *action = Some(ExcerptAction::Select(p.id));
                }
            }
            if places.len() > 60 {
                ui.weak(format!("… and {} more", places.len() - 60));
            }
        }
    });
}
