import { MAX_QUERY_LENGTH } from '../src/engine/answer.js';
import { completeEvents } from '../src/engine/complete.js';
import { answerWith, STORY_OPTION, textOption, withStoryCompletion, type Command } from '../src/dispatch/command.js';

export default {
  name: 'when',
  description: 'When something in the story happened, as precisely as the report says',
  options: [
    textOption('event', 'What happened (Driscoll arrived in Ukraine, the Anchorage meeting)', MAX_QUERY_LENGTH, true),
    STORY_OPTION,
  ],
  access: 'everyone',
  defer: false,
  cooldown: 'member',
  run: answerWith('when', 'event'),
  autocomplete: withStoryCompletion(({ kb, typed, limit }) =>
    completeEvents(kb, typed, limit).map((c) => ({ name: c.label, value: c.id })),
  ),
} satisfies Command;
