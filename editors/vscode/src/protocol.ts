// The server's commands and result shapes (docs/protocol.md) and the pure helpers the extension
// builds on them. Free of the `vscode` import so that it runs under `node --test`.

/** Server command ids (`workspace/executeCommand`). */
export const Commands = {
  questions: 'interviewCoach.questions',
  newDraft: 'interviewCoach.newDraft',
  score: 'interviewCoach.score',
  openGuide: 'interviewCoach.openGuide',
  openExamples: 'interviewCoach.openExamples',
  bank: 'interviewCoach.bank',
} as const;

/** One entry of `interviewCoach.questions`. */
export interface Question {
  id: string;
  category: string;
  categoryTitle: string;
  number: number;
  text: string;
  kind: 'process' | 'behavioural' | 'scenario' | string;
}

/** Result of `interviewCoach.newDraft`. */
export interface NewDraft {
  text: string;
  fileName: string;
}

/** Result of `interviewCoach.score`. */
export interface Score {
  points: number;
  max: number;
  words: number;
  seconds: number;
  /** The linked question or scenario id (`partnerships/q3`), or null when the draft names none. */
  target: string | null;
}

/** A quick-pick row: a separator per category, then its questions. */
export type PickRow =
  | { kind: 'separator'; label: string }
  | { kind: 'question'; label: string; description: string; id: string };

/** Quick-pick rows for the questions list, grouped by category in the server's order. */
export function questionRows(questions: readonly Question[]): PickRow[] {
  const rows: PickRow[] = [];
  let current: string | undefined;
  for (const q of questions) {
    if (q.category !== current) {
      current = q.category;
      rows.push({ kind: 'separator', label: q.categoryTitle || q.category });
    }
    const prefix = q.kind === 'scenario' ? `Scenario ${q.number}` : `${q.number}.`;
    rows.push({ kind: 'question', label: `${prefix} ${q.text}`, description: q.kind, id: q.id });
  }
  return rows;
}

/** The distinct categories of a questions list, as `[id, title]`, in order. */
export function categories(questions: readonly Question[]): Array<[string, string]> {
  const seen = new Map<string, string>();
  for (const q of questions) if (!seen.has(q.category)) seen.set(q.category, q.categoryTitle || q.category);
  return [...seen.entries()];
}

/**
 * A file name that is not taken: `name.md`, then `name-2.md`, `name-3.md`, ... Only the base name
 * of the server's suggestion is used, so a draft never lands outside the answers folder.
 */
export function freeFileName(suggested: string, taken: (name: string) => boolean): string {
  const base = suggested.split(/[\\/]/).pop() || 'answer.md';
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const ext = dot > 0 ? base.slice(dot) : '.md';
  let name = `${stem}${ext}`;
  for (let n = 2; taken(name); n++) name = `${stem}-${n}${ext}`;
  return name;
}

/** `m:ss` for a number of seconds. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Status bar text and tooltip for a score, or `undefined` when there is none. */
export function scoreLabel(score: Score | null | undefined): { text: string; tooltip: string } | undefined {
  if (!score || typeof score.points !== 'number' || typeof score.max !== 'number') return undefined;
  const text = `Rubric ${score.points}/${score.max} · ${score.words} words · ~${clock(score.seconds)}`;
  const answering = score.target ? ` for ${score.target}` : ' (not linked to a question)';
  const tooltip = `Interview Coach: rubric ${score.points} of ${score.max}${answering}; ${score.words} words, ` +
    `about ${clock(score.seconds)} spoken. Click for the problems.`;
  return { text, tooltip };
}
