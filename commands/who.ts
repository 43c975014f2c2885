import { MAX_QUERY_LENGTH } from '../src/engine/answer.js';
import { completePeople } from '../src/engine/complete.js';
import { answerWith, textOption, type Command } from '../src/dispatch/command.js';

export default {
  name: 'who',
  description: 'Who is someone in the story, and what the report says they did',
  options: [textOption('name', 'A name, surname or title (Witkoff, the Kremlin spokesperson)', MAX_QUERY_LENGTH, true)],
  access: 'everyone',
  defer: false,
  cooldown: 'member',
  run: answerWith('who', 'name'),
  autocomplete: ({ kb, typed, limit }) => completePeople(kb, typed, limit).map((c) => ({ name: c.label, value: c.id })),
} satisfies Command;
