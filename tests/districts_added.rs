//! Districts that the gazetteer gained after the first district build (rows
//! of data/curated_districts.tsv that give a point or a news spelling to a
//! district the source lacked or misspelled), each in a sentence of our own.
//! Each must resolve to the right district entry in the right province.

use opmars::gazetteer::{Gazetteer, PlaceKind};
use opmars::geoparse::find_mentions;
use opmars::sentences::split_sentences;

/// (sentence, the name as written, canonical name of the entry, its province)
const CASES: &[(&str, &str, &str, &str)] = &[
    ("Fighting was reported in Dand district.", "Dand", "Dand", "AF-KAN"),
    (
        "The Taliban overran the Sar Hawza district of Paktika.",
        "Sar Hawza",
        "Sar Hawza",
        "AF-PKA",
    ),
    (
        "De Taliban namen het district Khwaja Bahauddin in Takhar in.",
        "Khwaja Bahauddin",
        "Khwaja Bahauddin",
        "AF-TAK",
    ),
    (
        "Government forces withdrew from Warduj district.",
        "Warduj",
        "Wurduj",
        "AF-BDS",
    ),
    (
        "The Ashtarlay district centre fell on Tuesday.",
        "Ashtarlay",
        "Ishtarlay",
        "AF-DAY",
    ),
    (
        "Clashes broke out in Musahi district south of Kabul.",
        "Musahi",
        "Musahi",
        "AF-KAB",
    ),
    (
        "Zazai Aryub district in Paktia was taken.",
        "Zazai Aryub",
        "Jaji",
        "AF-PIA",
    ),
    (
        "The Taliban attacked Anaba district in Panjshir.",
        "Anaba",
        "Anaba",
        "AF-PAN",
    ),
    (
        "Khogyani district in Nangarhar fell to the Taliban.",
        "Khogyani",
        "Khogyani",
        "AF-NAN",
    ),
    // Ghazni's Khogyani shares the name: a province named nearby decides.
    (
        "In Ghazni, the Taliban took Khogyani district.",
        "Khogyani",
        "Khogyani",
        "AF-GHA",
    ),
];

#[test]
fn added_districts_are_found_by_name() {
    let g = Gazetteer::bundled();
    let mut missing = Vec::new();
    for &(text, written, name, province) in CASES {
        let sentences = split_sentences(text, 0);
        let mentions = find_mentions(g, text, 0, &sentences);
        let found = mentions.iter().find(|m| &text[m.span.clone()] == written);
        match found.map(|m| g.place(m.place)) {
            Some(p) if p.name == name && p.province == province && p.kind == PlaceKind::District => {}
            other => missing.push(format!(
                "{written:?} in {text:?}: {:?}",
                other.map(|p| (&p.name, p.kind, &p.province))
            )),
        }
    }
    assert!(
        missing.is_empty(),
        "{} not resolved:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

/// The new names do not turn ordinary words into places: "dand" is no
/// Dutch or English word, but neither sentence names a place.
#[test]
fn added_district_names_do_not_match_ordinary_text() {
    let g = Gazetteer::bundled();
    for text in [
        "De regering kondigde maandag nieuwe maatregelen aan.",
        "The band played and the crowd danced until dawn.",
    ] {
        let sentences = split_sentences(text, 0);
        let mentions = find_mentions(g, text, 0, &sentences);
        assert!(
            mentions.is_empty(),
            "{text:?}: {:?}",
            mentions.iter().map(|m| &text[m.span.clone()]).collect::<Vec<_>>()
        );
    }
}
