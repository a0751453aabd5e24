import readline from 'node:readline';
import { AppError } from '../errors.ts';

// RELAIS_PASSPHRASE for scripts; otherwise a hidden prompt on a TTY. Never an argument,
// which would land in shell history and process listings.
export async function readPassphrase(prompt = 'Recovery passphrase: ', env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env.RELAIS_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    throw new AppError('InvalidInput', 'No recovery passphrase: set RELAIS_PASSPHRASE or run in a terminal to be prompted.');
  }
  return promptHidden(prompt);
}

export async function readNewPassphrase(envName: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) throw new AppError('InvalidInput', `No new passphrase: set ${envName} or run in a terminal to be prompted.`);
  const a = await promptHidden('New recovery passphrase: ');
  const b = await promptHidden('Repeat it: ');
  if (a !== b) throw new AppError('InvalidInput', 'The two passphrases differ; nothing was changed.');
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
