use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate};

use super::*;
use crate::bundle::{Resolutions, RuleSetChoices, commit, export_result, parse, prepare};
use crate::model::{Category, Member, Money};

fn app(id: &str, leader: &str) -> Application {
    Application {
        id: id.into(),
        title: format!("项目{id}"),
        category: Some(Category::Youth),
        members: vec![Member { name: leader.into(), is_leader: true, ..Default::default() }],
        ..Default::default()
    }
}

fn unit_ws() -> Workspace {
    let mut typed = app("a3", "王五");
    // The unit had typed the category from a letter.
    typed.execution = Some(Execution { approved_category: Some(Category::Youth), ..Default::default() });
    Workspace {
        unit: "物理所".into(),
        applications: vec![app("a1", "张三"), app("a2", "李四"), typed],
        ..Default::default()
    }
}

fn decided(unit: &str, a: &Application, d: Decision, c: Option<Category>, fen: Option<i64>) -> Selection {
    Selection { decision: Some(d), approved_category: c, funding: fen.map(Money), ..Selection::of(unit, a) }
}

fn bureau() -> Vec<Selection> {
    let ws = unit_ws();
    let a = |id| ws.get(id).unwrap().clone();
    vec![
        decided("物理所", &a("a1"), Decision::Selected, Some(Category::Youth), Some(800_000)),
        Selection { note: "排序靠后".into(), ..decided("物理所", &a("a2"), Decision::NotSelected, None, None) },
        decided("物理所", &a("a3"), Decision::Selected, Some(Category::Lead), Some(1_200_000)),
        decided("物理所", &app("gone", "赵六"), Decision::Selected, None, None),
        decided("化物所", &app("b1", "钱七"), Decision::Selected, None, None),
    ]
}

fn file(unit: Option<&str>) -> String {
    let at = DateTime::parse_from_rfc3339("2020-03-02T09:00:00+08:00").unwrap();
    let day = NaiveDate::from_ymd_opt(2020, 3, 2).unwrap();
    export_result("", day, unit, &bureau(), RuleSet::embedded(), at)
}

#[test]
fn a_units_file_changes_its_records_and_asks_about_what_it_typed() {
    let ws = unit_ws();
    let mut plan = plan_results(&ws, &parse(&file(Some("物理所"))).unwrap()).unwrap();
    assert_eq!(plan.items.len(), 3);
    assert_eq!(plan.missing.iter().map(Selection::display).collect::<Vec<_>>(), ["项目gone（赵六）"]);
    let fields = |id: &str| -> Vec<(ResultField, bool)> {
        plan.items.iter().find(|i| i.id == id).unwrap().changes.iter().map(|c| (c.field, c.conflict)).collect()
    };
    use ResultField::*;
    assert_eq!(fields("a1"), [(Status, false), (ApprovedCategory, false), (Funding, false)]);
    assert_eq!(fields("a2"), [(Status, false), (Note, false)]);
    assert_eq!(fields("a3"), [(Status, false), (ApprovedCategory, true), (Funding, false)]);
    let c = &plan.items[2].changes[1];
    assert_eq!((c.mine.as_str(), c.theirs.as_str()), ("优秀青年人才培养", "领军人才研修"));
    assert_eq!(plan.unresolved(), 1);
    assert!(apply_results(&ws, &plan).unwrap_err().contains("1 处冲突"));

    plan.choose("a3", ApprovedCategory, Choice::Mine);
    let kept = apply_results(&ws, &plan).unwrap();
    assert_eq!(kept.get("a3").unwrap().execution.as_ref().unwrap().approved_category, Some(Category::Youth));
    plan.choose("a3", ApprovedCategory, Choice::Theirs);
    let out = apply_results(&ws, &plan).unwrap();
    let ex = |id: &str| out.get(id).unwrap().execution.clone().unwrap();
    assert_eq!(
        (ex("a1").status, ex("a1").approved_category, ex("a1").academy_funding),
        (ExecutionStatus::Approved, Some(Category::Youth), Some(Money(800_000)))
    );
    assert_eq!((ex("a2").status, ex("a2").selection_note.as_str()), (ExecutionStatus::Rejected, "排序靠后"));
    assert_eq!((ex("a3").approved_category, ex("a3").academy_funding), (Some(Category::Lead), Some(Money(1_200_000))));
    // The same file again: nothing left to change.
    let again = plan_results(&out, &parse(&file(Some("物理所"))).unwrap()).unwrap();
    assert_eq!((again.changed(), again.unresolved()), (0, 0));
}

#[test]
fn status_clashes_only_with_the_opposite_answer() {
    use ExecutionStatus::*;
    let cases = [
        (Decision::Selected, Pending, Some(false)),
        (Decision::Selected, Approved, None),
        (Decision::Selected, Done, None),
        (Decision::Selected, Cancelled, None),
        (Decision::Selected, Rejected, Some(true)),
        (Decision::NotSelected, Pending, Some(false)),
        (Decision::NotSelected, Rejected, None),
        (Decision::NotSelected, Cancelled, None),
        (Decision::NotSelected, Approved, Some(true)),
        (Decision::NotSelected, Done, Some(true)),
    ];
    for (d, status, expect) in cases {
        let mut a = app("a", "张三");
        a.execution = Some(Execution { status, ..Default::default() });
        let s = Selection { decision: Some(d), ..Selection::of("物理所", &a) };
        let got =
            changes(&a, &s, RuleSet::embedded()).iter().find(|c| c.field == ResultField::Status).map(|c| c.conflict);
        assert_eq!(got, expect, "{d:?} on {status:?}");
    }
}

#[test]
fn an_all_units_file_concerns_only_this_unit() {
    let plan = plan_results(&unit_ws(), &parse(&file(None)).unwrap()).unwrap();
    assert_eq!((plan.items.len(), plan.missing.len(), plan.other_units), (3, 1, 1));
    assert!(plan.describe().contains("1 条属于其他单位"), "{}", plan.describe());
}

#[test]
fn bad_files_say_why_and_change_nothing() {
    let ws = unit_ws();
    let other = Workspace { unit: "化物所".into(), ..unit_ws() };
    let wrong_unit = plan_results(&other, &parse(&file(Some("物理所"))).unwrap()).unwrap_err();
    assert!(wrong_unit.contains("发给「物理所」") && wrong_unit.contains("「化物所」"), "{wrong_unit}");
    let strangers =
        Workspace { unit: "物理所".into(), applications: vec![app("zz", "某某")], ..Default::default() };
    let unknown = plan_results(&strangers, &parse(&file(Some("物理所"))).unwrap()).unwrap_err();
    assert!(
        unknown.contains("4 份申请") && unknown.contains("项目a1（张三）") && unknown.contains("都找不到"),
        "{unknown}"
    );
    let none_ours = Workspace { unit: "数学所".into(), ..unit_ws() };
    assert!(plan_results(&none_ours, &parse(&file(None)).unwrap()).unwrap_err().contains("都属于其他单位"));

    let good = file(Some("物理所"));
    let negative = good.replacen("800000", "-800000", 1);
    let cut = good[..good.len() - 40].to_string();
    for (name, text, words) in [("cut.json", cut, "文件不完整"), ("negative.json", negative, "不能为负数")] {
        let batch = prepare(&ws, vec![(name.to_string(), Ok(text))]);
        assert!(batch.files[0].outcome.as_ref().unwrap_err().contains(words), "{name}: {:?}", batch.files[0]);
        assert!(batch.is_empty(), "{name}");
    }
    let batch = prepare(&other, vec![("x.json".into(), Ok(good.clone()))]);
    assert!(batch.is_empty());
    let out = commit(&other, &batch, &Resolutions::new(), &BTreeMap::new(), &RuleSetChoices::default()).unwrap();
    assert_eq!(out, other, "nothing changed");
}

#[test]
fn through_the_batch_all_or_nothing() {
    let ws = unit_ws();
    let mut batch = prepare(&ws, vec![("r.json".into(), Ok(file(Some("物理所"))))]);
    assert!(
        batch.files[0]
            .outcome
            .as_ref()
            .unwrap()
            .starts_with("遴选结果（中国科学院人事局，2020-03-02）：涉及本单位 3 份申请")
    );
    let none = || (Resolutions::new(), BTreeMap::new(), RuleSetChoices::default());
    let (r, t, c) = none();
    assert!(commit(&ws, &batch, &r, &t, &c).unwrap_err().contains("冲突"));
    batch.results[0].1.choose("a3", ResultField::ApprovedCategory, Choice::Theirs);
    let out = commit(&ws, &batch, &r, &t, &c).unwrap();
    assert_eq!(out.get("a1").unwrap().execution.as_ref().unwrap().academy_funding, Some(Money(800_000)));
    assert_eq!(out.applications.len(), 3, "the missing application is not added");
}

/// A result file as the bureau's or another program might write it, rows as given.
fn rows_file(unit: &str, results: Vec<Selection>) -> Bundle {
    let b = Bundle {
        unit: unit.into(),
        issuer: "中国科学院人事局".into(),
        date: NaiveDate::from_ymd_opt(2020, 3, 2),
        results,
        ..Bundle::new(Kind::Result)
    };
    parse(&crate::bundle::to_text(&b)).expect("well-formed")
}

fn row(unit: &str, id: &str, d: Decision, c: Option<Category>) -> Selection {
    let ws = unit_ws();
    let a = ws.get(id).cloned().unwrap_or_else(|| app(id, "赵六"));
    decided(unit, &a, d, c, None)
}

fn problems(plan: &ResultPlan) -> Vec<(ResultProblemKind, &str)> {
    plan.problems.iter().map(|p| (p.kind, p.path.as_str())).collect()
}

fn item_ids(plan: &ResultPlan) -> Vec<&str> {
    plan.items.iter().map(|i| i.id.as_str()).collect()
}

#[test]
fn another_units_row_in_a_units_file_is_said_and_never_applied_here() {
    use Decision::*;
    let ws = unit_ws();
    let rows = |second: &str| {
        vec![
            row("物理所", "a1", Selected, Some(Category::Youth)),
            // a2 is also the id of one of ours: only unit and id together name it.
            row(second, "a2", Selected, Some(Category::Lead)),
            row("", "a3", NotSelected, None),
        ]
    };
    let plan = plan_results(&ws, &rows_file("物理所", rows("化物所"))).unwrap();
    assert_eq!(item_ids(&plan), ["a1", "a3"], "a row without a unit is the file's unit's");
    assert_eq!(problems(&plan), [(ResultProblemKind::OtherUnit, "results[1].unit")]);
    assert!(plan.problems[0].message.contains("是「化物所」的申请"), "{:?}", plan.problems);
    assert!(
        plan.describe().contains(
            "；1 条未导入：\
             第 2 条结果（项目a2（李四））是「化物所」的申请"
        ),
        "{}",
        plan.describe()
    );
    let out = apply_results(&ws, &plan).unwrap();
    assert_eq!(out.get("a2"), ws.get("a2"), "another unit's row changes nothing here");
    assert_eq!(out.get("a1").unwrap().execution.as_ref().unwrap().status, ExecutionStatus::Approved);

    // The same unit written in full is this unit.
    let plan = plan_results(&ws, &rows_file("物理所", rows("中国科学院物理研究所"))).unwrap();
    assert_eq!((item_ids(&plan), plan.problems.len()), (vec!["a1", "a2", "a3"], 0));
    assert!(!plan.describe().contains("未导入"));

    // Nothing left to apply: refused, the row said.
    let only = vec![row("化物所", "a2", Selected, None)];
    let e = plan_results(&ws, &rows_file("物理所", only)).unwrap_err();
    assert!(
        e.starts_with(
            "文件中没有可以导入的遴选结果，\
             未导入：第 1 条结果"
        ) && e.contains("「化物所」"),
        "{e}"
    );
}

#[test]
fn one_application_twice_is_applied_once_when_both_agree_and_not_at_all_when_not() {
    use Decision::*;
    let ws = unit_ws();
    let youth = Some(Category::Youth);
    let file = rows_file(
        "物理所",
        vec![
            row("物理所", "a1", Selected, youth),
            row("", "a1", Selected, youth),
            row("物理所", "a2", NotSelected, None),
            row("中国科学院物理研究所", "a2", Selected, youth),
            row("物理所", "a3", Selected, Some(Category::Lead)),
        ],
    );
    let plan = plan_results(&ws, &file).unwrap();
    assert_eq!(item_ids(&plan), ["a1", "a3"]);
    assert_eq!(
        problems(&plan),
        [(ResultProblemKind::Duplicate, "results[1].id"), (ResultProblemKind::Duplicate, "results[3].id")]
    );
    let differ = "与第 3 条是同一份申请，结果却不同";
    assert!(plan.problems[1].message.contains(differ), "{:?}", plan.problems);
    let mut plan = plan;
    plan.choose("a3", ResultField::ApprovedCategory, Choice::Theirs);
    let out = apply_results(&ws, &plan).unwrap();
    assert_eq!(out.get("a2"), ws.get("a2"), "a contradiction applies neither answer");

    // In a file for every unit the same id in two units is two applications.
    let file = rows_file("", vec![row("物理所", "a1", Selected, youth), row("化物所", "a1", NotSelected, None)]);
    let plan = plan_results(&ws, &file).unwrap();
    assert_eq!((item_ids(&plan), plan.other_units, plan.problems.len()), (vec!["a1"], 1, 0));
    assert_eq!(plan.items[0].incoming.decision, Some(Selected));
    // Another unit's repeats are its own business.
    let file = rows_file(
        "",
        vec![
            row("物理所", "a1", Selected, youth),
            row("化物所", "b1", Selected, None),
            row("化物所", "b1", NotSelected, None),
        ],
    );
    let plan = plan_results(&ws, &file).unwrap();
    assert_eq!((plan.other_units, plan.problems.len()), (2, 0));
}

#[test]
fn a_row_without_a_unit_in_a_file_for_every_unit_is_said_and_skipped() {
    use Decision::*;
    let ws = unit_ws();
    let file = rows_file("", vec![row("物理所", "a1", Selected, None), row("", "a2", NotSelected, None)]);
    let plan = plan_results(&ws, &file).unwrap();
    assert_eq!((item_ids(&plan), plan.other_units), (vec!["a1"], 0));
    assert_eq!(problems(&plan), [(ResultProblemKind::NoUnit, "results[1].unit")]);
    assert!(plan.describe().contains("没有写明单位"), "{}", plan.describe());
    let e = plan_results(&ws, &rows_file("", vec![row("", "a2", NotSelected, None)])).unwrap_err();
    assert!(e.contains("没有写明单位"), "{e}");
    // In a file for this unit the same row is ours.
    let plan = plan_results(&ws, &rows_file("物理所", vec![row("", "a2", NotSelected, None)])).unwrap();
    assert_eq!((item_ids(&plan), plan.problems.len()), (vec!["a2"], 0));
}

#[test]
fn a_workspace_without_a_unit_takes_a_file_for_one_unit_but_not_one_for_all() {
    let unnamed = Workspace { unit: "  ".into(), ..unit_ws() };
    let e = plan_results(&unnamed, &parse(&file(None)).unwrap()).unwrap_err();
    assert!(e.contains("发给全部单位") && e.contains("填报单位"), "{e}");
    let plan = plan_results(&unnamed, &parse(&file(Some("物理所"))).unwrap()).unwrap();
    assert_eq!(item_ids(&plan), ["a1", "a2", "a3"]);
}
