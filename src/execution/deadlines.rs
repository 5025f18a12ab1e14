//! 培训结束回国 15 个工作日内提交培训总结: one row per group that has returned, sorted by due
//! date. The due date comes from [`summary_deadline`], which the `summary-due` rule calls
//! too, so the list and the findings never disagree.

use chrono::NaiveDate;

use crate::calendar::Calendar;
use crate::model::{Application, ExecutionStatus};
use crate::rule_set::RuleSet;
use crate::workspace::Workspace;

/// A deadline this close (in working days after today, today not counted) is 即将到期.
/// A reminder threshold of the app, not a number of the notice.
pub const DUE_SOON_WORKING_DAYS: u32 = 5;

/// When one application's training summary is due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryDeadline {
    pub returned: NaiveDate,
    pub due: NaiveDate,
    pub submitted: Option<NaiveDate>,
    /// Years the count went through whose holidays are unknown (only weekends were off).
    pub unknown_years: Vec<i32>,
}

/// The summary deadline of an application that has an actual return date and was not
/// cancelled: the rule-set's working days after return, the return day not counted, on
/// `calendar` (the rule-set's holidays plus the unit's closure days).
pub fn summary_deadline(calendar: &Calendar, rule_set: &RuleSet, app: &Application) -> Option<SummaryDeadline> {
    let ex = app.execution.as_ref()?;
    if ex.status == ExecutionStatus::Cancelled {
        return None;
    }
    let returned = ex.actual_return_date?;
    let due = rule_set.summary_due(calendar, returned)?;
    let unknown_years = calendar.unknown_years(returned, due);
    Some(SummaryDeadline { returned, due, submitted: ex.summary_submitted, unknown_years })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DeadlineStatus {
    /// Not submitted and today is after the due date: the `summary-due` rule warns.
    Overdue,
    /// Not submitted, due within [`DUE_SOON_WORKING_DAYS`] working days (or today).
    DueSoon,
    Open,
    Submitted,
}

impl DeadlineStatus {
    pub fn label(self) -> &'static str {
        match self {
            DeadlineStatus::Overdue => "已逾期",
            DeadlineStatus::DueSoon => "即将到期",
            DeadlineStatus::Open => "未到期",
            DeadlineStatus::Submitted => "已提交",
        }
    }

    /// The CSS modifier, as in `deadline--overdue`.
    pub fn css(self) -> &'static str {
        match self {
            DeadlineStatus::Overdue => "overdue",
            DeadlineStatus::DueSoon => "due-soon",
            DeadlineStatus::Open => "open",
            DeadlineStatus::Submitted => "submitted",
        }
    }
}

/// One group's summary deadline as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineRow {
    pub application_id: String,
    /// 项目名称, trimmed; may be empty.
    pub title: String,
    /// 团组带头人's name; empty when no member is marked leader.
    pub leader: String,
    pub returned: NaiveDate,
    pub due: NaiveDate,
    pub submitted: Option<NaiveDate>,
    /// The note on the summary's file, as recorded.
    pub summary_file: String,
    /// Calendar days from today to the due date; negative once overdue.
    pub days_left: i64,
    pub status: DeadlineStatus,
    /// Submitted after the due date.
    pub submitted_late: bool,
    /// 「2027 年的节假日安排未知，按周末计算」 when the count reached such a year.
    pub calendar_note: Option<String>,
}

impl DeadlineRow {
    /// 「还剩 3 天」「今天截止」「已逾期 2 天」「已提交（2020-10-20）」
    pub fn days_left_text(&self) -> String {
        match (self.submitted, self.days_left) {
            (Some(on), _) if self.submitted_late => format!("已提交（{on}，逾期）"),
            (Some(on), _) => format!("已提交（{on}）"),
            (None, 0) => "今天截止".into(),
            (None, n) if n > 0 => format!("还剩 {n} 天"),
            (None, n) => format!("已逾期 {} 天", -n),
        }
    }
}

/// Every group with an actual return date that was not cancelled, by due date (then title
/// and id, so the order is stable).
pub fn deadlines(ws: &Workspace, rule_set: &RuleSet, today: NaiveDate) -> Vec<DeadlineRow> {
    let calendar = rule_set.calendar_for(&ws.closure_days);
    let mut rows: Vec<DeadlineRow> = ws
        .applications
        .iter()
        .filter_map(|app| Some(row(app, summary_deadline(&calendar, rule_set, app)?, &calendar, today)))
        .collect();
    rows.sort_by(|a, b| (a.due, &a.title, &a.application_id).cmp(&(b.due, &b.title, &b.application_id)));
    rows
}

fn row(app: &Application, d: SummaryDeadline, calendar: &Calendar, today: NaiveDate) -> DeadlineRow {
    let soon = calendar.add_working_days(today, DUE_SOON_WORKING_DAYS).is_none_or(|limit| d.due <= limit);
    let status = match d.submitted {
        Some(_) => DeadlineStatus::Submitted,
        None if today > d.due => DeadlineStatus::Overdue,
        None if soon => DeadlineStatus::DueSoon,
        None => DeadlineStatus::Open,
    };
    DeadlineRow {
        application_id: app.id.clone(),
        title: app.title.trim().to_string(),
        leader: app.members.iter().find(|m| m.is_leader).map(|m| m.name.trim().to_string()).unwrap_or_default(),
        returned: d.returned,
        due: d.due,
        submitted: d.submitted,
        summary_file: app.execution.as_ref().map(|e| e.summary_file.trim().to_string()).unwrap_or_default(),
        days_left: (d.due - today).num_days(),
        status,
        submitted_late: d.submitted.is_some_and(|s| s > d.due),
        calendar_note: crate::calendar::unknown_years_note(&d.unknown_years),
    }
}

#[cfg(test)]
#[path = "deadlines_tests.rs"]
mod tests;
