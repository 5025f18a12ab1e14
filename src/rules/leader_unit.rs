use super::{Check, Cx, Report, Rule, Severity, member_path};
use crate::model::Workspace;
use crate::rule_set::RuleSet;

/// 院内跨单位团组由团组带头人所在单位统一报送：in a unit's workspace (its name set), each
/// group's leader works at this unit. Skipped in a researcher's own workspace, for groups
/// without exactly one leader, and for a leader whose unit is empty (`required`'s).
/// Example: unit 物理所, leader's unit 化学所 → `members[0].unit` on that application.
pub static LEADER_UNIT: Rule = Rule {
    id: "leader-unit",
    severity: Severity::Warning,
    clause: "二(八)",
    title: "团组带头人是本单位人员",
    limit,
    check: Check::Workspace(check),
};

fn limit(_: &RuleSet) -> String {
    "单位报送的每个团组，带头人的工作单位为本单位".into()
}

fn check(cx: &Cx, ws: &Workspace, out: &mut Report) {
    if cx.unit.is_empty() {
        return;
    }
    for app in &ws.applications {
        let Some((i, leader)) = app.leader() else { continue };
        let unit = leader.unit.trim();
        if unit.is_empty() || unit == cx.unit {
            continue;
        }
        out.push_for(
            Some(app.id.clone()),
            member_path(i, "unit"),
            format!(
                "团组带头人 {} 的工作单位为{unit}，不是本单位（{}）：跨单位团组由团组带头人所在单位统一报送（通知{}）",
                leader.display_name(i),
                cx.unit,
                LEADER_UNIT.clause
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::LEADER_UNIT as R;
    use crate::model::Application;
    use crate::rules::testing::*;

    /// A unit's workspace with one application whose leader (member 0) works at `unit`.
    fn run_at(ws_unit: &str, leader_unit: &str, edit: fn(&mut Application)) -> Vec<crate::rules::Finding> {
        let mut a = youth();
        a.members[0].unit = leader_unit.into();
        edit(&mut a);
        let mut ws = workspace(vec![a]);
        ws.unit = ws_unit.into();
        run_ws(&R, &cx(&ws), &ws)
    }

    const IPHY: &str = "中国科学院物理研究所";
    const ICCAS: &str = "中国科学院化学研究所";

    #[test]
    fn the_leader_works_here() {
        let valid = [
            run_at(IPHY, IPHY, |_| {}),
            run_at(&format!(" {IPHY} "), &format!("{IPHY}  "), |_| {}),
            run_at("", ICCAS, |_| {}),
            run_at(IPHY, "  ", |_| {}),
            run_at(IPHY, ICCAS, |a| a.members[1].is_leader = true),
            run_at(IPHY, ICCAS, |a| a.members[0].is_leader = false),
            // A partner from another unit who is not the leader is the point of cross-unit groups.
            run_at(IPHY, IPHY, |a| a.members[1].unit = ICCAS.into()),
        ];
        for found in valid {
            assert!(found.is_empty(), "{found:#?}");
        }
        let found = run_at(IPHY, ICCAS, |_| {});
        assert_eq!(places(&found), [(Some("app-youth"), "members[0].unit")]);
        assert_eq!(found[0].severity, R.severity);
        assert_eq!(
            found[0].message,
            "团组带头人 张三 的工作单位为中国科学院化学研究所，不是本单位（中国科学院物理研究所）：跨单位团组由团组带头人所在单位统一报送（通知二(八)）"
        );
    }

    #[test]
    fn the_leader_is_found_wherever_listed() {
        let found = run_at(IPHY, IPHY, |a| {
            a.members[0].is_leader = false;
            a.members[1].is_leader = true;
            a.members[1].unit = ICCAS.into();
        });
        assert_eq!(places(&found), [(Some("app-youth"), "members[1].unit")]);
    }
}
