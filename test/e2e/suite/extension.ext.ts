/**
 * Runs inside the extension host (see index.ts), against the extension loaded from the checkout
 * (extensionDevelopmentPath) and the sample draft in the opened workspace folder. What the editor
 * shows is checked against the CLI on the same file: `policy-lint --format json` (1-based lines and
 * columns) for the diagnostics, `policy-lint precedents` for the hover.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { REPO_ROOT } from '../../helpers/paths';

const SAMPLE = 'suzhou-2026-ai-measures-draft.policy.yaml';
const EXTENSION_ID = 'policy-lint.policy-lint';

interface CliFinding { line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }
interface CliPrecedents { clause: string; precedents: { city: string; clause: string }[] }

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information, hint: vscode.DiagnosticSeverity.Hint,
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until fn returns something truthy; on timeout, fails with what describe(last) says. */
async function waitFor<T>(fn: () => T | undefined | false | Promise<T | undefined | false>, what: string, ms = 30000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(100);
  }
}

/** The CLI of the same checkout; ELECTRON_RUN_AS_NODE so that this also works in desktop VS Code. */
function cli(args: string[], cwd: string): string {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'policy-lint.js'), ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 60000,
  });
  assert.ok(result.status === 0 || result.status === 1, `policy-lint ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
const rangeKey = (r: vscode.Range): string => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
const key = (d: vscode.Diagnostic): string => `${codeOf(d)} ${rangeKey(d.range)} ${d.severity}`;
const cliKey = (f: CliFinding): string => `${f.code} ${f.line - 1}:${f.column - 1}-${f.endLine - 1}:${f.endColumn - 1} ${SEVERITY[f.severity]}`;
const markdownOf = (hovers: vscode.Hover[]): string => hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');

describe('Policy Lint in the extension host', () => {
  let folder: string;
  let document: vscode.TextDocument;
  let expected: CliFinding[];

  before(async () => {
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace, 'open a workspace folder holding the sample draft (test/e2e/testElectron.test.ts makes one)');
    folder = workspace.uri.fsPath;
    const file = path.join(folder, SAMPLE);
    assert.ok(fs.existsSync(file), `${file} is missing`);
    expected = JSON.parse(cli(['--format', 'json', '--locale', 'en', SAMPLE], folder)) as CliFinding[];
    assert.ok(expected.length >= 5, `the CLI reports ${expected.length} findings on the sample`);
    document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(document);
  });

  /** The line (0-based) of the first line containing text, and the column just past its indentation. */
  function lineOf(text: string): vscode.Position {
    for (let line = 0; line < document.lineCount; line++) {
      const content = document.lineAt(line).text;
      if (content.includes(text)) return new vscode.Position(line, document.lineAt(line).firstNonWhitespaceCharacterIndex);
    }
    throw new Error(`no line contains ${text}`);
  }

  it('opens *.policy.yaml as policy-yaml and activates the extension', async () => {
    assert.equal(document.languageId, 'policy-yaml');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await waitFor(() => extension.isActive, 'the extension to activate');
  });

  it('registers every command package.json contributes', async () => {
    const contributed = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } })
      .contributes.commands.map((c) => c.command);
    assert.deepEqual(contributed.sort(), ['policyLint.compareWithCity', 'policyLint.importPolicyText', 'policyLint.showPrecedents']);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), [], 'commands not registered');
  });

  it('publishes the diagnostics the CLI reports: same codes, ranges, severities and messages', async () => {
    const want = expected.map(cliKey).sort();
    let got: vscode.Diagnostic[] = [];
    await waitFor(() => {
      got = vscode.languages.getDiagnostics(document.uri);
      return got.length === want.length && got.map(key).sort().join('\n') === want.join('\n');
    }, 'the diagnostics to match the CLI', 30000).catch(() => undefined);
    assert.deepEqual(got.map(key).sort(), want);
    assert.ok(got.every((d) => d.source === 'policy-lint'), 'source policy-lint');
    // A few in full, by their 1-based CLI positions.
    for (const code of ['missing-department', 'cap-rate-invalid', 'cap-tier-inversion']) {
      const finding = expected.find((f) => f.code === code);
      assert.ok(finding, `the CLI reports ${code} on the sample`);
      const range = new vscode.Range(finding.line - 1, finding.column - 1, finding.endLine - 1, finding.endColumn - 1);
      const diagnostic = got.find((d) => codeOf(d) === code && d.range.isEqual(range));
      assert.ok(diagnostic, `${code} at ${rangeKey(range)}`);
      assert.equal(diagnostic.message, finding.message);
      assert.equal(diagnostic.severity, SEVERITY[finding.severity]);
    }
    // The one the sample is known for: clause 4 has no lead department, reported on its id "4".
    const missing = got.find((d) => codeOf(d) === 'missing-department')!;
    assert.equal(document.getText(missing.range), '"4"');
    assert.match(missing.message, /Clause 4 \(支持兼并重组\) has no lead department/);
  });

  it('hovering a clause\'s text shows its precedents, the CLI\'s first one included', async () => {
    const text = lineOf('支持人工智能龙头企业实施对强链补链');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, text.translate(0, 2));
    const markdown = markdownOf(hovers);
    assert.match(markdown, /\*\*Precedents\*\* \(\d+\)/, markdown);
    const [clause4] = JSON.parse(cli(['precedents', SAMPLE, '--clause', '4', '--format', 'json'], folder)) as CliPrecedents[];
    const first = clause4.precedents[0];
    assert.ok(first, 'the CLI finds precedents for clause 4');
    assert.ok(markdown.includes(`**${first.city}**`), `hover lacks ${first.city}:\n${markdown}`);
  });

  it('puts a precedent code lens on each measure clause, running Show Precedents', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100);
    const precedentLenses = lenses.filter((l) => /\bprecedents?\b/.test(l.command?.title ?? ''));
    const clauses = JSON.parse(cli(['precedents', SAMPLE, '--format', 'json'], folder)) as CliPrecedents[];
    assert.equal(precedentLenses.length, clauses.length, lenses.map((l) => l.command?.title).join('\n'));
    const id4 = lineOf('- id: "4"');
    const lens = precedentLenses.find((l) => l.range.start.line === id4.line);
    assert.ok(lens, `no lens on line ${id4.line + 1}`);
    assert.match(lens.command!.title, /^\d+ precedents? · .*Compare$/);
    assert.equal(lens.command!.command, 'policyLint.showPrecedents');
    assert.deepEqual(lens.command!.arguments, [document.uri.toString(), '4']);
  });

  it('offers the lead-department quick fix for missing-department, and applying it clears the error', async () => {
    const missing = vscode.languages.getDiagnostics(document.uri).find((d) => codeOf(d) === 'missing-department');
    assert.ok(missing, 'missing-department diagnostic');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, missing.range, vscode.CodeActionKind.QuickFix.value, 10);
    const fixes = actions.filter((a) => a.title.startsWith('Add lead department '));
    assert.ok(fixes.length > 0, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    const fix = fixes[0];
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind ${fix.kind?.value}`);
    // vscode.executeCodeActionProvider drops CodeAction.diagnostics (VS Code 1.100 copies title, kind, edit,
    // command and isPreferred only), so that the fix is for this diagnostic is checked by applying it.
    assert.equal(fix.isPreferred, true, 'the first suggested lead is the preferred fix');
    assert.ok(fix.edit, 'the fix carries an edit');
    const lead = fix.title.slice('Add lead department '.length);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    try {
      assert.ok(document.getText().includes(lead), `the draft now names ${lead}`);
      await waitFor(() => !vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === 'missing-department'), 'missing-department to clear');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('restarts a crashed server: a new one starts and lints the open draft again', async function () {
    if (process.platform !== 'linux') this.skip(); // finds the server through /proc
    const first = await waitFor(() => serverProcesses().length === 1 && serverProcesses(), 'one language server child of the extension host');
    process.kill(first[0], 'SIGKILL');
    const next = await waitFor(() => {
      const now = serverProcesses();
      return now.length === 1 && now[0] !== first[0] && now;
    }, 'the client to start a new server');
    assert.notEqual(next[0], first[0]);
    // The new server answers: an invalid status gets its schema error, and loses it when reverted.
    const status = lineOf('status: draft');
    const range = new vscode.Range(status, status.translate(0, 'status: draft'.length));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, range, 'status: drafted');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await waitFor(() => vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === 'schema' && d.range.start.line === status.line), 'the new server to report the invalid status');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await waitFor(() => !vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === 'schema'), 'the schema error to clear after the revert');
  });
});

/** Process ids of this extension host's children that run the language server (ipc transport: forked). */
function serverProcesses(): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (/(?:out[\\/]server[\\/]src|dist)[\\/]server\.js/.test(command)) found.push(Number(entry));
    } catch {
      // the process ended while being read
    }
  }
  return found;
}
