//! One row of the 核销表 editor: a person's trip and its money columns. Typed text stays
//! on screen as typed; the row changes only when the text means something (an amount
//! through `Money::parse`, a date, a country), otherwise the reason is shown at the field.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::{CountryCode, Money, Reimbursement};
use crate::ui::editor::{FindingLine, parse_country, parse_date};
use crate::ui::state::Store;

/// Said at a country field whose text names no country.
const UNKNOWN_COUNTRY: &str = "找不到这个国家或地区，\
    请填写中文名称或两位代码（如 德国、DE）";

/// Which part of a row a field edits, and how its text is read.
#[derive(Clone, Copy)]
enum Value {
    Text(fn(&mut Reimbursement) -> &mut String),
    Money(MoneyField),
    Date(fn(&mut Reimbursement) -> &mut Option<NaiveDate>),
    Country(fn(&mut Reimbursement) -> &mut Option<CountryCode>),
}

impl Value {
    fn show(self, r: &Reimbursement) -> String {
        let mut r = r.clone();
        match self {
            Value::Text(f) => f(&mut r).clone(),
            Value::Money(f) => Some(*f(&mut r)).filter(|m| m.0 != 0).map(Money::plain).unwrap_or_default(),
            Value::Date(f) => f(&mut r).map(|d| d.to_string()).unwrap_or_default(),
            Value::Country(f) => f(&mut r).map(|c| c.label()).unwrap_or_default(),
        }
    }

    /// Sets the field from typed text; an empty text clears it.
    fn put(self, r: &mut Reimbursement, s: &str) -> Result<(), String> {
        let blank = s.trim().is_empty();
        match self {
            Value::Text(f) => *f(r) = s.to_string(),
            Value::Money(f) => *f(r) = if blank { Money(0) } else { Money::parse(s)? },
            Value::Date(f) => {
                *f(r) = match parse_date(s) {
                    _ if blank => None,
                    Some(d) => Some(d),
                    None => return Err(crate::ui::editor::unreadable_date(s)),
                }
            }
            Value::Country(f) => {
                *f(r) = match parse_country(s) {
                    _ if blank => None,
                    Some(c) => Some(c),
                    None => return Err(UNKNOWN_COUNTRY.into()),
                }
            }
        }
        Ok(())
    }
}

/// The money columns a person types; 合计 and 单位负担 follow from them.
type MoneyField = fn(&mut Reimbursement) -> &mut Money;

const MONEY: [(&str, &str, MoneyField); 8] = [
    ("international_travel", "国际旅费", |r| &mut r.international_travel),
    ("accommodation", "住宿费", |r| &mut r.accommodation),
    ("meals", "伙食费", |r| &mut r.meals),
    ("incidentals", "公杂费", |r| &mut r.incidentals),
    ("training_fee", "培训费", |r| &mut r.training_fee),
    ("other", "其他", |r| &mut r.other),
    ("ministry_funding", "科技部资助", |r| &mut r.ministry_funding),
    ("academy_funding", "申请院资助", |r| &mut r.academy_funding),
];

/// The control's id, for the findings summary's links: `r-2-expense_date`.
pub fn input_id(index: usize, field: &str) -> String {
    format!("r-{index}-{field}")
}

#[component]
fn Field(index: usize, field: &'static str, label: &'static str, value: Value) -> impl IntoView {
    let store = Store::get();
    let shown =
        Memo::new(move |_| store.ws.with(|w| w.reimbursements.get(index).map(|r| value.show(r)).unwrap_or_default()));
    let draft = RwSignal::new(shown.get_untracked());
    let error = RwSignal::new(None::<String>);
    // What this field last wrote: any other change (an import, a deleted row) replaces the draft.
    let written = StoredValue::new(shown.get_untracked());
    Effect::new(move |_| {
        let v = shown.get();
        if written.get_value() != v {
            written.set_value(v.clone());
            draft.set(v);
            error.set(None);
        }
    });
    let input = move |text: String| {
        draft.set(text.clone());
        let Some(mut row) = store.ws.with_untracked(|w| w.reimbursements.get(index).cloned()) else { return };
        match value.put(&mut row, &text) {
            Ok(()) => {
                error.set(None);
                written.set_value(value.show(&row));
                if store.ws.with_untracked(|w| w.reimbursements.get(index) != Some(&row)) {
                    store.edit_workspace(|w| w.reimbursements[index] = row);
                }
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let on_focusout = move |_| {
        // `try_`: a focused field removed with its page fires focusout after its signals are gone.
        if error.try_with_untracked(Option::is_none) == Some(true)
            && let Some(v) = shown.try_get_untracked()
        {
            draft.try_set(v);
        }
    };
    let id = input_id(index, field);
    let err_id = format!("{id}-error");
    view! {
        <div class="field field--compact" data-field=format!("reimbursements[{index}].{field}")>
            <label class="field__label" for=id.clone()>
                {label}
            </label>
            <input
                class="input"
                id=id
                type="text"
                autocomplete="off"
                inputmode=matches!(value, Value::Money(_)).then_some("decimal")
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=err_id.clone()
                prop:value=move || draft.get()
                on:input=move |ev| input(event_target_value(&ev))
                on:focusout=on_focusout
            />
            <p class="field__error" id=err_id>
                {move || {
                    error
                        .get()
                        .map(|e| {
                            view! {
                                <span class="finding finding--error" role="alert">
                                    {e}
                                </span>
                            }
                        })
                }}
            </p>
        </div>
    }
}

/// Row `index`: who, which trip, when, how much; its `reimbursement-period` findings.
#[component]
pub fn Row(
    index: usize,
    findings: Memo<Vec<crate::rules::Finding>>,
    /// Every application's id and title, for 团组.
    apps: Memo<Vec<(String, String)>>,
) -> impl IntoView {
    let store = Store::get();
    let linked = Memo::new(move |_| {
        store.ws.with(|w| w.reimbursements.get(index).map(|r| r.application_id.clone()).unwrap_or_default())
    });
    let link_id = input_id(index, "application_id");
    let mine = move || {
        let prefix = format!("reimbursements[{index}].");
        findings.with(|fs| fs.iter().filter(|f| f.path.starts_with(&prefix)).cloned().collect::<Vec<_>>())
    };
    let text = |f: fn(&mut Reimbursement) -> &mut String| Value::Text(f);
    view! {
        <fieldset class="card reimbursement-row" data-row=index>
            <legend>{format!("第 {} 行", index + 1)}</legend>
            {move || mine().into_iter().map(|f| view! { <FindingLine finding=f /> }).collect_view()}
            <div class="grid">
                <Field index field="person" label="姓名" value=text(|r| &mut r.person) />
                <div class="field field--compact">
                    <label class="field__label" for=link_id.clone()>
                        "团组"
                    </label>
                    <select
                        class="input"
                        id=link_id
                        on:change=move |ev| {
                            let id = event_target_value(&ev);
                            store
                                .edit_workspace(|w| {
                                    if let Some(r) = w.reimbursements.get_mut(index) {
                                        r.application_id = id;
                                    }
                                });
                        }
                    >
                        <option value="" selected=move || linked.with(String::is_empty)>
                            "不在本工作台的团组（在下方填写）"
                        </option>
                        {move || {
                            apps.get()
                                .into_iter()
                                .map(|(id, title)| {
                                    let is = id.clone();
                                    view! {
                                        <option value=id selected=move || linked.with(|l| *l == is)>
                                            {title}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <Field index field="expense_date" label="费用日期" value=Value::Date(|r| &mut r.expense_date) />
            </div>
            <Show when=move || linked.with(String::is_empty)>
                <div class="grid">
                    <Field index field="project" label="团组/项目名称" value=text(|r| &mut r.project) />
                    <Field index field="country" label="国别" value=Value::Country(|r| &mut r.country) />
                    <Field index field="exit_date" label="出境日期" value=Value::Date(|r| &mut r.exit_date) />
                    <Field index field="return_date" label="入境日期" value=Value::Date(|r| &mut r.return_date) />
                </div>
            </Show>
            <div class="grid grid--money">
                {MONEY
                    .into_iter()
                    .map(|(field, label, f)| view! { <Field index field label value=Value::Money(f) /> })
                    .collect_view()}
            </div>
            <button
                type="button"
                class="button button--small button--warning"
                data-action="delete-row"
                on:click=move |_| store.remove_reimbursement(index)
            >
                {format!("删除第 {} 行", index + 1)}
            </button>
        </fieldset>
    }
}
