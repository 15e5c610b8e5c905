use crate::input::msg::Template;
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

crate::messages! {
    "TD108";
    MISSING_ONE = "EFS volume `{volume}` has no {a}";
    MISSING_TWO = "EFS volume `{volume}` has no {a} or {b}";
    MISSING_THREE = "EFS volume `{volume}` has no {a}, {b} or {c}";
    TRANSIT_ENCRYPTION = "transit encryption";
    IAM_AUTHORISATION = "IAM authorisation";
    ACCESS_POINT = "access point";
    HELP_SECURE = "set \"transitEncryption\": \"ENABLED\" and \"authorizationConfig\": {\"iam\": \"ENABLED\", \"accessPointId\": \"fsap-...\"}";
    RELATED_TRANSIT = "transit encryption is not ENABLED";
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
        let mut missing: Vec<&'static Template> = Vec::new();
        if !enabled(efs.get_set("transitEncryption")) {
            missing.push(&TRANSIT_ENCRYPTION);
        }
        if !enabled(auth.and_then(|a| a.get_set("iam"))) {
            missing.push(&IAM_AUTHORISATION);
        }
        if auth.and_then(|a| a.get_set("accessPointId")).is_none() {
            missing.push(&ACCESS_POINT);
        }
        let vname = v.get_str("name").unwrap_or("?");
        let phrase = |t: &&'static Template| crate::msg!(**t);
        // At most three are missing.
        let message = match missing.as_slice() {
            [a] => crate::msg!(MISSING_ONE, volume = vname, a = phrase(a)),
            [a, b] => crate::msg!(MISSING_TWO, volume = vname, a = phrase(a), b = phrase(b)),
            [a, b, c] => crate::msg!(
                MISSING_THREE,
                volume = vname,
                a = phrase(a),
                b = phrase(b),
                c = phrase(c)
            ),
            _ => continue,
        };
        let span = v
            .member("efsVolumeConfiguration")
            .map_or(v.span, |m| m.key_span);
        let d = sink.report_msg(span, message);
        d.set_help_msg(crate::msg!(HELP_SECURE));
        if let Some(t) = efs
            .get("transitEncryption")
            .filter(|_| missing.contains(&&TRANSIT_ENCRYPTION))
        {
            d.add_related_msg(t.span, crate::msg!(RELATED_TRANSIT));
        }
    }
}
