/** Commands the server executes for any client (VS Code registers them from executeCommandProvider). */
import type { Connection, ExecuteCommandParams, WorkspaceEdit } from 'vscode-languageserver/node';
import { generateSecret, type SecretFormat } from '../core/secrets';
import { OPEN_DOCS_COMMAND } from './codeActions';

export const FIX_ALL_IN_WORKSPACE_COMMAND = 'mqttHarden.fixAllInWorkspace';
export const GENERATE_SECRET_COMMAND = 'mqttHarden.server.generateSecret';
export const COMMANDS = [OPEN_DOCS_COMMAND, FIX_ALL_IN_WORKSPACE_COMMAND, GENERATE_SECRET_COMMAND] as const;

/** The secret format of each language the client knows; a cursor may be inside quotes or not, so unquoted-safe. */
const LANGUAGE_FORMATS: Record<string, SecretFormat> = {
  'emqx-hocon': 'hocon', 'erlang-vmargs': 'vmargs', 'emqx-systemd': 'systemd', yaml: 'yaml', dockercompose: 'yaml', properties: 'env', dotenv: 'env',
};

export interface CommandContext {
  connection: Connection;
  /** Every safe fix of the workspace as one edit. */
  workspaceEdit(): WorkspaceEdit;
}

export async function executeCommand(params: ExecuteCommandParams, ctx: CommandContext): Promise<unknown> {
  switch (params.command) {
    case OPEN_DOCS_COMMAND: {
      const uri = params.arguments?.[0];
      if (typeof uri !== 'string') return { ok: false };
      const shown = await ctx.connection.window.showDocument({ uri, takeFocus: true }).catch(() => ({ success: false }));
      return { ok: shown.success };
    }
    case FIX_ALL_IN_WORKSPACE_COMMAND: {
      const edit = ctx.workspaceEdit();
      const count = Object.values(edit.changes ?? {}).reduce((n, e) => n + e.length, 0);
      if (count === 0) return { applied: false, edits: 0 };
      const r = await ctx.connection.workspace.applyEdit({ label: 'Fix all safe mqtt-harden findings', edit });
      return { applied: r.applied, edits: count };
    }
    case GENERATE_SECRET_COMMAND:
      // The client names the document's language: the secret's alphabet is one that file reads unquoted.
      return generateSecret(params.arguments?.[0] === 'password' ? 'password' : 'cookie', LANGUAGE_FORMATS[String(params.arguments?.[1])] ?? 'plain');
    default:
      return undefined;
  }
}
