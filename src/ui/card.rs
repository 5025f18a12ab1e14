//! 成员信息卡: a member at a partner unit fills only their own card and exports it as a
//! `member` bundle for the group leader. The card lives under its own storage key and the
//! page shows nothing of the drafts in this browser. `#/card`. Two tabs on the card follow
//! the drafts' rule: a save is compare-and-set on what this page last saw; another tab's
//! card is taken when this page has no unsaved change, else the user chooses.

use chrono::{DateTime, FixedOffset, NaiveDate};
use leptos::prelude::*;

pub use crate::bundle::CardDraft;
use crate::bundle::{Kind, file_name};
use crate::model::{Category, Member, text_hash};
use crate::rule_set::RuleSet;
use crate::rules::{Finding, Severity};
use crate::storage::{self, Stored};
use crate::ui::clock::{hms, new_id, now, today};
use crate::ui::editor::{CardForm, EditorCx};
use crate::ui::lazy::{self, Unavailable};
use crate::ui::pages::PageTitle;
use crate::ui::state::Store;

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

const TOOLS_MISSING: &str = "检查和导出的程序文件没有下载成功（可能网络已断开），\
    已填写的内容都已保存；联网后重新加载本页即可检查和导出。";

/// The page, with the card stored in this browser (read by the reader's chunk) if any;
/// `unreadable`: a card is stored but cannot be read (damaged, or written by a newer version);
/// `stored`: what the card's key held when it was read.
pub fn member_card_page(saved: Option<CardDraft>, unreadable: bool, stored: Stored) -> AnyView {
    view! { <MemberCardPage saved unreadable stored /> }.into_any()
}

/// Another tab saved a card this page had not seen while this page had a change of its own.
#[derive(Clone, PartialEq)]
struct CardClash {
    /// Theirs; `None`: it cannot be read (damaged, or a newer version's).
    theirs: Option<CardDraft>,
    /// What the key held when the clash was seen.
    stored: Stored,
}

const CARD_CLASH: &str = "尚未保存：另一个标签页也修改了成员信息卡，\
    请在上方选择保留哪一份。";

/// The card as this page saves it: compare-and-set on what the key held when this page last
/// wrote or read it (`seen`, with that card as `last`).
#[derive(Clone, Copy)]
struct CardSync {
    card: RwSignal<CardDraft>,
    status: RwSignal<String>,
    seen: StoredValue<Stored>,
    last: StoredValue<CardDraft>,
    clash: RwSignal<Option<CardClash>>,
    store: Store,
}

impl CardSync {
    /// Writes the card unless another tab wrote the key since: then asks.
    fn save(self) {
        let written = self.card.with_untracked(|c| storage::save_card(c, self.seen.get_value()));
        match written {
            Ok(Some(hash)) => {
                self.seen.set_value(Some(hash));
                self.last.set_value(self.card.get_untracked());
                self.status.set(format!("已保存 {}", hms(now())));
            }
            Ok(None) => {
                self.status.set(CARD_CLASH.into());
                self.read_theirs(move |theirs, stored| self.clash.set(Some(CardClash { theirs, stored })));
            }
            Err(e) => self.status.set(format!("尚未保存：{e}")),
        }
    }

    /// The card another tab stored (read by the reader's chunk, fetched if need be).
    fn read_theirs(self, then: impl FnOnce(Option<CardDraft>, Stored) + 'static) {
        let Some(text) = storage::stored_card() else { return then(None, None) };
        let stored = Some(text_hash(&text));
        match storage::reader() {
            Some(r) => then((r.parse_card)(&text), stored),
            None => leptos::task::spawn_local(async move {
                let reader = self.store.fetch_reader().await;
                then(reader.and_then(|r| (r.parse_card)(&text)), stored);
            }),
        }
    }

    /// Another tab wrote the card (`text`: its new value).
    fn other_tab_wrote(self, text: Option<String>) {
        let stored = text.as_deref().map(text_hash);
        if stored == self.seen.get_value() {
            return;
        }
        if stored.is_none() {
            // Cleared elsewhere: this page keeps its card and saves it on the next change.
            return self.seen.set_value(None);
        }
        self.read_theirs(move |theirs, now| {
            // What the key holds now; read later than written (the reader's chunk), only
            // the latest write counts.
            if now != stored {
                return;
            }
            let unsaved = self.clash.with_untracked(Option::is_some)
                || self.card.with_untracked(|c| self.last.with_value(|l| c != l));
            match theirs {
                Some(theirs) if !unsaved => self.take(theirs, stored),
                // Unreadable: not taken, and not written over unasked (the next save is refused).
                None if !unsaved => {}
                theirs => {
                    self.clash.set(Some(CardClash { theirs, stored }));
                    self.status.set(CARD_CLASH.into());
                }
            }
        });
    }

    /// Shows the other tab's card: what the key holds, so nothing to save.
    fn take(self, theirs: CardDraft, stored: Stored) {
        self.seen.set_value(stored);
        self.last.set_value(theirs.clone());
        self.card.set(theirs);
        self.status.set(format!("已换成另一个标签页保存的内容 {}", hms(now())));
    }

    fn resolve(self, keep_mine: bool) {
        let Some(c) = self.clash.try_update(Option::take).flatten() else { return };
        match c.theirs {
            Some(theirs) if !keep_mine => self.take(theirs, c.stored),
            _ => {
                self.seen.set_value(c.stored);
                self.save();
            }
        }
    }
}

#[component]
fn MemberCardPage(saved: Option<CardDraft>, unreadable: bool, stored: Stored) -> impl IntoView {
    let initial =
        saved.unwrap_or_else(|| CardDraft { member: Member { id: new_id(), ..Default::default() }, category: None });
    let card = RwSignal::new(initial.clone());
    let status = RwSignal::new(String::new());
    let sync = CardSync {
        card,
        status,
        seen: StoredValue::new(stored),
        last: StoredValue::new(initial),
        clash: RwSignal::new(None),
        store: Store::get(),
    };
    // Saved on each change, not on opening: a stored card this page could not read stays
    // as it is until the user fills in a new one. A card taken from another tab is no change.
    Effect::new(move |first: Option<()>| {
        let changed = card.with(|c| sync.last.with_value(|l| c != l));
        if first.is_some() && changed {
            if sync.clash.with_untracked(Option::is_some) {
                status.set(CARD_CLASH.into());
            } else {
                sync.save();
            }
        }
    });
    let listener = storage::on_other_tab_card(move |text| sync.other_tab_wrote(text));
    let member_id = Memo::new(move |_| card.with(|c| c.member.id.clone()));
    on_cleanup(move || listener.remove());
    let tools: Tools = RwSignal::new(None);
    leptos::task::spawn_local(async move {
        lazy::after_paint().await;
        tools.set(Some(lazy::card_tools().await));
    });
    let ecx = EditorCx::for_card(card, tools);
    provide_context(ecx.clone());
    let errors = Memo::new(move |_| ecx.findings.with(|f| f.iter().filter(|f| f.severity == Severity::Error).count()));
    let rule_set = Store::get().rule_set();
    let lead = match rule_set.cite("leader-unit") {
        c if c.is_empty() => format!("{CARD_LEAD}（由团组带头人所在单位统一报送）。"),
        c => format!("{CARD_LEAD}（{c}：由团组带头人所在单位统一报送）。"),
    };
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
            let text = (t.export)(&c.member, rule_set, now());
            if let Err(e) = crate::ui::seal_export::download_bundle(&file_name(&name, today()), &text, || ()) {
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
        <p class="lead">{lead}</p>
        {unreadable
            .then(|| {
                view! {
                    <div class="notice" role="alert" data-card-unreadable>
                        <p>
                            "本浏览器中保存的成员信息卡无法读取（可能已损坏，\
                             或由更新的版本写入），下面是一张空白的卡。\
                             原来的卡仍原样保存着：在这里填写会替换它，如需保留，请先用"
                            <a href="recover.html">"「恢复数据」"</a> "把它下载下来。"
                        </p>
                    </div>
                }
            })}
        <CardClashNotice sync />
        <p class="save-note" role="status">
            {move || status.get()}
        </p>
        // Made anew for another member (another tab's card taken): its fields follow the member's id.
        <For each=move || [member_id.get()] key=String::clone let:_id>
            <CardForm />
        </For>
        <div class="actions">
            <button type="button" class="button" data-action="export-card" on:click=export_card>
                "导出成员信息卡"
            </button>
            <crate::ui::seal_export::SealOption />
            <span class="field__hint" data-card-check>
                {hint}
            </span>
        </div>
    }
}

/// Another tab's card met a change of this page's: the user keeps one.
#[component]
fn CardClashNotice(sync: CardSync) -> impl IntoView {
    move || {
        sync.clash.get().map(|c| {
            let theirs = c.theirs.as_ref().map(|t| match t.member.name.trim() {
                "" => "另一个标签页保存的卡（未填姓名）".to_string(),
                name => format!("另一个标签页保存的卡（{name}）"),
            });
            view! {
                <div class="finding-summary" role="alert" data-card-clash>
                    <h2>"另一个标签页也修改了成员信息卡"</h2>
                    <p>
                        {match &theirs {
                            Some(t) => {
                                format!(
                                    "两个标签页的修改不会互相覆盖：请选择保留本页的卡，\
                                     还是采用{t}。未选择前，本页的修改只在本页中。",
                                )
                            }
                            None => {
                                "另一个标签页保存的卡无法读取（可能已损坏，\
                                 或由更新的版本写入）。保留本页的卡会替换它；\
                                 如需保留它，请先用「恢复数据」下载。"
                                    .to_string()
                            }
                        }}
                    </p>
                    <div class="actions">
                        <button
                            type="button"
                            class="button"
                            data-action="card-keep-mine"
                            on:click=move |_| sync.resolve(true)
                        >
                            "保留本页的卡"
                        </button>
                        {theirs
                            .is_some()
                            .then(|| {
                                view! {
                                    <button
                                        type="button"
                                        class="button button--secondary"
                                        data-action="card-take-theirs"
                                        on:click=move |_| sync.resolve(false)
                                    >
                                        "采用另一个标签页的卡"
                                    </button>
                                }
                            })}
                        {theirs
                            .is_none()
                            .then(|| {
                                view! {
                                    <a class="button button--secondary" href="recover.html">
                                        "恢复数据"
                                    </a>
                                }
                            })}
                    </div>
                </div>
            }
        })
    }
}

const CARD_LEAD: &str = "院内跨单位组成团组时，合作单位的成员在这里只填写本人的信息，\
    导出为文件后发给团组带头人；带头人导入后无需重复录入";
