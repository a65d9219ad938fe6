//! Articles: the text opmars reads, where it came from and what it says
//! about its own date.
//!
//! An [`Article`] owns its text; every span elsewhere in the engine (place
//! mentions, sentences, cues) is a byte range into [`Article::text`]. For
//! plain-text UTF-8 files that text is the file itself, so spans are file
//! offsets; for HTML, JSON or re-encoded files it is the extracted text.

use std::path::PathBuf;

use serde::Serialize;

use crate::dates::{DateError, PartialDate, parse_date_marker};

/// One news article.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    /// Display name: the file name, or `file.jsonl#3` for records.
    pub name: String,
    /// Where it was read from, when it came from disk.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<PathBuf>,
    /// Headline, when the source format has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Canonical URL, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The article text. All spans index into it.
    #[serde(skip)]
    pub text: String,
    /// Byte offset where the article body starts (after a `date` marker).
    pub body_start: usize,
    /// The date the source states: a `date` marker or document metadata,
    /// possibly only to the month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stated_date: Option<PartialDate>,
}

/// Errors making an article from text.
#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    #[error("{name}: the file is empty")]
    Empty { name: String },
    #[error("{name}: {source}")]
    BadDate { name: String, source: DateError },
}

impl Article {
    /// An article with this name and text and nothing else known yet (no
    /// `date` marker is looked for: use [`Article::from_plain_text`] for
    /// that). The readers fill in the other fields.
    pub fn new(name: impl Into<String>, text: String) -> Self {
        Article {
            name: name.into(),
            path: None,
            title: None,
            url: None,
            text,
            body_start: 0,
            stated_date: None,
        }
    }

    /// An article from plain text whose first line may be a `date` marker.
    pub fn from_plain_text(name: impl Into<String>, text: String) -> Result<Self, ArticleError> {
        let name = name.into();
        if text.trim().is_empty() {
            return Err(ArticleError::Empty { name });
        }
        let (stated_date, body_start) = match parse_date_marker(&text) {
            Ok(Some((date, body))) => (Some(date), body),
            Ok(None) => (None, 0),
            Err(source) => return Err(ArticleError::BadDate { name, source }),
        };
        Ok(Article {
            name,
            path: None,
            title: None,
            url: None,
            text,
            body_start,
            stated_date,
        })
    }

    /// The article body (text after any `date` marker).
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

/// The five Dutch articles shipped with opmars (`seeds/`), embedded so the
/// binary works from any directory.
pub const BUNDLED_SEEDS: [(&str, &str); 5] = [
    (
        "000_5899fcac6df4a997.txt",
        include_str!("../seeds/000_5899fcac6df4a997.txt"),
    ),
    (
        "001_fb73cf0123c89613.txt",
        include_str!("../seeds/001_fb73cf0123c89613.txt"),
    ),
    (
        "002_e033a7bcba368eaf.txt",
        include_str!("../seeds/002_e033a7bcba368eaf.txt"),
    ),
    (
        "003_877bad85812eda83.txt",
        include_str!("../seeds/003_877bad85812eda83.txt"),
    ),
    (
        "004_d9d3ac52fb533a78.txt",
        include_str!("../seeds/004_d9d3ac52fb533a78.txt"),
    ),
];

/// The bundled seed articles.
pub fn bundled_seeds() -> Vec<Article> {
    BUNDLED_SEEDS
        .iter()
        .filter_map(|(name, text)| Article::from_plain_text(*name, (*text).to_owned()).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_load_with_their_markers() {
        let seeds = bundled_seeds();
        assert_eq!(seeds.len(), 5);
        assert!(seeds[0].stated_date.is_none());
        assert!(seeds[1].stated_date.is_none());
        for s in &seeds[2..] {
            assert_eq!(
                s.stated_date,
                Some(PartialDate {
                    year: 2021,
                    month: 8,
                    day: None
                })
            );
            assert!(
                s.body().starts_with("De ") || s.body().starts_with("Taliban"),
                "{}",
                s.name
            );
        }
    }

    #[test]
    fn empty_and_bad_dates_are_errors() {
        assert!(matches!(
            Article::from_plain_text("a.txt", "  \n ".into()),
            Err(ArticleError::Empty { .. })
        ));
        let err = Article::from_plain_text("b.txt", "date 2021-13-45 Tekst".into()).unwrap_err();
        assert_eq!(err.to_string(), "b.txt: impossible date 2021-13-45");
    }
}
