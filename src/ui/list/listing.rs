//! A page's long list: its rows, the query in the URL, the order and what the filters show,
//! the page of it on screen, and the ticked rows. 工作台 and 单位汇总's ranking each hold one.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::{Paging, prune_to_shown, use_query};
use crate::list_query::{Checked, ListItem, ListQuery};
use crate::model::Application;
use crate::ui::editor::{Section, started};
use crate::ui::state::Store;

#[derive(Clone, Copy)]
pub struct Listing {
    pub rows: Memo<Vec<ListItem>>,
    pub query: RwSignal<ListQuery>,
    /// The rows the filters show (by index into `rows`), in the order shown.
    pub shown: Memo<Vec<usize>>,
    /// The ids of the rows shown, in the order shown.
    pub shown_ids: Memo<Vec<String>>,
    pub selected: RwSignal<BTreeSet<String>>,
    /// The page of the shown rows on screen: a new query starts at its first page.
    pub paging: Paging,
}

impl Listing {
    pub fn new(rows: Memo<Vec<ListItem>>) -> Listing {
        let query = use_query();
        // Every row in the query's order (it changes with the sort, not with what is typed),
        // and whether the filters show each row.
        let sorting = Memo::new(move |_| query.with(|q| (q.sort, q.descending)));
        let order = Memo::new(move |_| {
            let (sort, descending) = sorting.get();
            rows.with(|r| ListQuery { sort, descending, ..Default::default() }.order(r))
        });
        let visible =
            Memo::new(move |_| rows.with(|r| query.with(|q| r.iter().map(q.matcher()).collect::<Vec<bool>>())));
        // The order with the hidden rows left out: `ListQuery::shown`, without filtering twice.
        let shown = Memo::new(move |_| {
            visible.with(|v| order.with(|o| o.iter().copied().filter(|&i| v[i]).collect::<Vec<_>>()))
        });
        let shown_ids = Memo::new(move |_| {
            rows.with(|r| shown.with(|s| s.iter().map(|&i| r[i].id.clone()).collect::<Vec<String>>()))
        });
        let selected = RwSignal::new(BTreeSet::new());
        prune_to_shown(selected, shown_ids);
        let paging = Paging::default();
        Effect::new(move |was: Option<()>| {
            query.track();
            if was.is_some() {
                paging.reset();
            }
        });
        Listing { rows, query, shown, shown_ids, selected, paging }
    }

    /// The rows on the page on screen (tracked): each as its place among the rows shown
    /// (for `aria-rowindex`) and its index into `rows`.
    pub fn page_rows(&self) -> Vec<(usize, usize)> {
        let paging = self.paging;
        self.shown.with(|s| {
            let range = paging.range(s.len());
            range.clone().zip(s[range].iter().copied()).collect()
        })
    }

    /// The place among the rows shown (tracked) of the row at `index` into `rows`, for a row
    /// kept on the page while the filters change around it.
    pub fn place(&self, index: usize) -> usize {
        self.shown.with(|s| s.iter().position(|&i| i == index).unwrap_or_default())
    }

    /// Shows the page that holds the row of `id`, if the filters show it.
    pub fn show_id(&self, id: &str) {
        if let Some(at) = self.shown_ids.with_untracked(|ids| ids.iter().position(|x| x == id)) {
            self.paging.show_row(at);
        }
    }

    /// Ticks the row of `id` (`on`) or unticks it.
    pub fn tick(&self, id: String, on: bool) {
        self.selected.update(|s| {
            if on {
                s.insert(id);
            } else {
                s.remove(&id);
            }
        });
    }

    /// The ticked ids in the order shown, whatever order they were ticked in.
    pub fn selected_ids(&self) -> Vec<String> {
        self.selected.with_untracked(|s| {
            self.shown_ids.with_untracked(|ids| ids.iter().filter(|id| s.contains(*id)).cloned().collect())
        })
    }

    pub fn none_selected(&self) -> bool {
        self.selected.with(BTreeSet::is_empty)
    }

    pub fn shown_count(&self) -> Signal<usize> {
        let ids = self.shown_ids;
        Signal::derive(move || ids.with(Vec::len))
    }

    pub fn total(&self) -> Signal<usize> {
        let rows = self.rows;
        Signal::derive(move || rows.with(Vec::len))
    }
}

/// The row of `a` at `position` with its status: begun, every section marked done, and
/// what the rules found (`None` while they are not there; `unavailable`: they could not be
/// fetched).
pub fn list_item(
    store: Store,
    a: &Application,
    position: usize,
    checked: Option<Checked>,
    unavailable: bool,
) -> ListItem {
    let begun = Section::ALL.iter().any(|s| started(*s, a));
    let done = Section::ALL.iter().all(|s| store.is_done(&a.id, s.slug()));
    let mut row = ListItem::new(a, position, begun);
    row.check(begun, done, checked, unavailable);
    row
}
