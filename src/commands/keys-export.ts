/** `keys export`: the trust file (public keys only) to stdout, for gates and verifiers. */
import type { CliContext } from '../cli/context.js';
import { NotFoundError } from '../cli/errors.js';
import { toJson } from '../cli/output.js';
import { readTrustFile, trustFilePath } from '../io/keys.js';
import { existsSync } from 'node:fs';

export async function keysExport(ctx: CliContext): Promise<void> {
  const file = trustFilePath(ctx.home);
  if (!existsSync(file)) throw new NotFoundError(`no signing key: run \`yangtze keys init\` (looked in ${ctx.home})`);
  ctx.out.result(toJson(readTrustFile(file)));
}
