use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;
use crate::syntax::value::NodeKind;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Checks that `taskRoleArn` and `executionRoleArn` are different roles. Two references to
    /// the same role in Terraform or CloudFormation (`aws_iam_role.app.arn` twice, the same
    /// `!GetAtt Role.Arn`) are the same role too.
    ///
    /// ## Why is this bad?
    /// The execution role is used by ECS to pull images, fetch secrets and write logs; the task
    /// role is what the application's code can do. One role for both gives the application the
    /// right to read every secret of every task using that role, and the agent whatever the
    /// application needs: neither is least privilege.
    ///
    /// ## Example
    /// ```json
    /// { "taskRoleArn": "arn:aws:iam::123456789012:role/app",
    ///   "executionRoleArn": "arn:aws:iam::123456789012:role/app" }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "taskRoleArn": "arn:aws:iam::123456789012:role/app-task",
    ///   "executionRoleArn": "arn:aws:iam::123456789012:role/app-execution" }
    /// ```
    ///
    /// ## References
    /// - [Task IAM role](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html)
    /// - Checklist: task definition 8. Checkov CKV_AWS_249.
    pub static RULE = {
        code: "TD109",
        name: "shared-task-execution-role",
        target: TaskDef,
        severity: Warning,
        category: Security,
        summary: "the task role and the execution role are the same role",
    }
}

crate::messages! {
    "TD109";
    SAME_ROLE = "the task role is also the execution role, so the application gets the agent's permissions and the agent the application's";
    HELP_SEPARATE = "create a separate task execution role (image pull, logs, secrets) and keep the task role to what the application calls";
    RELATED_SAME_ARN = "the execution role, the same ARN";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    let (Some(task), Some(exec)) = (
        ctx.task.get_set("taskRoleArn"),
        ctx.task.get_set("executionRoleArn"),
    ) else {
        return;
    };
    // The same reference twice (Terraform's `aws_iam_role.app.arn`, CloudFormation's
    // `!GetAtt Role.Arn`) is the same role, although its ARN is known only at deploy time.
    let same_reference = match (&task.kind, &exec.kind) {
        (NodeKind::Placeholder(t), NodeKind::Placeholder(e)) => t == e && !t.trim().is_empty(),
        _ => false,
    };
    if !same_reference {
        let (Some(t), Some(e)) = (util::known_str(Some(task)), util::known_str(Some(exec))) else {
            return;
        };
        // Two empty values name no role at all: nothing is shared.
        if t != e || t.trim().is_empty() {
            return;
        }
    }
    sink.report_msg(task.span, crate::msg!(SAME_ROLE))
        .set_help_msg(crate::msg!(HELP_SEPARATE))
        .add_related_msg(exec.span, crate::msg!(RELATED_SAME_ARN));
}
