use super::{Check, Cx, Report, Rule, Severity, member_path};
use crate::model::unit_name::same_unit;
use crate::rule_set::RuleSet;
use crate::workspace::Workspace;

/// 院内跨单位团组由团组带头人所在单位统一报送：in a unit's workspace (its name set), each
/// group's leader works at this unit; in any workspace, 团组带头人所在单位 (`lead_unit`) is
/// the leader's own unit. Names are compared as one unit however written
/// (`unit_name::same_unit`: 物理所 = 中国科学院物理研究所). Skipped for groups without exactly
/// one leader and for blank names (`required`'s, or not yet typed); the unit check also in a
/// researcher's own workspace.
/// Example: unit 物理所, leader's unit 化学所 → `members[0].unit`; lead_unit 化学所 with the
/// leader at 物理所 → `lead_unit`.
pub static LEADER_UNIT: Rule = Rule {
    id: "leader-unit",
    severity: Severity::Warning,
    title: "团组带头人是本单位人员",
    limit,
    check: Check::Workspace(check),
};

fn limit(_: &RuleSet) -> String {
    "单位报送的每个团组，带头人的工作单位为本单位".into()
}

fn check(cx: &Cx, ws: &Workspace, out: &mut Report) {
    for app in &ws.applications {
        let Some((i, leader)) = app.leader() else { continue };
        let unit = leader.unit.trim();
        if unit.is_empty() {
            continue;
        }
        let lead_unit = app.lead_unit.trim();
        if !lead_unit.is_empty() && !same_unit(lead_unit, unit) {
            out.push_for(
                Some(app.id.clone()),
                "lead_unit",
                format!(
                    "团组带头人所在单位填写为{lead_unit}，\
                     与团组带头人 {} 的工作单位{unit}不同，请核对（通知{}）",
                    leader.display_name(i),
                    cx.rule_set.clause(LEADER_UNIT.id)
                ),
            );
        }
        if cx.unit.is_empty() || same_unit(unit, cx.unit) {
            continue;
        }
        out.push_for(
            Some(app.id.clone()),
            member_path(i, "unit"),
            format!(
                "团组带头人 {} 的工作单位为{unit}，\
                 不是本单位（{}）：跨单位团组由团组带头人所在单位统一报送（通知{}）",
                leader.display_name(i),
                cx.unit,
                cx.rule_set.clause(LEADER_UNIT.id)
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::LEADER_UNIT as R;
    use crate::model::Application;
    use crate::rules::testing::*;

    /// A unit's workspace with one application whose leader (member 0) works at `unit`,
    /// and whose lead_unit says so.
    fn run_at(ws_unit: &str, leader_unit: &str, edit: fn(&mut Application)) -> Vec<crate::rules::Finding> {
        let mut a = youth();
        a.members[0].unit = leader_unit.into();
        a.lead_unit = leader_unit.into();
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
            run_at("物理所", IPHY, |_| {}),
            run_at(IPHY, "物理研究所", |_| {}),
            run_at("中国科学院\u{3000}物理所", "物理研究所", |_| {}),
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
            "团组带头人 张三 的工作单位为中国科学院化学研究所，\
             不是本单位（中国科学院物理研究所）：\
             跨单位团组由团组带头人所在单位统一报送（通知二(八)）"
        );
    }

    #[test]
    fn the_leader_is_found_wherever_listed() {
        let found = run_at(IPHY, IPHY, |a| {
            a.members[0].is_leader = false;
            a.members[1].is_leader = true;
            a.members[1].unit = ICCAS.into();
            a.lead_unit = ICCAS.into();
        });
        assert_eq!(places(&found), [(Some("app-youth"), "members[1].unit")]);
    }

    #[test]
    fn short_and_full_names_of_one_unit_agree_others_differ() {
        assert_eq!(places(&run_at("物理所", "化学所", |_| {})), [(Some("app-youth"), "members[0].unit")]);
        let found = run_at("中国科学院物理研究所", "物理所", |a| a.members[0].unit = "化学所".into());
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(
            found[1].message.contains("工作单位为化学所，不是本单位（中国科学院物理研究所）"),
            "{}",
            found[1].message
        );
    }

    #[test]
    fn lead_unit_is_the_leader_s_unit() {
        // In a researcher's own workspace too.
        for ws_unit in ["", IPHY] {
            let valid = [
                run_at(ws_unit, IPHY, |a| a.lead_unit = "物理所".into()),
                run_at(ws_unit, IPHY, |a| a.lead_unit = " ".into()),
                run_at(ws_unit, IPHY, |a| a.members[0].is_leader = false),
            ];
            for found in valid {
                assert!(found.is_empty(), "{found:#?}");
            }
            let found = run_at(ws_unit, IPHY, |a| a.lead_unit = "化学所".into());
            assert_eq!(places(&found), [(Some("app-youth"), "lead_unit")]);
            assert_eq!(
                found[0].message,
                "团组带头人所在单位填写为化学所，与团组带头人 \
                 张三 的工作单位中国科学院物理研究所不同，请核对（通知二(八)）"
            );
        }
    }
}
