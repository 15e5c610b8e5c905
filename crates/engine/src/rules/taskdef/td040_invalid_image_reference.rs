use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;
use crate::input::msg::{Arg, Msg};

crate::declare_rule! {
    /// ## What it does
    /// Checks each container's `image` the way `RegisterTaskDefinition` does: at most 255
    /// characters of letters, digits, `-`, `_`, `:`, `.`, `/` and `#` (and one `@` before a
    /// digest), and a digest that is `sha256:` and exactly 64 hexadecimal digits.
    /// Placeholders (`{{ ... }}`, `${...}`, `$IMAGE`, `<image>`, `IMAGE_URI`) are not checked.
    ///
    /// ## Why is this bad?
    /// ECS refuses the task definition at registration: `Container.image contains invalid
    /// characters`, `Container.image should be 255 characters or less`. A stray space, a
    /// quote left by a script or a truncated digest stops the deployment.
    ///
    /// ## Example
    /// ```json
    /// { "name": "app", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app: 1.4" }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "app", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.4" }
    /// ```
    ///
    /// ## References
    /// - [ContainerDefinition image](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html):
    ///   "For images using tags (repository-url/image:tag), up to 255 characters total are
    ///   allowed, including letters (uppercase and lowercase), numbers, hyphens, underscores,
    ///   colons, periods, forward slashes, and number signs (#)"; "The only supported hash
    ///   function is sha256, and the hash value after sha256: must be exactly 64 characters
    ///   (only letters A-F, a-f, and numbers 0-9 are allowed)." (In the ECS API model botocore
    ///   ships; catalogued in `data/ecs-constraints.json`.)
    /// - The refusals: `ClientException: Container.image contains invalid characters`
    ///   ([aws-actions/amazon-ecs-render-task-definition#49](https://github.com/aws-actions/amazon-ecs-render-task-definition/issues/49)),
    ///   `ClientException: Container.image should be 255 characters or less`
    ///   ([hashicorp/terraform-provider-aws#22629](https://github.com/hashicorp/terraform-provider-aws/issues/22629)).
    pub static RULE = {
        code: "TD040",
        name: "invalid-image-reference",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "an image reference with characters, a length or a digest ECS refuses",
    }
}

crate::messages! {
    "TD040";
    TOO_LONG = "container `{container}` image is {len} characters long (at most 255)";
    SPACE = "container `{container}` image holds a space";
    BAD_CHAR = "container `{container}` image holds {bad}";
    DIGEST_ALGORITHM = "container `{container}` image has the digest {digest}; ECS supports only sha256:<64 hex digits>";
    DIGEST_LENGTH = "container `{container}` image has a sha256 digest of {len} characters; it must be exactly 64 hexadecimal digits";
    HELP_IMAGE_FORM = "write the image as registry/repository:tag or registry/repository@sha256:<64 hex digits>; ECS refuses anything else at registration";
}

/// What ECS would refuse in an image reference, if anything. The message's `{container}` is
/// filled by the caller.
pub fn image_problem(image: &str) -> Option<Msg> {
    let len = image.chars().count();
    if len > 255 {
        return Some(crate::msg!(TOO_LONG, len = len));
    }
    let (name, digest) = match image.split_once('@') {
        Some((n, d)) => (n, Some(d)),
        None => (image, None),
    };
    let ok = |c: char| c.is_ascii_alphanumeric() || "-_:./#".contains(c);
    if let Some(bad) = name.chars().find(|c| !ok(*c)) {
        return Some(if bad == ' ' {
            crate::msg!(SPACE)
        } else {
            crate::msg!(BAD_CHAR, bad = format!("{bad:?}"))
        });
    }
    if let Some(d) = digest {
        let Some(hex) = d.strip_prefix("sha256:") else {
            return Some(crate::msg!(DIGEST_ALGORITHM, digest = format!("{d:?}")));
        };
        if hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Some(crate::msg!(DIGEST_LENGTH, len = hex.chars().count()));
        }
    }
    None
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    for c in &ctx.containers {
        let Some(node) = c.get_set("image") else {
            continue;
        };
        let Some(image) = util::known_str(Some(node)) else {
            continue;
        };
        if image.is_empty()
            || util::is_bare_token(image)
            || image.contains(['<', '%', '$'])
            || image.contains("#{")
        {
            continue;
        }
        let Some(mut problem) = image_problem(image) else {
            continue;
        };
        problem
            .args
            .push(("container", Arg::from(ctx.container_name(c))));
        sink.report_msg(node.span, problem)
            .set_help_msg(crate::msg!(HELP_IMAGE_FORM));
    }
}

#[cfg(test)]
mod tests {
    use super::image_problem;

    #[test]
    fn images() {
        assert_eq!(image_problem("nginx"), None);
        assert_eq!(image_problem("public.ecr.aws/nginx/nginx:1.27"), None);
        assert_eq!(image_problem("localhost:5000/app:v1#x"), None);
        let digest = format!("app@sha256:{}", "a".repeat(64));
        assert_eq!(image_problem(&digest), None);
        assert!(image_problem("app: 1.4").is_some());
        assert!(image_problem("app@sha256:abc").is_some());
        assert!(image_problem("app@md5:abc").is_some());
        assert!(image_problem(&"a".repeat(256)).is_some());
    }
}
