//! Container image references: registry, tag and digest, and the region of an ECR registry.
//! Shared by the task definition, Dockerfile and cross-file rules.

/// An image reference split into its parts.
pub struct Image<'a> {
    /// Registry host (`123.dkr.ecr.eu-west-1.amazonaws.com`), when the name has one.
    pub registry: Option<&'a str>,
    pub tag: Option<&'a str>,
    pub digest: Option<&'a str>,
}

pub fn parse_image(image: &str) -> Image<'_> {
    let (name, digest) = match image.split_once('@') {
        Some((n, d)) => (n, Some(d)),
        None => (image, None),
    };
    let last_slash = name.rfind('/').map_or(0, |i| i + 1);
    let (tag, _) = match name.get(last_slash..).and_then(|last| last.rfind(':')) {
        Some(colon) => (name.get(last_slash + colon + 1..), ()),
        None => (None, ()),
    };
    let registry = name.split_once('/').and_then(|(first, _)| {
        (first.contains('.') || first.contains(':') || first == "localhost").then_some(first)
    });
    Image {
        registry,
        tag,
        digest,
    }
}

/// The region of an ECR registry host (`<account>.dkr.ecr.<region>.amazonaws.com`).
pub fn ecr_region(registry: &str) -> Option<&str> {
    let rest = registry.split_once(".dkr.ecr.")?.1;
    let region = rest.split('.').next()?;
    (!region.is_empty()).then_some(region)
}

/// Docker Hub's names: an image with no registry host comes from `docker.io`, and hadolint's
/// `trustedRegistries` also accepts `hub.docker.com` for it.
const DOCKER_HUB: [&str; 3] = ["docker.io", "index.docker.io", "hub.docker.com"];

/// The registry an image is pulled from, lower-cased: the host written in the reference
/// (`123456789012.dkr.ecr.eu-west-1.amazonaws.com`, `ghcr.io`, `localhost:5000`), or `docker.io`
/// for a Docker Hub image written without one (`nginx:1.27`, `bitnami/redis`). `None` when the
/// registry cannot be known: it is held in a variable or template (`${REGISTRY}/app`,
/// `{{ must_env `IMAGE` }}`, `<ACCOUNT_ID>.dkr.ecr...`), the image is `scratch`, or empty.
pub fn registry_of(image: &str) -> Option<String> {
    let image = image.trim();
    // The part that names the registry: the first path component, or for a one-component name
    // (`nginx:1.27`) the repository before its tag or digest.
    let head = match image.split_once('/') {
        Some((first, _)) => first,
        None => image.split(['@', ':']).next().unwrap_or(image),
    };
    if head.is_empty()
        || head.contains(['$', '{', '}', '<', '>', '%', ' '])
        || crate::syntax::value::is_placeholder_text(head)
        || (!image.contains('/') && is_bare_token(head))
        || image.eq_ignore_ascii_case("scratch")
    {
        return None;
    }
    Some(
        parse_image(image)
            .registry
            .map_or_else(|| "docker.io".to_string(), str::to_ascii_lowercase),
    )
}

/// `APP_IMAGE`: a token a deploy script replaces, not a Docker Hub image.
fn is_bare_token(s: &str) -> bool {
    s.len() > 1
        && s.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// Is this registry host in the trusted list? Patterns are hosts (`ghcr.io`, `localhost:5000`)
/// where `*` stands for any run of characters (`*.dkr.ecr.*.amazonaws.com`), compared without
/// regard to case; `docker.io` or `hub.docker.com` trusts Docker Hub under any of its names.
pub fn registry_trusted(registry: &str, trusted: &[String]) -> bool {
    let registry = registry.to_ascii_lowercase();
    let hub = DOCKER_HUB.contains(&registry.as_str());
    trusted.iter().any(|pattern| {
        let pattern = pattern
            .trim()
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_ascii_lowercase();
        (hub && DOCKER_HUB.contains(&pattern.as_str())) || wildcard_match(&pattern, &registry)
    })
}

/// The registry of an image that a configured trusted list does not cover: `None` when no list
/// is configured, when the registry is trusted, and when it cannot be known (placeholders).
/// Shared by DL3026 (Dockerfile `FROM`) and TD110 (task definition `image`).
pub fn untrusted_registry(image: &str, trusted: &[String]) -> Option<String> {
    if trusted.iter().all(|p| p.trim().is_empty()) {
        return None;
    }
    registry_of(image).filter(|registry| !registry_trusted(registry, trusted))
}

/// How an untrusted registry reads in a message: Docker Hub by name.
pub fn describe_registry(registry: &str) -> String {
    if DOCKER_HUB.contains(&registry) {
        "Docker Hub (`docker.io`)".to_string()
    } else {
        format!("`{registry}`")
    }
}

/// `*` matches any run of characters (none included); everything else matches itself. Linear in
/// the lengths: the classic greedy match with one backtrack point.
fn wildcard_match(pattern: &str, text: &str) -> bool {
    let (p, t) = (pattern.as_bytes(), text.as_bytes());
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        match p.get(pi) {
            Some(b'*') => {
                star = Some((pi, ti));
                pi += 1;
            }
            Some(&c) if t.get(ti) == Some(&c) => {
                pi += 1;
                ti += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    pi = sp + 1;
                    ti = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    p.get(pi..)
        .is_some_and(|rest| rest.iter().all(|&c| c == b'*'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn registries_of_images() {
        assert_eq!(registry_of("nginx:1.27").as_deref(), Some("docker.io"));
        assert_eq!(registry_of("bitnami/redis:7").as_deref(), Some("docker.io"));
        assert_eq!(
            registry_of("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1").as_deref(),
            Some("123456789012.dkr.ecr.eu-west-1.amazonaws.com")
        );
        assert_eq!(registry_of("GHCR.io/o/app").as_deref(), Some("ghcr.io"));
        assert_eq!(
            registry_of("localhost:5000/app").as_deref(),
            Some("localhost:5000")
        );
        // The host is known even when the tag is a template.
        assert_eq!(
            registry_of("nginx:{{ must_env `TAG` }}").as_deref(),
            Some("docker.io")
        );
        assert_eq!(
            registry_of("ghcr.io/o/app:${TAG}").as_deref(),
            Some("ghcr.io")
        );
        for unknown in [
            "",
            "scratch",
            "${BASE}",
            "$BASE_IMAGE",
            "{{ must_env `IMAGE` }}",
            "${REGISTRY}/app:1",
            "<ACCOUNT_ID>.dkr.ecr.us-east-1.amazonaws.com/app",
            "$ACCOUNT.dkr.ecr.us-east-1.amazonaws.com/app",
            "APP_IMAGE",
            "%s",
        ] {
            assert_eq!(registry_of(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn trusted_patterns() {
        let ecr = list(&["*.dkr.ecr.*.amazonaws.com", "public.ecr.aws"]);
        assert!(registry_trusted(
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com",
            &ecr
        ));
        assert!(registry_trusted("public.ecr.aws", &ecr));
        assert!(!registry_trusted("docker.io", &ecr));
        assert!(!registry_trusted("ecr.aws.evil.io", &ecr));
        let hub = list(&["hub.docker.com"]);
        assert!(registry_trusted("docker.io", &hub));
        assert!(registry_trusted("index.docker.io", &list(&["docker.io"])));
        assert!(registry_trusted("eu.gcr.io", &list(&["*.gcr.io"])));
        assert!(!registry_trusted("gcr.io", &list(&["*.gcr.io"])));
        assert!(registry_trusted("ghcr.io", &list(&["GHCR.IO/"])));
        assert!(registry_trusted("anything", &list(&["*"])));
        assert!(!registry_trusted("localhost:5000", &list(&["localhost"])));
    }

    #[test]
    fn untrusted_only_when_configured() {
        assert_eq!(untrusted_registry("nginx", &[]), None);
        assert_eq!(untrusted_registry("nginx", &list(&[""])), None);
        assert_eq!(
            untrusted_registry("nginx", &list(&["ghcr.io"])).as_deref(),
            Some("docker.io")
        );
        assert_eq!(untrusted_registry("${BASE}", &list(&["ghcr.io"])), None);
    }

    #[test]
    fn wildcards() {
        assert!(wildcard_match("a*c", "abbbc"));
        assert!(wildcard_match("*", ""));
        assert!(wildcard_match("a**", "a"));
        assert!(!wildcard_match("a*c", "abcd"));
        assert!(wildcard_match("*.*.x", "a.b.c.x"));
        assert!(!wildcard_match("", "a"));
    }

    #[test]
    fn references_split() {
        let i = parse_image("123.dkr.ecr.eu-west-1.amazonaws.com/app:1.2@sha256:abc");
        assert_eq!(i.tag, Some("1.2"));
        assert_eq!(i.digest, Some("sha256:abc"));
        assert_eq!(ecr_region(i.registry.unwrap_or("")), Some("eu-west-1"));
        let i = parse_image("localhost:5000/app");
        assert_eq!(i.registry, Some("localhost:5000"));
        assert_eq!(i.tag, None);
        assert_eq!(parse_image("nginx").tag, None);
    }
}
