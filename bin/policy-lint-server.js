#!/usr/bin/env node
'use strict';
// Language server over stdio (`policy-lint-server --stdio`) for any LSP client.
require('../out/server/src/server.js');
