//! Every number of the notice, as data. The 2020 rule-set (`cas-2020.json`) is embedded;
//! another round's is made in the browser or loaded from a rule-set file (`file`,
//! docs/rule-set.md), and checked by `validate` either way.

mod clauses;
mod diff;
mod embedded;
mod file;
pub mod form;
mod validate;

pub use diff::{Difference, differences, label as field_label};
pub use file::{FILE_SUFFIX, FORMAT, VERSION, file_name, parse_file, problems_text, to_file_text};
pub use validate::{Problem, validate};

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar::YearCalendar;
use crate::model::{Category, CountryCode, TitleLevel};

/// Clauses the pages cite that no rule checks (`clauses` holds them beside the rules'):
/// 优先条件 and 回国后成果分享.
pub const PAGE_TOPICS: &[&str] = &["priority", "sharing"];

/// The file `embedded` is built from (build.rs), as the tests read it.
#[cfg(test)]
const EMBEDDED_2020: &str = include_str!("cas-2020.json");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    pub id: String,
    pub name: String,
    pub notice: Notice,
    pub program_year: Period,
    pub categories: BTreeMap<Category, CategoryRules>,
    pub key_fields: KeyFields,
    pub priority_items: Vec<PriorityItem>,
    pub durations: Durations,
    pub host_limits: Vec<HostLimit>,
    pub min_hosts: u32,
    pub max_cities: u32,
    pub age_reference: AgeReference,
    pub submission_deadline: NaiveDate,
    pub summary_due_working_days: u32,
    pub reimbursement: ReimbursementRules,
    /// Holiday calendars this rule-set adds or replaces (by year); the built-in years
    /// (`calendar::built_in`) apply otherwise.
    #[serde(default)]
    pub calendar: Vec<YearCalendar>,
    pub developed_countries: CountryList,
    pub submit_to: SubmitTo,
    /// The clause of the notice each rule cites, by rule id (`required` → 「二(八)」): a
    /// notice numbered otherwise is described by its rule-set. A rule the map leaves out
    /// cites the embedded rule-set's (files made before the map existed).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub clauses: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    pub title: String,
    pub issuer: String,
    pub date: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub clause: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryRules {
    pub label: String,
    pub clause: String,
    pub plan_persons: u32,
    pub min_members: u32,
    pub max_members: u32,
    pub max_age: u32,
    pub leader_levels: Vec<TitleLevel>,
    pub leader_requirement: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyFields {
    pub label: String,
    pub clause: String,
    pub plan_persons: u32,
    pub topics: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorityItem {
    pub key: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Durations {
    pub allowed: Vec<u32>,
    /// From this many days on, any length is allowed; `None`: only the listed ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_ended_from: Option<u32>,
    pub clause: String,
}

/// From `from_days` of training on, at most `max_hosts` hosts (二(三)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostLimit {
    pub from_days: u32,
    pub max_hosts: u32,
}

/// The day on which ages (周岁) are counted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum AgeReference {
    /// The application's exit date, or `fallback` while it has none.
    ExitDate {
        fallback: NaiveDate,
    },
    Fixed {
        date: NaiveDate,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReimbursementRules {
    pub period_start: MonthDay,
    pub period_end: MonthDay,
    pub settlement_window: Window,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    pub from: MonthDay,
    pub to: MonthDay,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryList {
    pub source: String,
    pub countries: Vec<NamedCountry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedCountry {
    pub code: CountryCode,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmitTo {
    pub office: String,
    pub contact: String,
    pub phone: String,
    pub email: String,
}

impl RuleSet {
    /// The embedded 2020 rule-set, built once.
    pub fn embedded() -> &'static RuleSet {
        static CELL: OnceLock<RuleSet> = OnceLock::new();
        // Built by Rust that build.rs writes from the file: reading the JSON would bring
        // `Deserialize` and serde_json's reader into the first download. Tests check it
        // equals the file as `parse_file` reads it and passes `validate`.
        CELL.get_or_init(embedded::build)
    }

    /// Parses and checks a rule-set file (wrapped or bare); the error lists every
    /// problem, one per line.
    pub fn from_json(text: &str) -> Result<RuleSet, String> {
        parse_file(text).map_err(|p| format!("规则集文件无效：{}", problems_text(&p)))
    }

    /// A `'static` copy, kept once per distinct content: the UI hands rule-sets to many
    /// closures, and an office uses a handful per session, so they live as long as the page.
    pub fn interned(&self) -> &'static RuleSet {
        use std::sync::Mutex;
        static KEPT: Mutex<Vec<&'static RuleSet>> = Mutex::new(Vec::new());
        let embedded = RuleSet::embedded();
        // The usual case, on every change of the workspace: no field-by-field comparison.
        if std::ptr::eq(self, embedded) || self == embedded {
            return embedded;
        }
        let mut kept = KEPT.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(rs) = kept.iter().find(|r| *r == &self) {
            return rs;
        }
        let rs: &'static RuleSet = Box::leak(Box::new(self.clone()));
        kept.push(rs);
        rs
    }

    /// Whether this is the rule-set built into the app (it cannot be edited or deleted).
    pub fn is_embedded(&self) -> bool {
        self.id == RuleSet::embedded().id
    }

    /// A hash of the content: two rule-sets with one id and different numbers differ.
    pub fn content_hash(&self) -> u64 {
        crate::model::text_hash(&serde_json::to_string(self).unwrap_or_default())
    }

    /// Working days under this rule-set: the built-in holiday calendars with this
    /// rule-set's years in place, and a unit's `closure_days`.
    pub fn calendar_for(&self, closure_days: &[NaiveDate]) -> crate::calendar::Calendar {
        crate::calendar::Calendar::new(&self.calendar, closure_days)
    }

    /// The training summary is due this many working days after return (二(五)).
    pub fn summary_due(&self, calendar: &crate::calendar::Calendar, returned: NaiveDate) -> Option<NaiveDate> {
        calendar.add_working_days(returned, self.summary_due_working_days)
    }

    /// The content hash as people compare it: 16 hex digits.
    pub fn fingerprint(&self) -> String {
        format!("{:016x}", self.content_hash())
    }

    /// After the submission deadline, the round is over for new applications: 工作台 says
    /// so once (instead of every draft warning about it).
    pub fn round_over_note(&self, today: NaiveDate) -> Option<String> {
        (today > self.submission_deadline).then(|| {
            format!(
                "「{}」的申报截止日期 {} 已过。本工具仍按这一轮的规则检查；\
                 办理新一轮申报时，请导入人事局或本单位发布的新一轮规则集文件，\
                 或复制本规则集后按新通知修改。",
                self.name, self.submission_deadline
            )
        })
    }

    /// A date to show as an example of the format: the middle of the program window, so it
    /// belongs to the round.
    pub fn example_date(&self) -> NaiveDate {
        let (a, b) = (self.program_year.start, self.program_year.end);
        a.checked_add_signed((b - a) / 2).unwrap_or(a)
    }

    /// 「2020 年度」: how texts name the round, from the program window.
    pub fn round_label(&self) -> String {
        let (from, to) = (self.program_year.start.year(), self.program_year.end.year());
        if from == to { format!("{from} 年度") } else { format!("{from}–{to} 年度") }
    }

    /// The clause rule `rule` cites: this rule-set's, else the embedded one's, else 「—」.
    pub fn clause(&self, rule: &str) -> &str {
        let own = self.clauses.get(rule).filter(|c| !c.trim().is_empty());
        let fallback = || RuleSet::embedded().clauses.get(rule);
        own.or_else(fallback).map_or("—", String::as_str)
    }

    /// 「（通知二(七)）」 after a text of a page: [`RuleSet::cite`] in brackets, or nothing.
    pub fn cite_after(&self, key: &str) -> String {
        match self.cite(key) {
            c if c.is_empty() => c,
            c => format!("（{c}）"),
        }
    }

    /// 「通知二(七)」: how a page cites the clause of `key` (a rule, or a page's topic of
    /// [`PAGE_TOPICS`]); empty when no clause is named.
    pub fn cite(&self, key: &str) -> String {
        match self.clause(key) {
            "—" => String::new(),
            c => format!("通知{c}"),
        }
    }

    pub fn category(&self, c: Category) -> &CategoryRules {
        // from_json checked that every category is present.
        &self.categories[&c]
    }

    pub fn duration_allowed(&self, days: u32) -> bool {
        self.durations.allowed.contains(&days) || self.durations.open_ended_from.is_some_and(|from| days >= from)
    }

    /// The most hosts allowed for a training of `days` days, if any limit applies.
    pub fn max_hosts(&self, days: u32) -> Option<u32> {
        self.host_limits.iter().filter(|l| days >= l.from_days).max_by_key(|l| l.from_days).map(|l| l.max_hosts)
    }

    pub fn is_developed(&self, code: CountryCode) -> bool {
        self.developed_countries.countries.iter().any(|c| c.code == code)
    }

    pub fn topic_label(&self, n: u8) -> Option<&str> {
        self.key_fields.topics.get(usize::from(n).checked_sub(1)?).map(String::as_str)
    }

    /// Whether an application with `topics` counts in the key-field plan (一(四)): it names
    /// at least one topic of the list. Numbers outside it are `special-topic`'s error and
    /// count for nothing, so a typo cannot move a group out of its category's plan.
    pub fn counts_in_key_fields(&self, topics: &[u8]) -> bool {
        topics.iter().any(|&n| self.topic_label(n).is_some())
    }

    /// The reimbursement period that ends on `period_end` of `year` (二(六)):
    /// 2020 → 2019-09-01 … 2020-08-31.
    pub fn reimbursement_period(&self, year: i32) -> Option<(NaiveDate, NaiveDate)> {
        let r = &self.reimbursement;
        let start_year = if r.period_start > r.period_end { year - 1 } else { year };
        Some((
            NaiveDate::from_ymd_opt(start_year, r.period_start.month, r.period_start.day)?,
            NaiveDate::from_ymd_opt(year, r.period_end.month, r.period_end.day)?,
        ))
    }

    /// The first settlement window after a period ends (2020-08-31 → 2020-09-01 … 09-30).
    pub fn settlement_window(&self, period_end: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
        let w = &self.reimbursement.settlement_window;
        let end = MonthDay { month: period_end.month(), day: period_end.day() };
        let from_year = if w.from > end { period_end.year() } else { period_end.year() + 1 };
        let to_year = if w.to >= w.from { from_year } else { from_year + 1 };
        Some((
            NaiveDate::from_ymd_opt(from_year, w.from.month, w.from.day)?,
            NaiveDate::from_ymd_opt(to_year, w.to.month, w.to.day)?,
        ))
    }

    /// The year (as [`RuleSet::reimbursement_period`] takes it) of the 核销表 being filled
    /// on `today`: the period of the next settlement window that has not ended. In 2020,
    /// until 2020-09-30 that is 2020 (2019-09-01 – 2020-08-31), from 2020-10-01 2021. The
    /// `reimbursement-period` rule and the 核销表 page's default both use it.
    pub fn current_reimbursement_year(&self, today: NaiveDate) -> i32 {
        let y = today.year();
        let open = |year: i32| {
            let window = self.reimbursement_period(year).and_then(|(_, end)| self.settlement_window(end));
            window.is_some_and(|(_, to)| to >= today)
        };
        (y - 1..=y + 1).find(|&year| open(year)).unwrap_or(y)
    }

    /// The period of [`RuleSet::current_reimbursement_year`].
    pub fn current_reimbursement_period(&self, today: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
        self.reimbursement_period(self.current_reimbursement_year(today))
    }
}

#[cfg(test)]
mod tests;
