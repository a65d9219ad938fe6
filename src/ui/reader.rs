//! The article reader: the whole article with the reported passage
//! highlighted and scrolled into view.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{CCursor, LayoutJob};
use egui::{Align, Context, RichText};

use crate::corpus::Corpus;
use crate::ui::excerpts::highlighted;
use crate::ui::model::short_date;
use crate::ui::theme;

/// An open reader.
#[derive(Debug, Clone)]
pub struct ReaderState {
    pub article: usize,
    pub passage: Option<Range<usize>>,
    title: String,
    subtitle: String,
    url: Option<String>,
    job: Arc<LayoutJob>,
    /// The laid-out article and the width it was laid out for.
    galley: Option<(f32, Arc<egui::Galley>)>,
    /// Character offset of the passage, for scrolling.
    passage_char: Option<usize>,
    scroll_pending: bool,
}

impl ReaderState {
    /// Prepares the reader for an article, optionally highlighting a
    /// passage with the place name and cue inside it.
    pub fn new(
        corpus: &Corpus,
        article: usize,
        passage: Option<Range<usize>>,
        name: Option<Range<usize>>,
        cue: Option<Range<usize>>,
    ) -> Option<Self> {
        let a = corpus.articles.get(article)?;
        let text = &a.text;
        let body = a.body_start.min(text.len())..text.len();
        let mut marks = Vec::new();
        if let Some(p) = &passage {
            marks.push((p.clone(), theme::PASSAGE_HIGHLIGHT));
        }
        // Narrower marks win: they are listed last and looked up first.
        let mut inner = Vec::new();
        if let Some(n) = name {
            inner.push((n, theme::NAME_HIGHLIGHT));
        }
        if let Some(c) = cue {
            inner.push((c, theme::CUE_HIGHLIGHT));
        }
        inner.extend(marks);
        let job = highlighted(text, body.clone(), &inner);
        let passage_char = passage.as_ref().map(|p| {
            text[body.start..p.start.max(body.start).min(text.len())]
                .chars()
                .count()
        });
        let publ = corpus.publications[article];
        let subtitle = match publ.date {
            Some(d) if publ.inferred => format!("Published {} (inferred)", short_date(d)),
            Some(d) => format!("Published {}", short_date(d)),
            None => "Publication date unknown".to_owned(),
        };
        Some(ReaderState {
            article,
            passage,
            title: a.title.clone().unwrap_or_else(|| a.name.clone()),
            subtitle: format!("{} · {subtitle}", a.name),
            url: a.url.clone(),
            job: Arc::new(job),
            galley: None,
            passage_char,
            scroll_pending: true,
        })
    }
}

/// Shows the reader window; clears `state` when closed.
pub fn reader_window(ctx: &Context, state: &mut Option<ReaderState>) {
    let Some(reader) = state.as_mut() else { return };
    let mut open = true;
    egui::Window::new(RichText::new(format!("Reader — {}", reader.title)).strong())
        .id(egui::Id::unique("reader"))
        .open(&mut open)
        .default_size([620.0, 540.0])
        .resizable(true)
        .collapsible(false)
        .show(ctx, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.weak(&reader.subtitle);
                if let Some(url) = &reader.url {
                    ui.hyperlink_to("Open source ↗", url);
                }
            });
            ui.separator();
            egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
                // Laid out once per width, not per frame.
                let width = ui.available_width();
                let galley = match &reader.galley {
                    Some((w, g)) if (*w - width).abs() < 0.5 => g.clone(),
                    _ => {
                        let mut job = (*reader.job).clone();
                        job.wrap.max_width = width;
                        let g = ui.fonts_mut(|f| f.layout_job(job));
                        reader.galley = Some((width, g.clone()));
                        g
                    }
                };
                let response = ui.add(egui::Label::new(galley.clone()).selectable(true));
                if reader.scroll_pending {
                    if let Some(c) = reader.passage_char {
                        let local = galley.pos_from_cursor(CCursor::new(c));
                        let rect = local.translate(response.rect.min.to_vec2());
                        ui.scroll_to_rect(rect.expand(40.0), Some(Align::Center));
                    }
                    reader.scroll_pending = false;
                }
            });
        });
    if !open {
        *state = None;
    }
}
