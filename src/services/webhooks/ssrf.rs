//! The SSRF guard (SPEC §8): which endpoint URLs and addresses a delivery may reach.
//!
//! A URL is parsed the WHATWG way (`url`), which already turns `http://2130706433/`,
//! `http://0177.0.0.1/` and `http://0x7f.1/` into `127.0.0.1`, so every literal is checked as
//! the address it means. Names are checked when a delivery resolves them, by the client's own
//! resolver ([`GuardedResolver`]): the connection goes to the addresses checked, with no
//! second lookup.

use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, LazyLock};

use ipnet::IpNet;
use url::{Host, Url};

/// What an attempt reports when the guard refuses an address.
pub const BLOCKED: &str = "blocked address";

/// Not public unicast: IANA's special-purpose registries, v4 and v6, and the v6 forms that
/// embed a v4 address (mapped ones are unwrapped before the check; NAT64 and 6to4 are refused).
static BLOCKED_RANGES: LazyLock<Vec<IpNet>> = LazyLock::new(|| {
    [
        "0.0.0.0/8",
        "10.0.0.0/8",
        "100.64.0.0/10",
        "127.0.0.0/8",
        "169.254.0.0/16",
        "172.16.0.0/12",
        "192.0.0.0/24",
        "192.0.2.0/24",
        "192.88.99.0/24",
        "192.168.0.0/16",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/4",
        "240.0.0.0/4",
        "::/96",
        "::1/128",
        "64:ff9b::/96",
        "64:ff9b:1::/48",
        "100::/64",
        "2001::/23",
        "2001:db8::/32",
        "2002::/16",
        "fc00::/7",
        "fe80::/10",
        "fec0::/10",
        "ff00::/8",
    ]
    .iter()
    .filter_map(|r| r.parse().ok())
    .collect()
});

/// Which addresses deliveries may reach.
#[derive(Debug, Clone)]
pub struct AddressPolicy {
    /// Production: `https` only, and no loopback.
    pub production: bool,
    /// `WEBHOOK_ALLOWED_CIDRS`: reachable even if they are not public.
    pub allowed: Vec<IpNet>,
}

impl Default for AddressPolicy {
    fn default() -> Self {
        Self {
            production: true,
            allowed: Vec::new(),
        }
    }
}

impl AddressPolicy {
    /// Parses `WEBHOOK_ALLOWED_CIDRS` (comma-separated; a bare address is a /32 or /128).
    pub fn parse_cidrs(list: &str) -> Result<Vec<IpNet>, String> {
        list.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse::<IpNet>()
                    .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| format!("{s:?} is not a CIDR range or an address"))
            })
            .collect()
    }

    /// Whether a delivery may connect to `ip`.
    pub fn allows(&self, ip: IpAddr) -> bool {
        let ip = unmapped(ip);
        if self.allowed.iter().any(|n| n.contains(&ip)) {
            return true;
        }
        if !self.production && ip.is_loopback() {
            return true;
        }
        !BLOCKED_RANGES.iter().any(|n| n.contains(&ip))
    }

    /// An endpoint URL as given: absolute `https` (or `http` in development), with a host,
    /// no credentials, and a literal address only if [`allows`](Self::allows) it.
    pub fn check_url(&self, raw: &str) -> Result<Url, &'static str> {
        if raw.len() > 2048 {
            return Err("must be at most 2048 characters");
        }
        let url = Url::parse(raw).map_err(|_| "must be an absolute URL")?;
        match url.scheme() {
            "https" => {}
            "http" if !self.production => {}
            "http" => return Err("must use https"),
            _ => return Err("must be an https URL"),
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err("must not contain credentials");
        }
        match url.host() {
            None => Err("must have a host"),
            Some(Host::Ipv4(ip)) if !self.allows(IpAddr::V4(ip)) => Err(BLOCKED),
            Some(Host::Ipv6(ip)) if !self.allows(IpAddr::V6(ip)) => Err(BLOCKED),
            Some(Host::Domain(d)) if !self.production || !is_local_name(d) => Ok(url.clone()),
            Some(Host::Domain(_)) => Err(BLOCKED),
            Some(_) => Ok(url.clone()),
        }
    }
}

/// Names that only ever mean this machine or its network.
fn is_local_name(d: &str) -> bool {
    let d = d.trim_end_matches('.').to_ascii_lowercase();
    d == "localhost"
        || d.ends_with(".localhost")
        || d.ends_with(".local")
        || d.ends_with(".internal")
}

/// `::ffff:a.b.c.d` is `a.b.c.d`.
fn unmapped(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// The refusal, found in the client's error chain to report [`BLOCKED`].
#[derive(Debug, thiserror::Error)]
#[error("blocked address")]
pub struct Blocked;

/// reqwest's resolver for deliveries: the system's lookup, refused if any address is blocked.
pub struct GuardedResolver {
    pub policy: Arc<AddressPolicy>,
}

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let policy = self.policy.clone();
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let addrs: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            if addrs.is_empty() || addrs.iter().any(|a| !policy.allows(a.ip())) {
                return Err(Box::new(Blocked) as Box<dyn std::error::Error + Send + Sync>);
            }
            Ok(Box::new(addrs.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

/// Whether `e`'s chain holds the guard's refusal.
pub fn is_blocked(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cur = Some(e);
    while let Some(err) = cur {
        if err.is::<Blocked>() {
            return true;
        }
        cur = err.source();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn production() -> AddressPolicy {
        AddressPolicy::default()
    }

    #[test]
    fn production_refuses_every_non_public_literal() {
        let p = production();
        for url in [
            "https://127.0.0.1/",
            "https://127.1.2.3/",
            "https://2130706433/",
            "https://0177.0.0.1/",
            "https://0x7f.0.0.1/",
            "https://10.0.0.1/",
            "https://172.16.5.4/",
            "https://192.168.1.1/",
            "https://169.254.169.254/latest/meta-data",
            "https://100.64.0.1/",
            "https://0.0.0.0/",
            "https://224.0.0.1/",
            "https://255.255.255.255/",
            "https://[::1]/",
            "https://[::]/",
            "https://[::ffff:127.0.0.1]/",
            "https://[::ffff:10.0.0.1]/",
            "https://[fe80::1]/",
            "https://[fc00::1]/",
            "https://[fd12:3456::1]/",
            "https://[ff02::1]/",
            "https://[64:ff9b::a00:1]/",
            "https://[2002:7f00:1::]/",
            "https://localhost/",
            "https://api.localhost/",
        ] {
            assert_eq!(p.check_url(url).err(), Some(BLOCKED), "{url}");
        }
    }

    #[test]
    fn production_wants_https_and_allows_public_addresses() {
        let p = production();
        assert_eq!(
            p.check_url("http://example.com/").err(),
            Some("must use https")
        );
        assert_eq!(
            p.check_url("ftp://example.com/").err(),
            Some("must be an https URL")
        );
        assert!(p.check_url("https://example.com/hooks").is_ok());
        assert!(p.check_url("https://93.184.216.34/").is_ok());
        assert!(
            p.check_url("https://[2606:2800:220:1:248:1893:25c8:1946]/")
                .is_ok()
        );
        assert!(p.check_url("https://user:pw@example.com/").is_err());
        assert!(p.check_url("not a url").is_err());
    }

    #[test]
    fn development_allows_http_and_loopback_only() {
        let dev = AddressPolicy {
            production: false,
            allowed: Vec::new(),
        };
        assert!(dev.check_url("http://127.0.0.1:8080/hook").is_ok());
        assert!(dev.check_url("http://[::1]:8080/hook").is_ok());
        assert!(dev.check_url("http://localhost:8080/hook").is_ok());
        assert_eq!(dev.check_url("http://10.0.0.1/").err(), Some(BLOCKED));
        assert_eq!(
            dev.check_url("http://169.254.169.254/").err(),
            Some(BLOCKED)
        );
    }

    /// A name that resolves to a blocked address (`localhost`: loopback, from the system's
    /// own resolver) is refused by the delivery client's resolver in production, and passes
    /// in development.
    #[tokio::test]
    async fn a_name_resolving_to_a_blocked_address_is_refused() {
        use reqwest::dns::Resolve as _;
        use std::str::FromStr as _;
        let guarded = GuardedResolver {
            policy: Arc::new(production()),
        };
        let name = reqwest::dns::Name::from_str("localhost").unwrap();
        let err = guarded.resolve(name).await.err().expect("refused");
        assert!(is_blocked(err.as_ref()));
        let dev = GuardedResolver {
            policy: Arc::new(AddressPolicy {
                production: false,
                allowed: Vec::new(),
            }),
        };
        let name = reqwest::dns::Name::from_str("localhost").unwrap();
        let addrs: Vec<SocketAddr> = dev.resolve(name).await.expect("allowed").collect();
        assert!(addrs.iter().all(|a| a.ip().is_loopback()));
    }

    #[test]
    fn allowed_cidrs_open_private_ranges() {
        let p = AddressPolicy {
            production: true,
            allowed: AddressPolicy::parse_cidrs("10.1.0.0/16, 192.168.5.7").unwrap(),
        };
        assert!(p.check_url("https://10.1.2.3/").is_ok());
        assert!(p.check_url("https://192.168.5.7/").is_ok());
        assert!(p.check_url("https://[::ffff:10.1.2.3]/").is_ok());
        assert_eq!(p.check_url("https://10.2.0.1/").err(), Some(BLOCKED));
        assert!(AddressPolicy::parse_cidrs("10.0.0.0/33").is_err());
    }
}
