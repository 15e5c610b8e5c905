//! What the rules receive, above `syntax`: task and service definitions with their derived
//! facts, the ECS API schema walk, Dockerfile stages and the package managers `RUN` calls, ecspresso configs (references, plugins, versions, variables,
//! `render`), infrastructure as code (CloudFormation, Terraform), images and secrets, the
//! team configuration, and the project (every parsed input of a run together).

pub mod config;
pub mod ecs_schema;
pub mod ecspresso;
pub mod iac;
pub mod image;
pub mod pkg;
pub mod project;
pub mod secrets;
pub mod servicedef;
pub mod stages;
pub mod taskdef;
