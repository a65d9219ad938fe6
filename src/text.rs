//! Text normalisation: tokenising article text and folding every token to a
//! *spelling-insensitive key*.
//!
//! Afghan place names reach Dutch and English news through several
//! transliteration traditions at once: English (Sheberghan, Jalalabad),
//! Dutch (Sjeberghan, Dzjalalabad, Kaboel), German (Schiberghan, Dschalalabad)
//! and French (Kaboul), plus the scholarly ones GeoNames lists (Shibirghān).
//! Listing every spelling is hopeless, so both the gazetteer names and the
//! article tokens are folded by the same rules to one key, and two spellings
//! match when their keys are equal:
//!
//! * case and diacritics are folded (`Hérat` = `Herat`, `Šarif` = `Sharif`);
//! * tokens are joined without separators, so hyphen, space and apostrophe
//!   variants are equal (`Pul-e-Alam` = `Pul-e Alam` = `Pule Alam`);
//! * Dutch, German and French digraphs fold to one consonant
//!   (`sj`/`sch` → `sh`, `oe`/`ou` → `u`, `dzj`/`dj`/`dsch` → `j`,
//!   `ch`/`kh`/`q`/`c`/`x` → `k`, `gh` → `g`);
//! * the vowel and semivowel spread of Persian romanisation is narrowed
//!   (`e` → `i`, `o` → `u`, `j`/`y` → `i`, `w` after a vowel → `u`),
//!   then doubled letters collapse and a word-final `h` after a vowel drops.
//!
//! The folding is deliberately lossy; the geoparser guards against the
//! resulting collisions with capitalisation, word boundaries and stoplists.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

/// One run of letters in a text, with its byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the source text.
    pub span: Range<usize>,
    /// The first letter is upper case.
    pub capitalised: bool,
    /// Every letter is upper case (acronyms, shouted headlines).
    pub all_caps: bool,
    /// The gap before this token joins it to the previous one inside a
    /// multi-word name: only spaces, hyphens or apostrophes, no line break.
    pub joined_to_previous: bool,
    /// The gap before this token is an apostrophe or hyphen with no space
    /// (`Qal'ah`, `Pul-e`).
    pub intra_word: bool,
}

/// Characters that act like an apostrophe inside transliterated names.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`' | 'ʼ' | 'ʻ' | 'ʿ' | 'ʾ' | '´' | '′')
}

/// Characters that act like a hyphen inside names (not dashes used as
/// punctuation, which are surrounded by spaces and so never join).
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '\u{00AD}')
}

/// Is `c` part of a word for tokenising purposes?
fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || is_combining_mark(c)
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Splits `text` into letter runs. Digits, punctuation and line breaks
/// separate tokens; the [`Token::joined_to_previous`] flag tells whether
/// the gap could sit inside a multi-word name.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 6);
    tokenize_into(text, &mut tokens);
    tokens
}

/// Like [`tokenize`], reusing the caller's buffer.
pub fn tokenize_into(text: &str, tokens: &mut Vec<Token>) {
    tokens.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut prev_end: Option<usize> = None;
    while i < bytes.len() {
        let b = bytes[i];
        // Fast path for ASCII non-letters.
        if b < 0x80 && !b.is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let c = match text[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        if !is_word_char(c) {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut capitalised = c.is_uppercase();
        let mut all_caps = true;
        let mut first = true;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if b.is_ascii_alphabetic() {
                    if first {
                        capitalised = b.is_ascii_uppercase();
                    }
                    all_caps &= b.is_ascii_uppercase();
                    first = false;
                    i += 1;
                    continue;
                }
                break;
            }
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if !is_word_char(c) {
                break;
            }
            if c.is_alphabetic() {
                if first {
                    capitalised = c.is_uppercase();
                }
                all_caps &= c.is_uppercase();
                first = false;
            }
            i += c.len_utf8();
        }
        let (joined, intra) = match prev_end {
            Some(pe) => classify_gap(&text[pe..start]),
            None => (false, false),
        };
        tokens.push(Token {
            span: start..i,
            capitalised,
            all_caps,
            joined_to_previous: joined,
            intra_word: intra,
        });
        prev_end = Some(i);
    }
}

/// `(joined, intra_word)` for the text between two tokens.
fn classify_gap(gap: &str) -> (bool, bool) {
    if gap.is_empty() || gap.len() > 6 {
        return (false, false);
    }
    let mut spaces = 0;
    let mut marks = 0;
    for c in gap.chars() {
        if c == ' ' || c == '\u{00A0}' || c == '\t' {
            spaces += 1;
        } else if is_hyphen(c) || is_apostrophe(c) {
            marks += 1;
        } else {
            return (false, false);
        }
    }
    if spaces > 2 || marks > 2 {
        return (false, false);
    }
    (true, spaces == 0)
}

/// Lower-cases `s`, maps letters that carry transliteration meaning
/// (`š` → `sh`, `ž` → `zh`, `ß` → `ss` …) and strips remaining diacritics.
/// Apostrophes, hyphens and spaces are kept as they are.
pub fn strip_diacritics_lower(s: &str, out: &mut String) {
    if s.is_ascii() {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
        // Typographic marks are never ASCII; ASCII needs no more work.
        return;
    }
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        match c {
            'š' | 'Š' | 'ş' | 'Ş' | 'ș' | 'Ș' => out.push_str("sh"),
            'ž' | 'Ž' => out.push_str("zh"),
            'č' | 'Č' | 'ç' | 'Ç' => out.push_str("ch"),
            'ğ' | 'Ğ' | 'ǧ' | 'Ǧ' => out.push_str("gh"),
            'ĝ' | 'Ĝ' | 'ĵ' | 'Ĵ' => out.push('j'),
            'ĥ' | 'Ĥ' => out.push_str("kh"),
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ø' | 'Ø' => out.push('o'),
            'ı' => out.push('i'),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
            'þ' | 'Þ' => out.push_str("th"),
            'ə' | 'Ə' => out.push('a'),
            c if is_apostrophe(c) => out.push('\''),
            c if is_hyphen(c) => out.push('-'),
            c => {
                for d in std::iter::once(c).nfd() {
                    if is_combining_mark(d) {
                        continue;
                    }
                    for l in d.to_lowercase() {
                        out.push(l);
                    }
                }
            }
        }
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Appends `c` unless it repeats `last`, the last char written (so
/// repeated letters collapse as they are written: `kandahaar`).
#[inline]
fn push_collapsed(out: &mut String, c: char, last: &mut Option<char>) {
    if *last != Some(c) {
        out.push(c);
        *last = Some(c);
    }
}

/// Folds one already lower-cased, diacritic-free word (ASCII letters; other
/// letters pass through) into the key alphabet, appending to `out` and
/// collapsing repeats after byte `floor`.
///
/// Digraphs and trigraphs, longest first: `tsch`/`tsj`/`tch`/`ch`/`kh`/`ck`
/// → `k`; `dsch`/`dzj`/`dzh`/`dj`/`zh` → `i`; `sch`/`sj`/`sz` → `sh`;
/// `gh` → `g`, `ph` → `f`, `th` → `t`, `dh` → `d`; `oe`/`ou`/`oo` → `u`;
/// `ee` → `i`. Then single letters: `q`/`c`/`x` → `k`; `j`/`y`/`e` → `i`;
/// `o` → `u`; `w` → `u` after a vowel and before a consonant, else `v`.
fn fold_word(word: &str, out: &mut String, floor: usize) {
    let bytes = word.as_bytes();
    let word_start = out.len();
    let mut last = if out.len() > floor {
        out.chars().next_back()
    } else {
        None
    };
    let last = &mut last;
    let at = |k: usize| bytes.get(k).copied().unwrap_or(0);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !b.is_ascii_lowercase() {
            // Non-ASCII letter: pass the whole char through.
            if b >= 0x80
                && let Some(c) = word[i..].chars().next()
            {
                push_collapsed(out, c, last);
                i += c.len_utf8();
                continue;
            }
            i += 1;
            continue;
        }
        let (n1, n2, n3) = (at(i + 1), at(i + 2), at(i + 3));
        let (emit, len): (&str, usize) = match b {
            b't' if n1 == b's' && n2 == b'c' && n3 == b'h' => ("k", 4),
            b't' if (n1 == b's' && n2 == b'j') || (n1 == b'c' && n2 == b'h') => ("k", 3),
            b't' if n1 == b'h' => ("t", 2),
            b'd' if n1 == b's' && n2 == b'c' && n3 == b'h' => ("i", 4),
            b'd' if n1 == b'z' && (n2 == b'j' || n2 == b'h') => ("i", 3),
            b'd' if n1 == b'j' => ("i", 2),
            b'd' if n1 == b'h' => ("d", 2),
            b's' if n1 == b'c' && n2 == b'h' => ("sh", 3),
            b's' if n1 == b'j' || n1 == b'z' => ("sh", 2),
            b'z' if n1 == b'h' => ("i", 2),
            b'c' | b'k' if n1 == b'h' || (b == b'c' && n1 == b'k') => ("k", 2),
            b'g' if n1 == b'h' => ("g", 2),
            b'p' if n1 == b'h' => ("f", 2),
            b'o' if matches!(n1, b'e' | b'u' | b'o') => ("u", 2),
            b'e' if n1 == b'e' => ("i", 2),
            b'q' | b'c' | b'x' | b'k' => ("k", 1),
            b'j' | b'y' | b'e' => ("i", 1),
            b'o' => ("u", 1),
            b'w' => {
                let after_vowel = i > 0 && is_vowel(bytes[i - 1]);
                let before_vowel = is_vowel(n1);
                (if after_vowel && !before_vowel { "u" } else { "v" }, 1)
            }
            _ => {
                push_collapsed(out, b as char, last);
                i += 1;
                continue;
            }
        };
        for c in emit.chars() {
            push_collapsed(out, c, last);
        }
        i += len;
    }
    // Word-final h after a vowel is silent in romanised Persian/Pashto
    // (Farah/Fara, Maymanah/Maymana, Gah).
    let fb = &out.as_bytes()[word_start..];
    if fb.len() >= 3 && fb[fb.len() - 1] == b'h' && is_vowel(fb[fb.len() - 2]) {
        out.pop();
    }
}

/// Folds one token's surface text to its key, appending to `out` (repeats
/// collapsed within the token). Reuses `scratch`.
pub fn fold_token_into(surface: &str, scratch: &mut String, out: &mut String) {
    let floor = out.len();
    if surface.bytes().all(|b| b.is_ascii_alphabetic()) {
        // The common case: letters only, no diacritics to strip.
        scratch.clear();
        scratch.push_str(surface);
        scratch.make_ascii_lowercase();
        fold_word(scratch, out, floor);
        return;
    }
    scratch.clear();
    strip_diacritics_lower(surface, scratch);
    for part in scratch.split(|c: char| c == '\'' || c == '-' || c.is_whitespace()) {
        if !part.is_empty() {
            fold_word(part, out, floor);
        }
    }
}

/// The spelling-insensitive key of a name or phrase: every word folded and
/// joined without separators, repeated letters collapsed.
///
/// ```
/// use opmars::text::fold_key;
/// assert_eq!(fold_key("Sjeberghan"), fold_key("Shibirghan"));
/// assert_eq!(fold_key("Pul-e-Alam"), fold_key("Pol-e Alam"));
/// assert_eq!(fold_key("Kaboel"), fold_key("Kabul"));
/// ```
pub fn fold_key(name: &str) -> String {
    let mut scratch = String::new();
    let mut out = String::new();
    strip_diacritics_lower(name, &mut scratch);
    for part in scratch.split(|c: char| c == '\'' || c == '-' || !c.is_alphabetic()) {
        if !part.is_empty() {
            fold_word(part, &mut out, 0);
        }
    }
    out
}

/// Lower-cases `text` without changing any byte offset: characters whose
/// lower case has another UTF-8 length are kept as they are. ASCII runs are
/// lowered a byte at a time.
pub fn lowercase_same_offsets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..].iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len() - i);
        if run > 0 {
            let chunk = &text[i..i + run];
            out.push_str(chunk);
            let start = out.len() - run;
            out[start..].make_ascii_lowercase();
            i += run;
            continue;
        }
        let Some(c) = text[i..].chars().next() else { break };
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
        i += c.len_utf8();
    }
    out
}

/// Lower-cased, diacritic-free form of a surface, separators kept: the
/// form used for stoplists and common-word checks.
pub fn plain_lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    strip_diacritics_lower(s, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) {
        assert_eq!(fold_key(a), fold_key(b), "{a} vs {b}");
    }

    #[test]
    fn case_and_diacritics_fold() {
        same("Hérat", "HERAT");
        same("Mazār-e Sharīf", "Mazar-e Sharif");
        same("Mazar-e Šarif", "Mazar-e Sharif");
        same("Pul-e Əlam", "Pul-e Alam");
        same("Qanḏahāṟ", "Kandahar");
    }

    #[test]
    fn separators_fold() {
        same("Pul-e-Alam", "Pul-e Alam");
        same("Pul-e Alam", "Pul-i-Alam");
        same("Pul-e Alam", "Pol-e Alam");
        same("Pul-e ‘Alam", "Pule Alam");
        same("Lashkar Gah", "Lashkargah");
        same("Lashkar-Gah", "Lashkar Gah");
        same("Mazar-i-Sharif", "Mazari Sharif");
        same("Tarin Kowt", "Tarinkot");
    }

    #[test]
    fn dutch_german_french_digraphs_fold() {
        same("Sjeberghan", "Sheberghan");
        same("Sjeberghan", "Shibirghan");
        same("Schibirghan", "Shibirghan");
        same("Kaboel", "Kabul");
        same("Kaboul", "Kabul");
        same("Koendoez", "Kunduz");
        same("Dzjalalabad", "Jalalabad");
        same("Dschalalabad", "Jalalabad");
        same("Djalalabad", "Jalalabad");
        same("Balch", "Balkh");
        same("Tachar", "Takhar");
        same("Tsjarikar", "Charikar");
        same("Tscharikar", "Charikar");
        same("Mazar-e-Sjarif", "Mazar-i-Sharif");
        same("Nimroz", "Nimruz");
        same("Sar-e Poel", "Sar-e Pul");
        same("Oeroezgan", "Uruzgan");
    }

    #[test]
    fn vowels_and_semivowels_fold() {
        same("Maymana", "Maimana");
        same("Majmana", "Maimana");
        same("Fajzabad", "Faizabad");
        same("Gardeyz", "Gardez");
        same("Qandahar", "Kandahar");
        same("Kandahaar", "Kandahar");
        same("Hilmand", "Helmand");
        same("Farah", "Farrah");
        same("Maymanah", "Maymana");
        same("Wardak", "Vardak");
        same("Jowzjan", "Jozjan");
    }

    #[test]
    fn different_places_stay_different() {
        assert_ne!(fold_key("Kabul"), fold_key("Kunduz"));
        assert_ne!(fold_key("Herat"), fold_key("Helmand"));
        assert_ne!(fold_key("Sheberghan"), fold_key("Seberghan"));
        assert_ne!(fold_key("Khost"), fold_key("Kost ik"));
    }

    #[test]
    fn tokenizer_spans_and_joins() {
        let text = "In Pul-e-Alam, 70 km van Kabul's centrum; Mazar-i-Sharif.\nHerat";
        let toks = tokenize(text);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.span.clone()]).collect();
        assert_eq!(
            words,
            [
                "In", "Pul", "e", "Alam", "km", "van", "Kabul", "s", "centrum", "Mazar", "i", "Sharif", "Herat"
            ]
        );
        assert!(toks[2].joined_to_previous && toks[2].intra_word);
        assert!(toks[3].joined_to_previous);
        assert!(!toks[4].joined_to_previous, "comma and digits break a name");
        assert!(toks[6].capitalised);
        assert!(!toks[12].joined_to_previous, "a line break ends a name");
    }

    #[test]
    fn tokenizer_handles_non_ascii_and_caps() {
        let text = "KABUL — Qal‘ah-ye Now ëën";
        let toks = tokenize(text);
        assert!(toks[0].all_caps && toks[0].capitalised);
        assert!(!toks[1].joined_to_previous, "an em dash with spaces is punctuation");
        assert_eq!(&text[toks[2].span.clone()], "ah");
        assert!(toks[2].intra_word);
        assert_eq!(&text[toks.last().unwrap().span.clone()], "ëën");
    }

    #[test]
    fn fold_token_matches_fold_key() {
        let mut scratch = String::new();
        let mut out = String::new();
        fold_token_into("Sjeberghan", &mut scratch, &mut out);
        assert_eq!(out, fold_key("Sjeberghan"));
    }
}
