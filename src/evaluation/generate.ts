import type { Entry, Knowledge, QaEntry, Story } from '../knowledge/types.js';

/**
 * A large synthetic knowledge base for benchmarks: the shipped knowledge plus `count` generated
 * Q&A entries with realistic shape (a question, three phrasings, a one-sentence answer, a cited
 * quote) over a vocabulary of made-up names, places and topics, spread over `storyCount` stories
 * (the shipped one and copies of its report under other ids). Deterministic for a given seed.
 */
export function generateKnowledge(base: Knowledge, count: number, seed = 42, storyCount = 1): Knowledge {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const words = (n: number, syllables: number) =>
    Array.from({ length: n }, () =>
      Array.from({ length: 2 + Math.floor(random() * syllables) }, () => pick(SYLLABLES)).join(''),
    );
  const people = words(4000, 2);
  const places = words(1500, 2);
  const topics = words(3000, 3);
  const shipped = base.stories[0]!;
  const line = shipped.lines[0]!;
  const stories: Story[] = [
    ...base.stories,
    ...Array.from({ length: storyCount - 1 }, (_, i) => ({
      ...shipped,
      id: `generated-story-${i + 1}`,
      title: `Generated story ${i + 1}`,
    })),
  ];

  const entries: Entry[] = [...base.entries];
  // The loader refuses a phrasing shared by two entries, so draw again on a collision.
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    const person = pick(people);
    const place = pick(places);
    const topic = pick(topics);
    const verb = pick(VERBS);
    const keys = [`${person} ${topic} ${place}`, `${person} ${verb} ${topic}`, `${topic} ${place}`];
    if (keys.some((k) => used.has(k))) {
      i--;
      continue;
    }
    for (const k of keys) used.add(k);
    const story = stories[i % storyCount]!;
    const entry: QaEntry = {
      id: `generated-${i}`,
      story: story.id,
      kind: 'qa',
      draft: false,
      title: `What did ${person} ${verb} about ${topic} in ${place}?`,
      phrasings: [
        `What did ${person} ${verb} about ${topic} in ${place}?`,
        `${person} ${topic} ${place}`,
        `why did ${person} ${verb} about the ${topic}`,
        `${topic} talks in ${place}`,
      ],
      answer: `${person} ${verb}ed about ${topic} during the ${pick(topics)} talks in ${place}.`,
      sources: [{ story: story.id, line: 1, quote: line.slice(0, 40), attribution: 'CNN' }],
      conflict: false,
      file: 'generated',
    };
    entries.push(entry);
  }
  return { stories, entries, synonyms: base.synonyms };
}

const SYLLABLES = [
  'ka',
  'lo',
  'mir',
  'ven',
  'sta',
  'tor',
  'bel',
  'gra',
  'dun',
  'ish',
  'pol',
  'rek',
  'sav',
  'tin',
  'zor',
  'ul',
  'eth',
  'nar',
  'qui',
  'fen',
];
const VERBS = ['say', 'warn', 'ask', 'argu', 'complain', 'report', 'insist', 'clarify', 'speculat', 'testify'];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
