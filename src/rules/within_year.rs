use super::{Check, Cx, Report, Rule, Severity};
use crate::model::Application;
use crate::rule_set::RuleSet;

/// 须在 2020 年内执行完毕：出境、回国日期都在规则集的项目年度内。
/// Example: return 2020-12-31 ok; 2021-01-01 → `return_date`; exit 2019-12-31 → `exit_date`.
pub static WITHIN_YEAR: Rule = Rule {
    id: "within-year",
    severity: Severity::Error,
    clause: "一(四) 培训组织",
    title: "出境、回国日期都在项目年度内",
    limit,
    check: Check::Application(check),
};

fn limit(rs: &RuleSet) -> String {
    format!("{} 至 {}", rs.program_year.start, rs.program_year.end)
}

fn check(cx: &Cx, app: &Application, out: &mut Report) {
    let year = &cx.rule_set.program_year;
    for (path, what, date) in [("exit_date", "出境日期", app.exit_date), ("return_date", "回国日期", app.return_date)]
    {
        let Some(date) = date else { continue };
        if date < year.start || date > year.end {
            out.push(
                path,
                format!(
                    "{what} {date} 不在项目年度内：须在 {} 至 {} 期间执行完毕（通知{}）",
                    year.start, year.end, year.clause
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::WITHIN_YEAR as R;
    use crate::model::Category;
    use crate::rules::testing::*;

    #[test]
    fn the_first_and_last_day_of_2020() {
        for c in Category::ALL {
            // 14 days: exit 2020-12-18 returns 2020-12-31; exit 2020-12-19 returns 2021-01-01.
            for exit in ["2020-01-01", "2020-12-18"] {
                assert_clean(&R, &valid(c).exits(exit));
            }
            assert_one(&R, &valid(c).exits("2020-12-19"), "return_date");
            assert_one(&R, &valid(c).exits("2019-12-31"), "exit_date");
        }
    }

    #[test]
    fn both_dates_outside_are_two_findings() {
        let found = run(&R, &youth().exits("2019-06-01"));
        assert_eq!(places(&found), [(Some("app-youth"), "exit_date"), (Some("app-youth"), "return_date")]);
    }

    #[test]
    fn message() {
        let f = assert_one(&R, &youth().exits("2020-12-19"), "return_date");
        assert_eq!(
            f.message,
            "回国日期 2021-01-01 不在项目年度内：须在 2020-01-01 至 2020-12-31 期间执行完毕（通知一(四) 培训组织）"
        );
    }
}
