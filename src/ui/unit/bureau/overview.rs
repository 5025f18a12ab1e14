//! The bureau's overview of the opened units: each unit, the totals per category against
//! the plan, and the persons on two units' lists.

use leptos::prelude::*;

use crate::summary::CategoryTotal;
use crate::summary::bureau::{Overview, SharedPerson};

fn unit_row((unit, groups, persons): &(String, usize, u32)) -> impl IntoView + use<> {
    view! {
        <tr>
            <td>{unit.clone()}</td>
            <td>{*groups}</td>
            <td>{*persons}</td>
        </tr>
    }
}

fn category_row(c: &CategoryTotal) -> impl IntoView + use<> {
    view! {
        <tr data-category=c.category.key()>
            <td>{c.label.clone()}</td>
            <td>{c.applications}</td>
            <td>{c.persons_in_category}</td>
            <td>{c.persons_counted_against_category_plan}</td>
            <td>{c.plan_persons}</td>
        </tr>
    }
}

fn shared_person(p: &SharedPerson) -> impl IntoView + use<> {
    view! { <li>{format!("{}（{} 出生）：{}", p.name, p.birth_date, p.units.join("、"))}</li> }
}

pub fn overview(o: Overview) -> impl IntoView {
    let units = o.units.iter().map(unit_row).collect_view();
    let categories = o.totals.categories.iter().map(category_row).collect_view();
    let key_fields = &o.totals.key_fields;
    let shared = if o.shared.is_empty() {
        view! { <p data-bureau-shared="0">"没有。"</p> }.into_any()
    } else {
        let count = o.shared.len();
        let people = o.shared.iter().map(shared_person).collect_view();
        view! { <ul data-bureau-shared=count>{people}</ul> }.into_any()
    };
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
            <tbody>{units}</tbody>
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
                {categories} <tr data-category="key_fields">
                    <td>{key_fields.label.clone()}</td>
                    <td>{key_fields.applications}</td>
                    <td>{key_fields.persons}</td>
                    <td>{key_fields.persons}</td>
                    <td>{key_fields.plan_persons}</td>
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
        {shared}
    }
}
