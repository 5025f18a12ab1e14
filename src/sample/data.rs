//! Example data tables: real CAS institutes and foreign hosts, common names.

pub const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马",
    "罗", "欧阳", "司马",
];
pub const GIVEN: &[&str] = &[
    "晓明", "娜", "伟", "芳", "磊", "静", "洋", "婷", "浩然", "雪", "博文", "宇", "欣怡", "涛", "丹", "鹏", "颖", "健",
    "琳", "超",
];
pub const UNITS: &[&str] = &[
    "中国科学院物理研究所",
    "中国科学院化学研究所",
    "中国科学院大连化学物理研究所",
    "中国科学院上海微系统与信息技术研究所",
    "中国科学院计算技术研究所",
    "中国科学院金属研究所",
    "中国科学院生态环境研究中心",
    "中国科学院半导体研究所",
    "中国科学院长春光学精密机械与物理研究所",
    "中国科学院南京土壤研究所",
];
pub const TOPICS: &[(&str, &str)] = &[
    ("量子材料表征技术", "凝聚态物理"),
    ("人工智能芯片设计", "微电子学"),
    ("高分辨质谱分析", "分析化学"),
    ("碳排放核算与评估", "环境科学"),
    ("极端环境材料服役", "材料科学"),
    ("海洋观测装备研制", "海洋技术"),
    ("空间光学载荷", "光学工程"),
    ("合成生物学平台建设", "生物工程"),
    ("农业遥感监测", "地理信息科学"),
    ("科研项目管理与成果转化", "科技管理"),
];
pub const KINDS: &[&str] = &["研修", "高级研修", "专项培训", "培训"];
/// (country, 中文名, English name, city, website)
pub const HOSTS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "DE",
        "马克斯·普朗克固体研究所",
        "Max Planck Institute for Solid State Research",
        "Stuttgart",
        "https://www.fkf.mpg.de",
    ),
    ("DE", "慕尼黑工业大学", "Technical University of Munich", "München", "https://www.tum.de"),
    ("DE", "亥姆霍兹柏林材料与能源中心", "Helmholtz-Zentrum Berlin", "Berlin", "https://www.helmholtz-berlin.de"),
    ("US", "阿贡国家实验室", "Argonne National Laboratory", "Lemont", "https://www.anl.gov"),
    ("US", "劳伦斯伯克利国家实验室", "Lawrence Berkeley National Laboratory", "Berkeley", "https://www.lbl.gov"),
    ("US", "加州大学伯克利分校", "University of California, Berkeley", "Berkeley", "https://www.berkeley.edu"),
    ("GB", "剑桥大学", "University of Cambridge", "Cambridge", "https://www.cam.ac.uk"),
    ("GB", "帝国理工学院", "Imperial College London", "London", "https://www.imperial.ac.uk"),
    ("JP", "东京大学", "The University of Tokyo", "Tokyo", "https://www.u-tokyo.ac.jp"),
    ("JP", "理化学研究所", "RIKEN", "Wako", "https://www.riken.jp"),
    ("FR", "法国国家科学研究中心", "CNRS", "Paris", "https://www.cnrs.fr"),
    ("CH", "苏黎世联邦理工学院", "ETH Zürich", "Zürich", "https://ethz.ch"),
    ("CH", "保罗谢勒研究所", "Paul Scherrer Institut", "Villigen", "https://www.psi.ch"),
    ("SG", "新加坡国立大学", "National University of Singapore", "Singapore", "https://nus.edu.sg"),
];
pub const LANGUAGES: &[&str] = &["英语 熟练", "英语 良好（CET-6）", "英语 精通；德语 基础", "英语 熟练；日语 一般"];
