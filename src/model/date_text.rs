//! The one reader of dates people type, everywhere a date is typed (the application, the
//! execution record, the 核销表, the rule-set form and its calendar lines): 2026-10-01,
//! 2026/10/1, 2026.10.1, 2026年10月1日, 20261001, full-width digits too. What cannot be read
//! gets one message.

use chrono::NaiveDate;

/// The date `text` stands for; the message for the person otherwise.
pub fn read_date(text: &str) -> Result<NaiveDate, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("请填写日期（YYYY-MM-DD）".into());
    }
    parse(t).ok_or_else(|| {
        format!(
            "“{t}” 不是有效的日期（请按 YYYY-MM-DD 填写，\
             也可写作 YYYY/M/D、YYYY年M月D日 或 YYYYMMDD）"
        )
    })
}

fn parse(t: &str) -> Option<NaiveDate> {
    // Full-width digits (a Chinese input method's) are the digits they show.
    let ascii: String = t
        .chars()
        .map(|c| if ('０'..='９').contains(&c) { char::from(b'0' + (c as u32 - '０' as u32) as u8) } else { c })
        .collect();
    let groups: Vec<&str> = ascii.split(|c: char| !c.is_ascii_digit()).filter(|g| !g.is_empty()).collect();
    let num = |g: &str| g.parse::<u32>().ok();
    let (y, m, d) = match groups.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => (num(y)?, num(m)?, num(d)?),
        [all] if all.len() == 8 => (num(&all[..4])?, num(&all[4..6])?, num(&all[6..])?),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_read_and_what_is_refused() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let read = [
            ("2026-10-01", "2026-10-01"),
            ("2026/10/1", "2026-10-01"),
            ("2026.10.1", "2026-10-01"),
            ("2026年10月1日", "2026-10-01"),
            ("20261001", "2026-10-01"),
            (" 2026-1-5 ", "2026-01-05"),
            ("２０２６－１０－０１", "2026-10-01"),
            ("2024-02-29", "2024-02-29"),
        ];
        for (typed, date) in read {
            assert_eq!(read_date(typed), Ok(d(date)), "{typed}");
        }
        let refused =
            ["2026-13-01", "2025-02-29", "2026-10", "26-10-01", "2026-100-1", "202610011", "昨天", "2026-10-01-02"];
        for typed in refused {
            let e = read_date(typed).unwrap_err();
            assert_eq!(
                e,
                format!(
                    "“{typed}” 不是有效的日期（请按 YYYY-MM-DD 填写，\
                     也可写作 YYYY/M/D、YYYY年M月D日 或 YYYYMMDD）"
                )
            );
        }
        assert_eq!(read_date("  "), Err("请填写日期（YYYY-MM-DD）".into()));
    }
}
