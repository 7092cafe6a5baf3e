--- `:InterviewCoach bank`: the server's answer bank (`interviewCoach.bank`) in a scratch buffer,
--- one row per question or scenario; `<CR>` opens the best draft or starts a new one. The rows
--- only format what the server computed: no scoring happens here.
local M = {}

--- The bank buffer's name.
M.name = 'interview-coach://bank'

local ns = vim.api.nvim_create_namespace('interview_coach_bank')

--- What `<CR>` does on each line, per bank buffer: `{ open = fname }` or `{ new = question id }`.
local actions = {}

--- `q1` for `partnerships/q1`, `scenario-2` for `partnerships/scenario-2`.
local function short(id)
  return (id:match('[^/]+$') or id)
end

--- `text` cut to `width` display columns with an ellipsis, then padded to `width`.
local function fit(text, width)
  if vim.fn.strdisplaywidth(text) > width then
    local cut = text
    while vim.fn.strdisplaywidth(cut) > width - 1 do
      cut = vim.fn.strcharpart(cut, 0, vim.fn.strchars(cut) - 1)
    end
    text = cut .. '…'
  end
  return text .. (' '):rep(width - vim.fn.strdisplaywidth(text))
end

--- A draft's file name as the user knows it (relative to the working directory when inside it).
---@param draft table `{ path, uri? }`
---@param root string? where a relative path is
local function file_of(draft, root)
  local fname = type(draft.uri) == 'string' and draft.uri ~= '' and vim.uri_to_fname(draft.uri) or draft.path
  if root and not vim.startswith(fname, '/') then
    fname = vim.fs.joinpath(root, fname)
  end
  return fname
end

local function display(fname)
  return vim.fn.fnamemodify(fname, ':~:.')
end

local TITLE = 48

--- The buffer lines for a bank, what `<CR>` does on each line (by 1-based line number) and the
--- highlights (`{ line, col_start, col_end, group }`, 0-based).
---@param bank table the result of `interviewCoach.bank`
---@param root string? the workspace root, for drafts given by a relative path
---@return string[] lines, table<integer, table> actions, table[] highlights
function M.lines(bank, root)
  local lines, acts, hls = {}, {}, {}
  local function add(line, action, hl)
    table.insert(lines, line)
    acts[#lines] = action
    for _, h in ipairs(hl or {}) do
      table.insert(hls, { #lines - 1, h[1], h[2], h[3] })
    end
  end
  add('Answer bank · <CR> open the best draft or start one · r refresh · q close', nil, { { 0, -1, 'Comment' } })
  local categories = type(bank) == 'table' and type(bank.categories) == 'table' and bank.categories or {}
  local unlinked = type(bank) == 'table' and type(bank.unlinked) == 'table' and bank.unlinked or {}
  if #categories == 0 and #unlinked == 0 then
    add('')
    add('No answer drafts in this workspace yet: :InterviewCoach new starts one.')
  end
  for _, cat in ipairs(categories) do
    add('')
    local head = ('%s · drafted %d of %d'):format(cat.title or cat.id, cat.drafted or 0, cat.total or 0)
    if type(cat.mean_score_percent) == 'number' then
      head = head .. (' · mean %d%%'):format(cat.mean_score_percent)
    end
    add(head, nil, { { 0, -1, 'Title' } })
    local by_id = {}
    for _, item in ipairs(cat.items or {}) do
      local best = type(item.best) == 'number' and item.drafts[item.best + 1] or nil
      local status, draft, action
      if best then
        status = ('%d/%d'):format(best.score, best.max)
        local fname = file_of(best, root)
        draft = display(fname)
        if #item.drafts > 1 then
          draft = draft .. (' (+%d more)'):format(#item.drafts - 1)
        end
        action = { open = fname }
      else
        status, draft, action = 'not drafted', '', { new = item.id }
      end
      by_id[item.id] = action
      local id, title = short(item.id), fit(item.title or '', TITLE)
      local line = ('  %-11s %s  %-11s  %s'):format(id, title, status, draft):gsub('%s+$', '')
      local at = 2 + math.max(#id, 11) + 1 + #title + 2
      add(line, action, {
        { 2, 2 + #id, 'Identifier' },
        { at, at + #status, best and 'Number' or 'Comment' },
      })
    end
    if type(cat.practise_next) == 'table' and #cat.practise_next > 0 then
      add('  Practise next', nil, { { 2, -1, 'Special' } })
      for i, p in ipairs(cat.practise_next) do
        add(('  %d. %s: %s'):format(i, short(p.id), p.reason), by_id[p.id])
      end
    end
  end
  if #unlinked > 0 then
    add('')
    add('Not linked to a question', nil, { { 0, -1, 'WarningMsg' } })
    for _, u in ipairs(unlinked) do
      local fname = file_of(u, root)
      add(('  %s: %s'):format(display(fname), u.fix or ''), { open = fname })
    end
  end
  return lines, acts, hls
end

--- Runs the action of line `lnum` of bank buffer `buf`.
---@param buf integer
---@param lnum integer
function M.activate(buf, lnum)
  local action = (actions[buf] or {})[lnum]
  if not action then
    return
  end
  if action.open then
    vim.cmd.edit(vim.fn.fnameescape(action.open))
  elseif action.new then
    require('interview_coach').new_draft(action.new)
  end
end

--- The bank buffer, created on first use.
local function buffer()
  local buf = vim.fn.bufnr(M.name)
  if buf > 0 and vim.api.nvim_buf_is_valid(buf) then
    return buf
  end
  buf = vim.api.nvim_create_buf(true, true)
  vim.api.nvim_buf_set_name(buf, M.name)
  vim.bo[buf].buftype = 'nofile'
  vim.bo[buf].bufhidden = 'hide'
  vim.bo[buf].swapfile = false
  vim.bo[buf].modifiable = false
  vim.bo[buf].filetype = 'interview_coach_bank'
  local function map(lhs, fn, desc)
    vim.keymap.set('n', lhs, fn, { buffer = buf, nowait = true, silent = true, desc = desc })
  end
  map('<CR>', function()
    M.activate(buf, vim.api.nvim_win_get_cursor(0)[1])
  end, 'Interview Coach: open the best draft or start one')
  map('r', function()
    M.open({ refresh = true })
  end, 'Interview Coach: refresh the answer bank')
  map('q', function()
    local alt = vim.fn.bufnr('#')
    if alt > 0 and alt ~= buf and vim.api.nvim_buf_is_loaded(alt) then
      vim.api.nvim_win_set_buf(0, alt)
    else
      vim.cmd('bdelete ' .. buf)
    end
  end, 'Interview Coach: close the answer bank')
  vim.api.nvim_create_autocmd('BufWipeout', {
    buffer = buf,
    callback = function()
      actions[buf] = nil
    end,
  })
  return buf
end

--- Fills the bank buffer with `bank`, keeping the cursor line.
local function render(buf, bank, root)
  local lines, acts, hls = M.lines(bank, root)
  vim.bo[buf].modifiable = true
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.bo[buf].modifiable = false
  vim.bo[buf].modified = false
  actions[buf] = acts
  vim.api.nvim_buf_clear_namespace(buf, ns, 0, -1)
  for _, h in ipairs(hls) do
    local line = lines[h[1] + 1]
    vim.api.nvim_buf_set_extmark(buf, ns, h[1], h[2], {
      end_col = h[3] < 0 and #line or math.min(h[3], #line),
      hl_group = h[4],
    })
  end
end

--- `:InterviewCoach bank [{category}]`: opens (or refreshes) the bank buffer in the current window.
--- With `opts.refresh` the buffer is refreshed in place (it is not brought up); `opts.quiet` keeps
--- a failure silent (background refreshes).
---@param opts { category: string?, refresh: boolean?, quiet: boolean? }?
function M.open(opts)
  opts = opts or {}
  local coach = require('interview_coach')
  local args = opts.category and { { category = opts.category } } or {}
  local existing = vim.fn.bufnr(M.name)
  if opts.refresh and existing > 0 then
    args = vim.b[existing].interview_coach_bank_args or args
  end
  coach.exec('interviewCoach.bank', args, function(bank, client)
    local buf = buffer()
    vim.b[buf].interview_coach_bank_args = args
    render(buf, bank, client.root_dir)
    if not opts.refresh and vim.api.nvim_get_current_buf() ~= buf then
      vim.api.nvim_win_set_buf(0, buf)
    end
  end, nil, opts.quiet)
end

--- Refreshes the bank buffer, when there is one, after a draft is written.
vim.api.nvim_create_autocmd('BufWritePost', {
  group = vim.api.nvim_create_augroup('interview_coach_bank', { clear = true }),
  pattern = '*.md',
  callback = function()
    if vim.fn.bufnr(M.name) > 0 then
      M.open({ refresh = true, quiet = true })
    end
  end,
})

return M
