import { MAX_QUERY_LENGTH } from '../src/engine/answer.js';
import { answerWith, textOption, type BotCommand } from '../src/bot/command.js';

export default {
  name: 'source',
  description: 'A line of the report, verbatim: by its number, or by a phrase it contains',
  options: [textOption('line', 'A line number (1, 2, …) or a phrase from the report', MAX_QUERY_LENGTH)],
  run: answerWith('source', 'line'),
} satisfies BotCommand;
