//! .xlsx files come from a worker with its own wasm (`peixun-xlsx`), fetched only when
//! someone exports: rust_xlsxwriter is too heavy for the first load. Every form's export
//! (附件2, 核销表) goes through [`export_xlsx`] with its `xlsx::ExportRequest` JSON, and
//! the Word files (附件1, 单位总体排序意见, `ui::docx`) with a `docx::DocxRequest`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::ui::clock::today;
use crate::ui::download::download_part;
use crate::workspace::Workspace;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The worker writes both: the file name the caller chose says which.
fn mime(file_name: &str) -> &'static str {
    if file_name.ends_with(".docx") { DOCX_MIME } else { XLSX_MIME }
}

/// The worker's JSON request (`xlsx::ExportRequest`) of `kind` for the workspace, dated
/// today, with `extra` fields (`"period_year":2020`). Written by hand, not with `json!`:
/// that would add a serializer to `Value` to the wasm.
pub fn request(kind: &str, ws: &Workspace, extra: &str) -> String {
    let ws = serde_json::to_string(ws).unwrap_or_default();
    let extra = if extra.is_empty() { String::new() } else { format!(",{extra}") };
    format!(r#"{{"kind":"{kind}","workspace":{ws},"date":"{}"{extra}}}"#, today())
}

/// An export that has not answered in this long is given up: fetching the worker and
/// writing 300 rows takes about half a second here, a few on a slow phone.
const TIMEOUT_MS: i32 = 20_000;

/// The worker, kept between exports once its wasm runs; dropped when it fails or hangs.
struct Kept {
    worker: web_sys::Worker,
    ready: Rc<Cell<bool>>,
}

/// One export's callbacks: the worker's message and error handlers and the time-out.
/// They hold what the export needs (its `done`, the file name), so they are kept only
/// until the next export replaces them, never forgotten (a forgotten closure per export
/// kept every request alive for good).
struct Handlers {
    _message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _error: Closure<dyn FnMut(JsValue)>,
    _timeout: Closure<dyn FnMut()>,
}

thread_local! {
    static KEPT: RefCell<Option<Kept>> = const { RefCell::new(None) };
    /// One export at a time: a second would replace the first one's handlers.
    static BUSY: Cell<bool> = const { Cell::new(false) };
    /// The last export's handlers (dropped when the next export sets its own).
    static HANDLERS: RefCell<Option<Handlers>> = const { RefCell::new(None) };
}

fn end_worker() {
    if let Some(k) = KEPT.with(|k| k.borrow_mut().take()) {
        k.worker.terminate();
    }
}

/// Sends `request` to the export worker (started on first use, then kept) and downloads
/// its answer as `file_name`. `done` is called exactly once: `None` on success, or the
/// error for the user, also when the worker fails to start, breaks or does not answer
/// within [`TIMEOUT_MS`] (the worker is then ended, and the next export starts a new one).
pub fn export_xlsx(request: String, file_name: String, done: impl Fn(Option<String>) + 'static) {
    if BUSY.with(|b| b.replace(true)) {
        return done(Some("上一个 XLSX 文件还在生成，请稍候再试。".into()));
    }
    let finished = Rc::new(Cell::new(false));
    let timer = Rc::new(Cell::new(None::<i32>));
    let finish: Rc<dyn Fn(Option<String>)> = {
        let (finished, timer) = (finished.clone(), timer.clone());
        Rc::new(move |result| {
            if finished.replace(true) {
                return;
            }
            if let Some(t) = timer.take() {
                leptos::prelude::window().clear_timeout_with_handle(t);
            }
            BUSY.with(|b| b.set(false));
            done(result);
        })
    };
    let kept = KEPT.with(|k| k.borrow().as_ref().map(|k| (k.worker.clone(), k.ready.clone())));
    let (worker, ready) = match kept {
        Some(k) => k,
        None => match web_sys::Worker::new(&worker_url()) {
            Ok(worker) => {
                let ready = Rc::new(Cell::new(false));
                KEPT.with(|k| *k.borrow_mut() = Some(Kept { worker: worker.clone(), ready: ready.clone() }));
                (worker, ready)
            }
            Err(e) => return finish(Some(format!("无法启动导出程序：{e:?}"))),
        },
    };
    // Sent once, then dropped: the request is the whole workspace as JSON.
    let request = Rc::new(RefCell::new(Some(request)));
    let post = {
        let (worker, finish) = (worker.clone(), finish.clone());
        move || {
            let Some(request) = request.take() else { return };
            if let Err(e) = worker.post_message(&JsValue::from_str(&request)) {
                finish(Some(format!("无法发送导出请求：{e:?}")));
            }
        }
    };
    let on_message = {
        let (ready, finish, post) = (ready.clone(), finish.clone(), post.clone());
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let data = ev.data();
            match data.as_string() {
                // The worker's wasm runs: only now does a message reach its handler.
                Some(s) if s == "ready" => {
                    ready.set(true);
                    post();
                }
                // The worker's own answer: it stays for the next export.
                Some(error) => finish(Some(error)),
                None => finish(download_part(&file_name, mime(&file_name), &data).err()),
            }
        })
    };
    let on_error = {
        let finish = finish.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
            let what = js_sys::Reflect::get(&ev, &JsValue::from_str("message")).ok().and_then(|m| m.as_string());
            end_worker();
            finish(Some(format!(
                "导出程序出错（{}），没有生成文件。请点「重试」。",
                what.filter(|m| !m.is_empty()).unwrap_or_else(|| "无法加载或运行".into())
            )));
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let on_timeout = {
        let finish = finish.clone();
        Closure::<dyn FnMut()>::new(move || {
            end_worker();
            finish(Some(format!(
                "导出程序在 {} 秒内没有响应，没有生成文件。\
                 请点「重试」。",
                TIMEOUT_MS / 1000
            )));
        })
    };
    if let Ok(t) = leptos::prelude::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(on_timeout.as_ref().unchecked_ref(), TIMEOUT_MS)
    {
        timer.set(Some(t));
    }
    // The previous export's handlers go now (none of them runs: the worker's handlers are
    // this export's, and the previous time-out was cleared when it finished).
    HANDLERS
        .with(|h| *h.borrow_mut() = Some(Handlers { _message: on_message, _error: on_error, _timeout: on_timeout }));
    if ready.get() {
        post();
    }
}

/// The worker's loader in this deployment: a hashed folder named by the page
/// (scripts/post_build.py), so a page never talks to another deployment's worker.
fn worker_url() -> String {
    leptos::prelude::document()
        .query_selector("meta[name=peixun-worker]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_else(|| "./peixun-xlsx_loader.js".into())
}
