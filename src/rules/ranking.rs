use std::collections::BTreeMap;

use super::{Check, Cx, Report, Rule, Severity};
use crate::rule_set::RuleSet;
use crate::workspace::Workspace;

/// 单位研究明确总体排序：in a unit's submission the ranking (application ids, first =
/// rank 1) names each application exactly once, and nothing else. Position is rank, so
/// ranks are 1..n by construction. Checked only where a ranking is required.
/// Example: ranking [a, x] with x unknown → `ranking[1]`; b missing → `ranking` on b.
pub static RANKING: Rule = Rule {
    id: "ranking",
    severity: Severity::Error,
    title: "总体排序包含每份申请，且每份只排一次",
    limit,
    check: Check::Workspace(check),
};

fn limit(_: &RuleSet) -> String {
    "单位报送时，排序为 1…n，每份申请恰占一个名次".into()
}

fn check(cx: &Cx, ws: &Workspace, out: &mut Report) {
    if !cx.ranking_required {
        return;
    }
    let clause = cx.rule_set.clause(RANKING.id);
    let mut first_rank: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, id) in ws.ranking.iter().enumerate() {
        let path = format!("ranking[{i}]");
        let Some(app) = ws.get(id) else {
            out.push_for(
                None,
                path,
                format!(
                    "排序第 {} 位的申请（{id}）\
                     不在本单位的申请中（通知{clause}）",
                    i + 1
                ),
            );
            continue;
        };
        if let Some(first) = first_rank.get(id.as_str()) {
            out.push_for(
                Some(id.clone()),
                path,
                format!(
                    "申请{}在排序中重复出现（第 {} 位和第 {} 位），\
                     每份申请只能排一次（通知{clause}）",
                    super::app_name(app),
                    first + 1,
                    i + 1
                ),
            );
        } else {
            first_rank.insert(id, i);
        }
    }
    // The unranked: what `rank_order` (the order every view shows) puts after the ranked.
    let (order, ranked) = ws.rank_order();
    for app in order.into_iter().skip(ranked) {
        out.push_for(
            Some(app.id.clone()),
            "ranking",
            format!(
                "申请{}尚未排序：\
                 单位须明确总体排序后报送（通知{clause}）",
                super::app_name(app)
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RANKING as R;
    use crate::rules::testing::*;
    use crate::workspace::Workspace;

    fn ranked(ranking: &[&str], required: bool) -> Vec<crate::rules::Finding> {
        let named = |id: &str, title: &str| youth().named(id, title);
        let apps = vec![named("a", "项目甲"), named("b", "项目乙"), named("c", "项目丙")];
        let ws = Workspace { ranking: ranking.iter().map(|s| s.to_string()).collect(), ..workspace(apps) };
        let mut cx = cx(&ws);
        cx.ranking_required = required;
        run_ws(&R, &cx, &ws)
    }

    /// A ranking and where its findings point.
    type Case = (&'static [&'static str], &'static [(Option<&'static str>, &'static str)]);

    #[test]
    fn each_application_exactly_once() {
        for ok in [["a", "b", "c"], ["c", "a", "b"]] {
            assert!(ranked(&ok, true).is_empty());
        }
        let invalid: [Case; 6] = [
            (&["a", "b", "a"], &[(Some("a"), "ranking[2]"), (Some("c"), "ranking")]),
            (&["a", "b", "c", "x"], &[(None, "ranking[3]")]),
            (&["a", "b", "a", "c"], &[(Some("a"), "ranking[2]")]),
            (&["a", "b"], &[(Some("c"), "ranking")]),
            (&[], &[(Some("a"), "ranking"), (Some("b"), "ranking"), (Some("c"), "ranking")]),
            (
                &["b", "b", "x"],
                &[(Some("b"), "ranking[1]"), (None, "ranking[2]"), (Some("a"), "ranking"), (Some("c"), "ranking")],
            ),
        ];
        for (ranking, expected) in invalid {
            let found = ranked(ranking, true);
            assert_eq!(places(&found), expected, "{ranking:?}");
            assert!(found.iter().all(|f| f.severity == R.severity));
        }
    }

    #[test]
    fn only_where_a_ranking_is_required() {
        assert!(ranked(&["x"], false).is_empty());
    }

    #[test]
    fn messages() {
        let found = ranked(&["b", "a", "a", "x"], true);
        let messages: Vec<_> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "申请「项目甲」在排序中重复出现（第 2 位和第 3 位），\
                 每份申请只能排一次（通知二(一)）",
                "排序第 4 位的申请（x）不在本单位的申请中（通知二(一)）",
                "申请「项目丙」尚未排序：单位须明确总体排序后报送（通知二(一)）",
            ]
        );
    }
}
