//! Text from people, made comparable: what they typed is stored as typed; before two texts
//! are compared, both are read through Unicode NFKC (full-width letters and digits become
//! ASCII, compatibility forms their plain letters) and lose what cannot be seen.

use unicode_normalization::UnicodeNormalization;

/// Unicode's format characters (general category Cf, Unicode 16): zero-width space and
/// joiners, direction marks, the BOM, soft hyphen … They print as nothing.
const FORMAT: [(char, char); 21] = [
    ('\u{AD}', '\u{AD}'),
    ('\u{600}', '\u{605}'),
    ('\u{61C}', '\u{61C}'),
    ('\u{6DD}', '\u{6DD}'),
    ('\u{70F}', '\u{70F}'),
    ('\u{890}', '\u{891}'),
    ('\u{8E2}', '\u{8E2}'),
    ('\u{180E}', '\u{180E}'),
    ('\u{200B}', '\u{200F}'),
    ('\u{202A}', '\u{202E}'),
    ('\u{2060}', '\u{2064}'),
    ('\u{2066}', '\u{206F}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{FFF9}', '\u{FFFB}'),
    ('\u{110BD}', '\u{110BD}'),
    ('\u{110CD}', '\u{110CD}'),
    ('\u{13430}', '\u{1343F}'),
    ('\u{1BCA0}', '\u{1BCA3}'),
    ('\u{1D173}', '\u{1D17A}'),
    ('\u{E0001}', '\u{E0001}'),
    ('\u{E0020}', '\u{E007F}'),
];

/// A character that shows nothing: white space (U+3000 included) or a format character.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace() || FORMAT.iter().any(|&(a, b)| (a..=b).contains(&c))
}

/// Nothing anyone could read: empty, spaces, or only invisible characters.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(is_invisible)
}

/// The key a name is compared by: NFKC, with every invisible character (all white space
/// among them, the U+3000 that pads 「王　五」 to align in a table) left out.
pub fn name_key(s: &str) -> String {
    s.nfkc().filter(|&c| !is_invisible(c)).collect()
}

/// The key a place is compared by: NFKC, case-folded, invisible characters left out at
/// the ends and runs of white space inside read as one space (「ＢＥＲＬＩＮ」 = 「berlin 」,
/// 「New  York」 = 「new york」, 「Gießen」 = 「GIESSEN」).
pub fn place_key(s: &str) -> String {
    let lower: String = s.nfkc().filter(|&c| c.is_whitespace() || !is_invisible(c)).collect::<String>().to_lowercase();
    // Full case folding where it differs from lowercase after NFKC: ß (and ẞ, lowercased
    // to it) folds to ss, the final sigma to σ.
    let folded = lower.replace('ß', "ss").replace('ς', "σ");
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_is_whatever_shows_nothing() {
        for s in ["", " ", "\t\n", "\u{3000}", "\u{200B}", "\u{FEFF}", " \u{200B}\u{3000}\u{200D}", "\u{AD}\u{2060}"] {
            assert!(is_blank(s), "{s:?}");
        }
        for s in ["a", " 张", "\u{200B}x", "。", "0"] {
            assert!(!is_blank(s), "{s:?}");
        }
    }

    #[test]
    fn names_compare_after_nfkc_without_any_space() {
        let same = [
            ("王五", "王　五"),
            ("王五", " 王 五\u{3000}"),
            ("王五", "王\u{200B}五"),
            ("Anna Li", "Ａｎｎａ　Ｌｉ"),
            ("李㈠", "李(一)"),
        ];
        for (a, b) in same {
            assert_eq!(name_key(a), name_key(b), "{a} = {b}");
        }
        for (a, b) in [("王五", "王午"), ("Anna", "anna"), ("王五", "王五五")] {
            assert_ne!(name_key(a), name_key(b), "{a} ≠ {b}");
        }
    }

    #[test]
    fn places_compare_after_nfkc_and_case_folding() {
        let same = [
            ("Berlin", "ＢＥＲＬＩＮ"),
            ("Berlin", " berlin\u{200B} "),
            ("New York", "new  york"),
            ("慕尼黑", "慕尼黑\u{3000}"),
            ("Gießen", "GIESSEN"),
            ("GIEẞEN", "giessen"),
            ("ΘΕΣΣΑΛΟΝΊΚΗ", "θεσσαλονίκη"),
            ("Θεσσαλονίκης", "ΘΕΣΣΑΛΟΝΊΚΗΣ"),
        ];
        for (a, b) in same {
            assert_eq!(place_key(a), place_key(b), "{a} = {b}");
        }
        for (a, b) in [("Berlin", "Bern"), ("New York", "NewYork"), ("慕尼黑", "柏林"), ("Gießen", "Giesen")] {
            assert_ne!(place_key(a), place_key(b), "{a} ≠ {b}");
        }
    }
}
