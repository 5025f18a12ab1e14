//! The workspace: the aggregate a browser (or a bundle's import) holds — applications,
//! their ranking, the unit's settings and rule-sets — above the data it holds (`model`)
//! and the rule-sets (`rule_set`); its three-way merges and the trash of deletions.

mod ranking_merge;
mod selection;
mod settings_merge;
mod trash;

pub use ranking_merge::{RankingChoice, RankingMerge, merge_ranking};
pub use settings_merge::{SettingsMerge, merge_settings3};
pub use trash::{Deleted, NotRestored, Restored, TRASH_DEPTH, Trash};

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Application, Reimbursement, Selection};
use crate::rule_set::RuleSet;

/// Everything one browser (or one unit bundle) holds.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Workspace {
    /// This unit's name; empty for a researcher's own workspace.
    pub unit: String,
    pub applications: Vec<Application>,
    /// Application ids, first = rank 1 (总体排序, 二(一)).
    pub ranking: Vec<String>,
    /// The unit's own closure days, on top of the rule-set's calendar.
    pub closure_days: Vec<NaiveDate>,
    pub reimbursements: Vec<Reimbursement>,
    /// The unit's short opinion per application id, for 单位总体排序意见.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub opinions: BTreeMap<String, String>,
    /// The id of the rule-set in use (the round the office is in); empty: the embedded one.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub rule_set: String,
    /// Rule-sets made or imported in this browser, besides the embedded one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rule_sets: Vec<RuleSet>,
    /// The bureau's outcomes per application of the unit bundles it reviews (院人事局).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub selections: Vec<Selection>,
}

impl Workspace {
    /// The rule-set in use: the one chosen, or the embedded one (also when the chosen one
    /// is no longer here).
    pub fn rule_set(&self) -> &RuleSet {
        self.find_rule_set(&self.rule_set).unwrap_or_else(|| RuleSet::embedded())
    }

    /// A rule-set this workspace has: the embedded one or one of its own.
    pub fn find_rule_set(&self, id: &str) -> Option<&RuleSet> {
        let embedded = RuleSet::embedded();
        if id == embedded.id {
            return Some(embedded);
        }
        self.rule_sets.iter().find(|r| r.id == id)
    }

    /// Adds a rule-set, or replaces the one with its id (never the embedded one).
    pub fn put_rule_set(&mut self, rs: RuleSet) {
        if rs.is_embedded() {
            return;
        }
        match self.rule_sets.iter_mut().find(|r| r.id == rs.id) {
            Some(slot) => *slot = rs,
            None => self.rule_sets.push(rs),
        }
    }

    /// Everything but the applications (stored one per key), without cloning those.
    pub fn settings(&self) -> Workspace {
        Workspace {
            unit: self.unit.clone(),
            applications: Vec::new(),
            ranking: self.ranking.clone(),
            closure_days: self.closure_days.clone(),
            reimbursements: self.reimbursements.clone(),
            opinions: self.opinions.clone(),
            rule_set: self.rule_set.clone(),
            rule_sets: self.rule_sets.clone(),
            selections: self.selections.clone(),
        }
    }

    /// Takes `from`'s settings, keeping this workspace's applications.
    pub fn set_settings(&mut self, from: Workspace) {
        let applications = std::mem::take(&mut self.applications);
        *self = Workspace { applications, ..from };
    }

    pub fn get(&self, id: &str) -> Option<&Application> {
        self.applications.iter().find(|a| a.id == id)
    }

    /// Replaces the application with the same id, or appends it.
    pub fn upsert(&mut self, app: Application) {
        match self.applications.iter_mut().find(|a| a.id == app.id) {
            Some(slot) => *slot = app,
            None => self.applications.push(app),
        }
    }

    /// The applications in the unit's order: see [`rank_order`].
    pub fn rank_order(&self) -> (Vec<&Application>, usize) {
        rank_order(&self.applications, &self.ranking)
    }

    /// The ids in the unit's order, what the ranking page, its print view and a unit bundle
    /// show: ranked first, each once, then the unranked.
    pub fn ranked_ids(&self) -> Vec<String> {
        self.rank_order().0.into_iter().map(|a| a.id.clone()).collect()
    }

    pub fn remove(&mut self, id: &str) -> Option<Application> {
        let i = self.applications.iter().position(|a| a.id == id)?;
        self.ranking.retain(|r| r != id);
        Some(self.applications.remove(i))
    }
}

/// The unit's order (总体排序, 二(一)) of `apps`: the applications `ranking` names, each
/// once at its first place (a repeat or an id of no application here is skipped: the
/// `ranking` rule reports them), then the unranked in `apps`' order; and how many are
/// ranked (the one at index `i` below that has rank `i + 1`).
pub fn rank_order<'a>(apps: &'a [Application], ranking: &[String]) -> (Vec<&'a Application>, usize) {
    let mut by_id: BTreeMap<&str, &Application> = BTreeMap::new();
    for a in apps {
        by_id.entry(a.id.as_str()).or_insert(a);
    }
    let mut seen = BTreeSet::new();
    let mut out: Vec<&Application> =
        ranking.iter().filter_map(|id| by_id.get(id.as_str()).copied()).filter(|a| seen.insert(&a.id)).collect();
    let ranked = out.len();
    out.extend(apps.iter().filter(|a| seen.insert(&a.id)));
    (out, ranked)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws(ranking: &[&str]) -> Workspace {
        let app = |id: &str| Application { id: id.into(), ..Default::default() };
        Workspace {
            applications: vec![app("a"), app("b"), app("c")],
            ranking: ranking.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn one_ranking_no_repeats() {
        let cases: [(&[&str], &[&str], usize); 5] = [
            (&["a", "b", "a"], &["a", "b", "c"], 2),
            (&["c", "a", "b"], &["c", "a", "b"], 3),
            (&["x", "b", "b", "x"], &["b", "a", "c"], 1),
            (&[], &["a", "b", "c"], 0),
            (&["b", "a", "b", "c", "a"], &["b", "a", "c"], 3),
        ];
        for (ranking, ids, ranked) in cases {
            let w = ws(ranking);
            assert_eq!(w.ranked_ids(), ids, "{ranking:?}");
            assert_eq!(w.rank_order().1, ranked, "{ranking:?}");
        }
    }
}
