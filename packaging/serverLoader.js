'use strict';
// dist/server.js (copied here by packaging/bundle.js): the bundled language server, dist/server-main.js,
// run through V8's code cache (dist/server-main.cache, recorded by `npm run bundle` on a real start),
// so a cold start does not compile again the code it runs. V8 checks the cache against the source and
// its own version and flags; on any mismatch (another Node, a rebuilt bundle) it compiles as usual.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const file = path.join(__dirname, 'server-main.js');
const cacheFile = path.join(__dirname, 'server-main.cache');
const record = process.env.POLICY_LINT_RECORD_CODE_CACHE === cacheFile; // set by packaging/bundle.js only
let cachedData;
if (!record) {
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // no cache: compile
  }
}
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
if (record) process.once('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
const main = new Module(file, module);
main.filename = file;
main.paths = Module._nodeModulePaths(__dirname);
script.runInThisContext().call(main.exports, main.exports, Module.createRequire(file), main, file, __dirname);
