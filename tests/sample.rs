//! The benchmark workspaces (`peixun::sample`, `examples/peixun-sample.rs`): they parse,
//! import, break no per-application rule, and look like real forms in size.

use chrono::NaiveDate;
use peixun::bundle::{Kind, Resolutions, apply, parse, plan_import};
use peixun::rule_set::RuleSet;
use peixun::rules::{Cx, Severity, check_all};
use peixun::sample::{unit_bundle, unit_bundle_of_size};
use peixun::workspace::Workspace;

fn chars(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

#[test]
fn a_unit_of_300_parses_imports_and_breaks_no_rule() {
    let rs = RuleSet::embedded();
    let text = unit_bundle(rs, 2020, 300);
    let bundle = parse(&text).expect("the generator writes a valid bundle");
    assert_eq!((bundle.kind, bundle.applications.len(), bundle.ranking.len()), (Kind::Unit, 300, 300));

    let ws = apply(&Workspace::default(), &plan_import(&Workspace::default(), &bundle), &Resolutions::new()).unwrap();
    assert_eq!(ws.applications.len(), 300);
    let mut cx = Cx::new(rs, &ws, NaiveDate::from_ymd_opt(2020, 1, 10).unwrap());
    cx.ranking_required = true;
    let errors: Vec<_> = check_all(&cx, &ws).into_iter().filter(|f| f.severity == Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:#?}");

    for a in &ws.applications {
        assert!((1..=6).contains(&a.members.len()), "{} members", a.members.len());
        // Realistic lengths: a few hundred characters, a schedule line per week.
        assert!((250..=900).contains(&chars(&a.rationale)), "rationale of {} chars", chars(&a.rationale));
        assert!(a.content.lines().count() >= 2 && chars(&a.content) >= 80, "{}", a.content);
        assert!((80..=500).contains(&chars(&a.objectives)), "objectives of {} chars", chars(&a.objectives));
        assert!(chars(&a.sharing_plan) >= 50);
    }
    let sizes: Vec<usize> = ws.applications.iter().map(|a| a.members.len()).collect();
    assert!(sizes.contains(&6) && sizes.iter().any(|n| *n <= 2), "group sizes vary up to 6: {sizes:?}");
}

#[test]
fn a_bundle_of_a_given_size_is_just_over_it() {
    let rs = RuleSet::embedded();
    let (text, n) = unit_bundle_of_size(rs, 5, 1_000_000);
    assert!((1_000_000..1_100_000).contains(&text.len()), "{} bytes", text.len());
    assert_eq!(parse(&text).unwrap().applications.len(), n);
}

#[test]
fn focused_workspace_rules_give_the_open_applications_findings() {
    let rs = RuleSet::embedded();
    let mut ws = peixun::sample::sample_workspace(rs, 9, 40);
    // The same person in three applications, and a leader from another unit.
    let twin = ws.applications[0].members[0].clone();
    ws.applications[5].members.push(twin.clone());
    ws.applications[7].members.push(twin);
    ws.applications[5].members[0].unit = "另一个研究所".into();
    let today = NaiveDate::from_ymd_opt(2020, 1, 10).unwrap();
    let all = peixun::rules::check_workspace_rules(&Cx::new(rs, &ws, today), &ws);
    for a in &ws.applications {
        let mut cx = Cx::new(rs, &ws, today);
        cx.focus = Some(&a.id);
        let want: Vec<_> = all.iter().filter(|f| f.application.as_deref() == Some(&a.id)).cloned().collect();
        assert_eq!(peixun::rules::check_workspace_rules(&cx, &ws), want, "{}", a.id);
    }
    assert!(all.iter().filter(|f| f.rule == "duplicate-person").count() >= 3);
}
