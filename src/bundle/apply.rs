//! Committing an import plan. `apply` builds a new workspace and returns it whole, or an
//! error and nothing: the caller swaps it in, so an import never half-happens.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::merge::{merge, union};
use super::plan::{Action, ImportPlan, MemberAction, PlanItem, Unchanged};
use crate::model::Application;
use crate::workspace::Workspace;

pub use super::merge::Choice;

/// Per conflicting application (by id), the choices for its conflicting fields.
pub type Resolutions = BTreeMap<String, Resolution>;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolution {
    /// A choice for every field not named in `fields` (「全部保留我的」/「全部采用对方的」).
    pub all: Option<Choice>,
    /// By conflict path, e.g. `members[1].birth_date`.
    pub fields: BTreeMap<String, Choice>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyError {
    /// A conflict has fields without a choice: nothing is kept silently.
    Unresolved { application: String, title: String, paths: Vec<String> },
    /// The workspace changed after the plan was made; plan again.
    Stale { application: String },
    /// The application a member card was planned into is gone.
    MissingTarget { application: String },
}

impl std::fmt::Display for ApplyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApplyError::Unresolved { title, paths, .. } => {
                write!(
                    f,
                    "申请《{title}》还有 {} \
                     处冲突未选择保留哪一方：{}",
                    paths.len(),
                    paths.join("、")
                )
            }
            ApplyError::Stale { application } => {
                write!(f, "申请 {application} 在预览之后又被修改过，请重新导入以生成新的预览")
            }
            ApplyError::MissingTarget { application } => {
                write!(f, "要添加成员的申请 {application} 已不存在")
            }
        }
    }
}

impl std::error::Error for ApplyError {}

/// The workspace after importing `plan`. Every conflict must be resolved in `resolutions`
/// (an unresolved field is an error, never silently kept as mine). Imported copies keep
/// both sides' history and record the version they now hold.
pub fn apply(ws: &Workspace, plan: &ImportPlan, resolutions: &Resolutions) -> Result<Workspace, ApplyError> {
    let mut out = ws.clone();
    // Where each id is, the first one as `Workspace::get` finds it: hundreds of
    // applications must not be looked up one by one (PERFORMANCE.md).
    let mut at: HashMap<String, usize> = HashMap::with_capacity(out.applications.len() + plan.items.len());
    for (i, a) in out.applications.iter().enumerate() {
        at.entry(a.id.clone()).or_insert(i);
    }
    for item in &plan.items {
        apply_item(&mut out, &mut at, item, resolutions)?;
    }
    apply_members(&mut out, plan)?;
    // A unit bundle's ranking: adopted as is by an empty ranking, otherwise the ids not
    // yet ranked follow the existing ones in the bundle's order.
    let mut ranked: HashSet<String> = out.ranking.iter().cloned().collect();
    for id in &plan.ranking {
        if at.contains_key(id) && ranked.insert(id.clone()) {
            out.ranking.push(id.clone());
        }
    }
    Ok(out)
}

fn apply_item(
    ws: &mut Workspace,
    at: &mut HashMap<String, usize>,
    item: &PlanItem,
    resolutions: &Resolutions,
) -> Result<(), ApplyError> {
    let incoming = &item.incoming;
    if item.action == Action::Unchanged(Unchanged::DuplicateInBundle) {
        return Ok(());
    }
    let slot = at.get(&incoming.id).copied();
    let local = slot.map(|i| ws.applications[i].clone());
    let local_now = local.as_ref().map(Application::sync_point);
    if local_now != item.local_seen {
        return Err(ApplyError::Stale { application: incoming.id.clone() });
    }
    // The version the workspace holds afterwards, when already known.
    let theirs = item.incoming_version;
    let next = match (&item.action, local, local_now) {
        (Action::Added, _, _) => Some((incoming.clone(), Some(theirs))),
        (Action::Updated { .. }, Some(local), _) => {
            Some((Application { history: union(&local.history, &incoming.history), ..incoming.clone() }, Some(theirs)))
        }
        // An older copy changes nothing. Recording our version would mark our unshared
        // edits as sent, and a later copy without history would overwrite them.
        (Action::Unchanged(Unchanged::LocalNewer), Some(_), _) => None,
        (Action::Unchanged(_), Some(local), ours) => {
            // The same content, perhaps under another revision: both versions are shared,
            // ours last, so that this copy is recognised as older once ours is edited.
            let mut history = union(&local.history, &incoming.history);
            history.retain(|p| *p != theirs && Some(*p) != ours);
            history.push(theirs);
            Some((Application { history, ..local }, ours))
        }
        (Action::Conflict { fields }, Some(local), _) => {
            let r = resolutions.get(&incoming.id).cloned().unwrap_or_default();
            let mut choices = BTreeMap::new();
            let mut unresolved = Vec::new();
            for c in fields {
                match r.fields.get(&c.path).copied().or(r.all) {
                    Some(choice) => _ = choices.insert(c.path.clone(), choice),
                    None => unresolved.push(c.path.clone()),
                }
            }
            if !unresolved.is_empty() {
                let title = if incoming.title.trim().is_empty() { incoming.id.clone() } else { incoming.title.clone() };
                return Err(ApplyError::Unresolved { application: incoming.id.clone(), title, paths: unresolved });
            }
            let mut merged = merge(&local, incoming, &choices);
            // Remember the incoming version, so that the same file sent again is "older".
            if !merged.history.contains(&theirs) {
                merged.history.push(theirs);
            }
            Some((merged, None))
        }
        // Updated, Unchanged and Conflict are planned only with a local copy, and the
        // staleness check above guarantees it is still there.
        (_, None, _) => None,
    };
    if let Some((mut next, version)) = next {
        match version {
            Some(v) => next.record_version(v),
            None => next.record_sync_point(),
        }
        // `Workspace::upsert`, by index.
        match slot {
            Some(i) => ws.applications[i] = next,
            None => {
                at.insert(next.id.clone(), ws.applications.len());
                ws.applications.push(next);
            }
        }
    }
    Ok(())
}

fn apply_members(ws: &mut Workspace, plan: &ImportPlan) -> Result<(), ApplyError> {
    for item in &plan.members {
        let missing = || ApplyError::MissingTarget { application: item.application_id.clone() };
        let app = ws.applications.iter_mut().find(|a| a.id == item.application_id).ok_or_else(missing)?;
        match &item.action {
            MemberAction::Added => app.members.push(item.member.clone()),
            MemberAction::Updated { index, .. } => {
                let slot = app.members.get_mut(*index).filter(|m| m.id == item.member.id);
                let slot = slot.ok_or_else(|| ApplyError::Stale { application: item.application_id.clone() })?;
                *slot = item.member.clone();
            }
            MemberAction::Unchanged { .. } => continue,
        }
        // A saved change of that application; the caller may also set `updated_at`.
        app.revision = app.revision.saturating_add(1);
    }
    Ok(())
}
