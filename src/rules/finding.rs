use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }

    /// The CSS modifier, as in `finding--error`.
    pub fn css(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One thing a rule found: which rule, how bad, where, and why in Chinese.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    /// The application's id; `None` for a finding on the whole workspace.
    pub application: Option<String>,
    /// The field, e.g. `members[2].birth_date`; empty for the application as a whole.
    pub path: String,
    pub message: String,
    /// The notice's clause, as the rule-set in use numbers it.
    pub clause: String,
}
