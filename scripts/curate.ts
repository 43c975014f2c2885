/**
 * npm run --silent curate -- teach "<question>" <entry-id> | undo | history
 * The curator's changes from a shell, recorded like those made from Discord: teach a question to
 * an entry, undo the latest change, or list the changes with where each previous file is kept.
 */
import { userInfo } from 'node:os';
import { Curator } from '../src/curation/curator.js';
import { formatProblem } from '../src/knowledge/types.js';
import { configOrExit, storeOrExit } from '../src/startup.js';
import { openStorageOrExit } from '../src/storage/open.js';

const usage = 'usage: npm run --silent curate -- teach "<question>" <entry-id> | undo | history';
const [action, ...args] = process.argv.slice(2);
if (!action || !['teach', 'undo', 'history'].includes(action) || (action === 'teach' && args.length !== 2)) {
  console.error(usage);
  process.exit(2);
}

const config = configOrExit();
const store = await storeOrExit(config.knowledgeDir);
const storage = await openStorageOrExit(config.storage);
const curator = new Curator(store, storage, config.storage.dataDir);
const actor = { id: 'shell', name: userInfo().username };
let code = 0;
try {
  if (action === 'history') {
    for (const c of await storage.changes(50)) {
      const undone = c.undoneAt ? `, undone ${new Date(c.undoneAt).toISOString()}` : '';
      console.log(
        `#${c.id} ${new Date(c.changedAt).toISOString()} ${c.kind} by ${c.actorName} (${c.actorId}): ${c.file} [${c.entries.join(', ')}]` +
          `${undone}; previous file: ${c.previousPath ? `${config.storage.dataDir}/${c.previousPath}` : 'none (it did not exist)'}`,
      );
    }
  } else if (action === 'undo') {
    const outcome = await curator.undo(actor);
    if (outcome.ok) console.log(`Undid #${outcome.undone.id} (${outcome.undone.kind} of ${outcome.undone.file}).`);
    else {
      console.error([outcome.reason, ...(outcome.problems ?? []).map(formatProblem)].join('\n'));
      code = 1;
    }
  } else {
    const [question, entry] = args as [string, string];
    const outcome = await curator.teach(question, entry, actor);
    if (outcome.ok === false) {
      console.error([outcome.reason, ...(outcome.problems ?? []).map(formatProblem)].join('\n'));
      code = 1;
    } else {
      const now = outcome.now;
      if (outcome.ok === 'unchanged') console.log(`Already answered by ${entry}; nothing changed.`);
      else console.log(`Taught to ${entry} (change #${outcome.changeId}).`);
      console.log(`Now: ${now.status}${now.entry ? ` by ${now.entry}` : ''}: ${now.text}`);
      for (const s of now.sources) console.log(`  > ${s.quote}\n    — line ${s.line}, ${s.attribution}`);
    }
  }
} finally {
  await storage.close();
}
process.exit(code);
