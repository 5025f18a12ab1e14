//! The applications of an import preview: up to 1,000 at once, so a page of them at a
//! time, a filter by kind and by text, 「全部保留我的 / 全部采用对方的」 for every conflict the
//! filter shows (on all its pages), and a jump to the next conflict still open. Every
//! conflict is reachable, by keyboard too.

use leptos::prelude::*;

use super::import::ImportUi;
use crate::bundle::{Action, Choice, FieldConflict, PlanItem, Resolutions, Unchanged};

/// Applications per page: the preview stays quick with many.
const PAGE: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    All,
    Conflict,
    Added,
    Updated,
    Unchanged,
}

const KINDS: [(Kind, &str, &str); 5] = [
    (Kind::All, "all", "全部"),
    (Kind::Conflict, "conflict", "冲突"),
    (Kind::Added, "added", "新增"),
    (Kind::Updated, "updated", "更新"),
    (Kind::Unchanged, "unchanged", "无变化"),
];

fn kind_of(a: &Action) -> Kind {
    match a {
        Action::Added => Kind::Added,
        Action::Updated { .. } => Kind::Updated,
        Action::Unchanged(_) => Kind::Unchanged,
        Action::Conflict { .. } => Kind::Conflict,
    }
}

/// Fields of this item still without a side (0 for anything but a conflict).
pub(super) fn open_fields(item: &PlanItem, r: &Resolutions) -> usize {
    let Action::Conflict { fields } = &item.action else { return 0 };
    match r.get(&item.incoming.id) {
        Some(x) if x.all.is_some() => 0,
        Some(x) => fields.iter().filter(|f| !x.fields.contains_key(&f.path)).count(),
        None => fields.len(),
    }
}

fn labels(changes: &[FieldConflict]) -> String {
    let mut l: Vec<&str> = changes.iter().map(|c| c.label_zh.as_str()).collect();
    l.dedup();
    l.join("、")
}

#[component]
pub fn PlanView(items: Vec<PlanItem>) -> impl IntoView {
    let ui = ImportUi::get();
    let count = |k: Kind| items.iter().filter(|i| kind_of(&i.action) == k).count();
    let summary = format!(
        "新增 {} 份，更新 {} 份，无变化 {} 份，冲突 {} 份",
        count(Kind::Added),
        count(Kind::Updated),
        count(Kind::Unchanged),
        count(Kind::Conflict)
    );
    let conflicts = count(Kind::Conflict);
    let items = StoredValue::new(items);
    let kind = RwSignal::new(Kind::All);
    let text = RwSignal::new(String::new());
    let paging = crate::ui::list::Paging::new(PAGE);
    let shown = Memo::new(move |_| {
        let (k, t) = (kind.get(), text.get());
        let t = t.trim();
        items.with_value(|items| {
            items
                .iter()
                .enumerate()
                .filter(|(_, i)| k == Kind::All || kind_of(&i.action) == k)
                .filter(|(_, i)| t.is_empty() || i.incoming.display_title().contains(t) || i.incoming.id.contains(t))
                .map(|(n, _)| n)
                .collect::<Vec<_>>()
        })
    });
    let pages = move || shown.with(|s| paging.count(s.len()));
    let on_page = move || shown.with(|s| s[paging.range(s.len())].to_vec());
    let shown_conflicts = move || {
        shown.with(|s| {
            items.with_value(|items| s.iter().filter(|&&n| kind_of(&items[n].action) == Kind::Conflict).count())
        })
    };
    let choose_all = move |c: Choice| {
        let ids: Vec<String> = shown.with_untracked(|s| {
            items.with_value(|items| {
                s.iter()
                    .map(|&n| &items[n])
                    .filter(|i| kind_of(&i.action) == Kind::Conflict)
                    .map(|i| i.incoming.id.clone())
                    .collect()
            })
        });
        ui.resolutions.update(|r| {
            for id in ids {
                let x = r.entry(id).or_default();
                x.all = Some(c);
                x.fields.clear();
            }
        });
    };
    // The first conflict with a field still open: its page, then focus on it.
    let next_open = move |_| {
        let first = |within: &[usize]| {
            ui.resolutions.with_untracked(|r| {
                items.with_value(|items| within.iter().position(|&n| open_fields(&items[n], r) > 0))
            })
        };
        let mut at = shown.with_untracked(|s| first(s));
        if at.is_none() {
            kind.set(Kind::Conflict);
            text.set(String::new());
            at = shown.with_untracked(|s| first(s));
        }
        let Some(at) = at else { return };
        paging.show_row(at);
        let id = shown.with_untracked(|s| items.with_value(|items| items[s[at]].incoming.id.clone()));
        request_animation_frame(move || {
            let sel = format!("[data-item=\"{}\"] [data-action=\"all-mine\"]", id.replace('"', ""));
            if let Some(el) = document().query_selector(&sel).ok().flatten() {
                use wasm_bindgen::JsCast;
                if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                    _ = el.focus();
                }
            }
        });
    };
    let open_total = move || {
        ui.resolutions.with(|r| items.with_value(|items| items.iter().map(|i| open_fields(i, r)).sum::<usize>()))
    };
    view! {
        <h3>"申请"</h3>
        <p data-plan-summary>{summary}</p>
        <div class="plan-filter" role="group" aria-label="筛选导入的申请">
            <label class="field__label" for="plan-kind">
                "显示"
            </label>
            <select
                id="plan-kind"
                class="input input--short"
                data-plan-kind
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    kind.set(KINDS.iter().find(|k| k.1 == v).map_or(Kind::All, |k| k.0));
                    paging.reset();
                }
            >
                {KINDS
                    .iter()
                    .map(|&(k, value, label)| {
                        view! {
                            <option value=value selected=move || kind.get() == k>
                                {label}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <label class="field__label" for="plan-text">
                "标题或编号包含"
            </label>
            <input
                id="plan-text"
                class="input input--medium"
                type="search"
                data-plan-text
                prop:value=move || text.get()
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    paging.reset();
                }
            />
        </div>
        <p role="status" aria-live="polite" data-plan-shown>
            {move || {
                let n = shown.with(Vec::len);
                let r = paging.range(n);
                if n == 0 {
                    "没有符合筛选条件的申请。".to_string()
                } else {
                    format!(
                        "显示第 {}–{} 份，共 {n} 份（第 {} / {} 页）",
                        r.start + 1,
                        r.end,
                        paging.current(n) + 1,
                        pages(),
                    )
                }
            }}
        </p>
        {(conflicts > 0)
            .then(|| {
                view! {
                    <div class="actions" data-plan-bulk>
                        <button
                            type="button"
                            class="button button--small"
                            data-action="shown-mine"
                            disabled=move || shown_conflicts() == 0
                            on:click=move |_| choose_all(Choice::Mine)
                        >
                            {move || format!("筛选出的 {} 份冲突：全部保留我的", shown_conflicts())}
                        </button>
                        <button
                            type="button"
                            class="button button--small"
                            data-action="shown-theirs"
                            disabled=move || shown_conflicts() == 0
                            on:click=move |_| choose_all(Choice::Theirs)
                        >
                            {move || format!("筛选出的 {} 份冲突：全部采用对方的", shown_conflicts())}
                        </button>
                        <button
                            type="button"
                            class="button button--small button--secondary"
                            data-action="next-open"
                            disabled=move || open_total() == 0
                            on:click=next_open
                        >
                            "下一处未选择的冲突"
                        </button>
                    </div>
                }
            })}
        <ul class="import-items">
            {move || {
                on_page().into_iter().map(|n| items.with_value(|items| item_view(items[n].clone()))).collect_view()
            }}
        </ul>
        <nav class="pager" aria-label="导入预览分页">
            <button
                type="button"
                class="button button--small button--secondary"
                data-action="prev-page"
                disabled={move || paging.page.get() == 0}
                on:click=move |_| paging.page.update(|p| *p = p.saturating_sub(1))
            >
                "上一页"
            </button>
            <button
                type="button"
                class="button button--small button--secondary"
                data-action="next-page"
                disabled={move || paging.page.get() + 1 >= pages()}
                on:click=move |_| paging.page.update(|p| *p += 1)
            >
                "下一页"
            </button>
        </nav>
    }
}

fn item_view(item: PlanItem) -> AnyView {
    let name = item.incoming.display_title();
    let id = item.incoming.id.clone();
    match item.action {
        Action::Added => view! {
            <li data-item=id data-action-kind="added">
                {format!("新增：{name}")}
            </li>
        }
        .into_any(),
        Action::Updated { from_revision, to_revision, changes } => view! {
            <li data-item=id data-action-kind="updated">
                {format!(
                    "更新：{name}（第 {from_revision} 版 → 第 {to_revision} 版；{}）",
                    labels(&changes),
                )}
            </li>
        }
        .into_any(),
        Action::Unchanged(why) => view! {
            <li data-item=id data-action-kind="unchanged">
                {format!(
                    "无变化：{name}（{}）",
                    match why {
                        Unchanged::SameContent => "内容相同",
                        Unchanged::LocalNewer => "本机的版本更新，保留本机",
                        Unchanged::DuplicateInBundle => "文件中重复出现，只导入第一份",
                    },
                )}
            </li>
        }
        .into_any(),
        Action::Conflict { fields } => view! { <ConflictView id name fields /> }.into_any(),
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
            <p>
                <strong>{format!("冲突：{name}")}</strong>
                "——双方都修改过这份申请，请逐项选择保留哪一方的内容。"
            </p>
            <div class="actions">
                <button
                    type="button"
                    class="button button--small"
                    data-action="all-mine"
                    on:click=move |_| all_mine(Choice::Mine)
                >
                    "全部保留我的"
                </button>
                <button
                    type="button"
                    class="button button--small"
                    data-action="all-theirs"
                    on:click=move |_| all_theirs(Choice::Theirs)
                >
                    "全部采用对方的"
                </button>
            </div>
            <table class="table conflict-table">
                <thead>
                    <tr>
                        <th scope="col">"内容"</th>
                        <th scope="col">"我的"</th>
                        <th scope="col">"对方的"</th>
                    </tr>
                </thead>
                <tbody>
                    {fields
                        .into_iter()
                        .map(|f| {
                            let (id1, id2, p1, p2) = (id.clone(), id.clone(), f.path.clone(), f.path.clone());
                            let name = format!("conflict-{id}-{}", f.path);
                            let chosen = {
                                let (id, path) = (id.clone(), f.path.clone());
                                move || {
                                    ui.resolutions
                                        .with(|r| r.get(&id).and_then(|x| x.fields.get(&path).copied().or(x.all)))
                                }
                            };
                            let chosen2 = chosen.clone();
                            view! {
                                <tr data-conflict=f.path.clone()>
                                    <th scope="row">{f.label_zh.clone()}</th>
                                    <td>
                                        <label class="radio">
                                            <input
                                                type="radio"
                                                name=name.clone()
                                                data-choice="mine"
                                                prop:checked=move || chosen() == Some(Choice::Mine)
                                                on:change=move |_| {
                                                    ui.resolutions
                                                        .update(|r| {
                                                            r.entry(id1.clone())
                                                                .or_default()
                                                                .fields
                                                                .insert(p1.clone(), Choice::Mine);
                                                        })
                                                }
                                            />
                                            <span>{f.mine.clone()}</span>
                                        </label>
                                    </td>
                                    <td>
                                        <label class="radio">
                                            <input
                                                type="radio"
                                                name=name
                                                data-choice="theirs"
                                                prop:checked=move || chosen2() == Some(Choice::Theirs)
                                                on:change=move |_| {
                                                    ui.resolutions
                                                        .update(|r| {
                                                            r.entry(id2.clone())
                                                                .or_default()
                                                                .fields
                                                                .insert(p2.clone(), Choice::Theirs);
                                                        })
                                                }
                                            />
                                            <span>{f.theirs.clone()}</span>
                                        </label>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </li>
    }
}
