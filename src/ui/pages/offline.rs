//! 数据与设置's 「离线使用」: what this browser can open without a network right now. The
//! service worker answers `__peixun-offline.txt` itself (one line per part: name, 1 when
//! every file of it is cached); nothing goes to the network.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const UNKNOWN: &str = "无法读取离线缓存的状态。";

/// The pages and functions a part (a split point of `ui::lazy`, or the export worker) serves.
fn label(part: &str) -> &'static str {
    match part {
        "editor" => "申请表",
        "unit" => "单位汇总",
        "execution" => "执行与核销",
        "rule_sets" => "规则集",
        "card" | "card_tools" => "成员信息卡",
        "rules" => "规则说明",
        "data" => "数据与设置",
        "import_preview" | "read_files" => "导入数据包",
        "application_bundle" => "导出申请数据包",
        "worker" => "导出 XLSX / Word",
        _ => "工作台",
    }
}

/// Labels ready and not, in the order first named; a label is ready when all its parts are.
fn by_label(parts: &[(String, bool)]) -> (Vec<&'static str>, Vec<&'static str>) {
    let mut labels: Vec<(&'static str, bool)> = Vec::new();
    for (name, ready) in parts {
        match labels.iter_mut().find(|(l, _)| *l == label(name)) {
            Some(slot) => slot.1 &= *ready,
            None => labels.push((label(name), *ready)),
        }
    }
    let ready = labels.iter().filter(|l| l.1).map(|l| l.0).collect();
    let not = labels.iter().filter(|l| !l.1).map(|l| l.0).collect();
    (ready, not)
}

async fn parts() -> Result<Vec<(String, bool)>, &'static str> {
    let window = window();
    if window.navigator().service_worker().controller().is_none() {
        return Err("离线缓存尚未启用：请联网时刷新一次本页。");
    }
    let response = JsFuture::from(window.fetch_with_str("./__peixun-offline.txt")).await.map_err(|_| UNKNOWN)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| UNKNOWN)?;
    if !response.ok() {
        return Err(UNKNOWN);
    }
    let text = JsFuture::from(response.text().map_err(|_| UNKNOWN)?).await.map_err(|_| UNKNOWN)?;
    let text = text.as_string().ok_or(UNKNOWN)?;
    Ok(text.lines().filter_map(|l| l.split_once(' ')).map(|(n, v)| (n.to_string(), v == "1")).collect())
}

#[component]
pub fn OfflineStatus() -> impl IntoView {
    let status = RwSignal::new(None::<Result<Vec<(String, bool)>, &'static str>>);
    let check = move || leptos::task::spawn_local(async move { status.set(Some(parts().await)) });
    check();
    view! {
        <section class="panel" data-offline>
            <h2>"离线使用"</h2>
            {move || match status.get() {
                None => view! { <p>"正在检查…"</p> }.into_any(),
                Some(Err(why)) => view! { <p data-offline-status="none">{why}</p> }.into_any(),
                Some(Ok(parts)) => {
                    let (ready, not) = by_label(&parts);
                    let text = if !not.is_empty() {
                        format!(
                            "断网时可以使用：{}。尚未保存到本机：{}——\
                             联网时使用一次后即可离线使用（在较快且不限流量的网络上，\
                             浏览器空闲时也会自动保存）。",
                            if ready.is_empty() { "无".to_string() } else { ready.join("、") },
                            not.join("、"),
                        )
                    } else {
                        "全部页面和导出功能都已保存在本浏览器中，断网时也能使用。"
                            .to_string()
                    };
                    view! { <p data-offline-status=if not.is_empty() { "all" } else { "partial" }>{text}</p> }
                        .into_any()
                }
            }}
            <button
                type="button"
                class="button button--small button--secondary"
                data-action="check-offline"
                on:click=move |_| check()
            >
                "重新检查"
            </button>
        </section>
    }
}
