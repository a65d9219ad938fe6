//! The clause layer: each sentence cut into clauses, each place mention
//! given the part it plays, each time expression given its clause.
//!
//! Real news packs several events into one sentence ("Zaranj fell on
//! Friday, and on Saturday Sheberghan followed"), reports other people's
//! words ("officials denied that Kunduz had fallen"), conditions and plans
//! ("if Ghazni falls, the road to Kabul lies open") and names places that
//! only locate something ("Pul-e Khumri, north of Kabul"). Reports and
//! dates both need to know which words belong together, so this module
//! works it out once, from the lexicon's roles and the punctuation, with
//! no statuses in it:
//!
//! * **clauses** — a sentence is cut at semicolons, colons, spaced dashes
//!   and brackets; a clause coordinator ("maar", "but") starts a sibling
//!   clause, and so does a coordinator ("en", "and") unless a name follows
//!   it (then it joins a list); a subordinator ("nadat", "after"), a
//!   conditional ("als", "if") and, after a comma, a relative pronoun
//!   ("die", "which") open a clause that the next comma closes, after
//!   which the enclosing clause goes on. A relative clause knows the words
//!   before its comma (its antecedent: "Kunduz, which fell on Sunday").
//! * **place roles** — a mention is the *argument* of whatever its clause
//!   reports unless its context says it only locates or describes
//!   something: a wire-copy dateline, a facility ("the airport of X", "X
//!   airport"), a distance or reference point ("150 km from X", "fled to
//!   X"), a province
//!   locating a town or district named before it, or a modifier of people
//!   or things ("X officials", "de gouverneur van X", "X's police chief").
//!   Names joined into a list ("districts in Ghazni and Paktika
//!   provinces") share the role of the first.
//! * **mood and polarity** of a cue within its clause: modal, future or
//!   conditional; negated or "no longer".

use std::ops::Range;

use smallvec::{SmallVec, smallvec};

use crate::dates::TimeRef;
use crate::gazetteer::{Gazetteer, PlaceKind};
use crate::geoparse::PlaceMention;
use crate::lexicon::{ANAPHOR_ROLES, Lexicon, Role, Roles, Tag};
use crate::text::ArticleText;

/// What kind of clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseKind {
    /// A main clause (a sentence has one or more, coordinated).
    Main,
    /// Opened by a subordinator ("nadat", "after", "when").
    Subordinate,
    /// Opened by a conditional ("als", "if").
    Conditional,
    /// Opened by a relative pronoun after a comma ("die", "which").
    Relative,
    /// Between brackets or a pair of dashes ("Zaranj – a border town –").
    Parenthetical,
    /// After a colon or a single dash, spelling out what the clause before
    /// it said ("took three capitals — Zaranj, Sar-e Pul and Taloqan").
    Elaboration,
}

/// What a relative clause is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Antecedent {
    /// A place mention (index into the article's mentions).
    Place(usize),
    /// Words that refer back to a place ("the airport, which remains …").
    Anaphor(Range<usize>),
    /// The Taliban or the government.
    Actor(Role),
}

/// One clause of a sentence.
#[derive(Debug, Clone)]
pub struct Clause {
    pub sentence: usize,
    pub kind: ClauseKind,
    /// The clause it is part of, for subordinate, relative, conditional
    /// and bracketed clauses (an index into the sentence's clauses).
    pub parent: Option<usize>,
    /// Its stretches of text, in order: a clause interrupted by a
    /// subordinate one goes on after it. (Nearly always one or two: kept
    /// inline, as a clause is made for every sentence.)
    pub spans: SmallVec<[Range<usize>; 2]>,
    pub antecedent: Option<Antecedent>,
    /// The clause before it whose verb it leaves out, if it is coordinated
    /// with it ("took Asadabad on Monday, and later the capitals of Paktia
    /// and Khost") or spells it out after a colon or dash.
    pub continues: Option<usize>,
}

impl Clause {
    pub fn contains(&self, pos: usize) -> bool {
        self.spans.iter().any(|s| s.start <= pos && pos < s.end)
    }

    /// Is this clause only background to its sentence's main clause?
    pub fn is_dependent(&self) -> bool {
        matches!(self.kind, ClauseKind::Subordinate | ClauseKind::Relative)
    }
}

/// How much of a province a count of its districts names
/// ([`ArticleClauses::district_share`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Share {
    /// All its districts: the province itself.
    All,
    /// Some of all its districts ("four of its seven", "most"): the
    /// province in part.
    Part,
}

/// The part a place mention plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceRole {
    /// What its clause reports on.
    Argument,
    /// A wire-copy dateline ("KABUL (Reuters) -").
    Dateline,
    /// Where a facility is ("het vliegveld van X", "X airport").
    Facility,
    /// The place's airport is meant ("the airport of X", "X's airport").
    Airport,
    /// A point distances are measured from ("150 km from X", "north of X").
    Distance,
    /// A reference point ("fled to X", "150 km from X").
    Reference,
    /// A reference point named as an end of a route or a span ("the
    /// Kabul-Kandahar highway", "the road between Kabul and Kandahar"):
    /// as [`PlaceRole::Reference`], but never what "the city" after it
    /// refers back to.
    Route,
    /// A place something happens near ("fighting near X"): fighting there
    /// threatens it, nothing else reports on it.
    Near,
    /// A province locating a place named before it, or a place locating
    /// districts or villages ("districts in X").
    Locative,
    /// Describes people or things ("X officials", "X's police chief").
    Modifier,
    /// Where something happens ("in X"): what is fought over there, but
    /// not what was taken there ("two posts in X were captured").
    Scene,
}

impl PlaceRole {
    /// May a report be about a place in this role?
    pub fn is_argument(self) -> bool {
        matches!(self, PlaceRole::Argument | PlaceRole::Scene)
    }
}

/// How a cue's clause qualifies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mood {
    Indicative,
    Modal,
    Future,
    Conditional,
}

impl Mood {
    pub const ALL: [Mood; 4] = [Mood::Indicative, Mood::Modal, Mood::Future, Mood::Conditional];

    pub fn as_str(self) -> &'static str {
        match self {
            Mood::Indicative => "indicative",
            Mood::Modal => "modal",
            Mood::Future => "future",
            Mood::Conditional => "conditional",
        }
    }
}

/// Whether a cue is affirmed or denied in its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Polarity {
    Positive,
    Negative,
    /// "niet langer", "no longer".
    NoLonger,
}

impl Polarity {
    pub const ALL: [Polarity; 3] = [Polarity::Positive, Polarity::Negative, Polarity::NoLonger];

    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Positive => "positive",
            Polarity::Negative => "negative",
            Polarity::NoLonger => "nolonger",
        }
    }
}

/// An article prepared for clause-level questions: its text, words, tags
/// and mentions, with the clauses of every sentence.
pub struct ArticleClauses<'a> {
    pub gaz: &'a Gazetteer,
    pub lex: &'a Lexicon,
    pub text: &'a str,
    pub lower: &'a str,
    pub body_start: usize,
    /// Alphanumeric runs of the text, in order.
    pub words: &'a [Range<usize>],
    /// Lexicon phrases, in order, not overlapping.
    pub tags: &'a [Tag],
    pub sentences: &'a [Range<usize>],
    pub mentions: &'a [PlaceMention],
    pub time_refs: &'a [(Range<usize>, TimeRef)],
    /// The clauses of each sentence (empty for sentences before the body).
    pub clauses: Vec<Vec<Clause>>,
    /// The role of each mention.
    pub roles: Vec<PlaceRole>,
    /// For each mention, the index of the first mention of its list.
    pub list_head: Vec<usize>,
    /// The roles of each sentence's tags together: a question about a
    /// role no tag of the sentence has is answered without looking.
    sentence_roles: Vec<Roles>,
}

/// The lexicon's phrases in an article, leaving out those inside place
/// names ("zal" in "Qala-e-Zal", "city" in "Kandahar City"): a name's words
/// are its own. Nor is a claimant's bare surname another person's ("MP
/// Khalil Ahmad Mujahid" is not the Taliban's Mujahid): after a
/// capitalised word the lexicon does not know, it ends a longer name.
pub fn tag_outside_names(lex: &Lexicon, article: &ArticleText<'_>, from: usize, mentions: &[PlaceMention]) -> Vec<Tag> {
    let mut tags = lex.tag_words(&article.lower, &article.words, from);
    tags.retain(|t| {
        let i = mentions.partition_point(|m| m.span.end <= t.span.start);
        mentions.get(i).is_none_or(|m| m.span.start >= t.span.end)
    });
    tags.retain(|t| !(lex.roles(t).contains(Role::Claim) && ends_another_name(lex, article, &t.span)));
    tags
}

/// Is the one capitalised word at `span` the last of a longer personal
/// name: right after a capitalised word the lexicon gives no role?
fn ends_another_name(lex: &Lexicon, article: &ArticleText<'_>, span: &Range<usize>) -> bool {
    let text = article.text;
    let capitalised = |r: &Range<usize>| text[r.clone()].starts_with(|c: char| c.is_uppercase());
    let k = article.words.partition_point(|w| w.end <= span.start);
    if k == 0 || article.words.get(k).is_none_or(|w| w.end != span.end) || !capitalised(span) {
        return false;
    }
    let prev = &article.words[k - 1];
    &text[prev.end..span.start] == " " && capitalised(prev) && lex.word_roles(&article.lower[prev.clone()]).is_empty()
}

/// A dash with spaces around it, in each way it is typed.
const SPACED_DASHES: [&str; 4] = [" - ", " – ", " — ", " -- "];

/// Does the gap between two words hold a dash with spaces around it?
fn has_spaced_dash(gap: &str) -> bool {
    SPACED_DASHES.iter().any(|d| gap.contains(d))
}

impl<'a> ArticleClauses<'a> {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        gaz: &'a Gazetteer,
        lex: &'a Lexicon,
        text: &'a str,
        lower: &'a str,
        body_start: usize,
        words: &'a [Range<usize>],
        tags: &'a [Tag],
        sentences: &'a [Range<usize>],
        mentions: &'a [PlaceMention],
        time_refs: &'a [(Range<usize>, TimeRef)],
    ) -> Self {
        let mut a = ArticleClauses {
            gaz,
            lex,
            text,
            lower,
            body_start,
            words,
            tags,
            sentences,
            mentions,
            time_refs,
            clauses: Vec::with_capacity(sentences.len()),
            roles: Vec::with_capacity(mentions.len()),
            list_head: (0..mentions.len()).collect(),
            sentence_roles: Vec::with_capacity(sentences.len()),
        };
        for (si, s) in sentences.iter().enumerate() {
            let roles = a
                .tags_in(s)
                .iter()
                .fold(Roles::default(), |all, t| all.union(a.lex.roles(t)));
            a.sentence_roles.push(roles);
            let clauses = if s.end <= body_start {
                Vec::new()
            } else if roles.has_cue() {
                a.split_clauses(si, s.clone())
            } else {
                // Nothing is reported here: one clause will do.
                vec![Clause {
                    sentence: si,
                    kind: ClauseKind::Main,
                    parent: None,
                    spans: smallvec![s.clone()],
                    antecedent: None,
                    continues: None,
                }]
            };
            a.clauses.push(clauses);
        }
        a.roles = (0..mentions.len()).map(|i| a.own_role(i)).collect();
        a.join_lists();
        a
    }

    // --- words and tags --------------------------------------------------

    /// Index of the first word ending after byte `pos` (the word containing
    /// it, or the next).
    pub fn word_at(&self, pos: usize) -> usize {
        self.words.partition_point(|w| w.end <= pos)
    }

    /// Is word `k` a verb of saying or denying ("said", "zei",
    /// "bevestigde", "ontkent")?
    pub fn speaks_at(&self, k: usize) -> bool {
        let roles = self.lex.word_roles(self.word(k));
        roles.contains(Role::SayVerb) || roles.contains(Role::SpeechWord) || roles.contains(Role::Denial)
    }

    /// The lower-case text of word `k` ("" past the end).
    pub fn word(&self, k: usize) -> &'a str {
        self.words.get(k).map_or("", |w| &self.lower[w.clone()])
    }

    /// How much of a province a count of its districts names: all of it
    /// ("all districts of Takhar", "alle districten van Logar", "all of
    /// Kunar's districts") or a part of it ("four of Logar's seven
    /// districts", "12 of the 19 districts in Ghazni province", "most
    /// districts of Badghis", "all but one district in the province of
    /// Herat"); `None` when the districts are not set against the whole
    /// ("three districts of Logar" only locates them). With the share, the
    /// byte its phrase starts at ("four", "all", "most").
    pub fn district_share(&self, span: &Range<usize>, sentence: &Range<usize>) -> Option<(Share, usize)> {
        let first = self.word_at(span.start);
        let last = self.word_at(span.end.saturating_sub(1));
        let in_sentence = |k: usize| {
            self.words
                .get(k)
                .is_some_and(|w| w.start >= sentence.start && w.end <= sentence.end)
        };
        let has = |k: usize, role: Role| in_sentence(k) && self.lex.word_roles(self.word(k)).contains(role);
        // (A count, "one" too: "all but one district".)
        let number = |k: usize| {
            in_sentence(k)
                && (matches!(self.word(k), "one" | "één")
                    || crate::dating::count_word(self.word(k)).is_some_and(|(_, ordinal)| !ordinal))
        };
        // The word before the quantity: the district noun, then its count.
        let noun = if self.is_clitic_s(last + 1, sentence.start) {
            // "X's (seven) districts", the quantity before the name.
            let mut j = last + 2;
            if number(j) {
                j += 1;
            }
            if !has(j, Role::KindDistrict) {
                return None;
            }
            first
        } else {
            // "districts of (the province of) X", "districten in (de provincie) X"
            // (but "nine of 10 districts of Helmand province's capital" are
            // the capital's).
            let after = if has(last + 1, Role::ProvinceWord) {
                last + 2
            } else {
                last + 1
            };
            if self.is_clitic_s(after, sentence.start) || matches!(self.gap_before(after, sentence.start), "' " | "’ ")
            {
                return None;
            }
            let mut k = first;
            if has(k.wrapping_sub(1), Role::Genitive) && has(k.wrapping_sub(2), Role::ProvinceWord) {
                k -= 2;
            } else if has(k.wrapping_sub(1), Role::ProvinceWord) {
                k -= 1;
            }
            if has(k.wrapping_sub(1), Role::Article) {
                k -= 1;
            }
            if !(has(k.wrapping_sub(1), Role::Genitive) || has(k.wrapping_sub(1), Role::LocativePreposition)) {
                return None;
            }
            k -= 1;
            if !has(k.wrapping_sub(1), Role::KindDistrict) {
                return None;
            }
            k - 1
        };
        // The quantity right before: "(the) (seven)", then what it is of.
        let mut q = noun;
        if number(q.wrapping_sub(1)) {
            q -= 1;
        }
        if has(q.wrapping_sub(1), Role::Article) {
            q -= 1;
        }
        let before = |k: usize| q.checked_sub(k).filter(|&j| in_sentence(j));
        let is = |k: Option<usize>, role: Role| k.is_some_and(|j| has(j, role));
        let start = |k: Option<usize>| k.map_or(span.start, |j| self.words[j].start);
        if is(before(1), Role::ShareAll) {
            // ("bijna alle districten", "nearly all districts": most.)
            if is(before(2), Role::CountHedge) {
                return Some((Share::Part, start(before(2))));
            }
            return Some((Share::All, start(before(1))));
        }
        if is(before(1), Role::SharePart) {
            return Some((Share::Part, start(before(1))));
        }
        // "all but one", "all of the", "most of the", "four of the seven",
        // "12 out of 19".
        if is(before(1), Role::Genitive) {
            let what = before(2)
                .filter(|&j| has(j, Role::ShareOut))
                .map_or(before(2), |j| j.checked_sub(1));
            if is(what, Role::ShareAll) {
                return Some((Share::All, start(what)));
            }
            if is(what, Role::SharePart) || what.is_some_and(number) {
                return Some((Share::Part, start(what)));
            }
        }
        // "all but one district": the count skipped above.
        if noun > q && number(noun - 1) && is(before(1), Role::ShareBut) && is(before(2), Role::ShareAll) {
            return Some((Share::Part, start(before(2))));
        }
        None
    }

    /// Is the word right after the name ending at byte `end` "district"
    /// or "districts" ("Chakhansur district", "a key Kandahar district")?
    fn district_word_after(&self, end: usize) -> bool {
        self.lex
            .word_roles(self.word(self.word_after(end)))
            .contains(Role::DistrictWord)
    }

    /// The index of the word right after the word that ends at byte `end`.
    fn word_after(&self, end: usize) -> usize {
        self.word_at(end.saturating_sub(1)) + 1
    }

    /// Does "since" / "sinds" at word `k`, opening its sentence, open a
    /// clause ("Sinds de taliban de hoofdstad overnamen, is het druk op
    /// het vliegveld") rather than a time phrase ("Sinds zondag is de stad
    /// in handen van de taliban")? It does before an article: its subject
    /// or the event it names comes first.
    fn opens_since_clause(&self, k: usize) -> bool {
        self.lex.word_roles(self.word(k)).contains(Role::SinceWord)
            && self.lex.word_roles(self.word(k + 1)).contains(Role::Article)
    }

    /// Is word `k` the clitic of a possessive, an "s" right after an
    /// apostrophe ("Kunduz's", "Khost’s")? (`floor` as for
    /// [`Self::gap_before`].)
    pub fn is_clitic_s(&self, k: usize, floor: usize) -> bool {
        self.word(k) == "s" && matches!(self.gap_before(k, floor), "'" | "’")
    }

    /// The text between word `k - 1` and word `k` (from `floor` if word
    /// `k` is the first).
    pub fn gap_before(&self, k: usize, floor: usize) -> &'a str {
        let start = if k == 0 {
            floor
        } else {
            self.words[k - 1].end.max(floor)
        };
        let end = self.words.get(k).map_or(self.text.len(), |w| w.start);
        if start >= end { "" } else { &self.text[start..end] }
    }

    /// The tag starting exactly at byte `pos`, if any.
    pub fn tag_starting_at(&self, pos: usize) -> Option<&'a Tag> {
        let i = self.tags.partition_point(|t| t.span.start < pos);
        self.tags.get(i).filter(|t| t.span.start == pos)
    }

    /// The tag covering the byte span `span`, if any (tags do not overlap:
    /// only the last one starting at or before it can).
    pub fn tag_covering(&self, span: &Range<usize>) -> Option<&'a Tag> {
        let i = self.tags.partition_point(|t| t.span.start <= span.start);
        i.checked_sub(1)
            .map(|i| &self.tags[i])
            .filter(|t| span.end <= t.span.end)
    }

    /// The tag ending exactly at byte `pos`, if any.
    pub fn tag_ending_at(&self, pos: usize) -> Option<&'a Tag> {
        let i = self.tags.partition_point(|t| t.span.end < pos);
        self.tags.get(i).filter(|t| t.span.end == pos)
    }

    /// Words lying within `range`.
    pub fn words_in(&self, range: &Range<usize>) -> &'a [Range<usize>] {
        let lo = self.words.partition_point(|w| w.start < range.start);
        let hi = lo + self.words[lo..].partition_point(|w| w.end <= range.end);
        &self.words[lo..hi]
    }

    /// The tag right after a name's possessive ("Ghazni's outskirts"), if
    /// any.
    pub fn tag_after_possessive(&self, span: &Range<usize>) -> Option<&'a Tag> {
        let k = self.word_at(span.end);
        if !self.is_clitic_s(k, span.end) {
            return None;
        }
        self.tag_starting_at(self.words.get(k + 1)?.start)
    }

    /// Does the name at `span` stand for a part of its town: a town part
    /// before it, within `before_name` ("the centre of Herat", "het centrum
    /// van de stad"), or right after it ("the city centre")?
    pub fn names_town_part(&self, span: &Range<usize>, before_name: &Range<usize>) -> bool {
        self.tags_in(before_name).iter().any(|tg| self.is(tg, Role::TownPart))
            || self
                .tag_right_after(span)
                .is_some_and(|tg| self.is(tg, Role::TownPartAfter))
    }

    /// The tag right after `span`, one space away ("the city centre"), if
    /// any.
    pub fn tag_right_after(&self, span: &Range<usize>) -> Option<&'a Tag> {
        let k = self.word_at(span.end);
        let next = self.words.get(k)?;
        (self.gap_before(k, span.end) == " ").then(|| self.tag_starting_at(next.start))?
    }

    /// Time expressions lying within `range`.
    pub fn time_refs_in(&self, range: &Range<usize>) -> &'a [(Range<usize>, TimeRef)] {
        let lo = self.time_refs.partition_point(|(r, _)| r.start < range.start);
        let hi = lo + self.time_refs[lo..].partition_point(|(r, _)| r.end <= range.end);
        &self.time_refs[lo..hi]
    }

    /// Tags lying within `range`.
    pub fn tags_in(&self, range: &Range<usize>) -> &'a [Tag] {
        let lo = self.tags.partition_point(|t| t.span.start < range.start);
        let hi = lo + self.tags[lo..].partition_point(|t| t.span.end <= range.end);
        &self.tags[lo..hi]
    }

    /// Does the tag have this role?
    pub fn is(&self, tag: &Tag, role: Role) -> bool {
        self.lex.roles(tag).contains(role)
    }

    /// The mentions of sentence `si` as a range of indices.
    pub fn mentions_of(&self, si: usize) -> Range<usize> {
        let lo = self.mentions.partition_point(|m| m.sentence < si);
        let hi = lo + self.mentions[lo..].partition_point(|m| m.sentence == si);
        lo..hi
    }

    /// Is `clause` a main clause a clause coordinator opens ("…, maar de
    /// regering spreekt dat tegen", "but the fighting goes on")?
    pub fn is_coordinated_main(&self, clause: &Clause) -> bool {
        clause.kind == ClauseKind::Main
            && clause.spans.first().is_some_and(|s| {
                self.tag_starting_at(s.start)
                    .is_some_and(|tg| self.is(tg, Role::ClauseCoordinator))
            })
    }

    /// Does word `k` open an apposition to the name right before it in
    /// `sentence` ("Taluqan, the capital city", "Bagram, aan de rand van
    /// Kabul")?
    pub fn apposed_to_name(&self, k: usize, sentence: &Range<usize>) -> bool {
        k > 0
            && self.words[k - 1].start >= sentence.start
            && self.gap_before(k, sentence.start).trim() == ","
            && self.mention_ending_at(self.words[k - 1].end).is_some()
    }

    /// Is word `k` an article right after a name, with nothing but a space,
    /// or a town noun, between ("moved to Qalat city the provincial
    /// capital")? An anaphor there is an apposition with its comma left
    /// out.
    pub fn follows_name_directly(&self, k: usize, sentence: &Range<usize>) -> bool {
        if !self.lex.word_roles(self.word(k)).contains(Role::Article) {
            return false;
        }
        let name_before = |k: usize| {
            k > 0
                && self.words[k - 1].start >= sentence.start
                && self.gap_before(k, sentence.start) == " "
                && self.mention_ending_at(self.words[k - 1].end).is_some()
        };
        name_before(k)
            || k > 1
                && self.gap_before(k, sentence.start) == " "
                && self.lex.word_roles(self.word(k - 1)).contains(Role::HeadNoun)
                && name_before(k - 1)
    }

    /// The mention starting at byte `pos`, if any.
    pub fn mention_starting_at(&self, pos: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.span.start < pos);
        (i < self.mentions.len() && self.mentions[i].span.start == pos).then_some(i)
    }

    /// Is the comma before word `k` one between the names of a list: a name
    /// ends right before it, and at word `k` a coordinator and the last
    /// name follow, or a name that the list goes on after, with a comma or
    /// a coordinator ("Qalat, Tarinkot, and Puli Alam"; not "if they take
    /// Qalat and Gardez, Kabul is next")?
    fn list_comma(&self, k: usize, end: usize) -> bool {
        let name_at = |j: usize| {
            self.words
                .get(j)
                .filter(|w| w.start < end)
                .and_then(|w| self.mention_starting_at(w.start))
        };
        let coordinator =
            |j: usize| j < self.words.len() && self.lex.word_roles(self.word(j)).contains(Role::Coordinator);
        let list_goes_on = |m: usize| {
            let after = self.word_after(self.mentions[m].span.end);
            self.gap_before(after, self.mentions[m].span.end).contains(',') || coordinator(after)
        };
        k > 0
            && self.mention_ending_at(self.words[k - 1].end).is_some()
            && (coordinator(k) && name_at(k + 1).is_some() || name_at(k).is_some_and(list_goes_on))
    }

    /// The mention ending at byte `pos`, if any.
    pub fn mention_ending_at(&self, pos: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.span.end < pos);
        (i < self.mentions.len() && self.mentions[i].span.end == pos).then_some(i)
    }

    /// Is word `k` one that may stand inside a noun phrase before a name
    /// (an article, "de stad", an adjective)?
    fn is_np_filler(&self, k: usize, steps: usize) -> bool {
        let w = self.word(k);
        if self.lex.word_roles(w).contains(Role::Filler) {
            return true;
        }
        // A lower-case word of some length after the first step back:
        // an adjective ("de noordelijke provincie", "the war-torn city"),
        // or a joiner between two ("the remote and rugged …").
        let adjective = |k: usize| {
            self.words.get(k).is_some_and(|span| {
                let roles = self.lex.word_roles(self.word(k));
                self.word(k).len() > 3
                    && self.text[span.clone()].chars().next().is_some_and(char::is_lowercase)
                    && !roles.contains(Role::Auxiliary)
                    // ("According to the officials Garmsir district …":
                    // people are no adjective of the place after them.)
                    && !roles.contains(Role::AgentNoun)
            })
        };
        steps > 0
            && (adjective(k)
                || k > 0 && self.lex.word_roles(w).contains(Role::NameJoiner) && adjective(k - 1) && adjective(k + 1))
    }

    // --- clauses --------------------------------------------------------

    /// Does clause `c` of sentence `si` open with a word of `role`
    /// ("before …", "while …")?
    pub fn clause_opens_with(&self, si: usize, c: usize, role: Role) -> bool {
        self.clauses[si][c]
            .spans
            .first()
            .is_some_and(|s| self.lex.word_roles(self.word(self.word_at(s.start))).contains(role))
    }

    /// The clause of sentence `si` containing byte `pos`: the innermost.
    pub fn clause_at(&self, si: usize, pos: usize) -> Option<usize> {
        self.clauses[si].iter().rposition(|c| c.contains(pos))
    }

    /// Does a place name (possibly after fillers or an anaphor) begin at
    /// word `k`?
    pub fn name_follows(&self, k: usize, sentence_end: usize) -> bool {
        for step in 0..4 {
            let Some(w) = self.words.get(k + step) else {
                return false;
            };
            if w.start >= sentence_end {
                return false;
            }
            if self.mention_starting_at(w.start).is_some() {
                return true;
            }
            if self.tag_starting_at(w.start).is_some_and(|t| {
                let roles = self.lex.roles(t);
                roles.contains(Role::AnaphorCity) || roles.contains(Role::AnaphorDistrict)
            }) {
                return true;
            }
            if !self.lex.word_roles(self.word(k + step)).contains(Role::Filler) {
                return false;
            }
        }
        false
    }

    /// Cuts sentence `si` into clauses.
    fn split_clauses(&self, si: usize, sentence: Range<usize>) -> Vec<Clause> {
        let mut clauses = vec![Clause {
            sentence: si,
            kind: ClauseKind::Main,
            parent: None,
            spans: at_point(sentence.start),
            antecedent: None,
            continues: None,
        }];
        // The open clauses, innermost last.
        let mut stack: SmallVec<[usize; 8]> = smallvec![0];
        // Inside a pair of dashes: the clause the second dash goes back to.
        let mut dash_pair: Option<usize> = None;
        // Inside an apposition after a comma ("after Shibirghan, the capital
        // of Jawzjan, fell"): its closing comma closes nothing.
        let mut in_apposition = false;
        // Inside a dashed list of places spelling out the noun before it.
        let mut in_dashed_apposition = false;
        let first = self.word_at(sentence.start);
        let mut k = first;
        while k < self.words.len() && self.words[k].start < sentence.end {
            let w = self.words[k].clone();
            let gap = self.gap_before(k, sentence.start);
            let at_start = k == first;
            let here = w.start;
            let top = *stack.last().expect("a clause is open");
            let comma_before = gap.contains(',');
            // Only punctuation in the gap opens or closes a clause.
            let punctuated = !gap.bytes().all(|b| b.is_ascii_whitespace());
            if !at_start && punctuated {
                let dash = has_spaced_dash(gap);
                let colon = gap.contains([';', ':']) && !is_clock_or_ratio(self.text, gap, &w);
                let semicolon = gap.contains(';');
                let open_bracket = gap.contains(['(', '[']) && !gap.contains([')', ']']);
                let close_bracket = gap.contains([')', ']']);
                if dash && std::mem::take(&mut in_dashed_apposition) {
                    // The end of a dashed apposition: the clause goes on.
                } else if dash && dash_pair.is_none() && self.dashed_apposition_follows(k, sentence.end) {
                    in_dashed_apposition = true;
                } else if dash && dash_pair.is_some() || close_bracket && stack.len() > 1 {
                    // The end of a bracketed or dashed aside: back to the
                    // clause it interrupted ("Toen ze Herat (een stad in het
                    // westen) innamen, …" goes on in the clause of "Toen").
                    let back = dash_pair
                        .take()
                        .or_else(|| {
                            stack
                                .iter()
                                .rev()
                                .find(|&&c| clauses[c].kind == ClauseKind::Parenthetical)
                                .and_then(|&c| clauses[c].parent)
                        })
                        .unwrap_or(stack[0]);
                    close_at(&mut clauses[top], here);
                    while stack.len() > 1 && *stack.last().expect("non-empty") != back {
                        stack.pop();
                    }
                    let mut resumed = *stack.last().expect("the sentence level");
                    // "When they took Herat (a city in the west), many
                    // fled": a comma after the bracket closes the clause
                    // resumed, as it would without the aside.
                    let comma_after = gap.rfind([')', ']']).is_some_and(|i| gap[i..].contains(','));
                    if comma_after
                        && stack.len() > 1
                        && clauses[resumed].kind != ClauseKind::Parenthetical
                        && !self.list_comma(k, sentence.end)
                    {
                        stack.pop();
                        resumed = *stack.last().expect("the sentence level");
                    }
                    clauses[resumed].spans.push(here..here);
                } else if open_bracket || dash && self.another_dash_follows(w.start, sentence.end) {
                    close_at(&mut clauses[top], here);
                    if dash {
                        dash_pair = Some(top);
                    }
                    self.push_clause(
                        &mut clauses,
                        &mut stack,
                        si,
                        here,
                        ClauseKind::Parenthetical,
                        Some(top),
                        None,
                    );
                } else if semicolon && self.semicolon_in_list(clauses[top].spans.first().map_or(here, |sp| sp.start), k)
                {
                    // A list item, as after a comma.
                } else if semicolon {
                    close_at(&mut clauses[top], here);
                    stack.truncate(1);
                    clauses.push(Clause {
                        sentence: si,
                        kind: ClauseKind::Main,
                        parent: None,
                        spans: at_point(here),
                        antecedent: None,
                        continues: None,
                    });
                    stack[0] = clauses.len() - 1;
                } else if dash || colon {
                    // What follows spells out the clause before.
                    close_at(&mut clauses[top], here);
                    stack.truncate(1);
                    let parent = Some(top);
                    clauses.push(Clause {
                        sentence: si,
                        kind: ClauseKind::Elaboration,
                        parent,
                        spans: at_point(here),
                        antecedent: None,
                        continues: Some(top),
                    });
                    stack[0] = clauses.len() - 1;
                } else if comma_before && std::mem::take(&mut in_apposition) {
                    // The end of an apposition.
                } else if comma_before && stack.len() > 1 && self.apposition_follows(k, sentence.end) {
                    in_apposition = true;
                } else if comma_before && stack.len() > 1 && self.list_comma(k, sentence.end) {
                    // A list of names goes on ("should the fall of Qalat,
                    // Tarinkot and Puli Alam be confirmed"): its commas close
                    // nothing.
                } else if comma_before && stack.len() > 1 && !matches!(clauses[top].kind, ClauseKind::Parenthetical) {
                    // A comma closes a subordinate or relative clause (not
                    // one that an apposition to its last name follows): the
                    // clause around it goes on.
                    stack.pop();
                    close_at(&mut clauses[top], here);
                    let resumed = *stack.last().expect("the sentence level");
                    clauses[resumed].spans.push(here..here);
                } else if comma_before
                    && stack.len() == 1
                    && self.mention_starting_at(w.start).is_some()
                    && !self.list_comma(k, sentence.end)
                    && self.verbs_on_both_sides(k, clauses[top].spans.last().map_or(here, |sp| sp.start), sentence.end)
                {
                    // Two clauses side by side with only a comma between,
                    // as headlines join them ("Ghazni gevallen, Kandahar
                    // dreigt te volgen", "Kunduz falls, Taloqan next to
                    // go"): a sibling of the clause before.
                    let (kind, parent) = (clauses[top].kind, clauses[top].parent);
                    close_at(&mut clauses[top], here);
                    stack.pop();
                    self.push_clause(&mut clauses, &mut stack, si, here, kind, parent, None);
                }
            }
            if let Some(tag) = self.tag_starting_at(w.start) {
                let roles = self.lex.roles(tag);
                let top = *stack.last().expect("a clause is open");
                // A relative clause after a comma; or, with none, right
                // after a place's name ("de provincie Panjshir waar milities
                // strijden"), unless its word also joins what is said to a
                // verb of saying ("bevestigde de gouverneur van Herat dat
                // Kohsan in handen is": a name takes no restrictive "dat").
                let after_name = || {
                    k > 0
                        && !self.lex.word_roles(self.word(k)).contains(Role::Complementizer)
                        && self.words[k - 1].start >= sentence.start
                        && self.text[self.words[k - 1].end..w.start].trim().is_empty()
                        && self.mention_ending_at(self.words[k - 1].end).is_some()
                };
                if roles.contains(Role::Relative) && (comma_before || after_name()) {
                    let antecedent = self.antecedent_before(w.start);
                    close_at(&mut clauses[top], here);
                    self.push_clause(
                        &mut clauses,
                        &mut stack,
                        si,
                        here,
                        ClauseKind::Relative,
                        Some(top),
                        antecedent,
                    );
                } else if roles.contains(Role::Conditional)
                    && (at_start
                        || comma_before
                        // "Maar als Kandahar valt, …", "But if Kabul falls":
                        // after the coordinator that opens the sentence.
                        || k == first + 1 && {
                            let opener = self.lex.word_roles(self.word(first));
                            opener.contains(Role::Coordinator) || opener.contains(Role::ClauseCoordinator)
                        })
                    // "Zou Kandahar vallen, dan …": a verb of mood opening the
                    // sentence, with "dan" after a comma, is an if-clause.
                    || at_start
                        && roles.contains(Role::Reportive)
                        && self.text[w.end..sentence.end].contains(", dan ")
                {
                    close_at(&mut clauses[top], here);
                    self.push_clause(
                        &mut clauses,
                        &mut stack,
                        si,
                        here,
                        ClauseKind::Conditional,
                        Some(top),
                        None,
                    );
                } else if roles.contains(Role::Subordinator) || at_start && self.opens_since_clause(k) {
                    close_at(&mut clauses[top], here);
                    self.push_clause(
                        &mut clauses,
                        &mut stack,
                        si,
                        here,
                        ClauseKind::Subordinate,
                        Some(top),
                        None,
                    );
                } else if !at_start
                    && (roles.contains(Role::ClauseCoordinator)
                        || roles.contains(Role::Coordinator)
                            && self.coordinates_clauses(
                                self.word_at(tag.span.end).saturating_sub(1),
                                comma_before,
                                clauses[top].spans.last().map_or(here, |sp| sp.start),
                                sentence.end,
                            ))
                    // ("all but one district" is one noun phrase.)
                    && !self.lex.word_roles(self.word(k - 1)).contains(Role::ShareAll)
                {
                    // A sibling of the clause it follows.
                    let (kind, parent) = (clauses[top].kind, clauses[top].parent);
                    close_at(&mut clauses[top], here);
                    stack.pop();
                    self.push_clause(&mut clauses, &mut stack, si, here, kind, parent, None);
                    // "and later the capitals of Paktia and Khost" leaves
                    // out the verb before it; "but Kunduz would be …" does not.
                    if !roles.contains(Role::ClauseCoordinator) {
                        let new = clauses.len() - 1;
                        clauses[new].continues = Some(top);
                    }
                }
            }
            k += 1;
        }
        // A clause around the innermost that a clause opened at its very
        // start holds no word of its own ("If Ghazni falls the road will be
        // open" has no main clause outside the if-clause).
        let innermost = stack.last().copied();
        for &c in &stack {
            let never_opened = clauses[c].spans.iter().all(|s| s.start == s.end);
            if Some(c) == innermost || !never_opened {
                close_at(&mut clauses[c], sentence.end);
            }
        }
        for c in &mut clauses {
            c.spans.retain(|s| s.start < s.end);
        }
        // Drop clauses left empty, keeping parent indices right.
        let mut new_index = vec![None; clauses.len()];
        let mut n = 0;
        for (i, c) in clauses.iter().enumerate() {
            if !c.spans.is_empty() {
                new_index[i] = Some(n);
                n += 1;
            }
        }
        clauses
            .into_iter()
            .filter(|c| !c.spans.is_empty())
            .map(|mut c| {
                c.parent = c.parent.and_then(|p| new_index[p]);
                c.continues = c.continues.and_then(|p| new_index[p]);
                c
            })
            .collect()
    }

    /// Can word `k` stand in an apposition that only describes a name:
    /// a relational phrase ("the capital of"), a class noun ("Province",
    /// "city"), or a lower-case word the lexicon gives no role (an
    /// adjective: "southwestern")?
    fn describes_in_apposition(&self, k: usize) -> bool {
        if let Some(tag) = self.tag_starting_at(self.words[k].start) {
            let roles = self.lex.roles(tag);
            return roles.contains(Role::Relational) && !roles.has_cue();
        }
        let roles = self.lex.word_roles(self.word(k));
        roles.contains(Role::ProvinceWord) || roles.contains(Role::CityWord) || self.is_unknown_lowercase(k)
    }

    /// Is word `k` a lower-case word the lexicon gives no role (most often
    /// an adjective: "southwestern", "eponymous")?
    pub fn is_unknown_lowercase(&self, k: usize) -> bool {
        self.lex.word_roles(self.word(k)).is_empty() && self.is_lowercase(k)
    }

    /// Does word `k` start with a capital ("Dehyak", "Sunday")?
    pub fn is_capitalised(&self, k: usize) -> bool {
        self.text[self.words[k].clone()].starts_with(char::is_uppercase)
    }

    /// Does word `k` start with a lower-case letter?
    pub fn is_lowercase(&self, k: usize) -> bool {
        self.text[self.words[k].clone()].starts_with(char::is_lowercase)
    }

    /// The anaphor role of a tag ("the city", "de provincie"), the first of
    /// [`ANAPHOR_ROLES`] it has.
    pub fn anaphor_role(&self, tag: &Tag) -> Option<Role> {
        ANAPHOR_ROLES.into_iter().find(|&r| self.is(tag, r))
    }

    /// Does the semicolon before word `k` separate items of a list of
    /// names whose verb is still to come ("Dahana-i-Ghori district in
    /// Baghlan; Awba district in Herat; and Shirin Tagab district in Faryab
    /// were captured")? A name before it in the clause begun at
    /// `clause_start`, no cue yet, and a name (or a coordinator and a name)
    /// right after it.
    fn semicolon_in_list(&self, clause_start: usize, k: usize) -> bool {
        let here = self.words[k].start;
        let name_at = |j: usize| {
            self.words
                .get(j)
                .is_some_and(|w| self.mention_starting_at(w.start).is_some())
        };
        let coordinator_then_name = self
            .tag_starting_at(here)
            .is_some_and(|t| self.is(t, Role::Coordinator) && name_at(self.word_at(t.span.end)));
        (name_at(k) || coordinator_then_name)
            && self
                .mentions
                .get(self.mentions.partition_point(|m| m.span.start < clause_start))
                .is_some_and(|m| m.span.end <= here)
            && !self
                .tags_in(&(clause_start..here))
                .iter()
                .any(|t| self.lex.roles(t).has_cue())
    }

    #[allow(clippy::too_many_arguments)]
    fn push_clause(
        &self,
        clauses: &mut Vec<Clause>,
        stack: &mut SmallVec<[usize; 8]>,
        si: usize,
        at: usize,
        kind: ClauseKind,
        parent: Option<usize>,
        antecedent: Option<Antecedent>,
    ) {
        clauses.push(Clause {
            sentence: si,
            kind,
            parent,
            spans: at_point(at),
            antecedent,
            continues: None,
        });
        stack.push(clauses.len() - 1);
    }

    /// Is there another spaced dash later in the sentence (so that this
    /// one opens an aside)?
    fn another_dash_follows(&self, from: usize, sentence_end: usize) -> bool {
        has_spaced_dash(&self.text[from..sentence_end])
    }

    /// After a comma at word `k`: an apposition to the name before it, a
    /// noun phrase ("the capital of Nimruz province", "de hoofdstad van
    /// Logar", "including the city of Kunduz") up to the next comma, dash
    /// or the sentence's end, with no cue in it?
    fn apposition_follows(&self, k: usize, sentence_end: usize) -> bool {
        // A name set off by commas after the noun it names: "after
        // Afghanistan's capital, Kabul, fell".
        if let Some(m) = self.mention_starting_at(self.words[k].start)
            && self.mentions[m].span.end < sentence_end
            && self.set_off_after_noun(
                k,
                self.mentions[m].span.end,
                &[Role::HeadNoun, Role::CapitalWord, Role::CityWord, Role::DistrictWord],
            )
        {
            return true;
        }
        if !self.lex.word_roles(self.word(k)).contains(Role::Filler)
            && !self
                .tag_starting_at(self.words[k].start)
                .is_some_and(|t| self.is(t, Role::Relational))
        {
            return false;
        }
        let start = self.words[k].start;
        let rest = &self.text[start..sentence_end];
        let end = rest.find([',', '–', '—', ';', ':', '(', ')']).unwrap_or(rest.len());
        let span = start..start + end;
        // It follows a name or names one ("after Zaranj, the capital of
        // Nimruz province, fell"; "took three others, including Kunduz").
        let after_name = k > 0 && self.mention_ending_at(self.words[k - 1].end).is_some();
        let names = self.names_in(&span);
        // With an auxiliary of its own it is a clause: "If Ghazni falls,
        // the road to Kabul will be open".
        (after_name || names) && self.is_verbless(&span)
    }

    /// After a spaced dash at word `k`, with a second dash to come: a
    /// noun phrase naming places up to that dash, spelling out the noun
    /// before it ("three more capitals — the cities of Jalalabad, Gardez
    /// and Nili — fell", "two districts - Deh Yak and Du Ab - were
    /// taken")? It is then an apposition inside the clause, not an aside.
    fn dashed_apposition_follows(&self, k: usize, sentence_end: usize) -> bool {
        let start = self.words[k].start;
        let rest = &self.text[start..sentence_end];
        let Some(dash) = SPACED_DASHES.iter().filter_map(|d| rest.find(d)).min() else {
            return false;
        };
        // ("– Kunduz and Sar-e-Pol, and the day before Sheberghan –": the
        // list may end at a comma as well as at the closing dash.)
        let end = rest[..dash].find(',').unwrap_or(dash);
        let span = start..start + end;
        let opens = self.mention_starting_at(start).is_some()
            || self.lex.word_roles(self.word(k)).contains(Role::Filler)
            || self
                .tag_starting_at(start)
                .is_some_and(|t| self.is(t, Role::Relational));
        opens && self.names_in(&span) && self.is_verbless(&span)
    }

    /// Does the name starting at word `k` and ending at byte `name_end`
    /// stand right after a noun of one of `nouns` and before a comma, set
    /// off as that noun's apposition ("the capital, Kabul,", "province,
    /// Takhar,")? (The comma before it is the caller's to check.)
    fn set_off_after_noun(&self, k: usize, name_end: usize, nouns: &[Role]) -> bool {
        k > 0
            && {
                let roles = self.lex.word_roles(self.word(k - 1));
                nouns.iter().any(|&r| roles.contains(r))
            }
            && self.text.get(name_end..).is_some_and(|rest| rest.starts_with(','))
    }

    /// Does a place name lie within the span?
    fn names_in(&self, span: &Range<usize>) -> bool {
        let i = self.mentions.partition_point(|m| m.span.start < span.start);
        self.mentions.get(i).is_some_and(|m| m.span.end <= span.end)
    }

    /// Does the span hold no cue, subordinator, relative or auxiliary (so
    /// it is a noun phrase, not a clause)?
    fn is_verbless(&self, span: &Range<usize>) -> bool {
        !self.tags_in(span).iter().any(|t| {
            let roles = self.lex.roles(t);
            roles.has_cue()
                || roles.contains(Role::Subordinator)
                || roles.contains(Role::Relative)
                || roles.contains(Role::Auxiliary)
        })
    }

    /// The place or actor right before the comma in front of byte `pos`.
    fn antecedent_before(&self, pos: usize) -> Option<Antecedent> {
        let k = self.word_at(pos);
        if k == 0 {
            return None;
        }
        let prev = self.words[k - 1].clone();
        if let Some(m) = self.mention_ending_at(prev.end) {
            return Some(Antecedent::Place(m));
        }
        let tag = self.tag_ending_at(prev.end)?;
        let roles = self.lex.roles(tag);
        if roles.is_anaphor() {
            return Some(Antecedent::Anaphor(tag.span.clone()));
        }
        if roles.contains(Role::Taliban) {
            Some(Antecedent::Actor(Role::Taliban))
        } else if roles.contains(Role::Government) {
            Some(Antecedent::Actor(Role::Government))
        } else {
            None
        }
    }

    // --- place roles ------------------------------------------------------

    /// The role a mention's own context gives it (lists not yet joined).
    fn own_role(&self, i: usize) -> PlaceRole {
        let m = &self.mentions[i];
        if m.span.start < self.body_start || self.is_dateline(&m.span) {
            return PlaceRole::Dateline;
        }
        let sentence = &self.sentences[m.sentence];
        if self.frames_a_district_of_its_province(i, sentence) {
            return PlaceRole::Locative;
        }
        self.role_of_span(&m.span, sentence, Some(i))
    }

    /// Does mention `i` open its sentence as "In Herat, …" and the sentence
    /// name a district of the province Herat? Then the name is the province
    /// that frames the news ("In Herat, the Awba district fell …"), not its
    /// capital.
    fn frames_a_district_of_its_province(&self, i: usize, sentence: &Range<usize>) -> bool {
        let m = &self.mentions[i];
        let k = self.word_at(m.span.start);
        let opens = k > 0
            && self.text[m.span.end..].starts_with(',')
            && self.words[k - 1].start >= sentence.start
            && self.text[sentence.start..self.words[k - 1].start].trim().is_empty()
            && self
                .lex
                .word_roles(self.word(k - 1))
                .contains(Role::LocativePreposition);
        if !opens {
            return false;
        }
        let place = self.gaz.place(m.place);
        matches!(place.kind, PlaceKind::Capital | PlaceKind::Province)
            && self.gaz.shares_its_provinces_name(place)
            && self.mentions_of(m.sentence).any(|j| {
                let other = self.gaz.place(self.mentions[j].place);
                j != i && other.kind == PlaceKind::District && other.province == place.province
            })
    }

    /// The role the context of a name (or an anaphor) at `span` gives it.
    pub fn role_of_span(&self, span: &Range<usize>, sentence: &Range<usize>, mention: Option<usize>) -> PlaceRole {
        let first = self.word_at(span.start);
        let last = self.word_at(span.end.saturating_sub(1));
        // "all districts of Takhar", "four of Logar's seven districts": a
        // share of the province's districts is said of the province.
        if self.names_a_province(span, mention) && self.district_share(span, sentence).is_some() {
            return PlaceRole::Argument;
        }
        // "Dehyak district of Ghazni": a district the gazetteer does not
        // know, named before "district of", is placed in the name.
        if self.unknown_district_before(first, sentence) {
            return PlaceRole::Locative;
        }
        // "Firoz Koh (Ghor)": a name in brackets right after another
        // places it.
        if first > 0
            && self.gap_before(first, sentence.start).trim() == "("
            && self.mention_ending_at(self.words[first - 1].end).is_some()
            && self
                .text
                .get(span.end..)
                .is_some_and(|rest| rest.trim_start().starts_with(')'))
        {
            return PlaceRole::Locative;
        }
        // After the name: "X's police chief", "X airport", "X officials".
        if let Some(role) = self.role_after(last, sentence) {
            return role;
        }
        // "the highway from Kabul to Kandahar", "de snelweg van Kabul naar
        // het zuiden", "the road linking Kabul with Bamiyan": an end of the
        // route named before it (not "the road to Kabul", which a fall
        // opens); and so is the other end, joined to the first ("to
        // Kandahar", "with Bamiyan").
        let roles_of = |k: usize| self.lex.word_roles(self.word(k));
        let spaced = |k: usize| self.gap_before(k, sentence.start) == " ";
        let route_end_before = |k: usize| {
            self.mention_ending_at(self.words[k].end)
                .is_some_and(|p| Some(p) != mention && self.own_role(p) == PlaceRole::Route)
        };
        if first >= 2
            && self.words[first - 2].start >= sentence.start
            && spaced(first)
            && spaced(first - 1)
            && (roles_of(first - 1).contains(Role::RouteFrom) && roles_of(first - 2).contains(Role::Route)
                || (roles_of(first - 1).contains(Role::RouteTo) || roles_of(first - 1).contains(Role::Coordinator))
                    && route_end_before(first - 2))
        {
            return PlaceRole::Route;
        }
        // Before it: "het vliegveld van X", "150 km from X", "districts in
        // X", "de gouverneur van X", "in X".
        let mut k = first;
        let mut steps = 0;
        // "the remote and rugged Badakhshan province": a name followed by
        // its class noun opens with that noun phrase's adjectives.
        let class_noun = |k: usize| {
            let roles = self.lex.word_roles(self.word(k));
            roles.contains(Role::ProvinceWord) || roles.contains(Role::CityWord) || roles.contains(Role::DistrictWord)
        };
        let attributive = || class_noun(last) || class_noun(last + 1);
        // The nearest preposition between the name and the word looked at.
        let mut preposition: Option<&str> = None;
        while k > 0 && steps < 8 {
            let prev = self.words[k - 1].clone();
            if prev.start < sentence.start {
                break;
            }
            let gap = self.gap_before(k, sentence.start);
            // "Afghanistan's eastern Kunar province": skip the clitic.
            if k >= 2 && self.is_clitic_s(k - 1, sentence.start) {
                k -= 2;
                steps += 1;
                continue;
            }
            // "north of the capital, Kabul": a name in apposition to an
            // anaphor stands where the anaphor stands.
            // ("In one northern province, Takhar, the Taliban …": a name set
            // off by commas after its class noun is that noun's too.)
            let apposed = steps == 0
                && gap.trim() == ","
                && (self
                    .tag_ending_at(prev.end)
                    .is_some_and(|t| self.lex.roles(t).is_anaphor())
                    || self.set_off_after_noun(
                        k,
                        span.end,
                        &[Role::ProvinceWord, Role::DistrictWord, Role::CityWord, Role::HeadNoun],
                    ));
            // "120 kilometres (75 miles) from Kabul", "150 km (95 miles)
            // from the capital, Kabul": a conversion in brackets leaves the
            // distance phrase around it whole.
            if steps <= 3
                && k >= 2
                && self.gap_before(k - 1, sentence.start).trim() == ")"
                && let Some(open) = (k.saturating_sub(6).max(1)..k - 1)
                    .rev()
                    .find(|&m| self.gap_before(m, sentence.start).contains('('))
                && self
                    .lex
                    .phrase_roles(&format!("{} {}", self.word(open - 1), self.word(k - 1)))
                    .contains(Role::Distance)
            {
                return PlaceRole::Distance;
            }
            // ("retreated to the city of “Farkhar”": a name in quotation
            // marks stands where it would without them.)
            let opening_quote = |c: char| steps == 0 && matches!(c, '“' | '"' | '‘' | '«' | '„');
            if gap.contains(|c: char| !(c.is_whitespace() || c == '-' || c == '\'' || c == '’' || opening_quote(c)))
                && !(gap.trim() == "," && steps > 0)
                && !apposed
            {
                break;
            }
            if let Some(tag) = self.tag_ending_at(prev.end) {
                let roles = self.lex.roles(tag);
                if roles.contains(Role::ListIntro) {
                    break;
                }
                // "the governor's office in X": taking it is taking X; but
                // an office that speaks speaks for X ("bevestigde het
                // kantoor van de gouverneur van Herat", "the governor's
                // office in Herat said").
                if roles.contains(Role::SeatOfPower) {
                    let before = self.word_at(tag.span.start);
                    let said_before = before > 0
                        && self.words[before - 1].start >= sentence.start
                        && self.gap_before(before, sentence.start).trim().is_empty()
                        && self.speaks_at(before - 1);
                    let said_after = self.words.get(last + 1).is_some_and(|w| {
                        w.start < sentence.end && self.gap_before(last + 1, sentence.start).trim().is_empty()
                    }) && self.speaks_at(last + 1);
                    return if said_before || said_after {
                        PlaceRole::Modifier
                    } else {
                        PlaceRole::Argument
                    };
                }
                let airport = roles.contains(Role::Airport) || roles.contains(Role::AnaphorAirport);
                if roles.contains(Role::Facility) || airport {
                    // "the airbase at Bagram" names the base itself.
                    if self.is_site(mention) {
                        return PlaceRole::Argument;
                    }
                    if airport {
                        return PlaceRole::Airport;
                    }
                    return PlaceRole::Facility;
                }
                if roles.contains(Role::Distance) && steps <= 3 {
                    return PlaceRole::Distance;
                }
                // ("rukten … op naar Kandahar", "rukten naar Kandahar op":
                // with a split verb around it, "naar" says where the verb
                // goes.)
                if roles.contains(Role::Reference)
                    && steps <= 3
                    && !self.after_separable_particle(tag, sentence)
                    && !self.before_separable_particle(tag, span, sentence)
                {
                    if roles.contains(Role::Proximity) {
                        return PlaceRole::Near;
                    }
                    if roles.contains(Role::Between) {
                        return PlaceRole::Route;
                    }
                    return PlaceRole::Reference;
                }
                // "slaagden er niet in Khanabad in te nemen": a verb group's
                // closing particle is no preposition of the name after it.
                if tag.span.start < prev.start
                    && [Role::FailedTo, Role::Achieved, Role::Attempt]
                        .into_iter()
                        .any(|r| roles.contains(r))
                {
                    break;
                }
                if roles.contains(Role::AgentNoun) && preposition.is_some() {
                    return PlaceRole::Modifier;
                }
                // "districts in X"; "the Deh Salah and Banu districts of
                // Baghlan province" (but "the district of Nerkh" names it).
                // (So is "the Kang district of the province".)
                let province = self.names_a_province(span, mention);
                // "negen van de tien districten in de stad": a town's own
                // districts are parts of it (the cue governs on through them);
                // "three districts of Herat" are the province's.
                if roles.contains(Role::Quarter)
                    && preposition.is_some()
                    && let Some(own_quarters) = self.has_quarters(span, mention)
                {
                    if !own_quarters {
                        return PlaceRole::Locative;
                    }
                    preposition = None;
                    k = self.word_at(tag.span.start);
                    steps += 1;
                    continue;
                }
                if roles.contains(Role::Unit) && preposition.is_some_and(|p| province || self.is_locative(p)) {
                    return PlaceRole::Locative;
                }

                if roles.contains(Role::Locative) && self.locates_a_place_before(span, sentence, mention) {
                    return PlaceRole::Locative;
                }
                if roles.has_cue() {
                    break;
                }
                // "Zaranj, the capital of Nimruz province", "the capital of
                // Paktika, Sharana", "the capital of the province of the
                // same name": the province only locates its capital.
                if roles.contains(Role::Relational) && province {
                    return PlaceRole::Locative;
                }
                // "Bagram, aan de rand van Kabul, …": a town's edge opening
                // an apposition to the name before it only says where that
                // place is.
                if roles.contains(Role::Edge) && self.apposed_to_name(self.word_at(tag.span.start), sentence) {
                    return PlaceRole::Reference;
                }
                // "the centre of Lashkar Gah" (but "the center of Uruzgan
                // province" names its capital: the province only locates it).
                let town_part = roles.contains(Role::TownPart) && !province;
                if roles.contains(Role::Relational) || roles.contains(Role::Partial) || town_part {
                    // "the capital of X", "parts of X": on to what governs it.
                    preposition = None;
                    k = self.word_at(tag.span.start);
                    steps += 1;
                    continue;
                }
            }
            let word = self.word(k - 1);
            let word_roles = self.lex.word_roles(word);
            // "valt in het noorden Mazar-i-Sharif", "in the north Mazar
            // fell": a compass noun right before the name ends the phrase
            // the preposition opened; the name stands apart from it.
            if steps == 0 && word_roles.contains(Role::CompassNoun) {
                break;
            }
            // "at the base after the city of Kunduz fell": a subordinator
            // opens the name's own clause.
            if word_roles.contains(Role::Subordinator) {
                break;
            }
            // "at least two districts", "ten minste": a hedge on a count,
            // no preposition.
            let count_hedge = || {
                word_roles.contains(Role::CountHedge) && self.lex.word_roles(self.word(k)).contains(Role::CountHedge)
            };
            // "in the northern province of Takhar": a class noun before
            // "of" and the name is the name's own ("Takhar province"); the
            // preposition before it is the one that places the name.
            let kind_of_name = mention.map(|i| self.gaz.place(self.mentions[i].place).kind);
            if preposition.is_some_and(|p| self.lex.word_roles(p).contains(Role::Genitive))
                && (word_roles.contains(Role::ProvinceWord) && self.names_a_province(span, mention)
                    || word_roles.contains(Role::DistrictWord) && kind_of_name == Some(PlaceKind::District))
            {
                preposition = None;
            }
            // "de hoofdsteden van de provincies Kunar en Paktia", "the
            // capitals of the provinces Kunar and Paktia": the plural class
            // noun right before provinces' names is theirs, as "provincie"
            // is before one.
            let plural_class_noun = steps == 0
                && word_roles.contains(Role::ProvinceWord)
                && word_roles.contains(Role::Unit)
                && self.names_a_province(span, mention);
            if plural_class_noun {
                k -= 1;
                steps += 1;
                continue;
            }
            if word_roles.contains(Role::Preposition) && !count_hedge() {
                if preposition.is_none() {
                    preposition = Some(word);
                }
                if self.locates_a_place_before(span, sentence, mention) {
                    return PlaceRole::Locative;
                }
            } else if !(self.is_np_filler(k - 1, steps) || steps == 0 && attributive() && self.is_np_filler(k - 1, 1)) {
                break;
            }
            k -= 1;
            steps += 1;
        }
        match preposition {
            Some(p) if self.is_locative(p) => PlaceRole::Scene,
            _ => PlaceRole::Argument,
        }
    }

    /// Does a capitalised word the gazetteer does not know stand before
    /// "district of" (or "district in") right before word `first`: a
    /// district named by a spelling no list has ("Dehyak district of
    /// Ghazni")?
    fn unknown_district_before(&self, first: usize, sentence: &Range<usize>) -> bool {
        let Some(name) = first.checked_sub(3) else { return false };
        if !self.lex.word_roles(self.word(first - 2)).contains(Role::KindDistrict) {
            return false;
        }
        let preposition = self.lex.word_roles(self.word(first - 1));
        self.words[name].start > sentence.start
            && (preposition.contains(Role::Genitive) || preposition.contains(Role::LocativePreposition))
            && self.gap_before(first - 2, sentence.start) == " "
            && self.is_unknown_name(name)
    }

    /// Is the name (or anaphor) at `span` a province's: "Logar", "the
    /// province"?
    fn names_a_province(&self, span: &Range<usize>, mention: Option<usize>) -> bool {
        match mention {
            Some(i) => self.gaz.place(self.mentions[i].place).kind == PlaceKind::Province,
            None => self
                .tag_starting_at(span.start)
                .is_some_and(|t| self.lex.roles(t).contains(Role::AnaphorProvince)),
        }
    }

    /// A preposition that says where ("in X"), not whose ("of X").
    fn is_locative(&self, preposition: &str) -> bool {
        self.lex.word_roles(preposition).contains(Role::LocativePreposition)
    }

    /// The role the words right after a name give it, if any.
    fn role_after(&self, last: usize, sentence: &Range<usize>) -> Option<PlaceRole> {
        let end = self.words.get(last)?.end;
        let next = self.words.get(last + 1)?;
        if next.start >= sentence.end {
            return None;
        }
        let gap = &self.text[end..next.start];
        // "X's …" (or "Logar’ provincial capital"): a possessive, which
        // reports on X only as "X's fall", "X's governor's office".
        let clitic = self.is_clitic_s(last + 1, end);
        if clitic || matches!(gap, "' " | "’ ") {
            let k = if clitic { last + 2 } else { last + 1 };
            let after = self.words.get(k)?;
            let roles_at = |w: &Range<usize>| {
                self.tag_starting_at(w.start)
                    .map(|t| self.lex.roles(t))
                    .unwrap_or_default()
            };
            let roles = roles_at(after);
            // (Past an adjective: "Kabul's international airport".)
            let adjective_then = |role: Role| {
                self.is_unknown_lowercase(k)
                    && self
                        .words
                        .get(k + 1)
                        .is_some_and(|w| w.start < sentence.end && roles_at(w).contains(role))
            };
            if roles.contains(Role::Airport) || adjective_then(Role::Airport) {
                return Some(PlaceRole::Airport);
            }

            // ("Ghazni's outskirts", "Herat's centre": a part of the
            // place, where what happens happens to it.)
            let about_the_place = roles.has_cue()
                || roles.contains(Role::EventNoun)
                || roles.contains(Role::SeatOfPower)
                || roles.contains(Role::Edge)
                || roles.contains(Role::Partial)
                || roles.contains(Role::TownPart);
            // "Kandahar's central prison": a building of the town, as "the
            // prison in Kandahar" is (its seat of power is the town).
            if !about_the_place && (roles.contains(Role::TownBuilding) || adjective_then(Role::TownBuilding)) {
                return Some(PlaceRole::Facility);
            }
            return (!about_the_place).then_some(PlaceRole::Modifier);
        }
        if !(gap == " " || gap == "-") {
            return None;
        }
        // "Kaboel ontkent", "Kabul denies", "Herat says": a place that
        // speaks stands for its officials, who say or deny what happened
        // (a word of saying there is no "said to have fallen": that has a
        // comma or a verb after it).
        if gap == " "
            && self.speaks_at(last + 1)
            && !self.lex.word_roles(self.word(last + 2)).contains(Role::Infinitive)
            && self.word(last + 2) != "to"
        {
            return Some(PlaceRole::Modifier);
        }
        // "the Kabul-Kandahar highway": past names joined by hyphens, a
        // route noun makes them all its name.
        let mut k = last + 1;
        while let Some(i) = self
            .words
            .get(k)
            .filter(|w| w.start < sentence.end && self.text[self.words[k - 1].end..w.start] == *"-")
            .and_then(|w| self.mention_starting_at(w.start))
        {
            k = self.word_at(self.mentions[i].span.end.saturating_sub(1)) + 1;
        }
        if self.words.get(k).is_some_and(|w| {
            w.start < sentence.end
                && self.text[self.words[k - 1].end..w.start] == *" "
                && self.lex.word_roles(self.word(k)).contains(Role::Route)
        }) {
            return Some(PlaceRole::Route);
        }
        // "its Kabul-backed governor", "Herat-based troops", "Kabul-bound
        // flights": a compound participle only describes the noun after it
        // (but "de Panjshir-vallei" is the valley).
        if gap == "-" && self.is_lowercase(last + 1) {
            let participle = self.word(last + 1);
            if participle.len() >= 4 && (participle.ends_with("ed") || matches!(participle, "bound" | "born")) {
                return Some(PlaceRole::Modifier);
            }
        }
        // "Kunduz province's Imam Sahib area": the province's possessive
        // only says whose the place after it is (but "Helmand province's
        // capital" names the capital).
        let province_named = self
            .mention_ending_at(end)
            .is_some_and(|i| self.gaz.place(self.mentions[i].place).kind == PlaceKind::Province);
        if province_named
            && self.lex.word_roles(self.word(last + 1)).contains(Role::ProvinceWord)
            && self.words.get(last + 2).is_some_and(|w| w.start < sentence.end)
            && self.is_clitic_s(last + 2, sentence.start)
        {
            return Some(PlaceRole::Modifier);
        }
        let mention = self.mention_ending_at(end);
        // "a key Kandahar district", "Kunduz and Takhar districts": a
        // province's or capital's name before "district" only says where
        // the district is (a district of that name would have been found
        // as one).
        if self.district_word_after(end)
            && mention.is_some_and(|i| {
                matches!(
                    self.gaz.place(self.mentions[i].place).kind,
                    PlaceKind::Province | PlaceKind::Capital
                )
            })
        {
            return Some(PlaceRole::Modifier);
        }
        // "the Helmand capital Lashkar Gah": the province only locates the
        // capital named after it.
        if mention.is_some_and(|i| self.gaz.place(self.mentions[i].place).kind == PlaceKind::Province)
            && gap == " "
            && self.lex.word_roles(self.word(last + 1)).contains(Role::CapitalWord)
            && self.mention_starting_at(self.words.get(last + 2)?.start).is_some()
        {
            return Some(PlaceRole::Locative);
        }
        let tag = self.tag_starting_at(next.start)?;
        let roles = self.lex.roles(tag);
        // "the Baghlan province capital, Pul-e Khumri": the province only
        // locates its capital.
        if roles.contains(Role::Relational)
            && mention.is_some_and(|i| self.gaz.place(self.mentions[i].place).kind == PlaceKind::Province)
        {
            return Some(PlaceRole::Locative);
        }
        let site = self.is_site(mention);
        if roles.contains(Role::Airport) && !site {
            Some(PlaceRole::Airport)
        } else if roles.contains(Role::Facility) {
            // "the Wesh border crossing" is the crossing itself.
            (!site).then_some(PlaceRole::Facility)
        } else if roles.contains(Role::AgentNoun) {
            Some(PlaceRole::Modifier)
        } else {
            None
        }
    }

    /// Is the mention a crossing, base or area, which a facility noun names
    /// rather than locates ("the Torghundi border crossing", "the airbase
    /// at Bagram")?
    fn is_site(&self, mention: Option<usize>) -> bool {
        mention.is_some_and(|i| {
            matches!(
                self.gaz.place(self.mentions[i].place).kind,
                PlaceKind::Crossing | PlaceKind::Base | PlaceKind::Area
            )
        })
    }

    /// For a province: does a town or district of the same province stand
    /// before it in the sentence (so that the province only locates it:
    /// "Sheberghan in de provincie Jowzjan"), or a unit noun ("het district
    /// Kamdesh in Nuristan")?
    fn locates_a_place_before(&self, span: &Range<usize>, sentence: &Range<usize>, mention: Option<usize>) -> bool {
        let Some(i) = mention else { return false };
        let place = self.gaz.place(self.mentions[i].place);
        if place.kind != PlaceKind::Province {
            return false;
        }
        let mentions = self.mentions_of(self.mentions[i].sentence);
        let earlier_settlement = self.mentions[mentions].iter().any(|o| {
            o.span.end <= span.start && {
                let op = self.gaz.place(o.place);
                op.kind != PlaceKind::Province && op.province == place.province
            }
        });
        let first = self.word_at(span.start);
        let unit_before = (first.saturating_sub(6)..first)
            .filter(|&k| self.words[k].start >= sentence.start)
            .any(|k| self.lex.word_roles(self.word(k)).contains(Role::Unit));
        // "Gizab in Uruzgan": a town or district right before a locative
        // preposition is placed in the province, whichever province the
        // gazetteer files it under (districts have moved between them).
        let locative_right_before =
            first >= 2 && self.words[first - 2].start >= sentence.start && self.is_locative(self.word(first - 1));
        let settlement_right_before = locative_right_before
            && self
                .mention_ending_at(self.words[first - 2].end)
                .is_some_and(|o| self.gaz.place(self.mentions[o].place).kind != PlaceKind::Province);
        // "Ahmad Khil and Laja Mangal in Paktia": so is a name no list
        // knows (capitalised mid-sentence, no word of the lexicon, no
        // person's).
        let unknown_name_right_before = || {
            locative_right_before
                && self.words[first - 2].start > sentence.start
                && self.gap_before(first - 1, sentence.start) == " "
                && self.is_unknown_name(first - 2)
                && {
                    let persons = self.gaz.persons();
                    let word = self.word(first - 2);
                    !persons.is_person_word(word) && !persons.name_words.contains(word)
                }
        };
        earlier_settlement || unit_before || settlement_right_before || unknown_name_right_before()
    }

    /// A wire-copy dateline: a name opening its line (or the body), then,
    /// after at most a country, a date or an agency, a dash, colon or
    /// bullet — "KABUL (Reuters) -", "KABOEL -", "Kabul, Aug 13 (AP) –",
    /// "KABUL:", "Herat :", "Kabul [Afghanistan], June 21 (ANI/Xinhua):".
    /// Without an agency or a colon the name must be in capitals, so that
    /// "Kabul - de hoofdstad - viel" still counts.
    pub fn is_dateline(&self, span: &Range<usize>) -> bool {
        let before = self.text.as_bytes()[self.body_start.min(span.start)..span.start]
            .iter()
            .rev()
            .find(|b| !matches!(b, b' ' | b'\t'));
        if before.is_some_and(|b| !matches!(b, b'\n' | b'\r')) {
            return false;
        }
        let limit = self.text.floor_char_boundary((span.end + 100).min(self.text.len()));
        let line = &self.text[span.end..limit];
        let line = &line[..line.find(['\n', '\r']).unwrap_or(line.len())];
        // "Kabul, June 19 Afghan security forces …": a date right after
        // the name, with no delimiter after it.
        if starts_with_date(line) {
            return true;
        }
        // "Kabul, (Asian independent) Tens of …": an agency in brackets
        // right after the name, with no delimiter after it.
        if let Some(inner) = line.trim_start_matches([',', ' ']).strip_prefix('(')
            && let Some(close) = inner.find(')')
            && close <= 40
            && !inner[..close].contains(['.', '!', '?', '"', '“'])
        {
            return true;
        }
        let dash = [" - ", " – ", " — ", " -- ", ":", " •", " |"]
            .iter()
            .filter_map(|d| line.find(d).map(|at| (at, *d)))
            .min();
        let Some((at, delimiter)) = dash else { return false };
        let between = &line[..at];
        let name = &self.text[span.clone()];
        let capitals = name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase);
        let agency = between.contains('(') && between.contains(')');
        let colon = delimiter == ":" || delimiter == " •";
        between.len() <= 60
            && (between.trim().is_empty() || between.starts_with([',', ' ', '(', '[']))
            && !between.contains(['!', '?', '"', '“'])
            && (!between.contains('.') || capitals || agency)
            && (capitals || agency || colon)
    }

    /// Names joined into a list share the role of the list's first name:
    /// "districts in Ghazni and Paktika provinces", "north of Kabul and
    /// Charikar".
    fn join_lists(&mut self) {
        for i in 1..self.mentions.len() {
            let (a, b) = (&self.mentions[i - 1], &self.mentions[i]);
            if a.sentence != b.sentence || a.span.end > b.span.start {
                continue;
            }
            // "… districts in Bamiyan and Chakhansur district in Nimroz": a
            // district named as one is no place that the "in" before the
            // list locates.
            let named_district =
                self.gaz.place(b.place).kind == PlaceKind::District && self.district_word_after(b.span.end);
            if named_district && self.roles[i - 1] == PlaceRole::Locative {
                continue;
            }
            // "namen Asadabad en Gardez in, de hoofdsteden van Kunar en
            // Paktia": a name that only locates, after names that are
            // taken, opens a list of its own ("Kunar en Paktia").
            if self.roles[i] == PlaceRole::Locative && self.roles[i - 1] == PlaceRole::Argument {
                continue;
            }
            // A province does not head a list of towns: in "Zaranj in
            // Nimroz, Sar-e Pul and Taloqan" Nimroz only locates Zaranj.
            let province = |m: &PlaceMention| self.gaz.place(m.place).kind == PlaceKind::Province;
            // "Shorabak district in Kandahar and Alishing district in
            // Laghman": past a name that only locates the name before it
            // (a province, or a capital named as its province), the list
            // goes on from that name.
            let before = if !province(b) && self.roles[i - 1] == PlaceRole::Locative && i >= 2 {
                Some(i - 2).filter(|&j| self.mentions[j].sentence == b.sentence && !province(&self.mentions[j]))
            } else {
                None
            };
            if let Some(j) = before
                && self.joined(self.mentions[j].span.end, b.span.start)
            {
                let head = self.list_head[j];
                self.list_head[i] = head;
                if self.roles[i] == PlaceRole::Argument && self.roles[head] != PlaceRole::Dateline {
                    self.roles[i] = self.roles[head];
                }
                continue;
            }
            if (province(b) || !province(a)) && self.joined(a.span.end, b.span.start) {
                let head = self.list_head[i - 1];
                self.list_head[i] = head;
                if self.roles[i] == PlaceRole::Argument && self.roles[head] != PlaceRole::Dateline {
                    self.roles[i] = self.roles[head];
                }
            }
        }
    }

    /// Is the text between two names only commas, coordinators, fillers
    /// and prepositions ("Kunduz, Taloqan en Aybak", "Ghazni and Paktika",
    /// "Zaranj as well as Farah", "Herat in the west and Kandahar")?
    pub fn joined(&self, from: usize, to: usize) -> bool {
        let between = &self.text[from..to];
        // (A semicolon separates items that have commas of their own:
        // "Lashkar Gah, the capital of Helmand; Qala-i-Naw, …; and
        // Kandahar". Between clauses it has split the sentence already.)
        let separator = |c: char| c == ',' || c == ';';
        // (An apostrophe is a possessive's: "Samangan province's capital
        // Aybak".)
        let word_char = |c: char| c.is_alphanumeric() || c.is_whitespace() || matches!(c, '-' | '\'' | '’');
        if between.contains(|c: char| !(word_char(c) || separator(c))) {
            return false;
        }
        let mut k = self.word_at(from);
        let mut any = between.contains(separator);
        // An apposition right after the first name, up to the next
        // separator, describes it ("Lashkar Gah, the capital of
        // southwestern Helmand Province; Qala-i-Naw"): its relational
        // phrase, class nouns and adjectives the lexicon does not know
        // are passed over.
        let apposition = between.trim_start().starts_with(',');
        let mut separators = 0;
        while k < self.words.len() && self.words[k].end <= to {
            if self.gap_before(k, from).contains(separator) {
                separators += 1;
            }
            if apposition && separators == 1 && self.describes_in_apposition(k) {
                k = self
                    .tag_starting_at(self.words[k].start)
                    .map_or(k + 1, |t| self.word_at(t.span.end).max(k + 1));
                continue;
            }
            // A name that only locates or describes ("Logar’ provincial
            // capital Pul-e Alam").
            if let Some(m) = self.mention_starting_at(self.words[k].start)
                && matches!(self.roles.get(m), Some(PlaceRole::Modifier | PlaceRole::Locative))
            {
                k = self.word_at(self.mentions[m].span.end);
                if self.word(k) == "s" {
                    k += 1;
                }
                continue;
            }
            if let Some(tag) = self.tag_starting_at(self.words[k].start)
                && self.is(tag, Role::Coordinator)
                && tag.span.end <= to
            {
                any = true;
                k = self.word_at(tag.span.end);
                continue;
            }
            // ", with X": an absolute phrase, no list ("the fall of
            // Jalalabad, with Kabul not yet taken").
            let roles = self.lex.word_roles(self.word(k));
            if roles.contains(Role::WithWord) && self.gap_before(k, from).contains(',') {
                return false;
            }
            // (Past a name no list knows: "Choora in Uruzgan, Laja Mangal
            // in Paktia and Chahar Dara".)
            if !(roles.contains(Role::Filler) || roles.contains(Role::Preposition) || self.is_unknown_name(k)) {
                return false;
            }
            k += 1;
        }
        any
    }

    /// Is word `k` a capitalised word that is no name the gazetteer found
    /// and no word of the lexicon: part of a name no list knows ("Laja
    /// Mangal")? (Not the first word of a sentence: callers look inside.)
    fn is_unknown_name(&self, k: usize) -> bool {
        self.is_capitalised(k)
            && self.mention_ending_at(self.words[k].end).is_none()
            && self.mention_starting_at(self.words[k].start).is_none()
            && self.lex.word_roles(self.word(k)).is_empty()
    }

    /// Does a new clause begin at coordinator word `k` (rather than a list
    /// of names or nouns)? After a comma, or when a time expression, a cue
    /// or an actor follows within two words: "Zaranj fell, and on Saturday
    /// Sheberghan followed", "took Herat and attacked Kandahar".
    fn coordinates_clauses(&self, k: usize, comma_before: bool, clause_start: usize, sentence_end: usize) -> bool {
        if self.joins_actors(k, clause_start) {
            return false;
        }
        if self.name_follows(k + 1, sentence_end) {
            // "Pul-e Khumri fell Tuesday, and Farah and Faizabad followed
            // on Wednesday": after a comma, a clause that has its verb,
            // and names with a verb of their own before the next comma,
            // open a clause; names alone go on with a list ("took Kunduz,
            // and Taloqan on Monday").
            return comma_before && self.verbs_on_both_sides(k, clause_start, sentence_end);
        }
        if comma_before {
            return true;
        }
        (k + 1..k + 3).any(|j| {
            let Some(w) = self.words.get(j) else { return false };
            if w.start >= sentence_end {
                return false;
            }
            let time = self.time_refs.binary_search_by(|(r, _)| r.start.cmp(&w.start)).is_ok();
            time || self.tag_starting_at(w.start).is_some_and(|t| {
                let roles = self.lex.roles(t);
                roles.has_cue()
                    || roles.contains(Role::Taliban)
                    || roles.contains(Role::Government)
                    || roles.contains(Role::Auxiliary)
            })
        })
    }

    /// Is there a verb of control in the clause begun at `clause_start`
    /// before word `k`, and another after it before the next comma? Then
    /// what starts at `k` is a clause of its own, not more names of a list.
    fn verbs_on_both_sides(&self, k: usize, clause_start: usize, sentence_end: usize) -> bool {
        let has_cue = |j: usize| {
            self.tag_starting_at(self.words[j].start)
                .is_some_and(|t| self.lex.roles(t).has_cue())
        };
        let verb_before = (self.word_at(clause_start)..k).any(has_cue);
        let verb_after = || {
            (k + 1..self.words.len())
                .take_while(|&j| {
                    self.words[j].start < sentence_end && !self.gap_before(j, clause_start).contains([',', ';', ':'])
                })
                .any(has_cue)
        };
        verb_before && verb_after()
    }

    /// Does the coordinator at word `k` join two actors, with no verb yet
    /// in the clause begun at `clause_start` ("where the Taliban and Afghan
    /// troops have been fighting", "de Taliban en het leger vechten")? It
    /// joins noun phrases then, not clauses.
    fn joins_actors(&self, k: usize, clause_start: usize) -> bool {
        let actor = |t: &Tag| self.is(t, Role::Taliban) || self.is(t, Role::Government);
        let Some(before) = k.checked_sub(1).map(|j| self.words[j].end) else {
            return false;
        };
        self.tag_ending_at(before).is_some_and(actor)
            && (k + 1..k + 3).any(|j| {
                self.words
                    .get(j)
                    .and_then(|w| self.tag_starting_at(w.start))
                    .is_some_and(actor)
            })
            // (A split verb's head is no verb yet: "hielden
            // regeringstroepen en milities stand".)
            && !self.tags_in(&(clause_start..before)).iter().any(|t| {
                let roles = self.lex.roles(t);
                roles.has_cue() && !roles.contains(Role::Separable) || roles.contains(Role::Auxiliary)
            })
    }

    // --- mood and polarity -------------------------------------------------

    /// Byte range of `before` words before `span` and `after` words after
    /// it, within `within`.
    pub fn around(&self, span: &Range<usize>, before: usize, after: usize, within: &Range<usize>) -> Range<usize> {
        let first = self.word_at(span.start);
        let last = self.word_at(span.end.saturating_sub(1));
        let s = self
            .words
            .get(first.saturating_sub(before))
            .map_or(span.start, |w| w.start)
            .max(within.start);
        let e = self
            .words
            .get((last + after).min(self.words.len().saturating_sub(1)))
            .map_or(span.end, |w| w.end)
            .min(within.end);
        s.min(span.start)..e.max(span.end)
    }

    /// The tags of a role within the stretch of clause `c` of sentence
    /// `si` that `range` covers.
    #[inline]
    pub fn clause_tags(
        &self,
        si: usize,
        c: usize,
        range: &Range<usize>,
        role: Role,
    ) -> impl Iterator<Item = &'a Tag> + use<'a, '_> {
        let clause = &self.clauses[si][c];
        let tags = if self.sentence_roles[si].contains(role) {
            self.tags_in(range)
        } else {
            &[]
        };
        tags.iter()
            .filter(move |t| self.is(t, role) && clause.contains(t.span.start))
    }

    /// Does any tag of sentence `si` have `role` (a shortcut before a walk)?
    pub fn sentence_has(&self, si: usize, role: Role) -> bool {
        self.sentence_roles[si].contains(role)
    }

    /// Is there a tag of a role within that stretch of the clause?
    pub fn has_clause_tag(&self, si: usize, c: usize, range: &Range<usize>, role: Role) -> bool {
        self.clause_tags(si, c, range, role).next().is_some()
    }

    /// Does `span` lie within a time expression ("May 21")?
    fn in_time_ref(&self, span: &Range<usize>) -> bool {
        let i = self.time_refs.partition_point(|(r, _)| r.start <= span.start);
        i > 0 && span.end <= self.time_refs[i - 1].0.end
    }

    /// The mood of a cue in clause `c` of sentence `si`: conditional in an
    /// if-clause (unless its condition is only the report's confirmation:
    /// "should the fall of X be confirmed" is a hedge, see
    /// [`Role::Hedge`]); modal with a modal word before it in its clause or
    /// just after it ("could fall", "viel mogelijk"); future with a future
    /// word before it, a time limit anywhere in its clause ("within 90
    /// days"), or an infinitive marker or attempt right before it
    /// ("advancing to capture X", "trying to enter X").
    pub fn mood(&self, si: usize, c: usize, cue: &Range<usize>) -> Mood {
        let clause = &self.clauses[si][c];
        let sentence = &self.sentences[si];
        if clause.kind == ClauseKind::Conditional && !self.has_clause_tag(si, c, sentence, Role::Hedge) {
            return Mood::Conditional;
        }
        // "Valt Kandahar deze week?", "Has Ghazni fallen?": a question
        // opening with its verb asks whether; it tells nothing happened.
        let first = self.word_at(sentence.start);
        if self.text[sentence.clone()].trim_end().ends_with('?')
            && self.words.get(first).is_some_and(|w| {
                w.start == cue.start || self.lex.word_roles(self.word(first)).contains(Role::Auxiliary)
            })
        {
            return Mood::Modal;
        }
        let before = sentence.start..cue.start;
        let just_after = cue.end..self.around(cue, 0, 3, sentence).end;
        // Just after it, only before a comma: "took Kunduz, which could
        // be a turning point" says nothing of Kunduz's fall.
        // ("Kabul, May 21": a modal word inside a date is the month.)
        let modal_after = self.clause_tags(si, c, &just_after, Role::Modal).any(|t| {
            !self.text[cue.end..t.span.start].contains(',') && !self.in_time_ref(&t.span) && !self.hedges_a_count(t)
        });
        // (A cue whose phrase holds its own modal or future word carries
        // that mood: "Kandahar could follow", "zal volgen".)
        let own_mood = |role: Role| {
            self.tag_starting_at(cue.start)
                .is_some_and(|t| t.span == *cue && self.is(t, role))
        };
        if self
            .clause_tags(si, c, &before, Role::Modal)
            .any(|t| !self.in_time_ref(&t.span) && !self.hedges_a_count(t))
            || own_mood(Role::Modal)
            || modal_after
            || self.modal_past_apposition(si, c, cue)
        {
            return Mood::Modal;
        }
        // "before Kunduz falls", "voordat Kaboel valt", "once the Taliban
        // take Kandahar": a clause opened by a word of what is still to
        // come tells an event not yet come about, unless its verb is of the
        // past ("before the Taliban took Kunduz", "-ed") or a gerund
        // ("before taking it", "before being repelled"); an event noun
        // there ("before the fall of Kabul") is history as often as not.
        // (A verb form of the past: "fell", "ingenomen".)
        let past_form = || {
            self.lex
                .word_roles(self.word(self.word_at(cue.start)))
                .contains(Role::PastForm)
        };
        // "had been handed over within days": told in the past perfect.
        let pluperfect = || {
            let k = self.word_at(cue.start);
            (k.saturating_sub(3)..k).any(|j| {
                self.words[j].start >= sentence.start && self.lex.word_roles(self.word(j)).contains(Role::Pluperfect)
            })
        };
        if clause.kind == ClauseKind::Subordinate
            && self.clause_opens_with(si, c, Role::Prospective)
            && self
                .tag_starting_at(cue.start)
                .is_some_and(|t| !self.is(t, Role::Nominal))
            && {
                let k = self.word_at(cue.start);
                let verb = self.word(k);
                let gerund_before = k > 0 && self.word(k - 1).ends_with("ing");
                !verb.ends_with("ing") && !verb.ends_with("ed") && !gerund_before && !past_form()
            }
        {
            return Mood::Future;
        }
        // An infinitive after an ordinal reports what happened: "the
        // second provincial capital to fall"; so does a perfect one: "the
        // city appeared to have fallen".
        let infinitive = self.tag_ending_at_word_before(cue.start).is_some_and(|t| {
            let perfect = || {
                self.tag_starting_at(cue.start).is_some_and(|c| {
                    self.lex
                        .word_roles(self.word(self.word_at(c.span.start)))
                        .contains(Role::Auxiliary)
                })
            };
            let ordinal = || self.has_clause_tag(si, c, &self.around(&t.span, 5, 0, sentence), Role::Ordinal);
            // "contributed to the collapse of X": "to" before a noun
            // phrase is a preposition.
            let noun_phrase = || {
                self.lex
                    .word_roles(self.word(self.word_at(cue.start)))
                    .contains(Role::Article)
            };
            (self.is(t, Role::Infinitive) || self.is(t, Role::Attempt)) && !perfect() && !ordinal() && !noun_phrase()
        }) || self
            // A Dutch split verb's infinitive holds its own "te": "in te nemen".
            .tag_starting_at(cue.start)
            .is_some_and(|t| self.is(t, Role::Infinitive));
        // "wist Kandahar te behouden" (managed to keep it): the infinitive
        // tells what was achieved.
        let achieved = || self.has_clause_tag(si, c, &before, Role::Achieved);
        // A time limit after another cue is that cue's ("took Ghazni as
        // the US predicts Kabul may fall within months"); one "of" an
        // event is a span around it, no limit ("fell within days of each
        // other"); nor is one beside a verb of the past ("vielen binnen
        // enkele dagen": how fast it went).
        let own_deadline = || {
            self.clause_tags(si, c, sentence, Role::Deadline).any(|t| {
                let of_an_event = self
                    .lex
                    .word_roles(self.word(self.word_at(t.span.end)))
                    .contains(Role::Genitive);
                !of_an_event
                    && (t.span.start < cue.start
                        || !self
                            .tags_in(&(cue.end..t.span.start))
                            .iter()
                            .any(|x| self.lex.roles(x).has_cue()))
            }) && !past_form()
                && !pluperfect()
        };
        if infinitive && !achieved()
            || self.has_clause_tag(si, c, &before, Role::Future)
            || own_mood(Role::Future)
            || own_deadline()
        {
            return Mood::Future;
        }
        Mood::Indicative
    }

    /// Does a modal word that can also hedge a count stand before a count
    /// or an article ("for nearly a week", "almost 200 districts", "bijna
    /// een week")? It then says how many or how long, not whether.
    fn hedges_a_count(&self, tag: &Tag) -> bool {
        let next = self.word_at(tag.span.end);
        self.lex
            .word_roles(self.word(self.word_at(tag.span.start)))
            .contains(Role::CountHedge)
            && self.words.get(next).is_some_and(|w| {
                let word = self.word(next);
                w.start.saturating_sub(tag.span.end) <= 1
                    && (crate::dating::count_word(word).is_some() || {
                        // ("bijna alle districten", "almost all districts".)
                        let roles = self.lex.word_roles(word);
                        roles.contains(Role::Article) || roles.contains(Role::ShareAll)
                    })
            })
    }

    /// Past an apposition to the name the phrase ends with, is the clause
    /// modal ("de overname van Kandahar, de tweede stad van het land, is
    /// aanstaande")? The modal word then opens what follows the
    /// apposition's closing comma.
    fn modal_past_apposition(&self, si: usize, c: usize, phrase: &Range<usize>) -> bool {
        let sentence = &self.sentences[si];
        let next = self.word_after(phrase.end);
        let Some(w) = self.words.get(next).filter(|w| w.start < sentence.end) else {
            return false;
        };
        if self.text[phrase.end..w.start].trim() != "," || !self.apposition_follows(next, sentence.end) {
            return false;
        }
        let Some(close) = self.text[w.start..sentence.end].find(',').map(|i| w.start + i + 1) else {
            return false;
        };
        // Right after it, as the clause's predicate goes on (not "…, with
        // fears they might collapse").
        let window = close..self.around(&(close..close), 0, 2, sentence).end;
        self.has_clause_tag(si, c, &window, Role::Modal)
    }

    /// Does `tag` stand right after the particle of a split verb told
    /// before it in the sentence ("rukten de afgelopen weken op naar")?
    fn after_separable_particle(&self, tag: &Tag, sentence: &Range<usize>) -> bool {
        let k = self.word_at(tag.span.start);
        let Some(before) = k.checked_sub(1).and_then(|j| self.words.get(j)) else {
            return false;
        };
        let particle = self.word(k - 1);
        before.start >= sentence.start
            && self.tags_in(&(sentence.start..before.start)).iter().any(|t| {
                self.lex
                    .entries_of(t)
                    .any(|e| e.role == Role::Separable && e.particle.as_deref() == Some(particle))
            })
    }

    /// Does the place at `span`, after `tag`, stand right before the
    /// particle of a split verb whose head comes before `tag` ("rukten
    /// gisteren naar Kandahar op")?
    fn before_separable_particle(&self, tag: &Tag, span: &Range<usize>, sentence: &Range<usize>) -> bool {
        let next = self.word_at(span.end);
        let particle_follows =
            |particle: &str| self.words_spell(next, particle, |w| w.start >= span.end && w.end <= sentence.end);
        self.tags_in(&(sentence.start..tag.span.start)).iter().any(|t| {
            self.lex
                .entries_of(t)
                .any(|e| e.role == Role::Separable && e.particle.as_deref().is_some_and(&particle_follows))
        })
    }

    /// Do the words from word `k` on spell `phrase` (words joined by single
    /// spaces), each of them one that `fits`?
    pub fn words_spell(&self, k: usize, phrase: &str, fits: impl Fn(&Range<usize>) -> bool) -> bool {
        phrase
            .split(' ')
            .enumerate()
            .all(|(j, p)| self.words.get(k + j).is_some_and(&fits) && self.word(k + j) == p)
    }

    /// Are districts said of the name (or anaphor) at `span` its own
    /// quarters: `Some(true)` for a city anaphor ("de stad") or a
    /// provincial capital that no province is named after (Lashkar Gah),
    /// `Some(false)` for a capital named like its province (Herat, whose
    /// districts are the province's), `None` for any other place (the
    /// district of that name, a village).
    pub fn has_quarters(&self, span: &Range<usize>, mention: Option<usize>) -> Option<bool> {
        match mention {
            None => self
                .tag_starting_at(span.start)
                .is_some_and(|t| self.lex.roles(t).contains(Role::AnaphorCity))
                .then_some(true),
            Some(i) => {
                let place = self.gaz.place(self.mentions[i].place);
                (place.kind == PlaceKind::Capital).then(|| !self.gaz.shares_its_provinces_name(place))
            }
        }
    }

    /// The tag ending at the word right before byte `pos`, if any.
    pub fn tag_ending_at_word_before(&self, pos: usize) -> Option<&'a Tag> {
        let k = self.word_at(pos);
        let prev = self.words.get(k.checked_sub(1)?)?;
        self.tag_ending_at(prev.end)
    }

    /// The polarity of a cue in clause `c` of sentence `si`. A negation
    /// counts when it stands in the cue's clause close before it (or right
    /// after it, as in "viel niet"); for a cue that governs a noun phrase
    /// ("the fall of"), only right before it — "have not commented on the
    /// fall of X" does not deny the fall.
    pub fn polarity(&self, si: usize, c: usize, cue: &Range<usize>, nominal: bool) -> Polarity {
        let sentence = &self.sentences[si];
        let near = self.around(cue, 5, 2, sentence);
        if self.has_clause_tag(si, c, &near, Role::NoLonger) {
            return Polarity::NoLonger;
        }
        let window = if nominal {
            self.around(cue, 2, 0, sentence)
        } else {
            near
        };
        let negated = self.clause_tags(si, c, &window, Role::Negation).any(|n| {
            // "not only" is no negation; nor is one a comma sets off
            // ("Rather than fighting, the army surrendered X").
            let after = self.word(self.word_at(n.span.end));
            let only = self.lex.word_roles(after).contains(Role::OnlyWord);
            let set_off = n.span.end <= cue.start && self.text[n.span.end..cue.start].contains(',');
            !(only || set_off)
        });
        // "the fighting in Kabul did not happen": the event named is the
        // subject of a predicate that says it never came about.
        let unrealised = || {
            let after = cue.end..sentence.end;
            self.clause_tags(si, c, &after, Role::Unrealised).next().is_some()
        };
        if negated || unrealised() {
            Polarity::Negative
        } else {
            Polarity::Positive
        }
    }
}

/// A clause's first stretch, empty until the clause ends.
fn at_point(pos: usize) -> SmallVec<[Range<usize>; 2]> {
    smallvec![pos..pos]
}

/// Ends the current stretch of a clause at `pos`.
fn close_at(c: &mut Clause, pos: usize) {
    if let Some(last) = c.spans.last_mut() {
        last.end = pos.max(last.start);
    }
}

/// Does `line` (what follows a name) open with ", <month> <day>" or ",
/// <day> <month>" and go on ("Kabul, June 19 Afghan forces …", "Kaboel,
/// 14 augustus De Taliban …")?
fn starts_with_date(line: &str) -> bool {
    let Some(rest) = line.strip_prefix(", ") else {
        return false;
    };
    let mut words = rest.split(' ');
    let (Some(first), Some(second), Some(next)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let day = |w: &str| {
        let w = w.trim_end_matches(',');
        !w.is_empty() && w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit())
    };
    let month = |w: &str| crate::dates::month_of(&w.trim_end_matches([',', '.']).to_lowercase()).is_some();
    (month(first) && day(second) || day(first) && month(second)) && !next.is_empty()
}

/// A colon between digits ("12:30", "3:1") is no clause break.
fn is_clock_or_ratio(text: &str, gap: &str, next: &Range<usize>) -> bool {
    gap.trim() == ":"
        && text[next.clone()].starts_with(|c: char| c.is_ascii_digit())
        && text[..next.start - gap.len()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::find_time_refs_in;
    use crate::geoparse::find_mentions_in;
    use crate::sentences::split_sentences;
    use crate::text::ArticleText;

    /// The clauses of `text` (one sentence) as their texts, and the role
    /// of each mention.
    type Analysis = (Vec<(ClauseKind, String)>, Vec<(String, PlaceRole)>);

    /// What `read` makes of the clause analysis of `text`.
    fn with_clauses<R>(text: &str, read: impl FnOnce(&ArticleClauses<'_>) -> R) -> R {
        let gaz = Gazetteer::bundled();
        let lex = Lexicon::bundled();
        let at = ArticleText::new(text);
        let sentences = split_sentences(text, 0);
        let mentions = find_mentions_in(gaz, &at, 0, &sentences);
        let time_refs = find_time_refs_in(&at, &sentences);
        let tags = tag_outside_names(lex, &at, 0, &mentions);
        let a = ArticleClauses::new(
            gaz, lex, text, &at.lower, 0, &at.words, &tags, &sentences, &mentions, &time_refs,
        );
        read(&a)
    }

    fn analyse(text: &str) -> Analysis {
        with_clauses(text, |a| {
            let clauses = a
                .clauses
                .iter()
                .flatten()
                .map(|c| {
                    let t: Vec<&str> = c.spans.iter().map(|s| text[s.clone()].trim()).collect();
                    (c.kind, t.join(" … "))
                })
                .collect();
            let roles = a
                .mentions
                .iter()
                .zip(&a.roles)
                .map(|(m, r)| (text[m.span.clone()].to_owned(), *r))
                .collect();
            (clauses, roles)
        })
    }

    fn clause_texts(text: &str) -> Vec<String> {
        analyse(text).0.into_iter().map(|(_, t)| t).collect()
    }

    use ClauseKind::*;
    use PlaceRole::*;

    #[test]
    fn coordinated_clauses_split_lists_do_not() {
        assert_eq!(
            clause_texts("Vrijdag werd Zaranj veroverd en zaterdag volgde Sjeberghan."),
            vec!["Vrijdag werd Zaranj veroverd", "en zaterdag volgde Sjeberghan."]
        );
        assert_eq!(
            clause_texts("Zondag vielen Kunduz, Taloqan en Sar-e Pul in handen van de Taliban."),
            vec!["Zondag vielen Kunduz, Taloqan en Sar-e Pul in handen van de Taliban."]
        );
        assert_eq!(
            clause_texts("The Taliban took Herat on Monday, but officials denied it."),
            vec!["The Taliban took Herat on Monday,", "but officials denied it."]
        );
    }

    #[test]
    fn a_name_set_off_by_commas_after_its_noun_is_an_apposition() {
        let (clauses, _) =
            analyse("Panjshir became the centre of resistance after the capital, Kabul, fell last month.");
        assert_eq!(
            clauses.last(),
            Some(&(Subordinate, "after the capital, Kabul, fell last month.".to_owned()))
        );
    }

    #[test]
    fn a_bracketed_aside_returns_to_the_clause_it_interrupted() {
        let (clauses, _) = analyse("Toen de strijders Herat (een stad in het westen) innamen, vluchtten velen.");
        assert_eq!(
            clauses,
            vec![
                (Main, "vluchtten velen.".to_owned()),
                (Subordinate, "Toen de strijders Herat ( … innamen,".to_owned()),
                (Parenthetical, "een stad in het westen)".to_owned())
            ]
        );
        let (clauses, _) = analyse("When the fighters took Herat (a city in the west), many fled.");
        assert_eq!(
            clauses,
            vec![
                (Main, "many fled.".to_owned()),
                (Subordinate, "When the fighters took Herat (".to_owned()),
                (Parenthetical, "a city in the west),".to_owned())
            ]
        );
    }

    #[test]
    fn subordinate_and_relative_clauses_end_at_a_comma() {
        let (clauses, _) = analyse("Als Ghazni valt, ligt de weg naar Kaboel open.");
        assert_eq!(
            clauses,
            vec![
                (Main, "ligt de weg naar Kaboel open.".to_owned()),
                (Conditional, "Als Ghazni valt,".to_owned())
            ]
        );
        let (clauses, _) = analyse("Kunduz, which fell on Sunday, is the largest city in the north.");
        assert_eq!(
            clauses,
            vec![
                (Main, "Kunduz, … is the largest city in the north.".to_owned()),
                (Relative, "which fell on Sunday,".to_owned())
            ]
        );
        // "Sinds" opening a clause before its subject; not before a day.
        let (clauses, _) = analyse("Sinds de strijders Herat innamen, is het stil in de stad.");
        assert_eq!(
            clauses,
            vec![
                (Main, "is het stil in de stad.".to_owned()),
                (Subordinate, "Sinds de strijders Herat innamen,".to_owned())
            ]
        );
        let (clauses, _) = analyse("Sinds dinsdag is Herat in handen van de strijders.");
        assert_eq!(clauses.len(), 1);
        // The commas of a list of names inside it close nothing.
        let (clauses, _) = analyse("Should the fall of Qalat, Tarinkot, and Gardez be confirmed, Kabul is next.");
        assert_eq!(
            clauses,
            vec![
                (Main, "Kabul is next.".to_owned()),
                (
                    Conditional,
                    "Should the fall of Qalat, Tarinkot, and Gardez be confirmed,".to_owned()
                )
            ]
        );
        // A list closed by its coordinator goes on no further.
        let (clauses, _) = analyse("If the Taliban take Qalat and Gardez, Kabul is next.");
        assert_eq!(
            clauses,
            vec![
                (Main, "Kabul is next.".to_owned()),
                (Conditional, "If the Taliban take Qalat and Gardez,".to_owned())
            ]
        );
    }

    #[test]
    fn places_that_only_locate_or_describe() {
        let (_, roles) = analyse("KABUL (AP) — The Taliban captured Pul-e Khumri, north of the capital Kabul.");
        assert_eq!(
            roles,
            vec![
                ("KABUL".into(), Dateline),
                ("Pul-e Khumri".into(), Argument),
                ("Kabul".into(), Distance)
            ]
        );
        let (_, roles) = analyse("Nimroz's police chief said the city had fallen.");
        assert_eq!(roles, vec![("Nimroz".into(), Modifier)]);
        let (_, roles) = analyse("Lawmakers in Uruzgan and Zabul provinces said the cities fell.");
        assert_eq!(roles, vec![("Uruzgan".into(), Modifier), ("Zabul".into(), Modifier)]);
        // A district named as one after a list's locating name is listed.
        let (_, roles) =
            analyse("Troops retook Saighan and Kahmard districts in Bamiyan and Chakhansur district in Nimroz.");
        assert_eq!(
            roles,
            vec![
                ("Saighan".into(), Argument),
                ("Kahmard".into(), Argument),
                ("Bamiyan".into(), Locative),
                ("Chakhansur".into(), Argument),
                ("Nimroz".into(), Locative)
            ]
        );
        // A capital's name before "district" says where the district is.
        let (_, roles) = analyse("Families flee as the Taliban seize a key Kandahar district.");
        assert_eq!(roles, vec![("Kandahar".into(), Modifier)]);
        let (_, roles) = analyse("The Taliban seized four districts in the Ghazni and Paktika provinces.");
        assert_eq!(roles, vec![("Ghazni".into(), Locative), ("Paktika".into(), Locative)]);
        let (_, roles) = analyse("Insurgents captured the airport of Herat and the Kunduz prison.");
        assert_eq!(roles, vec![("Herat".into(), Airport), ("Kunduz".into(), Facility)]);
        let (_, roles) = analyse("De Taliban namen Taloqan in de noordelijke provincie Takhar in.");
        assert_eq!(roles, vec![("Taloqan".into(), Argument), ("Takhar".into(), Locative)]);
        let (_, roles) = analyse("Veel ambtenaren waren naar Kaboel gevlucht.");
        assert_eq!(roles, vec![("Kaboel".into(), Reference)]);
        let (_, roles) = analyse("Kandahar's fall shocked the government.");
        assert_eq!(roles, vec![("Kandahar".into(), Argument)]);
    }

    #[test]
    fn datelines() {
        for (text, name) in [
            ("KABUL (Reuters) - The Taliban took Kunduz.", "KABUL"),
            ("KABUL: The Taliban took Kunduz.", "KABUL"),
            ("Herat : The Taliban took Islam Qala.", "Herat"),
            (
                "Kabul [Afghanistan], June 21 (ANI/Xinhua): Forces retook two districts.",
                "Kabul",
            ),
            ("KABUL • Fighters captured Ghazni.", "KABUL"),
            ("Kabul, June 19 Afghan forces repulsed an attack on Kunduz.", "Kabul"),
            ("Kaboel, 14 augustus De Taliban namen Ghazni in.", "Kaboel"),
        ] {
            let (_, roles) = analyse(text);
            assert_eq!(roles[0], (name.to_owned(), Dateline), "{text}");
        }
        let (_, roles) = analyse("Kabul - the capital - could fall within weeks.");
        assert_eq!(roles[0].1, Argument);
        let (_, roles) = analyse("Kabul, the capital, could fall within weeks.");
        assert_eq!(roles[0].1, Argument);
    }

    #[test]
    fn a_provinces_possessive_only_says_whose() {
        let (_, roles) = analyse("A stronghold in Kunduz province's Imam Sahib area held out.");
        assert_eq!(roles[0], ("Kunduz".to_owned(), Modifier));
        assert_eq!(roles[1].1, Argument);
    }

    /// The share of its districts each province mention names.
    fn shares(text: &str) -> Vec<Option<Share>> {
        with_clauses(text, |a| {
            a.mentions
                .iter()
                .map(|m| a.district_share(&m.span, &a.sentences[m.sentence]).map(|(s, _)| s))
                .collect()
        })
    }

    #[test]
    fn a_count_of_districts_set_against_the_whole_is_a_share_of_the_province() {
        use Share::*;
        assert_eq!(shares("All districts of Logar fell."), [Some(All)]);
        assert_eq!(shares("All of Logar's districts fell."), [Some(All)]);
        assert_eq!(
            shares("De meeste districten in de provincie Logar vielen."),
            [Some(Part)]
        );
        assert_eq!(shares("Four of the seven districts of Logar fell."), [Some(Part)]);
        assert_eq!(shares("Three out of 7 districts in Logar province fell."), [Some(Part)]);
        assert_eq!(
            shares("All but one district in the province of Logar fell."),
            [Some(Part)]
        );
        assert_eq!(shares("The majority of the districts of Logar fell."), [Some(Part)]);
        // A count alone, districts of the capital, districts of nothing named.
        assert_eq!(shares("Three districts of Logar fell."), [None]);
        assert_eq!(
            shares("Four of ten districts of Logar province's capital fell."),
            [None]
        );
        assert_eq!(shares("All districts fell, Logar too."), [None]);
    }
}
