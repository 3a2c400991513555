// Starts code-server (the real VS Code workbench and Node extension host) and drives it with
// Debian's chromium through playwright-core. Shared by the extension-host suite and the UI smoke test.
import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

/** User settings that keep focus in the editor and keep the workbench off the network. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
};

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Per-run folders and environment: code-server and chromium would otherwise write into $HOME.
 * @param {string} tmp a fresh temporary folder
 * @param {Record<string,string>} editors what scripts/setup-editors.sh exported
 */
export function codeServerContext(tmp, editors) {
  const env = {
    ...process.env,
    PATH: `${editors.NODE24_BIN}:${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
  };
  const common = ['--config', path.join(tmp, 'config.yaml'), '--user-data-dir', path.join(tmp, 'data'), '--extensions-dir', path.join(tmp, 'extensions')];
  fs.writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\ncert: false\n');
  fs.mkdirSync(path.join(tmp, 'data', 'User'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'data', 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));
  return { env, common, codeServer: editors.CODE_SERVER, chromium: editors.CHROMIUM, tmp };
}

/** `code-server --install-extension <vsix>` into this run's extensions folder. */
export function installExtension(ctx, vsix) {
  execFileSync(ctx.codeServer, [...ctx.common, '--install-extension', vsix], { env: ctx.env, stdio: ['ignore', 'pipe', 'inherit'] });
}

/**
 * Starts code-server on a free loopback port; resolves once it listens.
 * @returns {Promise<{ port: number, origin: string, log: string, stop: () => void }>}
 */
export async function startCodeServer(ctx, extraArgs = []) {
  const port = await freePort();
  const log = path.join(ctx.tmp, 'code-server.log');
  const out = fs.openSync(log, 'a');
  const proc = spawn(
    ctx.codeServer,
    [...ctx.common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', ...extraArgs],
    { env: ctx.env, stdio: ['ignore', 'pipe', out], detached: true },
  );
  const stop = () => {
    try {
      process.kill(-proc.pid, 'SIGTERM'); // its own process group: the extension host and server go too
    } catch {
      /* already gone */
    }
  };
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 60 s (log: ${log})`)), 60000);
    proc.stdout.on('data', (d) => {
      fs.appendFileSync(log, d);
      if (/HTTP server listening/.test(String(d))) {
        clearTimeout(timer);
        resolve(undefined);
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code} (log: ${log})`));
    });
  });
  return { port, origin: `http://127.0.0.1:${port}`, log, stop };
}

/** Headless Debian chromium with a profile in this run's folder. */
export async function launchBrowser(ctx, viewport = { width: 1400, height: 900 }) {
  return chromium.launchPersistentContext(path.join(ctx.tmp, 'chrome'), {
    executablePath: ctx.chromium,
    headless: true,
    viewport,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(ctx.tmp, 'xdg-config'), XDG_CACHE_HOME: path.join(ctx.tmp, 'xdg-cache') },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Workbench messages that are noise here (no network, no accounts). */
export const NOISE = /ENOTFOUND|EAI_AGAIN|open-vsx|Resolv|socket|Service Worker|AgentHost|AccountPolicy|builtin extensions cache|grace time|marketplace|Failed to fetch/i;
