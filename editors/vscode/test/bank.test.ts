import assert from 'node:assert/strict';
import { test } from 'node:test';

import { type Bank, type BankDraft, bankRows, itemNumber } from '../src/bank';

const draft = (name: string, score: number, rules: BankDraft['rules'] = []): BankDraft => ({
  path: `answers/${name}`,
  uri: `file:///ws/answers/${name}`,
  score,
  max: 9,
  words: 112,
  seconds: 45,
  rules,
});

// The shape of `interview-coach bank --format json` on tests/fixtures/bank, trimmed, with the
// `uri` the language server adds.
const bank: Bank = {
  categories: [
    {
      id: 'partnerships',
      title: 'Partnerships',
      drafted: 3,
      total: 12,
      mean_score_percent: 67,
      total_seconds: 119,
      items: [
        {
          id: 'partnerships/q1',
          kind: 'question',
          title: 'How do you identify good strategic partners?',
          drafts: [draft('q1-partner-selection.md', 8, [{ rule: 'concepts', count: 1 }]), draft('q1-first-try.md', 2, [{ rule: 'structure', count: 2 }])],
          best: 0,
          missed_talking_points: ['Start from your ideal customer profile.', 'Test execution capability.'],
        },
        { id: 'partnerships/q2', kind: 'question', title: 'What criteria determine partnership viability?', drafts: [], best: null },
        {
          id: 'partnerships/q7',
          kind: 'question',
          title: 'How do you avoid low-commitment partnerships?',
          drafts: [draft('q7-commitment.md', 3, [{ rule: 'structure', count: 4 }, { rule: 'metrics', count: 1 }])],
          best: 0,
          missed_talking_points: [],
        },
        {
          id: 'partnerships/scenario-1',
          kind: 'scenario',
          title: 'Your technology alliance partner offers a bundle.',
          drafts: [{ ...draft('scenario-1-compliance-bundle.md', 8), max: 8 }],
          best: 0,
        },
      ],
      practise_next: [
        { id: 'partnerships/q7', reason: 'lowest score 3/9: structure, metrics' },
        { id: 'partnerships/q2', reason: 'not drafted yet' },
        { id: 'concepts', reason: 'fails on 3 of 4 drafted answers' },
      ],
    },
  ],
  unlinked: [{ path: 'answers/notes.md', uri: 'file:///ws/answers/notes.md', fix: 'quick fix: Link to question 1' }],
};

test('bank rows: a category with its items in the server order, then the unlinked drafts', () => {
  const rows = bankRows(bank);
  assert.deepEqual(rows.map((r) => [r.kind, r.label, r.description]), [
    ['category', 'Partnerships', 'drafted 3 of 12 · mean 67%'],
    ['unlinked-group', 'Not linked to a question', '1 draft'],
  ]);
  const items = rows[0].children ?? [];
  assert.deepEqual(items.map((r) => [r.key, r.label, r.description, r.icon]), [
    ['partnerships/q1', '1. How do you identify good strategic partners?', '2 drafts · 8/9', 'pass'],
    ['partnerships/q2', '2. What criteria determine partnership viability?', 'not drafted · practise next', 'circle-large-outline'],
    ['partnerships/q7', '7. How do you avoid low-commitment partnerships?', 'drafted · 3/9 · practise next', 'target'],
    ['partnerships/scenario-1', 'Scenario 1 Your technology alliance partner offers a bundle.', 'drafted · 8/8', 'pass'],
  ]);
  assert.deepEqual(rows[1].children?.map((r) => [r.label, r.action]), [
    ['notes.md', { kind: 'open', uri: 'file:///ws/answers/notes.md', path: 'answers/notes.md' }],
  ]);
});

test('a click opens the best draft, or starts a new draft for an undrafted question', () => {
  const items = bankRows(bank)[0].children ?? [];
  assert.deepEqual(items[0].action, { kind: 'open', uri: 'file:///ws/answers/q1-partner-selection.md', path: 'answers/q1-partner-selection.md' });
  assert.deepEqual(items[1].action, { kind: 'new', questionId: 'partnerships/q2' });
  // `best` is an index chosen by the server, not necessarily the first draft.
  const second: Bank = structuredClone(bank);
  second.categories[0].items[0].best = 1;
  const first = (bankRows(second)[0].children ?? [])[0];
  assert.equal(first.description, '2 drafts · 2/9');
  assert.deepEqual(first.action, { kind: 'open', uri: 'file:///ws/answers/q1-first-try.md', path: 'answers/q1-first-try.md' });
});

test('tooltips carry the practise-next reason, the findings and the other drafts', () => {
  const [category] = bankRows(bank);
  const [q1, q2, q7] = category.children ?? [];
  assert.match(q7.tooltip, /^Practise next \(1 of 3\): lowest score 3\/9: structure, metrics$/m);
  assert.match(q7.tooltip, /^Open findings: structure×4, metrics$/m);
  assert.match(q2.tooltip, /^Practise next \(2 of 3\): not drafted yet$/m);
  assert.match(q2.tooltip, /start a new draft/);
  assert.match(q1.tooltip, /^Best draft: answers\/q1-partner-selection\.md$/m);
  assert.match(q1.tooltip, /^Rubric 8\/9 · 112 words · ~0:45$/m);
  assert.match(q1.tooltip, /^Other drafts: answers\/q1-first-try\.md \(2\/9\)$/m);
  assert.match(q1.tooltip, /^Misses 2 talking points$/m);
  assert.doesNotMatch(q1.tooltip, /Practise next/);
  // The category lists the whole practise-next list, rules included.
  assert.match(category.tooltip, /^1\. q7: lowest score 3\/9: structure, metrics$/m);
  assert.match(category.tooltip, /^3\. concepts: fails on 3 of 4 drafted answers$/m);
});

test('an empty or malformed bank gives no rows; no unlinked group without unlinked drafts', () => {
  assert.deepEqual(bankRows(null), []);
  assert.deepEqual(bankRows({} as Bank), []);
  assert.deepEqual(bankRows({ categories: [], unlinked: [] }), []);
  const noUnlinked = bankRows({ ...bank, unlinked: [] });
  assert.deepEqual(noUnlinked.map((r) => r.kind), ['category']);
  // Without a uri (an older server), the path is what the click opens.
  const { uri: _, ...noUri } = bank.categories[0].items[2].drafts[0];
  const old: Bank = structuredClone(bank);
  old.categories[0].items[2].drafts[0] = noUri;
  assert.deepEqual((bankRows(old)[0].children ?? [])[2].action, { kind: 'open', uri: undefined, path: 'answers/q7-commitment.md' });
});

test('item numbers from ids', () => {
  assert.equal(itemNumber('partnerships/q10'), '10.');
  assert.equal(itemNumber('sales/scenario-2'), 'Scenario 2');
  assert.equal(itemNumber('odd'), 'odd');
});
