//! 工作台's list, in a chunk of its own (`lazy::workspace_list`, fetched as soon as the page
//! shows): the drafts with their statuses, the search, filters and sort, and the actions on
//! the ticked ones. None of it is in the first download.

use leptos::prelude::*;

use super::table;
use crate::ui::clock::today;
use crate::ui::lazy;
use crate::ui::list::{ExportSelected, ListFilters, Listing, PageNav, SelectionActions, list_item};
use crate::ui::state::Store;

/// Whether the rules' chunk is there yet.
#[derive(Clone, Copy)]
enum Checker {
    Waiting,
    Ready(lazy::Checks),
    Failed,
}

#[component]
pub fn DraftList() -> impl IntoView {
    let store = Store::get();
    let today = today();
    // The rules come right after the list is painted; 「检查中…」 until then.
    let checker = RwSignal::new(Checker::Waiting);
    Effect::new(move |_| {
        leptos::task::spawn_local(async move {
            lazy::after_paint().await;
            checker.set(match lazy::workspace_checks().await {
                Ok(f) => Checker::Ready(f),
                Err(lazy::Unavailable) => Checker::Failed,
            });
        });
    });
    let checked = Memo::new(move |_| match checker.get() {
        Checker::Ready(f) => Some(store.ws.with(|w| f(store.rule_set(), w, today))),
        _ => None,
    });
    let rows = Memo::new(move |_| {
        let checked = checked.get();
        let unavailable = matches!(checker.get(), Checker::Failed);
        store.ws.with(|w| {
            w.applications
                .iter()
                .enumerate()
                .map(|(i, a)| list_item(store, a, i, checked.as_ref().and_then(|c| c.get(i).copied()), unavailable))
                .collect::<Vec<_>>()
        })
    });
    let list = Listing::new(rows);
    let export = ExportSelected::new(store);
    let docx_message = RwSignal::new(None::<(bool, String)>);
    let docx_selected = move |_| {
        docx_message.set(Some((true, "正在生成 Word 文件…".into())));
        let done = Callback::new(move |e: Option<String>| {
            docx_message.set(Some(match e {
                None => (true, "已导出所选申请的附件1（.docx）。".into()),
                Some(e) => (false, e),
            }))
        });
        let ids = list.selected_ids();
        leptos::task::spawn_local(async move {
            if lazy::docx_forms(store, ids, done).await.is_err() {
                docx_message.set(Some((false, "导出程序没有下载成功（可能网络已断开），请联网后再试。".into())));
            }
        });
    };
    view! {
        <ListFilters
            query=list.query
            own_order="工作台顺序"
            sorts=&table::COLUMNS
            shown=list.shown_count()
            total=list.total()
        />
        <SelectionActions list export seal=true>
            <button
                type="button"
                class="button button--secondary"
                data-action="docx-selected"
                disabled=move || list.none_selected()
                on:click=docx_selected
            >
                "所选的附件1（Word）"
            </button>
        </SelectionActions>
        {move || {
            docx_message
                .get()
                .map(|(ok, m)| {
                    view! {
                        <p
                            class=if ok { "import-done" } else { "finding finding--error" }
                            role="status"
                            data-docx-message="docx-selected"
                        >
                            {m}
                        </p>
                    }
                })
        }}
        <PageNav paging=list.paging total=list.shown_count() label="申请分页" when_paged=true />
        <table::DraftTable list export=export.run />
    }
}

/// The list's chunk could not be fetched: the drafts are safe; 「重试」.
pub fn unavailable(retry: Trigger) -> AnyView {
    view! {
        <div class="unavailable" data-unavailable>
            <p role="alert">
                "申请列表的程序文件没有下载成功（可能网络已断开）。您的数据都还在本浏览器中。"
            </p>
            <button type="button" class="button" data-action="retry-list" on:click=move |_| retry.notify()>
                "重试"
            </button>
        </div>
    }
    .into_any()
}
