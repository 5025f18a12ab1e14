//! Ticking rows of a filtered list: 「全选显示的」, and a selection that never holds a row
//! the filters hide (what is exported or deleted is what the person sees ticked).

use std::collections::BTreeSet;

use leptos::prelude::*;

/// Drops from `selected` every id that `shown` no longer holds, whenever `shown` changes.
pub fn prune_to_shown(selected: RwSignal<BTreeSet<String>>, shown: Memo<Vec<String>>) {
    Effect::new(move |_| {
        shown.with(|ids| {
            // Inserted one by one: collecting into a set would bring the standard sort's code
            // into the first download.
            let mut keep = BTreeSet::new();
            for id in ids {
                keep.insert(id);
            }
            if selected.with_untracked(|s| s.iter().any(|id| !keep.contains(id))) {
                selected.update(|s| s.retain(|id| keep.contains(id)));
            }
        })
    });
}

/// The header checkbox: ticked when every shown row is, mixed when some are.
#[component]
pub fn SelectShown(selected: RwSignal<BTreeSet<String>>, shown: Memo<Vec<String>>) -> impl IntoView {
    let ticked = move || selected.with(|s| shown.with(|ids| ids.iter().filter(|id| s.contains(*id)).count()));
    let all = move || {
        let n = ticked();
        n > 0 && n == shown.with(Vec::len)
    };
    view! {
        <label class="select-shown">
            <input
                type="checkbox"
                data-action="select-shown"
                prop:checked=all
                prop:indeterminate=move || {
                    let n = ticked();
                    n > 0 && !all()
                }
                disabled=move || shown.with(Vec::is_empty)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    let mut all = BTreeSet::new();
                    if on {
                        shown
                            .with_untracked(|ids| {
                                ids.iter()
                                    .for_each(|id| {
                                        all.insert(id.clone());
                                    })
                            });
                    }
                    selected.set(all);
                }
            />
            "全选显示的"
        </label>
    }
}
