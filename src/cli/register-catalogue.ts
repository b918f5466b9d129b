/**
 * `yangtze catalogue validate|list|show|schema`. Declares options only; each
 * action imports its command module when it runs, so `--help` loads none.
 */
import type { Command } from 'commander';
import type { Effects } from './effects.js';
import { action } from './program.js';

export function register(program: Command, effects: Effects): void {
  const catalogue = program
    .command('catalogue')
    .description('the attractions, cities and links: check, list and look up');

  catalogue
    .command('validate')
    .description('check a catalogue and report every problem (exit 3 if any)')
    .argument('[file]', 'catalogue file (default: --catalogue, ./routes.yaml, else the shipped one)')
    .option('--json', 'a JSON document instead of the summary line')
    .action(
      action(async (ctx, _opts, args) => {
        const { catalogueValidate } = await import('../commands/catalogue-validate.js');
        await catalogueValidate(ctx, args[0]);
      }, effects),
    );

  catalogue
    .command('list')
    .description('the attractions, filtered')
    .option('--theme <themes>', 'eco, cultural, red or water (comma-separated: any of them)')
    .option('--city <city>', 'city id or name')
    .option('--rating <rating>', '5A, 4A, 3A or none')
    .option('--json', 'a JSON document (schemaVersion 1)')
    .action(
      action(async (ctx, opts) => {
        const { catalogueList } = await import('../commands/catalogue-list.js');
        await catalogueList(ctx, {
          ...(typeof opts.theme === 'string' ? { theme: opts.theme } : {}),
          ...(typeof opts.city === 'string' ? { city: opts.city } : {}),
          ...(typeof opts.rating === 'string' ? { rating: opts.rating } : {}),
        });
      }, effects),
    );

  catalogue
    .command('show')
    .description('every fact about an attraction (or city), with the next seven days')
    .argument('<id>', 'attraction or city id')
    .option('--json', 'a JSON document (schemaVersion 1)')
    .action(
      action(async (ctx, _opts, args) => {
        const { catalogueShow } = await import('../commands/catalogue-show.js');
        await catalogueShow(ctx, args[0]!);
      }, effects),
    );

  catalogue
    .command('schema')
    .description('the JSON Schema of routes.yaml, for editors')
    .action(
      action(async (ctx) => {
        const { catalogueSchema } = await import('../commands/catalogue-schema.js');
        await catalogueSchema(ctx);
      }, effects),
    );
}
