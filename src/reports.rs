//! Capture reports: what a sentence says about who controls a place.
//!
//! For every sentence that names a place, a cue lexicon (`data/lexicon.tsv`,
//! Dutch and English) finds the words that report control — "ingenomen",
//! "de val van", "in handen van", "fell to", "battle for", "heroverd" — and
//! the modifiers around them: negation, denial, modality and plans, hedges,
//! partial captures, who claims it (the Taliban alone make it a *claim*)
//! and who confirms it. Each cue is then attached to the places it is
//! about:
//!
//! * *nominal* cues govern the name right after them ("de val van
//!   Kandahar", "strijd om de plaats Maidan Shahr");
//! * *verbal* cues apply to the places of their clause, each place taking
//!   the nearest cue, so coordinated places share one ("Herat … en Ghazni
//!   zijn overgenomen");
//! * places that only locate something else are skipped: a facility ("het
//!   vliegveld van Kandahar is nog in handen van de regering" says nothing
//!   about the city), a reference point ("op 70 kilometer van Kabul") or a
//!   province locating a town already named ("Sjeberghan … in de provincie
//!   Jowzjan");
//! * a cue with no place but "de stad", "daar", "the city" refers back to
//!   the last place of the previous sentence.
//!
//! Dates are resolved later (see [`crate::corpus`]): a report keeps the time
//! expression nearest to it, unresolved, because the publication date it
//! needs may itself still have to be inferred.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind as AcMatchKind};
use serde::Serialize;

use crate::dates::TimeRef;
use crate::gazetteer::{Gazetteer, PlaceId, PlaceKind};
use crate::geoparse::{MatchKind, PlaceMention};

/// What a report says about control of a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Still in government hands, retaken, or an attack repelled.
    Held,
    /// About to fall, could fall, the Taliban close in.
    Threatened,
    /// Fighting in or for it.
    Contested,
    /// Only the Taliban say they took it.
    Claimed,
    /// Taken.
    Captured,
}

impl Status {
    /// All statuses, least severe first.
    pub const ALL: [Status; 5] = [
        Status::Held,
        Status::Threatened,
        Status::Contested,
        Status::Claimed,
        Status::Captured,
    ];

    /// The word used in CSV/JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Captured => "captured",
            Status::Claimed => "claimed",
            Status::Contested => "contested",
            Status::Threatened => "threatened",
            Status::Held => "held",
        }
    }

    /// Ordering used when reports of one day disagree: higher wins.
    pub fn severity(self) -> u8 {
        self as u8
    }

    fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// What a lexicon phrase does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Verb,
    Separable,
    Nominal,
    Hands,
    Control,
    Negation,
    Denial,
    Modal,
    Future,
    Hedge,
    Partial,
    Still,
    NoLonger,
    Claim,
    Confirm,
    Taliban,
    Government,
    Facility,
    Distance,
    Locative,
    AnaphorCity,
    AnaphorAny,
    AnaphorProvince,
    Noise,
}

impl Role {
    fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "verb" => Role::Verb,
            "separable" => Role::Separable,
            "nominal" => Role::Nominal,
            "hands" => Role::Hands,
            "control" => Role::Control,
            "negation" => Role::Negation,
            "denial" => Role::Denial,
            "modal" => Role::Modal,
            "future" => Role::Future,
            "hedge" => Role::Hedge,
            "partial" => Role::Partial,
            "still" => Role::Still,
            "nolonger" => Role::NoLonger,
            "claim" => Role::Claim,
            "confirm" => Role::Confirm,
            "taliban" => Role::Taliban,
            "government" => Role::Government,
            "facility" => Role::Facility,
            "distance" => Role::Distance,
            "locative" => Role::Locative,
            "anaphor_city" => Role::AnaphorCity,
            "anaphor_any" => Role::AnaphorAny,
            "anaphor_province" => Role::AnaphorProvince,
            "noise" => Role::Noise,
            _ => return None,
        })
    }

    fn is_cue(self) -> bool {
        matches!(
            self,
            Role::Verb | Role::Separable | Role::Nominal | Role::Hands | Role::Control
        )
    }
}

/// One lexicon phrase.
#[derive(Debug, Clone)]
pub struct LexEntry {
    pub phrase: String,
    pub role: Role,
    pub status: Option<Status>,
    /// For separable verbs: the particle that must close the clause
    /// ("in" of "namen … in"); the matcher looks for the rest.
    pub particle: Option<String>,
}

/// Errors in lexicon data.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("lexicon line {line}: {message}")]
    BadRow { line: usize, message: String },
    #[error("lexicon automaton: {0}")]
    Automaton(String),
}

/// The cue lexicon with its matchers (one for cues, one for modifiers, so
/// that a modifier never hides a cue it overlaps).
#[derive(Debug)]
pub struct Lexicon {
    cue_entries: Vec<LexEntry>,
    /// Plain cues; pattern `k` is `cue_entries[cue_ids[k]]`.
    cue_matcher: AhoCorasick,
    cue_ids: Vec<usize>,
    /// Separable verb heads; pattern `k` is `cue_entries[sep_ids[k]]`.
    sep_matcher: AhoCorasick,
    sep_ids: Vec<usize>,
    mod_entries: Vec<LexEntry>,
    mod_matcher: AhoCorasick,
}

const LEXICON_TSV: &str = include_str!("../data/lexicon.tsv");

impl Lexicon {
    /// The lexicon embedded in the binary.
    pub fn bundled() -> &'static Lexicon {
        static BUNDLED: OnceLock<Lexicon> = OnceLock::new();
        BUNDLED.get_or_init(|| Lexicon::load_bundled().expect("the bundled lexicon is checked by the test suite"))
    }

    /// Parses the embedded lexicon afresh (benchmarks time it).
    pub fn load_bundled() -> Result<Lexicon, LexiconError> {
        Lexicon::parse(LEXICON_TSV)
    }

    /// Parses the TSV lexicon format (see the header of `data/lexicon.tsv`).
    pub fn parse(tsv: &str) -> Result<Self, LexiconError> {
        let mut cue_entries = Vec::new();
        let mut mod_entries = Vec::new();
        for (n, line) in tsv.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |message: &str| LexiconError::BadRow {
                line: n + 1,
                message: message.to_owned(),
            };
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 4 {
                return Err(bad("expected 4 tab-separated columns"));
            }
            let role = Role::parse(cols[1]).ok_or_else(|| bad("unknown role"))?;
            let status = if cols[2] == "-" {
                None
            } else {
                Some(Status::parse(cols[2]).ok_or_else(|| bad("unknown status"))?)
            };
            if role.is_cue() != status.is_some() {
                return Err(bad("cues need a status, modifiers none"));
            }
            let (phrase, particle) = match (role, cols[0].rsplit_once(' ')) {
                (Role::Separable, Some((head, particle))) => (head.to_owned(), Some(particle.to_owned())),
                (Role::Separable, None) => return Err(bad("a separable verb needs a particle")),
                _ => (cols[0].to_owned(), None),
            };
            let entry = LexEntry {
                phrase,
                role,
                status,
                particle,
            };
            if role.is_cue() {
                cue_entries.push(entry)
            } else {
                mod_entries.push(entry)
            }
        }
        // Leftmost-longest DFAs. Separable verb heads get their own, as a
        // head ("vielen") may equal a plain cue and both must be seen.
        let build = |entries: &[LexEntry], ids: &[usize]| {
            AhoCorasickBuilder::new()
                .match_kind(AcMatchKind::LeftmostLongest)
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(ids.iter().map(|&i| entries[i].phrase.as_str()))
                .map_err(|e| LexiconError::Automaton(e.to_string()))
        };
        let (sep_ids, cue_ids): (Vec<usize>, Vec<usize>) =
            (0..cue_entries.len()).partition(|&i| cue_entries[i].role == Role::Separable);
        let mod_ids: Vec<usize> = (0..mod_entries.len()).collect();
        Ok(Lexicon {
            cue_matcher: build(&cue_entries, &cue_ids)?,
            sep_matcher: build(&cue_entries, &sep_ids)?,
            mod_matcher: build(&mod_entries, &mod_ids)?,
            cue_entries,
            cue_ids,
            sep_ids,
            mod_entries,
        })
    }

    /// Plain cues (not separable verbs) on word boundaries, longest first.
    fn find_cues(&self, lower: &str, from: usize) -> Vec<LexMatch> {
        find_words(&self.cue_matcher, &self.cue_ids, &self.cue_entries, lower, from)
    }

    /// Heads of separable verbs on word boundaries.
    fn find_separable(&self, lower: &str, from: usize) -> Vec<LexMatch> {
        find_words(&self.sep_matcher, &self.sep_ids, &self.cue_entries, lower, from)
    }

    /// Modifiers on word boundaries, longest first.
    fn find_mods(&self, lower: &str, from: usize) -> Vec<LexMatch> {
        find_words(&self.mod_matcher, &[], &self.mod_entries, lower, from)
    }
}

/// Non-overlapping leftmost-longest matches that start and end on word
/// boundaries. A match that does not (inside a longer word) is skipped and
/// the search resumes one byte after its start, so it hides no valid one.
/// `ids` maps pattern numbers to entries (empty: the identity).
fn find_words(matcher: &AhoCorasick, ids: &[usize], entries: &[LexEntry], lower: &str, from: usize) -> Vec<LexMatch> {
    let mut out = Vec::new();
    let mut pos = from;
    while pos < lower.len() {
        let Some(m) = matcher.find(aho_corasick::Input::new(lower).span(pos..lower.len())) else {
            break;
        };
        let entry = ids
            .get(m.pattern().as_usize())
            .copied()
            .unwrap_or(m.pattern().as_usize());
        let phrase = &entries[entry].phrase;
        let start_ok = phrase.starts_with("n'") || phrase.starts_with("n’") || at_word_start(lower, m.start());
        if start_ok && at_word_end(lower, m.end()) {
            out.push(LexMatch {
                span: m.start()..m.end(),
                entry,
            });
            pos = m.end();
        } else {
            pos = m.start() + 1;
        }
    }
    out
}

/// Keeps the longest match at each position and drops those overlapping
/// an earlier kept one; `prefer` breaks ties between equal spans.
fn longest_non_overlapping(mut found: Vec<LexMatch>, prefer: impl Fn(&LexMatch) -> u8) -> Vec<LexMatch> {
    found.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
            .then(prefer(b).cmp(&prefer(a)))
    });
    let mut out: Vec<LexMatch> = Vec::with_capacity(found.len());
    for m in found {
        if out.last().is_some_and(|l| m.span.start < l.span.end) {
            continue;
        }
        out.push(m);
    }
    out
}

#[derive(Debug, Clone)]
struct LexMatch {
    span: Range<usize>,
    entry: usize,
}

fn at_word_start(s: &str, i: usize) -> bool {
    s[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
}

fn at_word_end(s: &str, i: usize) -> bool {
    s[i..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

pub use crate::text::lowercase_same_offsets;

/// One report of control over a place, as an article states it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaptureReport {
    pub place: PlaceId,
    pub status: Status,
    /// Index of the sentence in the article.
    pub sentence_index: usize,
    /// Byte span of the sentence.
    pub sentence: Range<usize>,
    /// Byte span of the place name, or of the words referring back to it.
    pub mention: Range<usize>,
    /// Byte span of the cue phrase.
    pub cue: Range<usize>,
    /// The time expression the report is dated by, if any.
    pub time: Option<(Range<usize>, TimeRef)>,
    /// 0–1: lowered by hedges, anaphora and typo matches.
    pub confidence: f32,
    /// Reported with a hedge ("naar verluidt", "reportedly").
    pub hedged: bool,
    /// The place was found by resolving "de stad", "daar", "the city".
    pub anaphoric: bool,
}

/// A word of the text.
#[derive(Debug, Clone)]
struct Word {
    span: Range<usize>,
    /// Punctuation between this word and the previous one.
    broken: bool,
}

fn words_of(text: &str, from: usize) -> Vec<Word> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut start: Option<usize> = None;
    let mut last_end = from;
    let mut gap_has_break = false;
    for (i, c) in text[from..].char_indices() {
        let i = i + from;
        let wordy = c.is_alphanumeric()
            || (start.is_some() && (c == '\'' || c == '’') && next_is_alnum(text, i + c.len_utf8()));
        if wordy {
            if start.is_none() {
                start = Some(i);
                let gap = &text[last_end..i];
                gap_has_break = gap.chars().any(|g| !(g.is_whitespace() || g == '-' || g == '\''));
            }
        } else if let Some(s) = start.take() {
            out.push(Word {
                span: s..i,
                broken: gap_has_break,
            });
            last_end = i;
        }
    }
    if let Some(s) = start {
        out.push(Word {
            span: s..text.len(),
            broken: gap_has_break,
        });
    }
    out
}

/// Does `particle` stand within the next dozen words after `from`, at the
/// end of its clause (before punctuation)? ("namen de stad zonder slag in.")
fn particle_closes_clause(lower: &str, words: &[Word], from: usize, particle: &str) -> bool {
    let first = words.partition_point(|w| w.span.end <= from);
    for w in words.iter().skip(first).take(12) {
        if w.broken && w.span.start > from && lower[from..w.span.start].contains(['.', '!', '?', ';', ':']) {
            return false;
        }
        if &lower[w.span.clone()] == particle {
            let rest = lower[w.span.end..].trim_start_matches([' ', '\t']);
            if rest.is_empty() || rest.starts_with(['.', ',', '!', '?', ';', ':', '\n', '\r', '"', '\'', '”', ')']) {
                return true;
            }
        }
    }
    false
}

fn next_is_alnum(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(char::is_alphanumeric)
}

/// Everything needed to extract reports from one article.
pub struct ReportInput<'a> {
    pub text: &'a str,
    pub body_start: usize,
    pub sentences: &'a [Range<usize>],
    pub mentions: &'a [PlaceMention],
    /// The article's time expressions in text order (see
    /// [`crate::dates::find_time_refs`]).
    pub time_refs: &'a [(Range<usize>, TimeRef)],
}

/// Extracts the capture reports of one article.
pub fn extract_reports(gaz: &Gazetteer, lex: &Lexicon, input: &ReportInput<'_>) -> Vec<CaptureReport> {
    let lower = lowercase_same_offsets(input.text);
    let words = words_of(input.text, input.body_start);
    // Separable verbs count only when their particle closes the clause.
    let mut cues: Vec<LexMatch> = lex.find_cues(&lower, input.body_start);
    cues.extend(lex.find_separable(&lower, input.body_start).into_iter().filter(|m| {
        lex.cue_entries[m.entry]
            .particle
            .as_deref()
            .is_some_and(|particle| particle_closes_clause(&lower, &words, m.span.end, particle))
    }));
    let cues = longest_non_overlapping(cues, |m| u8::from(lex.cue_entries[m.entry].role == Role::Separable));
    // Modifiers inside a cue belong to it ("dicht bij" in "dicht bij een
    // inname"); both lists are sorted, so one merge pass drops them.
    let mut mods: Vec<LexMatch> = lex.find_mods(&lower, input.body_start);
    let mut k = 0;
    mods.retain(|m| {
        while k < cues.len() && cues[k].span.end <= m.span.start {
            k += 1;
        }
        !cues
            .get(k)
            .is_some_and(|c| c.span.start <= m.span.start && m.span.end <= c.span.end)
    });
    let ctx = Ctx {
        gaz,
        lex,
        text: input.text,
        lower: &lower,
        words: &words,
        cues: &cues,
        mods: &mods,
        mentions: input.mentions,
        time_refs: input.time_refs,
    };
    let mut out = Vec::new();
    let mut seen: HashSet<(PlaceId, Status, &str)> = HashSet::new();
    for (si, sentence) in input.sentences.iter().enumerate() {
        if sentence.end <= input.body_start {
            continue;
        }
        for r in ctx.sentence_reports(si, sentence.clone(), input.sentences) {
            let text_key = input.text[r.sentence.clone()].trim();
            if seen.insert((r.place, r.status, text_key)) {
                out.push(r);
            }
        }
    }
    out
}

struct Ctx<'a> {
    gaz: &'a Gazetteer,
    lex: &'a Lexicon,
    text: &'a str,
    lower: &'a str,
    words: &'a [Word],
    cues: &'a [LexMatch],
    mods: &'a [LexMatch],
    mentions: &'a [PlaceMention],
    time_refs: &'a [(Range<usize>, TimeRef)],
}

/// A target of a cue: a mention, or an anaphor resolved to a place.
#[derive(Debug, Clone)]
struct Target {
    place: PlaceId,
    span: Range<usize>,
    anaphoric: bool,
    typo: bool,
}

impl<'a> Ctx<'a> {
    fn cue_entry(&self, m: &LexMatch) -> &'a LexEntry {
        &self.lex.cue_entries[m.entry]
    }

    fn mod_entry(&self, m: &LexMatch) -> &'a LexEntry {
        &self.lex.mod_entries[m.entry]
    }

    /// Index of the word starting at or containing byte `pos`.
    fn word_at(&self, pos: usize) -> usize {
        self.words.partition_point(|w| w.span.end <= pos)
    }

    fn word_text(&self, i: usize) -> &'a str {
        self.words.get(i).map(|w| &self.lower[w.span.clone()]).unwrap_or("")
    }

    /// Matches (sorted, non-overlapping) lying within `range`: found by
    /// binary search, so per-sentence work does not grow with the article.
    fn within(matches: &'a [LexMatch], range: &Range<usize>) -> &'a [LexMatch] {
        let lo = matches.partition_point(|m| m.span.start < range.start);
        let hi = lo + matches[lo..].partition_point(|m| m.span.end <= range.end);
        &matches[lo..hi]
    }

    /// The modifier ending exactly at byte `end`, if any.
    fn mod_ending_at(&self, end: usize) -> Option<&'a LexMatch> {
        let mods: &'a [LexMatch] = self.mods;
        mods.binary_search_by(|m| m.span.end.cmp(&end)).ok().map(|i| &mods[i])
    }

    /// The modifier starting exactly at byte `start`, if any.
    fn mod_starting_at(&self, start: usize) -> Option<&'a LexMatch> {
        let mods: &'a [LexMatch] = self.mods;
        mods.binary_search_by(|m| m.span.start.cmp(&start))
            .ok()
            .map(|i| &mods[i])
    }

    /// The mentions of sentence `si` (mentions are in text order).
    fn mentions_of(&self, si: usize) -> &'a [PlaceMention] {
        let all: &'a [PlaceMention] = self.mentions;
        let lo = all.partition_point(|m| m.sentence < si);
        let hi = lo + all[lo..].partition_point(|m| m.sentence == si);
        &all[lo..hi]
    }

    fn mods_in(&self, range: Range<usize>, role: Role) -> impl Iterator<Item = &'a LexMatch> {
        let lex = self.lex;
        Self::within(self.mods, &range)
            .iter()
            .filter(move |m| lex.mod_entries[m.entry].role == role)
    }

    fn has_mod(&self, range: Range<usize>, role: Role) -> bool {
        self.mods_in(range, role).next().is_some()
    }

    /// Byte range covering `n` words before `span` and `m` words after,
    /// clipped to the sentence.
    fn around(&self, span: &Range<usize>, n: usize, m: usize, sentence: &Range<usize>) -> Range<usize> {
        let first = self.word_at(span.start);
        let last = self.word_at(span.end.saturating_sub(1));
        let start = first.saturating_sub(n);
        let end = (last + m).min(self.words.len().saturating_sub(1));
        let s = self
            .words
            .get(start)
            .map_or(span.start, |w| w.span.start)
            .max(sentence.start);
        let e = self.words.get(end).map_or(span.end, |w| w.span.end).min(sentence.end);
        s.min(span.start)..e.max(span.end)
    }

    fn sentence_reports(&self, si: usize, sentence: Range<usize>, sentences: &[Range<usize>]) -> Vec<CaptureReport> {
        let cues: Vec<&LexMatch> = Self::within(self.cues, &sentence).iter().collect();
        if cues.is_empty() {
            return Vec::new();
        }
        let mentions: Vec<&PlaceMention> = self.mentions_of(si).iter().collect();
        let quotes = quote_spans(self.text, &sentence);
        let in_quote = |pos: usize| quotes.iter().position(|q| q.start <= pos && pos < q.end);
        // Cues about something else ("doden gevallen").
        let cues: Vec<&LexMatch> = cues.into_iter().filter(|c| !self.is_noise(c, &sentence)).collect();
        if cues.is_empty() {
            return Vec::new();
        }
        let candidates: Vec<Target> = mentions
            .iter()
            .filter(|m| !self.is_excluded(m, &mentions, &sentence))
            .map(|m| Target {
                place: m.place,
                span: m.span.clone(),
                anaphoric: false,
                typo: m.match_kind == MatchKind::Typo,
            })
            .collect();
        let mut bound: Vec<(Target, &LexMatch)> = Vec::new();
        let mut taken: HashSet<usize> = HashSet::new();
        // Nominal and control cues govern the name right after them.
        for c in &cues {
            let role = self.cue_entry(c).role;
            if !matches!(role, Role::Nominal | Role::Control) {
                continue;
            }
            for t in self.nominal_targets(c, &candidates, &sentence, si, sentences) {
                if let Some(i) = candidates.iter().position(|x| x.span == t.span) {
                    taken.insert(i);
                }
                bound.push((t, c));
            }
        }
        // Verbal cues: each remaining place takes the nearest one. Nominal
        // cues also reach places further on in their clause ("took control
        // of Asadabad … and the capitals of Paktia and Khost").
        let verbal: Vec<&&LexMatch> = cues.iter().collect();
        for (i, t) in candidates.iter().enumerate() {
            if taken.contains(&i) {
                continue;
            }
            let q = in_quote(t.span.start);
            let nearest = verbal
                .iter()
                .filter(|c| in_quote(c.span.start) == q || q.is_none() && quotes.is_empty())
                .filter(|c| {
                    // Control and nominal cues bind only forward.
                    !matches!(self.cue_entry(c).role, Role::Control | Role::Nominal) || c.span.end <= t.span.start
                })
                .min_by_key(|c| self.word_distance(&c.span, &t.span));
            if let Some(c) = nearest
                && self.word_distance(&c.span, &t.span) <= 20
            {
                bound.push((t.clone(), c));
            }
        }
        // No place but a cue: "de stad", "daar", "the city" refer back.
        if bound.is_empty()
            && candidates.is_empty()
            && mentions.is_empty()
            && let Some((t, c)) = self.anaphoric_target(&cues, &sentence, si, sentences)
        {
            bound.push((t, c));
        }
        let mut out = Vec::new();
        for (t, c) in bound {
            if let Some(r) = self.report(t, c, si, &sentence) {
                out.push(r);
            }
        }
        out
    }

    fn word_distance(&self, a: &Range<usize>, b: &Range<usize>) -> usize {
        let (a0, a1) = (self.word_at(a.start), self.word_at(a.end.saturating_sub(1)));
        let (b0, b1) = (self.word_at(b.start), self.word_at(b.end.saturating_sub(1)));
        b0.saturating_sub(a1).max(a0.saturating_sub(b1))
    }

    fn is_noise(&self, c: &LexMatch, sentence: &Range<usize>) -> bool {
        let phrase = self.cue_entry(c).phrase.as_str();
        let fall_family = matches!(
            phrase,
            "gevallen" | "viel" | "vielen" | "valt" | "fell" | "falls" | "is gevallen" | "zijn gevallen"
        );
        if !fall_family {
            return false;
        }
        let window = self.around(&c.span, 3, 3, sentence);
        if self.has_mod(window, Role::Noise) {
            return true;
        }
        // "valt onder", "viel op", "fell short/back/apart".
        let next = self.word_text(
            self.word_at(c.span.end)
                + usize::from(
                    self.word_at(c.span.end) < self.words.len()
                        && self.words[self.word_at(c.span.end)].span.start < c.span.end,
                ),
        );
        matches!(
            next,
            "onder"
                | "op"
                | "mee"
                | "af"
                | "uit"
                | "tegen"
                | "short"
                | "back"
                | "apart"
                | "behind"
                | "silent"
                | "ill"
                | "asleep"
        )
    }

    /// Places that only locate something else.
    fn is_excluded(&self, m: &PlaceMention, all: &[&PlaceMention], sentence: &Range<usize>) -> bool {
        let first = self.word_at(m.span.start);
        // A facility noun before it: "het vliegveld van X", "a prison in the province of X".
        let mut k = first;
        let mut steps = 0;
        while k > 0 && steps < 8 {
            let w = &self.words[k];
            if w.broken || self.words[k - 1].span.start < sentence.start {
                break;
            }
            let prev_span = self.words[k - 1].span.clone();
            if let Some(fm) = self.mod_ending_at(prev_span.end) {
                match self.mod_entry(fm).role {
                    Role::Facility => return true,
                    Role::Distance => return steps <= 2,
                    _ => {}
                }
            }
            let word = self.word_text(k - 1);
            let filler = matches!(
                word,
                "van"
                    | "in"
                    | "of"
                    | "bij"
                    | "at"
                    | "near"
                    | "de"
                    | "het"
                    | "the"
                    | "a"
                    | "een"
                    | "stad"
                    | "city"
                    | "town"
                    | "province"
                    | "provincie"
                    | "buiten"
                    | "outside"
                    | "rond"
                    | "around"
            ) || (self.text[self.words[k - 1].span.clone()]
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
                && steps > 0
                && word.len() > 3)
                || matches!(word, "afghan" | "afghaanse");
            if !filler {
                break;
            }
            k -= 1;
            steps += 1;
        }
        // A facility noun right after: "Kandahar Airport", "Kandahar-vliegveld".
        if let Some(next) = self.words.get(self.word_at(m.span.end.saturating_sub(1)) + 1)
            && next.span.start <= sentence.end
            && !next.broken
            && let Some(fm) = self.mod_starting_at(next.span.start)
            && self.mod_entry(fm).role == Role::Facility
            && next.span.start - m.span.end <= 1
        {
            return true;
        }
        // A province locating a settlement named earlier in the sentence.
        let place = self.gaz.place(m.place);
        if place.kind == PlaceKind::Province {
            let earlier_settlement = all.iter().any(|o| {
                o.span.end <= m.span.start && {
                    let op = self.gaz.place(o.place);
                    op.kind != PlaceKind::Province && op.province == place.province
                }
            });
            if earlier_settlement && self.locative_before(first, sentence) {
                return true;
            }
        }
        false
    }

    /// "in (de) (noordelijke) provincie X", "of the northern Afghan province of X", "in X".
    fn locative_before(&self, first: usize, sentence: &Range<usize>) -> bool {
        let mut k = first;
        for _ in 0..6 {
            if k == 0 || self.words[k - 1].span.start < sentence.start {
                return false;
            }
            let word = self.word_text(k - 1);
            if matches!(word, "in" | "van" | "of" | "uit") {
                return true;
            }
            let filler = matches!(
                word,
                "de" | "het"
                    | "the"
                    | "provincie"
                    | "province"
                    | "afghan"
                    | "afghaanse"
                    | "capital"
                    | "hoofdstad"
                    | "provinciehoofdstad"
            ) || word.ends_with("e")
                && self.text[self.words[k - 1].span.clone()]
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
                || word.ends_with("ern");
            if !filler {
                return false;
            }
            k -= 1;
        }
        false
    }

    /// The places a nominal cue governs: the first name after it (past
    /// articles, "de stad", "the provincial capital", a comma), and names
    /// coordinated with it.
    fn nominal_targets(
        &self,
        c: &LexMatch,
        candidates: &[Target],
        sentence: &Range<usize>,
        si: usize,
        sentences: &[Range<usize>],
    ) -> Vec<Target> {
        let mut out = Vec::new();
        let mut k = self.word_at(c.span.end);
        if k < self.words.len() && self.words[k].span.start < c.span.end {
            k += 1;
        }
        let mut steps = 0;
        while k < self.words.len() && steps < 6 {
            let w = &self.words[k];
            if w.span.start >= sentence.end {
                break;
            }
            if let Some(t) = candidates.iter().find(|t| t.span.start == w.span.start) {
                out.push(t.clone());
                // Coordinated names: "de val van Kandahar en Herat".
                let mut end = t.span.end;
                loop {
                    let nk = self.word_at(end);
                    let next_word = self.word_text(nk);
                    if matches!(next_word, "en" | "and" | "of" | "or")
                        && let Some(t2) = self
                            .words
                            .get(nk + 1)
                            .and_then(|w2| candidates.iter().find(|t| t.span.start == w2.span.start))
                    {
                        out.push(t2.clone());
                        end = t2.span.end;
                        continue;
                    }
                    break;
                }
                return out;
            }
            // An anaphor: "dicht bij een inname van de stad".
            if let Some(am) = self.mod_starting_at(w.span.start) {
                let role = self.mod_entry(am).role;
                if matches!(role, Role::AnaphorCity | Role::AnaphorAny | Role::AnaphorProvince) {
                    let next_is_name = candidates
                        .iter()
                        .any(|t| self.word_distance(&am.span, &t.span) == 1 && t.span.start >= am.span.end);
                    if !next_is_name {
                        if let Some(t) = self.resolve_anaphor(role, am.span.clone(), si, sentences) {
                            out.push(t);
                        }
                        return out;
                    }
                }
            }
            if w.broken && steps > 0 && !self.text[self.words[k - 1].span.end..w.span.start].contains(',') {
                break;
            }
            let word = self.word_text(k);
            let filler = matches!(
                word,
                "de" | "het"
                    | "een"
                    | "the"
                    | "a"
                    | "stad"
                    | "city"
                    | "town"
                    | "plaats"
                    | "hoofdstad"
                    | "provinciehoofdstad"
                    | "capital"
                    | "provincial"
                    | "provincie"
                    | "province"
                    | "van"
                    | "of"
                    | "dorp"
                    | "village"
                    | "district"
                    | "strategische"
                    | "strategic"
                    | "belangrijke"
                    | "key"
                    | "important"
                    | "grote"
                    | "major"
                    | "noordelijke"
                    | "zuidelijke"
                    | "oostelijke"
                    | "westelijke"
                    | "northern"
                    | "southern"
                    | "eastern"
                    | "western"
                    | "nabijgelegen"
                    | "nearby"
            );
            if !filler {
                break;
            }
            k += 1;
            steps += 1;
        }
        out
    }

    /// For a sentence with cues but no names: an anaphor and its place.
    fn anaphoric_target<'c>(
        &self,
        cues: &[&'c LexMatch],
        sentence: &Range<usize>,
        si: usize,
        sentences: &[Range<usize>],
    ) -> Option<(Target, &'c LexMatch)> {
        let anaphor = Self::within(self.mods, sentence).iter().find(|m| {
            matches!(
                self.mod_entry(m).role,
                Role::AnaphorCity | Role::AnaphorAny | Role::AnaphorProvince
            ) && !self.is_facility_anaphor(m, sentence)
        })?;
        let cue = cues.iter().min_by_key(|c| self.word_distance(&c.span, &anaphor.span))?;
        if self.word_distance(&cue.span, &anaphor.span) > 12 {
            return None;
        }
        let t = self.resolve_anaphor(self.mod_entry(anaphor).role, anaphor.span.clone(), si, sentences)?;
        Some((t, cue))
    }

    /// "de gevangenis van de stad": the city is only where the facility is.
    fn is_facility_anaphor(&self, m: &LexMatch, sentence: &Range<usize>) -> bool {
        let first = self.word_at(m.span.start);
        (1..=3).any(|back| {
            first >= back
                && self.words[first - back].span.start >= sentence.start
                && self
                    .mod_ending_at(self.words[first - back].span.end)
                    .is_some_and(|x| self.mod_entry(x).role == Role::Facility)
        })
    }

    /// The last suitable place named in the previous sentence.
    fn resolve_anaphor(&self, role: Role, span: Range<usize>, si: usize, sentences: &[Range<usize>]) -> Option<Target> {
        let prev = si.checked_sub(1)?;
        // Only within a paragraph: the previous sentence must not end a line.
        let gap = &self.text[sentences[prev].end..sentences[si].start];
        if gap.matches('\n').count() > 1 {
            return None;
        }
        let in_prev: Vec<&PlaceMention> = self.mentions_of(prev).iter().collect();
        let kind_ok = |m: &&&PlaceMention| {
            let k = self.gaz.place(m.place).kind;
            match role {
                Role::AnaphorProvince => k == PlaceKind::Province,
                _ => k != PlaceKind::Province,
            }
        };
        let chosen = in_prev
            .iter()
            .rev()
            .find(kind_ok)
            .or_else(|| (role == Role::AnaphorAny).then(|| in_prev.last()).flatten())?;
        Some(Target {
            place: chosen.place,
            span,
            anaphoric: true,
            typo: false,
        })
    }

    /// The final status and confidence of a cue applied to a place.
    fn report(&self, t: Target, c: &LexMatch, si: usize, sentence: &Range<usize>) -> Option<CaptureReport> {
        let entry = self.cue_entry(c);
        let mut status = entry.status?;
        let mut confidence: f32 = 0.9;
        let near = self.around(&c.span, 6, 3, sentence);
        let after_cue = c.span.end..self.around(&c.span, 0, 5, sentence).end;
        let before_cue = self.around(&c.span, 8, 0, sentence).start..c.span.start;
        let whole = sentence.clone();
        // Whose hands: "in handen van de regering", "de regering heeft nog controle over".
        if matches!(entry.role, Role::Hands | Role::Control) {
            let gov_after = self.has_mod(after_cue.clone(), Role::Government);
            let tal_after = self.has_mod(after_cue.clone(), Role::Taliban);
            let gov_before = self.nearest_actor_before(c, sentence) == Some(Role::Government);
            let lost =
                self.lower[before_cue.clone()].contains("verlor") || self.lower[before_cue.clone()].contains("lost");
            if gov_after && !tal_after || (gov_before && !lost && !tal_after) {
                status = Status::Held;
            }
        }
        // "heroverd" by the Taliban is a capture.
        if status == Status::Held
            && entry.role == Role::Verb
            && self.nearest_actor_before(c, sentence) == Some(Role::Taliban)
        {
            let retake = matches!(
                entry.phrase.as_str(),
                "heroverd" | "heroverden" | "heroverde" | "recaptured" | "retook" | "retaken" | "heroveren"
            );
            if retake {
                status = Status::Captured;
            }
        }
        // "repelled an attack on X", "de aanval op X werd afgeslagen".
        if entry.role == Role::Nominal && status == Status::Contested {
            let window = self.around(&c.span, 4, 8, sentence);
            let repelled = Self::within(self.cues, &window).iter().any(|o| {
                let e = self.cue_entry(o);
                e.status == Some(Status::Held) && e.role == Role::Verb
            });
            if repelled {
                status = Status::Held;
            }
        }
        // Negation and denial.
        let negated = self
            .mods_in(self.around(&c.span, 5, 2, sentence), Role::Negation)
            .any(|n| {
                let after = self.word_text(self.word_at(n.span.end) + 1);
                !matches!(after, "alleen" | "only")
            });
        let no_longer = self.has_mod(self.around(&c.span, 5, 2, sentence), Role::NoLonger);
        let denied = self.has_mod(sentence.start..c.span.start, Role::Denial);
        // The Taliban say so and officials deny it: still only a claim.
        let disputed_claim = matches!(status, Status::Captured | Status::Claimed)
            && self.has_mod(whole.clone(), Role::Claim)
            && self.has_mod(whole.clone(), Role::Denial);
        if disputed_claim {
            status = Status::Claimed;
            confidence *= 0.8;
        } else if no_longer {
            status = match status {
                Status::Held => Status::Captured,
                Status::Captured | Status::Claimed => Status::Held,
                other => other,
            };
        } else if negated || denied {
            status = match status {
                Status::Captured | Status::Claimed => Status::Held,
                Status::Held => Status::Captured,
                _ => return None,
            };
            confidence *= 0.8;
        }
        // Modality and plans turn a capture into a threat.
        let modal = self.has_mod(near.clone(), Role::Modal) || self.has_mod(whole.clone(), Role::Future);
        if modal && matches!(status, Status::Captured | Status::Claimed | Status::Contested) && !negated {
            status = Status::Threatened;
        }
        // Partial captures are fights.
        if status == Status::Captured && self.has_mod(self.around(&c.span, 4, 2, sentence), Role::Partial) {
            status = Status::Contested;
        }
        // Claims by the Taliban alone.
        if status == Status::Captured
            && self.has_mod(whole.clone(), Role::Claim)
            && !self.has_mod(whole.clone(), Role::Confirm)
        {
            status = Status::Claimed;
        }
        let hedged = self.has_mod(whole.clone(), Role::Hedge);
        if hedged {
            confidence *= 0.75;
        }
        if t.anaphoric {
            confidence *= 0.7;
        }
        if t.typo {
            confidence *= 0.9;
        }
        if status == Status::Claimed {
            confidence *= 0.9;
        }
        let time = nearest_time(self.time_refs, sentence, &c.span, &t.span);
        Some(CaptureReport {
            place: t.place,
            status,
            sentence_index: si,
            sentence: sentence.clone(),
            mention: t.span,
            cue: c.span.clone(),
            time,
            confidence,
            hedged,
            anaphoric: t.anaphoric,
        })
    }

    /// The actor named nearest before a cue in its sentence.
    fn nearest_actor_before(&self, c: &LexMatch, sentence: &Range<usize>) -> Option<Role> {
        Self::within(self.mods, &(sentence.start..c.span.start))
            .iter()
            .filter(|m| matches!(self.mod_entry(m).role, Role::Taliban | Role::Government))
            .max_by_key(|m| m.span.start)
            .map(|m| self.mod_entry(m).role)
    }
}

/// Spans of quoted speech within a sentence.
fn quote_spans(text: &str, sentence: &Range<usize>) -> Vec<Range<usize>> {
    let s = &text[sentence.clone()];
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        let abs = sentence.start + i;
        match open {
            None => {
                let opens = matches!(c, '"' | '“' | '„' | '«')
                    || (c == '\'' || c == '‘') && prev.is_none_or(|p| !p.is_alphanumeric())
                    || (c == ',' && s[i + 1..].starts_with(','));
                if opens {
                    open = Some((abs, c));
                }
            }
            Some((start, oc)) => {
                let closes = match oc {
                    '"' => c == '"' || c == '”',
                    '“' | '„' => c == '”' || c == '"' || c == '“',
                    '«' => c == '»',
                    '\'' | '‘' => {
                        (c == '\'' || c == '’')
                            && s[i + c.len_utf8()..]
                                .chars()
                                .next()
                                .is_none_or(|n| !n.is_alphanumeric())
                    }
                    ',' => c == '”' || c == '"' || (c == '\'' && prev == Some('\'')),
                    _ => false,
                };
                if closes && abs > start + 1 {
                    out.push(start..abs + c.len_utf8());
                    open = None;
                }
            }
        }
        prev = Some(c);
    }
    out
}

/// The time expression of a sentence nearest to a cue and its place.
fn nearest_time(
    time_refs: &[(Range<usize>, TimeRef)],
    sentence: &Range<usize>,
    cue: &Range<usize>,
    mention: &Range<usize>,
) -> Option<(Range<usize>, TimeRef)> {
    let first = time_refs.partition_point(|(r, _)| r.start < sentence.start);
    let refs = time_refs[first..]
        .iter()
        .take_while(|(r, _)| r.end <= sentence.end)
        .cloned();
    // Gap between two spans (0 when they overlap).
    let dist = |r: &Range<usize>, x: &Range<usize>| x.start.saturating_sub(r.end).max(r.start.saturating_sub(x.end));
    refs.into_iter()
        .filter(|(_, t)| !matches!(t, TimeRef::Tomorrow))
        .min_by_key(|(r, _)| dist(r, cue).min(dist(r, mention)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::find_time_refs;
    use crate::geoparse::find_mentions;
    use crate::sentences::split_sentences;

    fn reports(text: &str) -> Vec<(String, Status)> {
        let g = Gazetteer::bundled();
        let sentences = split_sentences(text, 0);
        let mentions = find_mentions(g, text, 0, &sentences);
        let time_refs: Vec<_> = sentences.iter().flat_map(|s| find_time_refs(text, s.clone())).collect();
        let input = ReportInput {
            time_refs: &time_refs,
            text,
            body_start: 0,
            sentences: &sentences,
            mentions: &mentions,
        };
        extract_reports(g, Lexicon::bundled(), &input)
            .into_iter()
            .map(|r| (g.place(r.place).name.clone(), r.status))
            .collect()
    }

    fn one(text: &str) -> (String, Status) {
        let r = reports(text);
        assert_eq!(r.len(), 1, "{text}: {r:?}");
        r.into_iter().next().unwrap()
    }

    use Status::*;

    #[test]
    fn lexicon_parses() {
        let lex = Lexicon::bundled();
        assert!(lex.cue_entries.len() > 100);
        assert!(Lexicon::parse("x\tverb\t-\tnl").is_err());
        assert!(Lexicon::parse("x\tnegation\tcaptured\tnl").is_err());
        assert!(Lexicon::parse("x\tbogus\t-\tnl").is_err());
    }

    #[test]
    fn dutch_capture_cues() {
        assert_eq!(one("De Taliban hebben Kunduz ingenomen."), ("Kunduz".into(), Captured));
        assert_eq!(
            one("Gisteren veroverden de strijders Farah."),
            ("Farah".into(), Captured)
        );
        assert_eq!(
            one("Volgens de politie is Taloqan gevallen."),
            ("Taloqan".into(), Captured)
        );
        assert_eq!(
            one("Na de val van Kunduz sloegen bewoners op de vlucht."),
            ("Kunduz".into(), Captured)
        );
        assert_eq!(
            one("Bewoners zeggen dat Aybak sinds vanochtend in handen van de Taliban is."),
            ("Aybak".into(), Captured)
        );
        assert_eq!(
            one("De militanten namen Sar-e Pul zonder veel verzet in."),
            ("Sar-e Pul".into(), Captured)
        );
        assert_eq!(
            one("Strijders hebben Qala-e Naw onder de voet gelopen, zegt de gouverneur."),
            ("Qala-e Naw".into(), Captured)
        );
    }

    #[test]
    fn english_capture_cues() {
        assert_eq!(
            one("Taliban fighters captured Kunduz on Sunday, officials said."),
            ("Kunduz".into(), Captured)
        );
        assert_eq!(
            one("Lashkar Gah fell to the insurgents, a lawmaker confirmed."),
            ("Lashkar Gah".into(), Captured)
        );
        assert_eq!(
            one("The militants took control of Ghazni city, a provincial council member said."),
            ("Ghazni".into(), Captured)
        );
    }

    #[test]
    fn claims_by_the_taliban_alone() {
        assert_eq!(
            one("De Taliban beweren dat ze Gardez hebben ingenomen."),
            ("Gardez".into(), Claimed)
        );
        assert_eq!(
            one("A Taliban spokesman said the group had seized Khost."),
            ("Khost".into(), Claimed)
        );
        // Confirmation by officials keeps it a capture.
        assert_eq!(
            one("De Taliban claimen de stad Farah te hebben veroverd, wat lokale functionarissen bevestigen."),
            ("Farah".into(), Captured)
        );
    }

    #[test]
    fn contested_cues() {
        assert_eq!(one("Er wordt hevig gevochten in Kunduz."), ("Kunduz".into(), Contested));
        assert_eq!(
            one("De strijd om de stad Lashkar Gah duurt voort."),
            ("Lashkar Gah".into(), Contested)
        );
        assert_eq!(
            one("Heavy fighting continued in Herat on Tuesday."),
            ("Herat".into(), Contested)
        );
        assert_eq!(
            one("The battle for Kandahar entered its second week."),
            ("Kandahar".into(), Contested)
        );
    }

    #[test]
    fn threats_modality_and_plans() {
        assert_eq!(
            one("Inlichtingendiensten denken dat Kabul binnen negentig dagen kan vallen."),
            ("Kabul".into(), Threatened)
        );
        assert_eq!(
            one("Volgens analisten zou Jalalabad kunnen vallen."),
            ("Jalalabad".into(), Threatened)
        );
        assert_eq!(
            one("De strijders staan dicht bij een inname van Ghazni."),
            ("Ghazni".into(), Threatened)
        );
        assert_eq!(
            one("The insurgents are closing in on Mazar-i-Sharif."),
            ("Mazar-i-Sharif".into(), Threatened)
        );
        assert_eq!(
            one("Officials fear Kandahar could fall within days."),
            ("Kandahar".into(), Threatened)
        );
        assert_eq!(
            one("De Taliban rukken op naar Jalalabad."),
            ("Jalalabad".into(), Threatened)
        );
    }

    #[test]
    fn held_still_retaken_repelled() {
        assert_eq!(one("Herat is nog in handen van de regering."), ("Herat".into(), Held));
        assert_eq!(one("Regeringstroepen hebben Kunduz heroverd."), ("Kunduz".into(), Held));
        assert_eq!(
            one("Afghan forces repelled an attack on Lashkar Gah overnight."),
            ("Lashkar Gah".into(), Held)
        );
        assert_eq!(
            one("Afghan forces recaptured Bamyan, the governor said."),
            ("Bamyan".into(), Held)
        );
    }

    #[test]
    fn negation_and_denial() {
        assert_eq!(
            one("De regering ontkent dat Kunduz is gevallen."),
            ("Kunduz".into(), Held)
        );
        assert_eq!(
            one("Kandahar is niet ingenomen, zegt het leger."),
            ("Kandahar".into(), Held)
        );
        assert_eq!(
            one("Ghazni is no longer in government hands."),
            ("Ghazni".into(), Captured)
        );
        assert!(reports("Er is in Herat niet gevochten.").is_empty());
    }

    #[test]
    fn claims_denied_by_officials_stay_claims() {
        assert_eq!(
            one("A Taliban spokesman said the group had taken over Charikar, but officials denied the claim."),
            ("Charikar".into(), Claimed)
        );
    }

    #[test]
    fn nominal_cues_reach_coordinated_capitals() {
        let r = reports(
            "The insurgents took control of Asadabad, the capital of Kunar province, and the provincial capitals of Paktia and Khost.",
        );
        assert_eq!(
            r,
            vec![
                ("Asadabad".into(), Captured),
                ("Gardez".into(), Captured),
                ("Khost".into(), Captured)
            ]
        );
    }

    #[test]
    fn hedges_lower_confidence() {
        let g = Gazetteer::bundled();
        let text = "De Taliban zouden Kunduz naar verluidt hebben veroverd.";
        let sentences = split_sentences(text, 0);
        let mentions = find_mentions(g, text, 0, &sentences);
        let time_refs: Vec<_> = sentences.iter().flat_map(|s| find_time_refs(text, s.clone())).collect();
        let input = ReportInput {
            time_refs: &time_refs,
            text,
            body_start: 0,
            sentences: &sentences,
            mentions: &mentions,
        };
        let r = extract_reports(g, Lexicon::bundled(), &input);
        assert_eq!(r.len(), 1);
        assert!(r[0].hedged && r[0].confidence < 0.8);
        assert_eq!(r[0].status, Captured);
    }

    #[test]
    fn partial_capture_is_contested() {
        assert_eq!(one("Kunduz is gedeeltelijk veroverd."), ("Kunduz".into(), Contested));
    }

    #[test]
    fn cue_attaches_to_the_right_place() {
        let r = reports(
            "Donderdag werd bekend dat Farah, een stad in het westen, en de provinciehoofdstad Qalat zijn overgenomen.",
        );
        assert_eq!(r, vec![("Farah".into(), Captured), ("Qalat".into(), Captured)]);
        // The airport is not the city.
        assert!(reports("Het vliegveld van Kunduz is nog in handen van het leger.").is_empty());
        assert!(reports("Insurgents captured the airport of Herat.").is_empty());
        // Reference points are not the subject.
        assert_eq!(
            reports("Gisteren werd Charikar ingenomen, op 60 kilometer van Kabul."),
            vec![("Charikar".into(), Captured)]
        );
        // A province locating a town is not captured itself.
        assert_eq!(
            reports("De Taliban namen Taloqan in de noordelijke provincie Takhar in."),
            vec![("Taloqan".into(), Captured)]
        );
        // Nominal cues bind the name after them.
        let r = reports("Na de val van Ghazni werd vandaag ook Qalat ingenomen.");
        assert_eq!(r, vec![("Ghazni".into(), Captured), ("Qalat".into(), Captured)]);
    }

    #[test]
    fn anaphora_reach_back_one_sentence() {
        let r = reports(
            "Veel inwoners zijn gevlucht uit Farah. Ook daar staan de Taliban dicht bij een inname van de stad.",
        );
        assert_eq!(r, vec![("Farah".into(), Threatened)]);
    }

    #[test]
    fn noise_and_no_cue() {
        assert!(reports("In Kandahar vielen gisteren tien doden bij een aanslag.").is_empty());
        assert!(reports("Kandahar is de tweede stad van het land.").is_empty());
    }

    #[test]
    fn repeated_sentences_count_once() {
        assert_eq!(reports("Kunduz is gevallen. Kunduz is gevallen.").len(), 1);
    }

    #[test]
    fn time_expression_nearest_to_the_report() {
        let g = Gazetteer::bundled();
        let text = "Na de val van Ghazni, gisteren, werd vandaag de plaats Qalat ingenomen.";
        let sentences = split_sentences(text, 0);
        let mentions = find_mentions(g, text, 0, &sentences);
        let time_refs: Vec<_> = sentences.iter().flat_map(|s| find_time_refs(text, s.clone())).collect();
        let input = ReportInput {
            time_refs: &time_refs,
            text,
            body_start: 0,
            sentences: &sentences,
            mentions: &mentions,
        };
        let r = extract_reports(g, Lexicon::bundled(), &input);
        assert_eq!(r.len(), 2);
        assert_eq!(
            r[0].time.as_ref().map(|(_, t)| *t),
            Some(TimeRef::Yesterday { part: None })
        );
        assert_eq!(r[1].time.as_ref().map(|(_, t)| *t), Some(TimeRef::Today { part: None }));
    }

    #[test]
    fn lowercase_keeps_offsets() {
        for s in ["İstanbul en Kaboel", "Kandahar’s fall, Qal‘ah-ye Now; it hasn’t fallen"] {
            let lower = lowercase_same_offsets(s);
            assert_eq!(lower.len(), s.len());
            assert!(s.char_indices().all(|(i, _)| lower.is_char_boundary(i)));
        }
    }

    #[test]
    fn typographic_apostrophes_negate() {
        assert_eq!(one("Officials insist Kunduz hasn’t fallen."), ("Kunduz".into(), Held));
    }
}
