import { spawn } from 'node:child_process';
import { ROOT } from './knowledge.js';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command in the project with `input` on standard input, and no Discord token. */
export function run(
  command: string,
  args: string[],
  { input = '', env = {} }: { input?: string; env?: Record<string, string> } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, DISCORD_TOKEN: '', LOG_LEVEL: '', NO_COLOR: '1', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    // A child that exits before reading (a start-up refusal) closes its end: not an error here.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/** The project's TypeScript entry points, run as `npm start` runs them. */
export const tsx = (script: string, args: string[] = [], options?: Parameters<typeof run>[2]) =>
  run(process.execPath, ['--import', 'tsx', script, ...args], options);
