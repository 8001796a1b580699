/** `--config FILE`, else `.policylintrc.yaml` (or .yml) found from the current folder upwards. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfigText } from '../core';
import type { LintConfig } from '../core';
import { decodeBytes } from '../host/decode';
import { UsageError } from '../host/usageError';

const NAMES = ['.policylintrc.yaml', '.policylintrc.yml'];

export interface LoadedConfig {
  readonly config?: LintConfig;
  readonly file?: string;
}

export function loadConfig(explicit: string | undefined, cwd: string): LoadedConfig {
  const file = explicit ? path.resolve(cwd, explicit) : discover(cwd);
  if (!file) return {};
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new UsageError(`cannot read config file '${path.relative(cwd, file) || file}'`);
  }
  const { config, errors } = parseConfigText(decodeBytes(bytes, file).text);
  if (errors.length > 0) throw new UsageError(`${path.relative(cwd, file) || file}: ${errors[0]}`);
  return { config, file };
}

function discover(from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    for (const name of NAMES) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) return candidate;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}
