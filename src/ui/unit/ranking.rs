//! 总体排序: drag and drop, or by keyboard (上移 / 下移, or type a rank); search, filter,
//! sort, and export or delete the ticked applications. A page of the ranking at a time: a
//! row moved to another page (by 上移 / 下移 at a page's edge, or a typed rank) takes the
//! list to that page, with the focus on the row's control.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::list_query::{Checked, ListItem, SortKey};
use crate::rules::{Cx, check_application};
use crate::ui::clock::today;
use crate::ui::list::{ExportSelected, ListFilters, Listing, PageNav, SelectionActions, list_item};
use crate::ui::state::Store;
use crate::workspace::Workspace;

/// Ranked ids first (each once), then every unranked application in workspace order.
pub fn order(w: &Workspace) -> Vec<String> {
    w.ranked_ids()
}

/// Moves `id` to position `to` (0-based) and makes the whole order the ranking.
fn move_to(store: Store, id: &str, to: usize) {
    store.edit_workspace(|w| {
        let mut o = order(w);
        if let Some(from) = o.iter().position(|x| x == id) {
            let item = o.remove(from);
            o.insert(to.min(o.len()), item);
        }
        w.ranking = o;
    });
}

/// Shows the page the moved row is now on and, once the list is rendered again, gives the
/// focus back to the same control of that row.
fn refocus(list: Listing, id: &str, selector: &'static str) {
    list.show_id(id);
    let target = format!("[data-rank-row=\"{id}\"] {selector}");
    request_animation_frame(move || {
        if let Some(el) = document().query_selector(&target).ok().flatten() {
            use wasm_bindgen::JsCast;
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
}

/// What the unit's list sorts by, besides 「名次」 (the ranking itself).
const SORTS: [(SortKey, &str); 5] = [
    (SortKey::Title, "项目名称"),
    (SortKey::Category, "类别"),
    (SortKey::Persons, "人数"),
    (SortKey::Unit, "单位"),
    (SortKey::Errors, "错误数"),
];

#[component]
pub fn Ranking() -> impl IntoView {
    let store = Store::get();
    let rs = store.rule_set();
    // In rank order: each row's position is its place in the ranking.
    let rows = Memo::new(move |_| {
        store.ws.with(|w| {
            let cx = Cx::new(rs, w, today());
            order(w)
                .into_iter()
                .filter_map(|id| w.get(&id))
                .enumerate()
                .map(|(i, a)| {
                    let mut row = list_item(store, a, i, Some(Checked::of(&check_application(&cx, a))), false);
                    // Neither shown nor sorted by here, and a save stamps every application it
                    // writes (all 830 after an import): that must not build the list again.
                    row.saved = None;
                    row
                })
                .collect::<Vec<_>>()
        })
    });
    let ranked = Memo::new(move |_| store.ws.with(|w| w.ranking.iter().cloned().collect::<BTreeSet<_>>()));
    let list = Listing::new(rows);
    let export = ExportSelected::new(store);
    // Moving a row among others hidden or re-sorted would be a guess: only the typed rank moves then.
    let reordered = Memo::new(move |_| list.query.with(|q| !q.is_default()));
    let cx = RowCx { store, list, reordered, dragging: RwSignal::new(None) };
    // The page's rows, each with its place among the rows shown, whether it is ranked and
    // whether it is the last (its 下移).
    let page = move || {
        ranked.with(|k| {
            rows.with(|r| {
                list.page_rows()
                    .into_iter()
                    .map(|(at, i)| (at, r[i].clone(), k.contains(&r[i].id), i + 1 == r.len()))
                    .collect::<Vec<_>>()
            })
        })
    };
    // Built again when the page, the order, the filters or the rows change: not `<For>`,
    // whose owner per row made the list after a large import 0.6 s slower.
    let row_views =
        move || page().into_iter().map(|(at, r, is_ranked, last)| rank_row(cx, at, r, is_ranked, last)).collect_view();
    let paged = move || list.paging.count(list.shown.with(Vec::len)) > 1;
    let hint = move || match (reordered.get(), paged()) {
        (true, _) => HINT_FILTERED,
        (false, false) => HINT,
        (false, true) => HINT_PAGED,
    };
    view! {
        <section class="panel" aria-labelledby="ranking-title">
            <h2 id="ranking-title">"总体排序"</h2>
            <ListFilters query=list.query own_order="名次" sorts=&SORTS shown=list.shown_count() total=list.total() />
            <SelectionActions list export />
            <p class="field__hint">{hint}</p>
            <PageNav paging=list.paging total=list.shown_count() label="排序分页" when_paged=true />
            // While filtered or sorted, 上移 / 下移 are hidden (CSS) rather than disabled row by
            // row: one attribute, not two effects per row of 800.
            <ol class="ranking" data-ranking data-reordered=move || reordered.get().then_some("")>
                {row_views}
            </ol>
        </section>
    }
}

const HINT: &str = "拖动行，或用「上移」「下移」按钮，或在排序框中输入名次后按回车。";
const HINT_PAGED: &str = "拖动行，或用「上移」「下移」按钮，或在排序框中输入名次后按回车；\
    移到其他页请输入名次，或在一页的首行、末行用「上移」「下移」。";
const HINT_FILTERED: &str = "正在按条件筛选或排序：可以在排序框中输入名次；拖动和「上移」「下移」请先「清除条件」。";

/// What every row of the ranking shares.
#[derive(Clone, Copy)]
struct RowCx {
    store: Store,
    list: Listing,
    /// Filtered or sorted: only a typed rank moves a row.
    reordered: Memo<bool>,
    /// The row being dragged.
    dragging: RwSignal<Option<String>>,
}

/// One application at its rank (`at`: its place among the rows shown): tick, typed rank,
/// title, drag and 上移 / 下移.
fn rank_row(cx: RowCx, at: usize, r: ListItem, is_ranked: bool, last: bool) -> impl IntoView {
    let RowCx { store, list, reordered, dragging } = cx;
    let i = r.position;
    let id = r.id.clone();
    let rank_id = format!("rank-{id}");
    let check_id = format!("rank-select-{id}");
    let category = r.category.map(|c| store.rule_set().category(c).label.clone()).unwrap_or_else(|| "未选择".into());
    let errors = r.checked.map_or(0, |c| c.errors);
    let on_dragstart = {
        let id = id.clone();
        move |ev: web_sys::DragEvent| {
            if reordered.get_untracked() { ev.prevent_default() } else { dragging.set(Some(id.clone())) }
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        if let Some(id) = dragging.get_untracked()
            && !reordered.get_untracked()
        {
            move_to(store, &id, i);
        }
        dragging.set(None);
    };
    let ticked = {
        let id = id.clone();
        move || list.selected.with(|s| s.contains(&id))
    };
    let on_tick = {
        let id = id.clone();
        move |ev| list.tick(id.clone(), event_target_checked(&ev))
    };
    let on_rank = {
        let id = id.clone();
        move |ev| {
            if let Ok(k) = event_target_value(&ev).trim().parse::<usize>() {
                move_to(store, &id, k.max(1) - 1);
                refocus(list, &id, "[data-rank-input]");
            }
        }
    };
    let on_up = {
        let id = id.clone();
        move |_| {
            move_to(store, &id, i.saturating_sub(1));
            refocus(list, &id, "[data-action=rank-up]");
        }
    };
    let on_down = {
        let id = id.clone();
        move |_| {
            move_to(store, &id, i + 1);
            refocus(list, &id, "[data-action=rank-down]");
        }
    };
    let rank = if is_ranked { (i + 1).to_string() } else { String::new() };
    let total = list.rows.with_untracked(Vec::len);
    let shown = list.shown.with_untracked(Vec::len);
    view! {
        <li
            class="ranking__row"
            data-rank-row=id.clone()
            draggable="true"
            aria-posinset=at + 1
            aria-setsize=shown
            on:dragstart=on_dragstart
            on:dragover=|ev| ev.prevent_default()
            on:drop=on_drop
        >
            <input type="checkbox" id=check_id.clone() data-action="select" prop:checked=ticked on:change=on_tick />
            <label for=check_id class="visually-hidden">
                {format!("选择 {}", r.title)}
            </label>
            <label class="visually-hidden" for=rank_id.clone()>
                {format!("{} 的名次", r.title)}
            </label>
            <input
                id=rank_id
                class="input ranking__rank"
                type="number"
                min="1"
                max=total
                data-rank-input=id.clone()
                prop:value=rank
                placeholder="未排"
                on:change=on_rank
            />
            <a class="ranking__title" href=crate::ui::editor::href(&id, crate::ui::editor::Page::Check)>
                {r.title.clone()}
            </a>
            <span class="ranking__meta">{format!("{} · {} 人 · {}", category, r.persons, r.unit)}</span>
            {(errors > 0).then(|| view! { <span class="tag tag--problems">{format!("{errors} 个错误")}</span> })}
            <span class="ranking__buttons">
                <button
                    type="button"
                    class="button button--small"
                    data-action="rank-up"
                    disabled={i == 0}
                    on:click=on_up
                >
                    "上移"
                    <span class="visually-hidden">{r.title.clone()}</span>
                </button>
                <button
                    type="button"
                    class="button button--small"
                    data-action="rank-down"
                    disabled=last
                    on:click=on_down
                >
                    "下移"
                    <span class="visually-hidden">{r.title.clone()}</span>
                </button>
            </span>
        </li>
    }
}
