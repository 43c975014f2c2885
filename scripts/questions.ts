/**
 * npm run --silent questions -- [--days 7] [--format csv|json] [--limit 50]
 * For curators outside Discord: the questions members asked that the bot declined or was unsure
 * of, grouped, and the entries voted not helpful. Reads the same database as the bot.
 */
import { parseArgs } from 'node:util';
import { formatUnanswered, unansweredReport, type UnansweredReport } from '../src/curation/unanswered.js';
import { configOrExit, storeOrExit } from '../src/startup.js';
import { openStorageOrExit } from '../src/storage/open.js';

const usage = 'usage: npm run --silent questions -- [--days N] [--format csv|json|text] [--limit N]';
let values;
try {
  ({ values } = parseArgs({
    options: {
      days: { type: 'string', default: '7' },
      format: { type: 'string', default: 'csv' },
      limit: { type: 'string', default: '50' },
    },
  }));
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}
const days = Number(values.days);
const limit = Number(values.limit);
if (!Number.isInteger(days) || days < 1 || days > 3650) {
  console.error(`--days must be a whole number of days, 1 to 3650\n${usage}`);
  process.exit(2);
}
if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
  console.error(`--limit must be a whole number, 1 to 1000\n${usage}`);
  process.exit(2);
}
if (!['csv', 'json', 'text'].includes(values.format)) {
  console.error(`--format must be csv, json or text\n${usage}`);
  process.exit(2);
}

const config = configOrExit();
const store = await storeOrExit(config.knowledgeDir);
const storage = await openStorageOrExit(config.storage);
try {
  const report = await unansweredReport(storage, store.current, { days, limit });
  const out =
    values.format === 'json'
      ? JSON.stringify(report, null, 2)
      : values.format === 'text'
        ? formatUnanswered(report)
        : toCsv(report);
  process.stdout.write(`${out}\n`);
} finally {
  await storage.close();
}

/** One table: a row per question group, then a row per entry voted not helpful; `kind` tells them apart. */
function toCsv(report: UnansweredReport): string {
  const rows: unknown[][] = [
    ['kind', 'text', 'asks', 'askers', 'last_asked', 'suggestions', 'entry', 'not_helpful', 'helpful'],
  ];
  for (const q of report.questions) {
    rows.push([
      'unanswered',
      q.text,
      q.asks,
      q.askers,
      new Date(q.lastAsked).toISOString(),
      q.suggestions.map((s) => s.id).join(' '),
      q.answeredNowBy ?? '',
      '',
      '',
    ]);
  }
  for (const v of report.notHelpful)
    rows.push(['not_helpful', v.title ?? '', '', '', '', '', v.entry, v.notHelpful, v.helpful]);
  return rows.map((r) => r.map(csvField).join(',')).join('\n');
}

function csvField(value: unknown): string {
  let s = String(value);
  // A leading = + - @ makes a spreadsheet run the cell as a formula: members typed these texts.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
