//! The rule-sets that bundles carry: on import, one this workspace lacks (or has with
//! other numbers) is offered, so that a partner unit checks against the same numbers as
//! the sender. Nothing is added unless the user chooses it.

use std::collections::BTreeSet;

use super::format::Bundle;
use crate::rule_set::{Difference, RuleSet, differences, validate};
use crate::workspace::Workspace;

/// A rule-set some files of a batch carry.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleSetOffer {
    pub rule_set: RuleSet,
    /// The files that carry it.
    pub files: Vec<String>,
    /// Empty for one this workspace lacks; else how the file's numbers differ from ours.
    pub differences: Vec<Difference>,
    /// For one this workspace has with other content: the content fingerprints, ours and
    /// the file's (`RuleSet::fingerprint`), so that the two can be told apart by name.
    pub fingerprints: Option<(String, String)>,
}

impl RuleSetOffer {
    pub fn is_new(&self) -> bool {
        self.differences.is_empty()
    }
}

/// What the user chose for a batch's offers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleSetChoices {
    /// Ids of the offers to add (or to replace ours with).
    pub add: BTreeSet<String>,
    /// The rule-set to check against from now on, if it changes.
    pub use_id: Option<String>,
}

/// Records `bundle`'s rule-set among `offers`; returns a note for the file's line when
/// there is something to say (a rule-set that cannot be used, or one named but absent).
pub fn note_rule_set(ws: &Workspace, offers: &mut Vec<RuleSetOffer>, file: &str, bundle: &Bundle) -> Option<String> {
    let Some(rs) = &bundle.rules else {
        let id = bundle.rule_set.trim();
        return (!id.is_empty() && ws.find_rule_set(id).is_none()).then(|| {
            format!(
                "按规则集 {id} 填写，\
                 本浏览器没有这个规则集，文件也未附带；导入后按「{}」检查",
                ws.rule_set().name
            )
        });
    };
    if rs.is_embedded() {
        // Never used or offered: the built-in rule-set cannot be replaced. Said when its
        // content differs, by fingerprint.
        let ours = RuleSet::embedded();
        return (rs != ours).then(|| {
            format!(
                "所附规则集 {} 与内置规则集内容不同（内容指纹 {}≠{}）：\
                 内置规则集不能被替换，已忽略，按内置规则集检查",
                rs.id,
                rs.fingerprint(),
                ours.fingerprint()
            )
        });
    }
    if let Some(p) = validate(rs).first() {
        return Some(format!(
            "所附规则集 {} 无法使用\
             （{}：{}），未提供添加",
            rs.id, p.path, p.message
        ));
    }
    if let Some(o) = offers.iter_mut().find(|o| o.rule_set.id == rs.id) {
        if o.rule_set == *rs {
            o.files.push(file.to_string());
            return None;
        }
        return Some(format!("所附规则集 {} 与 {} 所附的同名规则集不同，已忽略", rs.id, o.files[0]));
    }
    let (differences, fingerprints) = match ws.find_rule_set(&rs.id) {
        Some(ours) if ours == rs => return None,
        Some(ours) => (differences(ours, rs), Some((ours.fingerprint(), rs.fingerprint()))),
        None => (Vec::new(), None),
    };
    offers.push(RuleSetOffer { rule_set: rs.clone(), files: vec![file.to_string()], differences, fingerprints });
    None
}

/// Adds the chosen offers to `ws` and switches to `use_id` if given.
pub fn take_rule_sets(ws: &mut Workspace, offers: &[RuleSetOffer], choices: &RuleSetChoices) {
    for o in offers.iter().filter(|o| choices.add.contains(&o.rule_set.id)) {
        ws.put_rule_set(o.rule_set.clone());
    }
    if let Some(id) = &choices.use_id
        && ws.find_rule_set(id).is_some()
    {
        ws.rule_set = if id == &RuleSet::embedded().id { String::new() } else { id.clone() };
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::bundle::{Kind, Resolutions, commit, export, prepare};
    use crate::model::{Application, Category};

    fn at() -> chrono::DateTime<chrono::FixedOffset> {
        chrono::DateTime::parse_from_rfc3339("2026-01-05T10:00:00+08:00").unwrap()
    }

    fn round_2026() -> RuleSet {
        let mut rs = RuleSet::embedded().clone();
        rs.id = "cas-2026".into();
        rs.name = "2026 年度".into();
        rs.categories.get_mut(&Category::Youth).unwrap().max_age = 45;
        rs
    }

    fn file(rs: &RuleSet, id: &str) -> (String, Result<String, String>) {
        let app = Application { id: id.into(), title: format!("申请{id}"), ..Default::default() };
        (format!("{id}.peixun.json"), Ok(export(Kind::Application, "物理所", &[app], &[], &[], rs, at())))
    }

    fn take_all(ws: &Workspace, files: Vec<(String, Result<String, String>)>, use_it: bool) -> Workspace {
        let batch = prepare(ws, files);
        let choices = RuleSetChoices {
            add: batch.rule_sets.iter().map(|o| o.rule_set.id.clone()).collect(),
            use_id: use_it.then(|| batch.rule_sets[0].rule_set.id.clone()),
        };
        commit(ws, &batch, &Resolutions::new(), &BTreeMap::new(), &choices).unwrap()
    }

    #[test]
    fn a_carried_rule_set_this_browser_lacks_is_offered_once_and_added_when_chosen() {
        let rs = round_2026();
        let batch = prepare(&Workspace::default(), vec![file(&rs, "a"), file(&rs, "b")]);
        assert_eq!(batch.rule_sets.len(), 1);
        assert!(batch.rule_sets[0].is_new());
        assert_eq!(batch.rule_sets[0].files, ["a.peixun.json", "b.peixun.json"]);
        // Not chosen: the applications come, the rule-set does not.
        let ws =
            commit(&Workspace::default(), &batch, &Resolutions::new(), &BTreeMap::new(), &Default::default()).unwrap();
        assert_eq!((ws.applications.len(), ws.rule_sets.len()), (2, 0));
        let ws = take_all(&Workspace::default(), vec![file(&rs, "a")], true);
        assert_eq!(ws.rule_set(), &rs);
        // The same file again offers nothing.
        assert!(prepare(&ws, vec![file(&rs, "a")]).rule_sets.is_empty());
    }

    #[test]
    fn the_embedded_rule_set_is_not_carried_or_offered() {
        let (_, text) = file(RuleSet::embedded(), "a");
        assert!(!text.unwrap().contains("\"rules\""));
        assert!(prepare(&Workspace::default(), vec![file(RuleSet::embedded(), "a")]).rule_sets.is_empty());
    }

    #[test]
    fn the_built_in_id_with_other_content_is_said_by_fingerprint_and_ignored() {
        let mut theirs = RuleSet::embedded().clone();
        theirs.categories.get_mut(&Category::Youth).unwrap().max_age = 45;
        let app = Application { id: "a".into(), title: "申请a".into(), ..Default::default() };
        let mut bundle = Bundle::new(Kind::Application);
        bundle.applications = vec![app];
        bundle.rules = Some(theirs.clone());
        let text = crate::bundle::to_text(&bundle);
        let batch = prepare(&Workspace::default(), vec![("a.peixun.json".into(), Ok(text))]);
        assert!(batch.rule_sets.is_empty(), "never offered");
        let said = batch.files[0].outcome.as_ref().unwrap();
        let (theirs_fp, ours_fp) = (theirs.fingerprint(), RuleSet::embedded().fingerprint());
        assert_ne!(theirs_fp, ours_fp);
        assert!(
            said.contains(&format!(
                "所附规则集 cas-2020 与内置规则集内容不同\
                 （内容指纹 {theirs_fp}≠{ours_fp}）"
            )),
            "{said}"
        );
        let ws = commit(&Workspace::default(), &batch, &Resolutions::new(), &BTreeMap::new(), &Default::default());
        let ws = ws.unwrap();
        assert_eq!((ws.rule_sets.len(), ws.rule_set()), (0, RuleSet::embedded()));
        // The same content under the built-in id is nothing to say.
        bundle.rules = Some(RuleSet::embedded().clone());
        let batch = prepare(&Workspace::default(), vec![("b.peixun.json".into(), Ok(crate::bundle::to_text(&bundle)))]);
        let outcome = &batch.files[0].outcome;
        assert!(outcome.as_ref().is_ok_and(|o| !o.contains("内容指纹")), "{outcome:?}");
    }

    #[test]
    fn one_id_with_other_numbers_shows_the_differences() {
        let ours = round_2026();
        let mut theirs = ours.clone();
        theirs.categories.get_mut(&Category::Youth).unwrap().max_members = 5;
        let ws = Workspace { rule_sets: vec![ours.clone()], rule_set: ours.id.clone(), ..Default::default() };
        let batch = prepare(&ws, vec![file(&theirs, "a")]);
        let d = &batch.rule_sets[0].differences;
        assert_eq!(batch.rule_sets[0].fingerprints, Some((ours.fingerprint(), theirs.fingerprint())));
        assert_eq!(d.len(), 1);
        assert_eq!(
            (d[0].path.as_str(), d[0].ours.as_str(), d[0].theirs.as_str()),
            ("categories.youth.max_members", "6", "5")
        );
        assert_eq!(take_all(&ws, vec![file(&theirs, "a")], false).rule_set(), &theirs);
    }

    #[test]
    fn a_broken_or_missing_rule_set_is_said_on_the_file_s_line() {
        let mut broken = round_2026();
        broken.categories.get_mut(&Category::Youth).unwrap().min_members = 9;
        let batch = prepare(&Workspace::default(), vec![file(&broken, "a")]);
        assert!(batch.rule_sets.is_empty());
        let said = batch.files[0].outcome.as_ref().unwrap();
        assert!(said.contains("所附规则集 cas-2026 无法使用（categories.youth.max_members："), "{said}");

        let mut named = Bundle::new(Kind::Application);
        named.rule_set = "cas-2030".into();
        let text = crate::bundle::to_text(&named);
        let batch = prepare(&Workspace::default(), vec![("x.peixun.json".into(), Ok(text))]);
        let said = batch.files[0].outcome.as_ref().unwrap();
        assert!(
            said.ends_with(
                "按规则集 cas-2030 填写，本浏览器没有这个规则集，文件也未附带；\
                 导入后按「中国科学院 2020 年度因公出国（境）培训项目」检查"
            ),
            "{said}"
        );
    }
}
