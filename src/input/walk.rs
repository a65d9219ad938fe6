//! Finding the files to read: folders recursively, symbolic links
//! followed but never round a loop, each unreadable entry reported once.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{Format, LoadError, MAX_DEPTH, MAX_FILES};

/// File extensions read as articles when found in a folder.
pub const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "json", "jsonl", "ndjson",
];

/// A file to read and the name its articles get.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FileEntry {
    pub path: PathBuf,
    pub name: String,
}

struct Walk<'e> {
    files: Vec<FileEntry>,
    /// Canonical paths of files already listed (one file, many links).
    seen_files: HashSet<PathBuf>,
    /// Canonical paths of folders already read.
    seen_dirs: HashSet<PathBuf>,
    errors: &'e mut Vec<LoadError>,
    full: bool,
}

impl Walk<'_> {
    fn error(&mut self, path: &Path, message: impl Into<String>) {
        self.errors.push(LoadError {
            path: path.to_owned(),
            message: message.into(),
        });
    }

    fn add(&mut self, path: PathBuf, name: String) {
        if self.files.len() >= MAX_FILES {
            if !self.full {
                self.full = true;
                self.error(
                    &path,
                    format!("more than {MAX_FILES} files to read; this one and the rest are not read"),
                );
            }
            return;
        }
        let key = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if self.seen_files.insert(key) {
            self.files.push(FileEntry { path, name });
        }
    }
}

/// Lists the files under `paths` in reading order, reporting what cannot
/// be listed.
pub(crate) fn collect(paths: &[PathBuf], errors: &mut Vec<LoadError>) -> Vec<FileEntry> {
    let mut walk = Walk {
        files: Vec::new(),
        seen_files: HashSet::new(),
        seen_dirs: HashSet::new(),
        errors,
        full: false,
    };
    for p in paths {
        let meta = match fs::metadata(p) {
            Ok(m) => m,
            Err(e) => {
                walk.error(p, io_reason(p, &e));
                continue;
            }
        };
        if meta.is_file() {
            walk.add(p.clone(), file_name(p));
        } else if meta.is_dir() {
            let canonical = fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            if walk.seen_dirs.insert(canonical.clone()) {
                walk_dir(&mut walk, p, p, &mut vec![canonical], 0);
            }
        } else {
            walk.error(p, "not a regular file or folder");
        }
    }
    walk.files
}

fn walk_dir(walk: &mut Walk<'_>, root: &Path, dir: &Path, ancestors: &mut Vec<PathBuf>, depth: usize) {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            walk.error(dir, io_reason(dir, &e));
            return;
        }
    };
    let mut children: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => children.push(e.path()),
            Err(e) => walk.error(dir, io_reason(dir, &e)),
        }
    }
    // Real entries before symbolic links, each sorted: a file reached both
    // ways is named by its real path.
    children.sort_by_cached_key(|c| {
        let link = fs::symlink_metadata(c).is_ok_and(|m| m.file_type().is_symlink());
        (link, c.clone())
    });
    for child in &children {
        if walk.full {
            return;
        }
        let Some(name) = child.file_name() else {
            continue;
        };
        if name.as_encoded_bytes().starts_with(b".") || name == crate::review::REVIEW_FILE_NAME {
            continue;
        }
        let meta = match fs::metadata(child) {
            Ok(m) => m,
            Err(e) => {
                // A dangling link named like an article, or a link loop.
                if has_article_extension(child) || child.extension().is_none() {
                    walk.error(child, io_reason(child, &e));
                }
                continue;
            }
        };
        if meta.is_dir() {
            if is_saved_page_assets(child, &children) {
                continue;
            }
            let canonical = match fs::canonicalize(child) {
                Ok(c) => c,
                Err(e) => {
                    walk.error(child, io_reason(child, &e));
                    continue;
                }
            };
            if ancestors.contains(&canonical) {
                walk.error(child, "symbolic link loop (leads back to a folder being read)");
                continue;
            }
            if !walk.seen_dirs.insert(canonical.clone()) {
                // Reached before through another link: already read.
                continue;
            }
            if depth + 1 > MAX_DEPTH {
                walk.error(
                    child,
                    format!("folder nested more than {MAX_DEPTH} levels deep; not read"),
                );
                continue;
            }
            ancestors.push(canonical);
            walk_dir(walk, root, child, ancestors, depth + 1);
            ancestors.pop();
        } else if has_article_extension(child) {
            if meta.is_file() {
                walk.add(child.clone(), relative_name(root, child));
            } else {
                walk.error(child, "not a regular file");
            }
        }
    }
}

fn has_article_extension(p: &Path) -> bool {
    p.extension()
        .and_then(OsStr::to_str)
        .is_some_and(|e| Format::from_extension(e).is_some())
}

/// `page_files/` next to `page.html`: what a browser saves with a page.
fn is_saved_page_assets(dir: &Path, siblings: &[PathBuf]) -> bool {
    let Some(name) = dir.file_name().and_then(OsStr::to_str) else {
        return false;
    };
    let Some(stem) = name.strip_suffix("_files") else {
        return false;
    };
    siblings.iter().any(|s| {
        s.file_stem().and_then(OsStr::to_str) == Some(stem)
            && s.extension()
                .and_then(OsStr::to_str)
                .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "html" | "htm" | "xhtml"))
    })
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

/// `sub/file.html` relative to the folder opened, with `/` separators.
fn relative_name(root: &Path, p: &Path) -> String {
    match p.strip_prefix(root) {
        Ok(rel) if rel.components().count() > 0 => rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
        _ => file_name(p),
    }
}

/// A plain reason for an I/O error: `permission denied`, `not found`,
/// `symbolic link loop`, `broken symbolic link`.
pub(crate) fn io_reason(path: &Path, e: &io::Error) -> String {
    // ELOOP: Linux 40, the BSDs and macOS 62.
    let eloop = if cfg!(any(
        target_os = "macos",
        target_os = "freebsd",
        target_os = "openbsd",
        target_os = "netbsd"
    )) {
        62
    } else {
        40
    };
    if cfg!(unix) && e.raw_os_error() == Some(eloop) {
        return "symbolic link loop".to_owned();
    }
    match e.kind() {
        io::ErrorKind::NotFound => {
            let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
            if is_link {
                "broken symbolic link (its target does not exist)".to_owned()
            } else {
                "not found".to_owned()
            }
        }
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::InvalidData => "not valid data".to_owned(),
        _ => {
            let s = e.to_string();
            let s = match s.find(" (os error") {
                Some(i) => s[..i].to_owned(),
                None => s,
            };
            let mut chars = s.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => "unreadable".to_owned(),
            }
        }
    }
}
