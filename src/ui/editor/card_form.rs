//! The partner's member card: one member, the category they apply under (for the age
//! limit) and the dates and country they expect, which `same-period` later compares with
//! the group's.

use leptos::prelude::*;

use super::basic::category_limits;
use super::context::EditorCx;
use super::fields::{RadioGroup, TextInput, date, date_example, normalize_date, text};
use super::members::MemberCard;
use super::schedule::{CountryInput, CountryList};
use crate::model::Category;
use crate::ui::state::Store;

#[component]
pub fn CardForm() -> impl IntoView {
    let rs = Store::get().rule_set();
    let ecx = EditorCx::get();
    let mid = ecx.read(|a| a.members.first().map(|m| m.id.clone())).unwrap_or_default();
    let (category, set_category) = text(
        |a| a.category.map(|c| c.key().to_string()).unwrap_or_default(),
        |a, v| a.category = Category::ALL.into_iter().find(|c| c.key() == v),
    );
    let options =
        Category::ALL.into_iter().map(|c| (c.key().to_string(), format!("{}项目", rs.category(c).label))).collect();
    let (exit, set_exit) = date(|a| a.exit_date, |a, d| a.exit_date = d);
    let (ret, set_ret) = date(|a| a.return_date, |a, d| a.return_date = d);
    let limits = move || {
        Category::ALL
            .into_iter()
            .find(|c| category.with(|k| k == c.key()))
            .map(|c| view! { <p class="limits">{category_limits(rs, c)}</p> })
    };
    view! {
        <form class="form" on:submit=|ev| ev.prevent_default() novalidate>
            <RadioGroup
                legend="申报的项目类别（用于检查年龄条件）"
                path="category"
                options
                value=category
                set=set_category
            />
            {limits}
            <MemberCard index=0 count=1 mid standalone=true />
            <fieldset class="card">
                <legend>"本人预计的出入境日期和国别（须与团组一致）"</legend>
                <TextInput
                    label="出境日期"
                    path="exit_date"
                    width="medium"
                    value=exit
                    set=set_exit
                    normalize=normalize_date
                    placeholder=date_example()
                />
                <TextInput
                    label="入境（回国）日期"
                    path="return_date"
                    width="medium"
                    value=ret
                    set=set_ret
                    normalize=normalize_date
                    placeholder=date_example()
                />
                <CountryInput
                    label="培训国别"
                    path="country".into()
                    index=0
                    get=|a, _| a.country
                    set=|a, _, c| a.country = c
                />
                <CountryList />
            </fieldset>
        </form>
    }
}
