use leptos::prelude::*;

use super::{EmptyState, PageTitle};

/// 工作台: every draft in this browser.
#[component]
pub fn Workspace() -> impl IntoView {
    view! {
        <PageTitle>"工作台"</PageTitle>
        <p class="lead">"在这里管理本浏览器中的全部申请表草稿：新建、打开、复制、删除，并查看每份申请的检查结果。"</p>
        <EmptyState>
            <p>"还没有申请表。"</p>
            <p>"新建申请表后，这里会列出每份申请的项目名称、类别、人数、状态（未开始 / 填写中 / 有问题 / 已完成）和最后保存时间。"</p>
        </EmptyState>
    }
}
