//! Two tabs changing the workspace's settings (unit name, ranking, 排序意见, 核销表 rows,
//! closure days, rule-sets, the bureau's selections) at once: a three-way merge against what the saving tab last
//! saw keeps both tabs' changes. Only the same setting changed both ways clashes; the
//! saving tab's value stays and the clash is named, so the user can look. The ranking is
//! the exception: reordered both ways, it waits for the user's choice (`ranking_merge`).

use std::collections::BTreeMap;

use super::Workspace;
use super::ranking_merge::{RankingChoice, RankingMerge, merge_ranking};

/// The merged settings (no applications: those are stored one per key) and the labels of
/// the settings both tabs changed differently.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingsMerge {
    pub merged: Workspace,
    pub clashes: Vec<&'static str>,
    /// Both tabs reordered the ranking differently: the two orders to choose from (`merged`
    /// holds this tab's meanwhile).
    pub ranking: Option<RankingChoice>,
}

/// `base`: the settings this tab last wrote or read; `ours`: this tab's now; `theirs`:
/// what another tab stored since. Applications are ignored.
pub fn merge_settings3(base: &Workspace, ours: &Workspace, theirs: &Workspace) -> SettingsMerge {
    let mut clashes = Vec::new();
    let mut clash = |hit: bool, label: &'static str| {
        if hit && !clashes.contains(&label) {
            clashes.push(label);
        }
    };
    let (unit, c) = scalar(&base.unit, &ours.unit, &theirs.unit);
    clash(c, "单位名称");
    let (rule_set, c) = scalar(&base.rule_set, &ours.rule_set, &theirs.rule_set);
    clash(c, "使用的规则集");
    let (reimbursements, c) =
        keyed(&base.reimbursements, &ours.reimbursements, &theirs.reimbursements, |r| r.id.clone());
    clash(c, "核销表");
    let (mut closure_days, _) = keyed(&base.closure_days, &ours.closure_days, &theirs.closure_days, |d| *d);
    closure_days.sort();
    closure_days.dedup();
    let (rule_sets, c) = keyed(&base.rule_sets, &ours.rule_sets, &theirs.rule_sets, |r| r.id.clone());
    clash(c, "规则集");
    let (selections, c) =
        keyed(&base.selections, &ours.selections, &theirs.selections, |s| (s.unit.clone(), s.id.clone()));
    clash(c, "遴选结果");
    let (opinions, c) = map(&base.opinions, &ours.opinions, &theirs.opinions);
    clash(c, "排序意见");
    let (ranking, choice) = match merge_ranking(&base.ranking, &ours.ranking, &theirs.ranking) {
        RankingMerge::Merged(r) => (r, None),
        RankingMerge::Clash(c) => (c.mine.clone(), Some(c)),
    };
    let merged = Workspace {
        unit,
        applications: Vec::new(),
        ranking,
        closure_days,
        reimbursements,
        opinions,
        rule_set,
        rule_sets,
        selections,
    };
    SettingsMerge { merged, clashes, ranking: choice }
}

/// One value: whichever side changed it; both changed differently → ours, a clash.
fn scalar<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T) -> (T, bool) {
    if ours == base { (theirs.clone(), false) } else { (ours.clone(), theirs != base && theirs != ours) }
}

/// Items with a key (rows by id, days by date): added on either side kept, removed on
/// either side removed, changed on one side changed; in ours' order, then theirs' new ones.
fn keyed<T: PartialEq + Clone, K: PartialEq>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    key: impl Fn(&T) -> K,
) -> (Vec<T>, bool) {
    let find = |list: &[T], k: &K| list.iter().find(|x| &key(x) == k).cloned();
    let mut clashed = false;
    let mut out = Vec::new();
    for o in ours {
        let k = key(o);
        match (find(base, &k), find(theirs, &k)) {
            // Theirs removed it: gone, unless ours changed it since (then kept: no loss).
            (Some(b), None) => {
                if &b != o {
                    clashed = true;
                    out.push(o.clone());
                }
            }
            (Some(b), Some(t)) => {
                let (v, c) = scalar(&b, o, &t);
                clashed |= c;
                out.push(v);
            }
            (None, Some(t)) => {
                clashed |= &t != o;
                out.push(o.clone());
            }
            (None, None) => out.push(o.clone()),
        }
    }
    for t in theirs {
        let k = key(t);
        let in_ours = ours.iter().any(|x| key(x) == k);
        match find(base, &k) {
            // New in theirs.
            None if !in_ours => out.push(t.clone()),
            // Ours removed it while theirs changed it: kept, no loss.
            Some(b) if !in_ours && &b != t => {
                clashed = true;
                out.push(t.clone());
            }
            _ => {}
        }
    }
    (out, clashed)
}

fn map(
    base: &BTreeMap<String, String>,
    ours: &BTreeMap<String, String>,
    theirs: &BTreeMap<String, String>,
) -> (BTreeMap<String, String>, bool) {
    let entries = |m: &BTreeMap<String, String>| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect::<Vec<_>>();
    let (list, clashed) = keyed(&entries(base), &entries(ours), &entries(theirs), |(k, _)| k.clone());
    (list.into_iter().collect(), clashed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Money, Reimbursement};

    fn row(id: &str, other: i64) -> Reimbursement {
        Reimbursement { id: id.into(), other: Money(other), ..Default::default() }
    }

    fn with_rows(rows: &[Reimbursement]) -> Workspace {
        Workspace { reimbursements: rows.to_vec(), ..Default::default() }
    }

    fn ids(ws: &Workspace) -> Vec<&str> {
        ws.reimbursements.iter().map(|r| r.id.as_str()).collect()
    }

    #[test]
    fn two_tabs_adding_rows_keep_both() {
        let base = with_rows(&[row("a", 1)]);
        let ours = with_rows(&[row("a", 1), row("mine", 2)]);
        let theirs = with_rows(&[row("a", 1), row("theirs", 3)]);
        let m = merge_settings3(&base, &ours, &theirs);
        assert_eq!(ids(&m.merged), ["a", "mine", "theirs"]);
        assert!(m.clashes.is_empty());
    }

    #[test]
    fn a_removal_on_one_side_and_an_edit_on_the_other() {
        let base = with_rows(&[row("a", 1), row("b", 1)]);
        // Theirs removed a; ours left it: removed. Theirs edited b; ours left it: edited.
        let ours = base.clone();
        let theirs = with_rows(&[row("b", 9)]);
        let m = merge_settings3(&base, &ours, &theirs);
        assert_eq!(m.merged.reimbursements, [row("b", 9)]);
        assert!(m.clashes.is_empty());
        // Ours edited a while theirs removed it: kept, and said.
        let ours = with_rows(&[row("a", 5), row("b", 1)]);
        let m = merge_settings3(&base, &ours, &theirs);
        assert_eq!(m.merged.reimbursements, [row("a", 5), row("b", 9)]);
        assert_eq!(m.clashes, ["核销表"]);
        // Ours removed b while theirs edited it: kept (theirs), said.
        let ours = with_rows(&[row("a", 1)]);
        let m = merge_settings3(&base, &ours, &theirs);
        assert_eq!(m.merged.reimbursements, [row("b", 9)]);
        assert_eq!(m.clashes, ["核销表"]);
    }

    #[test]
    fn the_same_row_edited_both_ways_keeps_ours_and_says_so() {
        let base = with_rows(&[row("a", 1)]);
        let m = merge_settings3(&base, &with_rows(&[row("a", 2)]), &with_rows(&[row("a", 3)]));
        assert_eq!(m.merged.reimbursements, [row("a", 2)]);
        assert_eq!(m.clashes, ["核销表"]);
        // The same edit on both sides is no clash.
        let m = merge_settings3(&base, &with_rows(&[row("a", 2)]), &with_rows(&[row("a", 2)]));
        assert!(m.clashes.is_empty());
    }

    #[test]
    fn scalars_take_the_side_that_changed() {
        let base = Workspace { unit: "物理所".into(), ..Default::default() };
        let changed = Workspace { unit: "化学所".into(), ..Default::default() };
        assert_eq!(merge_settings3(&base, &base, &changed).merged.unit, "化学所");
        assert_eq!(merge_settings3(&base, &changed, &base).merged.unit, "化学所");
        let other = Workspace { unit: "数学所".into(), ..Default::default() };
        let m = merge_settings3(&base, &changed, &other);
        assert_eq!((m.merged.unit.as_str(), m.clashes), ("化学所", vec!["单位名称"]));
    }

    #[test]
    fn opinions_closures_and_ranking_merge_per_entry() {
        let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2020, 2, d).unwrap();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let base = Workspace {
            ranking: s(&["a", "b", "c"]),
            closure_days: vec![day(3)],
            opinions: [("a".to_string(), "好".to_string())].into(),
            ..Default::default()
        };
        let ours = Workspace {
            ranking: s(&["b", "a", "c"]),
            closure_days: vec![day(3), day(5)],
            opinions: [("a".to_string(), "好".to_string()), ("b".to_string(), "可".to_string())].into(),
            ..Default::default()
        };
        let theirs = Workspace {
            ranking: s(&["a", "c", "d"]),
            closure_days: vec![day(4)],
            opinions: [("a".to_string(), "很好".to_string())].into(),
            ..Default::default()
        };
        let m = merge_settings3(&base, &ours, &theirs);
        // Theirs took b out and added d; ours' own order of the rest stays.
        assert_eq!(m.merged.ranking, s(&["a", "c", "d"]));
        assert_eq!(m.merged.closure_days, [day(4), day(5)]);
        assert_eq!(m.merged.opinions.get("a").map(String::as_str), Some("很好"));
        assert_eq!(m.merged.opinions.get("b").map(String::as_str), Some("可"));
        assert!(m.clashes.is_empty());
        assert_eq!(m.ranking, None);
        // Only ours reordered: ours. Only theirs: theirs.
        let theirs_order = Workspace { ranking: s(&["c", "b", "a"]), ..base.clone() };
        assert_eq!(merge_settings3(&base, &base, &theirs_order).merged.ranking, s(&["c", "b", "a"]));
        let ours_order = Workspace { ranking: s(&["c", "a", "b"]), ..base.clone() };
        assert_eq!(merge_settings3(&base, &ours_order, &base).merged.ranking, s(&["c", "a", "b"]));
    }

    #[test]
    fn a_ranking_reordered_both_ways_waits_for_a_choice() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let base = Workspace { ranking: s(&["a", "b", "c"]), unit: "物理所".into(), ..Default::default() };
        let ours = Workspace { ranking: s(&["c", "a", "b"]), ..base.clone() };
        let theirs = Workspace { ranking: s(&["b", "c", "a"]), unit: "化学所".into(), ..base.clone() };
        let m = merge_settings3(&base, &ours, &theirs);
        assert_eq!(m.ranking, Some(RankingChoice { mine: ours.ranking.clone(), theirs: theirs.ranking.clone() }));
        // Meanwhile this tab's order stays on screen; the rest merges as ever, and the
        // ranking is not among the settings whose clash keeps ours.
        assert_eq!(m.merged.ranking, ours.ranking);
        assert_eq!(m.merged.unit, "化学所");
        assert!(m.clashes.is_empty());
        // Both to the same order: no clash.
        let m = merge_settings3(&base, &ours, &ours);
        assert_eq!((m.ranking, m.merged.ranking), (None, ours.ranking));
    }
}
