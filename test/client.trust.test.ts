/**
 * Workspace trust, as the extension decides it (client/src/trust.ts, no vscode needed): untrusted,
 * the server sees user settings only, no workspace corpus folder and no config file; trusted, VS
 * Code's usual precedence. And the manifest declares it; hovers may link only to commands that read.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configurationItem, corpusFolders, HOVER_COMMANDS, sectionFor, serverInitOptions, settingValue } from '../client/src/trust';
import type { InspectedValue } from '../client/src/trust';
import { REPO_ROOT } from './helpers/paths';

const WORKSPACE = '/home/drafter/policies';

/** A workspace that tries everything: every rule off, a corpus in the repository, another city's departments. */
const INSPECTED: Record<string, InspectedValue> = {
  rules: { defaultValue: {}, globalValue: { 'similar-clause': 'off' }, workspaceValue: { 'missing-department': 'off', 'cap-text-mismatch': 'off' } },
  locale: { globalValue: 'zh-CN', workspaceFolderValue: 'en' },
  corpus: { defaultValue: [], globalValue: ['/srv/policy-corpus', 'relative-user-corpus'], workspaceValue: ['corpus-in-repo', '/etc'] },
  departments: { defaultValue: {}, workspaceValue: { 苏州: ['市数据局'] } },
};
const inspect = (key: string): InspectedValue | undefined => INSPECTED[key];

describe('workspace trust (client)', () => {
  it('untrusted: user and default values only', () => {
    assert.deepEqual(sectionFor(inspect, false), {
      rules: { 'similar-clause': 'off' },
      locale: 'zh-CN',
      corpus: ['/srv/policy-corpus', 'relative-user-corpus'],
      departments: {},
    });
  });

  it('trusted: folder over workspace over user over default', () => {
    assert.deepEqual(sectionFor(inspect, true), {
      rules: { 'missing-department': 'off', 'cap-text-mismatch': 'off' },
      locale: 'en',
      corpus: ['corpus-in-repo', '/etc'],
      departments: { 苏州: ['市数据局'] },
    });
    assert.equal(settingValue(undefined, true), undefined);
  });

  it('answers workspace/configuration items: the section, one key, or null', () => {
    assert.deepEqual(configurationItem('policyLint', inspect, false), sectionFor(inspect, false));
    assert.deepEqual(configurationItem('policyLint.rules', inspect, false), { 'similar-clause': 'off' });
    assert.equal(configurationItem('policyLint.unknown', inspect, false), null);
    assert.equal(configurationItem('editor', inspect, false), null);
    assert.equal(configurationItem(undefined, inspect, false), null);
  });

  it('untrusted: no workspace corpus folder and no relative one, no config file', () => {
    assert.deepEqual(serverInitOptions(INSPECTED.corpus, false, [WORKSPACE]), { corpus: ['/srv/policy-corpus'], workspaceConfig: false });
  });

  it('trusted: workspace corpus folders, relative ones inside the first workspace folder, and the config file', () => {
    assert.deepEqual(serverInitOptions(INSPECTED.corpus, true, [WORKSPACE, '/other']), { corpus: [path.join(WORKSPACE, 'corpus-in-repo'), '/etc'], workspaceConfig: true });
    // Without a folder to resolve against, a relative folder is dropped; junk is ignored.
    assert.deepEqual(corpusFolders({ workspaceValue: ['x', 7, '', '/a/../b', '/b'] }, true, []), ['/b']);
    assert.deepEqual(corpusFolders({ globalValue: '/single' }, false, []), ['/single']);
    assert.deepEqual(corpusFolders(undefined, true, [WORKSPACE]), []);
  });

  it('the manifest declares limited support and restricts the workspace settings', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      capabilities: { untrustedWorkspaces: { supported: string | boolean; restrictedConfigurations: string[] } };
      contributes: { commands: Array<{ command: string }> };
    };
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual([...manifest.capabilities.untrustedWorkspaces.restrictedConfigurations].sort(), ['policyLint.corpus', 'policyLint.departments', 'policyLint.rules']);
    const own = manifest.contributes.commands.map((c) => c.command);
    for (const command of HOVER_COMMANDS) assert.ok(own.includes(command), command);
    assert.ok(!HOVER_COMMANDS.includes('policyLint.importPolicyText'), 'a hover link must not start an import (it writes a file)');
  });
});
