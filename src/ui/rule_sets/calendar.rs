//! The holiday calendars a rule-set adds or replaces, a fieldset per year, beside the
//! years built into the app (an office only adds a year the app lacks).

use leptos::prelude::*;

use super::field::{FormCx, Kind, at, field};
use crate::rule_set::form::next_calendar_year;

#[component]
pub fn CalendarYears() -> impl IntoView {
    let cx = FormCx::get();
    // Rebuilt when a year comes or goes (the paths of the later years change).
    let count = Memo::new(move |_| cx.draft.with(|d| d.calendar.len()));
    let add = move |_| {
        cx.forget("calendar[");
        cx.draft.update(|d| {
            let year = next_calendar_year(d);
            d.calendar.push(year);
        });
    };
    view! {
        <fieldset class="card" data-calendar>
            <legend>"节假日安排"</legend>
            <BuiltInYears />
            {move || (0..count.get()).map(|i| view! { <Year i /> }).collect_view()}
            {(!cx.read_only)
                .then(|| {
                    view! {
                        <p>
                            <button type="button" class="button button--secondary" data-action="add-year" on:click=add>
                                "添加一年"
                            </button>
                        </p>
                    }
                })}
        </fieldset>
    }
}

/// The years the app knows without the rule-set, each with its notice.
#[component]
fn BuiltInYears() -> impl IntoView {
    let years = crate::calendar::built_in();
    let (first, last) = (years.first().map(|y| y.year), years.last().map(|y| y.year));
    view! {
        <p class="field__hint">
            {match (first, last) {
                (Some(f), Some(l)) => {
                    format!(
                        "本工具已内置 {f}–{l} 年的节假日安排\
                         （国务院办公厅每年的通知），计算工作日时自动使用；\
                         只有缺少的年份（或要更正某一年）才需要在这里添加。\
                         同一年份在这里添加后，取代内置的安排。",
                    )
                }
                _ => "本工具没有内置节假日安排，请添加要用到的年份。".to_string(),
            }}
        </p>
        <details class="built-in-years">
            <summary>"查看内置的年份及依据"</summary>
            <ul class="inline-list">
                {years
                    .iter()
                    .map(|y| view! { <li data-built-in-year=y.year>{format!("{} 年：{}", y.year, y.source)}</li> })
                    .collect_view()}
            </ul>
        </details>
    }
}

/// One year's holidays and make-up working days.
#[component]
fn Year(i: usize) -> impl IntoView {
    let cx = FormCx::get();
    let legend = move || cx.draft.with(|d| d.calendar.get(i).map(|y| format!("{} 年", y.year)).unwrap_or_default());
    let remove = move |_| {
        cx.forget("calendar[");
        cx.draft.update(|d| {
            if i < d.calendar.len() {
                d.calendar.remove(i);
            }
        });
    };
    let path = |name: &str| format!("calendar[{i}].{name}");
    view! {
        <fieldset class="card" data-year=i>
            <legend>{legend}</legend>
            <div class="grid">
                {field(path("year"), at!(r => r.calendar[i].year)).label("年份").number()}
                {field(path("source"), at!(r => r.calendar[i].source)).label("依据（通知文号）")}
            </div>
            {field(path("holidays"), at!(r => r.calendar[i].holidays))
                .label("放假安排")
                .kind(Kind::Lines(7))
                .hint(
                    "每行一段：开始日 结束日 名称（日期写作 YYYY-MM-DD，以空格分开）；\
                     只放一天的可只写一个日期",
                )}
            {field(path("workdays"), at!(r => r.calendar[i].workdays))
                .label("调休上班日")
                .kind(Kind::Lines(4))
                .hint("每行一个日期，写作 YYYY-MM-DD")}
            {(!cx.read_only)
                .then(|| {
                    view! {
                        <p>
                            <button
                                type="button"
                                class="button button--warning"
                                data-action="remove-year"
                                on:click=remove
                            >
                                "删除这一年"
                            </button>
                        </p>
                    }
                })}
        </fieldset>
    }
}
