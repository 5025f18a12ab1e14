//! 单位汇总: the HR office collects applications, fixes the overall ranking, and
//! produces 附件2 (page, CSV, XLSX, print), 单位总体排序意见 and the unit bundle.
//! `#/unit`, `#/unit/print` (附件2, A4 landscape), `#/unit/opinion` (A4 portrait),
//! `#/unit/bureau` (the bureau's view of several units, and its selection results).

mod bureau;
mod export;
mod print;
mod ranking;
mod selection;
mod table;

pub use print::PrintBar;

use leptos::prelude::*;

use crate::rules::{Cx, check_workspace_rules};
use crate::ui::clock::today;
use crate::ui::pages::{EmptyState, PageTitle};
use crate::ui::route::{Hash, segments};
use crate::ui::sharing::ImportButton;
use crate::ui::state::Store;

/// The findings that concern the unit's submission as a whole.
const UNIT_RULES: [&str; 4] = ["ranking", "leader-unit", "duplicate-person", "plan-numbers"];

#[component]
pub fn Unit() -> impl IntoView {
    let Hash(hash) = expect_context::<Hash>();
    let sub = Memo::new(move |_| hash.with(|h| segments(h).nth(1).unwrap_or("").to_string()));
    move || match sub.get().as_str() {
        "print" => print::SummaryPrint().into_any(),
        "opinion" => print::OpinionPrint().into_any(),
        "bureau" => bureau::Bureau().into_any(),
        _ => UnitPage().into_any(),
    }
}

#[component]
fn UnitPage() -> impl IntoView {
    let store = Store::get();
    let lead = format!(
        "导入本单位收到的申请，确定总体排序{}，\
         生成《因公出国（境）培训项目计划申请汇总表》（附件2）\
         和单位总体排序意见，并导出报送院人事局的单位数据包。",
        store.rule_set().cite_after("ranking")
    );
    let unit = Memo::new(move |_| store.ws.with(|w| w.unit.clone()));
    let count = Memo::new(move |_| store.ws.with(|w| w.applications.len()));
    let findings = Memo::new(move |_| {
        store.ws.with(|w| {
            let mut cx = Cx::new(store.rule_set(), w, today());
            cx.ranking_required = true;
            let mut f = check_workspace_rules(&cx, w);
            f.retain(|f| UNIT_RULES.contains(&f.rule));
            f
        })
    });
    view! {
        <PageTitle>"单位汇总"</PageTitle>
        <p class="lead">{lead}</p>
        <div class="field">
            <label class="field__label" for="unit-name">
                "填报单位"
            </label>
            <input
                id="unit-name"
                class="input input--medium"
                prop:value=move || unit.get()
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    store.edit_workspace(|w| w.unit = v);
                }
            />
        </div>
        <div class="actions">
            <ImportButton label="导入申请数据包" />
            <a class="button button--secondary" href="#/unit/bureau">
                "院人事局汇总（打开多个单位数据包）"
            </a>
        </div>
        {move || {
            (count.get() == 0)
                .then(|| {
                    view! {
                        <EmptyState>
                            <p>
                                "尚未导入任何申请。可以一次选择多个文件，\
                                 或把文件拖到本页面。"
                            </p>
                        </EmptyState>
                    }
                })
        }}
        <Show when=move || { count.get() > 0 }>
            <section class="panel" aria-labelledby="unit-findings">
                <h2 id="unit-findings">"报送检查"</h2>
                {move || {
                    findings
                        .get()
                        .into_iter()
                        .map(|f| view! { <crate::ui::editor::FindingLine finding=f /> })
                        .collect_view()
                }}
            </section>
            <ranking::Ranking />
            <export::Exports />
            <table::SummaryTableView />
        </Show>
    }
}
