/**
 * policy-lint-server: the language server, a thin adapter over the analysis core.
 * Started as `policy-lint-server --stdio` by any LSP client, or over IPC by the VS Code extension.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import type { InitializeParams } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createPolicyLanguageService, LintCancelled, validateConfig } from './core';
import type { LintConfig, Locale } from './core';
import { DocumentCache } from './documentCache';
import { toLspDiagnostic } from './toLsp';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = createPolicyLanguageService({ logger: { error: (message) => connection.console.error(message) } });
const cache = new DocumentCache(service);
let locale: Locale = 'en';
let canReadConfiguration = false;
let config: LintConfig | undefined;

connection.onInitialize((params: InitializeParams) => {
  locale = params.locale?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  canReadConfiguration = params.capabilities.workspace?.configuration === true;
  return { capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } };
});

connection.onInitialized(() => {
  void refreshConfiguration();
});

connection.onDidChangeConfiguration(() => {
  void refreshConfiguration();
});

/** Settings use the same keys as `.policylintrc.yaml`, under the `policyLint` section. */
async function refreshConfiguration(): Promise<void> {
  if (canReadConfiguration) {
    try {
      const settings: unknown = await connection.workspace.getConfiguration('policyLint');
      config = settings && typeof settings === 'object' ? validateConfig(settings as Record<string, unknown>).config : undefined;
    } catch (err) {
      connection.console.error(`could not read settings: ${String(err)}`);
    }
  }
  documents.all().forEach(validate);
}

function validate(document: TextDocument): void {
  try {
    const parsed = cache.get(document.uri, document.version, () => document.getText());
    const diagnostics = service.lint(parsed, { config, locale: config?.locale ?? locale });
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: diagnostics.map((d) => toLspDiagnostic(d, document.uri)) });
  } catch (err) {
    if (err instanceof LintCancelled) return;
    // Keep serving: one bad document must not take the server down.
    connection.console.error(`policy-lint failed on ${document.uri}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  }
}

documents.onDidChangeContent((event) => validate(event.document));
documents.onDidClose((event) => {
  cache.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
