import { MAX_QUERY_LENGTH } from '../src/engine/answer.js';
import { completePeople } from '../src/engine/complete.js';
import { answerWith, STORY_OPTION, textOption, withStoryCompletion, type Command } from '../src/dispatch/command.js';

export default {
  name: 'who',
  description: 'Who is someone in the story, and what the report says they did',
  options: [
    textOption('name', 'A name, surname or title (Witkoff, the Kremlin spokesperson)', MAX_QUERY_LENGTH, true),
    STORY_OPTION,
  ],
  access: 'everyone',
  defer: false,
  cooldown: 'member',
  run: answerWith('who', 'name'),
  autocomplete: withStoryCompletion(({ kb, typed, limit }) =>
    completePeople(kb, typed, limit).map((c) => ({ name: c.label, value: c.id })),
  ),
} satisfies Command;
