//! The browser's storage layout (schema 1) and backups of it. A backup is every
//! `peixun/` key of localStorage with its raw text, as `recover.html` also writes it; it
//! restores through the ordinary import (preview, conflicts, all or nothing).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::model::Application;
use crate::workspace::Workspace;

/// The storage layout's version, in `peixun/index`.
pub const SCHEMA: u32 = 1;
pub const INDEX_KEY: &str = "peixun/index";
pub const APP_PREFIX: &str = "peixun/app/";
/// When the last backup was made (a [`BackupRecord`]).
pub const RECORD_KEY: &str = "peixun/backup";
pub const FORMAT: &str = "peixun-backup";
/// Days without a backup, after drafts changed, before the app reminds the user.
pub const REMIND_AFTER_DAYS: i64 = 7;

/// Whether a refused localStorage write says the storage is full: Chromium and Safari
/// say `QuotaExceededError` (code 22), old Firefox `NS_ERROR_DOM_QUOTA_REACHED` (code 1014).
pub fn is_quota(name: &str, code: u16) -> bool {
    name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || code == 22 || code == 1014
}

pub fn app_key(id: &str) -> String {
    format!("{APP_PREFIX}{id}")
}

/// What `peixun/index` holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StoredIndex {
    pub schema: u32,
    pub applications: Vec<String>,
    /// The workspace minus its applications (unit, ranking, closures, reimbursements).
    pub workspace: Workspace,
    /// Editor sections each application's author marked as done.
    pub done_sections: BTreeMap<String, BTreeSet<String>>,
    /// The version this one was written over ([`lineage::name`]); none from older versions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

impl StoredIndex {
    /// An index written by this or an earlier storage version; a later one is refused
    /// rather than half read.
    pub fn parse(text: &str) -> Result<StoredIndex, String> {
        let index: StoredIndex = crate::json::from_str(text).map_err(|e| format!("{INDEX_KEY} 无法读取：{e}"))?;
        if index.schema > SCHEMA {
            return Err(format!(
                "数据来自更新版本的本工具（存储版本 {}），\
                 请用新版本打开",
                index.schema
            ));
        }
        Ok(index)
    }
}

/// The backup file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub version: u64,
    pub saved_at: Option<String>,
    #[serde(default)]
    pub origin: String,
    /// Key → the raw text stored under it.
    pub entries: BTreeMap<String, String>,
}

impl Backup {
    pub fn new(entries: BTreeMap<String, String>, saved_at: DateTime<FixedOffset>, origin: &str) -> Backup {
        Backup {
            format: FORMAT.into(),
            version: 1,
            saved_at: Some(saved_at.to_rfc3339()),
            origin: origin.into(),
            entries,
        }
    }

    pub fn to_json(&self) -> String {
        // Plain structs of strings always serialise.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// `None` unless the text is a backup at all (so other files get the bundle's errors).
    pub fn parse(text: &str) -> Option<Result<Backup, String>> {
        if !text.contains(FORMAT) {
            return None;
        }
        #[derive(Deserialize)]
        struct Probe {
            format: String,
        }
        // A cut-off backup is still recognisable as one, and then said to be damaged.
        let probe: Probe = match crate::json::from_str(text) {
            Ok(p) => p,
            Err(e) if e.inner().is_eof() && text.trim_start().starts_with('{') => Probe { format: FORMAT.into() },
            Err(_) => return None,
        };
        if probe.format != FORMAT {
            return None;
        }
        Some(crate::json::from_str::<Backup>(text).map_err(|e| format!("备份文件已损坏：{e}")).and_then(|b| {
            if b.version == 1 {
                Ok(b)
            } else {
                Err(format!("无法读取第 {} 版的备份文件，请用新版本打开", b.version))
            }
        }))
    }

    /// The backed-up applications in the index's order (the import preview takes them as
    /// a unit bundle, `bundle::batch`), the workspace's settings, and the entries that
    /// cannot be read: those are left out (and offered raw), never a reason to refuse the
    /// rest. An index from a newer version is.
    pub fn restore(&self) -> Result<Restored, String> {
        let mut damaged = Vec::new();
        let index = match self.entries.get(INDEX_KEY) {
            Some(text) if newer_schema(text) => return Err(StoredIndex::parse(text).err().unwrap_or_default()),
            Some(text) => StoredIndex::parse(text).unwrap_or_else(|why| {
                damaged.push(Damaged { key: INDEX_KEY.into(), raw: text.clone(), why });
                StoredIndex::default()
            }),
            None => StoredIndex::default(),
        };
        // The index's order first, then any application the index lost track of.
        let listed: Vec<String> = index.applications.iter().map(|id| app_key(id)).collect();
        let others = self.entries.keys().filter(|k| k.starts_with(APP_PREFIX) && !listed.contains(k)).cloned();
        let mut applications = Vec::new();
        for key in listed.iter().cloned().chain(others) {
            let Some(text) = self.entries.get(&key) else { continue };
            match crate::json::from_str::<Application>(text) {
                Ok(app) => applications.push(app),
                Err(e) => damaged.push(Damaged { key, raw: text.clone(), why: format!("无法读取：{e}") }),
            }
        }
        if applications.is_empty() && damaged.is_empty() && index == StoredIndex::default() {
            return Err("备份中没有本工具的数据".into());
        }
        Ok(Restored { applications, settings: index.workspace, damaged })
    }
}

/// What a backup restores to.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    pub applications: Vec<Application>,
    pub settings: Workspace,
    pub damaged: Vec<Damaged>,
}

/// A stored entry that cannot be read: kept as it was, for the user to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damaged {
    pub key: String,
    pub raw: String,
    pub why: String,
}

impl Damaged {
    /// `peixun-app-<id>.txt`: a file name for the raw text.
    pub fn file_name(&self) -> String {
        let safe: String =
            self.key.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect();
        format!("{safe}.txt")
    }
}

/// Whether the index says it was written by a newer storage version than this one reads.
pub fn newer_schema(text: &str) -> bool {
    #[derive(Deserialize)]
    struct Schema {
        #[serde(default)]
        schema: u32,
    }
    crate::json::from_str::<Schema>(text).is_ok_and(|s| s.schema > SCHEMA)
}

/// Adds the backup's settings that the workspace lacks: nothing of the workspace is
/// replaced (reimbursement rows by id, closure days, opinions by application, the unit
/// name only when empty).
pub fn merge_settings(ws: &mut Workspace, from: &Workspace) {
    if ws.unit.trim().is_empty() {
        ws.unit = from.unit.clone();
    }
    for r in &from.reimbursements {
        if !ws.reimbursements.iter().any(|x| x.id == r.id) {
            ws.reimbursements.push(r.clone());
        }
    }
    for d in &from.closure_days {
        if !ws.closure_days.contains(d) {
            ws.closure_days.push(*d);
        }
    }
    ws.closure_days.sort();
    for (k, v) in &from.opinions {
        ws.opinions.entry(k.clone()).or_insert_with(|| v.clone());
    }
    for rs in &from.rule_sets {
        if ws.find_rule_set(&rs.id).is_none() {
            ws.rule_sets.push(rs.clone());
        }
    }
    if ws.rule_set.is_empty() {
        ws.rule_set.clone_from(&from.rule_set);
    }
    for s in &from.selections {
        if ws.selection(&s.unit, &s.id).is_none() {
            ws.selections.push(s.clone());
        }
    }
}

/// `peixun/backup`: when the last backup was made, and since when this browser has had
/// drafts without one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupRecord {
    pub last: Option<DateTime<FixedOffset>>,
    pub since: DateTime<FixedOffset>,
}

impl BackupRecord {
    /// Days since the last backup (or since the first draft) when drafts changed after it
    /// and it is at least [`REMIND_AFTER_DAYS`] old; `None`: no reminder.
    pub fn reminder(&self, last_change: Option<DateTime<FixedOffset>>, now: DateTime<FixedOffset>) -> Option<i64> {
        let changed = last_change?;
        let from = self.last.unwrap_or(self.since);
        if self.last.is_some_and(|l| changed <= l) {
            return None;
        }
        let days = (now - from).num_days();
        (now - from >= Duration::days(REMIND_AFTER_DAYS)).then_some(days)
    }
}

pub mod lineage;
#[cfg(test)]
mod tests;
