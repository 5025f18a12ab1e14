//! Working days on the State Council's holiday calendars of every year a count touches
//! (built in, or added by the rule-set), plus a unit's closure days. No clock: `today` is
//! always a parameter. A count into a year no calendar covers says so (`unknown_years`).

mod years;

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, Weekday};

pub use years::{Holiday, YearCalendar, built_in, in_use};

#[derive(Debug, Clone, Default)]
pub struct Calendar {
    holidays: BTreeSet<NaiveDate>,
    workdays: BTreeSet<NaiveDate>,
    closures: BTreeSet<NaiveDate>,
    /// Years whose arrangement is known.
    covered: BTreeSet<i32>,
}

impl Calendar {
    /// The holidays and make-up working days of every known year (the built-in ones and
    /// `added`, a rule-set's, which replace a built-in year), plus a unit's own closure
    /// days. `RuleSet::calendar_for` is the usual way in.
    pub fn new(added: &[YearCalendar], closure_days: &[NaiveDate]) -> Calendar {
        let years = in_use(added);
        Calendar {
            // A year's arrangement changes only its own days (`validate` refuses others).
            holidays: years
                .iter()
                .flat_map(|y| y.holidays.iter().flat_map(Holiday::days).filter(|d| d.year() == y.year))
                .collect(),
            workdays: years.iter().flat_map(|y| y.workdays.iter().copied().filter(|d| d.year() == y.year)).collect(),
            closures: closure_days.iter().copied().collect(),
            covered: years.iter().map(|y| y.year).collect(),
        }
    }

    /// Weekends and holidays are off, make-up days are on, a unit's closures are off. In a
    /// year no calendar covers, only weekends are off.
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        if self.closures.contains(&d) {
            return false;
        }
        if self.workdays.contains(&d) {
            return true;
        }
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !self.holidays.contains(&d)
    }

    /// The `n`-th working day after `d`, `d` itself not counted.
    pub fn add_working_days(&self, d: NaiveDate, n: u32) -> Option<NaiveDate> {
        let mut day = d;
        let mut left = n;
        while left > 0 {
            day = day.checked_add_days(Days::new(1))?;
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        Some(day)
    }

    pub fn covers(&self, year: i32) -> bool {
        self.covered.contains(&year)
    }

    /// The years of the days after `from` up to `to` whose holidays are unknown: a count
    /// over them treated only weekends as days off.
    pub fn unknown_years(&self, from: NaiveDate, to: NaiveDate) -> Vec<i32> {
        let first = from.checked_add_days(Days::new(1)).map_or(to.year(), |d| d.year());
        (first..=to.year()).filter(|y| !self.covers(*y)).collect()
    }
}

/// 「2020–2026 年」: the years whose arrangement is known with `added` (a rule-set's), in runs.
pub fn known_years_text(added: &[YearCalendar]) -> String {
    let mut runs: Vec<(i32, i32)> = Vec::new();
    for y in in_use(added).iter().map(|y| y.year) {
        match runs.last_mut() {
            Some((_, to)) if *to + 1 == y => *to = y,
            _ => runs.push((y, y)),
        }
    }
    let runs: Vec<String> =
        runs.iter().map(|(a, b)| if a == b { format!("{a}") } else { format!("{a}–{b}") }).collect();
    format!("{} 年", runs.join("、"))
}

/// 「2027 年的节假日安排未知，按周末计算」, said at a result counted over such years.
pub fn unknown_years_note(years: &[i32]) -> Option<String> {
    let names: Vec<String> = years.iter().map(|y| format!("{y} 年")).collect();
    (!names.is_empty()).then(|| format!("{}的节假日安排未知，按周末计算", names.join("、")))
}

/// 20200601: by hand, as chrono's `format` brings its whole strftime machinery to the wasm.
pub fn ymd_compact(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// Days from `from` to `to`, both counted (SPEC §2: exit and return day are training days).
pub fn days_inclusive(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days() + 1
}

/// Age in full years (周岁) on `on`: the number of birthdays passed, the birthday itself
/// counting. Someone born on 29 February has their birthday on 1 March in common years.
pub fn age_in_full_years(birth: NaiveDate, on: NaiveDate) -> i32 {
    let before_birthday = (on.month(), on.day()) < (birth.month(), birth.day());
    on.year() - birth.year() - i32::from(before_birthday)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule_set::RuleSet;
    use crate::rules::testing::d;

    fn cal() -> Calendar {
        Calendar::new(&[], &[])
    }

    #[test]
    fn weekends_holidays_and_make_up_days() {
        let c = cal();
        assert!(c.is_working_day(d("2020-01-02")));
        assert!(!c.is_working_day(d("2020-01-01")), "元旦");
        assert!(!c.is_working_day(d("2020-01-04")), "Saturday");
        assert!(c.is_working_day(d("2020-01-19")), "Sunday made a working day");
        assert!(!c.is_working_day(d("2020-02-01")), "Saturday inside the extended break stays off");
        assert!(!c.is_working_day(d("2020-02-02")), "last day of the extended break");
        assert!(c.is_working_day(d("2020-02-03")));
        assert!(c.is_working_day(d("2020-09-27")) && c.is_working_day(d("2020-10-10")));
        assert!(!c.is_working_day(d("2020-10-08")));
    }

    #[test]
    fn summary_due_after_national_day() {
        // Return Fri 2020-09-25, not counted. Working days: 9/27 (Sun, make-up) 1,
        // 9/28–9/30 2–4, 10/1–10/8 off, 10/9 (Fri) 5, 10/10 (Sat, make-up) 6,
        // 10/12–10/16 7–11, 10/19–10/22 12–15. Due Thu 2020-10-22.
        assert_eq!(RuleSet::embedded().summary_due(&cal(), d("2020-09-25")), Some(d("2020-10-22")));
    }

    #[test]
    fn summary_due_across_the_extended_spring_festival() {
        // Return Fri 2020-01-17. 1/19 (Sun, make-up) 1, 1/20–1/23 2–5, 1/24–2/2 off,
        // 2/3–2/7 6–10, 2/10–2/14 11–15. Due Fri 2020-02-14.
        assert_eq!(RuleSet::embedded().summary_due(&cal(), d("2020-01-17")), Some(d("2020-02-14")));
    }

    #[test]
    fn summary_due_across_may_day() {
        // Return Wed 2020-04-29. 4/30 1, 5/1–5/5 off, 5/6–5/8 2–4, 5/9 (Sat, make-up) 5,
        // 5/11–5/15 6–10, 5/18–5/22 11–15. Due Fri 2020-05-22.
        assert_eq!(RuleSet::embedded().summary_due(&cal(), d("2020-04-29")), Some(d("2020-05-22")));
    }

    #[test]
    fn a_units_closure_days_push_the_due_date() {
        let c = Calendar::new(&[], &[d("2020-02-03"), d("2020-02-04")]);
        assert!(!c.is_working_day(d("2020-02-03")));
        assert_eq!(RuleSet::embedded().summary_due(&c, d("2020-01-17")), Some(d("2020-02-18")));
    }

    #[test]
    fn summary_due_across_2020_into_2021() {
        // Return Fri 2020-12-18. 12/21–12/25 1–5, 12/28–12/31 6–9, 2021-01-01–01-03 off
        // (元旦, 国办发明电〔2020〕27号), 1/4–1/8 10–14, 1/11 15. Counted without the 2021
        // calendar it would be Fri 1/8.
        assert_eq!(RuleSet::embedded().summary_due(&cal(), d("2020-12-18")), Some(d("2021-01-11")));
        assert_eq!(RuleSet::embedded().summary_due(&cal(), d("2020-12-17")), Some(d("2021-01-08")));
        assert!(cal().unknown_years(d("2020-12-18"), d("2021-01-11")).is_empty());
    }

    #[test]
    fn summary_due_across_2025_into_2026() {
        // Return Fri 2025-12-12. 12/15–12/19 1–5, 12/22–12/26 6–10, 12/29–12/31 11–13,
        // 2026-01-01–01-03 off (元旦), Sun 1/4 a make-up working day 14, Mon 1/5 15.
        assert_eq!(RuleSet::embedded().summary_due(&cal(), d("2025-12-12")), Some(d("2026-01-05")));
        // One day earlier: 1/4 is the 15th.
        assert_eq!(RuleSet::embedded().summary_due(&cal(), d("2025-12-11")), Some(d("2026-01-04")));
    }

    #[test]
    fn a_count_into_a_year_no_calendar_covers_says_so() {
        let c = cal();
        assert!((2020..=2026).all(|y| c.covers(y)));
        assert!(!c.covers(2027) && !c.covers(2019));
        let due = RuleSet::embedded().summary_due(&c, d("2026-12-18")).unwrap();
        assert_eq!(due.year(), 2027);
        assert_eq!(c.unknown_years(d("2026-12-18"), due), [2027]);
        assert_eq!(unknown_years_note(&[2027]).as_deref(), Some("2027 年的节假日安排未知，按周末计算"));
        assert_eq!(unknown_years_note(&[]), None);
        // 2027-01-01 is a Friday: counted as a working day, as the note says.
        assert!(c.is_working_day(d("2027-01-01")));
        // Returned on 12-31: the count starts the next day, in 2027.
        assert_eq!(c.unknown_years(d("2026-12-31"), d("2027-01-22")), [2027]);
        assert!(c.unknown_years(d("2026-11-01"), d("2026-11-20")).is_empty());
        assert_eq!(known_years_text(&RuleSet::embedded().calendar), "2020–2026 年");
    }

    #[test]
    fn a_rule_set_adds_a_year_and_replaces_one() {
        let mut rs = RuleSet::embedded().clone();
        rs.calendar.push(YearCalendar {
            year: 2027,
            source: "test".into(),
            holidays: vec![Holiday { from: d("2027-01-01"), to: d("2027-01-03"), name: "元旦".into() }],
            workdays: vec![],
        });
        rs.calendar.push(YearCalendar { year: 2020, source: "test".into(), holidays: vec![], workdays: vec![] });
        let c = rs.calendar_for(&[]);
        assert!(c.covers(2027) && !c.is_working_day(d("2027-01-01")));
        // The rule-set's 2020 has no holidays and no make-up days.
        assert!(c.is_working_day(d("2020-10-08")) && !c.is_working_day(d("2020-10-10")));
        assert!(!c.is_working_day(d("2021-01-01")), "the built-in 2021 still applies");
    }

    #[test]
    fn zero_days_is_the_same_day() {
        assert_eq!(cal().add_working_days(d("2020-03-03"), 0), Some(d("2020-03-03")));
    }

    #[test]
    fn the_2020_calendar_is_spec_s() {
        // SPEC §6: off 1/1; 1/24–2/2; 4/4–4/6; 5/1–5/5; 6/25–6/27; 10/1–10/8; make-up
        // working days 1/19, 4/26, 5/9, 6/28, 9/27, 10/10 (2/1 lies inside the break).
        let off = [
            ("2020-01-01", "2020-01-01"),
            ("2020-01-24", "2020-02-02"),
            ("2020-04-04", "2020-04-06"),
            ("2020-05-01", "2020-05-05"),
            ("2020-06-25", "2020-06-27"),
            ("2020-10-01", "2020-10-08"),
        ];
        let make_up = ["2020-01-19", "2020-04-26", "2020-05-09", "2020-06-28", "2020-09-27", "2020-10-10"];
        let c = cal();
        for day in d("2020-01-01").iter_days().take_while(|x| x.year() == 2020) {
            let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
            let holiday = off.iter().any(|(from, to)| d(from) <= day && day <= d(to));
            let expected = make_up.contains(&day.to_string().as_str()) || !(weekend || holiday);
            assert_eq!(c.is_working_day(day), expected, "{day}");
        }
    }

    #[test]
    fn spec_example() {
        assert_eq!(age_in_full_years(d("1980-03-01"), d("2020-02-29")), 39);
        assert_eq!(age_in_full_years(d("1980-03-01"), d("2020-03-01")), 40);
    }

    #[test]
    fn born_on_29_february() {
        assert_eq!(age_in_full_years(d("1980-02-29"), d("2020-02-28")), 39);
        assert_eq!(age_in_full_years(d("1980-02-29"), d("2020-02-29")), 40);
        assert_eq!(age_in_full_years(d("1980-02-29"), d("2019-02-28")), 38);
        assert_eq!(age_in_full_years(d("1980-02-29"), d("2019-03-01")), 39);
    }
}
