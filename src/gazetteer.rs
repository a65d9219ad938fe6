//! The bundled Afghan gazetteer: provinces, provincial capitals and other
//! populated places with every Latin-script spelling we know of.
//!
//! The data is built by `data/build_gazetteer.py` from GeoNames and Natural
//! Earth plus small curated files (see `data/README.md`) and embedded in the
//! binary, so opmars needs no files at run time. Loading parses the TSV and
//! indexes every spelling under its folded key (see [`crate::text`]), which
//! makes a lookup one hash probe however the article spells the name.

use std::collections::{HashMap, HashSet};
use std::hash::Hasher;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::text::{ShortWordTable, WordSet, fold_key, pack_short_word, plain_lower};

/// A word list: words of up to eight bytes packed into integers
/// ([`pack_short_word`]) in a [`ShortWordTable`], longer ones kept as one
/// string and a table of offsets into it. Loading is a copy and one pass
/// with no allocation per word; a lookup of a short word is a
/// multiplication and (almost always) one integer comparison.
#[derive(Debug, Default)]
pub struct WordList {
    short: ShortWordTable<()>,
    text: String,
    /// The longer words, as spans of `text`.
    spans: Vec<(u32, u32)>,
    /// Indices into `spans` ([`EMPTY_SLOT`] for none), a power of two
    /// long and at most half full.
    slots: Vec<u32>,
    /// Words listed (repeats included).
    len: usize,
}

const EMPTY_SLOT: u32 = u32::MAX;

fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(bytes);
    hasher.finish()
}

impl WordList {
    /// One word a line; blank lines and `#` comments are skipped.
    pub fn new(source: &str) -> WordList {
        let text = source.to_owned();
        let mut packed: Vec<u64> = Vec::with_capacity(text.len() / 8);
        let mut spans: Vec<(u32, u32)> = Vec::with_capacity(text.len() / 16);
        let mut start = 0usize;
        for line in text.split_inclusive('\n') {
            let word = line.trim();
            if !word.is_empty() && !word.starts_with('#') {
                match pack_short_word(word.as_bytes()) {
                    Some(key) => packed.push(key),
                    None => {
                        let offset = start + (line.len() - line.trim_start().len());
                        spans.push((offset as u32, (offset + word.len()) as u32));
                    }
                }
            }
            start += line.len();
        }
        let len = packed.len() + spans.len();
        let short = ShortWordTable::new(packed.into_iter().map(|key| (key, ())));
        let mut slots = vec![EMPTY_SLOT; (spans.len() * 2).next_power_of_two()];
        let mask = slots.len() - 1;
        for (n, &(a, b)) in spans.iter().enumerate() {
            let mut i = hash_bytes(&text.as_bytes()[a as usize..b as usize]) as usize & mask;
            while slots[i] != EMPTY_SLOT {
                i = (i + 1) & mask;
            }
            slots[i] = n as u32;
        }
        WordList {
            short,
            len,
            text,
            spans,
            slots,
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        if let Some(key) = pack_short_word(word.as_bytes()) {
            return self.short.get(key).is_some();
        }
        if self.slots.is_empty() {
            return false;
        }
        let mask = self.slots.len() - 1;
        let mut i = hash_bytes(word.as_bytes()) as usize & mask;
        loop {
            let Some(&(a, b)) = self.spans.get(self.slots[i] as usize) else {
                return false;
            };
            if &self.text[a as usize..b as usize] == word {
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// The lengths of a set of words by their first two letters when those are
/// ASCII lower case: a filter in front of the set that answers "no" for
/// most other words after one table look-up.
#[derive(Debug)]
pub(crate) struct LetterPairLengths {
    /// For letters `a`, `b`: bit `n` (at most 31) of `lengths[a * 26 + b]`
    /// is set when a word `ab…` of length `n` (or more, for 31) is in the set.
    lengths: Vec<u32>,
}

impl LetterPairLengths {
    fn slot(word: &str) -> Option<usize> {
        match *word.as_bytes() {
            [a @ b'a'..=b'z', b @ b'a'..=b'z', ..] => Some(usize::from(a - b'a') * 26 + usize::from(b - b'a')),
            _ => None,
        }
    }

    fn bit(word: &str) -> u32 {
        1 << word.len().min(31)
    }

    pub(crate) fn of<'w>(words: impl Iterator<Item = &'w str>) -> Self {
        let mut lengths = vec![0u32; 26 * 26];
        // Words of other shapes are not recorded: `may_contain` lets every
        // such word through to the set.
        for slot_and_bit in words.filter_map(|w| Self::slot(w).map(|slot| (slot, Self::bit(w)))) {
            lengths[slot_and_bit.0] |= slot_and_bit.1;
        }
        LetterPairLengths { lengths }
    }

    /// False only when `word` is certainly not in the set.
    pub(crate) fn may_contain(&self, word: &str) -> bool {
        Self::slot(word).is_none_or(|slot| self.lengths[slot] & Self::bit(word) != 0)
    }
}

/// Index of a place in [`Gazetteer::places`].
pub type PlaceId = u32;

/// What sort of place an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// One of the 34 provinces.
    Province,
    /// The capital of a province.
    Capital,
    /// Any other populated place.
    Place,
    /// A district (woluswali), at its centre.
    District,
    /// A border crossing.
    Crossing,
    /// An airport, airbase, military base or similar facility.
    Base,
    /// A valley or region people name ("Panjshir valley", "Andarab").
    Area,
}

impl PlaceKind {
    /// The word used in CSV and JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Province => "province",
            PlaceKind::Capital => "capital",
            PlaceKind::Place => "place",
            PlaceKind::District => "district",
            PlaceKind::Crossing => "crossing",
            PlaceKind::Base => "base",
            PlaceKind::Area => "area",
        }
    }

    /// Order in which a bare name prefers its candidates by kind: a city
    /// over the province of the same name ("Kandahar"), then districts,
    /// crossings, bases, areas, then other places. (Towns of 20 000 people
    /// or more come before districts: see [`Place::rank`].)
    pub fn rank(self) -> u8 {
        match self {
            PlaceKind::Capital => 0,
            PlaceKind::Province => 1,
            PlaceKind::District => 3,
            PlaceKind::Crossing => 4,
            PlaceKind::Base => 5,
            PlaceKind::Area => 6,
            PlaceKind::Place => 7,
        }
    }

    /// A district, crossing, base or area: the kinds whose names need
    /// vetting in context when they are short or ordinary words.
    pub fn is_district_or_site(self) -> bool {
        matches!(
            self,
            PlaceKind::District | PlaceKind::Crossing | PlaceKind::Base | PlaceKind::Area
        )
    }

    fn parse(s: &str) -> Option<Self> {
        match s {
            "province" => Some(PlaceKind::Province),
            "capital" => Some(PlaceKind::Capital),
            "place" => Some(PlaceKind::Place),
            "district" => Some(PlaceKind::District),
            "crossing" => Some(PlaceKind::Crossing),
            "base" => Some(PlaceKind::Base),
            "area" => Some(PlaceKind::Area),
            _ => None,
        }
    }
}

/// One gazetteer entry.
#[derive(Debug, Clone, Serialize)]
pub struct Place {
    /// Index in the gazetteer.
    pub id: PlaceId,
    /// GeoNames id (for provinces the id of the ADM1 feature).
    pub geonames_id: u64,
    /// Canonical English name, as English-language news writes it.
    pub name: String,
    pub kind: PlaceKind,
    /// ISO 3166-2 code of the province the place lies in.
    pub province: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    /// Every known Latin-script spelling, canonical name first.
    pub names: Vec<String>,
}

impl Place {
    /// Provinces, capitals and towns of 20 000 people or more: places a news
    /// report may name in lower case and that may be matched despite a typo.
    pub fn is_notable(&self) -> bool {
        matches!(self.kind, PlaceKind::Province | PlaceKind::Capital) || self.population >= 20_000
    }

    /// Order in which a bare name prefers its candidates: capitals, then
    /// provinces, then towns of 20 000 people or more (a district's name
    /// never takes a better-known town's mention), then by kind
    /// ([`PlaceKind::rank`]), population and id.
    pub fn rank(&self) -> (u8, std::cmp::Reverse<u64>, u32) {
        let class = match self.kind {
            PlaceKind::Capital | PlaceKind::Province => self.kind.rank(),
            _ if self.population >= 20_000 => 2,
            kind => kind.rank(),
        };
        (class, std::cmp::Reverse(self.population), self.id)
    }
}

/// Errors reading gazetteer data.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("gazetteer line {line}: {message}")]
    BadRow { line: usize, message: String },
    #[error("gazetteer has no header line")]
    MissingHeader,
    #[error("gazetteer check failed: {0}")]
    Inconsistent(String),
}

/// Words and names that must never be taken for places.
#[derive(Debug, Default)]
pub struct PersonLexicon {
    /// Titles that introduce a person's name (`president`, `krijgsheer`).
    pub titles: FxHashSet<String>,
    /// Given names and name parts (`ismail`, `khan`, `mohammad`).
    pub given: FxHashSet<String>,
    /// Full names as lists of lower-case words.
    pub people: Vec<Vec<String>>,
    /// Every word of a full name, to skip the full-name check quickly.
    pub name_words: FxHashSet<String>,
}

impl PersonLexicon {
    /// Is `lower` a title or a given name ("president", "ismail")?
    pub fn is_person_word(&self, lower: &str) -> bool {
        self.given.contains(lower) || self.titles.contains(lower)
    }

    /// Parses the `[titles]` / `[given]` / `[people]` sections format.
    pub fn parse(text: &str) -> Self {
        let mut lex = PersonLexicon::default();
        let mut section = "";
        for raw in text.lines() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if line.starts_with('[') && line.ends_with(']') {
                section = match &line[1..line.len() - 1] {
                    "titles" => "titles",
                    "given" => "given",
                    "people" => "people",
                    _ => "",
                };
                continue;
            }
            let lower = plain_lower(line);
            match section {
                "titles" => {
                    lex.titles.insert(lower);
                }
                "given" => {
                    lex.given.insert(lower);
                }
                "people" => {
                    let words: Vec<String> = lower
                        .split(|c: char| !c.is_alphabetic())
                        .filter(|w| !w.is_empty())
                        .map(str::to_owned)
                        .collect();
                    if words.len() >= 2 {
                        lex.name_words.extend(words.iter().cloned());
                        lex.people.push(words);
                    }
                }
                _ => {}
            }
        }
        lex
    }
}

/// A name candidate for fuzzy (one-typo) matching.
#[derive(Debug, Clone)]
pub struct FuzzyKey {
    pub key: String,
    /// The key's characters, as the edit distance compares them.
    pub chars: Vec<char>,
    pub place: PlaceId,
}

/// The gazetteer with its lookup indexes.
#[derive(Debug)]
pub struct Gazetteer {
    places: Vec<Place>,
    by_key: FxHashMap<String, Vec<PlaceId>>,
    /// Every prefix of every key in `by_key`: can a key being
    /// built token by token still become a name?
    key_prefixes: WordSet,
    /// Plain lower-case spellings (separators as single spaces) of notable
    /// places, for text that does not capitalise names.
    lower_spellings: HashSet<String>,
    /// First words of those spellings: a quick filter for lower-case words.
    lower_first_words: WordSet,
    /// The shapes of those first words (see [`LetterPairLengths`]), to
    /// turn most words away without hashing them.
    lower_first_shapes: LetterPairLengths,
    /// Folded keys of every name's first word, and of every whole name: a
    /// quick filter for capitalised words.
    first_keys: WordSet,
    province_by_code: HashMap<String, PlaceId>,
    capital_by_province: HashMap<String, PlaceId>,
    fuzzy: Vec<FuzzyKey>,
    district_fuzzy: Vec<FuzzyKey>,
    /// Capitals and provinces by their long keys (eight letters or more)
    /// without the first letter: a name with only its first letter wrong.
    by_key_tail: FxHashMap<String, PlaceId>,
    max_name_tokens: usize,
    common_words: WordList,
    persons: PersonLexicon,
}

const GAZETTEER_TSV: &str = include_str!("../data/gazetteer.tsv");
const COMMON_WORDS: &str = include_str!("../data/common_words.txt");
const PERSON_NAMES: &str = include_str!("../data/person_names.txt");

/// Number of provinces of Afghanistan (and so of provincial capitals).
pub const PROVINCE_COUNT: usize = 34;

impl Gazetteer {
    /// The gazetteer embedded in the binary, loaded once.
    pub fn bundled() -> &'static Gazetteer {
        static BUNDLED: OnceLock<Gazetteer> = OnceLock::new();
        BUNDLED.get_or_init(|| Gazetteer::load_bundled().expect("the bundled gazetteer is checked by the test suite"))
    }

    /// Parses and indexes the embedded data afresh (what [`Self::bundled`]
    /// does once; benchmarks time it).
    pub fn load_bundled() -> Result<Gazetteer, GazetteerError> {
        Gazetteer::from_sources(GAZETTEER_TSV, COMMON_WORDS, PERSON_NAMES)
    }

    /// Builds a gazetteer from the TSV text, a common-word list (one word a
    /// line) and a person lexicon.
    pub fn from_sources(tsv: &str, common_words: &str, persons: &str) -> Result<Self, GazetteerError> {
        let places = parse_tsv(tsv)?;
        let common_words = WordList::new(common_words);
        let persons = PersonLexicon::parse(persons);
        Ok(Self::index(places, common_words, persons))
    }

    fn index(places: Vec<Place>, common_words: WordList, persons: PersonLexicon) -> Self {
        let mut by_key: FxHashMap<String, Vec<PlaceId>> = FxHashMap::default();
        by_key.reserve(places.len() * 8);
        let mut lower_spellings = HashSet::new();
        let mut lower_first_words = rustc_hash::FxHashSet::default();
        let mut first_keys = rustc_hash::FxHashSet::default();
        let mut province_by_code = HashMap::new();
        let mut capital_by_province = HashMap::new();
        let mut fuzzy = Vec::new();
        let mut district_fuzzy = Vec::new();
        let mut max_name_tokens = 1;
        for place in &places {
            match place.kind {
                PlaceKind::Province => {
                    province_by_code.insert(place.province.clone(), place.id);
                }
                PlaceKind::Capital => {
                    capital_by_province.insert(place.province.clone(), place.id);
                }
                _ => {}
            }
            let mut seen_keys = HashSet::new();
            let spellings: Vec<String> = place
                .names
                .iter()
                .flat_map(|n| {
                    ezafe_spellings(n)
                        .into_iter()
                        .chain(conjunction_spellings(n))
                        .chain(ezafe_left_out(n))
                })
                .collect();
            for name in place.names.iter().chain(&spellings) {
                let key = fold_key(name);
                if key.is_empty() {
                    continue;
                }
                let tokens = name
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| !w.is_empty())
                    .count();
                max_name_tokens = max_name_tokens.max(tokens);
                if place.is_notable() {
                    let spaced = spaced_lower(name);
                    if let Some(first) = spaced.split(' ').next() {
                        lower_first_words.insert(first.to_owned());
                    }
                    lower_spellings.insert(spaced);
                }
                if let Some(first) = name.split(|c: char| !c.is_alphabetic()).find(|w| !w.is_empty()) {
                    first_keys.insert(fold_key(first));
                }
                first_keys.insert(key.clone());
                if seen_keys.insert(key.clone()) {
                    let ids = by_key.entry(key.clone()).or_default();
                    ids.push(place.id);
                    if place.is_notable() && key.len() >= 6 {
                        let chars = key.chars().collect();
                        fuzzy.push(FuzzyKey {
                            key,
                            chars,
                            place: place.id,
                        });
                    } else if place.kind.is_district_or_site() && key.len() >= 7 {
                        let chars = key.chars().collect();
                        district_fuzzy.push(FuzzyKey {
                            key,
                            chars,
                            place: place.id,
                        });
                    }
                }
            }
        }
        // Rank each key's candidates (see `Place::rank`).
        for ids in by_key.values_mut() {
            ids.sort_by_key(|&id| places[id as usize].rank());
        }
        fuzzy.sort_by(|a, b| a.key.cmp(&b.key).then(a.place.cmp(&b.place)));
        let mut by_key_tail: FxHashMap<String, PlaceId> = FxHashMap::default();
        for f in &fuzzy {
            let place = &places[f.place as usize];
            if f.chars.len() >= 8 && matches!(place.kind, PlaceKind::Capital | PlaceKind::Province) {
                let tail: String = f.chars[1..].iter().collect();
                by_key_tail
                    .entry(tail)
                    .and_modify(|id| {
                        if place.rank() < places[*id as usize].rank() {
                            *id = f.place;
                        }
                    })
                    .or_insert(f.place);
            }
        }
        district_fuzzy.sort_by(|a, b| a.key.cmp(&b.key).then(a.place.cmp(&b.place)));
        let key_prefixes = WordSet::new(
            by_key
                .keys()
                .flat_map(|k| k.char_indices().map(|(i, c)| &k[..i + c.len_utf8()])),
        );
        Gazetteer {
            places,
            by_key,
            key_prefixes,
            lower_spellings,
            lower_first_shapes: LetterPairLengths::of(lower_first_words.iter().map(String::as_str)),
            lower_first_words: WordSet::new(lower_first_words.iter().map(String::as_str)),
            first_keys: WordSet::new(first_keys.iter().map(String::as_str)),
            province_by_code,
            capital_by_province,
            fuzzy,
            district_fuzzy,
            by_key_tail,
            max_name_tokens,
            common_words,
            persons,
        }
    }

    /// Every entry, indexed by [`PlaceId`].
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// One entry.
    pub fn place(&self, id: PlaceId) -> &Place {
        &self.places[id as usize]
    }

    /// Candidate places for a folded key, best-ranked first.
    pub fn lookup_key(&self, key: &str) -> &[PlaceId] {
        self.by_key.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Does some name's key start with `prefix` (or equal it)? A filter in
    /// front of [`Self::lookup_key`] while a key grows token by token.
    pub fn may_start_key(&self, prefix: &str) -> bool {
        self.key_prefixes.contains(prefix)
    }

    /// Candidate places for a name as written, best-ranked first.
    pub fn lookup(&self, name: &str) -> &[PlaceId] {
        self.lookup_key(&fold_key(name))
    }

    /// Finds a place by any spelling; the best-ranked candidate.
    pub fn find(&self, name: &str) -> Option<&Place> {
        self.lookup(name).first().map(|&id| self.place(id))
    }

    /// Finds places whose spellings start with the typed text, for search
    /// boxes: exact key matches first, then prefix matches by rank.
    pub fn search(&self, query: &str, limit: usize) -> Vec<PlaceId> {
        let key = fold_key(query);
        if key.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<PlaceId> = self.lookup_key(&key).to_vec();
        let mut prefixed: Vec<PlaceId> = self
            .by_key
            .iter()
            .filter(|(k, _)| k.starts_with(&key) && k.as_str() != key)
            .flat_map(|(_, ids)| ids.iter().copied())
            .collect();
        prefixed.sort_by_key(|&id| self.place(id).rank());
        for id in prefixed {
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out.truncate(limit);
        out
    }

    /// Is this plain lower-case spelling (words separated by single
    /// spaces) a spelling of a notable place?
    pub fn is_lower_spelling(&self, spaced: &str) -> bool {
        self.lower_spellings.contains(spaced)
    }

    /// Can this plain lower-case word begin a notable place's spelling?
    pub fn is_lower_first_word(&self, word: &str) -> bool {
        self.lower_first_shapes.may_contain(word) && self.lower_first_words.contains(word)
    }

    /// Can a word with this folded key begin a name?
    pub fn is_first_key(&self, key: &str) -> bool {
        self.first_keys.contains(key)
    }

    /// The province entry for an ISO 3166-2 code.
    pub fn province(&self, code: &str) -> Option<&Place> {
        self.province_by_code.get(code).map(|&id| self.place(id))
    }

    /// Does the place go by a name of its province (Herat, Kandahar, and
    /// every province itself)? Then a bare mention of it may mean either.
    pub fn shares_its_provinces_name(&self, place: &Place) -> bool {
        self.province(&place.province)
            .is_some_and(|p| p.names.iter().any(|n| n.eq_ignore_ascii_case(&place.name)))
    }

    /// The capital of the province with this ISO code.
    pub fn capital_of(&self, code: &str) -> Option<&Place> {
        self.capital_by_province.get(code).map(|&id| self.place(id))
    }

    /// The 34 provinces in gazetteer order.
    pub fn provinces(&self) -> impl Iterator<Item = &Place> {
        self.places.iter().filter(|p| p.kind == PlaceKind::Province)
    }

    /// The 34 provincial capitals in gazetteer order.
    pub fn capitals(&self) -> impl Iterator<Item = &Place> {
        self.places.iter().filter(|p| p.kind == PlaceKind::Capital)
    }

    /// Keys eligible for fuzzy matching, sorted.
    pub fn fuzzy_keys(&self) -> &[FuzzyKey] {
        &self.fuzzy
    }

    /// The capital or province whose long key is `key` but for its first
    /// letter ("rarinkot": Tarinkot), if any.
    pub fn first_letter_typo(&self, key: &str) -> Option<PlaceId> {
        let mut chars = key.chars();
        chars.next()?;
        self.by_key_tail.get(chars.as_str()).copied()
    }

    /// Keys of districts and sites that are not notable, sorted: a
    /// misspelling of one counts only where a district word vouches for it.
    pub fn district_fuzzy_keys(&self) -> &[FuzzyKey] {
        &self.district_fuzzy
    }

    /// Longest name in words.
    pub fn max_name_tokens(&self) -> usize {
        self.max_name_tokens
    }

    /// Is this lower-case word an ordinary Dutch or English word?
    pub fn is_common_word(&self, lower: &str) -> bool {
        self.common_words.contains(lower)
    }

    /// Person titles, given names and full names.
    pub fn persons(&self) -> &PersonLexicon {
        &self.persons
    }

    /// Checks the invariants the rest of opmars relies on.
    pub fn check(&self) -> Result<(), GazetteerError> {
        let provinces = self.provinces().count();
        let capitals = self.capitals().count();
        if provinces != PROVINCE_COUNT || capitals != PROVINCE_COUNT {
            return Err(GazetteerError::Inconsistent(format!(
                "{provinces} provinces and {capitals} capitals, expected {PROVINCE_COUNT} of each"
            )));
        }
        for p in self.provinces() {
            if self.capital_of(&p.province).is_none() {
                return Err(GazetteerError::Inconsistent(format!("{} has no capital", p.name)));
            }
        }
        for p in &self.places {
            if !(29.0..=39.0).contains(&p.lat) || !(60.0..=75.0).contains(&p.lon) {
                return Err(GazetteerError::Inconsistent(format!(
                    "{} lies outside Afghanistan",
                    p.name
                )));
            }
            if self.province(&p.province).is_none() {
                return Err(GazetteerError::Inconsistent(format!(
                    "{} has unknown province {}",
                    p.name, p.province
                )));
            }
        }
        Ok(())
    }
}

/// Lower case, diacritics stripped, separators as single spaces.
/// The other ways news writes a name whose ezafe is joined to a word
/// ("Guzargahi Nur", "Hazrati Sultan"): with the ezafe on its own
/// ("Guzargah-e Nur") and without it ("Hazrat Sultan"). Only for a word of
/// at least five letters ending in a consonant and "i", with a word after it.
fn ezafe_spellings(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut offset = 0;
    for word in name.split(' ') {
        let end = offset + word.len();
        let rest = &name[(end + 1).min(name.len())..];
        let bytes = word.as_bytes();
        if !rest.is_empty()
            && bytes.len() >= 5
            && bytes.iter().all(u8::is_ascii_alphabetic)
            && bytes[bytes.len() - 1] == b'i'
            && !matches!(bytes[bytes.len() - 2], b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
        {
            let stem = &name[..end - 1];
            out.push(format!("{stem}-e {rest}"));
            out.push(format!("{stem} {rest}"));
        }
        offset = end + 1;
    }
    out
}

/// A name whose ezafe stands on its own ("Baghlan-e Markazi", "Qala-ye
/// Naw") as news also writes it, without the ezafe ("Baghlan Markazi",
/// "Qala Naw"). Only an ezafe between two words.
fn ezafe_left_out(name: &str) -> Option<String> {
    const EZAFE: [&str; 4] = ["e", "i", "ye", "yi"];
    let words: Vec<&str> = name.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let interior = |i: usize| i > 0 && i + 1 < words.len();
    let is_ezafe = |i: usize, w: &str| interior(i) && EZAFE.iter().any(|e| w.eq_ignore_ascii_case(e));
    if !words.iter().enumerate().any(|(i, w)| is_ezafe(i, w)) {
        return None;
    }
    let kept: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|&(i, w)| !is_ezafe(i, w))
        .map(|(_, w)| *w)
        .collect();
    Some(kept.join(" "))
}

/// The other ways news writes the "and" of a two-part name ("Tala wa
/// Barfak", "Tala-o-Barfak", "Tala va Barfak"): the conjunction "wa", "va"
/// or "o", a word of its own between two others, written as each of the
/// others.
fn conjunction_spellings(name: &str) -> Vec<String> {
    const AND: [&str; 3] = ["wa", "va", "o"];
    let words: Vec<&str> = name.split(' ').collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let lower = w.to_ascii_lowercase();
        if i == 0 || i + 1 == words.len() || !AND.contains(&lower.as_str()) {
            continue;
        }
        for other in AND.iter().filter(|&&a| a != lower) {
            let mut spelled = words.clone();
            spelled[i] = other;
            out.push(spelled.join(" "));
        }
    }
    out
}

pub fn spaced_lower(s: &str) -> String {
    let lower = plain_lower(s);
    let mut out = String::with_capacity(lower.len());
    for word in lower.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn parse_tsv(tsv: &str) -> Result<Vec<Place>, GazetteerError> {
    let mut lines = tsv.lines().enumerate();
    let header = lines.next().ok_or(GazetteerError::MissingHeader)?.1;
    if !header.starts_with("id\tname\tkind") {
        return Err(GazetteerError::MissingHeader);
    }
    let mut places = Vec::new();
    for (n, line) in lines {
        let line_no = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: &str| GazetteerError::BadRow {
            line: line_no,
            message: message.to_owned(),
        };
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 8 {
            return Err(bad(&format!("expected 8 columns, found {}", cols.len())));
        }
        let geonames_id = cols[0].parse().map_err(|_| bad("bad id"))?;
        let kind = PlaceKind::parse(cols[2]).ok_or_else(|| bad("bad kind"))?;
        let lat: f64 = cols[4].parse().map_err(|_| bad("bad latitude"))?;
        let lon: f64 = cols[5].parse().map_err(|_| bad("bad longitude"))?;
        let population = cols[6].parse().map_err(|_| bad("bad population"))?;
        let name = cols[1].to_owned();
        if name.is_empty() {
            return Err(bad("empty name"));
        }
        let mut names: Vec<String> = vec![name.clone()];
        for n in cols[7].split('|').map(str::trim).filter(|n| !n.is_empty()) {
            if !names.iter().any(|x| x == n) {
                names.push(n.to_owned());
            }
        }
        places.push(Place {
            id: places.len() as PlaceId,
            geonames_id,
            name,
            kind,
            province: cols[3].to_owned(),
            lat,
            lon,
            population,
            names,
        });
    }
    Ok(places)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_gazetteer_is_consistent() {
        let g = Gazetteer::bundled();
        g.check().unwrap();
    }

    #[test]
    fn every_province_has_its_capital() {
        let g = Gazetteer::bundled();
        let pairs = [
            ("AF-KAB", "Kabul"),
            ("AF-BAL", "Mazar-i-Sharif"),
            ("AF-JOW", "Sheberghan"),
            ("AF-NIM", "Zaranj"),
            ("AF-URU", "Tarinkot"),
            ("AF-LOG", "Pul-e Alam"),
            ("AF-WAR", "Maidan Shahr"),
            ("AF-HEL", "Lashkar Gah"),
            ("AF-KAP", "Mahmud-i-Raqi"),
            ("AF-GHO", "Chaghcharan"),
            ("AF-BDG", "Qala-e Naw"),
            ("AF-PAN", "Bazarak"),
            ("AF-DAY", "Nili"),
        ];
        for (code, capital) in pairs {
            assert_eq!(g.capital_of(code).map(|p| p.name.as_str()), Some(capital), "{code}");
        }
    }

    #[test]
    fn spelling_variants_resolve() {
        let g = Gazetteer::bundled();
        let cases = [
            ("Kaboel", "Kabul"),
            ("Sjeberghan", "Sheberghan"),
            ("Shibirghan", "Sheberghan"),
            ("Mazar-i-Sharif", "Mazar-i-Sharif"),
            ("Mazar-e Sharif", "Mazar-i-Sharif"),
            ("Pul-e-Alam", "Pul-e Alam"),
            ("Pol-e Alam", "Pul-e Alam"),
            ("Tarin Kowt", "Tarinkot"),
            ("Lashkargah", "Lashkar Gah"),
            ("Koendoez", "Kunduz"),
            ("Heraat", "Herat"),
            // The ezafe written apart or left out.
            ("Hazrat Sultan", "Hazrati Sultan"),
            ("Guzargah-e Nur", "Guzargahi Nur"),
            ("Baghlan Markazi", "Baghlan"),
            ("Qala Naw", "Qala-e Naw"),
            // The "and" of a two-part name in each of its spellings.
            ("Tala-o-Barfak", "Tala wa Barfak"),
            ("Tala va Barfak", "Tala wa Barfak"),
            ("Khost-o-Feren", "Khost wa Feren"),
        ];
        for (spelling, name) in cases {
            let found = g
                .lookup(spelling)
                .iter()
                .map(|&id| g.place(id).name.as_str())
                .collect::<Vec<_>>();
            assert!(found.contains(&name), "{spelling} → {found:?}");
        }
    }

    #[test]
    fn provinces_resolve_by_dutch_and_english_names() {
        let g = Gazetteer::bundled();
        for (spelling, code) in [
            ("Balch", "AF-BAL"),
            ("Jowzjan", "AF-JOW"),
            ("Jawzjan", "AF-JOW"),
            ("Uruzgan", "AF-URU"),
            ("Helmand", "AF-HEL"),
            ("Nimruz", "AF-NIM"),
            ("Nimroz", "AF-NIM"),
            ("Tachar", "AF-TAK"),
        ] {
            let ids = g.lookup(spelling);
            assert!(
                ids.iter()
                    .any(|&id| g.place(id).kind == PlaceKind::Province && g.place(id).province == code),
                "{spelling}"
            );
        }
    }

    #[test]
    fn bare_names_prefer_the_city() {
        let g = Gazetteer::bundled();
        assert_eq!(g.find("Kandahar").map(|p| p.kind), Some(PlaceKind::Capital));
        assert_eq!(g.find("Helmand").map(|p| p.kind), Some(PlaceKind::Province));
    }

    #[test]
    fn districts_crossings_bases_and_areas_are_loaded() {
        let g = Gazetteer::bundled();
        let count = |k: PlaceKind| g.places().iter().filter(|p| p.kind == k).count();
        assert!(count(PlaceKind::District) >= 350, "{}", count(PlaceKind::District));
        assert!(count(PlaceKind::Crossing) >= 11);
        assert!(count(PlaceKind::Base) >= 12);
        assert!(count(PlaceKind::Area) >= 4);
        for (name, kind, code) in [
            ("Kamdesh", PlaceKind::District, "AF-NUR"),
            ("Saighan", PlaceKind::District, "AF-BAM"),
            ("Kahmard", PlaceKind::District, "AF-BAM"),
            ("Paryan", PlaceKind::District, "AF-PAN"),
            ("Torghundi", PlaceKind::Crossing, "AF-HER"),
            ("Islam Qala", PlaceKind::Crossing, "AF-HER"),
            ("Torkham", PlaceKind::Crossing, "AF-NAN"),
            ("Hairatan", PlaceKind::Crossing, "AF-BAL"),
            ("Sher Khan Bandar", PlaceKind::Crossing, "AF-KDZ"),
            ("Aqina", PlaceKind::Crossing, "AF-FYB"),
            ("Ghulam Khan", PlaceKind::Crossing, "AF-KHO"),
            ("Wesh", PlaceKind::Crossing, "AF-KAN"),
            ("Abu Nasr Farahi", PlaceKind::Crossing, "AF-FRA"),
            ("Milak", PlaceKind::Crossing, "AF-NIM"),
            ("Bagram Airfield", PlaceKind::Base, "AF-PAR"),
            ("Kandahar Airfield", PlaceKind::Base, "AF-KAN"),
            ("Hamid Karzai International Airport", PlaceKind::Base, "AF-KAB"),
            ("Shindand Air Base", PlaceKind::Base, "AF-HER"),
            ("Camp Bastion", PlaceKind::Base, "AF-HEL"),
            ("Camp Shorabak", PlaceKind::Base, "AF-HEL"),
            ("Kamp Holland", PlaceKind::Base, "AF-URU"),
            ("Mazar-i-Sharif Airport", PlaceKind::Base, "AF-BAL"),
            ("Kunduz Airport", PlaceKind::Base, "AF-KDZ"),
            ("Herat Airport", PlaceKind::Base, "AF-HER"),
            ("Pansjirvallei", PlaceKind::Province, "AF-PAN"),
            ("Andarab Valley", PlaceKind::Area, "AF-BGL"),
            ("Arghandab Valley", PlaceKind::Area, "AF-KAN"),
            ("Wakhan Corridor", PlaceKind::Area, "AF-BDS"),
        ] {
            let p = g.find(name).unwrap_or_else(|| panic!("{name} not found"));
            assert_eq!((p.kind, p.province.as_str()), (kind, code), "{name}");
        }
    }

    #[test]
    fn a_district_never_outranks_a_capital_province_or_big_town() {
        let g = Gazetteer::bundled();
        // Districts named like their capital are the capital's entry.
        for name in [
            "Kandahar",
            "Herat",
            "Kunduz",
            "Ghazni",
            "Fayzabad",
            "Qala-e Naw",
            "Khost",
        ] {
            assert_eq!(g.find(name).map(|p| p.kind), Some(PlaceKind::Capital), "{name}");
        }
        for ids in g.places().iter().flat_map(|p| p.names.iter()).map(|n| g.lookup(n)) {
            let first = g.place(ids[0]);
            for &id in &ids[1..] {
                let p = g.place(id);
                if matches!(p.kind, PlaceKind::Capital | PlaceKind::Province) || p.population >= 20_000 {
                    assert!(
                        !first.kind.is_district_or_site() || first.population >= 20_000,
                        "{}",
                        p.name
                    );
                }
            }
        }
    }

    #[test]
    fn search_finds_prefixes() {
        let g = Gazetteer::bundled();
        let hits = g.search("Kand", 5);
        assert!(hits.iter().any(|&id| g.place(id).name == "Kandahar"));
    }

    #[test]
    fn rejects_malformed_rows() {
        let header = "id\tname\tkind\tprovince\tlat\tlon\tpopulation\tnames\n";
        let err = Gazetteer::from_sources(&format!("{header}1\tX\tcity\tAF-KAB\t1\t2\t3\tX\n"), "", "").unwrap_err();
        assert!(err.to_string().contains("bad kind"), "{err}");
        let err = Gazetteer::from_sources(&format!("{header}1\tX\tplace\n"), "", "").unwrap_err();
        assert!(err.to_string().contains("columns"), "{err}");
        assert!(matches!(
            Gazetteer::from_sources("", "", ""),
            Err(GazetteerError::MissingHeader)
        ));
    }

    #[test]
    fn word_lists_sort_and_search() {
        let w = WordList::new("zebra\n# comment\n\napple\n  mango \nverovering\nabcdefgh\na\n");
        assert_eq!(w.len(), 6);
        for word in ["apple", "mango", "zebra", "verovering", "abcdefgh", "a"] {
            assert!(w.contains(word), "{word}");
        }
        for word in [
            "kabul",
            "",
            "appl",
            "apples",
            "veroverin",
            "abcdefg",
            "abcdefghi",
            "a\0",
            "\0a",
            "b",
        ] {
            assert!(!w.contains(word), "{word:?}");
        }
        let empty = WordList::default();
        assert!(!empty.contains("a") && !empty.contains("verovering") && empty.is_empty());
    }

    #[test]
    fn person_lexicon_sections() {
        let lex = PersonLexicon::parse("[titles]\nPresident\n[given]\nIsmail # name\n[people]\nIsmail Khan\n");
        assert!(lex.titles.contains("president"));
        assert!(lex.given.contains("ismail"));
        assert_eq!(lex.people, vec![vec!["ismail".to_owned(), "khan".to_owned()]]);
    }
}
