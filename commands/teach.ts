import { actorOf, describeTeach } from '../src/curation/describe.js';
import { completeEntries } from '../src/curation/complete-entries.js';
import { CURATION_LIMITS } from '../src/curation/curator.js';
import type { Command } from '../src/dispatch/command.js';

/**
 * Moderators teach a question to an entry: it becomes one of the entry's phrasings, written into
 * its knowledge file (comments and layout kept), validated like a refresh and swapped in. The
 * reply shows the answer the question now gets, with its quote. A failed validation changes nothing.
 */
export default {
  name: 'teach',
  description: 'Moderators: make a question answer with an entry (added as one of its phrasings)',
  options: [
    {
      name: 'question',
      description: 'The question, as members ask it',
      required: true,
      maxLength: CURATION_LIMITS.questionChars,
    },
    {
      name: 'entry',
      description: 'The entry that answers it: type words of its question or a person’s name',
      required: true,
      maxLength: 200,
      autocomplete: true,
    },
  ],
  access: 'moderators',
  // Validating the folder and swapping the knowledge may take a moment.
  defer: 'private',
  cooldown: 'none',
  run: async ({ curation, invoker }, options) => {
    const question = options.question ?? '';
    if (!curation) return { type: 'info', title: 'Not taught', lines: ['No curator here.'], ephemeral: true };
    const outcome = await curation.curator.teach(question, options.entry?.trim() ?? '', actorOf(invoker));
    return { type: 'info', ...describeTeach(question, outcome), ephemeral: true };
  },
  autocomplete: ({ kb, typed, limit, option }) =>
    option && option !== 'entry' ? [] : completeEntries(kb, typed, limit).map((c) => ({ name: c.label, value: c.id })),
} satisfies Command;
