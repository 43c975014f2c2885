import { MAX_QUERY_LENGTH } from '../src/engine/answer.js';
import { answerWith, textOption, type BotCommand } from '../src/bot/command.js';

export default {
  name: 'ask',
  description: 'Ask a question about the story',
  options: [textOption('question', 'What you want to know, in your own words', MAX_QUERY_LENGTH)],
  run: answerWith('ask', 'question'),
} satisfies BotCommand;
