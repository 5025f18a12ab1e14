//! The drafts as a table (as cards on a phone): the rows the query shows, in its order.

use chrono::Timelike;
use leptos::prelude::*;

use super::fresh_copy;
use crate::list_query::{ListItem, ListQuery, SortKey};
use crate::rule_set::RuleSet;
use crate::ui::editor::{Page, Section, href};
use crate::ui::list::Listing;
use crate::ui::state::Store;

/// The columns one can sort by, with the header's text.
pub const COLUMNS: [(SortKey, &str); 5] = [
    (SortKey::Title, "项目名称"),
    (SortKey::Category, "类别"),
    (SortKey::Persons, "人数"),
    (SortKey::Status, "状态"),
    (SortKey::Saved, "最后保存"),
];

/// The header of a sortable column: a button that sorts by it (again: the other way).
#[component]
fn SortHeader(query: RwSignal<ListQuery>, key: SortKey, label: &'static str) -> impl IntoView {
    let aria = move || {
        query.with(|q| match (q.sort == key, q.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        })
    };
    view! {
        <th scope="col" aria-sort=aria>
            <button
                type="button"
                class="sort-button"
                data-sort=key.key()
                on:click=move |_| {
                    query
                        .update(|q| {
                            q.descending = q.sort == key && !q.descending;
                            q.sort = key;
                        })
                }
            >
                {label}
                <span aria-hidden="true">
                    {move || match aria() {
                        "ascending" => " ↑",
                        "descending" => " ↓",
                        _ => "",
                    }}
                </span>
            </button>
        </th>
    }
}

#[component]
pub fn DraftTable(list: Listing, export: Callback<Vec<String>>) -> impl IntoView {
    let Listing { query, rows, shown, .. } = list;
    let store = Store::get();
    let rs = store.rule_set();
    // The page on screen. A row is keyed by all it shows: one that stays as the search
    // narrows is left as it is (only its `aria-rowindex` follows), one that changed is built again.
    let page = move || rows.with(|r| list.page_rows().into_iter().map(|(_, i)| r[i].clone()).collect::<Vec<_>>());
    // One listener each for the whole body, not four per row: a page built again as one
    // types attaches none (the buttons keep `data-action`, their row `data-app`).
    let on_click = move |ev: web_sys::MouseEvent| match row_action(&ev) {
        Some((action, id)) if action == "export" => export.run(vec![id]),
        Some((action, id)) if action == "duplicate" => duplicate(store, &id),
        Some((action, id)) if action == "delete" => store.delete(&id),
        _ => {}
    };
    let on_change = move |ev: web_sys::Event| {
        if let Some((action, id)) = row_action(&ev)
            && action == "select"
        {
            list.tick(id, event_target_checked(&ev));
        }
    };
    view! {
        <table class="table table--cards drafts" aria-rowcount=move || shown.with(Vec::len) + 1>
            <caption class="visually-hidden">"申请表草稿"</caption>
            <thead>
                <tr aria-rowindex="1">
                    <th scope="col">
                        <span class="visually-hidden">"选择"</span>
                    </th>
                    {COLUMNS.into_iter().map(|(key, label)| view! { <SortHeader query key label /> }).collect_view()}
                    <th scope="col">"操作"</th>
                </tr>
            </thead>
            <tbody on:click=on_click on:change=on_change>
                <For each=page key=ListItem::clone let:r>
                    {draft_row(rs, list, r)}
                </For>
            </tbody>
        </table>
    }
}

/// The action a click or change in the table's body asked for: its control's `data-action`
/// and its row's application id.
fn row_action(ev: &web_sys::Event) -> Option<(String, String)> {
    use wasm_bindgen::JsCast;
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let control = target.closest("[data-action]").ok()??;
    let row = control.closest("tr[data-app]").ok()??;
    Some((control.get_attribute("data-action")?, row.get_attribute("data-app")?))
}

/// 复制: a fresh copy of the application, titled 「…（副本）」.
fn duplicate(store: Store, id: &str) {
    let copy = store.ws.with_untracked(|w| {
        w.get(id).map(|a| {
            let mut c = fresh_copy(a);
            c.title = format!("{}（副本）", a.title);
            c
        })
    });
    if let Some(c) = copy {
        store.add(vec![c]);
    }
}

/// One draft's row.
fn draft_row(rs: &'static RuleSet, list: Listing, r: ListItem) -> impl IntoView {
    let selected = list.selected;
    let index = r.position;
    let sel_id = r.id.clone();
    // Names for assistive technology as `aria-label`, not hidden spans: the spans were
    // positioned boxes, four a row, laid out again with every page of rows built.
    let [select, export, duplicate, delete] =
        ["选择", "导出", "复制", "删除"].map(|verb| format!("{verb} {}", r.title));
    let category = r.category.map(|c| rs.category(c).label.clone()).unwrap_or_else(|| "未选择".into());
    let saved =
        r.saved.map(|t| format!("{} {:02}:{:02}", t.date(), t.hour(), t.minute())).unwrap_or_else(|| "—".into());
    view! {
        <tr data-app=r.id.clone() aria-rowindex=move || list.place(index) + 2>
            <td>
                <input
                    type="checkbox"
                    aria-label=select
                    data-action="select"
                    prop:checked=move || selected.with(|s| s.contains(&sel_id))
                />
            </td>
            <td class="cell--title">
                <a href=href(&r.id, Page::Section(Section::Basic))>{r.title.clone()}</a>
            </td>
            <td data-label="类别">{category}</td>
            <td data-label="人数">{r.persons}</td>
            <td data-label="状态">
                <span class=format!("tag tag--{}", r.status.key()) data-status=r.status.key()>
                    {r.status_text()}
                </span>
            </td>
            <td data-label="最后保存">{saved}</td>
            <td class="row-actions">
                <button type="button" class="button button--small" data-action="export" aria-label=export>
                    "导出"
                </button>
                <button type="button" class="button button--small" data-action="duplicate" aria-label=duplicate>
                    "复制"
                </button>
                <button
                    type="button"
                    class="button button--small button--warning"
                    data-action="delete"
                    aria-label=delete
                >
                    "删除"
                </button>
            </td>
        </tr>
    }
}
