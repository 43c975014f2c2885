import { MAX_QUERY_LENGTH } from '../src/engine/answer.js';
import { answerWith, STORY_OPTION, textOption, withStoryCompletion, type Command } from '../src/dispatch/command.js';

export default {
  name: 'source',
  description: 'A line of the report, verbatim: by its number, or by a phrase it contains',
  options: [textOption('line', 'A line number (1, 2, …) or a phrase from the report', MAX_QUERY_LENGTH), STORY_OPTION],
  access: 'everyone',
  defer: false,
  cooldown: 'member',
  run: answerWith('source', 'line'),
  autocomplete: withStoryCompletion(),
} satisfies Command;
