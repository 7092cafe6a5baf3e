// The answer bank (`interviewCoach.bank`, the JSON of `interview-coach bank --format json` with a
// `uri` per draft) and the rows of the Answer Bank tree built from it. Free of the `vscode` import
// so that it runs under `node --test`. Every number shown comes from the server as it is: no
// scoring happens here, only labels.

import { clock } from './protocol';

/** One draft of a bank item. */
export interface BankDraft {
  path: string;
  /** The draft's file URI (the language server adds it to the CLI's JSON). */
  uri?: string;
  score: number;
  max: number;
  words: number;
  seconds: number;
  rules: Array<{ rule: string; count: number }>;
}

/** A question or scenario with its drafts, best first. */
export interface BankItem {
  id: string;
  kind: 'question' | 'scenario' | string;
  title: string;
  drafts: BankDraft[];
  /** Index into `drafts` of the draft that counts, or null when there is none. */
  best: number | null;
  missed_talking_points?: string[];
}

/** One category of the bank. */
export interface BankCategory {
  id: string;
  title: string;
  drafted: number;
  total: number;
  mean_score_percent?: number | null;
  total_seconds?: number;
  items: BankItem[];
  uncovered_concepts?: string[];
  practise_next: Array<{ id: string; reason: string }>;
}

/** The result of `interviewCoach.bank`. */
export interface Bank {
  categories: BankCategory[];
  unlinked: Array<{ path: string; uri?: string; fix: string }>;
}

/** What a click on a row does: open a draft, or start a new draft for a question. */
export type BankAction =
  | { kind: 'open'; uri?: string; path: string }
  | { kind: 'new'; questionId: string };

/** A row of the Answer Bank tree. */
export interface BankRow {
  /** Stable across refreshes: the category id, the item id, or `unlinked:<path>`. */
  key: string;
  kind: 'category' | 'item' | 'unlinked-group' | 'unlinked';
  label: string;
  description: string;
  tooltip: string;
  /** A codicon id. */
  icon: string;
  action?: BankAction;
  children?: BankRow[];
}

/** `1.` for `partnerships/q1`, `Scenario 2` for `partnerships/scenario-2`, else the id's last part. */
export function itemNumber(id: string): string {
  const last = id.split('/').pop() ?? id;
  const q = /^q(\d+)$/.exec(last);
  if (q) return `${q[1]}.`;
  const s = /^scenario-(\d+)$/.exec(last);
  if (s) return `Scenario ${s[1]}`;
  return last;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function findings(draft: BankDraft): string {
  if (!draft.rules?.length) return 'no open findings';
  return draft.rules.map((r) => (r.count > 1 ? `${r.rule}×${r.count}` : r.rule)).join(', ');
}

/** The best draft of an item, if it has one. */
export function bestDraft(item: BankItem): BankDraft | undefined {
  return item.best === null || item.best === undefined ? undefined : item.drafts[item.best];
}

function itemRow(category: BankCategory, item: BankItem): BankRow {
  const best = bestDraft(item);
  const rank = category.practise_next.findIndex((p) => p.id === item.id);
  const lines = [`${item.id} · ${item.title}`];
  let description: string;
  let action: BankAction;
  if (best) {
    const status = item.drafts.length > 1 ? `${item.drafts.length} drafts` : 'drafted';
    description = `${status} · ${best.score}/${best.max}`;
    lines.push(
      `Best draft: ${best.path}`,
      `Rubric ${best.score}/${best.max} · ${best.words} words · ~${clock(best.seconds)}`,
      `Open findings: ${findings(best)}`,
    );
    if (item.drafts.length > 1) {
      lines.push(`Other drafts: ${item.drafts.filter((d) => d !== best).map((d) => `${d.path} (${d.score}/${d.max})`).join(', ')}`);
    }
    const missed = item.missed_talking_points?.length ?? 0;
    if (missed > 0) lines.push(`Misses ${plural(missed, 'talking point')}`);
    action = { kind: 'open', uri: best.uri, path: best.path };
  } else {
    description = 'not drafted';
    action = { kind: 'new', questionId: item.id };
  }
  if (rank >= 0) {
    description += ' · practise next';
    lines.push(`Practise next (${rank + 1} of ${category.practise_next.length}): ${category.practise_next[rank].reason}`);
  }
  lines.push(best ? 'Click to open the best draft.' : 'Click to start a new draft for it.');
  return {
    key: item.id,
    kind: 'item',
    label: `${itemNumber(item.id)} ${item.title}`,
    description,
    tooltip: lines.join('\n'),
    icon: best ? (rank >= 0 ? 'target' : 'pass') : 'circle-large-outline',
    action,
  };
}

function categoryRow(category: BankCategory): BankRow {
  const parts = [`drafted ${category.drafted} of ${category.total}`];
  if (typeof category.mean_score_percent === 'number') parts.push(`mean ${category.mean_score_percent}%`);
  const lines = [`${category.title}: ${parts.join(' · ')}`];
  if (typeof category.total_seconds === 'number') lines.push(`Speaking time of the best drafts: ${clock(category.total_seconds)}`);
  if (category.practise_next.length) {
    lines.push('Practise next:');
    category.practise_next.forEach((p, i) => lines.push(`${i + 1}. ${p.id.split('/').pop()}: ${p.reason}`));
  }
  return {
    key: category.id,
    kind: 'category',
    label: category.title || category.id,
    description: parts.join(' · '),
    tooltip: lines.join('\n'),
    icon: 'book',
    children: category.items.map((item) => itemRow(category, item)),
  };
}

/** The tree: one row per category with its items, then the drafts linked to no question. */
export function bankRows(bank: Bank | null | undefined): BankRow[] {
  if (!bank || !Array.isArray(bank.categories)) return [];
  const rows = bank.categories.map(categoryRow);
  const unlinked = Array.isArray(bank.unlinked) ? bank.unlinked : [];
  if (unlinked.length) {
    rows.push({
      key: 'unlinked',
      kind: 'unlinked-group',
      label: 'Not linked to a question',
      description: plural(unlinked.length, 'draft'),
      tooltip: 'Drafts that name no question or scenario: add front matter or use the quick fix.',
      icon: 'warning',
      children: unlinked.map((u) => ({
        key: `unlinked:${u.path}`,
        kind: 'unlinked',
        label: u.path.split(/[\\/]/).pop() || u.path,
        description: 'not linked',
        tooltip: `${u.path}\n${u.fix}`,
        icon: 'question',
        action: { kind: 'open', uri: u.uri, path: u.path },
      })),
    });
  }
  return rows;
}
