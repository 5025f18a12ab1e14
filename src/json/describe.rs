//! Chinese wording for serde's type errors: what a field holds and what it should hold.

use serde_json::Value;

use super::error::ErrorKind;

/// 「文本 "十四"」, 「数字 3.5」, 「数组」 …
pub fn describe_value(v: &Value) -> String {
    match v {
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            let more = if short.len() < s.len() { "…" } else { "" };
            format!("文本 \"{short}{more}\"")
        }
        Value::Number(n) => format!("数字 {n}"),
        Value::Bool(b) => format!("布尔值 {b}"),
        Value::Null => "null（空值）".into(),
        Value::Array(a) => format!("一个含 {} 项的数组", a.len()),
        Value::Object(_) => "一个对象".into(),
    }
}

fn is_date_field(field: &str) -> bool {
    field.ends_with("date") || matches!(field, "intent_letter_signed" | "summary_submitted")
}

fn is_time_field(field: &str) -> bool {
    matches!(field, "exported_at" | "updated_at")
}

const DATE: &str = " YYYY-MM-DD 格式的真实日期（如 2020-06-01）";
const TIME: &str = " RFC 3339 格式的时间（如 2020-01-05T10:30:00+08:00）";

/// What serde's "expected …" means, for people.
fn expected_zh(exp: &str, field: &str) -> String {
    if is_date_field(field) {
        return DATE.into();
    }
    if is_time_field(field) {
        return TIME.into();
    }
    let exp = exp.trim();
    if let Some(list) = exp.strip_prefix("one of ") {
        return format!("{} 之一", list.replace('`', "").replace(", ", "、"));
    }
    match exp {
        "u8" => "0–255 的整数".into(),
        "u16" | "u32" | "u64" | "usize" => "非负整数".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "整数".into(),
        "a boolean" => "true 或 false".into(),
        "a string" | "a borrowed string" => "文本（带双引号的字符串）".into(),
        "a sequence" => "数组 [ … ]".into(),
        "a map" => "对象 { … }".into(),
        e if e.starts_with("struct ") => "对象 { … }".into(),
        e if e.starts_with('`') => e.replace('`', ""),
        e => e.into(),
    }
}

/// Splits serde's "invalid type: X, expected Y" into its parts.
fn split_expected(rest: &str) -> (&str, &str) {
    match rest.rfind(", expected ") {
        Some(i) => (&rest[..i], &rest[i + ", expected ".len()..]),
        None => (rest, ""),
    }
}

/// Translates one serde message (without position) about `field`, whose JSON value is
/// `found` when the path could be followed.
pub fn translate(msg: &str, field: &str, found: Option<&Value>) -> (ErrorKind, String) {
    let shown = |unexp: &str| found.map(describe_value).unwrap_or_else(|| unexp.replace('`', ""));
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (unexp, exp) = split_expected(rest);
        return (ErrorKind::WrongType, format!("应为{}，收到{}", expected_zh(exp, field), shown(unexp)));
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let (unexp, exp) = split_expected(rest);
        return (ErrorKind::InvalidValue, format!("取值{}无效，应为 {}", shown(unexp), expected_zh(exp, field)));
    }
    if let Some(rest) = msg.strip_prefix("missing field ") {
        return (ErrorKind::MissingField, format!("缺少必填字段 {}", rest.replace('`', "")));
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let (unexp, _) = split_expected(rest);
        let name = unexp.replace('`', "");
        return (ErrorKind::InvalidValue, format!("有未知字段 {name}（可能是拼写错误）"));
    }
    if let Some(rest) = msg.strip_prefix("duplicate field ") {
        return (ErrorKind::InvalidValue, format!("字段 {} 出现了两次", rest.replace('`', "")));
    }
    if let Some(rest) = msg.strip_prefix("invalid value: ") {
        let (unexp, exp) = split_expected(rest);
        return (ErrorKind::InvalidValue, format!("取值{}无效，应为{}", shown(unexp), expected_zh(exp, field)));
    }
    if let Some(rest) = msg.strip_prefix("invalid length ") {
        let (unexp, exp) = split_expected(rest);
        return (ErrorKind::InvalidValue, format!("长度 {unexp} 无效，应为{}", expected_zh(exp, field)));
    }
    // Custom messages: ours are already Chinese (e.g. the country code's); chrono's are not.
    if msg.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
        return (ErrorKind::InvalidValue, msg.to_string());
    }
    let what = if is_date_field(field) {
        format!("不是有效的日期：收到{}，应为{DATE}", shown(""))
    } else if is_time_field(field) {
        format!("不是有效的时间：收到{}，应为{TIME}", shown(""))
    } else {
        format!("取值{}无效（{msg}）", shown(""))
    };
    (ErrorKind::InvalidValue, what)
}
