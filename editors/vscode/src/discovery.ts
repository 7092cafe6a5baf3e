// Finds the `interview-coach` binary: the `interviewCoach.server.path` setting, then the binary
// bundled in the extension, then PATH. Each candidate must answer `--version` before it is used.
// Free of the `vscode` import so that it runs under `node --test`.

import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The binary's file name on this platform. */
export const BINARY = process.platform === 'win32' ? 'interview-coach.exe' : 'interview-coach';

/** Where a candidate came from, for messages. */
export type Origin = 'setting' | 'bundled' | 'PATH';

/** A path to try. */
export interface Candidate {
  origin: Origin;
  path: string;
}

/** A candidate that answered `--version`. */
export interface Found extends Candidate {
  version: string;
}

/** A candidate that did not work, and why. */
export interface Rejected extends Candidate {
  reason: string;
}

/** Result of discovery: the server to start, or every rejection for the error message. */
export type Discovery = { ok: true; server: Found; rejected: Rejected[] } | { ok: false; rejected: Rejected[] };

/** What discovery needs from its surroundings (the real ones by default; tests pass their own). */
export interface DiscoveryInput {
  /** `interviewCoach.server.path`, possibly empty, `~/`-relative or workspace-relative. */
  settingPath?: string;
  /** The extension's install folder (holds `server/interview-coach` when bundled). */
  extensionPath: string;
  /** First workspace folder, to resolve a relative setting. */
  workspaceRoot?: string;
  /** The `PATH` value to search. */
  envPath?: string;
  /** Runs `<path> --version`; resolves with stdout or rejects. */
  probe?: (file: string) => Promise<string>;
}

/** Expands `~/` and resolves a relative path against the workspace root. */
export function resolveSettingPath(setting: string, workspaceRoot?: string, home = os.homedir()): string {
  let p = setting.trim();
  if (p === '~' || p.startsWith('~/') || p.startsWith('~\\')) p = path.join(home, p.slice(1));
  if (!path.isAbsolute(p) && workspaceRoot) p = path.resolve(workspaceRoot, p);
  return p;
}

/** Every `PATH` entry joined with the binary name, in order, without duplicates. */
export function pathCandidates(envPath: string | undefined, binary = BINARY): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const dir of (envPath ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, binary);
    if (!seen.has(file)) {
      seen.add(file);
      out.push(file);
    }
  }
  return out;
}

/** Candidates in the order they are tried. */
export function candidates(input: DiscoveryInput): Candidate[] {
  const out: Candidate[] = [];
  if (input.settingPath && input.settingPath.trim() !== '') {
    out.push({ origin: 'setting', path: resolveSettingPath(input.settingPath, input.workspaceRoot) });
  }
  out.push({ origin: 'bundled', path: path.join(input.extensionPath, 'server', BINARY) });
  for (const p of pathCandidates(input.envPath)) out.push({ origin: 'PATH', path: p });
  return out;
}

/** Runs `file --version` with a time limit, resolving with its trimmed stdout. */
export function probeVersion(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, ['--version'], { timeout: 5000, windowsHide: true }, (err, stdout, stderr) => {
      if (err) {
        const detail = (stderr || '').trim().split('\n')[0] || err.message;
        reject(new Error(detail));
      } else {
        resolve(stdout.trim());
      }
    });
  });
}

function exists(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A bundled binary can lose its executable bit when a .vsix is unpacked; restore it. */
function ensureExecutable(file: string): void {
  if (process.platform === 'win32') return;
  try {
    fs.accessSync(file, fs.constants.X_OK);
  } catch {
    try {
      fs.chmodSync(file, 0o755);
    } catch {
      // Reported by the probe that follows.
    }
  }
}

/** Tries the candidates in order and returns the first that answers `--version`. */
export async function discoverServer(input: DiscoveryInput): Promise<Discovery> {
  const probe = input.probe ?? probeVersion;
  const rejected: Rejected[] = [];
  for (const c of candidates(input)) {
    if (!exists(c.path)) {
      // Missing PATH entries are the normal case; only a set path or a bundle is worth reporting.
      if (c.origin !== 'PATH') rejected.push({ ...c, reason: 'no such file' });
      continue;
    }
    if (c.origin === 'bundled') ensureExecutable(c.path);
    try {
      const out = await probe(c.path);
      if (!/interview-coach/i.test(out)) {
        rejected.push({ ...c, reason: `\`--version\` printed "${out.split('\n')[0]}", not interview-coach` });
        continue;
      }
      return { ok: true, server: { ...c, version: out.split('\n')[0] }, rejected };
    } catch (e) {
      rejected.push({ ...c, reason: `\`--version\` failed: ${(e as Error).message}` });
    }
  }
  return { ok: false, rejected };
}

/** The one message shown when no server works: what was tried and how to fix it. */
export function notFoundMessage(rejected: readonly Rejected[]): string {
  const tried = rejected
    .filter((r) => r.origin !== 'bundled' || r.reason !== 'no such file')
    .map((r) => `${r.path} (${r.origin}: ${r.reason})`);
  const head = 'Interview Coach: the interview-coach language server was not found';
  const triedText = tried.length > 0 ? `; tried ${tried.join(', ')}` : ' on PATH';
  return `${head}${triedText}. Install it with \`cargo install --locked --path crates/server\` in an ` +
    'interview-coach checkout, or set `interviewCoach.server.path` to the binary, then run "Interview Coach: Restart Server".';
}
