import { answer, MAX_QUERY_LENGTH } from '../src/engine/answer.js';
import { textOption, type BotCommand } from '../src/bot/command.js';

export default {
  name: 'ask',
  description: 'Ask a question about the story',
  options: [textOption('question', 'What you want to know, in your own words', MAX_QUERY_LENGTH)],
  run: ({ store }, { question = '' }) => ({ type: 'answer', answer: answer(store.current, { command: 'ask', text: question }) }),
} satisfies BotCommand;
