//! One group's execution record: status, approved category, 合作意向书, actual dates,
//! training summary, and the outcome-sharing activities.

use leptos::prelude::*;

use crate::execution::summary_deadline;
use crate::model::{Application, Category, Execution, ExecutionStatus, SharingActivity, SharingForm};
use crate::ui::editor::{EditorCx, RadioGroup, TextInput, date, date_example, normalize_date, text};
use crate::ui::pages::PageTitle;
use crate::ui::state::Store;

const STATUSES: [ExecutionStatus; 5] = [
    ExecutionStatus::Pending,
    ExecutionStatus::Approved,
    ExecutionStatus::Rejected,
    ExecutionStatus::Done,
    ExecutionStatus::Cancelled,
];

/// The execution record, created on first edit.
fn ex(a: &mut Application) -> &mut Execution {
    a.execution.get_or_insert_with(Execution::default)
}

#[component]
pub fn Record(id: String) -> impl IntoView {
    let store = Store::get();
    let rs = store.rule_set();
    let exists = store.ws.with_untracked(|w| w.get(&id).is_some());
    if !exists {
        return view! {
            <PageTitle>"找不到这份申请"</PageTitle>
            <p>
                <a href="#/execution">"返回执行与核销"</a>
            </p>
        }
        .into_any();
    }
    let ecx = EditorCx::new(id.clone());
    provide_context(ecx.clone());
    let title = ecx.read(|a| a.title.clone());
    let (status, set_status) = text(
        |a| format!("{:?}", a.execution.as_ref().map(|e| e.status).unwrap_or_default()),
        |a, v| ex(a).status = STATUSES.into_iter().find(|s| format!("{s:?}") == v).unwrap_or_default(),
    );
    let statuses = STATUSES.iter().map(|s| (format!("{s:?}"), s.label().to_string())).collect();
    let (approved, set_approved) = text(
        |a| a.execution.as_ref().and_then(|e| e.approved_category).map(|c| c.key().to_string()).unwrap_or_default(),
        |a, v| ex(a).approved_category = Category::ALL.into_iter().find(|c| c.key() == v),
    );
    let categories = Category::ALL.into_iter().map(|c| (c.key().to_string(), rs.category(c).label.clone())).collect();
    let (letter, set_letter) =
        date(|a| a.execution.as_ref().and_then(|e| e.intent_letter_signed), |a, d| ex(a).intent_letter_signed = d);
    let (out, set_out) =
        date(|a| a.execution.as_ref().and_then(|e| e.actual_exit_date), |a, d| ex(a).actual_exit_date = d);
    let (back, set_back) =
        date(|a| a.execution.as_ref().and_then(|e| e.actual_return_date), |a, d| ex(a).actual_return_date = d);
    let (summary, set_summary) =
        date(|a| a.execution.as_ref().and_then(|e| e.summary_submitted), |a, d| ex(a).summary_submitted = d);
    let (file, set_file) = text(
        |a| a.execution.as_ref().map(|e| e.summary_file.clone()).unwrap_or_default(),
        |a, v| ex(a).summary_file = v,
    );
    let due = Memo::new({
        let ecx = ecx.clone();
        move |_| {
            let closures = store.ws.with(|w| w.closure_days.clone());
            ecx.read(|a| summary_deadline(&rs.calendar_for(&closures), rs, a).map(|d| d.due.to_string()))
        }
    });
    let activities = Memo::new({
        let ecx = ecx.clone();
        move |_| ecx.read(|a| a.execution.as_ref().map_or(0, |e| e.sharing.len()))
    });
    let add = ecx.clone();
    view! {
        <p>
            <a href="#/execution">"返回执行与核销"</a>
        </p>
        <PageTitle>{title}</PageTitle>
        <form class="form" on:submit=|ev| ev.prevent_default() novalidate>
            <RadioGroup legend="执行状态" path="execution.status" options=statuses value=status set=set_status />
            <RadioGroup
                legend="科技部批准的资助类别"
                path="execution.approved_category"
                options=categories
                value=approved
                set=set_approved
            />
            {ecx
                .read(|a| a.execution.as_ref().map(|e| (e.academy_funding, e.selection_note.clone())))
                .map(|(funding, note)| {
                    view! {
                        <p class="computed" data-academy-funding=funding.map(|m| m.plain()).unwrap_or_default()>
                            {format!(
                                "院资助金额：{}",
                                funding.map_or_else(|| "尚未明确".to_string(), |m| m.to_string()),
                            )}
                            {(!note.is_empty()).then(|| format!("；人事局意见：{note}"))}
                        </p>
                    }
                })}
            <TextInput
                label="合作意向书签署日期"
                path="execution.intent_letter_signed"
                value=letter
                set=set_letter
                width="medium"
                normalize=normalize_date
                placeholder=date_example()
            />
            <TextInput
                label="实际出境日期"
                path="execution.actual_exit_date"
                value=out
                set=set_out
                width="medium"
                normalize=normalize_date
                placeholder=date_example()
            />
            <TextInput
                label="实际回国日期"
                path="execution.actual_return_date"
                value=back
                set=set_back
                width="medium"
                normalize=normalize_date
                placeholder=date_example()
            />
            <p class="computed" data-summary-due=move || due.get().unwrap_or_default()>
                {move || match due.get() {
                    Some(d) => {
                        format!(
                            "培训总结须于 {d} 前提交（回国后 {} 个工作日，回国当天不计）。",
                            rs.summary_due_working_days,
                        )
                    }
                    None => "填写实际回国日期后，这里显示培训总结的截止日期。".into(),
                }}
            </p>
            <TextInput
                label="培训总结提交日期"
                path="execution.summary_submitted"
                value=summary
                set=set_summary
                width="medium"
                normalize=normalize_date
                placeholder=date_example()
            />
            <TextInput label="培训总结文件名" path="execution.summary_file" value=file set=set_file />
        </form>
        <section class="panel" aria-labelledby="sharing-title">
            <h2 id="sharing-title">{format!("回国后成果分享{}", rs.cite_after("sharing"))}</h2>
            {move || (0..activities.get()).map(|i| view! { <Activity index=i /> }).collect_view()}
            <button
                type="button"
                class="button button--secondary"
                data-action="add-activity"
                on:click=move |_| add.edit(|a| ex(a).sharing.push(SharingActivity::default()))
            >
                "添加分享活动"
            </button>
        </section>
    }
    .into_any()
}

#[component]
fn Activity(index: usize) -> impl IntoView {
    let ecx = EditorCx::get();
    let act =
        move |a: &Application| a.execution.as_ref().and_then(|e| e.sharing.get(index)).cloned().unwrap_or_default();
    let with = move |a: &mut Application, g: &dyn Fn(&mut SharingActivity)| {
        if let Some(s) = ex(a).sharing.get_mut(index) {
            g(s)
        }
    };
    let (date, set_date) = date(move |a| act(a).date, move |a, d| with(a, &|s| s.date = d));
    let (form, set_form) = text(
        move |a| act(a).form.map(|x| format!("{x:?}")).unwrap_or_default(),
        move |a, v| with(a, &|s| s.form = SharingForm::ALL.into_iter().find(|x| format!("{x:?}") == v)),
    );
    let forms = SharingForm::ALL.iter().map(|x| (format!("{x:?}"), x.label().to_string())).collect();
    let (audience, set_audience) = text(
        move |a| act(a).audience.map(|n| n.to_string()).unwrap_or_default(),
        move |a, v| with(a, &|s| s.audience = v.trim().parse().ok()),
    );
    let (note, set_note) = text(move |a| act(a).note, move |a, v| with(a, &|s| s.note = v.clone()));
    let p = |x: &str| format!("execution.sharing[{index}].{x}");
    view! {
        <fieldset class="card" data-activity=index>
            <legend>{format!("分享活动 {}", index + 1)}</legend>
            <TextInput
                label="日期"
                path=p("date")
                value=date
                set=set_date
                width="medium"
                normalize=normalize_date
                placeholder=date_example()
            />
            <RadioGroup legend="形式" path=p("form") options=forms value=form set=set_form />
            <TextInput label="听众人数" path=p("audience") value=audience set=set_audience />
            <TextInput label="说明" path=p("note") value=note set=set_note />
            <button
                type="button"
                class="button button--small button--warning"
                on:click=move |_| {
                    ecx.edit(|a| {
                        let s = &mut ex(a).sharing;
                        if index < s.len() {
                            s.remove(index);
                        }
                    })
                }
            >
                {format!("删除分享活动 {}", index + 1)}
            </button>
        </fieldset>
    }
}
