//! `import_plan`: a workspace and an incoming bundle, planned, applied and imported again.
//!
//! Input: one control byte, then the workspace's bundle text, then optionally NUL and the
//! incoming bundle's text. Without a second text the incoming bundle is derived from the
//! workspace as a partner would send it back (an export, edited on either side), so that
//! updates and conflicts are reached as often as additions.
//!
//! Invariants: planning and applying never panic; a fully resolved plan applies; applying
//! loses no application present before, adds exactly the `Added` ones and gives each item
//! the content its action announced; importing the same bundle again changes nothing.

use peixun::bundle::{
    Action, ApplyError, Bundle, Choice, ImportPlan, Kind, MemberAction, PlanError, Resolution, Resolutions, Unchanged,
    apply, mark_exported, plan_import, plan_member_import, workspace_of,
};
use peixun::model::Application;
use peixun::workspace::Workspace;

use super::{bundle_of, content, split_nul, unique_ids};

pub fn run(data: &[u8]) {
    let Some((&ctrl, rest)) = data.split_first() else { return };
    let (local, incoming) = split_nul(rest);
    let Some(local) = bundle_of(local) else { return };
    let mut ws = workspace_of(&local);
    let incoming = match incoming {
        Some(text) => match bundle_of(text) {
            Some(b) => b,
            None => return,
        },
        None => derive(&mut ws, ctrl),
    };
    if incoming.kind == Kind::Member {
        members(&ws, &incoming, ctrl);
    } else {
        applications(&ws, &incoming, ctrl >> 5);
    }
}

/// The workspace's applications exported, edited on their side (bit 0), ours (bit 1),
/// with one more (bit 2) or one fewer (bit 3), as a unit bundle (bit 4), the first at the
/// highest revision (bit 7). When every id is unique, the plan's actions are known in
/// advance and checked.
fn derive(ws: &mut Workspace, ctrl: u8) -> Bundle {
    if ctrl & 0x80 != 0
        && let Some(a) = ws.applications.first_mut()
    {
        a.revision = u64::MAX;
    }
    let ids: Vec<String> = ws.applications.iter().map(|a| a.id.clone()).collect();
    mark_exported(ws, &ids);
    let mut theirs = ws.applications.clone();
    if ctrl & 1 != 0
        && let Some(a) = theirs.first_mut()
    {
        a.title.push('改');
        a.revision = a.revision.saturating_add(1);
    }
    if ctrl & 2 != 0
        && let Some(a) = ws.applications.first_mut()
    {
        a.rationale.push('改');
        a.revision = a.revision.saturating_add(1);
    }
    if ctrl & 4 != 0 {
        theirs.push(Application { id: "fuzz-new".into(), title: "新".into(), ..Default::default() });
    }
    if ctrl & 8 != 0 && !theirs.is_empty() {
        theirs.remove(0);
    }
    let kind = if ctrl & 16 != 0 { Kind::Unit } else { Kind::Application };
    let mut bundle = Bundle { applications: theirs, ..Bundle::new(kind) };
    bundle.ranking = bundle.applications.iter().rev().map(|a| a.id.clone()).collect();

    let known = !ids.is_empty() && unique_ids(&ws.applications) && !ids.iter().any(|id| id == "fuzz-new");
    if known && ctrl & 8 == 0 {
        let plan = plan_import(ws, &bundle);
        let first = plan.items.first().map(|i| &i.action);
        match (ctrl & 3, first) {
            (_, None) => {}
            (0, Some(a)) => assert_eq!(a, &Action::Unchanged(Unchanged::SameContent)),
            (1, Some(a)) => assert!(matches!(a, Action::Updated { .. }), "{a:?}"),
            (2, Some(a)) => assert_eq!(a, &Action::Unchanged(Unchanged::LocalNewer)),
            (_, Some(a)) => assert!(matches!(a, Action::Conflict { fields } if fields.len() >= 2), "{a:?}"),
        }
    }
    bundle
}

/// Every conflict resolved: all mine, all theirs, or field by field alternating; for
/// `mode` 0, none.
fn resolutions(plan: &ImportPlan, mode: u8) -> Resolutions {
    let all = match mode % 4 {
        0 => return Resolutions::new(),
        1 => Some(Choice::Mine),
        2 => Some(Choice::Theirs),
        _ => None,
    };
    let mut out = Resolutions::new();
    for item in &plan.items {
        let Action::Conflict { fields } = &item.action else { continue };
        let side = |n: usize| if n.is_multiple_of(2) { Choice::Mine } else { Choice::Theirs };
        let fields = fields.iter().enumerate().filter(|_| all.is_none()).map(|(n, c)| (c.path.clone(), side(n)));
        out.insert(item.incoming.id.clone(), Resolution { all, fields: fields.collect() });
    }
    out
}

fn applications(ws: &Workspace, bundle: &Bundle, mode: u8) {
    let plan = plan_import(ws, bundle);
    let res = resolutions(&plan, mode);
    assert_eq!(plan.items.len(), bundle.applications.len());
    let unresolved = plan.items.iter().any(|i| matches!(&i.action, Action::Conflict { fields } if !fields.is_empty()));
    let after = match apply(ws, &plan, &res) {
        Ok(after) => after,
        Err(ApplyError::Unresolved { .. }) if mode.is_multiple_of(4) && unresolved => return,
        Err(e) => panic!("a resolved plan did not apply: {e:?}"),
    };
    assert!(!(mode.is_multiple_of(4) && unresolved), "unresolved conflicts applied");
    check_applied(ws, &plan, &res, &after);

    // The same file again: every application unchanged, the workspace as it was.
    let again = plan_import(&after, bundle);
    for item in &again.items {
        assert!(matches!(item.action, Action::Unchanged(_)), "re-import of {}: {:?}", item.incoming.id, item.action);
    }
    let twice = apply(&after, &again, &Resolutions::new()).expect("re-import applies");
    assert_eq!(twice, after, "importing the same bundle twice changed the workspace");
}

fn check_applied(ws: &Workspace, plan: &ImportPlan, res: &Resolutions, after: &Workspace) {
    let added = plan.items.iter().filter(|i| i.action == Action::Added).count();
    assert_eq!(after.applications.len(), ws.applications.len() + added, "applications added or lost");
    for a in &ws.applications {
        assert!(after.get(&a.id).is_some(), "application {:?} lost", a.id);
    }
    assert!(after.ranking.starts_with(&ws.ranking), "the existing ranking changed");
    let mut ranked = after.ranking[ws.ranking.len()..].to_vec();
    ranked.sort_unstable();
    ranked.dedup();
    assert_eq!(ranked.len(), after.ranking.len() - ws.ranking.len(), "an id ranked twice");

    for item in &plan.items {
        let id = &item.incoming.id;
        let now = after.get(id).map(content).unwrap_or_else(|| panic!("incoming {id:?} missing"));
        let before = ws.get(id).map(content);
        match &item.action {
            Action::Added => assert_eq!(now, content(&item.incoming), "addition of {id:?}"),
            Action::Updated { .. } => assert_eq!(now, content(&item.incoming), "update of {id:?}"),
            Action::Unchanged(Unchanged::DuplicateInBundle) => {}
            Action::Unchanged(_) => assert_eq!(Some(now), before, "unchanged {id:?} changed"),
            Action::Conflict { .. } => {
                let mine = ws.get(id).expect("a conflict has a local copy");
                let all_mine = res.get(id).is_some_and(|r| r.all == Some(Choice::Mine) && r.fields.is_empty());
                if all_mine {
                    assert_eq!(now.2, mine.content_hash(), "all mine changed {id:?}");
                }
                let newest = mine.revision.max(item.incoming.revision);
                assert_eq!(now.1, newest.saturating_add(1), "merge of {id:?} not a new revision");
            }
        }
    }
}

/// A member card planned into one of the workspace's applications (or a missing one).
fn members(ws: &Workspace, card: &Bundle, ctrl: u8) {
    let pick = usize::from(ctrl);
    let target = ws.applications.get(pick % (ws.applications.len() + 1)).map_or("fuzz-missing", |a| a.id.as_str());
    let plan = match plan_member_import(ws, card, target) {
        Ok(plan) => plan,
        Err(PlanError::NoSuchApplication(id)) => return assert!(ws.get(&id).is_none()),
        Err(e) => panic!("{e:?}"),
    };
    assert!(plan.items.is_empty() && plan.members.len() == card.members.len());
    let after = apply(ws, &plan, &Resolutions::new()).expect("a member plan applies");
    let added = plan.members.iter().filter(|m| m.action == MemberAction::Added).count();
    let (was, now) = (ws.get(target).unwrap(), after.get(target).unwrap());
    assert_eq!(now.members.len(), was.members.len() + added, "members added or lost");
    assert_eq!(after.applications.len(), ws.applications.len());
    for (a, b) in ws.applications.iter().zip(&after.applications) {
        assert!(a.id == target || a == b, "another application changed: {:?}", a.id);
    }

    // With distinct, non-empty ids the same card again changes nothing.
    let mut ids: Vec<&str> = card.members.iter().map(|m| m.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.len() == card.members.len() && !ids.contains(&"") {
        let again = plan_member_import(&after, card, target).expect("the target is still there");
        for m in &again.members {
            assert!(
                matches!(m.action, MemberAction::Unchanged { .. }),
                "re-import of {:?}: {:?}",
                m.member.id,
                m.action
            );
        }
        assert_eq!(apply(&after, &again, &Resolutions::new()).expect("re-import applies"), after);
    }
}
