//! The rule-set form: a draft `RuleSet` in a signal, every field of it (`sections`,
//! `calendar`), the problems at their fields and in a summary at the top, and 「保存」,
//! refused while there is a problem.

use leptos::prelude::*;

use super::PageCx;
use super::field::{FormCx, field_id};
use crate::rule_set::{RuleSet, field_label};
use crate::ui::focus_by_id;

/// The form, as opened from the list.
#[derive(Clone)]
pub struct Opened {
    pub draft: RuleSet,
    /// The id of the rule-set being edited; `None` for a new one (a copy).
    pub editing: Option<String>,
    /// Only shown (the embedded rule-set).
    pub read_only: bool,
}

const SUMMARY: &str = "rs-summary";

#[component]
pub fn RuleSetForm(opened: Opened) -> impl IntoView {
    let page = PageCx::get();
    let Opened { draft, editing, read_only } = opened;
    let title = match (&editing, read_only) {
        (_, true) => format!("查看规则集「{}」", draft.name),
        (Some(_), false) => format!("修改规则集「{}」", draft.name),
        (None, false) => "新规则集".to_string(),
    };
    let cx = FormCx::new(draft, editing.clone(), read_only);
    provide_context(cx);
    let editing = StoredValue::new(editing);
    let save = move |and_use: bool| {
        if !cx.problems.with_untracked(Vec::is_empty) {
            focus_by_id(SUMMARY);
            return;
        }
        commit(page, editing.get_value(), cx.draft.get_untracked(), and_use);
        page.close_form();
    };
    let copy = move |_| page.open_copy(&cx.draft.get_untracked());
    view! {
        <form class="rs-form" novalidate data-read-only=read_only.then_some("1") on:submit=|ev| ev.prevent_default()>
            <h2 id="rs-form-title" tabindex="-1">
                {title}
            </h2>
            {if read_only {
                view! {
                    <div class="notice" data-read-only-note>
                        <p>
                            "内置规则集只能查看，不能修改。要按新通知修改，\
                             请复制为新规则集。"
                        </p>
                        <button type="button" class="button" data-action="copy-rule-set" on:click=copy>
                            "复制为新规则集"
                        </button>
                    </div>
                }
                    .into_any()
            } else {
                view! { <Summary /> }.into_any()
            }}
            <super::sections::Sections />
            <super::calendar::CalendarYears />
            <div class="actions">
                {(!read_only)
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="button"
                                data-action="save-rule-set"
                                on:click=move |_| save(false)
                            >
                                "保存"
                            </button>
                            <button
                                type="button"
                                class="button"
                                data-action="save-and-use"
                                on:click=move |_| save(true)
                            >
                                "保存并使用"
                            </button>
                        }
                    })}
                <button
                    type="button"
                    class="button button--secondary"
                    data-action="close-form"
                    on:click=move |_| page.close_form()
                >
                    {if read_only { "返回列表" } else { "取消" }}
                </button>
            </div>
        </form>
    }
}

/// Saves the draft (a changed id replaces the old one, also as the one in use) and says so.
fn commit(page: PageCx, editing: Option<String>, rs: RuleSet, and_use: bool) {
    let store = page.store;
    let renamed = editing.filter(|old| *old != rs.id);
    let was_in_use = renamed.as_ref().is_some_and(|old| store.ws.with_untracked(|w| w.rule_set == *old));
    if let Some(old) = &renamed {
        store.delete_rule_set(old);
    }
    let name = rs.name.clone();
    let id = rs.id.clone();
    store.save_rule_set(rs);
    if and_use || was_in_use {
        store.use_rule_set(&id);
    }
    page.status.set(if and_use {
        format!("已保存并改用规则集「{name}」，所有申请按其检查。")
    } else {
        format!("已保存规则集「{name}」。")
    });
}

/// Every problem, each a link to its field; focused when a save is refused.
#[component]
fn Summary() -> impl IntoView {
    let cx = FormCx::get();
    let count = Memo::new(move |_| cx.problems.with(Vec::len));
    view! {
        <Show when=move || { count.get() > 0 }>
            <div class="finding-summary" id=SUMMARY tabindex="-1" data-problems=move || count.get()>
                <h3>{move || format!("有 {} 个问题需要修改，修改后才能保存", count.get())}</h3>
                <ul>
                    <For each=move || cx.problems.get() key=|p| (p.path.clone(), p.message.clone()) let:p>
                        {
                            let unread = cx.unread.with_untracked(|u| u.values().flatten().any(|q| *q == p));
                            let text = if unread {
                                format!("{}：{}", cx.draft.with_untracked(|d| field_label(d, &p.path)), p.message)
                            } else {
                                p.message.clone()
                            };
                            let path = p.path.clone();
                            // A text's problem (「第 2 行：…」) is named after its field; the
                            // core's own say what they are about.
                            view! {
                                <li data-path=p.path.clone()>
                                    <a
                                        href="#"
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            focus_field(&path);
                                        }
                                    >
                                        {text}
                                    </a>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </div>
        </Show>
    }
}

/// Focuses the field a problem is at: the path's own control, or the field its item is
/// in (`calendar[0].holidays[2]` → the year's holiday text).
fn focus_field(path: &str) {
    let mut p = path;
    while !p.is_empty() {
        if focus_by_id(&field_id(p)) {
            return;
        }
        p = p.rfind(['.', '[']).map_or("", |i| &p[..i]);
    }
}
