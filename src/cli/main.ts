/** Entry point: the only module that touches the real process. */
import { processEffects } from './effects.js';
import { runCli } from './program.js';

const effects = processEffects();
// stdout closed early (`yangtze … | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
});
process.exitCode = await runCli(process.argv.slice(2), effects);
