use leptos::prelude::*;

use super::PageTitle;
use crate::ui::route::Route;
use crate::ui::state::Store;

/// 数据与设置: where the data lives, backups, the rule-set in use.
#[component]
pub fn Data() -> impl IntoView {
    let store = Store::get();
    view! {
        <PageTitle>"数据与设置"</PageTitle>
        <section class="panel">
            <h2>"数据保存在哪里"</h2>
            <p>
                "全部数据只保存在本浏览器的本地存储（localStorage）中，\
                 不上传到任何服务器。首次打开后，本页面可离线使用。"
            </p>
            <p class="hint" data-version>
                {version_line()}
            </p>
        </section>
        <super::offline::OfflineStatus />
        <crate::ui::backup::BackupPanel />
        <super::clear::ClearData />
        <section class="panel">
            <h2>"当前规则集"</h2>
            {move || {
                let rs = store.rule_set();
                view! {
                    <dl class="facts">
                        <dt>"规则集"</dt>
                        <dd data-rule-set=rs.id.clone()>{format!("{}（{}）", rs.name, rs.id)}</dd>
                        <dt>"依据"</dt>
                        <dd>{format!("{}，{}", rs.notice.title, rs.notice.date)}</dd>
                        <dt>"报送截止日"</dt>
                        <dd>{rs.submission_deadline.to_string()}</dd>
                        <dt>"报送至"</dt>
                        <dd>
                            {format!(
                                "{} {}，{}，{}",
                                rs.submit_to.office,
                                rs.submit_to.contact,
                                rs.submit_to.phone,
                                rs.submit_to.email,
                            )}
                        </dd>
                    </dl>
                }
            }}
            <p>
                <a href=Route::RuleSets.href() data-link="rule-sets">
                    "管理规则集"
                </a>
                "：复制、修改、导入或导出规则集，选择使用哪一个。"
            </p>
        </section>
    }
}

/// Which deployment this page runs (what support asks first): the version the build wrote
/// into the page, and the note a build was given (`PEIXUN_BUILD_NOTE`), if any.
fn version_line() -> String {
    let version = document()
        .query_selector("meta[name=peixun-version]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_else(|| "开发版".into());
    match option_env!("PEIXUN_BUILD_NOTE") {
        Some(note) if !note.is_empty() => format!("本页版本：{version}（{note}）"),
        _ => format!("本页版本：{version}"),
    }
}
