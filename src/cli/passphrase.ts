import readline from 'node:readline';
import { AppError } from '../errors.ts';

// RELAIS_PASSPHRASE for scripts; otherwise a hidden prompt on a TTY. Never an argument,
// which would land in shell history and process listings.

/** A passphrase and where it came from, so a wrong one can say which to correct. */
export interface Passphrase {
  value: string;
  source: 'RELAIS_PASSPHRASE' | 'prompt';
}

export async function askPassphrase(prompt = 'Recovery passphrase: ', env: NodeJS.ProcessEnv = process.env): Promise<Passphrase> {
  const fromEnv = env.RELAIS_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return { value: fromEnv, source: 'RELAIS_PASSPHRASE' };
  if (!process.stdin.isTTY) {
    throw new AppError('InvalidInput', 'cli.noPassphrase');
  }
  return { value: await promptHidden(prompt), source: 'prompt' };
}

export async function readPassphrase(prompt = 'Recovery passphrase: ', env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return (await askPassphrase(prompt, env)).value;
}

/**
 * A WrongKey says where the passphrase came from and, for a backup, that an older one may be
 * needed: a reason of its own (cli.wrongKey.*) whose words start with the store's reason,
 * nested with its parameters, so the whole reads in the CLI's language like the other errors.
 */
export function explainWrongPassphrase(e: AppError, p: Passphrase, what: 'store' | 'backup'): AppError {
  // Every WrongKey of the store carries a reason; one without (prose) is left as it is.
  if (e.code !== 'WrongKey' || !e.reason) return e;
  const fromEnv = p.source === 'RELAIS_PASSPHRASE';
  const backup = what === 'backup';
  return new AppError(
    'WrongKey',
    fromEnv ? (backup ? 'cli.wrongKey.envBackup' : 'cli.wrongKey.env') : backup ? 'cli.wrongKey.promptBackup' : 'cli.wrongKey.prompt',
    { ...e.params, reason: e.reason },
    e.issues,
    { cause: e },
  );
}

export async function readNewPassphrase(envName: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) throw new AppError('InvalidInput', 'cli.noNewPassphrase', { env: envName });
  const a = await promptHidden('New recovery passphrase: ');
  const b = await promptHidden('Repeat it: ');
  if (a !== b) throw new AppError('InvalidInput', 'cli.passphrasesDiffer');
  return a;
}

function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const rlAny = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(prompt);
    rlAny._writeToOutput = () => {};
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}
