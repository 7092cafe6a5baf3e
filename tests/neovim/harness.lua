-- A small test runner for `nvim --headless --clean -l`: named tests, a pass/fail line each, a
-- closing "N passed, N failed" line, exit code 1 when anything failed.
local H = {}

local tests = {}

--- The repository root (this file is tests/neovim/harness.lua).
H.root = vim.fs.dirname(vim.fs.dirname(vim.fs.dirname(vim.fs.normalize(debug.getinfo(1, 'S').source:sub(2)))))
H.root = vim.fn.fnamemodify(H.root, ':p'):gsub('/$', '')

--- Registers a test.
function H.test(name, fn)
  table.insert(tests, { name = name, fn = fn })
end

--- Fails with `msg` unless `cond`.
function H.ok(cond, msg)
  if not cond then
    error(msg or 'assertion failed', 2)
  end
end

--- Fails unless `a == b`, showing both.
function H.eq(a, b, msg)
  if not vim.deep_equal(a, b) then
    error(('%s: expected %s, got %s'):format(msg or 'not equal', vim.inspect(b), vim.inspect(a)), 2)
  end
end

--- Waits (processing events) until `cond()` is truthy; fails with `what` when it never is. The
--- limit is generous: it only bounds a hung test, it asserts nothing about speed.
function H.wait_for(what, cond, limit_ms)
  local value
  local done = vim.wait(limit_ms or 15000, function()
    value = cond()
    return value ~= nil and value ~= false
  end, 20)
  if not done then
    error('gave up waiting for ' .. what, 2)
  end
  return value
end

--- Puts the plugin on the runtimepath and loads its plugin/ file, as a plugin manager would.
function H.load_plugin()
  vim.opt.runtimepath:prepend(H.root .. '/editors/neovim')
  vim.cmd('filetype plugin on')
  vim.cmd.runtime('plugin/interview_coach.lua')
end

--- A fresh copy of tests/fixtures/editor in a temporary folder (tests write files in it).
function H.fixture_workspace()
  local dir = vim.fn.tempname() .. '-ic-workspace'
  vim.fn.mkdir(dir, 'p')
  local src = H.root .. '/tests/fixtures/editor'
  local res = vim.system({ 'cp', '-R', src .. '/.', dir }):wait()
  assert(res.code == 0, 'copying fixtures failed: ' .. (res.stderr or ''))
  return vim.uv.fs_realpath(dir)
end

--- Runs every registered test and exits.
function H.run(suite)
  local passed, failed = 0, 0
  for _, t in ipairs(tests) do
    -- Each test starts from no buffers, so that one test's edits cannot leak into the next.
    vim.cmd('silent! %bwipeout!')
    local ok, err = xpcall(t.fn, debug.traceback)
    if ok then
      passed = passed + 1
      io.stdout:write(('ok   %s: %s\n'):format(suite, t.name))
    else
      failed = failed + 1
      io.stdout:write(('FAIL %s: %s\n     %s\n'):format(suite, t.name, tostring(err):gsub('\n', '\n     ')))
    end
    io.stdout:flush()
  end
  io.stdout:write(('%s: %d passed, %d failed\n'):format(suite, passed, failed))
  for _, c in ipairs(vim.lsp.get_clients()) do
    c:stop(true)
  end
  os.exit(failed == 0 and 0 or 1)
end

return H
