//! Entries of a backup that cannot be read: not imported, listed by key, each offered for
//! download exactly as stored (recover.html kept them so).

use leptos::prelude::*;

use crate::backup::Damaged;
use crate::ui::download::download;

#[component]
pub fn DamagedEntries(entries: Vec<Damaged>) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let count = entries.len();
    view! {
        <div class="notice" role="note" data-damaged=count>
            <p>
                {format!(
                    "备份中有 {count} 项无法读取（可能已损坏），不会导入；\
                     其余内容照常导入。可下载它们的原文，交给技术人员修复：",
                )}
            </p>
            <ul>
                {entries
                    .into_iter()
                    .map(|d| {
                        let (name, raw) = (d.file_name(), d.raw.clone());
                        let (attr, shown, hidden) = (d.key.clone(), d.key.clone(), d.key);
                        view! {
                            <li data-damaged-key=attr>
                                <code>{shown}</code>
                                {format!("：{}", d.why)}
                                " "
                                <button
                                    type="button"
                                    class="button button--small"
                                    data-action="download-damaged"
                                    on:click=move |_| error.set(download(&name, "text/plain;charset=utf-8", &raw).err())
                                >
                                    "下载原文"
                                    <span class="visually-hidden">{hidden}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="finding finding--error" role="alert">
                                {e}
                            </p>
                        }
                    })
            }}
        </div>
    }
}
