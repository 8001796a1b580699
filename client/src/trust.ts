/**
 * Workspace trust, decided without VS Code (so it can be tested): in an untrusted workspace the
 * server gets no workspace or folder settings, no corpus folder from them (nor a relative one, which
 * would point into the workspace), and no `.policylintrc.yaml`; the bundled corpus and the user's own
 * settings still load. Also the commands a hover may link to.
 */
import * as path from 'node:path';

/** What `WorkspaceConfiguration.inspect(key)` reports for one setting. */
export interface InspectedValue {
  readonly defaultValue?: unknown;
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

/** The keys of the `policyLint` section (the keys of `.policylintrc.yaml`). */
export const SETTING_KEYS = ['rules', 'locale', 'corpus', 'departments'] as const;

/**
 * Commands a hover's Markdown may run (VS Code enforces the list): the ones that only read and show.
 * Import writes a file, so no link may start it.
 */
export const HOVER_COMMANDS: readonly string[] = ['policyLint.showPrecedents', 'policyLint.compareWithCity'];

/** One setting as the server should see it: VS Code's precedence when trusted, user and default only when not. */
export function settingValue(inspected: InspectedValue | undefined, trusted: boolean): unknown {
  if (!inspected) return undefined;
  return trusted
    ? inspected.workspaceFolderValue ?? inspected.workspaceValue ?? inspected.globalValue ?? inspected.defaultValue
    : inspected.globalValue ?? inspected.defaultValue;
}

/** The `policyLint` section for a `workspace/configuration` request. */
export function sectionFor(inspect: (key: string) => InspectedValue | undefined, trusted: boolean): Record<string, unknown> {
  const section: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const value = settingValue(inspect(key), trusted);
    if (value !== undefined) section[key] = value;
  }
  return section;
}

/** What a `workspace/configuration` item asks for: the section, one of its keys, or something else (null). */
export function configurationItem(section: string | undefined, inspect: (key: string) => InspectedValue | undefined, trusted: boolean): unknown {
  if (section === 'policyLint') return sectionFor(inspect, trusted);
  const key = section?.startsWith('policyLint.') ? section.slice('policyLint.'.length) : undefined;
  return key && (SETTING_KEYS as readonly string[]).includes(key) ? settingValue(inspect(key), trusted) ?? null : null;
}

/**
 * Corpus folders for the server. Trusted: the effective setting, relative folders resolved against
 * the first workspace folder. Untrusted: only absolute folders from the user's own settings.
 */
export function corpusFolders(inspected: InspectedValue | undefined, trusted: boolean, workspaceFolders: readonly string[]): string[] {
  const value = settingValue(inspected, trusted);
  const list = (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []).filter((d): d is string => typeof d === 'string' && d.trim() !== '');
  const folders: string[] = [];
  for (const dir of list) {
    if (path.isAbsolute(dir)) folders.push(path.normalize(dir));
    else if (trusted && workspaceFolders[0]) folders.push(path.resolve(workspaceFolders[0], dir));
  }
  return [...new Set(folders)];
}

/** `initializationOptions` of the language server (see server.ts). */
export interface ServerInitOptions {
  readonly corpus: string[];
  /** Whether the server may read `.policylintrc.yaml` (and its corpus folders) from the workspace. */
  readonly workspaceConfig: boolean;
}

export function serverInitOptions(inspectCorpus: InspectedValue | undefined, trusted: boolean, workspaceFolders: readonly string[]): ServerInitOptions {
  return { corpus: corpusFolders(inspectCorpus, trusted, workspaceFolders), workspaceConfig: trusted };
}
