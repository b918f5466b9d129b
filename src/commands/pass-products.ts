/** `pass products`: the pass products in the catalogue. */
import type { CliContext } from '../cli/context.js';
import { toJson } from '../cli/output.js';
import { productsJson, productsTable } from '../export/pass-products-views.js';

export async function passProducts(ctx: CliContext): Promise<void> {
  const catalogue = await ctx.catalogue();
  if (ctx.out.view === 'json') return ctx.out.result(toJson(productsJson(catalogue.passes, catalogue.currency)));
  if (catalogue.passes.length === 0) {
    ctx.out.info('the catalogue has no pass products');
    return;
  }
  ctx.out.result(productsTable(ctx.out, catalogue.passes));
}
