//! A long list a page at a time: which rows a page shows (`ui::list::Paging` keeps the
//! page; 院人事局's groups and the import preview show lists this way).

use std::ops::Range;

/// How many pages of `size` rows `total` rows make (one page for none).
pub fn page_count(total: usize, size: usize) -> usize {
    total.div_ceil(size).max(1)
}

/// The rows page `page` of `total` shows, `size` a page; a page past the end shows the
/// last one.
pub fn page_range(page: usize, total: usize, size: usize) -> Range<usize> {
    let page = page.min(page_count(total, size) - 1);
    let start = page * size;
    start..(start + size).min(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_cover_every_row_once() {
        assert_eq!(page_count(0, 100), 1);
        assert_eq!(page_count(100, 100), 1);
        assert_eq!(page_count(101, 100), 2);
        assert_eq!(page_count(3000, 100), 30);
        assert_eq!(page_count(101, 50), 3);
        assert_eq!(page_range(0, 0, 100), 0..0);
        assert_eq!(page_range(0, 250, 100), 0..100);
        assert_eq!(page_range(2, 250, 100), 200..250);
        assert_eq!(page_range(2, 250, 50), 100..150);
        // Past the end (rows went away): the last page.
        assert_eq!(page_range(9, 250, 100), 200..250);
        let every: Vec<usize> = (0..page_count(3000, 100)).flat_map(|p| page_range(p, 3000, 100)).collect();
        assert_eq!(every, (0..3000).collect::<Vec<_>>());
    }
}
