// The ecsplain extension: starts `ecsplain server` (the language server, on stdio) for the files
// ecsplain reads. Everything else (diagnostics, fixes, "ignore here", hovers) is the server's.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

// The files ecsplain reads: task and service definitions (JSON, Jsonnet), ecspresso configs
// (YAML, JSON, Jsonnet), Dockerfiles and the team's .ecsplain.yaml. The server lints only
// those it recognises; the others get no diagnostics.
const documentSelector = [
  { scheme: 'file', language: 'dockerfile' },
  { scheme: 'file', pattern: '**/*{Dockerfile,dockerfile,Containerfile}*' },
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'jsonc' },
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', language: 'jsonnet' },
  { scheme: 'file', pattern: '**/*.{jsonnet,libsonnet}' },
];

function activate(context) {
  const config = vscode.workspace.getConfiguration('ecsplain');
  const command = config.get('path') || 'ecsplain';
  const executable = { command, args: ['server'], transport: TransportKind.stdio };
  client = new LanguageClient(
    'ecsplain',
    'ecsplain',
    { run: executable, debug: executable },
    {
      documentSelector,
      initializationOptions: { docsUrl: config.get('docsUrl') || '' },
    },
  );
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('ecsplain.path') || event.affectsConfiguration('ecsplain.docsUrl')) {
        vscode.commands.executeCommand('workbench.action.restartExtensionHost');
      }
    }),
  );
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
