//! How rules are run: a [`Check`] pairs a rule with the function that checks one kind of input,
//! and a [`Sink`] collects what it reports.

use crate::input::diagnostic::Diagnostic;
use crate::input::span::Span;
use crate::models::config::Settings;
use crate::rules::rule::Rule;

/// The check function of a Dockerfile rule (`rules::dockerfile::RUNS`).
pub type DockerfileRun = fn(&crate::syntax::dockerfile::DockerfileCtx<'_>, &mut Sink<'_>);

/// A rule and the function that runs it.
pub enum Check {
    /// Reported by a parser while reading the input (syntax, input shape); documented as a rule.
    Parser(&'static Rule),
    TaskDef(
        &'static Rule,
        fn(&crate::models::taskdef::TaskDefCtx<'_>, &mut Sink<'_>),
    ),
    ServiceDef(
        &'static Rule,
        fn(&crate::models::servicedef::ServiceDefCtx<'_>, &mut Sink<'_>),
    ),
    /// A Dockerfile rule: its check function is the same position of
    /// `rules::dockerfile::RUNS`, which only the built-in Dockerfile path names (so a wasm32
    /// build that reads Dockerfiles through the page's Dockerfile module links no check).
    Dockerfile(&'static Rule),
    Ecspresso(
        &'static Rule,
        fn(&crate::models::ecspresso::EcspressoCtx<'_>, &mut Sink<'_>),
    ),
    /// Runs once over every input of a lint run (cross-file checks).
    Project(
        &'static Rule,
        fn(&crate::models::project::ProjectCtx<'_>, &mut Sink<'_>),
    ),
}

impl Check {
    pub fn rule(&self) -> &'static Rule {
        match self {
            Check::Parser(r)
            | Check::TaskDef(r, _)
            | Check::ServiceDef(r, _)
            | Check::Dockerfile(r)
            | Check::Ecspresso(r, _)
            | Check::Project(r, _) => r,
        }
    }
}

/// Collects the diagnostics of one rule over one input (or, for project checks, over several),
/// and gives the rule the team's [`Settings`] (trusted registries, required tags, region).
pub struct Sink<'a> {
    rule: &'static Rule,
    file: usize,
    out: &'a mut Vec<(usize, Diagnostic)>,
    settings: &'a Settings,
}

/// What rules see when no configuration is given: every setting empty.
static NO_SETTINGS: Settings = Settings {
    trusted_registries: Vec::new(),
    required_tags: Vec::new(),
    region: None,
    label_schema: Vec::new(),
    strict_labels: false,
};

impl<'a> Sink<'a> {
    pub fn new(
        rule: &'static Rule,
        file: usize,
        out: &'a mut Vec<(usize, Diagnostic)>,
    ) -> Sink<'a> {
        Sink {
            rule,
            file,
            out,
            settings: &NO_SETTINGS,
        }
    }

    /// The same sink with the team's settings (`.ecsplain.yaml`) for the rule to read.
    pub fn with_settings(mut self, settings: &'a Settings) -> Sink<'a> {
        self.settings = settings;
        self
    }

    pub fn rule(&self) -> &'static Rule {
        self.rule
    }

    /// The team's settings: a rule that needs one (a trusted-registry list, required tags) stays
    /// silent while it is empty.
    pub fn settings(&self) -> &'a Settings {
        self.settings
    }

    /// Reports a finding of the running rule on the current input; add help, related spans or a
    /// fix to the returned diagnostic.
    pub fn report(&mut self, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        self.report_in(self.file, span, message)
    }

    /// Reports a finding whose message is a keyed template (`crate::msg!`).
    pub fn report_msg(&mut self, span: Span, message: crate::input::msg::Msg) -> &mut Diagnostic {
        self.report_msg_in(self.file, span, message)
    }

    /// [`Sink::report_msg`] on another input of the run (project checks).
    pub fn report_msg_in(
        &mut self,
        file: usize,
        span: Span,
        message: crate::input::msg::Msg,
    ) -> &mut Diagnostic {
        let d = Diagnostic::new_msg(self.rule.code, self.rule.severity, span, message);
        self.out.push((file, d));
        let last = self.out.len() - 1;
        &mut self.out[last].1
    }

    /// Reports a finding on another input of the run (project checks).
    pub fn report_in(
        &mut self,
        file: usize,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.out.push((file, self.rule.diag(span, message)));
        let last = self.out.len() - 1;
        &mut self.out[last].1
    }
}
