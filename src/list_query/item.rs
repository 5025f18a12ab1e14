//! One application as a list sees it: the text to search and the facts to filter and sort by.

use std::cmp::Ordering;

use chrono::NaiveDateTime;

use super::SortKey;
use crate::model::{Application, Category};

/// Where an application stands, as its list shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Nothing typed yet.
    NotStarted,
    /// The rules are on their way.
    Checking,
    /// The rules could not be loaded.
    Unchecked,
    /// Errors or warnings.
    Problems,
    /// No problems, not every section marked as done.
    InProgress,
    /// No problems and every section done.
    Done,
}

impl Status {
    /// What a person can filter by.
    pub const FILTERS: [Status; 4] = [Status::NotStarted, Status::InProgress, Status::Problems, Status::Done];

    /// `checked`: `None` while the rules are on their way; `unavailable` if they cannot come.
    pub fn of(started: bool, done: bool, checked: Option<Checked>, unavailable: bool) -> Status {
        match checked {
            _ if !started => Status::NotStarted,
            Some(c) if c.problems > 0 => Status::Problems,
            Some(_) if done => Status::Done,
            Some(_) => Status::InProgress,
            None if unavailable => Status::Unchecked,
            None => Status::Checking,
        }
    }

    /// The key in the URL and the tag's CSS class.
    pub fn key(self) -> &'static str {
        match self {
            Status::NotStarted => "not-started",
            Status::Checking => "checking",
            Status::Unchecked => "unchecked",
            Status::Problems => "problems",
            Status::InProgress => "in-progress",
            Status::Done => "done",
        }
    }

    pub fn from_key(key: &str) -> Option<Status> {
        Status::FILTERS.into_iter().find(|s| s.key() == key)
    }

    /// The filter's option (the tag says how many problems: [`ListItem::status_text`]).
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "未开始",
            Status::Checking => "检查中…",
            Status::Unchecked => "暂时无法检查",
            Status::Problems => "有问题",
            Status::InProgress => "填写中",
            Status::Done => "已完成",
        }
    }
}

/// What the rules found in one application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Checked {
    pub errors: usize,
    /// Errors and warnings (not notes).
    pub problems: usize,
}

impl Checked {
    /// Counts what `check_application` found.
    pub fn of(found: &[crate::rules::Finding]) -> Checked {
        use crate::rules::Severity;
        let count = |f: fn(Severity) -> bool| found.iter().filter(|x| f(x.severity)).count();
        Checked { errors: count(|s| s == Severity::Error), problems: count(|s| s != Severity::Info) }
    }
}

/// One row of a list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ListItem {
    pub id: String,
    pub title: String,
    /// Title, members' names and units, hosts' names, one per line, ASCII letters in lower
    /// case (Chinese has no case; the Unicode tables would weigh 15 KB in the first download).
    pub haystack: String,
    pub category: Option<Category>,
    pub persons: usize,
    /// The leader's unit (else the first member's).
    pub unit: String,
    pub saved: Option<NaiveDateTime>,
    pub checked: Option<Checked>,
    pub status: Status,
    /// Its place in the list's own order (its index among the list's rows).
    pub position: usize,
}

impl ListItem {
    /// The row of `a` at `position`, not yet checked ([`ListItem::check`]).
    pub fn new(a: &Application, position: usize, started: bool) -> ListItem {
        let mut haystack = a.title.to_ascii_lowercase();
        for m in &a.members {
            for part in [&m.name, &m.unit] {
                haystack.push('\n');
                haystack.push_str(&part.to_ascii_lowercase());
            }
        }
        for h in &a.hosts {
            for part in [&h.name_zh, &h.name_en] {
                haystack.push('\n');
                haystack.push_str(&part.to_ascii_lowercase());
            }
        }
        let unit = a.leader().map(|(_, m)| m).or(a.members.first()).map(|m| m.unit.trim().to_string());
        ListItem {
            id: a.id.clone(),
            title: a.display_title(),
            haystack,
            category: a.category,
            persons: a.members.len(),
            unit: unit.unwrap_or_default(),
            saved: a.updated_at.map(|t| t.naive_local()),
            checked: None,
            status: Status::of(started, false, None, false),
            position,
        }
    }

    /// Sets what the rules found and the status that follows (`done`: every section marked).
    pub fn check(&mut self, started: bool, done: bool, checked: Option<Checked>, unavailable: bool) {
        self.checked = checked;
        self.status = Status::of(started, done, checked, unavailable);
    }

    /// The status tag's text: 「有 3 个问题」, 「已完成」 ….
    pub fn status_text(&self) -> String {
        match (self.status, self.checked) {
            (Status::Problems, Some(c)) => format!("有 {} 个问题", c.problems),
            (s, _) => s.label().into(),
        }
    }
}

/// `a` against `b` by `key`, ascending; blanks (no category, never saved) come first, and
/// categories in the notice's order.
pub(super) fn compare(key: SortKey, a: &ListItem, b: &ListItem) -> Ordering {
    match key {
        SortKey::Position => a.position.cmp(&b.position),
        SortKey::Title => a.title.cmp(&b.title),
        SortKey::Category => a.category.cmp(&b.category),
        SortKey::Persons => a.persons.cmp(&b.persons),
        SortKey::Unit => a.unit.cmp(&b.unit),
        SortKey::Status => a.status.cmp(&b.status),
        SortKey::Errors => a.checked.map(|c| (c.errors, c.problems)).cmp(&b.checked.map(|c| (c.errors, c.problems))),
        SortKey::Saved => a.saved.cmp(&b.saved),
    }
}
