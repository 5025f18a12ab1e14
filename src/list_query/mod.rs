//! Finding applications in a long list (工作台, 单位汇总): a text search, filters by
//! category, status and findings, a sort by any column, and the query's place in the URL
//! (`#/?q=张&cat=youth&sort=title`) so that a reload keeps it. The pages build one
//! [`ListItem`] per application and render the indices [`ListQuery::shown`] returns.

mod item;
mod pages;
mod url;

#[cfg(test)]
mod tests;

pub use item::{Checked, ListItem, Status};
pub use pages::{page_count, page_range};

use crate::model::Category;

/// The two findings filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingFilter {
    /// At least one error.
    HasErrors,
    /// Checked, and no error or warning.
    Complete,
}

/// A column to sort by. `Position` is the list's own order (the workspace's, or the rank).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Position,
    Title,
    Category,
    Persons,
    Unit,
    Status,
    Errors,
    Saved,
}

/// What a list shows: every part is optional, and the default shows everything in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListQuery {
    /// Words that must all occur in the title, a member's name or unit, or a host's name.
    pub text: String,
    pub category: Option<Category>,
    pub status: Option<Status>,
    pub findings: Option<FindingFilter>,
    pub sort: SortKey,
    pub descending: bool,
}

impl ListQuery {
    /// Whether anything narrows or reorders the list.
    pub fn is_default(&self) -> bool {
        *self == ListQuery::default()
    }

    /// Whether the list is narrowed (not just sorted).
    pub fn filters(&self) -> bool {
        !self.text.trim().is_empty() || self.category.is_some() || self.status.is_some() || self.findings.is_some()
    }

    /// Whether `item` passes the search and every filter.
    pub fn matches(&self, item: &ListItem) -> bool {
        self.matcher()(item)
    }

    /// [`ListQuery::matches`] for many items: the search text is lower-cased once, not per item.
    pub fn matcher(&self) -> impl Fn(&ListItem) -> bool + '_ {
        let text = self.text.to_ascii_lowercase();
        move |item| {
            text.split_whitespace().all(|word| item.haystack.contains(word))
                && self.category.is_none_or(|c| item.category == Some(c))
                && self.status.is_none_or(|s| item.status == s)
                && self.findings.is_none_or(|f| match (f, item.checked) {
                    (FindingFilter::HasErrors, Some(c)) => c.errors > 0,
                    (FindingFilter::Complete, Some(c)) => c.problems == 0 && item.status == Status::Done,
                    (_, None) => false,
                })
        }
    }

    /// The indices into `items` that pass, in the chosen order; equal keys keep the list's
    /// own order, whichever the direction.
    pub fn shown(&self, items: &[ListItem]) -> Vec<usize> {
        self.sorted(items, self.matcher())
    }

    /// Every index into `items` in the chosen order, the filters aside: a page keeps these
    /// rows and hides the ones [`ListQuery::matches`] rejects, so that typing in the search
    /// box builds no row.
    pub fn order(&self, items: &[ListItem]) -> Vec<usize> {
        self.sorted(items, |_| true)
    }

    fn sorted(&self, items: &[ListItem], keep: impl Fn(&ListItem) -> bool) -> Vec<usize> {
        let before = |a: &ListItem, b: &ListItem| {
            let order = item::compare(self.sort, a, b);
            let order = if self.descending { order.reverse() } else { order };
            order.then(a.position.cmp(&b.position)).is_lt()
        };
        // Binary insertion, not `sort_by`: a few hundred rows are microseconds either way,
        // and the standard sort's code would weigh ~10 KB more to download.
        let mut sorted: Vec<usize> = Vec::new();
        for (i, item) in items.iter().enumerate().filter(|(_, item)| keep(item)) {
            let at = sorted.partition_point(|&s| before(&items[s], item));
            sorted.insert(at, i);
        }
        sorted
    }
}
