//! What the page asks the export worker for: one JSON string in, .xlsx bytes out. Kept
//! here rather than in the worker binary so it is tested natively.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::model::Workspace;
use crate::reimbursement::{self, ReimbursementTable};
use crate::rule_set::RuleSet;
use crate::summary::SummaryTable;

/// `{"kind":"summary","workspace":{…},"unit":"…","date":"2020-01-10"}` (附件2) or
/// `{"kind":"reimbursement","workspace":{…},"period_year":2020,"date":"2020-09-08"}` (核销表);
/// `unit` defaults to the workspace's, `rule_set` to the embedded one.
#[derive(Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ExportRequest {
    Summary {
        workspace: Workspace,
        #[serde(default)]
        unit: Option<String>,
        date: NaiveDate,
        #[serde(default)]
        rule_set: Option<RuleSet>,
    },
    Reimbursement {
        workspace: Workspace,
        /// The year the period ends in: 2020 for 2019-09-01 – 2020-08-31.
        period_year: i32,
        date: NaiveDate,
        #[serde(default)]
        rule_set: Option<RuleSet>,
    },
}

/// Parses the request and builds the file; every error is a sentence for the user.
pub fn export(json: &str) -> Result<Vec<u8>, String> {
    let request: ExportRequest = serde_json::from_str(json).map_err(|e| format!("导出请求无法读取：{e}"))?;
    match request {
        ExportRequest::Summary { workspace, unit, date, rule_set } => {
            let rs = rule_set.as_ref().unwrap_or_else(|| RuleSet::embedded());
            let table = SummaryTable::build(&workspace, rs);
            let unit = unit.unwrap_or_else(|| workspace.unit.clone());
            super::summary_xlsx(&table, &unit, date)
        }
        ExportRequest::Reimbursement { workspace, period_year, date, rule_set } => {
            let rs = rule_set.as_ref().unwrap_or_else(|| RuleSet::embedded());
            let table = ReimbursementTable::build(&workspace, rs, period_year);
            super::write_report(&reimbursement::to_report(&table, date), date)
        }
    }
}
