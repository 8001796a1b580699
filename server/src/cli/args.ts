/** Command-line arguments: `policy-lint [command] [options] FILE_OR_GLOB...`. */
import { UsageError } from '../host/usageError';

export type Command = 'lint' | 'compare' | 'precedents' | 'import';

export interface CliArgs {
  readonly command: Command;
  readonly inputs: string[];
  readonly format?: string;
  readonly config?: string;
  readonly corpus: string[];
  readonly maxWarnings?: number;
  readonly locale?: 'en' | 'zh-CN';
  readonly quiet: boolean;
  readonly city?: string;
  readonly clause?: string;
  readonly top?: number;
  readonly output?: string;
  readonly force: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

const COMMANDS: readonly Command[] = ['compare', 'precedents', 'import'];
const WITH_VALUE = new Set(['--format', '-f', '--config', '-c', '--corpus', '--max-warnings', '--locale', '--city', '--clause', '--top', '-o', '--output']);
const FLAGS = new Set(['--quiet', '--force', '--help', '-h', '--version', '-v']);

export function parseArgs(argv: readonly string[]): CliArgs {
  const rest = [...argv];
  const command: Command = COMMANDS.includes(rest[0] as Command) ? (rest.shift() as Command) : 'lint';
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  const inputs: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    let arg = rest[i];
    if (arg === '--') {
      // Everything after `--` is a file, even when it starts with '-'.
      inputs.push(...rest.slice(i + 1));
      break;
    }
    let inline: string | undefined;
    if (arg.startsWith('--') && arg.includes('=')) {
      inline = arg.slice(arg.indexOf('=') + 1);
      arg = arg.slice(0, arg.indexOf('='));
    }
    if (WITH_VALUE.has(arg)) {
      const value = inline ?? rest[++i];
      if (value === undefined) throw new UsageError(`option ${arg} needs a value`);
      values.set(arg, [...(values.get(arg) ?? []), value]);
    } else if (FLAGS.has(arg)) {
      flags.add(arg);
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option '${arg}' (see --help)`);
    } else {
      inputs.push(arg);
    }
  }
  const one = (...names: string[]): string | undefined => names.map((n) => values.get(n)?.at(-1)).find((v) => v !== undefined);
  const count = (name: string): number | undefined => {
    const raw = one(name);
    if (raw === undefined) return undefined;
    if (!/^\d+$/.test(raw)) throw new UsageError(`${name} expects a whole number, got '${raw}'`);
    return Number(raw);
  };
  const locale = one('--locale');
  if (locale !== undefined && locale !== 'en' && locale !== 'zh-CN') throw new UsageError(`--locale must be en or zh-CN, got '${locale}'`);
  return {
    command,
    inputs,
    format: one('--format', '-f'),
    config: one('--config', '-c'),
    corpus: values.get('--corpus') ?? [],
    maxWarnings: count('--max-warnings'),
    locale: locale as CliArgs['locale'],
    quiet: flags.has('--quiet'),
    city: one('--city'),
    clause: one('--clause'),
    top: count('--top'),
    output: one('-o', '--output'),
    force: flags.has('--force'),
    help: flags.has('--help') || flags.has('-h'),
    version: flags.has('--version') || flags.has('-v'),
  };
}

export const HELP = `Usage:
  policy-lint [--format stylish|json|sarif] [--config FILE] [--max-warnings N] FILE_OR_GLOB...
  policy-lint compare FILE --city CITY [--format md|html|json]
  policy-lint precedents FILE [--clause ID] [--top N] [--format text|json]
  policy-lint import TEXT_FILE [-o OUT.policy.yaml] [--force]

Options:
  --format, -f     output format
  --config, -c     config file (default: .policylintrc.yaml found from the current folder up)
  --corpus DIR     add a folder of *.policy.yaml precedents (repeatable)
  --max-warnings N exit 1 when there are more than N warnings
  --locale L       message language: en or zh-CN (default from LANG)
  --quiet          report errors only
  --help, --version
  --               end of options: later arguments are files

Exit status: 0 no errors, 1 errors found (or too many warnings), 2 bad usage or unreadable file.`;
