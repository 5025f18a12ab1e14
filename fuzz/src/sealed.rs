//! `sealed`: any bytes as a sealed file's envelope (`peixun-sealed`, version 1), as the
//! browser's import and `peixun-check --passphrase-file` read it before any passphrase.
//!
//! Invariants: telling a sealed file and reading its envelope never panic; an envelope
//! read is written and read back the same, with a salt of 16 bytes, an IV of 12, at least
//! the tag's 16 bytes of ciphertext and iterations within the bounds; whatever is read is
//! also told as sealed; and a file refused says why in Chinese.

use peixun::sealed::{self, IV_BYTES, MAX_ITERATIONS, MIN_ITERATIONS, SALT_BYTES, SealedError, TAG_BYTES};

pub fn run(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let told = sealed::is_sealed(&text);
    match sealed::read(&text) {
        Ok(s) => {
            assert!(told, "an envelope read but not told as sealed");
            assert_eq!(s.salt.len(), SALT_BYTES);
            assert_eq!(s.iv.len(), IV_BYTES);
            assert!(s.ciphertext.len() >= TAG_BYTES);
            assert!((MIN_ITERATIONS..=MAX_ITERATIONS).contains(&s.iterations));
            let again = sealed::read(&sealed::write(&s)).expect("what was written reads back");
            assert_eq!(again, s);
        }
        Err(SealedError::Malformed(what)) => assert!(!what.trim().is_empty(), "refused without saying why"),
        Err(SealedError::WrongOrDamaged) => panic!("reading an envelope needs no passphrase"),
    }
}
