use leptos::prelude::*;

use super::{EmptyState, PageTitle};

/// 单位汇总: the HR office's collection, ranking and 附件2.
#[component]
pub fn Unit() -> impl IntoView {
    view! {
        <PageTitle>"单位汇总"</PageTitle>
        <p class="lead">"人事处在这里导入本单位收到的申请，确定总体排序，生成《因公出国（境）培训项目计划申请汇总表》（附件2），打印单位总体排序意见，并导出报送院人事局的单位数据包。"</p>
        <EmptyState>
            <p>"尚未导入任何申请。"</p>
        </EmptyState>
    }
}
