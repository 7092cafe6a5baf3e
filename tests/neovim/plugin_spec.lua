-- The plugin without a server: it loads, its command, help, helpers and health check behave.
local H = dofile(vim.fs.joinpath(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)), 'harness.lua'))
H.load_plugin()

H.test('lsp/interview_coach.lua is found by vim.lsp.config', function()
  local config = vim.lsp.config.interview_coach
  H.ok(config, 'vim.lsp.config.interview_coach is nil')
  H.eq(config.cmd, { 'interview-coach', 'lsp' }, 'cmd')
  H.eq(config.filetypes, { 'markdown' }, 'filetypes')
  H.eq(config.root_markers, { '.interview-coach.toml', '.git' }, 'root_markers')
  H.eq(vim.json.encode(config.settings), '{"interviewCoach":{}}', 'settings encode as an object')
end)

H.test(':InterviewCoach exists and completes its subcommands', function()
  H.eq(vim.fn.exists(':InterviewCoach'), 2, ':InterviewCoach')
  H.eq(vim.fn.getcompletion('InterviewCoach ', 'cmdline'), { 'new', 'guide', 'examples', 'score' }, 'completion')
  H.eq(vim.fn.getcompletion('InterviewCoach ex', 'cmdline'), { 'examples' }, 'prefix completion')
end)

H.test('an unknown subcommand is an error message, not a Lua error', function()
  local messages = {}
  local orig = vim.notify
  vim.notify = function(msg, level)
    table.insert(messages, { msg, level })
  end
  vim.cmd('InterviewCoach frobnicate')
  vim.notify = orig
  H.eq(#messages, 1, 'one message')
  H.ok(messages[1][1]:match('unknown subcommand "frobnicate"'), messages[1][1])
  H.eq(messages[1][2], vim.log.levels.ERROR, 'level')
end)

H.test('the help file has tags that :helptags accepts', function()
  local doc = vim.fn.tempname()
  vim.fn.mkdir(doc, 'p')
  vim.fn.writefile(vim.fn.readfile(H.root .. '/editors/neovim/doc/interview_coach.txt'), doc .. '/interview_coach.txt')
  vim.cmd.helptags(vim.fn.fnameescape(doc))
  local tags = table.concat(vim.fn.readfile(doc .. '/tags'), '\n')
  for _, tag in ipairs({ 'interview_coach', ':InterviewCoach', 'interview_coach-settings', 'interview_coach-health' }) do
    H.ok(tags:find(tag .. '\t', 1, true), 'missing tag ' .. tag)
  end
end)

H.test('free_path never overwrites and keeps only the base name', function()
  local coach = require('interview_coach')
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, 'p')
  H.eq(coach.free_path(dir, 'roi.md'), dir .. '/roi.md')
  vim.fn.writefile({}, dir .. '/roi.md')
  vim.fn.writefile({}, dir .. '/roi-2.md')
  H.eq(coach.free_path(dir, 'roi.md'), dir .. '/roi-3.md')
  H.eq(coach.free_path(dir, '../../etc/passwd'), dir .. '/passwd.md')
  H.eq(coach.free_path(dir, ''), dir .. '/answer.md')
end)

H.test('score lines', function()
  local coach = require('interview_coach')
  H.eq(coach.format_score({ points = 7, max = 10, words = 212, seconds = 85, target = 300 }), 'Rubric 7/10 · 212 words · ~1:25')
  H.eq(coach.format_score(vim.NIL), nil)
  H.eq(coach.clock(59.6), '1:00')
end)

H.test(':checkhealth reports a missing binary as an error with advice', function()
  vim.lsp.config('interview_coach', { cmd = { 'interview-coach-does-not-exist', 'lsp' } })
  vim.cmd('checkhealth interview_coach')
  local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  H.ok(text:find('ERROR `interview-coach-does-not-exist` not found', 1, true), text)
  H.ok(text:find('cargo install', 1, true), text)
  H.ok(text:find('OK Neovim', 1, true), text)
end)

H.run('neovim plugin')
