-- A Lua error must end headless Neovim with a failure, not leave it running.
local ok, err = pcall(dofile, os.getenv('LSP_CHECK'))
if not ok then io.stderr:write('lsp-check error: ' .. tostring(err) .. '\n'); vim.cmd('cquit! 2') end
