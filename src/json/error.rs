use std::fmt;

/// Why a file could not be read (a bundle, a rule-set file). `message` is the whole Chinese sentence
/// (what is wrong, where, what was expected); the other fields let a UI point at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub kind: ErrorKind,
    /// 1-based, when known.
    pub line: Option<usize>,
    /// 1-based, when known.
    pub column: Option<usize>,
    /// The field, e.g. `applications[0].members[1].birth_date`.
    pub path: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// Not JSON at all (or a syntax error in it).
    NotJson,
    /// The JSON ends too early: a cut-off download or copy.
    Truncated,
    /// JSON, but not ours: another program's file or a wrong `format`.
    NotABundle,
    /// A `version` this program cannot read.
    UnknownVersion(u64),
    /// `kind` is not application, member or unit.
    WrongKind,
    /// A field holds the wrong type (text where a number belongs …).
    WrongType,
    /// A field has the right type but an impossible value (2020-13-45 …).
    InvalidValue,
    /// A required field is absent.
    MissingField,
}

impl ReadError {
    pub fn new(kind: ErrorKind, message: String) -> ReadError {
        ReadError { kind, line: None, column: None, path: None, message }
    }

    pub fn at_path(kind: ErrorKind, path: &str, message: String) -> ReadError {
        ReadError { path: Some(path.to_string()), ..ReadError::new(kind, message) }
    }

    pub fn with_position(mut self, pos: Option<(usize, usize)>) -> ReadError {
        if let Some((line, column)) = pos {
            self.line = Some(line);
            self.column = Some(column);
        }
        self
    }

    /// 「第 3 行第 17 列」, or empty when the position is unknown.
    pub fn position_text(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("第 {l} 行第 {c} 列"),
            (Some(l), None) => format!("第 {l} 行"),
            _ => String::new(),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ReadError {}
