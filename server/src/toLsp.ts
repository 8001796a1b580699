/** Core results → LSP types. */
import { CompletionItemKind, DiagnosticSeverity, SymbolKind, MarkupKind } from 'vscode-languageserver/node';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, TextEdit } from 'vscode-languageserver/node';
import type { CompletionEntry, ParsedPolicy, PolicyDiagnostic, PolicySymbol, QuickFix, Severity } from './core';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(d: PolicyDiagnostic, uri: string): Diagnostic {
  const diagnostic: Diagnostic = { range: d.range, severity: SEVERITY[d.severity], code: d.code, source: 'policy-lint', message: d.message };
  // Left out when empty: every publish is serialised whole on every keystroke.
  if (d.related.length > 0) diagnostic.relatedInformation = d.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  if (d.data !== undefined) diagnostic.data = d.data;
  return diagnostic;
}

export function toSymbol(parsed: ParsedPolicy, symbol: PolicySymbol): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: symbol.kind === 'chapter' ? SymbolKind.Namespace : SymbolKind.Object,
    range: parsed.lines.rangeOf(symbol.start, symbol.end),
    selectionRange: parsed.lines.rangeOf(symbol.selectionStart, symbol.selectionEnd),
    children: symbol.children.map((child) => toSymbol(parsed, child)),
  };
}

const COMPLETION_KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  city: CompletionItemKind.Value,
  department: CompletionItemKind.Reference,
};

export function toCompletion(entry: CompletionEntry): CompletionItem {
  return {
    label: entry.label,
    kind: COMPLETION_KIND[entry.kind],
    detail: entry.detail,
    documentation: entry.documentation ? { kind: MarkupKind.Markdown, value: entry.documentation } : undefined,
    insertText: entry.insertText,
  };
}

export function toCodeAction(parsed: ParsedPolicy, uri: string, fix: QuickFix, diagnostics: Diagnostic[]): CodeAction {
  const edits: TextEdit[] = fix.edits.map((e) => ({ range: parsed.lines.rangeOf(e.start, e.end), newText: e.newText }));
  return {
    title: fix.title,
    kind: 'quickfix',
    isPreferred: fix.preferred,
    diagnostics: fix.diagnostic ? diagnostics.filter((d) => d.code === fix.diagnostic!.code && d.range.start.line === fix.diagnostic!.range.start.line && d.range.start.character === fix.diagnostic!.range.start.character) : undefined,
    edit: { changes: { [uri]: edits } },
  };
}
