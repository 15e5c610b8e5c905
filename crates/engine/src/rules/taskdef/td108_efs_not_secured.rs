use crate::models::taskdef::TaskDefCtx;
use crate::rules::check::Sink;

crate::declare_rule! {
    /// ## What it does
    /// Checks each EFS volume for in-transit encryption (`transitEncryption: ENABLED`), IAM
    /// authorisation (`authorizationConfig.iam: ENABLED`) and an access point
    /// (`authorizationConfig.accessPointId`).
    ///
    /// ## Why is this bad?
    /// Without transit encryption NFS traffic crosses the network in clear text. Without IAM
    /// authorisation any task that reaches the mount target can mount the file system; an access
    /// point pins the directory and the POSIX user the task sees. IAM authorisation needs
    /// transit encryption.
    ///
    /// ## Example
    /// ```json
    /// { "name": "data", "efsVolumeConfiguration": { "fileSystemId": "fs-12345678" } }
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// { "name": "data", "efsVolumeConfiguration": { "fileSystemId": "fs-12345678",
    ///   "transitEncryption": "ENABLED",
    ///   "authorizationConfig": { "accessPointId": "fsap-1234567890abcdef0", "iam": "ENABLED" } } }
    /// ```
    ///
    /// ## References
    /// - [Amazon EFS volumes](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html)
    /// - `EFSAuthorizationConfig.iam` in the API reference: "If it is turned on, transit
    ///   encryption must be turned on in the EFSVolumeConfiguration"; both default to DISABLED.
    /// - Security Hub ECS.18. Checklist: storage 3 and 4, security 4. Checkov CKV_AWS_97. Trivy AWS-0035.
    pub static RULE = {
        code: "TD108",
        name: "efs-not-secured",
        target: TaskDef,
        severity: Warning,
        category: Security,
        summary: "an EFS volume without transit encryption, IAM authorisation or an access point",
    }
}

pub fn check(ctx: &TaskDefCtx<'_>, sink: &mut Sink<'_>) {
    for v in ctx.task.get_array("volumes") {
        let Some(efs) = v.get_set("efsVolumeConfiguration") else {
            continue;
        };
        if efs.as_object().is_none() || efs.is_opaque() {
            continue;
        }
        let enabled = |n: Option<&crate::syntax::value::Node>| match n {
            Some(n) if n.is_placeholder() => true,
            Some(n) => n.as_str() == Some("ENABLED"),
            None => false,
        };
        let auth = efs.get_set("authorizationConfig");
        let mut missing = Vec::new();
        if !enabled(efs.get_set("transitEncryption")) {
            missing.push("transit encryption");
        }
        if !enabled(auth.and_then(|a| a.get_set("iam"))) {
            missing.push("IAM authorisation");
        }
        if auth.and_then(|a| a.get_set("accessPointId")).is_none() {
            missing.push("access point");
        }
        if missing.is_empty() {
            continue;
        }
        let vname = v.get_str("name").unwrap_or("?");
        let span = v
            .member("efsVolumeConfiguration")
            .map_or(v.span, |m| m.key_span);
        let list = match missing.as_slice() {
            [one] => (*one).to_string(),
            [a, b] => format!("{a} or {b}"),
            [a, b, c] => format!("{a}, {b} or {c}"),
            _ => String::from("protection"),
        };
        let d = sink.report(span, format!("EFS volume `{vname}` has no {list}"));
        d.set_help("set \"transitEncryption\": \"ENABLED\" and \"authorizationConfig\": {\"iam\": \"ENABLED\", \"accessPointId\": \"fsap-...\"}");
        if let Some(t) = efs
            .get("transitEncryption")
            .filter(|_| missing.contains(&"transit encryption"))
        {
            d.add_related(t.span, "transit encryption is not ENABLED");
        }
    }
}
