//! The print view of 附件1, laid out like the official form: A4 portrait, navigation
//! hidden by print CSS, long texts breaking across pages cleanly.

use leptos::prelude::*;

use super::answers::{category_label, dates, hosts, or_blank, priorities, topics};
use super::context::EditorCx;
use super::schedule::country_label;
use crate::ui::state::Store;

#[component]
pub fn PrintView() -> impl IntoView {
    let ecx = EditorCx::get();
    let rs = Store::get().rule_set();
    let app = Memo::new(move |_| ecx.read(|a| Some(a.clone())));
    view! {
        <div class="print-actions">
            <button type="button" class="button" data-action="print" on:click=|_| { let _ = window().print(); }>"打印 / 另存为 PDF"</button>
            <span class="field__hint">"打印后交单位审核并加盖公章。"</span>
        </div>
        {move || app.get().map(|a| view! {
            <article class="form-1" data-print="form-1">
                <p class="form-1__annex">"附件1"</p>
                <h2 class="form-1__title">"因公出国（境）培训项目计划申请表"</h2>
                <table class="form-1__table">
                    <tbody>
                        <tr><th>"项目名称"</th><td colspan="3">{or_blank(&a.title)}</td></tr>
                        <tr><th>"项目类别"</th><td>{category_label(rs, &a)}</td><th>"重点领域专项"</th><td>{topics(rs, &a)}</td></tr>
                        <tr><th>"培训国别"</th><td>{or_blank(&country_label(a.country))}</td><th>"培训天数"</th><td>{a.duration_days.map(|d| format!("{d} 天")).unwrap_or_default()}</td></tr>
                        <tr><th>"计划出入境日期"</th><td colspan="3">{dates(&a)}</td></tr>
                        <tr><th>"境外培训机构"</th><td colspan="3">{hosts(&a)}</td></tr>
                        <tr><th>"优先条件"</th><td colspan="3">{priorities(rs, &a)}</td></tr>
                        <tr><th>"带头人所在单位"</th><td>{or_blank(&a.lead_unit)}</td><th>"联系人及电话"</th><td>{format!("{} {} {}", a.contact.name, a.contact.phone, a.contact.email)}</td></tr>
                    </tbody>
                </table>
                <h3 class="form-1__heading">"团组成员"</h3>
                <table class="form-1__table form-1__members">
                    <thead><tr>
                        <th>"序号"</th><th>"姓名"</th><th>"性别"</th><th>"出生日期"</th><th>"工作单位"</th>
                        <th>"职称"</th><th>"职务"</th><th>"专业/研究方向"</th><th>"外语水平"</th><th>"在册职工"</th><th>"带头人"</th>
                    </tr></thead>
                    <tbody>
                        {a.members.iter().enumerate().map(|(i, m)| view! {
                            <tr>
                                <td>{i + 1}</td><td>{m.name.clone()}</td><td>{m.gender.map(|g| g.label()).unwrap_or("")}</td>
                                <td>{m.birth_date.map(|d| d.to_string()).unwrap_or_default()}</td><td>{m.unit.clone()}</td>
                                <td>{m.title.clone()}</td><td>{m.position.clone()}</td><td>{m.discipline.clone()}</td>
                                <td>{m.foreign_language.clone()}</td>
                                <td>{match m.registered_staff { Some(true) => "是", Some(false) => "否", None => "" }}</td>
                                <td>{if m.is_leader { "是" } else { "" }}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                {[("项目理由", a.rationale.clone()), ("培训内容与日程安排", a.content.clone()), ("预期目标与成果", a.objectives.clone()), ("回国后成果分享计划", a.sharing_plan.clone())]
                    .into_iter().map(|(h, t)| view! {
                        <section class="form-1__box"><h3 class="form-1__heading">{h}</h3><p class="form-1__text">{t}</p></section>
                    }).collect_view()}
                <section class="form-1__box form-1__opinion">
                    <h3 class="form-1__heading">"单位意见"</h3>
                    <div class="form-1__seal">
                        <p>"单位（盖章）"</p>
                        <p>"年　　月　　日"</p>
                    </div>
                </section>
            </article>
        })}
    }
}
