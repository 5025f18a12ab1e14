use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An ISO 3166-1 alpha-2 code, two upper-case ASCII letters ("DE"). Anything else
/// does not parse, so a rule never sees "Germany" or "de".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    pub fn parse(s: &str) -> Option<CountryCode> {
        match s.as_bytes() {
            [a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => Some(CountryCode([*a, *b])),
            _ => None,
        }
    }

    /// The country's Chinese name (德国), from the ISO list in `countries.rs`.
    pub fn name(&self) -> Option<&'static str> {
        super::country_name(self.as_str())
    }

    /// 德国（DE）, or the bare code for a code the list does not know.
    pub fn label(&self) -> String {
        match self.name() {
            Some(name) => format!("{name}（{self}）"),
            None => self.to_string(),
        }
    }

    pub fn as_str(&self) -> &str {
        // Both bytes are ASCII upper-case letters by construction.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for CountryCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        CountryCode::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "国别须为 ISO 3166-1 两位大写字母代码（如 DE），\
                 收到 {s:?}"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_two_upper_case_letters() {
        assert_eq!(CountryCode::parse("DE").unwrap().as_str(), "DE");
        for bad in ["de", "D", "DEU", "", "D1", "Ü1"] {
            assert!(CountryCode::parse(bad).is_none(), "{bad}");
        }
        assert!(serde_json::from_str::<CountryCode>("\"Germany\"").is_err());
    }
}

#[cfg(test)]
mod label_tests {
    use super::*;

    #[test]
    fn labels_name_the_country_or_show_the_code() {
        assert_eq!(CountryCode::parse("DE").unwrap().label(), "德国（DE）");
        assert_eq!(CountryCode::parse("ZZ").unwrap().label(), "ZZ", "a code the list does not know");
    }
}
