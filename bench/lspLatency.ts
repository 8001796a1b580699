/**
 * End-to-end edit → diagnostics latency over stdio: `policy-lint-server --stdio` (bundled corpus, all
 * rules) against yaml-language-server validating the same document against schema/policy.schema.json,
 * with the same client (bench/lspClient.ts) and the same incremental edits (bench/lspEdits.ts).
 *
 *   npm run build && node out/bench/lspLatency.js [--edits N] [--sizes 50,300,1000]
 *
 * One edit at a time: the clock starts when the didChange is written and stops when the
 * publishDiagnostics of that version has arrived (yaml-language-server sends no version, so it is the
 * first publish after the change; every edit waits for the previous one's diagnostics). The servers
 * run side by side and take turns, edit by edit.
 * yaml-language-server delays validation by a fixed 200 ms (validationDelayMs, not configurable); it is
 * measured as shipped and with that timer set to 0 (bench/lspNoDebounce.ts), and the ratio is taken
 * against the faster of the two.
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { BenchLspClient } from './lspClient';
import type { Message } from './lspClient';
import { editSession } from './lspEdits';
import type { Edit, EditKind } from './lspEdits';
import { generateDraft } from './generateDraft';
import { machine, ms, percentile, repoRoot, table, writeSection } from './lspReport';

interface ServerUnderTest {
  readonly name: string;
  readonly args: readonly string[];
  readonly languageId: string;
  readonly configuration: (section: string | undefined) => unknown;
  /** Throws unless the server reports what it should on a broken draft (schema errors, our rules). */
  readonly check: (diagnostics: readonly Message[], label: string) => void;
}

interface Sample {
  readonly kind: EditKind;
  readonly ms: number;
  readonly diagnostics: number;
}

const ROOT = repoRoot();
const SCHEMA_URI = pathToFileURL(path.join(ROOT, 'schema', 'policy.schema.json')).href;
const YAML_LS = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const CORPUS_CODES = ['unknown-department', 'cap-outlier', 'overlaps-in-force'];

const yamlSettings = {
  validate: true,
  hover: false,
  completion: false,
  format: { enable: false },
  schemaStore: { enable: false },
  schemas: { [SCHEMA_URI]: ['*.policy.yaml'] },
};

const SERVERS: readonly ServerUnderTest[] = [
  {
    name: 'policy-lint-server',
    args: [path.join(ROOT, 'bin', 'policy-lint-server.js'), '--stdio'],
    languageId: 'policy-yaml',
    configuration: (section) => (section === 'policyLint' ? {} : null),
    check: (diagnostics, label) => {
      const codes = new Set(diagnostics.map((d) => String(d.code)));
      if (!codes.has('schema')) throw new Error(`policy-lint-server reported no schema error on ${label}`);
      if (!CORPUS_CODES.some((c) => codes.has(c))) throw new Error(`policy-lint-server reported no corpus finding on ${label}: is the bundled corpus loaded?`);
    },
  },
  ...[false, true].map((noDelay): ServerUnderTest => ({
    name: noDelay ? 'yaml-language-server, 0 ms delay' : 'yaml-language-server (200 ms delay)',
    args: [...(noDelay ? ['-r', path.join(__dirname, 'lspNoDebounce.js')] : []), YAML_LS, '--stdio'],
    languageId: 'yaml',
    configuration: (section) => (section === 'yaml' ? yamlSettings : null),
    check: (diagnostics, label) => {
      const fromSchema = diagnostics.filter((d) => String(d.source ?? '').startsWith('yaml-schema') && (d.data?.schemaUri ?? []).includes(SCHEMA_URI));
      if (!fromSchema.some((d) => /not accepted|not allowed/i.test(d.message))) {
        throw new Error(`yaml-language-server reported no schema error on ${label}: ${JSON.stringify(diagnostics.slice(0, 3))}`);
      }
    },
  })),
];

function args(): { edits: number; warmup: number; sizes: number[] } {
  const argv = process.argv.slice(2);
  const value = (flag: string): string | undefined => { const i = argv.indexOf(flag); return i >= 0 ? argv[i + 1] : undefined; };
  return {
    edits: Number(value('--edits') ?? 120),
    warmup: Number(value('--warmup') ?? 15),
    sizes: (value('--sizes') ?? '50,300,1000').split(',').map(Number),
  };
}

/** A draft with a schema error (invalid enum, unknown key) to prove each server validates at all. */
function broken(text: string): string {
  return text.replace('status: draft', 'status: bogus').replace('unit: 万元', 'unit: 万元\nnotAKey: 1');
}

/** One server with the draft open, ready to take the edits one at a time. */
class Session {
  private constructor(readonly server: ServerUnderTest, private readonly client: BenchLspClient, private readonly uri: string) {}

  /** Starts the server, proves it validates (a broken copy must get schema errors), opens the draft. */
  static async open(server: ServerUnderTest, clauses: number, text: string): Promise<Session> {
    const client = BenchLspClient.spawn(server.args, server.configuration, ROOT);
    await client.initialize();
    const brokenUri = `file:///bench/broken-${clauses}.policy.yaml`;
    const brokenDiagnostics = client.nextDiagnostics(brokenUri, 1, 120000);
    client.notify('textDocument/didOpen', { textDocument: { uri: brokenUri, languageId: server.languageId, version: 1, text: broken(text) } });
    server.check((await brokenDiagnostics).params.diagnostics, `the broken ${clauses}-clause draft`);
    client.notify('textDocument/didClose', { textDocument: { uri: brokenUri } });
    const uri = `file:///bench/draft-${clauses}.policy.yaml`;
    const opened = client.nextDiagnostics(uri, 1, 120000);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: server.languageId, version: 1, text } });
    await opened;
    return new Session(server, client, uri);
  }

  /** Sends version `version` and waits for its diagnostics. */
  async edit(edit: Edit, version: number): Promise<Sample> {
    const published = this.client.nextDiagnostics(this.uri, version);
    const start = performance.now();
    this.client.notify('textDocument/didChange', { textDocument: { uri: this.uri, version }, contentChanges: [edit.change] });
    const message = await published;
    return { kind: edit.kind, ms: message.receivedAt - start, diagnostics: message.params.diagnostics.length };
  }

  /** Exactly one publish per version (nothing late or doubled that would skew the pairing), then shut down. */
  async close(versions: number): Promise<void> {
    try {
      await new Promise((resolve) => setTimeout(resolve, 400));
      const publishes = this.client.notifications.filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === this.uri).length;
      if (publishes !== versions) throw new Error(`${this.server.name}: ${publishes} publishes for ${versions} versions`);
    } finally {
      await this.client.shutdown();
    }
  }
}

/**
 * All servers at once, taking turns edit by edit (ours, then each yaml-language-server variant, then
 * the next edit), so that a busy moment of the machine falls on all of them alike.
 */
async function measure(clauses: number, edits: readonly Edit[], warmup: number): Promise<Sample[][]> {
  const draft = generateDraft({ clauses, seed: 2026 });
  const sessions: Session[] = [];
  try {
    for (const server of SERVERS) sessions.push(await Session.open(server, clauses, draft.text));
    const samples: Sample[][] = sessions.map(() => []);
    for (let i = 0; i < warmup + edits.length; i++) {
      for (let s = 0; s < sessions.length; s++) {
        const sample = await sessions[s].edit(edits[i % edits.length], i + 2);
        if (i >= warmup) samples[s].push(sample);
      }
    }
    for (const session of sessions.splice(0)) await session.close(warmup + edits.length + 1);
    return samples;
  } finally {
    for (const session of sessions) await session.close(0).catch(() => undefined);
  }
}

interface Summary {
  readonly server: string;
  readonly clauses: number;
  readonly median: number;
  readonly p95: number;
  readonly byKind: Readonly<Record<EditKind, number>>;
  readonly diagnostics: number;
}

function summarise(server: string, clauses: number, samples: readonly Sample[]): Summary {
  const of = (kind: EditKind): number => percentile(samples.filter((s) => s.kind === kind).map((s) => s.ms), 50);
  return {
    server, clauses,
    median: percentile(samples.map((s) => s.ms), 50),
    p95: percentile(samples.map((s) => s.ms), 95),
    byKind: { type: of('type'), amount: of('amount'), line: of('line') },
    diagnostics: percentile(samples.map((s) => s.diagnostics), 50),
  };
}

async function main(): Promise<void> {
  const options = args();
  const summaries: Summary[] = [];
  for (const clauses of options.sizes) {
    const draft = generateDraft({ clauses, seed: 2026 });
    const edits = editSession(draft.text, options.edits);
    const perServer = await measure(clauses, edits, options.warmup);
    for (const [index, server] of SERVERS.entries()) {
      const summary = summarise(server.name, clauses, perServer[index]);
      summaries.push(summary);
      console.log(`${String(clauses).padStart(5)} clauses  ${server.name.padEnd(36)} median ${ms(summary.median).padStart(7)} ms  p95 ${ms(summary.p95).padStart(7)} ms  (${summary.diagnostics} diagnostics)`);
    }
  }
  const rows = summaries.map((s) => {
    const ours = summaries.find((o) => o.clauses === s.clauses && o.server === SERVERS[0].name)!;
    return [
      String(s.clauses), s.server, ms(s.median), ms(s.p95), ms(s.byKind.type), ms(s.byKind.amount), ms(s.byKind.line), String(s.diagnostics),
      s === ours ? '—' : `${(ours.median / s.median).toFixed(2)} / ${(ours.p95 / s.p95).toFixed(2)}`,
    ];
  });
  const lines = table(['clauses', 'server', 'median ms', 'p95 ms', 'type ms', 'amount ms', 'line ms', 'diagnostics', 'ours ÷ this (median / p95)'], rows);
  const at300 = summaries.filter((s) => s.clauses === 300);
  const ours300 = at300.find((s) => s.server === SERVERS[0].name);
  const verdicts: string[] = [];
  if (ours300) {
    verdicts.push(`300 clauses, edit → diagnostics p95 ≤ 30 ms: ${ours300.p95 <= 30 ? 'PASS' : 'FAIL'} (p95 ${ms(ours300.p95)} ms)`);
    for (const other of at300.filter((s) => s !== ours300)) {
      verdicts.push(`300 clauses, median ≤ half of ${other.server}: ${ours300.median <= other.median / 2 ? 'PASS' : 'FAIL'} (${ms(ours300.median)} ms vs ${ms(other.median)} ms, ratio ${(ours300.median / other.median).toFixed(2)})`);
    }
  }
  console.log(lines.join('\n'));
  verdicts.forEach((v) => console.log(v));
  const file = writeSection('lsp-latency', [
    '## Edit → diagnostics over LSP (stdio)',
    '',
    `Command: \`npm run bench\` (this part: \`node out/bench/lspLatency.js --edits ${options.edits} --warmup ${options.warmup} --sizes ${options.sizes.join(',')}\`).`,
    '',
    `Drafts from bench/generateDraft.ts (seed 2026); ${options.edits} measured incremental edits per server and size after ${options.warmup} warm-up edits,`,
    'the same list for every server (bench/lspEdits.ts: type three characters into a clause text and delete them, change a digit',
    'of an amount and back, add a line to a clause text and remove it). One edit at a time; the time runs from writing the',
    'didChange to the arrival of the publishDiagnostics of that version, with one client (bench/lspClient.ts) for all servers;',
    'the servers run side by side and take turns edit by edit, so a busy moment of the machine hits them alike.',
    'policy-lint-server runs as shipped (`bin/policy-lint-server.js --stdio`, bundled corpus of 39 policies, every rule, the',
    'corpus rules included); yaml-language-server 2 validates the same text against `schema/policy.schema.json` (`yaml.schemas`,',
    '`yaml.validate: true`, schema store off) and is checked to report schema errors on a broken copy first. yaml-language-server',
    'waits a fixed 200 ms before validating (`validationDelayMs`, not a setting): the "0 ms delay" row sets that one timer to 0',
    '(bench/lspNoDebounce.ts) to show its validation work alone. "type/amount/line" are medians per kind of edit;',
    '"ours ÷ this" divides our median and p95 by that row\'s.',
    '',
    ...lines,
    '',
    ...verdicts.map((v) => `**${v}**`).flatMap((v) => [v, '']),
    `- machine: ${machine()}`,
    `- date: ${new Date().toISOString()}`,
  ]);
  console.log(`written: ${path.relative(process.cwd(), file)}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack ?? err.message : String(err));
  process.exit(1);
});
