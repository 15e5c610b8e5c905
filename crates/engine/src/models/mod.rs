//! What the rules receive, above `syntax`: task and service definitions with their derived
//! facts, the ECS API schema walk, ecspresso configs (references, plugins, versions, variables,
//! `render`), infrastructure as code (CloudFormation, Terraform), images and secrets, the
//! team configuration, and the project (every parsed input of a run together).

pub mod config;
pub mod ecs_schema;
pub mod ecspresso;
pub mod iac;
pub mod image;
pub mod project;
pub mod secrets;
pub mod servicedef;
pub mod taskdef;
