//! What the ticked rows of a list can do, the same on 工作台 and 单位汇总: 「全选显示的」,
//! 「导出所选」, the page's own actions, 「删除所选」, and what an export said.

use leptos::prelude::*;

use super::{Listing, SelectShown};
use crate::ui::sharing::export_applications;
use crate::ui::state::Store;

/// Exporting some of a list's applications as one bundle, and the error it met (shown under
/// the actions). A row's own 「导出」 goes through the same `run`.
#[derive(Clone, Copy)]
pub struct ExportSelected {
    pub run: Callback<Vec<String>>,
    pub error: RwSignal<Option<String>>,
}

impl ExportSelected {
    pub fn new(store: Store) -> ExportSelected {
        let error = RwSignal::new(None::<String>);
        let run = Callback::new(move |ids: Vec<String>| export_applications(store, ids, move |r| error.set(r.err())));
        ExportSelected { run, error }
    }
}

/// The actions bar above a list's rows; `children`: the page's own actions on the ticked
/// rows, between export and delete.
#[component]
pub fn SelectionActions(
    list: Listing,
    export: ExportSelected,
    /// 「加密（设置口令）」 here (工作台); not where the page has it elsewhere (单位汇总).
    #[prop(optional)]
    seal: bool,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let store = Store::get();
    let ticked = move || list.selected.with(|s| s.len());
    let export_ticked = move |_| export.run.run(list.selected_ids());
    let delete_ticked = move |_| store.delete_many(&list.selected_ids());
    let error = move || {
        export.error.get().map(|e| {
            view! {
                <p class="finding finding--error" role="alert">
                    {e}
                </p>
            }
        })
    };
    view! {
        <div class="actions selection-actions">
            <SelectShown selected=list.selected shown=list.shown_ids />
            <button
                type="button"
                class="button button--secondary"
                data-action="export-selected"
                disabled=move || list.none_selected()
                on:click=export_ticked
            >
                {move || format!("导出所选（{}）", ticked())}
            </button>
            {children.map(|c| c())}
            <button
                type="button"
                class="button button--secondary button--warning"
                data-action="delete-selected"
                disabled=move || list.none_selected()
                on:click=delete_ticked
            >
                {move || format!("删除所选（{}）", ticked())}
            </button>
            {seal.then(|| view! { <crate::ui::seal_export::SealOption /> })}
        </div>
        {error}
    }
}
