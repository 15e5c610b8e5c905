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

#[cfg(test)]
mod tests {
    use super::*;

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
