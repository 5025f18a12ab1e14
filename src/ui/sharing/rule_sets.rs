//! The rule-sets an import's files carry: add one this browser lacks (and check against
//! it), or replace ours when the numbers differ. The core decides what is offered
//! (`bundle::RuleSetOffer`); nothing changes until 「确认导入」.

use leptos::prelude::*;

use super::import::ImportUi;
use crate::bundle::{RuleSetChoices, RuleSetOffer};
use crate::ui::rule_sets::DifferenceTable;

/// A rule-set this browser lacks is added and used; one that differs from ours is left
/// alone until the user says otherwise.
pub fn default_choices(offers: &[RuleSetOffer]) -> RuleSetChoices {
    let new: Vec<&RuleSetOffer> = offers.iter().filter(|o| o.is_new()).collect();
    RuleSetChoices {
        add: new.iter().map(|o| o.rule_set.id.clone()).collect(),
        use_id: new.first().map(|o| o.rule_set.id.clone()),
    }
}

#[component]
pub fn RuleSetOffers(offers: Vec<RuleSetOffer>) -> impl IntoView {
    let ui = ImportUi::get();
    view! {
        <h3>"规则集"</h3>
        {offers
            .into_iter()
            .map(|o| {
                let id = o.rule_set.id.clone();
                let (id_add, id_use) = (id.clone(), id.clone());
                let adding = Memo::new(move |_| ui.rule_sets.with(|c| c.add.contains(&id_add)));
                let using = Memo::new(move |_| ui.rule_sets.with(|c| c.use_id.as_deref() == Some(id_use.as_str())));
                let (id_a, id_u) = (id.clone(), id.clone());
                let set_add = move |on: bool| {
                    ui.rule_sets
                        .update(|c| {
                            if on {
                                c.add.insert(id_a.clone());
                            } else {
                                c.add.remove(&id_a);
                                if c.use_id.as_deref() == Some(id_a.as_str()) {
                                    c.use_id = None;
                                }
                            }
                        })
                };
                let set_use = move |on: bool| {
                    ui.rule_sets
                        .update(|c| {
                            c.use_id = on.then(|| id_u.clone());
                            if on {
                                c.add.insert(id_u.clone());
                            }
                        })
                };
                let name = o.rule_set.name.clone();
                let files = o.files.join("、");
                let (add_label, intro) = if o.is_new() {
                    (
                        "添加此规则集",
                        format!(
                            "{files} 附带规则集「{name}」（{id}），本浏览器还没有。\
                             申请人按它填写，建议添加并按它检查。",
                        ),
                    )
                } else {
                    let (ours, theirs) = o.fingerprints.clone().unwrap_or_default();
                    (
                        "用文件中的规则集替换本浏览器的同名规则集",
                        format!(
                            "{files} 附带的规则集「{name}」（{id}）\
                             与本浏览器的同名规则集内容不同（内容指纹 {ours}≠{theirs}），\
                             有 {} 处不同：",
                            o.differences.len(),
                        ),
                    )
                };
                let rows = o.differences.clone();
                view! {
                    <fieldset class="fieldset rule-set-offer" data-rule-set-offer=id.clone()>
                        <legend>{format!("规则集「{name}」")}</legend>
                        <p>{intro}</p>
                        {(!rows.is_empty()).then(|| view! { <DifferenceTable rows /> })}
                        <div class="checkbox">
                            <input
                                type="checkbox"
                                id=format!("offer-add-{id}")
                                data-action="add-rule-set"
                                prop:checked=move || adding.get()
                                on:change=move |ev| set_add(event_target_checked(&ev))
                            />
                            <label for=format!("offer-add-{id}")>{add_label}</label>
                        </div>
                        <div class="checkbox">
                            <input
                                type="checkbox"
                                id=format!("offer-use-{id}")
                                data-action="use-rule-set"
                                prop:checked=move || using.get()
                                on:change=move |ev| set_use(event_target_checked(&ev))
                            />
                            <label for=format!("offer-use-{id}")>"导入后按此规则集检查所有申请"</label>
                        </div>
                    </fieldset>
                }
            })
            .collect_view()}
    }
}
