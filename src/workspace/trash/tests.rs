use super::*;

fn app(id: &str, members: &[&str]) -> Application {
    Application {
        id: id.into(),
        title: format!("{id} 研修"),
        members: members
            .iter()
            .map(|m| Member { id: format!("{id}-{m}"), name: m.to_string(), ..Default::default() })
            .collect(),
        hosts: ["甲", "乙", "丙"]
            .iter()
            .map(|h| Host { name_zh: format!("{h}研究所"), ..Default::default() })
            .collect(),
        ..Default::default()
    }
}

/// a, b, c, d; ranked c, a, d, b; opinions on a and d; two 核销表 rows.
fn ws() -> Workspace {
    let mut w = Workspace {
        applications: vec![app("a", &["张三", "李四", "王五"]), app("b", &[]), app("c", &[]), app("d", &[])],
        ranking: ["c", "a", "d", "b"].map(String::from).to_vec(),
        reimbursements: ["张三", "李四"]
            .iter()
            .enumerate()
            .map(|(i, p)| Reimbursement { id: format!("r{i}"), person: p.to_string(), ..Default::default() })
            .collect(),
        ..Default::default()
    };
    w.opinions.insert("a".into(), "优先".into());
    w.opinions.insert("d".into(), "同意".into());
    w
}

fn ids(w: &Workspace) -> Vec<&str> {
    w.applications.iter().map(|a| a.id.as_str()).collect()
}

#[test]
fn an_application_comes_back_at_its_place_rank_and_opinion() {
    let before = ws();
    let mut w = before.clone();
    let d = Deleted::application(&mut w, "a").unwrap();
    assert_eq!(ids(&w), ["b", "c", "d"]);
    assert_eq!(w.ranking, ["c", "d", "b"]);
    assert!(!w.opinions.contains_key("a"));
    assert_eq!(d.label(), "申请「a 研修」");
    assert_eq!(d.restore(&mut w), Ok(Restored { applications: vec!["a".into()], index: true }));
    assert_eq!(w, before);
}

#[test]
fn an_unranked_application_stays_unranked() {
    let mut before = ws();
    before.ranking = vec!["c".into()];
    let mut w = before.clone();
    Deleted::application(&mut w, "b").unwrap().restore(&mut w).unwrap();
    assert_eq!(w, before);
}

#[test]
fn three_deletes_undone_in_reverse_order() {
    let before = ws();
    let mut w = before.clone();
    let mut trash = Trash::default();
    for id in ["d", "a", "c"] {
        trash.push(Deleted::application(&mut w, id).unwrap());
    }
    assert_eq!(ids(&w), ["b"]);
    assert_eq!(w.ranking, ["b"]);
    assert_eq!(trash.len(), 3);
    assert_eq!(trash.deletions(), 3);
    assert_eq!(trash.last().unwrap().label(), "申请「c 研修」");
    for _ in 0..3 {
        trash.undo(&mut w).unwrap().unwrap();
    }
    assert_eq!(w, before);
    assert!(trash.is_empty());
    assert_eq!(trash.deletions(), 3, "an undo is not a deletion");
    assert_eq!(trash.undo(&mut w), None);
}

#[test]
fn every_kind_in_a_row_undone() {
    let before = ws();
    let mut w = before.clone();
    let mut trash = Trash::default();
    trash.push(Deleted::member(&mut w, "a", "a-李四").unwrap());
    trash.push(Deleted::host(&mut w, "a", 0).unwrap());
    trash.push(Deleted::reimbursement(&mut w, 0).unwrap());
    trash.push(Deleted::application(&mut w, "a").unwrap());
    assert_eq!(w.reimbursements.len(), 1);
    let labels: Vec<String> = trash.entries.iter().map(Deleted::label).collect();
    let host_label = "境外培训机构「甲研究所」";
    assert_eq!(labels, ["成员 李四", host_label, "核销表第 1 行（张三）", "申请「a 研修」"]);
    while let Some(r) = trash.undo(&mut w) {
        r.unwrap();
    }
    assert_eq!(w, before);
}

#[test]
fn a_member_and_a_host_come_back_at_their_place() {
    let before = ws();
    let mut w = before.clone();
    let d = Deleted::member(&mut w, "a", "a-李四").unwrap();
    assert_eq!(w.applications[0].members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["张三", "王五"]);
    assert_eq!(d.clone().restore(&mut w), Ok(Restored { applications: vec!["a".into()], index: false }));
    assert_eq!(w, before);
    let h = Deleted::host(&mut w, "a", 1).unwrap();
    assert_eq!(w.applications[0].hosts.len(), 2);
    h.restore(&mut w).unwrap();
    assert_eq!(w, before);
    assert_eq!(Deleted::host(&mut w, "a", 3), None);
    assert_eq!(Deleted::member(&mut w, "a", "nobody"), None);
    assert_eq!(Deleted::member(&mut w, "x", "a-张三"), None);
    assert_eq!(Deleted::reimbursement(&mut w, 2), None);
    assert_eq!(Deleted::application(&mut w, "x"), None);
    assert_eq!(w, before);
}

#[test]
fn an_index_past_the_end_clamps() {
    let mut w = ws();
    let m = Deleted::member(&mut w, "a", "a-王五").unwrap();
    let h = Deleted::host(&mut w, "a", 2).unwrap();
    let r = Deleted::reimbursement(&mut w, 1).unwrap();
    let a = Deleted::application(&mut w, "d").unwrap();
    // Meanwhile each list got shorter.
    w.applications[0].members.truncate(1);
    w.applications[0].hosts.truncate(1);
    w.reimbursements.clear();
    w.applications.truncate(1);
    w.ranking.clear();
    m.restore(&mut w).unwrap();
    h.restore(&mut w).unwrap();
    r.restore(&mut w).unwrap();
    a.restore(&mut w).unwrap();
    assert_eq!(w.applications[0].members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["张三", "王五"]);
    assert_eq!(w.applications[0].hosts[1].name_zh, "丙研究所");
    assert_eq!(w.reimbursements[0].person, "李四");
    assert_eq!(ids(&w), ["a", "d"]);
    assert_eq!(w.ranking, ["d"]);
    assert_eq!(w.opinions["d"], "同意");
}

#[test]
fn a_member_of_an_application_gone_meanwhile_is_not_restored_and_says_so() {
    let mut w = ws();
    let mut trash = Trash::default();
    trash.push(Deleted::member(&mut w, "a", "a-张三").unwrap());
    trash.push(Deleted::host(&mut w, "a", 0).unwrap());
    // Another tab or an import removes the application: not through this trash.
    w.remove("a");
    let after = w.clone();
    let host = trash.undo(&mut w).unwrap().unwrap_err();
    assert_eq!(
        host.to_string(),
        "境外培训机构「甲研究所」所在的申请已不在工作台中，\
         无法恢复。"
    );
    let member = trash.undo(&mut w).unwrap().unwrap_err();
    assert_eq!(member.to_string(), "成员 张三所在的申请已不在工作台中，无法恢复。");
    assert_eq!(trash.failed, Some(member));
    assert_eq!(w, after);
}

#[test]
fn nothing_is_restored_twice() {
    let mut w = ws();
    let a = Deleted::application(&mut w, "a").unwrap();
    let r = Deleted::reimbursement(&mut w, 0).unwrap();
    // The same application and row came back another way (an import, another tab).
    let again = ws();
    let mut w = again.clone();
    assert!(a.restore(&mut w).unwrap_err().to_string().contains("已在工作台中"));
    assert!(r.restore(&mut w).unwrap_err().to_string().contains("已在核销表中"));
    assert_eq!(w, again);
}

#[test]
fn only_the_last_twenty_are_kept() {
    let mut w = Workspace {
        reimbursements: (0..25).map(|i| Reimbursement { id: format!("r{i}"), ..Default::default() }).collect(),
        ..Default::default()
    };
    let mut trash = Trash::default();
    for _ in 0..25 {
        trash.push(Deleted::reimbursement(&mut w, 0).unwrap());
    }
    assert_eq!(trash.len(), TRASH_DEPTH);
    assert_eq!(trash.last().unwrap().label(), "核销表第 1 行");
    while trash.undo(&mut w).is_some() {}
    let left: Vec<&str> = w.reimbursements.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(left, (5..25).map(|i| format!("r{i}")).collect::<Vec<_>>());
    trash.push(Deleted::reimbursement(&mut w, 0).unwrap());
    trash.clear();
    assert!(trash.is_empty());
    assert_eq!(trash.deletions(), 26);
}

#[test]
fn several_applications_deleted_at_once_come_back_with_one_undo() {
    let before = ws();
    let mut w = before.clone();
    let mut trash = Trash::default();
    let gone = ["d", "a", "x"].map(String::from);
    trash.push(Deleted::applications(&mut w, &gone).unwrap());
    assert_eq!(ids(&w), ["b", "c"]);
    assert_eq!(w.ranking, ["c", "b"]);
    assert_eq!(trash.last().unwrap().label(), "2 份申请");
    let restored = trash.undo(&mut w).unwrap().unwrap();
    assert_eq!(restored, Restored { applications: vec!["d".into(), "a".into()], index: true });
    assert_eq!(w, before);
    assert!(trash.is_empty());
}

#[test]
fn one_of_several_or_none_is_a_single_deletion_or_nothing() {
    let mut w = ws();
    let one = Deleted::applications(&mut w, &["b".into(), "x".into()]).unwrap();
    assert!(matches!(one, Deleted::Application { .. }));
    assert_eq!(Deleted::applications(&mut w, &["x".into()]), None);
    assert_eq!(Deleted::applications(&mut w, &[]), None);
}

#[test]
fn several_already_back_are_not_restored_twice() {
    let before = ws();
    let mut w = before.clone();
    let d = Deleted::applications(&mut w, &["a".into(), "b".into()]).unwrap();
    let mut again = before.clone();
    assert!(d.clone().restore(&mut again).unwrap_err().0.contains("2 份申请都已在工作台中"));
    assert_eq!(again, before);
    // One back meanwhile (an import): the other still comes back.
    w.applications.push(before.applications[0].clone());
    assert_eq!(d.restore(&mut w).unwrap().applications, ["b"]);
}

#[test]
fn one_application_is_taken_out_alone_or_out_of_its_group() {
    let before = ws();
    let mut w = before.clone();
    let mut trash = Trash::default();
    trash.push(Deleted::application(&mut w, "c").unwrap());
    trash.push(Deleted::applications(&mut w, &["d".into(), "a".into()]).unwrap());
    // Out of the group: the group's undo brings back the other one only.
    let a = trash.take_application("a").unwrap();
    assert!(matches!(&a, Deleted::Application { app, rank: Some(0), .. } if app.id == "a"));
    assert_eq!(trash.len(), 2);
    assert_eq!(trash.take_application("a"), None);
    // Alone: gone from the trash.
    let c = trash.take_application("c").unwrap();
    assert_eq!(trash.len(), 1);
    // Each still restores at its place and rank (back in the reverse order they went).
    a.restore(&mut w).unwrap();
    assert_eq!(trash.undo(&mut w).unwrap().unwrap().applications, ["d"]);
    assert!(trash.is_empty());
    c.restore(&mut w).unwrap();
    assert_eq!(w, before);
    // The last of a group taken: the group goes.
    let mut w = before.clone();
    trash.push(Deleted::applications(&mut w, &["b".into(), "d".into()]).unwrap());
    trash.take_application("b").unwrap();
    trash.take_application("d").unwrap();
    assert!(trash.is_empty());
}
