//! The import preview: what each incoming application or member card would do to the
//! workspace. Nothing changes until [`super::apply`] commits the plan.
//!
//! Copies are told apart by sync points (`Application::history`), which export and import
//! record: if the incoming copy's history holds our current version, it descends from
//! ours (an update); if ours holds the incoming version, ours is newer; otherwise both
//! sides changed since they last met (a conflict, resolved field by field).

use super::format::{Bundle, Kind};
use super::merge::{FieldConflict, diff};
use std::collections::{HashMap, HashSet};

use crate::model::{Application, Member, SyncPoint};
use crate::workspace::Workspace;

#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan {
    pub kind: Kind,
    /// The sending unit.
    pub unit: String,
    pub rule_set: String,
    pub items: Vec<PlanItem>,
    /// Member cards (kind `member`), planned into one chosen application.
    pub members: Vec<MemberItem>,
    /// A unit bundle's ranking (first = rank 1); empty for other kinds.
    pub ranking: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanItem {
    pub incoming: Application,
    pub action: Action,
    /// The local copy's version when planned, so that `apply` can refuse a plan made
    /// against a workspace that has changed since.
    pub(crate) local_seen: Option<SyncPoint>,
    /// The incoming copy's version, hashed once here rather than again by `apply`.
    pub(crate) incoming_version: SyncPoint,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A new application.
    Added,
    /// The incoming copy continues ours (fast-forward); `changes` lists what it changes.
    Updated {
        from_revision: u64,
        to_revision: u64,
        changes: Vec<FieldConflict>,
    },
    Unchanged(Unchanged),
    /// Both sides edited since they last met: every differing field needs a choice.
    Conflict {
        fields: Vec<FieldConflict>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unchanged {
    /// The same content (perhaps under another revision).
    SameContent,
    /// Ours already contains the incoming version and more: an old copy sent again.
    LocalNewer,
    /// The bundle holds this id twice; only the first copy is imported.
    DuplicateInBundle,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MemberItem {
    pub application_id: String,
    pub member: Member,
    pub action: MemberAction,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemberAction {
    Added,
    /// Replaces the member with the same id at `index` (the partner owns their card).
    Updated {
        index: usize,
        changes: Vec<FieldConflict>,
    },
    Unchanged {
        index: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    NotAMemberBundle,
    NoSuchApplication(String),
}

impl std::fmt::Display for PlanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PlanError::NotAMemberBundle => f.write_str(
                "这个数据包不是成员卡（kind 不是 member），\
                 不能添加到申请中",
            ),
            PlanError::NoSuchApplication(id) => write!(f, "找不到要添加成员的申请（id {id}）"),
        }
    }
}

impl ImportPlan {
    /// A member bundle must be planned into an application: see [`plan_member_import`].
    pub fn needs_target(&self) -> bool {
        self.kind == Kind::Member && self.members.is_empty()
    }

    pub fn has_conflicts(&self) -> bool {
        self.items.iter().any(|i| matches!(i.action, Action::Conflict { .. }))
    }

    /// Whether applying changes any content (history bookkeeping aside).
    pub fn changes_anything(&self) -> bool {
        self.items.iter().any(|i| !matches!(i.action, Action::Unchanged(_)))
            || self.members.iter().any(|m| !matches!(m.action, MemberAction::Unchanged { .. }))
            || !self.ranking.is_empty()
    }
}

/// Plans the applications of `bundle` against `ws`. A member bundle yields an empty plan
/// that [`ImportPlan::needs_target`]; use [`plan_member_import`].
pub fn plan_import(ws: &Workspace, bundle: &Bundle) -> ImportPlan {
    // By id, the first application with it, as `Workspace::get` finds it.
    let mut by_id: HashMap<&str, &Application> = HashMap::with_capacity(ws.applications.len());
    for a in &ws.applications {
        by_id.entry(a.id.as_str()).or_insert(a);
    }
    let mut seen: HashSet<&str> = HashSet::with_capacity(bundle.applications.len());
    let mut items: Vec<PlanItem> = Vec::with_capacity(bundle.applications.len());
    for incoming in &bundle.applications {
        let local = by_id.get(incoming.id.as_str()).copied();
        let local_seen = local.map(Application::sync_point);
        let incoming_version = incoming.sync_point();
        let action = if !seen.insert(&incoming.id) {
            Action::Unchanged(Unchanged::DuplicateInBundle)
        } else {
            match (local, local_seen) {
                (Some(local), Some(ours)) => decide(local, ours, incoming, incoming_version),
                _ => Action::Added,
            }
        };
        items.push(PlanItem { incoming: incoming.clone(), action, local_seen, incoming_version });
    }
    ImportPlan {
        kind: bundle.kind,
        unit: bundle.unit.clone(),
        rule_set: bundle.rule_set.clone(),
        items,
        members: Vec::new(),
        ranking: if bundle.kind == Kind::Unit { bundle.ranking.clone() } else { Vec::new() },
    }
}

/// Update, unchanged or conflict, for an id both sides have; `ours` and `theirs` are their
/// current versions.
fn decide(local: &Application, ours: SyncPoint, incoming: &Application, theirs: SyncPoint) -> Action {
    if ours.hash == theirs.hash {
        return Action::Unchanged(Unchanged::SameContent);
    }
    let updated = || Action::Updated {
        from_revision: local.revision,
        to_revision: incoming.revision,
        changes: diff(local, incoming),
    };
    if incoming.history.contains(&ours) {
        return updated();
    }
    if local.history.contains(&theirs) {
        return Action::Unchanged(Unchanged::LocalNewer);
    }
    // Another program's copy carries no history: a higher revision is an update only
    // while ours is exactly what we last exported or imported.
    let ours_unedited = local.history.last() == Some(&ours);
    if incoming.history.is_empty() && ours_unedited && incoming.revision > local.revision {
        return updated();
    }
    Action::Conflict { fields: diff(local, incoming) }
}

/// Plans adding a member bundle's cards to the application `target_app_id`; a card whose
/// id is already in that application updates that member.
pub fn plan_member_import(ws: &Workspace, bundle: &Bundle, target_app_id: &str) -> Result<ImportPlan, PlanError> {
    if bundle.kind != Kind::Member {
        return Err(PlanError::NotAMemberBundle);
    }
    let target = ws.get(target_app_id).ok_or_else(|| PlanError::NoSuchApplication(target_app_id.into()))?;
    let members = bundle
        .members
        .iter()
        .map(|m| {
            let found = (!m.id.is_empty()).then(|| target.members.iter().position(|x| x.id == m.id)).flatten();
            let action = match found {
                None => MemberAction::Added,
                Some(index) if target.members[index] == *m => MemberAction::Unchanged { index },
                Some(index) => MemberAction::Updated { index, changes: member_diff(index, &target.members[index], m) },
            };
            MemberItem { application_id: target.id.clone(), member: m.clone(), action }
        })
        .collect();
    Ok(ImportPlan {
        kind: Kind::Member,
        unit: bundle.unit.clone(),
        rule_set: bundle.rule_set.clone(),
        items: Vec::new(),
        members,
        ranking: Vec::new(),
    })
}

fn member_diff(index: usize, mine: &Member, theirs: &Member) -> Vec<FieldConflict> {
    let wrap = |m: &Member| Application { members: vec![m.clone()], ..Default::default() };
    let mut out = diff(&wrap(mine), &wrap(theirs));
    for c in &mut out {
        if let Some(rest) = c.path.strip_prefix("members[0]") {
            c.path = format!("members[{index}]{rest}");
        }
    }
    out
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
