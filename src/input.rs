//! Reading articles from files and folders.
//!
//! Every file is read independently: one unreadable file produces one
//! [`LoadError`] naming it, and everything else still loads. Nothing is
//! ever written back.

use std::fs;
use std::path::{Path, PathBuf};

use crate::article::Article;

/// A file that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: PathBuf,
    pub message: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

/// The articles read from some paths, and the failures.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub errors: Vec<LoadError>,
}

/// File extensions read as articles.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md"];

/// Reads every article under `paths` (files, or folders read recursively).
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    let mut loaded = Loaded::default();
    let mut files = Vec::new();
    for p in paths {
        collect_files(p, &mut files, &mut loaded.errors);
    }
    files.sort();
    files.dedup();
    for f in files {
        match read_article(&f) {
            Ok(a) => loaded.articles.push(a),
            Err(message) => loaded.errors.push(LoadError { path: f, message }),
        }
    }
    loaded
}

fn collect_files(p: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<LoadError>) {
    let meta = match fs::metadata(p) {
        Ok(m) => m,
        Err(e) => {
            errors.push(LoadError {
                path: p.to_owned(),
                message: e.to_string(),
            });
            return;
        }
    };
    if meta.is_file() {
        files.push(p.to_owned());
        return;
    }
    let entries = match fs::read_dir(p) {
        Ok(e) => e,
        Err(e) => {
            errors.push(LoadError {
                path: p.to_owned(),
                message: e.to_string(),
            });
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for c in children {
        if c.is_dir() {
            collect_files(&c, files, errors);
        } else if c
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            files.push(c);
        }
    }
}

fn read_article(path: &Path) -> Result<Article, String> {
    let bytes = fs::read(path).map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_owned())?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let mut article = Article::from_plain_text(name, text).map_err(|e| match e {
        crate::article::ArticleError::Empty { .. } => "the file is empty".to_owned(),
        crate::article::ArticleError::BadDate { source, .. } => source.to_string(),
    })?;
    article.path = Some(path.to_owned());
    Ok(article)
}
