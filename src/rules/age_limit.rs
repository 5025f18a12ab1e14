use super::{Check, Cx, Report, Rule, Severity, member_path};
use crate::calendar::age_in_full_years;
use crate::model::Application;
use crate::rule_set::{AgeReference, RuleSet};

/// 成员年龄（周岁，按参考日计）不超过类别上限：领军 55、青年 40、关键技术 50。
/// The reference day is the rule-set's: by default the exit date (2020-12-31 while there is none), or a
/// fixed date. Example: youth, exit 2020-03-01: born 1980-03-01 is 40 (ok), 1979-03-01 is 41.
pub static AGE_LIMIT: Rule = Rule {
    id: "age-limit",
    severity: Severity::Error,
    title: "成员年龄不超过本类别的上限（周岁，默认按出境日计）",
    limit,
    check: Check::Application(check),
};

fn limit(rs: &RuleSet) -> String {
    rs.categories.values().map(|c| format!("{} ≤ {} 周岁", c.label, c.max_age)).collect::<Vec<_>>().join("；")
}

fn check(cx: &Cx, app: &Application, out: &mut Report) {
    let Some(category) = app.category else { return };
    let rules = cx.rule_set.category(category);
    let on = cx.age_reference(app);
    let day = match (&cx.rule_set.age_reference, app.exit_date) {
        (AgeReference::ExitDate { .. }, Some(_)) => "出境日",
        _ => "参考日",
    };
    for (i, m) in app.members.iter().enumerate() {
        let Some(birth) = m.birth_date else { continue };
        let age = age_in_full_years(birth, on);
        if age > rules.max_age as i32 {
            out.push(
                member_path(i, "birth_date"),
                format!(
                    "成员 {} 在{day}（{on}）已满 {age} 周岁，{}项目要求不超过 {} 周岁（通知{}）",
                    m.display_name(i),
                    rules.label,
                    rules.max_age,
                    rules.clause
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::AGE_LIMIT as R;
    use crate::model::Category;
    use crate::rule_set::{AgeReference, RuleSet};
    use crate::rules::testing::*;

    #[test]
    fn youth_40_vs_41_on_the_exit_day() {
        let valid =
            [youth().exits("2020-03-01").born(1, "1980-03-01"), youth().exits("2020-02-29").born(1, "1979-03-01")];
        for a in &valid {
            assert_clean(&R, a);
        }
        let f = assert_one(&R, &youth().exits("2020-03-01").born(1, "1979-03-01"), "members[1].birth_date");
        assert_eq!(
            f.message,
            "成员 李二 在出境日（2020-03-01）已满 41 周岁，\
             优秀青年人才培养项目要求不超过 40 周岁（通知一(二)）"
        );
    }

    #[test]
    fn each_category_at_its_limit() {
        for (c, ok, too_old) in [
            (Category::Lead, "1964-06-02", "1964-06-01"),
            (Category::Youth, "1979-06-02", "1979-06-01"),
            (Category::Keytech, "1969-06-02", "1969-06-01"),
        ] {
            // Exit 2020-06-01: born on 06-02 is still at the limit; a day earlier is one more.
            assert_clean(&R, &valid(c).born(0, ok));
            assert_one(&R, &valid(c).born(0, too_old), "members[0].birth_date");
        }
    }

    #[test]
    fn without_an_exit_date_ages_count_on_the_fallback_day() {
        let mut a = youth().born(1, "1980-01-01");
        a.exit_date = None;
        assert_clean(&R, &a);
        a = a.born(1, "1979-12-31");
        let f = assert_one(&R, &a, "members[1].birth_date");
        assert!(f.message.contains("参考日（2020-12-31）"), "{}", f.message);
    }

    #[test]
    fn born_on_29_february() {
        // Lead (≤ 55), born 1964-02-29: 55 on 2020-02-28, 56 on the leap day itself.
        let lead = || valid(Category::Lead);
        assert_clean(&R, &lead().exits("2020-02-28").born(0, "1964-02-29"));
        assert_one(&R, &lead().exits("2020-02-29").born(0, "1964-02-29"), "members[0].birth_date");
        // In a common year the birthday is 1 March: born 1980-02-29 is 40 on 2021-02-28.
        let on = |date: &str| RuleSet { age_reference: AgeReference::Fixed { date: d(date) }, ..embedded() };
        let born = youth().born(1, "1980-02-29");
        assert!(run_with(&R, &on("2021-02-28"), &born).is_empty());
        assert_eq!(places(&run_with(&R, &on("2021-03-01"), &born)), [(Some("app-youth"), "members[1].birth_date")]);
    }

    #[test]
    fn a_fixed_reference_day_overrides_the_exit_date() {
        // Exit 2020-06-01, ages counted on 2020-03-01 instead.
        let rs = RuleSet { age_reference: AgeReference::Fixed { date: d("2020-03-01") }, ..embedded() };
        assert!(run_with(&R, &rs, &youth().born(1, "1979-03-02")).is_empty(), "40 on 2020-03-01");
        let found = run_with(&R, &rs, &youth().born(1, "1979-03-01"));
        assert_eq!(places(&found), [(Some("app-youth"), "members[1].birth_date")]);
        assert_eq!(
            found[0].message,
            "成员 李二 在参考日（2020-03-01）已满 41 周岁，\
             优秀青年人才培养项目要求不超过 40 周岁（通知一(二)）"
        );
    }
}
