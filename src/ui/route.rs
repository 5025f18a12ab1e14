//! Hash routing (`#/rules`): survives a reload on any static host and under any sub-path,
//! with no server-side fallback to configure.

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Workspace,
    Editor,
    Unit,
    Execution,
    Rules,
    Data,
}

impl Route {
    pub const ALL: [Route; 6] =
        [Route::Workspace, Route::Editor, Route::Unit, Route::Execution, Route::Rules, Route::Data];

    /// `""`, `"#"`, `"#/"` → 工作台; an unknown hash → 工作台 too (never a blank page).
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let first = path.split(['/', '?']).next().unwrap_or("");
        Route::ALL.into_iter().find(|r| r.slug() == first).unwrap_or(Route::Workspace)
    }

    pub fn slug(self) -> &'static str {
        match self {
            Route::Workspace => "",
            Route::Editor => "apply",
            Route::Unit => "unit",
            Route::Execution => "execution",
            Route::Rules => "rules",
            Route::Data => "data",
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
        }
    }
}

/// The current route, following `hashchange`.
pub fn use_route() -> ReadSignal<Route> {
    let current = || Route::from_hash(&window().location().hash().unwrap_or_default());
    let (route, set_route) = signal(current());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| set_route.set(current()));
    on_cleanup(move || handle.remove());
    route
}
