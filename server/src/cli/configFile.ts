/** `--config FILE`, else `.policylintrc.yaml` (or .yml) found from the current folder upwards. */
import * as fs from 'node:fs';
import { readBoundedSync } from '../host/readBounded';
import { readFailure } from './readFiles';
import * as path from 'node:path';
import { parseConfigText } from '../core';
import type { LintConfig } from '../core';
import { checkCorpusDirs } from '../host/corpusFiles';
import { decodeBytes } from '../host/decode';
import { UsageError } from '../host/usageError';
import { displayPath } from './paths';

const NAMES = ['.policylintrc.yaml', '.policylintrc.yml'];

export interface LoadedConfig {
  readonly config?: LintConfig;
  readonly file?: string;
  /** The config's `corpus` folders, absolute and checked to exist. */
  readonly corpusDirs: string[];
}

export function loadConfig(explicit: string | undefined, cwd: string): LoadedConfig {
  const file = explicit ? path.resolve(cwd, explicit) : discover(cwd);
  if (!file) return { corpusDirs: [] };
  const shown = displayPath(file, cwd);
  let bytes: Buffer;
  try {
    bytes = readBoundedSync(file);
  } catch (err) {
    throw new UsageError(`cannot read config file '${shown}': ${readFailure(err)}`);
  }
  const { config, errors } = parseConfigText(decodeBytes(bytes, shown).text);
  // One line: the first problem is enough to find the file and fix it.
  if (errors.length > 0) throw new UsageError(`${shown}: ${errors[0]}`);
  let corpusDirs: string[];
  try {
    // Folders named in a config file are relative to that file, not to where the CLI runs.
    corpusDirs = checkCorpusDirs(config.corpus ?? [], path.dirname(file));
  } catch (err) {
    throw err instanceof UsageError ? new UsageError(`${shown}: ${err.message}`) : err;
  }
  return { config, file, corpusDirs };
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
