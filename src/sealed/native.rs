//! Sealing and opening natively (`peixun-check`), with RustCrypto's `pbkdf2` and `aes-gcm`:
//! the same envelope the browser writes with WebCrypto.

use aes_gcm::aead::{Aead, KeyInit, OsRng, rand_core::RngCore};
use aes_gcm::{Aes256Gcm, Key, Nonce};

use super::{IV_BYTES, MIN_ITERATIONS, SALT_BYTES, Sealed, SealedError, read, write};

pub(super) fn key(passphrase: &str, salt: &[u8], iterations: u32) -> Key<Aes256Gcm> {
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(passphrase.as_bytes(), salt, iterations, &mut key);
    key.into()
}

/// `plain` sealed with `passphrase`, `iterations`, `salt` and `iv` as given (for tests that
/// compare with another implementation's output; files get [`seal`]'s fresh ones).
pub fn seal_with(plain: &[u8], passphrase: &str, iterations: u32, salt: &[u8], iv: &[u8]) -> String {
    let cipher = Aes256Gcm::new(&key(passphrase, salt, iterations));
    // Encryption fails only for a plaintext over GCM's 64 GB limit.
    let ciphertext = cipher.encrypt(Nonce::from_slice(iv), plain).unwrap_or_default();
    write(&Sealed { iterations, salt: salt.to_vec(), iv: iv.to_vec(), ciphertext })
}

/// `plain` sealed with `passphrase`: a fresh random salt and IV, [`MIN_ITERATIONS`].
pub fn seal(plain: &[u8], passphrase: &str) -> String {
    let (mut salt, mut iv) = ([0u8; SALT_BYTES], [0u8; IV_BYTES]);
    OsRng.fill_bytes(&mut salt);
    OsRng.fill_bytes(&mut iv);
    seal_with(plain, passphrase, MIN_ITERATIONS, &salt, &iv)
}

/// The bytes sealed in `text`, opened with `passphrase`.
pub fn open(text: &str, passphrase: &str) -> Result<Vec<u8>, SealedError> {
    let s = read(text)?;
    open_with(&s, &key(passphrase, &s.salt, s.iterations))
}

/// `s` opened with its key.
pub(super) fn open_with(s: &Sealed, key: &Key<Aes256Gcm>) -> Result<Vec<u8>, SealedError> {
    let cipher = Aes256Gcm::new(key);
    cipher.decrypt(Nonce::from_slice(&s.iv), s.ciphertext.as_slice()).map_err(|_| SealedError::WrongOrDamaged)
}
