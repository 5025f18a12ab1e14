//! The rule registry, modelled on a linter: each rule lives in its own file with its ID,
//! severity, clause, message and valid/invalid tests, and appears once in [`RULES`].
//! Checking never fails: it returns findings, never a `Result`.

mod finding;
#[cfg(test)]
pub(crate) mod testing;

mod age_limit;
mod city_count;
mod dates_consistent;
mod deadline;
mod developed_country;
mod duplicate_person;
mod duration;
mod full_term;
mod group_size;
mod host_count;
mod leader_title;
mod leader_unit;
mod one_country;
mod one_leader;
mod plan_numbers;
mod ranking;
mod registered_staff;
mod reimbursement_period;
mod required;
mod same_period;
mod special_topics;
mod summary_due;
mod within_year;

pub use finding::{Finding, Severity};

use chrono::NaiveDate;

use crate::calendar::Calendar;
use crate::model::Application;
use crate::rule_set::RuleSet;
use crate::workspace::Workspace;

/// A rule's identity, docs and check, in one declaration.
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    /// One line in Chinese: what must hold.
    pub title: &'static str,
    /// The limit as the loaded rule-set sets it, for the rules page.
    pub limit: fn(&RuleSet) -> String,
    pub check: Check,
}

impl Rule {
    /// Where in the notice the rule comes from, e.g. 「一(一)–(三)」: the rule-set says.
    pub fn clause<'r>(&self, rule_set: &'r RuleSet) -> &'r str {
        rule_set.clause(self.id)
    }
}

pub enum Check {
    /// Looks at one application at a time.
    Application(fn(&Cx, &Application, &mut Report)),
    /// Looks across the workspace (duplicates, ranking, totals, dates of today).
    Workspace(fn(&Cx, &Workspace, &mut Report)),
}

/// What a check may know besides the data: the rule-set, today, the unit.
pub struct Cx<'a> {
    pub rule_set: &'a RuleSet,
    pub today: NaiveDate,
    pub calendar: Calendar,
    /// The unit whose workspace this is; empty for a researcher's own.
    pub unit: &'a str,
    /// Whether this is a unit's submission, where every application must be ranked.
    pub ranking_required: bool,
    /// Only this application's findings are wanted (the editor, on every keystroke): the
    /// workspace rules return no others and may skip work that cannot produce one.
    pub focus: Option<&'a str>,
}

impl<'a> Cx<'a> {
    pub fn new(rule_set: &'a RuleSet, ws: &'a Workspace, today: NaiveDate) -> Cx<'a> {
        Cx {
            rule_set,
            today,
            calendar: rule_set.calendar_for(&ws.closure_days),
            unit: ws.unit.trim(),
            ranking_required: false,
            focus: None,
        }
    }

    /// The day ages are counted on for this application (SPEC §3).
    pub fn age_reference(&self, app: &Application) -> NaiveDate {
        use crate::rule_set::AgeReference;
        match &self.rule_set.age_reference {
            AgeReference::ExitDate { fallback } => app.exit_date.unwrap_or(*fallback),
            AgeReference::Fixed { date } => *date,
        }
    }
}

/// Collects one rule's findings.
pub struct Report<'a> {
    rule: &'static Rule,
    /// The rule's clause in the rule-set in use.
    clause: &'a str,
    application: Option<&'a str>,
    out: &'a mut Vec<Finding>,
}

impl<'a> Report<'a> {
    /// `rule`'s findings under `cx`, on `application` (or on the workspace), into `out`.
    pub(crate) fn new(
        rule: &'static Rule,
        cx: &Cx<'a>,
        application: Option<&'a str>,
        out: &'a mut Vec<Finding>,
    ) -> Report<'a> {
        Report { rule, clause: rule.clause(cx.rule_set), application, out }
    }

    /// A finding on the application being checked (or on the workspace).
    pub fn push(&mut self, path: impl Into<String>, message: String) {
        let app = self.application.map(str::to_string);
        self.push_for(app, path, message);
    }

    /// A finding on a named application, from a workspace rule.
    pub fn push_for(&mut self, application: Option<String>, path: impl Into<String>, message: String) {
        self.out.push(Finding {
            rule: self.rule.id,
            severity: self.rule.severity,
            application,
            path: path.into(),
            message,
            clause: self.clause.to_string(),
        });
    }
}

// The editor's hints quote these rules' limits.
pub use city_count::CITY_COUNT;
pub use duration::DURATION;
pub use host_count::HOST_COUNT;

/// Every rule, in the order the rules page lists them (SPEC §3's table).
pub static RULES: &[&Rule] = &[
    &required::REQUIRED,
    &special_topics::SPECIAL_TOPIC,
    &group_size::GROUP_SIZE,
    &one_leader::ONE_LEADER,
    &registered_staff::REGISTERED_STAFF,
    &age_limit::AGE_LIMIT,
    &leader_title::LEADER_TITLE,
    &duration::DURATION,
    &dates_consistent::DATES_CONSISTENT,
    &within_year::WITHIN_YEAR,
    &host_count::HOST_COUNT,
    &city_count::CITY_COUNT,
    &one_country::ONE_COUNTRY,
    &same_period::SAME_PERIOD,
    &developed_country::DEVELOPED_COUNTRY,
    &leader_unit::LEADER_UNIT,
    &duplicate_person::DUPLICATE_PERSON,
    &ranking::RANKING,
    &deadline::DEADLINE,
    &plan_numbers::PLAN_NUMBERS,
    &summary_due::SUMMARY_DUE,
    &full_term::FULL_TERM,
    &reimbursement_period::REIMBURSEMENT_PERIOD,
];

pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}

/// Findings of the application-scoped rules for one application.
pub fn check_application(cx: &Cx, app: &Application) -> Vec<Finding> {
    let mut out = Vec::new();
    for r in RULES {
        if let Check::Application(f) = r.check {
            f(cx, app, &mut Report::new(r, cx, Some(&app.id), &mut out));
        }
    }
    out
}

/// Findings of the workspace-scoped rules.
pub fn check_workspace_rules(cx: &Cx, ws: &Workspace) -> Vec<Finding> {
    let mut out = Vec::new();
    for r in RULES {
        if let Check::Workspace(f) = r.check {
            f(cx, ws, &mut Report::new(r, cx, None, &mut out));
        }
    }
    if let Some(id) = cx.focus {
        out.retain(|f| f.application.as_deref() == Some(id));
    }
    out
}

/// Every finding for a workspace: each application, then the cross-cutting rules.
pub fn check_all(cx: &Cx, ws: &Workspace) -> Vec<Finding> {
    let mut out: Vec<Finding> = ws.applications.iter().flat_map(|a| check_application(cx, a)).collect();
    out.extend(check_workspace_rules(cx, ws));
    out
}

/// `members[2].birth_date`
pub fn member_path(index: usize, field: &str) -> String {
    format!("members[{index}].{field}")
}

/// The notice clause a message quotes: the application's category's (一(二)) when it has
/// one, else the rule's own.
fn clause_for<'a>(cx: &Cx<'a>, app: &Application, rule: &'static Rule) -> &'a str {
    match app.category {
        Some(c) => &cx.rule_set.category(c).clause,
        None => rule.clause(cx.rule_set),
    }
}

/// How a workspace rule names an application: 「项目名称」, or its id while untitled.
fn app_name(app: &Application) -> String {
    match app.title.trim() {
        "" => format!("「未命名申请 {}」", app.id),
        t => format!("「{t}」"),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn ids_are_unique_and_kebab_case() {
        let ids: BTreeSet<_> = RULES.iter().map(|r| r.id).collect();
        assert_eq!(ids.len(), RULES.len());
        for id in ids {
            assert!(id.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{id}");
        }
    }

    #[test]
    fn the_registry_is_spec_s_table_in_order() {
        use Severity::{Error as E, Info as I, Warning as W};
        // SPEC §3: ID, severity, clause.
        let spec = [
            ("required", E, "二(八)"),
            ("special-topic", E, "一(四)"),
            ("group-size", E, "一(一)–(三)"),
            ("one-leader", E, "一(一)–(三)"),
            ("registered-staff", E, "一(一)–(三)"),
            ("age-limit", E, "一(一)–(三)"),
            ("leader-title", E, "一(一)–(三)"),
            ("duration", E, "一(四) 培训时长"),
            ("dates-consistent", E, "一(四), day counting"),
            ("within-year", E, "一(四) 培训组织"),
            ("host-count", E, "二(三)"),
            ("city-count", E, "二(三)"),
            ("one-country", E, "一(一)–(三), 二(三)"),
            ("same-period", E, "一(一)–(三) 同期"),
            ("developed-country", W, "一(一)–(三)"),
            ("leader-unit", W, "二(八)"),
            ("duplicate-person", W, "—"),
            ("ranking", E, "二(一)"),
            ("deadline", W, "二(八)"),
            ("plan-numbers", I, "一"),
            ("summary-due", W, "二(五)"),
            ("full-term", W, "二(五) 按期、全时执行"),
            ("reimbursement-period", W, "二(六)"),
        ];
        let rs = RuleSet::embedded();
        let registry: Vec<_> = RULES.iter().map(|r| (r.id, r.severity, r.clause(rs))).collect();
        assert_eq!(registry, spec);
    }

    #[test]
    fn the_embedded_rule_set_names_the_clause_of_every_rule_and_no_other() {
        let named: BTreeSet<&str> = RuleSet::embedded().clauses.keys().map(String::as_str).collect();
        let rules: BTreeSet<&str> = RULES.iter().map(|r| r.id).collect();
        // The result-file checks of `bundle::check_results` cite theirs too.
        let results = ["result-amount", "result-category", "result-duplicate", "result-no-unit", "result-other-unit"];
        let pages = crate::rule_set::PAGE_TOPICS.iter().copied();
        assert_eq!(named, rules.into_iter().chain(results).chain(pages).collect());
    }

    #[test]
    fn a_notice_numbered_otherwise_is_cited_as_its_rule_set_says() {
        use crate::rules::testing::*;
        let mut rs = embedded();
        rs.clauses.insert("required".into(), "第三条第二款".into());
        rs.clauses.insert("host-count".into(), "第五条".into());
        let mut a = youth().lasting(14).hosts_in(&["Berlin", "Berlin", "Berlin"]);
        a.title = String::new();
        let found = run_with(&required::REQUIRED, &rs, &a);
        assert_eq!(
            (found[0].clause.as_str(), found[0].message.as_str()),
            ("第三条第二款", "未填写项目名称（通知第三条第二款）")
        );
        let found = run_with(&host_count::HOST_COUNT, &rs, &a);
        assert!(found[0].message.ends_with("（通知第五条）"), "{}", found[0].message);
        // The built-in numbering otherwise.
        let found = run_with(&required::REQUIRED, &embedded(), &a);
        assert_eq!(found[0].clause, "二(八)");
    }

    #[test]
    fn every_rule_describes_its_limit() {
        for r in RULES {
            assert!(!(r.limit)(RuleSet::embedded()).is_empty(), "{}", r.id);
            assert!(!r.title.is_empty() && !r.clause(RuleSet::embedded()).is_empty(), "{}", r.id);
        }
    }
}
