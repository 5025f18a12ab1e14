//! The rule-set form's text, read and refused.

use super::*;
use crate::rules::testing::d;

fn messages<T: std::fmt::Debug>(r: Read<T>) -> Vec<String> {
    r.expect_err("problems").into_iter().map(|p| format!("{} {}", p.path, p.message)).collect()
}

#[test]
fn single_values_read_and_refuse() {
    assert_eq!(u32::from_text("min_hosts", " 3 "), Ok(3));
    assert_eq!(messages(u32::from_text("min_hosts", "3.5")), ["min_hosts “3.5” 不是整数"]);
    assert_eq!(messages(u32::from_text("min_hosts", "-1")), ["min_hosts “-1” 不是整数"]);
    assert_eq!(messages(u32::from_text("min_hosts", "")), ["min_hosts 请填写一个整数"]);
    assert_eq!(NaiveDate::from_text("submission_deadline", "2026-03-31"), Ok(d("2026-03-31")));
    assert_eq!(
        messages(NaiveDate::from_text("submission_deadline", "2026-13-01")),
        ["submission_deadline “2026-13-01” 不是有效的日期（请按 YYYY-MM-DD 填写，\
          也可写作 YYYY/M/D、YYYY年M月D日 或 YYYYMMDD）"]
    );
    // Read as every date people type is (`model::date_text`).
    assert_eq!(NaiveDate::from_text("x", "2026-3-31"), Ok(d("2026-03-31")));
    assert_eq!(NaiveDate::from_text("x", "2026年3月31日"), Ok(d("2026-03-31")));
    assert_eq!(i32::from_text("calendar[0].year", "2027"), Ok(2027));
    assert!(i32::from_text("calendar[0].year", "27").is_err());
    assert_eq!(MonthDay::from_text("p", "9-1"), Ok(MonthDay { month: 9, day: 1 }));
    assert_eq!(MonthDay::from_text("p", "2月29日"), Ok(MonthDay { month: 2, day: 29 }));
    assert_eq!(
        messages(MonthDay::from_text("p", "2-30")),
        ["p “2-30” 不是有效的月日（应为 9-1 的格式，即 9 月 1 日）"]
    );
}

#[test]
fn durations_are_a_list_of_numbers() {
    assert_eq!(parse_numbers("durations.allowed", "14, 21，30、60"), Ok(vec![14, 21, 30, 60]));
    assert_eq!(parse_numbers("durations.allowed", ""), Ok(vec![]));
    let found = messages(parse_numbers("durations.allowed", "14, x, 30"));
    assert_eq!(found, ["durations.allowed 第 2 项：“x” 不是整数"]);
}

#[test]
fn holidays_one_a_line_with_every_bad_line_named() {
    let text = "2026-01-01 2026-01-03 元旦\n\n2026-04-05 清明节\n";
    assert_eq!(
        parse_lines_holidays("calendar[0].holidays", text),
        Ok(vec![
            Holiday { from: d("2026-01-01"), to: d("2026-01-03"), name: "元旦".into() },
            Holiday { from: d("2026-04-05"), to: d("2026-04-05"), name: "清明节".into() },
        ])
    );
    let bad = "2026-01-01 2026-01-03 元旦\n2026-13-01 2026-13-02 春节\n2026-05-01 2026-05-05";
    assert_eq!(
        messages(parse_lines_holidays("calendar[0].holidays", bad)),
        [
            "calendar[0].holidays 第 2 行：“2026-13-01” 不是有效的日期（请按 YYYY-MM-DD 填写，\
             也可写作 YYYY/M/D、YYYY年M月D日 或 YYYYMMDD）",
            "calendar[0].holidays 第 3 行：\
             “2026-05-01 2026-05-05” 缺少节日名称（如 2026-01-01 2026-01-03 元旦）",
        ]
    );
}

#[test]
fn dates_host_limits_priorities_and_countries() {
    assert_eq!(parse_lines_dates("w", "2026-01-04\n 2026-02-14 "), Ok(vec![d("2026-01-04"), d("2026-02-14")]));
    assert_eq!(messages(parse_lines_dates("w", "2026-01-04\n1月4日")).len(), 1);
    assert_eq!(
        parse_lines_host_limits("host_limits", "14 2\n21 3"),
        Ok(vec![HostLimit { from_days: 14, max_hosts: 2 }, HostLimit { from_days: 21, max_hosts: 3 }])
    );
    assert_eq!(
        messages(parse_lines_host_limits("host_limits", "14\n21 x")),
        [
            "host_limits 第 1 行：“14” 应为两个整数：自多少天起、最多几家（如 14 2）",
            "host_limits 第 2 行：“x” 不是整数",
        ]
    );
    assert_eq!(
        parse_lines_priority_items("priority_items", "three_majors “三重大”产出导向"),
        Ok(vec![PriorityItem { key: "three_majors".into(), label: "“三重大”产出导向".into() }])
    );
    assert_eq!(messages(parse_lines_priority_items("priority_items", "three_majors")).len(), 1);
    let countries = parse_lines_countries("developed_countries.countries", "us 美利坚\nDE").unwrap();
    assert_eq!(
        countries.iter().map(|c| (c.code.as_str(), c.name.as_str())).collect::<Vec<_>>(),
        [("US", "美利坚"), ("DE", "德国")]
    );
    assert_eq!(
        messages(parse_lines_countries("developed_countries.countries", "USA 美国")),
        ["developed_countries.countries 第 1 行：\
          “USA” 不是两个字母的国家代码（ISO 3166-1，如 US）"]
    );
}

#[test]
fn every_value_of_the_embedded_rule_set_reads_back_from_its_text() {
    fn round<T: FieldText + PartialEq + std::fmt::Debug>(v: &T) {
        assert_eq!(T::from_text("p", &v.to_text()).as_ref(), Ok(v));
    }
    let rs = RuleSet::embedded();
    round(&rs.durations.allowed);
    round(&rs.key_fields.topics);
    round(&rs.priority_items);
    round(&rs.host_limits);
    round(&rs.developed_countries.countries);
    round(&rs.reimbursement.period_start);
    round(&rs.submission_deadline);
    for y in crate::calendar::built_in() {
        round(&y.holidays);
        round(&y.workdays);
    }
}

#[test]
fn a_problem_shows_at_its_field_and_the_items_of_it() {
    assert!(belongs_to("calendar[0].holidays[2]", "calendar[0].holidays"));
    assert!(belongs_to("categories.youth.max_members", "categories.youth.max_members"));
    assert!(!belongs_to("calendar[1].holidays[2]", "calendar[0].holidays"));
    assert!(!belongs_to("categories.youth.max_members", "categories.youth.max"));
}

#[test]
fn ids_are_unique_and_never_the_embedded_one() {
    let mut rs = RuleSet::embedded().clone();
    assert_eq!(
        id_problems(&rs, None, &[])[0].message,
        "编号 cas-2020 是内置规则集的编号，请换一个（如 cas-2020-copy）"
    );
    rs.id = "cas-2026".into();
    assert!(id_problems(&rs, None, &["cas-2021"]).is_empty());
    assert!(id_problems(&rs, Some("cas-2026"), &["cas-2026"]).is_empty(), "the edited one keeps its id");
    assert_eq!(
        id_problems(&rs, Some("cas-2021"), &["cas-2026"])[0].message,
        "编号 cas-2026 已被另一个规则集使用，请换一个"
    );
}

#[test]
fn a_copy_gets_a_free_id_and_says_it_is_one() {
    let rs = RuleSet::embedded();
    let copy = copy_of(rs, &["cas-2020-copy"]);
    assert_eq!(
        (copy.id.as_str(), copy.name.as_str()),
        ("cas-2020-copy-2", "中国科学院 2020 年度因公出国（境）培训项目（副本）")
    );
    assert_eq!(copy.categories, rs.categories);
    assert!(super::super::validate(&copy).is_empty());
}

#[test]
fn a_new_calendar_year_follows_the_last_known() {
    let last = crate::calendar::built_in().iter().map(|y| y.year).max().unwrap();
    assert_eq!(next_calendar_year(RuleSet::embedded()).year, last + 1);
}
