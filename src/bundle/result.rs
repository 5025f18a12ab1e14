//! Result bundles (`kind: "result"`): the bureau's outcome per application, back to the
//! units. Written per unit (each unit gets only its own applications) or for all; on
//! reading, what the types cannot say is checked here (every entry names an application
//! and a decision, no amount is negative), each with its field path.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::error::{BundleError, ErrorKind};
use super::export::{file_name, to_text};
use super::format::{Bundle, Kind};
use crate::model::unit_name::same_unit;
use crate::model::{Decision, Money, Selection};
use crate::rule_set::RuleSet;

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
        let msg = "遴选结果文件中没有任何申请的结果（results 为空），可能导出时没有选中任何单位或申请".to_string();
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

#[cfg(test)]
#[path = "result_tests.rs"]
mod tests;
