//! The one way typed JSON is read. Each `Deserialize` impl is compiled once per
//! deserializer type it is used with, and in the wasm each copy of them all costs tens of
//! KB: so bundles, localStorage, merges and the rule-set all read through this one
//! (serde_path_to_error over serde_json's string reader), whether or not they want the path.

use serde::de::DeserializeOwned;
use serde_json::Value;

/// A serde_json error and the field path where it happened.
pub type Error = serde_path_to_error::Error<serde_json::Error>;

/// Reads `text` as a `T`, with nothing but whitespace after it.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let mut track = serde_path_to_error::Track::new();
    let value = T::deserialize(serde_path_to_error::Deserializer::new(&mut de, &mut track));
    match value {
        Ok(v) => de.end().map(|()| v).map_err(|e| Error::new(track.path(), e)),
        Err(e) => Err(Error::new(track.path(), e)),
    }
}

/// Reads a JSON value as a `T` (through its text, so that the same code does it).
pub fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, Error> {
    from_str(&value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_with_the_path_of_an_error() {
        let v: Vec<u32> = from_str(" [1, 2] ").unwrap();
        assert_eq!(v, [1, 2]);
        let e = from_str::<Vec<Vec<u32>>>("[[1], [2, \"x\"]]").unwrap_err();
        assert_eq!(e.path().to_string(), "[1][1]");
        assert!(from_str::<u32>("1 2").is_err());
        assert_eq!(from_value::<Vec<u32>>(&serde_json::json!([3])).unwrap(), [3]);
    }
}
