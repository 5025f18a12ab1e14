//! Reading a bundle file. A current-version file is read once, straight into the typed
//! [`Bundle`]. Only when that fails, or the file is not ours or of another version, is it
//! read again step by step for a precise message: JSON syntax first (with line and column),
//! then the header (`format`, `version`, `kind`), then migration, then the typed fields
//! (with the field path). Every failure is a [`BundleError`] in Chinese; no input makes
//! this panic.

use std::collections::HashMap;

use serde_json::Value;

use super::BundleError;
use super::format::{Bundle, FORMAT, Kind};
use super::migrate::{CURRENT_VERSION, migrate, unknown_version_message};
use crate::json::{self, ErrorKind, describe_value, prefix_position, syntax_error, typed_error};

/// Reads a bundle file's text.
pub fn parse(text: &str) -> Result<Bundle, BundleError> {
    // Windows editors like to start UTF-8 files with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        let msg = "文件是空的，没有任何内容，不是数据包";
        return Err(BundleError::new(ErrorKind::Truncated, msg.into()));
    }
    let bundle = match read_current(text) {
        Some(bundle) => bundle,
        None => diagnose(text)?,
    };
    super::result::check(&bundle)?;
    distinct_ids(&bundle)?;
    Ok(bundle)
}

/// A unit bundle names each application once: with two under one id, one rank of its
/// ranking would stand for two groups, and the import would keep only the first. An
/// empty id is no id (the import gives each its own, `ids.rs`) and never a repeat.
fn distinct_ids(b: &Bundle) -> Result<(), BundleError> {
    if b.kind != Kind::Unit {
        return Ok(());
    }
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, a) in b.applications.iter().enumerate().filter(|(_, a)| !a.id.is_empty()) {
        if let Some(&j) = first.get(a.id.as_str()) {
            let msg = format!(
                "第 {} 份申请《{}》的编号 id「{}」与第 {} 份申请《{}》相同：\
                 单位数据包中每份申请的编号必须不同，\
                 否则排序中的一个名次会对应两个团组；\
                 请导出方为其中一份换一个编号后重新导出",
                i + 1,
                a.display_title(),
                a.id,
                j + 1,
                b.applications[j].display_title()
            );
            return Err(BundleError::at_path(ErrorKind::InvalidValue, &format!("applications[{i}].id"), msg));
        }
        first.insert(&a.id, i);
    }
    Ok(())
}

/// The typical file, read in one pass: valid JSON with nothing after it, our `format`,
/// the current version and well-typed fields. `None` sends the file to [`diagnose`],
/// which accepts exactly such files too, so this is a shortcut and never a second opinion.
fn read_current(text: &str) -> Option<Bundle> {
    let bundle: Bundle = json::from_str(text).ok()?;
    (bundle.format == FORMAT && bundle.version == CURRENT_VERSION).then_some(bundle)
}

/// The slow path: reads the file as a JSON value first, so that every way it can be wrong
/// gets its own message.
fn diagnose(text: &str) -> Result<Bundle, BundleError> {
    let value: Value = json::from_str(text).map_err(|e| syntax_error(text, e.inner()))?;
    let version = check_header(text, &value)?;
    if version == CURRENT_VERSION {
        // Read from the text so that type errors carry a line and column too.
        json::from_str(text).map_err(|e| typed_error(Some(text), &value, e))
    } else {
        // Positions in the migrated value's text would mislead: the path alone is given.
        let value = migrate(value, version)?;
        json::from_value(&value).map_err(|e| typed_error(None, &value, e))
    }
}

/// The `format`, `version` and `kind` checks; returns the version.
fn check_header(text: &str, value: &Value) -> Result<u64, BundleError> {
    let Some(obj) = value.as_object() else {
        return Err(BundleError::new(
            ErrorKind::NotABundle,
            format!(
                "这不是 peixun 数据包：文件内容是{}，\
                 应为以 {{ 开头的 JSON 对象",
                describe_value(value)
            ),
        ));
    };
    let at = |key: &str| top_level_key_position(text, key);
    match obj.get("format") {
        Some(Value::String(s)) if s == FORMAT => {}
        Some(other) => {
            let msg = format!("这不是 peixun 数据包：format 为{}，应为 \"{FORMAT}\"", describe_value(other));
            return Err(BundleError::at_path(ErrorKind::NotABundle, "format", msg).with_position(at("format")));
        }
        None => {
            let keys: Vec<&str> = obj.keys().take(6).map(String::as_str).collect();
            let found = if keys.is_empty() {
                "一个空对象".to_string()
            } else {
                format!("顶层字段为 {}", keys.join("、"))
            };
            let msg = format!(
                "这不是 peixun 数据包：\
                 缺少 \"format\": \"{FORMAT}\"（文件是{found}，可能是其他程序的 JSON 文件）"
            );
            return Err(BundleError::new(ErrorKind::NotABundle, msg));
        }
    }
    let version = match obj.get("version") {
        None => {
            let msg = format!("数据包缺少 version 字段（应为整数 {CURRENT_VERSION}）");
            return Err(BundleError::at_path(ErrorKind::MissingField, "version", msg));
        }
        Some(v) => v.as_u64().ok_or_else(|| {
            let msg = format!("字段 version：应为整数（如 {CURRENT_VERSION}），收到{}", describe_value(v));
            BundleError::at_path(ErrorKind::WrongType, "version", prefix_position(at("version"), msg))
                .with_position(at("version"))
        })?,
    };
    if version > CURRENT_VERSION || version == 0 {
        let msg = unknown_version_message(version);
        return Err(
            BundleError::at_path(ErrorKind::UnknownVersion(version), "version", msg).with_position(at("version"))
        );
    }
    match obj.get("kind") {
        Some(Value::String(s)) if Kind::parse(s).is_some() => Ok(version),
        None => Err(BundleError::at_path(
            ErrorKind::MissingField,
            "kind",
            "数据包缺少 kind 字段（应为 application、member、unit 或 result）".into(),
        )),
        Some(other) => {
            let msg = format!(
                "数据包类型 kind 为{}，应为 application（申请）、\
                 member（成员卡）、unit（单位汇总）或 result（遴选结果）",
                describe_value(other)
            );
            Err(BundleError::at_path(ErrorKind::WrongKind, "kind", msg).with_position(at("kind")))
        }
    }
}

/// Where the value of a top-level key starts, found with `json::tokens` (serde_json's
/// `Value` keeps no positions).
fn top_level_key_position(text: &str, key: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let mut tokens = json::tokens(text).peekable();
    while let Some((_, token)) = tokens.next() {
        match token {
            json::Token::Open(_) => depth += 1,
            json::Token::Close => depth = depth.saturating_sub(1),
            json::Token::Str(s)
                if depth == 1 && s == key && tokens.next_if(|(_, t)| *t == json::Token::Colon).is_some() =>
            {
                let at = tokens.peek().map_or(text.len(), |(at, _)| *at);
                let line = text[..at].matches('\n').count() + 1;
                let line_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
                return Some((line, text[line_start..at].chars().count() + 1));
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
