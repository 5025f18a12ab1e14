use super::*;

fn err(text: &str) -> BundleError {
    parse(text).expect_err("should not parse")
}

const GOOD: &str = r#"{
  "format": "peixun-bundle",
  "version": 1,
  "kind": "application",
  "exported_at": "2020-01-05T10:30:00+08:00",
  "rule_set": "cas-2020",
  "unit": "中国科学院物理研究所",
  "applications": [
    {
      "id": "a1",
      "title": "量子材料表征技术研修",
      "duration_days": 14,
      "members": [
        { "id": "m1", "name": "王晓明", "birth_date": "1985-04-12" },
        { "id": "m2", "name": "李娜", "birth_date": "1988-09-30" }
      ]
    }
  ]
}"#;

#[test]
fn a_good_bundle_parses() {
    let b = parse(GOOD).unwrap();
    assert_eq!(b.kind, Kind::Application);
    assert_eq!(b.applications[0].members[1].name, "李娜");
    assert!(parse(&format!("\u{feff}{GOOD}")).is_ok(), "a byte-order mark is fine");
}

#[test]
fn not_json_names_line_and_column() {
    let e = err("姓名,出生日期\n王晓明,1985-04-12\n");
    assert_eq!(e.kind, ErrorKind::NotJson);
    assert_eq!((e.line, e.column), (Some(1), Some(1)));
    assert!(e.message.starts_with("文件不是有效的 JSON：第 1 行第 1 列"), "{e}");
}

#[test]
fn truncated_says_where_it_ends() {
    let cut = &GOOD[..GOOD.find("\"李娜\"").unwrap()];
    let e = err(cut);
    assert_eq!(e.kind, ErrorKind::Truncated);
    assert!(e.message.starts_with("文件不完整（在第 15 行第"), "{e}");
    assert_eq!(err("  \n").kind, ErrorKind::Truncated);
}

#[test]
fn another_programs_json_is_not_a_bundle() {
    let e = err(r#"{"name":"x"}"#);
    assert_eq!(e.kind, ErrorKind::NotABundle);
    assert!(e.message.contains("这不是 peixun 数据包") && e.message.contains("name"), "{e}");
    let e = err("[1, 2]");
    assert!(e.message.contains("数组"), "{e}");
}

#[test]
fn wrong_format_names_what_was_found() {
    let e = err(&GOOD.replace("\"peixun-bundle\"", "\"peixun-rules\""));
    assert_eq!(e.kind, ErrorKind::NotABundle);
    assert!(e.message.contains("\"peixun-rules\""), "{e}");
    assert_eq!((e.line, e.column), (Some(2), Some(13)));
}

#[test]
fn newer_version_asks_for_an_update() {
    let e = err(&GOOD.replace("\"version\": 1", "\"version\": 2"));
    assert_eq!(e.kind, ErrorKind::UnknownVersion(2));
    assert_eq!(e.message, "数据包版本 2 比本程序支持的版本 1 新，请更新本程序");
}

#[test]
fn version_as_text_is_a_type_error() {
    let e = err(&GOOD.replace("\"version\": 1", "\"version\": \"1\""));
    assert_eq!(e.kind, ErrorKind::WrongType);
    assert_eq!(e.path.as_deref(), Some("version"));
    assert!(e.message.contains("应为整数") && e.message.contains("文本 \"1\""), "{e}");
    assert_eq!(err(&GOOD.replace("\"version\": 1,", "")).kind, ErrorKind::MissingField);
}

#[test]
fn wrong_kind() {
    let e = err(&GOOD.replace("\"kind\": \"application\"", "\"kind\": \"group\""));
    assert_eq!(e.kind, ErrorKind::WrongKind);
    assert!(e.message.contains("\"group\""), "{e}");
}

#[test]
fn a_wrong_field_type_names_the_field_and_position() {
    let e = err(&GOOD.replace("\"duration_days\": 14", "\"duration_days\": \"十四\""));
    assert_eq!(e.kind, ErrorKind::WrongType);
    assert_eq!(e.path.as_deref(), Some("applications[0].duration_days"));
    assert_eq!(e.line, Some(12));
    assert!(
        e.message.contains(
            "字段 applications[0].duration_days：\
             应为非负整数，收到文本 \"十四\""
        ),
        "{e}"
    );
}

#[test]
fn an_impossible_date_names_the_member_field() {
    let e = err(&GOOD.replace("1988-09-30", "2020-13-45"));
    assert_eq!(e.kind, ErrorKind::InvalidValue);
    assert_eq!(e.path.as_deref(), Some("applications[0].members[1].birth_date"));
    assert!(e.message.contains("不是有效的日期") && e.message.contains("2020-13-45"), "{e}");
    assert!(e.message.starts_with("第 15 行"), "{e}");
}

#[test]
fn an_unknown_category_lists_the_choices() {
    let e = err(&GOOD.replace("\"duration_days\": 14", "\"category\": \"science\""));
    assert!(e.message.contains("lead、youth、keytech 之一"), "{e}");
}

#[test]
fn columns_count_characters_not_bytes() {
    let e = err("{\"format\": \"peixun-bundle\", \"unit\": \"物理所\" oops}");
    assert_eq!(e.kind, ErrorKind::NotJson);
    assert_eq!(e.column, Some(43));
}

#[test]
fn the_one_pass_read_is_only_a_shortcut() {
    // Files the one-pass read accepts are read the same by the diagnosis; every other file
    // (not ours, another version, trailing text, a wrong type) falls through to it.
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut texts: Vec<String> = std::fs::read_dir(fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    texts.push(GOOD.into());
    let fall_through = [
        GOOD.replace("\"peixun-bundle\"", "\"peixun-rules\""),
        GOOD.replace("\"version\": 1", "\"version\": 2"),
        GOOD.replace("\"version\": 1", "\"version\": 1.0"),
        format!("{GOOD} {{}}"),
        GOOD.replace("\"duration_days\": 14", "\"duration_days\": \"十四\""),
        GOOD.replace("\"format\": \"peixun-bundle\",", "\"format\": \"x\", \"format\": \"peixun-bundle\","),
    ];
    for t in &fall_through {
        assert!(read_current(t).is_none(), "{t}");
    }
    texts.extend(fall_through);
    let mut shortcuts = 0;
    for t in &texts {
        if let Some(b) = read_current(t) {
            shortcuts += 1;
            assert_eq!(diagnose(t), Ok(b));
        }
    }
    assert!(shortcuts >= 6, "the valid fixtures take the shortcut");
}

#[test]
fn a_topic_outside_the_list_is_kept_and_reported() {
    let text = GOOD.replace(r#""duration_days": 14,"#, r#""duration_days": 14, "special_topics": [13],"#);
    let b = parse(&text).unwrap();
    assert_eq!(b.applications[0].special_topics, [13]);
    let today = chrono::NaiveDate::from_ymd_opt(2020, 1, 10).unwrap();
    let found = crate::bundle::check_bundle(&b, crate::rule_set::RuleSet::embedded(), today);
    assert!(found.iter().any(|f| f.rule == "special-topic" && f.path == "special_topics"), "{found:#?}");
}

/// A unit bundle of `GOOD`'s kind with one application per id, ranked in that order.
fn unit_with_ids(kind: &str, ids: &[&str]) -> String {
    let apps: Vec<String> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| format!(r#"{{ "id": {}, "title": "项目{}" }}"#, serde_json::Value::from(*id), i + 1))
        .collect();
    let ranking: Vec<String> = ids.iter().map(|id| serde_json::Value::from(*id).to_string()).collect();
    format!(
        r#"{{ "format": "peixun-bundle", "version": 1, "kind": "{kind}", "unit": "物理所",
  "applications": [{}], "ranking": [{}] }}"#,
        apps.join(", "),
        ranking.join(", ")
    )
}

#[test]
fn a_unit_bundle_with_two_applications_under_one_id_is_refused_at_the_second() {
    let e = err(&unit_with_ids("unit", &["a", "b", "c", "d", "b"]));
    assert_eq!((e.kind.clone(), e.path.as_deref()), (ErrorKind::InvalidValue, Some("applications[4].id")), "{e}");
    assert!(
        e.message.contains(
            "第 5 份申请《项目5》的编号 id\
             「b」与第 2 份申请《项目2》相同"
        ),
        "{e}"
    );
    assert!(e.message.contains("一个名次会对应两个团组"), "{e}");
    // An id the import would replace is still one id: a rank could name both.
    let e = err(&unit_with_ids("unit", &["a/b", "a/b"]));
    assert_eq!(e.path.as_deref(), Some("applications[1].id"), "{e}");
    // Ids that differ only in case or spacing are different ids.
    assert!(parse(&unit_with_ids("unit", &["a", "b", "c", "d", "B", " b"])).is_ok());
}

#[test]
fn id_less_applications_and_other_kinds_are_not_repeats() {
    // Empty ids are no ids: each gets its own on import, the ranking cannot name them.
    let text = unit_with_ids("unit", &["", "a", ""]);
    let b = parse(&text).unwrap();
    assert_eq!(b.applications.len(), 3);
    let batch = crate::bundle::prepare(&crate::workspace::Workspace::default(), vec![("u.json".into(), Ok(text))]);
    assert!(batch.files[0].outcome.is_ok(), "{:?}", batch.files[0]);
    let ids: Vec<&str> = batch.plan.as_ref().unwrap().items.iter().map(|i| i.incoming.id.as_str()).collect();
    assert_eq!(batch.renamed.len(), 2);
    assert!(ids[0] != ids[2] && ids[0].len() == 36 && ids[1] == "a", "{ids:?}");
    // Only a unit bundle ranks: an application bundle keeps its first copy (the import says so).
    assert!(parse(&unit_with_ids("application", &["a", "a"])).is_ok());
}
