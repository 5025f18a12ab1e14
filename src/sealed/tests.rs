use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::*;

const PASS: &str = "口令 correct horse 7";
const SALT: [u8; 16] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
const IV: [u8; 12] = [0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab];
const PLAIN: &str = r#"{"format":"peixun-bundle","unit":"中国科学院物理研究所"}"#;
/// PLAIN sealed by Node's crypto (OpenSSL): `pbkdf2Sync(PASS, SALT, 600000, 32, 'sha256')`,
/// `createCipheriv('aes-256-gcm', key, IV)`, the ciphertext then `getAuthTag()`, base64.
const OPENSSL: &str = "XQGTuclLPK38hvGDnnw8NkecWczvsvV2H+uyw5VSmxxb7zJlTzQlAYBpUUXH0Z5M\
                       hpgIR/zhuWuAoBXzQkfQsGoZY0MNZnpRicUIKXFUh3ADTQ==";

fn envelope(iterations: u32, salt: &str, iv: &str, ciphertext: &str) -> String {
    let kdf = format!(r#"{{"name":"PBKDF2-SHA256","iterations":{iterations},"salt":"{salt}"}}"#);
    let cipher = format!(r#"{{"name":"AES-256-GCM","iv":"{iv}"}}"#);
    format!(r#"{{"format":"peixun-sealed","version":1,"kdf":{kdf},"cipher":{cipher},"ciphertext":"{ciphertext}"}}"#)
}

fn known() -> String {
    envelope(600_000, &STANDARD.encode(SALT), &STANDARD.encode(IV), OPENSSL)
}

#[test]
fn the_key_is_pbkdf2_hmac_sha256_as_rfc_7914_gives_it() {
    // RFC 7914, section 11: P = "passwd", S = "salt", c = 1, dkLen = 64.
    let mut dk = [0u8; 64];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(b"passwd", b"salt", 1, &mut dk);
    let hex: String = dk.iter().map(|b| format!("{b:02x}")).collect();
    let expected = "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc\
                    49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783";
    assert_eq!(hex, expected);
}

#[test]
fn sealing_gives_what_openssl_gives_and_opens_it() {
    assert_eq!(seal_with(PLAIN.as_bytes(), PASS, 600_000, &SALT, &IV), known());
    assert_eq!(open(&known(), PASS).unwrap(), PLAIN.as_bytes());
}

#[test]
fn a_wrong_passphrase_is_refused() {
    assert_eq!(open(&known(), "口令 correct horse 8"), Err(SealedError::WrongOrDamaged));
    // Not normalized: a full-width digit is another passphrase.
    assert_eq!(open(&known(), "口令 correct horse ７"), Err(SealedError::WrongOrDamaged));
    assert_eq!(SealedError::WrongOrDamaged.to_string(), "口令不正确，或文件已损坏");
}

#[test]
fn every_changed_byte_of_the_ciphertext_is_refused() {
    // The key once (600,000 iterations), then each byte of the ciphertext and tag changed.
    let key = native::key(PASS, &SALT, 600_000);
    let ct = STANDARD.decode(OPENSSL).unwrap();
    let at = |ciphertext: Vec<u8>| Sealed { iterations: 600_000, salt: SALT.to_vec(), iv: IV.to_vec(), ciphertext };
    assert_eq!(native::open_with(&at(ct.clone()), &key).unwrap(), PLAIN.as_bytes());
    for i in 0..ct.len() {
        let mut changed = ct.clone();
        changed[i] ^= 0x01;
        assert_eq!(native::open_with(&at(changed), &key), Err(SealedError::WrongOrDamaged), "byte {i}");
    }
    // Through the file too: one byte changed.
    let mut changed = ct.clone();
    changed[0] ^= 0x80;
    let text = envelope(600_000, &STANDARD.encode(SALT), &STANDARD.encode(IV), &STANDARD.encode(&changed));
    assert_eq!(open(&text, PASS), Err(SealedError::WrongOrDamaged));
    // A changed salt or IV derives or starts another stream: refused the same way.
    let mut salt = SALT;
    salt[0] ^= 1;
    assert_eq!(
        open(&envelope(600_000, &STANDARD.encode(salt), &STANDARD.encode(IV), OPENSSL), PASS),
        Err(SealedError::WrongOrDamaged)
    );
    let mut iv = IV;
    iv[11] ^= 1;
    assert_eq!(
        open(&envelope(600_000, &STANDARD.encode(SALT), &STANDARD.encode(iv), OPENSSL), PASS),
        Err(SealedError::WrongOrDamaged)
    );
}

#[test]
fn each_seal_has_a_fresh_salt_and_iv_and_opens() {
    let (a, b) = (seal(PLAIN.as_bytes(), PASS), seal(PLAIN.as_bytes(), PASS));
    let (ra, rb) = (read(&a).unwrap(), read(&b).unwrap());
    assert_ne!(ra.salt, rb.salt);
    assert_ne!(ra.iv, rb.iv);
    assert_eq!(ra.iterations, MIN_ITERATIONS);
    assert_eq!(open(&a, PASS).unwrap(), PLAIN.as_bytes());
    assert_eq!(open(&b, PASS).unwrap(), PLAIN.as_bytes());
}

fn malformed(text: &str) -> String {
    match read(text) {
        Err(SealedError::Malformed(what)) => what,
        other => panic!("expected Malformed, got {other:?}"),
    }
}

#[test]
fn a_malformed_envelope_says_what_is_wrong() {
    let (salt, iv) = (STANDARD.encode(SALT), STANDARD.encode(IV));
    assert!(malformed("{").contains("不是完整的加密文件"));
    assert!(malformed(&known().replace("\"version\":1", "\"version\":2")).contains("version 2"));
    assert!(malformed(&known().replace("PBKDF2-SHA256", "scrypt")).contains("kdf.name"));
    assert!(malformed(&known().replace("AES-256-GCM", "AES-128-GCM")).contains("cipher.name"));
    assert!(malformed(&known().replace(&salt, "not base64!")).contains("kdf.salt 不是有效的 base64"));
    assert!(malformed(&known().replace(&salt, &STANDARD.encode([1u8; 8]))).contains("kdf.salt 应为 16 字节，实为 8"));
    assert!(malformed(&known().replace(&iv, &STANDARD.encode([1u8; 16]))).contains("cipher.iv 应为 12 字节"));
    assert!(malformed(&envelope(600_000, &salt, &iv, &STANDARD.encode([0u8; 15]))).contains("ciphertext 不足 16 字节"));
    assert_eq!(read(&envelope(600_000, &salt, &iv, &STANDARD.encode([0u8; 16]))).unwrap().ciphertext.len(), 16);
}

#[test]
fn iterations_are_between_600000_and_ten_million() {
    let (salt, iv) = (STANDARD.encode(SALT), STANDARD.encode(IV));
    for (n, ok) in [(599_999, false), (600_000, true), (10_000_000, true), (10_000_001, false)] {
        assert_eq!(read(&envelope(n, &salt, &iv, OPENSSL)).is_ok(), ok, "{n}");
    }
}

#[test]
fn a_sealed_file_is_told_by_its_format_alone() {
    assert!(is_sealed(&known()));
    assert!(is_sealed(r#"{"format":"peixun-sealed"}"#));
    assert!(is_sealed("\u{feff}{\"format\":\"peixun-sealed\",\"version\":9}"));
    assert!(is_sealed(r#"{"format":"peixun\u002dsealed"}"#), "an escaped name too");
    assert!(!is_sealed(r#"{"format":"peixun-bundle","version":1}"#));
    assert!(!is_sealed(r#"{"format":1}"#));
    assert!(!is_sealed("not json"));
}

#[test]
fn a_passphrase_has_eight_characters_and_is_typed_the_same_twice() {
    assert_eq!(passphrase_problem("1234567", "1234567").as_deref(), Some("口令至少 8 个字符"));
    assert_eq!(passphrase_problem("口令口令口令口令", "口令口令口令口令"), None);
    assert_eq!(passphrase_problem("12345678", "12345679").as_deref(), Some("两次输入的口令不一致"));
}
