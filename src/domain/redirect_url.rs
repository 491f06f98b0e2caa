//! Merchant redirect URLs (`success_url`, `cancel_url`).

use serde::{Deserialize, Serialize};

/// An absolute `http`/`https` URL of 1–2083 characters with no credentials, whitespace or
/// control characters. Holding one means it is valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[schema(value_type = String, example = "https://shop.example/thanks/{CHECKOUT_ID}")]
#[serde(try_from = "String", into = "String")]
pub struct RedirectUrl(String);

pub const PLACEHOLDER: &str = "{CHECKOUT_ID}";

impl RedirectUrl {
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        check_text(raw)?;
        // The placeholder is not valid in every URL position; check the URL with it filled.
        let probe = if raw.contains(PLACEHOLDER) {
            std::borrow::Cow::Owned(
                raw.replace(PLACEHOLDER, "00000000-0000-0000-0000-000000000000"),
            )
        } else {
            std::borrow::Cow::Borrowed(raw)
        };
        let url = url::Url::parse(&probe).map_err(|_| "must be an absolute URL")?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err("must use http or https");
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err("must not contain credentials");
        }
        match url.host_str() {
            Some(h) if !h.is_empty() => {}
            _ => return Err("must have a host"),
        }
        Ok(Self(raw.to_owned()))
    }

    /// A URL read back from storage, which only [`RedirectUrl::parse`] writes to: the checks
    /// on its text are repeated, the full URL parse is not (on every read it was 2.5 % of a
    /// hosted page's CPU, docs/performance.md).
    pub fn from_stored(raw: String) -> Result<Self, &'static str> {
        check_text(&raw)?;
        Ok(Self(raw))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The URL the browser is sent to, with `{CHECKOUT_ID}` replaced.
    pub fn for_checkout(&self, checkout_id: uuid::Uuid) -> String {
        self.0.replace(PLACEHOLDER, &checkout_id.to_string())
    }
}

/// What can be checked on the text alone: length, characters, an `http://` or `https://` start.
fn check_text(raw: &str) -> Result<(), &'static str> {
    if raw.is_empty() || raw.len() > 2083 {
        return Err("must be 1 to 2083 characters long");
    }
    if raw
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return Err("must not contain whitespace, control characters or backslashes");
    }
    let starts = |prefix: &str| {
        raw.get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
    };
    if !(starts("http://") || starts("https://")) {
        return Err("must start with http:// or https://");
    }
    Ok(())
}

impl TryFrom<String> for RedirectUrl {
    type Error = &'static str;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<RedirectUrl> for String {
    fn from(value: RedirectUrl) -> Self {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_https_with_placeholder() {
        let u = RedirectUrl::parse("https://shop.example/done?c={CHECKOUT_ID}").unwrap();
        let id = uuid::Uuid::nil();
        assert_eq!(
            u.for_checkout(id),
            "https://shop.example/done?c=00000000-0000-0000-0000-000000000000"
        );
    }

    #[test]
    fn rejects_open_redirect_tricks() {
        for bad in [
            "",
            "//evil.example",
            "https://good.example@evil.example",
            "https://user:pw@evil.example/",
            "https:/\\evil.example",
            "https:\\\\evil.example",
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "ftp://files.example/",
            "/relative/path",
            "https://good.example/ path",
            "https://good.example/\npath",
            "https://good.example/\tpath",
            " https://good.example/",
            "https://good.example/\u{0000}",
            "%68ttps://evil.example",
            "https%3A%2F%2Fevil.example",
            "http:evil.example",
            "https:",
        ] {
            assert!(RedirectUrl::parse(bad).is_err(), "accepted {bad:?}");
        }
        let long = format!("https://a.example/{}", "a".repeat(2070));
        assert!(RedirectUrl::parse(&long).is_err());
    }

    #[test]
    fn a_stored_url_keeps_the_checks_on_its_text() {
        let u = RedirectUrl::parse("https://shop.example/done/{CHECKOUT_ID}").unwrap();
        assert_eq!(RedirectUrl::from_stored(u.as_str().to_owned()), Ok(u));
        for bad in [
            "",
            "javascript:alert(1)",
            "https://good.example/ path",
            "/relative",
        ] {
            assert!(
                RedirectUrl::from_stored(bad.to_owned()).is_err(),
                "accepted {bad:?}"
            );
        }
    }
}
