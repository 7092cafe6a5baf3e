--- interview-coach for Neovim: commands that plain LSP has no place for. A thin client: every
--- answer comes from the server's `workspace/executeCommand` (docs/protocol.md).
local M = {}

--- The name the server is enabled under (`vim.lsp.enable('interview_coach')`).
M.name = 'interview_coach'

local function notify(msg, level)
  vim.notify('Interview Coach: ' .. msg, level or vim.log.levels.INFO)
end

--- The running client for `bufnr` (or any running one), starting one without attaching when none
--- runs yet, so that `:InterviewCoach new` works from any buffer.
---@param bufnr integer?
---@return vim.lsp.Client?
function M.client(bufnr)
  local clients = vim.lsp.get_clients({ name = M.name, bufnr = bufnr })
  if #clients == 0 then
    clients = vim.lsp.get_clients({ name = M.name })
  end
  if clients[1] then
    return clients[1]
  end
  local config = vim.lsp.config[M.name]
  if not config then
    notify('no `interview_coach` LSP config found: is the plugin on your runtimepath?', vim.log.levels.ERROR)
    return nil
  end
  config = vim.deepcopy(config)
  -- Started from no draft: the root is where the current buffer or the working directory is, as
  -- when the config's own root markers find it for a draft (commands such as `bank` need one).
  if not config.root_dir and config.root_markers then
    config.root_dir = vim.fs.root(bufnr or 0, config.root_markers) or vim.uv.cwd()
  end
  local id = vim.lsp.start(config, { attach = false, silent = true })
  local client = id and vim.lsp.get_client_by_id(id)
  if not client then
    notify('could not start `' .. table.concat(config.cmd or {}, ' ') .. '`; run :checkhealth interview_coach', vim.log.levels.ERROR)
    return nil
  end
  vim.wait(10000, function()
    return client.initialized or client:is_stopped()
  end, 20)
  if not client.initialized then
    notify('the server did not start; run :checkhealth interview_coach', vim.log.levels.ERROR)
    return nil
  end
  return client
end

--- Runs a server command and calls `on_result(result, client)` with its result.
---@param command string
---@param arguments any[]?
---@param on_result fun(result: any, client: vim.lsp.Client)
---@param bufnr integer?
---@param quiet boolean? no message on failure (background refreshes)
function M.exec(command, arguments, on_result, bufnr, quiet)
  local client = M.client(bufnr)
  if not client then
    return
  end
  client:request('workspace/executeCommand', { command = command, arguments = arguments or {} }, function(err, result)
    if err then
      if not quiet then
        notify(command .. ' failed: ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
      end
      return
    end
    on_result(result, client)
  end, bufnr)
end

--- `m:ss` for a number of seconds.
---@param seconds number
---@return string
function M.clock(seconds)
  local s = math.max(0, math.floor((seconds or 0) + 0.5))
  return ('%d:%02d'):format(math.floor(s / 60), s % 60)
end

--- One line for a score result, or nil when there is none.
---@param score table?
---@return string?
function M.format_score(score)
  if type(score) ~= 'table' or type(score.points) ~= 'number' or type(score.max) ~= 'number' then
    return nil
  end
  return ('Rubric %d/%d · %d words · ~%s'):format(score.points, score.max, score.words or 0, M.clock(score.seconds))
end

--- A file name in `dir` that is not taken: `name.md`, `name-2.md`, ... (base name only).
---@param dir string
---@param suggested string
---@return string path
function M.free_path(dir, suggested)
  local base = vim.fs.basename(suggested or '')
  if base == '' then
    base = 'answer.md'
  end
  local stem, ext = base:match('^(.+)(%.[^.]+)$')
  stem, ext = stem or base, ext or '.md'
  local path = vim.fs.joinpath(dir, stem .. ext)
  local n = 2
  while vim.uv.fs_stat(path) do
    path = vim.fs.joinpath(dir, ('%s-%d%s'):format(stem, n, ext))
    n = n + 1
  end
  return path
end

--- Writes a new draft for question `id` under `answers/` in the root and opens it.
---@param id string
---@param client vim.lsp.Client
---@param bufnr integer
local function write_draft(id, client, bufnr)
  M.exec('interviewCoach.newDraft', { id }, function(draft)
    if type(draft) ~= 'table' or type(draft.text) ~= 'string' then
      notify('the server returned no draft for ' .. id, vim.log.levels.ERROR)
      return
    end
    local root = client.root_dir or vim.fs.root(bufnr, { '.interview-coach.toml', '.git' }) or vim.uv.cwd()
    local dir = vim.fs.joinpath(root, 'answers')
    vim.fn.mkdir(dir, 'p')
    local path = M.free_path(dir, draft.fileName)
    vim.fn.writefile(vim.split(draft.text, '\n', { plain = true, trimempty = false }), path)
    vim.cmd.edit(vim.fn.fnameescape(path))
    vim.api.nvim_win_set_cursor(0, { vim.api.nvim_buf_line_count(0), 0 })
  end, bufnr)
end

--- `:InterviewCoach new [{id}]`: open a new draft under `answers/` for question {id} (such as
--- `partnerships/q2`), or for the question picked from the server's list.
---@param id string?
function M.new_draft(id)
  local bufnr = vim.api.nvim_get_current_buf()
  if id then
    local client = M.client(bufnr)
    if client then
      write_draft(id, client, bufnr)
    end
    return
  end
  M.exec('interviewCoach.questions', {}, function(questions, client)
    if type(questions) ~= 'table' or #questions == 0 then
      notify('the server offered no questions', vim.log.levels.WARN)
      return
    end
    vim.ui.select(questions, {
      prompt = 'Which question are you answering?',
      format_item = function(q)
        local label = q.kind == 'scenario' and ('Scenario %d'):format(q.number) or ('%d.'):format(q.number)
        return ('%s: %s %s'):format(q.categoryTitle or q.category, label, q.text)
      end,
    }, function(choice)
      if choice then
        write_draft(choice.id, client, bufnr)
      end
    end)
  end, bufnr)
end

--- `:InterviewCoach bank [{category}]`: the answer bank in a scratch buffer (see `bank.lua`).
---@param category string?
function M.bank(category)
  require('interview_coach.bank').open({ category = category })
end

--- Shows a `Location` or URI the server returned. The server asks with `window/showDocument`
--- before it answers, so this only acts when that did not bring the file up.
local function show(target, client)
  if type(target) == 'string' then
    target = { uri = target, range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } } }
  end
  if type(target) ~= 'table' or not target.uri then
    return false
  end
  if vim.uri_from_bufnr(0) ~= target.uri then
    vim.lsp.util.show_document(target, client.offset_encoding, { focus = true })
  end
  return true
end

--- `:InterviewCoach guide [category]`: open a category's guide.
---@param category string?
function M.open_guide(category)
  M.exec('interviewCoach.openGuide', category and { category } or {}, function(uri, client)
    if not show(uri, client) then
      notify('no guide for ' .. (category or 'this draft'), vim.log.levels.WARN)
    end
  end, vim.api.nvim_get_current_buf())
end

--- `:InterviewCoach examples`: jump to the example answers for the current draft's question.
function M.open_examples()
  local bufnr = vim.api.nvim_get_current_buf()
  M.exec('interviewCoach.openExamples', { vim.uri_from_bufnr(bufnr) }, function(location, client)
    if not show(location, client) then
      notify(
        'this draft is not linked to a question yet: add front matter (`category:` and `question:`) or start with the question as a heading',
        vim.log.levels.WARN
      )
    end
  end, bufnr)
end

--- Last score per buffer, for `statusline()`.
local scores = {}

--- Asks the server for the score of `bufnr`; calls `done(line?)`.
---@param bufnr integer?
---@param done fun(line: string?)
---@param quiet boolean?
function M.score(bufnr, done, quiet)
  if bufnr == nil or bufnr == 0 then
    bufnr = vim.api.nvim_get_current_buf()
  end
  M.exec('interviewCoach.score', { vim.uri_from_bufnr(bufnr) }, function(result)
    local line = M.format_score(result)
    scores[bufnr] = line
    done(line)
  end, bufnr, quiet)
end

--- `:InterviewCoach score`: print the current draft's score.
function M.show_score()
  M.score(nil, function(line)
    notify(line or 'no score: this buffer is not an answer draft the server knows')
  end)
end

--- The last known score of the current buffer for a statusline (`''` when none). It is refreshed
--- after each diagnostics update of a buffer the server is attached to.
---@return string
function M.statusline()
  return scores[vim.api.nvim_get_current_buf()] or ''
end

vim.api.nvim_create_autocmd('DiagnosticChanged', {
  group = vim.api.nvim_create_augroup('interview_coach_score', { clear = true }),
  callback = function(ev)
    if vim.api.nvim_buf_is_valid(ev.buf) and #vim.lsp.get_clients({ name = M.name, bufnr = ev.buf }) > 0 then
      M.score(ev.buf, function() end, true)
    end
  end,
})

return M
