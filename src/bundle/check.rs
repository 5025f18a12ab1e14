//! Checking a bundle as its own workspace: what `peixun-check` does for each file.

use chrono::NaiveDate;

use super::format::{Bundle, Kind};
use crate::model::Application;
use crate::rule_set::RuleSet;
use crate::rules::{Cx, Finding, check_all};
use crate::workspace::Workspace;

/// The id of the stand-in application a member card is checked in.
pub const MEMBER_CARD_ID: &str = "member-card";

/// The workspace a bundle stands for. A member card becomes one application without a
/// category holding the members, so that only per-person checks have anything to say.
pub fn workspace_of(bundle: &Bundle) -> Workspace {
    let applications = match bundle.kind {
        Kind::Member => vec![Application {
            id: MEMBER_CARD_ID.into(),
            title: "成员卡".into(),
            members: bundle.members.clone(),
            ..Default::default()
        }],
        _ => bundle.applications.clone(),
    };
    Workspace { unit: bundle.unit.clone(), applications, ranking: bundle.ranking.clone(), ..Default::default() }
}

/// Every finding for one bundle. A unit bundle must rank every application. For a member
/// card only findings on a member's fields (`members[…]`) are kept: the rest would be
/// about the stand-in application, which the partner does not fill.
pub fn check_bundle(bundle: &Bundle, rule_set: &RuleSet, today: NaiveDate) -> Vec<Finding> {
    if bundle.kind == Kind::Result {
        return super::result::check_results(bundle, rule_set);
    }
    let ws = workspace_of(bundle);
    let mut cx = Cx::new(rule_set, &ws, today);
    cx.ranking_required = bundle.kind == Kind::Unit;
    let mut findings = check_all(&cx, &ws);
    if bundle.kind == Kind::Member {
        findings.retain(|f| f.path.starts_with("members["));
    }
    findings
}

/// The checks that apply to one person on a partner's member card (成员信息卡): required
/// fields, age for the chosen category on the member's own exit date, title level, 在册职工.
/// The card is checked as the only member of a stand-in application of `category`.
pub fn check_member_card(
    rule_set: &RuleSet,
    member: &crate::model::Member,
    category: Option<crate::model::Category>,
    today: NaiveDate,
) -> Vec<Finding> {
    let app = Application {
        id: MEMBER_CARD_ID.into(),
        category,
        exit_date: member.exit_date,
        members: vec![member.clone()],
        ..Default::default()
    };
    let ws = Workspace { applications: vec![app], ..Default::default() };
    let cx = Cx::new(rule_set, &ws, today);
    let mut findings = crate::rules::check_application(&cx, &ws.applications[0]);
    findings.retain(|f| f.path.starts_with("members[0]."));
    findings
}

#[cfg(test)]
mod card_tests {
    use super::*;
    use crate::model::{Category, Member, TitleLevel};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn card(born: &str) -> Member {
        Member {
            id: "m".into(),
            name: "李娜".into(),
            birth_date: Some(d(born)),
            unit: "中国科学院大连化学物理研究所".into(),
            registered_staff: Some(true),
            title_level: Some(TitleLevel::Intermediate),
            exit_date: Some(d("2020-06-01")),
            ..Default::default()
        }
    }

    #[test]
    fn a_card_is_checked_for_age_on_its_own_exit_date_and_nothing_about_the_group() {
        let rs = RuleSet::embedded();
        let today = d("2020-01-10");
        assert!(check_member_card(rs, &card("1979-06-02"), Some(Category::Youth), today).is_empty());
        let f = check_member_card(rs, &card("1979-06-01"), Some(Category::Youth), today);
        assert_eq!(
            f.iter().map(|f| (f.rule, f.path.as_str())).collect::<Vec<_>>(),
            [("age-limit", "members[0].birth_date")]
        );
        // Without a category only the person's own fields are checked.
        let mut m = card("1960-01-01");
        m.registered_staff = Some(false);
        let f = check_member_card(rs, &m, None, today);
        assert_eq!(f.iter().map(|f| f.rule).collect::<Vec<_>>(), ["registered-staff"]);
    }
}
