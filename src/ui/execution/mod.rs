//! 执行与核销: after approval. Each group's execution record, the training
//! summary deadlines on the working-day calendar with an .ics export, the outcome-sharing
//! list for the yearly review, and the 核销表. `#/execution`, `#/execution/<id>` (one
//! group's record), `#/execution/reimbursement[/print]`.

mod record;
mod reimbursement;
mod reimbursement_row;
mod sharing;

use leptos::prelude::*;

use crate::execution::{deadlines, ics};
use crate::ui::clock::{now, today};
use crate::ui::download::download;
use crate::ui::pages::{EmptyState, PageTitle};
use crate::ui::route::{Hash, segments};
use crate::ui::state::Store;

#[component]
pub fn Execution() -> impl IntoView {
    let Hash(hash) = expect_context::<Hash>();
    let year = RwSignal::new(Store::get().rule_set().current_reimbursement_year(today()));
    let sub = Memo::new(move |_| hash.with(|h| segments(h).skip(1).take(2).map(str::to_string).collect::<Vec<_>>()));
    move || match sub.get().as_slice() {
        [] => Overview().into_any(),
        // Application ids are UUIDs: never this word.
        [r, rest @ ..] if r == "reimbursement" => {
            view! { <reimbursement::Reimbursements print=rest.first().is_some_and(|p| p == "print") year /> }.into_any()
        }
        [id, ..] => view! { <record::Record id=id.clone() /> }.into_any(),
    }
}

#[component]
fn Overview() -> impl IntoView {
    let store = Store::get();
    let rs = store.rule_set();
    let rows = Memo::new(move |_| store.ws.with(|w| deadlines(w, rs, today())));
    let apps = Memo::new(move |_| {
        store.ws.with(|w| {
            w.applications
                .iter()
                .map(|a| {
                    let ex = a.execution.clone().unwrap_or_default();
                    // The bureau's answer, when a result file brought it: category and funding.
                    let mut status = ex.status.label().to_string();
                    if let Some(c) = ex.approved_category {
                        status.push_str(&format!(" · {}", rs.category(c).label));
                    }
                    if let Some(m) = ex.academy_funding {
                        status.push_str(&format!(" · 院资助 {m}"));
                    }
                    (a.id.clone(), a.display_title(), status)
                })
                .collect::<Vec<_>>()
        })
    });
    let message = RwSignal::new(None::<String>);
    let export_ics = move |_| {
        let text = rows.with_untracked(|r| ics::summary_deadlines_ics(r, rs, now().to_utc()));
        message.set(download(ics::FILE_NAME, "text/calendar;charset=utf-8", &text).err());
    };
    view! {
        <PageTitle>"执行与核销"</PageTitle>
        <p class="lead">
            {format!(
                "项目获批后，记录实际出入境日期；\
                 培训结束回国 {} 个工作日内须向院提交培训总结{}，\
                 期限按国务院办公厅公布的 {} 节假日安排计算。",
                rs.summary_due_working_days,
                rs.cite_after("summary-due"),
                crate::calendar::known_years_text(&rs.calendar),
            )}
        </p>
        <section class="panel" aria-labelledby="deadlines-title">
            <h2 id="deadlines-title">"培训总结提交期限"</h2>
            {move || {
                if rows.with(Vec::is_empty) {
                    view! { <p>"还没有记录实际回国日期的团组。"</p> }.into_any()
                } else {
                    view! {
                        <table class="table" data-deadlines>
                            <thead>
                                <tr>
                                    <th scope="col">"项目名称"</th>
                                    <th scope="col">"带头人"</th>
                                    <th scope="col">"回国日期"</th>
                                    <th scope="col">"总结截止"</th>
                                    <th scope="col">"状态"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows
                                    .get()
                                    .into_iter()
                                    .map(|r| {
                                        view! {
                                            <tr data-deadline=r.application_id.clone() data-due=r.due.to_string()>
                                                <td>
                                                    <a href=format!(
                                                        "#/execution/{}",
                                                        r.application_id,
                                                    )>{r.title.clone()}</a>
                                                </td>
                                                <td>{r.leader.clone()}</td>
                                                <td>{r.returned.to_string()}</td>
                                                <td>
                                                    {r.due.to_string()}
                                                    {r
                                                        .calendar_note
                                                        .clone()
                                                        .map(|n| {
                                                            view! {
                                                                <br />
                                                                <small class="note" data-calendar-note>
                                                                    {n}
                                                                </small>
                                                            }
                                                        })}
                                                </td>
                                                <td>
                                                    <span class=format!(
                                                        "tag tag--{}",
                                                        r.status.css(),
                                                    )>{r.days_left_text()}</span>
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                        <button
                            type="button"
                            class="button button--secondary"
                            data-action="export-ics"
                            on:click=export_ics
                        >
                            "导出到日历（.ics）"
                        </button>
                    }
                        .into_any()
                }
            }}
            {move || {
                message
                    .get()
                    .map(|m| {
                        view! {
                            <p class="finding finding--error" role="alert">
                                {m}
                            </p>
                        }
                    })
            }}
        </section>
        <section class="panel" aria-labelledby="reimbursement-title">
            <h2 id="reimbursement-title">"院内资助费用核销"</h2>
            <p>
                {
                    let r = &rs.reimbursement;
                    let (w, s, e) = (&r.settlement_window, r.period_start, r.period_end);
                    format!(
                        "每年 {} 月 {} 日至 {} 月 {} 日，\
                         人事局对上一年 {} 月 {} 日至当年 {} 月 {} 日的\
                         院内资助经费进行核销{}。",
                        w.from.month,
                        w.from.day,
                        w.to.month,
                        w.to.day,
                        s.month,
                        s.day,
                        e.month,
                        e.day,
                        rs.cite_after("reimbursement-period"),
                    )
                }
            </p>
            <a class="button button--secondary" href="#/execution/reimbursement">
                "填写核销表"
            </a>
        </section>
        <sharing::SharingReview />
        <section class="panel" aria-labelledby="records-title">
            <h2 id="records-title">"各团组执行情况"</h2>
            {move || {
                if apps.with(Vec::is_empty) {
                    view! {
                        <EmptyState>
                            <p>"还没有申请。"</p>
                        </EmptyState>
                    }
                        .into_any()
                } else {
                    view! {
                        <ul class="records">
                            {apps
                                .get()
                                .into_iter()
                                .map(|(id, title, status)| {
                                    view! {
                                        <li data-record=id.clone()>
                                            <a href=format!("#/execution/{id}")>{title}</a>
                                            " · "
                                            {status}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
