/**
 * `yangtze catalogue validate|list|show|audit|schema`. Declares options only; each
 * action imports its command module when it runs, so `--help` loads none.
 */
import type { Command } from 'commander';
import type { Effects } from './effects.js';
import { action } from './action.js';
import { examples } from './help.js';

export function register(program: Command, effects: Effects): void {
  const catalogue = program
    .command('catalogue')
    .description('the attractions, cities and links: check, list and look up')
    .addHelpText('after', examples([
      ['yangtze catalogue list --city 武汉', 'the attractions of one city'],
      ['yangtze catalogue show yellow-crane-tower', 'every fact about one'],
    ]));

  catalogue
    .command('validate')
    .description('check a catalogue and report every problem (exit 3 if any)')
    .argument('[file]', 'catalogue file (default: --catalogue, ./routes.yaml, else the shipped one)')
    .option('--json', 'a JSON document instead of the summary line')
    .addHelpText('after', examples([
      ['yangtze catalogue validate', 'the catalogue every command reads'],
      ['yangtze catalogue validate my-routes.yaml --json', 'every problem as data (exit 3 if any)'],
    ]))
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
    .addHelpText('after', examples([
      ['yangtze catalogue list --city wuhan', 'one city (id, English or Chinese name)'],
      ['yangtze catalogue list --theme red,cultural --rating 5A', 'filters combine'],
      ['yangtze catalogue list --json | jq length', 'as data'],
    ]))
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
    .addHelpText('after', examples([
      ['yangtze catalogue show yellow-crane-tower', 'hours, prices and the next seven days'],
      ['yangtze catalogue show wuhan --lang zh', 'a city, in Chinese'],
    ]))
    .action(
      action(async (ctx, _opts, args) => {
        const { catalogueShow } = await import('../commands/catalogue-show.js');
        await catalogueShow(ctx, args[0]!);
      }, effects),
    );

  catalogue
    .command('audit')
    .description("the catalogue's facts by status and age: what rests on an estimate, what is due for a re-check")
    .option('--status <statuses>', 'confirmed, estimate or assumed (comma-separated: any of them)')
    .option('--older-than <age>', 'facts checked before this: a duration back from today (90d, 6w, 12mo, 1y) or a date YYYY-MM-DD')
    .option('--attraction <id>', 'one attraction (or city, link, pass) id')
    .option('--city <city>', 'city id or name')
    .option('--json', 'a JSON document (schemaVersion 1)')
    .addHelpText('after', examples([
      ['yangtze catalogue audit --status estimate', 'every fact that rests on a best guess'],
      ['yangtze catalogue audit --older-than 12mo --city wuhan', 'Wuhan facts due for a re-check'],
    ]))
    .action(
      action(async (ctx, opts) => {
        const { catalogueAudit } = await import('../commands/catalogue-audit.js');
        await catalogueAudit(ctx, {
          ...(typeof opts.status === 'string' ? { status: opts.status } : {}),
          ...(typeof opts.olderThan === 'string' ? { olderThan: opts.olderThan } : {}),
          ...(typeof opts.attraction === 'string' ? { attraction: opts.attraction } : {}),
          ...(typeof opts.city === 'string' ? { city: opts.city } : {}),
        });
      }, effects),
    );

  catalogue
    .command('schema')
    .description('the JSON Schema of routes.yaml, for editors')
    .addHelpText('after', examples([['yangtze catalogue schema > routes.schema.json', 'for an editor\'s YAML support']]))
    .action(
      action(async (ctx) => {
        const { catalogueSchema } = await import('../commands/catalogue-schema.js');
        await catalogueSchema(ctx);
      }, effects),
    );
}
