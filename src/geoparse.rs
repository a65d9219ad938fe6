//! The geoparser: every mention of a gazetteer place in an article, with its
//! byte span, sentence and resolved entry.
//!
//! Matching works on tokens, not bytes: each run of letters is folded to a
//! key (see [`crate::text`]) and runs of up to a few tokens joined by spaces,
//! hyphens or apostrophes are looked up by their concatenated key. That
//! gives word boundaries for free and makes `Lashkar Gah`, `Lashkargah` and
//! `Lashkar-Gah` one lookup. The longest match at each position wins.
//!
//! Guards keep ordinary words and people out: a name must start with a
//! capital (lower-case text only matches notable places spelled exactly as
//! listed), acronyms of up to four letters never start a name, common
//! Dutch/English words only match notable places, and a match that forms a
//! person's name with a neighbouring given name or title (`krijgsheer
//! Ismail Khan`) is dropped. Long capitalised names that match nothing are
//! compared with notable names allowing one typo per five letters
//! (`Maidan Sharm` → Maidan Shahr).
//!
//! A name shared by several entries (Herat the province and the city, two
//! villages called Qarah Bagh) is resolved from context: province words
//! (`de provincie Balch`, `Jawzjan province`), city words (`de stad`),
//! `the capital of X province` (X's capital), provinces named nearby, and
//! finally rank (capitals, then provinces, then population).

use std::borrow::Cow;
use std::cell::Cell;
use std::ops::Range;

use serde::Serialize;

use crate::gazetteer::{FuzzyKey, Gazetteer, Place, PlaceId, PlaceKind};
use crate::lexicon::{Lexicon, Role, Roles};
use crate::text::{ArticleText, Token, fold_lowered_token_into, plain_lower};

/// How a mention was matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// A listed spelling, after folding.
    Exact,
    /// A lower-case spelling of a notable place.
    LowerCase,
    /// A capitalised name within a typo or two of a notable place.
    Typo,
    /// "The capital of X province": resolved to X's capital.
    CapitalOf,
}

/// One mention of a place in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceMention {
    /// The resolved gazetteer entry.
    pub place: PlaceId,
    /// Byte span of the name as written.
    pub span: Range<usize>,
    /// Index of the sentence it sits in.
    pub sentence: usize,
    pub match_kind: MatchKind,
}

/// Words that glue the parts of a Persian/Pashto name together (ezafe and
/// Arabic article): `Mazar-i-Sharif`, `Qal'ah-ye Now`, `Jabal os Saraj`.
/// `lower` is a token in lower case; connectors are ASCII.
fn is_connector_word(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"e" | b"i"
            | b"y"
            | b"ye"
            | b"yi"
            | b"ul"
            | b"us"
            | b"os"
            | b"al"
            | b"ol"
            | b"wa"
            | b"o"
            | b"u"
            | b"ah"
            | b"eh"
            | b"a"
    )
}

/// What the vetoes make of a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// A place.
    Keep,
    /// A place if the article names it elsewhere where that is clear.
    Unvouched,
    /// Not a place.
    Drop,
}

/// Does the text between two names join them in a list: a comma, "&",
/// or a word joining names ("en", "and"; not "of")?
fn is_list_gap(gap: &str) -> bool {
    let g = gap.trim_matches(|c: char| c == ',' || c.is_whitespace());
    g.is_empty() || g == "&" || Lexicon::word_is(g, Role::NameJoiner) && g != "of"
}

/// A word next to a name, for context rules.
#[derive(Clone)]
struct Word<'a> {
    /// Lower case, diacritics stripped.
    text: Cow<'a, str>,
    /// Its lexicon roles, looked up when first asked (most context words
    /// never are).
    roles: Cell<Option<Roles>>,
    capitalised: bool,
    /// Punctuation separates it from the word nearer the name.
    broken: bool,
    /// That punctuation is a single comma (a list: "Logar, Paktia en Paktika").
    comma: bool,
}

impl Word<'_> {
    /// Is it written as an English or Dutch plural ("districts",
    /// "capitals", "districten")? Spelling only: the lexicon's nouns that
    /// matter here all form their plural so.
    fn looks_plural(&self) -> bool {
        self.text.ends_with('s') || self.text.ends_with("en")
    }

    /// Does the lexicon give this word `role`?
    fn is(&self, role: Role) -> bool {
        let roles = self.roles.get().unwrap_or_else(|| {
            let roles = Lexicon::bundled().word_roles(&self.text);
            self.roles.set(Some(roles));
            roles
        });
        roles.contains(role)
    }

    /// The kind of entry the word asks for next to a name ("het district X").
    fn kind_named(&self) -> Option<PlaceKind> {
        KIND_WORDS
            .into_iter()
            .find(|&(role, _)| self.is(role))
            .map(|(_, kind)| kind)
    }
}

/// The roles of words that ask for a kind of entry next to a name, and
/// the kind each asks for.
const KIND_WORDS: [(Role, PlaceKind); 4] = [
    (Role::KindDistrict, PlaceKind::District),
    (Role::KindCrossing, PlaceKind::Crossing),
    (Role::KindBase, PlaceKind::Base),
    (Role::KindArea, PlaceKind::Area),
];

/// Finds place mentions in `text`, starting at byte `from` (after any
/// metadata line). `sentences` are the article's sentence spans, in order.
pub fn find_mentions(gazetteer: &Gazetteer, text: &str, from: usize, sentences: &[Range<usize>]) -> Vec<PlaceMention> {
    find_mentions_in(gazetteer, &ArticleText::new(text), from, sentences)
}

/// [`find_mentions`] on a text whose shared views are already computed.
pub fn find_mentions_in(
    gazetteer: &Gazetteer,
    article: &ArticleText<'_>,
    from: usize,
    sentences: &[Range<usize>],
) -> Vec<PlaceMention> {
    let tokens = &article.tokens;
    // Tokens are in text order: those of the body are a suffix.
    let body = tokens.partition_point(|t| t.span.start < from);
    let mut parser = Parser::new(gazetteer, article, &tokens[body..], sentences);
    let candidates = parser.candidates();
    parser.resolve(candidates)
}

struct Candidate<'g> {
    tokens: Range<usize>,
    span: Range<usize>,
    /// Borrowed from the gazetteer unless filtered or found by typo.
    ids: Cow<'g, [PlaceId]>,
    kind: MatchKind,
    sentence: usize,
}

/// A token whose key has not been folded yet.
const UNFOLDED: (usize, usize) = (usize::MAX, usize::MAX);

struct Parser<'a> {
    gaz: &'a Gazetteer,
    text: &'a str,
    /// The text lower-cased with the same offsets.
    lower: &'a str,
    tokens: &'a [Token],
    sentences: &'a [Range<usize>],
    /// Each token's key as a span of `key_text`, folded when first needed
    /// (most tokens never are: only capitalised ones start names).
    keys: Vec<(usize, usize)>,
    key_text: String,
    blocked: Vec<Range<usize>>,
    scratch: String,
    /// Buffers for typo matching.
    key_chars: Vec<char>,
    osa: OsaRows,
    /// Whether each sentence holds a district word, once asked.
    district_sentences: Vec<Option<bool>>,
}

impl<'a> Parser<'a> {
    fn new(
        gaz: &'a Gazetteer,
        article: &'a ArticleText<'a>,
        tokens: &'a [Token],
        sentences: &'a [Range<usize>],
    ) -> Self {
        Parser {
            gaz,
            text: article.text,
            lower: &article.lower,
            tokens,
            sentences,
            keys: vec![UNFOLDED; tokens.len()],
            key_text: String::with_capacity(tokens.len() * 2),
            blocked: blocked_spans(article.text),
            scratch: String::new(),
            key_chars: Vec::new(),
            osa: OsaRows::default(),
            district_sentences: Vec::new(),
        }
    }

    #[inline]
    fn surface(&self, t: usize) -> &'a str {
        &self.text[self.tokens[t].span.clone()]
    }

    /// Span of token `t`'s key in `key_text`, folding it on first use.
    fn key_span(&mut self, t: usize) -> (usize, usize) {
        if self.keys[t] == UNFOLDED {
            let span = self.tokens[t].span.clone();
            let start = self.key_text.len();
            fold_lowered_token_into(
                &self.text[span.clone()],
                &self.lower[span],
                &mut self.scratch,
                &mut self.key_text,
            );
            self.keys[t] = (start, self.key_text.len());
        }
        self.keys[t]
    }

    fn key(&mut self, t: usize) -> &str {
        let (start, end) = self.key_span(t);
        &self.key_text[start..end]
    }

    /// The token lower-cased, diacritics stripped: for ASCII a slice of the
    /// shared lower-case text.
    #[inline]
    fn lower(&self, t: usize) -> Cow<'a, str> {
        let token = &self.tokens[t];
        if token.ascii {
            Cow::Borrowed(&self.lower[token.span.clone()])
        } else {
            Cow::Owned(plain_lower(self.surface(t)))
        }
    }

    /// Is token `t` a word for a kind of place ("airport", "valley",
    /// "district", "crossing")?
    fn is_kind_word(&self, t: usize) -> bool {
        let roles = Lexicon::bundled().word_roles(&self.lower(t));
        KIND_WORDS.iter().any(|&(role, _)| roles.contains(role))
    }

    #[inline]
    fn is_connector(&self, t: usize) -> bool {
        let token = &self.tokens[t];
        token.ascii && is_connector_word(&self.lower.as_bytes()[token.span.clone()])
    }

    fn is_blocked(&self, span: &Range<usize>) -> bool {
        // Blocked spans are sorted and disjoint: the last one starting at or
        // before the span is the only one that can contain it.
        let i = self.blocked.partition_point(|b| b.start <= span.start);
        i > 0 && span.end <= self.blocked[i - 1].end
    }

    fn sentence_of(&self, pos: usize) -> usize {
        match self.sentences.binary_search_by(|s| {
            if s.end <= pos {
                std::cmp::Ordering::Less
            } else if s.start > pos {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        }) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1).min(self.sentences.len().saturating_sub(1)),
        }
    }

    #[inline]
    fn letters(&self, t: usize) -> usize {
        let token = &self.tokens[t];
        if token.ascii {
            token.span.len()
        } else {
            self.surface(t).chars().filter(|c| c.is_alphabetic()).count()
        }
    }

    /// Pass 1: every name-shaped match with its candidate entries.
    fn candidates(&mut self) -> Vec<Candidate<'a>> {
        let gaz = self.gaz;
        let tokens = self.tokens;
        let mut out = Vec::new();
        let max_tokens = gaz.max_name_tokens().clamp(1, 6);
        let mut next_free = 0;
        let mut key = String::new();
        for i in 0..tokens.len() {
            if i < next_free {
                continue;
            }
            let tok = &tokens[i];
            let lower_case = !tok.capitalised;
            // Most tokens are short lower-case words, which every rule below
            // passes over.
            if lower_case && self.letters(i) < 5 {
                continue;
            }
            if self.is_connector(i) || self.is_blocked(&tok.span) {
                continue;
            }
            let before = self.text[..tok.span.start].chars().next_back();
            if matches!(before, Some('@' | '/' | '_')) {
                continue;
            }
            if tok.all_caps && self.letters(i) <= 4 {
                continue;
            }
            // Cheap filters first: most words cannot start a name.
            if lower_case {
                if !gaz.is_lower_first_word(&self.lower(i)) {
                    continue;
                }
            } else if !gaz.is_first_key(self.key(i)) {
                if let Some(c) = self.fuzzy(i) {
                    next_free = c.tokens.end;
                    out.push(c);
                }
                continue;
            }
            // Longest exact match starting here. Keys only grow as tokens
            // are added, so once no name key starts with the key so far,
            // no longer match exists.
            key.clear();
            let mut best: Option<(usize, &[PlaceId])> = None;
            for (j, t) in tokens.iter().enumerate().take(i + max_tokens).skip(i) {
                if j > i && !t.joined_to_previous {
                    break;
                }

                let (start, end) = self.key_span(j);
                append_key(&mut key, &self.key_text[start..end]);
                if !gaz.may_start_key(&key) {
                    break;
                }
                let ids = gaz.lookup_key(&key);
                // A capitalised name does not end in an ordinary lower-case
                // word ("vielen Herat aan" is Herat, not Heyratan; "Farah
                // has"), but may in the word for its kind ("Kabul airport").
                let ends_in_word = || {
                    j > i
                        && !lower_case
                        && !t.capitalised
                        && !self.is_connector(j)
                        && !self.is_kind_word(j)
                        && !self.text[tokens[j - 1].span.end..t.span.start].contains('-')
                        && gaz.is_common_word(&self.lower(j))
                };
                if !ids.is_empty() && !ends_in_word() {
                    best = Some((j, ids));
                }
            }
            // "Dara-i-Sawf": a name that goes on, through a connector
            // written onto it, into another capitalised word is a longer
            // name, not the shorter one it starts with ("Dara").
            let goes_on = |j: usize| {
                tokens
                    .get(j + 1)
                    .is_some_and(|c| c.intra_word && self.is_connector(j + 1))
                    && tokens.get(j + 2).is_some_and(|n| n.joined_to_previous && n.capitalised)
            };
            if let Some((j, _)) = best
                && goes_on(j)
            {
                next_free = j + 3;
                continue;
            }
            if let Some((j, ids)) = best {
                let span = tok.span.start..tokens[j].span.end;
                let ids = if lower_case {
                    Cow::Owned(self.lower_case_filter(&span, ids))
                } else {
                    Cow::Borrowed(ids)
                };
                if !ids.is_empty() {
                    let sentence = self.sentence_of(span.start);
                    out.push(Candidate {
                        tokens: i..j + 1,
                        span,
                        ids,
                        kind: if lower_case {
                            MatchKind::LowerCase
                        } else {
                            MatchKind::Exact
                        },
                        sentence,
                    });
                    next_free = j + 1;
                    continue;
                }
            }
            if !lower_case && let Some(c) = self.fuzzy(i) {
                next_free = c.tokens.end;
                out.push(c);
            }
        }
        // A short or ordinary-word district name counts where a district
        // word vouches for it, and then all through the article: "the
        // Banu district … fighting in Deh Salah and Banu".
        let verdicts: Vec<Verdict> = out.iter().map(|c| self.verdict(c)).collect();
        let vouched: Vec<PlaceId> = if verdicts.contains(&Verdict::Unvouched) {
            out.iter()
                .zip(&verdicts)
                .filter(|(_, v)| **v == Verdict::Keep)
                .flat_map(|(c, _)| c.ids.iter().copied())
                .collect()
        } else {
            Vec::new()
        };
        let mut verdicts = verdicts.into_iter();
        out.retain(|c| match verdicts.next() {
            Some(Verdict::Keep) => true,
            Some(Verdict::Unvouched) => c.ids.iter().any(|id| vouched.contains(id)),
            _ => false,
        });
        out
    }

    /// Lower-case text matches only notable places spelled as listed, and
    /// never when the word is an ordinary one.
    fn lower_case_filter(&self, span: &Range<usize>, ids: &[PlaceId]) -> Vec<PlaceId> {
        let surface = &self.text[span.clone()];
        let spaced = crate::gazetteer::spaced_lower(surface);
        if self.gaz.is_common_word(&spaced) || !self.gaz.is_lower_spelling(&spaced) {
            return Vec::new();
        }
        ids.iter()
            .copied()
            .filter(|&id| self.gaz.place(id).is_notable())
            .collect()
    }

    /// A capitalised run of up to three tokens within a typo of a notable
    /// name.
    fn fuzzy(&mut self, i: usize) -> Option<Candidate<'a>> {
        let tokens = self.tokens;
        // Names are at least seven letters; a short word needs a capitalised
        // neighbour to reach that.
        let short = self.key(i).len() < 7;
        if short && !tokens.get(i + 1).is_some_and(|t| t.joined_to_previous && t.capitalised) {
            return None;
        }
        let mut best: Option<(usize, PlaceId, usize)> = None; // (end token, place, distance)
        let mut key = std::mem::take(&mut self.scratch);
        key.clear();
        for (j, t) in tokens.iter().enumerate().take(i + 3).skip(i) {
            let connector = self.is_connector(j);
            if j > i && (!t.joined_to_previous || !(t.capitalised || connector)) {
                break;
            }
            if !connector {
                let lower = self.lower(j);
                // Words the lexicon knows ("Taleban", "City") are what the
                // lexicon says, not misspelt places.
                let known = Lexicon::bundled().word_roles(&lower).has_tagged();
                // A given name may end a place's name ("Gusargah-e Nur"),
                // not start it.
                let person = j == i && self.is_person_word(&lower);
                if self.gaz.is_common_word(&lower) || person || known {
                    break;
                }
            }
            let (start, end) = self.key_span(j);
            append_key(&mut key, &self.key_text[start..end]);
            if connector {
                continue;
            }
            let len = key.chars().count();
            let max_distance = match len {
                0..=6 => continue,
                7..=9 => 1,
                _ => 2,
            };
            // A district's or site's name misspelt ("Chankhansur",
            // "Adraskam") counts, one typo away, where a district word in
            // the sentence vouches for it.
            let found = self.nearest_notable(&key, max_distance).or_else(|| {
                self.district_word_in_sentence(i)
                    .then(|| self.nearest_in(self.gaz.district_fuzzy_keys(), &key, 1))
                    .flatten()
            });
            if let Some((place, d)) = found {
                let better = match best {
                    None => true,
                    Some((_, _, bd)) => d <= bd,
                };
                if better {
                    best = Some((j, place, d));
                }
            }
        }
        self.scratch = key;
        let (j, place, _) = best?;
        let span = tokens[i].span.start..tokens[j].span.end;
        Some(Candidate {
            tokens: i..j + 1,
            span: span.clone(),
            ids: Cow::Owned(vec![place]),
            kind: MatchKind::Typo,
            sentence: self.sentence_of(span.start),
        })
    }

    fn nearest_notable(&mut self, key: &str, max_distance: usize) -> Option<(PlaceId, usize)> {
        self.nearest_in(self.gaz.fuzzy_keys(), key, max_distance)
            .or_else(|| self.first_letter_typo(key))
    }

    /// A long name of a capital or province with only its first letter
    /// wrong ("Rarinkot" for Tarinkot: the key beside it on the keyboard),
    /// which the prefix search of [`Parser::nearest_in`] cannot see.
    fn first_letter_typo(&self, key: &str) -> Option<(PlaceId, usize)> {
        self.gaz.first_letter_typo(key).map(|p| (p, 1))
    }

    /// Does the sentence of token `t` hold a district word (see
    /// [`Role::DistrictWord`])? Worked out once per sentence.
    fn district_word_in_sentence(&mut self, t: usize) -> bool {
        let si = self.sentence_of(self.tokens[t].span.start);
        if self.district_sentences.len() < self.sentences.len() {
            self.district_sentences = vec![None; self.sentences.len()];
        }
        if let Some(known) = self.district_sentences.get(si).copied().flatten() {
            return known;
        }
        let has = self.district_word_in(si, 0..0);
        if let Some(slot) = self.district_sentences.get_mut(si) {
            *slot = Some(has);
        }
        has
    }

    fn nearest_in(&mut self, fuzzy: &[FuzzyKey], key: &str, max_distance: usize) -> Option<(PlaceId, usize)> {
        // The first two characters must be right.
        let prefix = &key[..key.char_indices().nth(2).map_or(key.len(), |(i, _)| i)];
        let start = fuzzy.partition_point(|f| f.key.as_str() < prefix);
        let mut best: Option<(PlaceId, usize)> = None;
        self.key_chars.clear();
        self.key_chars.extend(key.chars());
        for f in &fuzzy[start..] {
            if !f.key.starts_with(prefix) {
                break;
            }
            let fc = &f.chars;
            if fc.len().abs_diff(self.key_chars.len()) > max_distance || fc.len() < 7 {
                continue;
            }
            if let Some(d) = self.osa.distance_within(&self.key_chars, fc, max_distance) {
                let better = match best {
                    None => true,
                    Some((bp, bd)) => d < bd || (d == bd && rank(self.gaz.place(f.place)) < rank(self.gaz.place(bp))),
                };
                if better {
                    best = Some((f.place, d));
                }
            }
        }
        best
    }

    fn is_person_word(&self, lower: &str) -> bool {
        self.gaz.persons().is_person_word(lower)
    }

    /// Whether a match is a place: not a person, an acronym or an
    /// ordinary word.
    fn verdict(&self, c: &Candidate) -> Verdict {
        let mut unvouched = false;
        if self.vetoed(c, &mut unvouched) {
            Verdict::Drop
        } else if unvouched {
            Verdict::Unvouched
        } else {
            Verdict::Keep
        }
    }

    /// Drops matches that are people, acronyms or ordinary words. Sets
    /// `unvouched` for a district's or site's name that is an ordinary word
    /// or very short ("Burka", "Chal", "Banu") with no district word in its
    /// sentence.
    fn vetoed(&self, c: &Candidate, unvouched: &mut bool) -> bool {
        let first = c.tokens.start;
        let last = c.tokens.end - 1;
        // An ordinary word matching a minor place. A district's or site's
        // name that is an ordinary word or very short ("Burka", "Chal",
        // "Kang") counts only where a district word vouches for it (see
        // `Verdict::Unvouched`).
        if c.tokens.len() == 1 && c.ids.iter().all(|&id| !self.gaz.place(id).is_notable()) {
            let lower = self.lower(first);
            let common = self.gaz.is_common_word(&lower);
            let sites = c.ids.iter().all(|&id| self.gaz.place(id).kind.is_district_or_site());
            // A word the lexicon knows ("City", "Taleban") is what the
            // lexicon says, whatever district has that spelling.
            if sites && Lexicon::bundled().word_roles(&lower).has_tagged() {
                return true;
            }
            if sites && (common || self.letters(first) <= 4) {
                *unvouched = !self.sentence_has_district_word(c);
            } else if common {
                return true;
            }
        }
        // A minor place's one-word name that speaks is a person's
        // ("Shirzad added", "Baraki zei"): places do not talk, but a
        // province or a capital may stand for its officials.
        if c.tokens.len() == 1
            && last + 1 < self.tokens.len()
            && self.tokens[last + 1].joined_to_previous
            && c.ids.iter().all(|&id| !self.gaz.place(id).is_notable())
        {
            let next = self.lower(last + 1);
            if Lexicon::bundled().word_roles(&next).contains(Role::SayVerb) {
                return true;
            }
        }
        // A misspelt place right after another capitalised word is a
        // surname ("Anaamullah Samangani"), not a place; but not after an
        // ordinary word that opens the sentence ("Het Maidan Sharm viel"),
        // unless that is a given name too ("Said").
        let persons = self.gaz.persons();
        if c.kind == MatchKind::Typo
            && first > 0
            && self.tokens[first].joined_to_previous
            && self.tokens[first - 1].capitalised
            && {
                let prev = self.lower(first - 1);
                !self.gaz.is_common_word(&prev) || persons.given.contains(&*prev)
            }
        {
            return true;
        }
        // A given name or title right before, or a name part right after.
        if first > 0 && self.tokens[first].joined_to_previous {
            let prev = self.lower(first - 1);
            let prev_cap = self.tokens[first - 1].capitalised;
            if (prev_cap && persons.given.contains(&*prev)) || persons.titles.contains(&*prev) {
                return true;
            }
        }
        if last + 1 < self.tokens.len() && self.tokens[last + 1].joined_to_previous && self.tokens[last + 1].capitalised
        {
            let next = self.lower(last + 1);
            if persons.given.contains(&*next) && !self.tokens[last + 1].intra_word {
                return true;
            }
        }
        // Inside a listed person's full name (only possible when a
        // neighbouring word belongs to one).
        let neighbour_in_name = (first > 0
            && self.tokens[first].joined_to_previous
            && persons.name_words.contains(&*self.lower(first - 1)))
            || (last + 1 < self.tokens.len()
                && self.tokens[last + 1].joined_to_previous
                && persons.name_words.contains(&*self.lower(last + 1)));
        if !neighbour_in_name {
            return false;
        }
        for name in &persons.people {
            let n = name.len();
            let lo = (last + 1).saturating_sub(n);
            for s in lo..=first {
                if s + n > self.tokens.len() || s + n <= last {
                    continue;
                }
                // A name is written with capitals ("Kabul Now", not "in
                // Kabul now").
                if (s + 1..s + n).all(|k| self.tokens[k].joined_to_previous)
                    && (s..s + n).all(|k| self.tokens[k].capitalised)
                    && (0..n).all(|k| *self.lower(s + k) == *name[k])
                {
                    return true;
                }
            }
        }
        false
    }

    /// Does the candidate's sentence contain a word of [`Role::DistrictWord`]
    /// outside the candidate?
    fn sentence_has_district_word(&self, c: &Candidate) -> bool {
        self.district_word_in(c.sentence, c.tokens.clone())
    }

    /// Does sentence `si` hold a word of [`Role::DistrictWord`] outside the
    /// tokens `skip`?
    fn district_word_in(&self, si: usize, skip: Range<usize>) -> bool {
        let sentence = self.sentences.get(si).cloned().unwrap_or(0..self.text.len());
        let lo = self.tokens.partition_point(|t| t.span.start < sentence.start);
        let hi = self.tokens.partition_point(|t| t.span.start < sentence.end);
        (lo..hi).any(|t| !skip.contains(&t) && Lexicon::word_is(&self.lower(t), Role::DistrictWord))
    }

    /// The kind a word right before or after the name asks for: "het
    /// district Kamdesh", "the Torghundi border crossing", "Bagram airbase",
    /// "the district of Arghandab". `before` and `after` are the context
    /// that [`Self::cue`] filled.
    fn kind_cue(before: &[Word<'_>], after: &[Word<'_>]) -> Option<PlaceKind> {
        let kind_of = |w: Option<&Word>| w.filter(|w| !w.broken).and_then(|w| w.kind_named());
        kind_of(after.first()).or_else(|| kind_of(before.first())).or_else(|| {
            // "district of X", "district van X" (but "three districts of
            // Baghlan": the province they are in; "Burka district of
            // Baghlan": the district is Burka, X its province).
            let named = before
                .get(2)
                .is_some_and(|w| w.capitalised && !w.broken && !w.is(Role::Article));
            before
                .first()
                .filter(|w| !w.broken && w.is(Role::Genitive) && !named)
                .and_then(|_| kind_of(before.get(1).filter(|w| !w.looks_plural())))
        })
    }

    /// Words around a span within its sentence: up to `n` before (nearest
    /// first) and after.
    fn context(
        &self,
        c: &Candidate,
        n_before: usize,
        n_after: usize,
        before: &mut Vec<Word<'a>>,
        after: &mut Vec<Word<'a>>,
    ) {
        let sentence = self.sentences.get(c.sentence).cloned().unwrap_or(0..self.text.len());
        before.clear();
        after.clear();
        let mut k = c.tokens.start;
        while k > 0 && before.len() < n_before {
            if self.tokens[k - 1].span.start < sentence.start {
                break;
            }
            before.push(self.context_word(k - 1, k));
            k -= 1;
        }
        let mut k = c.tokens.end;
        while k < self.tokens.len() && after.len() < n_after {
            if self.tokens[k].span.end > sentence.end {
                break;
            }
            after.push(self.context_word(k, k - 1));
            k += 1;
        }
    }

    /// Token `t` as a context word, with the gap between it and token
    /// `nearer` (its neighbour on the name's side).
    fn context_word(&self, t: usize, nearer: usize) -> Word<'a> {
        let (a, b) = (&self.tokens[t].span, &self.tokens[nearer].span);
        let gap = &self.text[a.end.min(b.end)..a.start.max(b.start)];
        let (broken, comma) = match gap {
            // The usual gap.
            " " => (false, false),
            _ => (has_break(gap), gap.trim() == ","),
        };
        Word {
            roles: Cell::new(None),
            text: self.lower(t),
            capitalised: self.tokens[t].capitalised,
            broken,
            comma,
        }
    }

    /// What the words around a candidate say it is. `before` and `after`
    /// are buffers for its context.
    fn cue(&self, c: &Candidate, before: &mut Vec<Word<'a>>, after: &mut Vec<Word<'a>>) -> Cue {
        // Up to ten words back (a capital-of phrase may list names before
        // it), sixteen where a list holds compass phrases; the rules look
        // at most three words ahead.
        self.context(c, 10, 3, before, after);
        let mut without_compass = without_compass_phrases(before);
        if before.len() == 10 && without_compass.is_some() {
            self.context(c, 16, 3, before, after);
            without_compass = without_compass_phrases(before);
        }
        let (before, after) = (&before[..], &after[..]);
        fn w<'w>(v: &'w [Word<'_>], i: usize) -> &'w str {
            v.get(i).map(|x| x.text.as_ref()).unwrap_or("")
        }
        // `is(v, i, role)`: word i has this lexicon role.
        fn is(v: &[Word<'_>], i: usize, role: Role) -> bool {
            v.get(i).is_some_and(|x| x.is(role))
        }
        // `broken(v, i)`: punctuation between word i and the one nearer the name.
        let broken = |v: &[Word], i: usize| v.get(i).map(|x| x.broken).unwrap_or(true);
        // "(de) hoofdstad van (de) (zuidelijke) (provincie) X", "capital of the southern Afghan province of X".
        // Coordinated names share the phrase: "the capitals of Paktia and
        // Khost", "de hoofdsteden van Logar, Paktia en Paktika".
        // A compass phrase after a listed name stands aside: "the capitals
        // of Badakhshan in the north, Farah in the west and Baghlan".
        let before: &[Word] = without_compass.as_deref().unwrap_or(before);
        let mut i = 0;
        // Inside a list of names, a capitalised word is part of one
        // ("Kunduz, Sar-i-Pul and Takhar provinces").
        let mut in_list = false;
        // Only names stand between this one and the word looked at: a list
        // goes on past a comma only then ("Kunduz, Sar-i-Pul and Takhar
        // provinces", but not "Sar-e Pul, a council member of Sar-e Pul").
        let mut names_only = true;
        while i < before.len().min(10) {
            let word = &before[i];
            let listed = word.capitalised && (word.comma && names_only || in_list);
            in_list |= word.comma && names_only;
            if broken(before, i) && !listed {
                break;
            }
            // "the capital of", "the capital cities of".
            // (Not "the Wakhan district center of Badakhshan": a
            // district's centre.)
            let capital_at = |j: usize| {
                is(before, j, Role::CapitalWord)
                    && !broken(before, j)
                    && (!is(before, j + 1, Role::DistrictWord) || broken(before, j + 1))
            };
            if word.is(Role::Genitive)
                && (capital_at(i + 1) || is(before, i + 1, Role::CityPlural) && capital_at(i + 2))
            {
                return Cue::CapitalOf;
            }
            // "provincial capitals in the provinces of Herat and Kandahar":
            // capitals, in the plural, located in the provinces named.
            if word.is(Role::LocativePreposition)
                && capital_at(i + 1)
                && before.get(i + 1).is_some_and(Word::looks_plural)
            {
                return Cue::CapitalOf;
            }
            let and_name = word.is(Role::NameJoiner) && before.get(i + 1).is_some_and(|n| n.capitalised);
            in_list |= and_name;
            if !(word.capitalised || and_name || is_connector_word(word.text.as_bytes())) {
                names_only = false;
            }
            let filler = !word.capitalised || word.is(Role::Demonym) || listed;
            if !filler && !and_name {
                break;
            }
            i += if and_name { 2 } else { 1 };
        }
        // "X's (provincial) capital", "the X provincial capital".
        // (Also "Helmand's capital".)
        {
            let mut i = 0;
            if w(after, 0) == "s" && !broken(after, 0) {
                i = 1;
            }
            if matches!(w(after, i), "province" | "provincial") && !broken(after, i) {
                i += 1;
                // "Helmand province's capital"
                if w(after, i) == "s" && !broken(after, i) {
                    i += 1;
                }
            }
            if i > 0 && matches!(w(after, i), "capital" | "capitals") && !broken(after, i) {
                return Cue::CapitalOf;
            }
            // "Logar capital falls", "out of Badghis capital" (but "the
            // Helmand capital Lashkar Gah" names its capital).
            if i == 0
                && w(after, 0) == "capital"
                && !broken(after, 0)
                && after.get(1).is_none_or(|x| !x.capitalised || broken(after, 1))
            {
                return Cue::CapitalOf;
            }
        }
        // "Ghazni's (19) districts", "(twelve of the) districts of Ghazni":
        // a name both a town's and a province's is the province's, whose
        // districts they are ("the district of Kunduz" is the town's own).
        if c.ids.len() > 1 {
            let mut i = 0;
            if w(after, 0) == "s" && !broken(after, 0) {
                i = 1;
                if after
                    .get(1)
                    .is_some_and(|x| crate::dating::count_word(&x.text).is_some())
                    && !broken(after, 1)
                {
                    i = 2;
                }
            }
            if i > 0 && is(after, i, Role::KindDistrict) && !broken(after, i) {
                return Cue::Province;
            }
            // "(twelve of the) districts of Ghazni": the plural; or a
            // district named before its word ("the Anardara district of
            // Farah"), which is in the province.
            if is(before, 0, Role::Genitive)
                && !broken(before, 0)
                && is(before, 1, Role::KindDistrict)
                && !broken(before, 1)
                && (before.get(1).is_some_and(Word::looks_plural)
                    || before
                        .get(2)
                        .is_some_and(|x| x.capitalised && !x.is(Role::Article) && !x.is(Role::Filler))
                        && !broken(before, 2))
            {
                return Cue::Province;
            }
        }
        if !broken(before, 0) {
            if is(before, 0, Role::ProvinceWord) {
                return Cue::Province;
            }
            // "(the) province of X"
            if is(before, 0, Role::Genitive)
                && !broken(before, 1)
                && (is(before, 1, Role::ProvinceWord)
                    || (is(before, 1, Role::Article) && is(before, 2, Role::ProvinceWord) && !broken(before, 2)))
            {
                return Cue::Province;
            }
        }
        let next = w(after, 0);
        if is(after, 0, Role::ProvinceWord) && !broken(after, 0) {
            return Cue::Province;
        }
        // Apposition: "Balch, de provincie waarin …".
        if after.first().is_some_and(|x| x.broken)
            && is(after, 0, Role::Article)
            && !broken(after, 1)
            && is(after, 1, Role::ProvinceWord)
        {
            return Cue::Province;
        }
        // "provincial capital Baghlan", "de provinciehoofdstad Ghazni": a
        // province's name right after a word for a capital is its capital.
        if !broken(before, 0) && is(before, 0, Role::CapitalWord) && c.ids.len() > 1 {
            return Cue::CapitalOf;
        }
        if !broken(before, 0)
            && (is(before, 0, Role::CityWord)
                || (is(before, 0, Role::Genitive) && is(before, 1, Role::CityWord) && !broken(before, 1)))
        {
            return Cue::City;
        }
        if matches!(next, "city" | "stad" | "town") && !broken(after, 0) {
            return Cue::City;
        }
        // Apposition: "Maidan Wardak, the capital of Maidan Wardak",
        // "Zaranj, de hoofdstad van Nimroz": a town.
        if after.first().is_some_and(|x| x.broken)
            && is(after, 0, Role::Article)
            && !broken(after, 1)
            && is(after, 1, Role::CapitalWord)
            && !broken(after, 2)
            && is(after, 2, Role::Genitive)
        {
            return Cue::City;
        }
        Cue::None
    }

    /// Pass 2: one entry per candidate.
    fn resolve(&self, candidates: Vec<Candidate<'_>>) -> Vec<PlaceMention> {
        // Provinces named by unambiguous mentions, for context.
        // Names that say which province they are in: one entry, or several
        // of one province ("Ghazni", the province and its capital).
        let unambiguous: Vec<(usize, &str)> = candidates
            .iter()
            .filter_map(|c| {
                let province = self.gaz.place(*c.ids.first()?).province.as_str();
                c.ids
                    .iter()
                    .all(|&id| self.gaz.place(id).province == province)
                    .then_some((c.span.start, province))
            })
            .collect();
        let provinces_named: rustc_hash::FxHashSet<&str> = unambiguous.iter().map(|(_, p)| *p).collect();
        let mut out = Vec::with_capacity(candidates.len());
        let (mut before, mut after) = (Vec::new(), Vec::new());
        let list_kinds = self.list_kinds(&candidates, &mut before, &mut after);
        for (c, list_kind) in candidates.iter().zip(list_kinds) {
            let cue = self.cue(c, &mut before, &mut after);
            let province = c
                .ids
                .iter()
                .copied()
                .find(|&id| self.gaz.place(id).kind == PlaceKind::Province);
            let mut kind = c.kind;
            // A kind word next to a shared name picks that kind's entries.
            let wanted = if c.ids.len() > 1 && !matches!(cue, Cue::Province | Cue::CapitalOf) {
                Self::kind_cue(&before, &after).or(list_kind)
            } else {
                None
            };
            let of_kind: Vec<PlaceId> = wanted
                .map(|k| {
                    c.ids
                        .iter()
                        .copied()
                        .filter(|&id| self.gaz.place(id).kind == k)
                        .collect()
                })
                .unwrap_or_default();
            let place = match (cue, province) {
                _ if !of_kind.is_empty() => self.best_of(c, &of_kind, &unambiguous, &provinces_named),
                (Cue::CapitalOf, Some(p)) => {
                    let code = &self.gaz.place(p).province;
                    let capital = self.gaz.capital_of(code);
                    // Candidates are in text order: those of this sentence
                    // form one run.
                    let lo = candidates.partition_point(|o| o.sentence < c.sentence);
                    let hi = lo + candidates[lo..].partition_point(|o| o.sentence == c.sentence);
                    let capital_named = capital.is_some_and(|cap| {
                        candidates[lo..hi]
                            .iter()
                            // (A name the capital shares with its
                            // province names neither for sure.)
                            .any(|o| o.span != c.span && o.ids.first() == Some(&cap.id) && !o.ids.contains(&p))
                    });
                    match capital {
                        Some(cap) if !capital_named => {
                            kind = MatchKind::CapitalOf;
                            cap.id
                        }
                        _ => p,
                    }
                }
                (Cue::Province, Some(p)) => p,
                // A province's name said of a town is its capital's.
                (Cue::City, Some(p)) if c.ids.len() == 1 => match self.gaz.capital_of(&self.gaz.place(p).province) {
                    Some(cap) => {
                        kind = MatchKind::CapitalOf;
                        cap.id
                    }
                    None => p,
                },
                _ if c.ids.len() == 1 => c.ids[0],
                (Cue::City, _) | (_, None) => self.best_settlement(c, &unambiguous, &provinces_named),
                (_, Some(p)) => {
                    let code = &self.gaz.place(p).province;
                    let same_name_capital = c.ids.iter().copied().find(|&id| {
                        let q = self.gaz.place(id);
                        q.kind == PlaceKind::Capital && &q.province == code
                    });
                    same_name_capital.unwrap_or(p)
                }
            };
            out.push(PlaceMention {
                place,
                span: c.span.clone(),
                sentence: c.sentence,
                match_kind: kind,
            });
        }
        self.prefer_provinces(&candidates, &mut out);
        out
    }

    /// The kind a kind word before or after a list of names asks of every
    /// name in it: "Sholgar, Chamtal, Balkh and Dawlatabad districts", "de
    /// districten Chimtal, Balch en Sholgara" make Balkh the district, not
    /// the province. (A name's own neighbour is [`Self::kind_cue`]'s.)
    fn list_kinds(
        &self,
        candidates: &[Candidate<'_>],
        before: &mut Vec<Word<'a>>,
        after: &mut Vec<Word<'a>>,
    ) -> Vec<Option<PlaceKind>> {
        let mut kinds = vec![None; candidates.len()];
        let mut start = 0;
        while start < candidates.len() {
            // The run of names joined as a list from `start`.
            let mut end = start + 1;
            while let Some(next) = candidates.get(end) {
                let last = &candidates[end - 1];
                let joined = next.sentence == last.sentence
                    && last.span.end <= next.span.start
                    && is_list_gap(&self.lower[last.span.end..next.span.start]);
                if !joined {
                    break;
                }
                end += 1;
            }
            if end - start > 1 {
                self.context(&candidates[end - 1], 0, 1, before, after);
                let kind_after = after.first().filter(|w| !w.broken).and_then(Word::kind_named);
                self.context(&candidates[start], 1, 0, before, after);
                let kind_before = before.first().filter(|w| !w.broken).and_then(Word::kind_named);
                kinds[start..end].fill(kind_after.or(kind_before));
            }
            start = end;
        }
        kinds
    }

    /// A name shared by a capital and its province is the province when it
    /// stands in a list with provinces ("fighting in Baghlan, Kunduz,
    /// Balkh and Takhar") or locates a town or district named right before
    /// it ("Malistan in Ghazni").
    fn prefer_provinces(&self, candidates: &[Candidate<'_>], out: &mut [PlaceMention]) {
        let gaz = self.gaz;
        let kind = |m: &PlaceMention| gaz.place(m.place).kind;
        let province_of = |i: usize, m: &PlaceMention| {
            let code = &gaz.place(m.place).province;
            candidates[i].ids.iter().copied().find(|&id| {
                let p = gaz.place(id);
                p.kind == PlaceKind::Province && &p.province == code
            })
        };
        let gap = |a: &PlaceMention, b: &PlaceMention| {
            (a.sentence == b.sentence && a.span.end <= b.span.start)
                .then(|| self.lower[a.span.end..b.span.start].trim())
        };
        loop {
            let mut changed = false;
            for i in 0..out.len() {
                if kind(&out[i]) != PlaceKind::Capital || out[i].match_kind == MatchKind::CapitalOf {
                    continue;
                }
                let Some(p) = province_of(i, &out[i]) else { continue };
                let with_province =
                    |j: usize, g: Option<&str>| g.is_some_and(is_list_gap) && kind(&out[j]) == PlaceKind::Province;
                let in_list = (i > 0 && with_province(i - 1, gap(&out[i - 1], &out[i])))
                    || (i + 1 < out.len() && with_province(i + 1, gap(&out[i], &out[i + 1])));
                let locates = i > 0
                    && gap(&out[i - 1], &out[i])
                        .is_some_and(|g| matches!(g, "in" | "in de provincie" | "in the province of"))
                    && !matches!(kind(&out[i - 1]), PlaceKind::Capital | PlaceKind::Province)
                    && gaz.place(out[i - 1].place).province == gaz.place(p).province;
                if (in_list || locates) && !self.located_after(&out[i].span) {
                    out[i].place = p;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
    }

    /// Does a province phrase locating the name follow it: "Sar-e Pul, in
    /// the northern province of the same name", "Farah in Farah province"?
    /// Then the name is the town.
    fn located_after(&self, span: &Range<usize>) -> bool {
        let end = self.lower.floor_char_boundary((span.end + 60).min(self.lower.len()));
        let rest = self.lower[span.end..end].trim_start_matches([',', ' ']);
        let Some(rest) = rest.strip_prefix("in ") else {
            return false;
        };
        rest.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(4)
            .any(|w| Lexicon::word_is(w, Role::ProvinceWord))
    }

    /// Among non-province candidates: one in a province named nearby, then
    /// capitals, then population.
    fn best_settlement(
        &self,
        c: &Candidate,
        unambiguous: &[(usize, &str)],
        provinces_named: &rustc_hash::FxHashSet<&str>,
    ) -> PlaceId {
        let settlements: Vec<PlaceId> = c
            .ids
            .iter()
            .copied()
            .filter(|&id| self.gaz.place(id).kind != PlaceKind::Province)
            .collect();
        let pool: &[PlaceId] = if settlements.is_empty() { &c.ids } else { &settlements };
        self.best_of(c, pool, unambiguous, provinces_named)
    }

    /// Among `pool` (some of `c`'s candidates): one in a province named
    /// nearby, then one in a province named anywhere, then by rank.
    fn best_of(
        &self,
        c: &Candidate,
        pool: &[PlaceId],
        unambiguous: &[(usize, &str)],
        provinces_named: &rustc_hash::FxHashSet<&str>,
    ) -> PlaceId {
        const NEAR: usize = 600;
        let lo = unambiguous.partition_point(|(pos, _)| *pos + NEAR < c.span.start);
        let hi = unambiguous.partition_point(|(pos, _)| *pos <= c.span.start + NEAR);
        let window = &unambiguous[lo..hi.max(lo)];
        let near = |code: &str| window.iter().any(|(pos, p)| *p == code && *pos != c.span.start);
        let anywhere = |code: &str| provinces_named.contains(code);
        // `unambiguous` is in text order: the window is a slice of it.
        pool.iter()
            .copied()
            .min_by_key(|&id| {
                let p = self.gaz.place(id);
                (!near(&p.province), !anywhere(&p.province), rank(p))
            })
            .unwrap_or(c.ids[0])
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    None,
    Province,
    City,
    CapitalOf,
}

fn rank(p: &Place) -> (u8, std::cmp::Reverse<u64>, u32) {
    p.rank()
}

/// Context words before a name (nearest first) without the compass phrases
/// ("in the north", "in het westen") that follow names in it, each name
/// taking the punctuation after its phrase; `None` when there is none.
fn without_compass_phrases<'a>(before: &[Word<'a>]) -> Option<Vec<Word<'a>>> {
    let at = |j: usize| {
        let w = |k: usize| before.get(j + k);
        // (The plain checks first: most words are no compass phrase.)
        w(2).is_some_and(|x| x.text == "in" && !x.broken)
            && w(3).is_some_and(|x| x.capitalised && !x.broken)
            && w(0).is_some_and(|x| !x.capitalised && x.is(Role::Filler))
            && w(1).is_some_and(|x| !x.broken && x.is(Role::Article))
    };
    if !(0..before.len()).any(at) {
        return None;
    }
    let mut out = Vec::with_capacity(before.len());
    let mut j = 0;
    while j < before.len() {
        if at(j) {
            out.push(Word {
                broken: before[j].broken,
                comma: before[j].comma,
                ..before[j + 3].clone()
            });
            j += 4;
        } else {
            out.push(before[j].clone());
            j += 1;
        }
    }
    Some(out)
}

/// Does a gap between two words contain punctuation that ends a phrase?
fn has_break(gap: &str) -> bool {
    gap.chars().any(|c| {
        matches!(
            c,
            ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '.' | '!' | '?' | '—' | '\n'
        )
    })
}

/// Appends a token key to a name key, collapsing a letter repeated across
/// the join (as [`crate::text::fold_key`] does for whole names).
fn append_key(key: &mut String, part: &str) {
    let mut chars = part.chars();
    if let (Some(last), Some(first)) = (key.chars().next_back(), part.chars().next())
        && last == first
    {
        chars.next();
    }
    key.push_str(chars.as_str());
}

/// Byte spans never searched for names: URLs, e-mail addresses and social
/// media handles.
fn blocked_spans(text: &str) -> Vec<Range<usize>> {
    use memchr::memmem;
    let bytes = text.as_bytes();
    // Where a URL may start, found by a vectorised search for what every
    // URL contains; most texts have none.
    let mut starts: Vec<usize> = memmem::find_iter(bytes, b"://")
        .filter_map(|p| {
            if bytes[..p].ends_with(b"https") {
                Some(p - 5)
            } else if bytes[..p].ends_with(b"http") {
                Some(p - 4)
            } else {
                None
            }
        })
        .collect();
    starts.extend(memmem::find_iter(bytes, b"www."));
    starts.extend(memmem::find_iter(bytes, b"pic.twitter.com"));
    starts.sort_unstable();
    let mut out = Vec::new();
    let mut next = 0;
    for i in starts {
        if i < next || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            continue;
        }
        let rest = &text[i..];
        let len = rest
            .find(|c: char| c.is_whitespace() || c == '"' || c == '<' || c == '>')
            .unwrap_or(rest.len());
        out.push(i..i + len);
        next = i + len.max(1);
    }
    out
}

/// Optimal-string-alignment distance, or `None` when above `max`.
pub fn bounded_osa_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    OsaRows::default().distance_within(a, b, max)
}

/// The three rows of the optimal-string-alignment table, kept between
/// calls so that comparing a word with many names allocates nothing.
#[derive(Debug, Default)]
struct OsaRows {
    prev2: Vec<usize>,
    prev: Vec<usize>,
    cur: Vec<usize>,
}

impl OsaRows {
    /// [`bounded_osa_distance`].
    fn distance_within(&mut self, a: &[char], b: &[char], max: usize) -> Option<usize> {
        if a.len().abs_diff(b.len()) > max {
            return None;
        }
        let n = b.len();
        let OsaRows { prev2, prev, cur } = self;
        prev2.clear();
        prev2.resize(n + 1, 0);
        prev.clear();
        prev.extend(0..=n);
        cur.clear();
        cur.resize(n + 1, 0);
        for i in 1..=a.len() {
            cur[0] = i;
            let mut row_min = cur[0];
            for j in 1..=n {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(prev2[j - 2] + 1);
                }
                cur[j] = v;
                row_min = row_min.min(v);
            }
            if row_min > max {
                return None;
            }
            std::mem::swap(prev2, prev);
            std::mem::swap(prev, cur);
        }
        let d = prev[n];
        (d <= max).then_some(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::split_sentences;

    fn parse(text: &str) -> Vec<(String, String, PlaceKind)> {
        let g = Gazetteer::bundled();
        let sentences = split_sentences(text, 0);
        find_mentions(g, text, 0, &sentences)
            .into_iter()
            .map(|m| {
                let p = g.place(m.place);
                (text[m.span].to_owned(), p.name.clone(), p.kind)
            })
            .collect()
    }

    fn names(text: &str) -> Vec<String> {
        parse(text).into_iter().map(|(_, n, _)| n).collect()
    }

    #[test]
    fn a_district_name_two_provinces_share_goes_to_the_province_named() {
        // Khogyani is a district of Nangarhar and one of Ghazni; "Ghazni"
        // names the province and its capital, both of Ghazni.
        let province_of = |text: &str| -> Vec<String> {
            let g = Gazetteer::bundled();
            let sentences = split_sentences(text, 0);
            find_mentions(g, text, 0, &sentences)
                .into_iter()
                .filter(|m| &text[m.span.clone()] == "Khogyani")
                .map(|m| g.place(m.place).province.clone())
                .collect()
        };
        assert_eq!(
            province_of("In Ghazni, the Taliban took Khogyani district."),
            ["AF-GHA"]
        );
        assert_eq!(province_of("Khogyani district in Nangarhar fell."), ["AF-NAN"]);
        // "Kandahar city" is the capital, not the district around it.
        assert_eq!(parse("The Taliban took Kandahar city.")[0].2, PlaceKind::Capital);
    }

    #[test]
    fn a_long_capital_name_with_its_first_letter_wrong_resolves() {
        assert_eq!(
            names("Na Kandahar viel ook Rarinkot in Uruzgan."),
            ["Kandahar", "Tarinkot", "Uruzgan"]
        );
        // Not a short name, nor an ordinary word.
        assert_eq!(names("Het Berat museum en de Parade."), Vec::<String>::new());
    }

    #[test]
    fn compass_phrases_stand_aside_in_a_list_of_capitals() {
        assert_eq!(
            names("They overran the capitals of Badakhshan in the north, Farah in the west and Baghlan."),
            ["Fayzabad", "Farah", "Pul-e Khumri"]
        );
        assert_eq!(
            names("De hoofdsteden van Badakhshan in het noorden en Baghlan vielen."),
            ["Fayzabad", "Pul-e Khumri"]
        );
    }

    #[test]
    fn dutch_spellings_resolve() {
        assert_eq!(names("De Taliban rukken op naar Kaboel."), ["Kabul"]);
        assert_eq!(names("Strijders namen Sjeberghan in."), ["Sheberghan"]);
        assert_eq!(names("Ook Koendoez is omsingeld."), ["Kunduz"]);
        assert_eq!(names("In Mazar-e-Sjarif bleef het rustig."), ["Mazar-i-Sharif"]);
        assert_eq!(names("Het leger trok zich terug uit Sar-e Poel."), ["Sar-e Pul"]);
    }

    #[test]
    fn english_and_scholarly_spellings_resolve() {
        assert_eq!(names("Fighting reached Shibirghan on Friday."), ["Sheberghan"]);
        assert_eq!(names("Officials in Mazar-e Sharif said so."), ["Mazar-i-Sharif"]);
        assert_eq!(names("The road to Pol-e Alam is cut."), ["Pul-e Alam"]);
        assert_eq!(names("The road to Pul-i-Alam is cut."), ["Pul-e Alam"]);
        assert_eq!(
            names("Insurgents entered Tarin Kowt and Lashkargah."),
            ["Tarinkot", "Lashkar Gah"]
        );
    }

    #[test]
    fn typo_in_long_name_is_tolerated() {
        let found = parse("Er wordt gevochten om Maidan Sharm, ten westen van de hoofdstad.");
        assert_eq!(found[0].0, "Maidan Sharm");
        assert_eq!(found[0].1, "Maidan Shahr");
    }

    #[test]
    fn a_typo_after_an_ordinary_word_opening_the_sentence_is_still_a_place() {
        for (text, surface, place) in [
            ("Het Maidan Sharm viel zondag.", "Maidan Sharm", "Maidan Shahr"),
            ("Het Panjshirdal viel.", "Panjshirdal", "Panjshir"),
        ] {
            let found = parse(text);
            assert_eq!((found[0].0.as_str(), found[0].1.as_str()), (surface, place), "{text}");
        }
        // After a given name it is a surname.
        assert!(parse("Said Samangani spoke to reporters.").is_empty());
    }

    #[test]
    fn a_name_going_on_through_a_connector_is_a_longer_name() {
        // "Dara-e-Farokh Shah" and "Dara-i-Sawf" are not Dara (Panjshir).
        assert_eq!(
            names("Fighters attacked Dara-e-Farokh Shah and Dara-i-Sawf."),
            Vec::<&str>::new()
        );
        assert_eq!(names("The Taliban reached Mazar-i-Sharif."), ["Mazar-i-Sharif"]);
        assert_eq!(names("Dara district fell."), ["Dara"]);
    }

    #[test]
    fn a_capitalised_name_does_not_end_in_an_ordinary_word() {
        // "Herat aan" folds like "Heyratan" (Hairatan); "aan" is the verb's particle.
        assert_eq!(names("De Taliban vielen Herat aan."), ["Herat"]);
        assert_eq!(
            names("Flights left Kabul airport."),
            ["Hamid Karzai International Airport"]
        );
    }

    #[test]
    fn a_given_name_may_end_a_misspelt_district_name() {
        // "Nur" is a given name; after "Gusargah-e" it ends Guzargahi Nur.
        assert_eq!(
            names("Soldiers were killed in Gusargah-e Nur district."),
            ["Guzargahi Nur"]
        );
        assert_eq!(names("Soldiers met Nur Muhammad in the district."), Vec::<&str>::new());
    }

    #[test]
    fn a_misspelt_district_counts_only_with_a_district_word() {
        assert_eq!(
            names("The rebels now hold the districts of Chakhanzur and Khash Rod."),
            ["Chakhansur", "Khash Rod"]
        );
        assert_eq!(
            names("Gulran and Adraskam fell: both districts are lost."),
            ["Gulran", "Adraskan"]
        );
        // No district word: a capitalised word a typo away from a
        // district's name is left alone.
        assert!(names("Adraskam said the talks went well.").is_empty());
    }

    #[test]
    fn typo_tolerance_spares_ordinary_words() {
        assert!(names("Het Pentagon en de Amerikanen overlegden met Pakistan en Oezbekistan.").is_empty());
        assert!(names("Talibanstrijders en Taliban-woordvoerders spraken.").is_empty());
    }

    #[test]
    fn province_words_select_the_province() {
        let found = parse("Het gaat om de provincie Herat, niet om de stad.");
        assert_eq!(found[0].2, PlaceKind::Province);
        let found = parse("Fighting spread across Kandahar province.");
        assert_eq!(found[0].2, PlaceKind::Province);
        let found = parse("Volgens de gouverneur van Balch, de provincie in het noorden, is het rustig.");
        assert_eq!(found[0].2, PlaceKind::Province);
        let found = parse("Militants hit the northern province of Jawzjan.");
        assert_eq!((found[0].1.as_str(), found[0].2), ("Jowzjan", PlaceKind::Province));
    }

    #[test]
    fn bare_city_names_select_the_city() {
        let found = parse("De Taliban zijn Herat binnengetrokken.");
        assert_eq!((found[0].1.as_str(), found[0].2), ("Herat", PlaceKind::Capital));
        let found = parse("De provinciehoofdstad Ghazni is gevallen.");
        assert_eq!(found[0].2, PlaceKind::Capital);
    }

    #[test]
    fn capital_of_a_province_resolves_to_its_capital() {
        let found = parse("The Taliban seized the capital of Helmand province on Friday.");
        assert_eq!((found[0].1.as_str(), found[0].2), ("Lashkar Gah", PlaceKind::Capital));
        let found = parse("Ze veroverden de hoofdstad van de provincie Nimruz.");
        assert_eq!(found[0].1, "Zaranj");
        // When the capital is named, the province stays a province.
        let found = parse("Tarinkot, de hoofdstad van de provincie Uruzgan, is omsingeld.");
        assert_eq!(found[0].1, "Tarinkot");
        assert_eq!((found[1].1.as_str(), found[1].2), ("Uruzgan", PlaceKind::Province));
        // Right after a word for a capital, a province's name is its capital
        // (not the district of the same name).
        let found = parse("Taliban capture provincial capital Baghlan");
        assert_eq!((found[0].1.as_str(), found[0].2), ("Pul-e Khumri", PlaceKind::Capital));
        let found = parse("De Taliban namen de hoofdstad Kaboel in.");
        assert_eq!((found[0].1.as_str(), found[0].2), ("Kabul", PlaceKind::Capital));
    }

    #[test]
    fn a_province_name_said_of_a_town_is_its_capital() {
        // "Maidan Wardak" names only the province in the gazetteer.
        let found = parse("The militants took Maidan Wardak, the capital of Maidan Wardak, on Sunday.");
        assert_eq!((found[0].1.as_str(), found[0].2), ("Maidan Shahr", PlaceKind::Capital));
        assert_eq!(names("The Taliban entered Wardak city."), ["Maidan Shahr"]);
        // Said of a province, it stays one.
        assert_eq!(
            names("De taliban veroverden Wardak, de provincie ten westen van Kabul.")[0],
            "Wardak"
        );
    }

    #[test]
    fn coordinated_capitals_of_provinces() {
        let found = parse("They also seized the provincial capitals of Paktia and Khost.");
        let names: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
        assert_eq!(names, ["Gardez", "Khost"]);
        assert!(found.iter().all(|f| f.2 == PlaceKind::Capital));
        let found = parse("De hoofdsteden van Logar, Paktia en Paktika zijn gevallen.");
        let names: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
        assert_eq!(names, ["Pul-e Alam", "Gardez", "Sharana"]);
    }

    #[test]
    fn capitals_of_listed_provinces_with_compound_names() {
        let found = parse("Fighters overran the capitals of Kunduz, Sar-i-Pul and Takhar provinces.");
        let names: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
        assert_eq!(names, ["Kunduz", "Sar-e Pul", "Taloqan"]);
        let found = parse("The Taliban captured most of Helmand province's capital.");
        assert_eq!(found[0].1, "Lashkar Gah");
    }

    #[test]
    fn a_kind_word_after_a_list_asks_its_kind_of_every_name_in_it() {
        let found = parse("Sholgara, Balkh, Chimtal and Dawlatabad districts fell overnight.");
        assert!(found.iter().all(|f| f.2 == PlaceKind::District), "{found:?}");
        let found = parse("De districten Chimtal, Balch en Sholgara zijn gevallen.");
        assert!(found.iter().all(|f| f.2 == PlaceKind::District), "{found:?}");
        // A name before the list, or a list without a kind word after it,
        // keeps its own reading.
        let found = parse("In Balkh, Chimtal and Sholgara fell.");
        assert_eq!(found[0].2, PlaceKind::Province, "{found:?}");
        let found = parse("Fighting went on in Balkh and Kunduz.");
        assert_eq!(found[0].2, PlaceKind::Province, "{found:?}");
    }

    #[test]
    fn a_shared_name_among_provinces_or_locating_a_district_is_the_province() {
        let found = parse("Heavy fighting continued in Baghlan, Kunduz, Balkh and Takhar.");
        assert!(found.iter().all(|f| f.2 == PlaceKind::Province), "{found:?}");
        let found = parse("Five districts fell: Malistan in Ghazni and Guzara in Herat.");
        let kinds: Vec<(&str, PlaceKind)> = found.iter().map(|f| (f.1.as_str(), f.2)).collect();
        assert_eq!(
            kinds,
            [
                ("Malistan", PlaceKind::District),
                ("Ghazni", PlaceKind::Province),
                ("Guzara", PlaceKind::District),
                ("Herat", PlaceKind::Province)
            ]
        );
        // Capitals listed together stay capitals.
        let found = parse("The Taliban took Kunduz and Taloqan.");
        assert!(found.iter().all(|f| f.2 == PlaceKind::Capital));
    }

    #[test]
    fn words_the_lexicon_knows_are_no_misspelt_places() {
        assert!(names("Taleban fighters captured the strategic city of Ghazni.") == ["Ghazni"]);
        assert!(!names("The Taliban now controls Farah City and its districts.").contains(&"Kiti".to_owned()));
    }

    #[test]
    fn people_are_not_places() {
        assert!(names("Krijgsheer Ismail Khan beloofde de stad te verdedigen.").is_empty());
        assert!(names("President Ashraf Ghani sprak het land toe.").is_empty());
    }

    #[test]
    fn foreign_places_produce_nothing() {
        assert!(names("Troepen vlogen via Qatar, Koeweit en Washington naar Islamabad in Pakistan.").is_empty());
        assert!(names("Refugees crossed into Iran, Uzbekistan and Tajikistan.").is_empty());
    }

    #[test]
    fn lower_case_only_for_notable_exact_spellings() {
        assert_eq!(names("breaking: taliban enter kandahar"), ["Kandahar"]);
        assert!(names("de stad was rustig en de markt open").is_empty());
    }

    #[test]
    fn acronyms_and_urls_are_skipped() {
        assert!(names("De VN en de NAVO reageerden. https://t.co/KabulHerat pic.twitter.com/Kandahar1").is_empty());
        assert!(names("Volg @Kandahar_news voor updates.").is_empty());
    }

    #[test]
    fn word_boundaries_hold() {
        assert!(names("Kabulistan en Heratologie zijn geen plaatsen.").is_empty());
        assert_eq!(names("Kabul's airport and Herat-based troops."), ["Kabul", "Herat"]);
    }

    #[test]
    fn spans_and_sentences_are_reported() {
        let g = Gazetteer::bundled();
        let text = "Eerste zin. De Taliban namen Zaranj in.";
        let sentences = split_sentences(text, 0);
        let m = find_mentions(g, text, 0, &sentences);
        assert_eq!(m.len(), 1);
        assert_eq!(&text[m[0].span.clone()], "Zaranj");
        assert_eq!(m[0].sentence, 1);
    }

    /// The entry a text's first mention resolves to: name, kind, coordinates.
    fn first(text: &str) -> (String, PlaceKind, f64, f64) {
        let g = Gazetteer::bundled();
        let sentences = split_sentences(text, 0);
        let m = find_mentions(g, text, 0, &sentences);
        let p = g.place(m.first().unwrap_or_else(|| panic!("nothing found in {text:?}")).place);
        (p.name.clone(), p.kind, p.lat, p.lon)
    }

    fn near(got: (f64, f64), want: (f64, f64)) -> bool {
        (got.0 - want.0).abs() < 0.01 && (got.1 - want.1).abs() < 0.01
    }

    #[test]
    fn districts_crossings_bases_and_valleys_resolve() {
        let cases = [
            (
                "The Taliban captured the Torghundi border crossing in Herat province.",
                "Torghundi",
                PlaceKind::Crossing,
                (35.25, 62.267),
            ),
            (
                "het district Kamdesh in Nuristan werd heroverd",
                "Kamdesh",
                PlaceKind::District,
                (35.471, 71.312),
            ),
            ("Islam Qala", "Islam Qala", PlaceKind::Crossing, (34.667, 61.067)),
            ("Spin Boldak", "Spin Boldak", PlaceKind::District, (31.006, 66.400)),
            ("Bagram airbase", "Bagram", PlaceKind::Base, (34.946, 69.265)),
            // The valley is the province: one place.
            ("de Pansjirvallei", "Panjshir", PlaceKind::Province, (35.337, 69.759)),
            (
                "Fighters entered the Panjshir valley.",
                "Panjshir",
                PlaceKind::Province,
                (35.337, 69.759),
            ),
            ("the Andarab valley", "Andarab Valley", PlaceKind::Area, (35.63, 69.28)),
            ("Kandahar", "Kandahar", PlaceKind::Capital, (31.613, 65.710)),
        ];
        for (text, name, kind, at) in cases {
            let (n, k, lat, lon) = first(text);
            assert_eq!((n.as_str(), k), (name, kind), "{text}");
            assert!(near((lat, lon), at), "{text}: {lat},{lon}");
        }
        // The province named after the crossing is a province.
        let found = parse("The Taliban captured the Torghundi border crossing in Herat province.");
        assert_eq!((found[1].1.as_str(), found[1].2), ("Herat", PlaceKind::Province));
    }

    #[test]
    fn a_kind_word_picks_between_entries_that_share_a_name() {
        assert_eq!(first("Het district Dand-e Patan is gevallen.").1, PlaceKind::District);
        assert_eq!(
            first("They took the Dand-e Patan border crossing.").1,
            PlaceKind::Crossing
        );
        assert_eq!(first("Dand-e Patan fell.").1, PlaceKind::District);
        // A bare provincial capital stays the capital; "Panjshir" the province.
        assert_eq!(first("Taliban enter Kunduz.").1, PlaceKind::Capital);
        assert_eq!(first("Resistance in Panjshir.").1, PlaceKind::Province);
        // "districts of X": the province they are in; "the district of X"
        // names the district.
        assert_eq!(first("They took three districts of Baghlan.").1, PlaceKind::Province);
        assert_eq!(first("The district of Baghlan fell.").1, PlaceKind::District);
        // "Burka district of Baghlan": the district is Burka.
        let kinds: Vec<PlaceKind> = parse("Burka district of Baghlan fell on Monday.")
            .iter()
            .map(|m| m.2)
            .collect();
        assert_eq!(kinds, vec![PlaceKind::District, PlaceKind::Province]);
    }

    #[test]
    fn names_shared_by_districts_of_two_provinces_follow_the_province_named() {
        let g = Gazetteer::bundled();
        let province = |text: &str| {
            let sentences = split_sentences(text, 0);
            let m = find_mentions(g, text, 0, &sentences);
            let p = g.place(
                m.iter()
                    .find(|m| g.place(m.place).kind == PlaceKind::District)
                    .unwrap()
                    .place,
            );
            p.province.clone()
        };
        assert_eq!(province("Fighting in Zabul: the Arghandab district fell."), "AF-ZAB");
        assert_eq!(
            province("Fighting in Kandahar province: the Arghandab district fell."),
            "AF-KAN"
        );
        assert_eq!(province("Het district Baharak in Takhar is gevallen."), "AF-TAK");
        assert_eq!(province("Het district Baharak in Badakhshan is gevallen."), "AF-BDS");
        // Without a province, importance decides (here Kandahar's Arghandab).
        assert_eq!(province("The Arghandab district fell."), "AF-KAN");
    }

    #[test]
    fn short_or_ordinary_district_names_need_a_district_word() {
        // "Kang" (Nimruz), "Argo" (Badakhshan), "Reg" (Kandahar); "Burka"
        // (Baghlan, GeoNames Burkah) is not common enough in Dutch or
        // English to be in the common-word list, but is found with its cue.
        assert!(names("Kang said so.").is_empty());
        assert!(names("They watched Argo again.").is_empty());
        assert!(names("Reg Smith said so.").is_empty());
        assert_eq!(
            names("The group controls four districts including Delaram, Kang and Khash Rod."),
            ["Delaram", "Kang", "Khash Rod"]
        );
        assert_eq!(
            names("The rugged Burka district in Baghlan fell."),
            ["Burkah", "Baghlan"]
        );
    }

    #[test]
    fn a_province_s_centre_is_its_capital_a_district_s_is_not() {
        assert_eq!(
            names("They are the centers of Helmand and Zabul provinces."),
            ["Lashkar Gah", "Qalat"]
        );
        assert_eq!(names("Clashes in the centre of Logar province."), ["Pul-e Alam"]);
        assert_eq!(
            names("They captured the Wakhan district center of Badakhshan."),
            ["Wakhan", "Badakhshan"]
        );
    }

    #[test]
    fn a_news_outlet_named_after_a_place_is_no_mention_of_it() {
        assert!(names("Local sources told Kabul Now on Monday.").is_empty());
        // Written small, "now" is the adverb.
        assert_eq!(names("The Taliban took Kabul now."), ["Kabul"]);
    }

    #[test]
    fn a_district_word_vouches_for_a_name_all_through_the_article() {
        assert_eq!(
            names("The Taliban entered Kang district. Later Kang was quiet."),
            ["Kang", "Kang"]
        );
        // Only the same place: another short name still needs its own.
        assert_eq!(
            names("The Taliban entered Kang district. Later Argo was quiet."),
            ["Kang"]
        );
        assert!(names("Kang said so. Later Kang left.").is_empty());
    }

    #[test]
    fn osa_distance() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(bounded_osa_distance(&c("kabul"), &c("kabul"), 1), Some(0));
        assert_eq!(bounded_osa_distance(&c("kabul"), &c("kbaul"), 1), Some(1));
        assert_eq!(bounded_osa_distance(&c("maidansharm"), &c("maidanshahr"), 2), Some(2));
        assert_eq!(bounded_osa_distance(&c("kabul"), &c("herat"), 2), None);
    }
}
