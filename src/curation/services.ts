import type { Logger } from 'pino';
import type { StorageConfig } from '../config.js';
import type { KnowledgeStore } from '../knowledge/store.js';
import { loadSalt } from '../storage/hash.js';
import { openStorageOrExit } from '../storage/open.js';
import { QuestionLog } from '../storage/question-log.js';
import type { Storage } from '../storage/storage.js';
import { ChannelPins } from '../stories/pins.js';
import { Curator } from './curator.js';

/** What the curation commands and the question log need, opened once at start and closed at exit. */
export interface Curation {
  storage: Storage;
  questions: QuestionLog;
  curator: Curator;
  /** Which story each channel is pinned to (/story pin), kept in the database. */
  pins: ChannelPins;
  /** Writes the questions still queued, then closes the database. */
  close(): Promise<void>;
}

export async function openCuration(config: StorageConfig, store: KnowledgeStore, log?: Logger): Promise<Curation> {
  const storage = await openStorageOrExit(config);
  const questions = new QuestionLog(storage, {
    salt: loadSalt(config.dataDir, config.hashSalt),
    retentionDays: config.questionLogDays,
    ...(log ? { log } : {}),
  });
  questions.startPurging();
  return {
    storage,
    questions,
    curator: new Curator(store, storage, config.dataDir),
    pins: new ChannelPins(storage),
    async close() {
      await questions.close();
      await storage.close();
    },
  };
}
