use chrono::{DateTime, FixedOffset};

use super::*;
use crate::bundle::{ApplyError, Choice, Resolution, Resolutions, apply, export, mark_exported, parse};
use crate::model::Member;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2020-01-05T10:30:00+08:00").unwrap()
}

fn app() -> Application {
    let m = |id: &str, name: &str| Member { id: id.into(), name: name.into(), ..Default::default() };
    Application {
        id: "a1".into(),
        revision: 1,
        title: "量子材料表征技术研修".into(),
        rationale: "我所在量子材料表征方面与国际先进水平存在差距。".into(),
        members: vec![m("m1", "王晓明"), m("m2", "李娜")],
        ..Default::default()
    }
}

fn ws(apps: Vec<Application>) -> Workspace {
    Workspace { applications: apps, ..Default::default() }
}

/// Exports `ids` of `ws` as the sender does: the file, and the sender's copies marked.
fn send(ws: &mut Workspace) -> Bundle {
    let text =
        export(Kind::Application, "物理所", &ws.applications, &[], &[], crate::rule_set::RuleSet::embedded(), now());
    let ids: Vec<String> = ws.applications.iter().map(|a| a.id.clone()).collect();
    mark_exported(ws, &ids);
    parse(&text).unwrap()
}

fn import(ws: &Workspace, b: &Bundle) -> Workspace {
    apply(ws, &plan_import(ws, b), &Resolutions::new()).unwrap()
}

fn edit(ws: &mut Workspace, f: impl FnOnce(&mut Application)) {
    let a = &mut ws.applications[0];
    f(a);
    a.touch(now());
}

/// Leader exports, partner imports: the starting point of every scenario.
fn leader_and_partner() -> (Workspace, Workspace) {
    let mut leader = ws(vec![app()]);
    let b = send(&mut leader);
    let partner = import(&Workspace::default(), &b);
    assert_eq!(plan_import(&Workspace::default(), &b).items[0].action, Action::Added);
    (leader, partner)
}

#[test]
fn partner_edits_and_sends_back_an_update() {
    let (leader, mut partner) = leader_and_partner();
    edit(&mut partner, |a| a.objectives = "掌握同步辐射表征方法".into());
    let b = send(&mut partner);
    let plan = plan_import(&leader, &b);
    let Action::Updated { from_revision: 1, to_revision: 2, changes } = &plan.items[0].action else {
        panic!("{:?}", plan.items[0].action)
    };
    assert_eq!(changes[0].path, "objectives");
    let after = apply(&leader, &plan, &Resolutions::new()).unwrap();
    assert_eq!(after.applications[0].objectives, "掌握同步辐射表征方法");
    // The same file again changes nothing.
    assert_eq!(plan_import(&after, &b).items[0].action, Action::Unchanged(Unchanged::SameContent));
}

#[test]
fn both_edit_is_a_conflict_resolved_field_by_field() {
    let (mut leader, mut partner) = leader_and_partner();
    edit(&mut leader, |a| a.title = "量子材料先进表征技术研修".into());
    edit(&mut partner, |a| {
        a.title = "量子材料表征研修".into();
        a.members[1].name = "李 娜".into();
    });
    let b = send(&mut partner);
    let plan = plan_import(&leader, &b);
    let Action::Conflict { fields } = &plan.items[0].action else { panic!("{:?}", plan.items[0].action) };
    let paths: Vec<&str> = fields.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["title", "members[1].name"]);
    assert_eq!(fields[1].label_zh, "成员 李娜 的姓名");

    let unresolved = apply(&leader, &plan, &Resolutions::new()).unwrap_err();
    assert!(matches!(unresolved, ApplyError::Unresolved { ref paths, .. } if paths.len() == 2));
    assert!(unresolved.to_string().contains("2 处冲突"));

    let mut r = Resolution::default();
    r.fields.insert("title".into(), Choice::Mine);
    r.fields.insert("members[1].name".into(), Choice::Theirs);
    let after = apply(&leader, &plan, &Resolutions::from([("a1".into(), r)])).unwrap();
    let a = &after.applications[0];
    assert_eq!((a.title.as_str(), a.members[1].name.as_str()), ("量子材料先进表征技术研修", "李 娜"));
    assert_eq!(a.revision, 3);
    // The partner's file sent again is now older than ours.
    assert_eq!(plan_import(&after, &b).items[0].action, Action::Unchanged(Unchanged::LocalNewer));
}

#[test]
fn an_old_copy_sent_again_is_local_newer() {
    let (mut leader, mut partner) = leader_and_partner();
    edit(&mut leader, |a| a.content = "第1周：……".into());
    let old = send(&mut partner);
    assert_eq!(plan_import(&leader, &old).items[0].action, Action::Unchanged(Unchanged::LocalNewer));
}

#[test]
fn apply_is_all_or_nothing() {
    let (mut leader, mut partner) = leader_and_partner();
    edit(&mut leader, |a| a.title = "甲".into());
    edit(&mut partner, |a| a.title = "乙".into());
    partner.applications.push(Application { id: "a2".into(), title: "新申请".into(), ..Default::default() });
    let b = send(&mut partner);
    let plan = plan_import(&leader, &b);
    assert_eq!(plan.items[1].action, Action::Added);
    let before = leader.clone();
    assert!(apply(&leader, &plan, &Resolutions::new()).is_err());
    assert_eq!(leader, before);
    // A plan made before a local edit is refused rather than applied over it.
    let mut r = Resolution { all: Some(Choice::Theirs), ..Default::default() };
    r.fields.insert("title".into(), Choice::Theirs);
    edit(&mut leader, |a| a.title = "丙".into());
    let err = apply(&leader, &plan, &Resolutions::from([("a1".into(), r)])).unwrap_err();
    assert_eq!(err, ApplyError::Stale { application: "a1".into() });
}

#[test]
fn another_programs_higher_revision_updates_an_unedited_copy() {
    let (leader, _) = leader_and_partner();
    let mut b = Bundle::new(Kind::Application);
    b.applications.push(Application { revision: 5, history: vec![], title: "改名".into(), ..app() });
    assert!(matches!(plan_import(&leader, &b).items[0].action, Action::Updated { .. }));
}

#[test]
fn a_unit_bundle_brings_its_ranking() {
    let mut b = Bundle::new(Kind::Unit);
    b.applications = vec![Application { id: "x".into(), ..app() }, Application { id: "y".into(), ..app() }];
    b.ranking = vec!["y".into(), "x".into()];
    let after = import(&Workspace::default(), &b);
    assert_eq!(after.ranking, ["y", "x"]);
}

#[test]
fn member_cards_are_added_or_update_the_same_person() {
    let leader = ws(vec![app()]);
    let mut b = Bundle::new(Kind::Member);
    let card = |id: &str, name: &str| Member {
        id: id.into(),
        name: name.into(),
        unit: "大连化物所".into(),
        ..Default::default()
    };
    b.members = vec![card("m9", "赵磊")];
    assert!(plan_import(&leader, &b).needs_target());
    assert_eq!(plan_member_import(&leader, &b, "nope").unwrap_err(), PlanError::NoSuchApplication("nope".into()));
    let plan = plan_member_import(&leader, &b, "a1").unwrap();
    assert_eq!(plan.members[0].action, MemberAction::Added);
    let after = apply(&leader, &plan, &Resolutions::new()).unwrap();
    assert_eq!(after.applications[0].members.len(), 3);
    assert_eq!(after.applications[0].revision, 2);

    b.members = vec![card("m2", "李娜")];
    let plan = plan_member_import(&after, &b, "a1").unwrap();
    let MemberAction::Updated { index: 1, changes } = &plan.members[0].action else { panic!() };
    assert_eq!(changes[0].path, "members[1].unit");
    let again = apply(&after, &plan, &Resolutions::new()).unwrap();
    assert_eq!(again.applications[0].members[1].unit, "大连化物所");
    let plan = plan_member_import(&again, &b, "a1").unwrap();
    assert_eq!(plan.members[0].action, MemberAction::Unchanged { index: 1 });
}

// Found by fuzzing (fuzz target `batch`): re-importing an older copy recorded our
// unshared version as a sync point, so a later copy without history overwrote our edit.
#[test]
fn an_old_copy_sent_again_does_not_mark_our_edits_as_shared() {
    let (mut leader, _) = leader_and_partner();
    let old = send(&mut leader);
    edit(&mut leader, |a| a.objectives = "只在本地".into());
    let after = import(&leader, &old);
    assert_eq!(after, leader, "an older copy changes nothing");
    let mut foreign = Bundle::new(Kind::Application);
    foreign.applications.push(Application { revision: 9, history: vec![], ..app() });
    assert!(matches!(plan_import(&after, &foreign).items[0].action, Action::Conflict { .. }));
}

// Found by fuzzing (fuzz target `batch`): a copy with our content under another revision
// was not remembered, so after a local edit the same file came back as a conflict.
#[test]
fn the_same_content_sent_again_after_a_local_edit_is_local_newer() {
    let leader = ws(vec![app()]);
    let mut b = Bundle::new(Kind::Application);
    b.applications.push(Application { revision: 4, ..app() });
    let mut after = import(&leader, &b);
    edit(&mut after, |a| a.objectives = "只在本地".into());
    assert_eq!(plan_import(&after, &b).items[0].action, Action::Unchanged(Unchanged::LocalNewer));
    // Still unedited right after the import: another program's later copy is an update.
    let mut later = Bundle::new(Kind::Application);
    later.applications.push(Application { revision: 5, title: "改名".into(), ..app() });
    assert!(matches!(plan_import(&import(&leader, &b), &later).items[0].action, Action::Updated { .. }));
}

// Found by fuzzing (fuzz target `import_plan`): adding a card to an application at revision
// u64::MAX overflowed.
#[test]
fn a_card_joins_an_application_at_the_highest_revision() {
    let leader = ws(vec![Application { revision: u64::MAX, ..app() }]);
    let mut b = Bundle::new(Kind::Member);
    b.members = vec![Member { id: "m9".into(), ..Default::default() }];
    let after = apply(&leader, &plan_member_import(&leader, &b, "a1").unwrap(), &Resolutions::new()).unwrap();
    assert_eq!((after.applications[0].members.len(), after.applications[0].revision), (3, u64::MAX));
}
