//! One group's row on the bureau's list: its outcome read from the page's [`Outcomes`]
//! (found at once among 3,000), edited in place.

use leptos::prelude::*;

use crate::model::{Category, Decision, Money, Selection};
use crate::selection::{Outcomes, Row};
use crate::ui::state::Store;

#[component]
pub fn SelectionRow(row: Row, outcomes: Memo<Outcomes>, index: usize) -> impl IntoView {
    let store = Store::get();
    let rs = store.rule_set();
    let base =
        Selection { decision: None, note: String::new(), approved_category: None, funding: None, ..row.selection };
    let current = {
        let base = base.clone();
        Memo::new(move |_| {
            outcomes.with(|o| match o.get(&base.unit, &base.id) {
                Some(s) => Selection {
                    decision: s.decision,
                    note: s.note.clone(),
                    approved_category: s.approved_category,
                    funding: s.funding,
                    ..base.clone()
                },
                None => base.clone(),
            })
        })
    };
    let put = move |f: &dyn Fn(&mut Selection)| {
        let mut s = current.get_untracked();
        f(&mut s);
        store.edit_workspace(|w| w.put_selection(s));
    };
    let money_error = RwSignal::new(None::<String>);
    let label = base.display();
    let key = format!("{}/{}", base.unit, base.id);
    view! {
        <tr
            aria-rowindex=index + 2
            data-group=base.id.clone()
            data-unit=base.unit.clone()
            data-decision=move || current.with(|s| s.decision.map(|d| d.key()).unwrap_or(""))
        >
            <td>{row.unit.clone()}</td>
            <td>{row.unit_rank.map(|r| r.to_string()).unwrap_or_else(|| "未排序".into())}</td>
            <td>{base.title.clone()}</td>
            <td>{row.category.map(|c| rs.category(c).label.clone()).unwrap_or_else(|| "未选择".into())}</td>
            <td>{row.persons}</td>
            <td>
                <select
                    class="input"
                    data-field="decision"
                    aria-label=format!("{label}：遴选结果")
                    prop:value=move || current.with(|s| s.decision.map(|d| d.key()).unwrap_or("").to_string())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        put(&|s| s.decision = Decision::ALL.into_iter().find(|d| d.key() == v));
                    }
                >
                    <option value="">"未定"</option>
                    {Decision::ALL
                        .into_iter()
                        .map(|d| view! { <option value=d.key()>{d.label()}</option> })
                        .collect_view()}
                </select>
            </td>
            <td>
                <input
                    class="input"
                    data-field="note"
                    aria-label=format!("{label}：意见")
                    prop:value=move || current.with(|s| s.note.clone())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        put(&|s| s.note = v.trim().to_string());
                    }
                />
            </td>
            <td>
                <select
                    class="input"
                    data-field="approved_category"
                    aria-label=format!("{label}：批准资助类别")
                    prop:value=move || current.with(|s| s.approved_category.map(|c| c.key()).unwrap_or("").to_string())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        put(&|s| s.approved_category = Category::ALL.into_iter().find(|c| c.key() == v));
                    }
                >
                    <option value="">"未填"</option>
                    {Category::ALL
                        .into_iter()
                        .map(|c| view! { <option value=c.key()>{rs.category(c).label.clone()}</option> })
                        .collect_view()}
                </select>
            </td>
            <td>
                <input
                    class="input"
                    inputmode="decimal"
                    data-field="funding"
                    aria-label=format!("{label}：院资助金额（元）")
                    prop:value=move || current.with(|s| s.funding.map(Money::plain).unwrap_or_default())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if v.trim().is_empty() {
                            money_error.set(None);
                            put(&|s| s.funding = None);
                        } else {
                            match Money::parse(&v) {
                                Ok(m) => {
                                    money_error.set(None);
                                    put(&|s| s.funding = Some(m));
                                }
                                Err(e) => money_error.set(Some(e)),
                            }
                        }
                    }
                />
                {move || {
                    money_error
                        .get()
                        .map(|e| {
                            view! {
                                <p class="finding finding--error" data-funding-error=key.clone()>
                                    {e}
                                </p>
                            }
                        })
                }}
            </td>
        </tr>
    }
}
