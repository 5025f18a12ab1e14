//! 总体排序: drag and drop, or by keyboard (上移 / 下移, or type a rank).

use leptos::prelude::*;

use crate::model::Workspace;
use crate::rules::{Cx, Severity, check_application};
use crate::ui::clock::today;
use crate::ui::state::Store;

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

/// After the list re-renders, gives focus back to the same control of the moved row.
fn refocus(id: &str, selector: &'static str) {
    let target = format!("[data-rank-row=\"{id}\"] {selector}");
    request_animation_frame(move || {
        if let Some(el) = document().query_selector(&target).ok().flatten() {
            use wasm_bindgen::JsCast;
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
}

#[derive(Clone, PartialEq)]
struct Row {
    id: String,
    title: String,
    category: String,
    persons: usize,
    unit: String,
    errors: usize,
    ranked: bool,
}

#[component]
pub fn Ranking() -> impl IntoView {
    let store = Store::get();
    let rs = store.rule_set();
    let rows = Memo::new(move |_| {
        store.ws.with(|w| {
            let cx = Cx::new(rs, w, today());
            order(w)
                .into_iter()
                .filter_map(|id| w.get(&id))
                .map(|a| Row {
                    id: a.id.clone(),
                    title: a.display_title(),
                    category: a.category.map(|c| rs.category(c).label.clone()).unwrap_or_else(|| "未选择".into()),
                    persons: a.members.len(),
                    unit: a.leader().map(|(_, m)| m.unit.clone()).unwrap_or_default(),
                    errors: check_application(&cx, a).iter().filter(|f| f.severity == Severity::Error).count(),
                    ranked: w.ranking.contains(&a.id),
                })
                .collect::<Vec<_>>()
        })
    });
    let dragging = RwSignal::new(None::<String>);
    let n = move || rows.with(Vec::len);
    view! {
        <section class="panel" aria-labelledby="ranking-title">
            <h2 id="ranking-title">"总体排序"</h2>
            <p class="field__hint">"拖动行，或用「上移」「下移」按钮，或在排序框中输入名次后按回车。"</p>
            <ol class="ranking" data-ranking>
                {move || rows.get().into_iter().enumerate().map(|(i, r)| {
                    let (up, down, typed, drag) = (r.id.clone(), r.id.clone(), r.id.clone(), r.id.clone());
                    let rank_id = format!("rank-{}", r.id);
                    view! {
                        <li class="ranking__row" data-rank-row=r.id.clone() draggable="true"
                            on:dragstart=move |_| dragging.set(Some(drag.clone()))
                            on:dragover=|ev| ev.prevent_default()
                            on:drop=move |ev| {
                                ev.prevent_default();
                                if let Some(id) = dragging.get_untracked() { move_to(store, &id, i); }
                                dragging.set(None);
                            }>
                            <label class="visually-hidden" for=rank_id.clone()>{format!("{} 的名次", r.title)}</label>
                            <input id=rank_id class="input ranking__rank" type="number" min="1" max=n()
                                data-rank-input=r.id.clone() prop:value=if r.ranked { (i + 1).to_string() } else { String::new() }
                                placeholder="未排"
                                on:change=move |ev| {
                                    if let Ok(k) = event_target_value(&ev).trim().parse::<usize>() {
                                        move_to(store, &typed, k.max(1) - 1);
                                        refocus(&typed, "[data-rank-input]");
                                    }
                                }/>
                            <a class="ranking__title" href=crate::ui::editor::href(&r.id, crate::ui::editor::Page::Check)>{r.title.clone()}</a>
                            <span class="ranking__meta">{format!("{} · {} 人 · {}", r.category, r.persons, r.unit)}</span>
                            {(r.errors > 0).then(|| view! { <span class="tag tag--problems">{format!("{} 个错误", r.errors)}</span> })}
                            <span class="ranking__buttons">
                                <button type="button" class="button button--small" data-action="rank-up" disabled={ i == 0 }
                                    on:click=move |_| { move_to(store, &up, i.saturating_sub(1)); refocus(&up, "[data-action=rank-up]"); }>
                                    "上移" <span class="visually-hidden">{r.title.clone()}</span>
                                </button>
                                <button type="button" class="button button--small" data-action="rank-down" disabled={ i + 1 >= n() }
                                    on:click=move |_| { move_to(store, &down, i + 1); refocus(&down, "[data-action=rank-down]"); }>
                                    "下移" <span class="visually-hidden">{r.title.clone()}</span>
                                </button>
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
