//! The kinds of input ecsplain reads.

/// The kinds of input ecsplain reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    TaskDef,
    ServiceDef,
    Dockerfile,
    Ecspresso,
    /// Terraform (`.tf`): `aws_ecs_task_definition` and `aws_ecs_service` resources, each read
    /// as a task or service definition (`crate::models::iac`).
    Terraform,
    /// A CloudFormation template (YAML or JSON, SAM, the CDK's `cdk.out/*.template.json`):
    /// `AWS::ECS::TaskDefinition` and `AWS::ECS::Service` resources (`crate::models::iac`).
    CloudFormation,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::TaskDef,
        Kind::ServiceDef,
        Kind::Dockerfile,
        Kind::Ecspresso,
        Kind::Terraform,
        Kind::CloudFormation,
    ];

    /// The name used by `--kind` and in the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::TaskDef => "taskdef",
            Kind::ServiceDef => "servicedef",
            Kind::Dockerfile => "dockerfile",
            Kind::Ecspresso => "ecspresso",
            Kind::Terraform => "terraform",
            Kind::CloudFormation => "cloudformation",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The kind as a noun inside a sentence ("not a task definition").
    pub fn noun(self) -> &'static str {
        match self {
            Kind::TaskDef => "task definition",
            Kind::ServiceDef => "service definition",
            Kind::Dockerfile => "Dockerfile",
            Kind::Ecspresso => "ecspresso config",
            Kind::Terraform => "Terraform file",
            Kind::CloudFormation => "CloudFormation template",
        }
    }

    /// A title for people.
    pub fn title(self) -> &'static str {
        match self {
            Kind::TaskDef => "Task definition",
            Kind::ServiceDef => "Service definition",
            Kind::Dockerfile => "Dockerfile",
            Kind::Ecspresso => "ecspresso config",
            Kind::Terraform => "Terraform",
            Kind::CloudFormation => "CloudFormation template",
        }
    }

    /// Infrastructure as code: a file of resources, some of which are task or service
    /// definitions (each checked as one).
    pub fn is_iac(self) -> bool {
        matches!(self, Kind::Terraform | Kind::CloudFormation)
    }
}
