import assert from 'node:assert/strict';
import { test } from 'node:test';

import { categories, clock, freeFileName, type Question, questionRows, scoreLabel } from '../src/protocol';

const questions: Question[] = [
  { id: 'partnerships/q1', category: 'partnerships', categoryTitle: 'Partnerships', number: 1, text: 'How do you identify good strategic partners?', kind: 'process' },
  { id: 'partnerships/q10', category: 'partnerships', categoryTitle: 'Partnerships', number: 10, text: 'Share a partnership that drove measurable growth.', kind: 'behavioural' },
  { id: 'partnerships/scenario-1', category: 'partnerships', categoryTitle: 'Partnerships', number: 1, text: 'A channel partnership failed.', kind: 'scenario' },
  { id: 'pricing/q1', category: 'pricing', categoryTitle: 'Pricing', number: 1, text: 'How do you price?', kind: 'process' },
];

test('question rows: one separator per category, scenarios labelled as such', () => {
  const rows = questionRows(questions);
  assert.deepEqual(rows.map((r) => r.label), [
    'Partnerships',
    '1. How do you identify good strategic partners?',
    '10. Share a partnership that drove measurable growth.',
    'Scenario 1 A channel partnership failed.',
    'Pricing',
    '1. How do you price?',
  ]);
  assert.deepEqual(rows.filter((r) => r.kind === 'question').map((r) => (r as { id: string }).id), questions.map((q) => q.id));
  assert.deepEqual(categories(questions), [['partnerships', 'Partnerships'], ['pricing', 'Pricing']]);
});

test('free file names never overwrite and never leave the folder', () => {
  const taken = new Set(['partner-roi.md', 'partner-roi-2.md']);
  assert.equal(freeFileName('partner-roi.md', (n) => taken.has(n)), 'partner-roi-3.md');
  assert.equal(freeFileName('new.md', (n) => taken.has(n)), 'new.md');
  assert.equal(freeFileName('../../etc/passwd', () => false), 'passwd.md');
  assert.equal(freeFileName('answers/x.md', () => false), 'x.md');
  assert.equal(freeFileName('', () => false), 'answer.md');
});

test('score label and clock', () => {
  assert.equal(clock(85), '1:25');
  assert.equal(clock(5), '0:05');
  assert.equal(clock(-3), '0:00');
  const label = scoreLabel({ points: 7, max: 10, words: 212, seconds: 85, target: 'partnerships/q3' });
  assert.equal(label?.text, 'Rubric 7/10 · 212 words · ~1:25');
  assert.match(label!.tooltip, /rubric 7 of 10 for partnerships\/q3; 212 words, about 1:25 spoken/);
  assert.match(scoreLabel({ points: 3, max: 10, words: 420, seconds: 168, target: null })!.tooltip, /not linked to a question/);
  assert.equal(scoreLabel(null), undefined);
  assert.equal(scoreLabel({} as never), undefined);
});
