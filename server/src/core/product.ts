/** The product's identity, in one place for the CLI, SARIF and the server. */
import * as path from 'node:path';
import * as fs from 'node:fs';
import { version } from '../../../package.json';

export const PRODUCT_NAME = 'mqtt-harden';
export const PRODUCT_VERSION: string = version;
export const DIAGNOSTIC_SOURCE = 'mqtt-harden';
export const REPOSITORY_URL = 'https://github.com/mqtt-hardening/mqtt-hardening';

/** Public URL of a repository-relative docs path (for SARIF and the README). */
export function publicDocsUrl(docsPath: string): string {
  return `${REPOSITORY_URL}/blob/main/${docsPath}`;
}

/**
 * The folder holding docs/ at run time: the bundles live in dist/, the docs beside it (in the repository,
 * the npm package and the .vsix alike); sources run from server/src/... in tests.
 */
export function installRoot(): string {
  const candidates = [path.resolve(__dirname, '..'), path.resolve(__dirname, '../../..'), process.cwd()];
  return candidates.find((c) => fs.existsSync(path.join(c, 'docs', 'rules'))) ?? candidates[0];
}

/** Absolute path of a rule's docs page in this installation. */
export function localDocsFile(docsPath: string): string {
  return path.join(installRoot(), docsPath);
}
