//! Where a reader the front end loads on demand is: the page loads the Jsonnet evaluator, the
//! Terraform reader, the Go-template engine and the Dockerfile reader (with the Dockerfile
//! rules) as modules of their own, the CLI has them built in. The front end tells the run
//! ([`Modules`], through `workspace::Project`), and the reader that found nothing at hand says
//! why in its own keyed note (EP010, IN013, IN014, IN015): no front end rewrites the engine's
//! messages.

/// Where one on-demand module is, as the front end knows it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ModuleStatus {
    /// Built in, or loaded.
    #[default]
    Ready,
    /// Being loaded.
    Loading,
    /// Could not be loaded, and why.
    Failed(String),
}

/// Where the Terraform reader, the Go-template engine and the Dockerfile reader are (the Jsonnet evaluator's status is
/// `jsonnet::Env::evaluator`, the same type).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Modules {
    /// The Terraform reader: IN013 says why a `.tf` file was not read.
    pub terraform: ModuleStatus,
    /// The Go-template engine: IN014 says that a file's templates are read as written.
    pub templates: ModuleStatus,
    /// The Dockerfile reader and rules (`lint::dockerfile`): while it is not ready a
    /// Dockerfile is not read, and IN015 says why.
    pub dockerfile: ModuleStatus,
}
