//! 成员信息卡: a member at a partner unit fills only their own card and exports it as a
//! `member` bundle for the group leader. The card lives under its own storage key and the
//! page shows nothing of the drafts in this browser. `#/card`.

use chrono::{DateTime, FixedOffset, NaiveDate};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::bundle::{Kind, MEMBER_CARD_ID, file_name};
use crate::model::{Application, Category, Member};
use crate::rule_set::RuleSet;
use crate::rules::{Finding, Severity};
use crate::ui::clock::{hms, new_id, now, today};
use crate::ui::download::download;
use crate::ui::editor::{CardForm, EditorCx};
use crate::ui::lazy::{self, Unavailable};
use crate::ui::pages::PageTitle;
use crate::ui::state::Store;

/// The card and the category the member applies under (for the age limit).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CardDraft {
    pub member: Member,
    pub category: Option<Category>,
}

impl CardDraft {
    /// The card as the only member of an application, so the editor's parts can edit it.
    pub fn as_application(&self) -> Application {
        Application {
            id: MEMBER_CARD_ID.into(),
            category: self.category,
            exit_date: self.member.exit_date,
            return_date: self.member.return_date,
            country: self.member.country,
            members: vec![self.member.clone()],
            ..Default::default()
        }
    }

    pub fn take_back(&mut self, app: Application) {
        self.category = app.category;
        if let Some(mut m) = app.members.into_iter().next() {
            m.exit_date = app.exit_date;
            m.return_date = app.return_date;
            m.country = app.country;
            m.is_leader = false;
            self.member = m;
        }
    }
}

/// What the card does once its form is up: its findings (the rules' code) and its export
/// (the bundle's writing). A chunk (`lazy::card_tools`), so a partner opening the card by
/// its link on a phone waits only for the form.
#[derive(Clone, Copy)]
pub struct CardTools {
    pub check: fn(&RuleSet, &Member, Option<Category>, NaiveDate) -> Vec<Finding>,
    pub export: fn(&Member, &RuleSet, DateTime<FixedOffset>) -> String,
}

/// Named only by the chunk's split point.
pub const CARD_TOOLS: CardTools = CardTools { check: crate::bundle::check_member_card, export: export_member };

fn export_member(member: &Member, rule_set: &RuleSet, at: DateTime<FixedOffset>) -> String {
    crate::bundle::export(Kind::Member, &member.unit, &[], std::slice::from_ref(member), &[], rule_set, at)
}

/// The card's tools: on their way, here, or not fetched (offline before they were saved).
pub type Tools = RwSignal<Option<Result<CardTools, Unavailable>>>;

const TOOLS_MISSING: &str =
    "检查和导出的程序文件没有下载成功（可能网络已断开），已填写的内容都已保存；联网后重新加载本页即可检查和导出。";

/// The page, with the card stored in this browser (read by the reader's chunk) if any;
/// `unreadable`: a card is stored but cannot be read (damaged, or written by a newer version).
pub fn member_card_page(saved: Option<CardDraft>, unreadable: bool) -> AnyView {
    view! { <MemberCardPage saved unreadable/> }.into_any()
}

#[component]
fn MemberCardPage(saved: Option<CardDraft>, unreadable: bool) -> impl IntoView {
    let initial =
        saved.unwrap_or_else(|| CardDraft { member: Member { id: new_id(), ..Default::default() }, category: None });
    let card = RwSignal::new(initial);
    let status = RwSignal::new(String::new());
    // Saved on each change, not on opening: a stored card this page could not read stays
    // as it is until the user fills in a new one.
    Effect::new(move |first: Option<()>| {
        let saved = card.with(|c| first.map(|()| crate::storage::save_card(c)));
        status.set(match saved {
            None => String::new(),
            Some(Ok(())) => format!("已保存 {}", hms(now())),
            Some(Err(e)) => format!("尚未保存：{e}"),
        });
    });
    let tools: Tools = RwSignal::new(None);
    leptos::task::spawn_local(async move {
        lazy::after_paint().await;
        tools.set(Some(lazy::card_tools().await));
    });
    let ecx = EditorCx::for_card(card, tools);
    provide_context(ecx.clone());
    let errors = Memo::new(move |_| ecx.findings.with(|f| f.iter().filter(|f| f.severity == Severity::Error).count()));
    let rule_set = Store::get().rule_set();
    // Still on their way, or refused before: the click waits for (or fetches again) the tools.
    let export_card = move |_| {
        let c = card.get_untracked();
        leptos::task::spawn_local(async move {
            let got = lazy::card_tools().await;
            tools.set(Some(got));
            let Ok(t) = got else { return status.set(TOOLS_MISSING.into()) };
            let name = match c.member.name.trim() {
                "" => "成员信息卡".to_string(),
                n => format!("成员信息卡-{n}"),
            };
            if let Err(e) =
                download(&file_name(&name, today()), "application/json", &(t.export)(&c.member, rule_set, now()))
            {
                status.set(e);
            }
        });
    };
    let hint = move || match (tools.with(|t| t.as_ref().map(Result::is_ok)), errors.get()) {
        (None, _) => "检查中…".to_string(),
        (Some(false), _) => TOOLS_MISSING.to_string(),
        (Some(true), 0) => "没有发现错误。".to_string(),
        (Some(true), n) => format!("还有 {n} 个错误；也可以先导出，由带头人补充。"),
    };
    view! {
        <PageTitle>"成员信息卡（合作单位成员填写）"</PageTitle>
        <p class="lead">"院内跨单位组成团组时，合作单位的成员在这里只填写本人的信息，导出为文件后发给团组带头人；带头人导入后无需重复录入（通知二(八)：由团组带头人所在单位统一报送）。"</p>
        {unreadable.then(|| view! {
            <div class="notice" role="alert" data-card-unreadable>
                <p>
                    "本浏览器中保存的成员信息卡无法读取（可能已损坏，或由更新的版本写入），下面是一张空白的卡。原来的卡仍原样保存着：在这里填写会替换它，如需保留，请先用"
                    <a href="recover.html">"「恢复数据」"</a>
                    "把它下载下来。"
                </p>
            </div>
        })}
        <p class="save-note" role="status">{move || status.get()}</p>
        <CardForm/>
        <div class="actions">
            <button type="button" class="button" data-action="export-card" on:click=export_card>"导出成员信息卡"</button>
            <span class="field__hint" data-card-check>{hint}</span>
        </div>
    }
}
