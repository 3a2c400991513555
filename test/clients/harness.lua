-- Shared helpers for the headless neovim scenarios (neovim 0.7+, Debian 12's package).
-- A scenario is a list of named checks run in order; the results go to $OUT_FILE as JSON for
-- scripts/test-nvim.mjs. Every check runs even after a failure; each waits for its own
-- preconditions, so a broken step fails the steps that need it instead of hiding them.
local M = {}

M.server = os.getenv('SERVER_JS') or 'dist/server.js'
M.node = os.getenv('NODE_BIN') or 'node'
M.out = os.getenv('OUT_FILE') or 'nvim-result.json'

--- Waits until cond() is truthy, processing events (LSP messages included) meanwhile.
function M.wait(ms, cond)
  return vim.wait(ms, cond, 50)
end

--- Starts the language server over stdio for `root` and attaches it to `buf`; returns the client id.
function M.start(buf, root)
  local id = vim.lsp.start_client({
    name = 'mqtt-harden',
    cmd = { M.node, M.server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'examples' } },
  })
  assert(id, 'vim.lsp.start_client failed')
  assert(vim.lsp.buf_attach_client(buf, id), 'buf_attach_client failed')
  assert(M.wait(10000, function()
    local c = vim.lsp.get_client_by_id(id)
    return c and c.initialized
  end), 'the server did not finish initialize within 10 s')
  return id
end

--- Diagnostics of `buf` whose code is `code`.
function M.diagnostics_with_code(buf, code)
  return vim.tbl_filter(function(d)
    return d.code == code
  end, vim.diagnostic.get(buf))
end

function M.describe(diagnostics)
  return vim.inspect(vim.tbl_map(function(d)
    return { d.lnum, d.col, d.code, d.message }
  end, diagnostics))
end

--- Runs the checks {name, fn} in order and exits neovim: 0 when all passed, 1 otherwise.
function M.run(checks)
  vim.schedule(function()
    local results = {}
    local failed = false
    for _, check in ipairs(checks) do
      local ok, err = xpcall(check[2], debug.traceback)
      table.insert(results, { name = check[1], ok = ok, why = (not ok) and tostring(err) or nil })
      failed = failed or not ok
    end
    local f = assert(io.open(M.out, 'w'))
    f:write(vim.fn.json_encode({ nvim = vim.version(), checks = results }))
    f:close()
    for _, client in pairs(vim.lsp.get_active_clients()) do
      client.stop()
    end
    vim.cmd(failed and 'cq!' or 'qa!')
  end)
end

return M
