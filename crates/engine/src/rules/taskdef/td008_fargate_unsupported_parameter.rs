use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Reports task definition parameters that Fargate does not support, on a task that requires
    /// Fargate: `pidMode: host`, `ipcMode`, `privileged: true`, `linuxParameters.devices`,
    /// `sharedMemorySize`, `maxSwap` and `swappiness`, a log driver other than `awslogs`,
    /// `splunk` or `awsfirelens`, Docker volumes (`dockerVolumeConfiguration`), host volumes
    /// with a `sourcePath`, task `placementConstraints`, and a FireLens configuration file
    /// read from S3 (`firelensConfiguration.options.config-file-type` `s3`), and
    /// `dockerSecurityOptions`. (`links` are reported by TD017,
    /// added capabilities by TD106.)
    ///
    /// ## Why is this bad?
    /// Fargate tasks do not share the host's process or IPC namespaces, cannot run privileged
    /// containers, map host devices or bind-mount paths of a host they do not control.
    /// `RegisterTaskDefinition` validates a task definition against the launch types in
    /// `requiresCompatibilities` and returns a client exception for these on Fargate (on Fargate
    /// `pidMode` may only be `task`).
    ///
    /// ## Example
    /// ```json
    /// { "requiresCompatibilities": ["FARGATE"], "pidMode": "host",
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1.0", "privileged": true }] }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "requiresCompatibilities": ["FARGATE"],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1.0" }] }
    /// ```
    /// Or run the task on EC2 if it really needs the host.
    ///
    /// ## References
    /// - ECS API reference (and the model botocore ships): `LinuxParameters` ("the devices
    ///   parameter isn't supported", "the sharedMemorySize parameter is not supported", "the
    ///   maxSwap parameter isn't supported", "the swappiness parameter isn't supported" on
    ///   Fargate), `LogConfiguration.logDriver` ("For tasks on Fargate, the supported log drivers
    ///   are awslogs, splunk, and awsfirelens"), `Volume.dockerVolumeConfiguration` ("Docker
    ///   volumes aren't supported by tasks run on Fargate"), `HostVolumeProperties.sourcePath`,
    ///   `TaskDefinitionPlacementConstraint` ("aren't supported for tasks run on Fargate"),
    ///   `ContainerDefinition.privileged`, `ipcMode`, `pidMode`, `FirelensConfiguration.options`
    ///   ("Tasks hosted on Fargate only support the file configuration file type"),
    ///   `ContainerDefinition.dockerSecurityOptions` ("This field isn't valid for containers in
    ///   tasks using the Fargate launch type").
    /// - [Task definition differences for Fargate](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html)
    /// - [pidMode (only `task` on Fargate)](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html)
    /// - Security Hub ECS.3 and ECS.4 (as risks). Checkov CKV_AWS_334, CKV_AWS_335. cfn-lint E3048.
    pub static RULE = {
        code: "TD008",
        name: "fargate-unsupported-parameter",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "a parameter Fargate does not support on a Fargate task",
    }
}

const FARGATE_LOG_DRIVERS: &[&str] = &["awslogs", "splunk", "awsfirelens"];

crate::messages! {
    "TD008";
    PID_HOST = "pidMode \"host\" is not supported on Fargate, which allows only \"task\"";
    HELP_PID_HOST = "remove pidMode, or use \"task\" to share the process namespace between the task's containers";
    IPC_MODE = "ipcMode is not supported on Fargate";
    HELP_IPC_MODE = "remove ipcMode, or run the task on EC2";
    LOG_DRIVER = "container `{name}` logs with the {driver} driver, which Fargate does not support";
    HELP_LOG_DRIVER = "on Fargate use awslogs (CloudWatch Logs), splunk, or awsfirelens with a Fluent Bit sidecar for other destinations";
    LINUX_PARAMETER = "container `{name}` sets linuxParameters.{key}, which Fargate does not support";
    HELP_REMOVE_OR_EC2 = "remove it, or run the task on EC2";
    FIRELENS_S3 = "container `{name}` reads its FireLens configuration from S3, which Fargate does not support";
    HELP_FIRELENS_S3 = "on Fargate set config-file-type to \"file\" and put the configuration file in the log router's image";
    SECURITY_OPTIONS = "container `{name}` sets dockerSecurityOptions, which Fargate does not support";
    HELP_SECURITY_OPTIONS = "remove dockerSecurityOptions (Fargate applies its own isolation), or run the task on EC2";
    PRIVILEGED = "container `{name}` is privileged, which Fargate does not support";
    HELP_PRIVILEGED = "remove \"privileged\"; add only the Linux capabilities the container needs, or run on EC2";
    DEVICES = "container `{name}` maps host devices, which Fargate does not support";
    HELP_DEVICES = "remove linuxParameters.devices, or run the task on EC2";
    PLACEMENT = "task placement constraints are not supported on Fargate";
    HELP_PLACEMENT = "remove placementConstraints (Fargate places tasks itself), or run the task on EC2";
    DOCKER_VOLUME = "volume `{volume}` is a Docker volume, which Fargate does not support";
    HELP_DOCKER_VOLUME = "use an empty \"host\" (task-scoped scratch space), ephemeralStorage, EFS or an EBS volume configured at deployment";
    HOST_PATH = "volume `{volume}` bind-mounts a host path, which Fargate does not support";
    HELP_HOST_PATH = "remove host.sourcePath (an empty \"host\" gives a task-scoped scratch volume), or use EFS";
    RELATED_FARGATE = "the task requires Fargate here";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    use crate::input::msg::Msg;
    if !ctx.is_fargate() {
        return;
    }
    let req = ctx
        .task
        .member("requiresCompatibilities")
        .map(|m| m.value.span);
    let report = |sink: &mut Sink<'_>, span, message: Msg, help: Msg| {
        let d = sink.report_msg(span, message);
        d.set_help_msg(help);
        if let Some(r) = req {
            d.add_related_msg(r, crate::msg!(RELATED_FARGATE));
        }
    };
    if let Some(node) = ctx.task.get_set("pidMode") {
        if util::known_str(Some(node)) == Some("host") {
            report(
                sink,
                node.span,
                crate::msg!(PID_HOST),
                crate::msg!(HELP_PID_HOST),
            );
        }
    }
    if let Some(node) = ctx.task.get_set("ipcMode") {
        // `""` is how ecspresso and SDK exports write "not set".
        if util::known_str(Some(node)).is_some_and(|s| !s.is_empty()) {
            report(
                sink,
                node.span,
                crate::msg!(IPC_MODE),
                crate::msg!(HELP_IPC_MODE),
            );
        }
    }
    for c in &ctx.containers {
        let name = ctx.container_name(c);
        if let Some(driver_node) = c
            .get_set("logConfiguration")
            .and_then(|l| l.get_set("logDriver"))
        {
            if let Some(driver) = util::known_str(Some(driver_node)) {
                if !FARGATE_LOG_DRIVERS.contains(&driver) {
                    report(
                        sink,
                        driver_node.span,
                        crate::msg!(LOG_DRIVER, name = &name, driver = driver),
                        crate::msg!(HELP_LOG_DRIVER),
                    );
                }
            }
        }
        if let Some(lp) = c.get_set("linuxParameters") {
            for key in ["sharedMemorySize", "maxSwap", "swappiness"] {
                if let Some(m) = lp.member(key).filter(|m| !m.value.is_null()) {
                    report(
                        sink,
                        m.key_span,
                        crate::msg!(LINUX_PARAMETER, name = &name, key = key),
                        crate::msg!(HELP_REMOVE_OR_EC2),
                    );
                }
            }
        }
        if let Some(kind) = c
            .get_set("firelensConfiguration")
            .and_then(|f| f.get_set("options"))
            .and_then(|o| o.get_set("config-file-type"))
        {
            if util::known_str(Some(kind)).is_some_and(|k| k != "file") {
                report(
                    sink,
                    kind.span,
                    crate::msg!(FIRELENS_S3, name = &name),
                    crate::msg!(HELP_FIRELENS_S3),
                );
            }
        }
        if let Some(m) = c
            .member("dockerSecurityOptions")
            .filter(|m| m.value.as_array().is_some_and(|a| !a.is_empty()))
        {
            report(
                sink,
                m.key_span,
                crate::msg!(SECURITY_OPTIONS, name = &name),
                crate::msg!(HELP_SECURITY_OPTIONS),
            );
        }
        if util::is_true(c.get("privileged")) {
            if let Some(m) = c.member("privileged") {
                report(
                    sink,
                    m.value.span,
                    crate::msg!(PRIVILEGED, name = &name),
                    crate::msg!(HELP_PRIVILEGED),
                );
            }
        }
        if let Some(devices) = c
            .get_set("linuxParameters")
            .and_then(|l| l.member("devices"))
        {
            if devices.value.as_array().is_some_and(|a| !a.is_empty()) {
                report(
                    sink,
                    devices.key_span,
                    crate::msg!(DEVICES, name = &name),
                    crate::msg!(HELP_DEVICES),
                );
            }
        }
    }
    if let Some(m) = ctx
        .task
        .member("placementConstraints")
        .filter(|m| m.value.as_array().is_some_and(|a| !a.is_empty()))
    {
        report(
            sink,
            m.key_span,
            crate::msg!(PLACEMENT),
            crate::msg!(HELP_PLACEMENT),
        );
    }
    for v in ctx.task.get_array("volumes") {
        if let Some(m) = v
            .member("dockerVolumeConfiguration")
            .filter(|m| !m.value.is_null())
        {
            let vname = v.get_str("name").unwrap_or("?");
            report(
                sink,
                m.key_span,
                crate::msg!(DOCKER_VOLUME, volume = vname),
                crate::msg!(HELP_DOCKER_VOLUME),
            );
        }
        if let Some(path) = v.get_set("host").and_then(|h| h.get_set("sourcePath")) {
            let vname = v.get_str("name").unwrap_or("?");
            report(
                sink,
                path.span,
                crate::msg!(HOST_PATH, volume = vname),
                crate::msg!(HELP_HOST_PATH),
            );
        }
    }
}
