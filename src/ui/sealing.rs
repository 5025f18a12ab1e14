//! Sealing and opening with the browser's WebCrypto (`crypto.subtle`): PBKDF2-SHA256 and
//! AES-256-GCM, the envelope read and written by `crate::sealed`. Called only from the
//! import's and the exports' chunks, so none of it is in the first module; no cryptography
//! is compiled into the wasm.

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::sealed::{self, IV_BYTES, MIN_ITERATIONS, SALT_BYTES, Sealed, SealedError};

const NO_CRYPTO: &str = "本浏览器不支持加密功能（WebCrypto 只在 HTTPS 或本机地址下可用）";

fn get(target: &JsValue, key: &str) -> Result<JsValue, JsValue> {
    Reflect::get(target, &JsValue::from_str(key))
}

fn object(fields: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

fn crypto() -> Result<JsValue, String> {
    get(&js_sys::global(), "crypto").ok().filter(|c| !c.is_undefined()).ok_or_else(|| NO_CRYPTO.to_string())
}

/// `crypto.subtle.<method>(...args)`, awaited.
async fn subtle(method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let subtle = get(&crypto().map_err(|e| JsValue::from_str(&e))?, "subtle")?;
    let f: Function = get(&subtle, method)?.dyn_into()?;
    let promise: Promise = f.apply(&subtle, &args.iter().collect::<Array>())?.dyn_into()?;
    JsFuture::from(promise).await
}

fn bytes(b: &[u8]) -> JsValue {
    Uint8Array::from(b).into()
}

fn random(n: usize) -> Result<Vec<u8>, String> {
    let array = Uint8Array::new_with_length(n as u32);
    let f: Function = get(&crypto()?, "getRandomValues").and_then(|f| f.dyn_into()).map_err(|_| NO_CRYPTO)?;
    f.call1(&crypto()?, &array).map_err(|_| NO_CRYPTO)?;
    Ok(array.to_vec())
}

/// The AES-256-GCM key of `passphrase` for `usage` ("encrypt" or "decrypt").
async fn key(passphrase: &str, salt: &[u8], iterations: u32, usage: &str) -> Result<JsValue, JsValue> {
    let usages = |u: &str| JsValue::from(Array::of1(&JsValue::from_str(u)));
    let base = subtle(
        "importKey",
        &["raw".into(), bytes(passphrase.as_bytes()), "PBKDF2".into(), false.into(), usages("deriveKey")],
    )
    .await?;
    let pbkdf2 = object(&[
        ("name", "PBKDF2".into()),
        ("salt", bytes(salt)),
        ("iterations", iterations.into()),
        ("hash", "SHA-256".into()),
    ]);
    let aes = object(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    subtle("deriveKey", &[pbkdf2.into(), base, aes.into(), false.into(), usages(usage)]).await
}

fn gcm(iv: &[u8]) -> JsValue {
    object(&[("name", "AES-GCM".into()), ("iv", bytes(iv))]).into()
}

/// `text` sealed with `passphrase`: a fresh salt and IV, [`MIN_ITERATIONS`].
pub async fn seal(text: &str, passphrase: &str) -> Result<String, String> {
    let (salt, iv) = (random(SALT_BYTES)?, random(IV_BYTES)?);
    let fail = |e: JsValue| format!("加密没有成功：{}", e.as_string().unwrap_or_else(|| format!("{e:?}")));
    let key = key(passphrase, &salt, MIN_ITERATIONS, "encrypt").await.map_err(fail)?;
    let out = subtle("encrypt", &[gcm(&iv), key, bytes(text.as_bytes())]).await.map_err(fail)?;
    let ciphertext = Uint8Array::new(&out).to_vec();
    Ok(sealed::write(&Sealed { iterations: MIN_ITERATIONS, salt, iv, ciphertext }))
}

/// The text sealed in `text`, opened with `passphrase`.
pub async fn open(text: &str, passphrase: &str) -> Result<String, SealedError> {
    let s = sealed::read(text)?;
    let key = key(passphrase, &s.salt, s.iterations, "decrypt").await.map_err(|_| SealedError::WrongOrDamaged)?;
    let out =
        subtle("decrypt", &[gcm(&s.iv), key, bytes(&s.ciphertext)]).await.map_err(|_| SealedError::WrongOrDamaged)?;
    String::from_utf8(Uint8Array::new(&out).to_vec())
        .map_err(|_| SealedError::Malformed("解密后的内容不是 UTF-8 编码的文本".into()))
}
