use super::*;
use crate::model::{Category, Host, Member};

fn m(id: &str, name: &str) -> Member {
    Member {
        id: id.into(),
        name: name.into(),
        birth_date: chrono::NaiveDate::from_ymd_opt(1985, 4, 12),
        ..Default::default()
    }
}

fn base() -> Application {
    Application {
        id: "a".into(),
        revision: 2,
        title: "研修".into(),
        category: Some(Category::Youth),
        hosts: vec![Host { name_zh: "马普所".into(), city: "Stuttgart".into(), ..Default::default() }],
        members: vec![m("m1", "王晓明"), m("m2", "李娜")],
        ..Default::default()
    }
}

#[test]
fn equal_copies_have_no_diff_even_with_other_bookkeeping() {
    let mut b = base();
    b.revision = 9;
    b.id = "other".into();
    assert!(diff(&base(), &b).is_empty());
}

#[test]
fn diff_names_fields_members_and_whole_lists() {
    let mine = base();
    let mut theirs = base();
    theirs.category = Some(Category::Keytech);
    theirs.hosts[0].city = "Berlin".into();
    theirs.members.remove(0);
    theirs.members[0].name = "李娜娜".into();
    theirs.members.push(m("m3", "赵磊"));
    let d = diff(&mine, &theirs);
    let got: Vec<(&str, &str, &str)> =
        d.iter().map(|c| (c.path.as_str(), c.mine.as_str(), c.theirs.as_str())).collect();
    assert_eq!(
        got,
        [
            ("category", "优秀青年人才培养", "关键技术专项培训"),
            ("hosts", "马普所，Stuttgart", "马普所，Berlin"),
            ("members[0]", "王晓明（1985-04-12）", "（无此成员）"),
            ("members[1].name", "李娜", "李娜娜"),
            ("members[theirs:1]", "（无此成员）", "赵磊（1985-04-12）"),
        ]
    );
}

#[test]
fn merge_keeps_the_chosen_values() {
    let mine = base();
    let mut theirs = base();
    theirs.revision = 4;
    theirs.title = "新标题".into();
    theirs.category = None;
    theirs.members.remove(0);
    theirs.members[0].name = "李娜娜".into();
    theirs.members.push(m("m3", "赵磊"));
    let choices = BTreeMap::from([
        ("title".to_string(), Choice::Theirs),
        ("category".to_string(), Choice::Theirs),
        ("members[0]".to_string(), Choice::Mine),
        ("members[1].name".to_string(), Choice::Mine),
        ("members[theirs:1]".to_string(), Choice::Theirs),
    ]);
    let out = merge(&mine, &theirs, &choices);
    assert_eq!(out.title, "新标题");
    assert_eq!(out.category, None);
    let names: Vec<&str> = out.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["王晓明", "李娜", "赵磊"]);
    assert_eq!(out.revision, 5);

    let all_theirs: BTreeMap<String, Choice> =
        diff(&mine, &theirs).into_iter().map(|c| (c.path, Choice::Theirs)).collect();
    let out = merge(&mine, &theirs, &all_theirs);
    assert_eq!(out.content_hash(), theirs.content_hash());
}

#[test]
fn enum_values_are_shown_by_their_chinese_labels() {
    use crate::model::{Gender, TitleLevel};
    let mine = base();
    let mut theirs = base();
    theirs.members[0].title_level = Some(TitleLevel::SeniorAssociate);
    theirs.members[0].gender = Some(Gender::Female);
    let got: Vec<(String, String, String)> =
        diff(&mine, &theirs).into_iter().map(|c| (c.label_zh, c.mine, c.theirs)).collect();
    let row = |l: &str, m: &str, t: &str| (l.to_string(), m.to_string(), t.to_string());
    let sex = row("成员 王晓明 的性别", "（空）", "女");
    assert_eq!(got, [sex, row("成员 王晓明 的职称级别", "（空）", "副高级")]);
}

// Found by fuzzing (fuzz target `import_plan`): a file's revision u64::MAX overflowed the
// merged revision (a panic in debug builds, revision 0 in release).
#[test]
fn merging_at_the_highest_revision_saturates() {
    let mine = Application { revision: u64::MAX, ..base() };
    let theirs = Application { title: "改".into(), ..base() };
    assert_eq!(merge(&mine, &theirs, &BTreeMap::new()).revision, u64::MAX);
    let mut touched = mine.clone();
    touched.touch(chrono::DateTime::parse_from_rfc3339("2020-01-05T10:30:00+08:00").unwrap());
    assert_eq!(touched.revision, u64::MAX);
}
