//! The export worker: a wasm of its own, so rust_xlsxwriter (~190 KB brotli) and the .docx
//! writer are fetched only when someone exports, never on the app's first load.
//!
//! Trunk builds it as a Web Worker (`data-type="worker"`, no-modules bindings, loader shim
//! `peixun-xlsx_loader.js`). The protocol, one request at a time:
//! 1. the worker posts the string `"ready"` once its wasm runs: messages sent before that
//!    would reach no handler, so the page waits for it;
//! 2. the page posts a JSON string, e.g. `{"kind":"summary","workspace":{…},"unit":"…",
//!    "date":"2020-01-10"}` (see `peixun::xlsx::ExportRequest`), or a Word request such as
//!    `{"kind":"application_forms",…}` (see `peixun::docx::DocxRequest`);
//! 3. the worker answers with a `Uint8Array` (the .xlsx or .docx), or a string: the error,
//!    in Chinese, for the user.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let result = match ev.data().as_string() {
            Some(json) if peixun::docx::is_docx(&json) => peixun::docx::export(&json),
            Some(json) => peixun::xlsx::export(&json),
            None => Err("导出请求应为 JSON 字符串".to_string()),
        };
        let posted = match result {
            Ok(bytes) => {
                let array = js_sys::Uint8Array::from(bytes.as_slice());
                // Transfer the buffer rather than copy it: the file can be large.
                reply_to.post_message_with_transfer(&array, &js_sys::Array::of1(&array.buffer()))
            }
            Err(message) => reply_to.post_message(&JsValue::from_str(&message)),
        };
        if let Err(e) = posted {
            wasm_bindgen::throw_val(e);
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    if let Err(e) = scope.post_message(&JsValue::from_str("ready")) {
        wasm_bindgen::throw_val(e);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("peixun-xlsx is the web app's export worker (wasm32); natively, use peixun::xlsx from Rust.");
}
