//! The excerpts panel: what the articles say about the selected place.
//!
//! Everything shown is prepared once per selection in a [`SelectionView`]
//! (sentences laid out with the place name and the cue highlighted), so a
//! frame only paints it.
//!
//! Each report can be reviewed here: accepted, rejected (it leaves the map
//! but stays listed, struck through) or corrected (status, event date,
//! place), with a note. The panel only asks; the app records the review
//! ([`crate::review`]) and rebuilds the views.

use std::ops::Range;
use std::sync::Arc;

use chrono::NaiveDate;
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, RichText, Sense, Stroke, Ui};

use crate::corpus::{Corpus, DateBasis, DateDisagreement, date_disagreements};
use crate::dates::DatePrecision;
use crate::gazetteer::{Gazetteer, PlaceId, PlaceKind};
use crate::reports::Status;
use crate::review::{Decision, ReviewFile, Reviewed};
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
    /// The analyst's decision, if reviewed.
    pub decision: Option<Decision>,
    pub note: String,
    /// For a corrected report: what the engine had read.
    pub engine_reading: Option<String>,
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
    /// Events whose reports name different days, one line each ("captured:
    /// 2 reports say 12 Aug, 1 says 13 Aug; the map uses 12 Aug").
    pub disagreements: Vec<String>,
    pub reports: Vec<ReportCard>,
    pub mentions: Vec<MentionCard>,
    /// Reports of the place the filter hides.
    pub filtered: usize,
    pub lon: f64,
    pub lat: f64,
}

/// A report's review being written in its card.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewEditor {
    /// Index into `Corpus::reports`.
    pub report: usize,
    pub decision: Decision,
    pub status: Status,
    /// `YYYY-MM-DD`, or empty for the engine's date.
    pub date: String,
    /// Any spelling of a place, or empty for the engine's place.
    pub place: String,
    pub note: String,
    /// Why the last save was refused.
    pub error: Option<String>,
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
    /// Accept or reject a report (keeping its note).
    Review {
        report: usize,
        decision: Decision,
    },
    /// Forget the review of a report.
    ClearReview(usize),
    /// Open the review editor on a report.
    EditReview(usize),
    /// Save what the editor holds.
    SaveReview(ReviewEditor),
    CancelReview,
}

impl SelectionView {
    pub fn new(
        gaz: &Gazetteer,
        corpus: &Corpus,
        reviewed: &Reviewed,
        review: &ReviewFile,
        model: &ViewModel,
        place: PlaceId,
    ) -> SelectionView {
        let p = gaz.place(place);
        let view = model.place(place);
        let reports = view
            .map(|v| v.reports.as_slice())
            .unwrap_or(&[])
            .iter()
            .map(|&ri| {
                let dr = &reviewed.reports[ri];
                let original = &corpus.reports[ri];
                let a = &corpus.articles[dr.article];
                let r = &dr.report;
                let rv = reviewed.review[ri].and_then(|k| review.reviews.get(k));
                let decision = rv.map(|x| x.decision);
                let engine_reading = (decision == Some(Decision::Corrected)).then(|| {
                    format!(
                        "the engine read: {}, {}, {}",
                        theme::status_label(Some(original.status())),
                        original.date().map(short_date).unwrap_or_else(|| "undated".to_owned()),
                        gaz.place(original.place()).name
                    )
                });
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
                    sentence: Arc::new({
                        let mut job = highlighted(
                            &a.text,
                            r.sentence.clone(),
                            &[
                                (r.mention.clone(), theme::NAME_HIGHLIGHT),
                                (r.cue.clone(), theme::CUE_HIGHLIGHT),
                            ],
                        );
                        if decision == Some(Decision::Rejected) {
                            strike_through(&mut job);
                        }
                        job
                    }),
                    passage: r.sentence.clone(),
                    name: r.mention.clone(),
                    cue: r.cue.clone(),
                    source: format!("{} · {published}", a.title.clone().unwrap_or_else(|| a.name.clone())),
                    url: a.url.clone(),
                    confidence: r.confidence,
                    hedged: r.hedged,
                    anaphoric: r.anaphoric,
                    also_in,
                    decision,
                    note: rv.map(|x| x.note.clone()).unwrap_or_default(),
                    engine_reading,
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
                let reported = reports.iter().any(|rc| rc.article == ai && rc.passage == sentence);
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
        let disagreements = date_disagreements(
            reports
                .iter()
                .filter(|c| c.decision != Some(Decision::Rejected))
                .map(|c| &reviewed.reports[c.report]),
        )
        .iter()
        .map(disagreement_line)
        .collect();
        SelectionView {
            place,
            name: p.name.clone(),
            kind: p.kind,
            province: gaz.province(&p.province).map(|x| x.name.clone()).unwrap_or_default(),
            spellings: view.map(|v| v.spellings.clone()).unwrap_or_default(),
            history: reviewed.timeline.history(place).to_vec(),
            disagreements,
            reports,
            mentions,
            filtered: view.map_or(0, |v| v.filtered),
            lon: p.lon,
            lat: p.lat,
        }
    }
}

/// "captured: 2 reports say 12 Aug, 1 says 13 Aug; the map uses 12 Aug".
fn disagreement_line(d: &DateDisagreement) -> String {
    let days: Vec<String> = d
        .days
        .iter()
        .enumerate()
        .map(|(i, &(day, n))| {
            let says = match (i, n) {
                (0, 1) => "report says",
                (0, _) => "reports say",
                (_, 1) => "says",
                _ => "say",
            };
            format!("{n} {says} {}", short_date(day))
        })
        .collect();
    let uses = d
        .consensus
        .map(|c| format!("; the map uses {}", short_date(c)))
        .unwrap_or_default();
    format!("{}: {}{uses}", theme::status_label(Some(d.status)), days.join(", "))
}

/// Draws a line through every section of a laid-out text.
fn strike_through(job: &mut LayoutJob) {
    for section in &mut job.sections {
        section.format.strikethrough = Stroke::new(1.2, Color32::from_gray(60));
        section.format.color = Color32::from_gray(110);
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
    editor: &mut Option<ReviewEditor>,
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
        if !sel.disagreements.is_empty() {
            ui.strong("Dates differ between reports");
            for line in &sel.disagreements {
                ui.label(line);
            }
            ui.add_space(6.0);
        }
        ui.strong(format!("Reports ({})", sel.reports.len()));
        if sel.reports.is_empty() && sel.filtered == 0 {
            ui.weak("No article reports who controls it.");
        }
        if sel.filtered > 0 {
            ui.weak(format!(
                "{} hedged or low-confidence {} hidden by the filter (View → Report filter)",
                sel.filtered,
                if sel.filtered == 1 { "report" } else { "reports" }
            ));
        }
        // Cards are laid out a page at a time: a place with thousands of
        // reports stays cheap to draw.
        *shown = (*shown).clamp(PAGE, sel.reports.len().max(PAGE));
        for card in sel.reports.iter().take(*shown) {
            let editing = editor.as_mut().filter(|e| e.report == card.report);
            if let Some(a) = report_card(ui, card, editing) {
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

fn report_card(ui: &mut Ui, card: &ReportCard, editor: Option<&mut ReviewEditor>) -> Option<ExcerptAction> {
    let mut action = None;
    let fill = match card.decision {
        Some(Decision::Rejected) => Color32::from_rgb(0xF2, 0xF0, 0xEE),
        Some(_) => Color32::from_rgb(0xF5, 0xFA, 0xF2),
        None => Color32::from_rgb(0xFC, 0xFB, 0xF8),
    };
    egui::Frame::group(ui.style()).fill(fill).show(ui, |ui| {
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
                        Some(DatePrecision::Month) => " (only the month is given)",
                        _ => "",
                    };
                    let around = if card.precision == Some(DatePrecision::Month) {
                        "around "
                    } else {
                        ""
                    };
                    ui.strong(format!("{around}{}{note}", long_date(d)));
                }
                None => {
                    ui.weak("undated");
                }
            }
        });
        if let Some(d) = card.decision {
            review_badge(ui, d, card);
        }
        let sentence = ui
            .add(egui::Label::new(card.sentence.clone()).sense(Sense::click()))
            .on_hover_text("Open the article at this passage");
        if sentence.clicked() {
            action = Some(open_reader(card));
        }
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
        ui.horizontal_wrapped(|ui| {
            if ui.small_button("Read in context").clicked() {
                action = Some(open_reader(card));
            }
            if let Some(url) = &card.url {
                ui.hyperlink_to("Open source ↗", url);
            }
        });
        ui.horizontal_wrapped(|ui| {
            if card.decision != Some(Decision::Accepted)
                && ui
                    .small_button("✔ Accept")
                    .on_hover_text("The report is right")
                    .clicked()
            {
                action = Some(ExcerptAction::Review {
                    report: card.report,
                    decision: Decision::Accepted,
                });
            }
            if card.decision != Some(Decision::Rejected)
                && ui
                    .small_button("✖ Reject")
                    .on_hover_text("The report is wrong: take it off the map")
                    .clicked()
            {
                action = Some(ExcerptAction::Review {
                    report: card.report,
                    decision: Decision::Rejected,
                });
            }
            if ui
                .small_button("✎ Correct…")
                .on_hover_text("Correct its status, date or place, or add a note")
                .clicked()
            {
                action = Some(ExcerptAction::EditReview(card.report));
            }
            if card.decision.is_some()
                && ui
                    .small_button("Clear review")
                    .on_hover_text("Back to the engine's reading")
                    .clicked()
            {
                action = Some(ExcerptAction::ClearReview(card.report));
            }
        });
        if let Some(ed) = editor
            && let Some(a) = review_editor_ui(ui, ed)
        {
            action = Some(a);
        }
    });
    action
}

fn open_reader(card: &ReportCard) -> ExcerptAction {
    ExcerptAction::OpenReader {
        article: card.article,
        passage: card.passage.clone(),
        name: card.name.clone(),
        cue: Some(card.cue.clone()),
    }
}

/// What the analyst decided, and the note.
fn review_badge(ui: &mut Ui, decision: Decision, card: &ReportCard) {
    let (text, color) = match decision {
        Decision::Accepted => ("✔ Accepted", Color32::from_rgb(0x2E, 0x7D, 0x32)),
        Decision::Rejected => ("✖ Rejected: not on the map", Color32::from_rgb(0x6D, 0x4C, 0x41)),
        Decision::Corrected => ("✎ Corrected", Color32::from_rgb(0x00, 0x69, 0x5C)),
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(text).strong().color(color));
        if let Some(was) = &card.engine_reading {
            ui.weak(format!("({was})"));
        }
    });
    if !card.note.is_empty() {
        ui.label(RichText::new(format!("Note: {}", card.note)).italics());
    }
}

/// The review editor inside a card.
fn review_editor_ui(ui: &mut Ui, ed: &mut ReviewEditor) -> Option<ExcerptAction> {
    let mut action = None;
    ui.separator();
    egui::Grid::new(("review-editor", ed.report))
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            ui.label("Decision");
            ui.horizontal(|ui| {
                ui.radio_value(&mut ed.decision, Decision::Accepted, "accept");
                ui.radio_value(&mut ed.decision, Decision::Rejected, "reject");
                ui.radio_value(&mut ed.decision, Decision::Corrected, "correct");
            });
            ui.end_row();
            let correcting = ed.decision == Decision::Corrected;
            ui.label("Status");
            ui.add_enabled_ui(correcting, |ui| {
                ui.horizontal_wrapped(|ui| {
                    for st in Status::ALL.into_iter().rev() {
                        ui.radio_value(&mut ed.status, st, theme::status_label(Some(st)));
                    }
                });
            });
            ui.end_row();
            let label = ui.label("Event date");
            ui.add_enabled(
                correcting,
                egui::TextEdit::singleline(&mut ed.date)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(110.0),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Place");
            ui.add_enabled(
                correcting,
                egui::TextEdit::singleline(&mut ed.place)
                    .hint_text("any spelling")
                    .desired_width(180.0),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Note");
            ui.add(
                egui::TextEdit::singleline(&mut ed.note)
                    .hint_text("optional")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
            ui.end_row();
        });
    if let Some(e) = &ed.error {
        ui.colored_label(theme::status_color(Some(Status::Captured)), e);
    }
    ui.horizontal(|ui| {
        if ui.button("Save review").clicked() {
            action = Some(ExcerptAction::SaveReview(ed.clone()));
        }
        if ui.button("Cancel").clicked() {
            action = Some(ExcerptAction::CancelReview);
        }
    });
    action
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
