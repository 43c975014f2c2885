import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, buildKnowledgeBase, type KnowledgeBase, type Request } from '../src/engine/answer.js';
import { completeStories } from '../src/engine/complete.js';
import { draftStory } from '../src/draft/draft.js';
import { evaluateRouting, loadRoutingSet } from '../src/evaluation/routing.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { KNOWLEDGE_DIR, ROOT, shippedKnowledgeBase } from './helpers/knowledge.js';

const DRAFTED = path.join(ROOT, 'test/fixtures/drafted/stories/harbour-strike');
let kb: KnowledgeBase;
let dir: string;

/** The shipped story beside the drafted test report: the two stories served at once. */
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'storybot-stories-'));
  await cp(KNOWLEDGE_DIR, dir, { recursive: true });
  await cp(DRAFTED, path.join(dir, 'stories/harbour-strike'), { recursive: true });
  const loaded = await loadKnowledge(dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  kb = buildKnowledgeBase(loaded.knowledge);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const ask = (text: string, more: Partial<Request> = {}) => answer(kb, { lookup: 'ask', text, ...more });

describe('the drafted test story', () => {
  it('is what the drafter writes for the test report, unedited', async () => {
    const fresh = draftStory(await readFile(path.join(ROOT, 'test/fixtures/reports/harbour-strike.txt'), 'utf8'), {
      slug: 'harbour-strike',
    });
    for (const name of await readdir(DRAFTED)) {
      expect(await readFile(path.join(DRAFTED, name), 'utf8'), name).toBe(fresh.files[name]);
    }
  });
});

describe('routing a question among stories', () => {
  it('answers a question set mixing both stories from the right story at least 95% of the time, and asks when ambiguous', async () => {
    const r = evaluateRouting(kb, await loadRoutingSet(path.join(ROOT, 'test/fixtures/routing.yaml')));
    expect(r.routed.right / r.routed.total, JSON.stringify(r.misses, null, 1)).toBeGreaterThanOrEqual(0.95);
    expect(r.ambiguous.asked, JSON.stringify(r.misses, null, 1)).toBe(r.ambiguous.total);
  });

  it('names the story of every answer when more than one is loaded', async () => {
    const got = ask('how many vessels were diverted to antwerp');
    expect(got.story).toEqual({ id: 'harbour-strike', title: expect.stringMatching(/^Dock workers/) });
    expect(got.sources[0]).toMatchObject({ story: 'harbour-strike', line: 4 });
    // The entry names its story too, for logs and batch output.
    expect(got.entry).toMatch(/^harbour-strike\//);
    // One story loaded: nothing to name.
    expect(answer(await shippedKnowledgeBase(), { lookup: 'ask', text: 'who is leading the talks' }).story).toBeNull();
  });

  it('asks which story, with a choice from each, when two answer about equally', () => {
    const got = ask('what happened on wednesday');
    expect(got.status).toBe('unsure');
    expect(got.text).toMatch(/Which story/);
    expect(new Set(got.suggestions.map((s) => s.story))).toEqual(new Set(['harbour-strike', 'ukraine-peace-push']));
    // Each choice carries its story, and a button with it answers from that story.
    const choice = got.suggestions.find((s) => s.story === 'harbour-strike')!;
    expect(choice.id).toMatch(/^harbour-strike\//);
    expect(answer(kb, { lookup: 'entry', text: choice.id }).sources[0]?.story).toBe('harbour-strike');
  });
});

describe('the checks on an answer, with several stories loaded and none named', () => {
  it('do not give a profile as what someone did when the report does not say it', () => {
    const a = ask('who did dmitriev meet in the us');
    expect(a.status).not.toBe('answered');
    expect(a.text).toMatch(/^The report doesn't say\. What it does say: Kirill Dmitriev/);
    expect(a.story?.id).toBe('ukraine-peace-push');
  });

  it('answer what Trump said with his words, not with who he is', () => {
    const a = ask('what did trump say');
    expect(a.status).toBe('answered');
    expect(a.text).toMatch(/disappointed in President Putin/);
  });
});

describe('the story option and a pinned story', () => {
  it('answers from the story named, by id or by title, and only from it', () => {
    expect(ask('what happened on wednesday', { story: 'harbour-strike' }).sources[0]).toMatchObject({
      story: 'harbour-strike',
      line: 6,
    });
    const title = kb.knowledge.stories.find((s) => s.id === 'ukraine-peace-push')!.title;
    const byTitle = ask('what happened on wednesday', { story: title.toUpperCase() });
    expect(byTitle.sources.length).toBeGreaterThan(0);
    expect(byTitle.sources.every((s) => s.story === 'ukraine-peace-push')).toBe(true);
    expect(
      ask('who is leading the talks', { story: 'harbour-strike' }).sources.every(
        (s) => s.story !== 'ukraine-peace-push',
      ),
    ).toBe(true);
  });

  it('says plainly when the story named is not loaded', () => {
    const got = ask('who is leading the talks', { story: 'moon-landing' });
    expect(got.status).toBe('not_found');
    expect(got.text).toBe('No story called “moon-landing” is loaded; /about lists the stories.');
  });

  it('answers from the pinned story first, and from the others when it has no answer', () => {
    expect(ask('what happened on wednesday', { prefer: 'harbour-strike' }).sources[0]?.story).toBe('harbour-strike');
    expect(ask('who is leading the talks with russia', { prefer: 'harbour-strike' }).sources[0]?.story).toBe(
      'ukraine-peace-push',
    );
  });

  it('routes /who, /when and /source too', () => {
    expect(answer(kb, { lookup: 'who', text: 'janssen' }).sources[0]?.story).toBe('harbour-strike');
    expect(answer(kb, { lookup: 'when', text: 'driscoll arrived in ukraine' }).sources[0]?.story).toBe(
      'ukraine-peace-push',
    );
    const line = answer(kb, { lookup: 'source', text: '3' });
    expect(line.status).toBe('unsure');
    expect(line.suggestions.map((s) => s.id)).toEqual(['harbour-strike/line:3', 'ukraine-peace-push/line:3']);
    expect(answer(kb, { lookup: 'source', text: '3', story: 'harbour-strike' }).sources[0]).toMatchObject({
      story: 'harbour-strike',
      line: 3,
    });
    expect(answer(kb, { lookup: 'source', text: 'a mediator could be appointed' }).sources[0]?.story).toBe(
      'harbour-strike',
    );
  });

  it('autocompletes story titles', () => {
    expect(completeStories(kb, 'rotterdam', 25)).toEqual([
      { id: 'harbour-strike', label: expect.stringMatching(/Rotterdam/) },
    ]);
    expect(completeStories(kb, '', 25)).toHaveLength(2);
  });
});
