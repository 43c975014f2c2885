import { ConfigError, readConfig, type Config } from './config.js';
import { forTerminal } from './console/terminal.js';
import { KnowledgeLoadError, KnowledgeStore } from './knowledge/store.js';

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
    if (err instanceof KnowledgeLoadError) {
      // Folder and file names come from disk: no control sequence of theirs reaches the terminal.
      process.stderr.write(`${forTerminal(`storybot: ${dir}: ${err.message}`)}\n`);
      process.exit(1);
    }
    throw err;
  }
}
