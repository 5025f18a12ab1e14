//! The browser's clock, read only here: the core takes dates as parameters.

use chrono::{DateTime, FixedOffset, NaiveDate, Timelike, Utc};

pub fn now() -> DateTime<FixedOffset> {
    let date = js_sys::Date::new_0();
    let utc = DateTime::<Utc>::from_timestamp_millis(date.get_time() as i64).unwrap_or_default();
    // getTimezoneOffset is UTC minus local, in minutes.
    let offset = FixedOffset::west_opt((date.get_timezone_offset() * 60.0) as i32)
        .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset"));
    utc.with_timezone(&offset)
}

/// 14:05:09 (by hand: chrono's `format` is heavy in the wasm).
pub fn hms(t: DateTime<FixedOffset>) -> String {
    format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())
}

/// 2020-06-01 14:05.
pub fn date_hm(t: DateTime<FixedOffset>) -> String {
    format!("{} {:02}:{:02}", t.date_naive(), t.hour(), t.minute())
}

pub fn today() -> NaiveDate {
    now().date_naive()
}

/// A new random id (crypto.randomUUID).
pub fn new_id() -> String {
    leptos::prelude::window()
        .crypto()
        .map(|c| c.random_uuid())
        .unwrap_or_else(|_| format!("id-{}", js_sys::Date::now()))
}
