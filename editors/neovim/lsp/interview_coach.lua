-- interview-coach language server: rubric feedback on interview answer drafts in Markdown.
-- Enable it with `vim.lsp.enable('interview_coach')`; change anything with
-- `vim.lsp.config('interview_coach', { ... })` (see `:help interview_coach`).

---@type vim.lsp.Config
return {
  cmd = { 'interview-coach', 'lsp' },
  filetypes = { 'markdown' },
  root_markers = { '.interview-coach.toml', '.git' },
  -- Section `interviewCoach` (docs/protocol.md); empty means the server's defaults.
  settings = {
    interviewCoach = vim.empty_dict(),
  },
}
