use leptos::prelude::*;

use super::PageTitle;
use crate::rules::RULES;
use crate::ui::route::Route;
use crate::ui::state::Store;

/// 规则说明: every rule of the registry with its limit in the rule-set in use.
#[component]
pub fn Rules() -> impl IntoView {
    let store = Store::get();
    view! {
        <PageTitle>"规则说明"</PageTitle>
        <p class="lead" data-rule-set=move || store.rule_set().id.clone()>
            {move || {
                format!(
                    "本页按规则集「{}」列出申请表的 {} 条检查规则及其限值。\
                     换一轮申报的数值，请",
                    store.rule_set().name,
                    RULES.len(),
                )
            }}
            <a href=Route::RuleSets.href() data-link="rule-sets">
                "管理规则集"
            </a>
            "。"
        </p>
        <table class="rules-table table--cards">
            <caption class="visually-hidden">"全部检查规则"</caption>
            <thead>
                <tr>
                    <th scope="col">"规则"</th>
                    <th scope="col">"级别"</th>
                    <th scope="col">"要求"</th>
                    <th scope="col">"本规则集的限值"</th>
                    <th scope="col">"通知条款"</th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    let rs = store.rule_set();
                    RULES
                        .iter()
                        .map(|r| {
                            view! {
                                <tr data-rule=r.id>
                                    <td class="cell--title">
                                        <code>{r.id}</code>
                                    </td>
                                    <td data-label="级别" class=format!("severity severity--{}", r.severity.css())>
                                        {r.severity.label()}
                                    </td>
                                    <td data-label="要求">{r.title}</td>
                                    <td data-label="本规则集的限值">{(r.limit)(rs)}</td>
                                    <td data-label="通知条款">{r.clause(rs)}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </tbody>
        </table>
    }
}
