//! 院人事局: unit bundles opened read-only, side by side; the selection results recorded
//! on them (`selection.rs`) are saved in this browser's workspace. The opened files are
//! kept in IndexedDB (`storage::idb`) until 「关闭全部」, so a reload opens them again.

mod overview;

use leptos::prelude::*;

use crate::bundle::{Bundle, Kind, parse};
use crate::storage::idb::{self, KeptFile};
use crate::summary::bureau::Overview;
use crate::ui::pages::{EmptyState, PageTitle};
use crate::ui::sharing::{files_of, read_text};
use crate::ui::state::Store;

/// A unit bundle from its text, or why it is not one.
fn unit_bundle(text: &str) -> Result<Bundle, String> {
    let b = parse(text).map_err(|e| e.to_string())?;
    if b.kind != Kind::Unit {
        return Err("不是单位数据包（kind 应为 unit）".into());
    }
    Ok(b)
}

/// The files that are unit bundles (with their bundles), and a line for each that is not.
fn sort_out(files: Vec<KeptFile>) -> (Vec<KeptFile>, Vec<Bundle>, Vec<String>) {
    let (mut kept, mut bundles, mut bad) = (Vec::new(), Vec::new(), Vec::new());
    for (name, text) in files {
        match unit_bundle(&text) {
            Ok(b) => {
                bundles.push(b);
                kept.push((name, text));
            }
            Err(e) => bad.push(format!("{name}：{e}")),
        }
    }
    (kept, bundles, bad)
}

/// Where the kept files stand: being read at start, kept (how many), or not kept (why).
#[derive(Clone, PartialEq)]
enum Kept {
    Reading,
    Saved(usize),
    Failed(String),
}

#[component]
pub fn Bureau() -> impl IntoView {
    let rs = Store::get().rule_set();
    let bundles = RwSignal::new(Vec::<Bundle>::new());
    let errors = RwSignal::new(Vec::<String>::new());
    let kept = RwSignal::new(Kept::Reading);
    let picked = StoredValue::new(false);
    let overview = Memo::new(move |_| bundles.with(|b| (!b.is_empty()).then(|| Overview::build(b, rs))));
    // What was open before the reload; files opened meanwhile win.
    leptos::task::spawn_local(async move {
        let read = idb::kept().await;
        if picked.get_value() {
            return;
        }
        match read {
            Ok(files) => {
                let (files, read, bad) = sort_out(files);
                kept.set(Kept::Saved(files.len()));
                bundles.set(read);
                errors.set(bad);
            }
            Err(e) => kept.set(Kept::Failed(e)),
        }
    });
    let pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = files_of(input.files());
        picked.set_value(true);
        leptos::task::spawn_local(async move {
            let (mut texts, mut unread) = (Vec::new(), Vec::new());
            for f in files {
                match read_text(&f).await {
                    Ok(text) => texts.push((f.name(), text)),
                    Err(e) => unread.push(format!("{}：{e}", f.name())),
                }
            }
            let (texts, read, bad) = sort_out(texts);
            bundles.set(read);
            errors.set(unread.into_iter().chain(bad).collect());
            kept.set(match idb::keep(&texts).await {
                Ok(()) => Kept::Saved(texts.len()),
                Err(e) => Kept::Failed(e),
            });
        });
    };
    let close_all = move |_| {
        picked.set_value(true);
        bundles.set(Vec::new());
        errors.set(Vec::new());
        leptos::task::spawn_local(async move {
            kept.set(match idb::forget().await {
                Ok(()) => Kept::Saved(0),
                Err(e) => Kept::Failed(e),
            });
        });
    };
    let error_lines = move || {
        errors
            .get()
            .into_iter()
            .map(|e| {
                view! {
                    <p class="finding finding--error" data-bureau-error>
                        {e}
                    </p>
                }
            })
            .collect_view()
    };
    let kept_line = move || match kept.get() {
        Kept::Reading => view! {
            <p role="status" data-bureau-kept="reading">
                "正在打开上次的单位数据包…"
            </p>
        }
        .into_any(),
        Kept::Saved(0) => view! { <p hidden data-bureau-kept="0"></p> }.into_any(),
        Kept::Saved(n) => view! {
            <p class="field__hint" role="status" data-bureau-kept=n>
                {format!(
                    "这 {n} 个单位数据包保存在本浏览器中，刷新页面后仍会打开；「关闭全部」后不再保存。",
                )}
            </p>
        }
        .into_any(),
        Kept::Failed(e) => view! {
            <p class="finding finding--error" role="alert" data-bureau-kept="failed">
                {e}
            </p>
        }
        .into_any(),
    };
    let shown = move || match overview.get() {
        None => view! {
            <EmptyState>
                <p>"尚未打开单位数据包。"</p>
            </EmptyState>
        }
        .into_any(),
        Some(o) => view! {
            {overview::overview(o)}
            <super::selection::Selections bundles />
        }
        .into_any(),
    };
    view! {
        <PageTitle>"院人事局汇总与遴选"</PageTitle>
        <p class="lead">
            "打开多个单位报送的单位数据包，查看各类别合计与计划名额、\
             各团组在本单位的排序，以及出现在两个单位名单中的人员。\
             单位数据包只读；在下方记录的遴选结果保存在本浏览器，\
             可按单位导出遴选结果文件。"
        </p>
        <p>
            <a href="#/unit">"返回单位汇总"</a>
        </p>
        <div class="actions">
            <label class="button button--secondary file-button">
                "打开单位数据包"
                <input
                    type="file"
                    class="visually-hidden"
                    accept=".json,application/json"
                    multiple
                    data-action="open-units"
                    on:change=pick
                />
            </label>
            <button
                type="button"
                class="button button--secondary"
                data-action="close-units"
                disabled=move || bundles.with(Vec::is_empty)
                on:click=close_all
            >
                "关闭全部"
            </button>
        </div>
        {kept_line}
        {error_lines}
        {shown}
    }
}
