/**
 * `pass issue|redeem|revoke|refund|revocations export|export|reconcile`: the
 * commands that use the ledger. Options are declared here; each action loads
 * its command module only when it runs.
 */
import { Option, type Command } from 'commander';
import { action } from './action.js';
import { examples } from './help.js';
import type { Effects } from './effects.js';
import { displayPath, type CliContext } from './context.js';
import { NotFoundError, UsageError } from './errors.js';
import { ledgerTargetOf } from './ledger-target.js';

/** A repeatable flag's values, in order (no commander default, so none is printed in the help). */
const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

export function registerLedgerCommands(pass: Command, effects: Effects): void {
  pass
    .command('issue')
    .description('issue signed passes for a plan (repeat --holder per traveller), or many from a bookings CSV')
    .option('--plan <file>', 'itinerary JSON (yangtze plan --json)')
    // Repeatable flags have no commander default: it would print "(default: [])" in the help.
    .option('--holder <name>', 'traveller name; repeat per traveller', collect)
    .option('--id-number <n>', 'ID number of the holder in the same position (stored only as a keyed, salted hash)', collect)
    .option('--id-type <type>', 'document of the --id-number in the same position: prc (default; checksum and birth date checked), passport, other', collect)
    .option('--category <c>', 'rider category of the holder in the same position (default: the catalogue\'s default category)', collect)
    .option('--booking <ref>', 'agency booking reference (issuing the same booking again issues nothing new)')
    .option('--bookings <file>', 'issue many at once: CSV with columns booking,holder,id_number,category,product,start')
    .option('--strict', 'with --bookings: issue nothing if any row is bad')
    .option('--qr-dir <dir>', 'write one QR code image per pass into this directory')
    .addOption(new Option('--qr-format <format>', 'image format for --qr-dir').choices(['png', 'svg']).default('png'))
    .option('--json', 'pass JSON on stdout')
    .addHelpText('after', examples([
      ['yangtze pass issue --plan plan.json --holder "Li Wei" --holder "Li Xiao" --category adult --category child', 'two travellers'],
      ['yangtze pass issue --plan plan.json --holder "Li Wei" --id-number 11010519491231002X --qr-dir qr/', 'with an ID check and QR images'],
      ['yangtze pass issue --bookings bookings.csv --strict', 'a whole day\'s bookings; nothing if any row is bad'],
    ]))
    .action(
      action(async (ctx, opts) => {
        const o = opts as {
          plan?: string; holder?: string[]; idNumber?: string[]; idType?: string[]; category?: string[]; booking?: string;
          bookings?: string; strict?: boolean; qrDir?: string; qrFormat: 'png' | 'svg';
        };
        if (o.plan && o.bookings) throw new UsageError('use either --plan or --bookings, not both');
        if (!o.plan && !o.bookings) throw new UsageError('missing --plan PLAN.json (with --holder) or --bookings FILE.csv');
        // A flag of the other way of issuing would be ignored: say so rather than issue something the user did not ask for.
        const planOnly = { '--holder': o.holder, '--id-number': o.idNumber, '--id-type': o.idType, '--category': o.category, '--booking': o.booking, '--qr-dir': o.qrDir };
        const misplaced = o.bookings ? Object.entries(planOnly).filter(([, v]) => v !== undefined).map(([flag]) => flag) : o.strict ? ['--strict'] : [];
        if (misplaced.length > 0) {
          throw new UsageError(
            o.bookings ? `${misplaced.join(', ')} ${misplaced.length === 1 ? 'is' : 'are'} for --plan; with --bookings each row names its holder, category, ID and booking` : '--strict is for --bookings; --plan issues every pass or none',
          );
        }
        const catalogue = await ctx.catalogue();
        // The key is loaded only after the plan or bookings file is read and checked: what the user typed is reported first.
        const signer = () => loadSignerOf(ctx);
        const common = { catalogue, ...(await ledgerTargetOf(ctx)), nowMs: ctx.effects.now(), signer };
        if (o.bookings) {
          const { runPassIssueBatch, renderPassIssueBatch, progressBar } = await import('../commands/pass-issue-batch.js');
          const showProgress = ctx.out.stderrIsTTY && !ctx.out.quiet;
          const result = await runPassIssueBatch(
            { bookings: ctx.resolve(o.bookings), strict: Boolean(o.strict) },
            { ...common, ...(showProgress ? { progress: progressBar((s) => void ctx.out.stderr.write(s)) } : {}) },
          );
          renderPassIssueBatch(result, ctx.out);
          return;
        }
        const { runPassIssue, renderPassIssue } = await import('../commands/pass-issue.js');
        const result = await runPassIssue(
          {
            plan: ctx.resolve(o.plan!),
            shownPlan: displayPath(ctx.effects.cwd, ctx.resolve(o.plan!)),
            holders: o.holder ?? [],
            idNumbers: o.idNumber ?? [],
            idTypes: o.idType ?? [],
            categories: o.category ?? [],
            ...(o.booking ? { booking: o.booking } : {}),
            ...(o.qrDir ? { qrDir: ctx.resolve(o.qrDir) } : {}),
            qrFormat: o.qrFormat,
          },
          common,
        );
        await renderPassIssue(result, ctx.out);
      }, effects),
    );

  pass
    .command('redeem')
    .description('admit a pass at a gate: verify it and record the entry in the ledger (or, --offline, in a gate log)')
    .argument('<token>', 'the pass token (the QR payload)')
    .requiredOption('--at <attraction>', 'the attraction this gate belongs to')
    .option('--gate <gate>', 'gate name, recorded with the entry')
    .option('--date <date>', 'the day of entry (default: today in Asia/Shanghai)')
    .option('--offline', 'no ledger: check against the trust file, revocation list and this gate\'s log')
    .option('--log <file>', 'with --offline: the gate log to check and append to')
    .option('--trust <file>', 'trust file (default: the one under --home)')
    .option('--revoked <file>', 'with --offline: revocation list (default: the latest under --home)')
    .option('--json', 'the decision as JSON')
    .addHelpText('after', examples([
      ['yangtze pass redeem YZ1:… --at yellow-crane-tower --gate east', 'admit and record (exit 1 if refused)'],
      ['yangtze pass redeem YZ1:… --at yellow-crane-tower --offline --log gate-east.ndjson', 'no ledger at hand: a gate log'],
    ]))
    .action(
      action(async (ctx, opts, args) => {
        const o = opts as { at: string; gate?: string; date?: string; offline?: boolean; log?: string; trust?: string; revoked?: string };
        const { runPassRedeem, renderPassRedeem } = await import('../commands/pass-redeem.js');
        const result = await runPassRedeem(
          {
            token: args[0]!,
            at: o.at,
            offline: Boolean(o.offline),
            ...(o.gate ? { gate: o.gate } : {}),
            ...(o.date ? { date: o.date } : {}),
            ...(o.log ? { log: ctx.resolve(o.log) } : {}),
            ...(o.trust ? { trust: ctx.resolve(o.trust) } : {}),
            ...(o.revoked ? { revoked: ctx.resolve(o.revoked) } : {}),
          },
          {
            ...(await ledgerTargetOf(ctx)),
            nowMs: ctx.effects.now(),
            attractionIds: (await ctx.catalogue()).attractions.map((a) => a.id),
            warn: (text) => ctx.out.warn(text),
          },
        );
        renderPassRedeem(result, ctx.out);
      }, effects),
    );

  for (const kind of ['revoke', 'refund'] as const) {
    const cmd = pass
      .command(kind)
      .description(kind === 'revoke' ? 'revoke a pass: gates refuse it from now on' : 'refund an unused pass: it is revoked, gates refuse it')
      .argument('<passId>', 'the pass id (YZ-…)')
      .addHelpText(
        'after',
        kind === 'revoke'
          ? examples([['yangtze pass revoke YZ-… --reason "lost by the holder"', 'then: pass revocations export for offline gates']])
          : examples([['yangtze pass refund YZ-…', 'an unused pass: revoked and marked refunded']]),
      );
    if (kind === 'revoke') cmd.requiredOption('--reason <text>', 'why (kept in the ledger)');
    cmd.option('--json', 'the result as JSON').action(
      action(async (ctx, opts, args) => {
        const { runPassRevoke, renderPassRevoke } = await import('../commands/pass-revoke.js');
        // No key on this machine: revoke all the same (the list is made where the key is). A key that
        // is there but unusable (readable by others, damaged) stops the command before anything is committed.
        const signer = await loadSignerOf(ctx).catch((error: unknown) => {
          if (error instanceof NotFoundError) return undefined;
          throw error;
        });
        const result = await runPassRevoke(
          { passId: args[0]!, kind: kind === 'revoke' ? 'revoked' : 'refunded', reason: kind === 'revoke' ? String(opts.reason ?? '') : 'refund' },
          { ...(await ledgerTargetOf(ctx)), nowMs: ctx.effects.now(), signer },
        );
        renderPassRevoke(result, ctx.out);
      }, effects),
    );
  }

  pass
    .command('revocations')
    .description('revocation lists for offline gates')
    .addHelpText('after', examples([['yangtze pass revocations export -o revoked.json', 'for pass verify --revoked']]))
    .command('export')
    .description('sign the list of revoked and refunded passes; also saved under <home>/revocations/')
    .option('-o, --output <file>', 'write the list to FILE instead of stdout')
    .addHelpText('after', examples([['yangtze pass revocations export -o revoked.json', 'copy it to the offline gates']]))
    .action(
      action(async (ctx, opts) => {
        const { runRevocationsExport, renderRevocationsExport } = await import('../commands/pass-revocations.js');
        const output = opts.output as string | undefined;
        const result = await runRevocationsExport(
          { ...(output ? { output: ctx.resolve(output) } : {}) },
          { ...(await ledgerTargetOf(ctx)), nowMs: ctx.effects.now(), signer: await loadSignerOf(ctx) },
        );
        renderRevocationsExport(result, ctx.out);
      }, effects),
    );

  pass
    .command('export')
    .description('stream the ledger\'s passes (issue order)')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'ndjson', 'csv']).default('json'))
    .option('--since <date>', 'only passes issued on or after this date')
    .option('-o, --output <file>', 'write to FILE instead of stdout')
    .addHelpText('after', examples([
      ['yangtze pass export --format csv -o passes.csv', 'every pass, for a spreadsheet'],
      ['yangtze pass export --format ndjson --since 2026-05-01', 'one JSON line per pass'],
    ]))
    .action(
      action(async (ctx, opts) => {
        const o = opts as { format: 'json' | 'ndjson' | 'csv'; since?: string; output?: string };
        const { runPassExport } = await import('../commands/pass-export.js');
        const result = await runPassExport(
          { format: o.format, ...(o.since ? { since: o.since } : {}), ...(o.output ? { output: ctx.resolve(o.output) } : {}) },
          { ...(await ledgerTargetOf(ctx)), nowMs: ctx.effects.now(), stdout: ctx.effects.stdout },
        );
        if (result.output) ctx.out.info(`${result.passes} pass(es) written to ${result.output}`);
      }, effects),
    );

  pass
    .command('show')
    .description('one pass from the ledger, by pass id or token, with its entries')
    .argument('<pass>', 'a pass id (YZ-…) or a pass token (YZ1:…)')
    .option('--trust <file>', 'trust file a token is checked against (default: the one under --home)')
    .option('--json', 'the pass and its entries as JSON')
    .addHelpText('after', examples([
      ['yangtze pass show YZ-7K3M9Q2X4TAB', 'status, window and every entry'],
      ['yangtze pass show "$SCANNED" --json', 'by the token a gate scanned'],
    ]))
    .action(
      action(async (ctx, opts, args) => {
        const { runPassShow, renderPassShow } = await import('../commands/pass-show.js');
        const trust = opts.trust as string | undefined;
        const result = await runPassShow(args[0]!, { ...(await ledgerTargetOf(ctx)), nowMs: ctx.effects.now(), ...(trust ? { trust: ctx.resolve(trust) } : {}) });
        renderPassShow(result, ctx.out);
      }, effects),
    );

  pass
    .command('list')
    .description('passes in the ledger, filtered by booking, holder or status')
    .option('--booking <ref>', 'only this booking')
    .option('--holder <name>', 'only holders whose name contains this (any case)')
    .option('--status <status>', 'only this status: issued, active, used-up, expired, revoked, refunded')
    .option('--json', 'the pass JSON document')
    .addHelpText('after', examples([
      ['yangtze pass list --booking BK1042', 'the passes of one booking'],
      ['yangtze pass list --holder "li wei" --status active', 'by part of the name, any case'],
    ]))
    .action(
      action(async (ctx, opts) => {
        const { runPassList, renderPassList } = await import('../commands/pass-show.js');
        const o = opts as { booking?: string; holder?: string; status?: string };
        const result = await runPassList(
          { ...(o.booking !== undefined ? { booking: o.booking } : {}), ...(o.holder !== undefined ? { holder: o.holder } : {}), ...(o.status !== undefined ? { status: o.status } : {}) },
          { ...(await ledgerTargetOf(ctx)), nowMs: ctx.effects.now() },
        );
        renderPassList(result, ctx.out);
      }, effects),
    );

  pass
    .command('reconcile')
    .description('merge offline gate logs into the ledger and report double use (exit 1 if any)')
    .argument('<logs...>', 'gate log files (NDJSON, from pass redeem --offline --log)')
    .option('--trust <file>', 'trust file the scanned tokens are checked against (default: the one under --home)')
    .option('--json', 'the report as JSON')
    .addHelpText('after', examples([['yangtze pass reconcile gate-east.ndjson gate-west.ndjson', 'exit 1 if a pass was used twice']]))
    .action(
      action(async (ctx, opts, args) => {
        const { runPassReconcile, renderPassReconcile } = await import('../commands/pass-reconcile.js');
        const trust = opts.trust as string | undefined;
        const result = await runPassReconcile(
          { logs: args.map((a) => ctx.resolve(a)), ...(trust ? { trust: ctx.resolve(trust) } : {}) },
          { ...(await ledgerTargetOf(ctx)), nowMs: ctx.effects.now() },
        );
        renderPassReconcile(result, ctx.out);
      }, effects),
    );
}

async function loadSignerOf(ctx: CliContext) {
  const { loadSigner } = await import('../io/keys.js');
  return loadSigner(ctx.home);
}
