use super::*;
use crate::bundle::{ErrorKind, parse};
use crate::model::Category;

fn at() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2020-03-02T09:00:00+08:00").unwrap()
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 3, 2).unwrap()
}

fn sel(unit: &str, id: &str, d: Option<Decision>) -> Selection {
    Selection {
        id: id.into(),
        unit: unit.into(),
        title: format!("项目{id}"),
        leader: "张三".into(),
        decision: d,
        ..Default::default()
    }
}

fn sample() -> Vec<Selection> {
    vec![
        Selection {
            approved_category: Some(Category::Youth),
            funding: Some(Money(1_234_567)),
            ..sel("物理所", "a1", Some(Decision::Selected))
        },
        Selection {
            note: "名额有限".into(), ..sel("中国科学院物理研究所", "a2", Some(Decision::NotSelected))
        },
        sel("物理所", "a3", None),
        sel("化物所", "b1", Some(Decision::Selected)),
    ]
}

#[test]
fn each_unit_gets_only_its_own_decided_applications() {
    let rs = RuleSet::embedded();
    let text = export_result("", day(), Some("物理所"), &sample(), rs, at());
    let b = parse(&text).unwrap();
    assert_eq!((b.kind, b.unit.as_str(), b.issuer.as_str(), b.date), (Kind::Result, "物理所", ISSUER, Some(day())));
    assert_eq!(b.rule_set, rs.id);
    let ids: Vec<&str> = b.results.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["a1", "a2"], "the undecided a3 and 化物所's b1 are left out");
    assert_eq!(b.results[0].funding, Some(Money(1_234_567)));
    assert!(text.contains("\"funding\": 1234567") && text.contains("\"decision\": \"not_selected\""), "{text}");
    let all = parse(&export_result("人事局", day(), None, &sample(), rs, at())).unwrap();
    assert_eq!((all.unit.as_str(), all.issuer.as_str(), all.results.len()), ("", "人事局", 3));
    assert_eq!(result_file_name(Some("物理所"), day()), "遴选结果-物理所-20200302.peixun.json");
    assert_eq!(result_file_name(None, day()), "遴选结果-全部单位-20200302.peixun.json");
}

#[test]
fn bad_result_files_are_refused_with_the_field() {
    let rs = RuleSet::embedded();
    let good = export_result("", day(), Some("物理所"), &sample(), rs, at());
    let cut = parse(&good[..good.len() / 2]).unwrap_err();
    assert_eq!(cut.kind, ErrorKind::Truncated);
    assert!(cut.message.contains("文件不完整"), "{cut}");

    let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
    type Edit = fn(&mut serde_json::Value);
    let edits: [(&str, Edit, &str, &str); 6] = [
        ("negative", |v| v["results"][0]["funding"] = (-1).into(), "results[0].funding", "不能为负数"),
        (
            "no decision",
            |v| v["results"][1]["decision"] = serde_json::Value::Null,
            "results[1].decision",
            "缺少遴选结果",
        ),
        ("no id", |v| v["results"][1]["id"] = "  ".into(), "results[1].id", "缺少申请编号"),
        ("empty", |v| v["results"] = serde_json::json!([]), "results", "没有任何申请的结果"),
        ("contradiction", |v| v["results"][1]["funding"] = 100.into(), "results[1].decision", "前后矛盾"),
        (
            "unknown category",
            |v| v["results"][0]["approved_category"] = "vip".into(),
            "results[0].approved_category",
            "vip",
        ),
    ];
    for (what, edit, path, words) in edits {
        let mut bad = v.clone();
        edit(&mut bad);
        let e = parse(&bad.to_string()).unwrap_err();
        assert_eq!(e.path.as_deref(), Some(path), "{what}: {e}");
        assert!(e.message.contains(words), "{what}: {e}");
    }
    // Zero is a sane amount; the boundary is below it.
    v["results"][0]["funding"] = 0.into();
    assert_eq!(parse(&v.to_string()).unwrap().results[0].funding, Some(Money(0)));
    v["kind"] = "verdict".into();
    assert!(parse(&v.to_string()).unwrap_err().message.contains("result（遴选结果）"));
}

#[test]
fn other_kinds_keep_their_files_as_they_were() {
    let text = crate::bundle::export(Kind::Unit, "物理所", &[], &[], &[], RuleSet::embedded(), at());
    assert!(!text.contains("results") && !text.contains("issuer"), "{text}");
    assert!(parse(&text).is_ok());
}

#[test]
fn the_checker_reports_duplicates_missing_categories_and_odd_amounts() {
    let mut sels = sample();
    sels[0].funding = Some(IMPLAUSIBLE_FUNDING);
    sels.push(Selection { funding: Some(Money(0)), ..sel("物理所", "a4", Some(Decision::Selected)) });
    sels.push(Selection {
        funding: Some(Money(IMPLAUSIBLE_FUNDING.0 + 1)),
        ..sel("物理所", "a1", Some(Decision::Selected))
    });
    let b = parse(&export_result("", day(), Some("物理所"), &sels, RuleSet::embedded(), at())).unwrap();
    let findings = check_results(&b, RuleSet::embedded());
    let got: Vec<(&str, &str)> = findings.iter().map(|f| (f.rule, f.path.as_str())).collect();
    assert_eq!(
        got,
        [
            ("result-category", "results[2].approved_category"),
            ("result-amount", "results[2].funding"),
            ("result-duplicate", "results[3].id"),
            ("result-category", "results[3].approved_category"),
            ("result-amount", "results[3].funding"),
        ],
        "the bound itself is sane, one fen above is not"
    );
}

fn file_of(unit: &str, results: Vec<Selection>) -> Bundle {
    let b =
        Bundle { unit: unit.into(), issuer: ISSUER.into(), date: Some(day()), results, ..Bundle::new(Kind::Result) };
    parse(&to_text(&b)).expect("a well-formed file, whatever its rows say")
}

fn reported(b: &Bundle) -> Vec<(&'static str, String)> {
    check_results(b, RuleSet::embedded()).into_iter().map(|f| (f.rule, f.path)).collect()
}

#[test]
fn the_checker_reports_another_units_row_in_a_file_for_one_unit() {
    let no = Some(Decision::NotSelected);
    let b = file_of(
        "物理所",
        vec![
            sel("物理所", "a1", no),
            sel("化物所", "b1", no),
            // Without a unit, a row of a file for one unit is that unit's.
            sel("", "a2", no),
            sel("中国科学院物理研究所", "a3", no),
            // Another unit's row is that, not a repeat of a1.
            sel("化物所", "a1", no),
        ],
    );
    assert_eq!(
        reported(&b),
        [("result-other-unit", "results[1].unit".to_string()), ("result-other-unit", "results[4].unit".to_string())]
    );
    let f = &check_results(&b, RuleSet::embedded())[0];
    assert_eq!(f.severity, Severity::Error);
    assert!(
        f.message.contains(
            "第 2 条结果（项目b1（张三））是「化物所」的申请，\
             而本文件是发给「物理所」的"
        ),
        "{f:?}"
    );
}

#[test]
fn the_checker_reports_a_repeat_whatever_its_unit_field_says() {
    let no = Some(Decision::NotSelected);
    // One unit's file: the same application with and without a unit, or spelled otherwise.
    let b = file_of(
        "物理所",
        vec![
            sel("物理所", "a1", no),
            sel("", "a1", no),
            sel("中国科学院物理研究所", "a1", no),
            sel("物理所", "a2", no),
        ],
    );
    assert_eq!(
        reported(&b),
        [("result-duplicate", "results[1].id".to_string()), ("result-duplicate", "results[2].id".to_string())]
    );
    assert!(
        check_results(&b, RuleSet::embedded())[0]
            .message
            .contains("与第 1 条重复（同一份申请、同样的结果），只按第 1 条导入一次")
    );
    // A file for every unit: the same id in two units is two applications; in one unit
    // written two ways, one application, here with another answer.
    let b = file_of(
        "",
        vec![
            sel("物理所", "a1", no),
            sel("化物所", "a1", no),
            sel("中国科学院物理研究所", "a1", Some(Decision::Selected)),
        ],
    );
    let found = check_results(&b, RuleSet::embedded());
    assert_eq!(reported(&b)[0], ("result-duplicate", "results[2].id".to_string()), "{found:#?}");
    let differ = "与第 1 条是同一份申请，结果却不同";
    assert!(found[0].message.contains(differ) && found[0].message.contains(ISSUER));
    assert!(found.iter().all(|f| f.rule != "result-duplicate" || f.path != "results[1].id"));
}

#[test]
fn the_checker_reports_a_row_without_a_unit_in_a_file_for_every_unit() {
    let no = Some(Decision::NotSelected);
    let b = file_of("", vec![sel("物理所", "a1", no), sel(" ", "a2", no), sel("化物所", "a2", no)]);
    assert_eq!(reported(&b), [("result-no-unit", "results[1].unit".to_string())]);
    let no_unit = "第 2 条结果（项目a2（张三））没有写明单位";
    assert!(check_results(&b, RuleSet::embedded())[0].message.contains(no_unit));
    // The same row in a file for one unit is that unit's.
    assert!(reported(&file_of("物理所", vec![sel(" ", "a2", no)])).is_empty());
}
