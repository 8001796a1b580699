/**
 * policy-lint-server: the language server, a thin adapter over the analysis core. Started as
 * `policy-lint-server --stdio` by any LSP client, or over IPC by the VS Code extension.
 */
import { createConnection, ErrorCodes, MarkupKind, ProposedFeatures, ResponseError, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import type { CancellationToken, InitializeParams, Position } from 'vscode-languageserver/node';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createPolicyLanguageService, LintCancelled, mergeConfigs, parseConfigText, validateConfig } from './core';
import type { LintConfig, Locale, ParsedPolicy } from './core';
import { DocumentCache } from './documentCache';
import { IdleCollector, v8HeapProbe } from './idleGc';
import { bundledCorpusDir, readCorpus, snapshotIndex } from './host/corpusFiles';
import { importPolicyText } from './core/import';
import { compareMarkdown } from './host/compareFormat';
import { decodeBytes } from './host/decode';
import { readBoundedSync } from './host/readBounded';
import { toCodeAction, toCompletion, toLspDiagnostic, toSymbol } from './toLsp';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const corpusDirs = [bundledCorpusDir()].filter((d): d is string => d !== undefined);
const service = createPolicyLanguageService({
  logger: { error: (message) => connection.console.error(message) },
  corpus: () => readCorpus(corpusDirs),
  corpusIndex: snapshotIndex,
});
const cache = new DocumentCache(service);
// POLICY_LINT_IDLE_GC=0 turns it off (to measure without it).
const idleCollector = new IdleCollector(process.env.POLICY_LINT_IDLE_GC === '0' ? undefined : v8HeapProbe());
let locale: Locale = 'en';
let canReadConfiguration = false;
let config: LintConfig | undefined;
/** `.policylintrc.yaml` of the workspace, when the client allows it (VS Code: only in a trusted workspace). */
let fileConfig: LintConfig | undefined;

const CONFIG_NAMES = ['.policylintrc.yaml', '.policylintrc.yml'];

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** Reads the first workspace folder's config file and adds its corpus folders (relative to the file). */
function loadWorkspaceConfig(params: InitializeParams): void {
  const roots = [...(params.workspaceFolders ?? []).map((f) => f.uri), ...(params.rootUri ? [params.rootUri] : [])];
  for (const uri of roots) {
    let dir: string;
    try {
      dir = fileURLToPath(uri);
    } catch {
      continue; // not a file: URI
    }
    const file = CONFIG_NAMES.map((name) => path.join(dir, name)).find((f) => fs.existsSync(f));
    if (!file) continue;
    try {
      const { config: read, errors } = parseConfigText(decodeBytes(readBoundedSync(file), path.basename(file)).text);
      for (const error of errors) connection.console.error(`${file}: ${error}`);
      fileConfig = read;
      for (const folder of read.corpus ?? []) {
        const full = path.resolve(dir, folder);
        if (isDirectory(full)) corpusDirs.push(full);
        else connection.console.error(`${file}: corpus folder '${folder}' does not exist`);
      }
    } catch (err) {
      connection.console.error(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
    return;
  }
}

connection.onInitialize((params: InitializeParams) => {
  locale = params.locale?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  // Extra corpus folders from the client; read before the index is first built.
  const options = params.initializationOptions as { corpus?: unknown; bundledCorpus?: unknown; workspaceConfig?: unknown } | undefined;
  if (options?.bundledCorpus === false) corpusDirs.length = 0; // tests and users who want only their own
  // Absolute folders that exist (a file, or a path relative to wherever the server runs, is no corpus).
  if (Array.isArray(options?.corpus)) corpusDirs.push(...options.corpus.filter((d): d is string => typeof d === 'string' && path.isAbsolute(d) && isDirectory(d)));
  // Any client may say no; VS Code does in an untrusted workspace (client/src/trust.ts).
  if (options?.workspaceConfig !== false) loadWorkspaceConfig(params);
  config = fileConfig;
  canReadConfiguration = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      codeLensProvider: { resolveProvider: false },
      completionProvider: { triggerCharacters: [' ', ':', '[', ',', '：', '、'] },
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      definitionProvider: true,
      referencesProvider: true,
    },
  };
});

connection.onInitialized(() => void refreshConfiguration());
connection.onDidChangeConfiguration(() => void refreshConfiguration());

/** Settings use the same keys as `.policylintrc.yaml`, under the `policyLint` section. */
async function refreshConfiguration(): Promise<void> {
  if (canReadConfiguration) {
    try {
      const settings: unknown = await connection.workspace.getConfiguration('policyLint');
      const fromSettings = settings && typeof settings === 'object' ? validateConfig(settings as Record<string, unknown>).config : undefined;
      // Editor settings win over the workspace's config file, rule by rule.
      config = fileConfig || fromSettings ? mergeConfigs(fileConfig, fromSettings) : undefined;
    } catch (err) {
      connection.console.error(`could not read settings: ${String(err)}`);
    }
  }
  cache.invalidateDiagnostics();
  documents.all().forEach(scheduleValidation);
}

function currentLocale(): Locale {
  return config?.locale ?? locale;
}

/** The shared parse of an open document, with the offset of a position. */
function parsedAt(uri: string, position?: Position): { parsed: ParsedPolicy; offset: number } | undefined {
  const document = documents.get(uri);
  if (!document) return undefined;
  const parsed = cache.get(uri, document.version, () => document.getText());
  return { parsed, offset: position ? parsed.lines.offsetAt(position) : 0 };
}

/** After `shutdown` the only request left is `exit` (LSP): the others are answered InvalidRequest. */
let shutDown = false;
connection.onShutdown(() => {
  shutDown = true;
});

/** Runs a feature; an exception is logged and answered with nothing, never a dead server. */
function guarded<T>(what: string, token: CancellationToken | undefined, work: () => T, fallback: T): T {
  if (shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, `${what}: the server is shutting down`);
  if (token?.isCancellationRequested) return fallback;
  try {
    return work();
  } catch (err) {
    if (!(err instanceof LintCancelled)) connection.console.error(`${what} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return fallback;
  }
}

/** How long the last two lints of each open document took (ms): only slow documents are debounced. */
const lintTimes = new Map<string, number[]>();

function validate(document: TextDocument): void {
  if (shutDown) return;
  const start = performance.now();
  idleCollector.workStarts();
  guarded('diagnostics', undefined, () => {
    const diagnostics = cache.diagnostics(document.uri, document.version, () => document.getText(), { config, locale: currentLocale() });
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: diagnostics.map((d) => toLspDiagnostic(d, document.uri)) });
  }, undefined);
  idleCollector.workEnded();
  lintTimes.set(document.uri, [performance.now() - start, ...(lintTimes.get(document.uri) ?? [])].slice(0, 2));
}

/**
 * A document whose last two lints took longer than DEBOUNCE_AFTER_MS is linted a little after the last
 * change, longer for a bigger one (50 ms, up to 1 s at 10 MB), so a burst of keystrokes in a huge
 * draft costs one lint instead of one per keystroke. Any other document (a first open, a draft of a
 * few hundred clauses: lint well under a keystroke interval) is linted at once, on the next turn of
 * the event loop, because a delay there only adds latency (bench/lspLatency.ts). Only the version
 * still open when the timer fires is linted.
 */
const DEBOUNCE_AFTER_MS = 50;
/** Cancels the validation scheduled for a document. */
const pending = new Map<string, () => void>();
function scheduleValidation(document: TextDocument): void {
  const uri = document.uri;
  idleCollector.postpone();
  pending.get(uri)?.();
  const run = (): void => {
    pending.delete(uri);
    const current = documents.get(uri);
    if (current) validate(current);
  };
  const slow = Math.min(...(lintTimes.get(uri) ?? [0])) > DEBOUNCE_AFTER_MS;
  if (slow) {
    const timer = setTimeout(run, Math.min(1000, 50 + Math.floor(document.getText().length / 10000)));
    pending.set(uri, () => clearTimeout(timer));
  } else {
    const immediate = setImmediate(run); // not setTimeout(0): that waits for the next timers phase, ≥ 1 ms
    pending.set(uri, () => clearImmediate(immediate));
  }
}

documents.onDidChangeContent((event) => scheduleValidation(event.document));
documents.onDidClose((event) => {
  pending.get(event.document.uri)?.();
  pending.delete(event.document.uri);
  lintTimes.delete(event.document.uri);
  cache.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.onHover(({ textDocument, position }, token) => guarded('hover', token, () => {
  const at = parsedAt(textDocument.uri, position);
  const hover = at && service.hover(at.parsed, at.offset, currentLocale(), config);
  return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: at.parsed.lines.rangeOf(hover.start, hover.end) } : null;
}, null));

connection.onCodeLens(({ textDocument }, token) => guarded('code lens', token, () => {
  const at = parsedAt(textDocument.uri);
  return at ? service.codeLenses(at.parsed, currentLocale(), config).map((lens) => ({
    range: at.parsed.lines.rangeOf(lens.start, lens.end),
    command: { title: lens.title, command: 'policyLint.showPrecedents', arguments: [textDocument.uri, lens.clause] },
  })) : [];
}, []));

connection.onCompletion(({ textDocument, position }, token) => guarded('completion', token, () => {
  const at = parsedAt(textDocument.uri, position);
  return at ? service.completions(at.parsed, at.offset).map(toCompletion) : [];
}, []));

connection.onCodeAction(({ textDocument, range, context }, token) => guarded('code action', token, () => {
  const document = documents.get(textDocument.uri);
  const at = parsedAt(textDocument.uri, range.start);
  if (!document || !at) return [];
  const all = cache.diagnostics(textDocument.uri, document.version, () => document.getText(), { config, locale: currentLocale() });
  const wanted = new Set(context.diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`));
  const selected = all.filter((d) => wanted.has(`${d.code}@${d.range.start.line}:${d.range.start.character}`));
  return service.quickFixes(at.parsed, selected, at.offset, currentLocale(), config).map((fix) => toCodeAction(at.parsed, textDocument.uri, fix, context.diagnostics));
}, []));

connection.onDocumentSymbol(({ textDocument }, token) => guarded('symbols', token, () => {
  const at = parsedAt(textDocument.uri);
  return at ? service.symbols(at.parsed).map((s) => toSymbol(at.parsed, s)) : [];
}, []));

connection.onFoldingRanges(({ textDocument }, token) => guarded('folding', token, () => {
  const at = parsedAt(textDocument.uri);
  return at ? service.folding(at.parsed) : [];
}, []));

connection.onDefinition(({ textDocument, position }, token) => guarded('definition', token, () => {
  const at = parsedAt(textDocument.uri, position);
  const target = at && service.definition(at.parsed, at.offset);
  return target ? { uri: target.uri, range: { start: { line: target.line, character: 0 }, end: { line: target.line, character: 0 } } } : null;
}, null));

/** References of a clause: its precedents, for a peek view. */
connection.onReferences(({ textDocument, position }, token) => guarded('references', token, () => {
  const at = parsedAt(textDocument.uri, position);
  if (!at) return [];
  const clause = at.parsed.document.clauses.find((c) => at.offset >= c.node.start && at.offset <= c.node.end);
  if (!clause?.id) return [];
  const [result] = service.precedents(at.parsed, { clause: clause.id.value, top: 10 });
  return (result?.precedents ?? []).filter((p) => p.uri).map((p) => ({ uri: p.uri!, range: { start: { line: p.line, character: 0 }, end: { line: p.line, character: 0 } } }));
}, []));

/** Custom requests of the VS Code extension (any client may use them). */
connection.onRequest('policyLint/cities', () => guarded('cities', undefined, () => {
  const corpus = service.corpus();
  return corpus.cities.map((city) => {
    const docs = corpus.documents.filter((d) => d.document.city?.value === city);
    return { city, documents: docs.length, clauses: docs.reduce((n, d) => n + d.document.clauses.length, 0) };
  });
}, []));

/** Params of the custom requests come from any client: anything but the expected shape is answered with null. */
function stringParams<K extends string>(params: unknown, ...keys: K[]): Record<K, string> | undefined {
  if (!params || typeof params !== 'object') return undefined;
  const record = params as Record<string, unknown>;
  return keys.every((k) => typeof record[k] === 'string') ? (record as Record<K, string>) : undefined;
}

connection.onRequest('policyLint/compare', (raw: unknown) => guarded('compare', undefined, () => {
  const params = stringParams(raw, 'uri', 'city');
  const at = params && parsedAt(params.uri);
  if (!params) return null;
  const result = at && service.compare(at.parsed, params.city);
  if (!at || !result) return null;
  return { result, markdown: compareMarkdown(result, at.parsed.document.policy?.value ?? params.uri) };
}, null));

connection.onRequest('policyLint/precedents', (raw: unknown) => guarded('precedents', undefined, () => {
  const params = stringParams(raw, 'uri', 'clause');
  const at = params && parsedAt(params.uri);
  return params && at ? service.precedents(at.parsed, { clause: params.clause, top: 10 })[0] ?? null : null;
}, null));

connection.onRequest('policyLint/import', (raw: unknown) => guarded('import', undefined, () => {
  const params = stringParams(raw, 'text');
  if (!params) return null;
  const sourceName = (raw as { sourceName?: unknown }).sourceName;
  const { yaml, warnings } = importPolicyText(params.text, { sourceName: typeof sourceName === 'string' ? sourceName : undefined });
  return { yaml, warnings };
}, null));

// A stray exception (a bug outside the guarded handlers) is logged; the server keeps serving.
process.on('uncaughtException', (err) => connection.console.error(`uncaught: ${err.stack ?? err.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`));

documents.listen(connection);
connection.listen();
