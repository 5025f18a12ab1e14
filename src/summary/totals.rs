use crate::model::{Application, Category};
use crate::rule_set::RuleSet;

/// Applications and persons per category and for the key fields, against the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Totals {
    pub categories: Vec<CategoryTotal>,
    pub key_fields: KeyFieldsTotal,
    pub applications: usize,
    pub persons: u32,
    /// Applications with no category chosen yet: in the overall counts only.
    pub uncategorized: usize,
    /// Applications rejected or cancelled: in the overall counts only, holding no place in
    /// any plan (`Application::in_the_running`).
    pub withdrawn: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryTotal {
    pub category: Category,
    pub label: String,
    /// Applications of this category, with or without special topics.
    pub applications: usize,
    /// Everyone in this category's applications: the row count people see.
    pub persons_in_category: u32,
    /// Those without special topics: an application with a special topic counts against
    /// the key-field plan instead (一(四)); numbers outside the list are no topic.
    pub persons_counted_against_category_plan: u32,
    pub plan_persons: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyFieldsTotal {
    pub label: String,
    pub applications: usize,
    pub persons: u32,
    pub plan_persons: u32,
}

fn persons(app: &Application) -> u32 {
    u32::try_from(app.members.len()).unwrap_or(u32::MAX)
}

impl Totals {
    /// The per-plan lines count only the applications in the running; the overall line
    /// every application, as the table lists them.
    pub fn of(apps: &[&Application], rs: &RuleSet) -> Totals {
        let running: Vec<&Application> = apps.iter().copied().filter(|a| a.in_the_running()).collect();
        let categories = Category::ALL
            .into_iter()
            .map(|c| {
                let of_c: Vec<&&Application> = running.iter().filter(|a| a.category == Some(c)).collect();
                let rules = rs.category(c);
                CategoryTotal {
                    category: c,
                    label: rules.label.clone(),
                    applications: of_c.len(),
                    persons_in_category: of_c.iter().map(|a| persons(a)).sum(),
                    persons_counted_against_category_plan: of_c
                        .iter()
                        .filter(|a| !rs.counts_in_key_fields(&a.special_topics))
                        .map(|a| persons(a))
                        .sum(),
                    plan_persons: rules.plan_persons,
                }
            })
            .collect();
        let key: Vec<&&Application> = running.iter().filter(|a| rs.counts_in_key_fields(&a.special_topics)).collect();
        Totals {
            categories,
            key_fields: KeyFieldsTotal {
                label: rs.key_fields.label.clone(),
                applications: key.len(),
                persons: key.iter().map(|a| persons(a)).sum(),
                plan_persons: rs.key_fields.plan_persons,
            },
            applications: apps.len(),
            persons: apps.iter().map(|a| persons(a)).sum(),
            uncategorized: apps.iter().filter(|a| a.category.is_none()).count(),
            withdrawn: apps.len() - running.len(),
        }
    }

    /// The total rows under the table, one per category, the key fields and all, each
    /// [`super::COLUMNS`] wide: 「合计」, count, label, …, persons, …, plan in 备注.
    pub fn rows(&self) -> Vec<[String; 15]> {
        let mut out = Vec::new();
        let mut line = |label: &str, apps: usize, persons: u32, note: String| {
            let mut r: [String; 15] = Default::default();
            r[0] = "合计".into();
            r[1] = format!("{apps} 项");
            r[2] = label.into();
            r[5] = persons.to_string();
            r[14] = note;
            out.push(r);
        };
        for c in &self.categories {
            let note = if c.persons_counted_against_category_plan == c.persons_in_category {
                format!("计划 {} 人", c.plan_persons)
            } else {
                format!(
                    "计划 {} 人；计入本类计划 {} 人（其余计入重点领域专项）",
                    c.plan_persons, c.persons_counted_against_category_plan
                )
            };
            line(&c.label, c.applications, c.persons_in_category, note);
        }
        let k = &self.key_fields;
        line(&k.label, k.applications, k.persons, format!("计划 {} 人；同时计入各自类别", k.plan_persons));
        let mut notes = Vec::new();
        if self.uncategorized > 0 {
            notes.push(format!("含 {} 项未选类别", self.uncategorized));
        }
        if self.withdrawn > 0 {
            notes.push(format!("含 {} 项未获批或已取消（不计入各类计划）", self.withdrawn));
        }
        let note = notes.join("；");
        line("全部", self.applications, self.persons, note);
        out
    }
}
