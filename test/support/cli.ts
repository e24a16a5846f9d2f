import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run.js';

/** Runs the CLI in-process against a private data folder; collects stdout and stderr. */
export async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t), isTty: false, env });
  return { code, out, err };
}

/** A fresh data folder with its own database and key file; `cleanup()` removes it. */
export function tempDataDir(): { dir: string; env: NodeJS.ProcessEnv; db: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'heatwire-test-'));
  return {
    dir,
    db: join(dir, 'heatwire.db'),
    env: { HEATWIRE_DATA: dir, HEATWIRE_SAMPLE: '0' },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
