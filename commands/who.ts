import { answer, MAX_QUERY_LENGTH } from '../src/engine/answer.js';
import { completePeople } from '../src/engine/complete.js';
import { choice, MAX_CHOICES, textOption, type BotCommand } from '../src/bot/command.js';

export default {
  name: 'who',
  description: 'Who is someone in the story, and what the report says they did',
  options: [textOption('name', 'A name, surname or title (Witkoff, the Kremlin spokesperson)', MAX_QUERY_LENGTH, true)],
  run: ({ store }, { name = '' }) => ({ type: 'answer', answer: answer(store.current, { command: 'who', text: name }) }),
  autocomplete: (kb, typed) => completePeople(kb, typed, MAX_CHOICES).map((c) => choice(c.label, c.id)),
} satisfies BotCommand;
