/**
 * policy-lint: the command-line adapter over the analysis core (SPEC §3). Parses arguments, loads the
 * config and corpus, dispatches to a command. Any user error ends in exit 2 with one line on stderr.
 */
import { createPolicyLanguageService } from '../core';
import type { Locale } from '../core';
import { HELP, parseArgs } from './args';
import type { CliArgs } from './args';
import { loadConfig } from './configFile';
import { compareCommand } from './commands/compare';
import { importCommand } from './commands/import';
import { lintCommand } from './commands/lint';
import { precedentsCommand } from './commands/precedents';
import { processIo } from './io';
import type { Io } from './io';
import { packageVersion } from './version';
import { bundledCorpusDir, checkCorpusDirs, readCorpus, snapshotIndex } from '../host/corpusFiles';
import { UsageError } from '../host/usageError';

export type { Io } from './io';

/** The whole CLI; resolves to the exit status and never rejects. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  try {
    return await run(parseArgs(argv), io);
  } catch (err) {
    // Users get one line; a stack trace would only bury it.
    const message = err instanceof UsageError ? err.message : `internal error: ${err instanceof Error ? err.message : String(err)}`;
    io.stderr(`policy-lint: ${message.split(/\r?\n/)[0]}\n`);
    return 2;
  }
}

/** LC_ALL overrides LC_MESSAGES and LANG (POSIX); any Chinese locale gets Chinese messages. */
function defaultLocale(env: NodeJS.ProcessEnv): Locale {
  return /^zh/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'zh-CN' : 'en';
}

async function run(args: CliArgs, io: Io): Promise<number> {
  if (args.help) {
    io.stdout(`${HELP}\n`);
    return 0;
  }
  if (args.version) {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  if (args.command === 'import') return importCommand(args, io);
  const { config, corpusDirs } = loadConfig(args.config, io.cwd);
  const locale: Locale = args.locale ?? config?.locale ?? defaultLocale(io.env);
  const corpus = [
    ...[bundledCorpusDir()].filter((d): d is string => d !== undefined),
    ...corpusDirs,
    ...checkCorpusDirs(args.corpus, io.cwd),
  ];
  // The corpus is read lazily by the service, on the first rule or command that needs it.
  const service = createPolicyLanguageService({ corpus: () => readCorpus(corpus), corpusIndex: snapshotIndex });
  if (args.command === 'compare') return compareCommand(service, args, io);
  if (args.command === 'precedents') return precedentsCommand(service, args, io);
  return lintCommand(service, args, config, locale, io);
}
