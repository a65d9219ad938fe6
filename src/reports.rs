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

use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::dates::TimeRef;
use crate::gazetteer::{Gazetteer, LetterPairLengths, PlaceId, PlaceKind};
use crate::geoparse::{MatchKind, PlaceMention};
use crate::text::{ArticleText, WordMap, le_prefix, low_bits};

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
    /// A verb too common to govern a whole clause: only a name right after
    /// it ("took Gardez", not "took place in Kabul").
    Object,
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
    /// A word that may follow a separable verb's particle at the end of its
    /// clause: a preposition or time word opening a phrase placed after the
    /// verb ("vielen Kundus aan vanuit het zuiden").
    Afterfield,
    /// A noun for a part of a province smaller than a town ("district",
    /// "dorp", "base"): a province locating it is not itself the subject
    /// ("heroverde het district Kamdesh in Nuristan").
    Unit,
}

impl Role {
    fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "verb" => Role::Verb,
            "separable" => Role::Separable,
            "nominal" => Role::Nominal,
            "object" => Role::Object,
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
            "afterfield" => Role::Afterfield,
            "unit" => Role::Unit,
            _ => return None,
        })
    }

    fn is_cue(self) -> bool {
        matches!(
            self,
            Role::Verb | Role::Separable | Role::Nominal | Role::Object | Role::Hands | Role::Control
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
}

/// The cue lexicon with its matcher.
#[derive(Debug)]
pub struct Lexicon {
    cue_entries: Vec<LexEntry>,
    mod_entries: Vec<LexEntry>,
    /// Every phrase, for finding plain cues, separable verb heads and
    /// modifiers in one walk per word.
    phrases: PhraseSearch,
    /// Words that may follow a clause-final particle (role `afterfield`).
    afterfield: FxHashSet<String>,
    /// Nouns for parts of a province (role `unit`).
    units: FxHashSet<String>,
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
        let mut afterfield = FxHashSet::default();
        let mut units = FxHashSet::default();
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
            if phrase.is_empty() {
                return Err(bad("empty phrase"));
            }
            if matches!(role, Role::Afterfield | Role::Unit) {
                if phrase.contains(' ') {
                    return Err(bad("afterfield and unit entries are one word"));
                }
                if role == Role::Afterfield {
                    afterfield.insert(phrase);
                } else {
                    units.insert(phrase);
                }
                continue;
            }
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
        // Three sets of phrases, matched independently: plain cues,
        // separable verb heads (a head such as "vielen" may equal a plain cue
        // and both must be seen) and modifiers (which must never hide a cue).
        let mut phrases = PhraseSearchBuilder::default();
        for (i, e) in cue_entries.iter().enumerate() {
            let set = if e.role == Role::Separable { SEPARABLE } else { CUE };
            phrases.insert(&e.phrase, set, i);
        }
        for (i, e) in mod_entries.iter().enumerate() {
            phrases.insert(&e.phrase, MODIFIER, i);
        }
        Ok(Lexicon {
            cue_entries,
            mod_entries,
            phrases: phrases.build(),
            afterfield,
            units,
        })
    }

    /// Plain cues, separable verb heads and modifiers on word boundaries
    /// from byte `from` on, each set by the rule of [`PhraseSearch`].
    fn find_all(&self, article: &ArticleText<'_>, from: usize) -> [Vec<LexMatch>; 3] {
        let lower = article.lower.as_str();
        let entries = [&self.cue_entries, &self.cue_entries, &self.mod_entries];
        let mut found: [Vec<LexMatch>; 3] = Default::default();
        // Where each set may match next (after its last match).
        let mut next = [from; 3];
        let mut longest = [None; 3];
        self.phrases.for_each_start(article, from, |p, run_end| {
            if p < next.into_iter().min().unwrap_or(p) {
                // Inside a match of every set.
                return;
            }
            self.phrases.longest_at(lower, p, run_end, &mut longest);
            for (set, longest) in longest.iter().enumerate() {
                let Some((len, entry)) = *longest else { continue };
                if p < next[set] {
                    continue;
                }
                let phrase = &entries[set][entry].phrase;
                let start_ok = phrase.starts_with("n'") || phrase.starts_with("n’") || at_word_start(lower, p);
                if start_ok && at_word_end(lower, p + len) {
                    found[set].push(LexMatch {
                        span: p..p + len,
                        entry,
                    });
                    next[set] = p + len;
                }
            }
        });
        found
    }
}

/// Which of the lexicon's phrase sets a phrase belongs to.
const CUE: usize = 0;
const SEPARABLE: usize = 1;
const MODIFIER: usize = 2;

/// The lexicon's phrases, indexed by their first word.
///
/// Each set is matched as a leftmost-longest search of the lower-case text
/// that keeps only matches starting and ending on word boundaries: at each
/// position (left to right, past the set's last match) the *longest* phrase
/// starting there is taken if it begins at a word start (or is an "n't"
/// phrase) and ends at a word end; otherwise the position is passed over,
/// even if a shorter phrase there would have fitted ("in handen" inside "in
/// handen vandaag" is passed over for "in handen van"). Of identical phrases
/// in one set the first listed counts.
///
/// A phrase ends on a word boundary, so where it matches, the text's run of
/// letters and digits from the match start is exactly the phrase's own
/// first run (its *first word*). The phrases to try at a position are
/// therefore found by one look-up of the word there — most words start no
/// phrase and are rejected by a letter-pair filter before that — and only
/// word starts and the "n" of "n't" need trying, unless some phrase starts
/// with a character that is neither letter nor digit: then every position
/// is tried with those phrases too.
#[derive(Debug)]
struct PhraseSearch {
    /// The distinct phrases, those with the same first word next to each
    /// other (the phrases of a first word are a range of this).
    phrases: Vec<IndexedPhrase>,
    /// Every phrase's bytes after its first word, one after another.
    tails: Vec<u8>,
    /// The range of `phrases` with each first word.
    by_first_word: FirstWordIndex,
    /// The filter in front of `by_first_word`.
    first_word_shapes: LetterPairLengths,
    /// The range of `phrases` whose first character is neither letter nor
    /// digit (their first word is empty, their tail the whole phrase).
    others: Range<usize>,
}

/// One distinct phrase of a [`PhraseSearch`].
#[derive(Debug, Clone, Copy)]
struct IndexedPhrase {
    /// Its bytes after its first word: `tails[tail.0..tail.1]`.
    tail: (u32, u32),
    /// The first eight bytes of the tail (fewer if it is shorter: zeros
    /// above them) as one integer, and the mask of those bytes.
    head: u64,
    head_mask: u64,
    /// Its length in bytes.
    len: u32,
    /// Its entry in each set.
    entries: [Option<u32>; 3],
}

/// Ranges of a [`PhraseSearch`]'s phrases by their first word (almost every
/// word is short enough to be packed into one integer: see [`WordMap`]).
#[derive(Debug, Default)]
struct FirstWordIndex(WordMap<(u32, u32)>);

impl FirstWordIndex {
    /// The index of each first word's range of phrases.
    fn new<'w>(ranges: impl IntoIterator<Item = (&'w str, Range<usize>)>) -> Self {
        FirstWordIndex(WordMap::new(
            ranges
                .into_iter()
                .map(|(word, phrases)| (word, (phrases.start as u32, phrases.end as u32))),
        ))
    }

    /// The range of phrases whose first word is `word`.
    #[inline]
    fn get(&self, word: &str) -> Range<usize> {
        self.0
            .get(word)
            .map_or(0..0, |(start, end)| start as usize..end as usize)
    }
}

/// A [`PhraseSearch`] being built.
#[derive(Debug, Default)]
struct PhraseSearchBuilder {
    phrases: Vec<String>,
    entries: Vec<[Option<u32>; 3]>,
    index: FxHashMap<String, usize>,
}

impl PhraseSearchBuilder {
    /// Adds `phrase` (non-empty) as entry `entry` of `set`.
    fn insert(&mut self, phrase: &str, set: usize, entry: usize) {
        let k = *self.index.entry(phrase.to_owned()).or_insert_with(|| {
            self.phrases.push(phrase.to_owned());
            self.entries.push([None; 3]);
            self.phrases.len() - 1
        });
        // The first of identical phrases counts.
        self.entries[k][set].get_or_insert(entry as u32);
    }

    fn build(self) -> PhraseSearch {
        // The phrases grouped by first word, groups in order of first
        // appearance (the phrases with an empty first word are one group).
        let mut groups: Vec<(&str, Vec<usize>)> = Vec::new();
        let mut group_of: FxHashMap<&str, usize> = FxHashMap::default();
        for (k, phrase) in self.phrases.iter().enumerate() {
            let word = first_word(phrase);
            let g = *group_of.entry(word).or_insert_with(|| {
                groups.push((word, Vec::new()));
                groups.len() - 1
            });
            groups[g].1.push(k);
        }
        let mut search = PhraseSearch {
            phrases: Vec::with_capacity(self.phrases.len()),
            tails: Vec::new(),
            by_first_word: FirstWordIndex::default(),
            first_word_shapes: LetterPairLengths::of(groups.iter().map(|(word, _)| *word).filter(|w| !w.is_empty())),
            others: 0..0,
        };
        let mut ranges = Vec::with_capacity(groups.len());
        for (word, members) in &groups {
            let start = search.phrases.len();
            for &k in members {
                let phrase = &self.phrases[k];
                let tail = &phrase.as_bytes()[word.len()..];
                let tail_start = search.tails.len() as u32;
                search.tails.extend_from_slice(tail);
                let head_len = tail.len().min(8);
                search.phrases.push(IndexedPhrase {
                    tail: (tail_start, search.tails.len() as u32),
                    head: le_prefix(tail),
                    head_mask: low_bits(8 * head_len),
                    len: phrase.len() as u32,
                    entries: self.entries[k],
                });
            }
            let range = start..search.phrases.len();
            if word.is_empty() {
                search.others = range;
            } else {
                ranges.push((*word, range));
            }
        }
        search.by_first_word = FirstWordIndex::new(ranges);
        search
    }
}

impl PhraseSearch {
    /// Calls `f` with each position from byte `from` on where a phrase may
    /// be taken, in order, and the end of the run of letters and digits
    /// starting there: word starts and, for "n't", an "n" ending a word
    /// before an apostrophe; every character if some phrase starts
    /// otherwise.
    #[inline]
    fn for_each_start(&self, article: &ArticleText<'_>, from: usize, mut f: impl FnMut(usize, usize)) {
        let lower = article.lower.as_str();
        if !self.others.is_empty() {
            for (p, _) in lower[from..].char_indices() {
                let run = lower[from + p..]
                    .char_indices()
                    .find(|&(_, c)| !c.is_alphanumeric())
                    .map_or(lower.len(), |(i, _)| from + p + i);
                f(from + p, run);
            }
            return;
        }
        let bytes = lower.as_bytes();
        for w in &article.words[article.word_after(from)..] {
            if w.start >= from && self.first_word_shapes.may_contain(&lower[w.clone()]) {
                f(w.start, w.end);
            }
            let n = w.end - 1;
            if n > w.start
                && n >= from
                && bytes[n] == b'n'
                && (lower[w.end..].starts_with('\'') || lower[w.end..].starts_with('’'))
            {
                f(n, w.end);
            }
        }
    }

    /// The longest phrase of each set that starts at byte `at` of `lower`,
    /// as its length and entry, into `found`; the text's run of letters and
    /// digits from `at` ends at `run_end`.
    #[inline]
    fn longest_at(&self, lower: &str, at: usize, run_end: usize, found: &mut [Option<(usize, usize)>; 3]) {
        *found = [None; 3];
        let bytes = lower.as_bytes();
        // The phrases whose first word is the text's word here need only
        // their tails compared; the others their whole text.
        let by_word = self.by_first_word.get(&lower[at..run_end]);
        let groups = [(by_word, run_end), (self.others.clone(), at)];
        for (range, tail_at) in groups {
            if range.is_empty() {
                continue;
            }
            let text = &bytes[tail_at..];
            // The text's next eight bytes as one integer: most tails are
            // decided by one masked comparison with their own first eight.
            let text_head = le_prefix(text);
            for phrase in &self.phrases[range] {
                if text_head & phrase.head_mask != phrase.head {
                    continue;
                }
                if phrase.tail.1 - phrase.tail.0 > 8 {
                    let rest = &self.tails[phrase.tail.0 as usize + 8..phrase.tail.1 as usize];
                    if text.get(8..8 + rest.len()) != Some(rest) {
                        continue;
                    }
                }
                let len = phrase.len as usize;
                for (slot, entry) in found.iter_mut().zip(phrase.entries) {
                    if let Some(entry) = entry
                        && slot.is_none_or(|(longest, _)| len > longest)
                    {
                        *slot = Some((len, entry as usize));
                    }
                }
            }
        }
    }
}

/// The leading run of letters and digits of `phrase` (empty if it starts
/// with anything else): where the phrase starts in a text, the text's word
/// there must be exactly this, since a phrase matches on word boundaries.
fn first_word(phrase: &str) -> &str {
    let end = phrase
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(phrase.len(), |(i, _)| i);
    &phrase[..end]
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

/// The words from byte `from` on: alphanumeric runs, joined across a
/// single apostrophe (`hasn’t`, `commando's`), each marked when
/// punctuation other than spaces, hyphens and `'` precedes it.
fn words_of(article: &ArticleText<'_>, from: usize) -> Vec<Word> {
    let text = article.text;
    let mut out: Vec<Word> = Vec::with_capacity(article.words.len());
    let mut last_end = from;
    for run in &article.words[article.word_after(from)..] {
        let start = run.start.max(from);
        // `last_end` is where the last word ends.
        let gap = &text[last_end..start];
        let broken = match gap {
            // The usual gap.
            " " => false,
            "'" | "’" if let Some(word) = out.last_mut() => {
                word.span.end = run.end;
                last_end = run.end;
                continue;
            }
            _ => gap.chars().any(|g| !(g.is_whitespace() || g == '-' || g == '\'')),
        };
        out.push(Word {
            span: start..run.end,
            broken,
        });
        last_end = run.end;
    }
    out
}

/// For each byte offset of a text `len` bytes long (and its end), the index
/// of the first word ending after it — the word containing it or the next
/// one: a binary search of `words` done once for every offset.
fn word_index(words: &[Word], len: usize) -> Vec<u32> {
    // Each word's offsets are written eight at a time, the last eight
    // running over into the next word's, which overwrites them (hence the
    // eight offsets of room at the end).
    let mut out = vec![0; len + 1 + 8];
    let mut start = 0;
    for (k, w) in words.iter().enumerate() {
        let k = k as u32;
        let mut p = start;
        while p < w.span.end {
            out[p..p + 8].copy_from_slice(&[k; 8]);
            p += 8;
        }
        start = w.span.end;
    }
    out[start..].fill(words.len() as u32);
    out.truncate(len + 1);
    out
}

/// Does `particle` stand within the next dozen words after `from`, at the
/// end of its clause: before punctuation ("namen de stad zonder slag in.")
/// or before a word of `afterfield` that opens a phrase placed after the
/// verb ("vielen Kundus aan vanuit het zuiden", "namen de stad in na
/// dagen van gevechten")? A particle before anything else is a preposition
/// ("namen in Kunduz wapens in beslag").
fn particle_closes_clause(
    lower: &str,
    words: &[Word],
    from: usize,
    particle: &str,
    afterfield: &FxHashSet<String>,
) -> bool {
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
            let next = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
            if afterfield.contains(next) {
                return true;
            }
        }
    }
    false
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
    extract_reports_in(gaz, lex, input, &ArticleText::new(input.text))
}

/// [`extract_reports`] on the text's shared views (`article` is
/// `input.text` prepared).
pub fn extract_reports_in(
    gaz: &Gazetteer,
    lex: &Lexicon,
    input: &ReportInput<'_>,
    article: &ArticleText<'_>,
) -> Vec<CaptureReport> {
    let lower = article.lower.as_str();
    let words = words_of(article, input.body_start);
    let [mut cues, separable, mut mods] = lex.find_all(article, input.body_start);
    // Separable verbs count only when their particle closes the clause.
    cues.extend(separable.into_iter().filter(|m| {
        lex.cue_entries[m.entry]
            .particle
            .as_deref()
            .is_some_and(|particle| particle_closes_clause(lower, &words, m.span.end, particle, &lex.afterfield))
    }));
    let cues = longest_non_overlapping(cues, |m| u8::from(lex.cue_entries[m.entry].role == Role::Separable));
    // Modifiers inside a cue belong to it ("dicht bij" in "dicht bij een
    // inname"); both lists are sorted, so one merge pass drops them.
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
        lower,
        word_of_byte: &word_index(&words, input.text.len()),
        words: &words,
        cues: &cues,
        mods: &mods,
        mentions: input.mentions,
        time_refs: input.time_refs,
    };
    let mut out = Vec::new();
    let mut seen: FxHashSet<(PlaceId, Status, &str)> = FxHashSet::default();
    let mut of_sentence = Vec::new();
    for (si, sentence) in input.sentences.iter().enumerate() {
        if sentence.end <= input.body_start {
            continue;
        }
        ctx.sentence_reports(si, sentence.clone(), input.sentences, &mut of_sentence);
        for r in of_sentence.drain(..) {
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
    /// For each byte offset, the index of the word containing it or the
    /// next one (see [`word_index`]).
    word_of_byte: &'a [u32],
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

    /// Index of the word starting at or containing byte `pos` (or of the
    /// next word).
    fn word_at(&self, pos: usize) -> usize {
        self.word_of_byte.get(pos).map_or(self.words.len(), |&w| w as usize)
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

    /// The reports of sentence `si`, appended to `out`.
    fn sentence_reports(
        &self,
        si: usize,
        sentence: Range<usize>,
        sentences: &[Range<usize>],
        out: &mut Vec<CaptureReport>,
    ) {
        let in_sentence = Self::within(self.cues, &sentence);
        if in_sentence.is_empty() {
            return;
        }
        let mentions = self.mentions_of(si);
        let quotes = quote_spans(self.text, &sentence);
        let in_quote = |pos: usize| quotes.iter().position(|q| q.start <= pos && pos < q.end);
        // Cues about something else ("doden gevallen").
        let cues: Vec<&LexMatch> = in_sentence.iter().filter(|c| !self.is_noise(c, &sentence)).collect();
        if cues.is_empty() {
            return;
        }
        let candidates: Vec<Target> = mentions
            .iter()
            .filter(|m| !self.is_excluded(m, mentions, &sentence))
            .map(|m| Target {
                place: m.place,
                span: m.span.clone(),
                anaphoric: false,
                typo: m.match_kind == MatchKind::Typo,
            })
            .collect();
        let mut bound: Vec<(Target, &LexMatch)> = Vec::new();
        let mut taken = vec![false; candidates.len()];
        // Nominal and control cues govern the name right after them.
        for c in &cues {
            let role = self.cue_entry(c).role;
            if !matches!(role, Role::Nominal | Role::Object | Role::Control) {
                continue;
            }
            for t in self.nominal_targets(c, &candidates, &sentence, si, sentences) {
                if let Some(i) = candidates.iter().position(|x| x.span == t.span) {
                    taken[i] = true;
                }
                bound.push((t, c));
            }
        }
        // Verbal cues: each remaining place takes the nearest one. Nominal
        // cues also reach places further on in their clause ("took control
        // of Asadabad … and the capitals of Paktia and Khost").
        for (i, t) in candidates.iter().enumerate() {
            if taken[i] {
                continue;
            }
            let q = in_quote(t.span.start);
            let nearest = cues
                .iter()
                .filter(|c| self.cue_entry(c).role != Role::Object)
                .filter(|c| in_quote(c.span.start) == q || q.is_none() && quotes.is_empty())
                .filter(|c| {
                    // Control and nominal cues bind only forward, and past
                    // a name they govern only names coordinated with it
                    // ("the fall of Ghazni and Qalat", not "the fall of
                    // Ghazni cut the road to Kandahar").
                    !matches!(self.cue_entry(c).role, Role::Control | Role::Nominal)
                        || c.span.end <= t.span.start
                            && (!bound.iter().any(|(_, b)| std::ptr::eq(*b, **c))
                                || has_word(
                                    &self.lower[c.span.end..t.span.start],
                                    &["and", "en", "evenals", "alsmede", "plus"],
                                ))
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
        for (t, c) in bound {
            if let Some(r) = self.report(t, c, si, &sentence) {
                out.push(r);
            }
        }
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
    fn is_excluded(&self, m: &PlaceMention, all: &[PlaceMention], sentence: &Range<usize>) -> bool {
        if self.is_dateline(m) {
            return true;
        }
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
            if (earlier_settlement || self.unit_before(first, sentence)) && self.locative_before(first, sentence) {
                return true;
            }
        }
        false
    }

    /// A wire-copy dateline, which says where the story was filed: a place
    /// opening its line, then a dash after at most an agency, a country or
    /// a date — "KABUL (Reuters) -", "KABOEL -", "KABUL, Afghanistan —",
    /// "Kabul, Aug 13 (AP) –". Without an agency in brackets the name must
    /// be in capitals, so that "Kabul - de hoofdstad - viel" still counts.
    fn is_dateline(&self, m: &PlaceMention) -> bool {
        // Only the bytes near the name are looked at: lines can be megabytes.
        let before = self.text.as_bytes()[..m.span.start]
            .iter()
            .rev()
            .find(|b| !matches!(b, b' ' | b'\t'));
        if before.is_some_and(|b| !matches!(b, b'\n' | b'\r')) {
            return false;
        }
        let line = &self.text[m.span.end..self.text.floor_char_boundary((m.span.end + 80).min(self.text.len()))];
        let line = &line[..line.find(['\n', '\r']).unwrap_or(line.len())];
        let Some(dash) = [" - ", " – ", " — ", " -- "].iter().filter_map(|d| line.find(d)).min() else {
            return false;
        };
        let between = &line[..dash];
        let name = &self.text[m.span.clone()];
        let capitals = name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase);
        let agency = between.contains('(') && between.contains(')');
        between.len() <= 50
            && (between.trim().is_empty() || between.starts_with([',', ' ']))
            && !between.contains(['!', '?', '"', '“'])
            && (capitals || agency)
    }

    /// A unit noun ("district", "dorp", "village") among the five words
    /// before word `first`, in the same sentence.
    fn unit_before(&self, first: usize, sentence: &Range<usize>) -> bool {
        (first.saturating_sub(5)..first)
            .filter(|&k| self.words[k].span.start >= sentence.start)
            .any(|k| self.lex.units.contains(self.word_text(k)))
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
        let time = nearest_time(self.lower, self.time_refs, sentence, &c.span, &t.span);
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
    // Every quote mark is '"', '\'', ',' or a character whose UTF-8 form
    // starts with 0xC2 or 0xE2: only those positions can change anything.
    let marks = s
        .bytes()
        .enumerate()
        .filter(|&(_, b)| matches!(b, b'"' | b'\'' | b',' | 0xC2 | 0xE2));
    for (i, _) in marks {
        let Some(c) = s[i..].chars().next() else { break };
        let prev = s[..i].chars().next_back();
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
    }
    out
}

/// Does lower-case `text` contain one of `words` as a whole word?
fn has_word(text: &str, words: &[&str]) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|w| words.contains(&w))
}

/// The time expression of a sentence nearest to a cue and its place,
/// preferring one in the same clause: in "Vrijdag werd Zaranj veroverd en
/// zaterdag volgde Sheberghan" Zaranj's day is Friday, though "zaterdag"
/// stands closer to "veroverd".
fn nearest_time(
    lower: &str,
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
    let report = cue.start.min(mention.start)..cue.end.max(mention.end);
    let other_clause = |r: &Range<usize>| {
        let gap = if r.start >= report.end {
            report.end..r.start
        } else if r.end <= report.start {
            r.end..report.start
        } else {
            return false;
        };
        let gap = &lower[gap];
        gap.contains(';') || has_word(gap, &["en", "and", "maar", "but", "terwijl", "while", "whereas"])
    };
    refs.into_iter()
        .filter(|(_, t)| !matches!(t, TimeRef::Tomorrow))
        .min_by_key(|(r, _)| (other_clause(r), dist(r, cue).min(dist(r, mention))))
}

#[cfg(test)]
mod tests {
    use aho_corasick::{AhoCorasick, MatchKind as AcMatchKind};

    use super::*;
    use crate::dates::find_time_refs;
    use crate::geoparse::find_mentions;
    use crate::sentences::split_sentences;

    /// Every report of `text`, read as a whole article body.
    fn full_reports(text: &str) -> Vec<CaptureReport> {
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
    }

    fn reports(text: &str) -> Vec<(String, Status)> {
        let g = Gazetteer::bundled();
        full_reports(text)
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
    fn a_province_locating_a_district_or_village_is_not_reported() {
        // Chapa Dara is a gazetteer district now: the report is about it,
        // never about Kunar.
        assert_eq!(
            reports("Het leger heroverde zondag het district Chapa Dara in Kunar."),
            [("Chapa Dara".to_owned(), Held)]
        );
        assert!(reports("Insurgents overran two villages in Badakhshan overnight.").is_empty());
        // A province that is itself the object still counts.
        assert_eq!(
            one("De Taliban veroverden vrijdag de provincie Nimroz."),
            ("Nimruz".into(), Captured)
        );
    }

    #[test]
    fn a_dateline_is_not_a_report() {
        for text in [
            "KABUL (Reuters) - The Taliban captured Kunduz on Sunday.",
            "KABOEL - De Taliban hebben zondag Kunduz ingenomen.",
            "KABUL, Afghanistan — Insurgents seized Kunduz overnight.",
            "Kabul, Aug 8 (AP) – Insurgents seized Kunduz overnight.",
        ] {
            assert_eq!(reports(text), vec![("Kunduz".into(), Captured)], "{text}");
        }
        // A name in running text, dash or not, still counts.
        assert_eq!(
            reports("Kabul - the capital - could fall within weeks."),
            vec![("Kabul".into(), Threatened)]
        );
    }

    #[test]
    fn english_verb_forms_and_bare_control() {
        assert_eq!(
            one("Hours after seizing Jalalabad, the militants moved on."),
            ("Jalalabad".into(), Captured)
        );
        assert_eq!(
            one("On Saturday the insurgents took Gardez."),
            ("Gardez".into(), Captured)
        );
        assert_eq!(
            one("Afghan commandos still control Panjshir, officials said."),
            ("Panjshir".into(), Held)
        );
        assert_eq!(one("The Taliban now control Faizabad."), ("Fayzabad".into(), Captured));
        assert_eq!(
            one("Fighters were battling government troops inside Kunduz on Monday."),
            ("Kunduz".into(), Contested)
        );
        // "took" governs only a name right after it.
        assert!(reports("The ceremony took place in Kabul on Monday.").is_empty());
    }

    #[test]
    fn separable_particle_may_be_followed_by_a_phrase_after_the_verb() {
        // An attack, not a fall, whatever follows the particle.
        for text in [
            "De Taliban vielen donderdagochtend Kundus aan vanuit het zuiden.",
            "Honderden strijders vielen Ghazni aan met zware wapens en trokken zich terug.",
            "De opstandelingen vielen Lashkar Gah aan en werden teruggeslagen door het leger.",
        ] {
            let r = reports(text);
            assert!(!r.iter().any(|(_, s)| *s == Captured), "{text}: {r:?}");
        }
        assert_eq!(
            one("De Taliban vielen donderdagochtend Kundus aan vanuit het zuiden."),
            ("Kunduz".into(), Contested)
        );
        assert_eq!(
            one("De militanten namen Zaranj in na twee dagen van gevechten."),
            ("Zaranj".into(), Captured)
        );
        // A particle followed by anything else is a preposition.
        assert!(reports("De Taliban namen in Kunduz wapens en voertuigen in beslag.").is_empty());
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
        let r = full_reports("De Taliban zouden Kunduz naar verluidt hebben veroverd.");
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
        let r = full_reports("Na de val van Ghazni, gisteren, werd vandaag de plaats Qalat ingenomen.");
        assert_eq!(r.len(), 2);
        assert_eq!(
            r[0].time.as_ref().map(|(_, t)| *t),
            Some(TimeRef::Yesterday { part: None })
        );
        assert_eq!(r[1].time.as_ref().map(|(_, t)| *t), Some(TimeRef::Today { part: None }));
    }

    /// The weekday word of each report of `text`, in order.
    fn report_weekdays(text: &str) -> Vec<(String, Option<chrono::Weekday>)> {
        let g = Gazetteer::bundled();
        full_reports(text)
            .into_iter()
            .map(|r| {
                let day = match r.time.map(|(_, t)| t) {
                    Some(TimeRef::Weekday { weekday, .. }) => Some(weekday),
                    _ => None,
                };
                (g.place(r.place).name.clone(), day)
            })
            .collect()
    }

    #[test]
    fn a_nominal_cue_reaches_only_coordinated_names() {
        assert_eq!(
            reports("Thursday's fall of Ghazni cut the main highway to Kandahar."),
            vec![("Ghazni".into(), Captured)]
        );
        let r =
            reports("The Taliban took control of Asadabad on Monday, and later of the capitals of Paktia and Khost.");
        assert_eq!(r.len(), 3, "{r:?}");
    }

    #[test]
    fn time_expression_of_the_same_clause_wins() {
        use chrono::Weekday::{Fri, Sat};
        assert_eq!(
            report_weekdays("Vrijdag werd al Zaranj veroverd en zaterdag volgde Sjibirgan."),
            vec![("Zaranj".into(), Some(Fri)), ("Sheberghan".into(), Some(Sat))]
        );
        assert_eq!(
            report_weekdays("Kunduz was captured on Friday and on Saturday Taloqan fell."),
            vec![("Kunduz".into(), Some(Fri)), ("Taloqan".into(), Some(Sat))]
        );
    }

    #[test]
    fn lowercase_keeps_offsets() {
        for s in ["İstanbul en Kaboel", "Kandahar’s fall, Qal‘ah-ye Now; it hasn’t fallen"] {
            let lower = lowercase_same_offsets(s);
            assert_eq!(lower.len(), s.len());
            assert!(s.char_indices().all(|(i, _)| lower.is_char_boundary(i)));
        }
    }

    /// The plain reference: a leftmost-longest automaton run over the whole
    /// text, skipping matches not on word
    /// boundaries and resuming one byte after their start.
    fn reference_matcher(entries: &[LexEntry], ids: &[usize]) -> AhoCorasick {
        AhoCorasick::builder()
            .match_kind(AcMatchKind::LeftmostLongest)
            .build(ids.iter().map(|&i| entries[i].phrase.as_str()))
            .unwrap()
    }

    fn reference_matches(
        matcher: &AhoCorasick,
        entries: &[LexEntry],
        ids: &[usize],
        lower: &str,
        from: usize,
    ) -> Vec<(Range<usize>, usize)> {
        let mut out = Vec::new();
        let mut pos = from;
        while pos < lower.len() {
            let Some(m) = matcher.find(aho_corasick::Input::new(lower).span(pos..lower.len())) else {
                break;
            };
            let entry = ids[m.pattern().as_usize()];
            let phrase = &entries[entry].phrase;
            let start_ok = phrase.starts_with("n'") || phrase.starts_with("n’") || at_word_start(lower, m.start());
            if start_ok && at_word_end(lower, m.end()) {
                out.push((m.start()..m.end(), entry));
                pos = m.end();
            } else {
                pos = m.start() + 1;
            }
        }
        out
    }

    #[test]
    fn anchored_phrase_search_matches_a_leftmost_longest_scan() {
        let lex = Lexicon::bundled();
        let mut texts: Vec<String> = crate::article::bundled_seeds().into_iter().map(|a| a.text).collect();
        texts.extend(
            crate::synth::Generator::new(Gazetteer::bundled(), 5)
                .corpus(30)
                .into_iter()
                .map(|a| a.text),
        );
        texts.extend(
            [
                "De Taliban namen Kunduz over. Ze nemen de stad in handen vandaag; in handen van",
                "it hasn't fallen, they haven’t, n't n’t didn't:isn't",
                "vallen vallende viel-in  namen namenlijst ingenomenheid in handen",
                "Ë é ß İstanbul’s commando's taliban-strijders TALIBAN-WOORDVOERDER within 90 days",
            ]
            .map(String::from),
        );
        // Every phrase alone, glued to words and cut short.
        for e in lex.cue_entries.iter().chain(&lex.mod_entries) {
            let p = &e.phrase;
            texts.push(format!(
                "{p}. x{p} {p}x {p}{p} ({p}) {}",
                &p[..p.floor_char_boundary(p.len() / 2)]
            ));
        }
        assert_matches_reference(lex, &texts);
    }

    /// A lexicon with phrases that start with punctuation is searched at
    /// every character, and still as the reference does.
    #[test]
    fn phrases_starting_with_punctuation_match_as_the_reference_does() {
        let lex = Lexicon::parse(
            "ingenomen\tverb\tcaptured\tnl\n\
             (ingenomen)\tverb\tcaptured\tnl\n\
             -veroverd\tverb\tcaptured\tnl\n\
             'in handen'\thands\tcaptured\tnl\n\
             in handen\thands\tcaptured\tnl\n\
             namen in\tseparable\tcaptured\tnl\n\
             naar verluidt\thedge\t-\tnl\n\
             (naar verluidt\thedge\t-\tnl\n",
        )
        .expect("test lexicon parses");
        assert!(!lex.phrases.others.is_empty());
        let texts = [
            "Kunduz is (ingenomen) en Herat ingenomen; Ghazni -veroverd, x-veroverd.",
            "Zaranj is 'in handen' van de Taliban (naar verluidt), in handen (naar verluidt.",
            "Ze namen Zaranj in. ((ingenomen)) 'in handen''in handen' é(ingenomen)",
        ]
        .map(String::from);
        assert_matches_reference(&lex, &texts);
        let article = ArticleText::new(&texts[0]);
        let [cues, ..] = lex.find_all(&article, 0);
        let found: Vec<&str> = cues.iter().map(|m| &texts[0][m.span.clone()]).collect();
        assert_eq!(found, ["(ingenomen)", "ingenomen", "-veroverd"]);
    }

    /// Checks [`Lexicon::find_all`] on each text (from its start and from a
    /// third in) against the leftmost-longest reference for each set.
    fn assert_matches_reference(lex: &Lexicon, texts: &[String]) {
        let sets: [(&[LexEntry], Vec<usize>); 3] = [
            (
                &lex.cue_entries,
                (0..lex.cue_entries.len())
                    .filter(|&i| lex.cue_entries[i].role != Role::Separable)
                    .collect(),
            ),
            (
                &lex.cue_entries,
                (0..lex.cue_entries.len())
                    .filter(|&i| lex.cue_entries[i].role == Role::Separable)
                    .collect(),
            ),
            (&lex.mod_entries, (0..lex.mod_entries.len()).collect()),
        ];
        let matchers: Vec<AhoCorasick> = sets.iter().map(|(e, ids)| reference_matcher(e, ids)).collect();
        for text in texts {
            let lower = lowercase_same_offsets(text);
            let article = ArticleText::new(text);
            for from in [0, text.len() / 3] {
                let from = text.floor_char_boundary(from);
                let found = lex.find_all(&article, from);
                for (set, (entries, ids)) in sets.iter().enumerate() {
                    let got: Vec<(Range<usize>, usize)> =
                        found[set].iter().map(|m| (m.span.clone(), m.entry)).collect();
                    assert_eq!(
                        got,
                        reference_matches(&matchers[set], entries, ids, &lower, from),
                        "set {set} in {text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn word_index_is_a_binary_search_of_the_words() {
        let text = "Na  weken van strijd: de Taliban-strijders namen Lashkargah, Kandahar’s hoofdstad... in.  ";
        let article = ArticleText::new(text);
        for from in [0, 4, 30] {
            let words = words_of(&article, from);
            let index = word_index(&words, text.len());
            assert_eq!(index.len(), text.len() + 1);
            for (pos, &k) in index.iter().enumerate() {
                assert_eq!(
                    k as usize,
                    words.partition_point(|w| w.span.end <= pos),
                    "at {pos} from {from}"
                );
            }
        }
        assert_eq!(word_index(&[], 3), [0; 4]);
    }

    #[test]
    fn typographic_apostrophes_negate() {
        assert_eq!(one("Officials insist Kunduz hasn’t fallen."), ("Kunduz".into(), Held));
    }
}
