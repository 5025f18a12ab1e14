//! 培训安排: country, hosts, duration, exit date; the return date follows.

use chrono::Days;
use leptos::prelude::*;

use super::context::EditorCx;
use super::fields::{RadioGroup, TextInput, date, date_example, normalize_date, text};
use super::page::SectionPage;
use super::section::{Section, field_id};
use crate::model::{Application, COUNTRIES, CountryCode, Host, country_name};
use crate::rules::{CITY_COUNT, DURATION, HOST_COUNT};
use crate::ui::state::Store;

/// 「德国（DE）」
pub fn country_label(code: Option<CountryCode>) -> String {
    code.map(|c| c.label()).unwrap_or_default()
}

/// Accepts 「德国（DE）」, 「德国」, `DE` or `de`.
pub fn parse_country(s: &str) -> Option<CountryCode> {
    let s = s.trim();
    let code = s.rsplit_once('（').map(|(_, c)| c.trim_end_matches('）')).unwrap_or(s);
    CountryCode::parse(&code.to_ascii_uppercase()).filter(|c| country_name(c.as_str()).is_some()).or_else(|| {
        COUNTRIES
            .iter()
            .find(|(_, zh, en)| *zh == s || en.eq_ignore_ascii_case(s))
            .and_then(|(c, _, _)| CountryCode::parse(c))
    })
}

/// Return date = exit date + duration − 1 (both days count as training days).
fn follow_return(a: &mut Application) {
    a.return_date = match (a.exit_date, a.duration_days) {
        (Some(e), Some(d)) if d > 0 => e.checked_add_days(Days::new(u64::from(d) - 1)),
        _ => a.return_date,
    };
}

/// A country picker: free typing with a list to choose from; the model changes only when
/// the text names a country, so a half-typed name is never lost.
#[component]
pub(super) fn CountryInput(
    label: &'static str,
    path: String,
    get: fn(&Application, usize) -> Option<CountryCode>,
    set: fn(&mut Application, usize, Option<CountryCode>),
    index: usize,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let ecx = EditorCx::get();
    let model = Memo::new({
        let ecx = ecx.clone();
        move |_| ecx.read(|a| get(a, index))
    });
    let draft = RwSignal::new(country_label(model.get_untracked()));
    Effect::new(move |_| {
        let m = model.get();
        if draft.with_untracked(|d| parse_country(d) != m) {
            draft.set(country_label(m));
        }
    });
    let (e1, e2, p) = (ecx.clone(), ecx.clone(), path.clone());
    let id = field_id(&path);
    view! {
        <div class="field" data-field=path.clone()>
            <label class="field__label" for=id.clone()>
                {label}
            </label>
            {hint
                .clone()
                .map(|h| {
                    view! {
                        <p class="field__hint" id=format!("{id}-hint")>
                            {h}
                        </p>
                    }
                })}
            <super::findings::FieldFindings path=path.clone() />
            <input
                class="input input--medium"
                id=id.clone()
                list="country-list"
                autocomplete="off"
                aria-describedby=format!("{id}-findings")
                prop:value=move || draft.get()
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    let parsed = parse_country(&v);
                    draft.set(v.clone());
                    if parsed.is_some() || v.trim().is_empty() {
                        e1.edit(|a| set(a, index, parsed));
                    }
                }
                on:focusout=move |_| {
                    e2.touch(&p);
                    if let Some(m) = model.try_get_untracked() {
                        draft.try_set(country_label(m));
                    }
                }
            />
        </div>
    }
}

/// The suggestions of the page's `CountryInput`s (`list="country-list"`): about 250 options,
/// added once the form is painted, so that they do not hold up its first paint.
#[component]
pub(super) fn CountryList() -> impl IntoView {
    let shown = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        crate::ui::lazy::after_paint().await;
        shown.try_set(true);
    });
    let options = move || {
        shown.get().then(|| {
            COUNTRIES.iter().map(|(c, zh, _)| view! { <option value=format!("{zh}（{c}）")></option> }).collect_view()
        })
    };
    view! { <datalist id="country-list">{options}</datalist> }
}

#[component]
pub fn Schedule() -> impl IntoView {
    let rs = Store::get().rule_set();
    let ecx = EditorCx::get();
    let long = rs.durations.open_ended_from;
    // A rule-set without an open-ended range has no 「N 天及以上」 choice.
    let (duration, set_duration) = text(
        move |a| match (a.duration_days, long) {
            (Some(d), Some(from)) if d >= from => "long".to_string(),
            (Some(d), _) => d.to_string(),
            (None, _) => String::new(),
        },
        move |a, v| {
            a.duration_days = match long {
                Some(from) if v == "long" => Some(a.duration_days.unwrap_or(0).max(from)),
                _ => v.parse().ok(),
            };
            follow_return(a);
        },
    );
    let mut options: Vec<(String, String)> =
        rs.durations.allowed.iter().map(|d| (d.to_string(), format!("{d} 天"))).collect();
    options.extend(long.map(|from| ("long".into(), format!("{from} 天及以上"))));
    let (long_days, set_long_days) = text(
        |a| a.duration_days.map(|d| d.to_string()).unwrap_or_default(),
        |a, v| {
            a.duration_days = v.trim().parse().ok();
            follow_return(a);
        },
    );
    let (exit, set_exit) = date(
        |a| a.exit_date,
        |a, d| {
            a.exit_date = d;
            follow_return(a);
        },
    );
    let return_date = Memo::new({
        let ecx = ecx.clone();
        move |_| ecx.read(|a| a.return_date.map(|d| d.to_string()))
    });
    let host_count = Memo::new({
        let ecx = ecx.clone();
        move |_| ecx.read(|a| a.hosts.len())
    });
    let max_hosts = rs.host_limits.iter().map(|l| l.max_hosts).max().unwrap_or(1) as usize;
    let hosts_hint = format!(
        "境外培训机构{}；培训地点{}，在同一个国家（通知{}）",
        (HOST_COUNT.limit)(rs),
        (CITY_COUNT.limit)(rs),
        HOST_COUNT.clause(rs)
    );
    let add = ecx.clone();
    view! {
        <SectionPage section=Section::Schedule>
            <CountryList />
            <CountryInput
                label="培训国别"
                path="country".into()
                index=0
                get=|a, _| a.country
                set=|a, _, c| a.country = c
                hint="输入国名或代码后从列表中选择；团组须同期赴同一国家培训"
            />
            <RadioGroup
                legend="培训天数"
                path="duration_days"
                options
                value=duration
                set=set_duration
                hint=format!("可选择 {}（通知{}）", (DURATION.limit)(rs), rs.durations.clause)
            />
            {move || {
                (duration.get() == "long")
                    .then(|| {
                        view! {
                            <TextInput
                                label="天数"
                                path="duration_days.long"
                                kind="number"
                                width="short"
                                value=long_days
                                set=set_long_days
                                hint=format!("{} 天及以上", long.unwrap_or_default())
                            />
                        }
                    })
            }}
            <TextInput
                label="出境日期"
                path="exit_date"
                width="medium"
                value=exit
                set=set_exit
                normalize=normalize_date
                placeholder=date_example()
                hint="格式：YYYY-MM-DD；出境和入境当天都计为培训天数"
            />
            <p class="computed" data-field="return_date" id=field_id("return_date") tabindex="-1">
                "入境（回国）日期："
                <strong>
                    {move || return_date.get().unwrap_or_else(|| "填写出境日期和天数后自动计算".into())}
                </strong>
            </p>
            <super::findings::FieldFindings path="return_date" />
            <div class="field" id=field_id("hosts") tabindex="-1" data-field="hosts">
                <h3 class="field__label">"境外培训机构"</h3>
                <p class="field__hint">{hosts_hint}</p>
                <super::findings::FieldFindings path="hosts" />
                {move || (0..host_count.get()).map(|i| view! { <HostCard index=i /> }).collect_view()}
                <button
                    type="button"
                    class="button button--secondary"
                    data-action="add-host"
                    disabled=move || { host_count.get() >= max_hosts }
                    on:click=move |_| {
                        add.edit(|a| a.hosts.push(Host::default()));
                        add.touch("hosts");
                    }
                >
                    "添加境外培训机构"
                </button>
            </div>
        </SectionPage>
    }
}

#[component]
fn HostCard(index: usize) -> impl IntoView {
    let ecx = EditorCx::get();
    let field = |get: fn(&Host) -> &String, set: fn(&mut Host, String)| {
        text(
            move |a| a.hosts.get(index).map(|h| get(h).clone()).unwrap_or_default(),
            move |a, v| {
                if let Some(h) = a.hosts.get_mut(index) {
                    set(h, v)
                }
            },
        )
    };
    let (zh, set_zh) = field(|h| &h.name_zh, |h, v| h.name_zh = v);
    let (en, set_en) = field(|h| &h.name_en, |h, v| h.name_en = v);
    let (city, set_city) = field(|h| &h.city, |h, v| h.city = v);
    let (web, set_web) = field(|h| &h.website, |h, v| h.website = v);
    let (contact, set_contact) = field(|h| &h.contact, |h, v| h.contact = v);
    let p = |f: &str| format!("hosts[{index}].{f}");
    view! {
        <fieldset class="card" data-host=index>
            <legend>{format!("境外培训机构 {}", index + 1)}</legend>
            <TextInput label="机构中文名称" path=p("name_zh") value=zh set=set_zh />
            <TextInput label="机构外文名称" path=p("name_en") value=en set=set_en />
            <TextInput label="所在城市" path=p("city") value=city set=set_city width="medium" />
            <CountryInput
                label="所在国家（与培训国别不同时填写）"
                path=p("country")
                index
                get=|a, i| a.hosts.get(i).and_then(|h| h.country)
                set=|a, i, c| {
                    if let Some(h) = a.hosts.get_mut(i) {
                        h.country = c;
                    }
                }
            />
            <TextInput label="网址" path=p("website") kind="url" value=web set=set_web />
            <TextInput label="联系人及联系方式" path=p("contact") value=contact set=set_contact />
            <button
                type="button"
                class="button button--warning"
                data-action="remove-host"
                on:click=move |_| {
                    ecx.remove_host(index);
                    ecx.touch("hosts");
                }
            >
                {format!("删除境外培训机构 {}", index + 1)}
            </button>
        </fieldset>
    }
}
