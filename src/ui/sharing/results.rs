//! A result file's part of the import preview (the bureau's answer, `kind: "result"`):
//! per application what changes in its execution record, a choice per field where the
//! unit typed something else, the applications the file names that are not here, and the
//! rows that are not applied (another unit's, without a unit, a repeat).

use leptos::prelude::*;

use super::import::ImportUi;
use crate::bundle::{Choice, ResultField, ResultPlan};

/// Conflicts of the batch's result files still without a choice.
pub fn unresolved(ui: ImportUi) -> usize {
    ui.batch.with(|b| b.as_ref().map_or(0, |b| b.results.iter().map(|(_, p)| p.unresolved()).sum()))
}

/// Every result file of the batch.
#[component]
pub fn ResultPlans() -> impl IntoView {
    let ui = ImportUi::get();
    let plans = move || ui.batch.with(|b| b.as_ref().map(|b| b.results.clone()).unwrap_or_default());
    view! {
        {move || {
            plans()
                .into_iter()
                .enumerate()
                .map(|(i, (name, plan))| view! { <ResultPlanView index=i name plan /> })
                .collect_view()
        }}
    }
}

#[component]
fn ResultPlanView(index: usize, name: String, plan: ResultPlan) -> impl IntoView {
    let ui = ImportUi::get();
    let choose = move |id: String, field: ResultField, c: Choice| {
        ui.batch.update(|b| {
            if let Some((_, p)) = b.as_mut().and_then(|b| b.results.get_mut(index)) {
                p.choose(&id, field, c);
            }
        })
    };
    let summary = format!(
        "{name}：{} 份申请的执行记录有变化，{} 份无变化，{} 处冲突",
        plan.changed(),
        plan.items.len() - plan.changed(),
        plan.items.iter().flat_map(|i| &i.changes).filter(|c| c.conflict).count()
    );
    view! {
        <section data-result-plan=name.clone()>
            <h3>"遴选结果"</h3>
            <p data-result-summary>{summary}</p>
            <ul class="import-items">
                {plan
                    .items
                    .into_iter()
                    .map(|item| {
                        let id = item.id.clone();
                        let decision = item.incoming.decision.map(|d| d.label()).unwrap_or("");
                        if item.changes.is_empty() {
                            return view! {
                                <li data-result-item=id data-action-kind="unchanged">
                                    {format!("无变化：{}（{decision}）", item.title)}
                                </li>
                            }
                                .into_any();
                        }
                        let conflict = item.changes.iter().any(|c| c.conflict);
                        view! {
                            <li
                                data-result-item=id.clone()
                                data-action-kind=if conflict { "conflict" } else { "updated" }
                                class=conflict.then_some("conflict")
                            >
                                <p>
                                    <strong>{format!("{}：{decision}", item.title)}</strong>
                                    {conflict
                                        .then_some(
                                            "——本单位已填写的内容与遴选结果不同，\
                                             请逐项选择保留哪一方。",
                                        )}
                                </p>
                                <table class="table conflict-table">
                                    <thead>
                                        <tr>
                                            <th scope="col">"内容"</th>
                                            <th scope="col">"本单位现有"</th>
                                            <th scope="col">"遴选结果"</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {item
                                            .changes
                                            .into_iter()
                                            .map(|c| {
                                                let field = c.field;
                                                if !c.conflict {
                                                    return view! {
                                                        <tr data-result-change=field.key()>
                                                            <th scope="row">{field.label()}</th>
                                                            <td>{c.mine}</td>
                                                            <td>{c.theirs}</td>
                                                        </tr>
                                                    }
                                                        .into_any();
                                                }
                                                let group = format!("result-{index}-{id}-{}", field.key());
                                                let chosen = c.choice;
                                                let (id1, id2) = (id.clone(), id.clone());
                                                let mine = move |_| choose(id1.clone(), field, Choice::Mine);
                                                let theirs = move |_| choose(id2.clone(), field, Choice::Theirs);
                                                view! {
                                                    <tr data-conflict=field.key()>
                                                        <th scope="row">{field.label()}</th>
                                                        <td>
                                                            <label class="radio">
                                                                <input
                                                                    type="radio"
                                                                    name=group.clone()
                                                                    data-choice="mine"
                                                                    prop:checked=chosen == Some(Choice::Mine)
                                                                    on:change=mine
                                                                />
                                                                <span>{c.mine}</span>
                                                            </label>
                                                        </td>
                                                        <td>
                                                            <label class="radio">
                                                                <input
                                                                    type="radio"
                                                                    name=group
                                                                    data-choice="theirs"
                                                                    prop:checked=chosen == Some(Choice::Theirs)
                                                                    on:change=theirs
                                                                />
                                                                <span>{c.theirs}</span>
                                                            </label>
                                                        </td>
                                                    </tr>
                                                }
                                                    .into_any()
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            </li>
                        }
                            .into_any()
                    })
                    .collect_view()}
            </ul>
            {(!plan.missing.is_empty())
                .then(|| {
                    view! {
                        <div class="notice" role="note" data-result-missing=plan.missing.len()>
                            <p>
                                "文件中的这些申请在本工作区没有，不导入（其余照常导入）："
                            </p>
                            <ul>{plan.missing.iter().map(|s| view! { <li>{s.display()}</li> }).collect_view()}</ul>
                        </div>
                    }
                })}
            <SkippedRows problems=plan.problems />
        </section>
    }
}

/// The file's rows that are not applied (another unit's, without a unit, a repeat), each
/// said at its row.
#[component]
fn SkippedRows(problems: Vec<crate::bundle::ResultProblem>) -> impl IntoView {
    (!problems.is_empty()).then(|| {
        let rows = problems
            .into_iter()
            .map(|p| {
                view! {
                    <li class="finding finding--warning" data-path=p.path>
                        {p.message}
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="notice" role="note" data-result-skipped>
                <p>"文件中的这些条目不导入（其余照常导入）："</p>
                <ul>{rows}</ul>
            </div>
        }
    })
}
