use chrono::NaiveDate;

use super::*;
use crate::bundle::Kind;
use crate::model::Member;
use crate::report::Cell;

fn app(id: &str, c: Category, persons: usize, topics: Vec<u8>) -> Application {
    let mut members: Vec<Member> =
        (0..persons).map(|i| Member { name: format!("{id}成员{i}"), ..Default::default() }).collect();
    if let Some(m) = members.first_mut() {
        m.is_leader = true;
    }
    Application {
        id: id.into(),
        title: format!("项目{id}"),
        category: Some(c),
        special_topics: topics,
        members,
        ..Default::default()
    }
}

fn unit(name: &str, apps: Vec<Application>, ranking: &[&str]) -> Bundle {
    Bundle {
        unit: name.into(),
        applications: apps,
        ranking: ranking.iter().map(|s| s.to_string()).collect(),
        ..Bundle::new(Kind::Unit)
    }
}

fn two_units() -> Vec<Bundle> {
    vec![
        unit(
            "物理所",
            vec![
                app("a1", Category::Youth, 2, vec![]),
                app("a2", Category::Lead, 1, vec![]),
                app("a3", Category::Youth, 3, vec![]),
            ],
            &["a2", "a1"],
        ),
        unit("化物所", vec![app("b1", Category::Keytech, 4, vec![1])], &["b1"]),
    ]
}

fn decide(unit: &str, id: &str, d: Decision, c: Option<Category>, fen: Option<i64>) -> Selection {
    Selection {
        id: id.into(),
        unit: unit.into(),
        decision: Some(d),
        approved_category: c,
        funding: fen.map(Money),
        ..Default::default()
    }
}

#[test]
fn rows_follow_each_units_ranking_and_carry_the_outcome() {
    let bundles = two_units();
    // Recorded under the unit's full name: still the same unit.
    let sels = vec![decide("中国科学院物理研究所", "a1", Decision::Selected, None, Some(100))];
    let rows = rows(&bundles, &sels);
    let order: Vec<(&str, &str, Option<usize>)> =
        rows.iter().map(|r| (r.unit.as_str(), r.selection.id.as_str(), r.unit_rank)).collect();
    assert_eq!(
        order,
        [("物理所", "a2", Some(1)), ("物理所", "a1", Some(2)), ("物理所", "a3", None), ("化物所", "b1", Some(1))]
    );
    let a1 = &rows[1].selection;
    assert_eq!(
        (a1.unit.as_str(), a1.leader.as_str(), a1.decision, a1.funding),
        ("物理所", "a1成员0", Some(Decision::Selected), Some(Money(100)))
    );
    assert_eq!(rows[0].selection.decision, None);
}

#[test]
fn selected_persons_count_against_the_plan_in_the_approved_category() {
    let rs = RuleSet::embedded();
    let bundles = two_units();
    let sels = vec![
        // Approved as lead although it applied as youth.
        decide("物理所", "a1", Decision::Selected, Some(Category::Lead), Some(123_456)),
        decide("物理所", "a2", Decision::Selected, None, Some(1_000_000)),
        decide("物理所", "a3", Decision::NotSelected, None, None),
        decide("化物所", "b1", Decision::Selected, Some(Category::Keytech), None),
    ];
    let rows = rows(&bundles, &sels);
    let t = tally(&rows, &bundles, rs);
    let cat = |c: Category| t.plan.categories.iter().find(|x| x.category == c).unwrap();
    assert_eq!((cat(Category::Lead).applications, cat(Category::Lead).persons_in_category), (2, 3));
    assert_eq!((cat(Category::Youth).applications, cat(Category::Youth).persons_in_category), (0, 0));
    assert_eq!(cat(Category::Keytech).persons_in_category, 4);
    assert_eq!(cat(Category::Keytech).plan_persons, rs.category(Category::Keytech).plan_persons);
    assert_eq!((t.plan.key_fields.applications, t.plan.key_fields.persons), (1, 4), "topic 1 counts in the key fields");
    assert_eq!(
        t.funding,
        [(Category::Lead, Money(1_123_456)), (Category::Youth, Money(0)), (Category::Keytech, Money(0))]
    );
    let phys = &t.units[0];
    assert_eq!(
        (
            phys.unit.as_str(),
            phys.applications,
            phys.selected,
            phys.not_selected,
            phys.undecided,
            phys.selected_persons,
            phys.funding
        ),
        ("物理所", 3, 2, 1, 0, 3, Money(1_123_456))
    );
    assert_eq!(
        (t.all.applications, t.all.selected, t.all.not_selected, t.all.undecided, t.all.selected_persons),
        (4, 3, 1, 0, 7)
    );

    // One decision undone: undecided, out of the plan.
    let fewer = rows_without(&bundles, &sels, "a2");
    let t = tally(&fewer, &bundles, rs);
    assert_eq!((t.all.selected, t.all.undecided, t.units[0].funding), (2, 1, Money(123_456)));
    assert_eq!(t.plan.categories.iter().find(|x| x.category == Category::Lead).unwrap().persons_in_category, 2);
}

fn rows_without(bundles: &[Bundle], sels: &[Selection], id: &str) -> Vec<Row> {
    let kept: Vec<Selection> = sels.iter().filter(|s| s.id != id).cloned().collect();
    rows(bundles, &kept)
}

#[test]
fn the_academy_report_has_every_row_and_decision() {
    let rs = RuleSet::embedded();
    let bundles = two_units();
    let mut sel = decide("化物所", "b1", Decision::NotSelected, None, None);
    sel.note = "名额已满".into();
    let lead = decide("物理所", "a2", Decision::Selected, Some(Category::Lead), Some(500_000));
    let rows = rows(&bundles, &[lead, sel]);
    let t = tally(&rows, &bundles, rs);
    let date = NaiveDate::from_ymd_opt(2020, 3, 2).unwrap();
    let r = to_report(&rows, &t, rs, "中国科学院人事局", date);
    assert_eq!(r.subtitles, ["遴选单位：中国科学院人事局", "填报日期：2020年3月2日"]);
    assert_eq!(r.rows.len(), 4);
    let shown: Vec<Vec<String>> = r.rows.iter().map(|row| row.iter().map(Cell::display).collect()).collect();
    assert_eq!(
        shown[0][1..8],
        ["物理所", "1", "项目a2", "a2成员0", rs.category(Category::Lead).label.as_str(), "1", "入选"]
    );
    assert_eq!(shown[0][9..], [rs.category(Category::Lead).label.clone(), "¥5,000.00".into()]);
    assert_eq!(shown[2][2], "未排序");
    assert_eq!(shown[2][7], "未定");
    assert_eq!(shown[3][7..9], ["未入选", "名额已满"]);
    assert_eq!(r.rows[0][10], Cell::Money(Money(500_000)));
    let last: Vec<String> = r.totals.last().unwrap().iter().map(Cell::display).collect();
    assert_eq!(last[3], "全部 4 项：入选 1，未入选 1，未定 2");
    assert_eq!(last[10], "¥5,000.00");
    assert_eq!(r.totals.len(), 5, "three categories, the key fields, all");
}

#[test]
fn outcomes_are_found_by_unit_however_written_and_id_and_the_first_recorded_wins() {
    let sels = vec![
        decide("中国科学院物理研究所", "a1", Decision::Selected, None, Some(100)),
        decide("物理所", "a1", Decision::NotSelected, None, None),
        decide("化物所", "a1", Decision::NotSelected, None, None),
    ];
    let outcomes = Outcomes::of(&sels);
    assert_eq!(outcomes.get("物理所", "a1").and_then(|s| s.decision), Some(Decision::Selected));
    assert_eq!(outcomes.get("中科院 物理所", "a1").and_then(|s| s.funding), Some(Money(100)));
    assert_eq!(outcomes.get("化物所", "a1").and_then(|s| s.decision), Some(Decision::NotSelected));
    assert_eq!(outcomes.get("化学所", "a1"), None);
    assert_eq!(outcomes.get("物理所", "a2"), None);
    // The same as the workspace's own lookup, for each.
    let ws = crate::workspace::Workspace { selections: sels.clone(), ..Default::default() };
    for (u, id) in [("物理所", "a1"), ("化物所", "a1"), ("化学所", "a1")] {
        assert_eq!(outcomes.get(u, id), ws.selection(u, id), "{u} {id}");
    }
}

#[test]
fn three_thousand_groups_are_listed_and_tallied_with_their_outcomes() {
    let bundles: Vec<Bundle> = (0..100)
        .map(|u| {
            let apps = (0..30).map(|i| app(&format!("u{u}-{i}"), Category::Youth, 2, vec![])).collect();
            unit(&format!("第{u}研究所"), apps, &[])
        })
        .collect();
    let sels: Vec<Selection> = (0..100)
        .flat_map(|u| (0..30).step_by(3).map(move |i| (u, i)))
        .map(|(u, i)| {
            decide(&format!("中国科学院第{u}研究所"), &format!("u{u}-{i}"), Decision::Selected, None, Some(1))
        })
        .collect();
    let rows = rows(&bundles, &sels);
    assert_eq!(rows.len(), 3000);
    assert_eq!(rows.iter().filter(|r| r.selection.decision == Some(Decision::Selected)).count(), 1000);
    let t = tally(&rows, &bundles, RuleSet::embedded());
    assert_eq!((t.units.len(), t.all.applications, t.all.selected, t.all.selected_persons), (100, 3000, 1000, 2000));
    assert_eq!(t.all.funding, Money(1000));
}

#[test]
fn the_search_finds_groups_by_unit_title_or_leader_every_word() {
    let rows = rows(&two_units(), &[]);
    let ids = |q: &str| search(&rows, q).into_iter().map(|i| rows[i].selection.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(""), ["a2", "a1", "a3", "b1"]);
    assert_eq!(ids("  "), ["a2", "a1", "a3", "b1"]);
    assert_eq!(ids("化物所"), ["b1"]);
    assert_eq!(ids("项目a3"), ["a3"]);
    assert_eq!(ids("项目A3"), ["a3"], "letters in any case");
    assert_eq!(ids("b1成员0"), ["b1"]);
    assert_eq!(ids("物理所 项目a1"), ["a1"]);
    assert!(ids("物理所 项目b1").is_empty(), "every word");
}
