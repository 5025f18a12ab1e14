//! Print views: 附件2 on A4 landscape; 单位总体排序意见 on A4 portrait, with the ranked
//! list, an opinion per application (several lines if need be), 单位（盖章） and the date
//! lines; it exports as .docx too (`docx::form::ranking_opinion`, the same text).

use leptos::prelude::*;

use super::ranking::order;
use crate::docx::form::{OPINION_TITLE, chinese_date, opinion_intro};
use crate::summary::{COLUMNS, SummaryTable, TITLE};
use crate::ui::clock::today;
use crate::ui::docx::{DocxButton, unit_target};
use crate::ui::state::Store;

/// Back to the page the print view belongs to, and the print button.
#[component]
pub fn PrintBar(back: &'static str, label: &'static str) -> impl IntoView {
    view! {
        <div class="print-actions">
            <a class="button button--secondary" href=back>
                {label}
            </a>
            <button
                type="button"
                class="button"
                data-action="print"
                on:click=|_| {
                    let _ = window().print();
                }
            >
                "打印 / 另存为 PDF"
            </button>
        </div>
    }
}

#[component]
pub fn SummaryPrint() -> impl IntoView {
    let store = Store::get();
    let table = Memo::new(move |_| store.ws.with(|w| SummaryTable::build(w, store.rule_set())));
    let d = today();
    view! {
        <PrintBar back="#/unit" label="返回单位汇总" />
        <article class="print-landscape form-2" data-print="form-2" tabindex="0" aria-label="附件2">
            <p class="form-1__annex">"附件2"</p>
            <h2 class="form-1__title">{TITLE}</h2>
            <p class="form-2__meta">
                <span>{move || format!("填报单位（盖章）：{}", table.with(|t| t.unit.clone()))}</span>
                <span>
                    {format!(
                        "填报日期：{}年{}月{}日",
                        chrono::Datelike::year(&d),
                        chrono::Datelike::month(&d),
                        chrono::Datelike::day(&d),
                    )}
                </span>
            </p>
            <table class="form-1__table form-2__table">
                <thead>
                    <tr>{COLUMNS.iter().map(|c| view! { <th>{*c}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {move || {
                        table
                            .with(|t| {
                                t.rows
                                    .iter()
                                    .map(|r| {
                                        view! {
                                            <tr>
                                                {r
                                                    .cells()
                                                    .into_iter()
                                                    .map(|c| view! { <td>{c.to_string()}</td> })
                                                    .collect_view()}
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            })
                    }}
                    {move || {
                        table
                            .with(|t| {
                                t.totals
                                    .rows()
                                    .into_iter()
                                    .map(|r| {
                                        view! {
                                            <tr class="summary-total">
                                                {r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            })
                    }}
                </tbody>
            </table>
        </article>
    }
}

#[component]
pub fn OpinionPrint() -> impl IntoView {
    let store = Store::get();
    let rows = Memo::new(move |_| {
        store.ws.with(|w| {
            order(w)
                .into_iter()
                .filter_map(|id| w.get(&id))
                .map(|a| (a.id.clone(), a.title.clone(), w.opinions.get(&a.id).cloned().unwrap_or_default()))
                .collect::<Vec<_>>()
        })
    });
    let unit = Memo::new(move |_| store.ws.with(|w| w.unit.clone()));
    let target = Callback::new(move |()| unit_target(store, "ranking_opinion", OPINION_TITLE));
    view! {
        <PrintBar back="#/unit" label="返回单位汇总" />
        <div class="print-actions">
            <DocxButton label="导出 Word（.docx）" action="export-opinion-docx" target=target secondary=true />
        </div>
        <article class="form-1 opinion" data-print="opinion" tabindex="0" aria-label="单位总体排序意见">
            <h2 class="form-1__title">{OPINION_TITLE}</h2>
            <p>{move || format!("单位：{}", unit.get())}</p>
            <p>{opinion_intro(store.rule_set())}</p>
            <table class="form-1__table">
                <thead>
                    <tr>
                        <th>"排序"</th>
                        <th>"项目名称"</th>
                        <th>"单位意见"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        rows.get()
                            .into_iter()
                            .enumerate()
                            .map(|(i, (id, title, opinion))| {
                                let input_id = format!("opinion-{id}");
                                let lines = opinion.lines().count().max(2);
                                // Tall enough for every line typed; `field-sizing` grows it as one types
                                // and prints it whole.
                                view! {
                                    <tr>
                                        <td>{i + 1}</td>
                                        <td>{title.clone()}</td>
                                        <td>
                                            <label class="visually-hidden" for=input_id.clone()>
                                                {format!("对「{title}」的意见")}
                                            </label>
                                            <textarea
                                                id=input_id
                                                class="input opinion__input"
                                                rows=lines
                                                style:field-sizing="content"
                                                prop:value=opinion
                                                on:change=move |ev| {
                                                    let v = event_target_value(&ev);
                                                    store
                                                        .edit_workspace(|w| {
                                                            w.opinions.insert(id.clone(), v);
                                                        });
                                                }
                                            ></textarea>
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            <div class="form-1__seal">
                <p>"单位（盖章）"</p>
                <p>{chinese_date(today())}</p>
            </div>
        </article>
    }
}
