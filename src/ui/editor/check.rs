//! 核对 (check answers): everything entered, grouped by section, each with a 修改 link, and
//! every remaining finding.

use leptos::prelude::*;

use super::answers::answers;
use super::context::EditorCx;
use super::findings::{FindingSummary, go_to_field};
use super::section::Section;
use crate::ui::state::Store;

#[component]
pub fn CheckAnswers() -> impl IntoView {
    let ecx = EditorCx::get();
    let rs = Store::get().rule_set();
    let list = Memo::new({
        let ecx = ecx.clone();
        move |_| {
            ecx.read(|a| answers(rs, a).into_iter().map(|x| (x.section, x.label, x.path, x.value)).collect::<Vec<_>>())
        }
    });
    let errors = Memo::new({
        let ecx = ecx.clone();
        move |_| ecx.findings.with(|fs| fs.iter().filter(|f| f.severity == crate::rules::Severity::Error).count())
    });
    let id = ecx.id.clone();
    view! {
        <section class="section" data-section="check" aria-labelledby="section-title">
            <h2 id="section-title" class="section__title">
                "核对全部内容"
            </h2>
            <p class="check-status" data-errors=move || errors.get()>
                {move || match errors.get() {
                    0 => "没有发现错误：可以打印申请表，交单位审核盖章。".to_string(),
                    n => format!("还有 {n} 个错误需要修改。"),
                }}
            </p>
            <FindingSummary section=None all=true />
            {Section::ALL
                .into_iter()
                .map(|s| {
                    let id = id.clone();
                    view! {
                        <h3>{s.label()}</h3>
                        <dl class="summary-list">
                            {move || {
                                list.get()
                                    .into_iter()
                                    .filter(|x| x.0 == s)
                                    .map(|(_, label, path, value)| {
                                        let (id, p2) = (id.clone(), path.clone());
                                        view! {
                                            <div class="summary-list__row" data-answer=path.clone()>
                                                <dt>{label.clone()}</dt>
                                                <dd class="summary-list__value">{value}</dd>
                                                <dd>
                                                    <a
                                                        href="#"
                                                        on:click=move |ev| {
                                                            ev.prevent_default();
                                                            go_to_field(&id, &p2);
                                                        }
                                                    >
                                                        "修改"
                                                        <span class="visually-hidden">{label}</span>
                                                    </a>
                                                </dd>
                                            </div>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </dl>
                    }
                })
                .collect_view()}
        </section>
    }
}
