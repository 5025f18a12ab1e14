//! How conflicting values are named and shown to people.

use serde::Deserialize;
use serde_json::Value;

use crate::model::{Category, Gender, TitleLevel};
use crate::rule_set::RuleSet;

pub(super) fn member_name(v: &Value) -> String {
    match v.get("name").and_then(Value::as_str).map(str::trim) {
        Some(n) if !n.is_empty() => n.to_string(),
        _ => "（未填姓名）".into(),
    }
}

pub(super) fn label(key: &str) -> &str {
    match key {
        "title" => "项目名称",
        "category" => "项目类别",
        "special_topics" => "重点领域专项",
        "priority" => "优先条件",
        "country" => "国别",
        "hosts" => "境外培训机构",
        "duration_days" => "培训天数",
        "exit_date" => "出境日期",
        "return_date" => "入境日期",
        "rationale" => "项目理由",
        "content" => "培训内容与日程安排",
        "objectives" => "预期目标与成果",
        "sharing_plan" => "回国后成果分享计划",
        "lead_unit" => "团组带头人所在单位",
        "contact" => "联系人",
        "execution" => "执行情况",
        other => other,
    }
}

pub(super) fn member_label(key: &str) -> &str {
    match key {
        "name" => "姓名",
        "gender" => "性别",
        "birth_date" => "出生日期",
        "unit" => "工作单位",
        "registered_staff" => "在册职工",
        "title" => "职称",
        "title_level" => "职称级别",
        "position" => "职务",
        "discipline" => "专业/研究方向",
        "foreign_language" => "外语语种及水平",
        "is_leader" => "团组带头人",
        "phone" => "电话",
        "email" => "电子邮箱",
        "exit_date" => "预计出境日期",
        "return_date" => "预计入境日期",
        "country" => "国别",
        other => other,
    }
}

/// A value as people read it.
pub(super) fn display(key: &str, v: Option<&Value>) -> String {
    let Some(v) = v else {
        return "（空）".into();
    };
    match (key, v) {
        (_, Value::String(s)) if s.is_empty() => "（空）".into(),
        ("category" | "gender" | "title_level", Value::String(s)) => enum_label(s),
        (_, Value::String(s)) => s.clone(),
        (_, Value::Bool(b)) => if *b { "是" } else { "否" }.into(),
        (_, Value::Number(n)) => n.to_string(),
        ("hosts", Value::Array(hs)) => hs.iter().map(host_text).collect::<Vec<_>>().join("；"),
        ("member", v) => {
            let born = v.get("birth_date").and_then(Value::as_str).unwrap_or("出生日期未填");
            format!("{}（{born}）", member_name(v))
        }
        (_, Value::Array(xs)) => xs.iter().map(|x| display("", Some(x))).collect::<Vec<_>>().join("、"),
        (_, Value::Object(o)) => {
            let parts: Vec<String> = o
                .iter()
                .filter(|(_, v)| !matches!(v, Value::Null | Value::Bool(false)) && v.as_str() != Some(""))
                .filter(|(_, v)| v.as_array().is_none_or(|a| !a.is_empty()))
                .map(|(k, v)| format!("{k}: {}", display(k, Some(v))))
                .collect();
            if parts.is_empty() { "（空）".into() } else { parts.join("，") }
        }
        (_, Value::Null) => "（空）".into(),
    }
}

fn host_text(h: &Value) -> String {
    let s = |k: &str| h.get(k).and_then(Value::as_str).unwrap_or("").trim().to_string();
    let name = [s("name_zh"), s("name_en")].into_iter().filter(|x| !x.is_empty()).collect::<Vec<_>>().join(" ");
    let city = s("city");
    match (name.is_empty(), city.is_empty()) {
        (true, true) => "（未填机构）".into(),
        (_, true) => name,
        (true, _) => format!("（未填机构），{city}"),
        _ => format!("{name}，{city}"),
    }
}

/// An enum value's Chinese label, from the model and the embedded rule-set; an unknown
/// value as it is.
fn enum_label(s: &str) -> String {
    let v = Value::String(s.to_string());
    if let Ok(c) = Category::deserialize(&v) {
        return RuleSet::embedded().category(c).label.clone();
    }
    if let Ok(l) = TitleLevel::deserialize(&v) {
        return l.label().into();
    }
    if let Ok(g) = Gender::deserialize(&v) {
        return g.label().into();
    }
    s.into()
}
