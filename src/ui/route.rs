//! Hash routing (`#/apply/<id>/members`): survives a reload on any static host and under
//! any sub-path, with no server-side fallback to configure.

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Workspace,
    Editor,
    Unit,
    Execution,
    Rules,
    Data,
    /// 成员信息卡, for partners: linked from the workspace, not in the navigation.
    Card,
    /// 规则集: linked from 规则说明 and 数据与设置, not in the navigation.
    RuleSets,
}

impl Route {
    pub const ALL: [Route; 6] =
        [Route::Workspace, Route::Editor, Route::Unit, Route::Execution, Route::Rules, Route::Data];

    /// `""`, `"#"`, `"#/"` → 工作台; an unknown hash → 工作台 too (never a blank page).
    pub fn from_hash(hash: &str) -> Route {
        let first = segments(hash).next().unwrap_or("");
        Route::ALL
            .into_iter()
            .chain([Route::Card, Route::RuleSets])
            .find(|r| r.slug() == first)
            .unwrap_or(Route::Workspace)
    }

    pub fn slug(self) -> &'static str {
        match self {
            Route::Workspace => "",
            Route::Editor => "apply",
            Route::Unit => "unit",
            Route::Execution => "execution",
            Route::Rules => "rules",
            Route::Data => "data",
            Route::Card => "card",
            Route::RuleSets => "rule-sets",
        }
    }

    pub fn href(self) -> String {
        format!("#/{}", self.slug())
    }

    pub fn label(self) -> &'static str {
        match self {
            Route::Workspace => "工作台",
            Route::Editor => "申请表",
            Route::Unit => "单位汇总",
            Route::Execution => "执行与核销",
            Route::Rules => "规则说明",
            Route::Data => "数据与设置",
            Route::Card => "成员信息卡",
            Route::RuleSets => "规则集",
        }
    }
}

/// The path segments of a hash: `#/apply/abc/members` → apply, abc, members.
pub fn segments(hash: &str) -> impl Iterator<Item = &str> {
    let path = hash.trim_start_matches('#').split('?').next().unwrap_or("");
    path.split('/').filter(|s| !s.is_empty())
}

/// The current `location.hash`, following `hashchange`; shared through context.
#[derive(Clone, Copy)]
pub struct Hash(pub ReadSignal<String>);

pub fn use_hash() -> ReadSignal<String> {
    let current = || window().location().hash().unwrap_or_default();
    let (hash, set_hash) = signal(current());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| set_hash.set(current()));
    on_cleanup(move || handle.remove());
    hash
}

/// Goes to a hash route (as a link would).
pub fn navigate(href: &str) {
    let _ = window().location().set_hash(href.trim_start_matches('#'));
}
