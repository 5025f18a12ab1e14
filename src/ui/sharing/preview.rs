//! The preview of an import: what each file holds or why it can't be read, what will be
//! added, updated, left alone and what conflicts, field by field. Nothing changes until
//! 「确认导入」, and then all or nothing.

use leptos::prelude::*;

use super::import::ImportUi;
use crate::bundle::{Action, Choice, FieldConflict, PlanItem, Unchanged, commit};

/// Rows shown per kind before 「还有 N 项」: the preview stays quick with many.
const SHOWN: usize = 200;

fn labels(changes: &[FieldConflict]) -> String {
    let mut l: Vec<&str> = changes.iter().map(|c| c.label_zh.as_str()).collect();
    l.dedup();
    l.join("、")
}

/// Always mounted; the preview's own code is fetched with the first import.
#[component]
pub fn ImportPreview() -> impl IntoView {
    let ui = ImportUi::get();
    let open = move || ui.batch.with(Option::is_some) || ui.busy.get();
    view! {
        <Show when=open>{|| crate::ui::lazy::part(crate::ui::lazy::import_preview, preview_unavailable)}</Show>
        // An import that ended before its preview (its chunk could not be fetched).
        {move || (!open()).then(|| ui.error.get()).flatten().map(|e| view! {
            <p class="finding finding--error" role="alert" data-import-error>{e}</p>
        })}
        {move || ui.done.get().map(|d| view! { <p class="import-done" role="status" data-import-done>{d}</p> })}
    }
}

/// The preview's chunk could not be fetched: nothing was imported; try again or cancel.
fn preview_unavailable(retry: Trigger) -> AnyView {
    let ui = ImportUi::get();
    view! {
        <section class="import-preview" data-import-unavailable>
            <p class="finding finding--error" role="alert">
                "导入预览的程序文件没有下载成功（可能网络已断开，或者网站刚刚更新），还没有导入任何内容。"
            </p>
            <div class="actions">
                <button type="button" class="button" data-action="retry-preview" on:click=move |_| retry.notify()>"重试"</button>
                <button type="button" class="button button--secondary" data-action="cancel-import" on:click=move |_| ui.cancel()>"取消"</button>
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
        super::results::unresolved(ui) + ui.batch.with(|b| {
            let Some(plan) = b.as_ref().and_then(|b| b.plan.as_ref()) else { return 0 };
            ui.resolutions.with(|r| {
                plan.items
                    .iter()
                    .map(|i| match &i.action {
                        Action::Conflict { fields } => {
                            let res = r.get(&i.incoming.id);
                            if res.is_some_and(|x| x.all.is_some()) {
                                0
                            } else {
                                fields.iter().filter(|f| res.is_none_or(|x| !x.fields.contains_key(&f.path))).count()
                            }
                        }
                        _ => 0,
                    })
                    .sum::<usize>()
            })
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
            <section class="import-preview" role="dialog" aria-modal="false" aria-labelledby="import-title" data-import-preview>
                <h2 id="import-title" tabindex="-1">"导入预览"</h2>
                {move || ui.busy.get().then(|| view! { <p role="status">"正在读取文件…"</p> })}
                {move || ui.batch.get().map(|batch| {
                    let files = batch.files.clone();
                    let plan = batch.plan.clone();
                    let cards = batch.cards.clone();
                    let offers = batch.rule_sets.clone();
                    let renamed = batch.renamed.clone();
                    let renamed_count = renamed.len();
                    let damaged = batch.damaged.clone();
                    view! {
                        <h3>"文件"</h3>
                        <ul class="import-files">
                            {files.into_iter().map(|f| match f.outcome {
                                Ok(what) => view! { <li data-file=f.name.clone() data-file-ok>{format!("{}：{what}", f.name)}</li> }.into_any(),
                                Err(why) => view! {
                                    <li data-file=f.name.clone() data-file-error class="finding finding--error">
                                        {format!("{}：{why}", f.name)}" 未导入，其余文件不受影响。"
                                    </li>
                                }.into_any(),
                            }).collect_view()}
                        </ul>
                        {(!damaged.is_empty()).then(|| view! { <super::damaged::DamagedEntries entries=damaged/> })}
                        {(!renamed.is_empty()).then(|| view! {
                            <div class="notice" role="note" data-renamed=renamed_count>
                                <p>"这些申请在文件中没有本工具可用的编号（为空，或含有 / ? # 等字符），导入时换成了新编号："</p>
                                <ul>{renamed.into_iter().map(|r| {
                                    let from = if r.from.is_empty() { "（空）".to_string() } else { format!("「{}」", r.from) };
                                    view! { <li>{format!("{}：原编号 {from}", r.title)}</li> }
                                }).collect_view()}</ul>
                            </div>
                        })}
                        {(!offers.is_empty()).then(|| view! { <super::rule_sets::RuleSetOffers offers/> })}
                        {plan.map(|p| view! { <PlanView items=p.items/> })}
                        {(!batch.results.is_empty()).then(|| view! { <super::results::ResultPlans/> })}
                        {(!cards.is_empty()).then(|| view! { <CardTargets names=cards.iter().map(|(n, b)| (n.clone(), b.members.iter().map(|m| m.name.clone()).collect::<Vec<_>>().join("、"))).collect()/> })}
                        {batch.is_empty().then(|| view! { <p>"这些文件中没有可以导入的内容。"</p> })}
                    }
                })}
                {move || ui.error.get().map(|e| view! { <p class="finding finding--error" role="alert" data-import-error>{e}</p> })}
                <div class="actions">
                    <button type="button" class="button" data-action="confirm-import"
                        disabled=move || { unresolved() > 0 || ui.batch.with(|b| b.as_ref().is_none_or(|b| b.is_empty())) }
                        on:click=confirm>
                        {move || match unresolved() { 0 => "确认导入".to_string(), n => format!("还有 {n} 处冲突需要选择") }}
                    </button>
                    <button type="button" class="button button--secondary" data-action="cancel-import" on:click=move |_| ui.cancel()>"取消"</button>
                </div>
            </section>
    }
}

#[component]
fn PlanView(items: Vec<PlanItem>) -> impl IntoView {
    let count = |f: fn(&Action) -> bool| items.iter().filter(|i| f(&i.action)).count();
    let summary = format!(
        "新增 {} 份，更新 {} 份，无变化 {} 份，冲突 {} 份",
        count(|a| matches!(a, Action::Added)),
        count(|a| matches!(a, Action::Updated { .. })),
        count(|a| matches!(a, Action::Unchanged(_))),
        count(|a| matches!(a, Action::Conflict { .. })),
    );
    let hidden = items.len().saturating_sub(SHOWN);
    view! {
        <h3>"申请"</h3>
        <p data-plan-summary>{summary}</p>
        <ul class="import-items">
            {items.into_iter().take(SHOWN).map(|item| {
                let name = item.incoming.display_title();
                let id = item.incoming.id.clone();
                match item.action {
                    Action::Added => view! { <li data-item=id data-action-kind="added">{format!("新增：{name}")}</li> }.into_any(),
                    Action::Updated { from_revision, to_revision, changes } => view! {
                        <li data-item=id data-action-kind="updated">
                            {format!("更新：{name}（第 {from_revision} 版 → 第 {to_revision} 版；{}）", labels(&changes))}
                        </li>
                    }.into_any(),
                    Action::Unchanged(why) => view! {
                        <li data-item=id data-action-kind="unchanged">
                            {format!("无变化：{name}（{}）", match why {
                                Unchanged::SameContent => "内容相同",
                                Unchanged::LocalNewer => "本机的版本更新，保留本机",
                                Unchanged::DuplicateInBundle => "文件中重复出现，只导入第一份",
                            })}
                        </li>
                    }.into_any(),
                    Action::Conflict { fields } => view! { <ConflictView id name fields/> }.into_any(),
                }
            }).collect_view()}
        </ul>
        {(hidden > 0).then(|| view! { <p>{format!("还有 {hidden} 份未列出。")}</p> })}
    }
}

/// Both sides edited the same application: a choice per field, both values shown.
#[component]
fn ConflictView(id: String, name: String, fields: Vec<FieldConflict>) -> impl IntoView {
    let ui = ImportUi::get();
    let set_all = {
        let id = id.clone();
        move |c: Choice| ui.resolutions.update(|r| r.entry(id.clone()).or_default().all = Some(c))
    };
    let (all_mine, all_theirs) = (set_all.clone(), set_all);
    view! {
        <li data-item=id.clone() data-action-kind="conflict" class="conflict">
            <p><strong>{format!("冲突：{name}")}</strong>"——双方都修改过这份申请，请逐项选择保留哪一方的内容。"</p>
            <div class="actions">
                <button type="button" class="button button--small" data-action="all-mine" on:click=move |_| all_mine(Choice::Mine)>"全部保留我的"</button>
                <button type="button" class="button button--small" data-action="all-theirs" on:click=move |_| all_theirs(Choice::Theirs)>"全部采用对方的"</button>
            </div>
            <table class="table conflict-table">
                <thead><tr><th scope="col">"内容"</th><th scope="col">"我的"</th><th scope="col">"对方的"</th></tr></thead>
                <tbody>
                    {fields.into_iter().map(|f| {
                        let (id1, id2, p1, p2) = (id.clone(), id.clone(), f.path.clone(), f.path.clone());
                        let name = format!("conflict-{id}-{}", f.path);
                        let chosen = {
                            let (id, path) = (id.clone(), f.path.clone());
                            move || ui.resolutions.with(|r| r.get(&id).and_then(|x| x.fields.get(&path).copied().or(x.all)))
                        };
                        let chosen2 = chosen.clone();
                        view! {
                            <tr data-conflict=f.path.clone()>
                                <th scope="row">{f.label_zh.clone()}</th>
                                <td><label class="radio"><input type="radio" name=name.clone() data-choice="mine"
                                    prop:checked=move || chosen() == Some(Choice::Mine)
                                    on:change=move |_| ui.resolutions.update(|r| { r.entry(id1.clone()).or_default().fields.insert(p1.clone(), Choice::Mine); })/>
                                    <span>{f.mine.clone()}</span></label></td>
                                <td><label class="radio"><input type="radio" name=name data-choice="theirs"
                                    prop:checked=move || chosen2() == Some(Choice::Theirs)
                                    on:change=move |_| ui.resolutions.update(|r| { r.entry(id2.clone()).or_default().fields.insert(p2.clone(), Choice::Theirs); })/>
                                    <span>{f.theirs.clone()}</span></label></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </li>
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
        {names.into_iter().enumerate().map(|(i, (file, people))| {
            let id = format!("card-target-{i}");
            view! {
                <div class="field" data-card=i>
                    <label class="field__label" for=id.clone()>{format!("把 {people}（{file}）加入团组：")}</label>
                    <select id=id class="input input--medium" data-card-target=i
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            ui.targets.update(|t| { if v.is_empty() { t.remove(&i); } else { t.insert(i, v); } });
                        }>
                        <option value="">"请选择"</option>
                        {move || apps.get().into_iter().map(|(id, t)| view! { <option value=id>{t}</option> }).collect_view()}
                    </select>
                </div>
            }
        }).collect_view()}
    }
}
