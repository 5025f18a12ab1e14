use chrono::NaiveDate;

use super::*;
use crate::model::{Category, Contact, CountryCode, Host, Member, Priority};
use crate::summary::{guard_formula, to_csv, to_report, write_csv};
use crate::workspace::Workspace;

fn m(name: &str, title: &str, leader: bool, unit: &str) -> Member {
    Member { name: name.into(), title: title.into(), is_leader: leader, unit: unit.into(), ..Default::default() }
}

fn h(zh: &str, en: &str, city: &str) -> Host {
    Host { name_zh: zh.into(), name_en: en.into(), city: city.into(), ..Default::default() }
}

fn ws() -> Workspace {
    let unit = "中国科学院物理研究所";
    let mpi = h("马普所", "MPI", "Stuttgart");
    let hosts = vec![mpi, h("", "TU Berlin", "Berlin"), h("斯图加特大学", "", "Stuttgart")];
    let a = Application {
        id: "a".into(),
        title: "量子材料表征技术研修".into(),
        category: Some(Category::Youth),
        special_topics: vec![2, 11],
        priority: Priority { three_majors: true, priority_note: "先导专项".into(), ..Default::default() },
        country: CountryCode::parse("DE"),
        hosts,
        duration_days: Some(14),
        exit_date: NaiveDate::from_ymd_opt(2020, 6, 1),
        return_date: NaiveDate::from_ymd_opt(2020, 6, 14),
        lead_unit: unit.into(),
        contact: Contact { name: "王晓明".into(), phone: "010-82640000".into(), ..Default::default() },
        members: vec![
            m("王晓明", "副研究员", true, unit),
            m("李娜", "助理研究员", false, "中国科学院大连化学物理研究所"),
        ],
        ..Default::default()
    };
    let b = Application {
        id: "b".into(),
        title: "=HYPERLINK(\"http://x\")".into(),
        category: Some(Category::Youth),
        country: CountryCode::parse("RU"),
        members: vec![m("张伟", "研究员", true, ""), m("陈静", "", false, ""), m("刘洋", "", false, "")],
        ..Default::default()
    };
    let c = Application { id: "c".into(), title: "未排序的申请".into(), ..Default::default() };
    Workspace {
        unit: unit.into(),
        applications: vec![a, b, c],
        ranking: vec!["b".into(), "a".into(), "gone".into(), "b".into()],
        ..Default::default()
    }
}

#[test]
fn rows_follow_the_ranking_then_the_unranked() {
    let t = SummaryTable::build(&ws(), RuleSet::embedded());
    let order: Vec<(&str, &str)> = t.rows.iter().map(|r| (r.application_id.as_str(), r.rank.as_str())).collect();
    assert_eq!(order, [("b", "1"), ("a", "2"), ("c", "")]);
}

#[test]
fn cells_are_display_strings() {
    let t = SummaryTable::build(&ws(), RuleSet::embedded());
    let r = &t.rows[1];
    assert_eq!(r.category, "优秀青年人才培养");
    assert_eq!(r.special_topics, "重大基础科学前沿专项、新材料专项");
    assert_eq!(r.leader, "王晓明/副研究员");
    assert_eq!((r.persons.as_str(), r.members.as_str()), ("2", "王晓明、李娜"));
    assert_eq!(r.country, "DE 德国");
    assert_eq!(r.cities, "Stuttgart、Berlin");
    assert_eq!(r.hosts, "马普所；TU Berlin；斯图加特大学");
    assert_eq!(r.duration, "14");
    assert_eq!(r.dates, "2020-06-01 至 2020-06-14");
    assert_eq!(r.priority, "“三重大”产出导向；先导专项");
    assert_eq!(r.contact, "王晓明 010-82640000");
    assert!(
        r.note.contains("计入重点领域专项计划")
            && r.note.contains(
                "跨单位团组\
                 （中国科学院大连化学物理研究所）"
            ),
        "{}",
        r.note
    );
    assert_eq!(t.rows[0].country, "RU 俄罗斯", "the code with its Chinese name");
    assert_eq!(SummaryTable::columns().len(), r.cells().len());
}

#[test]
fn key_field_applications_count_in_both_but_against_one_plan() {
    let t = SummaryTable::build(&ws(), RuleSet::embedded());
    let youth = t.totals.categories.iter().find(|c| c.category == Category::Youth).unwrap();
    assert_eq!((youth.applications, youth.persons_in_category, youth.persons_counted_against_category_plan), (2, 5, 3));
    assert_eq!(youth.plan_persons, 60);
    assert_eq!(
        (t.totals.key_fields.applications, t.totals.key_fields.persons, t.totals.key_fields.plan_persons),
        (1, 2, 50)
    );
    assert_eq!((t.totals.applications, t.totals.persons, t.totals.uncategorized), (3, 5, 1));
}

#[test]
fn csv_is_excel_safe() {
    let csv = to_csv(&SummaryTable::build(&ws(), RuleSet::embedded()));
    assert!(csv.starts_with("\u{feff}排序,项目名称,项目类别,"));
    assert!(csv.ends_with("\r\n") && !csv.replace("\r\n", "").contains('\n'));
    assert!(csv.contains("\r\n1,\"'=HYPERLINK(\"\"http://x\"\")\",优秀青年人才培养,"), "{csv}");
    assert!(csv.contains("合计,2 项,优秀青年人才培养,,,5,"));
    assert_eq!(guard_formula("+1"), "'+1");
    assert_eq!(guard_formula("=1+1"), "'=1+1");
    assert_eq!(guard_formula("-1"), "'-1");
    assert_eq!(guard_formula("@SUM"), "'@SUM");
    assert_eq!(guard_formula("\tx"), "'\tx");
    assert_eq!(guard_formula("\rx"), "'\rx");
    assert_eq!(guard_formula("2020-06-01 至"), "2020-06-01 至");
}

/// Numbers are written plainly, negative ones included; only text is guarded, whatever it
/// looks like: a text field holding "-1234.56" stays the text a person typed.
#[test]
fn csv_numbers_stay_numbers_and_text_is_guarded() {
    use crate::model::Money;
    use crate::report::Cell;
    let row = [
        Cell::Money(Money(-123_456)),
        Cell::Money(Money(123_456_789)),
        Cell::Money(Money(-5)),
        Cell::Int(-3),
        Cell::Int(14),
        Cell::Empty,
        Cell::Text("-5 天".into()),
        Cell::Text("=1+1".into()),
        Cell::Text("-1234.56".into()),
        Cell::Text("+86 10 8264".into()),
        Cell::Text("@x".into()),
        Cell::Text("\tx".into()),
        Cell::Text("1234".into()),
        Cell::Text("-1,5".into()),
        Cell::Text("a\"b".into()),
    ];
    let csv = write_csv(&["金额", "=表头"], [row]);
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(lines[0], "金额,'=表头");
    assert_eq!(
        lines[1],
        "-1234.56,1234567.89,-0.05,-3,14,,'-5 天,'=1+1,'-1234.56,'+86 10 8264,'@x,'\tx,1234,\"'-1,5\",\"a\"\"b\""
    );
    assert_eq!(lines[2], "");
}

#[test]
fn summary_csv_types_cells_as_the_xlsx_does() {
    let mut w = ws();
    w.applications[0].title = "-5 天".into();
    let t = SummaryTable::build(&w, RuleSet::embedded());
    let csv = to_csv(&t);
    let report = to_report(&t, "物理所", NaiveDate::from_ymd_opt(2020, 1, 9).unwrap());
    assert_eq!(csv, write_csv(&COLUMNS, report.rows.iter().chain(&report.totals)));
    assert!(csv.contains("\r\n2,'-5 天,优秀青年人才培养,"), "{csv}");
    assert_eq!(report.rows[1][5], crate::report::Cell::Int(2));
    assert_eq!(report.rows[1][10], crate::report::Cell::Int(14));
}

#[test]
fn topics_outside_the_list_are_shown_but_not_counted_in_key_fields() {
    let mut w = ws();
    w.applications[0].special_topics = vec![13];
    let t = SummaryTable::build(&w, RuleSet::embedded());
    let r = &t.rows[1];
    assert_eq!(r.special_topics, "第 13 项");
    assert!(!r.note.contains("计入重点领域专项计划"), "{}", r.note);
    assert_eq!((t.totals.key_fields.applications, t.totals.key_fields.persons), (0, 0));
    let youth = t.totals.categories.iter().find(|c| c.category == Category::Youth).unwrap();
    assert_eq!(youth.persons_counted_against_category_plan, 5);
}

#[test]
fn cross_unit_compares_units_however_written() {
    let note = |lead_unit: &str, units: &[&str]| {
        let mut w = ws();
        let a = &mut w.applications[0];
        a.lead_unit = lead_unit.into();
        for (m, u) in a.members.iter_mut().zip(units) {
            m.unit = u.to_string();
        }
        SummaryTable::build(&w, RuleSet::embedded()).rows[1].note.clone()
    };
    // Blank lead_unit, every member at one unit: not cross-unit.
    assert!(!note("", &["中国科学院物理研究所", "物理所"]).contains("跨单位"));
    assert!(!note(" ", &["物理所", "物理所"]).contains("跨单位"));
    assert!(!note("物理所", &["中国科学院物理研究所", "物理研究所"]).contains("跨单位"));
    assert!(note("物理所", &["物理所", "化学所"]).contains("跨单位团组（化学所）"));
    // Blank lead_unit: the leader's unit is the group's.
    assert!(note("", &["物理所", "化学所"]).contains("跨单位团组（化学所）"));
}

#[test]
fn rejected_and_cancelled_are_listed_but_hold_no_place_in_the_plan() {
    use crate::model::{Execution, ExecutionStatus};
    let totals = |status| {
        let mut w = ws();
        w.applications[0].execution = Some(Execution { status, ..Default::default() });
        SummaryTable::build(&w, RuleSet::embedded()).totals
    };
    let t = totals(ExecutionStatus::Approved);
    let youth = |t: &Totals| t.categories.iter().find(|c| c.category == Category::Youth).unwrap().clone();
    assert_eq!(
        (youth(&t).applications, youth(&t).persons_in_category, t.key_fields.persons, t.withdrawn),
        (2, 5, 2, 0)
    );
    for status in [ExecutionStatus::Rejected, ExecutionStatus::Cancelled] {
        let t = totals(status);
        assert_eq!((youth(&t).applications, youth(&t).persons_in_category, t.key_fields.persons), (1, 3, 0));
        assert_eq!((t.applications, t.persons, t.withdrawn), (3, 5, 1));
        assert_eq!(
            t.rows().last().unwrap()[14],
            "含 1 项未选类别；\
             含 1 项未获批或已取消（不计入各类计划）"
        );
    }
}

#[test]
fn a_repeated_id_is_ranked_once() {
    let mut w = ws();
    w.ranking = vec!["a".into(), "b".into(), "a".into()];
    let t = SummaryTable::build(&w, RuleSet::embedded());
    let order: Vec<(&str, &str)> = t.rows.iter().map(|r| (r.application_id.as_str(), r.rank.as_str())).collect();
    assert_eq!(order, [("a", "1"), ("b", "2"), ("c", "")]);
}
