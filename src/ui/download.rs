//! Saves text as a file the user downloads (a Blob URL, no network).

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

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
