//! Long lists a page at a time: an academy's 3,000 groups are 12,000 form controls, so a
//! list shows [`PAGE_SIZE`] rows and 「上一页」/「下一页」/「第 N 页」 move through the rest
//! (the search box finds any row). Which rows show is said politely 「第 101–200 项，共
//! 3000 项」, and the table's `aria-rowcount`/`aria-rowindex` give each row its place in
//! the whole list. Printing and exports read the data, never the page: they take every row.

use std::ops::Range;

use leptos::prelude::*;

use crate::list_query::{page_count, page_range};

/// Rows on one page of the long lists.
pub const PAGE_SIZE: usize = 100;

/// The page a list shows (0-based) and how many rows a page has; kept in range of the
/// rows the list has.
#[derive(Clone, Copy)]
pub struct Paging {
    pub page: RwSignal<usize>,
    pub size: usize,
}

impl Default for Paging {
    fn default() -> Self {
        Paging::new(PAGE_SIZE)
    }
}

impl Paging {
    pub fn new(size: usize) -> Paging {
        Paging { page: RwSignal::new(0), size }
    }

    /// The rows the current page shows of `total` (tracked).
    pub fn range(self, total: usize) -> Range<usize> {
        page_range(self.page.get(), total, self.size)
    }

    /// How many pages `total` rows make.
    pub fn count(self, total: usize) -> usize {
        page_count(total, self.size)
    }

    /// The current page, kept in range of `total` rows (tracked).
    pub fn current(self, total: usize) -> usize {
        self.page.get().min(self.count(total) - 1)
    }

    /// Shows the page that holds row `index`.
    pub fn show_row(self, index: usize) {
        self.page.set(index / self.size);
    }

    /// Back to the first page (the search or the rows changed).
    pub fn reset(self) {
        self.page.set(0);
    }
}

/// 「第 101–200 项，共 3000 项」 and the page buttons, for a list of `total` rows; `label`
/// names the navigation for screen readers. `when_paged`: says nothing while every row
/// fits on one page (a list with a count of its own).
#[component]
pub fn PageNav(
    paging: Paging,
    #[prop(into)] total: Signal<usize>,
    label: &'static str,
    #[prop(optional)] when_paged: bool,
) -> impl IntoView {
    let count = move || paging.count(total.get());
    let current = move || paging.current(total.get());
    let said = move || {
        let n = total.get();
        let r = paging.range(n);
        if when_paged && count() == 1 {
            String::new()
        } else if n == 0 {
            "没有符合条件的项".to_string()
        } else {
            format!("第 {}–{} 项，共 {n} 项", r.start + 1, r.end)
        }
    };
    let go = move |page: usize| paging.page.set(page.min(count() - 1));
    let on_pick = move |ev| go(event_target_value(&ev).parse::<usize>().unwrap_or(1).saturating_sub(1));
    let options = move || {
        (0..count())
            .map(|p| {
                let r = page_range(p, total.get(), paging.size);
                let text = format!("第 {} 页（{}–{}）", p + 1, r.start + 1, r.end.max(r.start + 1));
                view! { <option value=(p + 1).to_string()>{text}</option> }
            })
            .collect_view()
    };
    view! {
        <nav class="pager" aria-label=label data-pager>
            <p class="list-count" role="status" aria-live="polite" data-page-said>
                {said}
            </p>
            {move || {
                (count() > 1)
                    .then(|| {
                        view! {
                            <div class="actions">
                                <button
                                    type="button"
                                    class="button button--small button--secondary"
                                    data-action="page-previous"
                                    disabled={move || current() == 0}
                                    on:click=move |_| go(current().saturating_sub(1))
                                >
                                    "上一页"
                                </button>
                                <select
                                    class="input"
                                    aria-label="转到页"
                                    data-action="page-pick"
                                    prop:value=move || (current() + 1).to_string()
                                    on:change=on_pick
                                >
                                    {options}
                                </select>
                                <button
                                    type="button"
                                    class="button button--small button--secondary"
                                    data-action="page-next"
                                    disabled={move || current() + 1 >= count()}
                                    on:click=move |_| go(current() + 1)
                                >
                                    "下一页"
                                </button>
                            </div>
                        }
                    })
            }}
        </nav>
    }
}
