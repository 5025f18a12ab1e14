//! Chinese messages for what serde_json says about a file: syntax errors with line and
//! column (in characters, as people count them), type errors at their field path. Shared
//! by every file reader (bundles, rule-set files).

use serde_json::Value;

use super::describe::translate;
use super::error::{ErrorKind, ReadError};

pub(crate) fn syntax_error(text: &str, e: &serde_json::Error) -> ReadError {
    let pos = char_position(text, e.line(), e.column());
    let (line, col) = pos.unwrap_or((0, 0));
    let err = if e.is_eof() {
        ReadError::new(
            ErrorKind::Truncated,
            format!(
                "文件不完整（在第 {line} 行第 {col} 列意外结束），\
                 可能下载或复制时被截断"
            ),
        )
    } else {
        let what = translate_syntax(&e.to_string());
        ReadError::new(ErrorKind::NotJson, format!("文件不是有效的 JSON：第 {line} 行第 {col} 列{what}"))
    };
    err.with_position(pos)
}

/// serde_json's syntax messages, in Chinese.
fn translate_syntax(raw: &str) -> String {
    let msg = strip_position(raw);
    let zh = match msg {
        "expected value" => "应为一个值（对象、数组、文本、数字、true、false 或 null）",
        "expected `,` or `}`" => "缺少逗号或右花括号 }",
        "expected `,` or `]`" => "缺少逗号或右方括号 ]",
        "expected `:`" => "缺少冒号 :",
        "key must be a string" => "对象的键必须是带双引号的文本",
        "trailing comma" => "多了一个逗号",
        "trailing characters" => "在 JSON 结束之后还有多余的内容",
        "control character (\\u0000-\\u001F) \
         found while parsing a string" => "文本中含有未转义的控制字符（如换行）",
        "invalid escape" => "文本中有无效的转义序列",
        "invalid number" => "数字格式无效",
        "number out of range" => "数字超出范围",
        "recursion limit exceeded" => "嵌套层数过多",
        "expected ident" => "有无法识别的单词（只允许 true、false、null）",
        "invalid unicode code point" => "有无效的 Unicode 字符",
        _ => return format!("有语法错误（{msg}）"),
    };
    format!("：{zh}")
}

/// Removes serde_json's " at line N column M" tail.
pub(crate) fn strip_position(raw: &str) -> &str {
    raw.rfind(" at line ").map_or(raw, |i| &raw[..i])
}

pub(crate) fn typed_error(text: Option<&str>, value: &Value, e: super::Error) -> ReadError {
    let segments = &e.path().0;
    let path = e.path().to_string();
    let found = lookup(value, segments);
    let field = segments.iter().rev().find_map(|s| match s {
        super::Segment::Key(key) => Some(key.as_str()),
        super::Segment::Index(_) => None,
    });
    let inner = e.inner();
    let pos = text.and_then(|t| char_position(t, inner.line(), inner.column()));
    let (kind, detail) = translate(strip_position(&inner.to_string()), field.unwrap_or(""), found);
    let where_ = if path == "." { String::new() } else { format!("字段 {path}：") };
    let message = prefix_position(pos, format!("{where_}{detail}"));
    ReadError { kind, line: None, column: None, path: (path != ".").then_some(path), message }.with_position(pos)
}

pub(crate) fn prefix_position(pos: Option<(usize, usize)>, msg: String) -> String {
    match pos {
        Some((l, c)) => format!("第 {l} 行第 {c} 列，{msg}"),
        None => msg,
    }
}

fn lookup<'v>(value: &'v Value, segments: &[super::Segment]) -> Option<&'v Value> {
    segments.iter().try_fold(value, |v, s| match s {
        super::Segment::Key(key) => v.get(key.as_str()),
        super::Segment::Index(index) => v.get(*index),
    })
}

/// serde_json counts columns in bytes; people count characters (a CJK character is one).
fn char_position(text: &str, line: usize, byte_col: usize) -> Option<(usize, usize)> {
    if line == 0 {
        return None;
    }
    let l = text.split('\n').nth(line - 1).unwrap_or("");
    let mut end = byte_col.min(l.len());
    while !l.is_char_boundary(end) {
        end -= 1;
    }
    Some((line, l[..end].chars().count().max(1)))
}
