import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

import { RULES, ruleLevel, toServerSettings } from '../src/settings';

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
const declared: Record<string, any> = pkg.contributes.configuration.properties;

test('VS Code defaults map to no rule overrides and the documented numbers', () => {
  const defaults: Record<string, unknown> = { rules: {} };
  for (const [key, schema] of Object.entries(declared)) {
    const rest = key.replace(/^interviewCoach\./, '');
    if (rest.startsWith('rules.')) (defaults.rules as Record<string, unknown>)[rest.slice(6)] = schema.default;
    else defaults[rest] = schema.default;
  }
  assert.deepEqual(toServerSettings(defaults), {
    rules: {},
    wordBudget: 300,
    wordsPerMinute: 150,
    categoriesPath: '.interview-coach/categories',
  });
});

test('rule levels pass through, `default` is dropped, aliases and case are normalised', () => {
  const out = toServerSettings({ rules: { metrics: 'off', hedging: 'Error', criticism: 'default', ownership: 'warn', link: 'info' } });
  assert.deepEqual(out.rules, { metrics: 'off', hedging: 'error', ownership: 'warning', link: 'information' });
});

test('extension-only keys never reach the server', () => {
  const out = toServerSettings({ server: { path: '/x' }, trace: { server: 'verbose' }, wordBudget: 200 });
  assert.deepEqual(out, { rules: {}, wordBudget: 200 });
});

test('values pass through unchecked: the server checks them and names a bad one', () => {
  const raw = { wordBudget: 10, wordsPerMinute: 150.5, rules: { metric: 'off', metrics: 'loud' } };
  assert.deepEqual(toServerSettings(raw), { rules: { metric: 'off', metrics: 'loud' }, wordBudget: 10, wordsPerMinute: 150.5 });
  assert.equal(ruleLevel('loud'), undefined);
  assert.equal(ruleLevel(3), undefined);
});

test('garbage sections give empty settings instead of throwing', () => {
  for (const raw of [undefined, null, 42, 'x', { rules: 'off' }, { rules: null }]) {
    assert.deepEqual(toServerSettings(raw), { rules: {} });
  }
});

test('package.json declares every rule with its default severity, and every server setting', () => {
  for (const rule of RULES) {
    const schema = declared[`interviewCoach.rules.${rule.id}`];
    assert.ok(schema, `interviewCoach.rules.${rule.id} is declared`);
    assert.equal(schema.default, 'default');
    assert.deepEqual(schema.enum, ['default', 'off', 'hint', 'information', 'warning', 'error']);
    assert.ok(schema.markdownDescription.includes(`\`${rule.defaultLevel}\``), `${rule.id} names its default`);
  }
  for (const key of ['wordBudget', 'wordsPerMinute', 'categoriesPath', 'server.path', 'trace.server']) {
    const schema = declared[`interviewCoach.${key}`];
    assert.ok(schema, `interviewCoach.${key} is declared`);
    assert.ok(schema.default !== undefined && (schema.description || schema.markdownDescription));
  }
  const ruleKeys = Object.keys(declared).filter((k) => k.startsWith('interviewCoach.rules.'));
  assert.equal(ruleKeys.length, RULES.length, 'no rule declared that the server does not know');
});
