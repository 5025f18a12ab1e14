//! The free texts of an application at the lengths real 附件1 forms have: 项目理由 and
//! 预期目标 a few hundred characters, 培训内容与日程安排 a line per week of the stay. The
//! benches type into, render, save and import these, so their size matters.

use super::Rng;

/// Sentences with `{t}` (the topic), `{d}` (the discipline) and `{h}` (the host).
const RATIONALE: &[&str] = &[
    "我单位长期从事{d}领域的基础研究与应用研究，近五年承担国家重点研发计划、\
     国家自然科学基金重大项目和中国科学院战略性先导科技专项等任务二十余项，\
     在{t}方面已形成一定的研究基础和人才队伍。",
    "当前，{t}已成为国际科技竞争的焦点之一，\
     发达国家在关键仪器、核心算法和工程化能力上起步早、积累深，\
     我国在高端装备自主研制、标准体系和数据共享机制等方面仍存在明显差距。",
    "我单位现有相关平台在实验方法的规范化、\
     测试数据的可重复性以及大型设施的运行管理上与国际一流水平相比尚有不足，\
     部分关键环节依赖进口设备和国外技术支持，制约了研究工作的深入开展。",
    "{h}是该领域国际公认的领先机构，\
     拥有完整的实验设施和成熟的人才培养体系，与我单位已有多年的学术交流基础，\
     双方在联合研究和人员互访方面具有良好的合作意向。",
    "通过本次培训，\
     团组成员将系统学习对方在{t}方面的先进理念、技术路线和管理经验，\
     弥补我单位在相关方向上的短板，为承担后续国家重大科技任务储备骨干力量。",
    "团组成员均为我单位相关研究方向的业务骨干，\
     具备良好的专业基础和外语交流能力，\
     培训内容与其承担的科研任务高度契合，培训成果能够直接应用于在研项目。",
    "此外，随着{d}学科交叉融合的不断深入，\
     亟需培养一批既懂前沿科学问题又熟悉工程实现的复合型人才，\
     本项目正是围绕这一需求设计的。",
];

const WEEK: &[&str] = &[
    "参加{h}组织的{d}前沿系列讲座，\
     了解{t}的最新研究进展，参观相关实验室和大型仪器平台",
    "在合作导师指导下开展{t}实验操作培训，\
     学习样品制备、仪器调试与数据采集的标准流程",
    "参与合作团队的组会和专题研讨，\
     围绕{t}中的关键科学问题进行交流，汇报我方研究工作",
    "学习数据处理与建模分析方法，\
     完成一组完整的实验与分析练习，并撰写阶段性学习报告",
    "考察{h}在科研组织、平台运行和成果转化方面的管理经验，与相关部门负责人座谈",
    "围绕后续合作方向与对方研究人员开展联合实验设计，\
     商定人员互访和数据共享的具体安排",
];

const OBJECTIVES: &[&str] = &[
    "系统掌握{t}的核心实验方法和数据分析流程，能够在回国后独立开展相关工作。",
    "形成培训总结报告一份、\
     技术规范或操作手册一套，为我单位相关平台建设提供参考。",
    "与{h}建立稳定的合作渠道，\
     力争在两年内联合申报国际合作项目一项、合作发表高水平论文一至两篇。",
    "培养能够承担{d}方向重大任务的青年骨干三至五名，提升团队整体的国际化水平。",
    "了解国际同行在科研管理与平台运行方面的经验，\
     提出改进我单位相关工作的具体建议。",
];

const SHARING: &[&str] = &[
    "回国后一个月内在所内举办专题报告会，由团组成员分别介绍培训内容和主要收获。",
    "面向相关研究组开展技术培训两至三次，\
     将学到的实验方法和数据处理流程推广应用。",
    "将培训总结、课件和技术资料整理归档，在所内网站和学术交流平台上共享。",
    "依托研究所青年创新促进会组织交流座谈，带动更多青年科研人员参与国际合作。",
];

fn fill(s: &str, topic: &str, discipline: &str, host: &str) -> String {
    s.replace("{t}", topic).replace("{d}", discipline).replace("{h}", host)
}

/// `min` to `min + extra` of `pool`'s sentences, starting at a random one, in order.
fn sentences(
    rng: &mut Rng,
    pool: &[&str],
    (min, extra): (usize, usize),
    topic: &str,
    discipline: &str,
    host: &str,
) -> String {
    let n = min + rng.below(extra + 1);
    let start = rng.below(pool.len());
    (0..n.clamp(1, pool.len())).map(|k| fill(pool[(start + k) % pool.len()], topic, discipline, host)).collect()
}

/// (rationale, content, objectives, sharing_plan) for a stay of `days` days.
pub fn texts(rng: &mut Rng, topic: &str, discipline: &str, host: &str, days: u32) -> [String; 4] {
    let rationale = sentences(rng, RATIONALE, (4, 3), topic, discipline, host);
    // A line per week, at most 13 (a 90-day stay), as such forms lay out their schedule.
    let weeks = (days as usize).div_ceil(7).clamp(2, 13);
    let start = rng.below(WEEK.len());
    let content = (0..weeks)
        .map(|w| format!("第{}周：{}。", w + 1, fill(WEEK[(start + w) % WEEK.len()], topic, discipline, host)))
        .collect::<Vec<_>>()
        .join("\n");
    let objectives = sentences(rng, OBJECTIVES, (3, 2), topic, discipline, host);
    let sharing = sentences(rng, SHARING, (2, 2), topic, discipline, host);
    [rationale, content, objectives, sharing]
}
