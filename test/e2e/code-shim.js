#!/usr/bin/env node
/*
 * A "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }) on a machine
 * without desktop VS Code: it starts code-server (VS Code 1.100's server, a real Node extension host)
 * and headless Chromium (Debian's, through playwright-core), opens the workbench with the
 * extensionDevelopmentPath/extensionTestsPath payload that VS Code's own browser integration tests
 * use, and exits with the status the extension tests report through window.codeAutomationExit.
 *
 *   code-shim.js [FOLDER] --extensionDevelopmentPath=DIR --extensionTestsPath=MODULE
 *                [--user-data-dir=DIR] [--extensions-dir=DIR] [other VS Code flags, ignored]
 *
 * Env: CODE_SERVER (binary; default: where test/e2e/setup-code-server.sh installs it),
 * CHROMIUM (default /usr/bin/chromium), SHIM_TMP (parent of the scratch folder, default the OS tmp),
 * SHIM_TIMEOUT_MS (default 180000). The environment reaches the extension host, so runTests'
 * extensionTestsEnv does too. code-server and Chromium get a scratch HOME/XDG_* and a fresh
 * Chromium profile; everything the shim creates is removed when it exits.
 */
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VALUE_OPTIONS = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir', 'locale']);
const t0 = Date.now();
const log = (message) => process.stderr.write(`[code-shim ${((Date.now() - t0) / 1000).toFixed(1)}s] ${message}\n`);

/** `--name=value` and `--name value` options, and the positional arguments. */
function parseArgs(argv) {
  const options = new Map();
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    if (!match) { positional.push(arg); continue; }
    const [, name, inline] = match;
    const value = inline ?? (VALUE_OPTIONS.has(name) && i + 1 < argv.length ? argv[++i] : true);
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  return { options, positional };
}

function codeServerBinary() {
  if (process.env.CODE_SERVER) return process.env.CODE_SERVER;
  const setup = spawnSync('bash', [path.join(__dirname, 'setup-code-server.sh')], { encoding: 'utf8', env: { ...process.env, CS_ONLY_CHECK: '1' } });
  const dir = setup.status === 0 ? setup.stdout.trim().split('\n').pop() : undefined;
  return dir ? path.join(dir, 'node_modules', '.bin', 'code-server') : undefined;
}

const { options, positional } = parseArgs(process.argv.slice(2));
const one = (name) => { const v = options.get(name); return typeof v?.[v.length - 1] === 'string' ? v[v.length - 1] : undefined; };
const binary = codeServerBinary();
if (!binary || !fs.existsSync(binary)) {
  console.error('[code-shim] code-server not found: set CODE_SERVER or run test/e2e/setup-code-server.sh');
  process.exit(2);
}
if (options.has('version')) {
  const version = spawnSync(binary, ['--config', '/dev/null', '--version'], { stdio: 'inherit', env: { ...process.env, HOME: os.tmpdir() } });
  process.exit(version.status ?? 1);
}
const developmentPaths = (options.get('extensionDevelopmentPath') ?? []).filter((v) => typeof v === 'string').map((p) => path.resolve(p));
const testsPath = one('extensionTestsPath');
if (!testsPath || developmentPaths.length === 0) {
  console.error('[code-shim] this shim only runs extension tests: pass --extensionDevelopmentPath= and --extensionTestsPath=');
  process.exit(2);
}
const target = positional[0] && path.resolve(positional[0]);
if (target && !fs.existsSync(target)) {
  console.error(`[code-shim] no such folder or workspace: ${target}`);
  process.exit(2);
}

const scratch = fs.mkdtempSync(path.join(process.env.SHIM_TMP || os.tmpdir(), 'code-shim-'));
const home = path.join(scratch, 'home');
const userData = path.resolve(one('user-data-dir') ?? path.join(scratch, 'user-data'));
const extensionsDir = path.resolve(one('extensions-dir') ?? path.join(scratch, 'extensions'));
const chromiumProfile = path.join(scratch, 'chromium-profile');
for (const dir of [home, path.join(userData, 'User'), extensionsDir, chromiumProfile]) fs.mkdirSync(dir, { recursive: true });
const settings = path.join(userData, 'User', 'settings.json');
if (!fs.existsSync(settings)) {
  fs.writeFileSync(settings, JSON.stringify({
    'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'workbench.enableExperiments': false,
    'update.mode': 'none', 'chat.disableAIFeatures': true,
  }, null, 2));
}
const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local', 'share'), XDG_CACHE_HOME: path.join(home, '.cache') };

// Its own process group, so that stopping it also stops the VS Code server and extension host it starts.
const server = spawn(binary, ['--config', '/dev/null', '--bind-addr', '127.0.0.1:0', '--auth', 'none',
  '--user-data-dir', userData, '--extensions-dir', extensionsDir, '--disable-telemetry', '--disable-update-check',
  '--disable-workspace-trust', '--disable-getting-started-override', ...(one('locale') ? ['--locale', one('locale')] : [])],
{ env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
let serverLog = '';
let serverExited = false;
const serverGone = new Promise((resolve) => server.on('exit', (code, signal) => { serverExited = true; resolve(code ?? signal); }));
let browserContext;

let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  await browserContext?.close().catch(() => undefined);
  if (!serverExited) {
    try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
    const killer = setTimeout(() => { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
    await serverGone;
    clearTimeout(killer);
  }
  fs.rmSync(scratch, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { log(`${signal}: stopping`); void cleanup().then(() => process.exit(130)); });

const port = new Promise((resolve, reject) => {
  const onData = (chunk) => {
    serverLog = (serverLog + chunk).slice(-64 * 1024);
    const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(serverLog);
    if (match) resolve(Number(match[1]));
  };
  server.stdout.on('data', onData);
  server.stderr.on('data', onData);
  serverGone.then((code) => reject(new Error(`code-server exited (${code}) before listening`)));
  setTimeout(() => reject(new Error('code-server did not listen within 60 s')), 60000).unref();
});

// Lines of workbench and extension-host noise that say nothing about the tests (the offline gallery, service worker).
const NOISE = /open-vsx\.org|^(Resolv|Creating a socket|Updating additional builtin|\[Service Worker\]|ChatSessionStore)|ENOTFOUND|vsda/;

async function main() {
  const { chromium } = require('playwright-core');
  const listening = await port;
  const host = `127.0.0.1:${listening}`;
  const remote = (file) => `vscode-remote://${host}${file.split(path.sep).map(encodeURIComponent).join('/')}`;
  log(`code-server ${binary} listening on ${host}`);
  const payload = [
    ...developmentPaths.map((dir) => ['extensionDevelopmentPath', remote(dir)]),
    ['extensionTestsPath', remote(path.resolve(testsPath))],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  browserContext = await chromium.launchPersistentContext(chromiumProfile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS, env,
  });
  const page = browserContext.pages()[0] ?? await browserContext.newPage();
  let finish;
  const finished = new Promise((resolve) => { finish = resolve; });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = util.format(...(Array.isArray(args) ? args : [args]));
    if (!NOISE.test(line)) (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  page.on('crash', () => finish('the page crashed'));
  const query = target
    ? (fs.statSync(target).isDirectory() ? `folder=${encodeURIComponent(target)}` : `workspace=${encodeURIComponent(target)}`)
    : 'ew=true';
  await page.goto(`http://${host}/?${query}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  log('workbench opened; extension tests running');
  const timeoutMs = Number(process.env.SHIM_TIMEOUT_MS || 180000);
  const code = await Promise.race([
    finished,
    serverGone.then((c) => `code-server exited (${c})`),
    new Promise((resolve) => setTimeout(() => resolve(`no result within ${timeoutMs} ms`), timeoutMs).unref()),
  ]);
  if (code !== 0) {
    log(`extension tests did not pass: ${code}`);
    if (typeof code === 'string') process.stderr.write(`--- code-server log (tail) ---\n${serverLog.slice(-4000)}\n`);
  } else log('extension tests passed');
  return code === 0 ? 0 : 1;
}

main()
  .catch((err) => { log(err?.stack ?? String(err)); process.stderr.write(`--- code-server log (tail) ---\n${serverLog.slice(-4000)}\n`); return 1; })
  .then(async (status) => { await cleanup(); process.exit(status); });
