use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

use super::util;

crate::declare_rule! {
    /// ## What it does
    /// Finds an EFS volume that names an access point (`authorizationConfig.accessPointId`)
    /// and also a `rootDirectory` other than `/`.
    ///
    /// ## Why is this bad?
    /// The access point fixes the directory the task sees; ECS takes the root directory from
    /// it and refuses another one in the volume.
    ///
    /// ## Example
    /// ```json
    /// { "efsVolumeConfiguration": { "fileSystemId": "fs-0123", "rootDirectory": "/data",
    ///   "transitEncryption": "ENABLED", "authorizationConfig": { "accessPointId": "fsap-0123" } } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "efsVolumeConfiguration": { "fileSystemId": "fs-0123",
    ///   "transitEncryption": "ENABLED", "authorizationConfig": { "accessPointId": "fsap-0123" } } }
    /// ```
    /// Set the directory in the access point's root directory instead.
    ///
    /// ## References
    /// - [EFSVolumeConfiguration rootDirectory](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSVolumeConfiguration.html):
    ///   "If an EFS access point is specified in the authorizationConfig, the root directory
    ///   parameter must either be omitted or set to /" (also in the ECS API model botocore ships)
    pub static RULE = {
        code: "TD032",
        name: "efs-root-directory-with-access-point",
        target: TaskDef,
        severity: Error,
        category: Schema,
        summary: "an EFS volume with both an access point and a rootDirectory other than /",
    }
}

crate::messages! {
    "TD032";
    ROOT_WITH_ACCESS_POINT = "EFS volume `{volume}` names an access point and rootDirectory `{dir}`; with an access point the root directory must be omitted or `/`";
    HELP_MOVE_ROOT = "remove rootDirectory and set the directory as the access point's root directory";
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    for v in ctx.task.get_array("volumes") {
        let Some(efs) = v.get_set("efsVolumeConfiguration") else {
            continue;
        };
        let access_point = efs
            .get_set("authorizationConfig")
            .and_then(|a| a.get_set("accessPointId"))
            .and_then(|n| util::known_str(Some(n)))
            .is_some_and(|s| !s.is_empty());
        let Some(root) = efs.get_set("rootDirectory") else {
            continue;
        };
        let Some(dir) = util::known_str(Some(root)) else {
            continue;
        };
        if !access_point || dir.is_empty() || dir == "/" {
            continue;
        }
        let name = v.get_str("name").unwrap_or("?");
        sink.report_msg(
            root.span,
            crate::msg!(ROOT_WITH_ACCESS_POINT, volume = name, dir = dir),
        )
        .set_help_msg(crate::msg!(HELP_MOVE_ROOT));
    }
}
