use leptos::prelude::*;

use super::{EmptyState, PageTitle};

/// 申请表: the 附件1 editor, one page per section.
#[component]
pub fn Editor() -> impl IntoView {
    view! {
        <PageTitle>"申请表（附件1）"</PageTitle>
        <p class="lead">"《因公出国（境）培训项目计划申请表》：分为基本信息、培训安排、团组成员、项目理由与内容、单位与联系人五个部分，边填写边按通知逐条检查。"</p>
        <EmptyState>
            <p>"请先在工作台新建或打开一份申请表。"</p>
        </EmptyState>
    }
}
