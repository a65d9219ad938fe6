//! Properties of the text normaliser (`opmars::text`): tokenising and the
//! spelling-insensitive fold.
//!
//! What does *not* hold, deliberately: `fold_key` is not idempotent
//! (`fold_key("xh") == "kh"` but `fold_key("kh") == "k"`: single-letter
//! maps can create a digraph the second pass folds again), and removing
//! the separators between words may change the key (`Pas Chah` vs
//! `Paschah`: `sch` is a trigraph only within a word). Neither matters:
//! keys are only ever compared with keys folded once from surfaces.

use proptest::prelude::*;

use opmars::text::{fold_key, is_apostrophe, is_hyphen, plain_lower, tokenize};

/// Words of ASCII letters, as place names in the gazetteer are.
fn words() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("[A-Za-z]{1,10}", 1..5)
}

/// Letters and marks that occur in transliterated names, plus separators,
/// digits and punctuation.
fn name_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            "[a-zA-Z]{1,6}",
            Just("é".to_owned()),
            Just("ā".to_owned()),
            Just("š".to_owned()),
            Just("Ḏ".to_owned()),
            Just("ë".to_owned()),
            Just("ß".to_owned()),
            Just("Ə".to_owned()),
            Just("\u{0301}".to_owned()),
            Just("’".to_owned()),
            Just("'".to_owned()),
            Just("-".to_owned()),
            Just(" ".to_owned()),
            Just("\u{00A0}".to_owned()),
            Just("–".to_owned()),
            Just("\n".to_owned()),
            Just("12".to_owned()),
            Just(", ".to_owned()),
            Just("كابل".to_owned()),
        ],
        0..12,
    )
    .prop_map(|parts| parts.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), name_like()]
}

proptest! {
    #[test]
    fn fold_key_never_panics_and_keeps_only_letters(s in any_text()) {
        let key = fold_key(&s);
        prop_assert!(key.chars().all(char::is_alphabetic), "{key:?}");
        prop_assert_eq!(&key, &key.to_lowercase());
        // Repeated letters are collapsed.
        let chars: Vec<char> = key.chars().collect();
        prop_assert!(chars.windows(2).all(|w| w[0] != w[1]), "{key:?}");
        let _ = plain_lower(&s);
    }

    #[test]
    fn fold_key_ignores_ascii_case(s in any_text()) {
        prop_assert_eq!(fold_key(&s.to_ascii_uppercase()), fold_key(&s.to_ascii_lowercase()));
    }

    #[test]
    fn separators_between_words_do_not_matter(
        ws in words(),
        seps in prop::collection::vec(
            prop::sample::select(vec![" ", "-", "'", "’", "  ", " - ", "-'", "‑", "\u{00A0}", "ʿ"]),
            4,
        ),
    ) {
        let spaced = ws.join(" ");
        let mut mixed = String::new();
        for (i, w) in ws.iter().enumerate() {
            if i > 0 {
                mixed.push_str(seps[i - 1]);
            }
            mixed.push_str(w);
        }
        prop_assert_eq!(fold_key(&mixed), fold_key(&spaced), "{} vs {}", mixed, spaced);
    }

    #[test]
    fn a_word_folds_like_its_capitalised_and_accented_forms(w in "[a-z]{1,12}") {
        let mut capitalised = w.clone();
        capitalised[..1].make_ascii_uppercase();
        prop_assert_eq!(fold_key(&capitalised), fold_key(&w));
        // An acute accent on a vowel changes nothing.
        let accented: String = w
            .chars()
            .map(|c| match c {
                'a' => 'á',
                'e' => 'é',
                'i' => 'í',
                'o' => 'ó',
                'u' => 'ú',
                c => c,
            })
            .collect();
        prop_assert_eq!(fold_key(&accented), fold_key(&w));
    }

    #[test]
    fn tokens_are_ordered_in_bounds_letter_runs(text in any_text()) {
        let tokens = tokenize(&text);
        let mut covered = vec![false; text.len()];
        let mut prev_end = 0;
        for (i, t) in tokens.iter().enumerate() {
            prop_assert!(t.span.start < t.span.end, "empty token");
            prop_assert!(t.span.end <= text.len());
            prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            prop_assert!(i == 0 || t.span.start > prev_end, "overlap or touching tokens");
            prev_end = t.span.end;
            let surface = &text[t.span.clone()];
            prop_assert!(
                surface.chars().all(|c| c.is_alphabetic() || is_mark(c)),
                "{surface:?} is not letters"
            );
            prop_assert_eq!(
                t.all_caps,
                surface.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
            );
            prop_assert!(!t.intra_word || t.joined_to_previous);
            if i == 0 {
                prop_assert!(!t.joined_to_previous);
            } else {
                let gap = &text[tokens[i - 1].span.end..t.span.start];
                if t.joined_to_previous {
                    prop_assert!(
                        gap.chars().all(|c| c == ' ' || c == '\u{00A0}' || c == '\t' || is_hyphen(c) || is_apostrophe(c)),
                        "{gap:?} joins"
                    );
                }
                if gap.contains('\n') {
                    prop_assert!(!t.joined_to_previous, "a line break joins");
                }
            }
            covered[t.span.clone()].iter_mut().for_each(|c| *c = true);
        }
        // Every letter is in a token.
        for (i, c) in text.char_indices() {
            if c.is_alphabetic() {
                prop_assert!(covered[i], "{c:?} at {i} left out");
            }
        }
    }
}

/// Combining marks the tokenizer keeps inside words.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

#[test]
fn fold_key_is_not_idempotent_and_need_not_be() {
    assert_eq!(fold_key("xh"), "kh");
    assert_eq!(fold_key("kh"), "k");
}
