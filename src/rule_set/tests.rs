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
    assert_eq!((rs.durations.allowed.as_slice(), rs.durations.open_ended_from), (&[14, 21, 30, 60][..], 90));
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

#[test]
fn the_current_reimbursement_year_follows_the_settlement() {
    let rs = RuleSet::embedded();
    for (today, year) in [("2020-01-01", 2020), ("2020-09-10", 2020), ("2020-09-30", 2020), ("2020-10-01", 2021)] {
        assert_eq!(rs.current_reimbursement_year(d(today)), year, "{today}");
    }
    assert_eq!(rs.current_reimbursement_period(d("2020-11-20")), Some((d("2020-09-01"), d("2021-08-31"))));
    assert_eq!(rs.settlement_window(d("2020-08-31")), Some((d("2020-09-01"), d("2020-09-30"))));
}
