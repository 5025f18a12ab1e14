//! Field-level diff and merge of two copies of one application, done on their JSON form
//! so that a field added to the model later is compared without touching this file.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::labels::{display, label, member_label, member_name};
use crate::model::Application;

/// Which side's value to keep for one conflicting field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Choice {
    Mine,
    Theirs,
}

/// One field that differs, with both values as people read them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldConflict {
    /// `title`, `hosts`, `members[1].birth_date`, `members[2]` (only in mine),
    /// `members[theirs:0]` (only in theirs).
    pub path: String,
    pub label_zh: String,
    pub mine: String,
    pub theirs: String,
}

/// Bookkeeping, not content: never a conflict (the rule-set an application is checked
/// against is the receiving workspace's business).
const SKIP: [&str; 6] = ["id", "revision", "updated_at", "history", "members", "rule_set"];

/// Every field where `mine` and `theirs` differ, in field order.
pub fn diff(mine: &Application, theirs: &Application) -> Vec<FieldConflict> {
    let (m, t) = (object(mine), object(theirs));
    let mut out = Vec::new();
    for key in keys(&m, &t) {
        let (a, b) = (get(&m, &key), get(&t, &key));
        if a != b {
            out.push(FieldConflict {
                label_zh: label(&key).into(),
                mine: display(&key, a),
                theirs: display(&key, b),
                path: key,
            });
        }
    }
    let (mm, tm) = (members(&m), members(&t));
    for pair in pair_members(&mm, &tm) {
        match pair {
            (Some(i), Some(j)) => {
                let (a, b) = (as_map(&mm[i]), as_map(&tm[j]));
                for key in keys(&a, &b) {
                    let (x, y) = (get(&a, &key), get(&b, &key));
                    if x != y {
                        out.push(FieldConflict {
                            path: format!("members[{i}].{key}"),
                            label_zh: format!("成员 {} 的{}", member_name(&mm[i]), member_label(&key)),
                            mine: display(&key, x),
                            theirs: display(&key, y),
                        });
                    }
                }
            }
            (Some(i), None) => out.push(FieldConflict {
                path: format!("members[{i}]"),
                label_zh: format!("成员 {}（仅我方有）", member_name(&mm[i])),
                mine: display("member", Some(&mm[i])),
                theirs: "（无此成员）".into(),
            }),
            (None, Some(j)) => out.push(FieldConflict {
                path: format!("members[theirs:{j}]"),
                label_zh: format!("成员 {}（仅对方有）", member_name(&tm[j])),
                mine: "（无此成员）".into(),
                theirs: display("member", Some(&tm[j])),
            }),
            (None, None) => {}
        }
    }
    out
}

/// `mine` with the fields `choices` sets to `Theirs` taken from `theirs` (a field not in
/// `choices` keeps mine). The result's revision is above both; its history holds both.
pub fn merge(mine: &Application, theirs: &Application, choices: &BTreeMap<String, Choice>) -> Application {
    let pick = |path: &str| choices.get(path).copied().unwrap_or(Choice::Mine) == Choice::Theirs;
    let (mut m, t) = (object(mine), object(theirs));
    for key in keys(&m, &t) {
        if pick(&key) {
            match t.get(&key) {
                Some(v) => m.insert(key, v.clone()),
                None => m.remove(&key),
            };
        }
    }
    let (mm, tm) = (members(&m), members(&t));
    let mut merged = Vec::new();
    let mut added = Vec::new();
    for pair in pair_members(&mm, &tm) {
        match pair {
            (Some(i), Some(j)) => {
                let (mut a, b) = (as_map(&mm[i]), as_map(&tm[j]));
                for key in keys(&a, &b) {
                    if pick(&format!("members[{i}].{key}")) {
                        match b.get(&key) {
                            Some(v) => a.insert(key, v.clone()),
                            None => a.remove(&key),
                        };
                    }
                }
                merged.push(Value::Object(a));
            }
            (Some(i), None) if !pick(&format!("members[{i}]")) => merged.push(mm[i].clone()),
            (None, Some(j)) if pick(&format!("members[theirs:{j}]")) => added.push(tm[j].clone()),
            _ => {}
        }
    }
    merged.extend(added);
    m.insert("members".into(), Value::Array(merged));
    // Each field came from a valid application, so the mix is valid too; should that ever
    // fail, keeping mine unchanged is the safe side.
    let mut out: Application = crate::json::from_value(&Value::Object(m)).unwrap_or_else(|_| mine.clone());
    out.id = mine.id.clone();
    // Saturating: a file may carry any revision, up to u64::MAX.
    out.revision = mine.revision.max(theirs.revision).saturating_add(1);
    out.updated_at = mine.updated_at.max(theirs.updated_at);
    out.history = union(&mine.history, &theirs.history);
    out
}

/// `a` then the entries of `b` not in `a`.
pub(crate) fn union<T: PartialEq + Clone>(a: &[T], b: &[T]) -> Vec<T> {
    let mut out = a.to_vec();
    out.extend(b.iter().filter(|x| !a.contains(x)).cloned());
    out
}

fn object(app: &Application) -> Map<String, Value> {
    // Through the text rather than `to_value`: no second serializer in the wasm.
    let text = serde_json::to_string(app).unwrap_or_default();
    as_map(&crate::json::from_str(&text).unwrap_or(Value::Null))
}

fn as_map(v: &Value) -> Map<String, Value> {
    v.as_object().cloned().unwrap_or_default()
}

fn members(m: &Map<String, Value>) -> Vec<Value> {
    m.get("members").and_then(Value::as_array).cloned().unwrap_or_default()
}

/// Content keys of both sides: mine's order, then keys only theirs has.
fn keys(a: &Map<String, Value>, b: &Map<String, Value>) -> Vec<String> {
    let mut ks: Vec<String> = a.keys().cloned().collect();
    ks.extend(b.keys().filter(|k| !a.contains_key(*k)).cloned());
    ks.retain(|k| !SKIP.contains(&k.as_str()));
    ks
}

/// A missing field and `null` mean the same.
fn get<'v>(m: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    m.get(key).filter(|v| !v.is_null())
}

/// Members matched by id: (index in mine, index in theirs), mine's order first.
fn pair_members(mine: &[Value], theirs: &[Value]) -> Vec<(Option<usize>, Option<usize>)> {
    let id = |v: &Value| v.get("id").and_then(Value::as_str).unwrap_or("").to_string();
    let mut used = vec![false; theirs.len()];
    let mut out = Vec::new();
    for (i, m) in mine.iter().enumerate() {
        let mid = id(m);
        let j = (!mid.is_empty()).then(|| (0..theirs.len()).find(|&j| !used[j] && id(&theirs[j]) == mid)).flatten();
        if let Some(j) = j {
            used[j] = true;
        }
        out.push((Some(i), j));
    }
    out.extend((0..theirs.len()).filter(|&j| !used[j]).map(|j| (None, Some(j))));
    out
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
