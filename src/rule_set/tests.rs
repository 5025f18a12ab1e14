use super::*;
use crate::rules::testing::d;

#[test]
fn embedded_2020_holds_the_notice_numbers() {
    use TitleLevel::{SeniorAssociate, SeniorFull};
    let rs = RuleSet::embedded();
    // 一(一)–(三): plan persons, group size, age limit, leader's title.
    let categories: Vec<_> = Category::ALL
        .iter()
        .map(|c| {
            let r = rs.category(*c);
            (r.clause.as_str(), r.plan_persons, r.min_members, r.max_members, r.max_age, r.leader_levels.clone())
        })
        .collect();
    assert_eq!(
        categories,
        [
            ("一(一)", 30, 1, 6, 55, vec![SeniorFull]),
            ("一(二)", 60, 2, 6, 40, vec![SeniorFull, SeniorAssociate]),
            ("一(三)", 60, 2, 6, 50, vec![SeniorFull, SeniorAssociate]),
        ]
    );
    // 一(四): key fields, durations, the program year.
    assert_eq!(rs.key_fields.plan_persons, 50);
    assert_eq!(rs.key_fields.topics.len(), 12);
    assert_eq!(rs.topic_label(1), Some("“卡脖子技术”相关领域"));
    assert_eq!(rs.topic_label(12), Some("中青年管理骨干专项"));
    assert_eq!((rs.topic_label(0), rs.topic_label(13)), (None, None));
    assert_eq!((rs.durations.allowed.as_slice(), rs.durations.open_ended_from), (&[14, 21, 30, 60][..], Some(90)));
    assert_eq!((rs.program_year.start, rs.program_year.end), (d("2020-01-01"), d("2020-12-31")));
    // 二(二), 二(三), 二(五), 二(八).
    assert_eq!(rs.priority_items.len(), 6);
    assert_eq!((rs.min_hosts, rs.max_cities), (1, 2));
    assert_eq!(rs.summary_due_working_days, 15);
    assert_eq!(rs.submission_deadline, d("2020-01-31"));
    assert_eq!((rs.submit_to.phone.as_str(), rs.submit_to.email.as_str()), ("010-68597408", "jypxc@cashq.ac.cn"));
    assert!(!rs.developed_countries.source.is_empty() && rs.developed_countries.countries.len() == 35);
}

#[test]
fn priority_items_are_the_application_s_flags() {
    let keys: Vec<_> = RuleSet::embedded().priority_items.iter().map(|p| p.key.as_str()).collect();
    let flags: Vec<_> = crate::model::Priority::default().flags().iter().map(|(k, _)| *k).collect();
    assert_eq!(keys, flags);
}

#[test]
fn host_limit_by_duration() {
    let rs = RuleSet::embedded();
    assert_eq!(rs.max_hosts(13), None);
    assert_eq!(rs.max_hosts(14), Some(2));
    assert_eq!(rs.max_hosts(21), Some(3));
    assert_eq!(rs.max_hosts(90), Some(3));
}

#[test]
fn reimbursement_period_spans_september_to_august() {
    assert_eq!(RuleSet::embedded().reimbursement_period(2020), Some((d("2019-09-01"), d("2020-08-31"))));
}

#[test]
fn unknown_fields_and_missing_categories_are_refused() {
    let mut v: serde_json::Value = serde_json::from_str(EMBEDDED_2020).unwrap();
    v["surprise"] = 1.into();
    assert!(RuleSet::from_json(&v.to_string()).is_err());
    let mut v: serde_json::Value = serde_json::from_str(EMBEDDED_2020).unwrap();
    v["categories"].as_object_mut().unwrap().remove("youth");
    assert!(RuleSet::from_json(&v.to_string()).unwrap_err().contains("youth"));
}

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339("2026-01-05T09:00:00+08:00").unwrap()
}

/// The embedded rule-set as a file, changed by `f` as a JSON value.
fn file_with(f: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(&to_file_text(RuleSet::embedded(), now())).unwrap();
    f(&mut v);
    v.to_string()
}

fn problems(text: &str) -> Vec<(String, String)> {
    parse_file(text).unwrap_err().into_iter().map(|p| (p.path, p.message)).collect()
}

#[test]
fn a_file_round_trips_and_the_bare_form_is_read_too() {
    let text = to_file_text(RuleSet::embedded(), now());
    assert!(text.starts_with("{\n  \"format\": \"peixun-rules\",\n  \"version\": 1,"));
    assert_eq!(parse_file(&text).as_ref(), Ok(RuleSet::embedded()));
    assert_eq!(parse_file(EMBEDDED_2020).as_ref(), Ok(RuleSet::embedded()));
    assert_eq!(file_name(RuleSet::embedded()), "cas-2020.peixun-rules.json");
}

#[test]
fn a_cut_off_file_says_where_it_ends() {
    let text = to_file_text(RuleSet::embedded(), now());
    let p = problems(&text[..text.len() / 2]);
    assert_eq!(p.len(), 1);
    assert!(p[0].1.starts_with("文件不完整（在第 "), "{p:?}");
    assert_eq!(problems("  "), [("".into(), "文件是空的，不是规则集文件".into())]);
}

#[test]
fn an_unknown_field_is_named_with_its_place() {
    let p = problems(&file_with(|v| v["rule_set"]["categories"]["youth"]["max_agee"] = 45.into()));
    assert_eq!(p.len(), 1);
    // serde names the object that holds the unknown field.
    assert_eq!(p[0].0, "categories.youth");
    assert!(p[0].1.contains("有未知字段 max_agee（可能是拼写错误）"), "{p:?}");
    let p = problems(&file_with(|v| v["surprise"] = 1.into()));
    assert!(p[0].1.contains("有未知字段 surprise"), "{p:?}");
}

#[test]
fn a_negative_age_is_refused_at_its_field() {
    let p = problems(&file_with(|v| v["rule_set"]["categories"]["lead"]["max_age"] = (-1).into()));
    assert_eq!(p[0].0, "categories.lead.max_age");
    assert!(p[0].1.contains("-1"), "{p:?}");
}

#[test]
fn every_problem_of_a_well_formed_file_is_listed() {
    let text = file_with(|v| {
        let rs = &mut v["rule_set"];
        rs["categories"]["youth"]["min_members"] = 5.into();
        rs["categories"]["youth"]["max_members"] = 3.into();
        rs["categories"]["keytech"]["max_age"] = 150.into();
        rs["calendar"] = serde_json::json!([{
            "year": 2026, "source": "国办发明电〔2025〕7号",
            "holidays": [
                { "from": "2026-02-15", "to": "2026-02-23", "name": "春节" },
                { "from": "2026-02-20", "to": "2026-02-21", "name": "测试" },
                { "from": "2026-05-05", "to": "2026-05-01", "name": "倒序" }
            ],
            "workdays": ["2026-02-16", "2026-02-18"]
        }]);
    });
    assert_eq!(
        problems(&text),
        [
            (
                "categories.youth.max_members".into(),
                "优秀青年人才培养：\
                 最多人数 3 少于最少人数 5"
                    .into()
            ),
            (
                "categories.keytech.max_age".into(),
                "关键技术专项培训：年龄上限 150 周岁不合理，应在 18–100 周岁之间".into()
            ),
            (
                "calendar[0].holidays[1]".into(),
                "测试（2026-02-20 至 2026-02-21）与春节（2026-02-15 至 2026-02-23）重叠".into()
            ),
            ("calendar[0].holidays[2]".into(), "倒序：结束日 2026-05-01 早于开始日 2026-05-05".into()),
            ("calendar[0].workdays[0]".into(), "调休上班日 2026-02-16 不是周六或周日".into()),
            ("calendar[0].workdays[1]".into(), "调休上班日 2026-02-18 不是周六或周日".into()),
        ]
    );
}

#[test]
fn min_members_boundary() {
    for (min, max, ok) in [(3, 3, true), (3, 5, true), (4, 3, false), (0, 3, false)] {
        let mut rs = RuleSet::embedded().clone();
        let youth = rs.categories.get_mut(&Category::Youth).unwrap();
        (youth.min_members, youth.max_members) = (min, max);
        assert_eq!(validate(&rs).is_empty(), ok, "{min}–{max}");
    }
}

#[test]
fn another_format_or_version_is_refused() {
    let p = problems(&file_with(|v| v["version"] = 2.into()));
    assert_eq!(
        p[0].1,
        "规则集文件的版本为 2，本工具只能读取版本 1，\
         请用新版本的本工具打开"
    );
    let p = problems(&file_with(|v| v["format"] = "peixun-bundle".into()));
    assert_eq!(p[0].1, "这不是规则集文件：format 为文本 \"peixun-bundle\"，应为 \"peixun-rules\"");
    assert!(problems("[1]")[0].1.starts_with("这不是规则集文件"));
}

#[test]
fn a_make_up_day_inside_a_holiday_and_a_year_twice() {
    let mut rs = RuleSet::embedded().clone();
    let year = crate::calendar::built_in().iter().find(|y| y.year == 2026).unwrap().clone();
    rs.calendar = vec![year.clone(), year];
    rs.calendar[0].workdays.push(d("2026-02-21"));
    let p: Vec<String> = validate(&rs).into_iter().map(|p| format!("{}: {}", p.path, p.message)).collect();
    assert!(p.iter().any(|m| m.starts_with("calendar[0].workdays[") && m.contains("2026-02-21 落在春节")), "{p:?}");
    assert!(p.iter().any(|m| m == "calendar[1].year: 2026 年的节假日安排出现了两次"), "{p:?}");
}

#[test]
fn the_embedded_rule_set_passes_every_check() {
    assert_eq!(validate(RuleSet::embedded()), []);
    assert_eq!(parse_file(EMBEDDED_2020).as_ref(), Ok(RuleSet::embedded()));
}

#[test]
fn the_built_in_calendars_are_valid() {
    let mut rs = RuleSet::embedded().clone();
    rs.calendar = crate::calendar::built_in().to_vec();
    assert_eq!(validate(&rs), []);
    assert_eq!(
        crate::calendar::built_in().iter().map(|y| y.year).collect::<Vec<_>>(),
        (2020..=2026).collect::<Vec<_>>()
    );
}

#[test]
fn the_round_is_named_from_its_window() {
    assert_eq!(RuleSet::embedded().round_label(), "2020 年度");
    assert_eq!(RuleSet::embedded().example_date(), d("2020-07-01"));
    let mut rs = RuleSet::embedded().clone();
    rs.program_year.end = d("2027-06-30");
    assert_eq!(rs.round_label(), "2020–2027 年度");
}

#[test]
fn the_current_reimbursement_year_follows_the_settlement() {
    let rs = RuleSet::embedded();
    for (today, year) in [("2020-01-01", 2020), ("2020-09-10", 2020), ("2020-09-30", 2020), ("2020-10-01", 2021)] {
        assert_eq!(rs.current_reimbursement_year(d(today)), year, "{today}");
    }
    assert_eq!(rs.current_reimbursement_period(d("2020-11-20")), Some((d("2020-09-01"), d("2021-08-31"))));
    assert_eq!(rs.settlement_window(d("2020-08-31")), Some((d("2020-09-01"), d("2020-09-30"))));
}

#[test]
fn a_round_is_over_the_day_after_its_deadline() {
    let rs = RuleSet::embedded();
    assert_eq!(rs.round_over_note(d("2020-01-31")), None);
    let note = rs.round_over_note(d("2020-02-01")).unwrap();
    assert!(
        note.starts_with(
            "「中国科学院 \
             2020 年度因公出国（境）培训项目」的申报截止日期 2020-01-31 已过。"
        ),
        "{note}"
    );
}

#[test]
fn pages_cite_the_clauses_of_the_rule_set_in_use() {
    let embedded = RuleSet::embedded();
    assert_eq!(embedded.cite("sharing"), "通知二(七)");
    assert_eq!(embedded.cite_after("priority"), "（通知二(二)）");
    // Another notice's numbering is the rule-set's; a topic it leaves out is the built-in one's.
    let mut other = embedded.clone();
    other.clauses.insert("sharing".into(), "第七条".into());
    other.clauses.remove("priority");
    assert_eq!(other.cite_after("sharing"), "（通知第七条）");
    assert_eq!(other.cite("priority"), "通知二(二)");
    // No clause at all (「—」, or a key nobody names): nothing is cited.
    assert_eq!(embedded.cite_after("duplicate-person"), "");
    assert_eq!(embedded.cite("no-such-topic"), "");
}
