import type { LapkinConfig } from '../../functions/core/config.ts';
import { answeringStack } from '../local/stack-file.ts';

/** What every command gets: the configuration, the state directory and its own parsed arguments. */
export interface Ctx {
  config: LapkinConfig;
  stateDir: string;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** The raw arguments, without --state-dir and --help, for the commands that parse their own. */
  rest: string[];
  usage: () => never;
}

export function fail(message: string, code = 1): never {
  process.stderr.write(`lapkin: ${message}\n`);
  process.exit(code);
}

/** The running stack of this checkout's state dir, or a clear way out. */
export async function requireRunning(ctx: Ctx) {
  const running = await answeringStack(ctx.stateDir);
  if (!running) fail(`the local stack of ${ctx.stateDir} is not running; start it with: npm start`);
  return running;
}
