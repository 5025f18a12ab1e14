//! 项目理由与内容: the four long texts.

use leptos::prelude::*;

use super::fields::{TextArea, text};
use super::page::SectionPage;
use super::section::Section;

#[component]
pub fn Content() -> impl IntoView {
    let clause = crate::ui::state::Store::get().rule_set().cite_after("sharing");
    let (rationale, set_rationale) = text(|a| a.rationale.clone(), |a, v| a.rationale = v);
    let (content, set_content) = text(|a| a.content.clone(), |a, v| a.content = v);
    let (objectives, set_objectives) = text(|a| a.objectives.clone(), |a, v| a.objectives = v);
    let (sharing, set_sharing) = text(|a| a.sharing_plan.clone(), |a, v| a.sharing_plan = v);
    view! {
        <SectionPage section=Section::Content>
            <TextArea
                label="项目理由"
                path="rationale"
                value=rationale
                set=set_rationale
                rows=8
                hint="单位相关背景；拟解决的问题及与发达国家的差距"
            />
            <TextArea
                label="培训内容与日程安排"
                path="content"
                value=content
                set=set_content
                rows=10
                hint="按周或按天列出培训内容、形式和地点"
            />
            <TextArea label="预期目标与成果" path="objectives" value=objectives set=set_objectives rows=6 />
            <TextArea
                label="回国后成果分享计划"
                path="sharing_plan"
                value=sharing
                set=set_sharing
                rows=4
                hint=format!("例如：回国后一个月内在所内作学术报告{clause}")
            />
        </SectionPage>
    }
}
