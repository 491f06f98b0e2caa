//! Standard Webhooks signatures (SPEC §8) and signed redirects (SPEC §9): HMAC-SHA256.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use rand::RngCore as _;
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// Every endpoint secret starts so; the rest is base64 of the key.
pub const SECRET_PREFIX: &str = "whsec_";

/// A new endpoint secret: `whsec_` + base64 of 32 random bytes.
pub fn new_secret() -> String {
    let mut key = [0u8; 32];
    rand::rng().fill_bytes(&mut key);
    format!("{SECRET_PREFIX}{}", STANDARD.encode(key))
}

/// A new redirect secret: `rsec_` + 64 hex digits (32 random bytes); the HMAC key is the
/// whole string's UTF-8 bytes.
pub fn new_redirect_secret() -> String {
    let mut key = [0u8; 32];
    rand::rng().fill_bytes(&mut key);
    format!("rsec_{}", hex::encode(key))
}

fn mac(key: &[u8]) -> HmacSha256 {
    // HMAC takes a key of any length.
    match HmacSha256::new_from_slice(key) {
        Ok(m) => m,
        Err(_) => unreachable!("HMAC accepts keys of every length"),
    }
}

/// `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">` keyed with the base64-decoded part
/// of `secret`; `None` if the secret is not of our form.
pub fn sign(secret: &str, id: &str, timestamp: i64, body: &[u8]) -> Option<String> {
    let key = STANDARD.decode(secret.strip_prefix(SECRET_PREFIX)?).ok()?;
    let mut m = mac(&key);
    m.update(id.as_bytes());
    m.update(b".");
    m.update(timestamp.to_string().as_bytes());
    m.update(b".");
    m.update(body);
    Some(format!("v1,{}", STANDARD.encode(m.finalize().into_bytes())))
}

/// The `webhook-signature` header: one signature per secret, space-separated.
pub fn header(secrets: &[&str], id: &str, timestamp: i64, body: &[u8]) -> String {
    secrets
        .iter()
        .filter_map(|s| sign(s, id, timestamp, body))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lowercase hex HMAC-SHA256 of `message` keyed with the UTF-8 bytes of `secret`.
pub fn hex_hmac(secret: &str, message: &str) -> String {
    let mut m = mac(secret.as_bytes());
    m.update(message.as_bytes());
    hex::encode(m.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Standard Webhooks specification's published example.
    #[test]
    fn known_answer_from_the_specification() {
        let sig = sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            br#"{"test": 2432232314}"#,
        );
        assert_eq!(
            sig.as_deref(),
            Some("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        );
    }

    #[test]
    fn several_secrets_sign_space_separated() {
        let a = new_secret();
        let b = new_secret();
        let h = header(&[&a, &b], "id", 1, b"{}");
        let parts: Vec<&str> = h.split(' ').collect();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0], sign(&a, "id", 1, b"{}").unwrap());
        assert_eq!(parts[1], sign(&b, "id", 1, b"{}").unwrap());
        assert!(sign("nope", "id", 1, b"{}").is_none());
    }

    #[test]
    fn secrets_have_their_forms() {
        let s = new_secret();
        let key = STANDARD
            .decode(s.strip_prefix(SECRET_PREFIX).unwrap())
            .unwrap();
        assert_eq!(key.len(), 32);
        let r = new_redirect_secret();
        assert_eq!(r.len(), 5 + 64);
        // RFC 4231 test case 2.
        assert_eq!(
            hex_hmac("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
