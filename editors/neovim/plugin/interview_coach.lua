-- :InterviewCoach new|guide|examples|score|bank  (see `:help interview_coach-commands`)
if vim.g.loaded_interview_coach then
  return
end
vim.g.loaded_interview_coach = true

local subcommands = { 'new', 'guide', 'examples', 'score', 'bank' }

vim.api.nvim_create_user_command('InterviewCoach', function(opts)
  local sub = opts.fargs[1]
  local coach = require('interview_coach')
  if sub == 'new' then
    coach.new_draft(opts.fargs[2])
  elseif sub == 'guide' then
    coach.open_guide(opts.fargs[2])
  elseif sub == 'examples' then
    coach.open_examples()
  elseif sub == 'score' then
    coach.show_score()
  elseif sub == 'bank' then
    coach.bank(opts.fargs[2])
  else
    vim.notify(
      ('InterviewCoach: unknown subcommand %q; expected one of: %s'):format(
        tostring(sub or ''),
        table.concat(subcommands, ', ')
      ),
      vim.log.levels.ERROR
    )
  end
end, {
  nargs = '+',
  desc = 'Interview Coach: new draft, category guide, example answers, score, answer bank',
  complete = function(arglead, cmdline)
    local words = vim.split(vim.trim(cmdline), '%s+')
    if #words > 2 or (#words == 2 and cmdline:match('%s$')) then
      return {}
    end
    return vim.tbl_filter(function(s)
      return vim.startswith(s, arglead)
    end, subcommands)
  end,
})
