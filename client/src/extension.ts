/** VS Code client: starts the bundled language server over IPC and adds the editor-only commands. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const LANGUAGES = ['emqx-hocon', 'erlang-vmargs', 'sysctl-conf', 'emqx-systemd', 'limits-conf'];
let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]),
    synchronize: { configurationSection: 'mqttHarden' },
    diagnosticCollectionName: 'mqtt-harden',
  };
  client = new LanguageClient('mqttHarden', 'MQTT Hardening', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('mqttHarden.generateCookie', () => insertSecret('cookie')),
    vscode.commands.registerCommand('mqttHarden.generatePassword', () => insertSecret('password')),
  );
  await client.start();
  return { client };
}

/** Asks the server for a fresh secret (crypto.randomBytes there) and inserts it at every cursor. */
async function insertSecret(kind: 'cookie' | 'password'): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) return;
  const secrets: string[] = [];
  for (let i = 0; i < editor.selections.length; i++) {
    secrets.push(await client.sendRequest(ExecuteCommandRequest.type, { command: 'mqttHarden.server.generateSecret', arguments: [kind, editor.document.languageId] }));
  }
  await editor.edit((b) => editor.selections.forEach((s, i) => b.replace(s, secrets[i])));
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
