-- :InterviewCoach bank against the real server, on the fixture bank (tests/fixtures/bank: drafted,
-- undrafted, duplicate and unlinked drafts, a scenario, a pack category). env
-- INTERVIEW_COACH_SERVER: the binary.
local H = dofile(vim.fs.joinpath(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)), 'harness.lua'))
H.load_plugin()

local server = assert(vim.env.INTERVIEW_COACH_SERVER, 'set INTERVIEW_COACH_SERVER to the interview-coach binary')
server = vim.fn.fnamemodify(server, ':p')

-- The workspace: the fixture drafts under answers/, the pack as an extra category, and a
-- .interview-coach.toml that makes the folder the root.
local workspace = vim.fn.tempname() .. '-ic-bank'
vim.fn.mkdir(workspace .. '/.interview-coach/categories', 'p')
assert(vim.system({ 'cp', '-R', H.root .. '/tests/fixtures/bank/answers', workspace .. '/answers' }):wait().code == 0)
vim.fn.writefile(vim.fn.readfile(H.root .. '/tests/fixtures/bank/pack/sales.md'), workspace .. '/.interview-coach/categories/sales.md')
vim.fn.writefile({ '# The fixture bank for the editor tests.' }, workspace .. '/.interview-coach.toml')
workspace = vim.uv.fs_realpath(workspace)
-- `:InterviewCoach bank` from an empty buffer: the root comes from the working directory.
vim.cmd.cd(vim.fn.fnameescape(workspace))
vim.lsp.config('interview_coach', { cmd = { server, 'lsp' } })
vim.lsp.enable('interview_coach')

local BANK = 'interview-coach://bank'

local function bank_buf()
  local b = vim.fn.bufnr(BANK)
  return b > 0 and b or nil
end

--- Runs `:InterviewCoach bank` and waits for the bank buffer to show the fixture's categories.
local function open_bank()
  vim.cmd('InterviewCoach bank')
  return H.wait_for('the bank buffer', function()
    local b = bank_buf()
    if b and vim.api.nvim_get_current_buf() == b then
      local first = table.concat(vim.api.nvim_buf_get_lines(b, 0, -1, false), '\n')
      return first:find('Partnerships ·', 1, true) and b
    end
  end)
end

--- The line number (1-based) and text of the line of `buf` that starts, after the indent, with
--- `id` and a space.
local function row(buf, id)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if vim.startswith(line, '  ' .. id .. ' ') then
      return i, line
    end
  end
  error(('no row %s in\n%s'):format(id, table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')))
end

--- The rows from a category heading up to the next blank line.
local function section(buf, heading)
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  for i, line in ipairs(lines) do
    if vim.startswith(line, heading) then
      local rows = {}
      for j = i + 1, #lines do
        if lines[j] == '' then
          break
        end
        table.insert(rows, lines[j])
      end
      return line, rows
    end
  end
  error('no section ' .. heading .. ' in\n' .. table.concat(lines, '\n'))
end

local function press_enter_on(buf, lnum)
  vim.api.nvim_win_set_buf(0, buf)
  vim.api.nvim_win_set_cursor(0, { lnum, 0 })
  vim.cmd.normal(vim.keycode('<CR>'))
end

H.test(':InterviewCoach bank lists every question with its status, score and draft', function()
  local buf = open_bank()
  H.eq(vim.bo[buf].buftype, 'nofile', 'a scratch buffer')
  H.eq(vim.bo[buf].modifiable, false, 'read-only')
  local heading, rows = section(buf, 'Partnerships ·')
  H.ok(heading:find('drafted 4 of 12', 1, true), heading)
  local ids = {}
  for _, r in ipairs(rows) do
    local id = r:match('^  (%S+) ')
    if id and not r:match('^  Practise next') and not r:match('^  %d+%. ') then
      table.insert(ids, id)
    end
  end
  H.eq(ids, { 'q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10', 'scenario-1', 'scenario-2' }, 'item rows in guide order')
  local _, q1 = row(buf, 'q1')
  H.ok(q1:find('How do you identify good strategic partners?', 1, true), q1)
  H.ok(q1:find(' 8/9 ', 1, true), 'the best score of the two drafts: ' .. q1)
  H.ok(q1:find('answers/q1-partner-selection.md (+1 more)', 1, true), 'the best draft and the duplicate: ' .. q1)
  local _, q2 = row(buf, 'q2')
  H.ok(q2:find('What criteria determine partnership viability?', 1, true), q2)
  H.ok(q2:match('not drafted$'), q2)
  local _, s1 = row(buf, 'scenario-1')
  H.ok(s1:find(' 9/9 ', 1, true) and s1:find('answers/scenario-1-compliance-bundle.md', 1, true), s1)
  local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  H.ok(text:find('\n  Practise next\n  1. q7: lowest score 3/9', 1, true), 'practise next, weakest first:\n' .. text)
  -- The pack category and the draft that links to nothing.
  local sales = section(buf, 'Sales ·')
  H.ok(sales:find('drafted 1 of 12', 1, true), sales)
  local _, unlinked = section(buf, 'Not linked to a question')
  H.ok(unlinked[1] and unlinked[1]:find('answers/notes.md: ', 1, true), vim.inspect(unlinked))
end)

H.test('<CR> on a drafted question opens its best draft', function()
  local buf = open_bank()
  press_enter_on(buf, (row(buf, 'q1')))
  H.eq(vim.api.nvim_buf_get_name(0), workspace .. '/answers/q1-partner-selection.md', 'the best of the two drafts')
  -- The bank buffer stays, and comes back with <C-^>.
  H.ok(vim.api.nvim_buf_is_valid(buf), 'bank buffer kept')
end)

H.test('<CR> on a practise-next line acts on its question', function()
  local buf = open_bank()
  local lnum
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if line:match('^  1%. q7: ') then
      lnum = i
      break
    end
  end
  H.ok(lnum, 'no practise-next line for q7')
  press_enter_on(buf, lnum)
  H.eq(vim.api.nvim_buf_get_name(0), workspace .. '/answers/q7-commitment.md')
end)

H.test('<CR> on an undrafted question writes a new draft for it, and saving refreshes the bank', function()
  local before = vim.fn.readdir(workspace .. '/answers')
  local buf = open_bank()
  press_enter_on(buf, (row(buf, 'q2')))
  local draft = H.wait_for('the new draft', function()
    local name = vim.api.nvim_buf_get_name(0)
    return vim.startswith(name, workspace .. '/answers/') and not vim.tbl_contains(before, vim.fs.basename(name)) and name
  end)
  H.ok(vim.uv.fs_stat(draft), 'written to disk')
  local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  H.ok(text:find('What criteria determine partnership viability?', 1, true), 'the draft names the question:\n' .. text)
  H.ok(text:find('category: partnerships', 1, true), 'front matter links it:\n' .. text)
  H.eq(#vim.fn.readdir(workspace .. '/answers'), #before + 1, 'one new file')
  -- Write an answer into it: the bank buffer, still loaded, picks the new draft up.
  vim.api.nvim_buf_set_lines(0, -1, -1, false, {
    'As head of partnerships at a payroll startup I check for a shared customer, margin that works',
    'for both sides and a named owner; our two partners sourced 31% of new revenue in a year.',
  })
  vim.cmd('silent write')
  H.wait_for('q2 drafted in the bank buffer', function()
    local _, q2 = row(buf, 'q2')
    return q2:find(vim.fs.basename(draft), 1, true) and q2:match(' %d+/%d+ ')
  end)
end)

H.test(':InterviewCoach bank {category} lists that category only', function()
  vim.cmd('InterviewCoach bank sales')
  local buf = H.wait_for('the bank buffer', function()
    local b = bank_buf()
    return b and vim.api.nvim_buf_get_lines(b, 2, 3, false)[1] and b
  end)
  local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  H.ok(text:find('\nSales · drafted 1 of 12', 1, true), text)
  H.ok(not text:find('Partnerships ·', 1, true), text)
  local _, q2 = row(buf, 'q2')
  H.ok(q2:find('answers/sales-q2.md', 1, true), q2)
end)

H.run('neovim bank')
