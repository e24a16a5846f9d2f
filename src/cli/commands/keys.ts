import { HeatwireError } from '../../core/errors.js';
import { rotateKeyFile } from '../../secure/index.js';
import { reencryptAll } from '../../services/rotate-keys.js';
import { openContext, type GlobalOptions } from '../context.js';
import { EXIT, type CliIo } from '../io.js';
import { createProgress } from '../progress.js';

/** `heatwire keys rotate`: a new current key, and every stored text re-encrypted under it. */
export async function runKeysRotate(global: GlobalOptions, io: CliIo): Promise<number> {
  const ctx = await openContext(io, global);
  const progress = createProgress(io, !global.json, 'articles');
  try {
    if (ctx.config.secretKey) {
      throw new HeatwireError('USAGE', 'the key comes from HEATWIRE_SECRET_KEY: rotate it by hand as docs/security.md describes');
    }
    const ring = await rotateKeyFile(ctx.config.keyFile);
    const summary = await reencryptAll(ctx.store, ring, (d, t) => progress.update(d, t));
    progress.stop();
    io.out(
      global.json
        ? `${JSON.stringify({ type: 'summary', ...summary })}\n`
        : `new key ${summary.keyId}: ${summary.reencrypted} text(s) re-encrypted, ${summary.resealed} enrichment blob(s) resealed, ${summary.failed.length} failed\n`,
    );
    for (const f of summary.failed) io.err(`failed: ${f.input}: ${f.code} ${f.reason}\n`);
    return summary.failed.length ? EXIT.SOME_FAILED : EXIT.OK;
  } finally {
    progress.stop();
    await ctx.close();
  }
}

/**
 * `heatwire keys reencrypt`: re-encrypts every stored text under the current key without adding
 * one — the second step of rotating a key given by HEATWIRE_SECRET_KEY (docs/security.md).
 */
export async function runKeysReencrypt(global: GlobalOptions, io: CliIo): Promise<number> {
  const ctx = await openContext(io, global);
  const progress = createProgress(io, !global.json, 'articles');
  try {
    const summary = await reencryptAll(ctx.store, ctx.ring, (d, t) => progress.update(d, t));
    progress.stop();
    io.out(
      global.json
        ? `${JSON.stringify({ type: 'summary', ...summary })}\n`
        : `key ${summary.keyId}: ${summary.reencrypted} text(s) re-encrypted, ${summary.resealed} enrichment blob(s) resealed, ${summary.failed.length} failed\n`,
    );
    for (const f of summary.failed) io.err(`failed: ${f.input}: ${f.code} ${f.reason}\n`);
    return summary.failed.length ? EXIT.SOME_FAILED : EXIT.OK;
  } finally {
    progress.stop();
    await ctx.close();
  }
}
