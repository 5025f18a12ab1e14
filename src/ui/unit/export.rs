//! The unit's files: 附件2 as CSV and XLSX, the unit bundle, and the print views.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::ranking::order;
use crate::bundle::{Kind, export, file_name};
use crate::summary::{SummaryTable, to_csv};
use crate::ui::clock::{now, today};
use crate::ui::download::{download, download_part};
use crate::ui::state::Store;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn base_name(store: Store, what: &str) -> String {
    let unit = store.ws.with_untracked(|w| w.unit.trim().to_string());
    if unit.is_empty() { what.to_string() } else { format!("{what}-{unit}") }
}

/// The .xlsx comes from a worker with its own wasm, fetched only now (it is too heavy
/// for the first load). `done` gets `None` on success, or the error.
fn export_xlsx(store: Store, done: impl Fn(Option<String>) + 'static) {
    let worker = match web_sys::Worker::new("./peixun-xlsx_loader.js") {
        Ok(w) => w,
        Err(e) => return done(Some(format!("无法启动导出程序：{e:?}"))),
    };
    // Written by hand, not with json!: that would add a serializer to Value to the wasm.
    let request = store.ws.with_untracked(|w| {
        let ws = serde_json::to_string(w).unwrap_or_default();
        format!(r#"{{"kind":"summary","workspace":{ws},"date":"{}"}}"#, today())
    });
    let name = file_name(&base_name(store, "汇总表"), today()).replace(".peixun.json", ".xlsx");
    let w2 = worker.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let data = ev.data();
        match data.as_string() {
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
                done(download_part(&name, XLSX_MIME, &data).err());
                w2.terminate();
            }
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Freed with the worker, which is terminated after one answer.
    on_message.forget();
}

#[component]
pub fn Exports() -> impl IntoView {
    let store = Store::get();
    let message = RwSignal::new(None::<(bool, String)>);
    let report = move |r: Result<(), String>, ok: &str| {
        message.set(Some(match r {
            Ok(()) => (true, ok.to_string()),
            Err(e) => (false, e),
        }))
    };
    let csv = move |_| {
        store.flush();
        let text = store.ws.with_untracked(|w| to_csv(&SummaryTable::build(w, store.rule_set())));
        let name = file_name(&base_name(store, "汇总表"), today()).replace(".peixun.json", ".csv");
        report(download(&name, "text/csv;charset=utf-8", &text), "已导出 CSV。");
    };
    let xlsx = move |_| {
        store.flush();
        message.set(Some((true, "正在生成 XLSX…".into())));
        export_xlsx(store, move |err| {
            message.set(Some(match err {
                None => (true, "已导出 XLSX。".into()),
                Some(e) => (false, e),
            }))
        });
    };
    let unit_bundle = move |_| {
        store.flush();
        let (text, ids) = store.ws.with_untracked(|w| {
            let ranking = order(w);
            (export(Kind::Unit, &w.unit, &w.applications, &[], &ranking, &store.rule_set().id, now()), ranking)
        });
        let r = download(&file_name(&base_name(store, "单位数据包"), today()), "application/json", &text);
        if r.is_ok() {
            store.mark_exported(&ids);
        }
        report(r, "已导出单位数据包。");
    };
    view! {
        <section class="panel" aria-labelledby="exports-title">
            <h2 id="exports-title">"导出与打印"</h2>
            <div class="actions">
                <button type="button" class="button" data-action="export-xlsx" on:click=xlsx>"导出附件2（XLSX）"</button>
                <button type="button" class="button button--secondary" data-action="export-csv" on:click=csv>"导出附件2（CSV）"</button>
                <a class="button button--secondary" href="#/unit/print">"打印附件2"</a>
                <a class="button button--secondary" href="#/unit/opinion">"单位总体排序意见"</a>
                <button type="button" class="button button--secondary" data-action="export-unit" on:click=unit_bundle>"导出单位数据包"</button>
            </div>
            {move || message.get().map(|(ok, m)| view! {
                <p class=if ok { "import-done" } else { "finding finding--error" } role="status" data-export-message>{m}</p>
            })}
        </section>
    }
}
