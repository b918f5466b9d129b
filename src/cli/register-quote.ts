/**
 * `yangtze quote PLAN.json`: the priced trip for an agency. Declares options
 * only; the command module loads when it runs.
 */
import { Option, type Command } from 'commander';
import { LAST_NIGHT_CHOICES } from '../domain/quote/quote-model.js';
import type { Effects } from './effects.js';
import { action } from './action.js';
import { examples } from './help.js';

export function register(program: Command, effects: Effects): void {
  program
    .command('quote')
    .description('what a planned trip costs per person and for the group, line by line')
    .argument('<plan>', 'itinerary JSON from `yangtze plan --json`')
    .option('--party <party>', 'who travels, e.g. adult=2,child=1 (default: the party in the plan)')
    .addOption(new Option('--grade <grade>', 'hotel and restaurant grade (default 4star)').choices(['budget', '3star', '4star', '5star']))
    .addOption(new Option('--rooms <rooms>', 'twin: two per room, one left over alone; single: a room each (default twin)').choices(['twin', 'single']))
    .addOption(new Option('--child-bed <bed>', 'children share the parents\' room, take an extra bed, or have their own (default share)').choices(['share', 'extra-bed', 'own-room']))
    .addOption(new Option('--transport <mode>', 'local transfers: vehicle with driver per day, metered taxis, or none (default vehicle)').choices(['vehicle', 'taxi', 'none']))
    .option('--guide <lang>', 'a local guide speaking this language (en, zh, …), or none (default none)')
    .option('--cabin <grade>', 'cruise cabin grade, as the catalogue or rate sheet names it: inside, standard, superior, suite, … (default standard)')
    .addOption(new Option('--last-night <rule>', 'the hotel night after the last day: auto (included after an evening arrival, not after a day of sightseeing), include or exclude (default auto)').choices(LAST_NIGHT_CHOICES))
    .option('--markup <percent>', 'added to the net cost, e.g. 15%')
    .option('--commission <percent>', 'a share of the selling price, e.g. 10%')
    .option('--rounding <rule>', 'per-person prices: none, or up-to-N whole yuan (default up-to-1)')
    .option('--pax <list>', 'group sizes for the pax-range table (default 2,4,6,10,16)')
    .option('--rates <file>', 'agency rate sheet (YAML or CSV) that overrides the catalogue rates')
    .option('--agency <file>', 'agency profile (YAML) for the document: name, logo, contact, terms')
    .option('--format <format>', 'text, json, csv, html or pdf (default text)')
    .option('--json', 'short for --format json')
    .option('--csv', 'short for --format csv')
    .option('-o, --output <file>', 'write the result to a file instead of stdout (needed for pdf)')
    .addHelpText('after', examples([
      ['yangtze quote plan.json --party adult=2,child=1', 'per person and for the group, line by line'],
      ['yangtze quote plan.json --grade 5star --markup 15% --format pdf -o offer.pdf', 'an offer document'],
    ]))
    .action(action(async (ctx, opts, args) => (await import('../commands/quote.js')).quoteCommand(ctx, args[0]!, opts), effects));
}
