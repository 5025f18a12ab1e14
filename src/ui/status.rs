//! Save state in the header, and the 「撤销」 toast after a deletion.

use std::time::Duration;

use leptos::prelude::*;

use super::state::{SaveStatus, Store};
use crate::model::Trash;

/// 「已保存 14:32:05」, or a failure that says the change is not saved yet.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let store = Store::get();
    view! {
        <div class="save-status" role="status" aria-live="polite" data-save-status=move || match store.status.get() {
            SaveStatus::Idle => "idle",
            SaveStatus::Pending => "pending",
            SaveStatus::Saved(_) => "saved",
            SaveStatus::Failed(_) => "failed",
        }>
            {move || match store.status.get() {
                SaveStatus::Idle => "".into_any(),
                SaveStatus::Pending => "正在保存…".into_any(),
                SaveStatus::Saved(at) => format!("已保存 {}", crate::ui::clock::hms(at)).into_any(),
                SaveStatus::Failed(why) => view! {
                    <span class="save-status__failed">{format!("更改尚未保存：{why}。页面上的内容仍在，请先导出备份。")}</span>
                    " "
                    <button type="button" class="button button--small button--secondary" data-action="backup"
                        on:click=move |_| {
                            let ids: Vec<String> = store.ws.with_untracked(|w| w.applications.iter().map(|a| a.id.clone()).collect());
                            crate::ui::sharing::export_applications(store, ids, move |r| {
                                if let Err(e) = r {
                                    store.status.set(SaveStatus::Failed(e));
                                }
                            });
                        }>"导出备份"</button>
                }.into_any(),
            }}
            {move || {
                let clash = store.settings_clash.get();
                (!clash.is_empty()).then(|| view! {
                    <span class="save-status__merged" data-settings-clash>
                        {format!("另一个标签页同时修改了{}：两边新增的都已保留，同一项两边不同之处保留了本页的内容，请核对。", clash.join("、"))}
                        " "
                        <button type="button" class="button button--small button--secondary"
                            on:click=move |_| store.settings_clash.set(Vec::new())>"知道了"</button>
                    </span>
                })
            }}
        </div>
    }
}

const UNDO_FOR: Duration = Duration::from_secs(10);

/// Offered for 10 s after the last delete (the delete has already taken effect); each
/// 「撤销」 brings back the most recent deletion, and the toast stays while there is more.
#[component]
pub fn UndoToast() -> impl IntoView {
    let store = Store::get();
    let timer = StoredValue::new(None::<TimeoutHandle>);
    // Restarts on each deletion, not on an undo.
    let deletions = Memo::new(move |_| store.trash.with(Trash::deletions));
    Effect::new(move |_| {
        if deletions.get() > 0 {
            if let Some(t) = timer.get_value() {
                t.clear();
            }
            let expire = move || {
                store.trash.try_update(Trash::clear);
            };
            timer.set_value(set_timeout_with_handle(expire, UNDO_FOR).ok());
        }
    });
    let shown = move || store.trash.with(|t| !t.is_empty() || t.failed.is_some());
    let what = move || {
        store.trash.with(|t| {
            let failed = t.failed.as_ref().map(|why| format!("无法撤销：{why}"));
            let next = t.last().map(|d| match t.len() {
                1 => format!("已删除{}。", d.label()),
                n => format!("已删除{}。（共 {n} 项可撤销）", d.label()),
            });
            [failed, next].into_iter().flatten().collect::<Vec<_>>().join(" ")
        })
    };
    // The live region stays in the page so that each change of its text is announced.
    view! {
        <div role="status" aria-live="polite" data-undo-region>
            <Show when=shown>
                <div class="toast" data-undo-toast>
                    <span>{what}</span>
                    <Show when=move || store.trash.with(|t| !t.is_empty())>
                        <button type="button" class="button button--secondary" data-action="undo" on:click=move |_| store.undo_delete()>
                            "撤销"
                        </button>
                    </Show>
                </div>
            </Show>
        </div>
    }
}

/// Drafts changed in this tab and another: the user picks which version stays.
#[component]
pub fn TabConflicts() -> impl IntoView {
    let store = Store::get();
    view! {
        <Show when=move || store.conflicts.with(|c| !c.is_empty())>
            <div class="finding-summary" role="alert" data-tab-conflicts>
                <h2>"另一个标签页也修改了这些申请"</h2>
                <p>"两个标签页的修改不会互相覆盖。请为每份申请选择保留哪一份（未选择前，本页的修改只在本页中）。"</p>
                <ul>
                    <For each=move || store.conflicts.get() key=|c| c.id.clone() let:c>
                        {
                            let (mine, theirs) = (c.id.clone(), c.id.clone());
                            let what = if c.theirs.is_some() { "修改了" } else { "删除了" };
                            view! {
                                <li data-tab-conflict=c.id.clone()>
                                    {format!("「{}」：另一个标签页{what}它。", c.title)}
                                    <button type="button" class="button button--small" data-action="keep-mine"
                                        on:click=move |_| store.resolve(&mine, true)>"保留本页的版本"</button>
                                    " "
                                    <button type="button" class="button button--small button--secondary" data-action="take-theirs"
                                        on:click=move |_| store.resolve(&theirs, false)>"采用另一个标签页的版本"</button>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </div>
        </Show>
    }
}
