use super::{Check, Cx, Report, Rule, Severity};
use crate::rule_set::RuleSet;
use crate::workspace::Workspace;

/// 核销表只列核销期内的费用：
/// 每年 9 月 1 日至 30 日核销上一年 9 月 1 日至当年 8 月 31 日的支出。
///
/// Which period: the one the next settlement window on or after today settles
/// (`RuleSet::current_reimbursement_year`, which the 核销表 page's default uses too): until
/// 2020-09-30 the 核销表 settled in September 2020, for 2019-09-01 – 2020-08-31; from
/// 2020-10-01 the one settled in September 2021, for 2020-09-01 – 2021-08-31. Rows without
/// a date are not checked.
/// Example: today 2020-09-10: 2019-08-31 → `reimbursements[0].expense_date`; 2019-09-01 and
/// 2020-08-31 ok; 2020-09-01 flagged. Today 2020-11-20: 2020-11-10 ok, 2020-08-31 flagged.
pub static REIMBURSEMENT_PERIOD: Rule = Rule {
    id: "reimbursement-period",
    severity: Severity::Warning,
    title: "核销表的费用日期在核销期内",
    limit,
    check: Check::Workspace(check),
};

fn limit(rs: &RuleSet) -> String {
    let r = &rs.reimbursement;
    format!(
        "上一年 {} 月 {} 日至当年 {} 月 {} 日",
        r.period_start.month, r.period_start.day, r.period_end.month, r.period_end.day
    )
}

fn check(cx: &Cx, ws: &Workspace, out: &mut Report) {
    let Some((start, end)) = cx.rule_set.current_reimbursement_period(cx.today) else { return };
    for (i, row) in ws.reimbursements.iter().enumerate() {
        let Some(date) = row.expense_date else { continue };
        if date < start || date > end {
            let app = Some(row.application_id.clone()).filter(|id| !id.is_empty());
            let who = match row.person.trim() {
                "" => String::new(),
                p => format!("（{p}）"),
            };
            out.push_for(
                app,
                format!("reimbursements[{i}].expense_date"),
                format!(
                    "核销表第 {} \
                     行{who}的费用日期 {date} 不在核销期 {start} 至 {end} 内（通知{}）",
                    i + 1,
                    cx.rule_set.clause(REIMBURSEMENT_PERIOD.id)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::REIMBURSEMENT_PERIOD as R;
    use crate::model::Reimbursement;
    use crate::rules::Finding;
    use crate::rules::testing::*;
    use crate::workspace::Workspace;

    fn rows(today: &str, dates: &[Option<&str>]) -> Vec<Finding> {
        let reimbursements = dates
            .iter()
            .enumerate()
            .map(|(i, date)| Reimbursement {
                application_id: if i == 0 { String::new() } else { "app-youth".into() },
                person: "张三".into(),
                expense_date: date.map(d),
                ..Default::default()
            })
            .collect();
        let ws = Workspace { reimbursements, ..workspace(vec![youth()]) };
        run_ws(&R, &cx_on(&ws, today), &ws)
    }

    #[test]
    fn september_to_august() {
        let dates = [Some("2019-08-31"), Some("2019-09-01"), Some("2020-08-31"), Some("2020-09-01"), None];
        let found = rows("2020-09-10", &dates);
        assert_eq!(
            places(&found),
            [(None, "reimbursements[0].expense_date"), (Some("app-youth"), "reimbursements[3].expense_date")]
        );
        assert_eq!(
            found[0].message,
            "核销表第 1 行\
             （张三）的费用日期 2019-08-31 不在核销期 2019-09-01 至 2020-08-31 内（通知二(六)）"
        );
        assert!(found.iter().all(|f| f.severity == R.severity));
    }

    #[test]
    fn the_period_of_the_next_settlement() {
        let dates = [Some("2020-08-31"), Some("2020-09-01"), Some("2020-11-10")];
        let paths = |today| places(&rows(today, &dates)).into_iter().map(|(_, p)| p.to_string()).collect::<Vec<_>>();
        // Until the September 2020 settlement ends: 2019-09-01 – 2020-08-31.
        for today in ["2020-01-01", "2020-09-10", "2020-09-30"] {
            assert_eq!(paths(today), ["reimbursements[1].expense_date", "reimbursements[2].expense_date"], "{today}");
        }
        // After it: the one settled in September 2021, 2020-09-01 – 2021-08-31.
        for today in ["2020-10-01", "2020-11-20", "2021-09-30"] {
            assert_eq!(paths(today), ["reimbursements[0].expense_date"], "{today}");
        }
        let found = rows("2020-11-20", &[Some("2020-08-31")]);
        assert_eq!(
            found[0].message,
            "核销表第 1 行\
             （张三）的费用日期 2020-08-31 不在核销期 2020-09-01 至 2021-08-31 内（通知二(六)）"
        );
    }
}
