//! Publication dates inferred for the whole corpus at once: own test
//! articles (our sentences) where dating articles one after another goes
//! wrong and dating them jointly, to a fixed point, gets it right; and the
//! order in which articles are read changes nothing.

use chrono::NaiveDate;
use opmars::article::{Article, bundled_seeds};
use opmars::corpus::{Corpus, DateBasis};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, m, day).unwrap()
}

fn article(name: &str, text: &str) -> Article {
    Article::from_plain_text(name, text.to_owned()).unwrap()
}

/// The first report of the place called `name` in a one-article corpus
/// of `text`.
fn report_in(text: &str, name: &str) -> opmars::corpus::DatedReport {
    let id = opmars::gazetteer::Gazetteer::bundled().find(name).unwrap().id;
    let c = Corpus::build(vec![article("a.txt", text)]);
    c.reports
        .into_iter()
        .find(|r| r.place() == id)
        .unwrap_or_else(|| panic!("{name} reported in {text:?}"))
}

/// Kunduz fell on 8 August, Aybak on the 9th, Farah on the 10th.
///
/// B says Kunduz fell (no day) and Aybak fell today: on the 8th or the 9th
/// as far as Kunduz goes, a tie a one-pass dating breaks towards the 8th
/// (and dates Aybak's fall a day early). Only C, dated through Farah, says
/// when Aybak fell; joint dating lets C's vote decide B's day.
fn chain() -> Vec<Article> {
    vec![
        article(
            "a.txt",
            "date 2021-08-09\nGisteren viel Kunduz in handen van de Taliban.",
        ),
        article(
            "b.txt",
            "date 2021-08\nKunduz is gevallen. Vandaag is ook Aybak gevallen, melden bewoners.",
        ),
        article("c.txt", "Gisteren viel Aybak. Vandaag veroverden de Taliban ook Farah."),
        article(
            "d.txt",
            "date 2021-08-11\nDe stad Farah werd gisteren door de Taliban ingenomen.",
        ),
    ]
}

/// The publication day the corpus of `texts` (name, text) gives its
/// article `u.txt`.
fn undated_day(texts: &[(&str, &str)]) -> Option<NaiveDate> {
    let c = Corpus::build(texts.iter().map(|(n, t)| article(n, t)).collect());
    dates(&c).into_iter().find(|(n, _)| n == "u.txt").and_then(|(_, d)| d)
}

fn dates(c: &Corpus) -> Vec<(String, Option<NaiveDate>)> {
    let mut v: Vec<(String, Option<NaiveDate>)> = c
        .articles
        .iter()
        .zip(&c.publications)
        .map(|(a, p)| (a.name.clone(), p.date))
        .collect();
    v.sort();
    v
}

#[test]
fn joint_dating_settles_a_chain_of_articles() {
    let c = Corpus::build(chain());
    assert_eq!(
        dates(&c),
        [
            ("a.txt".to_owned(), Some(d(8, 9))),
            ("b.txt".to_owned(), Some(d(8, 9))),
            ("c.txt".to_owned(), Some(d(8, 10))),
            ("d.txt".to_owned(), Some(d(8, 11))),
        ]
    );
    let basis: Vec<DateBasis> = c.publications.iter().map(|p| p.basis).collect();
    assert_eq!(
        basis,
        [
            DateBasis::Stated,
            DateBasis::Corpus,
            DateBasis::Corpus,
            DateBasis::Stated
        ]
    );
}

#[test]
fn the_order_of_the_articles_changes_nothing() {
    let mut articles = chain();
    articles.extend(bundled_seeds());
    let expected = dates(&Corpus::build(articles.clone()));
    // Every rotation and its reverse: each article first and last once.
    for k in 0..articles.len() {
        let mut shuffled = articles.clone();
        shuffled.rotate_left(k);
        assert_eq!(dates(&Corpus::build(shuffled.clone())), expected, "rotated by {k}");
        shuffled.reverse();
        assert_eq!(dates(&Corpus::build(shuffled)), expected, "rotated by {k}, reversed");
    }
}

#[test]
fn a_heading_date_or_dateline_gives_the_day() {
    let c = Corpus::build(vec![
        article(
            "a.txt",
            "Taliban take Kunduz\nMonday, 9 August 2021 - 10:32\nThe Taliban captured Kunduz on Sunday.",
        ),
        article(
            "b.txt",
            "KABUL, Aug 14: The Taliban captured Sharana on Saturday, officials said.",
        ),
        // A photo's date heads the article, but the text goes on to later days.
        article(
            "c.txt",
            "Afghan soldiers on patrol in Herat on June 23, 2021.\nThe Taliban seized Islam Qala on July 8, officials said on Friday.",
        ),
    ]);
    assert_eq!(c.publications[0].date, Some(d(8, 9)));
    assert_eq!(c.publications[0].basis, DateBasis::Text);
    assert_eq!(c.publications[1].date, Some(d(8, 14)));
    assert!(
        c.publications[2].date.is_some_and(|p| p >= d(7, 8)),
        "{:?}",
        c.publications[2]
    );
}

#[test]
fn a_day_word_beside_a_date_gives_the_day() {
    let c = Corpus::build(vec![
        article("a.txt", "date 2021-06-20\nThe Taliban took Imam Sahib district."),
        article(
            "b.txt",
            "The Taliban took control of Sayed Abad and Chak districts yesterday, June 26, officials said.",
        ),
        article("c.txt", "Gisteren (23 juni) namen de Taliban Khanabad in."),
        // A date alone is only a bound.
        article(
            "d.txt",
            "The Taliban took Khanabad on June 23, officials said on Friday.",
        ),
    ]);
    assert_eq!(c.publications[1].date, Some(d(6, 27)));
    assert_eq!(c.publications[1].basis, DateBasis::Text);
    assert_eq!(c.publications[2].date, Some(d(6, 24)));
    assert_ne!(c.publications[3].basis, DateBasis::Text);
}

#[test]
fn a_deadline_is_no_lower_bound() {
    let c = Corpus::build(vec![
        article("a.txt", "date 2021-08-15\nDe Taliban namen vandaag Jalalabad in."),
        article(
            "b.txt",
            "De Taliban veroverden zondagochtend Jalalabad. De terugtrekking moet tegen 31 augustus rond zijn.",
        ),
    ]);
    assert_eq!(c.publications[1].date, Some(d(8, 15)));
}

#[test]
fn an_ordinal_is_checked_against_the_count_of_captured_capitals() {
    let c = Corpus::build(vec![
        article("a.txt", "date 2021-08-07\nGisteren viel Zaranj."),
        article("b.txt", "date 2021-08-08\nGisteren viel Sheberghan."),
        article(
            "c.txt",
            "date 2021-08-09\nGisteren vielen Kunduz, Taloqan en Sar-e Pul.",
        ),
        // No day of its own: the fifth capital fell on the 8th.
        article(
            "d.txt",
            "date 2021-08\nHet is de vijfde provinciehoofdstad die in handen van de Taliban valt.",
        ),
    ]);
    let p = c.publications[3].date.unwrap();
    assert!(p == d(8, 8) || p == d(8, 9), "{p}");
}

#[test]
fn cli_articles_lists_dates_and_how_they_are_known() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_opmars"))
        .args(["articles", "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("article,title,url,published,basis,confidence,mentions,reports")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 5);
    for r in &rows {
        assert!(r[3].starts_with("2021-08-"), "{r:?}");
        assert!(["text", "corpus"].contains(&r[4]), "{r:?}");
        assert!(r[6].parse::<usize>().unwrap() > 0, "{r:?}");
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_opmars"))
        .args(["articles", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(5));
    assert!(v[0]["basis"].is_string() && v[0]["confidence"].is_number());
}

/// A photo caption ends with its date after a comma: the day of what it
/// shows, also in a clause that would otherwise take no day ("after …").
#[test]
fn a_caption_date_dates_its_whole_sentence() {
    let c = Corpus::build(vec![article(
        "cap.txt",
        "date 2021-08-12\nSoldiers stand guard after they took back control of parts of Kunduz city following heavy fighting with the Taliban, in Kunduz, Afghanistan, 05 August 2021.",
    )]);
    let dated: Vec<Option<NaiveDate>> = c.reports.iter().map(|r| r.event.map(|e| e.date)).collect();
    assert!(!dated.is_empty());
    assert!(dated.iter().all(|&e| e == Some(d(8, 5))), "{dated:?}");
}

/// A dated caption reads like a headline (no full stop after its credit)
/// but is the page's own report, even after the body has begun; "a day
/// after" counts back from the caption's day.
#[test]
fn a_dated_caption_after_the_body_reports_a_day_before_its_date() {
    let c = Corpus::build(vec![article(
        "cap2.txt",
        "date 2021-08-16
Two more capitals fell to the Taliban on Sunday, officials in Kabul said.
Fighters pose a day after taking control of Ghazni, Afghanistan, 14 August 2021. PHOTO/AGENCY
",
    )]);
    let ghazni: Vec<Option<NaiveDate>> = c
        .reports
        .iter()
        .filter(|r| opmars::gazetteer::Gazetteer::bundled().place(r.place()).name == "Ghazni")
        .map(|r| r.event.map(|e| e.date))
        .collect();
    assert_eq!(ghazni, [Some(d(8, 13))]);
}

/// A page headed by its publication and a later update: the update's date
/// is not the day the article appeared; alone, it is the best there is.
#[test]
fn a_later_update_date_is_not_the_publication_day() {
    let updated = Corpus::build(vec![article(
        "upd.txt",
        "Fighting reaches the edge of Herat\n14:14 GMT 31.07.2021 (Updated: 16:48 GMT 08.01.2023)\nTaliban fighters attacked the outskirts of Herat on Friday, officials said.\n",
    )]);
    assert_eq!(updated.publications[0].date, Some(d(7, 31)));
    let only_updated = Corpus::build(vec![article(
        "only.txt",
        "Fighting near Ghazni\nUpdated: 02.08.2021\nTaliban fighters attacked the outskirts of Ghazni, officials said.\n",
    )]);
    assert_eq!(only_updated.publications[0].date, Some(d(8, 2)));
}

#[test]
fn a_date_its_sentence_puts_weeks_back_is_no_sign_of_recency() {
    // Fighting in Panjshir on 5 September (a Sunday, as was 22 August).
    let c = Corpus::build(vec![
        article("a.txt", "date 2021-08-15\nDe Taliban namen vandaag Kabul in."),
        article("b.txt", "date 2021-09-05\nIn Panjshir wordt vandaag hevig gevochten."),
        article(
            "c.txt",
            "Fierce fighting is under way in Panjshir, the resistance said on Sunday. \
             The Taliban took power in Kabul on August 15, three weeks ago.",
        ),
    ]);
    assert_eq!(c.publications[2].date, Some(d(9, 5)));
}

/// The morning papers of the 15th tell Mazar-i-Sharif's fall with no day;
/// one article says it fell on Saturday, the 14th. Their votes are counted
/// for the corpus's day as in dating the articles, partly for the day
/// before: the consensus is the 14th, and the article that names Saturday
/// keeps it although its lead has no day. One article alone with no day
/// dates the fall on its own day.
#[test]
fn news_with_no_day_votes_partly_for_the_day_before() {
    let mut articles: Vec<Article> = [
        "Mazar-i-Sharif is gevallen.",
        "De Taliban hebben Mazar-i-Sharif ingenomen.",
        "Mazar-i-Sharif is in handen van de Taliban.",
    ]
    .iter()
    .enumerate()
    .map(|(i, t)| article(&format!("m{i}.txt"), &format!("date 2021-08-15\n{t}")))
    .collect();
    articles.push(article(
        "s.txt",
        "date 2021-08-15\nThe Taliban captured Mazar-i-Sharif. Fighters took the city on Saturday, officials said.",
    ));
    let c = Corpus::build(articles);
    let of = |name: &str| -> Vec<Option<NaiveDate>> {
        let i = c.articles.iter().position(|a| a.name == name).unwrap();
        c.reports
            .iter()
            .filter(|r| r.article == i)
            .map(|r| r.event.map(|e| e.date))
            .collect()
    };
    let s = of("s.txt");
    assert!(!s.is_empty() && s.iter().all(|&e| e == Some(d(8, 14))), "{s:?}");
    let alone = Corpus::build(vec![article("a.txt", "date 2021-08-15\nMazar-i-Sharif is gevallen.")]);
    let dated: Vec<Option<NaiveDate>> = alone.reports.iter().map(|r| r.event.map(|e| e.date)).collect();
    assert_eq!(dated, [Some(d(8, 15))]);
}

/// "Since May 1" starts a span: the article is after it, but how long
/// after it does not say. An article with no date of its own that counts
/// districts since the withdrawal began on May 1 and tells of a capture
/// the corpus dates on 22 June appeared after 22 June, not in May.
#[test]
fn a_date_that_starts_a_span_is_no_sign_of_recency() {
    let c = Corpus::build(vec![
        article(
            "a.txt",
            "date 2021-06-22\nThe Taliban captured Sher Khan Bandar on Tuesday.",
        ),
        article(
            "b.txt",
            "date 2021-06-22\nSher Khan Bandar fell to the Taliban, officials said.",
        ),
        article(
            "k.txt",
            "The Taliban have captured at least 50 districts since the beginning of the US withdrawal on May 1. \
             Sher Khan Bandar was captured by the Taliban after a one-hour clash, officials reported.",
        ),
    ]);
    let k = dates(&c).into_iter().find(|(n, _)| n == "k.txt").and_then(|(_, d)| d);
    assert!(k.is_some_and(|day| day >= d(6, 22)), "{k:?}");
}

#[test]
fn a_stated_date_the_text_belies_is_stale_metadata() {
    // The publication date and basis of an article read alone.
    let alone = |text: &str| {
        let c = Corpus::build(vec![article("a.txt", text)]);
        (c.publications[0].date, c.publications[0].basis)
    };
    // A page's date line years before the day its text heads itself with.
    let (date, basis) = alone("date 2015-09-14\nJune 11, 2021\nThe Taliban captured Kunduz on Friday, officials said.");
    assert_eq!(date, Some(d(6, 11)));
    assert_ne!(basis, DateBasis::Stated);
    // A deadline months ahead belies nothing.
    let (date, basis) = alone(
        "date 2021-05-01\nThe last troops will leave by September 11, 2021. The Taliban took Nerkh district on Friday.",
    );
    assert_eq!(date, Some(d(5, 1)));
    assert_eq!(basis, DateBasis::Stated);
}

#[test]
fn a_stated_date_years_from_every_other_article_is_stale_metadata() {
    // The article first, then three of August 2021 that date Ghazni's fall.
    let among_others = |text: &str| {
        Corpus::build(vec![
            article("first.txt", text),
            article("a.txt", "date 2021-08-12\nGhazni fell to the Taliban today."),
            article(
                "b.txt",
                "date 2021-08-13\nGhazni fell yesterday, after a day of fighting.",
            ),
            article("c.txt", "date 2021-08-10\nFighting raged around Kunduz on Tuesday."),
        ])
    };
    let c = among_others("date 2017-07-11\nThe Taliban have taken control of the city of Ghazni, officials said.");
    assert_ne!(c.publications[0].basis, DateBasis::Stated);
    // (Ghazni's fall told with no time word: its day or the next.)
    let day = c.publications[0].date;
    assert!(day == Some(d(8, 12)) || day == Some(d(8, 13)), "{day:?}");
    // A text that names the stated year keeps it: an old article among new ones.
    let c = among_others("date 2017-07-11\nIn 2017 the Taliban attacked Ghazni, officials said.");
    assert_eq!(c.publications[0].basis, DateBasis::Stated);
    assert_eq!(c.publications[0].date, NaiveDate::from_ymd_opt(2017, 7, 11));
}

#[test]
fn a_date_heading_an_event_noun_dates_that_event_alone() {
    // "the August 15 fall of Kabul": Kabul's day, not the day of the
    // provinces' fall told beside it, nor a sign the article is recent.
    let c = Corpus::build(vec![article(
        "a.txt",
        "date 2021-09\nIn the days before the August 15 fall of Kabul, soldiers from Kunduz and Takhar left after those provinces fell.",
    )]);
    let kabul = opmars::gazetteer::Gazetteer::bundled().find("Kabul").unwrap().id;
    let dates: Vec<_> = c.reports.iter().map(|r| (r.place() == kabul, r.date())).collect();
    assert!(dates.iter().any(|&(k, e)| k && e == Some(d(8, 15))), "{dates:?}");
    assert!(dates.iter().all(|&(k, e)| k || e != Some(d(8, 15))), "{dates:?}");
}

#[test]
fn a_year_in_a_relative_clause_dates_only_that_clause() {
    let c = Corpus::build(vec![article(
        "a.txt",
        "date 2021-08-07\nThe capture of Zaranj is a victory for the Taliban, which is fighting to take power after it signed a deal with the Americans in 2020.",
    )]);
    let zaranj = opmars::gazetteer::Gazetteer::bundled().find("Zaranj").unwrap().id;
    let r = c.reports.iter().find(|r| r.place() == zaranj).expect("Zaranj reported");
    assert_ne!(r.date(), NaiveDate::from_ymd_opt(2020, 12, 31));
}

#[test]
fn a_fall_counted_from_an_event_with_its_own_day_is_that_many_days_before() {
    for (text, herat_day) in [
        (
            "date 2021-08-09\nKandahar fell on Friday, a day after the fall of Herat.",
            d(8, 5),
        ),
        (
            "date 2021-08-09\nKandahar viel vrijdag, twee dagen na de val van Herat.",
            d(8, 4),
        ),
        (
            "date 2021-08-09\nTwo days after the fall of Herat, Kandahar fell on Friday.",
            d(8, 4),
        ),
    ] {
        assert_eq!(report_in(text, "Kandahar").date(), Some(d(8, 6)), "{text}");
        assert_eq!(report_in(text, "Herat").date(), Some(herat_day), "{text}");
    }
    // With no day to count from, the fall stays background.
    let r = report_in("date 2021-08-09\nKandahar fell a day after the fall of Herat.", "Herat");
    assert!(r.is_background(), "{:?}", r.event);
}

#[test]
fn a_place_right_after_days_after_fell_that_many_days_before() {
    for text in [
        "date 2021-08-09\nSheberghan fell on Friday, three days after Zaranj.",
        "date 2021-08-09\nSheberghan viel vrijdag, drie dagen na Zaranj.",
    ] {
        assert_eq!(report_in(text, "Zaranj").date(), Some(d(8, 3)), "{text}");
    }
    // A week from a weekday names no day of its own: background, never the
    // weekday of the wrong week.
    let r = report_in(
        "date 2021-08-09\nKunduz fell on Sunday, a week after the fall of Zaranj.",
        "Zaranj",
    );
    assert!(r.is_background(), "{:?}", r.event);
}

#[test]
fn a_date_before_an_event_noun_is_the_clauses_unless_the_noun_phrase_opens_with_it() {
    let r = report_in(
        "date 2021-08-09\nRond Gardez woedt gisteravond de strijd om de toegangswegen.",
        "Gardez",
    );
    assert_eq!(r.date(), Some(d(8, 8)));
}

#[test]
fn a_list_takes_its_days_item_by_item() {
    // Every place of "twee dagen later" is two days after Zaranj, not two
    // days after the place before it in the list.
    let text = "date 2021-08-09\nOp 6 augustus viel Zaranj; twee dagen later volgden Kunduz, Sar-e Pul en Taloqan.";
    for place in ["Kunduz", "Sar-e Pul", "Taloqan"] {
        assert_eq!(report_in(text, place).date(), Some(d(8, 8)), "{place}");
    }
    // A day opening the next item of a list is that item's.
    let text = "date 2021-08-09\nVrijdag viel Zaranj, zaterdag Sjeberghan, zondag Kunduz en Taloqan.";
    assert_eq!(report_in(text, "Zaranj").date(), Some(d(8, 6)));
    assert_eq!(report_in(text, "Sheberghan").date(), Some(d(8, 7)));
    assert_eq!(report_in(text, "Taloqan").date(), Some(d(8, 8)));
    // (A day before the whole list is every item's.)
    let text = "date 2021-08-09\nOn Sunday Kunduz, Sar-e Pul and Taloqan followed.";
    assert_eq!(report_in(text, "Taloqan").date(), Some(d(8, 8)));
}

#[test]
fn yesterday_in_its_longer_dutch_spelling() {
    for text in [
        "date 2021-08-09\nKunduz is gisterenmiddag gevallen.",
        "date 2021-08-09\nGisterenavond trokken de taliban Kunduz binnen.",
    ] {
        assert_eq!(report_in(text, "Kunduz").date(), Some(d(8, 8)), "{text}");
    }
}

/// Dating habits of news, each in a sentence of our own, published on
/// Saturday 14 August 2021: the place and the August days that are right.
#[test]
fn dating_habits_read_on_a_saturday() {
    let cases: &[(&str, &str, &[u32])] = &[
        ("Herat fell on Thursday night.", "Herat", &[12, 13]),
        ("In de nacht van donderdag op vrijdag viel Herat.", "Herat", &[12, 13]),
        ("Kandahar fell in the early hours of Friday.", "Kandahar", &[13]),
        (
            "Earlier this week, the Taliban captured Kunduz.",
            "Kunduz",
            &[9, 10, 11, 12, 13],
        ),
        ("Afgelopen weekend vielen Kunduz en Sar-e Pul.", "Kunduz", &[7, 8]),
        ("Afgelopen weekend vielen Kunduz en Sar-e Pul.", "Sar-e Pul", &[7, 8]),
        ("Op donderdag 12 augustus viel Herat.", "Herat", &[12]),
        (
            "The Taliban took Ghazni on Thursday, a day after capturing Pul-e Khumri.",
            "Ghazni",
            &[12],
        ),
        (
            "The Taliban took Ghazni on Thursday, a day after capturing Pul-e Khumri.",
            "Pul-e Khumri",
            &[11],
        ),
        (
            "Pul-e Khumri fell Tuesday, and Farah and Faizabad followed on Wednesday.",
            "Pul-e Khumri",
            &[10],
        ),
        (
            "Pul-e Khumri fell Tuesday, and Farah and Faizabad followed on Wednesday.",
            "Farah",
            &[11],
        ),
        (
            "Pul-e Khumri fell Tuesday, and Farah and Faizabad followed on Wednesday.",
            "Fayzabad",
            &[11],
        ),
        ("Lashkar Gah fell overnight.", "Lashkar Gah", &[13, 14]),
        (
            "Kandahar was captured late Thursday or early Friday.",
            "Kandahar",
            &[12, 13],
        ),
        ("Zaranj fell a week ago.", "Zaranj", &[7]),
        ("Zaranj viel vorige week vrijdag.", "Zaranj", &[6]),
        ("Op 13 augustus, een dag na Herat, viel Kandahar.", "Kandahar", &[13]),
        ("Op 13 augustus, een dag na Herat, viel Kandahar.", "Herat", &[12]),
        ("Kunduz fell last Sunday.", "Kunduz", &[8]),
        ("Sunday's fall of Kunduz shocked the government.", "Kunduz", &[8]),
        ("On Wednesday (August 11), Faizabad fell.", "Fayzabad", &[11]),
        ("Herat fell on Thursday evening local time.", "Herat", &[12]),
        (
            "Vrijdagochtend werd bekend dat ook Kandahar was gevallen.",
            "Kandahar",
            &[12, 13],
        ),
        (
            "De taliban veroverden donderdag Ghazni en een dag later Kandahar en Herat.",
            "Ghazni",
            &[12],
        ),
        (
            "De taliban veroverden donderdag Ghazni en een dag later Kandahar en Herat.",
            "Kandahar",
            &[13],
        ),
        (
            "De taliban veroverden donderdag Ghazni en een dag later Kandahar en Herat.",
            "Herat",
            &[13],
        ),
        (
            "Ghazni fell on Thursday. The next day, Kandahar and Herat followed.",
            "Ghazni",
            &[12],
        ),
        (
            "Ghazni fell on Thursday. The next day, Kandahar and Herat followed.",
            "Kandahar",
            &[13],
        ),
        (
            "Ghazni fell on Thursday. The next day, Kandahar and Herat followed.",
            "Herat",
            &[13],
        ),
        (
            "Ghazni viel donderdag. Een dag later volgden Kandahar en Herat.",
            "Ghazni",
            &[12],
        ),
        (
            "Ghazni viel donderdag. Een dag later volgden Kandahar en Herat.",
            "Kandahar",
            &[13],
        ),
        (
            "Ghazni viel donderdag. Een dag later volgden Kandahar en Herat.",
            "Herat",
            &[13],
        ),
        (
            "Since Friday, the Taliban have been in control of Kandahar.",
            "Kandahar",
            &[13],
        ),
        ("Kandahar is sinds vrijdag in handen van de taliban.", "Kandahar", &[13]),
        (
            "Eerder deze week vielen Pul-e Khumri en Farah.",
            "Pul-e Khumri",
            &[9, 10, 11, 12, 13],
        ),
        (
            "Eerder deze week vielen Pul-e Khumri en Farah.",
            "Farah",
            &[9, 10, 11, 12, 13],
        ),
        (
            "Het is vandaag precies een week geleden dat Zaranj viel.",
            "Zaranj",
            &[7],
        ),
        (
            "Kunduz, which fell to the Taliban on Sunday, is now quiet.",
            "Kunduz",
            &[8],
        ),
        (
            "Faizabad became the ninth provincial capital to fall on Wednesday.",
            "Fayzabad",
            &[11],
        ),
    ];
    for (sentence, place, days) in cases {
        let text = format!("date 2021-08-14\n{sentence}");
        let date = report_in(&text, place).date();
        assert!(
            days.iter().any(|&day| date == Some(d(8, day))),
            "{place} in {sentence:?}: {date:?}, want one of {days:?}"
        );
    }
}

#[test]
fn a_clause_of_the_same_time_takes_the_day_of_the_one_before() {
    for text in [
        "date 2021-08-09\nKunduz fell on Sunday while fighting continued in Taloqan.",
        "date 2021-08-09\nTerwijl Kunduz zondag viel, werd in Taloqan nog gevochten.",
    ] {
        assert_eq!(report_in(text, "Taloqan").date(), Some(d(8, 8)), "{text}");
    }
}

#[test]
fn earlier_in_the_day_is_the_day_told_before() {
    for text in [
        "date 2021-08-16\nDe taliban namen zondag Kaboel in. Eerder op de dag was Jalalabad zonder slag of stoot gevallen.",
        "date 2021-08-16\nThe Taliban entered Kabul on Sunday. Earlier in the day, Jalalabad fell without a fight.",
    ] {
        assert_eq!(report_in(text, "Jalalabad").date(), Some(d(8, 15)), "{text}");
    }
}

#[test]
fn earlier_alone_is_some_earlier_day() {
    use opmars::dates::DatePrecision;
    for text in [
        "date 2021-08-14\nEarlier, the Taliban captured Mehtarlam.",
        "date 2021-08-14\nEerder al veroverden de taliban Mehtarlam.",
    ] {
        let r = report_in(text, "Mehtarlam");
        assert_eq!(r.event.map(|e| e.precision), Some(DatePrecision::Background), "{text}");
    }
    // So is last month.
    let text = "date 2021-08-05\nAfghan officials said Spin Boldak had been retaken last month.";
    let r = report_in(text, "Spin Boldak");
    assert_eq!(r.event.map(|e| e.precision), Some(DatePrecision::Background), "{text}");
    // A day after it is the day.
    let text = "date 2021-08-14\nEarlier on Friday, the Taliban captured Mehtarlam.";
    assert_eq!(report_in(text, "Mehtarlam").date(), Some(d(8, 13)));
}

#[test]
fn parts_of_the_day_told_before_and_of_the_next() {
    let cases = [
        (
            "Herat fell on Thursday. The following morning, Kandahar was captured.",
            "Kandahar",
            13,
        ),
        (
            "Herat viel donderdag. De volgende ochtend werd ook Kandahar ingenomen.",
            "Kandahar",
            13,
        ),
        (
            "Mazar-i-Sharif fell on Saturday. That night, Jalalabad also fell.",
            "Jalalabad",
            14,
        ),
        (
            "Mazar-i-Sharif viel zaterdag. Diezelfde avond viel ook Jalalabad.",
            "Jalalabad",
            14,
        ),
    ];
    for (sentence, place, day) in cases {
        let text = format!("date 2021-08-16\n{sentence}");
        assert_eq!(report_in(&text, place).date(), Some(d(8, day)), "{sentence}");
    }
}

#[test]
fn a_count_of_capitals_the_corpus_has_not_reached_comes_after_its_last_capture() {
    let c = Corpus::build(vec![
        article("a.txt", "date 2021-08-06\nZaranj fell to the Taliban today."),
        article("b.txt", "date 2021-08-08\nKunduz, Sar-e Pul and Taloqan fell today."),
        article("c.txt", "date 2021-08-12\nGhazni fell today."),
        article("d.txt", "The Taliban now hold 18 of the 34 provincial capitals."),
    ]);
    let d_date = dates(&c).into_iter().find(|(n, _)| n == "d.txt").and_then(|(_, d)| d);
    assert!(d_date.is_some_and(|day| day >= d(8, 12)), "{d_date:?}");
}

/// "In late June" names no day: alone, the report is dated to the middle of
/// that part of the month; when another article gives the day (26 June),
/// the report takes it, as a report of "last week" does.
#[test]
fn a_month_named_without_a_day_takes_the_corpus_day_in_it() {
    let alone = report_in(
        "date 2021-07-05\nThe Taliban captured Khwaja Ghar district in late June.",
        "Khwaja Ghar",
    );
    let e = alone.event.unwrap();
    assert_eq!((e.date, e.precision), (d(6, 25), opmars::dates::DatePrecision::Month));
    let c = Corpus::build(vec![
        article(
            "a.txt",
            "date 2021-07-05\nThe Taliban captured Khwaja Ghar district in late June.",
        ),
        article(
            "b.txt",
            "date 2021-06-27\nKhwaja Ghar viel zaterdag in handen van de Taliban.",
        ),
        article("c.txt", "date 2021-06-28\nDe Taliban namen Khwaja Ghar op zaterdag in."),
    ]);
    let dated: Vec<(String, Option<NaiveDate>)> = c
        .reports
        .iter()
        .map(|r| (c.articles[r.article].name.clone(), r.event.map(|e| e.date)))
        .collect();
    assert!(dated.iter().all(|(_, e)| *e == Some(d(6, 26))), "{dated:?}");
    // Not a day of another month: "in May" stays May.
    let may = Corpus::build(vec![
        article(
            "a.txt",
            "date 2021-07-05\nThe Taliban captured Khwaja Ghar district in May.",
        ),
        article(
            "b.txt",
            "date 2021-06-27\nKhwaja Ghar viel zaterdag in handen van de Taliban.",
        ),
    ]);
    let a = may.reports.iter().find(|r| r.article == 0).unwrap();
    assert_eq!(a.event.map(|e| e.date), Some(d(5, 15)));
}

/// "Aybak fell today, the sixth provincial capital": its own capture is the
/// sixth, so five others fell before it (Zaranj, Sheberghan, Kunduz,
/// Sar-e Pul, Taloqan by 8 August), not six: the article is not put after
/// Ghazni and Herat (12 August), the sixth and seventh the corpus knows.
#[test]
fn an_articles_own_captures_are_part_of_the_count_it_states() {
    let texts = [
        ("a.txt", "date 2021-08-06\nThe Taliban captured Zaranj on Friday."),
        ("b.txt", "date 2021-08-07\nSheberghan fell to the Taliban today."),
        (
            "c.txt",
            "date 2021-08-08\nThe Taliban captured Kunduz, Sar-e Pul and Taloqan today.",
        ),
        ("d.txt", "date 2021-08-12\nGhazni and Herat fell to the Taliban today."),
        ("e.txt", "date 2021-08-13\nKandahar fell to the Taliban today."),
        (
            "u.txt",
            "De Taliban hebben vandaag Aybak ingenomen, de zesde provinciehoofdstad die in vier dagen valt.",
        ),
    ];
    let u = undated_day(&texts).unwrap();
    assert!((d(8, 8)..=d(8, 9)).contains(&u), "{u}");
}

/// "Een dag na de val van Zaranj hebben de Taliban ook Sheberghan
/// ingenomen": Sheberghan's capture is counted from Zaranj's, which the
/// corpus dates (6 August); the article tells it as news, so it appeared
/// soon after 7 August, not on the corpus's typical day a week later.
#[test]
fn an_event_counted_from_a_dated_capture_is_news_soon_after() {
    let texts = [
        ("a.txt", "date 2021-08-06\nThe Taliban captured Zaranj today."),
        ("b.txt", "date 2021-08-13\nKandahar fell to the Taliban today."),
        ("c.txt", "date 2021-08-14\nMazar-i-Sharif fell to the Taliban today."),
        (
            "u.txt",
            "Een dag na de val van Zaranj hebben de Taliban ook Sheberghan ingenomen, de hoofdstad van Jowzjan.",
        ),
    ];
    let u = undated_day(&texts).unwrap();
    assert!((d(8, 7)..=d(8, 8)).contains(&u), "{u}");
}

/// "Vannacht", "overnight": a night dated by its morning began the evening
/// before, so its report agrees with the day before as well, not the day
/// after (which had made an undated "overnight" report of the same fall a
/// day late: Kandahar fell in the night of 12 to 13 August).
#[test]
fn a_night_dated_by_its_morning_agrees_with_the_evening_before() {
    let texts = [
        (
            "a.txt",
            "date 2021-08-13\nDe Taliban hebben vannacht Kandahar ingenomen. Gisteravond viel Herat al.",
        ),
        (
            "b.txt",
            "date 2021-08-13\nLashkar Gah fell to the Taliban today, hours after the insurgents took Kandahar overnight.",
        ),
        (
            "u.txt",
            "Kandahar falls\nTaliban fighters captured Kandahar, Afghanistan's second-largest city, overnight. Residents said the streets were quiet this morning.",
        ),
    ];
    let u = undated_day(&texts);
    assert_eq!(u, Some(d(8, 13)));
}

/// "Twee dagen na de val van Kabul hebben de Taliban de stad stevig in
/// handen … vandaag": the article names the day two days after Kabul's
/// fall (15 August, as the corpus dates it) and speaks of it as today.
#[test]
fn a_day_counted_from_a_dated_fall_is_named_by_the_article() {
    let texts = [
        ("a.txt", "date 2021-08-15\nTaliban fighters entered Kabul today."),
        ("b.txt", "date 2021-08-16\nThe Taliban took Kabul on Sunday."),
        ("c.txt", "date 2021-08-12\nGhazni fell to the Taliban today."),
        (
            "u.txt",
            "Twee dagen na de val van Kabul hebben de Taliban de stad stevig in handen. Strijders patrouilleren vandaag in de straten.",
        ),
    ];
    let u = undated_day(&texts);
    assert_eq!(u, Some(d(8, 17)));
}

/// An article that says "vandaag" for its own day names other days by
/// their weekday: the Sunday it names is not its own day. Dated articles
/// give Aybak's fall on Monday 9 August; the undated one tells of a
/// minister's visit today, two days after that fall, and of Kunduz's fall
/// on Sunday: it appeared on Wednesday 11 August, not on Sunday 15.
#[test]
fn a_weekday_beside_today_is_not_the_publication_day() {
    let day = undated_day(&[
        ("a.txt", "date 2021-08-09\nDe Taliban hebben vandaag Aybak ingenomen."),
        ("b.txt", "date 2021-08-10\nThe Taliban captured Aybak on Monday."),
        ("c.txt", "date 2021-08-09\nKunduz fell to the Taliban on Sunday."),
        (
            "u.txt",
            "De minister bezocht vandaag het noorden. Twee dagen na de val van Aybak \
             rukken de Taliban verder op. Het leger had zich verschanst op het vliegveld \
             na de val van de stad Kunduz, zondag.",
        ),
    ]);
    assert_eq!(day, Some(d(8, 11)));
}
