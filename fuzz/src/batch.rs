//! `batch`: several files imported at once, through `prepare` and `commit`.
//!
//! Input: one control byte, then up to eight file texts separated by NUL. Bit 0: the
//! first text is the workspace rather than a file; bit 1: the last file cannot be read;
//! bit 2: conflicts are resolved as theirs (else mine); the high bits pick each member
//! card's group.
//!
//! Invariants: one report per file, good exactly when the file parses (as a bundle or a
//! backup) and stays within the limit; the plan holds every application of the good
//! files; with a group for every card the batch commits, losing no application; the same
//! files again change nothing.

use std::collections::BTreeMap;

use peixun::backup::Backup;
use peixun::bundle::{
    Action, Batch, Bundle, Choice, Kind, MAX_APPLICATIONS, Resolution, Resolutions, RuleSetChoices, commit, prepare,
    workspace_of,
};
use peixun::workspace::Workspace;

use super::{bundle_of, split_nul};

pub fn run(data: &[u8]) {
    let Some((&ctrl, mut rest)) = data.split_first() else { return };
    let mut texts: Vec<&[u8]> = Vec::new();
    while texts.len() < 8 {
        let (head, tail) = split_nul(rest);
        texts.push(head);
        match tail {
            Some(t) => rest = t,
            None => break,
        }
    }
    let ws = match ctrl & 1 {
        1 if texts.len() > 1 => bundle_of(texts.remove(0)).map(|b| workspace_of(&b)).unwrap_or_default(),
        _ => Workspace::default(),
    };
    let files: Vec<(String, Result<String, String>)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let unreadable = ctrl & 2 != 0 && i + 1 == texts.len();
            let text =
                if unreadable { Err("无法读取".to_string()) } else { Ok(String::from_utf8_lossy(t).into_owned()) };
            (format!("f{i}.peixun.json"), text)
        })
        .collect();

    let batch = prepare(&ws, files.clone());
    check_reports(&files, &batch);

    let choice = if ctrl & 4 != 0 { Choice::Theirs } else { Choice::Mine };
    let resolutions: Resolutions = batch
        .plan
        .iter()
        .flat_map(|p| &p.items)
        .map(|i| (i.incoming.id.clone(), Resolution { all: Some(choice), fields: BTreeMap::new() }))
        .collect();
    // Groups a card can join: the workspace's and the batch's applications.
    let mut groups: Vec<&str> = ws.applications.iter().map(|a| a.id.as_str()).collect();
    groups.extend(batch.plan.iter().flat_map(|p| &p.items).map(|i| i.incoming.id.as_str()));
    let targets: BTreeMap<usize, String> = (0..batch.cards.len())
        .filter_map(|i| Some((i, groups.get((usize::from(ctrl >> 3) + i) % groups.len().max(1))?.to_string())))
        .collect();
    // Take every offered rule-set and use the first: each must then be in the workspace.
    let rule_sets = RuleSetChoices {
        add: batch.rule_sets.iter().map(|o| o.rule_set.id.clone()).collect(),
        use_id: batch.rule_sets.first().map(|o| o.rule_set.id.clone()),
    };
    let after = match commit(&ws, &batch, &resolutions, &targets, &rule_sets) {
        Ok(after) => after,
        Err(e) => {
            assert!(targets.len() < batch.cards.len(), "a fully resolved batch was refused: {e}");
            return;
        }
    };
    let added = batch.plan.iter().flat_map(|p| &p.items).filter(|i| i.action == Action::Added).count();
    assert_eq!(after.applications.len(), ws.applications.len() + added, "applications added or lost");
    for a in &ws.applications {
        assert!(after.get(&a.id).is_some(), "application {:?} lost", a.id);
    }
    for o in &batch.rule_sets {
        assert_eq!(after.find_rule_set(&o.rule_set.id), Some(&o.rule_set), "offered rule-set not added");
    }
    if let Some(id) = &rule_sets.use_id {
        assert_eq!(&after.rule_set().id, id, "the chosen rule-set is not in use");
    }

    // The same files again: every application unchanged; without the cards (which add
    // their members again when they carry no id) the workspace stays as it is.
    let mut again = prepare(&after, files);
    for item in again.plan.iter().flat_map(|p| &p.items) {
        assert!(matches!(item.action, Action::Unchanged(_)), "re-import of {}: {:?}", item.incoming.id, item.action);
    }
    again.cards.clear();
    assert!(again.rule_sets.is_empty(), "rule-sets offered again after they were added");
    let twice = commit(&after, &again, &Resolutions::new(), &BTreeMap::new(), &RuleSetChoices::default())
        .expect("re-import commits");
    assert_eq!(twice, after, "importing the same files twice changed the workspace");
}

/// Each file's report, against parsing it here.
fn check_reports(files: &[(String, Result<String, String>)], batch: &Batch) {
    assert_eq!(batch.files.len(), files.len());
    let (mut apps, mut cards, mut damaged) = (0usize, 0usize, 0usize);
    for ((name, text), report) in files.iter().zip(&batch.files) {
        assert_eq!(&report.name, name);
        // A backup file imports as the unit bundle it restores to; its unreadable entries
        // are listed, never a reason to refuse the rest.
        let mut unreadable = 0;
        let bundle = text.as_ref().ok().and_then(|t| match Backup::parse(t) {
            Some(backup) => backup.ok().and_then(|b| b.restore().ok()).map(|r| {
                unreadable = r.damaged.len();
                Bundle { applications: r.applications, ..Bundle::new(Kind::Unit) }
            }),
            None => bundle_of(t.as_bytes()),
        });
        let fits = bundle.as_ref().is_some_and(|b| apps + b.applications.len() <= MAX_APPLICATIONS);
        if fits {
            damaged += unreadable;
        }
        assert_eq!(report.outcome.is_ok(), fits, "{name}: {:?}", report.outcome);
        if let Err(why) = &report.outcome {
            assert!(!why.trim().is_empty(), "{name}: an error without a reason");
        }
        match bundle {
            Some(b) if fits && b.kind == Kind::Member => cards += 1,
            Some(b) if fits => apps += b.applications.len(),
            _ => {}
        }
    }
    assert_eq!(batch.cards.len(), cards);
    assert_eq!(batch.damaged.len(), damaged, "the good backups' unreadable entries, each listed");
    assert_eq!(batch.plan.as_ref().map_or(0, |p| p.items.len()), apps);
}
