//! The entries of a well-formed result file that are never applied, each said at its row:
//! in a file for one unit, an entry of another unit; in a file for every unit, an entry
//! without a unit (no one can tell whose it is); and the same application (one unit, one
//! id) twice. Repeats that say the same thing are applied once; repeats that disagree are
//! not applied at all, since the file does not say which is right. `peixun-check` lists
//! these as findings, the import in its plan, and both apply the same reading.

use std::collections::HashMap;

use super::format::Bundle;
use super::result::ISSUER;
use crate::model::Selection;
use crate::model::unit_name::same_unit;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultProblemKind {
    /// A file for one unit holds another unit's entry.
    OtherUnit,
    /// A file for every unit holds an entry without a unit.
    NoUnit,
    /// The same application again (same unit and id), after its first entry.
    Duplicate,
}

impl ResultProblemKind {
    /// The rule id `peixun-check` reports it under.
    pub fn rule(self) -> &'static str {
        match self {
            ResultProblemKind::OtherUnit => "result-other-unit",
            ResultProblemKind::NoUnit => "result-no-unit",
            ResultProblemKind::Duplicate => "result-duplicate",
        }
    }
}

/// One entry that is not applied, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultProblem {
    /// The entry's index in `results`.
    pub index: usize,
    pub kind: ResultProblemKind,
    /// The field at fault, e.g. `results[3].unit`.
    pub path: String,
    /// A Chinese sentence naming the row.
    pub message: String,
}

/// What the reading of a file's rows found: the problems in row order, and which entries
/// are not applied (`skipped[i]`; a disagreeing repeat skips its first entry too).
pub(super) struct Rows {
    pub problems: Vec<ResultProblem>,
    pub skipped: Vec<bool>,
}

/// Reads `b`'s rows (`kind: "result"`).
pub(super) fn read_rows(b: &Bundle) -> Rows {
    let file_unit = b.unit.trim();
    let mut problems = Vec::new();
    let mut skipped = vec![false; b.results.len()];
    let who = |i: usize, s: &Selection| format!("第 {} 条结果（{}）", i + 1, s.display());
    let at = |i: usize, field: &str| format!("results[{i}].{field}");
    for (i, s) in b.results.iter().enumerate() {
        let unit = s.unit.trim();
        let (kind, message) = if file_unit.is_empty() && unit.is_empty() {
            let msg = format!(
                "{}没有写明单位（unit）：发给全部单位的遴选结果中每条都要写明单位，\
                 否则无法判断是哪个单位的申请，这一条不导入",
                who(i, s)
            );
            (ResultProblemKind::NoUnit, msg)
        } else if !file_unit.is_empty() && !unit.is_empty() && !same_unit(unit, file_unit) {
            let msg = format!(
                "{}是「{unit}」的申请，\
                 而本文件是发给「{file_unit}」的，这一条不导入",
                who(i, s)
            );
            (ResultProblemKind::OtherUnit, msg)
        } else {
            continue;
        };
        skipped[i] = true;
        problems.push(ResultProblem { index: i, kind, path: at(i, "unit"), message });
    }

    // The remaining entries, grouped per application: one unit (the file's, or each
    // entry's in a file for every unit) and one id.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, s) in b.results.iter().enumerate().filter(|(i, _)| !skipped[*i]) {
        let candidates = by_id.entry(s.id.as_str()).or_default();
        let same = |g: &usize| file_unit.is_empty().then(|| &b.results[groups[*g][0]].unit);
        match candidates.iter().find(|g| same(g).is_none_or(|u| same_unit(u, &s.unit))) {
            Some(&g) => groups[g].push(i),
            None => {
                candidates.push(groups.len());
                groups.push(vec![i]);
            }
        }
    }
    let issuer = if b.issuer.trim().is_empty() { ISSUER } else { b.issuer.trim() };
    for group in groups.iter().filter(|g| g.len() > 1) {
        let first = group[0];
        let agree = group[1..].iter().all(|&i| same_outcome(&b.results[first], &b.results[i]));
        for &i in &group[1..] {
            let s = &b.results[i];
            let message = if agree {
                format!(
                    "{}与第 {} 条重复（同一份申请、同样的结果），只按第 {} 条导入一次",
                    who(i, s),
                    first + 1,
                    first + 1
                )
            } else {
                format!(
                    "{}与第 {} 条是同一份申请，结果却不同，\
                     无法确定以哪一条为准：这份申请的结果都不导入，请向{issuer}核实",
                    who(i, s),
                    first + 1
                )
            };
            skipped[i] = true;
            problems.push(ResultProblem { index: i, kind: ResultProblemKind::Duplicate, path: at(i, "id"), message });
        }
        if !agree {
            skipped[first] = true;
        }
    }
    problems.sort_by_key(|p| p.index);
    Rows { problems, skipped }
}

/// Whether two entries for one application say the same.
fn same_outcome(a: &Selection, b: &Selection) -> bool {
    (a.decision, a.approved_category, a.funding, a.note.trim())
        == (b.decision, b.approved_category, b.funding, b.note.trim())
}
