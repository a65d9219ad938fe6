//! Sentence and paragraph segmentation.
//!
//! Capture reports are decided per sentence, so a sentence boundary in the
//! wrong place attaches a cue to the wrong city. News text is mostly
//! well-punctuated, but it also carries headings without a full stop,
//! embedded tweets ending in `— Reuters (@Reuters) August 12, 2021`, URLs
//! full of dots and abbreviations (`o.a.`, `U.S.`, `dhr.`). This splitter
//! breaks at line ends and at `.`, `!`, `?` (plus closing quotes) that are
//! followed by white space and a capital, digit or quote — unless the full
//! stop ends a known abbreviation or a single initial.

use std::ops::Range;

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "dhr", "mr", "mrs", "ms", "dr", "drs", "ir", "prof", "st", "mw", "mevr", "jr", "sr", "gen", "lt", "col", "sgt",
    "capt", "cmdr", "gov", "sen", "rep", "pres", "nr", "vs", "ca", "bijv", "bv", "oa", "ie", "eg", "etc", "jan", "feb",
    "mrt", "apr", "aug", "sep", "sept", "okt", "oct", "nov", "dec", "zgn", "resp", "incl", "excl", "km", "ong",
    "ongev", "afb", "fig",
];

/// Splits `text` (from byte `from` on) into sentence spans, trimmed of
/// surrounding white space. Empty stretches produce no sentence.
pub fn split_sentences(text: &str, from: usize) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(text.len() / 64);
    let bytes = text.as_bytes();
    let mut start = from.min(text.len());
    let mut i = start;
    // Only line ends and terminators can end a sentence: skip to the next,
    // found by vectorised searches (the next line end is kept while ahead).
    let mut line_end: Option<usize> = None;
    loop {
        if line_end.is_none_or(|l| l < i) {
            line_end = memchr::memchr2(b'\n', b'\r', &bytes[i..]).map(|k| i + k);
        }
        let terminator = memchr::memchr3(b'.', b'!', b'?', &bytes[i..line_end.unwrap_or(bytes.len())]).map(|k| i + k);
        let Some(next) = terminator.or(line_end) else { break };
        i = next;
        if matches!(bytes[i], b'\n' | b'\r') {
            push_trimmed(text, start..i, &mut out);
            i += 1;
            start = i;
            continue;
        }
        // Include closing quotes/brackets that follow the terminator.
        let mut end = i + 1;
        while let Some(c) = text[end..].chars().next() {
            if matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | '.' | '!' | '?') {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        if is_boundary(text, i, end) {
            push_trimmed(text, start..end, &mut out);
            start = end;
        }
        i = end;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    let r = range.start + lead..range.end - trail;
    if r.start < r.end && text[r.clone()].chars().any(char::is_alphanumeric) {
        out.push(r);
    }
}

/// Does the terminator at `term` (ending at `end`) close a sentence?
fn is_boundary(text: &str, term: usize, end: usize) -> bool {
    let after = &text[end..];
    // Must be followed by white space (or the end of the text).
    let Some(first) = after.chars().next() else {
        return true;
    };
    if !first.is_whitespace() {
        return is_glued_boundary(text, term, end);
    }
    let next = after.trim_start_matches([' ', '\t', '\u{00A0}']);
    let Some(n) = next.chars().next() else {
        return true;
    };
    if n == '\n' || n == '\r' {
        return true;
    }
    if !(n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '\'' | '“' | '‘' | '„' | ',' | '(' | '«')) {
        return false;
    }
    if text.as_bytes()[term] != b'.' {
        return true;
    }
    // The word before the full stop, dots included ("o.a", "U.S").
    let before = &text[..term];
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(term, |(i, _)| i);
    let word = &before[word_start..];
    let mut bare = word.chars().filter(|&c| c != '.');
    let Some(first) = bare.next() else {
        return true;
    };
    // Single initials (J. Biden) and dotted abbreviations (o.a., U.S.).
    if bare.next().is_none() {
        let mut lower = first.to_lowercase();
        if let (Some(l), None) = (lower.next(), lower.next())
            && l.is_alphabetic()
        {
            return false;
        }
    }
    if word.contains('.') {
        return false;
    }
    !is_abbreviation(word)
}

/// A stop glued to the next sentence, as text copied from a page often
/// has it ("wrote on Twitter.On Friday", "continues.Panjshir is"): a word
/// of at least three lower-case letters, the stop, then a capitalised
/// word. Not in a web address or a handle ("pic.twitter.com/AbCd",
/// "@Mujahid.Zabi"), nor after a dotted abbreviation.
fn is_glued_boundary(text: &str, term: usize, end: usize) -> bool {
    let mut next = text[end..].chars();
    if !(next.next().is_some_and(char::is_uppercase) && next.next().is_some_and(char::is_lowercase)) {
        return false;
    }
    let token_start = text[..term]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| !c.is_whitespace())
        .last()
        .map_or(term, |(i, _)| i);
    let token_end = text[end..].find(char::is_whitespace).map_or(text.len(), |k| end + k);
    let token = &text[token_start..token_end];
    if token.contains(['/', '@', ':', '#', '=']) || text[token_start..term].contains('.') {
        return false;
    }
    text[token_start..term]
        .chars()
        .rev()
        .take(3)
        .filter(|c| c.is_lowercase())
        .count()
        == 3
}

/// Is `word` (no dots) one of the [`ABBREVIATIONS`], in any case?
fn is_abbreviation(word: &str) -> bool {
    if word.is_ascii() {
        ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
    } else {
        // Some non-ASCII letters lower-case to ASCII (the Kelvin sign to k).
        ABBREVIATIONS.contains(&word.to_lowercase().as_str())
    }
}

/// Paragraph spans: stretches separated by blank lines or single line
/// breaks (news text puts one paragraph on each line).
pub fn split_paragraphs(text: &str, from: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = from.min(text.len());
    for (i, b) in text.bytes().enumerate().skip(start) {
        if b == b'\n' || b == b'\r' {
            push_trimmed(text, start..i, &mut out);
            start = i + 1;
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text, 0).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_on_terminators_before_capitals() {
        assert_eq!(
            sentences("De stad viel. Het leger vluchtte! Wat nu? 12 doden."),
            ["De stad viel.", "Het leger vluchtte!", "Wat nu?", "12 doden."]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            sentences("Volgens dhr. Karimi en o.a. de U.S. Army is J. Doe weg. Klaar."),
            ["Volgens dhr. Karimi en o.a. de U.S. Army is J. Doe weg.", "Klaar."]
        );
    }

    #[test]
    fn urls_and_decimals_do_not_split() {
        assert_eq!(
            sentences("See https://t.co/AbC pic.twitter.com/XyZ — Reuters (@Reuters) August 12, 2021"),
            ["See https://t.co/AbC pic.twitter.com/XyZ — Reuters (@Reuters) August 12, 2021"]
        );
        assert_eq!(sentences("Het kost 1.5 miljoen."), ["Het kost 1.5 miljoen."]);
    }

    #[test]
    fn line_breaks_end_sentences_and_quotes_stay_attached() {
        assert_eq!(
            sentences("Kop zonder punt\n\"De stad is gevallen.\" Zei hij."),
            ["Kop zonder punt", "\"De stad is gevallen.\"", "Zei hij."]
        );
    }

    #[test]
    fn a_stop_glued_to_the_next_sentence_splits() {
        assert_eq!(
            sentences("He wrote on Twitter.On Friday the city fell.Kabul is calm."),
            ["He wrote on Twitter.", "On Friday the city fell.", "Kabul is calm."]
        );
        // Not in addresses, handles, abbreviations or initials.
        assert_eq!(
            sentences("See pic.twitter.com/AbCd and nos.nl/Artikel or @taliban.Press and U.S.Army or J.Doe."),
            ["See pic.twitter.com/AbCd and nos.nl/Artikel or @taliban.Press and U.S.Army or J.Doe."]
        );
    }

    #[test]
    fn lowercase_after_stop_does_not_split() {
        assert_eq!(
            sentences("Ongeveer 3 km. ten zuiden ervan."),
            ["Ongeveer 3 km. ten zuiden ervan."]
        );
    }

    #[test]
    fn paragraphs_are_lines() {
        let text = "Eerste alinea.\n\nTweede. Nog een zin.\n";
        let paras: Vec<&str> = split_paragraphs(text, 0).into_iter().map(|r| &text[r]).collect();
        assert_eq!(paras, ["Eerste alinea.", "Tweede. Nog een zin."]);
    }
}
