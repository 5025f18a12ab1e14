//! Format versions. A file written by any earlier version of this program keeps opening:
//! `parse` lifts it step by step to [`CURRENT_VERSION`] before reading it.

use serde_json::Value;

use super::{BundleError, ErrorKind};

/// The format version this program writes.
pub const CURRENT_VERSION: u64 = 1;

/// One step: turns a version `n` document into version `n + 1`.
type Step = fn(Value) -> Result<Value, BundleError>;

/// `STEPS[i]` lifts version `i + 1` to `i + 2`. Empty while only version 1 exists; a
/// rename in version 2 adds one function here, and never touches the others.
const STEPS: &[Step] = &[];

/// Lifts a document of `from` to [`CURRENT_VERSION`]. Version 1 is returned as is.
pub fn migrate(mut value: Value, from: u64) -> Result<Value, BundleError> {
    if from == 0 || from > CURRENT_VERSION {
        return Err(BundleError::at_path(ErrorKind::UnknownVersion(from), "version", unknown_version_message(from)));
    }
    for v in from..CURRENT_VERSION {
        // `v` starts at 1 and stays below CURRENT_VERSION, so the index exists when STEPS
        // is complete; a missing step is reported rather than indexed.
        let Some(step) = usize::try_from(v - 1).ok().and_then(|i| STEPS.get(i)) else {
            return Err(BundleError::at_path(
                ErrorKind::UnknownVersion(from),
                "version",
                unknown_version_message(from),
            ));
        };
        value = step(value)?;
        if let Some(obj) = value.as_object_mut() {
            obj.insert("version".into(), Value::from(v + 1));
        }
    }
    Ok(value)
}

pub fn unknown_version_message(v: u64) -> String {
    if v > CURRENT_VERSION {
        format!("数据包版本 {v} 比本程序支持的版本 {CURRENT_VERSION} 新，请更新本程序")
    } else {
        format!("数据包版本 {v} 无效：版本号从 1 开始，本程序支持版本 1 至 {CURRENT_VERSION}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn version_1_is_the_identity() {
        let v = json!({"format": "peixun-bundle", "version": 1, "kind": "unit", "x": [1, 2]});
        assert_eq!(migrate(v.clone(), 1).unwrap(), v);
    }

    #[test]
    fn newer_and_zero_versions_are_refused_with_the_reason() {
        let e = migrate(json!({}), 2).unwrap_err();
        assert_eq!(e.kind, ErrorKind::UnknownVersion(2));
        assert!(e.message.contains("比本程序支持的版本 1 新"), "{e}");
        assert_eq!(migrate(json!({}), 0).unwrap_err().kind, ErrorKind::UnknownVersion(0));
    }

    #[test]
    fn every_older_version_has_a_step() {
        assert_eq!(STEPS.len() as u64, CURRENT_VERSION - 1);
    }
}
