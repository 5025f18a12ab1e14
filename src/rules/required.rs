use super::{Check, Cx, Report, Rule, Severity, member_path};
use crate::model::Application;
use crate::model::text::is_blank as blank;
use crate::rule_set::RuleSet;

/// 申请表须填写完整：项目名称、类别、国别、境外培训机构、培训天数、
/// 出境日期、项目理由、培训内容、预期目标，
/// 以及每位成员的姓名、出生日期、工作单位、职称级别。
/// A text of spaces or invisible characters (zero-width space, BOM …) counts as missing.
/// One finding per missing field.
/// Hosts: a row without a name is not a host (it does not count toward the minimum) and is
/// reported at `hosts[i].name_zh`; a named host without a city at `hosts[i].city`.
/// Example: title "  " → `title`; member 1 without a birth date → `members[1].birth_date`.
pub static REQUIRED: Rule = Rule {
    id: "required",
    severity: Severity::Error,
    title: "申请表的必填项均已填写",
    limit,
    check: Check::Application(check),
};

fn limit(rs: &RuleSet) -> String {
    format!(
        "项目名称、项目类别、国别、至少 {} 个境外培训机构、\
         培训天数、出境日期、项目理由、培训内容与日程安排、\
         预期目标与成果；每位成员的姓名、出生日期、工作单位、职称级别",
        rs.min_hosts
    )
}

fn check(cx: &Cx, app: &Application, out: &mut Report) {
    let clause = cx.rule_set.clause(REQUIRED.id);
    let mut missing = |path: String, what: &str| out.push(path, format!("未填写{what}（通知{clause}）"));
    let application = [
        ("title", "项目名称", blank(&app.title)),
        ("category", "项目类别", app.category.is_none()),
        ("country", "国别", app.country.is_none()),
        ("duration_days", "培训天数", app.duration_days.is_none()),
        ("exit_date", "出境日期", app.exit_date.is_none()),
        ("rationale", "项目理由", blank(&app.rationale)),
        ("content", "培训内容与日程安排", blank(&app.content)),
        ("objectives", "预期目标与成果", blank(&app.objectives)),
    ];
    for (path, what, gap) in application {
        if gap {
            missing(path.into(), what);
        }
    }
    let min_hosts = cx.rule_set.min_hosts as usize;
    if app.named_hosts().count() < min_hosts {
        missing("hosts".into(), &format!("境外培训机构（至少 {min_hosts} 个）"));
    }
    for (i, h) in app.hosts.iter().enumerate() {
        match h.name() {
            None => missing(format!("hosts[{i}].name_zh"), &format!("第 {} 个境外培训机构的名称", i + 1)),
            Some(name) if blank(&h.city) => {
                let what = format!("境外培训机构 {name} 的城市");
                missing(format!("hosts[{i}].city"), &what)
            }
            Some(_) => {}
        }
    }
    if app.members.is_empty() {
        missing("members".into(), "团组成员");
    }
    for (i, m) in app.members.iter().enumerate() {
        // 「成员 李二 的工作单位」, 「第 2 位成员的姓名」
        let who = if blank(&m.name) { m.display_name(i) } else { format!("成员 {} ", m.display_name(i)) };
        let fields = [
            ("name", "姓名", blank(&m.name)),
            ("birth_date", "出生日期", m.birth_date.is_none()),
            ("unit", "工作单位", blank(&m.unit)),
            ("title_level", "职称级别", m.title_level.is_none()),
        ];
        for (field, what, gap) in fields {
            if gap {
                missing(member_path(i, field), &format!("{who}的{what}"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::REQUIRED as R;
    use crate::model::{Application, Category};
    use crate::rules::testing::*;

    type Edit = fn(&mut Application);

    #[test]
    fn each_missing_field_is_one_finding() {
        let cases: [(Edit, &str); 16] = [
            (|a| a.title = " \t".into(), "title"),
            (|a| a.category = None, "category"),
            (|a| a.country = None, "country"),
            (|a| a.hosts.clear(), "hosts"),
            (|a| a.duration_days = None, "duration_days"),
            (|a| a.exit_date = None, "exit_date"),
            (|a| a.rationale = String::new(), "rationale"),
            (|a| a.content = "  ".into(), "content"),
            (|a| a.objectives = String::new(), "objectives"),
            (|a| a.members.clear(), "members"),
            (|a| a.members[1].name = " ".into(), "members[1].name"),
            (|a| a.members[1].birth_date = None, "members[1].birth_date"),
            (|a| a.members[0].unit = String::new(), "members[0].unit"),
            (|a| a.members[0].title_level = None, "members[0].title_level"),
            // Fields the notice does not require stay optional.
            (|a| a.sharing_plan.clear(), ""),
            (|a| a.return_date = None, ""),
        ];
        for c in Category::ALL {
            assert_clean(&R, &valid(c));
            for (edit, path) in cases {
                let mut a = valid(c);
                edit(&mut a);
                if path.is_empty() {
                    assert_clean(&R, &a);
                } else {
                    assert_one(&R, &a, path);
                }
            }
        }
    }

    #[test]
    fn invisible_characters_are_blank_and_one_visible_one_is_not() {
        // Zero-width space, BOM, word joiner, soft hyphen, U+3000, a direction mark.
        for blank in ["\u{200B}", "\u{FEFF}", " \u{2060}\u{3000}", "\u{AD}", "\u{200E}\n"] {
            let mut a = youth();
            a.title = blank.into();
            a.members[1].name = blank.into();
            a.hosts[0].city = blank.into();
            let found = run(&R, &a);
            assert_eq!(
                places(&found),
                [
                    (Some("app-youth"), "title"),
                    (Some("app-youth"), "hosts[0].city"),
                    (Some("app-youth"), "members[1].name")
                ],
                "{blank:?}"
            );
            assert_eq!(found[2].message, "未填写第 2 位成员的姓名（通知二(八)）");
            // A host named only by invisible characters is no host.
            let mut h = youth();
            h.hosts[0].name_zh = blank.into();
            h.hosts[0].name_en = blank.into();
            assert!(places(&run(&R, &h)).contains(&(Some("app-youth"), "hosts[0].name_zh")), "{blank:?}");
        }
        let mut a = youth();
        a.title = "\u{200B}甲\u{FEFF}".into();
        a.members[1].name = "\u{3000}李".into();
        assert_clean(&R, &a);
    }

    #[test]
    fn messages_name_the_field_and_the_member() {
        let mut a = youth();
        a.members[1].unit = String::new();
        let f = assert_one(&R, &a, "members[1].unit");
        assert_eq!(f.message, "未填写成员 李二 的工作单位（通知二(八)）");
        a.members[1].name = String::new();
        assert_eq!(run(&R, &a)[0].message, "未填写第 2 位成员的姓名（通知二(八)）");
    }

    #[test]
    fn a_host_row_without_a_name_is_no_host() {
        let mut a = youth().hosts_in(&["Berlin", "Munich", "Hamburg"]);
        a.hosts[2].name_zh = " ".into();
        a.hosts[2].name_en = "\u{3000}".into();
        let f = assert_one(&R, &a, "hosts[2].name_zh");
        assert_eq!(f.message, "未填写第 3 个境外培训机构的名称（通知二(八)）");
        // Only the English name is enough.
        a.hosts[2].name_en = "Host 2".into();
        assert_clean(&R, &a);
        // A single blank row: no host at all, and the row itself.
        let mut a = youth();
        a.hosts[0] = Default::default();
        assert_eq!(places(&run(&R, &a)), [(Some("app-youth"), "hosts"), (Some("app-youth"), "hosts[0].name_zh")]);
    }

    #[test]
    fn a_named_host_needs_a_city() {
        let f = assert_one(&R, &youth().lasting(21).hosts_in(&["Berlin", "Munich", " "]), "hosts[2].city");
        assert_eq!(f.message, "未填写境外培训机构 培训机构2 的城市（通知二(八)）");
        assert_clean(&R, &youth().lasting(21).hosts_in(&["Berlin", "Munich", "Munich"]));
    }

    #[test]
    fn an_empty_draft_lists_every_gap() {
        let found = run(&R, &Application::default());
        assert_eq!(found.len(), 10, "{found:#?}");
    }
}
