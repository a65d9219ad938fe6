//! Dates: the article's `date` marker, time expressions in sentences, and
//! their resolution against a publication date.
//!
//! News says *when* in relative words ("gisteren", "vrijdagochtend", "on
//! Sunday", "last week") that mean nothing without the day the article
//! appeared. This module finds those expressions and turns them into
//! calendar dates once the publication date is known (or being guessed: the
//! corpus module tries candidate publication dates and resolves the same
//! expressions against each). News is written in the past tense, so a bare
//! weekday is the latest such day on or before publication, never the next.

use std::ops::Range;
use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;

use crate::gazetteer::WordList;
use crate::lexicon::{Lexicon, Role};
use crate::text::{ArticleText, alphanumeric_runs};

/// A date known to the month or to the day, from a `date` marker or
/// document metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PartialDate {
    pub year: i32,
    pub month: u32,
    pub day: Option<u32>,
}

impl PartialDate {
    /// The full date when the day is known.
    pub fn full(&self) -> Option<NaiveDate> {
        self.day.and_then(|d| NaiveDate::from_ymd_opt(self.year, self.month, d))
    }

    /// First and last day this partial date may stand for.
    pub fn range(&self) -> Option<(NaiveDate, NaiveDate)> {
        match self.full() {
            Some(d) => Some((d, d)),
            None => {
                let first = NaiveDate::from_ymd_opt(self.year, self.month, 1)?;
                let next = if self.month == 12 {
                    NaiveDate::from_ymd_opt(self.year + 1, 1, 1)?
                } else {
                    NaiveDate::from_ymd_opt(self.year, self.month + 1, 1)?
                };
                Some((first, next.pred_opt()?))
            }
        }
    }
}

/// Errors in date markers.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("impossible date {0}")]
    Impossible(String),
}

/// Reads a leading `date YYYY-MM` or `date YYYY-MM-DD` marker (after
/// optional white space or a byte-order mark). Returns the date and the
/// byte offset where the article text starts (the marker may share its
/// line with the text). `Ok(None)` when there is no marker; an error when
/// the marker names an impossible date.
pub fn parse_date_marker(text: &str) -> Result<Option<(PartialDate, usize)>, DateError> {
    let trimmed = text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
    let lead = text.len() - trimmed.len();
    let Some(rest) = trimmed.strip_prefix("date").or_else(|| trimmed.strip_prefix("Date")) else {
        return Ok(None);
    };
    let after_kw = rest.trim_start_matches([' ', '\t', ':']);
    if after_kw.len() == rest.len() {
        return Ok(None);
    }
    let value: &str = after_kw.split(|c: char| c.is_whitespace()).next().unwrap_or("");
    let parts: Vec<&str> = value.split('-').collect();
    let num = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let parsed = match parts.as_slice() {
        [y, m] => num(y, 4).zip(num(m, 2)).map(|(y, m)| (y, m, None)),
        [y, m, d] => match (num(y, 4), num(m, 2), num(d, 2)) {
            (Some(y), Some(m), Some(d)) => Some((y, m, Some(d))),
            _ => None,
        },
        _ => None,
    };
    let Some((year, month, day)) = parsed else {
        return Ok(None);
    };
    let date = PartialDate {
        year: year as i32,
        month,
        day,
    };
    let valid = match day {
        Some(_) => date.full().is_some(),
        None => (1..=12).contains(&month),
    };
    if !valid {
        return Err(DateError::Impossible(value.to_owned()));
    }
    let value_start = text.len() - after_kw.len();
    let body = value_start + value.len();
    let body = body + (text[body..].len() - text[body..].trim_start().len());
    let _ = lead;
    Ok(Some((date, body)))
}

/// A part of the day named with a date ("vrijdagochtend", "Friday night").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

/// A part of a month named with it ("early July", "eind juni", "mid-August").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MonthPart {
    Early,
    Mid,
    Late,
}

impl MonthPart {
    /// The day that stands for the part: its middle.
    fn day(self) -> u32 {
        match self {
            MonthPart::Early => 5,
            MonthPart::Mid => 15,
            MonthPart::Late => 25,
        }
    }
}

/// A time expression as written, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TimeRef {
    /// vandaag, vanochtend, vanmiddag, vanavond; today, this morning, tonight.
    Today { part: Option<DayPart> },
    /// vannacht: the night that just ended (dated by its morning).
    LastNightEnding,
    /// gisteren, gisteravond; yesterday, last night.
    Yesterday { part: Option<DayPart> },
    /// eergisteren; the day before yesterday.
    DayBeforeYesterday,
    /// N dagen geleden; N days ago.
    DaysAgo { days: u32 },
    /// A weekday, alone or with a part of day; `strictly_past` for
    /// "afgelopen vrijdag" / "last Friday".
    Weekday {
        #[serde(with = "weekday_serde")]
        weekday: Weekday,
        part: Option<DayPart>,
        strictly_past: bool,
    },
    /// A weekday of the calendar week before publication's: "vorige week
    /// donderdag", "donderdag vorige week"; "Thursday last week".
    WeekdayOfLastWeek {
        #[serde(with = "weekday_serde")]
        weekday: Weekday,
    },
    /// afgelopen weekend, dit weekend; last weekend, over the weekend. `past`:
    /// said as over ("afgelopen", "vorig", "last"), so on a Saturday or
    /// Sunday the weekend before this one.
    LastWeekend { past: bool },
    /// vorige week; last week.
    LastWeek,
    /// "in recent days", "the past few days", "de afgelopen dagen", "the
    /// last two days", "the past 48 hours": the `days` before publication
    /// (a few: three), some day of which the article does not give.
    PastDays { days: u32 },
    /// deze week; this week; `earlier`: earlier this week, eerder deze
    /// week (before the day of publication).
    ThisWeek { earlier: bool },
    /// eerder deze maand, begin deze maand; earlier this month: some day
    /// of the month before publication, which the article does not give.
    EarlierThisMonth,
    /// "Earlier, the Taliban captured X", "Eerder al viel X", "last
    /// month": some day before the news, which the article does not give.
    Earlier,
    /// twee weken geleden, enkele weken geleden; two weeks ago, a couple
    /// of weeks ago: some day weeks before publication, which the article
    /// does not give.
    WeeksAgo,
    /// een dag later, de volgende dag; a day later, the next day, two days
    /// later: counted from the event told before it (see
    /// [`TimeRef::shifted`]); alone it dates nothing. With `days` 0, "that
    /// day", "die dag": the day told before, an event's or any date's.
    DaysLater { days: u32 },
    /// een dag na de val van Herat; a day after the fall of Herat, two
    /// days after the capture of Kunduz: counted from another event, the
    /// capture of the place named right after it (`place`, filled in by
    /// the reports layer), dated from the article or the corpus.
    AfterFall {
        days: u32,
        place: Option<crate::gazetteer::PlaceId>,
    },
    /// een dag nadat de taliban Kunduz innamen; a day after the Taliban
    /// took Kunduz, two days after seizing Zaranj: the event of the clause
    /// it opens came `days` before the event of the clause it hangs from
    /// (see [`TimeRef::shifted_back`]); alone it dates nothing.
    DaysBefore { days: u32 },
    /// "on the 10th", "op de 10de": a day of the month without its month,
    /// the last such day on or before publication.
    DayOfMonth { day: u32 },
    /// morgen; tomorrow (future: plans and expectations).
    Tomorrow,
    /// 12 augustus (2021), August 12, 2021, 2021-08-12.
    Absolute { year: Option<i32>, month: u32, day: u32 },
    /// "in 1996", "sinds 2001": a year only, which dates history.
    Year { year: i32 },
    /// "in May", "since June", "in late July", "eind juni", "begin juli
    /// 2021": a month, or a part of it, with no day.
    Month {
        year: Option<i32>,
        month: u32,
        part: Option<MonthPart>,
    },
}

mod weekday_serde {
    use chrono::Weekday;
    use serde::Serializer;
    pub fn serialize<S: Serializer>(w: &Weekday, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&w.to_string())
    }
}

impl TimeRef {
    /// A weekday before today's ("afgelopen vrijdag", "last Friday",
    /// "since Friday").
    fn past_weekday(weekday: Weekday, part: Option<DayPart>) -> TimeRef {
        TimeRef::Weekday {
            weekday,
            part,
            strictly_past: true,
        }
    }

    /// Does it name one day ("on Friday", "12 August", "yesterday", "last
    /// Wednesday")?
    pub fn names_a_day(&self) -> bool {
        matches!(
            self,
            TimeRef::Weekday { .. }
                | TimeRef::WeekdayOfLastWeek { .. }
                | TimeRef::Absolute { .. }
                | TimeRef::Today { .. }
                | TimeRef::Yesterday { .. }
                | TimeRef::DayBeforeYesterday
                | TimeRef::DaysAgo { .. }
        )
    }

    /// This expression moved `days` later, for "een dag later", "two days
    /// later" after an event told with it; `None` when that cannot be said
    /// without the publication date (a move past today).
    pub fn shifted(self, days: u32) -> Option<TimeRef> {
        self.moved(days, true)
    }

    /// This expression moved `days` earlier, for the event of a clause
    /// opened by "a day after" ([`TimeRef::DaysBefore`]); `None` for one
    /// that names no day.
    pub fn shifted_back(self, days: u32) -> Option<TimeRef> {
        self.moved(days, false)
    }

    /// This expression moved `days` later or earlier: what
    /// [`TimeRef::shifted`] and [`TimeRef::shifted_back`] share.
    fn moved(self, days: u32, later: bool) -> Option<TimeRef> {
        let signed = if later { i64::from(days) } else { -i64::from(days) };
        match self {
            // (A weekday says nothing of which week: a week or more away
            // from it is no day it can name.)
            TimeRef::Weekday { .. } if days >= 7 => None,
            TimeRef::Weekday {
                weekday, strictly_past, ..
            } => {
                let mut w = weekday;
                for _ in 0..signed.rem_euclid(7) {
                    w = w.succ();
                }
                Some(TimeRef::Weekday {
                    weekday: w,
                    part: None,
                    // A day before a weekday of this week is never today.
                    strictly_past: !later && (strictly_past || !days.is_multiple_of(7)),
                })
            }
            TimeRef::Absolute { year, month, day } => {
                // A leap year stands in when the year is not given.
                let base = NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day)?;
                let d = base.checked_add_signed(chrono::TimeDelta::try_days(signed)?)?;
                Some(TimeRef::Absolute {
                    year: year.map(|_| d.year()),
                    month: d.month(),
                    day: d.day(),
                })
            }
            // (Today moved later is past today.)
            TimeRef::Today { .. } if later && days > 0 => None,
            TimeRef::Today { .. } => TimeRef::days_ago_moved(0, signed),
            TimeRef::Yesterday { .. } => TimeRef::days_ago_moved(1, signed),
            TimeRef::DayBeforeYesterday => TimeRef::days_ago_moved(2, signed),
            TimeRef::DaysAgo { days: ago } => TimeRef::days_ago_moved(ago, signed),
            _ => None,
        }
    }

    /// `ago` days before publication moved `days`, as news says it; `None`
    /// past today.
    fn days_ago_moved(ago: u32, days: i64) -> Option<TimeRef> {
        let n = u32::try_from(i64::from(ago) - days).ok()?;
        Some(TimeRef::days_ago(n))
    }

    /// `n` days before publication, as news says it: "today",
    /// "yesterday", "the day before yesterday", "n days ago".
    fn days_ago(n: u32) -> TimeRef {
        match n {
            0 => TimeRef::Today { part: None },
            1 => TimeRef::Yesterday { part: None },
            2 => TimeRef::DayBeforeYesterday,
            n => TimeRef::DaysAgo { days: n },
        }
    }
}

/// How precisely an event date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    /// A named day (absolute date, weekday, yesterday …).
    Day,
    /// A named part of a day (vrijdagochtend, last night).
    PartOfDay,
    /// Somewhere in a week or weekend; the date is its last likely day.
    Week,
    /// No time words: the report is assumed to be about the publication day.
    Publication,
    /// Only a month (or a part of it: "late June") is named; the date is
    /// the middle of what is named.
    Month,
    /// Only a year is named; the date is its last day.
    Year,
    /// Background ("the Taliban, who hold Zaranj"): it happened by
    /// publication, on a day the article does not give; the date is the
    /// publication day, the last it can be.
    Background,
    /// No time word of its own: the day the corpus's other reports of the
    /// event give.
    Corpus,
}

/// A resolved event date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EventDate {
    pub date: NaiveDate,
    pub precision: DatePrecision,
    pub part: Option<DayPart>,
}

/// Resolves a time expression against the publication date. Future
/// expressions resolve too (plans, expectations); callers decide whether
/// an event can lie after publication.
///
/// ```
/// use chrono::{NaiveDate, Weekday};
/// use opmars::dates::{resolve_relative_date, TimeRef};
/// let friday = NaiveDate::from_ymd_opt(2021, 8, 13).unwrap();
/// let thursday = TimeRef::Weekday { weekday: Weekday::Thu, part: None, strictly_past: false };
/// assert_eq!(resolve_relative_date(&thursday, friday).unwrap().date, friday.pred_opt().unwrap());
/// ```
pub fn resolve_relative_date(tref: &TimeRef, published: NaiveDate) -> Option<EventDate> {
    let back = |n: u64| published.checked_sub_days(Days::new(n));
    let day = |date: Option<NaiveDate>, part: Option<DayPart>| {
        date.map(|date| EventDate {
            date,
            precision: if part.is_some() {
                DatePrecision::PartOfDay
            } else {
                DatePrecision::Day
            },
            part,
        })
    };
    match *tref {
        TimeRef::Today { part } => day(Some(published), part),
        TimeRef::LastNightEnding => day(Some(published), Some(DayPart::Night)),
        TimeRef::Yesterday { part } => day(back(1), part),
        TimeRef::DayBeforeYesterday => day(back(2), None),
        TimeRef::DaysAgo { days } => day(back(u64::from(days)), None),
        TimeRef::Weekday {
            weekday,
            part,
            strictly_past,
        } => {
            let mut lag = (published.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
            if lag == 0 && strictly_past {
                lag = 7;
            }
            day(back(u64::from(lag)), part)
        }
        TimeRef::WeekdayOfLastWeek { weekday } => {
            // Monday of last week, then forward to the weekday.
            let lag = published.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday();
            day(back(u64::from(lag)), None)
        }
        TimeRef::LastWeekend { past } => {
            // The Sunday on or before publication (Saturday if published on
            // one); a weekend said to be over, on a weekend day, the one
            // before.
            let lag = match published.weekday() {
                Weekday::Sat if past => 6,
                Weekday::Sat => 0,
                Weekday::Sun if past => 7,
                w => (w.num_days_from_monday() + 1) % 7,
            };
            back(u64::from(lag)).map(|date| EventDate {
                date,
                precision: DatePrecision::Week,
                part: None,
            })
        }
        TimeRef::LastWeek => {
            // The Sunday that ended last week.
            let lag = published.weekday().num_days_from_monday() + 1;
            back(u64::from(lag)).map(|date| EventDate {
                date,
                precision: DatePrecision::Week,
                part: None,
            })
        }
        TimeRef::PastDays { days } => {
            // The middle of the span, at least the day before.
            back(u64::from((days / 2).max(1))).map(|date| EventDate {
                date,
                precision: DatePrecision::Week,
                part: None,
            })
        }
        TimeRef::ThisWeek { earlier } => {
            // The middle of the week so far: from its Monday to publication,
            // or to the day before for "earlier this week".
            let so_far = published.weekday().num_days_from_monday();
            let lag = if earlier { so_far.div_ceil(2) } else { so_far / 2 };
            back(u64::from(lag)).map(|date| EventDate {
                date,
                precision: DatePrecision::Week,
                part: None,
            })
        }
        // Some day of the month before publication: the middle of its
        // days so far, known to the month ([`vague_span`] gives them all).
        TimeRef::EarlierThisMonth if published.day() > 1 => Some(EventDate {
            date: back((published.day() / 2).into())?,
            precision: DatePrecision::Month,
            part: None,
        }),
        TimeRef::EarlierThisMonth | TimeRef::WeeksAgo | TimeRef::Earlier => Some(EventDate {
            date: published,
            precision: DatePrecision::Background,
            part: None,
        }),
        TimeRef::DaysLater { .. } | TimeRef::AfterFall { .. } | TimeRef::DaysBefore { .. } => None,
        TimeRef::DayOfMonth { day: d } => {
            // This month's, else the month before's (a 31st skips a
            // month without one: none).
            let this = published.with_day(d).filter(|x| *x <= published);
            let date = this.or_else(|| {
                let last_month = published.with_day(1)?.pred_opt()?;
                last_month.with_day(d)
            })?;
            Some(EventDate {
                date,
                precision: DatePrecision::Day,
                part: None,
            })
        }
        TimeRef::Tomorrow => published.succ_opt().map(|date| EventDate {
            date,
            precision: DatePrecision::Day,
            part: None,
        }),
        TimeRef::Absolute { year, month, day: d } => {
            let date = absolute_near(year, month, d, published)?;
            Some(EventDate {
                date,
                precision: DatePrecision::Day,
                part: None,
            })
        }
        // The year of publication says nothing more than the article's date.
        TimeRef::Year { year } if year == published.year() => None,
        TimeRef::Year { year } => NaiveDate::from_ymd_opt(year, 12, 31).map(|date| EventDate {
            date,
            precision: DatePrecision::Year,
            part: None,
        }),
        TimeRef::Month { year, month, part } => {
            // Without a year: this year's, up to five months ahead (plans
            // and expectations); a month further on is last year's.
            let ahead = (month + 12 - published.month()) % 12;
            let year = year.unwrap_or(if month > published.month() && ahead > 5 {
                published.year() - 1
            } else {
                published.year()
            });
            let date = NaiveDate::from_ymd_opt(year, month, part.map_or(15, MonthPart::day))?;
            // The month of publication as a whole, or a part of it not over
            // yet: some day of it before the news, not given ("earlier
            // this month").
            let this_month = (year, month) == (published.year(), published.month());
            if this_month && (part.is_none() || date > published) {
                return resolve_relative_date(&TimeRef::EarlierThisMonth, published);
            }
            Some(EventDate {
                date,
                precision: DatePrecision::Month,
                part: None,
            })
        }
    }
}

/// The days a vague time expression covers, first and last, given the
/// publication date: "last week" its Monday to Sunday, "in recent days" the
/// days before publication, "this week" its Monday to publication, "in
/// late June" the 21st to the 30th; `None` for one that names a day (or
/// nothing). [`resolve_relative_date`] gives one day of the span, which a
/// map needs; the span says which other days agree with it.
///
/// ```
/// use chrono::NaiveDate;
/// use opmars::dates::{vague_span, TimeRef};
/// let wednesday = NaiveDate::from_ymd_opt(2021, 6, 30).unwrap();
/// let (first, last) = vague_span(&TimeRef::LastWeek, wednesday).unwrap();
/// assert_eq!((first.to_string(), last.to_string()), ("2021-06-21".into(), "2021-06-27".into()));
/// ```
pub fn vague_span(tref: &TimeRef, published: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let e = resolve_relative_date(tref, published)?;
    let back = |n: u32| published.checked_sub_days(Days::new(u64::from(n)));
    let monday = back(published.weekday().num_days_from_monday());
    match *tref {
        TimeRef::LastWeek => Some((e.date.checked_sub_days(Days::new(6))?, e.date)),
        TimeRef::LastWeekend { .. } if e.date.weekday() == Weekday::Sun => Some((e.date.pred_opt()?, e.date)),
        TimeRef::PastDays { days } => Some((back(days)?, published)),
        TimeRef::ThisWeek { earlier } => Some((monday?, if earlier { back(1)?.max(monday?) } else { published })),
        TimeRef::EarlierThisMonth => Some((published.with_day(1)?, back(1)?)),
        TimeRef::Month { part, .. } if e.precision == DatePrecision::Month => {
            // (Of the month of publication: the days before it.)
            let before = |(lo, hi): (NaiveDate, NaiveDate)| (lo, hi.min(back(1).unwrap_or(hi)).max(lo));
            let (first, last) = PartialDate {
                year: e.date.year(),
                month: e.date.month(),
                day: None,
            }
            .range()?;
            Some(before(match part {
                None => (first, last),
                Some(MonthPart::Early) => (first, e.date.with_day(10)?),
                Some(MonthPart::Mid) => (e.date.with_day(11)?, e.date.with_day(20)?),
                Some(MonthPart::Late) => (e.date.with_day(21)?, last),
            }))
        }
        _ => None,
    }
}

/// An absolute date without a year takes the year that puts it nearest
/// to (and preferably not long after) the publication date.
pub fn absolute_near(year: Option<i32>, month: u32, day: u32, published: NaiveDate) -> Option<NaiveDate> {
    if let Some(y) = year {
        return NaiveDate::from_ymd_opt(y, month, day);
    }
    let this = NaiveDate::from_ymd_opt(published.year(), month, day);
    match this {
        // `checked_`: near the end of chrono's calendar the sum overflows.
        Some(d) if published.checked_add_days(Days::new(31)).is_none_or(|limit| d <= limit) => Some(d),
        Some(_) => NaiveDate::from_ymd_opt(published.year() - 1, month, day),
        None => None,
    }
}

/// How many days back a weekday expression reaches from a publication
/// date (0 for the same day). Used to prefer publication dates that make
/// the article's weekdays recent.
pub fn weekday_lag(tref: &TimeRef, published: NaiveDate) -> Option<u32> {
    match tref {
        // What happened in a night is news the next day: that day is the
        // nearest, the night's own day one off.
        TimeRef::Weekday {
            part: Some(DayPart::Night),
            ..
        } => {
            resolve_relative_date(tref, published).map(|e| ((published - e.date).num_days() - 1).unsigned_abs() as u32)
        }
        // An evening is news that same evening as often as the next day:
        // both are the nearest.
        TimeRef::Weekday {
            part: Some(DayPart::Evening),
            ..
        } => resolve_relative_date(tref, published).map(|e| ((published - e.date).num_days() - 1).max(0) as u32),
        TimeRef::Weekday { .. } => {
            resolve_relative_date(tref, published).map(|e| (published - e.date).num_days() as u32)
        }
        _ => None,
    }
}

const NL_WEEKDAYS: [(&str, Weekday); 7] = [
    ("maandag", Weekday::Mon),
    ("dinsdag", Weekday::Tue),
    ("woensdag", Weekday::Wed),
    ("donderdag", Weekday::Thu),
    ("vrijdag", Weekday::Fri),
    ("zaterdag", Weekday::Sat),
    ("zondag", Weekday::Sun),
];
const EN_WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];
const NL_PARTS: [(&str, DayPart); 7] = [
    ("ochtend", DayPart::Morning),
    ("morgen", DayPart::Morning),
    // Belgian Dutch: "donderdagvoormiddag", "zaterdagnamiddag".
    ("voormiddag", DayPart::Morning),
    ("namiddag", DayPart::Afternoon),
    ("middag", DayPart::Afternoon),
    ("avond", DayPart::Evening),
    ("nacht", DayPart::Night),
];
const EN_PARTS: [(&str, DayPart); 5] = [
    ("morning", DayPart::Morning),
    ("afternoon", DayPart::Afternoon),
    ("evening", DayPart::Evening),
    ("night", DayPart::Night),
    ("overnight", DayPart::Night),
];

/// Month names and abbreviations, Dutch and English.
const MONTHS: [(&str, u32); 37] = [
    ("januari", 1),
    ("january", 1),
    ("jan", 1),
    ("februari", 2),
    ("february", 2),
    ("feb", 2),
    ("maart", 3),
    ("march", 3),
    ("mrt", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("jun", 6),
    ("juli", 7),
    ("july", 7),
    ("jul", 7),
    ("augustus", 8),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("oktober", 10),
    ("october", 10),
    ("okt", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    ("sepr", 9),
    ("augs", 8),
    ("febr", 2),
];

/// The month a month name or its abbreviation names, Dutch or English
/// (lower case).
pub(crate) fn month_of(word: &str) -> Option<u32> {
    MONTHS.iter().find(|(n, _)| *n == word).map(|(_, m)| *m)
}

/// A word of a sentence, lower-cased, with its byte span.
#[derive(Debug)]
struct Word<'a> {
    lower: &'a str,
    span: Range<usize>,
}

/// "recent days", "the past few days", "the last couple of days", "de
/// afgelopen (paar) dagen", "de voorbije dagen", "the past two days", "the
/// last 48 hours", "de afgelopen 24 uur" starting at word `i` (the word
/// before the count): the index of the last word and the number of days
/// (a few: three; hours rounded up to days). Not "the last days of the
/// republic".
fn past_days(ws: &[Word<'_>], i: usize) -> Option<(usize, u32)> {
    let word = |k: usize| ws.get(k).map_or("", |w| w.lower);
    if !matches!(
        word(i),
        "past" | "last" | "afgelopen" | "voorbije" | "laatste" | "recent"
    ) {
        return None;
    }
    let (count, unit) = match (word(i + 1), word(i + 2), word(i + 3)) {
        ("few" | "paar", _, _) => (Some(3), i + 2),
        ("couple", "of", _) => (Some(3), i + 3),
        (n, _, _) if number_word(n).is_some() && !matches!(n, "a" | "een" | "één" | "one") => (number_word(n), i + 2),
        _ => (None, i + 1),
    };
    let days = match word(unit) {
        "days" | "dagen" => count.unwrap_or(3),
        "hours" | "uur" | "uren" => count?.div_ceil(24),
        _ => return None,
    };
    ((1..=14).contains(&days) && !matches!(word(unit + 1), "of" | "van")).then_some((unit, days))
}

/// "in May", "since June", "in late July 2021", "eind juni", "half juli",
/// "mid-August", "at the end of June", "aan het eind van juni" starting at
/// word `i`: the span's first word (after "since", "sinds", "vanaf", the
/// month's: what it dates sees "since" before it), its last and the month.
/// A preposition or a part of the month must come before the name ("May"
/// alone is a modal too), and a day number after it makes it a date of its
/// own ("since August 6").
fn month_phrase(text: &str, ws: &[Word<'_>], i: usize) -> Option<(usize, usize, TimeRef)> {
    // (Most of its opening words open nothing of the kind: look for a
    // month within the next four words first.)
    if !ws
        .iter()
        .skip(i + 1)
        .take(4)
        .any(|w| is_month_or_weekday_start(w.lower.as_bytes()))
    {
        return None;
    }
    let word = |k: usize| ws.get(k).map_or("", |w| w.lower);
    let part_of = |w: &str| match w {
        "early" | "begin" | "start" | "beginning" => Some(MonthPart::Early),
        "mid" | "half" | "medio" | "midden" | "middle" => Some(MonthPart::Mid),
        "late" | "eind" | "einde" | "end" => Some(MonthPart::Late),
        _ => None,
    };
    let mut k = i;
    let mut first = i;
    let prep = matches!(word(k), "in" | "since" | "sinds" | "during" | "tijdens" | "vanaf");
    if prep {
        if matches!(word(k), "since" | "sinds" | "vanaf") {
            first = k + 1;
        }
        k += 1;
    }
    let part = if matches!(word(k), "the" | "het")
        && matches!(word(k + 2), "of" | "van")
        && let Some(part) = part_of(word(k + 1))
    {
        k += 3;
        Some(part)
    } else if let Some(part) = part_of(word(k)).filter(|_| !matches!(word(k), "start" | "beginning" | "middle" | "end"))
    {
        k += 1;
        Some(part)
    } else {
        None
    };
    if !prep && part.is_none() {
        return None;
    }
    let name = ws.get(k)?;
    let capital = text[name.span.clone()].chars().next().is_some_and(char::is_uppercase);
    let month = month_of(name.lower).filter(|_| capital || name.lower.len() > 3 || name.lower == "mei")?;
    // ("mei-straat" is a street.)
    if day_number(word(k + 1)).is_some() || text[name.span.end..].starts_with('-') {
        return None;
    }
    let (last, year) = match year_number(word(k + 1)) {
        Some(year) => (k + 1, Some(year)),
        None => (k, None),
    };
    Some((first.min(k), last, TimeRef::Month { year, month, part }))
}

/// "a day after the fall of", "twee dagen na de inname van", "the day
/// after the capture of", "a week after the fall of" starting at word `i`:
/// the number of days and the index of the last word ("of", "van").
fn after_fall(ws: &[Word<'_>], i: usize) -> Option<(u32, usize)> {
    let word = |k: usize| ws.get(i + k).map_or("", |w| w.lower);
    let days = day_count(ws, i)?;
    if !matches!(word(2), "after" | "na") {
        return None;
    }
    // "de" / "the" before the noun is optional in headlines.
    let noun = if matches!(word(3), "the" | "de") { 4 } else { 3 };
    let event = matches!(
        word(noun),
        "fall" | "capture" | "takeover" | "seizure" | "val" | "verovering" | "inname" | "overname"
    );
    (event && matches!(word(noun + 1), "of" | "van")).then_some((days, i + noun + 1))
}

/// "a day after", "two days after", "the day after", "een dag nadat",
/// "drie dagen na" at word `i`, where no event noun follows (that is
/// [`after_fall`]): the number of days.
fn days_before(ws: &[Word<'_>], i: usize) -> Option<u32> {
    let days = day_count(ws, i)?;
    matches!(ws.get(i + 2).map_or("", |w| w.lower), "after" | "nadat" | "na").then_some(days)
}

/// "a day", "two days", "the day", "een week" at word `i` (at most 14 of
/// them): the number of days.
fn day_count(ws: &[Word<'_>], i: usize) -> Option<u32> {
    let word = |k: usize| ws.get(i + k).map_or("", |w| w.lower);
    let count = match word(0) {
        "the" | "de" => 1,
        w => number_word(w)?,
    };
    let unit = match word(1) {
        "day" | "days" | "dag" | "dagen" => 1,
        "week" | "weeks" | "weken" => 7,
        _ => return None,
    };
    (count <= 14).then_some(count * unit)
}

/// Where the quantity before "weeks ago" / "weken geleden" at word `i`
/// starts ("two", "a few", "a couple of", "enkele", "een paar"; "a" or
/// "een" before "week"); `None` if there is none.
fn weeks_quantifier(ws: &[Word<'_>], i: usize) -> Option<usize> {
    let at = |j: usize| ws.get(j).map_or("", |x| x.lower);
    let prev = at(i - 1);
    if ws[i].lower == "week" {
        return matches!(prev, "a" | "one" | "een" | "één").then_some(i - 1);
    }
    match prev {
        "of" if i >= 3 && at(i - 2) == "couple" => Some(i - 3),
        "few" | "paar" if i >= 2 && matches!(at(i - 2), "a" | "een") => Some(i - 2),
        "several" | "enkele" | "few" | "paar" => Some(i - 1),
        w => number_word(w).filter(|&n| n >= 2).map(|_| i - 1),
    }
}

fn number_word(w: &str) -> Option<u32> {
    if let Ok(n) = w.parse::<u32>() {
        return Some(n);
    }
    let n = match w {
        "een" | "één" | "one" | "a" => 1,
        "twee" | "two" => 2,
        "drie" | "three" => 3,
        "vier" | "four" => 4,
        "vijf" | "five" => 5,
        "zes" | "six" => 6,
        "zeven" | "seven" => 7,
        "acht" | "eight" => 8,
        "negen" | "nine" => 9,
        "tien" | "ten" => 10,
        "elf" | "eleven" => 11,
        "twaalf" | "twelve" => 12,
        "dertien" | "thirteen" => 13,
        "veertien" | "fourteen" => 14,
        _ => return None,
    };
    Some(n)
}

fn strip_ordinal(w: &str) -> &str {
    for suffix in ["st", "nd", "rd", "th", "e", "ste", "de"] {
        if let Some(n) = w.strip_suffix(suffix)
            && !n.is_empty()
            && n.bytes().all(|b| b.is_ascii_digit())
        {
            return n;
        }
    }
    w
}

fn day_number(w: &str) -> Option<u32> {
    let n: u32 = strip_ordinal(w).parse().ok()?;
    (1..=31).contains(&n).then_some(n)
}

fn year_number(w: &str) -> Option<i32> {
    if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = w.parse().ok()?;
        return (1900..=2100).contains(&y).then_some(y);
    }
    None
}

/// Finds the time expressions in `text[range]`, in order, with spans.
pub fn find_time_refs(text: &str, range: Range<usize>) -> Vec<(Range<usize>, TimeRef)> {
    let slice = &text[range.clone()];
    let lower = crate::text::lowercase_same_offsets(slice);
    let ws: Vec<Word> = alphanumeric_runs(slice)
        .into_iter()
        .map(|r| Word {
            lower: &lower[r.clone()],
            span: range.start + r.start..range.start + r.end,
        })
        .collect();
    let mut out = Vec::new();
    time_refs_of_words(text, &ws, range, &mut out);
    out
}

/// The time expressions of every sentence of an article, in order: what
/// [`find_time_refs`] finds in each, on the article's shared lower-case
/// text and words.
pub fn find_time_refs_in(article: &ArticleText<'_>, sentences: &[Range<usize>]) -> Vec<(Range<usize>, TimeRef)> {
    let mut out = Vec::new();
    let mut ws: Vec<Word> = Vec::new();
    let mut next = 0;
    for sentence in sentences {
        // The words of the sentence, cut at its ends as a search of the
        // sentence alone would see them.
        // Sentences are in order and short: step, don't search.
        while article.words.get(next).is_some_and(|w| w.end <= sentence.start) {
            next += 1;
        }
        ws.clear();
        for w in article.words[next..].iter().take_while(|w| w.start < sentence.end) {
            let span = w.start.max(sentence.start)..w.end.min(sentence.end);
            ws.push(Word {
                lower: &article.lower[span.clone()],
                span,
            });
        }
        time_refs_of_words(article.text, &ws, sentence.clone(), &mut out);
    }
    out
}

/// Appends the time expressions among the words `ws` of `text[range]`.
fn time_refs_of_words(text: &str, ws: &[Word<'_>], range: Range<usize>, out: &mut Vec<(Range<usize>, TimeRef)>) {
    let listed_words = time_start_words();
    let mut i = 0;
    while i < ws.len() {
        let w = ws[i].lower;
        // Most words start no time expression: reject them cheaply, and
        // try on the others only the rules their form allows.
        let shape = TimeWordShape::of(w, listed_words);
        if !shape.could_start() {
            i += 1;
            continue;
        }
        let next = ws.get(i + 1).map(|x| x.lower).unwrap_or("");
        let next2 = ws.get(i + 2).map(|x| x.lower).unwrap_or("");
        let prev = if i > 0 { ws[i - 1].lower } else { "" };
        let span_to = |j: usize| ws[i].span.start..ws[j].span.end;
        let mut push = |span: Range<usize>, t: TimeRef| out.push((span, t));
        // Numeric dates: 2021-08-12, 12-08-2021 (words split on '-': handled via raw text).
        if shape.number
            && let Some((len, t)) = numeric_date_at(text, ws[i].span.start, range.end)
        {
            push(ws[i].span.start..ws[i].span.start + len, t);
            let end = ws[i].span.start + len;
            while i < ws.len() && ws[i].span.start < end {
                i += 1;
            }
            continue;
        }
        // "12 augustus (2021)", "12th of August", "12 Aug."
        if shape.number
            && let Some(d) = day_number(w)
        {
            let (m_idx, m) = if next == "of" {
                (i + 2, month_of(next2))
            } else {
                (i + 1, month_of(next))
            };
            if let Some(m) = m {
                // "mei"/"may"/"mar" are words too; require the number before them.
                let (end, t) = absolute_date(ws, m_idx, m, d);
                if !names_an_event(ws, i, end, t) {
                    push(span_to(end), t);
                }
                i = end + 1;
                continue;
            }
        }
        // "August 12, 2021", "Aug. 12"
        if shape.month_or_weekday
            && let Some(m) = month_of(w)
            && (text[ws[i].span.clone()].chars().next().is_some_and(char::is_uppercase) || w.len() > 3)
            && let Some(d) = day_number(next)
        {
            let (end, t) = absolute_date(ws, i + 1, m, d);
            if !names_an_event(ws, i, end, t) {
                push(span_to(end), t);
            }
            i = end + 1;
            continue;
        }
        // The rules for listed words and numbers; a word that is neither
        // can only be a weekday, tried after them.
        if shape.listed || shape.number {
            // Dutch single words.
            let simple = match w {
                "vandaag" | "heden" | "today" => Some(TimeRef::Today { part: None }),
                "vanochtend" | "vanmorgen" => Some(TimeRef::Today {
                    part: Some(DayPart::Morning),
                }),
                "vanmiddag" => Some(TimeRef::Today {
                    part: Some(DayPart::Afternoon),
                }),
                "vanavond" | "tonight" => Some(TimeRef::Today {
                    part: Some(DayPart::Evening),
                }),
                "vannacht" | "overnight" => Some(TimeRef::LastNightEnding),
                "gisteren" | "yesterday" => {
                    let part = EN_PARTS.iter().find(|(p, _)| *p == next).map(|(_, d)| *d);
                    if let Some(part) = part {
                        push(span_to(i + 1), TimeRef::Yesterday { part: Some(part) });
                        i += 2;
                        continue;
                    }
                    Some(TimeRef::Yesterday { part: None })
                }
                // Both spellings: "gisterochtend", "gisterenochtend".
                "gisterochtend" | "gistermorgen" | "gisterenochtend" | "gisterenmorgen" => Some(TimeRef::Yesterday {
                    part: Some(DayPart::Morning),
                }),
                "gistermiddag" | "gisterenmiddag" => Some(TimeRef::Yesterday {
                    part: Some(DayPart::Afternoon),
                }),
                "gisteravond" | "gisterenavond" => Some(TimeRef::Yesterday {
                    part: Some(DayPart::Evening),
                }),
                "gisternacht" | "gisterennacht" => Some(TimeRef::Yesterday {
                    part: Some(DayPart::Night),
                }),
                "eergisteren" => Some(TimeRef::DayBeforeYesterday),
                "morgen" if prev != "s" && prev != "van" && prev != "de" && prev != "goede" => Some(TimeRef::Tomorrow),
                "tomorrow" => Some(TimeRef::Tomorrow),
                _ => None,
            };
            if let Some(t) = simple {
                push(ws[i].span.clone(), t);
                i += 1;
                continue;
            }
            // English phrases.
            if w == "this" {
                let part = match next {
                    "morning" => Some(DayPart::Morning),
                    "afternoon" => Some(DayPart::Afternoon),
                    "evening" => Some(DayPart::Evening),
                    _ => None,
                };
                if let Some(part) = part {
                    push(span_to(i + 1), TimeRef::Today { part: Some(part) });
                    i += 2;
                    continue;
                }
                if next == "week" {
                    let earlier = matches!(prev, "earlier" | "eerder");
                    push(span_to(i + 1), TimeRef::ThisWeek { earlier });
                    i += 2;
                    continue;
                }
                if next == "weekend" {
                    push(span_to(i + 1), TimeRef::LastWeekend { past: false });
                    i += 2;
                    continue;
                }
            }
            // "sinds vrijdag", "since Friday": a weekday before today's (the
            // span is the weekday's: what it dates sees "since" before it).
            if shape.listed
                && is_month_or_weekday_start(next.as_bytes())
                && Lexicon::word_is(w, Role::SinceWord)
                && let Some((wd, part)) = weekday_word(next)
            {
                push(ws[i + 1].span.clone(), TimeRef::past_weekday(wd, part));
                i += 2;
                continue;
            }
            if let Some((last, days)) = past_days(ws, i) {
                push(span_to(last), TimeRef::PastDays { days });
                i = last + 1;
                continue;
            }
            if matches!(w, "last" | "afgelopen" | "vorige" | "vorig" | "past" | "previous") {
                match next {
                    "night" | "nacht" => {
                        push(
                            span_to(i + 1),
                            TimeRef::Yesterday {
                                part: Some(DayPart::Night),
                            },
                        );
                        i += 2;
                        continue;
                    }
                    "week" => {
                        // "vorige week donderdag", "last week Thursday".
                        if let Some((weekday, _)) = weekday_word(next2) {
                            push(span_to(i + 2), TimeRef::WeekdayOfLastWeek { weekday });
                            i += 3;
                        } else {
                            push(span_to(i + 1), TimeRef::LastWeek);
                            i += 2;
                        }
                        continue;
                    }
                    // "retaken last month", "vorige maand": some earlier
                    // day, not given.
                    "month" | "maand" => {
                        push(span_to(i + 1), TimeRef::Earlier);
                        i += 2;
                        continue;
                    }
                    "weekend" => {
                        push(span_to(i + 1), TimeRef::LastWeekend { past: true });
                        i += 2;
                        continue;
                    }
                    _ => {}
                }
                if let Some((wd, part)) = weekday_word(next) {
                    push(span_to(i + 1), TimeRef::past_weekday(wd, part));
                    i += 2;
                    continue;
                }
            }
            // "the 1980s", "in de jaren tachtig": a decade dates history (its
            // last year stands for it).
            if let Some(year) = match (w, next) {
                ("the", n) if n.len() == 5 && n.ends_with('s') => n
                    .get(..4)
                    .and_then(year_number)
                    .filter(|y| y % 10 == 0 && *y < 2000)
                    .map(|y| y + 9),
                ("jaren", "zestig") => Some(1969),
                ("jaren", "zeventig") => Some(1979),
                ("jaren", "tachtig") => Some(1989),
                ("jaren", "negentig") => Some(1999),
                _ => None,
            } {
                push(span_to(i + 1), TimeRef::Year { year });
                i += 2;
                continue;
            }
            if let Some((first, last, t)) = month_phrase(text, ws, i) {
                push(ws[first].span.start..ws[last].span.end, t);
                i = last + 1;
                continue;
            }
            // "in 1996", "sinds 2001", "since 2015": a year alone.
            if matches!(
                w,
                "in" | "sinds" | "since" | "during" | "tijdens" | "vanaf" | "until" | "tot"
            ) && let Some(year) = year_number(next)
                && numeric_date_at(text, ws[i + 1].span.start, range.end).is_none()
            {
                push(span_to(i + 1), TimeRef::Year { year });
                i += 2;
                continue;
            }
            // "earlier this month", "earlier in the month", "eerder deze
            // maand", "begin deze maand".
            let next3 = ws.get(i + 3).map(|x| x.lower).unwrap_or("");
            if matches!(w, "earlier" | "eerder" | "begin")
                && (matches!((next, next2), ("this", "month") | ("deze", "maand"))
                    || (next, next2, next3) == ("in", "the", "month"))
            {
                let last = if next == "in" { i + 3 } else { i + 2 };
                push(span_to(last), TimeRef::EarlierThisMonth);
                i = last + 1;
                continue;
            }
            // "Earlier, the Taliban captured Mehtarlam", "eerder al": an
            // earlier day, not given (not "earlier on Saturday", "eerder
            // dan").
            // So does one opening its sentence before its verb ("Eerder
            // hadden de Taliban Aqcha ingenomen", "Earlier the Taliban had
            // taken Khamyab"), not before a day or a comparison.
            let opens_sentence = text[ws[i].span.clone()].starts_with('E') && {
                let before = text[..ws[i].span.start].trim_end_matches([' ', '\t']);
                before.is_empty() || before.ends_with(['.', '\n', '!', '?'])
            };
            if matches!(w, "earlier" | "eerder") && text[ws[i].span.end..].starts_with(',')
                || (w, next) == ("eerder", "al")
                || matches!(w, "earlier" | "eerder")
                    && opens_sentence
                    && !matches!(
                        next,
                        "on" | "op"
                            | "this"
                            | "deze"
                            | "dit"
                            | "today"
                            | "vandaag"
                            | "in"
                            | "that"
                            | "die"
                            | "dan"
                            | "than"
                            | "dezelfde"
                    )
                    && !is_weekday_word(next)
            {
                let last = if next == "al" { i + 1 } else { i };
                push(span_to(last), TimeRef::Earlier);
                i = last + 1;
                continue;
            }
            if w == "dit" && next == "weekend" {
                push(span_to(i + 1), TimeRef::LastWeekend { past: false });
                i += 2;
                continue;
            }
            if w == "deze" && next == "week" {
                let earlier = matches!(prev, "earlier" | "eerder");
                push(span_to(i + 1), TimeRef::ThisWeek { earlier });
                i += 2;
                continue;
            }
            if (w == "het" || w == "the")
                && next == "weekend"
                && matches!(prev, "in" | "over" | "at" | "during" | "tijdens")
            {
                push(span_to(i + 1), TimeRef::LastWeekend { past: false });
                i += 2;
                continue;
            }
            // "the next day", "the following day", "de volgende dag", "de dag
            // erna"; "a day later", "twee dagen later", "daags daarna".
            // ("the following morning", "de volgende ochtend": the next
            // day's part.)
            if matches!(
                (w, next, next2),
                (
                    "the",
                    "next" | "following",
                    "day" | "morning" | "afternoon" | "evening" | "night"
                ) | (
                    "de",
                    "volgende",
                    "dag" | "ochtend" | "morgen" | "middag" | "avond" | "nacht"
                ) | ("de", "dag", "erna")
            ) {
                push(span_to(i + 2), TimeRef::DaysLater { days: 1 });
                i += 3;
                continue;
            }
            // "that day", "on the same day", "die dag", "diezelfde dag": the
            // day told before (see [`TimeRef::shifted`] by none).
            // ("Later op de dag": later on the day told before; so are
            // "hours later", "uren later".)
            let same_day = match (w, next, next2) {
                ("that", "day" | "morning" | "afternoon" | "evening" | "night", _)
                | ("die" | "diezelfde" | "dezelfde", "dag" | "ochtend" | "middag" | "avond" | "nacht", _) => {
                    Some(i + 1)
                }
                ("that" | "the", "same", "day") | ("die", "zelfde", "dag") => Some(i + 2),
                // ("Eerder op de dag", "earlier in the day": before, on it.)
                ("later" | "eerder", "op", "de") if ws.get(i + 3).is_some_and(|x| x.lower == "dag") => Some(i + 3),
                ("later" | "earlier", "in", "the") if ws.get(i + 3).is_some_and(|x| x.lower == "day") => Some(i + 3),
                // "hours later", "enkele uren later": within the day told before.
                ("hours" | "uren" | "uur", "later", _) => Some(i + 1),
                _ => None,
            };
            if let Some(last) = same_day {
                push(span_to(last), TimeRef::DaysLater { days: 0 });
                i = last + 1;
                continue;
            }
            // "a day after the fall of", "twee dagen na de val van", "the
            // day after the capture of", "a week after the fall of".
            if let Some((days, last)) = after_fall(ws, i) {
                push(span_to(last), TimeRef::AfterFall { days, place: None });
                i = last + 1;
                continue;
            }
            if let Some(days) = days_before(ws, i) {
                push(span_to(i + 2), TimeRef::DaysBefore { days });
                i += 3;
                continue;
            }
            if (w, next) == ("daags", "daarna") {
                push(span_to(i + 1), TimeRef::DaysLater { days: 1 });
                i += 2;
                continue;
            }
            if let Some(n) = number_word(w)
                && matches!(next, "dagen" | "dag" | "days" | "day")
                && matches!(next2, "later" | "daarna" | "nadien")
                && n <= 14
            {
                push(span_to(i + 2), TimeRef::DaysLater { days: n });
                i += 3;
                continue;
            }
            if w == "the" && next == "day" && next2 == "before" && ws.get(i + 3).is_some_and(|x| x.lower == "yesterday")
            {
                push(span_to(i + 3), TimeRef::DayBeforeYesterday);
                i += 4;
                continue;
            }
            // "48 uur geleden", "36 hours ago": whole days back, rounded
            // to the nearest (half a day rounds down).
            if let Some(n) = number_word(w)
                && matches!(next, "uur" | "hours" | "hour")
                && matches!(next2, "geleden" | "ago")
                && n <= 14 * 24
            {
                let t = match (n + 11) / 24 {
                    0 => TimeRef::Today { part: None },
                    1 => TimeRef::Yesterday { part: None },
                    days => TimeRef::DaysAgo { days },
                };
                push(span_to(i + 2), t);
                i += 3;
                continue;
            }
            // "on the 10th", "op de 10de", "op de 10e": a day of this
            // month (or the last), written as an ordinal after "on the" /
            // "op de", and not counting something ("the 10th day", "de
            // 10de verdieping").
            let prev2 = if i > 1 { ws[i - 2].lower } else { "" };
            if shape.number
                && strip_ordinal(w) != w
                && matches!((prev2, prev), ("on", "the") | ("op", "de"))
                && let Some(day) = day_number(w)
                && !ORDINAL_NOUNS.contains(&next)
            {
                push(ws[i].span.clone(), TimeRef::DayOfMonth { day });
                i += 1;
                continue;
            }
            // "twee weken geleden", "a couple of weeks ago", "a few weeks
            // ago" (but "a week ago", "een week geleden": seven days).
            if matches!(w, "weeks" | "weken" | "week")
                && matches!(next, "ago" | "geleden")
                && i > 0
                && let Some(start) = weeks_quantifier(ws, i)
            {
                let t = if w == "week" {
                    TimeRef::DaysAgo { days: 7 }
                } else {
                    TimeRef::WeeksAgo
                };
                push(ws[start].span.start..ws[i + 1].span.end, t);
                i += 2;
                continue;
            }
            // "twee dagen geleden", "two days ago"
            if let Some(n) = number_word(w)
                && matches!(next, "dagen" | "dag" | "days" | "day")
                && matches!(next2, "geleden" | "ago")
                && n <= 14
            {
                push(span_to(i + 2), TimeRef::DaysAgo { days: n });
                i += 3;
                continue;
            }
        }
        if shape.month_or_weekday
            && let Some((wd, part)) = weekday_word(w)
        {
            let (span, t, after) = weekday_ref(ws, i, wd, part);
            push(span, t);
            i = after;
            continue;
        }
        i += 1;
    }
}

/// Nouns an ordinal counts rather than dates: "on the 10th day of the
/// siege", "op de 3de verdieping".
const ORDINAL_NOUNS: [&str; 22] = [
    "anniversary",
    "century",
    "consecutive",
    "dag",
    "day",
    "eeuw",
    "floor",
    "keer",
    "minute",
    "minuut",
    "of",
    "place",
    "plaats",
    "plek",
    "round",
    "ronde",
    "straight",
    "time",
    "van",
    "verdieping",
    "week",
    "year",
];

/// Is the date of words `ws[first..=last]` the name of an event of another
/// year rather than a day of this one: "the September 11 attacks", "de
/// aanslagen van 11 september"? Only a date without its year is.
fn names_an_event(ws: &[Word<'_>], first: usize, last: usize, t: TimeRef) -> bool {
    const EVENT_NOUNS: [&str; 6] = [
        "attacks",
        "attack",
        "aanslagen",
        "aanslag",
        "terreuraanslagen",
        "anniversary",
    ];
    if !matches!(t, TimeRef::Absolute { year: None, .. }) {
        return false;
    }
    let word = |j: Option<usize>| j.and_then(|j| ws.get(j)).map_or("", |w| w.lower);
    EVENT_NOUNS.contains(&word(Some(last + 1)))
        || matches!(word(first.checked_sub(1)), "van" | "of" | "on")
            && EVENT_NOUNS.contains(&word(first.checked_sub(2)))
}

/// A day and month whose last word is `ws[last]`, with the year if the
/// next word is one: the index of the expression's last word and the date.
fn absolute_date(ws: &[Word<'_>], last: usize, month: u32, day: u32) -> (usize, TimeRef) {
    let year = ws.get(last + 1).and_then(|x| year_number(x.lower));
    let end = if year.is_some() { last + 1 } else { last };
    (end, TimeRef::Absolute { year, month, day })
}

/// The weekday expression at word `i`, with a part of day glued on
/// (vrijdagochtend) or following (Friday morning), and the index of the
/// word after it.
fn weekday_ref(
    ws: &[Word<'_>],
    i: usize,
    weekday: Weekday,
    mut part: Option<DayPart>,
) -> (Range<usize>, TimeRef, usize) {
    // "donderdag vorige week", "Thursday last week".
    if part.is_none()
        && ws
            .get(i + 1)
            .is_some_and(|w| matches!(w.lower, "vorige" | "afgelopen" | "last" | "past"))
        && ws.get(i + 2).is_some_and(|w| w.lower == "week")
    {
        return (
            ws[i].span.start..ws[i + 2].span.end,
            TimeRef::WeekdayOfLastWeek { weekday },
            i + 3,
        );
    }
    let mut end = i;
    if part.is_none()
        && let Some(next) = ws.get(i + 1)
        && let Some((_, p)) = EN_PARTS.iter().find(|(p, _)| *p == next.lower)
    {
        part = Some(*p);
        end = i + 1;
    }
    // "late on Saturday", "late Saturday": its evening; "early on
    // Sunday", "early Sunday": its morning.
    let before = |k: usize| i.checked_sub(k).map_or("", |j| ws[j].lower);
    let edge = if before(1) == "on" { before(2) } else { before(1) };
    if part.is_none() {
        part = match edge {
            "late" => Some(DayPart::Evening),
            "early" => Some(DayPart::Morning),
            _ => None,
        };
    }
    let t = TimeRef::Weekday {
        weekday,
        part,
        strictly_past: false,
    };
    (ws[i].span.start..ws[end].span.end, t, end + 1)
}

/// Words that may begin a time expression by themselves (besides numbers,
/// months and weekdays), sorted.
const TIME_START_WORDS: &[&str] = &[
    "a",
    "acht",
    "afgelopen",
    "begin",
    "daags",
    "de",
    "dertien",
    "deze",
    "dezelfde",
    "die",
    "diezelfde",
    "dit",
    "drie",
    "during",
    "earlier",
    "early",
    "een",
    "eerder",
    "eergisteren",
    "eight",
    "eind",
    "eleven",
    "elf",
    "five",
    "four",
    "fourteen",
    "gisteravond",
    "gisteren",
    "gisterenavond",
    "gisterenmiddag",
    "gisterenmorgen",
    "gisterennacht",
    "gisterenochtend",
    "gistermiddag",
    "gistermorgen",
    "gisternacht",
    "gisterochtend",
    "half",
    "heden",
    "het",
    "hours",
    "in",
    "jaren",
    "laatste",
    "last",
    "late",
    "later",
    "medio",
    "mid",
    "midden",
    "morgen",
    "negen",
    "nine",
    "one",
    "overnight",
    "past",
    "previous",
    "recent",
    "seven",
    "since",
    "sinds",
    "six",
    "ten",
    "that",
    "the",
    "thirteen",
    "this",
    "three",
    "tien",
    "tijdens",
    "today",
    "tomorrow",
    "tonight",
    "tot",
    "twaalf",
    "twee",
    "twelve",
    "two",
    "until",
    "uren",
    "uur",
    "vanaf",
    "vanavond",
    "vandaag",
    "vanmiddag",
    "vanmorgen",
    "vannacht",
    "vanochtend",
    "veertien",
    "vier",
    "vijf",
    "voorbije",
    "vorig",
    "vorige",
    "week",
    "weeks",
    "weken",
    "yesterday",
    "zes",
    "zeven",
    "één",
];

/// [`TIME_START_WORDS`] as a hash set, built on first use.
fn time_start_words() -> &'static WordList {
    static WORDS: OnceLock<WordList> = OnceLock::new();
    WORDS.get_or_init(|| WordList::new(&TIME_START_WORDS.join("\n")))
}

/// For each first byte, a bit for the length of every [`TIME_START_WORDS`]
/// word beginning with it: almost every other word is rejected by one
/// table look-up.
static TIME_START_SHAPES: [u64; 256] = time_start_shapes();

const fn time_start_shapes() -> [u64; 256] {
    let mut shapes = [0u64; 256];
    let mut i = 0;
    while i < TIME_START_WORDS.len() {
        let w = TIME_START_WORDS[i].as_bytes();
        assert!(!w.is_empty() && w.len() < 64);
        shapes[w[0] as usize] |= 1 << w.len();
        i += 1;
    }
    shapes
}

/// What a word (lower case) may begin, by its form: the quick filter in
/// front of the rules, as most words begin nothing.
#[derive(Debug, Clone, Copy)]
struct TimeWordShape {
    /// Starts with an ASCII digit: a date, a day number, a number of days.
    number: bool,
    /// One of [`TIME_START_WORDS`]: every rule on the word itself other
    /// than numbers, months and weekdays names one of these.
    listed: bool,
    /// Starts like a month or weekday name.
    month_or_weekday: bool,
}

impl TimeWordShape {
    /// The shape of `w`; `listed_words` is [`time_start_words`].
    fn of(w: &str, listed_words: &WordList) -> Self {
        let bytes = w.as_bytes();
        let number = bytes.first().is_some_and(u8::is_ascii_digit);
        let listed = !number
            && bytes.len() < 64
            && bytes
                .first()
                .is_some_and(|&b0| TIME_START_SHAPES[usize::from(b0)] >> bytes.len() & 1 != 0)
            && listed_words.contains(w);
        TimeWordShape {
            number,
            listed,
            month_or_weekday: !number && is_month_or_weekday_start(bytes),
        }
    }

    fn could_start(self) -> bool {
        self.number || self.listed || self.month_or_weekday
    }
}

/// Can `w` (lower case) begin a time expression?
#[cfg(test)]
fn could_start_time_ref(w: &str) -> bool {
    TimeWordShape::of(w, time_start_words()).could_start()
}

/// The first three letters of months (also abbreviated) and weekdays
/// (also with a part of day glued on), Dutch and English.
const MONTH_OR_WEEKDAY_STARTS: [&[u8; 3]; 29] = [
    b"jan", b"feb", b"maa", b"mar", b"mrt", b"apr", b"mei", b"may", b"jun", b"jul", b"aug", b"sep", b"okt", b"oct",
    b"nov", b"dec", b"din", b"woe", b"don", b"vri", b"zat", b"zon", b"mon", b"tue", b"wed", b"thu", b"fri", b"sat",
    b"sun",
];

/// [`MONTH_OR_WEEKDAY_STARTS`] as a table: for the first two letters `a`,
/// `b`, bit `c` of entry `a * 26 + b` is set when `abc` is listed.
static MONTH_OR_WEEKDAY_TABLE: [u32; 26 * 26] = {
    let mut table = [0u32; 26 * 26];
    let mut k = 0;
    while k < MONTH_OR_WEEKDAY_STARTS.len() {
        let [a, b, c] = *MONTH_OR_WEEKDAY_STARTS[k];
        table[(a - b'a') as usize * 26 + (b - b'a') as usize] |= 1 << (c - b'a');
        k += 1;
    }
    table
};

/// Does a lower-case word begin like a month or weekday name?
fn is_month_or_weekday_start(bytes: &[u8]) -> bool {
    match *bytes {
        [a @ b'a'..=b'z', b @ b'a'..=b'z', c @ b'a'..=b'z', ..] => {
            MONTH_OR_WEEKDAY_TABLE[usize::from(a - b'a') * 26 + usize::from(b - b'a')] >> (c - b'a') & 1 != 0
        }
        _ => false,
    }
}

/// Is `w` (lower case) a weekday name, Dutch or English, perhaps with a
/// part of the day ("zaterdagavond")?
pub fn is_weekday_word(w: &str) -> bool {
    weekday_word(w).is_some()
}

/// A weekday word, Dutch or English, possibly with a Dutch part of day
/// glued on (`vrijdagochtend`, `zondagavond`).
fn weekday_word(w: &str) -> Option<(Weekday, Option<DayPart>)> {
    for (name, wd) in NL_WEEKDAYS.iter().chain(EN_WEEKDAYS.iter()) {
        if let Some(rest) = w.strip_prefix(name) {
            if rest.is_empty() {
                return Some((*wd, None));
            }
            if let Some((_, p)) = NL_PARTS.iter().find(|(p, _)| *p == rest) {
                return Some((*wd, Some(*p)));
            }
            if rest == "s" {
                // "Fridays" / "vrijdags": habitual, not a date.
                return None;
            }
        }
    }
    None
}

/// `2021-08-12`, `12-08-2021`, `12/08/2021`, `12.08.2021` at byte `at`.
fn numeric_date_at(text: &str, at: usize, limit: usize) -> Option<(usize, TimeRef)> {
    let s = &text[at..limit.min(text.len())];
    let bytes = s.as_bytes();
    let take_digits = |from: usize| -> usize { bytes[from..].iter().take_while(|b| b.is_ascii_digit()).count() };
    let a = take_digits(0);
    if a == 0 || a > 4 || bytes.len() <= a {
        return None;
    }
    let sep = bytes[a];
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    let b = take_digits(a + 1);
    if b == 0 || b > 2 || bytes.len() <= a + 1 + b || bytes[a + 1 + b] != sep {
        return None;
    }
    let c = take_digits(a + 2 + b);
    let len = a + 2 + b + c;
    // An ISO timestamp goes on with its time: "2021-08-09T10:42:00".
    let iso_time = a == 4 && bytes.get(len) == Some(&b'T') && bytes.get(len + 1).is_some_and(u8::is_ascii_digit);
    if bytes.get(len).is_some_and(|x| x.is_ascii_alphanumeric()) && !iso_time {
        return None;
    }
    let n1: u32 = s[..a].parse().ok()?;
    let n2: u32 = s[a + 1..a + 1 + b].parse().ok()?;
    let n3: u32 = s[a + 2 + b..len].parse().ok()?;
    let (y, m, d) = match (a, c) {
        (4, 1..=2) => (n1 as i32, n2, n3),
        (1..=2, 4) => (n3 as i32, n2, n1),
        // "09-08-21, 10:42": a day, month and two-digit year are a date
        // only as a timestamp, with the time of day after them.
        (1..=2, 2) if sep == b'-' && time_of_day_follows(&s[len..]) => (2000 + n3 as i32, n2, n1),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, m, d)?;
    Some((
        len,
        TimeRef::Absolute {
            year: Some(y),
            month: m,
            day: d,
        },
    ))
}

/// Does a time of day ("10:42") follow, after at most a comma and spaces?
fn time_of_day_follows(s: &str) -> bool {
    let rest = s.trim_start_matches([',', ' ']).as_bytes();
    let hours = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    (1..=2).contains(&hours)
        && rest.get(hours) == Some(&b':')
        && rest
            .get(hours + 1..hours + 3)
            .is_some_and(|m| m.iter().all(u8::is_ascii_digit))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn refs(text: &str) -> Vec<(&str, TimeRef)> {
        find_time_refs(text, 0..text.len())
            .into_iter()
            .map(|(r, t)| (&text[r], t))
            .collect()
    }

    #[test]
    fn late_or_early_on_a_weekday_is_a_part_of_it() {
        let part = |text| match refs(text).first() {
            Some((_, TimeRef::Weekday { part, .. })) => *part,
            _ => None,
        };
        assert_eq!(part("crossed the border late on Saturday"), Some(DayPart::Evening));
        assert_eq!(part("fell late Saturday"), Some(DayPart::Evening));
        assert_eq!(part("fell early Sunday"), Some(DayPart::Morning));
        assert_eq!(part("fell on Sunday"), None);
        // "the previous weekend": the one before, said on a weekend day.
        let sunday = d(2021, 8, 15);
        assert_eq!(
            resolve_in("Sheberghan fell the previous weekend.", sunday),
            [d(2021, 8, 8)]
        );
    }

    fn resolve_in(text: &str, published: NaiveDate) -> Vec<NaiveDate> {
        find_time_refs(text, 0..text.len())
            .into_iter()
            .filter_map(|(_, t)| resolve_relative_date(&t, published))
            .map(|e| e.date)
            .collect()
    }

    // Saturday 14 August 2021.
    const SAT: (i32, u32, u32) = (2021, 8, 14);
    fn sat() -> NaiveDate {
        d(SAT.0, SAT.1, SAT.2)
    }

    #[test]
    fn hours_later_is_the_day_told_before() {
        for text in ["and hours later Aybak fell", "Enkele uren later volgde Aybak."] {
            assert!(
                refs(text).iter().any(|(_, t)| *t == TimeRef::DaysLater { days: 0 }),
                "{text}"
            );
        }
    }

    #[test]
    fn timestamps_are_dates() {
        let abs = |y, m, day| TimeRef::Absolute {
            year: Some(y),
            month: m,
            day,
        };
        assert_eq!(refs("2021-08-09T10:42:00+04:30"), [("2021-08-09", abs(2021, 8, 9))]);
        assert_eq!(refs("09-08-21, 10:42 Bron: ANP"), [("09-08-21", abs(2021, 8, 9))]);
        assert_eq!(refs("09-08-21 10:42"), [("09-08-21", abs(2021, 8, 9))]);
        // Without a time of day, two-digit groups are no date.
        assert!(refs("a score of 09-08-21 in the final").is_empty());
    }

    #[test]
    fn marker_month_and_day() {
        let (date, body) = parse_date_marker(" date 2021-08 De Taliban rukken op.")
            .unwrap()
            .unwrap();
        assert_eq!(
            date,
            PartialDate {
                year: 2021,
                month: 8,
                day: None
            }
        );
        assert_eq!(&" date 2021-08 De Taliban rukken op."[body..], "De Taliban rukken op.");
        let (date, body) = parse_date_marker("date 2021-08-15\nKabul valt.").unwrap().unwrap();
        assert_eq!(date.full(), Some(d(2021, 8, 15)));
        assert_eq!(body, "date 2021-08-15\n".len());
        assert_eq!(parse_date_marker("Geen datum hier.").unwrap(), None);
        assert_eq!(parse_date_marker("dateline Kabul").unwrap(), None);
    }

    #[test]
    fn impossible_marker_is_an_error() {
        assert!(parse_date_marker("date 2021-13-45 tekst").is_err());
        assert!(parse_date_marker("date 2021-02-30 tekst").is_err());
        assert!(parse_date_marker("date 2021-00 tekst").is_err());
    }

    #[test]
    fn partial_date_range() {
        let p = PartialDate {
            year: 2021,
            month: 2,
            day: None,
        };
        assert_eq!(p.range(), Some((d(2021, 2, 1), d(2021, 2, 28))));
        let p = PartialDate {
            year: 2021,
            month: 12,
            day: None,
        };
        assert_eq!(p.range(), Some((d(2021, 12, 1), d(2021, 12, 31))));
    }

    #[test]
    fn dutch_day_words() {
        assert_eq!(resolve_in("Dat gebeurde vandaag.", sat()), [sat()]);
        assert_eq!(resolve_in("Het gebeurde gisteren.", sat()), [d(2021, 8, 13)]);
        assert_eq!(resolve_in("Het gebeurde eergisteren.", sat()), [d(2021, 8, 12)]);
        assert_eq!(resolve_in("De stad viel vannacht.", sat()), [sat()]);
        assert_eq!(resolve_in("Gisteravond werd gevochten.", sat()), [d(2021, 8, 13)]);
        assert_eq!(
            resolve_in("Vanochtend, vanmiddag en vanavond.", sat()),
            [sat(), sat(), sat()]
        );
        assert_eq!(
            resolve_in("Gisterochtend en gistermiddag.", sat()),
            [d(2021, 8, 13), d(2021, 8, 13)]
        );
        // The longer spelling of the same words.
        assert_eq!(
            resolve_in("Gisterenochtend, gisterenmiddag en gisterenavond.", sat()),
            [d(2021, 8, 13), d(2021, 8, 13), d(2021, 8, 13)]
        );
    }

    #[test]
    fn dutch_weekdays_are_past() {
        // Published Saturday 14 August: Friday is the 13th, Saturday itself is today.
        assert_eq!(resolve_in("Vrijdag viel de stad.", sat()), [d(2021, 8, 13)]);
        assert_eq!(resolve_in("Zaterdag viel de stad.", sat()), [sat()]);
        assert_eq!(resolve_in("Zondag viel de stad.", sat()), [d(2021, 8, 8)]);
        let r = refs("De taliban kondigden vrijdagochtend aan dat ze de stad hadden.");
        assert_eq!(r[0].0, "vrijdagochtend");
        assert_eq!(
            r[0].1,
            TimeRef::Weekday {
                weekday: Weekday::Fri,
                part: Some(DayPart::Morning),
                strictly_past: false
            }
        );
        assert_eq!(resolve_in("Op zondagavond was het stil.", sat()), [d(2021, 8, 8)]);
        assert_eq!(resolve_in("Afgelopen zaterdag was het stil.", sat()), [d(2021, 8, 7)]);
        // "sinds zaterdag", "since Saturday": a span that began before
        // today (the span is the weekday's own).
        assert_eq!(resolve_in("Sinds zaterdag is het stil.", sat()), [d(2021, 8, 7)]);
        assert_eq!(resolve_in("It has been quiet since Saturday.", sat()), [d(2021, 8, 7)]);
        assert_eq!(refs("sinds vrijdag")[0].0, "vrijdag");
        // Belgian Dutch names the morning "voormiddag", the afternoon "namiddag".
        assert_eq!(
            resolve_in("Donderdagvoormiddag sprak de minister.", sat()),
            [d(2021, 8, 12)]
        );
        assert_eq!(
            resolve_in("Het vliegtuig landde woensdagnamiddag.", sat()),
            [d(2021, 8, 11)]
        );
    }

    #[test]
    fn a_weekday_of_last_week() {
        // Saturday 14 August: last week's Thursday is 5 August, not the 12th.
        for text in [
            "Vorige week donderdag viel de stad.",
            "De stad viel donderdag vorige week.",
            "The town fell last week Thursday.",
            "The town fell on Thursday last week.",
            "Afgelopen week donderdag werd de stad ingenomen.",
        ] {
            assert_eq!(resolve_in(text, sat()), vec![d(2021, 8, 5)], "{text}");
        }
        assert_eq!(
            refs("donderdag vorige week"),
            vec![(
                "donderdag vorige week",
                TimeRef::WeekdayOfLastWeek { weekday: Weekday::Thu }
            )]
        );
        // Published on a Monday: last week's Sunday is the day before.
        assert_eq!(resolve_in("vorige week zondag", d(2021, 8, 16)), vec![d(2021, 8, 15)]);
    }

    #[test]
    fn weeks_and_weekends() {
        // On a Saturday this weekend is today, the past weekend the one before.
        assert_eq!(resolve_in("Dit weekend vielen drie steden.", sat()), [sat()]);
        assert_eq!(
            resolve_in("Het afgelopen weekend vielen drie steden.", sat()),
            [d(2021, 8, 8)]
        );
        assert_eq!(resolve_in("Last weekend three cities fell.", sat()), [d(2021, 8, 8)]);
        // Earlier this week: the middle of Monday to Friday; this week: of
        // Monday to Saturday.
        assert_eq!(resolve_in("Earlier this week Kunduz fell.", sat()), [d(2021, 8, 11)]);
        assert_eq!(resolve_in("Eerder deze week viel Kunduz.", sat()), [d(2021, 8, 11)]);
        assert_eq!(resolve_in("Deze week viel Kunduz.", sat()), [d(2021, 8, 12)]);
        let mon = d(2021, 8, 16);
        assert_eq!(
            resolve_in("Afgelopen weekend vielen drie steden.", mon),
            [d(2021, 8, 15)]
        );
        assert_eq!(resolve_in("Vorige week viel Zaranj.", mon), [d(2021, 8, 15)]);
        assert_eq!(resolve_in("Over the weekend, Kunduz fell.", mon), [d(2021, 8, 15)]);
        assert_eq!(resolve_in("Last week the city fell.", d(2021, 8, 18)), [d(2021, 8, 15)]);
        let refs = refs("Deze week en twee dagen geleden.");
        assert_eq!(refs[0].1, TimeRef::ThisWeek { earlier: false });
        assert_eq!(refs[1].1, TimeRef::DaysAgo { days: 2 });
    }

    #[test]
    fn english_expressions() {
        assert_eq!(resolve_in("The city fell on Sunday.", sat()), [d(2021, 8, 8)]);
        assert_eq!(resolve_in("Fighting began Friday morning.", sat()), [d(2021, 8, 13)]);
        let r = refs("Fighting began Friday morning.");
        assert_eq!(r[0].0, "Friday morning");
        assert_eq!(resolve_in("Officials said yesterday.", sat()), [d(2021, 8, 13)]);
        assert_eq!(resolve_in("Insurgents entered last night.", sat()), [d(2021, 8, 13)]);
        assert_eq!(resolve_in("This morning the governor fled.", sat()), [sat()]);
        assert_eq!(resolve_in("It happened three days ago.", sat()), [d(2021, 8, 11)]);
        assert_eq!(resolve_in("It happened a week ago.", sat()), [d(2021, 8, 7)]);
        // Weeks ago: some day weeks back, not given.
        for text in [
            "The district fell a couple of weeks ago.",
            "Het district viel twee weken geleden.",
            "It fell a few weeks ago.",
            "Enkele weken geleden viel het.",
        ] {
            assert_eq!(
                refs(text).iter().map(|r| r.1).collect::<Vec<_>>(),
                [TimeRef::WeeksAgo],
                "{text}"
            );
        }
        assert!(refs("The weeks ahead are hard.").is_empty());
        assert_eq!(resolve_in("Last Saturday it fell.", sat()), [d(2021, 8, 7)]);
        assert_eq!(resolve_in("the day before yesterday", sat()), [d(2021, 8, 12)]);
    }

    #[test]
    fn hours_ago_count_whole_days() {
        assert_eq!(resolve_in("The town fell 48 hours ago.", sat()), [d(2021, 8, 12)]);
        assert_eq!(resolve_in("De stad viel 24 uur geleden.", sat()), [d(2021, 8, 13)]);
        // Half a day rounds down; a few hours are today.
        assert_eq!(resolve_in("It fell 36 hours ago.", sat()), [d(2021, 8, 13)]);
        assert_eq!(resolve_in("De stad viel zes uur geleden.", sat()), [sat()]);
        // A span, not a time back: its middle, at least the day before.
        assert_eq!(
            resolve_in("In the past 48 hours three towns fell.", sat()),
            [d(2021, 8, 13)]
        );
    }

    #[test]
    fn day_of_the_month_alone() {
        assert_eq!(resolve_in("The town fell on the 10th.", sat()), [d(2021, 8, 10)]);
        assert_eq!(resolve_in("De stad viel op de 3de.", sat()), [d(2021, 8, 3)]);
        assert_eq!(resolve_in("De stad viel op de 14e.", sat()), [sat()]);
        // After publication's day: last month's.
        assert_eq!(resolve_in("The siege began on the 20th.", sat()), [d(2021, 7, 20)]);
        // Counting, not dating.
        assert!(resolve_in("It fell on the 10th day of the siege.", sat()).is_empty());
        assert!(resolve_in("Hij woont op de 3de verdieping.", sat()).is_empty());
        // A bare number is not an ordinal.
        assert!(resolve_in("on the 10 roads", sat()).is_empty());
        // "On the 31st" in a month of 30 days before it: none.
        let oct2 = d(2021, 10, 2);
        assert!(resolve_in("It fell on the 31st.", oct2).is_empty());
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(
            resolve_in("— Reuters (@Reuters) August 12, 2021", sat()),
            [d(2021, 8, 12)]
        );
        assert_eq!(resolve_in("Op 12 augustus viel Ghazni.", sat()), [d(2021, 8, 12)]);
        assert_eq!(resolve_in("Op 6 augustus 2021 viel Zaranj.", sat()), [d(2021, 8, 6)]);
        assert_eq!(resolve_in("On 15th of August Kabul fell.", sat()), [d(2021, 8, 15)]);
        assert_eq!(
            resolve_in("Sinds 2021-08-06 en 07-08-2021.", sat()),
            [d(2021, 8, 6), d(2021, 8, 7)]
        );
        assert_eq!(resolve_in("Aug. 9 was quiet.", sat()), [d(2021, 8, 9)]);
        // A year-less date months ahead belongs to the previous year.
        assert_eq!(
            resolve_in("Op 28 december begon het.", d(2022, 1, 5)),
            [d(2021, 12, 28)]
        );
    }

    #[test]
    fn not_dates() {
        assert!(refs("Ze march on Kabul and may win.").is_empty());
        assert!(refs("Om 2021-13-45 gebeurde niets.").is_empty());
        assert!(refs("Vrijdags is de markt open, 's morgens vroeg.").is_empty());
        assert!(
            refs("Hij is 12 en woont in mei-straat 4.").is_empty()
                || refs("Hij is 12 en woont in mei-straat 4.").len() == 1
        );
    }

    #[test]
    fn a_month_without_a_day_dates_its_middle_or_the_part_named() {
        let month = |text| {
            refs(text)
                .into_iter()
                .map(|(s, t)| match t {
                    TimeRef::Month { year, month, part } => (s, Some((year, month, part))),
                    _ => (s, None),
                })
                .collect::<Vec<_>>()
        };
        use MonthPart::*;
        assert_eq!(
            month("The Taliban captured Imam Sahib in May."),
            [("in May", Some((None, 5, None)))]
        );
        assert_eq!(
            month("De Taliban veroverden Imam Sahib in mei."),
            [("in mei", Some((None, 5, None)))]
        );
        assert_eq!(
            month("It fell in late June."),
            [("in late June", Some((None, 6, Some(Late))))]
        );
        assert_eq!(
            month("Eind juni viel Ghormach."),
            [("Eind juni", Some((None, 6, Some(Late))))]
        );
        assert_eq!(
            month("begin juli 2021"),
            [("begin juli 2021", Some((Some(2021), 7, Some(Early))))]
        );
        assert_eq!(month("by mid-July"), [("mid-July", Some((None, 7, Some(Mid))))]);
        assert_eq!(
            month("at the end of June"),
            [("the end of June", Some((None, 6, Some(Late))))]
        );
        assert_eq!(
            month("aan het eind van juni"),
            [("het eind van juni", Some((None, 6, Some(Late))))]
        );
        // After "since" the span is the month's, as for a weekday.
        assert_eq!(month("in handen sinds juni"), [("juni", Some((None, 6, None)))]);
        // A day after the month is a date; "may" is a modal; a street.
        assert_eq!(
            refs("since August 6")[0].1,
            TimeRef::Absolute {
                year: None,
                month: 8,
                day: 6
            }
        );
        assert!(month("Kabul may fall in weeks.").is_empty());
        assert!(month("Kabul may fall.").is_empty());
        assert!(month("Hij woont in mei-straat 4.").is_empty());
        assert!(month("The end of the war.").is_empty());

        // Resolved: the middle of the month, or of its part.
        let mon = d(2021, 7, 5);
        let resolve = |text| {
            find_time_refs(text, 0..text.len())
                .into_iter()
                .filter_map(|(_, t)| resolve_relative_date(&t, mon))
                .map(|e| (e.date, e.precision))
                .collect::<Vec<_>>()
        };
        assert_eq!(resolve("in May"), [(d(2021, 5, 15), DatePrecision::Month)]);
        assert_eq!(resolve("in early June"), [(d(2021, 6, 5), DatePrecision::Month)]);
        assert_eq!(resolve("eind juni"), [(d(2021, 6, 25), DatePrecision::Month)]);
        // The month of publication: earlier this month, some day of it
        // before publication (the middle of those days stands for them);
        // so is a part of it not over yet.
        let earlier = [(d(2021, 7, 3), DatePrecision::Month)];
        assert_eq!(resolve("in July"), earlier);
        assert_eq!(resolve("in late July"), earlier);
        assert_eq!(resolve("in mid-July"), earlier);
        assert_eq!(resolve("earlier this month"), earlier);
        let span = |text| {
            find_time_refs(text, 0..text.len())
                .into_iter()
                .filter_map(|(_, t)| vague_span(&t, mon))
                .collect::<Vec<_>>()
        };
        assert_eq!(span("eerder deze maand"), [(d(2021, 7, 1), d(2021, 7, 4))]);
        assert_eq!(span("in July"), [(d(2021, 7, 1), d(2021, 7, 4))]);
        assert_eq!(span("eind juni"), [(d(2021, 6, 21), d(2021, 6, 30))]);
        assert_eq!(span("in May"), [(d(2021, 5, 1), d(2021, 5, 31))]);
        assert!(span("on Friday").is_empty());
        assert_eq!(resolve("in early July"), [(d(2021, 7, 5), DatePrecision::Month)]);
        assert_eq!(resolve("in late August"), [(d(2021, 8, 25), DatePrecision::Month)]);
        // Up to five months ahead: this year's (an expectation); more:
        // last year's.
        assert_eq!(resolve("in December"), [(d(2021, 12, 15), DatePrecision::Month)]);
        let august = TimeRef::Month {
            year: None,
            month: 8,
            part: None,
        };
        let february = d(2022, 2, 10);
        assert_eq!(
            resolve_relative_date(&august, february).map(|e| e.date),
            Some(d(2021, 8, 15))
        );
    }

    #[test]
    fn the_past_few_days_are_a_span_before_publication() {
        let past = |text| {
            refs(text)
                .into_iter()
                .filter_map(|(s, t)| match t {
                    TimeRef::PastDays { days } => Some((s, days)),
                    _ => None,
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(past("captured in recent days"), [("recent days", 3)]);
        assert_eq!(past("in the past few days"), [("past few days", 3)]);
        assert_eq!(past("over the last couple of days"), [("last couple of days", 3)]);
        assert_eq!(past("de afgelopen dagen"), [("afgelopen dagen", 3)]);
        assert_eq!(past("de afgelopen paar dagen"), [("afgelopen paar dagen", 3)]);
        assert_eq!(past("de voorbije dagen"), [("voorbije dagen", 3)]);
        assert_eq!(past("in the last two days"), [("last two days", 2)]);
        assert_eq!(past("in the past 48 hours"), [("past 48 hours", 2)]);
        assert_eq!(past("de afgelopen 24 uur"), [("afgelopen 24 uur", 1)]);
        // Not the last days of something, nor a week.
        assert!(past("the last days of the republic").is_empty());
        assert!(past("de laatste dagen van het bewind").is_empty());
        assert_eq!(refs("afgelopen week")[0].1, TimeRef::LastWeek);
        // Resolved to the middle of the span, at least the day before.
        let monday = d(2021, 8, 9);
        let resolved = |days| resolve_relative_date(&TimeRef::PastDays { days }, monday).unwrap();
        assert_eq!(
            (resolved(3).date, resolved(3).precision),
            (d(2021, 8, 8), DatePrecision::Week)
        );
        assert_eq!(resolved(1).date, d(2021, 8, 8));
        assert_eq!(resolved(7).date, d(2021, 8, 6));
    }

    #[test]
    fn bare_years_date_history() {
        let r = refs("In 1996 namen de Taliban Kabul in; sinds 2001 niet meer.");
        assert_eq!(r[0].1, TimeRef::Year { year: 1996 });
        assert_eq!(r[1].1, TimeRef::Year { year: 2001 });
        assert_eq!(resolve_in("In 1996 viel Kabul.", sat()), [d(1996, 12, 31)]);
        // A decade dates history too.
        assert_eq!(
            refs("A tactic from the 1980s, when the Soviets entered the valley.")[0].1,
            TimeRef::Year { year: 1989 }
        );
        assert_eq!(
            refs("In de jaren tachtig viel Kabul.")[0].1,
            TimeRef::Year { year: 1989 }
        );
        assert!(refs("The 2021s and the 1984s are no decades.").is_empty());
        // The publication year adds nothing.
        assert!(resolve_in("In 2021 viel Kabul.", sat()).is_empty());
        assert!(refs("Er zijn 2500 militairen.").is_empty());
    }

    #[test]
    fn tomorrow_is_future() {
        assert_eq!(
            resolve_in("Hun aankomst wordt morgen verwacht.", sat()),
            [d(2021, 8, 15)]
        );
        assert!(
            refs("Vanmorgen kwam hij aan.")
                .iter()
                .all(|(_, t)| *t != TimeRef::Tomorrow)
        );
    }

    /// The filter as it was before its table: a plain list.
    fn could_start_time_ref_reference(w: &str) -> bool {
        let Some(&b0) = w.as_bytes().first() else { return false };
        if b0.is_ascii_digit() {
            return true;
        }
        if matches!(
            w,
            "vandaag"
                | "heden"
                | "today"
                | "vanochtend"
                | "vanmorgen"
                | "vanmiddag"
                | "vanavond"
                | "tonight"
                | "vannacht"
                | "overnight"
                | "gisteren"
                | "yesterday"
                | "gisterochtend"
                | "gistermorgen"
                | "gistermiddag"
                | "gisteravond"
                | "gisternacht"
                | "gisterenochtend"
                | "gisterenmorgen"
                | "gisterenmiddag"
                | "gisterenavond"
                | "gisterennacht"
                | "eergisteren"
                | "morgen"
                | "tomorrow"
                | "this"
                | "last"
                | "afgelopen"
                | "vorige"
                | "vorig"
                | "past"
                | "previous"
                | "deze"
                | "dit"
                | "daags"
                | "de"
                | "earlier"
                | "eerder"
                | "begin"
                | "early"
                | "late"
                | "mid"
                | "eind"
                | "half"
                | "medio"
                | "midden"
                | "voorbije"
                | "laatste"
                | "recent"
                | "week"
                | "weeks"
                | "weken"
                | "het"
                | "the"
                | "jaren"
                | "that"
                | "die"
                | "diezelfde"
                | "dezelfde"
                | "later"
                | "hours"
                | "uren"
                | "uur"
                | "in"
                | "sinds"
                | "since"
                | "during"
                | "tijdens"
                | "vanaf"
                | "until"
                | "tot"
                | "een"
                | "één"
                | "one"
                | "a"
                | "twee"
                | "two"
                | "drie"
                | "three"
                | "vier"
                | "four"
                | "vijf"
                | "five"
                | "zes"
                | "six"
                | "zeven"
                | "seven"
                | "acht"
                | "eight"
                | "negen"
                | "nine"
                | "tien"
                | "ten"
                | "elf"
                | "eleven"
                | "twaalf"
                | "twelve"
                | "dertien"
                | "thirteen"
                | "veertien"
                | "fourteen"
        ) {
            return true;
        }
        // Months (also abbreviated) and weekdays (also with a part of day glued on).
        w.len() >= 3
            && matches!(
                w.get(..3),
                Some(
                    "jan"
                        | "feb"
                        | "maa"
                        | "mar"
                        | "mrt"
                        | "apr"
                        | "mei"
                        | "may"
                        | "jun"
                        | "jul"
                        | "aug"
                        | "sep"
                        | "okt"
                        | "oct"
                        | "nov"
                        | "dec"
                        | "din"
                        | "woe"
                        | "don"
                        | "vri"
                        | "zat"
                        | "zon"
                        | "mon"
                        | "tue"
                        | "wed"
                        | "thu"
                        | "fri"
                        | "sat"
                        | "sun"
                )
            )
    }

    #[test]
    fn every_month_and_weekday_passes_the_start_filter() {
        let names = MONTHS
            .iter()
            .map(|(n, _)| *n)
            .chain(NL_WEEKDAYS.iter().chain(&EN_WEEKDAYS).map(|(n, _)| *n));
        for name in names {
            assert!(name.len() >= 3 && is_month_or_weekday_start(name.as_bytes()), "{name}");
        }
        // The table says exactly what the list says.
        for a in b'a'..=b'z' {
            for b in b'a'..=b'z' {
                for c in b'a'..=b'z' {
                    let listed = MONTH_OR_WEEKDAY_STARTS.contains(&&[a, b, c]);
                    assert_eq!(is_month_or_weekday_start(&[a, b, c, b'x']), listed);
                }
            }
        }
        assert!(!is_month_or_weekday_start(b"ja") && !is_month_or_weekday_start("jän".as_bytes()));
    }

    #[test]
    fn time_start_words_are_sorted() {
        assert!(TIME_START_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn time_start_filter_matches_its_list() {
        let mut words: Vec<String> = include_str!("../data/common_words.txt")
            .lines()
            .map(str::to_owned)
            .collect();
        for w in TIME_START_WORDS.iter().chain(MONTHS.iter().map(|(m, _)| m)) {
            words.extend([
                w.to_string(),
                format!("{w}s"),
                w[..w.len() - 1].to_owned(),
                format!("x{w}"),
            ]);
        }
        for (w, _) in NL_WEEKDAYS.iter().chain(&EN_WEEKDAYS) {
            words.extend([
                w.to_string(),
                format!("{w}ochtend"),
                w[..3].to_owned(),
                w[..2].to_owned(),
            ]);
        }
        words.extend(["", "1", "12e", "é", "één", "ééna", "mä", "ma\u{301}y"].map(String::from));
        for w in &words {
            assert_eq!(could_start_time_ref(w), could_start_time_ref_reference(w), "{w:?}");
        }
    }

    #[test]
    fn days_after_a_clause_count_back_from_its_main_clause() {
        let before = |text| {
            refs(text)
                .into_iter()
                .filter_map(|(s, t)| match t {
                    TimeRef::DaysBefore { days } => Some((s, days)),
                    _ => None,
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            before("on Monday, a day after the group took Kunduz"),
            [("a day after", 1)]
        );
        assert_eq!(before("twee dagen nadat ze Kunduz innamen"), [("twee dagen nadat", 2)]);
        // "a day after the fall of" counts from that fall instead.
        assert!(before("a day after the fall of Herat").is_empty());
        use chrono::Weekday::{Mon, Sun};
        let monday = TimeRef::Weekday {
            weekday: Mon,
            part: None,
            strictly_past: false,
        };
        assert_eq!(
            monday.shifted_back(1),
            Some(TimeRef::Weekday {
                weekday: Sun,
                part: None,
                strictly_past: true
            })
        );
        assert_eq!(
            TimeRef::Yesterday { part: None }.shifted_back(1),
            Some(TimeRef::DayBeforeYesterday)
        );
        assert_eq!(
            TimeRef::Absolute {
                year: Some(2021),
                month: 8,
                day: 1
            }
            .shifted_back(1),
            Some(TimeRef::Absolute {
                year: Some(2021),
                month: 7,
                day: 31
            })
        );
        // Alone it dates nothing.
        assert_eq!(
            resolve_relative_date(&TimeRef::DaysBefore { days: 1 }, d(2021, 8, 9)),
            None
        );
    }

    #[test]
    fn days_after_another_fall_wait_for_that_fall() {
        fn after(text: &str) -> Vec<(&str, u32)> {
            refs(text)
                .into_iter()
                .filter_map(|(s, t)| match t {
                    TimeRef::AfterFall { days, place: None } => Some((s, days)),
                    _ => None,
                })
                .collect()
        }
        assert_eq!(
            after("Kandahar fell a day after the fall of Herat."),
            [("a day after the fall of", 1)]
        );
        assert_eq!(
            after("Twee dagen na de val van Herat."),
            [("Twee dagen na de val van", 2)]
        );
        assert_eq!(
            after("The day after the capture of Kunduz."),
            [("The day after the capture of", 1)]
        );
        assert_eq!(
            after("Een week na de inname van Ghazni."),
            [("Een week na de inname van", 7)]
        );
        // No count, another event, or a plain "after": nothing to count from.
        assert!(after("Na de val van Herat vluchtten velen.").is_empty());
        assert!(after("A day after the meeting in Doha.").is_empty());
        assert!(after("A day after talks, Herat fell.").is_empty());
        // Alone it dates nothing.
        assert_eq!(
            resolve_relative_date(
                &TimeRef::AfterFall {
                    days: 1,
                    place: Some(7)
                },
                NaiveDate::from_ymd_opt(2021, 8, 14).unwrap()
            ),
            None
        );
    }

    #[test]
    fn that_day_is_the_day_told_before() {
        let text = "Die dag, diezelfde dag, dezelfde dag; that day, that same day, on the same day.";
        let refs = find_time_refs(text, 0..text.len());
        let found: Vec<(&str, &TimeRef)> = refs.iter().map(|(r, t)| (&text[r.clone()], t)).collect();
        assert_eq!(found.len(), 6, "{found:?}");
        assert!(
            found.iter().all(|(_, t)| **t == TimeRef::DaysLater { days: 0 }),
            "{found:?}"
        );
        // Moved by none, today stays today.
        assert_eq!(
            TimeRef::Today { part: None }.shifted(0),
            Some(TimeRef::Today { part: None })
        );
        // "that" alone names no day.
        assert!(find_time_refs("That city fell.", 0..15).is_empty());
        // "Later op de dag": later on the day told before.
        let text = "Later op de dag viel Farah.";
        let refs = find_time_refs(text, 0..text.len());
        assert_eq!(refs.len(), 1, "{refs:?}");
        assert_eq!(&text[refs[0].0.clone()], "Later op de dag");
        assert_eq!(refs[0].1, TimeRef::DaysLater { days: 0 });
        assert!(find_time_refs("Later viel Farah.", 0..17).is_empty());
    }

    #[test]
    fn last_night_in_dutch_as_in_english() {
        for text in [
            "Afgelopen nacht viel Kunduz.",
            "Vorige nacht viel Kunduz.",
            "Last night Kunduz fell.",
        ] {
            let refs = find_time_refs(text, 0..text.len());
            assert_eq!(
                refs.iter().map(|(_, t)| *t).collect::<Vec<_>>(),
                [TimeRef::Yesterday {
                    part: Some(DayPart::Night)
                }],
                "{text}"
            );
        }
    }

    #[test]
    fn days_later_shift_the_event_before() {
        let text = "De volgende dag, twee dagen later en daags daarna; a day later, the next day.";
        let refs = find_time_refs(text, 0..text.len());
        let days: Vec<u32> = refs
            .iter()
            .filter_map(|(_, t)| match t {
                TimeRef::DaysLater { days } => Some(*days),
                _ => None,
            })
            .collect();
        assert_eq!(days, [1, 2, 1, 1, 1]);
        let friday = TimeRef::Weekday {
            weekday: Weekday::Fri,
            part: None,
            strictly_past: false,
        };
        assert!(matches!(
            friday.shifted(1),
            Some(TimeRef::Weekday {
                weekday: Weekday::Sat,
                ..
            })
        ));
        assert_eq!(
            TimeRef::Absolute {
                year: Some(2021),
                month: 7,
                day: 31
            }
            .shifted(1),
            Some(TimeRef::Absolute {
                year: Some(2021),
                month: 8,
                day: 1
            })
        );
        assert_eq!(
            TimeRef::Yesterday { part: None }.shifted(1),
            Some(TimeRef::Today { part: None })
        );
        assert_eq!(TimeRef::Today { part: None }.shifted(1), None);
    }

    #[test]
    fn weekday_lag_counts_back() {
        let t = TimeRef::Weekday {
            weekday: Weekday::Thu,
            part: None,
            strictly_past: false,
        };
        assert_eq!(weekday_lag(&t, sat()), Some(2));
        assert_eq!(weekday_lag(&TimeRef::Today { part: None }, sat()), None);
        // "donderdagavond": news that evening or on Friday, alike; a night
        // is news the next day.
        let evening = TimeRef::Weekday {
            weekday: Weekday::Thu,
            part: Some(DayPart::Evening),
            strictly_past: false,
        };
        let fri = sat().pred_opt().unwrap();
        let thu = fri.pred_opt().unwrap();
        assert_eq!(weekday_lag(&evening, fri), Some(0));
        assert_eq!(weekday_lag(&evening, thu), Some(0));
        assert_eq!(weekday_lag(&evening, sat()), Some(1));
        let night = TimeRef::Weekday {
            weekday: Weekday::Thu,
            part: Some(DayPart::Night),
            strictly_past: false,
        };
        assert_eq!(weekday_lag(&night, fri), Some(0));
        assert_eq!(weekday_lag(&night, thu), Some(1));
    }
}
