//! Money in integer fen (分): never floating point, so 0.10 + 0.20 is exactly 0.30.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Money(pub i64);

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, o: Money) -> Money {
        Money(self.0.saturating_add(o.0))
    }
}

impl std::ops::Sub for Money {
    type Output = Money;
    fn sub(self, o: Money) -> Money {
        Money(self.0.saturating_sub(o.0))
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(it: I) -> Money {
        it.fold(Money(0), |a, b| a + b)
    }
}

impl fmt::Display for Money {
    /// ¥1,234.56
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let fen = self.0.unsigned_abs();
        let yuan = (fen / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in yuan.chars().enumerate() {
            if i > 0 && (yuan.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        write!(f, "{sign}¥{grouped}.{:02}", fen % 100)
    }
}

impl Money {
    /// Yuan with two decimals and no symbol or separators (1234.56), for a spreadsheet to
    /// read as a number.
    pub fn plain(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let fen = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", fen / 100, fen % 100)
    }

    /// What a person typed: "1,234.56", "1234.5", "¥12", "１２元". Commas must group
    /// thousands (so a European "12,5" is refused, not read as 125). The error is a
    /// Chinese sentence naming the input.
    pub fn parse(input: &str) -> Result<Money, String> {
        // Full-width digits and punctuation, as a Chinese input method types them.
        let s: String = input
            .trim()
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from(b'0' + (u32::from(c) - u32::from('０')) as u8),
                '．' | '。' => '.',
                '，' => ',',
                _ => c,
            })
            .collect();
        let s = s.strip_prefix(['¥', '￥']).unwrap_or(&s).trim_start();
        let s = s.strip_suffix('元').unwrap_or(s).trim_end();
        if s.is_empty() {
            return Err(format!("请填写金额（如 1,234.56），收到“{}”", input.trim()));
        }
        if s.starts_with('-') {
            return Err(format!("金额不能为负数：“{}”", input.trim()));
        }
        if let Some(bad) = s.chars().find(|c| !c.is_ascii_digit() && *c != '.' && *c != ',') {
            return Err(format!(
                "金额只能包含数字、小数点和千位分隔符，\
                 “{}”中有“{bad}”",
                input.trim()
            ));
        }
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => (i, f),
            None => (s, ""),
        };
        if frac.contains(['.', ',']) {
            return Err(format!("金额格式不对：“{}”", input.trim()));
        }
        if s.contains('.') && frac.is_empty() || frac.len() > 2 {
            return Err(format!("金额精确到分，小数点后须为一到两位：“{}”", input.trim()));
        }
        if int.is_empty() {
            return Err(format!("小数点前须有数字（如 0.5）：“{}”", input.trim()));
        }
        let groups: Vec<&str> = int.split(',').collect();
        let grouped_ok =
            groups.len() == 1 || (matches!(groups[0].len(), 1..=3) && groups[1..].iter().all(|g| g.len() == 3));
        if !grouped_ok {
            return Err(format!("千位分隔符应每三位一个（如 1,234.56）：“{}”", input.trim()));
        }
        let too_big = || format!("金额过大：“{}”", input.trim());
        let mut fen: i64 = 0;
        for c in groups.concat().chars().chain(format!("{frac:0<2}").chars()) {
            let digit = i64::from(c.to_digit(10).unwrap_or(0));
            fen = fen.checked_mul(10).and_then(|f| f.checked_add(digit)).ok_or_else(too_big)?;
        }
        Ok(Money(fen))
    }
}

impl FromStr for Money {
    type Err = String;
    fn from_str(s: &str) -> Result<Money, String> {
        Money::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_exact_and_formatted() {
        assert_eq!((Money(10) + Money(20)).to_string(), "¥0.30");
        assert_eq!(Money(123_456).to_string(), "¥1,234.56");
        assert_eq!(Money(100_000_000).to_string(), "¥1,000,000.00");
        assert_eq!(Money(-5).to_string(), "-¥0.05");
        assert_eq!(Money(123_456).plain(), "1234.56");
        assert_eq!(Money(-5).plain(), "-0.05");
    }

    #[test]
    fn point_one_plus_point_two_is_point_three() {
        let sum: Money = ["0.10", "0.20"].iter().map(|s| Money::parse(s).unwrap()).sum();
        assert_eq!(sum, Money(30));
        assert_eq!(sum, Money::parse("0.3").unwrap());
    }

    #[test]
    fn parses_what_people_type() {
        let cases = [
            ("1,234.56", 123_456),
            ("1234.5", 123_450),
            ("¥12", 1_200),
            ("￥ 12.00", 1_200),
            ("12元", 1_200),
            ("  0.05 ", 5),
            ("0", 0),
            ("1,000,000", 100_000_000),
            ("１，２３４．５６", 123_456),
            ("¥1,234.56", 123_456),
        ];
        for (input, fen) in cases {
            assert_eq!(Money::parse(input), Ok(Money(fen)), "{input}");
        }
        assert_eq!("¥1,234.56".parse::<Money>(), Ok(Money(123_456)));
    }

    #[test]
    fn refuses_bad_input_in_chinese() {
        let cases = [
            ("", "请填写金额"),
            ("¥", "请填写金额"),
            ("-5", "不能为负数"),
            ("12a", "“12a”中有“a”"),
            ("1e3", "中有“e”"),
            ("12,5", "千位分隔符"),
            ("1,23,456", "千位分隔符"),
            (",123", "千位分隔符"),
            (".5", "小数点前须有数字"),
            ("1.234", "小数点后须为一到两位"),
            ("12.", "小数点后须为一到两位"),
            ("1.2.3", "格式不对"),
            ("99999999999999999999", "金额过大"),
        ];
        for (input, part) in cases {
            let err = Money::parse(input).unwrap_err();
            assert!(err.contains(part), "{input:?}: {err}");
        }
    }

    #[test]
    fn display_round_trips_through_parse() {
        for fen in [0, 5, 99, 100, 123_456, 100_000_000, 987_654_321_012] {
            assert_eq!(Money::parse(&Money(fen).to_string()), Ok(Money(fen)));
            assert_eq!(Money::parse(&Money(fen).plain()), Ok(Money(fen)));
        }
    }
}
