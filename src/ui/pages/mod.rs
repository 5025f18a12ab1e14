//! One component per page of the navigation.

mod clear;
mod data;
mod offline;
mod rules;
mod workspace;

pub use data::Data;
pub use rules::Rules;
pub use workspace::{DraftList, Workspace, count_problems};

use leptos::prelude::*;

/// The heading every page starts with; focusable so navigation can move focus to it.
#[component]
pub fn PageTitle(children: Children) -> impl IntoView {
    view! {
        <h1 class="page-title" tabindex="-1">
            {children()}
        </h1>
    }
}

/// What a page will hold, while it holds nothing yet.
#[component]
pub fn EmptyState(children: Children) -> impl IntoView {
    view! {
        <div class="empty-state" role="status">
            {children()}
        </div>
    }
}
