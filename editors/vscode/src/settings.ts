// Maps the `interviewCoach` configuration section as VS Code stores it onto the settings object the
// server reads (docs/protocol.md). Free of the `vscode` import so that it runs under `node --test`.

/** A severity the server accepts for a rule, or `off`. */
export type RuleLevel = 'off' | 'hint' | 'information' | 'warning' | 'error';

/** The settings object of the `interviewCoach` section, as the server reads it. */
export interface ServerSettings {
  rules: Record<string, RuleLevel>;
  wordBudget?: number;
  wordsPerMinute?: number;
  categoriesPath?: string;
}

/** One rubric rule: its public id, default level and what it flags. */
export interface RuleInfo {
  id: string;
  defaultLevel: RuleLevel;
  summary: string;
}

/** The rule catalogue, in the server's order. Ids are the public contract. */
export const RULES: readonly RuleInfo[] = [
  { id: 'structure', defaultLevel: 'information', summary: 'A part of context, action, outcome or learning is missing.' },
  { id: 'metrics', defaultLevel: 'warning', summary: 'No quantified impact anywhere in the answer.' },
  { id: 'activity-volume', defaultLevel: 'warning', summary: 'Activity counts presented without a business outcome.' },
  { id: 'criticism', defaultLevel: 'warning', summary: 'Blaming or disparaging past teams, managers, partners or customers.' },
  { id: 'cross-functional', defaultLevel: 'warning', summary: 'No alignment with marketing, product or customer success.' },
  { id: 'clarifying-questions', defaultLevel: 'warning', summary: 'A scenario answer that proposes actions without clarifying questions first.' },
  { id: 'buyer-empathy', defaultLevel: 'information', summary: "No sign of the end customer's or buyer's needs, only tactics." },
  { id: 'role-stage', defaultLevel: 'information', summary: "The answer never ties itself to the role or the company's stage." },
  { id: 'too-long', defaultLevel: 'information', summary: 'Over the spoken-answer word budget.' },
  { id: 'concepts', defaultLevel: 'information', summary: 'Expected talking points of the question that the draft does not touch.' },
  { id: 'hedging', defaultLevel: 'hint', summary: 'Hedges that undercut the answer (I think, maybe, sort of).' },
  { id: 'ownership', defaultLevel: 'hint', summary: '"We" where the interviewer needs to hear what you did.' },
  { id: 'link', defaultLevel: 'information', summary: 'The draft is not linked to a question.' },
];

const LEVELS: ReadonlySet<string> = new Set(['off', 'hint', 'information', 'warning', 'error']);
const ALIASES: Readonly<Record<string, RuleLevel>> = { info: 'information', warn: 'warning' };

/** Inclusive bounds the server enforces; values outside are left out so the server default holds. */
export const WORD_BUDGET_RANGE = [50, 5000] as const;
export const WORDS_PER_MINUTE_RANGE = [60, 400] as const;

/** Lower-cased level for a raw value, or `undefined` for `default`, empty or unknown values. */
export function ruleLevel(value: unknown): RuleLevel | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (LEVELS.has(v)) return v as RuleLevel;
  return ALIASES[v];
}

function integerIn(value: unknown, [lo, hi]: readonly [number, number]): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= lo && value <= hi ? value : undefined;
}

/**
 * The server settings for a raw `interviewCoach` section. Rules left at `default` are omitted, so
 * the server's defaults and `.interview-coach.toml` decide them; extension-only keys (`server`,
 * `trace`) never reach the server. `rules` may be written as one object or as dotted keys; both
 * arrive here as a nested object.
 */
export function toServerSettings(section: unknown): ServerSettings {
  const raw = (section && typeof section === 'object' ? section : {}) as Record<string, unknown>;
  const out: ServerSettings = { rules: {} };
  const rules = raw.rules && typeof raw.rules === 'object' ? (raw.rules as Record<string, unknown>) : {};
  for (const [id, value] of Object.entries(rules)) {
    const level = ruleLevel(value);
    if (level) out.rules[id] = level;
  }
  const wordBudget = integerIn(raw.wordBudget, WORD_BUDGET_RANGE);
  if (wordBudget !== undefined) out.wordBudget = wordBudget;
  const wpm = integerIn(raw.wordsPerMinute, WORDS_PER_MINUTE_RANGE);
  if (wpm !== undefined) out.wordsPerMinute = wpm;
  if (typeof raw.categoriesPath === 'string' && raw.categoriesPath.trim() !== '') {
    out.categoriesPath = raw.categoriesPath.trim();
  }
  return out;
}

/** Settings values the user wrote that the server would reject, one readable line each. */
export function settingsProblems(section: unknown): string[] {
  const raw = (section && typeof section === 'object' ? section : {}) as Record<string, unknown>;
  const problems: string[] = [];
  const known = new Set(RULES.map((r) => r.id));
  const rules = raw.rules && typeof raw.rules === 'object' ? (raw.rules as Record<string, unknown>) : {};
  for (const [id, value] of Object.entries(rules)) {
    if (!known.has(id)) problems.push(`interviewCoach.rules.${id}: unknown rule`);
    else if (value !== 'default' && value !== undefined && value !== null && !ruleLevel(value)) {
      problems.push(`interviewCoach.rules.${id}: "${String(value)}" is not off, hint, information, warning or error`);
    }
  }
  if (raw.wordBudget !== undefined && raw.wordBudget !== null && integerIn(raw.wordBudget, WORD_BUDGET_RANGE) === undefined) {
    problems.push(`interviewCoach.wordBudget: expected a whole number from ${WORD_BUDGET_RANGE[0]} to ${WORD_BUDGET_RANGE[1]}`);
  }
  if (raw.wordsPerMinute !== undefined && raw.wordsPerMinute !== null && integerIn(raw.wordsPerMinute, WORDS_PER_MINUTE_RANGE) === undefined) {
    problems.push(`interviewCoach.wordsPerMinute: expected a whole number from ${WORDS_PER_MINUTE_RANGE[0]} to ${WORDS_PER_MINUTE_RANGE[1]}`);
  }
  return problems;
}
