use serde::{Deserialize, Serialize};

/// 项目类别 (notice 一(一)–(三)). Key-field topics (一(四)) are a list on the application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Lead,
    Youth,
    Keytech,
}

impl Category {
    pub const ALL: [Category; 3] = [Category::Lead, Category::Youth, Category::Keytech];

    pub fn key(self) -> &'static str {
        match self {
            Category::Lead => "lead",
            Category::Youth => "youth",
            Category::Keytech => "keytech",
        }
    }
}

/// 职称级别.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TitleLevel {
    SeniorFull,
    SeniorAssociate,
    Intermediate,
    Junior,
    None,
}

impl TitleLevel {
    pub const ALL: [TitleLevel; 5] = [
        TitleLevel::SeniorFull,
        TitleLevel::SeniorAssociate,
        TitleLevel::Intermediate,
        TitleLevel::Junior,
        TitleLevel::None,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TitleLevel::SeniorFull => "正高级",
            TitleLevel::SeniorAssociate => "副高级",
            TitleLevel::Intermediate => "中级",
            TitleLevel::Junior => "初级",
            TitleLevel::None => "无",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    pub const ALL: [Gender; 2] = [Gender::Male, Gender::Female];

    /// The form's value for it (a radio button's).
    pub fn key(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Gender::Male => "男",
            Gender::Female => "女",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Gender;

    #[test]
    fn a_genders_form_key_is_its_stored_name() {
        for g in Gender::ALL {
            assert_eq!(serde_json::to_string(&g).unwrap(), format!("\"{}\"", g.key()));
        }
        assert_ne!(Gender::Male.key(), Gender::Female.key());
    }
}
