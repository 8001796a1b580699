/**
 * VS Code extension: starts policy-lint-server for `policy-yaml` documents and adds the commands a
 * drafter uses: Show Precedents, Compare with City (a webview panel), and the corpus in the status bar.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import type { CityComparison, ClausePrecedents } from '../../server/src/core';
import { parsePanelMessage, renderCompareHtml, revealableClauses } from './compareHtml';
import { configurationItem, HOVER_COMMANDS, serverInitOptions } from './trust';

let client: LanguageClient | undefined;
const CORPUS_SCHEME = 'policy-corpus';

/** A corpus file URI as the read-only view of it. */
function readOnly(uri: string): vscode.Uri {
  const parsed = vscode.Uri.parse(uri);
  return parsed.scheme === 'file' ? parsed.with({ scheme: CORPUS_SCHEME }) : parsed;
}

interface CityInfo { city: string; documents: number; clauses: number }

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // The packaged extension carries the bundled server; a development checkout runs the compiled one.
  const bundled = context.asAbsolutePath(path.join('dist', 'server.js'));
  const module = fs.existsSync(bundled) ? bundled : context.asAbsolutePath(path.join('out', 'server', 'src', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc },
  };
  const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('policyLint');
  const folders = (): string[] => (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  // Server errors and rule failures are logged here; a crashed server is restarted, at most 5 times.
  const outputChannel = vscode.window.createOutputChannel('Policy Lint', { log: true });
  context.subscriptions.push(outputChannel);
  const clientOptions: LanguageClientOptions = {
    outputChannel,
    connectionOptions: { maxRestartCount: 5 },
    // Hover Markdown may run only these commands; the server escapes every draft and corpus string.
    markdown: { isTrusted: { enabledCommands: HOVER_COMMANDS }, supportHtml: false },
    documentSelector: [{ language: 'policy-yaml', scheme: 'file' }, { language: 'policy-yaml', scheme: 'untitled' }],
    middleware: {
      // In an untrusted workspace the server sees user settings only, never the workspace's.
      workspace: {
        configuration: (params, token, next) => (vscode.workspace.isTrusted
          ? next(params, token)
          : params.items.map((item) => configurationItem(item.section, (key) => settings().inspect(key), false))),
      },
      // Definitions and references into the corpus open read-only.
      provideDefinition: async (document, position, token, next) => {
        const result = await next(document, position, token);
        return result instanceof vscode.Location ? new vscode.Location(readOnly(result.uri.toString()), result.range) : result;
      },
      provideReferences: async (document, position, options, token, next) => {
        const result = await next(document, position, options, token);
        return result?.map((l) => new vscode.Location(readOnly(l.uri.toString()), l.range));
      },
    },
    synchronize: { configurationSection: 'policyLint' },
    // Workspace corpus folders and .policylintrc.yaml only in a trusted workspace; the bundled corpus
    // always loads. A function, so that a restart after trust is granted sees the new decision.
    initializationOptions: () => serverInitOptions(settings().inspect('corpus'), vscode.workspace.isTrusted, folders()),
  };
  client = new LanguageClient('policyLint', 'Policy Lint', serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => {
    outputChannel.appendLine('Workspace trusted: restarting the server with the workspace settings, corpus folders and config file.');
    void client?.restart();
  }));

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  status.command = 'policyLint.compareWithCity';
  context.subscriptions.push(status);
  void client.sendRequest<CityInfo[]>('policyLint/cities').then((cities) => {
    const documents = cities.reduce((n, c) => n + c.documents, 0);
    status.text = `$(law) ${vscode.l10n.t('{0} policies · {1} cities', documents, cities.length)}`;
    status.tooltip = vscode.l10n.t('Policy Lint precedent corpus');
    status.show();
  });

  context.subscriptions.push(
    // Arguments come from code lenses, menus and (for the first two) hover links: anything else is ignored.
    vscode.commands.registerCommand('policyLint.showPrecedents', (uri?: unknown, clause?: unknown) =>
      showPrecedents(typeof uri === 'string' ? uri : undefined, typeof clause === 'string' && clause.length <= 64 ? clause : undefined)),
    vscode.commands.registerCommand('policyLint.compareWithCity', () => compareWithCity(context)),
    vscode.commands.registerCommand('policyLint.importPolicyText', (target?: unknown) => importPolicyText(target instanceof vscode.Uri ? target : undefined)),
    // Corpus documents open read-only: precedents are references, not drafts.
    vscode.workspace.registerTextDocumentContentProvider(CORPUS_SCHEME, {
      provideTextDocumentContent: async (uri) => Buffer.from(await vscode.workspace.fs.readFile(uri.with({ scheme: 'file' }))).toString('utf8'),
    }),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** The clause id at the cursor, read from the nearest `id:` line above it. */
function clauseAtCursor(editor: vscode.TextEditor): string | undefined {
  for (let line = editor.selection.active.line; line >= 0; line--) {
    const match = /^\s*-?\s*id:\s*["']?([^"'#\s]+)/.exec(editor.document.lineAt(line).text);
    if (match) return match[1];
  }
  return undefined;
}

async function showPrecedents(uri?: string, clause?: string): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  uri ??= editor?.document.uri.toString();
  clause ??= editor && clauseAtCursor(editor);
  if (!client || !uri || !clause) return;
  const result = await client.sendRequest<ClausePrecedents | null>('policyLint/precedents', { uri, clause });
  if (!result || result.precedents.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No precedent found for clause {0}.', clause));
    return;
  }
  const picked = await vscode.window.showQuickPick(result.precedents.map((p) => ({
    label: `${p.city} · ${p.documentTitle} · ${p.clause}`,
    description: `${Math.round(p.score * 100)}% ${p.caps.map((c) => c.text).join('、')}`,
    detail: p.excerpt,
    precedent: p,
  })), { placeHolder: vscode.l10n.t('Precedents of clause {0}', clause), matchOnDetail: true });
  if (picked?.precedent.uri) {
    const document = await vscode.workspace.openTextDocument(readOnly(picked.precedent.uri));
    await vscode.languages.setTextDocumentLanguage(document, 'policy-yaml');
    const position = new vscode.Position(picked.precedent.line, 0);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), preview: true });
  }
}

async function compareWithCity(context: vscode.ExtensionContext): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor || editor.document.languageId !== 'policy-yaml') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a policy draft (*.policy.yaml) first.'));
    return;
  }
  const cities = await client.sendRequest<CityInfo[]>('policyLint/cities');
  const picked = await vscode.window.showQuickPick(cities.map((c) => ({
    label: c.city,
    description: vscode.l10n.t('{0} documents · {1} clauses', c.documents, c.clauses),
  })), { placeHolder: vscode.l10n.t('Compare with which city?') });
  if (!picked) return;
  const uri = editor.document.uri;
  const response = await client.sendRequest<{ result: CityComparison; markdown: string } | null>('policyLint/compare', { uri: uri.toString(), city: picked.label });
  if (!response) return;
  const panel = vscode.window.createWebviewPanel('policyLint.compare', vscode.l10n.t('Compare with {0}', picked.label), vscode.ViewColumn.Beside, { enableScripts: true, localResourceRoots: [] });
  const nonce = crypto.randomBytes(16).toString('base64');
  const title = /^policy:\s*(.+)$/m.exec(editor.document.getText())?.[1] ?? path.basename(uri.fsPath);
  panel.webview.html = renderCompareHtml(response.result, title, nonce, panel.webview.cspSource);
  const clauses = revealableClauses(response.result);
  panel.webview.onDidReceiveMessage(async (raw: unknown) => {
    const message = parsePanelMessage(raw, clauses);
    if (message?.type === 'reveal') {
      const document = await vscode.workspace.openTextDocument(uri);
      const line = document.getText().split('\n').findIndex((l) => new RegExp(`^\\s*-?\\s*id:\\s*["']?${message.clause.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*$`).test(l));
      const position = new vscode.Position(Math.max(0, line), 0);
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
    } else if (message?.type === 'export') {
      const target = await vscode.window.showSaveDialog({ filters: { Markdown: ['md'] }, defaultUri: vscode.Uri.file(uri.fsPath.replace(/\.policy\.ya?ml$/, `.compare-${picked.label}.md`)) });
      if (target) await vscode.workspace.fs.writeFile(target, Buffer.from(response.markdown, 'utf8'));
    }
  }, undefined, context.subscriptions);
}

/** Policy: Import Policy Text… — a published .txt becomes a draft in the dialect, opened beside it. */
async function importPolicyText(target?: vscode.Uri): Promise<void> {
  const source = target ?? (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('Policy text')]: ['txt'] } }))?.[0];
  if (!client || !source) return;
  const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(source));
  const result = await client.sendRequest<{ yaml: string; warnings: string[] } | null>('policyLint/import', { text, sourceName: path.basename(source.fsPath) });
  if (!result) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not import {0}.', path.basename(source.fsPath)));
    return;
  }
  let out = source.with({ path: source.path.replace(/\.txt$/i, '') + '.policy.yaml' });
  // Never overwrite an existing draft: pick a free name.
  for (let n = 2; await exists(out); n++) out = source.with({ path: source.path.replace(/\.txt$/i, '') + `-${n}.policy.yaml` });
  await vscode.workspace.fs.writeFile(out, Buffer.from(result.yaml, 'utf8'));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(out));
  if (result.warnings.length > 0) void vscode.window.showWarningMessage(result.warnings.slice(0, 3).join('; '));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
