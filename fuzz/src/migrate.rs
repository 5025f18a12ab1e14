//! `migrate`: any JSON value at any version. Migration never panics, version 1 is the
//! identity, versions outside 1..=current are refused by number; and a document with our
//! `format` but any `version` field gets the header error the version calls for.

use peixun::bundle::{CURRENT_VERSION, ErrorKind, FORMAT, Kind, migrate, parse};
use serde_json::{Map, Value};

pub fn run(data: &[u8]) {
    let Some((&ctrl, rest)) = data.split_first() else { return };
    let Ok(value) = serde_json::from_slice::<Value>(rest) else { return };

    let from = match ctrl % 4 {
        0 => u64::from(ctrl >> 2),
        1 => CURRENT_VERSION,
        2 => u64::MAX - u64::from(ctrl >> 2),
        _ => value.get("version").and_then(Value::as_u64).unwrap_or(0),
    };
    match migrate(value.clone(), from) {
        Ok(v) => {
            assert!((1..=CURRENT_VERSION).contains(&from), "version {from} migrated");
            if from == CURRENT_VERSION {
                assert_eq!(v, value, "migrating the current version changed the document");
            }
        }
        Err(e) => {
            assert_eq!(e.kind, ErrorKind::UnknownVersion(from), "{e:?}");
            assert!(!(1..=CURRENT_VERSION).contains(&from), "version {from} refused: {e}");
        }
    }

    // Our header around the fuzzer's object: its `version` field, whatever it holds.
    let mut obj = match value {
        Value::Object(m) => m,
        other => Map::from_iter([("version".to_string(), other)]),
    };
    obj.insert("format".into(), FORMAT.into());
    if ctrl & 0x10 != 0 {
        obj.insert("kind".into(), Kind::ALL[usize::from(ctrl >> 5) % 3].key().into());
    }
    let version = obj.get("version").cloned();
    let text = serde_json::to_string(&Value::Object(obj)).unwrap_or_default();
    let expected = match version.map(|v| v.as_u64()) {
        None => Some(ErrorKind::MissingField),
        Some(None) => Some(ErrorKind::WrongType),
        Some(Some(CURRENT_VERSION)) => None,
        Some(Some(n)) => Some(ErrorKind::UnknownVersion(n)),
    };
    if let Some(kind) = expected {
        match parse(&text) {
            Ok(b) => panic!("expected {kind:?}, parsed {b:?}"),
            Err(e) => assert_eq!(e.kind, kind, "{e:?}"),
        }
    }
}
