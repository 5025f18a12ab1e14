//! Importing several files at once, as the app does after a pick or a drop: each file is
//! read and parsed on its own (one bad file does not stop the others), applications from
//! every good file are planned together, member cards wait for the group they join, and
//! the whole batch is committed all or nothing.

use std::collections::BTreeMap;

use super::apply::{Resolutions, apply};
use super::format::{Bundle, Kind};
use super::ids::{Renamed, fresh_ids};
use super::parse::parse;
use super::plan::{ImportPlan, plan_import, plan_member_import};
use super::result_plan::{ResultPlan, apply_results, plan_results};
use super::rule_sets::{RuleSetChoices, RuleSetOffer, note_rule_set, take_rule_sets};
use crate::backup::{Backup, Damaged};
use crate::workspace::Workspace;

/// Larger files are refused before they are read.
pub const MAX_BYTES: u64 = 20 * 1024 * 1024;
/// More applications in one import are refused: no one ranks that many, and the preview
/// must stay responsive.
pub const MAX_APPLICATIONS: usize = 1000;

#[derive(Debug, Clone, PartialEq)]
pub struct FileReport {
    pub name: String,
    /// What the file holds, or why it cannot be imported (Chinese).
    pub outcome: Result<String, String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Batch {
    pub files: Vec<FileReport>,
    /// Every application of every good file, planned against the workspace.
    pub plan: Option<ImportPlan>,
    /// Member cards by file name; each needs a target application before commit.
    pub cards: Vec<(String, Bundle)>,
    /// A backup's workspace settings (核销表 rows, closure days, opinions), added on commit
    /// where the workspace lacks them.
    pub settings: Option<Workspace>,
    /// Rule-sets the files carry that this workspace lacks or has with other numbers.
    pub rule_sets: Vec<RuleSetOffer>,
    /// Entries of backups that cannot be read: not imported, offered for download as they are.
    pub damaged: Vec<Damaged>,
    /// Applications whose id could not be used (empty, or with `/`, `?`, `#` …) and got a
    /// fresh one.
    pub renamed: Vec<Renamed>,
    /// Result files (the bureau's answer) by file name, each planned on its own.
    pub results: Vec<(String, ResultPlan)>,
}

impl Batch {
    pub fn is_empty(&self) -> bool {
        self.plan.is_none() && self.cards.is_empty() && self.results.is_empty()
    }
}

/// Reads the files' texts (or the error reading them) into a batch.
pub fn prepare(ws: &Workspace, files: Vec<(String, Result<String, String>)>) -> Batch {
    let mut batch = Batch::default();
    let mut combined: Option<Bundle> = None;
    for (name, text) in files {
        let mut backup = false;
        let mut damaged: Vec<Damaged> = Vec::new();
        let read = |t: String| match Backup::parse(&t) {
            Some(b) => {
                let r = b?.restore()?;
                let bundle = Bundle {
                    unit: r.settings.unit.clone(),
                    ranking: r.settings.ranking.clone(),
                    applications: r.applications,
                    ..Bundle::new(Kind::Unit)
                };
                Ok((bundle, Some((r.settings, r.damaged))))
            }
            None => parse(&t).map(|b| (b, None)).map_err(|e| e.to_string()),
        };
        let outcome = text.and_then(read).and_then(|(b, restored)| {
            if let Some((s, d)) = restored {
                backup = true;
                damaged = d;
                crate::backup::merge_settings(batch.settings.get_or_insert_with(Workspace::default), &s);
            }
            let apps = combined.as_ref().map_or(0, |c| c.applications.len()) + b.applications.len();
            if apps > MAX_APPLICATIONS {
                return Err(format!(
                    "一次最多导入 {MAX_APPLICATIONS} 份申请，\
                     这批文件共有 {apps} 份；请分批导入"
                ));
            }
            Ok(b)
        });
        let note = outcome.as_ref().ok().and_then(|b| note_rule_set(ws, &mut batch.rule_sets, &name, b));
        let outcome = match outcome {
            Err(e) => Err(e),
            Ok(b) if b.kind == Kind::Result => plan_results(ws, &b).map(|plan| {
                let said = plan.describe();
                batch.results.push((name.clone(), plan));
                said
            }),
            Ok(b) if b.kind == Kind::Member => {
                let names: Vec<&str> = b.members.iter().map(|m| m.name.trim()).collect();
                let said = format!("成员信息卡：{}", names.join("、"));
                batch.cards.push((name.clone(), b));
                Ok(said)
            }
            Ok(b) => {
                let said = match b.kind {
                    _ if backup && !damaged.is_empty() => format!(
                        "备份：{} 份申请及单位设置；{} 项无法读取，未导入（可下载原文）",
                        b.applications.len(),
                        damaged.len()
                    ),
                    _ if backup => format!("备份：{} 份申请及单位设置", b.applications.len()),
                    Kind::Unit => format!(
                        "单位数据包（{}）：\
                         {} 份申请及排序",
                        b.unit,
                        b.applications.len()
                    ),
                    _ => format!("{} 份申请", b.applications.len()),
                };
                let c =
                    combined.get_or_insert_with(|| Bundle { unit: b.unit.clone(), ..Bundle::new(Kind::Application) });
                if b.kind == Kind::Unit {
                    c.kind = Kind::Unit;
                    c.ranking.extend(b.ranking.iter().cloned());
                }
                // An application from before rule-sets were recorded was made under the file's.
                let file_rule_set = b.rule_set;
                c.applications.extend(b.applications.into_iter().map(|mut a| {
                    if a.rule_set.is_empty() {
                        a.rule_set.clone_from(&file_rule_set);
                    }
                    a
                }));
                Ok(said)
            }
        };
        let outcome = outcome.map(|said| match note {
            Some(n) => format!("{said}；{n}"),
            None => said,
        });
        if outcome.is_ok() {
            batch.damaged.extend(damaged);
        }
        batch.files.push(FileReport { name, outcome });
    }
    batch.plan = combined.map(|mut b| {
        batch.renamed = fresh_ids(&mut b);
        plan_import(ws, &b)
    });
    batch
}

/// The workspace after the whole batch, or why nothing was imported. `targets` names the
/// application each member card (by index in `cards`) joins; `rule_sets`, which offered
/// rule-sets to add and which to use.
pub fn commit(
    ws: &Workspace,
    batch: &Batch,
    resolutions: &Resolutions,
    targets: &BTreeMap<usize, String>,
    rule_sets: &RuleSetChoices,
) -> Result<Workspace, String> {
    let mut out = match &batch.plan {
        Some(plan) => apply(ws, plan, resolutions).map_err(|e| e.to_string())?,
        None => ws.clone(),
    };
    if let Some(settings) = &batch.settings {
        crate::backup::merge_settings(&mut out, settings);
    }
    for (i, (name, card)) in batch.cards.iter().enumerate() {
        let target = targets.get(&i).ok_or_else(|| format!("请为成员信息卡 {name} 选择要加入的团组"))?;
        let plan = plan_member_import(&out, card, target).map_err(|e| e.to_string())?;
        out = apply(&out, &plan, &Resolutions::new()).map_err(|e| e.to_string())?;
    }
    for (_, plan) in &batch.results {
        out = apply_results(&out, plan)?;
    }
    take_rule_sets(&mut out, &batch.rule_sets, rule_sets);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::export;
    use crate::model::{Application, Member};

    fn at() -> chrono::DateTime<chrono::FixedOffset> {
        chrono::DateTime::parse_from_rfc3339("2020-01-05T10:00:00+08:00").unwrap()
    }

    fn app(id: &str) -> Application {
        Application { id: id.into(), title: format!("申请{id}"), ..Default::default() }
    }

    #[test]
    fn good_files_are_planned_together_and_bad_ones_reported() {
        let rs = crate::rule_set::RuleSet::embedded();
        let a = export(Kind::Application, "物理所", &[app("a")], &[], &[], rs, at());
        let b = export(Kind::Application, "物理所", &[app("b"), app("c")], &[], &[], rs, at());
        let card = export(
            Kind::Member,
            "化物所",
            &[],
            &[Member { id: "m".into(), name: "李娜".into(), ..Default::default() }],
            &[],
            crate::rule_set::RuleSet::embedded(),
            at(),
        );
        let files = vec![
            ("a.peixun.json".to_string(), Ok(a)),
            ("bad.json".to_string(), Ok("{ not json".to_string())),
            ("b.peixun.json".to_string(), Ok(b)),
            ("card.peixun.json".to_string(), Ok(card)),
            ("big.json".to_string(), Err("文件超过 20 MB".to_string())),
        ];
        let batch = prepare(&Workspace::default(), files);
        let outcomes: Vec<bool> = batch.files.iter().map(|f| f.outcome.is_ok()).collect();
        assert_eq!(outcomes, [true, false, true, true, false]);
        assert!(batch.files[1].outcome.as_ref().unwrap_err().contains("JSON"));
        assert_eq!(batch.plan.as_ref().unwrap().items.len(), 3);
        assert_eq!(batch.cards.len(), 1);

        // A card without a target: nothing is imported.
        let err =
            commit(&Workspace::default(), &batch, &Resolutions::new(), &BTreeMap::new(), &RuleSetChoices::default())
                .unwrap_err();
        assert!(err.contains("card.peixun.json"), "{err}");
        let ws = commit(
            &Workspace::default(),
            &batch,
            &Resolutions::new(),
            &BTreeMap::from([(0, "b".to_string())]),
            &RuleSetChoices::default(),
        )
        .unwrap();
        assert_eq!(ws.applications.len(), 3);
        assert_eq!(ws.get("b").unwrap().members[0].name, "李娜");
    }

    #[test]
    fn applications_without_a_usable_id_all_arrive_and_once_only() {
        let apps = [app(""), app(""), app("a/b")];
        let text = export(Kind::Application, "物理所", &apps, &[], &[], crate::rule_set::RuleSet::embedded(), at());
        let file = || vec![("other.json".to_string(), Ok(text.clone()))];
        let batch = prepare(&Workspace::default(), file());
        assert_eq!(batch.renamed.len(), 3);
        let plan = batch.plan.as_ref().unwrap();
        assert!(plan.items.iter().all(|i| i.action == crate::bundle::Action::Added));
        let ws =
            commit(&Workspace::default(), &batch, &Resolutions::new(), &BTreeMap::new(), &RuleSetChoices::default())
                .unwrap();
        assert_eq!(ws.applications.len(), 3);
        // Again: the same fresh ids, so nothing new.
        let again = prepare(&ws, file());
        assert!(again.plan.unwrap().items.iter().all(|i| matches!(i.action, crate::bundle::Action::Unchanged(_))));
    }

    #[test]
    fn too_many_applications_are_refused_clearly() {
        let apps: Vec<Application> = (0..=MAX_APPLICATIONS).map(|i| app(&i.to_string())).collect();
        let text = export(Kind::Application, "物理所", &apps, &[], &[], crate::rule_set::RuleSet::embedded(), at());
        let batch = prepare(&Workspace::default(), vec![("many.json".into(), Ok(text))]);
        assert!(batch.files[0].outcome.as_ref().unwrap_err().contains("一次最多导入"));
        assert!(batch.is_empty());
    }
}
