crate::declare_rule! {
    /// ## What it does
    /// Reports a Terraform file ecsplain cannot read as HCL, at the line and column where
    /// reading stopped. Its `aws_ecs_task_definition` and `aws_ecs_service` resources are then
    /// not checked, and this finding says so rather than leaving the file silently unchecked.
    /// In the web page, whose Terraform reader is a second download, it also notes a `.tf` file
    /// not read yet, at its first line: information while the reader loads, a warning that gives
    /// the reason when the reader could not be loaded or failed on the file.
    ///
    /// ## Why is this bad?
    /// Terraform reads the same syntax: a file that is not HCL stops `terraform validate`,
    /// `plan` and `apply` with a syntax error. When the file is valid for Terraform, the finding
    /// is ecsplain's gap (please report it), which is why it is a warning and not an error.
    ///
    /// ## Example
    /// ```hcl
    /// resource "aws_ecs_service" "web" {
    ///   name =
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```hcl
    /// resource "aws_ecs_service" "web" {
    ///   name = "web"
    /// }
    /// ```
    ///
    /// ## References
    /// - [Terraform: configuration syntax](https://developer.hashicorp.com/terraform/language/syntax/configuration)
    /// - [HCL native syntax specification](https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md)
    pub static RULE = {
        code: "IN013",
        name: "terraform-unreadable",
        target: Input,
        severity: Warning,
        category: Syntax,
        summary: "a Terraform file is not readable HCL, so its ECS resources are not checked",
    }
}
