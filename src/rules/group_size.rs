use super::{Check, Cx, Report, Rule, Severity};
use crate::model::Application;
use crate::rule_set::RuleSet;

/// 团组人数在本类别的范围内：领军 1–6 人（个人或 2–6 人成组），
/// 青年、关键技术 2–6 人。
/// Counts persons, not rows (`Application::distinct_persons`): the same name and birth date
/// twice is one person, so a youth "group of two" that is one person is too small.
/// An application without members is left to `required`; without a category, skipped.
/// Example: youth with 1 member → `members`; lead with 1 member is fine.
pub static GROUP_SIZE: Rule = Rule {
    id: "group-size",
    severity: Severity::Error,
    title: "团组人数在本类别允许的范围内",
    limit,
    check: Check::Application(check),
};

fn limit(rs: &RuleSet) -> String {
    rs.categories
        .values()
        .map(|c| format!("{} {}–{} 人", c.label, c.min_members, c.max_members))
        .collect::<Vec<_>>()
        .join("；")
}

fn check(cx: &Cx, app: &Application, out: &mut Report) {
    let Some(category) = app.category else { return };
    let rules = cx.rule_set.category(category);
    if app.members.is_empty() {
        return;
    }
    let n = app.distinct_persons();
    if n < rules.min_members as usize || n > rules.max_members as usize {
        let rows = app.members.len();
        let repeats =
            if rows == n { String::new() } else { format!("（填写的 {rows} 位成员中有同一人重复）") };
        out.push(
            "members",
            format!(
                "团组共 {n} 人{repeats}，{}项目须为 {}–{} 人（通知{}）",
                rules.label, rules.min_members, rules.max_members, rules.clause
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::GROUP_SIZE as R;
    use crate::model::Category;
    use crate::rules::testing::*;

    #[test]
    fn one_two_six_seven_per_category() {
        use Category::*;
        // (category, members, allowed): lead 1–6 (individual or 2–6), youth and keytech 2–6.
        let cases = [
            (Lead, 1, true),
            (Lead, 2, true),
            (Lead, 6, true),
            (Lead, 7, false),
            (Youth, 1, false),
            (Youth, 2, true),
            (Youth, 6, true),
            (Youth, 7, false),
            (Keytech, 1, false),
            (Keytech, 2, true),
            (Keytech, 6, true),
            (Keytech, 7, false),
        ];
        for (c, n, allowed) in cases {
            let a = valid(c).with_members(n);
            if allowed {
                assert_clean(&R, &a);
            } else {
                assert_one(&R, &a, "members");
            }
        }
    }

    #[test]
    fn message_for_an_individual_where_a_group_is_required() {
        let f = assert_one(&R, &valid(Category::Keytech).with_members(1), "members");
        assert_eq!(f.message, "团组共 1 人，关键技术专项培训项目须为 2–6 人（通知一(三)）");
    }

    #[test]
    fn message_names_the_size_the_range_and_the_clause() {
        let f = assert_one(&R, &youth().with_members(7), "members");
        assert_eq!(f.message, "团组共 7 人，优秀青年人才培养项目须为 2–6 人（通知一(二)）");
    }

    #[test]
    fn the_same_person_twice_is_one_person() {
        let mut a = youth().with_members(2);
        a.members[1].name = " 成员0 ".into();
        let f = assert_one(&R, &a, "members");
        assert_eq!(
            f.message,
            "团组共 1 人（填写的 2 位成员中有同一人重复），\
             优秀青年人才培养项目须为 2–6 人（通知一(二)）"
        );
        a.members[1].birth_date = Some(d("1985-07-08"));
        assert_clean(&R, &a);
        // Not yet identified: each counts as a person of their own.
        a.members[1].birth_date = None;
        assert_clean(&R, &a);
    }

    #[test]
    fn names_padded_or_full_width_are_one_person() {
        // 「成员0」 padded with U+3000 to align, typed full-width, or with a zero-width space.
        for same in ["成员\u{3000}0", "\u{3000}成员０", "成\u{200B}员0 "] {
            let mut a = youth().with_members(2);
            a.members[1].name = same.into();
            a.members[1].birth_date = a.members[0].birth_date;
            assert_one(&R, &a, "members");
        }
        let mut a = youth().with_members(2);
        a.members[1].name = "成员\u{3000}01".into();
        a.members[1].birth_date = a.members[0].birth_date;
        assert_clean(&R, &a);
    }

    #[test]
    fn no_members_or_no_category_is_left_to_required() {
        assert_clean(&R, &youth().with_members(0));
        let mut a = youth().with_members(7);
        a.category = None;
        assert_clean(&R, &a);
    }
}
