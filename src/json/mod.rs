//! The one way typed JSON is read. Each `Deserialize` impl is compiled once per
//! deserializer type it is used with, and in the wasm each copy of them all costs tens of
//! KB: so bundles, localStorage, merges and the rule-set all read through serde_json's
//! string reader here. Where an error happened (`applications[0].members[1].birth_date`) is
//! worked out afterwards from the error's position in the text (`path_at`), so no
//! path-tracking deserializer is compiled around every type. What cannot be read gets one
//! kind of error for every file reader (`ReadError`: bundles, rule-set files), its Chinese
//! sentence written here (`diagnose`, `describe`).

mod describe;
mod diagnose;
mod error;

pub use describe::describe_value;
pub(crate) use diagnose::{prefix_position, syntax_error, typed_error};
pub use error::{ErrorKind, ReadError};

use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::Value;

/// A serde_json error and the field path where it happened.
#[derive(Debug)]
pub struct Error {
    path: Path,
    inner: serde_json::Error,
}

impl Error {
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn inner(&self) -> &serde_json::Error {
        &self.inner
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.0.is_empty() { write!(f, "{}", self.inner) } else { write!(f, "{}: {}", self.path, self.inner) }
    }
}

/// Where in a document: `applications[0].members[1].birth_date`; `.` is the whole of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Path(pub Vec<Segment>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Key(String),
    Index(usize),
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str(".");
        }
        for (i, s) in self.0.iter().enumerate() {
            match s {
                Segment::Key(k) if i == 0 => f.write_str(k)?,
                Segment::Key(k) => write!(f, ".{k}")?,
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// Reads `text` as a `T`, with nothing but whitespace after it.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    serde_json::from_str(text).map_err(|inner| Error { path: path_at(text, &inner), inner })
}

/// Reads a JSON value as a `T` (through its text, so that the same code does it).
pub fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, Error> {
    from_str(&value.to_string())
}

/// A structural piece of JSON text, for finding places in text that may not parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'t> {
    /// `{` or `[`.
    Open(u8),
    /// `}` or `]`.
    Close,
    Comma,
    Colon,
    /// A string's text between its quotes, escapes as written (to the end if unclosed).
    Str(&'t str),
    /// Any other byte outside strings and whitespace: numbers, `true`, `null`, junk.
    Other,
}

/// The tokens of `text` with the byte offset where each starts. Never fails: a string
/// cut short runs to the end.
pub fn tokens(text: &str) -> impl Iterator<Item = (usize, Token<'_>)> {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let at = i;
        let token = match *b.get(i)? {
            c @ (b'{' | b'[') => Token::Open(c),
            b'}' | b']' => Token::Close,
            b',' => Token::Comma,
            b':' => Token::Colon,
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                Token::Str(text.get(at + 1..i.min(b.len())).unwrap_or(""))
            }
            _ => Token::Other,
        };
        i += 1;
        Some((at, token))
    })
}

/// One open container while scanning: an object with the key whose value is being read
/// (once its `:` is passed), or an array and the index of the element being read.
enum Frame {
    Object { key: Option<String>, in_value: bool },
    Array { index: usize, in_value: bool },
}

/// The path of the value serde_json was reading when it failed. serde_json reports the
/// position just after what it consumed: the end of an ill-typed scalar, before the
/// bracket of an ill-typed object or array, after the `}` of an object that lacks a field
/// (so that error lands on the object's own place). Internally tagged enums report their
/// container's position, so their path may stop one level up.
fn path_at(text: &str, e: &serde_json::Error) -> Path {
    if e.line() == 0 {
        return Path::default();
    }
    let line_start: usize = text.split_inclusive('\n').take(e.line() - 1).map(str::len).sum();
    let mut end = (line_start + e.column()).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut stack: Vec<Frame> = Vec::new();
    for (_, token) in tokens(&text[..end]) {
        if let Some(Frame::Array { in_value, .. }) = stack.last_mut()
            && !matches!(token, Token::Close | Token::Comma)
        {
            *in_value = true;
        }
        match token {
            Token::Open(b'{') => stack.push(Frame::Object { key: None, in_value: false }),
            Token::Open(_) => stack.push(Frame::Array { index: 0, in_value: false }),
            Token::Close => _ = stack.pop(),
            Token::Comma => match stack.last_mut() {
                Some(Frame::Object { key, in_value }) => (*key, *in_value) = (None, false),
                Some(Frame::Array { index, in_value }) => (*index, *in_value) = (*index + 1, false),
                None => {}
            },
            Token::Colon => {
                if let Some(Frame::Object { in_value, .. }) = stack.last_mut() {
                    *in_value = true;
                }
            }
            Token::Str(raw) => {
                if let Some(Frame::Object { key, in_value: false }) = stack.last_mut() {
                    *key = Some(serde_json::from_str(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.to_string()));
                }
            }
            Token::Other => {}
        }
    }
    // An element that is an object or array where a scalar belongs: serde_json stops
    // before its bracket, so the scan has not entered it yet.
    if let Some(Frame::Array { in_value, .. }) = stack.last_mut()
        && tokens(&text[end..]).next().is_some_and(|(_, t)| !matches!(t, Token::Close | Token::Comma))
    {
        *in_value = true;
    }
    let segments = stack.into_iter().filter_map(|frame| match frame {
        Frame::Object { key: Some(k), in_value: true } => Some(Segment::Key(k)),
        Frame::Array { index, in_value: true } => Some(Segment::Index(index)),
        _ => None,
    });
    Path(segments.collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Member {
        name: String,
        birth: chrono::NaiveDate,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Group {
        title: String,
        members: Vec<Member>,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Nested {
        inner: Member,
        n: u32,
        m: Option<u32>,
    }

    fn path_of<T: DeserializeOwned + fmt::Debug>(text: &str) -> String {
        from_str::<T>(text).unwrap_err().path().to_string()
    }

    #[test]
    fn reads_with_the_path_of_an_error() {
        let v: Vec<u32> = from_str(" [1, 2] ").unwrap();
        assert_eq!(v, [1, 2]);
        assert_eq!(path_of::<Vec<Vec<u32>>>("[[1], [2, \"x\"]]"), "[1][1]");
        assert_eq!(path_of::<Vec<Vec<u32>>>("[[1], [2, 3, true]]"), "[1][2]");
        assert_eq!(path_of::<u32>("1 2"), ".");
        // An element that is a container where a number belongs.
        assert_eq!(path_of::<Vec<u32>>("[1, {\"a\": 1}]"), "[1]");
        assert_eq!(path_of::<Vec<u32>>("[1, [2]]"), "[1]");
        assert_eq!(path_of::<Vec<Vec<u32>>>("[[1], 2]"), "[1]");
        assert_eq!(from_value::<Vec<u32>>(&serde_json::json!([3])).unwrap(), [3]);
    }

    #[test]
    fn the_path_names_the_field_whose_value_is_wrong() {
        let ok = r#"{"name": "张三", "birth": "1980-01-02"}"#;
        let group = |m: &str| format!("{{\"title\": \"a,b:[{{\", \"members\": [{ok}, {m}]}}");
        assert_eq!(path_of::<Group>(&group(&ok.replace("1980-01-02", "1980-13-02"))), "members[1].birth");
        assert_eq!(path_of::<Group>(&group(&ok.replace("\"张三\"", "7"))), "members[1].name");
        assert_eq!(path_of::<Group>(&group(&ok.replace("\"张三\"", "null"))), "members[1].name");
        // The value is the last thing in its object: the error sits right before the `}`.
        assert_eq!(path_of::<Group>(&group(r#"{"name": "李四", "birth": 5}"#)), "members[1].birth");
        // A missing field belongs to the object that lacks it, in an array or under a key.
        assert_eq!(path_of::<Group>(&group(r#"{"name": "李四"}"#)), "members[1]");
        assert_eq!(path_of::<Nested>(r#"{"inner": {"name": "李四"}, "n": 1}"#), "inner");
        assert_eq!(path_of::<Nested>(r#"{"n": 1, "inner": {"name": "李四"}}"#), "inner");
        assert_eq!(path_of::<Nested>(r#"{"inner": {"name": "李四", "birth": "1980-01-02"}}"#), ".");
        assert_eq!(path_of::<Group>(&group(r#"{"name": "李四", "x": 1, "birth": "1980-01-02"}"#)), "members[1]");
        // Escaped quotes and keys, and positions on a later line.
        let text = "{\n  \"ti\\u0074le\": \"say \\\"hi\\\"\",\n  \
                    \"members\": [\n    {\"name\": \"王\", \"birth\": \"x\"}\n  ]\n}";
        assert_eq!(path_of::<Group>(text), "members[0].birth");
        assert_eq!(path_of::<Group>("{\"title\": 1, \"members\": []}"), "title");
    }

    #[test]
    fn errors_read_like_the_path_then_the_reason() {
        let e = from_str::<Group>(r#"{"title": 1, "members": []}"#).unwrap_err();
        assert!(e.to_string().starts_with("title: invalid type: integer `1`, expected a string"), "{e}");
        let e = from_str::<Vec<u32>>("[1,").unwrap_err();
        assert!(e.inner().is_eof(), "{e}");
    }
}
