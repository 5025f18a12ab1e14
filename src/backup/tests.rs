use std::collections::BTreeMap;

use chrono::{DateTime, Duration, FixedOffset};

use super::*;
use crate::bundle::{Resolutions, commit, prepare};
use crate::model::Reimbursement;

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// Written by the app's 「导出全部数据」 with storage schema 1 (2026-11-26): every later
/// version must still read it.
const FROZEN_V1: &str = include_str!("../../tests/fixtures/storage-v1.backup.json");

#[test]
fn a_frozen_v1_backup_restores_every_application_and_setting() {
    let backup = Backup::parse(FROZEN_V1).expect("a backup").expect("readable");
    let index = StoredIndex::parse(&backup.entries[INDEX_KEY]).unwrap();
    assert_eq!(index.schema, 1);
    let Restored { applications, settings, damaged } = backup.restore().unwrap();
    assert!(damaged.is_empty());
    let ids: Vec<&str> = applications.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, index.applications.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(applications.len(), 3);
    assert!(applications.iter().all(|a| !a.title.is_empty() && !a.members.is_empty()));
    assert_eq!(settings.reimbursements.len(), 1);
    assert_eq!(settings.reimbursements[0].person, "张三");
    assert_eq!(settings.reimbursements[0].other, crate::model::Money(30));
    assert_eq!(settings.unit, "中国科学院物理研究所");
}

#[test]
fn a_backup_restores_through_the_import_into_an_empty_and_a_full_workspace() {
    let file = || vec![("b.json".to_string(), Ok(FROZEN_V1.to_string()))];
    let batch = prepare(&Workspace::default(), file());
    assert_eq!(batch.files[0].outcome, Ok("备份：3 份申请及单位设置".into()));
    let ws = commit(&Workspace::default(), &batch, &Resolutions::new(), &BTreeMap::new(), &Default::default()).unwrap();
    assert_eq!(ws.applications.len(), 3);
    assert_eq!(ws.reimbursements.len(), 1);
    // Restoring again changes nothing and duplicates nothing.
    let again = prepare(&ws, file());
    let ws2 = commit(&ws, &again, &Resolutions::new(), &BTreeMap::new(), &Default::default()).unwrap();
    assert_eq!(ws2.applications, ws.applications);
    assert_eq!(ws2.reimbursements, ws.reimbursements);
}

#[test]
fn what_a_backup_cannot_be_is_said() {
    assert_eq!(Backup::parse(r#"{"format":"peixun-bundle","version":1,"kind":"unit"}"#), None);
    assert_eq!(Backup::parse("not json"), None);
    let v2 = r#"{"format":"peixun-backup","version":2,"saved_at":null,"entries":{}}"#;
    assert!(Backup::parse(v2).unwrap().unwrap_err().contains("第 2 版"));
    let cut = &FROZEN_V1[..FROZEN_V1.len() / 2];
    assert!(Backup::parse(cut).unwrap().unwrap_err().starts_with("备份文件已损坏"));
    let backup = |entries: &[(&str, &str)]| Backup {
        entries: entries.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
        ..Backup::new(BTreeMap::new(), t("2026-11-26T10:00:00+08:00"), "")
    };
    let newer = backup(&[(INDEX_KEY, r#"{"schema":2,"applications":[]}"#)]);
    assert!(newer.restore().unwrap_err().contains("更新版本"));
    assert_eq!(backup(&[]).restore().unwrap_err(), "备份中没有本工具的数据");
    // An application the index lost track of is restored too.
    let stray = backup(&[(INDEX_KEY, r#"{"schema":1}"#), ("peixun/app/x", r#"{"id":"x","title":"孤立的草稿"}"#)]);
    assert_eq!(stray.restore().unwrap().applications[0].title, "孤立的草稿");
}

#[test]
fn a_damaged_draft_never_blocks_the_rest() {
    let entries = [
        (INDEX_KEY, r#"{"schema":1,"applications":["a","b"],"workspace":{"unit":"物理所"}}"#),
        ("peixun/app/a", "{\"title\":"),
        ("peixun/app/b", r#"{"id":"b","title":"完好的草稿"}"#),
    ];
    let backup = Backup {
        entries: entries.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
        ..Backup::new(BTreeMap::new(), t("2026-11-26T10:00:00+08:00"), "")
    };
    let Restored { applications, settings, damaged } = backup.restore().unwrap();
    assert_eq!(applications.iter().map(|a| a.title.as_str()).collect::<Vec<_>>(), ["完好的草稿"]);
    assert_eq!(settings.unit, "物理所");
    assert_eq!(damaged.len(), 1);
    assert_eq!((damaged[0].key.as_str(), damaged[0].raw.as_str()), ("peixun/app/a", "{\"title\":"));
    assert!(damaged[0].why.starts_with("无法读取"), "{}", damaged[0].why);
    assert_eq!(damaged[0].file_name(), "peixun-app-a.txt");

    // Through the import: the good draft arrives, the damaged one is listed, nothing else.
    let batch = prepare(&Workspace::default(), vec![("b.json".into(), Ok(backup.to_json()))]);
    let said = "备份：1 份申请及单位设置；1 项无法读取，未导入（可下载原文）";
    assert_eq!(batch.files[0].outcome, Ok(said.into()));
    assert_eq!(batch.damaged.len(), 1);
    let ws = commit(&Workspace::default(), &batch, &Resolutions::new(), &BTreeMap::new(), &Default::default()).unwrap();
    assert_eq!(ws.applications.len(), 1);

    // A damaged index: the drafts still come, without the settings.
    let mut no_index = backup.clone();
    no_index.entries.insert(INDEX_KEY.into(), "{".into());
    let r = no_index.restore().unwrap();
    assert_eq!((r.applications.len(), r.damaged.len()), (1, 2));
    assert_eq!(r.damaged[0].key, INDEX_KEY);
}

#[test]
fn settings_are_added_never_replaced() {
    let row = |id: &str| Reimbursement { id: id.into(), ..Default::default() };
    let mut ws = Workspace { unit: "物理所".into(), reimbursements: vec![row("a")], ..Default::default() };
    ws.opinions.insert("x".into(), "本单位的意见".into());
    let mut from =
        Workspace { unit: "别的所".into(), reimbursements: vec![row("a"), row("b")], ..Default::default() };
    from.opinions.insert("x".into(), "备份里的意见".into());
    from.opinions.insert("y".into(), "新意见".into());
    from.closure_days = vec!["2020-07-01".parse().unwrap()];
    merge_settings(&mut ws, &from);
    assert_eq!(ws.unit, "物理所");
    assert_eq!(ws.reimbursements.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(ws.opinions["x"], "本单位的意见");
    assert_eq!(ws.opinions["y"], "新意见");
    assert_eq!(ws.closure_days.len(), 1);
}

#[test]
fn the_reminder_comes_after_seven_days_with_changes_and_not_before() {
    let t0 = t("2026-11-01T09:00:00+08:00");
    let week = Duration::days(REMIND_AFTER_DAYS);
    let never = BackupRecord { last: None, since: t0 };
    let changed = Some(t0 + Duration::hours(1));
    assert_eq!(never.reminder(changed, t0 + week - Duration::seconds(1)), None);
    assert_eq!(never.reminder(changed, t0 + week), Some(7));
    assert_eq!(never.reminder(None, t0 + week * 4), None, "no drafts, nothing to back up");

    let backed = BackupRecord { last: Some(t0), since: t0 - week };
    assert_eq!(backed.reminder(Some(t0), t0 + week * 4), None, "nothing changed since the backup");
    assert_eq!(backed.reminder(Some(t0 + Duration::minutes(1)), t0 + week - Duration::seconds(1)), None);
    assert_eq!(backed.reminder(Some(t0 + Duration::minutes(1)), t0 + week + Duration::days(1)), Some(8));
}

#[test]
fn a_full_storage_is_recognised_as_each_browser_names_it() {
    let cases: [(&str, u16, bool); 6] = [
        ("QuotaExceededError", 22, true),
        ("QuotaExceededError", 0, true),
        ("NS_ERROR_DOM_QUOTA_REACHED", 1014, true),
        ("", 22, true),
        ("SecurityError", 18, false),
        ("InvalidStateError", 11, false),
    ];
    for (name, code, full) in cases {
        assert_eq!(super::is_quota(name, code), full, "{name} {code}");
    }
}

#[test]
fn the_bureaus_selections_go_into_a_backup_and_come_back_added_never_replaced() {
    use crate::model::{Decision, Selection};
    let sel = |unit: &str, d: Decision| Selection {
        id: "a".into(),
        unit: unit.into(),
        decision: Some(d),
        ..Default::default()
    };
    let index = StoredIndex {
        schema: SCHEMA,
        workspace: Workspace { selections: vec![sel("物理所", Decision::Selected)], ..Default::default() },
        ..Default::default()
    };
    let entries = BTreeMap::from([(INDEX_KEY.to_string(), serde_json::to_string(&index).unwrap())]);
    let backup = Backup::parse(&Backup::new(entries, t("2020-03-01T09:00:00+08:00"), "x").to_json()).unwrap().unwrap();
    let restored = backup.restore().unwrap();
    assert_eq!(restored.settings.selections, [sel("物理所", Decision::Selected)]);
    let mut ws = Workspace {
        selections: vec![sel("中国科学院物理研究所", Decision::NotSelected)],
        ..Default::default()
    };
    merge_settings(&mut ws, &restored.settings);
    let kept = [sel("中国科学院物理研究所", Decision::NotSelected)];
    assert_eq!(ws.selections, kept, "the same application: kept");
    let other = Workspace { selections: vec![sel("化物所", Decision::Selected)], ..Default::default() };
    merge_settings(&mut ws, &other);
    assert_eq!(ws.selections.len(), 2);
}
