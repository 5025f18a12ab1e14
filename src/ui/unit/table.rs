//! 附件2 on the page: every SPEC §5 column in rank order, and the totals against the plan.

use leptos::prelude::*;

use crate::summary::{COLUMNS, SummaryTable};
use crate::ui::state::Store;

#[component]
pub fn SummaryTableView() -> impl IntoView {
    let store = Store::get();
    let table = Memo::new(move |_| store.ws.with(|w| SummaryTable::build(w, store.rule_set())));
    view! {
        <section aria-labelledby="summary-title" class="summary-section">
            <h2 id="summary-title">"因公出国（境）培训项目计划申请汇总表（附件2）"</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-label="附件2">
                <table class="table table--cards summary-table" data-summary-table>
                    <thead>
                        <tr>{COLUMNS.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {move || {
                            table
                                .with(|t| {
                                    t.rows
                                        .iter()
                                        .map(|r| {
                                            view! {
                                                <tr data-summary-row=r
                                                    .application_id
                                                    .clone()>
                                                    {r
                                                        .cells()
                                                        .into_iter()
                                                        .zip(COLUMNS)
                                                        .map(|(c, label)| {
                                                            view! { <td data-label=label>{c.to_string()}</td> }
                                                        })
                                                        .collect_view()}
                                                </tr>
                                            }
                                        })
                                        .collect_view()
                                })
                        }}
                    </tbody>
                    <tfoot>
                        {move || {
                            table
                                .with(|t| {
                                    t.totals
                                        .rows()
                                        .into_iter()
                                        .map(|r| {
                                            let label = r[2].clone();
                                            view! {
                                                <tr class="summary-total" data-total=label>
                                                    {r
                                                        .into_iter()
                                                        .zip(COLUMNS)
                                                        .map(|(c, label)| view! { <td data-label=label>{c}</td> })
                                                        .collect_view()}
                                                </tr>
                                            }
                                        })
                                        .collect_view()
                                })
                        }}
                    </tfoot>
                </table>
            </div>
        </section>
    }
}
