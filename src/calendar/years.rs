//! The State Council's public-holiday arrangement of each year, as data: the years built
//! in (`cn-holidays.json`, 2020–2026, each with its notice number) and the years a
//! rule-set adds or replaces.

use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

const BUILT_IN: &str = include_str!("cn-holidays.json");

/// One year's arrangement (国务院办公厅关于某年部分节假日安排的通知).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearCalendar {
    pub year: i32,
    /// The notice it comes from, e.g. 国办发明电〔2020〕27号.
    pub source: String,
    /// Off-day ranges as announced; one may start in the year before (元旦).
    pub holidays: Vec<Holiday>,
    /// Make-up working days (调休上班).
    #[serde(default)]
    pub workdays: Vec<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub name: String,
}

impl Holiday {
    pub fn days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.from.iter_days().take_while(move |d| *d <= self.to)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BuiltIn {
    years: Vec<YearCalendar>,
}

/// The built-in years, parsed once.
pub fn built_in() -> &'static [YearCalendar] {
    static CELL: OnceLock<Vec<YearCalendar>> = OnceLock::new();
    CELL.get_or_init(|| {
        crate::json::from_str::<BuiltIn>(BUILT_IN).expect("the built-in holiday calendars are valid").years
    })
}

/// The years a count uses, by year: the built-in ones, each replaced by the year of
/// `added` (a rule-set's calendars) of the same year, plus the years only `added` has.
pub fn in_use(added: &[YearCalendar]) -> Vec<&YearCalendar> {
    let mut years: Vec<&YearCalendar> =
        built_in().iter().filter(|b| !added.iter().any(|r| r.year == b.year)).chain(added.iter()).collect();
    years.sort_by_key(|y| y.year);
    years
}
