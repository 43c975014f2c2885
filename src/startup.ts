import { ConfigError, readConfig, type Config } from './config.js';
import { forTerminal } from './console/terminal.js';
import { KnowledgeLoadError, KnowledgeStore } from './knowledge/store.js';
import { formatProblem, type KnowledgeProblem } from './knowledge/types.js';

/** Problems printed at start-up; the rest are counted, so the first screen shows where to start. */
export const PROBLEMS_SHOWN = 50;

/**
 * Start-up failures a person can fix get a short message and an exit code, never a stack trace:
 * configuration is exit 2 with one line naming the variable; broken knowledge is exit 1 with its problems.
 */
export function configOrExit(): Config {
  try {
    return readConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`storybot: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

export async function storeOrExit(dir: string): Promise<KnowledgeStore> {
  try {
    return await KnowledgeStore.open(dir);
  } catch (err) {
    // Folder and file names come from disk: no control sequence of theirs reaches the terminal.
    if (err instanceof KnowledgeLoadError)
      return exitAfterWrite(1, forTerminal(`storybot: ${dir}: ${problemList(err.problems)}`));
    throw err;
  }
}

export function problemList(problems: readonly KnowledgeProblem[]): string {
  const shown = problems.slice(0, PROBLEMS_SHOWN).map((p) => `  ${formatProblem(p)}\n`);
  const more = problems.length - shown.length;
  return `the knowledge has ${problems.length} problem(s):\n${shown.join('')}${more > 0 ? `  ... and ${more} more\n` : ''}`;
}

/**
 * Exits once `text` has reached standard error: a write to a full pipe completes later, and
 * exiting before it would cut the message (at 64 KiB).
 */
function exitAfterWrite(code: number, text: string): Promise<never> {
  return new Promise<never>(() => process.stderr.write(text, () => process.exit(code)));
}
