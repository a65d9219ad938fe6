//! Web pages: the article's text without scripts, navigation, cookie
//! banners and the like; its title, publication date and canonical URL.
//!
//! Parsing is html5ever's (through `scraper`), which reads malformed HTML
//! the way browsers do. The text comes from the page's article body
//! (`[itemprop=articleBody]`, else the `<article>` with the most text,
//! else `<main>`, else `<body>`), one paragraph per block, blank lines
//! between them. The tree is walked iteratively, so deeply nested markup
//! cannot overflow the stack.
//!
//! Metadata comes from one linear pass of html5ever's tokenizer, which
//! also measures how deeply the markup nests. Building the tree is
//! quadratic for pathological markup (tens of thousands of unclosed
//! `<div>`s, or of unclosed `<b>`s re-opened after every paragraph, which
//! multiplies the nodes), so such pages, and any whose tree would exceed
//! a million nodes, are read from the tokens alone: the same text minus
//! the article-body choice and the class-name filters.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use scraper::node::Element;
use scraper::{Html, Node};
use serde_json::Value;

use super::meta::{self, MetaDate};
use super::{FileRead, MAX_ARTICLE_BYTES, cap_text, cut_message};
use crate::article::Article;
use crate::dates::PartialDate;

/// What a page gives.
#[derive(Debug, Default)]
pub(crate) struct Page {
    pub text: String,
    pub title: Option<String>,
    pub url: Option<String>,
    /// The publication date, or why the one stated could not be used.
    pub date: Option<Result<PartialDate, String>>,
}

/// Reads one web page as one article.
pub(crate) fn read_html(name: &str, path: Option<&Path>, src: &str, read: &mut FileRead) {
    let page = extract(src);
    let mut text = page.text;
    if text.trim().is_empty() {
        read.problem("no article text (the page has no readable text)");
        return;
    }
    if cap_text(&mut text) {
        read.problem(cut_message());
    }
    let mut a = Article::new(name, text);
    a.title = page.title;
    a.url = page.url;
    a.path = path.map(Path::to_owned);
    a.stated_date = match page.date {
        Some(Ok(d)) => Some(d),
        Some(Err(message)) => {
            read.problem(message);
            None
        }
        None => None,
    };
    read.articles.push(a);
}

/// The readable text of an HTML fragment (a JSON field holding markup).
pub(crate) fn html_to_text(src: &str) -> String {
    extract(src).text
}

/// Does this text look like HTML markup (rather than text with a `<`)?
pub(crate) fn looks_like_html(s: &str) -> bool {
    let mut end = s.len().min(65_536);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let head = s[..end].to_ascii_lowercase();
    const MARKS: [&str; 22] = [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<p>",
        "<p ",
        "</p>",
        "<br",
        "<div",
        "</div>",
        "<span",
        "<a href",
        "</a>",
        "<article",
        "<h1",
        "<h2",
        "<li>",
        "<ul>",
        "<em>",
        "<strong>",
        "<meta ",
        "<title>",
    ];
    MARKS.iter().any(|m| head.contains(m))
}

/// Text, title, date and URL of a page.
pub(crate) fn extract(src: &str) -> Page {
    let scan = scan(src);
    let text = if scan.risky() {
        scan.state.out.s.clone()
    } else {
        match parse_bounded(src) {
            Some(doc) => body_text(&doc),
            None => scan.state.out.s.clone(),
        }
    };
    let st = scan.state;
    let meta_value = |keys: &[&str]| -> Option<&str> {
        keys.iter()
            .find_map(|k| st.metas.iter().find(|(mk, _)| mk == k).map(|(_, v)| v.as_str()))
    };
    let mut ld_date = None;
    let mut ld_headline = None;
    for json in &st.ld_json {
        if let Ok(v) = serde_json::from_str::<Value>(json) {
            ld_date = ld_date.or_else(|| find_string(&v, "datePublished"));
            ld_headline = ld_headline.or_else(|| find_string(&v, "headline"));
        }
    }
    let title = [
        meta_value(&["og:title", "twitter:title"]).map(str::to_owned),
        ld_headline,
        st.title_tag.clone(),
        st.h1.clone(),
    ]
    .into_iter()
    .flatten()
    .find_map(|t| meta::clean_title(&t));
    let url = [st.canonical.as_deref(), meta_value(&["og:url"])]
        .into_iter()
        .flatten()
        .find_map(meta::clean_url);
    let candidates: Vec<String> = [
        meta_value(&["article:published_time"]).map(str::to_owned),
        ld_date,
        st.item_date.clone(),
        meta_value(&[
            "og:published_time",
            "og:article:published_time",
            "article.published",
            "publishdate",
            "publish-date",
            "publish_date",
            "pubdate",
            "datepublished",
            "date",
            "dc.date",
            "dc.date.issued",
            "dcterms.date",
            "dcterms.issued",
            "dcterms.created",
            "sailthru.date",
            "parsely-pub-date",
        ])
        .map(str::to_owned),
        st.pubdate_time.clone(),
        st.first_time.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut date = None;
    let mut impossible = None;
    for c in &candidates {
        match meta::parse_meta_date(c) {
            MetaDate::Date(d) => {
                date = Some(Ok(d));
                break;
            }
            MetaDate::Impossible(s) if impossible.is_none() => impossible = Some(s),
            _ => {}
        }
    }
    if date.is_none() {
        date = impossible.map(|s| Err(format!("impossible date {s} (article read without a date)")));
    }
    Page { text, title, url, date }
}

/// Nesting of elements that need an end tag beyond which the tree is not
/// built: html5ever's tree construction scans the stack of open elements
/// for many tags, so very deep (unclosed) nesting costs quadratic time.
const MAX_TREE_DEPTH: usize = 256;
/// Unclosed formatting elements (`<b>`, `<font>` …) beyond which the tree
/// is not built: the HTML algorithm re-opens every one of them after each
/// block, so their number multiplies the size of the tree.
const MAX_OPEN_FORMATTING: usize = 64;
/// Nodes beyond which tree construction is abandoned.
const MAX_TREE_NODES: usize = 1_000_000;

/// Parses a page into a tree, in chunks, giving up (`None`) if the tree
/// grows beyond [`MAX_TREE_NODES`] or twice the page's length.
fn parse_bounded(src: &str) -> Option<Html> {
    let limit = MAX_TREE_NODES.min(src.len() * 2 + 1000);
    let mut parser =
        html5ever::driver::parse_document(scraper::HtmlTreeSink::new(Html::new_document()), Default::default());
    let mut rest = src;
    while !rest.is_empty() {
        let mut cut = rest.len().min(1 << 16);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (chunk, tail) = rest.split_at(cut);
        parser.process(StrTendril::from_slice(chunk));
        rest = tail;
        let nodes = parser.tokenizer.sink.sink.0.borrow().tree.nodes().len();
        if nodes > limit {
            return None;
        }
    }
    Some(parser.finish())
}

/// What one tokenizer pass over a page collects: the metadata, a plain
/// text of the page (used when the tree is not built), and how deeply the
/// markup nests.
#[derive(Default)]
struct ScanState {
    metas: Vec<(String, String)>,
    canonical: Option<String>,
    title_tag: Option<String>,
    h1: Option<String>,
    item_date: Option<String>,
    pubdate_time: Option<String>,
    first_time: Option<String>,
    ld_json: Vec<String>,
    /// Text of an element being collected: its tag, where it goes, the text.
    capture: Option<(String, Capture, String)>,
    /// Open counts of elements needing an end tag, by name.
    open: HashMap<String, usize>,
    depth: usize,
    max_depth: usize,
    formatting: HashMap<String, usize>,
    formatting_open: usize,
    max_formatting: usize,
    foreign: usize,
    /// The element being left out of the text, and its nesting.
    skip: Option<(String, usize)>,
    in_article: usize,
    pre: usize,
    out: TextOut,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capture {
    Title,
    H1,
    ItemDate,
    LdJson,
}

struct ScanSink(RefCell<ScanState>);

struct Scan {
    state: ScanState,
}

impl Scan {
    fn risky(&self) -> bool {
        self.state.max_depth > MAX_TREE_DEPTH || self.state.max_formatting > MAX_OPEN_FORMATTING
    }
}

/// One linear pass of html5ever's tokenizer over the page.
fn scan(src: &str) -> Scan {
    let tokenizer = Tokenizer::new(ScanSink(RefCell::new(ScanState::default())), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(src));
    while !input.is_empty() {
        let _ = tokenizer.feed(&input);
    }
    tokenizer.end();
    Scan {
        state: tokenizer.sink.0.into_inner(),
    }
}

fn tag_attr<'t>(tag: &'t Tag, name: &str) -> Option<&'t str> {
    tag.attrs.iter().find(|a| &*a.name.local == name).map(|a| &*a.value)
}

const VOID: [&str; 18] = [
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link",
    "meta", "param", "source", "track", "wbr",
];
/// Elements whose end tag may be left out (closed by their next sibling).
const OPTIONAL_END: [&str; 19] = [
    "p", "li", "dt", "dd", "option", "optgroup", "rb", "rp", "rt", "rtc", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "caption", "html",
];
const FORMATTING: [&str; 14] = [
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];
/// Capped lengths of collected metadata text.
const MAX_CAPTURE: usize = 1_000_000;

impl TokenSink for ScanSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut st = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => st.tag(&tag),
            Token::CharacterTokens(t) => {
                if let Some((_, _, buf)) = st.capture.as_mut()
                    && buf.len() < MAX_CAPTURE
                {
                    buf.push_str(&t);
                }
                if st.skip.is_none() && st.out.s.len() <= MAX_ARTICLE_BYTES + 4 {
                    let pre = st.pre > 0;
                    st.out.text(&t, pre);
                }
                TokenSinkResult::Continue
            }
            _ => TokenSinkResult::Continue,
        }
    }
}

impl ScanState {
    fn tag(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        match tag.kind {
            TagKind::StartTag => {
                self.count_open(name, tag.self_closing);
                self.collect_metadata(tag);
                self.text_start(tag);
                match name {
                    "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                    "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                        TokenSinkResult::RawData(RawKind::Rawtext)
                    }
                    "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
                    "plaintext" => TokenSinkResult::Plaintext,
                    _ => TokenSinkResult::Continue,
                }
            }
            TagKind::EndTag => {
                self.count_close(name);
                if self.capture.as_ref().is_some_and(|(t, _, _)| t == name)
                    && let Some((_, what, text)) = self.capture.take()
                {
                    match what {
                        Capture::LdJson => self.ld_json.push(text),
                        Capture::Title => {
                            self.title_tag.get_or_insert(text);
                        }
                        Capture::H1 => {
                            self.h1.get_or_insert(text);
                        }
                        Capture::ItemDate => {
                            self.item_date.get_or_insert(text);
                        }
                    }
                }
                self.text_end(name);
                TokenSinkResult::Continue
            }
        }
    }

    fn count_open(&mut self, name: &str, self_closing: bool) {
        if matches!(name, "svg" | "math") {
            self.foreign += 1;
        }
        if (self_closing && self.foreign > 0)
            || VOID.contains(&name)
            || OPTIONAL_END.contains(&name)
            || matches!(name, "head" | "body")
        {
            return;
        }
        if FORMATTING.contains(&name) {
            *self.formatting.entry(name.to_owned()).or_default() += 1;
            self.formatting_open += 1;
            self.max_formatting = self.max_formatting.max(self.formatting_open);
        } else {
            *self.open.entry(name.to_owned()).or_default() += 1;
            self.depth += 1;
            self.max_depth = self.max_depth.max(self.depth);
        }
    }

    fn count_close(&mut self, name: &str) {
        if matches!(name, "svg" | "math") {
            self.foreign = self.foreign.saturating_sub(1);
        }
        // End tags of elements never opened change nothing.
        if let Some(n) = self.formatting.get_mut(name).filter(|n| **n > 0) {
            *n -= 1;
            self.formatting_open -= 1;
        } else if let Some(n) = self.open.get_mut(name).filter(|n| **n > 0) {
            *n -= 1;
            self.depth -= 1;
        }
    }

    fn collect_metadata(&mut self, tag: &Tag) {
        let attr = |a: &str| tag_attr(tag, a);
        if self.item_date.is_none()
            && self.capture.is_none()
            && attr("itemprop").is_some_and(|v| v.eq_ignore_ascii_case("datePublished"))
        {
            match attr("content").or_else(|| attr("datetime")) {
                Some(v) => self.item_date = Some(v.to_owned()),
                None if !VOID.contains(&&*tag.name) => {
                    self.capture = Some((tag.name.to_string(), Capture::ItemDate, String::new()));
                }
                None => {}
            }
        }
        match &*tag.name {
            "meta" => {
                if let Some(content) = attr("content") {
                    for key in ["property", "name", "itemprop"] {
                        if let Some(k) = attr(key) {
                            self.metas.push((k.trim().to_ascii_lowercase(), content.to_owned()));
                        }
                    }
                }
            }
            "link" => {
                let is_canonical = attr("rel")
                    .is_some_and(|r| r.split_ascii_whitespace().any(|t| t.eq_ignore_ascii_case("canonical")));
                if is_canonical && self.canonical.is_none() {
                    self.canonical = attr("href").map(str::to_owned);
                }
            }
            "time" => {
                if let Some(dt) = attr("datetime") {
                    if attr("pubdate").is_some() && self.pubdate_time.is_none() {
                        self.pubdate_time = Some(dt.to_owned());
                    }
                    if self.first_time.is_none() {
                        self.first_time = Some(dt.to_owned());
                    }
                }
            }
            name @ ("title" | "h1" | "script") if self.capture.is_none() => {
                let what = match name {
                    "title" if self.title_tag.is_none() && self.foreign == 0 => Some(Capture::Title),
                    "h1" if self.h1.is_none() => Some(Capture::H1),
                    "script" if attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) => {
                        Some(Capture::LdJson)
                    }
                    _ => None,
                };
                if let Some(what) = what {
                    self.capture = Some((name.to_owned(), what, String::new()));
                }
            }
            _ => {}
        }
    }

    /// The plain text, for pages whose tree is not built: junk elements
    /// left out by tag and attributes (not by class names, which need the
    /// tree to be judged safely).
    fn text_start(&mut self, tag: &Tag) {
        let name: &str = &tag.name;
        if let Some((skipped, depth)) = self.skip.as_mut() {
            if skipped == name && !tag.self_closing {
                *depth += 1;
            }
            return;
        }
        let junk = match name {
            "header" => self.in_article == 0,
            _ => junk_tag(name) || junk_attrs(|a| tag_attr(tag, a)),
        };
        if junk {
            if !VOID.contains(&name) && !tag.self_closing {
                self.skip = Some((name.to_owned(), 1));
            }
            return;
        }
        match name {
            "article" => self.in_article += 1,
            "pre" => self.pre += 1,
            _ => {}
        }
        if name == "br" {
            self.out.want(Gap::Line);
        } else if is_block(name) {
            self.out.want(Gap::Paragraph);
        } else if matches!(name, "td" | "th") {
            self.out.want(Gap::Space);
        }
    }

    fn text_end(&mut self, name: &str) {
        if let Some((skipped, depth)) = self.skip.as_mut() {
            if skipped == name {
                *depth -= 1;
                if *depth == 0 {
                    self.skip = None;
                }
            }
            return;
        }
        match name {
            "article" => self.in_article = self.in_article.saturating_sub(1),
            "pre" => self.pre = self.pre.saturating_sub(1),
            _ => {}
        }
        if is_block(name) {
            self.out.want(Gap::Paragraph);
        }
    }
}
/// The first string value under `key` anywhere in a JSON-LD value.
fn find_string(v: &Value, key: &str) -> Option<String> {
    match v {
        Value::Object(map) => {
            if let Some(Value::String(s)) = map.get(key) {
                return Some(s.clone());
            }
            map.values().find_map(|x| find_string(x, key))
        }
        Value::Array(items) => items.iter().find_map(|x| find_string(x, key)),
        _ => None,
    }
}

/// The element whose text is the article.
fn article_root<'a>(doc: &'a Html, lens: &HashMap<NodeId, usize>) -> NodeRef<'a, Node> {
    let elements = || {
        doc.tree
            .root()
            .descendants()
            .filter_map(|n| n.value().as_element().map(|e| (n, e)))
    };
    let most_text = |nodes: Vec<NodeRef<'a, Node>>| {
        nodes
            .into_iter()
            .max_by_key(|n| (text_len(lens, *n), std::cmp::Reverse(n.id())))
    };
    let body_of_article: Vec<_> = elements()
        .filter(|(_, e)| {
            e.attr("itemprop")
                .is_some_and(|v| v.eq_ignore_ascii_case("articleBody"))
        })
        .map(|(n, _)| n)
        .collect();
    if let Some(n) = most_text(body_of_article) {
        return n;
    }
    let articles: Vec<_> = elements()
        .filter(|(_, e)| e.name() == "article")
        .map(|(n, _)| n)
        .collect();
    if let Some(n) = most_text(articles) {
        return n;
    }
    let main =
        elements().find(|(_, e)| e.name() == "main" || e.attr("role").is_some_and(|r| r.eq_ignore_ascii_case("main")));
    if let Some((n, _)) = main {
        return n;
    }
    elements()
        .find(|(_, e)| e.name() == "body")
        .map_or_else(|| doc.tree.root(), |(n, _)| n)
}

/// Bytes of text under every element, scripts and styles left out,
/// computed in one pass (so that nested candidates cost nothing more).
fn text_lengths(doc: &Html) -> HashMap<NodeId, usize> {
    let mut lens = HashMap::new();
    let mut stack: Vec<usize> = vec![0];
    let mut skip = None;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(n) => {
                if skip.is_some() {
                    continue;
                }
                match n.value() {
                    Node::Text(t) => {
                        if let Some(top) = stack.last_mut() {
                            *top += t.trim().len();
                        }
                    }
                    Node::Element(e) => {
                        if matches!(e.name(), "script" | "style" | "noscript" | "template") {
                            skip = Some(n.id());
                        } else {
                            stack.push(0);
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(n) => {
                if let Some(id) = skip {
                    if id == n.id() {
                        skip = None;
                    }
                    continue;
                }
                if n.value().is_element() {
                    let len = stack.pop().unwrap_or(0);
                    lens.insert(n.id(), len);
                    if let Some(top) = stack.last_mut() {
                        *top += len;
                    }
                }
            }
        }
    }
    lens
}

/// The article's text: paragraphs on their own lines, junk left out.
fn body_text(doc: &Html) -> String {
    let lens = text_lengths(doc);
    let root = article_root(doc, &lens);
    let root_len = text_len(&lens, root);
    let mut out = TextOut::default();
    let mut skip = None;
    let mut pre = 0usize;
    let mut in_article = root
        .ancestors()
        .filter(|n| n.value().as_element().is_some_and(|e| e.name() == "article"))
        .count();
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => out.text(t, pre > 0),
                    Node::Element(el) => {
                        let name = el.name();
                        if node.id() != root.id()
                            && is_junk(el, in_article > 0, || text_len(&lens, node) * 2 <= root_len)
                        {
                            skip = Some(node.id());
                            continue;
                        }
                        match name {
                            "article" => in_article += 1,
                            "pre" => pre += 1,
                            _ => {}
                        }
                        if name == "br" {
                            out.want(Gap::Line);
                        } else if is_block(name) {
                            out.want(Gap::Paragraph);
                        } else if matches!(name, "td" | "th") {
                            out.want(Gap::Space);
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skip {
                    if id == node.id() {
                        skip = None;
                    }
                    continue;
                }
                if let Node::Element(el) = node.value() {
                    match el.name() {
                        "article" => in_article = in_article.saturating_sub(1),
                        "pre" => pre = pre.saturating_sub(1),
                        _ => {}
                    }
                    if is_block(el.name()) {
                        out.want(Gap::Paragraph);
                    }
                }
            }
        }
        if out.s.len() > MAX_ARTICLE_BYTES + 4 {
            break;
        }
    }
    out.s
}

/// Elements never part of an article's text, by tag, role or name.
/// `minor` tells whether the element holds at most half the text.
fn is_junk(el: &Element, in_article: bool, minor: impl FnOnce() -> bool) -> bool {
    match el.name() {
        // A page's header is navigation; an article's holds its headline.
        "header" => return !in_article,
        name if junk_tag(name) => return true,
        _ => {}
    }
    if junk_attrs(|a| el.attr(a)) {
        return true;
    }
    let named_junk = el.attr("class").is_some_and(junk_name) || el.attr("id").is_some_and(junk_name);
    // A wrapper named after a feature of the page ("has-sidebar") holds
    // most of the text: keep it.
    named_junk && minor()
}

fn junk_tag(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "nav"
            | "footer"
            | "aside"
            | "form"
            | "iframe"
            | "svg"
            | "math"
            | "template"
            | "button"
            | "select"
            | "textarea"
            | "input"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "dialog"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "xmp"
            | "noembed"
            | "noframes"
            | "plaintext"
    )
}

/// Hidden, navigation-like roles, `display:none`.
fn junk_attrs<'a>(attr: impl Fn(&str) -> Option<&'a str>) -> bool {
    if attr("hidden").is_some() || attr("aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
        return true;
    }
    if let Some(role) = attr("role") {
        let role = role.trim().to_ascii_lowercase();
        if matches!(
            role.as_str(),
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "dialog"
                | "alertdialog"
                | "search"
                | "menu"
                | "menubar"
        ) {
            return true;
        }
    }
    attr("style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        s.to_ascii_lowercase().contains("display:none")
    })
}

fn text_len(lens: &HashMap<NodeId, usize>, node: NodeRef<'_, Node>) -> usize {
    lens.get(&node.id()).copied().unwrap_or(0)
}

/// Class or id words of cookie banners, sharing buttons, comments, ads …
fn junk_name(s: &str) -> bool {
    const PREFIXES: [&str; 29] = [
        "cookie",
        "consent",
        "gdpr",
        "newsletter",
        "nieuwsbrief",
        "subscri",
        "paywall",
        "advert",
        "sponsor",
        "promo",
        "banner",
        "breadcrumb",
        "related",
        "recommend",
        "comment",
        "reactie",
        "social",
        "share",
        "sharing",
        "sidebar",
        "popup",
        "outbrain",
        "taboola",
        "disqus",
        "navbar",
        "navigation",
        "skiplink",
        "login",
        "signup",
    ];
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .any(|part| {
            let p = part.to_ascii_lowercase();
            matches!(
                p.as_str(),
                "ad" | "ads"
                    | "adv"
                    | "advertentie"
                    | "nav"
                    | "menu"
                    | "footer"
                    | "modal"
                    | "skip"
                    | "overlay"
                    | "toolbar"
                    | "widget"
            ) || (PREFIXES.iter().any(|x| p.starts_with(x)) && !p.starts_with("commentar"))
        })
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "legend"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "tfoot"
            | "thead"
            | "tr"
            | "ul"
    )
}

/// White space waiting to be written before the next character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
enum Gap {
    #[default]
    None,
    Space,
    Line,
    Paragraph,
}

/// Collects text the way a browser lays it out: runs of white space are
/// one space, blocks are paragraphs, nothing trails.
#[derive(Debug, Default)]
struct TextOut {
    s: String,
    gap: Gap,
}

impl TextOut {
    fn want(&mut self, gap: Gap) {
        self.gap = self.gap.max(gap);
    }

    fn text(&mut self, t: &str, pre: bool) {
        for c in t.chars() {
            if pre && c == '\n' {
                self.want(Gap::Line);
            } else if c.is_whitespace() {
                self.want(Gap::Space);
            } else if c.is_control() {
                continue;
            } else {
                if !self.s.is_empty() {
                    match self.gap {
                        Gap::None => {}
                        Gap::Space => self.s.push(' '),
                        Gap::Line => self.s.push('\n'),
                        Gap::Paragraph => self.s.push_str("\n\n"),
                    }
                }
                self.gap = Gap::None;
                self.s.push(c);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn junk_is_left_out_and_paragraphs_kept() {
        let page = r#"<!doctype html><html><head><title>Kunduz | Krant</title>
            <meta property="og:title" content="Taliban nemen Kunduz in">
            <meta property="article:published_time" content="2021-08-08T14:00:00+02:00">
            <link rel="canonical" href="https://example.org/kunduz">
            <script>var x = "Kabul";</script><style>p{}</style></head>
            <body><header><nav>Home Binnenland Buitenland</nav></header>
            <div class="cookie-banner">Wij gebruiken cookies.</div>
            <article><h1>Taliban nemen Kunduz in</h1>
            <p>De Taliban hebben   Kunduz
            ingenomen.</p><p>Het leger trok zich terug.<br>Volgens bronnen.</p>
            <div class="share-buttons">Deel op Facebook</div>
            <aside>Lees ook: Herat</aside></article>
            <section id="comments">Reacties over Kabul</section>
            <footer>© Krant</footer></body></html>"#;
        let p = extract(page);
        assert_eq!(
            p.text,
            "Taliban nemen Kunduz in\n\nDe Taliban hebben Kunduz ingenomen.\n\nHet leger trok zich terug.\nVolgens bronnen."
        );
        assert_eq!(p.title.as_deref(), Some("Taliban nemen Kunduz in"));
        assert_eq!(p.url.as_deref(), Some("https://example.org/kunduz"));
        assert_eq!(
            p.date,
            Some(Ok(PartialDate {
                year: 2021,
                month: 8,
                day: Some(8)
            }))
        );
    }

    #[test]
    fn wrappers_named_like_junk_are_kept() {
        let page = r#"<body><div class="layout has-sidebar"><p>Ghazni is gevallen, melden bronnen.</p>
            <div class="sidebar">Meest gelezen</div></div></body>"#;
        assert_eq!(extract(page).text, "Ghazni is gevallen, melden bronnen.");
    }

    #[test]
    fn dates_from_json_ld_and_time() {
        let page = r#"<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2021-08-13T09:00:00Z","headline":"Herat valt"}]}</script><p>Tekst</p>"#;
        let p = extract(page);
        assert_eq!(p.title.as_deref(), Some("Herat valt"));
        assert_eq!(p.date.unwrap().unwrap().day, Some(13));
        let p = extract(r#"<p><time datetime="2021-08-12">12 aug</time> Tekst</p>"#);
        assert_eq!(p.date.unwrap().unwrap().day, Some(12));
        let p = extract(r#"<meta name="date" content="2021-13-45"><p>Tekst</p>"#);
        assert_eq!(
            p.date,
            Some(Err("impossible date 2021-13-45 (article read without a date)".into()))
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let page = "<div>".repeat(100_000) + "Kabul" + &"</div>".repeat(100_000);
        assert!(extract(&page).text.contains("Kabul"));
    }

    #[test]
    fn html_detection() {
        assert!(looks_like_html("<p>Kabul</p>"));
        assert!(!looks_like_html("a < b and c > d"));
    }
}
