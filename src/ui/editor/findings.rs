//! Findings as the user sees them: under their field, and in a summary that links there.

use leptos::prelude::*;

use std::time::Duration;

use super::context::EditorCx;
use super::section::{Page, Section, field_id, href};
use crate::rules::Finding;
use crate::ui::focus_by_id;
use crate::ui::route::navigate;

/// Focuses a field, first going to its section's page when it is on another.
pub fn go_to_field(app_id: &str, path: &str) {
    let target = field_id(path);
    if focus_by_id(&target) {
        return;
    }
    if let Some(section) = Section::of_path(path) {
        navigate(&href(app_id, Page::Section(section)));
        set_timeout(
            move || {
                focus_by_id(&target);
            },
            Duration::from_millis(60),
        );
    }
}

/// One finding, with the rule and path as attributes for tests and styling.
#[component]
pub fn FindingLine(finding: Finding) -> impl IntoView {
    view! {
        <p
            class=format!("finding finding--{}", finding.severity.css())
            data-rule=finding.rule
            data-path=finding.path.clone()
        >
            <span class="finding__severity">{finding.severity.label()}</span>
            <span class="finding__message">{finding.message.clone()}</span>
            <span class="finding__clause">{format!("依据通知{}", finding.clause)}</span>
        </p>
    }
}

/// The shown findings of one field.
#[component]
pub fn FieldFindings(#[prop(into)] path: String) -> impl IntoView {
    let ecx = EditorCx::get();
    let id = format!("{}-findings", field_id(&path));
    let shown = move || {
        ecx.findings.with(|fs| fs.iter().filter(|f| f.path == path && ecx.visible(f)).cloned().collect::<Vec<_>>())
    };
    view! {
        <div class="field__findings" id=id aria-live="polite">
            {move || shown().into_iter().map(|f| view! { <FindingLine finding=f /> }).collect_view()}
        </div>
    }
}

/// The error summary at the top of a page: every shown finding, each a link that moves
/// focus to its field.
#[component]
pub fn FindingSummary(
    /// The section whose findings to list; `None`: every finding.
    section: Option<Section>,
    /// Show them all, not only those of fields already left (核对 page).
    #[prop(optional)]
    all: bool,
) -> impl IntoView {
    let ecx = EditorCx::get();
    let shown = Memo::new({
        let ecx = ecx.clone();
        move |_| {
            ecx.findings.with(|fs| {
                fs.iter()
                    .filter(|f| section.is_none_or(|s| s.owns(f)) && (all || ecx.visible(f)))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        }
    });
    let heading = move || {
        shown.with(|fs| {
            let errors = fs.iter().filter(|f| f.severity == crate::rules::Severity::Error).count();
            if errors > 0 {
                format!("有 {errors} 个问题需要修改")
            } else {
                format!("有 {} 条提醒", fs.len())
            }
        })
    };
    let app_id = StoredValue::new(ecx.id.clone());
    // Keyed, so a link under the pointer survives other findings coming and going.
    view! {
        <Show when=move || shown.with(|fs| !fs.is_empty())>
            <div class="finding-summary" role="alert" aria-labelledby="finding-summary-title" tabindex="-1">
                <h2 id="finding-summary-title">{heading}</h2>
                <ul>
                    <For each=move || shown.get() key=|f| (f.rule, f.path.clone(), f.message.clone()) let:f>
                        {
                            let (app, path) = (app_id.get_value(), f.path.clone());
                            let (app2, path2) = (app.clone(), path.clone());
                            view! {
                                <li data-rule=f.rule data-path=f.path.clone()>
                                    // Acting on mousedown keeps focus where it is until the jump,
                                    // so leaving a field can't reshuffle the list under the pointer.
                                    <a
                                        href="#"
                                        on:mousedown=move |ev| {
                                            if ev.button() == 0 {
                                                ev.prevent_default();
                                                go_to_field(&app2, &path2);
                                            }
                                        }
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            go_to_field(&app, &path);
                                        }
                                    >
                                        {f.message.clone()}
                                    </a>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </div>
        </Show>
    }
}
