use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Checks the task's `volumes`: a volume that uses `efsVolumeConfiguration` or
    /// `s3filesVolumeConfiguration`, or is `configuredAtLaunch`, has a `name`; and at most one
    /// volume is configured at launch.
    ///
    /// ## Why is this bad?
    /// `RegisterTaskDefinition` refuses both. A volume configured at launch is matched by name
    /// to the service's or task's `volumeConfigurations`, and an EFS or S3 Files volume by name
    /// to the mount points that use it; a task definition revision can hold only one volume
    /// configured at launch.
    ///
    /// ## Example
    /// ```json
    /// { "volumes": [{ "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0" } },
    ///   { "name": "data", "configuredAtLaunch": true }, { "name": "logs", "configuredAtLaunch": true }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "volumes": [{ "name": "shared", "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0" } },
    ///   { "name": "data", "configuredAtLaunch": true }] }
    /// ```
    ///
    /// ## References
    /// - [Volume](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Volume.html):
    ///   name "When using a volume configured at launch, the name is required", "When a volume
    ///   is using the efsVolumeConfiguration, the name is required", "When a volume is using the
    ///   s3filesVolumeConfiguration, the name is required"; "The volume configuration may
    ///   contain multiple volumes but only one volume configured at launch is supported";
    ///   configuredAtLaunch "Each task definition revision may only have one volume configured
    ///   at launch in the volume configuration." (In the ECS API model botocore ships;
    ///   catalogued in `data/ecs-constraints.json`.)
    pub static RULE = {
        code: "TD041",
        name: "volume-definition-invalid",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "an EFS, S3 Files or launch-configured volume without a name, or more than one volume configured at launch",
    }
}

crate::messages! {
    "TD041";
    NO_NAME = "a volume with {key} has no name";
    HELP_NAME_AT_LAUNCH = "name the volume: its volumeConfigurations of the service or task refer to it by name";
    HELP_NAME_MOUNT = "name the volume: its mount points refer to it by name";
    MANY_AT_LAUNCH = "more than one volume is configured at launch; a task definition may have one";
    HELP_KEEP_ONE = "keep one volume with configuredAtLaunch; use EFS or a bind mount for the others";
    RELATED_ALSO_AT_LAUNCH = "also configured at launch";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    let mut at_launch = Vec::new();
    for v in ctx.task.get_array("volumes") {
        if v.as_object().is_none() || v.is_opaque() {
            continue;
        }
        let launch = v
            .member("configuredAtLaunch")
            .filter(|m| super::util::is_true(Some(&m.value)));
        if let Some(m) = launch {
            at_launch.push(m.key_span);
        }
        let kind = if launch.is_some() {
            Some(("configuredAtLaunch", &HELP_NAME_AT_LAUNCH))
        } else if v
            .member("efsVolumeConfiguration")
            .is_some_and(|m| !m.value.is_null())
        {
            Some(("efsVolumeConfiguration", &HELP_NAME_MOUNT))
        } else if v
            .member("s3filesVolumeConfiguration")
            .is_some_and(|m| !m.value.is_null())
        {
            Some(("s3filesVolumeConfiguration", &HELP_NAME_MOUNT))
        } else {
            None
        };
        let Some((key, help)) = kind else { continue };
        let named = v
            .get_set("name")
            .is_some_and(|n| n.is_placeholder() || n.as_str().is_some_and(|s| !s.is_empty()));
        if named {
            continue;
        }
        let span = v.member(key).map_or(v.span, |m| m.key_span);
        sink.report_msg(span, crate::msg!(NO_NAME, key = key))
            .set_help_msg(crate::msg!(*help));
    }
    if at_launch.len() > 1 {
        let mut spans = at_launch.into_iter();
        if let Some(first) = spans.next() {
            let d = sink.report_msg(first, crate::msg!(MANY_AT_LAUNCH));
            d.set_help_msg(crate::msg!(HELP_KEEP_ONE));
            for s in spans {
                d.add_related_msg(s, crate::msg!(RELATED_ALSO_AT_LAUNCH));
            }
        }
    }
}
