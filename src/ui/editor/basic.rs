//! 基本信息: title, category (with its limits), special topics, priority items.

use leptos::prelude::*;

use super::context::EditorCx;
use super::fields::{Checkbox, RadioGroup, TextArea, TextInput, flag, text};
use super::page::SectionPage;
use super::section::{Section, field_id};
use crate::model::{Application, Category};
use crate::rule_set::RuleSet;
use crate::ui::state::Store;

/// 「本类别：成员 2–6 人，年龄不超过 40 周岁，带头人须具有高级专业技术职务」
pub fn category_limits(rs: &RuleSet, c: Category) -> String {
    let r = rs.category(c);
    format!(
        "本类别：成员 {}–{} 人，年龄不超过 {} 周岁，{}（通知{}）",
        r.min_members, r.max_members, r.max_age, r.leader_requirement, r.clause
    )
}

fn set_priority(a: &mut Application, key: &str, on: bool) {
    let p = &mut a.priority;
    match key {
        "innovation_fields" => p.innovation_fields = on,
        "three_majors" => p.three_majors = on,
        "four_institutions" => p.four_institutions = on,
        "national_major_tasks" => p.national_major_tasks = on,
        "strategic_priority_program" => p.strategic_priority_program = on,
        "cas_key_project" => p.cas_key_project = on,
        _ => {}
    }
}

#[component]
pub fn Basic() -> impl IntoView {
    let rs = Store::get().rule_set();
    let priority_legend = match rs.cite("priority") {
        c if c.is_empty() => "优先条件（符合的请注明）".to_string(),
        c => format!("优先条件（符合的请注明，{c}）"),
    };
    let (title, set_title) = text(|a| a.title.clone(), |a, v| a.title = v);
    let (category, set_category) = text(
        |a| a.category.map(|c| c.key().to_string()).unwrap_or_default(),
        |a, v| a.category = Category::ALL.into_iter().find(|c| c.key() == v),
    );
    let options =
        Category::ALL.into_iter().map(|c| (c.key().to_string(), format!("{}项目", rs.category(c).label))).collect();
    let limits = move || {
        let c = Category::ALL.into_iter().find(|c| category.with(|k| k == c.key()));
        c.map(|c| {
            view! {
                <p class="limits" data-limits=c.key()>
                    {category_limits(rs, c)}
                </p>
            }
        })
    };
    let (note, set_note) = text(|a| a.priority.priority_note.clone(), |a, v| a.priority.priority_note = v);
    let topics_id = field_id("special_topics");
    // Numbers this round's list does not have (an imported draft): shown so they can be removed.
    let count = rs.key_fields.topics.len();
    let ecx = EditorCx::get();
    let stray = Memo::new(move |_| {
        ecx.read(|a| {
            a.special_topics.iter().copied().filter(|n| *n == 0 || usize::from(*n) > count).collect::<Vec<u8>>()
        })
    });
    view! {
        <SectionPage section=Section::Basic>
            <TextInput
                label="项目名称"
                path="title"
                value=title
                set=set_title
                hint="例如：量子材料表征技术研修"
            />
            <RadioGroup legend="项目类别" path="category" options value=category set=set_category />
            {limits}
            <fieldset class="field fieldset" id=topics_id tabindex="-1" data-field="special_topics">
                <legend class="field__label">
                    {format!("{}（如属于，请注明；符合多项均可注明）", rs.key_fields.label)}
                </legend>
                <p class="field__hint">
                    {format!(
                        "申报重点领域专项可不受三类项目名额限制（通知{}）",
                        rs.key_fields.clause,
                    )}
                </p>
                <div class="checkboxes checkboxes--two">
                    {rs
                        .key_fields
                        .topics
                        .iter()
                        .enumerate()
                        .map(|(i, label)| {
                            let n = (i + 1) as u8;
                            let (checked, set) = flag(
                                move |a| a.special_topics.contains(&n),
                                move |a, on| {
                                    a.special_topics.retain(|t| *t != n);
                                    if on {
                                        a.special_topics.push(n);
                                        a.special_topics.sort_unstable();
                                    }
                                },
                            );
                            view! {
                                <Checkbox
                                    label=format!("{n}. {label}")
                                    path=format!("special_topics.{n}")
                                    checked
                                    set
                                />
                            }
                        })
                        .collect_view()}
                    {move || {
                        stray
                            .get()
                            .into_iter()
                            .map(|n| {
                                let (checked, set) = flag(
                                    move |a| a.special_topics.contains(&n),
                                    move |a, on| {
                                        if !on {
                                            a.special_topics.retain(|t| *t != n);
                                        }
                                    },
                                );
                                let label = format!(
                                    "第 {n} 项（本轮专项列表中没有，取消勾选即删除）",
                                );
                                view! { <Checkbox label path=format!("special_topics.{n}") checked set /> }
                            })
                            .collect_view()
                    }}
                </div>
            </fieldset>
            <fieldset class="field fieldset" data-field="priority">
                <legend class="field__label">{priority_legend}</legend>
                <div class="checkboxes">
                    {rs
                        .priority_items
                        .iter()
                        .map(|item| {
                            let key = item.key.clone();
                            let k2 = key.clone();
                            let (checked, set) = flag(
                                move |a| a.priority.flags().iter().any(|(k, on)| *k == key && *on),
                                move |a, on| set_priority(a, &k2, on),
                            );
                            view! {
                                <Checkbox label=item.label.clone() path=format!("priority.{}", item.key) checked set />
                            }
                        })
                        .collect_view()}
                </div>
                <TextArea
                    label="优先条件说明"
                    path="priority.priority_note"
                    value=note
                    set=set_note
                    rows=2
                    hint="例如：承担的国家重大科技任务或先导专项的名称与编号"
                />
            </fieldset>
        </SectionPage>
    }
}
