//! What the page asks the export worker for: one JSON string in, .xlsx bytes out. Kept
//! here rather than in the worker binary so it is tested natively.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::bundle::{Bundle, ISSUER};
use crate::reimbursement::{self, ReimbursementTable};
use crate::rule_set::RuleSet;
use crate::selection;
use crate::summary::SummaryTable;
use crate::workspace::Workspace;

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
    /// The bureau's academy-wide list: every unit bundle's groups in the units' ranking
    /// order with the decisions in `workspace.selections`.
    Selection {
        workspace: Workspace,
        units: Vec<Bundle>,
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
        ExportRequest::Selection { workspace, units, date, rule_set } => {
            let rs = rule_set.as_ref().unwrap_or_else(|| RuleSet::embedded());
            let rows = selection::rows(&units, &workspace.selections);
            let tally = selection::tally(&rows, &units, rs);
            let issuer = if workspace.unit.trim().is_empty() { ISSUER } else { workspace.unit.trim() };
            super::write_report(&selection::to_report(&rows, &tally, rs, issuer, date), date)
        }
        ExportRequest::Reimbursement { workspace, period_year, date, rule_set } => {
            let rs = rule_set.as_ref().unwrap_or_else(|| RuleSet::embedded());
            let table = ReimbursementTable::build(&workspace, rs, period_year);
            super::write_report(&reimbursement::to_report(&table, date), date)
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

    use super::*;
    use crate::bundle::Kind;
    use crate::model::{Application, Decision, Money, Selection};

    #[test]
    fn the_academy_wide_list_has_every_units_groups_in_rank_order_with_decisions() {
        let app = |id: &str| Application { id: id.into(), title: format!("项目{id}"), ..Default::default() };
        let unit = |name: &str, ids: &[&str], ranking: &[&str]| Bundle {
            unit: name.into(),
            applications: ids.iter().map(|i| app(i)).collect(),
            ranking: ranking.iter().map(|s| s.to_string()).collect(),
            ..Bundle::new(Kind::Unit)
        };
        let units = vec![unit("物理所", &["a1", "a2"], &["a2", "a1"]), unit("化物所", &["b1"], &["b1"])];
        let sel = |u: &str, id: &str, d: Decision, fen: Option<i64>| Selection {
            id: id.into(),
            unit: u.into(),
            decision: Some(d),
            funding: fen.map(Money),
            ..Default::default()
        };
        let ws = Workspace {
            selections: vec![
                sel("物理所", "a1", Decision::Selected, Some(123_456)),
                sel("化物所", "b1", Decision::NotSelected, None),
            ],
            ..Default::default()
        };
        let json = serde_json::json!({ "kind": "selection", "workspace": ws, "units": units, "date": "2020-03-02" });
        let bytes = export(&json.to_string()).unwrap();
        let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let sheet = book.worksheet_range(selection::report::SHEET_NAME).unwrap();
        let at = |r: u32, c: u32| sheet.get_value((r, c)).map(|d| d.to_string()).unwrap_or_default();
        assert_eq!(at(1, 0), format!("遴选单位：{ISSUER}"));
        // Row 3 is the header; then the groups: 物理所 in its ranking order, then 化物所.
        let groups: Vec<(String, String, String)> = (4..7).map(|r| (at(r, 1), at(r, 3), at(r, 7))).collect();
        assert_eq!(
            groups,
            [
                ("物理所".into(), "项目a2".into(), "未定".into()),
                ("物理所".into(), "项目a1".into(), "入选".into()),
                ("化物所".into(), "项目b1".into(), "未入选".into())
            ]
        );
        assert_eq!(sheet.get_value((5, 10)), Some(&Data::Float(1234.56)));
        assert!(export(r#"{"kind":"selection","workspace":{},"date":"2020-03-02"}"#).unwrap_err().contains("units"));
    }
}
