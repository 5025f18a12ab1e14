//! A [`ListQuery`] in the hash's query string (`#/?q=%E5%BC%A0&cat=youth&sort=title&desc=1`):
//! only what differs from the default, and anything unknown ignored when read back.

use super::{FindingFilter, ListQuery, SortKey, Status};
use crate::model::Category;

const SORTS: [(SortKey, &str); 8] = [
    (SortKey::Position, "position"),
    (SortKey::Title, "title"),
    (SortKey::Category, "category"),
    (SortKey::Persons, "persons"),
    (SortKey::Unit, "unit"),
    (SortKey::Status, "status"),
    (SortKey::Errors, "errors"),
    (SortKey::Saved, "saved"),
];

impl SortKey {
    pub fn key(self) -> &'static str {
        SORTS.iter().find(|(k, _)| *k == self).map_or("position", |(_, s)| s)
    }

    pub fn from_key(key: &str) -> Option<SortKey> {
        SORTS.iter().find(|(_, s)| *s == key).map(|(k, _)| *k)
    }
}

impl FindingFilter {
    pub fn key(self) -> &'static str {
        match self {
            FindingFilter::HasErrors => "errors",
            FindingFilter::Complete => "complete",
        }
    }

    pub fn from_key(key: &str) -> Option<FindingFilter> {
        [FindingFilter::HasErrors, FindingFilter::Complete].into_iter().find(|f| f.key() == key)
    }
}

impl ListQuery {
    /// The query string, without `?`; empty for the default query.
    pub fn to_query_string(&self) -> String {
        let mut parts = Vec::new();
        if !self.text.is_empty() {
            parts.push(format!("q={}", encode(&self.text)));
        }
        if let Some(c) = self.category {
            parts.push(format!("cat={}", c.key()));
        }
        if let Some(s) = self.status {
            parts.push(format!("status={}", s.key()));
        }
        if let Some(f) = self.findings {
            parts.push(format!("find={}", f.key()));
        }
        if self.sort != SortKey::Position {
            parts.push(format!("sort={}", self.sort.key()));
        }
        if self.descending {
            parts.push("desc=1".into());
        }
        parts.join("&")
    }

    /// Reads the query string of a hash (`#/unit?q=…`); a hash without one is the default.
    pub fn from_hash(hash: &str) -> ListQuery {
        let mut q = ListQuery::default();
        let Some((_, query)) = hash.split_once('?') else { return q };
        for pair in query.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            match key {
                "q" => q.text = value,
                "cat" => q.category = Category::ALL.into_iter().find(|c| c.key() == value),
                "status" => q.status = Status::from_key(&value),
                "find" => q.findings = FindingFilter::from_key(&value),
                "sort" => q.sort = SortKey::from_key(&value).unwrap_or_default(),
                "desc" => q.descending = value == "1",
                _ => {}
            }
        }
        q
    }

    /// `hash` with its query string replaced by this query's (`#/unit` + `?q=…`).
    pub fn in_hash(&self, hash: &str) -> String {
        let path = hash.split('?').next().unwrap_or("");
        let path = if path.is_empty() { "#/" } else { path };
        match self.to_query_string() {
            q if q.is_empty() => path.to_string(),
            q => format!("{path}?{q}"),
        }
    }
}

/// Percent-encodes every byte but the unreserved ones (RFC 3986).
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Undoes [`encode`] (and `+` for a space); a broken escape is kept as typed.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).filter(|h| h.iter().all(u8::is_ascii_hexdigit));
        let hex = hex.and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
