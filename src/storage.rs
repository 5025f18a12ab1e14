//! The only place that touches `window.localStorage` (web-sys; JSON read through `crate::json`).
//!
//! Layout (schema 1): `peixun/index` holds the workspace without its applications plus
//! the list of application ids; each application is under `peixun/app/<id>`. One key per
//! application keeps a keystroke's write small however many drafts there are.
//!
//! Several tabs share these keys. Each tab remembers a hash of the text it last wrote or
//! read under a key ([`Stored`]); a write is refused when the key has changed since
//! (another tab wrote), so no tab ever silently overwrites another's draft.
//!
//! `idb`: what does not fit in localStorage (the bureau's opened unit bundles), in IndexedDB.

pub mod idb;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Serialize, de::DeserializeOwned};
use wasm_bindgen::JsCast;

use crate::backup::BackupRecord;
pub use crate::backup::{APP_PREFIX, INDEX_KEY, SCHEMA, StoredIndex as Index, app_key};
use crate::bundle::CardDraft;
use crate::model::{Application, text_hash};
use crate::workspace::Workspace;

/// A hash of the text under a key as this tab last wrote or read it; `None`: no value.
pub type Stored = Option<u64>;

/// Everything saved, as the app starts with it; empty on a browser that has nothing saved.
#[derive(Default)]
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
    /// The application ids `peixun/index` listed (unreadable ones too: they stay listed).
    pub listed: Vec<String>,
    /// Keys of listed drafts that cannot be read (damaged, or from another program): not
    /// shown, never written over (the index keeps their ids); `recover.html` backs them up.
    pub unreadable: Vec<String>,
    /// When the last backup was made, if this browser has a record.
    pub backup: Option<BackupRecord>,
}

impl Loaded {
    /// The reader's chunk could not be fetched: nothing is shown and nothing written.
    pub fn unavailable() -> Loaded {
        Loaded {
            index_error: Some(
                "读取数据的程序文件没有下载成功，\
                 可能网络已断开；请联网后刷新本页"
                    .into(),
            ),
            ..Loaded::default()
        }
    }
}

/// What reads stored text into drafts: serde's `Deserialize` for every type of a draft and
/// of the index, about 20 KB of the first download, which a first visit to an empty browser
/// never runs. So it comes in a chunk (`ui::lazy::reader`): at start when something is
/// saved, else when another tab's write must be read.
#[derive(Clone, Copy)]
pub struct Reader {
    pub load_all: fn() -> Loaded,
    pub parse_application: fn(&str) -> Option<Application>,
    pub parse_index: fn(&str) -> Option<Index>,
    /// Whether an index says it was written by a newer storage version than this one reads.
    pub newer_index: fn(&str) -> bool,
    /// The partner's member card (成员信息卡) from its stored text (`stored_card`), if readable.
    pub parse_card: fn(&str) -> Option<CardDraft>,
    /// Another tab's settings merged into this tab's from the version both last shared
    /// (`workspace::merge_settings3`): only needed once another tab's index has been read,
    /// so it comes with the reader, not in the first module.
    pub merge_settings: fn(&Workspace, &Workspace, &Workspace) -> crate::workspace::SettingsMerge,
}

/// Named only by the chunk's split point, so that its functions stay out of the first module.
pub const READER: Reader = Reader {
    load_all,
    parse_application,
    parse_index,
    newer_index: crate::backup::newer_schema,
    parse_card,
    merge_settings: crate::workspace::merge_settings3,
};

thread_local! {
    static LOADED_READER: std::cell::Cell<Option<Reader>> = const { std::cell::Cell::new(None) };
}

/// The reader, once its chunk is here.
pub fn reader() -> Option<Reader> {
    LOADED_READER.get()
}

pub fn set_reader(reader: Reader) {
    LOADED_READER.set(Some(reader));
}

/// Whether this browser holds anything of the app's (then the reader is needed to start).
pub fn has_saved_data() -> bool {
    let Some(storage) = local() else { return false };
    let n = storage.length().unwrap_or(0);
    (0..n).filter_map(|i| storage.key(i).ok().flatten()).any(|k| k.starts_with("peixun/"))
}

fn load_all() -> Loaded {
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
    Loaded {
        workspace,
        done_sections: index.done_sections,
        stored,
        index_error,
        index_stored,
        listed: index.applications,
        unreadable,
        backup: read(crate::backup::RECORD_KEY),
    }
}

/// Reads what is stored now, without waiting for a chunk (tests, and the reader's own use).
pub fn load_now() -> Loaded {
    set_reader(READER);
    load_all()
}

/// The text under a key now (another tab may have written it).
pub fn raw(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

pub fn stored(key: &str) -> Stored {
    raw(key).map(|t| text_hash(&t))
}

fn parse_application(text: &str) -> Option<Application> {
    crate::json::from_str(text).ok()
}

fn parse_index(text: &str) -> Option<Index> {
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

/// Removes the application unless its key no longer holds `expected` (another tab wrote it
/// since this tab last saw it): then `false` and nothing removed.
pub fn remove_application(id: &str, expected: Stored) -> bool {
    let key = app_key(id);
    if stored(&key) != expected {
        return false;
    }
    if let Some(s) = local() {
        _ = s.remove_item(&key);
    }
    true
}

/// Writes the index unless it no longer holds `parent`, the version this write is made
/// over (another tab wrote it since): then `Ok(None)` and nothing written. `listed`: the
/// ids the stored index lists (as this tab last wrote or read it, or another tab's just
/// read): those not in `ws` whose drafts are still stored (added by another tab, or
/// unreadable here) stay listed. Returns the text's hash and the ids written.
pub fn save_index(
    ws: &Workspace,
    done_sections: &BTreeMap<String, BTreeSet<String>>,
    listed: &[String],
    parent: Stored,
) -> Result<Option<(u64, Vec<String>)>, String> {
    if stored(INDEX_KEY) != parent {
        return Ok(None);
    }
    let mut applications: Vec<String> = ws.applications.iter().map(|a| a.id.clone()).collect();
    let ours: std::collections::HashSet<&str> = ws.applications.iter().map(|a| a.id.as_str()).collect();
    let extra: Vec<String> =
        listed.iter().filter(|id| !ours.contains(id.as_str()) && raw(&app_key(id)).is_some()).cloned().collect();
    applications.extend(extra);
    let index = Index {
        schema: SCHEMA,
        applications,
        workspace: ws.settings(),
        done_sections: done_sections.clone(),
        parent: Some(crate::backup::lineage::name(parent)),
    };
    write(INDEX_KEY, &index).map(|hash| Some((hash, index.applications)))
}

/// What this page holds, as the keys it would store (the index, then each application):
/// the entries of a backup of what is on screen, when it can no longer be saved.
pub fn page_entries(ws: &Workspace, done_sections: &BTreeMap<String, BTreeSet<String>>) -> BTreeMap<String, String> {
    let index = Index {
        schema: SCHEMA,
        applications: ws.applications.iter().map(|a| a.id.clone()).collect(),
        workspace: ws.settings(),
        done_sections: done_sections.clone(),
        parent: None,
    };
    // Plain structs always serialise.
    let app = |a: &Application| (app_key(&a.id), serde_json::to_string(a).unwrap_or_default());
    std::iter::once((INDEX_KEY.to_string(), serde_json::to_string(&index).unwrap_or_default()))
        .chain(ws.applications.iter().map(app))
        .collect()
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

thread_local! {
    /// Set by [`clear_all`]: this page writes nothing more (a save, a pagehide or a backup
    /// record would put back what was removed); a reload starts afresh.
    static CLEARED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// What every write says once this page cleared the data.
pub const CLEARED_TEXT: &str = "本机数据已清除：本页不再保存。刷新本页即可重新开始。";

/// Removes every `peixun/` key (「清除本机数据」); the app's offline files (the service
/// worker's cache) are not storage and stay. The index goes first, so that another tab
/// stops saving before it sees a draft go. From then on this page writes nothing. Returns
/// how many keys were removed, or why one could not be.
pub fn clear_all() -> Result<usize, String> {
    let Some(storage) = local() else { return Err("无法访问本浏览器的本地存储".into()) };
    CLEARED.set(true);
    let mut keys: Vec<String> = entries().into_keys().collect();
    keys.sort_by_key(|k| k != INDEX_KEY);
    for key in &keys {
        storage.remove_item(key).map_err(|e| format!("无法删除 {key}：{e:?}"))?;
    }
    Ok(keys.len())
}

/// When the last backup was made (`read` at start); started now if this browser has no
/// record yet. One this page did not read (damaged, or its reader missing) stays as it is.
pub fn backup_record(read: Option<BackupRecord>, now: chrono::DateTime<chrono::FixedOffset>) -> BackupRecord {
    read.unwrap_or_else(|| {
        let record = BackupRecord { last: None, since: now };
        if raw(crate::backup::RECORD_KEY).is_none() {
            let _ = write(crate::backup::RECORD_KEY, &record);
        }
        record
    })
}

pub fn save_backup_record(record: &BackupRecord) -> Result<(), String> {
    write(crate::backup::RECORD_KEY, record).map(drop)
}

pub const CARD_KEY: &str = "peixun/card";

/// The stored text of a partner's member card (成员信息卡), kept apart from the drafts; read
/// by `Reader::parse_card`.
pub fn stored_card() -> Option<String> {
    raw(CARD_KEY)
}

fn parse_card(text: &str) -> Option<CardDraft> {
    crate::json::from_str(text).ok()
}

/// Writes the card unless its key no longer holds `expected` (another tab saved a card
/// since this page last saw it): then `Ok(None)` and nothing written.
pub fn save_card(card: &CardDraft, expected: Stored) -> Result<Option<u64>, String> {
    if stored(CARD_KEY) != expected {
        return Ok(None);
    }
    write(CARD_KEY, card).map(Some)
}

/// Calls `f` with the card's new text each time another tab writes it (removed with the handle).
pub fn on_other_tab_card(f: impl Fn(Option<String>) + 'static) -> leptos::prelude::WindowListenerHandle {
    leptos::prelude::window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        if ev.key().as_deref() == Some(CARD_KEY) {
            f(ev.new_value());
        }
    })
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
    if CLEARED.get() {
        return Err(CLEARED_TEXT.into());
    }
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
