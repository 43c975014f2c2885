import { MAX_QUERY_LENGTH } from '../src/engine/answer.js';
import { completeEvents } from '../src/engine/complete.js';
import { answerWith, choice, MAX_CHOICES, textOption, type BotCommand } from '../src/bot/command.js';

export default {
  name: 'when',
  description: 'When something in the story happened, as precisely as the report says',
  options: [
    textOption('event', 'What happened (Driscoll arrived in Ukraine, the Anchorage meeting)', MAX_QUERY_LENGTH, true),
  ],
  run: answerWith('when', 'event'),
  autocomplete: (kb, typed) => completeEvents(kb, typed, MAX_CHOICES).map((c) => choice(c.label, c.id)),
} satisfies BotCommand;
