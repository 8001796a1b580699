/** Files, folders (recursively, *.policy.yaml / *.policy.yml) and globs (*, **, ?, {a,b}) → file paths. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../host/usageError';

const POLICY_FILE = /\.policy\.ya?ml$/;
const SKIP_DIRS = new Set(['node_modules', '.git', 'out']);

export function expandInputs(inputs: readonly string[], cwd: string): string[] {
  const files = new Set<string>();
  for (const input of inputs) {
    const matched = /[*?{]/.test(input) ? expandGlob(input, cwd) : expandPath(input, cwd);
    if (matched.length === 0) throw new UsageError(`no policy files match '${input}'`);
    matched.forEach((f) => files.add(f));
  }
  return [...files].sort();
}

function expandPath(input: string, cwd: string): string[] {
  const full = path.resolve(cwd, input);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
  } catch {
    throw new UsageError(`cannot read '${input}': no such file or folder`);
  }
  return stat.isDirectory() ? walk(full).filter((f) => POLICY_FILE.test(f)) : [full];
}

function walk(dir: string): string[] {
  const result: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) result.push(...walk(path.join(dir, entry.name)));
    } else if (entry.isFile()) result.push(path.join(dir, entry.name));
  }
  return result;
}

function expandGlob(pattern: string, cwd: string): string[] {
  const normalised = pattern.split(path.sep).join('/');
  const firstWild = normalised.search(/[*?{]/);
  const base = normalised.slice(0, normalised.lastIndexOf('/', firstWild) + 1) || './';
  const root = path.resolve(cwd, base);
  if (!fs.existsSync(root)) return [];
  const matcher = globToRegExp(path.resolve(cwd, normalised).split(path.sep).join('/'));
  return walk(root).filter((f) => matcher.test(f.split(path.sep).join('/')));
}

/** `**` spans folders, `*` and `?` stay inside one, `{a,b}` is a choice. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) source += '\\{';
      else {
        source += `(?:${glob.slice(i + 1, close).split(',').map(escape).join('|')})`;
        i = close;
      }
    } else source += escape(ch);
  }
  return new RegExp(`^${source}$`);
}

function escape(text: string): string {
  return text.replace(/[.+^$()|[\]\\]/g, '\\$&');
}
