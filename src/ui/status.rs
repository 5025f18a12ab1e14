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
