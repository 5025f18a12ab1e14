use leptos::prelude::*;

use super::{EmptyState, PageTitle};

/// 执行与核销: after approval.
#[component]
pub fn Execution() -> impl IntoView {
    view! {
        <PageTitle>"执行与核销"</PageTitle>
        <p class="lead">"项目获批后，在这里记录实际出入境日期，跟踪回国后 15 个工作日内提交培训总结的期限，记录成果分享活动，并填写年度《中国科学院因公出国（境）院内资助费用核销表（单位）》。"</p>
        <EmptyState>
            <p>"还没有获批的项目。"</p>
        </EmptyState>
    }
}
