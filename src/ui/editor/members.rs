//! 团组成员: 1–6 member cards with every SPEC member field; add, remove, reorder, leader.

use leptos::prelude::*;

use super::basic::category_limits;
use super::context::EditorCx;
use super::fields::{RadioGroup, TextInput, date, normalize_date, text};
use super::findings::FieldFindings;
use super::page::SectionPage;
use super::section::{Section, field_id};
use crate::model::{Application, Gender, Member, TitleLevel};
use crate::ui::clock::new_id;
use crate::ui::state::Store;

/// Reads and writes a member of the open application by id (stable across reordering).
fn member_text(
    mid: String,
    get: fn(&Member) -> String,
    set: fn(&mut Member, String),
) -> (Memo<String>, Callback<String>) {
    let m2 = mid.clone();
    text(
        move |a| a.members.iter().find(|m| m.id == mid).map(get).unwrap_or_default(),
        move |a, v| {
            if let Some(m) = a.members.iter_mut().find(|m| m.id == m2) {
                set(m, v)
            }
        },
    )
}

fn position(a: &Application, mid: &str) -> Option<usize> {
    a.members.iter().position(|m| m.id == mid)
}

#[component]
pub fn Members() -> impl IntoView {
    let store = Store::get();
    let rs = store.rule_set();
    let ecx = EditorCx::get();
    let ids = Memo::new({
        let ecx = ecx.clone();
        move |_| ecx.read(|a| a.members.iter().map(|m| m.id.clone()).collect::<Vec<_>>())
    });
    let category = Memo::new({
        let ecx = ecx.clone();
        move |_| ecx.read(|a| a.category)
    });
    let max = rs.categories.values().map(|c| c.max_members).max().unwrap_or(1) as usize;
    let add = ecx.clone();
    view! {
        <SectionPage section=Section::Members>
            <div class="field" id=field_id("members") tabindex="-1" data-field="members">
                {move || category.get().map(|c| view! { <p class="limits">{category_limits(rs, c)}</p> })}
                <FieldFindings path="members" />
                {move || {
                    let ids = ids.get();
                    let n = ids.len();
                    ids.into_iter()
                        .enumerate()
                        .map(|(i, mid)| view! { <MemberCard index=i count=n mid /> })
                        .collect_view()
                }}
                <button
                    type="button"
                    class="button button--secondary"
                    data-action="add-member"
                    disabled=move || { ids.with(Vec::len) >= max }
                    on:click=move |_| {
                        add.edit(|a| {
                            let first = a.members.is_empty();
                            a.members
                                .push(Member {
                                    id: new_id(),
                                    is_leader: first,
                                    ..Default::default()
                                });
                        });
                        add.touch("members");
                    }
                >
                    "添加成员"
                </button>
            </div>
        </SectionPage>
    }
}

#[component]
pub(super) fn MemberCard(
    index: usize,
    count: usize,
    mid: String,
    /// A partner's own card: no leader, order or removal.
    #[prop(optional)]
    standalone: bool,
) -> impl IntoView {
    let ecx = EditorCx::get();
    let p = |f: &str| format!("members[{index}].{f}");
    let (name, set_name) = member_text(mid.clone(), |m| m.name.clone(), |m, v| m.name = v);
    let (gender, set_gender) = member_text(
        mid.clone(),
        |m| m.gender.map(|g| g.key().to_string()).unwrap_or_default(),
        |m, v| m.gender = Gender::ALL.into_iter().find(|g| g.key() == v),
    );
    let m2 = mid.clone();
    let m3 = mid.clone();
    let (birth, set_birth) = date(
        move |a| a.members.iter().find(|m| m.id == m2).and_then(|m| m.birth_date),
        move |a, d| {
            if let Some(m) = a.members.iter_mut().find(|m| m.id == m3) {
                m.birth_date = d
            }
        },
    );
    let (unit, set_unit) = member_text(mid.clone(), |m| m.unit.clone(), |m, v| m.unit = v);
    let (staff, set_staff) = member_text(
        mid.clone(),
        |m| m.registered_staff.map(|b| if b { "yes" } else { "no" }.to_string()).unwrap_or_default(),
        |m, v| m.registered_staff = Some(v == "yes"),
    );
    let (title, set_title) = member_text(mid.clone(), |m| m.title.clone(), |m, v| m.title = v);
    let (level, set_level) = member_text(
        mid.clone(),
        |m| m.title_level.map(|l| format!("{l:?}")).unwrap_or_default(),
        |m, v| m.title_level = TitleLevel::ALL.into_iter().find(|l| format!("{l:?}") == v),
    );
    let (position_, set_position) = member_text(mid.clone(), |m| m.position.clone(), |m, v| m.position = v);
    let (discipline, set_discipline) = member_text(mid.clone(), |m| m.discipline.clone(), |m, v| m.discipline = v);
    let (language, set_language) =
        member_text(mid.clone(), |m| m.foreign_language.clone(), |m, v| m.foreign_language = v);
    let (phone, set_phone) = member_text(mid.clone(), |m| m.phone.clone(), |m, v| m.phone = v);
    let (email, set_email) = member_text(mid.clone(), |m| m.email.clone(), |m, v| m.email = v);
    let leader = Memo::new({
        let (ecx, mid) = (ecx.clone(), mid.clone());
        move |_| ecx.read(|a| a.members.iter().any(|m| m.id == mid && m.is_leader))
    });
    let display = move || {
        let n = name.get();
        if n.trim().is_empty() { format!("成员 {}", index + 1) } else { n }
    };
    let act = |f: fn(&mut Application, usize)| {
        let (ecx, mid) = (EditorCx::get(), mid.clone());
        move |_| {
            ecx.edit(|a| {
                if let Some(i) = position(a, &mid) {
                    f(a, i)
                }
            });
            ecx.touch("members");
        }
    };
    let remove = {
        let (ecx, mid) = (EditorCx::get(), mid.clone());
        move |_| {
            ecx.remove_member(&mid);
            ecx.touch("members");
        }
    };
    let levels = TitleLevel::ALL.iter().map(|l| (format!("{l:?}"), l.label().to_string())).collect();
    let genders = Gender::ALL.into_iter().map(|g| (g.key().to_string(), g.label().to_string())).collect();
    let yes_no = vec![("yes".into(), "是".into()), ("no".into(), "否".into())];
    view! {
        <fieldset class="card member" data-member=index>
            <legend>
                {move || format!("{}{}", display(), if leader.get() { "（团组带头人）" } else { "" })}
            </legend>
            // A partner's own card (standalone) has one member: nothing to order or remove.
            {(!standalone)
                .then(|| {
                    view! {
                        <div class="card__actions">
                            <button
                                type="button"
                                class="button button--small"
                                data-action="make-leader"
                                disabled=move || leader.get()
                                on:click=act(|a, i| {
                                    a.members.iter_mut().enumerate().for_each(|(j, m)| m.is_leader = j == i)
                                })
                            >
                                {move || format!("设{}为团组带头人", display())}
                            </button>
                            <button
                                type="button"
                                class="button button--small"
                                data-action="move-up"
                                disabled={index == 0}
                                on:click=act(|a, i| {
                                    if i > 0 {
                                        a.members.swap(i, i - 1)
                                    }
                                })
                            >
                                {move || format!("上移{}", display())}
                            </button>
                            <button
                                type="button"
                                class="button button--small"
                                data-action="move-down"
                                disabled={index + 1 >= count}
                                on:click=act(|a, i| {
                                    if i + 1 < a.members.len() {
                                        a.members.swap(i, i + 1)
                                    }
                                })
                            >
                                {move || format!("下移{}", display())}
                            </button>
                            <button
                                type="button"
                                class="button button--small button--warning"
                                data-action="remove-member"
                                on:click=remove
                            >
                                {move || format!("删除{}", display())}
                            </button>
                        </div>
                    }
                })}
            <div class="grid">
                <TextInput label="姓名" path=p("name") value=name set=set_name width="medium" autocomplete="name" />
                <RadioGroup legend="性别" path=p("gender") options=genders value=gender set=set_gender />
                <TextInput
                    label="出生日期"
                    path=p("birth_date")
                    value=birth
                    set=set_birth
                    width="medium"
                    normalize=normalize_date
                    placeholder="1985-07-07"
                    hint="格式：1985-07-07"
                />
                <TextInput label="工作单位" path=p("unit") value=unit set=set_unit />
                <RadioGroup
                    legend="是否为单位在册职工"
                    path=p("registered_staff")
                    options=yes_no
                    value=staff
                    set=set_staff
                />
                <TextInput
                    label="职称"
                    path=p("title")
                    value=title
                    set=set_title
                    width="medium"
                    hint="例如：研究员、副研究员、高级工程师"
                />
                <RadioGroup legend="职称级别" path=p("title_level") options=levels value=level set=set_level />
                <TextInput label="职务" path=p("position") value=position_ set=set_position width="medium" />
                <TextInput label="专业 / 研究方向" path=p("discipline") value=discipline set=set_discipline />
                <TextInput
                    label="外语语种及水平"
                    path=p("foreign_language")
                    value=language
                    set=set_language
                    width="medium"
                />
                <TextInput label="电话" path=p("phone") kind="tel" value=phone set=set_phone width="medium" />
                <TextInput label="电子邮箱" path=p("email") kind="email" value=email set=set_email width="medium" />
            </div>
        </fieldset>
    }
}
