import { MAX_QUERY_LENGTH } from '../src/engine/answer.js';
import { completePeople } from '../src/engine/complete.js';
import { answerWith, choice, MAX_CHOICES, textOption, type BotCommand } from '../src/bot/command.js';

export default {
  name: 'who',
  description: 'Who is someone in the story, and what the report says they did',
  options: [textOption('name', 'A name, surname or title (Witkoff, the Kremlin spokesperson)', MAX_QUERY_LENGTH, true)],
  run: answerWith('who', 'name'),
  autocomplete: (kb, typed) => completePeople(kb, typed, MAX_CHOICES).map((c) => choice(c.label, c.id)),
} satisfies BotCommand;
