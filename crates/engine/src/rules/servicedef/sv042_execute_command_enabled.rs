use crate::models::servicedef::ServiceDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Notes `"enableExecuteCommand": true` and says what ECS Exec needs to be safe and to work.
    ///
    /// ## Why is this bad?
    /// ECS Exec opens an interactive shell in running containers through SSM Session Manager.
    /// It is a useful debugging tool and a way around every other control: who may run
    /// `ecs:ExecuteCommand` should be limited in IAM, and sessions should be logged (the
    /// cluster's `executeCommandConfiguration` sends them to CloudWatch Logs or S3, ideally
    /// encrypted with a KMS key). The task role needs the `ssmmessages:*Channel` permissions,
    /// and a container with a read-only root filesystem needs writable volumes for the SSM
    /// agent's paths: when the task definition is linted with the service, `XF108` reports
    /// that case with the containers concerned, and this note stays about access and logging.
    ///
    /// ## Example
    /// ```json
    /// { "enableExecuteCommand": true }
    /// ```
    ///
    /// ## Use instead
    /// Keep it for services where you need it, with exec logging turned on for the cluster;
    /// otherwise:
    /// ```json
    /// { "enableExecuteCommand": false }
    /// ```
    ///
    /// ## References
    /// - [Monitor Amazon ECS containers with ECS Exec](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html)
    /// - Checkov CKV_AWS_223 and CKV_AWS_224 (cluster exec logging, encrypted with a CMK).
    /// - aws/containers-roadmap#1359 (ECS Exec with a read-only root filesystem).
    pub static RULE = {
        code: "SV042",
        name: "execute-command-enabled",
        target: ServiceDef,
        severity: Info,
        category: Security,
        summary: "ECS Exec is turned on for the service",
    }
}

crate::messages! {
    "SV042";
    ON = "ECS Exec is on: anyone allowed `ecs:ExecuteCommand` can open a shell in these containers";
    HELP = "limit `ecs:ExecuteCommand` in IAM and turn on exec session logging (the cluster's `executeCommandConfiguration`, to CloudWatch Logs or S3 with a KMS key); the task role needs the `ssmmessages` channel permissions";
}

pub fn check(ctx: &ServiceDefCtx<'_>, sink: &mut Sink<'_>) {
    let Some(node) = ctx.service.get("enableExecuteCommand") else {
        return;
    };
    if node.as_bool() != Some(true) {
        return;
    }
    sink.report_msg(node.span, crate::msg!(ON))
        .set_help_msg(crate::msg!(HELP));
}
