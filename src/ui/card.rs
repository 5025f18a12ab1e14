//! 成员信息卡: a member at a partner unit fills only their own card and exports it as a
//! `member` bundle for the group leader. The card lives under its own storage key and the
//! page shows nothing of the drafts in this browser. `#/card`.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::bundle::{Kind, MEMBER_CARD_ID, export, file_name};
use crate::model::{Application, Category, Member};
use crate::ui::clock::{hms, new_id, now, today};
use crate::ui::download::download;
use crate::ui::editor::{CardForm, EditorCx};
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

#[component]
pub fn MemberCardPage() -> impl IntoView {
    let initial: CardDraft = crate::storage::load_card()
        .unwrap_or_else(|| CardDraft { member: Member { id: new_id(), ..Default::default() }, category: None });
    let card = RwSignal::new(initial);
    let status = RwSignal::new(String::new());
    Effect::new(move |_| {
        let saved = card.with(crate::storage::save_card);
        status.set(match saved {
            Ok(()) => format!("已保存 {}", hms(now())),
            Err(e) => format!("尚未保存：{e}"),
        });
    });
    let ecx = EditorCx::for_card(card);
    provide_context(ecx.clone());
    let errors = Memo::new(move |_| {
        ecx.findings.with(|f| f.iter().filter(|f| f.severity == crate::rules::Severity::Error).count())
    });
    let export_card = move |_| {
        let c = card.get_untracked();
        let name = if c.member.name.trim().is_empty() {
            "成员信息卡".to_string()
        } else {
            format!("成员信息卡-{}", c.member.name.trim())
        };
        let text = export(
            Kind::Member,
            &c.member.unit,
            &[],
            std::slice::from_ref(&c.member),
            &[],
            Store::get().rule_set(),
            now(),
        );
        if let Err(e) = download(&file_name(&name, today()), "application/json", &text) {
            status.set(e);
        }
    };
    view! {
        <PageTitle>"成员信息卡（合作单位成员填写）"</PageTitle>
        <p class="lead">"院内跨单位组成团组时，合作单位的成员在这里只填写本人的信息，导出为文件后发给团组带头人；带头人导入后无需重复录入（通知二(八)：由团组带头人所在单位统一报送）。"</p>
        <p class="save-note" role="status">{move || status.get()}</p>
        <CardForm/>
        <div class="actions">
            <button type="button" class="button" data-action="export-card" on:click=export_card>"导出成员信息卡"</button>
            <span class="field__hint">{move || match errors.get() {
                0 => "没有发现错误。".to_string(),
                n => format!("还有 {n} 个错误；也可以先导出，由带头人补充。"),
            }}</span>
        </div>
    }
}
