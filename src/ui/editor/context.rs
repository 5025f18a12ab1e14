//! What every part of an open form shares: which application it edits (a draft of the
//! workspace, or a partner's member card standing in as one), its findings, the fields
//! the user has left.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::section::Section;
use crate::model::Application;
use crate::rules::{Cx, Finding, check_application, check_workspace_rules};
use crate::ui::card::{CardDraft, Tools};
use crate::ui::clock;
use crate::ui::state::Store;

/// Where the form's application lives.
#[derive(Clone, Copy)]
pub enum Source {
    /// `Store::ws`, by the context's id.
    Workspace,
    /// The partner's member card, edited as the only member of a stand-in application.
    Card(RwSignal<CardDraft>),
}

#[derive(Clone)]
pub struct EditorCx {
    pub id: String,
    pub source: Source,
    /// The application's findings, recomputed by the core on every change.
    pub findings: Memo<Vec<Finding>>,
    /// Fields the user has left at least once: their findings are shown.
    pub touched: RwSignal<BTreeSet<String>>,
}

impl EditorCx {
    pub fn new(id: String) -> EditorCx {
        let store = Store::get();
        let today = clock::today();
        let app_id = id.clone();
        let findings = Memo::new(move |_| {
            let _span = crate::ui::perf::Span::new("peixun-findings");
            store.ws.with(|w| {
                let mut cx = Cx::new(store.rule_set(), w, today);
                let Some(app) = w.get(&app_id) else { return Vec::new() };
                let mut out = check_application(&cx, app);
                // Cross-application rules (the same person twice…) that concern this one;
                // focused, so a keystroke does not check the other applications' people.
                cx.focus = Some(&app_id);
                out.extend(check_workspace_rules(&cx, w));
                out
            })
        });
        EditorCx { id, source: Source::Workspace, findings, touched: RwSignal::new(BTreeSet::new()) }
    }

    /// The card's findings once its tools (the rules' code, a chunk) are here; none before.
    pub fn for_card(card: RwSignal<CardDraft>, tools: Tools) -> EditorCx {
        let rs = Store::get().rule_set();
        let today = clock::today();
        let findings = Memo::new(move |_| match tools.get() {
            Some(Ok(t)) => card.with(|c| (t.check)(rs, &c.member, c.category, today)),
            _ => Vec::new(),
        });
        EditorCx {
            id: crate::bundle::MEMBER_CARD_ID.into(),
            source: Source::Card(card),
            findings,
            touched: RwSignal::new(BTreeSet::new()),
        }
    }

    pub fn get() -> EditorCx {
        expect_context::<EditorCx>()
    }

    pub fn touch(&self, path: &str) {
        // The return date follows from these two, so leaving either shows its findings too.
        let derived = matches!(path, "exit_date" | "duration_days").then_some("return_date");
        // `try_`: a focused field removed with its page fires focusout after the page's
        // signals are gone.
        let new: Vec<&str> = [Some(path), derived]
            .into_iter()
            .flatten()
            .filter(|p| self.touched.try_with_untracked(|t| !t.contains(*p)).unwrap_or(false))
            .collect();
        if !new.is_empty() {
            self.touched.try_update(|t| t.extend(new.into_iter().map(str::to_string)));
        }
    }

    /// Whether a finding is shown yet: its field was left, or its section marked done.
    pub fn visible(&self, f: &Finding) -> bool {
        let store = Store::get();
        self.touched.with(|t| t.contains(&f.path))
            || Section::of_path(&f.path).is_some_and(|s| store.is_done(&self.id, s.slug()))
    }

    /// Reads a value of the open application.
    // `read` and `edit` have many callers: each is a thin generic shim over one `dyn`
    // body, so that the body is not copied into the wasm once per call site.
    pub fn read<T: Default>(&self, f: impl FnOnce(&Application) -> T) -> T {
        let (mut f, mut out) = (Some(f), None);
        self.read_dyn(&mut |a| out = f.take().map(|f| f(a)));
        out.unwrap_or_default()
    }

    fn read_dyn(&self, f: &mut dyn FnMut(&Application)) {
        match self.source {
            Source::Workspace => Store::get().ws.with(|w| w.get(&self.id).map_or((), f)),
            Source::Card(card) => card.with(|c| f(&c.as_application())),
        }
    }

    pub fn edit(&self, f: impl FnOnce(&mut Application)) {
        let mut f = Some(f);
        self.edit_dyn(&mut |a| f.take().map_or((), |f| f(a)));
    }

    /// Removes member `member_id`: a draft's through the store, so that 「撤销」 can bring
    /// it back; the member card's at once (it has no other member).
    pub fn remove_member(&self, member_id: &str) {
        match self.source {
            Source::Workspace => Store::get().remove_member(&self.id, member_id),
            Source::Card(_) => self.edit(|a| a.members.retain(|m| m.id != member_id)),
        }
    }

    /// Removes host `index`, through the store's trash for a draft.
    pub fn remove_host(&self, index: usize) {
        match self.source {
            Source::Workspace => Store::get().remove_host(&self.id, index),
            Source::Card(_) => self.edit(|a| {
                if index < a.hosts.len() {
                    a.hosts.remove(index);
                }
            }),
        }
    }

    fn edit_dyn(&self, f: &mut dyn FnMut(&mut Application)) {
        match self.source {
            Source::Workspace => Store::get().edit_dyn(&self.id, f),
            Source::Card(card) => card.update(|c| {
                let mut app = c.as_application();
                f(&mut app);
                c.take_back(app);
            }),
        }
    }
}
