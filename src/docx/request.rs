//! What the page asks the export worker for when it wants a Word file: one JSON string in,
//! .docx bytes out, beside the XLSX requests (`xlsx::ExportRequest`), which this module
//! leaves alone: the worker asks [`is_docx`] which of the two a request is.

use chrono::NaiveDate;
use serde::Deserialize;

use super::form::{FORM_TITLE, OPINION_TITLE, application_form, ranking_opinion};
use super::package::write_docx;
use crate::workspace::Workspace;

/// `{"kind":"application_forms","workspace":{…},"date":"2020-01-10","ids":["a","b"]}`
/// (附件1 of those applications, in that order; of every application in the unit's order
/// when `ids` is empty) or `{"kind":"ranking_opinion","workspace":{…},"date":"…"}`. The
/// labels come from the workspace's rule-set, as in the editor.
#[derive(Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum DocxRequest {
    ApplicationForms {
        workspace: Workspace,
        date: NaiveDate,
        #[serde(default)]
        ids: Vec<String>,
    },
    RankingOpinion {
        workspace: Workspace,
        date: NaiveDate,
    },
}

const KINDS: [&str; 2] = ["application_forms", "ranking_opinion"];

/// Whether `json` asks for a Word file (its `kind` is one of [`DocxRequest`]'s).
pub fn is_docx(json: &str) -> bool {
    #[derive(Deserialize)]
    struct Kind {
        #[serde(default)]
        kind: String,
    }
    serde_json::from_str::<Kind>(json).is_ok_and(|k| KINDS.contains(&k.kind.as_str()))
}

/// Parses the request and builds the file; every error is a sentence for the user.
pub fn export(json: &str) -> Result<Vec<u8>, String> {
    let request: DocxRequest = serde_json::from_str(json).map_err(|e| format!("导出请求无法读取：{e}"))?;
    match request {
        DocxRequest::ApplicationForms { workspace, date, ids } => {
            let rs = workspace.rule_set();
            let ids = if ids.is_empty() { workspace.ranked_ids() } else { ids };
            let forms: Vec<_> =
                ids.iter().filter_map(|id| workspace.get(id)).map(|a| application_form(a, rs)).collect();
            if forms.is_empty() {
                return Err("没有找到要导出的申请。".into());
            }
            write_docx(&forms, FORM_TITLE, date)
        }
        DocxRequest::RankingOpinion { workspace, date } => {
            let rs = workspace.rule_set();
            write_docx(&[ranking_opinion(&workspace, rs, date)], OPINION_TITLE, date)
        }
    }
}
