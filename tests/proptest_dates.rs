//! Properties of date resolution (`opmars::dates`): relative expressions
//! resolve where news means them, absolute dates round-trip, and nothing
//! panics on any text.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use proptest::prelude::*;

use opmars::dates::{DatePrecision, TimeRef, find_time_refs, parse_date_marker, resolve_relative_date, weekday_lag};
use opmars::synth::{EN_MONTHS, NL_MONTHS};

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// Publication dates across the whole calendar chrono supports.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    let lo = NaiveDate::MIN.num_days_from_ce();
    let hi = NaiveDate::MAX.num_days_from_ce();
    prop_oneof![
        (lo..=hi).prop_filter_map("in range", NaiveDate::from_num_days_from_ce_opt),
        news_date(),
        // The calendar's ends, where date arithmetic overflows.
        (0u64..40).prop_map(|n| NaiveDate::MAX - Days::new(n)),
        (0u64..40).prop_map(|n| NaiveDate::MIN + Days::new(n)),
    ]
}

/// Publication dates in the years news archives cover.
fn news_date() -> impl Strategy<Value = NaiveDate> {
    let lo = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap().num_days_from_ce();
    let hi = NaiveDate::from_ymd_opt(2040, 12, 31).unwrap().num_days_from_ce();
    (lo..=hi).prop_filter_map("in range", NaiveDate::from_num_days_from_ce_opt)
}

fn back(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_sub_days(Days::new(n)).unwrap()
}

proptest! {
    #[test]
    fn a_weekday_is_the_last_such_day_on_or_before_publication(
        published in news_date(),
        wd in 0usize..7,
        strictly_past in any::<bool>(),
    ) {
        let weekday = WEEKDAYS[wd];
        let t = TimeRef::Weekday { weekday, part: None, strictly_past };
        let e = resolve_relative_date(&t, published).unwrap();
        let lag = (published - e.date).num_days();
        prop_assert_eq!(e.date.weekday(), weekday);
        if strictly_past {
            prop_assert!((1..=7).contains(&lag), "{lag}");
        } else {
            prop_assert!((0..=6).contains(&lag), "{lag}");
        }
        prop_assert_eq!(weekday_lag(&t, published), Some(lag as u32));
        prop_assert_eq!(e.precision, DatePrecision::Day);
    }

    #[test]
    fn day_words_count_back_from_publication(published in news_date(), n in 0u32..=14) {
        let r = |t: TimeRef| resolve_relative_date(&t, published).map(|e| e.date);
        prop_assert_eq!(r(TimeRef::Today { part: None }), Some(published));
        prop_assert_eq!(r(TimeRef::LastNightEnding), Some(published));
        prop_assert_eq!(r(TimeRef::Yesterday { part: None }), Some(back(published, 1)));
        prop_assert_eq!(r(TimeRef::DayBeforeYesterday), Some(back(published, 2)));
        prop_assert_eq!(r(TimeRef::DaysAgo { days: n }), Some(back(published, u64::from(n))));
        prop_assert_eq!(r(TimeRef::Tomorrow), published.succ_opt());
        // This week: a day from its Monday to publication (before it for
        // "earlier this week", unless published on the Monday).
        for earlier in [false, true] {
            let day = r(TimeRef::ThisWeek { earlier }).unwrap();
            let lag = (published - day).num_days();
            let so_far = i64::from(published.weekday().num_days_from_monday());
            prop_assert!((0..=so_far).contains(&lag), "{lag}");
            prop_assert!(!earlier || so_far == 0 || lag >= 1, "{lag}");
        }
        let weekend = r(TimeRef::LastWeekend { past: false }).unwrap();
        let lag = (published - weekend).num_days();
        prop_assert!((0..=6).contains(&lag));
        prop_assert!(matches!(weekend.weekday(), Weekday::Sun | Weekday::Sat));
        // A weekend said to be over is never the day of publication.
        let over = r(TimeRef::LastWeekend { past: true }).unwrap();
        prop_assert_eq!(over.weekday(), Weekday::Sun);
        prop_assert!((1..=7).contains(&(published - over).num_days()));
        let last_week = r(TimeRef::LastWeek).unwrap();
        prop_assert_eq!(last_week.weekday(), Weekday::Sun);
        prop_assert!((1..=7).contains(&(published - last_week).num_days()));
    }

    #[test]
    fn resolution_never_panics_anywhere_in_the_calendar(
        published in any_date(),
        wd in 0usize..7,
        days in any::<u32>(),
        month in 0u32..=13,
        day in 0u32..=32,
        year in prop::option::of(-300_000i32..=300_000),
    ) {
        for t in [
            TimeRef::Today { part: None },
            TimeRef::LastNightEnding,
            TimeRef::Yesterday { part: None },
            TimeRef::DayBeforeYesterday,
            TimeRef::DaysAgo { days },
            TimeRef::Weekday { weekday: WEEKDAYS[wd], part: None, strictly_past: true },
            TimeRef::LastWeekend { past: true },
            TimeRef::LastWeekend { past: false },
            TimeRef::LastWeek,
            TimeRef::ThisWeek { earlier: true },
            TimeRef::ThisWeek { earlier: false },
            TimeRef::Tomorrow,
            TimeRef::Absolute { year, month, day },
        ] {
            let _ = resolve_relative_date(&t, published);
            let _ = weekday_lag(&t, published);
        }
    }

    #[test]
    fn a_year_less_date_lands_within_a_year_before_or_a_month_after(
        published in news_date(),
        date in news_date(),
    ) {
        let t = TimeRef::Absolute { year: None, month: date.month(), day: date.day() };
        if let Some(e) = resolve_relative_date(&t, published) {
            prop_assert_eq!((e.date.month(), e.date.day()), (date.month(), date.day()));
            prop_assert!(e.date <= published + Days::new(31));
            prop_assert!(e.date > published - Days::new(366 + 31));
        } else {
            // Only 29 February in a year (and the year before) without one.
            prop_assert_eq!((date.month(), date.day()), (2, 29));
        }
    }

    #[test]
    fn absolute_dates_round_trip_through_text(date in news_date(), published in news_date()) {
        let (y, m, d) = (date.year(), date.month(), date.day());
        let texts = [
            format!("Op {d} {} {y} viel de stad.", NL_MONTHS[m as usize - 1]),
            format!("The city fell on {} {d}, {y}.", EN_MONTHS[m as usize - 1]),
            format!("Sinds {y}-{m:02}-{d:02} is het stil."),
            format!("Sinds {d:02}-{m:02}-{y} is het stil."),
            format!("— Reuters (@Reuters) {} {d}, {y}", EN_MONTHS[m as usize - 1]),
        ];
        for text in &texts {
            let refs = find_time_refs(text, 0..text.len());
            let absolute: Vec<&TimeRef> = refs
                .iter()
                .map(|(_, t)| t)
                .filter(|t| matches!(t, TimeRef::Absolute { .. }))
                .collect();
            let expected = TimeRef::Absolute { year: Some(y), month: m, day: d };
            prop_assert_eq!(absolute, vec![&expected], "{}", text);
            let e = resolve_relative_date(absolute_ref(&refs), published).unwrap();
            prop_assert_eq!(e.date, date);
        }
    }

    #[test]
    fn date_markers_round_trip(date in news_date(), rest in "[A-Za-z ,.]{0,40}", sep in prop::sample::select(vec![" ", ": ", "\t", ":"])) {
        let marker = format!("date{sep}{}", date.format("%Y-%m-%d"));
        let text = format!("{marker} {rest}");
        let (parsed, body) = parse_date_marker(&text).unwrap().unwrap();
        prop_assert_eq!(parsed.full(), Some(date));
        prop_assert_eq!(&text[body..], rest.trim_start());
        // And to the month only.
        let text = format!("date {} {rest}", date.format("%Y-%m"));
        let (parsed, _) = parse_date_marker(&text).unwrap().unwrap();
        prop_assert_eq!((parsed.year, parsed.month, parsed.day), (date.year(), date.month(), None));
        let (first, last) = parsed.range().unwrap();
        prop_assert!(first <= date && date <= last);
        prop_assert_eq!((first.day(), last.succ_opt().map(|d| d.day())), (1, Some(1)));
    }

    #[test]
    fn find_time_refs_never_panics_and_spans_are_in_bounds(
        text in prop_oneof![any::<String>(), sentence_like()],
        a in any::<prop::sample::Index>(),
        b in any::<prop::sample::Index>(),
    ) {
        let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let (x, y) = (*a.get(&boundaries), *b.get(&boundaries));
        let range = x.min(y)..x.max(y);
        let refs = find_time_refs(&text, range.clone());
        let mut prev_end = range.start;
        for (span, _) in &refs {
            prop_assert!(span.start >= prev_end && span.start < span.end && span.end <= range.end);
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            prev_end = span.end;
        }
    }

    #[test]
    fn parse_date_marker_never_panics(text in prop_oneof![any::<String>(), marker_like()]) {
        match parse_date_marker(&text) {
            Ok(Some((date, body))) => {
                prop_assert!(body <= text.len() && text.is_char_boundary(body));
                prop_assert!((1..=12).contains(&date.month));
                prop_assert!(date.day.is_none() || date.full().is_some());
                prop_assert!(date.range().is_some());
            }
            Ok(None) => {}
            Err(e) => prop_assert!(e.to_string().starts_with("impossible date ")),
        }
    }
}

fn absolute_ref(refs: &[(std::ops::Range<usize>, TimeRef)]) -> &TimeRef {
    refs.iter()
        .map(|(_, t)| t)
        .find(|t| matches!(t, TimeRef::Absolute { .. }))
        .unwrap()
}

/// Text made of the words the date finder looks for.
fn sentence_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "vrijdag",
            "vrijdagochtend",
            "Friday",
            "morning",
            "gisteren",
            "yesterday",
            "last",
            "afgelopen",
            "weekend",
            "week",
            "deze",
            "the",
            "day",
            "before",
            "12",
            "31st",
            "of",
            "augustus",
            "Aug",
            "mei",
            "May",
            "2021",
            "12-08-2021",
            "2021-08-12",
            "2021-13-45",
            "1/1/1",
            "twee",
            "dagen",
            "geleden",
            "ago",
            "morgen",
            "'s",
            "é",
            "—",
            ".",
            ",",
            " ",
            "\n",
            "vannacht",
            "this",
            "3",
            "dagen",
            "9999-99-99",
            "00-00-0000",
        ]),
        0..30,
    )
    .prop_map(|w| w.join(" "))
}

fn marker_like() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["", " ", "\u{FEFF}", "\n\r ", "é"]),
        prop::sample::select(vec!["date", "Date", "DATE", "dat", "dateline"]),
        prop::sample::select(vec!["", " ", ":", ": ", "\t"]),
        "[0-9]{0,5}(-[0-9]{0,3}){0,3}",
        "[ \n]?[a-zé]{0,5}",
    )
        .prop_map(|(lead, kw, sep, value, rest)| format!("{lead}{kw}{sep}{value}{rest}"))
}
