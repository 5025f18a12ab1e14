//! 院人事局: unit bundles opened read-only, side by side; the selection results recorded
//! on them (`selection.rs`) are saved in this browser's workspace.

use leptos::prelude::*;

use crate::bundle::{Bundle, Kind, parse};
use crate::summary::bureau::Overview;
use crate::ui::pages::{EmptyState, PageTitle};
use crate::ui::sharing::{files_of, read_text};
use crate::ui::state::Store;

async fn read(f: &web_sys::File) -> Result<Bundle, String> {
    let b = parse(&read_text(f).await?).map_err(|e| e.to_string())?;
    if b.kind != Kind::Unit {
        return Err("不是单位数据包（kind 应为 unit）".into());
    }
    Ok(b)
}

#[component]
pub fn Bureau() -> impl IntoView {
    let rs = Store::get().rule_set();
    let bundles = RwSignal::new(Vec::<Bundle>::new());
    let errors = RwSignal::new(Vec::<String>::new());
    let overview = Memo::new(move |_| bundles.with(|b| (!b.is_empty()).then(|| Overview::build(b, rs))));
    let pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = files_of(input.files());
        leptos::task::spawn_local(async move {
            let (mut ok, mut bad) = (Vec::new(), Vec::new());
            for f in files {
                match read(&f).await {
                    Ok(b) => ok.push(b),
                    Err(e) => bad.push(format!("{}：{e}", f.name())),
                }
            }
            bundles.set(ok);
            errors.set(bad);
        });
    };
    view! {
        <PageTitle>"院人事局汇总与遴选"</PageTitle>
        <p class="lead">
            "打开多个单位报送的单位数据包，查看各类别合计与计划名额、\
             各团组在本单位的排序，以及出现在两个单位名单中的人员。\
             单位数据包只读；在下方记录的遴选结果保存在本浏览器，\
             可按单位导出遴选结果文件。"
        </p>
        <p>
            <a href="#/unit">"返回单位汇总"</a>
        </p>
        <label class="button button--secondary file-button">
            "打开单位数据包"
            <input
                type="file"
                class="visually-hidden"
                accept=".json,application/json"
                multiple
                data-action="open-units"
                on:change=pick
            />
        </label>
        {move || {
            errors
                .get()
                .into_iter()
                .map(|e| {
                    view! {
                        <p class="finding finding--error" data-bureau-error>
                            {e}
                        </p>
                    }
                })
                .collect_view()
        }}
        {move || match overview.get() {
            None => {
                view! {
                    <EmptyState>
                        <p>"尚未打开单位数据包。"</p>
                    </EmptyState>
                }
                    .into_any()
            }
            Some(o) => {
                view! {
                    <h2>"各单位"</h2>
                    <table class="table" data-bureau-units>
                        <thead>
                            <tr>
                                <th scope="col">"单位"</th>
                                <th scope="col">"团组数"</th>
                                <th scope="col">"人数"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {o
                                .units
                                .iter()
                                .map(|(u, a, p)| {
                                    view! {
                                        <tr>
                                            <td>{u.clone()}</td>
                                            <td>{*a}</td>
                                            <td>{*p}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                    <h2>"各类别合计与计划"</h2>
                    <table class="table" data-bureau-totals>
                        <thead>
                            <tr>
                                <th scope="col">"类别"</th>
                                <th scope="col">"团组数"</th>
                                <th scope="col">"人数"</th>
                                <th scope="col">"计入本类计划"</th>
                                <th scope="col">"计划人数"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {o
                                .totals
                                .categories
                                .iter()
                                .map(|c| {
                                    view! {
                                        <tr data-category=c.category.key()>
                                            <td>{c.label.clone()}</td>
                                            <td>{c.applications}</td>
                                            <td>{c.persons_in_category}</td>
                                            <td>{c.persons_counted_against_category_plan}</td>
                                            <td>{c.plan_persons}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()} <tr data-category="key_fields">
                                <td>{o.totals.key_fields.label.clone()}</td>
                                <td>{o.totals.key_fields.applications}</td>
                                <td>{o.totals.key_fields.persons}</td>
                                <td>{o.totals.key_fields.persons}</td>
                                <td>{o.totals.key_fields.plan_persons}</td>
                            </tr> <tr data-category="all">
                                <td>"合计"</td>
                                <td>{o.totals.applications}</td>
                                <td>{o.totals.persons}</td>
                                <td></td>
                                <td></td>
                            </tr>
                        </tbody>
                    </table>
                    <h2>"出现在两个及以上单位名单中的人员"</h2>
                    {if o.shared.is_empty() {
                        view! { <p data-bureau-shared="0">"没有。"</p> }.into_any()
                    } else {
                        view! {
                            <ul data-bureau-shared=o
                                .shared
                                .len()>
                                {o
                                    .shared
                                    .iter()
                                    .map(|p| {
                                        view! {
                                            <li>
                                                {format!(
                                                    "{}（{} 出生）：{}",
                                                    p.name,
                                                    p.birth_date,
                                                    p.units.join("、"),
                                                )}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }}
                    <super::selection::Selections bundles />
                }
                    .into_any()
            }
        }}
    }
}
