import { describeRefresh } from '../dispatch/refresh-report.js';
import type { Answer, Reply } from '../dispatch/reply.js';
import { forTerminal } from './terminal.js';

/** Plain-text replies for the terminal, laid out like the Discord reply: answer, quoted line, attribution. */
export function renderText(reply: Reply): string {
  return forTerminal(layout(reply));
}

function layout(reply: Reply): string {
  switch (reply.type) {
    case 'answer':
      return renderAnswer(reply.answer);
    case 'info':
      return [reply.title, ...reply.lines.map((l) => `  ${l}`)].join('\n');
    case 'refresh': {
      const { title, lines } = describeRefresh(reply.outcome);
      return [title, ...lines.map((l) => `  ${l}`)].join('\n');
    }
    case 'notice':
      return reply.text;
  }
}

function renderAnswer(a: Answer): string {
  const out = a.story ? [`[${a.story.title}]`, a.text] : [a.text];
  if (a.sources.length) {
    out.push('');
    if (a.status !== 'answered') out.push('What the report does say:');
    else if (a.conflict) out.push('Accounts differ; each is shown with who it comes from:');
    for (const s of a.sources) out.push(`  > ${s.quote}`, `    — line ${s.line}, ${s.attribution}`);
  }
  if (a.suggestions.length) {
    out.push('');
    a.suggestions.forEach((s, i) => out.push(`  ${i + 1}. ${s.title}`));
    out.push('  (type a number to pick one)');
  }
  return out.join('\n');
}
