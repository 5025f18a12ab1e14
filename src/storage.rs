//! The only place that touches `window.localStorage` (through gloo-storage).

use gloo_storage::{LocalStorage, Storage, errors::StorageError};
use serde::{Serialize, de::DeserializeOwned};

/// Reads a value; `None` when absent or unreadable (the caller keeps its default).
pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    LocalStorage::get(key).ok()
}

/// Writes a value; a failure (quota, private mode) is returned, never swallowed.
pub fn save<T: Serialize>(key: &str, value: &T) -> Result<(), String> {
    LocalStorage::set(key, value).map_err(|e| match e {
        StorageError::JsError(js) => format!("本地存储写入失败：{}", js.message),
        other => format!("本地存储写入失败：{other}"),
    })
}
