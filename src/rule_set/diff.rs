//! What differs between two rule-sets, field by field, for the import preview: the
//! office sees which numbers a file would change before it takes it.

use serde_json::{Map, Value};

use super::RuleSet;

/// One field whose value differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub path: String,
    /// The field in Chinese: 「优秀青年人才培养 · 年龄上限（周岁）」.
    pub label: String,
    /// The values as text; 「（无）」 where one side has none.
    pub ours: String,
    pub theirs: String,
}

/// Every field that differs, in the order of the rule-set's fields. Lists are compared
/// whole, except the holiday calendars, which are compared year by year.
pub fn differences(ours: &RuleSet, theirs: &RuleSet) -> Vec<Difference> {
    let (a, b) = (serde_json::to_value(ours).unwrap_or_default(), serde_json::to_value(theirs).unwrap_or_default());
    let mut out = Vec::new();
    walk(ours, "", &a, &b, &mut out);
    // serde_json's maps are sorted by key; people expect the file's order.
    out.sort_by_key(|d| FIELDS.iter().position(|f| d.path.split(['.', '[']).next() == Some(*f)));
    out
}

/// `RuleSet`'s fields in their order.
const FIELDS: [&str; 19] = [
    "id",
    "name",
    "notice",
    "program_year",
    "categories",
    "key_fields",
    "priority_items",
    "durations",
    "host_limits",
    "min_hosts",
    "max_cities",
    "age_reference",
    "submission_deadline",
    "summary_due_working_days",
    "reimbursement",
    "calendar",
    "developed_countries",
    "submit_to",
    "clauses",
];

fn walk(rs: &RuleSet, path: &str, a: &Value, b: &Value, out: &mut Vec<Difference>) {
    if a == b {
        return;
    }
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys: Vec<&String> = x.keys().chain(y.keys().filter(|k| !x.contains_key(*k))).collect();
            for k in keys {
                let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                walk(rs, &p, x.get(k).unwrap_or(&Value::Null), y.get(k).unwrap_or(&Value::Null), out);
            }
        }
        (Value::Array(x), Value::Array(y)) if path == "calendar" => {
            let year = |v: &Value| v.get("year").and_then(Value::as_i64);
            let mut years: Vec<i64> = x.iter().chain(y).filter_map(year).collect();
            years.sort_unstable();
            years.dedup();
            for yr in years {
                let find = |list: &[Value]| list.iter().find(|v| year(v) == Some(yr)).cloned().unwrap_or(Value::Null);
                let (p, q) = (find(x), find(y));
                if p != q {
                    let path = format!("calendar.{yr}");
                    out.push(Difference { label: label(rs, &path), ours: text(&p), theirs: text(&q), path });
                }
            }
        }
        _ => out.push(Difference { path: path.to_string(), label: label(rs, path), ours: text(a), theirs: text(b) }),
    }
}

/// A value as a person reads it: lists joined with 「、」, objects by their values.
fn text(v: &Value) -> String {
    match v {
        Value::Null => "（无）".into(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.is_empty() => "（无）".into(),
        Value::Array(items) => items.iter().map(text).collect::<Vec<_>>().join("、"),
        Value::Object(m) => object_text(m),
        other => other.to_string(),
    }
}

fn object_text(m: &Map<String, Value>) -> String {
    // A holiday: 「元旦 2026-01-01 至 2026-01-03」; a year: its holidays and make-up days.
    if let (Some(from), Some(to)) = (m.get("from"), m.get("to")) {
        let name = m.get("name").map(text).unwrap_or_default();
        return format!("{name} {} 至 {}", text(from), text(to)).trim().to_string();
    }
    if m.contains_key("year") {
        let days = m.get("holidays").map(text).unwrap_or_default();
        let work = m.get("workdays").map(text).unwrap_or_default();
        return format!("放假：{days}；调休上班：{work}");
    }
    m.values().map(text).collect::<Vec<_>>().join(" ")
}

/// The Chinese name of a rule-set field, for the preview and the form; categories are
/// named as `rs` names them.
pub fn label(rs: &RuleSet, path: &str) -> String {
    if let Some(year) = path.strip_prefix("calendar.") {
        return format!("节假日安排 · {year} 年");
    }
    if let Some(rule) = path.strip_prefix("clauses.") {
        return format!("规则 {rule} 引用的条款");
    }
    if path == "clauses" {
        return "各规则引用的条款".into();
    }
    if let Some(rest) = path.strip_prefix("categories.") {
        let (key, field) = rest.split_once('.').unwrap_or((rest, ""));
        let category = rs.categories.iter().find(|(c, _)| c.key() == key).map_or(key, |(_, r)| r.label.as_str());
        let field = match field {
            "label" => "名称",
            "clause" => "条款",
            "plan_persons" => "计划人数",
            "min_members" => "最少人数",
            "max_members" => "最多人数",
            "max_age" => "年龄上限（周岁）",
            "leader_levels" => "带头人可有的职称级别",
            "leader_requirement" => "带头人要求（通知原文）",
            other => other,
        };
        return format!("{category} · {field}");
    }
    let known = [
        ("id", "规则集编号"),
        ("name", "规则集名称"),
        ("notice.title", "通知标题"),
        ("notice.issuer", "发文单位"),
        ("notice.date", "通知日期"),
        ("program_year.start", "项目执行期 · 开始"),
        ("program_year.end", "项目执行期 · 结束"),
        ("program_year.clause", "项目执行期 · 条款"),
        ("key_fields.label", "重点领域专项 · 名称"),
        ("key_fields.clause", "重点领域专项 · 条款"),
        ("key_fields.plan_persons", "重点领域专项 · 计划人数"),
        ("key_fields.topics", "重点领域专项 · 专项列表"),
        ("priority_items", "优先条件"),
        ("durations.allowed", "允许的培训天数"),
        ("durations.open_ended_from", "不限天数的起点（天）"),
        ("durations.clause", "培训时长 · 条款"),
        ("host_limits", "境外培训机构数量限制"),
        ("min_hosts", "境外培训机构最少数量"),
        ("max_cities", "培训城市数量上限"),
        ("age_reference", "年龄计算参考日"),
        ("age_reference.kind", "年龄计算参考日 · 方式"),
        ("age_reference.fallback", "年龄计算参考日 · 未填出境日期时"),
        ("age_reference.date", "年龄计算参考日 · 固定日期"),
        ("submission_deadline", "申报截止日期"),
        ("summary_due_working_days", "培训总结提交期限（工作日）"),
        ("reimbursement.period_start", "核销期间 · 开始（月日）"),
        ("reimbursement.period_end", "核销期间 · 结束（月日）"),
        ("reimbursement.settlement_window", "核销办理时间"),
        ("reimbursement.settlement_window.from", "核销办理时间 · 开始"),
        ("reimbursement.settlement_window.to", "核销办理时间 · 结束"),
        ("developed_countries.source", "发达国家名单 · 依据"),
        ("developed_countries.countries", "发达国家名单"),
        ("submit_to.office", "报送 · 处室"),
        ("submit_to.contact", "报送 · 联系人"),
        ("submit_to.phone", "报送 · 电话"),
        ("submit_to.email", "报送 · 邮箱"),
        ("calendar", "节假日安排"),
    ];
    let base = path.split(['[', '.']).next().unwrap_or(path);
    known
        .iter()
        .find(|(p, _)| *p == path)
        .or_else(|| known.iter().find(|(p, _)| *p == base))
        .map_or_else(|| path.to_string(), |(_, l)| (*l).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Category;

    #[test]
    fn the_same_rule_set_has_no_differences() {
        assert!(differences(RuleSet::embedded(), RuleSet::embedded()).is_empty());
    }

    #[test]
    fn each_changed_number_is_one_labelled_row() {
        let mut theirs = RuleSet::embedded().clone();
        theirs.categories.get_mut(&Category::Youth).unwrap().max_age = 45;
        theirs.durations.allowed.push(45);
        theirs.calendar.push(crate::calendar::YearCalendar {
            year: 2027,
            source: "x".into(),
            holidays: vec![],
            workdays: vec![crate::rules::testing::d("2027-01-02")],
        });
        let rows = differences(RuleSet::embedded(), &theirs);
        let got: Vec<(&str, &str, &str, &str)> =
            rows.iter().map(|r| (r.path.as_str(), r.label.as_str(), r.ours.as_str(), r.theirs.as_str())).collect();
        assert_eq!(
            got,
            [
                ("categories.youth.max_age", "优秀青年人才培养 · 年龄上限（周岁）", "40", "45"),
                ("durations.allowed", "允许的培训天数", "14、21、30、60", "14、21、30、60、45"),
                (
                    "calendar.2027",
                    "节假日安排 · 2027 年",
                    "（无）",
                    "放假：（无）；\
                     调休上班：2027-01-02"
                ),
            ]
        );
    }
}
