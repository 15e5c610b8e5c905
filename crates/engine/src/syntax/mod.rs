//! Readers of text, above `input`: the shared `Node` tree with spans (`value`), JSON and YAML,
//! fix edits that keep JSON valid, `.env` files, Go templates, Dockerfiles, Jsonnet and
//! Terraform states. They never fail and never panic; the codes they report come from
//! `input::codes`. Nothing here knows ECS.

pub mod dockerfile;
pub mod dotenv;
pub mod json;
pub mod json_edit;
pub mod jsonnet;
pub mod template;
pub mod tfstate;
pub mod value;
pub mod yaml;
