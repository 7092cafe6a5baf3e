-- The plugin against the real server: diagnostics, hover, completion, definition, code actions,
-- commands and :checkhealth, in a real headless Neovim. env INTERVIEW_COACH_SERVER: the binary.
local H = dofile(vim.fs.joinpath(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)), 'harness.lua'))
H.load_plugin()

local server = assert(vim.env.INTERVIEW_COACH_SERVER, 'set INTERVIEW_COACH_SERVER to the interview-coach binary')
server = vim.fn.fnamemodify(server, ':p')
local workspace = H.fixture_workspace()
vim.lsp.config('interview_coach', { cmd = { server, 'lsp' } })
vim.lsp.enable('interview_coach')

--- Opens a fixture draft and waits until the client is attached and has published diagnostics.
local function open(rel)
  vim.cmd.edit(vim.fn.fnameescape(workspace .. '/' .. rel))
  local buf = vim.api.nvim_get_current_buf()
  H.eq(vim.bo[buf].filetype, 'markdown', 'filetype')
  H.wait_for('the client to attach to ' .. rel, function()
    local c = vim.lsp.get_clients({ name = 'interview_coach', bufnr = buf })[1]
    return c and c.initialized
  end)
  return buf
end

local function client_of(buf)
  return vim.lsp.get_clients({ name = 'interview_coach', bufnr = buf })[1]
end

--- Diagnostics of `buf` from the server, waiting until there are some.
local function diagnostics(buf)
  return H.wait_for('diagnostics', function()
    local d = vim.diagnostic.get(buf)
    return #d > 0 and d or nil
  end)
end

local function by_code(diags, code)
  return vim.tbl_filter(function(d)
    return d.code == code
  end, diags)
end

--- 0-based line of the first line of `buf` containing `text` (plain), and the byte column.
local function find(buf, text)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local col = line:find(text, 1, true)
    if col then
      return i - 1, col - 1
    end
  end
  error('text not in buffer: ' .. text)
end

--- Sends `method` for `buf` at (row, col) and returns the first non-empty result.
local function request_at(buf, method, row, col, extra)
  local client = client_of(buf)
  local params = vim.tbl_extend('force', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = row, character = col },
  }, extra or {})
  local res = H.wait_for(method .. ' reply', function()
    local r, err = client:request_sync(method, params, 10000, buf)
    if err then
      error(method .. ': ' .. tostring(err))
    end
    return r
  end)
  H.ok(not res.err, method .. ' error: ' .. vim.inspect(res.err))
  return res.result
end

H.test('the client attaches with the plugin config and the fixture root', function()
  local buf = open('answers/partner-incentives.md')
  local c = client_of(buf)
  H.eq(c.config.cmd, { server, 'lsp' }, 'cmd')
  H.eq(c.root_dir, workspace, 'root_dir from .interview-coach.toml')
end)

H.test('diagnostics: rule codes, source and positions', function()
  local buf = open('answers/partner-incentives.md')
  local diags = diagnostics(buf)
  local codes = {}
  for _, d in ipairs(diags) do
    codes[d.code] = true
    H.eq(d.source, 'interview-coach', 'source of ' .. tostring(d.code))
  end
  for _, code in ipairs({ 'criticism', 'metrics', 'activity-volume', 'structure' }) do
    H.ok(codes[code], ('no %s diagnostic among %s'):format(code, vim.inspect(vim.tbl_keys(codes))))
  end
  -- criticism sits on the sentence that disparages the previous team.
  local crit = by_code(diags, 'criticism')[1]
  local row = find(buf, 'The previous channel team was lazy')
  H.eq(crit.lnum, row, 'criticism line')
  local line = vim.api.nvim_buf_get_lines(buf, row, row + 1, false)[1]
  local flagged = line:sub(crit.col + 1, crit.end_lnum == row and crit.end_col or #line)
  H.ok(flagged:find('lazy', 1, true), 'criticism range covers "lazy": ' .. flagged)
  -- activity-volume sits on the activity count.
  local act = by_code(diags, 'activity-volume')[1]
  H.eq(act.lnum, (find(buf, '40 meetings')), 'activity-volume line')
end)

H.test('an edit updates the diagnostics', function()
  local buf = open('answers/partner-incentives.md')
  diagnostics(buf)
  local row = find(buf, 'The previous channel team was lazy')
  vim.api.nvim_buf_set_lines(buf, row, row + 1, false, { 'The channel programme had stalled for two quarters.' })
  H.wait_for('the criticism diagnostic to go', function()
    return #by_code(vim.diagnostic.get(buf), 'criticism') == 0 and #vim.diagnostic.get(buf) > 0
  end)
  vim.cmd('silent! edit!')
end)

H.test('changed settings reach the server live: a rule turned off loses its diagnostic', function()
  local buf = open('answers/partner-incentives.md')
  H.wait_for('the criticism diagnostic', function()
    return by_code(vim.diagnostic.get(buf), 'criticism')[1]
  end)
  local client = client_of(buf)
  local before = vim.deepcopy(client.settings)
  -- What a user does after changing `settings`: the server then pulls workspace/configuration,
  -- which Neovim answers from client.settings.
  client.settings = vim.tbl_deep_extend('force', client.settings, { interviewCoach = { rules = { criticism = 'off' } } })
  client:notify('workspace/didChangeConfiguration', { settings = client.settings })
  H.wait_for('the criticism diagnostic to go', function()
    local d = vim.diagnostic.get(buf)
    return #d > 0 and #by_code(d, 'criticism') == 0
  end)
  client.settings = before
  client:notify('workspace/didChangeConfiguration', { settings = client.settings })
  H.wait_for('the criticism diagnostic to come back', function()
    return by_code(vim.diagnostic.get(buf), 'criticism')[1]
  end)
end)

H.test('hover on a concept explains it', function()
  local buf = open('answers/partner-incentives.md')
  local row, col = find(buf, 'incentive alignment')
  local result = request_at(buf, 'textDocument/hover', row, col + 2)
  local text = type(result.contents) == 'table' and (result.contents.value or vim.inspect(result.contents)) or tostring(result.contents)
  H.ok(text:find('**Incentive alignment**', 1, true), 'hover names the concept: ' .. text)
  H.ok(text:find('Partnerships concept', 1, true), 'hover names the category: ' .. text)
  H.ok(text:find('Q3 · How do you structure partner incentives?', 1, true), 'hover lists the question: ' .. text)
end)

H.test('completion offers the category concepts', function()
  local buf = open('answers/partner-incentives.md')
  local last = vim.api.nvim_buf_line_count(buf)
  vim.api.nvim_buf_set_lines(buf, last, last, false, { '', 'co' })
  local result = request_at(buf, 'textDocument/completion', last + 1, 2)
  local items = result.items or result
  local labels = vim.tbl_map(function(i)
    return i.label:lower()
  end, items)
  H.ok(
    vim.iter(labels):any(function(l)
      return l:find('co-sell', 1, true)
    end),
    'no co-sell completion among ' .. vim.inspect(labels)
  )
  vim.cmd('silent! edit!')
end)

H.test('go to definition on the question heading lands on the example answers in the guide', function()
  local buf = open('answers/partner-incentives.md')
  local row, col = find(buf, 'How do you structure partner incentives?')
  vim.api.nvim_win_set_cursor(0, { row + 1, col + 4 })
  -- The server answers with the question's line and its example answers; more than one location
  -- goes to a list in Neovim, so take the list and jump to the first example answer.
  local items
  vim.lsp.buf.definition({
    on_list = function(t)
      items = t.items
    end,
  })
  items = H.wait_for('definition locations', function()
    return items
  end)
  local guide_file = items[1].filename
  H.ok(guide_file:match('partnerships%.md$'), 'guide file: ' .. guide_file)
  local guide = vim.fn.readfile(guide_file)
  local function section_of(lnum)
    for i = lnum, 1, -1 do
      if guide[i]:match('^## ') then
        return guide[i]
      end
    end
  end
  H.eq(section_of(items[1].lnum), '## Common Interview Questions', 'first location: the question')
  H.ok(guide[items[1].lnum]:find('How do you structure partner incentives?', 1, true), guide[items[1].lnum])
  local example = vim.iter(items):find(function(it)
    return section_of(it.lnum) == '## Example Answers'
  end)
  H.ok(example, 'no location in Example Answers among ' .. vim.inspect(items))
  vim.cmd.edit(vim.fn.fnameescape(example.filename))
  vim.api.nvim_win_set_cursor(0, { example.lnum, example.col - 1 })
  H.ok(vim.api.nvim_get_current_line():match('^%- '), 'an example answer bullet: ' .. vim.api.nvim_get_current_line())
  vim.cmd.buffer(buf)
end)

H.test('a code action applied inserts the missing Outcome section', function()
  local buf = open('answers/partner-incentives.md')
  local diags = diagnostics(buf)
  local outcome = vim.iter(by_code(diags, 'structure')):find(function(d)
    return d.message:lower():find('outcome', 1, true)
  end)
  H.ok(outcome, 'no structure diagnostic about the outcome')
  local before = vim.api.nvim_buf_line_count(buf)
  vim.api.nvim_win_set_cursor(0, { outcome.lnum + 1, outcome.col })
  vim.lsp.buf.code_action({
    apply = true,
    filter = function(action)
      return action.title:lower():find('outcome', 1, true) ~= nil
    end,
  })
  H.wait_for('the Outcome section in the buffer', function()
    return vim.iter(vim.api.nvim_buf_get_lines(buf, 0, -1, false)):any(function(l)
      return l:match('^#+%s*Outcome')
    end)
  end)
  H.ok(vim.api.nvim_buf_line_count(buf) > before, 'the buffer grew')
  -- The Outcome section goes after the Action section, which ends the draft.
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local action, outcome_at
  for i, l in ipairs(lines) do
    if l == '## Action' then
      action = i
    elseif l:match('^## Outcome') then
      outcome_at = i
    end
  end
  H.ok(action and outcome_at and outcome_at > action, 'Outcome after Action: ' .. table.concat(lines, '\n'))
  -- The inserted heading holds only a placeholder, so the outcome is still missing until prose
  -- replaces it.
  table.insert(lines, 'Partner-sourced pipeline grew from 12% to 31% of new bookings in two quarters.')
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  H.wait_for('the outcome diagnostic to go once the Outcome section has prose', function()
    return not vim.iter(by_code(vim.diagnostic.get(buf), 'structure')):any(function(d)
      return d.message:lower():find('no outcome', 1, true) ~= nil
    end) or nil
  end)
  vim.cmd('silent! edit!')
end)

H.test('an unlinked draft gets the link hint and its front-matter action', function()
  local buf = open('answers/unlinked.md')
  local link = H.wait_for('a link diagnostic', function()
    return by_code(vim.diagnostic.get(buf), 'link')[1]
  end)
  H.eq(link.lnum, 0, 'link diagnostic on line 1')
  vim.api.nvim_win_set_cursor(0, { 1, 0 })
  vim.lsp.buf.code_action({
    apply = true,
    filter = function(action)
      return action.title:find('^Link to question 3') ~= nil
    end,
  })
  H.wait_for('front matter at the top', function()
    return vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1] == '---'
  end)
  local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  H.ok(text:find('category:', 1, true), text)
  vim.cmd('silent! edit!')
end)

H.test(':InterviewCoach score prints the rubric score', function()
  local buf = open('answers/partner-incentives.md')
  diagnostics(buf)
  local seen
  local orig = vim.notify
  vim.notify = function(msg)
    seen = msg
  end
  vim.cmd('InterviewCoach score')
  H.wait_for('the score message', function()
    return seen
  end)
  vim.notify = orig
  H.ok(seen:match('^Interview Coach: Rubric %d+/%d+ · %d+ words · ~%d+:%d%d$'), seen)
end)

H.test(':InterviewCoach examples jumps to the example answers', function()
  local buf = open('answers/partner-incentives.md')
  vim.cmd('InterviewCoach examples')
  local guide = H.wait_for('the guide buffer', function()
    local b = vim.api.nvim_get_current_buf()
    return b ~= buf and b or nil
  end)
  H.ok(vim.api.nvim_buf_get_name(guide):match('partnerships%.md$'), vim.api.nvim_buf_get_name(guide))
  local line = vim.api.nvim_get_current_line()
  H.ok(line == '## Example Answers' or line:match('^%- '), 'cursor line: ' .. line)
  vim.cmd.buffer(buf)
end)

H.test(':InterviewCoach new writes a draft for the picked question', function()
  open('answers/partner-incentives.md')
  local orig = vim.ui.select
  local offered
  vim.ui.select = function(items, opts, on_choice)
    offered = vim.tbl_map(opts.format_item, items)
    for _, q in ipairs(items) do
      if q.text == 'How do you evaluate partner ROI?' then
        return on_choice(q)
      end
    end
    on_choice(items[1])
  end
  vim.cmd('InterviewCoach new')
  local buf = H.wait_for('the new draft', function()
    local name = vim.api.nvim_buf_get_name(0)
    return name:find(workspace .. '/answers/', 1, true) and not name:match('partner%-incentives%.md$') and vim.api.nvim_get_current_buf()
  end)
  vim.ui.select = orig
  H.ok(#offered >= 10, 'questions offered: ' .. #offered)
  H.ok(vim.uv.fs_stat(vim.api.nvim_buf_get_name(buf)), 'the draft was written to disk')
  local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  H.ok(text:find('partner ROI', 1, true), 'draft heading names the question: ' .. text)
end)

H.test(':InterviewCoach guide opens the category guide', function()
  local buf = open('answers/partner-incentives.md')
  vim.cmd('InterviewCoach guide partnerships')
  local guide = H.wait_for('the guide buffer', function()
    local b = vim.api.nvim_get_current_buf()
    return b ~= buf and b or nil
  end)
  H.ok(vim.api.nvim_buf_get_name(guide):match('partnerships%.md$'), vim.api.nvim_buf_get_name(guide))
  H.eq(vim.api.nvim_buf_get_lines(guide, 0, 1, false)[1], '# Partnerships', 'first line')
  vim.cmd.buffer(buf)
end)

H.test(':checkhealth interview_coach reports the binary and the attached client', function()
  open('answers/partner-incentives.md')
  vim.cmd('checkhealth interview_coach')
  local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  H.ok(not text:find('ERROR', 1, true), text)
  H.ok(text:find('OK binary: ' .. server .. ' (interview-coach ', 1, true), text)
  H.ok(text:find('OK client %d+ %(.-%), root ' .. vim.pesc(workspace) .. ', attached to'), text)
  H.ok(text:find('partner-incentives.md', 1, true), text)
end)

H.run('neovim lsp')
