//! Save state in the header, and the 「撤销」 toast after a delete.

use std::time::Duration;

use leptos::prelude::*;

use super::state::{SaveStatus, Store};

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
                            if let Err(e) = crate::ui::sharing::export_applications(store, &ids) {
                                store.status.set(SaveStatus::Failed(e));
                            }
                        }>"导出备份"</button>
                }.into_any(),
            }}
        </div>
    }
}

const UNDO_FOR: Duration = Duration::from_secs(10);

/// Offered for 10 s after a delete; the delete has already taken effect.
#[component]
pub fn UndoToast() -> impl IntoView {
    let store = Store::get();
    let timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        if store.trash.with(Option::is_some) {
            if let Some(t) = timer.get_value() {
                t.clear();
            }
            timer.set_value(set_timeout_with_handle(move || store.trash.set(None), UNDO_FOR).ok());
        }
    });
    move || {
        store.trash.with(|t| t.as_ref().map(|(_, app)| app.display_title())).map(|name| {
            view! {
                <div class="toast" role="status" aria-live="polite">
                    <span>{format!("已删除「{name}」。")}</span>
                    <button type="button" class="button button--secondary" data-action="undo" on:click=move |_| store.undo_delete()>
                        "撤销"
                    </button>
                </div>
            }
        })
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
