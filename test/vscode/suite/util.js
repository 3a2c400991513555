// Helpers for the extension-host tests: polling, the workspace's files, diagnostics by rule id.
const vscode = require('vscode');

const EXTENSION_ID = 'mqtt-hardening.mqtt-hardening';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls fn until it returns a truthy value; returns the last value (falsy on timeout). */
async function waitFor(fn, ms = 20000) {
  const end = Date.now() + ms;
  let v;
  while (Date.now() < end) {
    v = await fn();
    if (v) return v;
    await sleep(100);
  }
  return v;
}

/** URI of a file in the (first) workspace folder: a copy of examples/. */
function wsFile(...parts) {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, ...parts);
}

/** The rule id of a diagnostic: VS Code turns `code` + `codeDescription` into {value, target}. */
function ruleOf(d) {
  return d.code && typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function withRule(uri, rule) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mqtt-harden' && ruleOf(d) === rule);
}

function describe(uri) {
  return JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => [d.range.start.line, ruleOf(d), d.source]));
}

async function activeExtension() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  await waitFor(() => ext.isActive, 30000);
  if (!ext.isActive) throw new Error('the extension did not activate');
  return ext;
}

module.exports = { EXTENSION_ID, sleep, waitFor, wsFile, ruleOf, withRule, describe, activeExtension };
