--- `:checkhealth interview_coach`: Neovim version, the server binary and its version, the LSP
--- config, and the clients attached.
local M = {}

local name = 'interview_coach'

function M.check()
  local health = vim.health
  health.start('interview_coach')

  if vim.fn.has('nvim-0.11') == 1 then
    health.ok('Neovim ' .. tostring(vim.version()))
  else
    health.error('Neovim 0.11 or newer is needed for `vim.lsp.config`/`vim.lsp.enable`', {
      'Upgrade Neovim, or start the server yourself with vim.lsp.start()',
    })
    return
  end

  local config = vim.lsp.config[name]
  if not config then
    health.error('no `lsp/interview_coach.lua` on the runtimepath', {
      'Add editors/neovim of interview-coach to your plugin manager or to `runtimepath`',
    })
    return
  end

  local enabled = vim.lsp.is_enabled and vim.lsp.is_enabled(name)
  if enabled == false then
    health.warn('the server is not enabled', { "Add `vim.lsp.enable('interview_coach')` to your config" })
  elseif enabled then
    health.ok('enabled with vim.lsp.enable()')
  end

  local cmd = config.cmd
  if type(cmd) ~= 'table' or type(cmd[1]) ~= 'string' then
    health.info('`cmd` is a function; cannot check the binary')
  else
    local exe = vim.fn.exepath(cmd[1])
    if exe == '' then
      health.error(('`%s` not found (cmd = %s)'):format(cmd[1], vim.inspect(cmd)), {
        'Install it: `cargo install --locked --path crates/server` in an interview-coach checkout',
        "Or point at the binary: vim.lsp.config('interview_coach', { cmd = { '/path/to/interview-coach', 'lsp' } })",
      })
    else
      local ok, res = pcall(function()
        return vim.system({ exe, '--version' }, { text = true }):wait(5000)
      end)
      local version = ok and res.code == 0 and vim.trim(res.stdout or '') or ''
      if version:match('interview%-coach') then
        health.ok(('binary: %s (%s)'):format(exe, version))
      else
        local why = ok and vim.trim((res.stderr ~= '' and res.stderr) or ('exit code ' .. tostring(res.code)))
          or tostring(res)
        health.error(('`%s --version` did not identify interview-coach: %s'):format(exe, why), {
          'Check that cmd points at the interview-coach binary',
        })
      end
    end
  end

  local clients = vim.lsp.get_clients({ name = name })
  if #clients == 0 then
    health.info('no client running yet: open a Markdown draft')
  end
  for _, client in ipairs(clients) do
    local bufs = vim.tbl_keys(client.attached_buffers)
    table.sort(bufs)
    local files = vim.tbl_map(function(b)
      return vim.fn.fnamemodify(vim.api.nvim_buf_get_name(b), ':~:.')
    end, bufs)
    local server = client.server_info and (client.server_info.name .. ' ' .. (client.server_info.version or '')) or '?'
    if client.initialized and not client:is_stopped() then
      health.ok(
        ('client %d (%s), root %s, attached to %d buffer(s)%s'):format(
          client.id,
          vim.trim(server),
          client.root_dir or '(none)',
          #bufs,
          #files > 0 and (': ' .. table.concat(files, ', ')) or ''
        )
      )
    else
      health.warn(('client %d is not running'):format(client.id), { 'See :LspLog' })
    end
  end
end

return M
