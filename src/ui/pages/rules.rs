use leptos::prelude::*;

use super::PageTitle;
use crate::rule_set::RuleSet;
use crate::rules::RULES;

/// 规则说明: every rule of the registry with its limit in the loaded rule-set.
#[component]
pub fn Rules() -> impl IntoView {
    let rs = RuleSet::embedded();
    view! {
        <PageTitle>"规则说明"</PageTitle>
        <p class="lead">{format!("申请表按以下 {} 条规则检查，依据规则集「{}」。", RULES.len(), rs.name)}</p>
        <table class="rules-table">
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
                {RULES
                    .iter()
                    .map(|r| {
                        view! {
                            <tr data-rule=r.id>
                                <td><code>{r.id}</code></td>
                                <td class=format!("severity severity--{}", r.severity.css())>{r.severity.label()}</td>
                                <td>{r.title}</td>
                                <td>{(r.limit)(rs)}</td>
                                <td>{r.clause}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
