//! The status decision as a table in data (`data/status_rules.tsv`): what
//! a cue reports about a place, given the mood and polarity of its clause,
//! whether only part of the place is meant, who vouches for it, and
//! whether the place is a province.
//!
//! The table replaces a chain of conditions whose order decided the
//! outcome: every combination is looked up the same way, the most specific
//! matching row winning (see the file's header), and a test checks that
//! every combination has exactly one such row.

use std::sync::OnceLock;

use crate::clauses::{Mood, Polarity};
use crate::reports::Status;

/// How much of the place a cue is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Extent {
    Full,
    /// "parts of", "much of", "gedeeltelijk", "briefly".
    Partial,
    /// Only the town's edge: "the gates of the city are in their hands".
    Edge,
}

/// Who vouches for a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// The article, officials, residents: nobody disputes it.
    Plain,
    /// Only the Taliban say so.
    Claim,
    /// Officials deny it.
    Denial,
    /// The Taliban say so and officials deny it.
    Disputed,
}

/// What sort of place a report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Settlement,
    Province,
}

/// Everything the decision depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RuleKey {
    pub cue: Status,
    pub mood: Mood,
    pub polarity: Polarity,
    pub extent: Extent,
    pub source: Source,
    pub target: Target,
}

/// One row: `None` in a column matches anything.
#[derive(Debug, Clone)]
struct Rule {
    line: usize,
    cue: Status,
    mood: Option<Mood>,
    polarity: Option<Polarity>,
    extent: Option<Extent>,
    source: Option<Source>,
    target: Option<Target>,
    /// `None`: no report.
    status: Option<Status>,
    confidence: f32,
}

impl Rule {
    fn matches(&self, k: &RuleKey) -> bool {
        self.cue == k.cue
            && self.mood.is_none_or(|m| m == k.mood)
            && self.polarity.is_none_or(|p| p == k.polarity)
            && self.extent.is_none_or(|e| e == k.extent)
            && self.source.is_none_or(|s| s == k.source)
            && self.target.is_none_or(|t| t == k.target)
    }

    /// Which columns the row fixes, weighted by precedence.
    fn specificity(&self) -> u32 {
        u32::from(self.polarity.is_some()) * 16
            + u32::from(self.mood.is_some()) * 8
            + u32::from(self.extent.is_some()) * 4
            + u32::from(self.source.is_some()) * 2
            + u32::from(self.target.is_some())
    }
}

/// Errors in the rule table.
#[derive(Debug, thiserror::Error)]
pub enum RuleError {
    #[error("status rules line {line}: {message}")]
    BadRow { line: usize, message: String },
    #[error("status rules lines {a} and {b} fix the same columns and both match {key}")]
    Ambiguous { a: usize, b: usize, key: String },
    #[error("status rules: no row for {0}")]
    Missing(String),
}

/// The rule table.
#[derive(Debug, Clone)]
pub struct StatusRules {
    rules: Vec<Rule>,
}

const RULES_TSV: &str = include_str!("../data/status_rules.tsv");

fn parse_column<T>(s: &str, parse: impl Fn(&str) -> Option<T>) -> Result<Option<T>, String> {
    if s == "*" {
        Ok(None)
    } else {
        parse(s).map(Some).ok_or_else(|| format!("unknown value {s:?}"))
    }
}

const MOODS: [Mood; 4] = Mood::ALL;
const POLARITIES: [Polarity; 3] = Polarity::ALL;
const EXTENTS: [(Extent, &str); 3] = [
    (Extent::Full, "full"),
    (Extent::Partial, "partial"),
    (Extent::Edge, "edge"),
];
const SOURCES: [(Source, &str); 4] = [
    (Source::Plain, "plain"),
    (Source::Claim, "claim"),
    (Source::Denial, "denial"),
    (Source::Disputed, "disputed"),
];
const TARGETS: [(Target, &str); 2] = [(Target::Settlement, "settlement"), (Target::Province, "province")];

fn named<T: Copy>(table: &[(T, &str)], s: &str) -> Option<T> {
    table.iter().find(|(_, n)| *n == s).map(|(v, _)| *v)
}

impl StatusRules {
    /// The table embedded in the binary.
    pub fn bundled() -> &'static StatusRules {
        static BUNDLED: OnceLock<StatusRules> = OnceLock::new();
        BUNDLED.get_or_init(|| {
            StatusRules::parse(RULES_TSV).expect("the bundled status rules are checked by the test suite")
        })
    }

    /// Parses the table and checks that every combination of values has
    /// exactly one most specific row.
    pub fn parse(tsv: &str) -> Result<Self, RuleError> {
        let mut rules = Vec::new();
        for (n, line) in tsv.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |message: String| RuleError::BadRow { line: n + 1, message };
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 8 {
                return Err(bad(format!("expected 8 tab-separated columns, found {}", cols.len())));
            }
            let cue = Status::parse(cols[0]).ok_or_else(|| bad(format!("unknown cue status {:?}", cols[0])))?;
            let mood = parse_column(cols[1], |s| MOODS.into_iter().find(|m| m.as_str() == s)).map_err(bad)?;
            let polarity = parse_column(cols[2], |s| POLARITIES.into_iter().find(|p| p.as_str() == s)).map_err(bad)?;
            let extent = parse_column(cols[3], |s| named(&EXTENTS, s)).map_err(bad)?;
            let source = parse_column(cols[4], |s| named(&SOURCES, s)).map_err(bad)?;
            let target = parse_column(cols[5], |s| named(&TARGETS, s)).map_err(bad)?;
            let status = match cols[6] {
                "-" => None,
                s => Some(Status::parse(s).ok_or_else(|| bad(format!("unknown status {s:?}")))?),
            };
            let confidence: f32 = cols[7]
                .parse()
                .ok()
                .filter(|c: &f32| (0.0..=1.0).contains(c))
                .ok_or_else(|| bad(format!("confidence {:?} is not a number from 0 to 1", cols[7])))?;
            rules.push(Rule {
                line: n + 1,
                cue,
                mood,
                polarity,
                extent,
                source,
                target,
                status,
                confidence,
            });
        }
        let table = StatusRules { rules };
        for key in Self::all_keys() {
            table.best(&key)?;
        }
        Ok(table)
    }

    /// Every combination of values.
    pub fn all_keys() -> impl Iterator<Item = RuleKey> {
        Status::ALL.into_iter().flat_map(|cue| {
            MOODS.into_iter().flat_map(move |mood| {
                POLARITIES.into_iter().flat_map(move |polarity| {
                    EXTENTS.into_iter().flat_map(move |(extent, _)| {
                        SOURCES.into_iter().flat_map(move |(source, _)| {
                            TARGETS.into_iter().map(move |(target, _)| RuleKey {
                                cue,
                                mood,
                                polarity,
                                extent,
                                source,
                                target,
                            })
                        })
                    })
                })
            })
        })
    }

    fn best(&self, key: &RuleKey) -> Result<&Rule, RuleError> {
        let mut best: Option<&Rule> = None;
        for r in self.rules.iter().filter(|r| r.matches(key)) {
            match best {
                Some(b) if b.specificity() == r.specificity() => {
                    return Err(RuleError::Ambiguous {
                        a: b.line,
                        b: r.line,
                        key: format!("{key:?}"),
                    });
                }
                Some(b) if b.specificity() > r.specificity() => {}
                _ => best = Some(r),
            }
        }
        best.ok_or_else(|| RuleError::Missing(format!("{key:?}")))
    }

    /// The status and confidence a cue gives, `None` for no report.
    pub fn decide(&self, key: &RuleKey) -> Option<(Status, f32)> {
        // Every key has a row: `parse` checked them all.
        let rule = self.best(key).ok()?;
        rule.status.map(|s| (s, rule.confidence))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(cue: Status, mood: Mood, polarity: Polarity, extent: Extent, source: Source) -> RuleKey {
        RuleKey {
            cue,
            mood,
            polarity,
            extent,
            source,
            target: Target::Settlement,
        }
    }

    #[test]
    fn the_bundled_table_covers_every_combination_once() {
        let rules = StatusRules::parse(RULES_TSV).unwrap();
        assert_eq!(StatusRules::all_keys().count(), 5 * 4 * 3 * 3 * 4 * 2);
        for k in StatusRules::all_keys() {
            rules.best(&k).unwrap();
        }
    }

    #[test]
    fn decisions() {
        use Extent::*;
        use Mood::*;
        use Polarity::*;
        use Source::*;
        use Status::*;
        let r = StatusRules::bundled();
        let s = |k| r.decide(&k).map(|(s, _)| s);
        assert_eq!(s(key(Captured, Indicative, Positive, Full, Plain)), Some(Captured));
        assert_eq!(s(key(Captured, Indicative, Positive, Full, Claim)), Some(Claimed));
        assert_eq!(s(key(Captured, Indicative, Positive, Full, Disputed)), Some(Claimed));
        assert_eq!(s(key(Captured, Indicative, Positive, Full, Denial)), Some(Held));
        assert_eq!(s(key(Captured, Indicative, Positive, Partial, Plain)), Some(Contested));
        assert_eq!(s(key(Captured, Indicative, Positive, Edge, Plain)), Some(Threatened));
        assert_eq!(s(key(Captured, Indicative, Negative, Edge, Plain)), None);
        assert_eq!(s(key(Captured, Modal, Positive, Full, Plain)), Some(Threatened));
        assert_eq!(s(key(Captured, Conditional, Positive, Full, Claim)), Some(Threatened));
        assert_eq!(s(key(Captured, Future, Negative, Full, Plain)), None);
        assert_eq!(s(key(Captured, Indicative, Negative, Full, Plain)), Some(Held));
        assert_eq!(s(key(Held, Indicative, NoLonger, Full, Plain)), Some(Captured));
        assert_eq!(s(key(Threatened, Indicative, Negative, Full, Plain)), None);
        assert_eq!(s(key(Contested, Modal, Positive, Full, Plain)), Some(Threatened));
        let province = RuleKey {
            target: Target::Province,
            ..key(Contested, Indicative, Positive, Full, Plain)
        };
        assert_eq!(r.decide(&province), None);
    }

    #[test]
    fn ambiguous_and_incomplete_tables_are_rejected() {
        let full: String = Status::ALL
            .iter()
            .map(|s| format!("{}\t*\t*\t*\t*\t*\t{}\t0.9\n", s.as_str(), s.as_str()))
            .collect();
        assert!(StatusRules::parse(&full).is_ok());
        let ambiguous = format!(
            "{full}captured\tmodal\t*\t*\t*\t*\tthreatened\t0.5\ncaptured\tfuture\t*\t*\t*\t*\t-\t0\ncaptured\tmodal\t*\t*\t*\t*\t-\t0\n"
        );
        assert!(matches!(
            StatusRules::parse(&ambiguous),
            Err(RuleError::Ambiguous { .. })
        ));
        let missing = full.lines().skip(1).collect::<Vec<_>>().join("\n");
        assert!(matches!(StatusRules::parse(&missing), Err(RuleError::Missing(_))));
        assert!(matches!(
            StatusRules::parse("captured\tsoon\t*\t*\t*\t*\tcaptured\t0.9\n"),
            Err(RuleError::BadRow { .. })
        ));
        assert!(matches!(
            StatusRules::parse("captured\t*\t*\t*\t*\t*\tcaptured\t1.5\n"),
            Err(RuleError::BadRow { .. })
        ));
    }
}
