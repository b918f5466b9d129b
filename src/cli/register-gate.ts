/**
 * `gate serve|add|list|revoke|openapi`: the online gate service and its gates'
 * credentials. Each action loads its command module only when it runs; the
 * HTTP server is loaded by `gate serve` alone.
 */
import type { Command } from 'commander';
import { action } from './action.js';
import type { Effects } from './effects.js';
import { UsageError } from './errors.js';
import { examples } from './help.js';
import { ledgerTargetOf } from './ledger-target.js';

/** The service's defaults, restated here so `--help` needs no server module (gate-service.ts DEFAULT_LIMITS). */
const DEFAULT_MAX_IN_FLIGHT = 512;
const DEFAULT_REQUEST_TIMEOUT_MS = 5_000;

function wholeNumber(flag: string, text: string, min = 0): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min) throw new UsageError(`${flag}: "${text}" is not a whole number${min > 0 ? ` of at least ${min}` : ''}`);
  return n;
}

export function register(program: Command, effects: Effects): void {
  const gate = program
    .command('gate')
    .description('the online gate service and its gates\' credentials')
    .addHelpText('after', examples([
      ['yangtze gate add wh-east-lake-1 --attractions east-lake > east-lake-1.cred', 'a credential for one scanner'],
      ['yangtze --ledger postgresql://yangtze@db/ledger gate serve --host 0.0.0.0', 'the service, on the shared ledger'],
    ]));

  gate
    .command('serve')
    .description('run the HTTP gate service (verify, redeem, health) until SIGTERM or Ctrl-C')
    .option('--port <n>', 'TCP port (0: any free port)', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--trust <file>', 'trust file the tokens are checked against (default: the one under --home)')
    .option('--log-file <file>', 'append the JSON log lines to FILE (default: stderr)')
    .option('--connections <n>', 'PostgreSQL: connections in the pool', '16')
    .option('--max-in-flight <n>', 'requests under way before new ones get 503', String(DEFAULT_MAX_IN_FLIGHT))
    .option('--request-timeout-ms <ms>', 'time allowed for a request\'s headers, and again for its body', String(DEFAULT_REQUEST_TIMEOUT_MS))
    .option('--json', 'the start-up line as JSON')
    .addHelpText('after', examples([
      ['yangtze gate serve --port 8080 --log-file gate.log', 'on the SQLite ledger under --home; Ctrl-C stops it gracefully'],
      ['YANGTZE_LEDGER_URL=postgresql://yangtze@db/ledger yangtze gate serve --host 0.0.0.0 --connections 16', 'one of several instances on PostgreSQL'],
    ]))
    .action(
      action(async (ctx, opts, _args, command) => {
        const o = opts as { port: string; host: string; trust?: string; logFile?: string; connections: string; maxInFlight: string; requestTimeoutMs: string };
        const port = wholeNumber('--port', o.port);
        const connections = wholeNumber('--connections', o.connections, 1);
        const maxInFlight = wholeNumber('--max-in-flight', o.maxInFlight, 1);
        const timeoutMs = wholeNumber('--request-timeout-ms', o.requestTimeoutMs, 1);
        const { trustFilePath } = await import('../io/keys.js');
        const { runGateServe, renderGateServeStarted } = await import('../commands/gate-serve.js');
        await runGateServe(
          {
            port,
            host: o.host,
            trust: o.trust ? ctx.resolve(o.trust) : trustFilePath(ctx.home),
            ...(o.logFile ? { logFile: ctx.resolve(o.logFile) } : {}),
            connections,
            limits: { maxInFlight, headersTimeoutMs: timeoutMs, bodyTimeoutMs: timeoutMs },
          },
          {
            target: await ledgerTargetOf(ctx),
            nowMs: ctx.effects.now,
            monotonicMs: ctx.effects.monotonicMs,
            stderr: (text) => void ctx.effects.stderr.write(text),
            onStop: ctx.effects.onStopSignal ?? (() => () => undefined),
            // The program's --version (read from commander, so this file needs no import of program.ts).
            version: command.parent!.parent!.version() ?? 'unknown',
          },
          (info) => renderGateServeStarted(info, ctx.out),
        );
      }, effects),
    );

  gate
    .command('add')
    .description('create a gate\'s credential, scoped to attractions; prints the secret once')
    .argument('<gateId>', 'the gate\'s id: lower-case letters, digits, dashes (e.g. wh-east-lake-1)')
    .requiredOption('--attractions <ids>', 'comma-separated attraction ids the gate may admit at')
    .option('--json', 'the gate and its credential as JSON')
    .addHelpText('after', examples([['yangtze gate add wh-east-lake-1 --attractions east-lake,guiyuan-temple > east-lake-1.cred', 'the credential alone, into a file for the scanner']]))
    .action(
      action(async (ctx, opts, args) => {
        const { runGateAdd, renderGateAdd } = await import('../commands/gate-add.js');
        const { randomBytes } = await import('node:crypto');
        const result = await runGateAdd(
          { gateId: args[0]!, attractions: String(opts.attractions) },
          { target: await ledgerTargetOf(ctx), catalogue: await ctx.catalogue(), nowMs: ctx.effects.now(), randomBytes: (n) => randomBytes(n) },
        );
        renderGateAdd(result, ctx.out);
      }, effects),
    );

  gate
    .command('list')
    .description('the gates, active and revoked (never their secrets)')
    .option('--json', 'a JSON document')
    .addHelpText('after', examples([['yangtze gate list | grep revoked', 'tab-separated when piped']]))
    .action(
      action(async (ctx) => {
        const { runGateList, renderGateList } = await import('../commands/gate-list.js');
        renderGateList(await runGateList({ target: await ledgerTargetOf(ctx) }), ctx.out);
      }, effects),
    );

  gate
    .command('revoke')
    .description('revoke a gate\'s credential: the service refuses it from now on')
    .argument('<gateId>', 'the gate\'s id')
    .option('--json', 'the result as JSON')
    .addHelpText('after', examples([['yangtze gate revoke wh-east-lake-1', 'a lost scanner: its credential stops working within 1 s']]))
    .action(
      action(async (ctx, _opts, args) => {
        const { runGateRevoke, renderGateRevoke } = await import('../commands/gate-revoke.js');
        renderGateRevoke(await runGateRevoke(args[0]!, { target: await ledgerTargetOf(ctx), nowMs: ctx.effects.now() }), ctx.out);
      }, effects),
    );

  gate
    .command('openapi')
    .description('print the service\'s OpenAPI 3.1 description (also served at /v1/openapi.json)')
    .addHelpText('after', examples([['yangtze gate openapi > gate-openapi.json', 'for the scanners\' developers']]))
    .action(
      action(async (ctx) => {
        const { gateOpenApi } = await import('../server/gate-openapi.js');
        ctx.out.result(JSON.stringify(gateOpenApi(), null, 2) + '\n');
      }, effects),
    );
}
