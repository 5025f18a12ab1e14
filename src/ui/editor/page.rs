//! The frame of a section page: heading, error summary, the form, and the way on.

use leptos::prelude::*;

use super::context::EditorCx;
use super::findings::FindingSummary;
use super::section::{Page, Section, href};
use crate::ui::state::Store;

#[component]
pub fn SectionPage(section: Section, children: Children) -> impl IntoView {
    let ecx = EditorCx::get();
    let store = Store::get();
    let id = ecx.id.clone();
    let next = Section::ALL.iter().position(|s| *s == section).and_then(|i| Section::ALL.get(i + 1)).copied();
    let next_href = href(&id, next.map(Page::Section).unwrap_or(Page::Check));
    let next_label = next.map(|s| format!("下一部分：{}", s.label()));
    let next_label = next_label.unwrap_or_else(|| "核对全部内容".into());
    let done_id = id.clone();
    let done = Memo::new(move |_| store.is_done(&done_id, section.slug()));
    view! {
        <section class="section" data-section=section.slug() aria-labelledby="section-title">
            <h2 id="section-title" class="section__title">
                {section.label()}
            </h2>
            <FindingSummary section=Some(section) />
            <form class="form" on:submit=|ev| ev.prevent_default() novalidate>
                {children()}
            </form>
            <div class="section__footer">
                <div class="checkbox">
                    <input
                        type="checkbox"
                        id="section-done"
                        prop:checked=move || done.get()
                        on:change=move |ev| store.set_section_done(&id, section.slug(), event_target_checked(&ev))
                    />
                    <label for="section-done">
                        "本部分已填写完成（显示本部分的全部检查结果）"
                    </label>
                </div>
                <a class="button" href=next_href>
                    {next_label}
                </a>
            </div>
        </section>
    }
}
