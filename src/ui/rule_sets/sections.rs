//! The form's fieldsets, one per part of the notice, covering every field of `RuleSet`
//! but the calendar (`calendar.rs`).

use leptos::prelude::*;

use super::field::{FieldProblems, FormCx, Kind, at, field, field_id};
use crate::model::{Category, Priority, TitleLevel};
use crate::rule_set::form::FieldText;
use crate::rule_set::{AgeReference, CategoryRules, RuleSet};

#[component]
pub fn Sections() -> impl IntoView {
    view! {
        <fieldset class="card">
            <legend>"规则集与通知"</legend>
            <div class="grid">
                {field("id", at!(r => r.id))
                    .hint(
                        "1–40 个小写字母、数字或连字符，如 cas- 加年份；\
                         导出的文件以它命名",
                    )} {field("name", at!(r => r.name))}
            </div>
            {field("notice.title", at!(r => r.notice.title))}
            <div class="grid">
                {field("notice.issuer", at!(r => r.notice.issuer))}
                {field("notice.date", at!(r => r.notice.date)).date()}
            </div>
        </fieldset>
        <fieldset class="card">
            <legend>"项目执行期"</legend>
            <div class="grid">
                {field("program_year.start", at!(r => r.program_year.start)).date()}
                {field("program_year.end", at!(r => r.program_year.end)).date()}
                {field("program_year.clause", at!(r => r.program_year.clause))}
            </div>
        </fieldset>
        {Category::ALL.map(|c| view! { <CategoryFields c /> }).collect_view()}
        <fieldset class="card">
            <legend>"重点领域专项"</legend>
            <div class="grid">
                {field("key_fields.label", at!(r => r.key_fields.label))}
                {field("key_fields.clause", at!(r => r.key_fields.clause))}
                {field("key_fields.plan_persons", at!(r => r.key_fields.plan_persons)).number()}
            </div>
            {field("key_fields.topics", at!(r => r.key_fields.topics))
                .kind(Kind::Lines(8))
                .hint("每行一项；申请表按行的顺序给专项编号（第 1 行为 1 号）")}
        </fieldset>
        <fieldset class="card">
            <legend>"优先条件"</legend>
            {field("priority_items", at!(r => r.priority_items)).kind(Kind::Lines(6)).hint(priority_hint())}
        </fieldset>
        <fieldset class="card">
            <legend>"培训时长与境外培训机构"</legend>
            <div class="grid">
                {field("durations.allowed", at!(r => r.durations.allowed))
                    .hint("通知允许的各种天数，用逗号分隔")}
                {field("durations.open_ended_from", at!(r => r.durations.open_ended_from))
                    .number()
                    .hint("培训达到这么多天即不限天数")}
                {field("durations.clause", at!(r => r.durations.clause))}
            </div>
            {field("host_limits", at!(r => r.host_limits))
                .kind(Kind::Lines(3))
                .hint("每行两个整数，以空格分开：自多少天起、最多几家")}
            <div class="grid">
                {field("min_hosts", at!(r => r.min_hosts)).number()}
                {field("max_cities", at!(r => r.max_cities)).number()}
            </div>
        </fieldset>
        <fieldset class="card">
            <legend>"年龄与期限"</legend>
            <AgeReferenceField />
            <div class="grid">
                {field("submission_deadline", at!(r => r.submission_deadline)).date()}
                {field("summary_due_working_days", at!(r => r.summary_due_working_days))
                    .number()
                    .hint("回国后多少个工作日内提交培训总结")}
            </div>
        </fieldset>
        <fieldset class="card">
            <legend>"经费核销"</legend>
            <div class="grid">
                {field("reimbursement.period_start", at!(r => r.reimbursement.period_start)).hint(MONTH_DAY)}
                {field("reimbursement.period_end", at!(r => r.reimbursement.period_end)).hint(MONTH_DAY)}
                {field("reimbursement.settlement_window.from", at!(r => r.reimbursement.settlement_window.from))
                    .hint(MONTH_DAY)}
                {field("reimbursement.settlement_window.to", at!(r => r.reimbursement.settlement_window.to))
                    .hint(MONTH_DAY)}
            </div>
        </fieldset>
        <fieldset class="card">
            <legend>"发达国家名单"</legend>
            {field("developed_countries.source", at!(r => r.developed_countries.source))}
            {field("developed_countries.countries", at!(r => r.developed_countries.countries))
                .kind(Kind::Lines(10))
                .hint("每行一个国家：两个字母的代码（ISO 3166-1）和中文名，如 US 美国")}
        </fieldset>
        <fieldset class="card">
            <legend>"报送"</legend>
            <div class="grid">
                {field("submit_to.office", at!(r => r.submit_to.office))}
                {field("submit_to.contact", at!(r => r.submit_to.contact))}
                {field("submit_to.phone", at!(r => r.submit_to.phone))}
                {field("submit_to.email", at!(r => r.submit_to.email))}
            </div>
        </fieldset>
        <fieldset class="card">
            <legend>"通知条款"</legend>
            {field("clauses", at!(r => r.clauses)).kind(Kind::Lines(8)).hint(CLAUSES_HINT)}
        </fieldset>
    }
}

const CLAUSES_HINT: &str = "每行一条规则：规则编号和检查结果引用的通知条款，\
    以空格分开，如 required 二(八)；规则编号见「规则说明」。\
    未列出的规则引用内置规则集的条款";

const MONTH_DAY: &str = "写作 月-日，如 12-31（12 月 31 日）";

/// The keys an item may have, with what the application form calls them.
fn priority_hint() -> String {
    let keys: Vec<&str> = Priority::default().flags().iter().map(|(k, _)| *k).collect();
    format!(
        "每行一项：键和名称，以空格分开，如 three_majors “三重大”产出导向。\
         键为 {} 之一",
        keys.join("、")
    )
}

/// One category's numbers, in a fieldset named after it.
#[component]
fn CategoryFields(c: Category) -> impl IntoView {
    let cx = FormCx::get();
    let key = c.key();
    let legend = move || cx.draft.with(|d| d.categories.get(&c).map(|r| r.label.clone()).unwrap_or_default());
    view! {
        <fieldset class="card" data-category=key>
            <legend>{legend}</legend>
            <div class="grid">
                {of(c, "label", |r| r.label.clone(), |r, v| r.label = v)}
                {of(c, "clause", |r| r.clause.clone(), |r, v| r.clause = v)}
                {of(c, "plan_persons", |r| r.plan_persons, |r, v| r.plan_persons = v).number()}
                {of(c, "min_members", |r| r.min_members, |r, v| r.min_members = v).number()}
                {of(c, "max_members", |r| r.max_members, |r, v| r.max_members = v).number()}
                {of(c, "max_age", |r| r.max_age, |r, v| r.max_age = v).number()}
            </div>
            <LeaderLevels c />
            {of(c, "leader_requirement", |r| r.leader_requirement.clone(), |r, v| r.leader_requirement = v)}
        </fieldset>
    }
}

/// A field of one category, labelled without the category's name (the legend has it).
fn of<T: FieldText + 'static>(
    c: Category,
    name: &str,
    get: fn(&CategoryRules) -> T,
    set: fn(&mut CategoryRules, T),
) -> super::field::Field {
    let path = format!("categories.{}.{name}", c.key());
    let label = FormCx::get().draft.with_untracked(|d| crate::rule_set::field_label(d, &path));
    let short = label.split_once(" · ").map_or(label.as_str(), |(_, f)| f).to_string();
    let get = move |r: &RuleSet| r.categories.get(&c).map(get).unwrap_or_else(|| get(RuleSet::embedded().category(c)));
    let set = move |r: &mut RuleSet, v: T| {
        if let Some(rules) = r.categories.get_mut(&c) {
            set(rules, v);
        }
    };
    field(path, (get, set)).label(short)
}

/// Checkboxes over the title levels a group's leader may have.
#[component]
fn LeaderLevels(c: Category) -> impl IntoView {
    let cx = FormCx::get();
    let path = format!("categories.{}.leader_levels", c.key());
    let id = field_id(&path);
    let data_field = path.clone();
    view! {
        <fieldset class="field fieldset" id=id.clone() tabindex="-1" data-field=data_field>
            <legend class="field__label">"带头人可有的职称级别"</legend>
            <FieldProblems path />
            <div class="radios">
                {TitleLevel::ALL
                    .into_iter()
                    .enumerate()
                    .map(|(i, level)| {
                        let opt = format!("{id}-{i}");
                        let has = move || {
                            cx.draft.with(|d| d.categories.get(&c).is_some_and(|r| r.leader_levels.contains(&level)))
                        };
                        let toggle = move |ev: leptos::ev::Event| {
                            let on = event_target_checked(&ev);
                            cx.draft
                                .update(|d| {
                                    if let Some(r) = d.categories.get_mut(&c) {
                                        r.leader_levels.retain(|l| *l != level);
                                        if on {
                                            r.leader_levels.push(level);
                                            r.leader_levels
                                                .sort_by_key(|l| TitleLevel::ALL.iter().position(|a| a == l));
                                        }
                                    }
                                });
                        };
                        view! {
                            <div class="checkbox">
                                <input
                                    type="checkbox"
                                    id=opt.clone()
                                    disabled=cx.read_only
                                    prop:checked=has
                                    on:change=toggle
                                />
                                <label for=opt>{level.label()}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

/// 出境日期 (with the date used while an application has none) or a fixed date.
#[component]
fn AgeReferenceField() -> impl IntoView {
    let cx = FormCx::get();
    let fixed = Memo::new(move |_| cx.draft.with(|d| matches!(d.age_reference, AgeReference::Fixed { .. })));
    let choose = move |to_fixed: bool| {
        cx.forget("age_reference");
        cx.draft.update(|d| {
            let day = reference_day(d);
            d.age_reference =
                if to_fixed { AgeReference::Fixed { date: day } } else { AgeReference::ExitDate { fallback: day } };
        });
    };
    let exit_date = "按出境日期计算（未填出境日期时用下面的日期）";
    let options = [(false, exit_date), (true, "按固定日期计算")];
    view! {
        <fieldset class="field fieldset" id=field_id("age_reference.kind") tabindex="-1">
            <legend class="field__label">"年龄（周岁）计算参考日"</legend>
            <div class="radios">
                {options
                    .map(|(value, label)| {
                        let opt = format!("rs-age-reference-{}", if value { "fixed" } else { "exit-date" });
                        view! {
                            <div class="radio">
                                <input
                                    type="radio"
                                    name="rs-age-reference"
                                    id=opt.clone()
                                    disabled=cx.read_only
                                    prop:checked=move || fixed.get() == value
                                    on:change=move |_| choose(value)
                                />
                                <label for=opt>{label}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
        {move || {
            let path = if fixed.get() { "age_reference.date" } else { "age_reference.fallback" };
            field(path, (reference_day, set_reference_day)).date().view()
        }}
    }
}

fn reference_day(rs: &RuleSet) -> chrono::NaiveDate {
    match rs.age_reference {
        AgeReference::ExitDate { fallback } => fallback,
        AgeReference::Fixed { date } => date,
    }
}

fn set_reference_day(rs: &mut RuleSet, day: chrono::NaiveDate) {
    match &mut rs.age_reference {
        AgeReference::ExitDate { fallback } => *fallback = day,
        AgeReference::Fixed { date } => *date = day,
    }
}
