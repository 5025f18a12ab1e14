//! 回国后成果分享: every group's activities in one list, with counts per
//! form and the total audience, for the unit's yearly review. The core's `sharing_log`
//! does the counting; activities are entered on each group's record.

use leptos::prelude::*;

use crate::execution::sharing_log;
use crate::ui::state::Store;

#[component]
pub fn SharingReview() -> impl IntoView {
    let store = Store::get();
    let log = Memo::new(move |_| store.ws.with(sharing_log));
    view! {
        <section class="panel" aria-labelledby="sharing-review-title" data-sharing-review>
            <h2 id="sharing-review-title">"成果分享汇总（年度考核用）"</h2>
            {move || {
                log.with(|l| {
                    if l.rows.is_empty() {
                        view! {
                            <p>"还没有记录回国后的分享活动。在各团组的执行记录中添加。"</p>
                        }
                            .into_any()
                    } else {
                        let unknown = (l.audience_unknown > 0)
                            .then(|| format!("（另有 {} 次未填人数）", l.audience_unknown));
                        view! {
                            <p data-sharing-totals>
                                {format!(
                                    "{} 个团组共开展 {} 次分享活动，听众 {} 人次",
                                    l.groups,
                                    l.rows.len(),
                                    l.total_audience,
                                )}{unknown}
                            </p>
                            <ul class="inline-list">
                                {l
                                    .per_form
                                    .iter()
                                    .map(|c| {
                                        view! {
                                            <li data-form=c
                                                .label>
                                                {format!("{}：{} 次，{} 人次", c.label, c.activities, c.audience)}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                            <table class="table">
                                <thead>
                                    <tr>
                                        <th scope="col">"日期"</th>
                                        <th scope="col">"团组"</th>
                                        <th scope="col">"形式"</th>
                                        <th scope="col">"听众人数"</th>
                                        <th scope="col">"说明"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {l
                                        .rows
                                        .iter()
                                        .map(|r| {
                                            view! {
                                                <tr data-activity-row=r.application_id.clone()>
                                                    <td>
                                                        {r
                                                            .date
                                                            .map(|d| d.to_string())
                                                            .unwrap_or_else(|| "未填".into())}
                                                    </td>
                                                    <td>
                                                        <a href=format!(
                                                            "#/execution/{}",
                                                            r.application_id,
                                                        )>{r.title.clone()}</a>
                                                    </td>
                                                    <td>{r.form_label()}</td>
                                                    <td>
                                                        {r
                                                            .audience
                                                            .map(|n| n.to_string())
                                                            .unwrap_or_else(|| "未填".into())}
                                                    </td>
                                                    <td>{r.note.clone()}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        }
                            .into_any()
                    }
                })
            }}
        </section>
    }
}
