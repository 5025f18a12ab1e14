//! User-timing spans around the work `make bench` reads back from the page
//! (docs/PERFORMANCE.md): a mark and a measure per span, no network, a few µs.

use leptos::prelude::window;

/// `performance.measure(name)` from its creation to its drop: one line at the top of the
/// block to time.
pub struct Span(&'static str);

impl Span {
    pub fn new(name: &'static str) -> Span {
        if let Some(p) = window().performance() {
            let _ = p.mark(name);
        }
        Span(name)
    }
}

impl Drop for Span {
    fn drop(&mut self) {
        if let Some(p) = window().performance() {
            let _ = p.measure_with_start_mark(self.0, self.0);
            p.clear_marks_with_mark_name(self.0);
        }
    }
}
