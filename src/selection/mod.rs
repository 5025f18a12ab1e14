//! The bureau's selection (院人事局遴选, 二(四)) over the unit bundles it has open: every
//! group in the units' ranking order with its outcome, and the totals of the selected
//! against the plan, per category and per unit. Pure; the bureau's view and the
//! academy-wide XLSX (`report`) both read it.

pub mod report;

pub use report::to_report;

use std::collections::HashMap;

use crate::bundle::Bundle;
use crate::model::unit_name::unit_key;
use crate::model::{Application, Category, Decision, Money, Selection};
use crate::rule_set::RuleSet;
use crate::summary::Totals;
use crate::workspace::rank_order;

/// A bundle's unit as the bureau lists it.
pub fn unit_of(b: &Bundle) -> String {
    let u = b.unit.trim();
    if u.is_empty() { "未署名单位".into() } else { u.to_string() }
}

/// One group of one unit, with the bureau's outcome (blank while undecided).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub unit: String,
    /// 1-based rank in its unit's list; `None` when the unit did not rank it.
    pub unit_rank: Option<usize>,
    pub category: Option<Category>,
    pub persons: u32,
    pub selection: Selection,
}

/// The groups whose unit, title or leader holds every word of `query` (letters in any
/// case; an empty query: every group), as indices into `rows`: the bureau's search.
pub fn search(rows: &[Row], query: &str) -> Vec<usize> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    rows.iter()
        .enumerate()
        .filter(|(_, r)| {
            let s = &r.selection;
            let text = format!("{} {} {}", r.unit, s.title, s.leader).to_lowercase();
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .map(|(i, _)| i)
        .collect()
}

/// The outcomes recorded, by unit (as [`unit_key`] reads it) and application id: each
/// found at once, so an academy's 3,000 groups are not each searched for in 3,000.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcomes(HashMap<(String, String), Selection>);

impl Outcomes {
    /// The first outcome recorded for each application, as `Workspace::selection` finds it.
    pub fn of(selections: &[Selection]) -> Outcomes {
        Outcomes(selections.iter().rev().map(|s| ((unit_key(&s.unit), s.id.clone()), s.clone())).collect())
    }

    pub fn get(&self, unit: &str, id: &str) -> Option<&Selection> {
        self.0.get(&(unit_key(unit), id.to_string()))
    }
}

/// Every group of every bundle, unit by unit in the order opened, each unit's groups in
/// its ranking order (the unranked last), with the outcome recorded for it.
pub fn rows(bundles: &[Bundle], selections: &[Selection]) -> Vec<Row> {
    rows_with(bundles, &Outcomes::of(selections))
}

/// [`rows`] with the outcomes already found (the bureau's page keeps them for its rows).
pub fn rows_with(bundles: &[Bundle], outcomes: &Outcomes) -> Vec<Row> {
    let mut out = Vec::new();
    for b in bundles {
        let unit = unit_of(b);
        let key = unit_key(&unit);
        let (order, ranked) = rank_order(&b.applications, &b.ranking);
        for (i, a) in order.into_iter().enumerate() {
            // The keys as the bundle has them now, the outcome as recorded.
            let mut selection = Selection::of(&unit, a);
            if let Some(s) = outcomes.0.get(&(key.clone(), a.id.clone())) {
                selection.decision = s.decision;
                selection.note.clone_from(&s.note);
                selection.approved_category = s.approved_category;
                selection.funding = s.funding;
            }
            out.push(Row {
                unit: unit.clone(),
                unit_rank: (i < ranked).then_some(i + 1),
                category: a.category,
                persons: u32::try_from(a.members.len()).unwrap_or(u32::MAX),
                selection,
            });
        }
    }
    out
}

/// Counts of one unit's groups by outcome.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UnitTally {
    pub unit: String,
    pub applications: usize,
    pub selected: usize,
    pub not_selected: usize,
    pub undecided: usize,
    pub selected_persons: u32,
    pub funding: Money,
}

/// The selection's totals.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    /// The selected groups against the plan, each counted in its approved category (the
    /// one applied for until the ministry's is recorded).
    pub plan: Totals,
    /// Funding of the selected groups per category, in `Category::ALL` order.
    pub funding: Vec<(Category, Money)>,
    pub units: Vec<UnitTally>,
    pub all: UnitTally,
}

pub fn tally(rows: &[Row], bundles: &[Bundle], rs: &RuleSet) -> Tally {
    let mut selected: Vec<Application> = Vec::new();
    let mut units: Vec<UnitTally> = Vec::new();
    // Each group's application, found at once (the first of its unit with its id).
    let mut apps: HashMap<(String, &str), &Application> = HashMap::new();
    for b in bundles {
        let unit = unit_of(b);
        for a in &b.applications {
            apps.entry((unit.clone(), a.id.as_str())).or_insert(a);
        }
    }
    let mut all = UnitTally { unit: "合计".into(), ..Default::default() };
    let mut funding: Vec<(Category, Money)> = Category::ALL.into_iter().map(|c| (c, Money(0))).collect();
    for r in rows {
        let i = match units.iter().rposition(|u| u.unit == r.unit) {
            Some(i) => i,
            None => {
                units.push(UnitTally { unit: r.unit.clone(), ..Default::default() });
                units.len() - 1
            }
        };
        for t in [&mut units[i], &mut all] {
            t.applications += 1;
            match r.selection.decision {
                Some(Decision::Selected) => {
                    t.selected += 1;
                    t.selected_persons = t.selected_persons.saturating_add(r.persons);
                    t.funding = t.funding + r.selection.funding.unwrap_or_default();
                }
                Some(Decision::NotSelected) => t.not_selected += 1,
                None => t.undecided += 1,
            }
        }
        if r.selection.decision == Some(Decision::Selected) {
            let category = r.selection.approved_category.or(r.category);
            if let Some(slot) = funding.iter_mut().find(|(c, _)| Some(*c) == category) {
                slot.1 = slot.1 + r.selection.funding.unwrap_or_default();
            }
            if let Some(a) = apps.get(&(r.unit.clone(), r.selection.id.as_str())) {
                // Counted as approved: the plan lines count only groups in the running.
                selected.push(Application { category, execution: None, ..(*a).clone() });
            }
        }
    }
    let refs: Vec<&Application> = selected.iter().collect();
    Tally { plan: Totals::of(&refs, rs), funding, units, all }
}

#[cfg(test)]
mod tests;
