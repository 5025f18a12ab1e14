//! Saves text as a file the user downloads (a Blob URL, no network).

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// A unit's file: `汇总表-物理所-20200110.csv` — `what`, the unit's name when it has one,
/// today's date (made safe by `bundle::file_name`), with `ext` (".csv", ".xlsx") in place
/// of the bundle suffix, or the bundle's own when `ext` is empty.
pub fn unit_file_name(store: crate::ui::state::Store, what: &str, ext: &str) -> String {
    let unit = store.ws.with_untracked(|w| w.unit.trim().to_string());
    let base = if unit.is_empty() { what.to_string() } else { format!("{what}-{unit}") };
    let name = crate::bundle::file_name(&base, crate::ui::clock::today());
    if ext.is_empty() { name } else { name.replace(crate::bundle::FILE_SUFFIX, ext) }
}

pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    download_part(file_name, mime, &JsValue::from_str(text))
}

/// Downloads bytes (a `Uint8Array`) or text (a JS string) as a file.
pub fn download_part(file_name: &str, mime: &str, part: &JsValue) -> Result<(), String> {
    let fail = |e: JsValue| format!("无法生成下载文件：{e:?}");
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_blob_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a").map_err(fail)?.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    // Revoke later: Chromium starts the download asynchronously.
    set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), std::time::Duration::from_secs(5));
    Ok(())
}
