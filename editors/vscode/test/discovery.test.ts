import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

import { BINARY, candidates, discoverServer, notFoundMessage, pathCandidates, resolveSettingPath } from '../src/discovery';

/** A temp folder with shell scripts standing in for binaries (real processes, real `--version`). */
function sandbox() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-discovery-'));
  const make = (rel: string, script: string, mode = 0o755) => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `#!/bin/sh\n${script}\n`, { mode });
    fs.chmodSync(file, mode);
    return file;
  };
  return { root, make, done: () => fs.rmSync(root, { recursive: true, force: true }) };
}

const good = 'echo "interview-coach 0.1.0"';
const unix = process.platform !== 'win32';

test('candidate order: setting, bundled, then PATH entries', () => {
  const c = candidates({ settingPath: '/opt/ic', extensionPath: '/ext', envPath: ['/a', '', '/b', '/a'].join(path.delimiter) });
  assert.deepEqual(c.map((x) => [x.origin, x.path]), [
    ['setting', '/opt/ic'],
    ['bundled', path.join('/ext', 'server', BINARY)],
    ['PATH', path.join('/a', BINARY)],
    ['PATH', path.join('/b', BINARY)],
  ]);
  assert.deepEqual(candidates({ settingPath: '  ', extensionPath: '/ext' }).map((x) => x.origin), ['bundled']);
});

test('setting paths expand ~ and resolve against the workspace', () => {
  assert.equal(resolveSettingPath('~/bin/ic', undefined, '/home/u'), path.join('/home/u', 'bin/ic'));
  assert.equal(resolveSettingPath('target/debug/ic', '/ws'), path.resolve('/ws', 'target/debug/ic'));
  assert.equal(resolveSettingPath('/abs/ic', '/ws'), '/abs/ic');
  assert.deepEqual(pathCandidates(undefined), []);
});

test('the setting wins over a bundled binary and PATH', { skip: !unix }, async () => {
  const s = sandbox();
  try {
    const set = s.make('custom/ic', 'echo "interview-coach 9.9.9"');
    s.make(`ext/server/${BINARY}`, good);
    s.make(`bin/${BINARY}`, good);
    const d = await discoverServer({ settingPath: set, extensionPath: path.join(s.root, 'ext'), envPath: path.join(s.root, 'bin') });
    assert.ok(d.ok);
    assert.equal(d.server.origin, 'setting');
    assert.equal(d.server.version, 'interview-coach 9.9.9');
  } finally {
    s.done();
  }
});

test('a broken setting falls through to the bundled binary and is reported', { skip: !unix }, async () => {
  const s = sandbox();
  try {
    const broken = s.make('custom/ic', 'echo "boom" >&2; exit 3');
    const bundled = s.make(`ext/server/${BINARY}`, good);
    const d = await discoverServer({ settingPath: broken, extensionPath: path.join(s.root, 'ext'), envPath: '' });
    assert.ok(d.ok);
    assert.equal(d.server.path, bundled);
    assert.equal(d.rejected.length, 1);
    assert.equal(d.rejected[0].origin, 'setting');
    assert.match(d.rejected[0].reason, /--version` failed: boom/);
  } finally {
    s.done();
  }
});

test('a bundled binary that lost its executable bit gets it back', { skip: !unix }, async () => {
  const s = sandbox();
  try {
    const bundled = s.make(`ext/server/${BINARY}`, good, 0o644);
    const d = await discoverServer({ extensionPath: path.join(s.root, 'ext'), envPath: '' });
    assert.ok(d.ok);
    assert.equal(d.server.path, bundled);
    assert.ok(fs.statSync(bundled).mode & 0o100);
  } finally {
    s.done();
  }
});

test('PATH is searched in order, skipping a binary that is not interview-coach', { skip: !unix }, async () => {
  const s = sandbox();
  try {
    s.make(`one/${BINARY}`, 'echo "something-else 1.0"');
    const second = s.make(`two/${BINARY}`, good);
    const envPath = [path.join(s.root, 'empty'), path.join(s.root, 'one'), path.join(s.root, 'two')].join(path.delimiter);
    const d = await discoverServer({ extensionPath: path.join(s.root, 'ext'), envPath });
    assert.ok(d.ok);
    assert.equal(d.server.path, second);
    assert.equal(d.server.origin, 'PATH');
    assert.match(d.rejected.map((r) => r.reason).join(), /not interview-coach/);
  } finally {
    s.done();
  }
});

test('nothing found: one message naming what was tried and how to fix it', { skip: !unix }, async () => {
  const s = sandbox();
  try {
    const d = await discoverServer({ settingPath: path.join(s.root, 'nope'), extensionPath: path.join(s.root, 'ext'), envPath: s.root });
    assert.equal(d.ok, false);
    const msg = notFoundMessage(d.rejected);
    assert.ok(msg.includes(path.join(s.root, 'nope')), msg);
    assert.match(msg, /no such file/);
    assert.match(msg, /cargo install/);
    assert.match(msg, /interviewCoach\.server\.path/);
    assert.doesNotMatch(msg, /\n|at .*\(.*:\d+:\d+\)/, 'no stack trace');
    assert.match(notFoundMessage([]), /not found on PATH/);
  } finally {
    s.done();
  }
});
