/** What the code-server tests need from the machine: Debian's Chromium and code-server from test/e2e/setup-code-server.sh. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/paths';

export const CHROMIUM = '/usr/bin/chromium';

/** The installed code-server binary, or undefined; never installs (CS_ONLY_CHECK). */
export function codeServerBinary(): string | undefined {
  const setup = spawnSync('bash', [path.join(REPO_ROOT, 'test', 'e2e', 'setup-code-server.sh')], { encoding: 'utf8', env: { ...process.env, CS_ONLY_CHECK: '1' }, timeout: 600000 });
  const dir = setup.stdout.trim().split('\n').pop();
  const binary = dir && path.join(dir, 'node_modules', '.bin', 'code-server');
  return binary && fs.existsSync(binary) ? binary : undefined;
}

/** code-server's path, or why these tests cannot run here. */
export function editorOrReason(): { binary: string } | { reason: string } {
  if (!fs.existsSync(CHROMIUM)) return { reason: 'Debian chromium is not installed' };
  const binary = codeServerBinary();
  return binary ? { binary } : { reason: 'code-server could not be installed (test/e2e/setup-code-server.sh)' };
}
