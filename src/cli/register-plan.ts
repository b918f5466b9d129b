/**
 * `yangtze plan` and `yangtze plan check`. Declares options only; each action
 * imports its command module when it runs, so `--help` loads neither.
 */
import { Option, type Command } from 'commander';
import type { Effects } from './effects.js';
import { action, unknownCommand } from './action.js';
import { examples } from './help.js';
import type { PlanCommandOptions } from '../commands/plan.js';

export function register(program: Command, effects: Effects): void {
  const plan = program
    .command('plan')
    .description('build a themed multi-day itinerary along the corridor')
    .option('--from <city>', 'city the trip starts in (required)')
    .option('--to <city>', 'city the trip ends in (default: wherever suits)')
    .option('--start <date>', 'first day, YYYY-MM-DD (required)')
    .option('--days <n>', 'number of days (default 3)')
    .option('--themes <themes>', 'eco, cultural, red, water (comma-separated; first weighs most)')
    .option('--party <party>', 'who travels, e.g. adult=2,child=1 (default: one adult)')
    .addOption(new Option('--pace <pace>', 'how full the days are (default standard)').choices(['relaxed', 'standard', 'packed']))
    .option('--day-start <time>', 'start of the sightseeing day, HH:MM (default 08:00)')
    .option('--day-end <time>', 'end of the sightseeing day, HH:MM (default 20:00)')
    .option('--must <ids>', 'attractions to include (comma-separated ids)')
    .option('--avoid <ids>', 'attractions never to include (comma-separated ids)')
    .option('--budget <amount>', 'cap on admission plus transport for the whole party')
    .option('--route <id>', 'follow a curated route\'s cities in order')
    .option('--seed <n>', 'search seed; the same inputs and seed give the same plan (default 1)')
    .option('--stay <city>', 'keep the whole trip in one city: every night there (sets --to)')
    .option('--cities <ids>', 'the only cities the trip may go to besides --from (comma-separated)')
    .option('--no-meals', 'plan no lunch or dinner breaks (default: lunch every sightseeing day, dinner when it runs late)')
    .option('--time-limit <ms>', 'search effort in milliseconds (default 1000)')
    .option('--format <format>', 'text, json, markdown, csv, ics, geojson or html (default text)')
    .option('--json', 'short for --format json')
    .option('-o, --output <file>', 'write the result to a file instead of stdout')
    .option('--interactive', 'ask for the plan step by step (needs a terminal)')
    .option('--quote', 'add the package price (`yangtze quote` defaults) to the text or HTML itinerary')
    .option('--agency <file>', 'agency profile (YAML) for the quote document: with --quote --format html, or the quote --interactive saves')
    .addHelpText('after', examples([
      ['yangtze plan --from wuhan --start 2026-05-12 --days 3 --themes red,cultural', 'a plan on the terminal'],
      ['yangtze plan --from 武汉 --to nanchang --start 2026-05-12 --party adult=2,child=1 --json > plan.json', 'saved for pass quote and pass issue'],
      ['yangtze plan --route red-heritage-trail --start 2026-05-12 --days 5', 'follow a curated route'],
      ['yangtze plan --interactive', 'ask step by step'],
    ]))
    // `plan` has an action and a subcommand: without this a misspelt `plan chek` is "too many arguments".
    .allowExcessArguments(true)
    .action(
      action(async (ctx, opts, _args, command) => {
        if (command.args.length > 0) throw unknownCommand(command, command.args[0]!);
        const options = stringOptions(opts) as PlanCommandOptions;
        const { checkGivenPlanFlags, planCommand, wantsInteractivePlan } = await import('../commands/plan.js');
        if (wantsInteractivePlan(ctx, options)) {
          await checkGivenPlanFlags(ctx, options);
          const { runInteractivePlan } = await import('../commands/plan-interactive.js');
          await runInteractivePlan(ctx, { ...options });
          return;
        }
        await planCommand(ctx, options);
      }, effects),
    );

  plan
    .command('check')
    .description('re-check a saved or hand-edited itinerary (exit 1 if it breaks any rule)')
    .argument('<plan>', 'itinerary JSON file (from `plan --json`), or - for stdin')
    .option('--json', 'a JSON document of the violations')
    .addHelpText('after', examples([
      ['yangtze plan check plan.json', 'exit 1 if an edit broke a rule'],
      ['yangtze plan --from wuhan --start 2026-05-12 --json | yangtze plan check -', 'from stdin'],
    ]))
    .action(
      action(async (ctx, _opts, args) => {
        const { planCheck } = await import('../commands/plan-check.js');
        await planCheck(ctx, args[0]!);
      }, effects),
    );
}

/** commander gives strings for valued flags and true for switches. */
function stringOptions(opts: Record<string, unknown>): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const [key, value] of Object.entries(opts)) {
    if (typeof value === 'string' || (value === true && (key === 'json' || key === 'interactive' || key === 'quote'))) out[key] = value;
    else if (key === 'meals' && value === false) out[key] = 'off';
  }
  return out;
}
