//! The bureau's view (院人事局): several units' bundles side by side, read-only. Totals per
//! category across units against the plan, every group with its unit and unit rank, and
//! the people who appear in more than one unit's list.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::totals::Totals;
use crate::bundle::Bundle;
use crate::model::Application;
use crate::rule_set::RuleSet;
use crate::workspace::rank_order;

#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub unit: String,
    /// 1-based rank in its unit's list; `None` when the unit did not rank it.
    pub unit_rank: Option<usize>,
    pub title: String,
    pub category: String,
    pub persons: usize,
}

/// Someone listed by more than one unit (same name and birth date).
#[derive(Debug, Clone, PartialEq)]
pub struct SharedPerson {
    pub name: String,
    pub birth_date: NaiveDate,
    pub units: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    pub units: Vec<(String, usize, u32)>,
    pub totals: Totals,
    pub groups: Vec<Group>,
    pub shared: Vec<SharedPerson>,
}

impl Overview {
    pub fn build(bundles: &[Bundle], rs: &RuleSet) -> Overview {
        let mut groups = Vec::new();
        let mut units = Vec::new();
        let mut all: Vec<&Application> = Vec::new();
        let mut people: BTreeMap<(String, NaiveDate), Vec<String>> = BTreeMap::new();
        for b in bundles {
            let unit = if b.unit.trim().is_empty() { "未署名单位".to_string() } else { b.unit.trim().to_string() };
            let persons: usize = b.applications.iter().map(|a| a.members.len()).sum();
            units.push((unit.clone(), b.applications.len(), u32::try_from(persons).unwrap_or(u32::MAX)));
            let (order, ranked) = rank_order(&b.applications, &b.ranking);
            for a in &b.applications {
                all.push(a);
                groups.push(Group {
                    unit: unit.clone(),
                    unit_rank: order[..ranked].iter().position(|r| r.id == a.id).map(|i| i + 1),
                    title: a.title.trim().to_string(),
                    category: a.category.map(|c| rs.category(c).label.clone()).unwrap_or_else(|| "未选择".into()),
                    persons: a.members.len(),
                });
                for m in &a.members {
                    if let (name, Some(born)) = (m.name.trim(), m.birth_date)
                        && !name.is_empty()
                    {
                        let list = people.entry((name.to_string(), born)).or_default();
                        if !list.contains(&unit) {
                            list.push(unit.clone());
                        }
                    }
                }
            }
        }
        let shared = people
            .into_iter()
            .filter(|(_, u)| u.len() > 1)
            .map(|((name, birth_date), units)| SharedPerson { name, birth_date, units })
            .collect();
        Overview { units, totals: Totals::of(&all, rs), groups, shared }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::Kind;
    use crate::model::{Category, Member};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn app(id: &str, c: Category, people: &[(&str, &str)], topics: Vec<u8>) -> Application {
        Application {
            id: id.into(),
            title: format!("项目{id}"),
            category: Some(c),
            special_topics: topics,
            members: people
                .iter()
                .map(|(n, b)| Member { name: (*n).into(), birth_date: Some(d(b)), ..Default::default() })
                .collect(),
            ..Default::default()
        }
    }

    fn unit(name: &str, apps: Vec<Application>, ranking: &[&str]) -> Bundle {
        Bundle {
            unit: name.into(),
            applications: apps,
            ranking: ranking.iter().map(|s| s.to_string()).collect(),
            ..Bundle::new(Kind::Unit)
        }
    }

    #[test]
    fn two_units_sum_per_category_and_keep_their_ranks() {
        let rs = RuleSet::embedded();
        let a = unit(
            "物理所",
            vec![
                app("a1", Category::Youth, &[("张三", "1985-01-01"), ("李四", "1986-02-02")], vec![]),
                app("a2", Category::Lead, &[("王五", "1970-03-03")], vec![3]),
            ],
            &["a2", "a1"],
        );
        let b = unit(
            "化物所",
            vec![app(
                "b1",
                Category::Youth,
                &[("赵六", "1988-04-04"), ("李四", "1986-02-02"), ("钱七", "1987-05-05")],
                vec![],
            )],
            &["b1"],
        );
        let o = Overview::build(&[a, b], rs);
        assert_eq!(o.units, [("物理所".to_string(), 2, 3), ("化物所".to_string(), 1, 3)]);
        let youth = o.totals.categories.iter().find(|c| c.category == Category::Youth).unwrap();
        assert_eq!((youth.applications, youth.persons_in_category, youth.plan_persons), (2, 5, 60));
        let lead = o.totals.categories.iter().find(|c| c.category == Category::Lead).unwrap();
        assert_eq!(
            (lead.applications, lead.persons_in_category, lead.persons_counted_against_category_plan),
            (1, 1, 0)
        );
        assert_eq!((o.totals.key_fields.applications, o.totals.key_fields.persons), (1, 1));
        assert_eq!((o.totals.applications, o.totals.persons), (3, 6));
        let ranks: Vec<_> = o.groups.iter().map(|g| (g.unit.as_str(), g.title.as_str(), g.unit_rank)).collect();
        assert_eq!(
            ranks,
            [("物理所", "项目a1", Some(2)), ("物理所", "项目a2", Some(1)), ("化物所", "项目b1", Some(1))]
        );
        assert_eq!(
            o.shared,
            [SharedPerson {
                name: "李四".into(),
                birth_date: d("1986-02-02"),
                units: vec!["物理所".into(), "化物所".into()]
            }]
        );
    }
}
