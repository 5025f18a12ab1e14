//! Result bundles (`kind: "result"`): the bureau's outcome per application, back to the
//! units. Written per unit (each unit gets only its own applications) or for all; on
//! reading, what the types cannot say is checked here (every entry names an application
//! and a decision, no amount is negative), each with its field path. Rows of a
//! well-formed file that are not applied (another unit's, without a unit, repeated) are
//! read in `result_rows`, for `peixun-check` here and for the import in `result_plan`.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::export::{file_name, to_text};
use super::format::{Bundle, Kind};
use super::result_rows::read_rows;
use super::{BundleError, ErrorKind};
use crate::model::unit_name::same_unit;
use crate::model::{Decision, Money, Selection};
use crate::rule_set::RuleSet;
use crate::rules::{Finding, Severity};

/// Who writes result files when the bureau's workspace names no unit.
pub const ISSUER: &str = "中国科学院人事局";

/// The result file for `unit` (only its applications), or for every unit with `None`.
/// Entries without a decision are left out: nothing has been decided for them.
pub fn export_result(
    issuer: &str,
    date: NaiveDate,
    unit: Option<&str>,
    selections: &[Selection],
    rule_set: &RuleSet,
    exported_at: DateTime<FixedOffset>,
) -> String {
    let results = selections
        .iter()
        .filter(|s| s.decision.is_some() && unit.is_none_or(|u| same_unit(&s.unit, u)))
        .cloned()
        .collect();
    let issuer = if issuer.trim().is_empty() { ISSUER } else { issuer.trim() };
    let bundle = Bundle {
        exported_at: Some(exported_at),
        rule_set: rule_set.id.clone(),
        rules: (!rule_set.is_embedded()).then(|| rule_set.clone()),
        unit: unit.unwrap_or_default().trim().to_string(),
        issuer: issuer.to_string(),
        date: Some(date),
        results,
        ..Bundle::new(Kind::Result)
    };
    to_text(&bundle)
}

/// `遴选结果-物理所-20200302.peixun.json`, or `遴选结果-全部单位-…` for all.
pub fn result_file_name(unit: Option<&str>, date: NaiveDate) -> String {
    file_name(&format!("遴选结果-{}", unit.unwrap_or("全部单位")), date)
}

/// What a result bundle must hold beyond its types; other kinds pass.
pub(super) fn check(b: &Bundle) -> Result<(), BundleError> {
    if b.kind != Kind::Result {
        return Ok(());
    }
    if b.results.is_empty() {
        let msg = "遴选结果文件中没有任何申请的结果（results 为空），\
                   可能导出时没有选中任何单位或申请"
            .to_string();
        return Err(BundleError::at_path(ErrorKind::MissingField, "results", msg));
    }
    for (i, r) in b.results.iter().enumerate() {
        let at = |field: &str| format!("results[{i}].{field}");
        let who = format!("第 {} 条结果（{}）", i + 1, r.display());
        if r.id.trim().is_empty() {
            let msg = format!("{who}缺少申请编号 id，无法对应到申请");
            return Err(BundleError::at_path(ErrorKind::MissingField, &at("id"), msg));
        }
        let Some(decision) = r.decision else {
            let msg = format!("{who}缺少遴选结果 decision（应为 selected 入选或 not_selected 未入选）");
            return Err(BundleError::at_path(ErrorKind::MissingField, &at("decision"), msg));
        };
        if let Some(m) = r.funding.filter(|m| *m < Money(0)) {
            let msg = format!("{who}的资助金额为 {m}，金额不能为负数");
            return Err(BundleError::at_path(ErrorKind::InvalidValue, &at("funding"), msg));
        }
        if decision == Decision::NotSelected
            && (r.funding.is_some_and(|m| m > Money(0)) || r.approved_category.is_some())
        {
            let msg = format!("{who}未入选，却有批准类别或资助金额，前后矛盾");
            return Err(BundleError::at_path(ErrorKind::InvalidValue, &at("decision"), msg));
        }
    }
    Ok(())
}

/// A group's funding above this is reported as implausible (likely yuan written as fen
/// ×100): a sanity bound of the checker, not a number of any notice.
pub const IMPLAUSIBLE_FUNDING: Money = Money(1_000_000_000); // ¥10,000,000.00

/// What `peixun-check` says about a result file that parses: the entries the import would
/// not apply (another unit's in a file for one unit, one without a unit in a file for
/// every unit, the same application twice), selected groups without an approved category
/// or with no or an implausible amount.
pub fn check_results(b: &Bundle, rule_set: &RuleSet) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut finding = |severity, rule: &'static str, s: &Selection, path: String, message: String| {
        let clause = rule_set.clause(rule).to_string();
        out.push(Finding { rule, severity, application: Some(s.id.clone()), path, message, clause });
    };
    // In row order, like the rows' own findings.
    let mut problems = read_rows(b).problems.into_iter().peekable();
    for (i, s) in b.results.iter().enumerate() {
        while let Some(p) = problems.next_if(|p| p.index == i) {
            finding(Severity::Error, p.kind.rule(), s, p.path, p.message);
        }
        let at = |field: &str| format!("results[{i}].{field}");
        if s.decision != Some(Decision::Selected) {
            continue;
        }
        if s.approved_category.is_none() {
            let msg = format!("{}入选，尚未写明批准的资助类别", s.display());
            finding(Severity::Info, "result-category", s, at("approved_category"), msg);
        }
        match s.funding {
            Some(m) if m > IMPLAUSIBLE_FUNDING => {
                let msg = format!(
                    "{}的资助金额 {m} 超过 {IMPLAUSIBLE_FUNDING}，\
                     请核对（金额以分为单位）",
                    s.display()
                );
                finding(Severity::Warning, "result-amount", s, at("funding"), msg);
            }
            Some(Money(0)) => {
                let msg = format!("{}入选，资助金额为 0", s.display());
                finding(Severity::Warning, "result-amount", s, at("funding"), msg);
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
#[path = "result_tests.rs"]
mod tests;
