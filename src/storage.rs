//! The only place that touches `window.localStorage` (web-sys; JSON read through `crate::json`).
//!
//! Layout (schema 1): `peixun/index` holds the workspace without its applications plus
//! the list of application ids; each application is under `peixun/app/<id>`. One key per
//! application keeps a keystroke's write small however many drafts there are.
//!
//! Several tabs share these keys. Each tab remembers a hash of the text it last wrote or
//! read under a key ([`Stored`]); a write is refused when the key has changed since
//! (another tab wrote), so no tab ever silently overwrites another's draft.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Serialize, de::DeserializeOwned};
use wasm_bindgen::JsCast;

pub use crate::backup::{APP_PREFIX, INDEX_KEY, SCHEMA, StoredIndex as Index, app_key};
use crate::model::{Application, Workspace, text_hash};

/// A hash of the text under a key as this tab last wrote or read it; `None`: no value.
pub type Stored = Option<u64>;

/// Everything saved, as the app starts with it.
pub struct Loaded {
    pub workspace: Workspace,
    pub done_sections: BTreeMap<String, BTreeSet<String>>,
    /// What each application's key held.
    pub stored: BTreeMap<String, u64>,
    /// Why `peixun/index` could not be read (written by a newer version, damaged): it is
    /// then never overwritten.
    pub index_error: Option<String>,
    /// What `peixun/index` held: the settings' base for the next save's merge.
    pub index_stored: Stored,
    /// Keys of listed drafts that cannot be read (damaged, or from another program): not
    /// shown, never written over (the index keeps their ids); `recover.html` backs them up.
    pub unreadable: Vec<String>,
}

pub fn load_all() -> Loaded {
    let index_text = raw(INDEX_KEY);
    let index_stored = index_text.as_deref().map(text_hash);
    let (index, index_error) = match index_text.map(|t| Index::parse(&t)) {
        Some(Ok(index)) => (index, None),
        Some(Err(e)) => (Index::default(), Some(e)),
        None => (Index::default(), None),
    };
    let mut workspace = index.workspace;
    let mut stored = BTreeMap::new();
    let mut unreadable = Vec::new();
    for id in &index.applications {
        let key = app_key(id);
        let Some(text) = raw(&key) else { continue };
        match parse_application(&text) {
            Some(app) => {
                stored.insert(id.clone(), text_hash(&text));
                workspace.applications.push(app);
            }
            None => unreadable.push(key),
        }
    }
    Loaded { workspace, done_sections: index.done_sections, stored, index_error, index_stored, unreadable }
}

/// The text under a key now (another tab may have written it).
pub fn raw(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

pub fn stored(key: &str) -> Stored {
    raw(key).map(|t| text_hash(&t))
}

pub fn parse_application(text: &str) -> Option<Application> {
    crate::json::from_str(text).ok()
}

pub fn parse_index(text: &str) -> Option<Index> {
    Index::parse(text).ok()
}

/// Writes the application unless its key no longer holds `expected` (another tab wrote
/// it): then `Ok(None)` and nothing written. `Ok(Some(hash))`: written.
pub fn save_application(app: &Application, expected: Stored) -> Result<Option<u64>, String> {
    let key = app_key(&app.id);
    if stored(&key) != expected {
        return Ok(None);
    }
    write(&key, app).map(Some)
}

pub fn remove_application(id: &str) {
    if let Some(s) = local() {
        _ = s.remove_item(&app_key(id));
    }
}

/// Writes the index; the list of applications keeps ids another tab added meanwhile.
pub fn save_index(ws: &Workspace, done_sections: &BTreeMap<String, BTreeSet<String>>) -> Result<u64, String> {
    let mut applications: Vec<String> = ws.applications.iter().map(|a| a.id.clone()).collect();
    if let Some(theirs) = raw(INDEX_KEY).and_then(|t| parse_index(&t)) {
        let ours: std::collections::HashSet<&str> = ws.applications.iter().map(|a| a.id.as_str()).collect();
        let extra: Vec<String> = theirs
            .applications
            .into_iter()
            .filter(|id| !ours.contains(id.as_str()) && raw(&app_key(id)).is_some())
            .collect();
        applications.extend(extra);
    }
    let index = Index { schema: SCHEMA, applications, workspace: ws.settings(), done_sections: done_sections.clone() };
    write(INDEX_KEY, &index)
}

/// A change another tab made.
pub enum Change {
    /// `old`: what the key held before the write (the browser says).
    Application {
        id: String,
        text: Option<String>,
        old: Option<String>,
    },
    Index(Option<String>),
}

/// Calls `f` for each change another tab of this origin makes (the `storage` event).
pub fn on_other_tab(f: impl Fn(Change) + 'static) {
    let handle = leptos::prelude::window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        let Some(key) = ev.key() else { return };
        if key == INDEX_KEY {
            f(Change::Index(ev.new_value()));
        } else if let Some(id) = key.strip_prefix(APP_PREFIX) {
            f(Change::Application { id: id.to_string(), text: ev.new_value(), old: ev.old_value() });
        }
    });
    // Lives as long as the page.
    std::mem::forget(handle);
}

/// Every `peixun/` key with its raw text: what a backup holds.
pub fn entries() -> BTreeMap<String, String> {
    let Some(storage) = local() else { return BTreeMap::new() };
    let n = storage.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with("peixun/"))
        .filter_map(|k| raw(&k).map(|v| (k, v)))
        .collect()
}

/// When the last backup was made; started now if this browser has no record yet.
pub fn backup_record(now: chrono::DateTime<chrono::FixedOffset>) -> crate::backup::BackupRecord {
    read(crate::backup::RECORD_KEY).unwrap_or_else(|| {
        let record = crate::backup::BackupRecord { last: None, since: now };
        let _ = write(crate::backup::RECORD_KEY, &record);
        record
    })
}

pub fn save_backup_record(record: &crate::backup::BackupRecord) -> Result<(), String> {
    write(crate::backup::RECORD_KEY, record).map(drop)
}

const CARD_KEY: &str = "peixun/card";

/// A partner's member card (成员信息卡), kept apart from the drafts.
pub fn load_card<T: DeserializeOwned>() -> Option<T> {
    read(CARD_KEY)
}

pub fn save_card<T: Serialize>(card: &T) -> Result<(), String> {
    write(CARD_KEY, card).map(drop)
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Through `crate::json`, not serde_json directly: a second copy of every `Deserialize`
/// impl would grow the wasm.
fn read<T: DeserializeOwned>(key: &str) -> Option<T> {
    crate::json::from_str(&raw(key)?).ok()
}

/// Writes a value and returns the hash of its text; a failure (quota, private mode) is
/// returned in Chinese, never swallowed.
fn write<T: Serialize>(key: &str, value: &T) -> Result<u64, String> {
    let text = serde_json::to_string(value).map_err(|e| format!("本地存储写入失败（{e}）"))?;
    let storage = local().ok_or("浏览器不提供本地存储")?;
    storage.set_item(key, &text).map_err(|e| {
        let dom = e.dyn_ref::<web_sys::DomException>();
        let (name, code) = dom.map_or((String::new(), 0), |d| (d.name(), d.code()));
        if crate::backup::is_quota(&name, code) {
            "浏览器的本地存储空间已满".to_string()
        } else {
            format!("浏览器拒绝写入本地存储（{}）", dom.map_or_else(|| format!("{e:?}"), |d| d.message()))
        }
    })?;
    Ok(text_hash(&text))
}
