-- Headless Neovim as an independent LSP client of policy-lint-server.
-- env: LSP_SERVER (bin/policy-lint-server.js), LSP_FILE (a draft), LSP_CORPUS (a corpus folder),
--      HOVER_LINE / HOVER_COL (0-based position of a clause text to hover).
-- Prints one JSON line {diagnostics, hover, errors} and exits 0 when both came back.
local file = assert(os.getenv('LSP_FILE'), 'LSP_FILE not set')
local server = assert(os.getenv('LSP_SERVER'), 'LSP_SERVER not set')
local out = { diagnostics = {}, hover = vim.NIL, errors = {} }
local exited, stopping = false, false
local function finish(ok)
  io.stdout:write(vim.fn.json_encode(out) .. '\n')
  vim.cmd(ok and 'qall!' or 'cquit! 1')
end
local client_id = vim.lsp.start_client({
  name = 'policy-lint', cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':p:h'),
  init_options = { bundledCorpus = false, corpus = { os.getenv('LSP_CORPUS') } },
  on_error = function(code, err) table.insert(out.errors, tostring(code) .. ': ' .. vim.inspect(err)) end,
  on_exit = function(code, signal) exited = true; if not stopping then table.insert(out.errors, ('server exited code=%s signal=%s'):format(code, signal)) end end,
})
if not client_id then table.insert(out.errors, 'start_client failed'); return finish(false) end
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)
local got = vim.wait(15000, function() return exited or #vim.diagnostic.get(bufnr) > 0 end, 50) and not exited
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  table.insert(out.diagnostics, { lnum = d.lnum, col = d.col, end_col = d.end_col, message = d.message, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) })
end
local client = vim.lsp.get_client_by_id(client_id)
if not client then return finish(false) end
local resp = client.request_sync('textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  position = { line = tonumber(os.getenv('HOVER_LINE')), character = tonumber(os.getenv('HOVER_COL')) },
}, 10000, bufnr)
if resp and resp.result then out.hover = resp.result.contents.value else table.insert(out.errors, 'hover: ' .. vim.inspect(resp)) end
stopping = true
client.stop()
vim.wait(2000, function() return client.is_stopped() end, 50)
finish(got and out.hover ~= vim.NIL)
