import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answer, buildKnowledgeBase, type KnowledgeBase } from '../src/engine/answer.js';
import { draftStory, type StoryDraft } from '../src/draft/draft.js';
import { findPeople } from '../src/draft/people.js';
import { splitSentences } from '../src/draft/sentences.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { Knowledge } from '../src/knowledge/types.js';
import { KNOWLEDGE_DIR, ROOT, STORY_DIR } from './helpers/knowledge.js';
import { tsx } from './helpers/run.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/reports/harbour-strike.txt');

interface DraftedEntry {
  id: string;
  draft: boolean;
  sources: { line: number; quote: string; by: string }[];
}

let shipped: StoryDraft;
let harbour: StoryDraft;
let harbourReport: string;
let both: Knowledge;
let kb: KnowledgeBase;
let dir: string;

beforeAll(async () => {
  harbourReport = await readFile(FIXTURE, 'utf8');
  shipped = draftStory(await readFile(path.join(STORY_DIR, 'report.txt'), 'utf8'), { slug: 'ukraine-peace-push' });
  harbour = draftStory(harbourReport, { slug: 'harbour-strike' });
  // The shipped story as curated, and beside it the fixture report as drafted, untouched.
  dir = await mkdtemp(path.join(tmpdir(), 'storybot-draft-'));
  await cp(KNOWLEDGE_DIR, dir, { recursive: true });
  await mkdir(path.join(dir, 'stories/harbour-strike'));
  for (const [name, text] of Object.entries(harbour.files))
    await writeFile(path.join(dir, 'stories/harbour-strike', name), text);
  const loaded = await loadKnowledge(dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems, null, 1));
  both = loaded.knowledge;
  kb = buildKnowledgeBase(both);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const entriesOf = (d: StoryDraft, file: string) => parse(d.files[file]!) as DraftedEntry[];
const people = (d: StoryDraft) => parse(d.files['people.yaml']!) as { name: string; role: string; aliases: string[] }[];

describe('drafting a story folder from a report', () => {
  it('is accepted by the loader without edits, for the shipped report as for the test report', async () => {
    const only = await mkdtemp(path.join(tmpdir(), 'storybot-draft-only-'));
    try {
      await mkdir(path.join(only, 'stories/ukraine-peace-push'), { recursive: true });
      for (const [name, text] of Object.entries(shipped.files))
        await writeFile(path.join(only, 'stories/ukraine-peace-push', name), text);
      const loaded = await loadKnowledge(only);
      expect(loaded.ok ? [] : loaded.problems).toEqual([]);
    } finally {
      await rm(only, { recursive: true, force: true });
    }
    expect(both.stories.map((s) => s.id)).toEqual(['harbour-strike', 'ukraine-peace-push']);
  });

  it('quotes every sentence verbatim from its line, once', () => {
    for (const [d, report] of [[harbour, harbourReport]] as const) {
      const lines = report.split('\n');
      const qa = entriesOf(d, 'qa.yaml');
      for (const e of [...qa, ...entriesOf(d, 'events.yaml')]) {
        for (const s of e.sources) expect(lines[s.line - 1]).toContain(s.quote);
      }
      // One entry per sentence; the "Also Read" link and the "(Reuters)" tag are not facts of the story...
      const sentences = qa.filter((e) => e.id !== 'news-agency');
      expect(sentences).toHaveLength(11);
      expect(sentences.every((e) => !/Also Read|^\(Reuters\)$/.test(e.sources[0]!.quote))).toBe(true);
      // ...but the tag says where the report comes from: one entry answers that, quoting it.
      const credit = qa.find((e) => e.id === 'news-agency') as DraftedEntry & { answer: string };
      expect(credit.sources).toEqual([{ line: 6, quote: '(Reuters)', by: 'agency' }]);
      expect(credit.answer).toMatch(/^The report is credited to Reuters/);
    }
  });

  it('marks every drafted entry as a draft, and the loader keeps the mark', () => {
    const drafted = both.entries.filter((e) => e.story === 'harbour-strike');
    expect(drafted.length).toBeGreaterThan(20);
    expect(drafted.every((e) => e.draft)).toBe(true);
    expect(both.entries.filter((e) => e.story === 'ukraine-peace-push').some((e) => e.draft)).toBe(false);
  });

  it('reads the dateline, the agency, the outlets it relays, and the link line', () => {
    const story = parse(shipped.files['story.yaml']!);
    expect(story).toMatchObject({
      dateline: 'WASHINGTON',
      agency: 'ANI',
      outlets: ['CNN', 'Axios'],
      published: null,
      links: [{ line: 8 }],
    });
    expect(story.title).toMatch(/^The Trump administration has launched/);
    const harbourStory = parse(harbour.files['story.yaml']!);
    expect(harbourStory).toMatchObject({ dateline: 'ROTTERDAM', agency: 'Reuters', outlets: ['Bloomberg'] });
    expect(draftStory(harbourReport, { slug: 'x', headline: 'Rotterdam dock strike' }).files['story.yaml']).toContain(
      'title: Rotterdam dock strike',
    );
  });

  it('finds the voices claims are attributed to', () => {
    const voices = Object.values(parse(shipped.files['story.yaml']!).voices as Record<string, string>);
    expect(voices).toEqual(
      expect.arrayContaining([
        'CNN',
        'Axios',
        'a source familiar with the discussions',
        'unnamed reports (“reportedly”)',
        'Kremlin spokesperson Dmitry Peskov',
        'Army spokesperson Col. Dave Butler',
        'ANI’s report, without naming a source',
      ]),
    );
    const qa = entriesOf(harbour, 'qa.yaml');
    const byLine = (n: number, i = 0) => qa.filter((e) => e.sources[0]!.line === n)[i]!.sources[0]!.by;
    expect(byLine(1)).toBe('reuters'); // "..., Reuters reported"
    expect(byLine(2, 1)).toBe('marieke-visser'); // "“...,” she said."
    expect(byLine(3, 1)).toBe('ministry-statement'); // "according to a ministry statement"
    expect(byLine(6)).toBe('bloomberg'); // "..., Bloomberg reported on Wednesday."
  });
});

describe('the questions drafted for each sentence', () => {
  const qa = () =>
    entriesOf(harbour, 'qa.yaml') as (DraftedEntry & { question: string; phrasings: string[]; answer: string })[];
  const asked = (line: number, n = 1) => {
    const e = qa().find((x) => x.id === `line-${line}-${n}`)!;
    return [e.question, ...e.phrasings];
  };

  it('asks a passive sentence the active way round, and "why" without giving its answer away', () => {
    // "The strike was called by the FNV union after talks over automation and pay broke down late Sunday"
    expect(asked(2)).toEqual(
      expect.arrayContaining(['Who called the strike?', 'Why was the strike called by the FNV union?']),
    );
    // "... urged both sides to return to the table": the purpose is the answer, not part of the question.
    expect(asked(3, 2)).toContain('Why did Janssen urge both sides?');
  });

  it('asks for a speaker’s words, and names the subject by the role the report gives', () => {
    expect(asked(2, 2)[0]).toBe('What did Visser say?');
    expect(asked(3, 2)).toContain('What did the dutch infrastructure minister do?');
    // An outlet's first claim: what did it report.
    expect(asked(1)).toEqual(expect.arrayContaining(['What did Reuters report?', 'Who reported this?']));
  });

  it('asks about the sentence’s noun phrases by themselves, and never puts a word in the answer the line lacks', () => {
    expect(asked(4)).toEqual(expect.arrayContaining(['How many vessels?', 'What about the 14 vessels?']));
    for (const e of qa().filter((x) => x.id.startsWith('line-'))) expect(e.sources[0]!.quote).toContain(e.answer);
  });

  it('summarises a person by what they say or do, not by every sentence naming them', () => {
    const siemons = parse(harbour.files['people.yaml']!).find((p: { name: string }) => p.name === 'Boudewijn Siemons');
    expect(siemons.summary).toBe(
      'Port Authority chief executive Boudewijn Siemons said the walkout was costing terminal operators millions of euros a day.',
    );
  });
});

describe('people and their roles', () => {
  it('gives each person the role the report gives, and surname and title aliases', () => {
    const found = people(shipped);
    const role = (name: string) => found.find((p) => p.name === name)?.role;
    expect(role('Dan Driscoll')).toBe('Army Secretary');
    expect(role('Dmitry Peskov')).toBe('Kremlin spokesperson');
    expect(role('Denys Shmyhal')).toBe('Ukrainian Defence Minister');
    expect(role('Randy George')).toBe('Army Chief of Staff');
    expect(role('Michael Weimer')).toBe('Sergeant Major of the Army');
    expect(role('Chris Donahue')).toBe('the top U.S. Army commander in Europe');
    expect(role('Steve Witkoff')).toBe('President Donald Trump’s special envoy');
    const butler = found.find((p) => p.name === 'Dave Butler')!;
    expect(butler.aliases).toEqual(expect.arrayContaining(['Butler', 'Col. Butler', 'Army spokesperson Butler']));
  });

  it('reads a comma-separated list of names as separate people (compromise would merge them)', () => {
    const s = splitSentences([
      'Minister Anna Kowalska met Piotr Nowak, Gen. Jan Zielinski and Ewa Wojcik in Warsaw.',
      'Nowak, Zielinski and Wojcik said nothing.',
    ]);
    const found = findPeople(s);
    expect(found.map((p) => p.name)).toEqual(['Anna Kowalska', 'Piotr Nowak', 'Jan Zielinski', 'Ewa Wojcik']);
    expect(found.find((p) => p.name === 'Jan Zielinski')?.aliases).toContain('Gen. Zielinski');
    // Each surname in the second sentence finds its own person.
    expect(found.filter((p) => p.sentences.some((x) => x.line === 2)).map((p) => p.surname)).toEqual([
      'Nowak',
      'Zielinski',
      'Wojcik',
    ]);
  });

  it('finds every person of the test report, with names the library does not know', () => {
    expect(people(harbour).map((p) => `${p.role} ${p.name}`)).toEqual([
      'union negotiator Marieke Visser',
      'Port Authority chief executive Boudewijn Siemons',
      'Dutch Infrastructure Minister Pieter Janssen',
      'Labour economist Sofia Brandt',
    ]);
  });
});

describe('time expressions and their precision', () => {
  const events = (d: StoryDraft) => parse(d.files['events.yaml']!) as { when: string; precision: string }[];
  it('keeps the report’s words and never gives a date it does not', () => {
    const shippedEvents = Object.fromEntries(events(shipped).map((e) => [e.when, e.precision]));
    expect(shippedEvents).toMatchObject({
      Wednesday: 'A Wednesday; the report gives no date.',
      October: 'October; the report gives no day and no year.',
      recently: '“Recently”; the report gives no date.',
    });
    expect(shippedEvents['this week']).toMatch(/^Counted from the day of the report/);
    const harbourEvents = Object.fromEntries(events(harbour).map((e) => [e.when, e.precision]));
    expect(harbourEvents).toMatchObject({
      'March 2019': 'March 2019; the report gives no day.',
      'Tuesday morning': 'A Tuesday morning; the report gives no date.',
      'nine days': 'A length of time (nine days), not a date.',
    });
    // "millions of euros a day" is a rate, not a time.
    expect(Object.keys(harbourEvents)).not.toContain('day');
  });
});

describe('the drafted story served beside the shipped one', () => {
  const ask = (text: string, lookup: 'ask' | 'who' | 'when' = 'ask') => answer(kb, { lookup, text });
  it('answers a question about the drafted story with a quote from its line', () => {
    const got = ask('who urged both sides to return to the table');
    expect(got.status).toBe('answered');
    expect(got.sources[0]).toMatchObject({ story: 'harbour-strike', line: 3, attribution: 'a ministry statement' });
  });
  it('answers /when and /who from the draft', () => {
    expect(ask('when did the dock workers walk off the job', 'when').sources[0]).toMatchObject({
      story: 'harbour-strike',
      line: 1,
    });
    expect(ask('janssen', 'who').text).toMatch(/^Pieter Janssen: Dutch Infrastructure Minister\./);
  });
  it('declines, truthfully, what the report does not say: an exact date, an unnamed source’s name', () => {
    const date = ask('what is the exact date of friday');
    expect(date.status).toBe('not_found');
    expect(date.text).toMatch(/The report says only “Friday”; it gives no calendar date/);
    const source = answer(kb, {
      lookup: 'ask',
      text: 'who is the source familiar with the negotiations',
      story: 'harbour-strike',
    });
    expect(source.status).toBe('not_found');
    expect(source.text).toMatch(/does not identify a source familiar with the negotiations/);
    // What the report does say is still answered.
    expect(ask('how many vessels were diverted to antwerp').status).toBe('answered');
  });
  it('still answers the shipped story from its curated entries', () => {
    expect(ask('who is leading the talks').entry).toBe('ukraine-peace-push/talks-leader');
  });
});

describe('npm run draft', () => {
  it('writes the story folder, proves it loads, and says what it found', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'storybot-draft-cli-'));
    try {
      await mkdir(path.join(out, 'stories'));
      const r = await tsx('scripts/draft.ts', ['--story', 'harbour-strike', '--out', out, FIXTURE]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/11 sentences, 4 people, 10 time expressions/);
      expect(await readFile(path.join(out, 'stories/harbour-strike/report.txt'), 'utf8')).toBe(harbourReport);
      // A second run does not overwrite a curator's work.
      const again = await tsx('scripts/draft.ts', ['--story', 'harbour-strike', '--out', out, FIXTURE]);
      expect(again).toMatchObject({ code: 2, stderr: expect.stringMatching(/already exists; pass --force/) });
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('refuses a hostile story name in one line, with exit code 2', async () => {
    const r = await tsx('scripts/draft.ts', ['--story', '../../etc', FIXTURE]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/kebab-case/);
  });
});

describe('drafting reports of other shapes', () => {
  const shapes: Record<string, string> = {
    'windows line endings and a dateline with the agency':
      'LONDON (Reuters) - Prime Minister Jane Smith said on Tuesday that taxes would rise.\r\nThe Treasury declined to comment.\r\n',
    'a sentence repeated': 'The mayor resigned. The mayor resigned. The mayor resigned on Friday, AP reported.',
    'people the report gives no role':
      '“It’s over,” said coach Tom O’Brien, 54. O’Brien’s deputy, Sara Kim, disagreed. Kim and O’Brien left.',
    'blank paragraphs and no attribution':
      'First paragraph here.\n\nSecond paragraph after a blank line, according to a spokesman.\n',
  };
  for (const [shape, report] of Object.entries(shapes)) {
    it(`is accepted by the loader without edits: ${shape}`, async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'storybot-draft-shape-'));
      try {
        await mkdir(path.join(dir, 'stories/shape'), { recursive: true });
        for (const [name, text] of Object.entries(draftStory(report, { slug: 'shape' }).files)) {
          await writeFile(path.join(dir, 'stories/shape', name), text);
        }
        const loaded = await loadKnowledge(dir);
        expect(loaded.ok ? [] : loaded.problems).toEqual([]);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }
});
