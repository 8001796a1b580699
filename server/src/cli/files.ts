/** Files, folders (recursively, *.policy.yaml / *.policy.yml) and globs (*, **, ?, {a,b}) → file paths. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../host/usageError';

const POLICY_FILE = /\.policy\.ya?ml$/;
// Dependencies and VCS internals never hold the user's drafts; `out` holds build output only.
const SKIP_DIRS = new Set(['node_modules', '.git', 'out']);

/** Absolute paths, deduplicated and sorted so output order never depends on argument order. */
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
  // A file named explicitly is linted whatever its name; a folder contributes its policy files only.
  return stat.isDirectory() ? walk(full).filter((f) => POLICY_FILE.test(f)) : [full];
}

function walk(dir: string): string[] {
  const result: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return result; // an unreadable sub-folder holds nothing we can lint
  }
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) result.push(...walk(path.join(dir, entry.name)));
    } else if (entry.isFile()) result.push(path.join(dir, entry.name));
  }
  return result;
}

function expandGlob(pattern: string, cwd: string): string[] {
  const normalised = pattern.split(path.sep).join('/');
  const firstWild = normalised.search(/[*?{]/);
  const base = normalised.slice(0, normalised.lastIndexOf('/', firstWild) + 1);
  const root = path.resolve(cwd, base || '.');
  if (!fs.existsSync(root)) return [];
  // Match below the literal base only, so wildcard characters in the cwd itself mean nothing.
  const matcher = globToRegExp(normalised.slice(base.length));
  return walk(root).filter((f) => matcher.test(path.relative(root, f).split(path.sep).join('/')));
}

/** `**` spans folders, `*` and `?` stay inside one, `{a,b}` is a choice (may hold wildcards). */
export function globToRegExp(glob: string): RegExp {
  // `**/**/` is `**/`, and `***` is `**`: repeated they only make the regular expression backtrack.
  const simple = glob.replace(/(?:\*\*\/)+/g, '**/').replace(/\*{3,}/g, '**');
  // Each `*` of a segment is a loop of the match: a dozen of them against a long name takes minutes.
  if ((simple.match(/\*+/g) ?? []).length > MAX_WILDCARDS) throw new UsageError(`glob '${glob}' has more than ${MAX_WILDCARDS} wildcards`);
  return new RegExp(`^${globSource(simple)}$`);
}

const MAX_WILDCARDS = 8;

function globSource(glob: string): string {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '{') {
      const close = matchingBrace(glob, i);
      if (close < 0) source += '\\{';
      else {
        source += `(?:${splitTopLevel(glob.slice(i + 1, close)).map(globSource).join('|')})`;
        i = close;
      }
    } else source += ch.replace(/[.+^$()|[\]\\}]/g, '\\$&');
  }
  return source;
}

function matchingBrace(glob: string, open: number): number {
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === '{') depth++;
    else if (glob[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `a,{b,c},d` → ['a', '{b,c}', 'd']: commas inside nested braces belong to the inner choice. */
function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}
