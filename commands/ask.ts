import { MAX_QUERY_LENGTH } from '../src/engine/answer.js';
import { answerWith, STORY_OPTION, textOption, withStoryCompletion, type Command } from '../src/dispatch/command.js';

export default {
  name: 'ask',
  description: 'Ask a question about the story',
  options: [textOption('question', 'What you want to know, in your own words', MAX_QUERY_LENGTH), STORY_OPTION],
  access: 'everyone',
  defer: false,
  cooldown: 'member',
  run: answerWith('ask', 'question'),
  autocomplete: withStoryCompletion(),
} satisfies Command;
