//! The only place that touches `window.localStorage`.
//!
//! Layout (schema 1): `peixun/index` holds the workspace without its applications plus
//! the list of application ids; each application is under `peixun/app/<id>`. One key per
//! application keeps a keystroke's write small however many drafts there are.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize, de::DeserializeOwned};
use wasm_bindgen::JsValue;

use crate::model::{Application, Workspace};

pub const SCHEMA: u32 = 1;
const INDEX_KEY: &str = "peixun/index";
const APP_PREFIX: &str = "peixun/app/";

/// What `peixun/index` holds.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Index {
    pub schema: u32,
    pub applications: Vec<String>,
    /// The workspace minus its applications (unit, ranking, closures, reimbursements).
    pub workspace: Workspace,
    /// Editor sections each application's author marked as done.
    pub done_sections: BTreeMap<String, BTreeSet<String>>,
}

/// Everything saved, as the app starts with it.
pub struct Loaded {
    pub workspace: Workspace,
    pub done_sections: BTreeMap<String, BTreeSet<String>>,
}

pub fn load_all() -> Loaded {
    let index: Index = read(INDEX_KEY).unwrap_or_default();
    let mut workspace = index.workspace;
    workspace.applications =
        index.applications.iter().filter_map(|id| read::<Application>(&format!("{APP_PREFIX}{id}"))).collect();
    Loaded { workspace, done_sections: index.done_sections }
}

pub fn save_application(app: &Application) -> Result<(), String> {
    write(&format!("{APP_PREFIX}{}", app.id), app)
}

pub fn remove_application(id: &str) {
    if let Some(s) = local() {
        _ = s.remove_item(&format!("{APP_PREFIX}{id}"));
    }
}

pub fn save_index(ws: &Workspace, done_sections: &BTreeMap<String, BTreeSet<String>>) -> Result<(), String> {
    let index = Index {
        schema: SCHEMA,
        applications: ws.applications.iter().map(|a| a.id.clone()).collect(),
        workspace: Workspace { applications: Vec::new(), ..ws.clone() },
        done_sections: done_sections.clone(),
    };
    write(INDEX_KEY, &index)
}

const CARD_KEY: &str = "peixun/card";

/// A partner's member card (成员信息卡), kept apart from the drafts.
pub fn load_card<T: DeserializeOwned>() -> Option<T> {
    read(CARD_KEY)
}

pub fn save_card<T: Serialize>(card: &T) -> Result<(), String> {
    write(CARD_KEY, card)
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Through `crate::json`, not gloo-storage: its own serde_json calls would add a second
/// copy of every `Deserialize` impl to the wasm.
fn read<T: DeserializeOwned>(key: &str) -> Option<T> {
    crate::json::from_str(&local()?.get_item(key).ok()??).ok()
}

/// Writes a value; a failure (quota, private mode) is returned in Chinese, never swallowed.
fn write<T: Serialize>(key: &str, value: &T) -> Result<(), String> {
    let text = serde_json::to_string(value).map_err(|e| format!("本地存储写入失败（{e}）"))?;
    let storage = local().ok_or("浏览器不提供本地存储")?;
    storage.set_item(key, &text).map_err(|js| {
        let name = js_field(&js, "name");
        if name == "QuotaExceededError" || name.contains("QUOTA") {
            "浏览器的本地存储空间已满".to_string()
        } else {
            format!("浏览器拒绝写入本地存储（{}）", js_field(&js, "message"))
        }
    })
}

fn js_field(error: &JsValue, field: &str) -> String {
    js_sys::Reflect::get(error, &JsValue::from_str(field)).ok().and_then(|v| v.as_string()).unwrap_or_default()
}
