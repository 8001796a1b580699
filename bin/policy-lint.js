#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI lives in out/server/src/cli (built by `npm run build`, run by `npm ci` via prepare).
require('../out/server/src/cli/main.js').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
