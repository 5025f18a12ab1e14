//! .xlsx files come from a worker with its own wasm (`peixun-xlsx`), fetched only when
//! someone exports: rust_xlsxwriter is too heavy for the first load. Every form's export
//! (附件2, 核销表) goes through [`export_xlsx`] with its `xlsx::ExportRequest` JSON.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::model::Workspace;
use crate::ui::clock::today;
use crate::ui::download::download_part;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The worker's JSON request (`xlsx::ExportRequest`) of `kind` for the workspace, dated
/// today, with `extra` fields (`"period_year":2020`). Written by hand, not with `json!`:
/// that would add a serializer to `Value` to the wasm.
pub fn request(kind: &str, ws: &Workspace, extra: &str) -> String {
    let ws = serde_json::to_string(ws).unwrap_or_default();
    let extra = if extra.is_empty() { String::new() } else { format!(",{extra}") };
    format!(r#"{{"kind":"{kind}","workspace":{ws},"date":"{}"{extra}}}"#, today())
}

/// Sends `request` to a new worker and downloads its answer as `file_name`. `done` gets
/// `None` on success, or the error for the user.
pub fn export_xlsx(request: String, file_name: String, done: impl Fn(Option<String>) + 'static) {
    let worker = match web_sys::Worker::new("./peixun-xlsx_loader.js") {
        Ok(w) => w,
        Err(e) => return done(Some(format!("无法启动导出程序：{e:?}"))),
    };
    let w2 = worker.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let data = ev.data();
        match data.as_string() {
            // The worker's wasm runs: only now does a message reach its handler.
            Some(s) if s == "ready" => {
                if let Err(e) = w2.post_message(&JsValue::from_str(&request)) {
                    done(Some(format!("无法发送导出请求：{e:?}")));
                }
            }
            Some(error) => {
                done(Some(error));
                w2.terminate();
            }
            None => {
                done(download_part(&file_name, XLSX_MIME, &data).err());
                w2.terminate();
            }
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Freed with the worker, which is terminated after one answer.
    on_message.forget();
}
