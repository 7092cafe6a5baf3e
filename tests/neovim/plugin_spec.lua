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
  H.eq(vim.fn.getcompletion('InterviewCoach ', 'cmdline'), { 'new', 'guide', 'examples', 'score', 'bank' }, 'completion')
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
  for _, tag in ipairs({ 'interview_coach', ':InterviewCoach', 'interview_coach-settings', 'interview_coach-health', 'interview_coach-bank' }) do
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

H.test('bank rows: a heading per category, one row per item, <CR> actions by line', function()
  local bank = require('interview_coach.bank')
  local lines, actions = bank.lines({
    categories = {
      {
        id = 'partnerships',
        title = 'Partnerships',
        drafted = 2,
        total = 12,
        mean_score_percent = 61,
        items = {
          {
            id = 'partnerships/q1',
            kind = 'question',
            title = 'How do you identify good strategic partners?',
            best = 1,
            drafts = {
              { path = 'answers/q1-first-try.md', uri = 'file:///ws/answers/q1-first-try.md', score = 2, max = 9 },
              { path = 'answers/q1-partner-selection.md', uri = 'file:///ws/answers/q1-partner-selection.md', score = 8, max = 9 },
            },
          },
          { id = 'partnerships/q2', kind = 'question', title = 'What criteria determine partnership viability?', best = vim.NIL, drafts = {} },
          {
            id = 'partnerships/scenario-1',
            kind = 'scenario',
            title = 'Your technology alliance partner offers a compliance bundle that lifts win rate by twelve points.',
            best = 0,
            drafts = { { path = 'answers/s1.md', score = 8, max = 8 } },
          },
        },
        practise_next = { { id = 'partnerships/q2', reason = 'not drafted yet' }, { id = 'concepts', reason = 'fails on 2 of 2' } },
      },
    },
    unlinked = { { path = 'answers/notes.md', uri = 'file:///ws/answers/notes.md', fix = 'add front matter' } },
  }, '/ws')
  H.eq(lines, {
    'Answer bank · <CR> open the best draft or start one · r refresh · q close',
    '',
    'Partnerships · drafted 2 of 12 · mean 61%',
    '  q1          How do you identify good strategic partners?      8/9          /ws/answers/q1-partner-selection.md (+1 more)',
    '  q2          What criteria determine partnership viability?    not drafted',
    '  scenario-1  Your technology alliance partner offers a compl…  8/8          /ws/answers/s1.md',
    '  Practise next',
    '  1. q2: not drafted yet',
    '  2. concepts: fails on 2 of 2',
    '',
    'Not linked to a question',
    '  /ws/answers/notes.md: add front matter',
  })
  -- `best` is the server's index (0-based): the second draft here.
  H.eq(actions[4], { open = '/ws/answers/q1-partner-selection.md' }, 'q1 opens its best draft')
  H.eq(actions[5], { new = 'partnerships/q2' }, 'q2 starts a new draft')
  H.eq(actions[6], { open = '/ws/answers/s1.md' }, 'a relative path is taken from the root')
  H.eq(actions[8], { new = 'partnerships/q2' }, 'a practise-next line acts on its question')
  H.eq(actions[9], nil, 'a failing rule has no draft to open')
  H.eq(actions[12], { open = '/ws/answers/notes.md' }, 'an unlinked draft opens')
  H.eq(actions[3], nil, 'headings do nothing')
  local empty = bank.lines({ categories = {}, unlinked = {} })
  H.ok(empty[3]:find(':InterviewCoach new', 1, true), vim.inspect(empty))
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
