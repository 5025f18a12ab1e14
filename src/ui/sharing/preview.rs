//! The preview of an import: what each file holds or why it can't be read, what will be
//! added, updated, left alone and what conflicts, field by field. Nothing changes until
//! 「确认导入」, and then all or nothing.

use leptos::prelude::*;

use super::import::ImportUi;
use super::plan_list::{PlanView, open_fields};
use crate::bundle::{Action, commit};

/// Always mounted; the preview's own code is fetched with the first import.
#[component]
pub fn ImportPreview() -> impl IntoView {
    let ui = ImportUi::get();
    let open = move || ui.batch.with(Option::is_some) || ui.busy.get() || ui.locked.get();
    view! {
        <Show when=open>{|| crate::ui::lazy::part(crate::ui::lazy::import_preview, preview_unavailable)}</Show>
        // An import that ended before its preview (its chunk could not be fetched).
        {move || {
            (!open())
                .then(|| ui.error.get())
                .flatten()
                .map(|e| {
                    view! {
                        <p class="finding finding--error" role="alert" data-import-error>
                            {e}
                        </p>
                    }
                })
        }}
        {move || {
            ui.done
                .get()
                .map(|d| {
                    view! {
                        <p class="import-done" role="status" data-import-done>
                            {d}
                        </p>
                    }
                })
        }}
    }
}

/// The preview's chunk could not be fetched: nothing was imported; try again or cancel.
fn preview_unavailable(retry: Trigger) -> AnyView {
    let ui = ImportUi::get();
    view! {
        <section class="import-preview" data-import-unavailable>
            <p class="finding finding--error" role="alert">
                "导入预览的程序文件没有下载成功（可能网络已断开，\
                 或者网站刚刚更新），还没有导入任何内容。"
            </p>
            <div class="actions">
                <button type="button" class="button" data-action="retry-preview" on:click=move |_| retry.notify()>
                    "重试"
                </button>
                <button
                    type="button"
                    class="button button--secondary"
                    data-action="cancel-import"
                    on:click=move |_| ui.cancel()
                >
                    "取消"
                </button>
            </div>
        </section>
    }
    .into_any()
}

#[component]
pub fn Preview() -> impl IntoView {
    let ui = ImportUi::get();
    let store = ui.store;
    let unresolved = move || {
        super::results::unresolved(ui)
            + ui.batch.with(|b| {
                let Some(plan) = b.as_ref().and_then(|b| b.plan.as_ref()) else { return 0 };
                ui.resolutions.with(|r| plan.items.iter().map(|i| open_fields(i, r)).sum::<usize>())
            })
    };
    let confirm = move |_| {
        let _span = crate::ui::perf::Span::new("peixun-import-apply");
        // Borrowed, not cloned: the batch holds every parsed application.
        let Some((result, n, cards)) = ui.batch.with_untracked(|b| {
            b.as_ref().map(|batch| {
                let (res, to) = (ui.resolutions.get_untracked(), ui.targets.get_untracked());
                let rule_sets = ui.rule_sets.get_untracked();
                let n = batch
                    .plan
                    .as_ref()
                    .map_or(0, |p| p.items.iter().filter(|i| !matches!(i.action, Action::Unchanged(_))).count())
                    + batch.results.iter().map(|(_, p)| p.changed()).sum::<usize>();
                (store.ws.with_untracked(|w| commit(w, batch, &res, &to, &rule_sets)), n, batch.cards.len())
            })
        }) else {
            return;
        };
        match result {
            Ok(ws) => {
                store.replace(ws);
                ui.cancel();
                ui.done.set(Some(format!("导入完成：{n} 份申请有变化，{cards} 张成员信息卡。")));
            }
            Err(e) => ui.error.set(Some(format!("没有导入任何内容：{e}"))),
        }
    };
    view! {
        <section
            class="import-preview"
            role="dialog"
            aria-modal="false"
            aria-labelledby="import-title"
            data-import-preview
        >
            <h2 id="import-title" tabindex="-1">
                "导入预览"
            </h2>
            {move || ui.busy.get().then(|| view! { <p role="status">"正在读取文件…"</p> })}
            {move || ui.locked.get().then(|| view! { <super::unlock::Unlock /> })}
            {move || {
                ui.batch
                    .get()
                    .map(|batch| {
                        let files = batch.files.clone();
                        let plan = batch.plan.clone();
                        let cards: Vec<(String, String)> = batch
                            .cards
                            .iter()
                            .map(|(n, b)| {
                                (n.clone(), b.members.iter().map(|m| m.name.clone()).collect::<Vec<_>>().join("、"))
                            })
                            .collect();
                        let offers = batch.rule_sets.clone();
                        let renamed = batch.renamed.clone();
                        let renamed_count = renamed.len();
                        let damaged = batch.damaged.clone();
                        view! {
                            <h3>"文件"</h3>
                            <ul class="import-files">
                                {files
                                    .into_iter()
                                    .map(|f| match f.outcome {
                                        Ok(what) => {
                                            view! {
                                                <li data-file=f.name.clone() data-file-ok>
                                                    {format!("{}：{what}", f.name)}
                                                </li>
                                            }
                                                .into_any()
                                        }
                                        Err(why) => {
                                            view! {
                                                <li
                                                    data-file=f.name.clone()
                                                    data-file-error
                                                    class="finding finding--error"
                                                >
                                                    {format!("{}：{why}", f.name)}
                                                    " 未导入，其余文件不受影响。"
                                                </li>
                                            }
                                                .into_any()
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                            {(!damaged.is_empty())
                                .then(|| view! { <super::damaged::DamagedEntries entries=damaged /> })}
                            {(!renamed.is_empty())
                                .then(|| {
                                    view! {
                                        <div class="notice" role="note" data-renamed=renamed_count>
                                            <p>
                                                "这些申请在文件中没有本工具可用的编号（为空，\
                                                 或含有 / ? # 等字符），导入时换成了新编号："
                                            </p>
                                            <ul>
                                                {renamed
                                                    .into_iter()
                                                    .map(|r| {
                                                        let from = if r.from.is_empty() {
                                                            "（空）".to_string()
                                                        } else {
                                                            format!("「{}」", r.from)
                                                        };
                                                        view! { <li>{format!("{}：原编号 {from}", r.title)}</li> }
                                                    })
                                                    .collect_view()}
                                            </ul>
                                        </div>
                                    }
                                })}
                            {(!offers.is_empty()).then(|| view! { <super::rule_sets::RuleSetOffers offers /> })}
                            {plan.map(|p| view! { <PlanView items=p.items /> })}
                            {(!batch.results.is_empty()).then(|| view! { <super::results::ResultPlans /> })}
                            {(!cards.is_empty()).then(|| view! { <CardTargets names=cards /> })}
                            {batch.is_empty().then(|| view! { <p>"这些文件中没有可以导入的内容。"</p> })}
                        }
                    })
            }}
            {move || {
                ui.error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="finding finding--error" role="alert" data-import-error>
                                {e}
                            </p>
                        }
                    })
            }}
            <div class="actions">
                <button
                    type="button"
                    class="button"
                    data-action="confirm-import"
                    disabled=move || { unresolved() > 0 || ui.batch.with(|b| b.as_ref().is_none_or(|b| b.is_empty())) }
                    on:click=confirm
                >
                    {move || match unresolved() {
                        0 => "确认导入".to_string(),
                        n => format!("还有 {n} 处冲突需要选择"),
                    }}
                </button>
                <button
                    type="button"
                    class="button button--secondary"
                    data-action="cancel-import"
                    on:click=move |_| ui.cancel()
                >
                    "取消"
                </button>
            </div>
        </section>
    }
}

/// Each member card joins a group the user picks.
#[component]
fn CardTargets(names: Vec<(String, String)>) -> impl IntoView {
    let ui = ImportUi::get();
    let apps = Memo::new(move |_| {
        ui.store.ws.with(|w| w.applications.iter().map(|a| (a.id.clone(), a.display_title())).collect::<Vec<_>>())
    });
    view! {
        <h3>"成员信息卡"</h3>
        {names
            .into_iter()
            .enumerate()
            .map(|(i, (file, people))| {
                let id = format!("card-target-{i}");
                view! {
                    <div class="field" data-card=i>
                        <label class="field__label" for=id.clone()>
                            {format!("把 {people}（{file}）加入团组：")}
                        </label>
                        <select
                            id=id
                            class="input input--medium"
                            data-card-target=i
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                ui.targets
                                    .update(|t| {
                                        if v.is_empty() {
                                            t.remove(&i);
                                        } else {
                                            t.insert(i, v);
                                        }
                                    });
                            }
                        >
                            <option value="">"请选择"</option>
                            {move || {
                                apps.get()
                                    .into_iter()
                                    .map(|(id, t)| view! { <option value=id>{t}</option> })
                                    .collect_view()
                            }}
                        </select>
                    </div>
                }
            })
            .collect_view()}
    }
}
