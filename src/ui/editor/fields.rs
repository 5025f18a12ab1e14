//! Form controls bound to a field of the open application. Each renders its label, hint,
//! control (id `f-<path>`, so summaries can focus it) and the field's findings, and marks
//! the field touched when it is left.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::context::EditorCx;
use super::findings::FieldFindings;
use super::section::field_id;
use crate::model::Application;

/// A text value of the open application, and how to set it.
pub fn text(
    get: impl Fn(&Application) -> String + Send + Sync + 'static,
    set: impl Fn(&mut Application, String) + Send + Sync + 'static,
) -> (Memo<String>, Callback<String>) {
    // Boxed: one Memo and one Callback in the wasm for the form's many text fields.
    text_dyn(Box::new(get), Box::new(set))
}

type Getter<T> = Box<dyn Fn(&Application) -> T + Send + Sync>;
type Setter<T> = Box<dyn Fn(&mut Application, T) + Send + Sync>;

fn text_dyn(get: Getter<String>, set: Setter<String>) -> (Memo<String>, Callback<String>) {
    let ecx = EditorCx::get();
    let reader = ecx.clone();
    (Memo::new(move |_| reader.read(&get)), Callback::new(move |v: String| ecx.edit(|a| set(a, v))))
}

/// An example date in the round's window, for placeholders and messages.
pub fn date_example() -> String {
    crate::ui::state::Store::get().rule_set().example_date().to_string()
}

/// Reads a typed date: the one reader (`model::date_text`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    crate::model::date_text::read_date(s).ok()
}

/// Said when a typed date cannot be read: the one reader's message.
pub fn unreadable_date(s: &str) -> String {
    crate::model::date_text::read_date(s).err().unwrap_or_default()
}

/// What a date text stands for, written the one way the model shows it.
pub fn normalize_date(s: &str) -> String {
    parse_date(s).map(|d| d.to_string()).unwrap_or_default()
}

/// A date value (`None` while empty or not a date yet).
pub fn date(
    get: impl Fn(&Application) -> Option<NaiveDate> + Send + Sync + 'static,
    set: impl Fn(&mut Application, Option<NaiveDate>) + Send + Sync + 'static,
) -> (Memo<String>, Callback<String>) {
    text(move |a| get(a).map(|d| d.to_string()).unwrap_or_default(), move |a, v| set(a, parse_date(&v)))
}

fn describedby(path: &str, hint: bool) -> String {
    let id = field_id(path);
    if hint { format!("{id}-hint {id}-findings") } else { format!("{id}-findings") }
}

#[component]
fn Label(path: String, label: &'static str, hint: Option<String>) -> impl IntoView {
    let id = field_id(&path);
    view! {
        <label class="field__label" for=id.clone()>
            {label}
        </label>
        {hint
            .map(|h| {
                view! {
                    <p class="field__hint" id=format!("{id}-hint")>
                        {h}
                    </p>
                }
            })}
    }
}

/// A one-line text input (`kind`: text, email, tel, url, number). What is typed stays on
/// screen as typed; with `normalize` (dates), the model changes only to what the text
/// stands for, so half a date is never wiped while typing.
#[component]
pub fn TextInput(
    label: &'static str,
    #[prop(into)] path: String,
    value: Memo<String>,
    set: Callback<String>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] width: Option<&'static str>,
    #[prop(optional)] normalize: Option<fn(&str) -> String>,
    #[prop(optional, into)] placeholder: Option<String>,
) -> impl IntoView {
    let ecx = EditorCx::get();
    let p = path.clone();
    let draft = RwSignal::new(value.get_untracked());
    let canonical = move |s: &str| normalize.map_or_else(|| s.to_string(), |f| f(s));
    // The model changed elsewhere (another field, an import): show it.
    Effect::new(move |_| {
        let v = value.get();
        if draft.with_untracked(|d| canonical(d)) != v {
            draft.set(v);
        }
    });
    let unreadable = move || normalize.is_some() && draft.with(|d| !d.trim().is_empty() && canonical(d).is_empty());
    let on_input = move |ev| {
        let v = event_target_value(&ev);
        draft.set(v.clone());
        set.run(v);
    };
    let on_focusout = move |_| {
        ecx.touch(&p);
        // Show a date the one way it is stored, once it is one.
        let v = value.try_get_untracked().unwrap_or_default();
        if normalize.is_some() && !v.is_empty() {
            draft.try_set(v);
        }
    };
    view! {
        <div class="field" data-field=path.clone()>
            <Label path=path.clone() label hint=hint.clone() />
            <FieldFindings path=path.clone() />
            {move || {
                unreadable()
                    .then(|| {
                        view! {
                            <p class="finding finding--error" role="alert">
                                {draft.with(|d| unreadable_date(d))}
                            </p>
                        }
                    })
            }}
            <input
                class=format!("input input--{}", width.unwrap_or("full"))
                id=field_id(&path)
                type=kind
                placeholder=placeholder
                autocomplete=autocomplete.unwrap_or("off")
                aria-describedby=describedby(&path, hint.is_some())
                prop:value=move || draft.get()
                on:input=on_input
                on:focusout=on_focusout
            />
        </div>
    }
}

/// A multi-line text with a character count.
#[component]
pub fn TextArea(
    label: &'static str,
    #[prop(into)] path: String,
    value: Memo<String>,
    set: Callback<String>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(default = 6)] rows: u32,
) -> impl IntoView {
    let ecx = EditorCx::get();
    let p = path.clone();
    let count = move || value.with(|v| v.chars().filter(|c| !c.is_whitespace()).count());
    view! {
        <div class="field" data-field=path.clone()>
            <Label path=path.clone() label hint=hint.clone() />
            <FieldFindings path=path.clone() />
            <textarea
                class="textarea"
                id=field_id(&path)
                rows=rows
                aria-describedby=describedby(&path, hint.is_some())
                prop:value=move || value.get()
                on:input=move |ev| set.run(event_target_value(&ev))
                on:focusout=move |_| ecx.touch(&p)
            ></textarea>
            <p class="field__count" aria-live="off">
                {move || format!("已输入 {} 字", count())}
            </p>
        </div>
    }
}

/// Radio buttons in a fieldset; `options` are (value, label).
#[component]
pub fn RadioGroup(
    legend: &'static str,
    #[prop(into)] path: String,
    options: Vec<(String, String)>,
    value: Memo<String>,
    set: Callback<String>,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let ecx = EditorCx::get();
    let id = field_id(&path);
    let name = id.clone();
    let described = describedby(&path, hint.is_some());
    view! {
        <fieldset class="field fieldset" id=id.clone() tabindex="-1" data-field=path.clone() aria-describedby=described>
            <legend class="field__label">{legend}</legend>
            {hint
                .map(|h| {
                    view! {
                        <p class="field__hint" id=format!("{id}-hint")>
                            {h}
                        </p>
                    }
                })}
            <FieldFindings path=path.clone() />
            <div class="radios">
                {options
                    .into_iter()
                    .enumerate()
                    .map(|(i, (v, l))| {
                        let (ecx, p, name) = (ecx.clone(), path.clone(), name.clone());
                        let opt_id = format!("{name}-{i}");
                        let checked = v.clone();
                        view! {
                            <div class="radio">
                                <input
                                    type="radio"
                                    id=opt_id.clone()
                                    name=name
                                    value=v.clone()
                                    prop:checked=move || value.with(|x| *x == checked)
                                    on:change=move |_| set.run(v.clone())
                                    on:focusout=move |_| ecx.touch(&p)
                                />
                                <label for=opt_id>{l}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

/// One checkbox with its label.
#[component]
pub fn Checkbox(label: String, #[prop(into)] path: String, checked: Memo<bool>, set: Callback<bool>) -> impl IntoView {
    let id = field_id(&path);
    view! {
        <div class="checkbox" data-field=path.clone()>
            <input
                type="checkbox"
                id=id.clone()
                prop:checked=move || checked.get()
                on:change=move |ev| set.run(event_target_checked(&ev))
            />
            <label for=id>{label}</label>
        </div>
    }
}

/// A boolean of the open application, and how to set it.
pub fn flag(
    get: impl Fn(&Application) -> bool + Send + Sync + 'static,
    set: impl Fn(&mut Application, bool) + Send + Sync + 'static,
) -> (Memo<bool>, Callback<bool>) {
    flag_dyn(Box::new(get), Box::new(set))
}

fn flag_dyn(get: Getter<bool>, set: Setter<bool>) -> (Memo<bool>, Callback<bool>) {
    let ecx = EditorCx::get();
    let reader = ecx.clone();
    (Memo::new(move |_| reader.read(&get)), Callback::new(move |v: bool| ecx.edit(|a| set(a, v))))
}
