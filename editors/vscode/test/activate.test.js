// The extension's wiring, without VS Code: `vscode` and the language client are stubbed, and
// activate() must start `ecsplain server` on stdio for the files ecsplain reads.
'use strict';

const assert = require('node:assert');
const Module = require('node:module');
const test = require('node:test');

const started = [];
const stubs = {
  vscode: {
    workspace: {
      getConfiguration: (section) => {
        assert.strictEqual(section, 'ecsplain');
        return { get: (key) => ({ path: '/opt/bin/ecsplain', docsUrl: 'https://example.test/' })[key] };
      },
      onDidChangeConfiguration: () => ({ dispose() {} }),
    },
    commands: { executeCommand() {} },
  },
  'vscode-languageclient/node': {
    TransportKind: { stdio: 0, ipc: 1 },
    LanguageClient: class {
      constructor(id, name, server, options) {
        Object.assign(this, { id, name, server, options });
      }
      start() {
        started.push(this);
        return Promise.resolve();
      }
      stop() {
        return Promise.resolve();
      }
    },
  },
};
const load = Module._load;
Module._load = function (request, parent, isMain) {
  return request in stubs ? stubs[request] : load.call(this, request, parent, isMain);
};

test('activate starts `ecsplain server` on stdio for the files ecsplain reads', async () => {
  const extension = require('../extension.js');
  const subscriptions = [];
  await extension.activate({ subscriptions });
  assert.strictEqual(started.length, 1);
  const client = started[0];
  assert.strictEqual(client.id, 'ecsplain');
  assert.deepStrictEqual(client.server.run, { command: '/opt/bin/ecsplain', args: ['server'], transport: 0 });
  assert.deepStrictEqual(client.server.debug, client.server.run);
  const languages = client.options.documentSelector.map((s) => s.language).filter(Boolean);
  assert.deepStrictEqual(languages, ['dockerfile', 'json', 'jsonc', 'yaml', 'jsonnet']);
  assert.ok(client.options.documentSelector.every((s) => s.scheme === 'file'));
  assert.deepStrictEqual(client.options.initializationOptions, { docsUrl: 'https://example.test/' });
  assert.strictEqual(subscriptions.length, 1);
  await extension.deactivate();
});

test('the manifest points at the extension and pins its packages', () => {
  const manifest = require('../package.json');
  assert.strictEqual(manifest.main, './extension.js');
  for (const deps of [manifest.dependencies, manifest.devDependencies]) {
    for (const [name, version] of Object.entries(deps)) {
      assert.match(version, /^\d+\.\d+\.\d+$/, `${name} is pinned`);
    }
  }
  const properties = manifest.contributes.configuration.properties;
  assert.deepStrictEqual(Object.keys(properties), ['ecsplain.path', 'ecsplain.docsUrl', 'ecsplain.trace.server']);
});
