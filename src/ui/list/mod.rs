//! The search, filters and sort above a long list (工作台, 单位汇总), kept in the URL.
//! The core decides what is shown (`list_query`); this only edits the query and says how
//! many rows it left.

mod actions;
mod listing;
mod pages;
mod select;

pub use actions::{ExportSelected, SelectionActions};
pub use listing::{Listing, list_item};
pub use pages::{PageNav, Paging};
pub use select::{SelectShown, prune_to_shown};

use leptos::prelude::*;

use crate::list_query::{FindingFilter, ListQuery, SortKey, Status};
use crate::model::Category;
use crate::ui::route::Hash;
use crate::ui::state::Store;

/// The page's query, read from the hash (also on back / forward) and written back into it
/// without a new history entry, so that a reload shows the same list.
pub fn use_query() -> RwSignal<ListQuery> {
    let Hash(hash) = expect_context::<Hash>();
    let query = RwSignal::new(ListQuery::from_hash(&hash.get_untracked()));
    // The list's own page: a navigation away (to `#/data?clear`, say) is not its query, and
    // its URL is not the list's to rewrite.
    let own = crate::ui::route::Route::from_hash(&hash.get_untracked());
    let on_own_page = move |h: &str| crate::ui::route::Route::from_hash(h) == own;
    Effect::new(move |_| {
        let h = hash.get();
        let read = ListQuery::from_hash(&h);
        if on_own_page(&h) && read != query.get_untracked() {
            query.set(read);
        }
    });
    // Written once the frame is painted: `replaceState` lays the page out (Chrome keeps the
    // scroll position with the entry), which in the keystroke's own task is a second layout
    // of the rows just built (8–17 ms at 300 drafts); after the paint it finds nothing to do.
    Effect::new(move |_| {
        query.track();
        leptos::task::spawn_local(async move {
            crate::ui::lazy::after_paint().await;
            write_query(query, on_own_page);
        });
    });
    query
}

/// The list's query into the URL (without a history entry), while the list is on screen.
fn write_query(query: RwSignal<ListQuery>, on_own_page: impl Fn(&str) -> bool) {
    let location = window().location();
    let current = location.hash().unwrap_or_default();
    let Some(wanted) = query.try_with_untracked(|q| q.in_hash(&current)) else { return };
    if on_own_page(&current) && current != wanted {
        let url =
            format!("{}{}{wanted}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
        let _ = window().history().and_then(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)));
    }
}

/// One `<select>` of the filter bar: "" is 「全部」.
#[component]
fn Choice(
    id: &'static str,
    label: &'static str,
    options: Vec<(&'static str, String)>,
    value: Signal<&'static str>,
    set: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="list-filters__field">
            <label class="field__label" for=id>
                {label}
            </label>
            <select class="input" id=id data-filter=id on:change=move |ev| set.run(event_target_value(&ev))>
                {options
                    .into_iter()
                    .map(|(key, text)| {
                        view! {
                            <option value=key selected=move || value.get() == key>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Search box, filters, sort and the count 「显示 12 / 300」 (announced politely).
/// `own_order`: what the list's own order is called (「名次」); `sorts`: its columns.
#[component]
pub fn ListFilters(
    query: RwSignal<ListQuery>,
    own_order: &'static str,
    sorts: &'static [(SortKey, &'static str)],
    #[prop(into)] shown: Signal<usize>,
    #[prop(into)] total: Signal<usize>,
) -> impl IntoView {
    let rs = Store::get().rule_set();
    let all = || ("", "全部".to_string());
    let categories = std::iter::once(all())
        .chain(Category::ALL.into_iter().map(|c| (c.key(), rs.category(c).label.clone())))
        .collect();
    let statuses =
        std::iter::once(all()).chain(Status::FILTERS.into_iter().map(|s| (s.key(), s.label().into()))).collect();
    let findings = vec![
        all(),
        (FindingFilter::HasErrors.key(), "有错误".into()),
        (FindingFilter::Complete.key(), "完整无问题".into()),
    ];
    let sort_options = std::iter::once((SortKey::Position.key(), own_order.to_string()))
        .chain(sorts.iter().map(|(k, label)| (k.key(), label.to_string())))
        .collect();
    let edit = move |f: fn(&mut ListQuery, &str)| Callback::new(move |v: String| query.update(|q| f(q, &v)));
    view! {
        <div class="list-filters" role="search" aria-label="查找申请">
            <div class="list-filters__field list-filters__search">
                <label class="field__label" for="list-search">
                    "搜索"
                </label>
                <input
                    type="search"
                    class="input"
                    id="list-search"
                    autocomplete="off"
                    placeholder="项目名称、成员姓名、单位或境外机构"
                    prop:value=move || query.with(|q| q.text.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        query.update(|q| q.text = v)
                    }
                />
            </div>
            <Choice
                id="filter-category"
                label="类别"
                options=categories
                value=Signal::derive(move || query.with(|q| q.category.map_or("", Category::key)))
                set=edit(|q, v| q.category = Category::ALL.into_iter().find(|c| c.key() == v))
            />
            <Choice
                id="filter-status"
                label="状态"
                options=statuses
                value=Signal::derive(move || query.with(|q| q.status.map_or("", Status::key)))
                set=edit(|q, v| q.status = Status::from_key(v))
            />
            <Choice
                id="filter-findings"
                label="检查结果"
                options=findings
                value=Signal::derive(move || query.with(|q| q.findings.map_or("", FindingFilter::key)))
                set=edit(|q, v| q.findings = FindingFilter::from_key(v))
            />
            <Choice
                id="filter-sort"
                label="排序"
                options=sort_options
                value=Signal::derive(move || query.with(|q| q.sort.key()))
                set=edit(|q, v| q.sort = SortKey::from_key(v).unwrap_or_default())
            />
            <div class="list-filters__field">
                <button
                    type="button"
                    class="button button--secondary"
                    data-action="sort-direction"
                    aria-pressed=move || query.with(|q| q.descending.to_string())
                    on:click=move |_| query.update(|q| q.descending = !q.descending)
                >
                    {move || if query.with(|q| q.descending) { "降序 ↓" } else { "升序 ↑" }}
                </button>
            </div>
            <div class="list-filters__field">
                <button
                    type="button"
                    class="button button--secondary"
                    data-action="clear-filters"
                    disabled=move || query.with(ListQuery::is_default)
                    on:click=move |_| query.set(ListQuery::default())
                >
                    "清除条件"
                </button>
            </div>
        </div>
        <p class="list-count" role="status" aria-live="polite" data-shown-count>
            {move || format!("显示 {} / {}", shown.get(), total.get())}
        </p>
    }
}
