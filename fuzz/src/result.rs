//! `result`: a unit's workspace and the bureau's result bundle, planned and applied.
//!
//! Input: one control byte, then the workspace's bundle text, then optionally NUL and the
//! result bundle's text. Without a second text the result is derived from the workspace as
//! the bureau would send it (decisions, categories and amounts from the control byte, some
//! records typed differently beforehand, one unknown application), so that conflicts and
//! missing applications are reached as often as plain changes.
//!
//! Invariants: planning and applying never panic; a plan is refused or concerns at least
//! one application of the workspace; with conflicts unresolved nothing applies; with every
//! conflict chosen it applies, keeps every application (ids and order) and changes nothing
//! but execution records; taking the bureau's side everywhere and planning again leaves
//! nothing to change.

use chrono::{DateTime, NaiveDate};
use peixun::bundle::{Choice, ResultField, apply_results, export_result, parse, plan_results, workspace_of};
use peixun::model::{Category, Decision, Execution, ExecutionStatus, Money, Selection};
use peixun::rule_set::RuleSet;
use peixun::workspace::Workspace;

use super::{bundle_of, split_nul, unique_ids};

pub fn run(data: &[u8]) {
    let Some((&ctrl, rest)) = data.split_first() else { return };
    let (local, incoming) = split_nul(rest);
    let Some(local) = bundle_of(local) else { return };
    let mut ws = workspace_of(&local);
    ws.unit.clone_from(&local.unit);
    let bundle = match incoming {
        Some(text) => match bundle_of(text) {
            Some(b) => b,
            None => return,
        },
        None => match derive(&mut ws, ctrl).map(|text| parse(&text)) {
            None => return,
            Some(Ok(b)) => b,
            Some(Err(e)) => panic!("a derived result file does not parse: {e}"),
        },
    };
    let Ok(mut plan) = plan_results(&ws, &bundle) else { return };
    assert!(!plan.items.is_empty(), "a plan that concerns nothing");
    assert!(plan.items.iter().all(|i| ws.get(&i.id).is_some()));
    if plan.unresolved() > 0 {
        assert!(apply_results(&ws, &plan).is_err(), "applied with unresolved conflicts");
    }
    let side = if ctrl & 0x40 != 0 { Choice::Mine } else { Choice::Theirs };
    let conflicts: Vec<(String, ResultField)> = plan
        .items
        .iter()
        .flat_map(|i| i.changes.iter().filter(|c| c.conflict).map(move |c| (i.id.clone(), c.field)))
        .collect();
    for (id, field) in &conflicts {
        plan.choose(id, *field, side);
    }
    let out = match apply_results(&ws, &plan) {
        Ok(out) => out,
        Err(e) => panic!("a resolved plan does not apply: {e}"),
    };
    let ids = |w: &Workspace| w.applications.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&out), ids(&ws));
    for (a, b) in out.applications.iter().zip(&ws.applications) {
        let strip = |x: &peixun::model::Application| peixun::model::Application { execution: None, ..x.clone() };
        assert_eq!(strip(a), strip(b), "more than the execution record changed");
    }
    let once_each = {
        let mut seen: Vec<&str> = bundle.results.iter().map(|s| s.id.as_str()).collect();
        seen.sort_unstable();
        seen.windows(2).all(|w| w[0] != w[1])
    };
    if side == Choice::Theirs && once_each && unique_ids(&ws.applications) {
        let again = plan_results(&out, &bundle).expect("planned once, plans again");
        assert_eq!(again.changed(), 0, "taking the bureau's side left changes: {again:?}");
    }
}

/// The bureau's result for the workspace's applications: bit 0 selects the first, bit 1
/// rejects the second, bit 2 funds, bit 3 approves another category, bit 4 has the unit
/// type a different category and bit 5 a status first; bit 7 adds an application the
/// workspace lacks. `None` when there is nothing to decide (a result file needs an entry,
/// and an entry an id).
fn derive(ws: &mut Workspace, ctrl: u8) -> Option<String> {
    let unit = ws.unit.clone();
    let mut sels: Vec<Selection> = Vec::new();
    for (i, a) in ws.applications.iter_mut().enumerate().filter(|(_, a)| !a.id.trim().is_empty()) {
        let decision = if (i % 2 == 0 && ctrl & 1 != 0) || (i % 2 == 1 && ctrl & 2 == 0) {
            Decision::Selected
        } else {
            Decision::NotSelected
        };
        let mut s = Selection { decision: Some(decision), ..Selection::of(&unit, a) };
        if decision == Decision::Selected {
            if ctrl & 4 != 0 {
                s.funding = Some(Money(i64::from(ctrl) * 10_000 + i as i64));
            }
            s.approved_category = Some(if ctrl & 8 != 0 { Category::Lead } else { Category::Youth });
        }
        if ctrl & 16 != 0 {
            a.execution.get_or_insert_with(Execution::default).approved_category = Some(Category::Keytech);
        }
        if ctrl & 32 != 0 {
            a.execution.get_or_insert_with(Execution::default).status = ExecutionStatus::Rejected;
        }
        sels.push(s);
    }
    if ctrl & 0x80 != 0 {
        sels.push(Selection {
            id: "fuzz-unknown".into(),
            unit: unit.clone(),
            decision: Some(Decision::Selected),
            ..Default::default()
        });
    }
    if sels.is_empty() {
        return None;
    }
    let at = DateTime::parse_from_rfc3339("2020-03-02T09:00:00+08:00").unwrap();
    let day = NaiveDate::from_ymd_opt(2020, 3, 2).unwrap();
    let unit = (!unit.trim().is_empty()).then_some(unit.as_str());
    Some(export_result("", day, unit, &sels, RuleSet::embedded(), at))
}
