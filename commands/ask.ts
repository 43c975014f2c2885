import { MAX_QUERY_LENGTH } from '../src/engine/answer.js';
import { answerWith, textOption, type Command } from '../src/dispatch/command.js';

export default {
  name: 'ask',
  description: 'Ask a question about the story',
  options: [textOption('question', 'What you want to know, in your own words', MAX_QUERY_LENGTH)],
  access: 'everyone',
  defer: false,
  cooldown: 'member',
  run: answerWith('ask', 'question'),
} satisfies Command;
