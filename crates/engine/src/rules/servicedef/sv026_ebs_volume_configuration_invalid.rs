use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;
use crate::syntax::value::Node;

crate::declare_rule! {
    /// ## What it does
    /// Checks each `volumeConfigurations[].managedEBSVolume` against the rules the API
    /// reference gives for EBS volumes ECS creates: a `sizeInGiB` or a `snapshotId`; `iops`
    /// for `io1` and `io2`, and none for `st1`, `sc1` or `standard`; `throughput` only for
    /// `gp3` (the default type) and at most 1000 MiB/s; no `standard` (magnetic) volume on
    /// Fargate.
    ///
    /// ## Why is this bad?
    /// ECS passes these members to EC2's `CreateVolume`. A combination EBS does not take
    /// fails the service's deployment: the tasks cannot get their volume and do not start.
    ///
    /// ## Example
    /// ```json
    /// { "launchType": "FARGATE", "volumeConfigurations": [{ "name": "data", "managedEBSVolume": {
    ///   "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole",
    ///   "volumeType": "io2", "throughput": 250 } }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "launchType": "FARGATE", "volumeConfigurations": [{ "name": "data", "managedEBSVolume": {
    ///   "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole",
    ///   "volumeType": "io2", "iops": 3000, "sizeInGiB": 100 } }] }
    /// ```
    ///
    /// ## References
    /// - [ServiceManagedEBSVolumeConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceManagedEBSVolumeConfiguration.html):
    ///   sizeInGiB "You must specify either a volume size or a snapshot ID"; iops "This
    ///   parameter is required for io1 and io2 volume types", "This parameter is not supported
    ///   for st1, sc1, or standard volume types"; throughput "with a maximum of 1,000 MiB/s",
    ///   "This parameter is only supported for the gp3 volume type"; volumeType "The magnetic
    ///   volume type is not supported on Fargate". (All in the ECS API model botocore ships;
    ///   catalogued in `data/ecs-constraints.json`.)
    pub static RULE = {
        code: "SV026",
        name: "ebs-volume-configuration-invalid",
        target: ServiceDef,
        severity: Error,
        category: Schema,
        summary: "a managed EBS volume whose size, type, IOPS or throughput EBS does not accept together",
    }
}

/// A member that is set to a known value (not null, `""` or a placeholder).
fn known<'a>(node: &'a Node, key: &str) -> Option<&'a Node> {
    node.get_set(key)
        .filter(|n| !n.is_placeholder() && n.as_str().is_none_or(|s| !s.is_empty()))
}

crate::messages! {
    "SV026";
    NO_SIZE = "managed EBS volume `{name}` has neither sizeInGiB nor snapshotId";
    HELP_SIZE = "give the volume a size (sizeInGiB) or a snapshot to create it from (snapshotId)";
    NO_IOPS = "managed EBS volume `{name}` is {kind} but sets no iops";
    HELP_IOPS = "provisioned IOPS volumes need iops (100 to 64,000 for io1, 256,000 for io2)";
    IOPS_NOT_TAKEN = "managed EBS volume `{name}` sets iops, which {kind} volumes do not take";
    HELP_REMOVE_IOPS = "remove iops, or use gp3, io1 or io2";
    THROUGHPUT_NOT_GP3 = "managed EBS volume `{name}` sets throughput, which only gp3 volumes take ({kind} here)";
    HELP_REMOVE_THROUGHPUT = "remove throughput, or use the gp3 volume type";
    THROUGHPUT_HIGH = "managed EBS volume `{name}` asks for {throughput} MiB/s; ECS accepts at most 1000";
    HELP_THROUGHPUT = "ask for at most 1000 MiB/s";
    MAGNETIC_ON_FARGATE = "managed EBS volume `{name}` is magnetic (standard), which Fargate does not support";
    HELP_MAGNETIC = "use gp3 (the default), gp2, io1, io2, st1 or sc1";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    for vc in ctx.service.get_array("volumeConfigurations") {
        let Some(ebs) = vc
            .get_set("managedEBSVolume")
            .filter(|e| e.as_object().is_some() && !e.is_opaque())
        else {
            continue;
        };
        let name = vc.get_str("name").unwrap_or("?");
        let head = vc
            .member("managedEBSVolume")
            .map_or(vc.span, |m| m.key_span);
        // Placeholders may stand for any member.
        let any_placeholder = ebs
            .as_object()
            .is_some_and(|o| o.members.iter().any(|m| m.value.is_placeholder()));
        let kind_node = known(ebs, "volumeType");
        let kind = kind_node.and_then(Node::as_str).unwrap_or("gp3");
        if known(ebs, "sizeInGiB").is_none()
            && known(ebs, "snapshotId").is_none()
            && !any_placeholder
        {
            sink.report_msg(head, crate::msg!(NO_SIZE, name = name))
                .set_help_msg(crate::msg!(HELP_SIZE));
        }
        let iops = ebs.member("iops").filter(|m| !m.value.is_null());
        match kind {
            "io1" | "io2" if iops.is_none() && !any_placeholder => {
                sink.report_msg(
                    kind_node.map_or(head, |n| n.span),
                    crate::msg!(NO_IOPS, name = name, kind = kind),
                )
                .set_help_msg(crate::msg!(HELP_IOPS));
            }
            "st1" | "sc1" | "standard" => {
                if let Some(m) = iops {
                    sink.report_msg(
                        m.key_span,
                        crate::msg!(IOPS_NOT_TAKEN, name = name, kind = kind),
                    )
                    .set_help_msg(crate::msg!(HELP_REMOVE_IOPS));
                }
            }
            _ => {}
        }
        if let Some(m) = ebs.member("throughput").filter(|m| !m.value.is_null()) {
            if kind != "gp3" {
                sink.report_msg(
                    m.key_span,
                    crate::msg!(THROUGHPUT_NOT_GP3, name = name, kind = kind),
                )
                .set_help_msg(crate::msg!(HELP_REMOVE_THROUGHPUT));
            } else if let Some(t) = m.value.as_i64_lenient().filter(|t| *t > 1000) {
                sink.report_msg(
                    m.value.span,
                    crate::msg!(THROUGHPUT_HIGH, name = name, throughput = t),
                )
                .set_help_msg(crate::msg!(HELP_THROUGHPUT));
            }
        }
        if kind == "standard" && ctx.is_fargate() {
            sink.report_msg(
                kind_node.map_or(head, |n| n.span),
                crate::msg!(MAGNETIC_ON_FARGATE, name = name),
            )
            .set_help_msg(crate::msg!(HELP_MAGNETIC));
        }
    }
}
