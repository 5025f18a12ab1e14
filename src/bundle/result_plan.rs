//! Importing a result bundle into a unit's workspace: which of its applications the file
//! concerns, what changes in each execution record (status, approved category, the
//! academy's funding, the bureau's note), where the unit already typed something else
//! (a conflict, chosen per field), and the applications the file names that this
//! workspace lacks (listed, never a failure). Applied all or nothing.

use chrono::NaiveDate;

use super::format::{Bundle, Kind};
use super::merge::Choice;
use super::result_rows::{ResultProblem, ResultProblemKind, read_rows};
use crate::model::unit_name::same_unit;
use crate::model::{Application, Category, Decision, Execution, ExecutionStatus, Selection};
use crate::rule_set::RuleSet;
use crate::workspace::Workspace;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultField {
    Status,
    ApprovedCategory,
    Funding,
    Note,
}

impl ResultField {
    pub fn label(self) -> &'static str {
        match self {
            ResultField::Status => "执行状态",
            ResultField::ApprovedCategory => "批准资助类别",
            ResultField::Funding => "院资助金额",
            ResultField::Note => "人事局意见",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ResultField::Status => "status",
            ResultField::ApprovedCategory => "approved_category",
            ResultField::Funding => "academy_funding",
            ResultField::Note => "selection_note",
        }
    }
}

/// One field of one execution record: from `mine` to `theirs`; a conflict when the unit
/// already has another value, applied only once `choice` is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultChange {
    pub field: ResultField,
    pub mine: String,
    pub theirs: String,
    pub conflict: bool,
    pub choice: Option<Choice>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultItem {
    /// This workspace's application.
    pub id: String,
    pub title: String,
    pub incoming: Selection,
    /// Empty: the record already says all this.
    pub changes: Vec<ResultChange>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultPlan {
    pub issuer: String,
    pub date: Option<NaiveDate>,
    pub items: Vec<ResultItem>,
    /// Named by the file for this unit but not in this workspace.
    pub missing: Vec<Selection>,
    /// Entries of an all-units file that belong to other units (skipped).
    pub other_units: usize,
    /// Entries concerning this unit, or no one can tell, that are not applied, each at its
    /// row: another unit's in a file for this one, one without a unit in a file for every
    /// unit, the same application twice (see `result_rows`).
    pub problems: Vec<ResultProblem>,
}

impl ResultPlan {
    pub fn unresolved(&self) -> usize {
        self.items.iter().flat_map(|i| &i.changes).filter(|c| c.conflict && c.choice.is_none()).count()
    }

    pub fn changed(&self) -> usize {
        self.items.iter().filter(|i| !i.changes.is_empty()).count()
    }

    /// Chooses a side for one conflict (by application id and field).
    pub fn choose(&mut self, id: &str, field: ResultField, choice: Choice) {
        let changes = self.items.iter_mut().filter(|i| i.id == id).flat_map(|i| i.changes.iter_mut());
        for c in changes.filter(|c| c.field == field && c.conflict) {
            c.choice = Some(choice);
        }
    }

    /// One line for the file list: issuer, date and what the file concerns here, then the
    /// entries not applied, each said at its row.
    pub fn describe(&self) -> String {
        let date = self.date.map(|d| format!("，{d}")).unwrap_or_default();
        let mut s = format!("遴选结果（{}{date}）：涉及本单位 {} 份申请", self.issuer, self.items.len());
        if !self.missing.is_empty() {
            s.push_str(&format!("，另有 {} 份本工作区没有", self.missing.len()));
        }
        if self.other_units > 0 {
            s.push_str(&format!("，{} 条属于其他单位（略过）", self.other_units));
        }
        if !self.problems.is_empty() {
            s.push_str(&format!("；{} 条未导入：{}", self.problems.len(), said(&self.problems)));
        }
        s
    }
}

/// The first few problems' sentences, joined.
fn said(problems: &[ResultProblem]) -> String {
    const SHOWN: usize = 3;
    let mut s = problems.iter().take(SHOWN).map(|p| p.message.as_str()).collect::<Vec<_>>().join("；");
    if problems.len() > SHOWN {
        s.push_str(&format!("；另有 {} 条", problems.len() - SHOWN));
    }
    s
}

/// The plan, or why the file cannot be imported here (a sentence in Chinese). An entry
/// applies to an application of this workspace when both its unit and its id match: the
/// file's unit (or, in a file for every unit, the entry's) is this workspace's, and the id
/// is one of its applications.
pub fn plan_results(ws: &Workspace, b: &Bundle) -> Result<ResultPlan, String> {
    if b.kind != Kind::Result {
        return Err(format!("这是{}数据包，不是遴选结果", b.kind.label()));
    }
    let here = ws.unit.trim();
    let for_unit = b.unit.trim();
    if !for_unit.is_empty() && !here.is_empty() && !same_unit(for_unit, here) {
        return Err(format!(
            "这是发给「{for_unit}」的遴选结果，\
             本工作区是「{here}」的，未导入；请把文件转交给「{for_unit}」"
        ));
    }
    if for_unit.is_empty() && here.is_empty() {
        return Err("这是发给全部单位的遴选结果，\
                    本工作区还没有填写单位（单位汇总页的「填报单位」），\
                    无法认出哪些是本单位的申请，未导入；请先填写填报单位再导入"
            .into());
    }
    let rows = read_rows(b);
    // In a file for one unit every entry not skipped is that unit's.
    let ours = |s: &Selection| !for_unit.is_empty() || same_unit(&s.unit, here);
    let mut relevant = Vec::new();
    let mut other_units = 0;
    for (s, skipped) in b.results.iter().zip(&rows.skipped) {
        if ours(s) || s.unit.trim().is_empty() {
            if !skipped {
                relevant.push(s);
            }
        } else {
            other_units += 1;
        }
    }
    // Problems of other units' entries are theirs to hear about.
    let problems: Vec<ResultProblem> = rows
        .problems
        .into_iter()
        .filter(|p| p.kind != ResultProblemKind::Duplicate || ours(&b.results[p.index]))
        .collect();
    if relevant.is_empty() {
        return Err(match (other_units, problems.is_empty()) {
            (0, true) => "文件中没有本单位的遴选结果，未导入".to_string(),
            (n, true) => format!(
                "文件中的 {n} 条遴选结果都属于其他单位，\
                 没有「{here}」的，未导入"
            ),
            (0, false) => format!("文件中没有可以导入的遴选结果，未导入：{}", said(&problems)),
            (n, false) => format!(
                "文件中没有可以导入的遴选结果，\
                 未导入：{n} 条属于其他单位；{}",
                said(&problems)
            ),
        });
    }
    let rs = ws.rule_set();
    let mut items = Vec::new();
    let mut missing = Vec::new();
    for s in relevant {
        match ws.get(&s.id) {
            Some(a) => items.push(ResultItem {
                id: a.id.clone(),
                title: a.display_title(),
                incoming: s.clone(),
                changes: changes(a, s, rs),
            }),
            None => missing.push(s.clone()),
        }
    }
    if items.is_empty() {
        let names: Vec<String> = missing.iter().take(5).map(Selection::display).collect();
        let more = if missing.len() > 5 { "等" } else { "" };
        return Err(format!(
            "文件中的 {} 份申请（{}{more}）在本工作区都找不到，\
             未导入：可能是其他单位的文件，或这些申请已删除",
            missing.len(),
            names.join("、")
        ));
    }
    Ok(ResultPlan { issuer: b.issuer.clone(), date: b.date, items, missing, other_units, problems })
}

fn changes(a: &Application, s: &Selection, rs: &RuleSet) -> Vec<ResultChange> {
    use ExecutionStatus::{Approved, Done, Pending, Rejected};
    let ex = a.execution.clone().unwrap_or_default();
    let mut out = Vec::new();
    let mut push = |field, mine: String, theirs: String, conflict| {
        out.push(ResultChange { field, mine, theirs, conflict, choice: None });
    };
    if let Some(d) = s.decision {
        let target = if d == Decision::Selected { Approved } else { Rejected };
        // A later stage (已执行, 已取消) agrees with 入选; only the opposite answer clashes.
        let conflict = match (d, ex.status) {
            (_, Pending) => Some(false),
            (Decision::Selected, Rejected) | (Decision::NotSelected, Approved | Done) => Some(true),
            _ => None,
        };
        if let Some(conflict) = conflict {
            push(ResultField::Status, ex.status.label().into(), target.label().into(), conflict);
        }
    }
    let label = |c: Option<Category>| c.map(|c| rs.category(c).label.clone()).unwrap_or_else(|| "（空）".into());
    if let Some(c) = s.approved_category
        && ex.approved_category != Some(c)
    {
        push(
            ResultField::ApprovedCategory,
            label(ex.approved_category),
            label(Some(c)),
            ex.approved_category.is_some(),
        );
    }
    let money = |m: Option<crate::model::Money>| m.map(|m| m.to_string()).unwrap_or_else(|| "（空）".into());
    if let Some(m) = s.funding
        && ex.academy_funding != Some(m)
    {
        push(ResultField::Funding, money(ex.academy_funding), money(Some(m)), ex.academy_funding.is_some());
    }
    // The note is the bureau's own text: a newer file replaces it.
    if !s.note.trim().is_empty() && ex.selection_note != s.note.trim() {
        let mine = if ex.selection_note.is_empty() { "（空）".to_string() } else { ex.selection_note.clone() };
        push(ResultField::Note, mine, s.note.trim().to_string(), false);
    }
    out
}

/// The workspace with every change made, or why nothing was: a conflict without a choice,
/// or an application gone since the preview.
pub fn apply_results(ws: &Workspace, plan: &ResultPlan) -> Result<Workspace, String> {
    if plan.unresolved() > 0 {
        return Err(format!("遴选结果还有 {} 处冲突未选择保留哪一方", plan.unresolved()));
    }
    let mut out = ws.clone();
    for item in plan.items.iter().filter(|i| !i.changes.is_empty()) {
        let Some(a) = out.applications.iter_mut().find(|a| a.id == item.id) else {
            return Err(format!("申请《{}》在预览之后被删除了，请重新导入", item.title));
        };
        let ex = a.execution.get_or_insert_with(Execution::default);
        let s = &item.incoming;
        for c in item.changes.iter().filter(|c| !c.conflict || c.choice == Some(Choice::Theirs)) {
            match c.field {
                ResultField::Status => {
                    ex.status = match s.decision {
                        Some(Decision::NotSelected) => ExecutionStatus::Rejected,
                        _ => ExecutionStatus::Approved,
                    }
                }
                ResultField::ApprovedCategory => ex.approved_category = s.approved_category,
                ResultField::Funding => ex.academy_funding = s.funding,
                ResultField::Note => ex.selection_note = s.note.trim().to_string(),
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
#[path = "result_plan_tests.rs"]
mod tests;
