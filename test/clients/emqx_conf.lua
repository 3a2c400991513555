-- Neovim as a third-party LSP client on a copy of examples/emqx.conf (its node.cookie is weak):
-- diagnostics arrive, neovim's own code-action machinery applies the quick fix, the finding goes away.
-- Run by scripts/test-nvim.mjs: nvim --headless --clean -n -i NONE -u emqx_conf.lua <copy>/emqx.conf
local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)') or './'
local h = dofile(here .. 'harness.lua')
local RULE = 'erlang/weak-cookie'

local buf = vim.api.nvim_get_current_buf()
local file = vim.api.nvim_buf_get_name(buf)
local root = vim.fn.fnamemodify(file, ':h')
vim.bo[buf].filetype = 'emqx-hocon' -- becomes the languageId of didOpen
local client_id
local cookie_lnum

h.run({
  { 'the server starts over stdio and attaches to the buffer', function()
    client_id = h.start(buf, root)
  end },

  { 'erlang/weak-cookie arrives with source and docs link', function()
    assert(h.wait(15000, function() return #h.diagnostics_with_code(buf, RULE) > 0 end),
      'no ' .. RULE .. ' within 15 s; got ' .. h.describe(vim.diagnostic.get(buf)))
    local d = h.diagnostics_with_code(buf, RULE)[1]
    assert(d.source == 'mqtt-harden', 'source ' .. tostring(d.source))
    assert(d.severity == vim.diagnostic.severity.ERROR, 'severity ' .. tostring(d.severity))
    local href = d.user_data and d.user_data.lsp and d.user_data.lsp.codeDescription and d.user_data.lsp.codeDescription.href
    assert(href and href:find('weak%-cookie'), 'codeDescription.href ' .. tostring(href))
    local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
    assert(line:find('cookie'), 'the diagnostic sits on the cookie line: ' .. line)
    cookie_lnum = d.lnum
  end },

  { 'files never opened get diagnostics too (the rest of the deployment)', function()
    assert(h.wait(15000, function()
      for _, d in ipairs(vim.diagnostic.get()) do
        if d.bufnr ~= buf then return true end
      end
      return false
    end), 'only the open buffer has diagnostics')
  end },

  { 'hover on the cookie key explains the setting', function()
    assert(cookie_lnum, 'needs the cookie diagnostic')
    local line = vim.api.nvim_buf_get_lines(buf, cookie_lnum, cookie_lnum + 1, false)[1]
    local col = line:find('cookie') -- 1-based byte column of the key
    local resp = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      position = { line = cookie_lnum, character = col },
    }, 5000)
    local result = resp and resp[client_id] and resp[client_id].result
    local text = result and vim.inspect(result.contents) or ''
    assert(text:lower():find('cookie'), 'hover: ' .. text)
  end },

  { 'document symbols list the node block with its cookie', function()
    local resp = vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol', { textDocument = { uri = vim.uri_from_bufnr(buf) } }, 5000)
    local symbols = resp and resp[client_id] and resp[client_id].result or {}
    local node
    for _, s in ipairs(symbols) do
      if s.name == 'node' then node = s end
    end
    assert(node, 'symbols: ' .. vim.inspect(vim.tbl_map(function(s) return s.name end, symbols)))
    local children = vim.tbl_map(function(c) return c.name end, node.children or {})
    assert(vim.tbl_contains(children, 'cookie'), 'node children: ' .. vim.inspect(children))
  end },

  { 'completion inside node {} offers its keys', function()
    assert(cookie_lnum, 'needs the cookie diagnostic')
    local resp = vim.lsp.buf_request_sync(buf, 'textDocument/completion', {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      position = { line = cookie_lnum, character = 2 },
    }, 5000)
    local result = resp and resp[client_id] and resp[client_id].result or {}
    local items = result.items or result
    local labels = vim.tbl_map(function(i) return i.label end, items)
    assert(vim.tbl_contains(labels, 'data_dir') or vim.tbl_contains(labels, 'cookie'), 'labels: ' .. vim.inspect(labels))
  end },

  { 'formatting through neovim is idempotent and keeps the file valid', function()
    local format = function()
      if vim.lsp.buf.format then vim.lsp.buf.format({ timeout_ms = 5000 }) else vim.lsp.buf.formatting_sync(nil, 5000) end
    end
    -- Spoil the indentation of the line after the cookie first, so the formatter has work to do.
    -- Neovim's defaults (noexpandtab, tabstop 8) reach the server as FormattingOptions.
    assert(cookie_lnum, 'needs the cookie diagnostic')
    local spoiled = vim.api.nvim_buf_get_lines(buf, cookie_lnum + 1, cookie_lnum + 2, false)[1]
    vim.api.nvim_buf_set_lines(buf, cookie_lnum + 1, cookie_lnum + 2, false, { '         ' .. vim.trim(spoiled) })
    format()
    local once = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    local unit = vim.bo[buf].expandtab and string.rep(' ', vim.fn.shiftwidth()) or '\t'
    assert(once[cookie_lnum + 2] == unit .. vim.trim(spoiled), 'formatted line: [' .. tostring(once[cookie_lnum + 2]) .. ']')
    assert(once[cookie_lnum + 1]:match('^%s*') == unit, 'cookie line indent: [' .. once[cookie_lnum + 1] .. ']')
    format()
    local twice = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    assert(vim.deep_equal(once, twice), 'a second format changed the buffer')
    vim.wait(500)
    assert(#h.diagnostics_with_code(buf, 'hocon/syntax') == 0, 'formatting broke the syntax: ' .. h.describe(vim.diagnostic.get(buf)))
    local found = false
    for i, l in ipairs(once) do
      if l:find('cookie%s*=') then cookie_lnum = i - 1; found = true end
    end
    assert(found, 'the cookie line survived formatting')
  end },

  { 'the quick fix is applied through vim.lsp.buf.code_action', function()
    assert(cookie_lnum, 'needs the cookie diagnostic')
    local d = h.diagnostics_with_code(buf, RULE)[1]
    vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
    local before = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
    local offered = {}
    -- Stand in for the user picking the preferred quick fix from neovim's menu.
    vim.ui.select = function(items, _, on_choice)
      local pick
      for _, item in ipairs(items) do
        local action = item[2] or item.action -- 0.7: {client_id, action}; 0.9+: {ctx=, action=}
        table.insert(offered, action.title)
        if not pick and action.isPreferred and action.kind == 'quickfix' then pick = item end
      end
      on_choice(pick)
    end
    if vim.fn.has('nvim-0.8') == 1 then
      vim.lsp.buf.code_action({ context = { only = { 'quickfix' } } })
    else
      vim.lsp.buf.code_action({ only = { 'quickfix' } })
    end
    assert(h.wait(10000, function()
      return vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1] ~= before
    end), 'the buffer did not change; actions offered: ' .. vim.inspect(offered))
    local after = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
    local value = after:match('cookie%s*=%s*"?([%w]+)"?')
    assert(value and #value >= 32, 'new cookie line: ' .. after)
  end },

  { 'the weak-cookie diagnostic is gone after the fix', function()
    assert(h.wait(10000, function() return #h.diagnostics_with_code(buf, RULE) == 0 end),
      'still there: ' .. h.describe(h.diagnostics_with_code(buf, RULE)))
  end },

  { 'saving writes the fixed file', function()
    assert(cookie_lnum, 'needs the cookie diagnostic')
    vim.cmd('silent write')
    local on_disk = vim.fn.readfile(file)[cookie_lnum + 1]
    local in_buffer = vim.api.nvim_buf_get_lines(buf, cookie_lnum, cookie_lnum + 1, false)[1]
    assert(on_disk == in_buffer, 'file line ' .. tostring(on_disk) .. ' differs from buffer line ' .. in_buffer)
    assert(h.wait(5000, function() return #h.diagnostics_with_code(buf, RULE) == 0 end), 'the finding came back after saving')
  end },
})
