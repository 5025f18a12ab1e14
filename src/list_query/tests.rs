use chrono::{DateTime, NaiveDate};

use super::*;
use crate::model::{Application, Host, Member};

fn app(id: &str, title: &str, names: &[(&str, &str)], host: &str) -> Application {
    Application {
        id: id.into(),
        title: title.into(),
        members: names
            .iter()
            .map(|(name, unit)| Member { name: (*name).into(), unit: (*unit).into(), ..Default::default() })
            .collect(),
        hosts: vec![Host { name_en: host.into(), ..Default::default() }],
        ..Default::default()
    }
}

/// Three rows: 量子 (youth, 2 errors), 材料 (lead, done), Alpha (no category, not started).
fn items() -> Vec<ListItem> {
    let people = [("张三", "物理研究所"), ("李四", "化学研究所")];
    let mut a = app("a", "量子计算培训", &people, "ETH Zurich");
    a.category = Some(Category::Youth);
    a.updated_at = Some(DateTime::parse_from_rfc3339("2020-01-09T10:00:00+08:00").unwrap());
    let mut b = app("b", "材料表征", &[("王五", "金属研究所")], "Max Planck Institute");
    b.category = Some(Category::Lead);
    b.updated_at = Some(DateTime::parse_from_rfc3339("2020-01-10T09:00:00+08:00").unwrap());
    let c = app("c", "Alpha", &[], "");
    let mut rows = vec![ListItem::new(&a, 0, true), ListItem::new(&b, 1, true), ListItem::new(&c, 2, false)];
    rows[0].check(true, false, Some(Checked { errors: 2, problems: 3 }), false);
    rows[1].check(true, true, Some(Checked { errors: 0, problems: 0 }), false);
    rows[2].check(false, false, Some(Checked::default()), false);
    rows
}

fn ids(q: &ListQuery) -> Vec<&'static str> {
    let rows = items();
    q.shown(&rows).into_iter().map(|i| ["a", "b", "c"][i]).collect()
}

fn text(t: &str) -> ListQuery {
    ListQuery { text: t.into(), ..Default::default() }
}

#[test]
fn the_default_shows_everything_in_order() {
    assert_eq!(ids(&ListQuery::default()), ["a", "b", "c"]);
    assert!(ListQuery::default().is_default());
}

#[test]
fn search_matches_title_member_unit_and_host_as_substrings() {
    for (q, want) in [
        ("量子", vec!["a"]),
        ("李四", vec!["a"]),
        ("金属", vec!["b"]),
        ("planck", vec!["b"]),
        ("PLANCK", vec!["b"]),
        ("研究所", vec!["a", "b"]),
        // Every word must occur, each anywhere.
        ("张三 eth", vec!["a"]),
        ("张三 planck", vec![]),
        ("  ", vec!["a", "b", "c"]),
        ("赵六", vec![]),
    ] {
        assert_eq!(ids(&text(q)), want, "search {q:?}");
    }
}

#[test]
fn a_word_does_not_match_across_two_fields() {
    // 张三 then 物理 on the next line: "三物" spans both and is no match.
    assert_eq!(ids(&text("三物")), Vec::<&str>::new());
    assert_eq!(ids(&text("三")), ["a"]);
}

#[test]
fn filters_by_category_status_and_findings() {
    let q = |f: fn(&mut ListQuery)| {
        let mut q = ListQuery::default();
        f(&mut q);
        ids(&q)
    };
    assert_eq!(q(|q| q.category = Some(Category::Youth)), ["a"]);
    assert_eq!(q(|q| q.category = Some(Category::Keytech)), Vec::<&str>::new());
    assert_eq!(q(|q| q.status = Some(Status::Problems)), ["a"]);
    assert_eq!(q(|q| q.status = Some(Status::NotStarted)), ["c"]);
    assert_eq!(q(|q| q.status = Some(Status::Done)), ["b"]);
    assert_eq!(q(|q| q.findings = Some(FindingFilter::HasErrors)), ["a"]);
    // Complete: no problems and done; the untouched row has no problems but is not done.
    assert_eq!(q(|q| q.findings = Some(FindingFilter::Complete)), ["b"]);
    assert_eq!(
        q(|q| {
            q.findings = Some(FindingFilter::HasErrors);
            q.category = Some(Category::Lead);
        }),
        Vec::<&str>::new()
    );
}

#[test]
fn errors_one_versus_none_on_both_sides() {
    let mut rows = items();
    let has_errors = ListQuery { findings: Some(FindingFilter::HasErrors), ..Default::default() };
    rows[1].check(true, true, Some(Checked { errors: 1, problems: 1 }), false);
    assert!(has_errors.matches(&rows[1]));
    rows[1].check(true, true, Some(Checked { errors: 0, problems: 1 }), false);
    assert!(!has_errors.matches(&rows[1]));
    // A warning alone: not complete, and its status says so.
    let complete = ListQuery { findings: Some(FindingFilter::Complete), ..Default::default() };
    assert!(!complete.matches(&rows[1]));
    assert_eq!(rows[1].status_text(), "有 1 个问题");
}

#[test]
fn unchecked_rows_pass_no_findings_filter() {
    let mut rows = items();
    rows[0].check(true, false, None, false);
    assert_eq!(rows[0].status, Status::Checking);
    for f in [FindingFilter::HasErrors, FindingFilter::Complete] {
        assert!(!ListQuery { findings: Some(f), ..Default::default() }.matches(&rows[0]));
    }
    rows[0].check(true, false, None, true);
    assert_eq!(rows[0].status, Status::Unchecked);
}

#[test]
fn sorts_by_every_column_both_ways() {
    for (sort, asc) in [
        (SortKey::Position, ["a", "b", "c"]),
        // Code point order: Latin before CJK; 材 (U+6750) before 量 (U+91CF).
        (SortKey::Title, ["c", "b", "a"]),
        // None first, then the notice's order: 领军 (lead), 青年 (youth).
        (SortKey::Category, ["c", "b", "a"]),
        (SortKey::Persons, ["c", "b", "a"]),
        (SortKey::Unit, ["c", "a", "b"]),
        (SortKey::Status, ["c", "a", "b"]),
        (SortKey::Errors, ["b", "c", "a"]),
        (SortKey::Saved, ["c", "a", "b"]),
    ] {
        let mut q = ListQuery { sort, ..Default::default() };
        assert_eq!(ids(&q), asc, "{sort:?} ascending");
        q.descending = true;
        let mut desc = asc;
        desc.reverse();
        if sort == SortKey::Errors {
            // b and c tie (no errors): they keep the list's order either way.
            desc = ["a", "b", "c"];
        }
        assert_eq!(ids(&q), desc, "{sort:?} descending");
    }
}

#[test]
fn the_query_goes_into_the_hash_and_comes_back() {
    let q = ListQuery {
        text: "张三 eth&x=1".into(),
        category: Some(Category::Youth),
        status: Some(Status::Done),
        findings: Some(FindingFilter::HasErrors),
        sort: SortKey::Title,
        descending: true,
    };
    let hash = q.in_hash("#/unit?q=old");
    assert!(hash.starts_with("#/unit?q=%E5%BC%A0%E4%B8%89%20eth%26x%3D1&"), "{hash}");
    assert_eq!(ListQuery::from_hash(&hash), q);
    assert_eq!(ListQuery::default().in_hash("#/unit?q=old"), "#/unit");
    assert_eq!(ListQuery::default().in_hash(""), "#/");
    assert_eq!(text("量子").in_hash("#/"), "#/?q=%E9%87%8F%E5%AD%90");
}

#[test]
fn a_hostile_or_broken_query_string_reads_as_far_as_it_makes_sense() {
    let q = ListQuery::from_hash("#/?q=%E5%BC%A0+%ZZ%4&cat=nope&status=checking&sort=rm%20-rf&desc=yes&&=&x");
    assert_eq!(q.text, "张 %ZZ%4");
    assert_eq!((q.category, q.status, q.sort, q.descending), (None, None, SortKey::Position, false));
    // Half a character: replaced, not a panic.
    assert_eq!(ListQuery::from_hash("#/?q=%E5%BC").text, "\u{fffd}");
    assert_eq!(ListQuery::from_hash("#/?q=%+1").text, "%+1".replace('+', " "));
    assert_eq!(ListQuery::from_hash("#/"), ListQuery::default());
}

#[test]
fn saved_dates_compare_as_dates() {
    let rows = items();
    let day = |i: usize| rows[i].saved.map(|t| t.date());
    assert_eq!(day(0), NaiveDate::from_ymd_opt(2020, 1, 9));
    assert_eq!(day(2), None);
}

#[test]
fn the_order_keeps_every_row_the_filters_would_hide() {
    let rows = items();
    let q = ListQuery { text: "量子".into(), sort: SortKey::Title, ..Default::default() };
    assert_eq!(q.shown(&rows), [0]);
    // c, b, a by title; the search hides b and c but the order holds all three.
    assert_eq!(q.order(&rows), [2, 1, 0]);
}

/// The pages show `order` with the rows `matches` rejects hidden: that must be `shown`.
#[test]
fn the_order_less_the_hidden_rows_is_what_is_shown() {
    let rows = items();
    let queries = [
        ListQuery::default(),
        ListQuery { text: "研究所".into(), sort: SortKey::Title, descending: true, ..Default::default() },
        ListQuery { text: "ETH".into(), sort: SortKey::Saved, ..Default::default() },
        ListQuery { findings: Some(FindingFilter::Complete), sort: SortKey::Errors, ..Default::default() },
        ListQuery { category: Some(Category::Youth), sort: SortKey::Persons, descending: true, ..Default::default() },
    ];
    for q in queries {
        let keep = q.matcher();
        let hidden_left_out: Vec<usize> = q.order(&rows).into_iter().filter(|&i| keep(&rows[i])).collect();
        assert_eq!(hidden_left_out, q.shown(&rows), "{q:?}");
    }
    // The matcher lower-cases the query once: upper-case words still match.
    assert!(text("eth ZURICH").matcher()(&rows[0]));
    assert!(!text("eth ZURICH").matcher()(&rows[1]));
}
