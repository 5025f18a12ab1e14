//! Working days on a rule-set's public-holiday calendar. No clock: `today` is always a
//! parameter.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::rule_set::RuleSet;

#[derive(Debug, Clone, Default)]
pub struct Calendar {
    holidays: BTreeSet<NaiveDate>,
    workdays: BTreeSet<NaiveDate>,
    closures: BTreeSet<NaiveDate>,
}

impl Calendar {
    /// The rule-set's holidays and make-up working days, plus a unit's own closure days.
    pub fn new(rule_set: &RuleSet, closure_days: &[NaiveDate]) -> Calendar {
        let holidays = rule_set
            .calendar
            .holidays
            .iter()
            .flat_map(|h| h.from.iter_days().take_while(move |d| *d <= h.to))
            .collect();
        Calendar {
            holidays,
            workdays: rule_set.calendar.workdays.iter().copied().collect(),
            closures: closure_days.iter().copied().collect(),
        }
    }

    /// Weekends and holidays are off, make-up days are on, a unit's closures are off.
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

    /// The training summary is due this many working days after return (二(五)).
    pub fn summary_due(&self, rule_set: &RuleSet, returned: NaiveDate) -> Option<NaiveDate> {
        self.add_working_days(returned, rule_set.summary_due_working_days)
    }
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
    use crate::rules::testing::d;

    fn cal() -> Calendar {
        Calendar::new(RuleSet::embedded(), &[])
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
        assert_eq!(cal().summary_due(RuleSet::embedded(), d("2020-09-25")), Some(d("2020-10-22")));
    }

    #[test]
    fn summary_due_across_the_extended_spring_festival() {
        // Return Fri 2020-01-17. 1/19 (Sun, make-up) 1, 1/20–1/23 2–5, 1/24–2/2 off,
        // 2/3–2/7 6–10, 2/10–2/14 11–15. Due Fri 2020-02-14.
        assert_eq!(cal().summary_due(RuleSet::embedded(), d("2020-01-17")), Some(d("2020-02-14")));
    }

    #[test]
    fn summary_due_across_may_day() {
        // Return Wed 2020-04-29. 4/30 1, 5/1–5/5 off, 5/6–5/8 2–4, 5/9 (Sat, make-up) 5,
        // 5/11–5/15 6–10, 5/18–5/22 11–15. Due Fri 2020-05-22.
        assert_eq!(cal().summary_due(RuleSet::embedded(), d("2020-04-29")), Some(d("2020-05-22")));
    }

    #[test]
    fn a_units_closure_days_push_the_due_date() {
        let c = Calendar::new(RuleSet::embedded(), &[d("2020-02-03"), d("2020-02-04")]);
        assert!(!c.is_working_day(d("2020-02-03")));
        assert_eq!(c.summary_due(RuleSet::embedded(), d("2020-01-17")), Some(d("2020-02-18")));
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
