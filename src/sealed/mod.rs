//! Sealed bundles: any bundle's bytes in an envelope that only a passphrase opens, for
//! files that travel by e-mail and chat (docs/bundle-format.md, "Sealed files").
//!
//! ```json
//! {"format":"peixun-sealed","version":1,
//!  "kdf":{"name":"PBKDF2-SHA256","iterations":600000,"salt":"<base64, 16 bytes>"},
//!  "cipher":{"name":"AES-256-GCM","iv":"<base64, 12 bytes>"},
//!  "ciphertext":"<base64: the bundle's UTF-8 bytes encrypted, then GCM's 16-byte tag>"}
//! ```
//!
//! The key is PBKDF2-HMAC-SHA256 of the passphrase's UTF-8 bytes (as typed: not
//! normalized) with the salt, 32 bytes; AES-256-GCM with the IV, no additional data. A
//! fresh random salt and IV per file. This module reads and writes the envelope (both
//! sides); the cryptography is the browser's WebCrypto in the app and RustCrypto natively
//! (`native`, for `peixun-check`): none of it is compiled into the wasm.

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

#[cfg(not(target_arch = "wasm32"))]
pub use native::{open, seal, seal_with};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "peixun-sealed";
pub const VERSION: u32 = 1;
pub const KDF: &str = "PBKDF2-SHA256";
pub const CIPHER: &str = "AES-256-GCM";
/// The fewest iterations a file may ask for (OWASP's figure for PBKDF2-HMAC-SHA256), and
/// what this app writes.
pub const MIN_ITERATIONS: u32 = 600_000;
/// The most a file may ask for: a file must not make its reader work for minutes.
pub const MAX_ITERATIONS: u32 = 10_000_000;
pub const SALT_BYTES: usize = 16;
pub const IV_BYTES: usize = 12;
/// GCM's authentication tag, at the end of the ciphertext.
pub const TAG_BYTES: usize = 16;
/// The shortest passphrase the app accepts when sealing.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// What a wrong passphrase and a changed byte both say: GCM cannot tell them apart.
pub const WRONG_OR_DAMAGED: &str = "口令不正确，或文件已损坏";

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope {
    format: String,
    version: u32,
    kdf: Kdf,
    cipher: Cipher,
    ciphertext: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Kdf {
    name: String,
    iterations: u32,
    salt: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Cipher {
    name: String,
    iv: String,
}

/// An envelope read and checked: what opening it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    /// The encrypted bytes followed by the tag.
    pub ciphertext: Vec<u8>,
}

/// Why a sealed file cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SealedError {
    /// Not an envelope this version reads: said with what is wrong.
    Malformed(String),
    /// The passphrase does not open it, or a byte was changed.
    WrongOrDamaged,
}

impl std::fmt::Display for SealedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SealedError::Malformed(what) => write!(f, "加密文件的格式不正确：{what}"),
            SealedError::WrongOrDamaged => f.write_str(WRONG_OR_DAMAGED),
        }
    }
}

/// Whether `text` is meant as a sealed file (its top-level `format`), whatever else it
/// holds: such a file gets the envelope's messages, never a bundle's.
pub fn is_sealed(text: &str) -> bool {
    // Every imported file is asked: a bundle of 5 MB is not parsed a second time unless it
    // holds the format's name at all (a scan, not a parse), or a `\u` escape that could
    // spell it.
    if !text.contains(FORMAT) && !text.contains("\\u") {
        return false;
    }
    #[derive(Deserialize)]
    struct Format {
        format: Option<serde_json::Value>,
    }
    serde_json::from_str::<Format>(text.trim_start_matches('\u{feff}'))
        .is_ok_and(|f| f.format.as_ref().and_then(|v| v.as_str()) == Some(FORMAT))
}

fn bytes(field: &str, text: &str, len: Option<usize>) -> Result<Vec<u8>, SealedError> {
    let b = STANDARD.decode(text).map_err(|_| SealedError::Malformed(format!("{field} 不是有效的 base64")))?;
    match len {
        Some(n) if b.len() != n => Err(SealedError::Malformed(format!("{field} 应为 {n} 字节，实为 {}", b.len()))),
        _ => Ok(b),
    }
}

/// Reads and checks an envelope.
pub fn read(text: &str) -> Result<Sealed, SealedError> {
    let e: Envelope = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| SealedError::Malformed(format!("不是完整的加密文件（{e}）")))?;
    let bad = |what: String| Err(SealedError::Malformed(what));
    if e.format != FORMAT {
        return bad(format!("format 应为 {FORMAT}"));
    }
    if e.version != VERSION {
        return bad(format!("version {} 不是本程序能读取的版本（{VERSION}）", e.version));
    }
    if e.kdf.name != KDF {
        return bad(format!("kdf.name 应为 {KDF}"));
    }
    if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&e.kdf.iterations) {
        return bad(format!("kdf.iterations 应在 {MIN_ITERATIONS} 与 {MAX_ITERATIONS} 之间"));
    }
    if e.cipher.name != CIPHER {
        return bad(format!("cipher.name 应为 {CIPHER}"));
    }
    let salt = bytes("kdf.salt", &e.kdf.salt, Some(SALT_BYTES))?;
    let iv = bytes("cipher.iv", &e.cipher.iv, Some(IV_BYTES))?;
    let ciphertext = bytes("ciphertext", &e.ciphertext, None)?;
    if ciphertext.len() < TAG_BYTES {
        return bad(format!("ciphertext 不足 {TAG_BYTES} 字节"));
    }
    Ok(Sealed { iterations: e.kdf.iterations, salt, iv, ciphertext })
}

/// The envelope's text for what was sealed.
pub fn write(sealed: &Sealed) -> String {
    let e = Envelope {
        format: FORMAT.into(),
        version: VERSION,
        kdf: Kdf { name: KDF.into(), iterations: sealed.iterations, salt: STANDARD.encode(&sealed.salt) },
        cipher: Cipher { name: CIPHER.into(), iv: STANDARD.encode(&sealed.iv) },
        ciphertext: STANDARD.encode(&sealed.ciphertext),
    };
    serde_json::to_string(&e).unwrap_or_default()
}

/// The sealed file's name for a file: `x.peixun.json` → `x.peixun.sealed.json`.
pub fn sealed_file_name(name: &str) -> String {
    format!("{}.sealed.json", name.strip_suffix(".json").unwrap_or(name))
}

/// Why a passphrase typed to seal with is refused: too short, or not typed the same twice.
pub fn passphrase_problem(passphrase: &str, again: &str) -> Option<String> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        Some(format!("口令至少 {MIN_PASSPHRASE_CHARS} 个字符"))
    } else if passphrase != again {
        Some("两次输入的口令不一致".into())
    } else {
        None
    }
}
