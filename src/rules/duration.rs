use super::{Check, Cx, Report, Rule, Severity};
use crate::model::Application;
use crate::rule_set::RuleSet;

/// 培训时长：可选择 14 天、21 天、30 天、60 天或 90 天及以上。
/// Example: 21 and 90 ok; 15 and 89 → `duration_days`.
pub static DURATION: Rule = Rule {
    id: "duration",
    severity: Severity::Error,
    title: "培训天数是可选的时长之一",
    limit,
    check: Check::Application(check),
};

/// 14 天、21 天、30 天、60 天或 90 天及以上; without an open-ended range, 14 天或 21 天.
fn limit(rs: &RuleSet) -> String {
    let d = &rs.durations;
    let mut choices: Vec<_> = d.allowed.iter().map(|n| format!("{n} 天")).collect();
    choices.extend(d.open_ended_from.map(|from| format!("{from} 天及以上")));
    match choices.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{}或 {last}", rest.join("、")),
        _ => choices.concat(),
    }
}

fn check(cx: &Cx, app: &Application, out: &mut Report) {
    let Some(days) = app.duration_days else { return };
    let rs = cx.rule_set;
    if !rs.duration_allowed(days) {
        out.push(
            "duration_days",
            format!(
                "培训天数 {days} 天不在可选范围内：\
                 可选择 {}（通知{}）",
                limit(rs),
                rs.durations.clause
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::DURATION as R;
    use crate::model::Category;
    use crate::rules::testing::*;

    #[test]
    fn allowed_durations_and_their_neighbours() {
        for c in Category::ALL {
            for days in [14, 21, 30, 60, 90, 120] {
                assert_clean(&R, &valid(c).lasting(days));
            }
            for days in [1, 13, 15, 20, 22, 31, 59, 61, 89] {
                assert_one(&R, &valid(c).lasting(days), "duration_days");
            }
            let mut zero = valid(c);
            zero.duration_days = Some(0);
            assert_one(&R, &zero, "duration_days");
        }
    }

    #[test]
    fn without_an_open_ended_range_only_the_listed_days() {
        let mut rs = embedded();
        rs.durations.open_ended_from = None;
        for days in [14, 60] {
            assert_eq!(run_with(&R, &rs, &youth().lasting(days)), [], "{days}");
        }
        for days in [61, 90, 365] {
            let f = run_with(&R, &rs, &youth().lasting(days));
            assert_eq!(f.len(), 1, "{days}");
            assert!(f[0].message.contains("可选择 14 天、21 天、30 天或 60 天（"), "{}", f[0].message);
        }
    }

    #[test]
    fn message_lists_the_choices() {
        let f = assert_one(&R, &youth().lasting(89), "duration_days");
        assert_eq!(
            f.message,
            "培训天数 89 天不在可选范围内：\
             可选择 14 天、21 天、30 天、60 天或 90 天及以上（通知一(四) 培训时长）"
        );
    }
}
