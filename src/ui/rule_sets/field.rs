//! One field of the rule-set form: a label, the problems at its path, and a text input or
//! text area whose text the core reads (`rule_set::form::FieldText`). A text that does
//! not read stays on screen with its problem; the draft changes only to what it reads.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::rule_set::form::{FieldText, belongs_to, id_problems};
use crate::rule_set::{Problem, RuleSet, field_label, validate};
use crate::ui::state::Store;

/// The form's state, shared with its sections.
#[derive(Clone, Copy)]
pub struct FormCx {
    pub draft: RwSignal<RuleSet>,
    /// Problems of texts that do not read, by the field's path.
    pub unread: RwSignal<BTreeMap<String, Vec<Problem>>>,
    /// Every problem: the texts', the id's, then `validate`'s (except at fields whose
    /// text does not read: their problem is the text's).
    pub problems: Memo<Vec<Problem>>,
    pub read_only: bool,
}

impl FormCx {
    pub fn new(draft: RuleSet, editing: Option<String>, read_only: bool) -> FormCx {
        let store = Store::get();
        let draft = RwSignal::new(draft);
        let unread = RwSignal::new(BTreeMap::<String, Vec<Problem>>::new());
        let problems = Memo::new(move |_| {
            let mut out: Vec<Problem> = unread.with(|u| u.values().flatten().cloned().collect());
            draft.with(|d| {
                store.ws.with(|w| {
                    let taken: Vec<&str> = w.rule_sets.iter().map(|r| r.id.as_str()).collect();
                    out.extend(id_problems(d, editing.as_deref(), &taken));
                });
                let hidden = |p: &Problem| unread.with(|u| u.keys().any(|f| belongs_to(&p.path, f)));
                out.extend(validate(d).into_iter().filter(|p| !hidden(p)));
            });
            out
        });
        FormCx { draft, unread, problems, read_only }
    }

    pub fn get() -> FormCx {
        expect_context::<FormCx>()
    }

    /// Forgets the unread texts of fields under `prefix` (their fields are gone).
    pub fn forget(&self, prefix: &str) {
        self.unread.update(|u| u.retain(|k, _| !k.starts_with(prefix)));
    }
}

/// The control's kind.
#[derive(Clone, Copy, PartialEq)]
pub enum Kind {
    Text,
    /// `inputmode="numeric"`.
    Number,
    /// 2026-03-31; other ways of writing it (2026/3/31) are read as the editor reads them.
    Date,
    /// A text area of so many rows, one value a line.
    Lines(u32),
}

type Show = Arc<dyn Fn(&RuleSet) -> String + Send + Sync>;
type Apply = Arc<dyn Fn(&mut RuleSet, &str) -> Result<(), Vec<Problem>> + Send + Sync>;

/// A field about to be shown.
pub struct Field {
    path: String,
    label: String,
    hint: Option<String>,
    kind: Kind,
    show: Show,
    apply: Apply,
}

/// A field of the draft at `path`, read and written through `get`/`set`; its label is
/// the one the import preview uses for the path.
pub fn field<T: FieldText + 'static>(
    path: impl Into<String>,
    (get, set): (impl Fn(&RuleSet) -> T + Send + Sync + 'static, impl Fn(&mut RuleSet, T) + Send + Sync + 'static),
) -> Field {
    let path = path.into();
    let label = FormCx::get().draft.with_untracked(|d| field_label(d, &path));
    let p = path.clone();
    Field {
        label,
        hint: None,
        kind: Kind::Text,
        show: Arc::new(move |rs| get(rs).to_text()),
        apply: Arc::new(move |rs, text| T::from_text(&p, text).map(|v| set(rs, v))),
        path,
    }
}

/// `(get, set)` for a place of the draft: `at!(r => r.notice.title)`.
macro_rules! at {
    ($r:ident => $($place:tt)+) => {
        (
            move |$r: &$crate::rule_set::RuleSet| $crate::ui::rule_sets::field::own(&$($place)+),
            move |$r: &mut $crate::rule_set::RuleSet, v| $($place)+ = v,
        )
    };
}
pub(crate) use at;

/// A copy of a field's value (a function, so `Copy` values need no `.clone()`).
pub fn own<T: Clone>(v: &T) -> T {
    v.clone()
}

impl Field {
    pub fn label(mut self, label: impl Into<String>) -> Field {
        self.label = label.into();
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Field {
        self.hint = Some(hint.into());
        self
    }

    pub fn kind(mut self, kind: Kind) -> Field {
        self.kind = kind;
        self
    }

    pub fn number(self) -> Field {
        self.kind(Kind::Number)
    }

    pub fn date(self) -> Field {
        self.kind(Kind::Date).hint("格式：YYYY-MM-DD")
    }

    pub fn view(self) -> AnyView {
        field_view(FormCx::get(), self)
    }
}

impl IntoRender for Field {
    type Output = AnyView;
    fn into_render(self) -> AnyView {
        self.view()
    }
}

/// The element id of the field at `path`.
pub fn field_id(path: &str) -> String {
    format!("rs-{path}")
}

fn field_view(cx: FormCx, f: Field) -> AnyView {
    let Field { path, label, hint, kind, show, apply } = f;
    let id = field_id(&path);
    let text = RwSignal::new(cx.draft.with_untracked(|d| show(d)));
    let on_input = {
        let path = path.clone();
        move |raw: String| {
            text.set(raw.clone());
            let typed = match kind {
                Kind::Date => Some(crate::ui::editor::normalize_date(&raw)).filter(|d| !d.is_empty()).unwrap_or(raw),
                _ => raw,
            };
            let mut result = Ok(());
            cx.draft.maybe_update(|d| {
                result = apply(d, &typed);
                result.is_ok()
            });
            match result {
                Ok(()) => {
                    if cx.unread.with_untracked(|u| u.contains_key(&path)) {
                        cx.unread.update(|u| {
                            u.remove(&path);
                        });
                    }
                }
                Err(problems) => cx.unread.update(|u| {
                    u.insert(path.clone(), problems);
                }),
            }
        }
    };
    // Once left, a text that reads is shown the one way it is kept (2026/3/31 → 2026-03-31).
    let on_leave = {
        let path = path.clone();
        move || {
            if !cx.unread.with_untracked(|u| u.contains_key(&path)) {
                text.set(cx.draft.with_untracked(|d| show(d)));
            }
        }
    };
    let describedby = match &hint {
        Some(_) => format!("{id}-hint {id}-problems"),
        None => format!("{id}-problems"),
    };
    let invalid = {
        let path = path.clone();
        Memo::new(move |_| cx.problems.with(|ps| ps.iter().any(|p| belongs_to(&p.path, &path))))
    };
    let control = match kind {
        Kind::Lines(rows) => view! {
            <textarea
                class="textarea"
                id=id.clone()
                rows=rows
                readonly=cx.read_only
                aria-describedby=describedby
                aria-invalid=move || invalid.get().then_some("true")
                prop:value=move || text.get()
                on:input=move |ev| on_input(event_target_value(&ev))
                on:focusout=move |_| on_leave()
            ></textarea>
        }
        .into_any(),
        _ => view! {
            <input
                class=if kind == Kind::Text { "input" } else { "input input--medium" }
                id=id.clone()
                type="text"
                inputmode=(kind == Kind::Number).then_some("numeric")
                placeholder=(kind == Kind::Date).then_some("YYYY-MM-DD")
                autocomplete="off"
                readonly=cx.read_only
                aria-describedby=describedby
                aria-invalid=move || invalid.get().then_some("true")
                prop:value=move || text.get()
                on:input=move |ev| on_input(event_target_value(&ev))
                on:focusout=move |_| on_leave()
            />
        }
        .into_any(),
    };
    let data_field = path.clone();
    view! {
        <div class="field" data-field=data_field>
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
            <FieldProblems path />
            {control}
        </div>
    }
    .into_any()
}

/// The problems at a field (and its items), as the editor shows findings.
#[component]
pub fn FieldProblems(path: String) -> impl IntoView {
    let cx = FormCx::get();
    let id = format!("{}-problems", field_id(&path));
    let shown = Memo::new(move |_| {
        cx.problems.with(|ps| ps.iter().filter(|p| belongs_to(&p.path, &path)).cloned().collect::<Vec<_>>())
    });
    view! {
        <div class="field__findings" id=id aria-live="polite">
            {move || shown.get().into_iter().map(|p| view! { <ProblemLine problem=p /> }).collect_view()}
        </div>
    }
}

/// One problem, in the look of an error finding.
#[component]
pub fn ProblemLine(problem: Problem) -> impl IntoView {
    view! {
        <p class="finding finding--error" data-path=problem.path.clone()>
            <span class="finding__severity">"错误"</span>
            <span class="finding__message">{problem.message}</span>
        </p>
    }
}
