//! Checking a bundle as its own workspace: what `peixun-check` does for each file.

use chrono::NaiveDate;

use super::format::{Bundle, Kind};
use crate::model::{Application, Workspace};
use crate::rule_set::RuleSet;
use crate::rules::{Cx, Finding, check_all};

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
    let ws = workspace_of(bundle);
    let mut cx = Cx::new(rule_set, &ws, today);
    cx.ranking_required = bundle.kind == Kind::Unit;
    let mut findings = check_all(&cx, &ws);
    if bundle.kind == Kind::Member {
        findings.retain(|f| f.path.starts_with("members["));
    }
    findings
}
