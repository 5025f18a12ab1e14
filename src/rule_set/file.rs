//! The rule-set file (`*.peixun-rules.json`): how offices exchange a round's numbers.
//! `{"format": "peixun-rules", "version": 1, "exported_at": …, "rule_set": {…}}`; a bare
//! rule-set object (the embedded one, older `--rule-set` files) is read too. Reading
//! gives every problem in Chinese and a rule-set only when it has none.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::RuleSet;
use super::validate::{Problem, validate};
use crate::json;
use crate::json::{describe_value, syntax_error, typed_error};

pub const FORMAT: &str = "peixun-rules";
pub const VERSION: u64 = 1;
pub const FILE_SUFFIX: &str = ".peixun-rules.json";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSetFile {
    format: String,
    version: u64,
    #[serde(default)]
    exported_at: Option<DateTime<FixedOffset>>,
    rule_set: RuleSet,
}

/// Reads a rule-set file: every problem, or the rule-set.
pub fn parse_file(text: &str) -> Result<RuleSet, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![Problem::new("", "文件是空的，不是规则集文件")]);
    }
    let value: Value = json::from_str(text).map_err(|e| one(syntax_error(text, e.inner()).message))?;
    let Some(obj) = value.as_object() else {
        return Err(one(format!(
            "这不是规则集文件：\
             文件内容是{}，应为 JSON 对象",
            describe_value(&value)
        )));
    };
    let rs = match obj.get("format") {
        // A bare rule-set object.
        None => json::from_str::<RuleSet>(text).map_err(|e| one_at(typed_error(Some(text), &value, e)))?,
        Some(Value::String(f)) if f == FORMAT => {
            match obj.get("version").and_then(Value::as_u64) {
                Some(VERSION) => {}
                Some(v) => {
                    return Err(vec![Problem::new(
                        "version",
                        format!(
                            "规则集文件的版本为 {v}，\
                             本工具只能读取版本 {VERSION}，请用新版本的本工具打开"
                        ),
                    )]);
                }
                None => {
                    return Err(vec![Problem::new(
                        "version",
                        format!("规则集文件缺少整数版本号 version（应为 {VERSION}）"),
                    )]);
                }
            }
            json::from_str::<RuleSetFile>(text).map_err(|e| one_at(typed_error(Some(text), &value, e)))?.rule_set
        }
        Some(other) => {
            let msg = format!("这不是规则集文件：format 为{}，应为 \"{FORMAT}\"", describe_value(other));
            return Err(vec![Problem::new("format", msg)]);
        }
    };
    let problems = validate(&rs);
    if problems.is_empty() { Ok(rs) } else { Err(problems) }
}

/// The file's text, pretty-printed, ending with a newline.
pub fn to_file_text(rs: &RuleSet, exported_at: DateTime<FixedOffset>) -> String {
    let file =
        RuleSetFile { format: FORMAT.into(), version: VERSION, exported_at: Some(exported_at), rule_set: rs.clone() };
    // Plain structs with string keys: serialising cannot fail.
    let mut s = serde_json::to_string_pretty(&file).unwrap_or_default();
    s.push('\n');
    s
}

/// `cas-2026.peixun-rules.json` (the id is lowercase letters, digits and dashes).
pub fn file_name(rs: &RuleSet) -> String {
    format!("{}{FILE_SUFFIX}", rs.id)
}

/// Every problem as one sentence each, for the command line.
pub fn problems_text(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| if p.path.is_empty() { p.message.clone() } else { format!("{}：{}", p.path, p.message) })
        .collect::<Vec<_>>()
        .join("\n")
}

fn one(message: String) -> Vec<Problem> {
    vec![Problem::new("", message)]
}

/// At the rule-set's own path (`categories.youth`, as the form and `validate` name it).
fn one_at(e: crate::json::ReadError) -> Vec<Problem> {
    let path = e.path.unwrap_or_default();
    let path = path.strip_prefix("rule_set.").or(path.strip_prefix("rule_set")).unwrap_or(&path);
    vec![Problem::new(path, e.message)]
}
