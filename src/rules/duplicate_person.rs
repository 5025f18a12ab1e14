use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{Check, Cx, Report, Rule, Severity, member_path};
use crate::model::Member;
use crate::rule_set::RuleSet;
use crate::workspace::Workspace;

/// 同一人（姓名 + 出生日期）不在同一工作区的两份申请中，
/// 也不在一份申请中出现两次。Every occurrence in another application is flagged and names
/// the other applications; a repeat inside one application is flagged at the repeat only (a
/// warning here, like the rest of the rule: `group-size` counts the person once and errs
/// when the group falls below its minimum).
/// Members without a name or birth date are not compared.
/// Example: 张三 1982-05-05 in applications A and B → `members[0].name` on A and on B;
/// twice in A → `members[1].name` on A.
pub static DUPLICATE_PERSON: Rule = Rule {
    id: "duplicate-person",
    severity: Severity::Warning,
    title: "同一人不重复出现在两份申请中",
    limit,
    check: Check::Workspace(check),
};

fn limit(_: &RuleSet) -> String {
    "同一姓名和出生日期只出现在一份申请中".into()
}

fn check(cx: &Cx, ws: &Workspace, out: &mut Report) {
    // With a focus, only its members can be reported: the others need no entry.
    let wanted: Option<Vec<(String, NaiveDate)>> = cx
        .focus
        .map(|id| ws.get(id).map(|a| a.members.iter().filter_map(Member::person).collect()).unwrap_or_default());
    // (name as compared, birth) → every (application index, member index) where it occurs.
    let mut people: BTreeMap<(String, NaiveDate), Vec<(usize, usize)>> = BTreeMap::new();
    for (a, app) in ws.applications.iter().enumerate() {
        for (m, member) in app.members.iter().enumerate() {
            // The birth date first: it rules out nearly everyone without comparing names.
            if wanted.as_ref().is_some_and(|w| !w.iter().any(|(_, d)| Some(*d) == member.birth_date)) {
                continue;
            }
            let Some(key) = member.person() else { continue };
            if wanted.as_ref().is_some_and(|w| !w.contains(&key)) {
                continue;
            }
            people.entry(key).or_default().push((a, m));
        }
    }
    let mut found = Vec::new();
    for ((_, born), at) in &people {
        for (i, &(a, m)) in at.iter().enumerate() {
            // Named as typed where it is reported.
            let name = ws.applications[a].members[m].name.trim();
            // A repeat inside its application: the first occurrence carries the rest.
            if let Some(&(_, first)) = at[..i].iter().find(|&&(o, _)| o == a) {
                let message = format!(
                    "成员 {name}（{born} 出生）在本申请中重复出现（与第 {} 位成员相同），\
                     请删除重复的成员",
                    first + 1
                );
                found.push((a, m, message));
                continue;
            }
            let mut others: Vec<usize> = at.iter().map(|&(o, _)| o).filter(|&o| o != a).collect();
            others.dedup();
            if others.is_empty() {
                continue;
            }
            let titles: Vec<_> = others.iter().map(|&o| super::app_name(&ws.applications[o])).collect();
            let message = format!(
                "成员 {name}（{born} 出生）同时在申请{}中，\
                 请核实是否重复申报",
                titles.join("、")
            );
            found.push((a, m, message));
        }
    }
    // Report in workspace order, not name order.
    found.sort_by_key(|&(a, m, _)| (a, m));
    for (a, m, message) in found {
        out.push_for(Some(ws.applications[a].id.clone()), member_path(m, "name"), message);
    }
}

#[cfg(test)]
mod tests {
    use super::DUPLICATE_PERSON as R;
    use crate::model::{Application, Category};
    use crate::rules::testing::*;

    fn two(edit: impl FnOnce(&mut Application)) -> Vec<crate::rules::Finding> {
        let a = valid(Category::Youth).named("a", "项目甲");
        let mut b = valid(Category::Keytech).named("b", "项目乙");
        b.members[0].name = "王五".into();
        b.members[1].name = "赵六".into();
        edit(&mut b);
        let ws = workspace(vec![a, b]);
        run_ws(&R, &cx(&ws), &ws)
    }

    #[test]
    fn same_name_and_birth_date_in_two_applications() {
        // Application a holds 张三 1982-05-05 and 李二 1985-07-07.
        let valid = [
            two(|_| {}),
            two(|b| b.members[1].name = "张三".into()),
            two(|b| b.members[1].birth_date = Some(d("1985-07-07"))),
            two(|b| b.members[1].name = "  ".into()),
            two(|b| b.members[1].name = "王五2".into()),
        ];
        for found in valid {
            assert!(found.is_empty(), "{found:#?}");
        }
        let found = two(|b| {
            b.members[1].name = " 张三".into();
            b.members[1].birth_date = Some(d("1982-05-05"));
        });
        assert_eq!(places(&found), [(Some("a"), "members[0].name"), (Some("b"), "members[1].name")]);
        assert_eq!(
            found[0].message,
            "成员 张三（1982-05-05 出生）同时在申请「项目乙」中，\
             请核实是否重复申报"
        );
        assert_eq!(
            found[1].message,
            "成员 张三（1982-05-05 出生）同时在申请「项目甲」中，\
             请核实是否重复申报"
        );
    }

    #[test]
    fn the_same_person_twice_in_one_application() {
        // b: 王五 and 赵六, both born 1985-07-07 (member 1) and 1982-05-05 (member 0).
        let found = two(|b| b.members[1] = b.members[0].clone());
        assert_eq!(places(&found), [(Some("b"), "members[1].name")]);
        assert_eq!(
            found[0].message,
            "成员 王五（1982-05-05 出生）在本申请中重复出现（与第 1 位成员相同），\
             请删除重复的成员"
        );
        // Trimmed names compare equal; the same name with another birth date is another person.
        assert_eq!(places(&two(|b| b.members[1].name = " 王五 ".into())), []);
        let found = two(|b| {
            b.members[1].name = " 王五\t".into();
            b.members[1].birth_date = b.members[0].birth_date;
        });
        assert_eq!(places(&found), [(Some("b"), "members[1].name")]);
        // Twice in b and once in a: a and the first in b name each other, the repeat is a repeat.
        let found = two(|b| {
            b.members[0].name = "张三".into();
            b.members.push(b.members[0].clone());
        });
        assert_eq!(
            places(&found),
            [(Some("a"), "members[0].name"), (Some("b"), "members[0].name"), (Some("b"), "members[2].name")]
        );
    }

    #[test]
    fn names_compare_after_nfkc_and_without_any_space() {
        // Application a holds 张三 1982-05-05; b's second member is born the same day.
        let as_typed = |name: &'static str| {
            two(move |b| {
                b.members[1].name = name.into();
                b.members[1].birth_date = Some(d("1982-05-05"));
            })
        };
        for same in ["张\u{3000}三", "张 三", "\u{FEFF}张三\u{200B}", "张\u{3000}\u{3000}三\t"] {
            let found = as_typed(same);
            assert_eq!(places(&found), [(Some("a"), "members[0].name"), (Some("b"), "members[1].name")], "{same:?}");
            // Each is named as typed there.
            assert!(found[1].message.starts_with(&format!("成员 {}（", same.trim())), "{}", found[1].message);
        }
        assert_eq!(places(&as_typed("张\u{3000}三三")), []);
        // Full-width Latin letters are their ASCII letters.
        let latin = |a_name: &'static str, b_name: &'static str| {
            let mut a = valid(Category::Youth).named("a", "甲");
            a.members[0].name = a_name.into();
            let mut b = valid(Category::Keytech).named("b", "乙");
            b.members[0].name = b_name.into();
            let ws = workspace(vec![a, b]);
            // Both hold 李二 1985-07-07 as their second member too.
            run_ws(&R, &cx(&ws), &ws).iter().filter(|f| f.path == "members[0].name").count()
        };
        assert_eq!(latin("Anna Li", "Ａｎｎａ　Ｌｉ"), 2);
        assert_eq!(latin("Anna Li", "Ａｎｎａ　Ｌｕ"), 0);
    }

    #[test]
    fn three_applications_each_name_the_other_two() {
        let apps = vec![youth().named("a", "甲"), youth().named("b", "乙"), youth().named("c", "")];
        let ws = workspace(apps);
        let found = run_ws(&R, &cx(&ws), &ws);
        assert_eq!(found.len(), 6, "two members in three applications");
        let message = &found[0].message;
        assert!(message.contains("同时在申请「乙」、「未命名申请 c」中"), "{message}");
    }
}
