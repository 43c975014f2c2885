import { beforeAll, describe, expect, it } from 'vitest';
import { answer, MAX_QUERY_LENGTH, type Answer, type Lookup, type KnowledgeBase } from '../src/engine/answer.js';
import { completeEvents, completePeople } from '../src/engine/complete.js';
import { shippedKnowledgeBase } from './helpers/knowledge.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await shippedKnowledgeBase();
});
const ask = (text: string, command: Lookup = 'ask'): Answer => answer(kb, { lookup: command, text });

describe('asking who leads the talks', () => {
  it('answers Steve Witkoff, citing line 2 and attributing it to CNN', () => {
    const a = ask('Who is leading the talks?');
    expect(a.status).toBe('answered');
    expect(a.answer).toMatch(/Steve Witkoff/);
    expect(a.sources).toContainEqual(expect.objectContaining({ line: 2, attribution: 'CNN' }));
    expect(kb.knowledge.stories[0]!.lines[1]).toContain(a.sources[0]!.quote);
  });

  it('gives the same answer however it is typed', () => {
    for (const typed of [
      'WHO IS LEADING THE TALKS',
      'hey bot, whos leading the talks',
      'who is leadng the tlaks',
      'Who’s negotiating for the U.S.?',
    ]) {
      expect(ask(typed).entry, typed).toBe('talks-leader');
    }
  });
});

describe('conflicting accounts', () => {
  it('carries both sides of whether talks are progressing, each attributed', () => {
    const a = ask('are the negotiations making progress');
    expect(a.status).toBe('answered');
    expect(a.conflict).toBe(true);
    const voices = a.sources.map((s) => s.attribution);
    expect(voices).toContain('a source familiar with the discussions');
    expect(voices).toContain('Kremlin spokesperson Dmitry Peskov');
  });
});

describe('questions the report does not answer', () => {
  it('says the report does not mention China, by name', () => {
    const a = ask('What does China think about the peace plan?');
    expect(a.status).toBe('not_found');
    expect(a.answer).toBeNull();
    expect(a.text).toMatch(/doesn't mention “China”/);
    expect(a.missing).toMatch(/China/);
  });

  it('does not answer “when will the war end” with an entry that only shares its words', () => {
    const a = ask('When will the war end?');
    expect(a.status).not.toBe('answered');
    expect(a.text).toMatch(/doesn’t say when, or whether, the war will end/);
  });

  it('does not answer about a person the answer never mentions', () => {
    expect(ask('did putin agree to the 28 point plan').status).not.toBe('answered');
  });

  it('treats the “Also Read” line as another story', () => {
    const a = ask('did trump clear the F-35 sale to saudi arabia');
    expect(a.status).toBe('not_found');
    expect(a.text).toMatch(/different story/);
    expect(a.sources[0]?.line).toBe(8);
  });

  it('says the report has no publication date', () => {
    const a = ask('when was this published');
    expect(a.status).toBe('not_found');
    expect(a.text).toMatch(/no publication date/);
  });

  it('offers did-you-mean suggestions when unsure, without asserting an answer', () => {
    const a = ask('tell me about the delegation’s weapons');
    expect(a.status).toBe('unsure');
    expect(a.answer).toBeNull();
    expect(a.suggestions.length).toBeGreaterThan(0);
    expect(a.suggestions.length).toBeLessThanOrEqual(3);
  });
});

describe('spelling people really use', () => {
  it('matches “defense” to the report’s “defence”', () => {
    expect(ask('what did the ukrainian defense minister say').entry).toBe('shmyhal-statement');
  });
  it('matches Zelenskyy, Zelenskiy and a transposed Zelenksy', () => {
    for (const name of ['Zelenskyy', 'Zelenskiy', 'Zelenksy'])
      expect(ask(name, 'who').entry, name).toBe('volodymyr-zelensky');
  });
  it('reads possessives and curly quotes like plain words', () => {
    expect(ask('what’s peskov’s response').entry).toBe('kremlin-response');
    expect(ask("what's peskov's response").entry).toBe('kremlin-response');
  });
});

describe('/who', () => {
  it('answers a title with the person holding it', () => {
    const a = ask('the Kremlin spokesman', 'who');
    expect(a.entry).toBe('dmitry-peskov');
    expect(a.sources[0]).toMatchObject({ line: 6, attribution: 'Kremlin spokesperson Dmitry Peskov' });
  });
  it('asks back when a title fits several people', () => {
    const a = ask('president', 'who');
    expect(a.status).toBe('unsure');
    expect(a.suggestions.map((s) => s.id)).toContain('donald-trump');
  });
  it('says the report does not mention someone it does not', () => {
    const a = ask('Joe Biden', 'who');
    expect(a.status).toBe('not_found');
    expect(a.text).toMatch(/Biden/);
  });
  it('autocompletes names best first, everyone when nothing is typed, within Discord’s limits', () => {
    expect(completePeople(kb, 'witk', 25)[0]?.id).toBe('steve-witkoff');
    expect(completePeople(kb, '', 25)).toHaveLength(13);
    expect(completePeople(kb, '', 5)).toHaveLength(5);
  });
});

describe('/when', () => {
  it('dates Driscoll’s arrival only as precisely as the report does', () => {
    const a = ask('Driscoll arrived in Ukraine', 'when');
    expect(a.entry).toBe('driscoll-arrived');
    expect(a.answer).toMatch(/^Wednesday: .*The report gives no calendar date/);
    // Said once, and in the report's own voice (ANI's), not the Army's.
    expect(a.answer!.match(/Wednesday/gi)).toHaveLength(1);
    expect(a.sources[0]!.attribution).toMatch(/ANI/);
  });
  it('says it found no date for something the report covers undated, never that it covers nothing', () => {
    const a = ask('the 28 point draft', 'when');
    expect(a.status).not.toBe('answered');
    expect(a.text).toMatch(/^I found no date for that in the report\. What it says: Axios reported/);
    expect(a.sources[0]!.line).toBe(5);
  });
  it('autocompletes events', () => {
    expect(completeEvents(kb, 'anchorage', 25)[0]?.id).toBe('anchorage-meeting-held');
    expect(completeEvents(kb, '', 25).length).toBe(5);
  });
});

describe('/source', () => {
  it('returns line N verbatim', () => {
    for (let n = 1; n <= 8; n++) expect(ask(String(n), 'source').answer).toBe(kb.knowledge.stories[0]!.lines[n - 1]);
  });
  it('finds the line that says a phrase, with straight or curly quotes', () => {
    expect(ask('"no new developments"', 'source').entry).toBe('line:6');
    expect(ask('“fact-finding mission”', 'source').entry).toBe('line:3');
  });
  it('says which lines exist when asked for one that does not', () => {
    const a = ask('99', 'source');
    expect(a.status).toBe('not_found');
    expect(a.text).toMatch(/lines 1 to 8/);
  });
  it('marks the last line as a link to another story', () => {
    expect(ask('8', 'source').text).toMatch(/different story/);
  });
});

describe('input nobody should be able to break it with', () => {
  const nasty: [string, string][] = [
    ['empty', ''],
    ['whitespace', '   \t  '],
    ['10,000 characters', 'why '.repeat(2500)],
    ['control characters', 'who\u0000 is\u0007 \u001b[31mputin\u001b[0m'],
    ['emoji', '🤔🤔🤔 🇺🇦'],
    ['right-to-left text', 'מי מוביל את השיחות؟ من يقود المحادثات'],
    ['fuse.js operators', "^witkoff !trump ='putin' | 'peskov$"],
    ['markdown', '**bold** __under__ `code` [link](https://example.com) ||spoiler||'],
    ['@everyone', '@everyone @here <@123456789012345678> <@&123456789012345678>'],
  ];
  for (const command of ['ask', 'who', 'when', 'source'] as const) {
    it.each(nasty)(`/${command} with %s gets a short reply, never a throw`, (_label, text) => {
      const a = ask(text, command);
      expect(a.text.length).toBeGreaterThan(0);
      expect(a.text.length).toBeLessThan(600);
      expect(a.text).not.toMatch(/@everyone|@here|<@/);
    });
  }

  it('declines a question over the length limit, saying the limit', () => {
    const a = ask(`who is ${'x'.repeat(MAX_QUERY_LENGTH)}`);
    expect(a.status).toBe('not_found');
    expect(a.text).toMatch(String(MAX_QUERY_LENGTH));
  });

  it('reads a question pasted with terminal colour codes as the question itself, never naming a code as missing', () => {
    for (const [coloured, plain] of [
      ['who is \u001b[31mwitkoff\u001b[0m', 'who is witkoff'],
      ['\u001b[1;31mwho leads the talks', 'who leads the talks'],
      ['\u001b]0;title\u0007when did driscoll arrive', 'when did driscoll arrive'],
    ]) {
      const a = ask(coloured!);
      expect(a.text, coloured).not.toMatch(/“\d+”|\[\d/);
      expect([a.status, a.entry, a.text], coloured).toEqual([ask(plain!).status, ask(plain!).entry, ask(plain!).text]);
    }
  });

  it('reads an @everyone ping as nothing at all', () => {
    expect(ask('@everyone').text).toMatch(/Ask a question/);
  });
});

describe('a large knowledge base', () => {
  it('still finds the entry a question names when a common word is in every entry', async () => {
    const { generateKnowledge } = await import('../src/evaluation/generate.js');
    const { buildKnowledgeBase } = await import('../src/engine/answer.js');
    const big = buildKnowledgeBase(generateKnowledge(kb.knowledge, 3000));
    const target = big.knowledge.entries.find((e) => e.id === 'generated-1234')!;
    // "X talks in Y": "talks" is in all 3,000 generated entries, the topic and place are not.
    expect(answer(big, { lookup: 'ask', text: target.phrasings[3]! }).entry).toBe('generated-1234');
    expect(answer(big, { lookup: 'ask', text: 'who is leading the talks' }).entry).toBe('talks-leader');
  });
});

describe('questions as people really type them', () => {
  it('answers through filler, politeness and text-speak, never naming them as missing', () => {
    for (const [typed, entry] of [
      ['wat did shmyhal say', 'shmyhal-statement'],
      ['kindly tell me the name of the US army secretary', 'dan-driscoll'],
      ['who led the talks with moscow', 'talks-leader'],
    ] as const) {
      const a = ask(typed);
      expect(a.text, typed).not.toMatch(/doesn't mention/);
      expect(a.status, typed).toBe('answered');
      expect(a.entry, typed).toBe(entry);
    }
  });

  it('still names a subject the report does not cover', () => {
    const a = ask('did zelensky ask for tomahawks');
    expect(a.status).not.toBe('answered');
    expect(a.text).toMatch(/doesn't mention “tomahawks”/);
  });
});

describe('yes/no questions', () => {
  it('corrects a false number from the report: No, a 28-point draft, with the quote', () => {
    const a = ask('is it a 20 point plan?');
    expect(a.status).toBe('answered');
    expect(a.text).toMatch(/^No\. .*28-point/);
    expect(a.sources[0]!.line).toBe(5);
  });

  it('corrects a title the report gives to someone else', () => {
    const a = ask('is chris donahue the army chief of staff');
    expect(a.text).toMatch(/^No\. .*commander in Europe/);
  });

  it('says Yes first when the cited quote says so', () => {
    const a = ask('did driscoll meet zelensky');
    expect(a.text).toMatch(/^Yes\. Driscoll met Ukrainian President Volodymyr Zelensky/);
  });

  it('does not say Yes from evidence about another time: previous attempts collapsed, not these talks', () => {
    const now = ask('did the talks collapse');
    expect(now.text).not.toMatch(/^Yes/);
    expect(now.text).toMatch(/^The report doesn't say\. What it does say: Previous attempts/);
    expect(now.sources[0]!.line).toBe(7);
    expect(ask('have previous attempts collapsed').text).toMatch(/^Yes\. Previous attempts/);
    expect(ask('have talks ever collapsed before').text).toMatch(/^Yes\. Previous attempts/);
    // A time word elsewhere in the evidence ("earlier negotiations") says nothing of the point asked.
    expect(ask('is driscoll close to vance').text).toMatch(/^Yes\./);
  });

  it('contradicts a place only with another place in the same part of the sentence', () => {
    // "in Moscow" meets "in Anchorage": No, with the line.
    const moscow = ask('did trump meet putin in moscow');
    expect(moscow.text).toMatch(/^No\. .*Anchorage/);
    expect(ask('did driscoll go to russia?').text).toMatch(/^No\. .*arrived in Ukraine/);
    // Witkoff's "diplomacy with Moscow" says nothing of where he went; a "U.S.-Saudi conference"
    // nothing of where it was; "Washington's back-channel diplomacy" is not a place he is in.
    expect(ask('did witkoff go to ukraine').text).toMatch(/^The report doesn't say\./);
    expect(ask('did trump say ukraine was his easy one').text).not.toMatch(/^(?:Yes|No)\b/);
  });

  it('reads a denying verb as a denial: Peskov downplayed progress, so the Kremlin did not claim it', () => {
    expect(ask('did the kremlin say there was progress').text).toMatch(
      /^No\. Kremlin spokesperson Dmitry Peskov downplayed/,
    );
    expect(ask('did peskov downplay the reports').text).toMatch(/^Yes\. /);
  });

  it('reads "a lack of" as a denial too: attempts collapsed for a lack of commitments from Putin', () => {
    expect(ask('has putin made concrete commitments').text).toMatch(/^No\. /);
    expect(ask('was there a lack of commitments from putin').text).toMatch(/^Yes\. /);
  });

  it('says Yes to two people doing something together only where one clause says it of both', () => {
    // Zelensky met Driscoll; "agreements reached between Zelensky and Trump" is no meeting.
    expect(ask('did trump meet zelensky').text).toMatch(/^The report doesn't say\./);
    expect(ask('did driscoll meet zelensky').text).toMatch(
      /^Yes\. Driscoll met Ukrainian President Volodymyr Zelensky/,
    );
    expect(ask('did trump meet putin').text).toMatch(/^Yes\. A meeting between Trump and Putin/);
    // Whom an entry is about is in each of its sentences: "Trump ordered the visit" (Driscoll's).
    expect(ask('did trump send driscoll').text).toMatch(/^Yes\. President Trump ordered the visit/);
  });

  it('says Yes to "did X say…" only when the evidence has X telling it, not someone else', () => {
    // Peskov said there were no new developments; Shmyhal expressed gratitude.
    expect(ask('did trump say there were no new developments').text).not.toMatch(/^Yes/);
    expect(ask('did zelensky highlight defence innovations?').text).not.toMatch(/^Yes/);
    expect(ask('did peskov say there were no new developments').text).toMatch(
      /^Yes\. Kremlin spokesperson Dmitry Peskov/,
    );
    expect(ask('did shmyhal express gratitude').text).toMatch(/^Yes\. /);
    expect(ask('did trump say he was disappointed in putin').text).toMatch(/^Yes\. Trump recently voiced frustration/);
  });

  it('says Yes to "did <outlet> report…" only for what that outlet is credited with', () => {
    // Axios reported the 28-point framework; CNN the secret effort (line 1).
    expect(ask('did cnn report the 28 point framework').text).toMatch(/^No\. .*Axios’s reporting on the 28-point/);
    // Someone the evidence does not name, where another voice tells it all: No, and who.
    for (const q of ['did axios say trump ordered the visit', 'was it axios that said trump ordered the visit?']) {
      expect(ask(q).text, q).toMatch(/^No\. President Trump ordered the visit.*according to Army spokesperson/);
    }
    expect(ask('butler said trump ordered the visit, right?').text).toMatch(/^Yes\. /);
    // One word told is too little to credit it to someone else ("disappointed in President Putin").
    expect(ask('did trump talk about putin').text).not.toMatch(/^No\b/);
  });

  it('takes speaking and talking as telling, of a topic as of what was said', () => {
    expect(ask('did trump speak at a us-saudi investment conference').text).toMatch(/^Yes\. Trump recently voiced/);
    // Peskov spoke of progress, to play it down; he did not say there was any.
    expect(ask('did peskov speak about progress').text).toMatch(/^Yes\. Kremlin spokesperson Dmitry Peskov/);
    expect(ask('did peskov say there was progress').text).toMatch(/^No\. /);
    expect(ask('did axios report the 28 point plan').text).toMatch(/^Yes\. Axios reported/);
    expect(ask('did cnn report the secret effort').text).toMatch(/^Yes\. /);
  });

  it('answers a question offering two alternatives with the one the report holds, never a bare No', () => {
    expect(ask('did driscoll visit on wednesday or tuesday').text).toMatch(
      /^Wednesday, not Tuesday\. Army Secretary Dan Driscoll arrived in Ukraine on Wednesday/,
    );
    expect(ask('is the draft framework 28 points or 26').text).toMatch(/^28, not 26\. Axios reported/);
    expect(ask('is witkoff or driscoll leading the talks').text).toMatch(/^Witkoff\b/);
    expect(ask('was the anchorage meeting in july or september').text).toMatch(/^Neither\. .*August/);
    // Outlets are alternatives of one kind too.
    expect(ask('did cnn or axios report the 28 point plan').text).toMatch(/^Axios, not CNN\. Axios reported/);
  });

  it('answers a choice between two noun phrases with the one a curated entry holds, as the report writes it', () => {
    expect(ask('is witkoff a special envoy or secretary of state').text).toMatch(
      /^A special envoy, not a secretary of state\. Steve Witkoff/,
    );
    // "what the Army described as a 'fact-finding mission'"
    expect(ask('was it the army or the white house that called it a fact finding mission').text).toMatch(
      /^The Army\. /,
    );
    expect(ask('did a us official or a russian source call the discussions very productive').text).toMatch(
      /^A Russian source\. /,
    );
    // A report line sharing the words of one phrase settles nothing between them.
    expect(ask('is the source a us official or a russian official').text).not.toMatch(/^A us official\b/i);
  });

  it('takes the second alternative put after a cleft’s predicate: “was it the army that called it…, or the white house?”', () => {
    expect(ask('was it the army that called it fact-finding or the white house?').text).toMatch(/^The Army\. /);
    expect(ask('was it trump who ordered the visit or vance').text).toMatch(
      /^Trump, not Vance\. President Trump ordered/,
    );
    // A name takes no article of the other's, and is written as the report writes it.
    expect(ask('was it the army or cnn that described a fact finding mission').text).toMatch(/^The Army, not CNN\. /);
  });

  it('gives no Yes or No to a choice it cannot settle between', () => {
    expect(ask('are the talks public or secret').text).toMatch(/^CNN called it a “largely secret” effort/);
  });

  it('says Yes to a degree only when the evidence puts that degree, or a synonym of it, on the word', () => {
    // Trump said he is "a little disappointed"; the effort is "largely secret".
    expect(ask('did trump say he was very disappointed in putin').text).not.toMatch(/^Yes/);
    expect(ask('did trump say he was a little disappointed in putin').text).toMatch(/^Yes\. /);
    expect(ask('is the diplomatic effort mostly secret?').text).toMatch(/^Yes\. /);
  });

  it('says No to a time told relative to the report’s when the report gives another, and nothing when it gives none', () => {
    // "negotiations accelerated this week"
    expect(ask('did talks accelerate last month').text).toMatch(/^No\. A source familiar with the discussions said/);
    expect(ask('did negotiations accelerate this week').text).not.toMatch(/^No\b/);
    // Driscoll arrived on a Wednesday: the report says nothing of which month.
    expect(ask('did driscoll arrive last month').text).toMatch(/^The report doesn't say\./);
  });

  it('takes a number word and a closing particle as premises to check, not as filler', () => {
    // Two generals are named, not three; "over" is what is asked, and no line says the war is over.
    expect(ask('did three generals go with driscoll').text).not.toMatch(/^Yes/);
    expect(ask('is the war in ukraine over').text).not.toMatch(/^Yes/);
  });

  it('says the report does not say, with the evidence, rather than guess', () => {
    const a = ask('did driscoll brief them on the weather');
    expect(a.status).not.toBe('answered');
    expect(a.text).not.toMatch(/^(Yes|No)\b/);
  });
});

describe('"what did X say" about someone the report never quotes', () => {
  it('says the report does not quote Witkoff, then what it says about him', () => {
    const a = ask('what did witkoff say about the talks');
    expect(a.status).not.toBe('answered');
    expect(a.text).toMatch(/^The report doesn't quote Steve Witkoff\. .*leading the talks/);
    expect(a.sources[0]!.line).toBe(2);
  });

  it('answers what Trump said with his words, not with who he is', () => {
    const a = ask('what did trump say');
    expect(a.status).toBe('answered');
    expect(a.text).toMatch(/“I thought that was going to be my easy one/);
    expect(a.sources.map((s) => s.line)).toEqual([7]);
  });

  it('reads "sir" or "dude" said to the bot as courtesy, not as part of the question', () => {
    const plain = ask('kindly tell me the name of the kremlin spokesperson');
    expect(plain).toMatchObject({ status: 'answered', entry: 'dmitry-peskov' });
    for (const typed of [
      'kindly tell me the name of the kremlin spokesperson sir',
      'sir who leads the talks',
      'who is the kremlin spokesperson dude',
    ]) {
      expect(ask(typed).status, typed).toBe('answered');
    }
    expect(ask('kindly tell me the name of the kremlin spokesperson sir').entry).toBe('dmitry-peskov');
  });

  it('answers what an outlet said with what it is quoted saying, not "the report doesn\'t say"', () => {
    for (const typed of ['what did axios say', 'what does axios say']) {
      const a = ask(typed);
      expect(a.status, typed).toBe('answered');
      expect(a.text, typed).toMatch(/^Axios reported that Washington and Moscow are working on a 28-point draft/);
      expect(a.sources.map((s) => [s.line, s.attribution])).toEqual([[5, 'Axios']]);
    }
  });

  it('answers with the quote for someone it does quote', () => {
    const a = ask('what did peskov say');
    expect(a.status).toBe('answered');
    expect(a.text).toMatch(/no new developments/);
  });
});

describe('compound questions', () => {
  it('answers each part with its own sources, in one reply', () => {
    const a = ask('when did driscoll arrive and who did he meet');
    expect(a.status).toBe('answered');
    expect(a.parts).toHaveLength(2);
    expect(a.parts![0]!.sources.map((s) => s.line)).toContain(3);
    expect(a.parts![1]!.sources.map((s) => s.line)).toContain(4);
    expect(a.text).toMatch(/Wednesday[\s\S]*Zelensky/);
  });
});

describe('the first sentence answers', () => {
  it('opens with Russia’s acknowledgement, not “Accounts differ”, when asked whether Russia confirmed contacts', () => {
    const a = ask('has russia confirmed the contacts');
    expect(a.text).toMatch(/^(Yes\. )?Russia acknowledged that high-level U\.S\.-Russia contacts are ongoing/);
  });
});

describe('roles and opinions', () => {
  it('answers who holds a role with the person', () => {
    const a = ask('who is the army secretary');
    expect(a.status).toBe('answered');
    expect(a.entry).toBe('dan-driscoll');
  });

  it('says No to a title the report gives someone else, and names who holds it', () => {
    const a = ask('is zelensky the ukrainian defence minister');
    expect(a.text).toMatch(/^No\. The report calls Volodymyr Zelensky Ukrainian President\..*Denys Shmyhal/);
    // Who holds the title asked about is said in words that cannot be read as the other one.
    expect(a.text).toMatch(/Denys Shmyhal is the one it calls Ukrainian Defence Minister\./);
  });

  it('says No to a title that shares a word with the one the report gives ("prime minister")', () => {
    expect(ask('is shmyhal the prime minister of ukraine').text).toBe(
      'No. The report calls Denys Shmyhal Ukrainian Defence Minister.',
    );
  });

  it('answers a person’s role or rank from their profile, never “doesn’t say”', () => {
    expect(ask('whats the role of dave butler').text).toMatch(/^Col\. Dave Butler: Army spokesperson\./);
    // A field word the knowledge never uses names no missing subject: the profile gives it.
    expect(ask('What is the designation of Col. Dave Butler?').text).toMatch(/^Col\. Dave Butler: Army spokesperson\./);
    expect(ask("what is weimer's rank").text).toMatch(/^Michael Weimer: Sergeant Major of the Army\./);
  });

  it('reads a title that opens a name ("Gen.") as a title of that person only', () => {
    // The delegation's line calls George and Donahue "Gen." and names Weimer beside them.
    expect(ask('is weimer a general').text).toBe(
      'No. The report calls Michael Weimer Sergeant Major of the Army. It calls Gen. Randy George Army Chief of Staff and Gen. Chris Donahue the top U.S. Army commander in Europe.',
    );
    expect(ask('is george a general').text).toMatch(/^Yes\. Gen\. Randy George/);
    expect(ask('is butler a colonel').text).toMatch(/^Yes\. Col\. Dave Butler/);
    // A first name before a surname is no title.
    expect(ask('is vance a general').text).toMatch(/^No\. The report calls JD Vance Vice President\./);
  });
  it('declines to give an opinion instead of answering with an entry that shares its words', () => {
    for (const typed of ['do you think the deal will work', 'should europe be at the table']) {
      const a = ask(typed);
      expect(a.status, typed).not.toBe('answered');
      expect(a.text, typed).toMatch(/opinion/);
    }
  });

  it('answers a fact asked in a view’s words, and a statement put up to be confirmed', () => {
    for (const typed of [
      'u think driscoll went to ukraine on wednesday?',
      'is it true that driscoll arrived in ukraine on wednesday',
      'can you confirm that driscoll arrived in ukraine on wednesday',
    ]) {
      expect(ask(typed).text, typed).toMatch(/^Yes\. Army Secretary Dan Driscoll arrived in Ukraine on Wednesday/);
    }
    // What the report does not settle is still the opinion it asks for.
    expect(ask('do u think putin is serious').text).toMatch(/opinion/);
  });

  it('takes an adjective the tagger lists as a function word as a premise ("serious")', () => {
    expect(ask('is putin serious').text).not.toMatch(/^Yes/);
  });

  it('does not take a request for a yes/no question', () => {
    expect(ask('can you tell me who is leading the talks').text).not.toMatch(/^(Yes|No)\b/);
  });
});

describe('rambling questions', () => {
  it('finds the question after a greeting, and never names the greeting as missing', () => {
    const a = ask('Good evening. I have been reading the report. Who is leading the talks?');
    expect(a.entry).toBe('talks-leader');
    expect(a.text).not.toMatch(/doesn't mention/);
  });

  it('answers a quoted phrase from the line it comes from', () => {
    const a = ask('what does "parallel development" refer to here');
    expect(a.status).toBe('answered');
    expect(a.sources[0]!.line).toBe(3);
  });

  it('does not answer "how many" with a reply that has no number', () => {
    expect(ask('how many rounds of talks have there been').status).not.toBe('answered');
    expect(ask('how many points does the peace plan have').text).toMatch(/28-point/);
  });
});

describe('words of the report that no entry uses', () => {
  it('never says the report does not mention them, and points to their line', () => {
    const a = ask('what does the report say about the parallel development');
    expect(a.text).not.toMatch(/doesn't (mention|say)/);
    expect(a.suggestions.map((s) => s.id)).toContain('line:3');
  });
});

describe('answers that hold what was asked', () => {
  it('answers who sent the team with the order, not with the team', () => {
    const a = ask('who sent the pentagon team to ukraine');
    expect(a.status).toBe('answered');
    expect(a.text).toMatch(/^President Trump ordered the visit/);
  });

  it('does not give a profile as what someone did when the report does not say it', () => {
    const a = ask('who did dmitriev meet in the us');
    expect(a.status).not.toBe('answered');
    expect(a.text).toMatch(/^The report doesn't say\. What it does say: Kirill Dmitriev/);
  });

  it('does not give a profile as a thing about the person that it lacks', () => {
    const a = ask("what is witkoff's background before becoming envoy");
    expect(a.status).not.toBe('answered');
    expect(a.text).toMatch(/^The report doesn't say\. What it does say: Steve Witkoff/);
  });
});

describe('questions about what will happen', () => {
  it('declines instead of offering the past as a prediction, and offers what the report says', () => {
    for (const typed of ['when will the 28 point plan be finalised', 'what happens next in the talks']) {
      const a = ask(typed);
      expect(a.status, typed).not.toBe('answered');
      expect(a.text, typed).toMatch(/^That asks what will happen/);
      expect(a.suggestions.length, typed).toBe(1);
    }
  });
});

describe('who holds a role nobody in the report holds', () => {
  it('says the report names no one as US defence secretary, and offers the nearest titles', () => {
    const a = ask('who is the US defence secretary');
    expect(a.status).not.toBe('answered');
    expect(a.text).toMatch(/^The report doesn't name anyone as US defence secretary/);
    expect(a.suggestions.map((s) => s.id)).toContain('dan-driscoll');
  });

  it('asks which one when several people hold the title', () => {
    const a = ask('who is the president');
    expect(a.status).toBe('unsure');
    expect(a.suggestions.map((s) => s.id)).toContain('donald-trump');
  });
});

describe('yes/no questions about how the report tells it', () => {
  it('says Yes when the report describes him so: "described" is about the report', () => {
    expect(ask('is witkoff described as a key figure in back-channel diplomacy with moscow').text).toMatch(/^Yes\./);
  });
});

describe('yes/no questions the report contradicts', () => {
  it('says No when the report denies the premise: “no new developments”', () => {
    const a = ask('did the kremlin say there were new developments');
    expect(a.text).toMatch(/^No\. .*no new developments/);
    expect(a.sources[0]!.line).toBe(6);
  });

  it('says No when the report says the opposite: attempts that collapsed did not succeed', () => {
    const a = ask('did previous trump peace attempts succeed');
    expect(a.text).toMatch(/^No\. .*collapsed/);
    expect(a.sources.map((s) => s.line)).toContain(7);
  });

  it('says No to talks slowing down when they accelerated', () => {
    expect(ask('did negotiations slow down this week').text).toMatch(/^No\. .*accelerated/);
  });

  it('says Yes to a verb the report says with another verb of its WordNet synset: admit, acknowledged', () => {
    expect(ask('did russia admit the contacts').text).toMatch(/^Yes\. Russia acknowledged/);
  });

  it('still says Yes when the premise itself is in the quote', () => {
    expect(ask('did previous trump peace attempts collapse').text).toMatch(/^Yes\./);
  });
});

describe('a No needs the report to contradict the question', () => {
  it('does not say No to a place the report never ties to the plan', () => {
    const a = ask('is the 28 point plan being negotiated in saudi arabia');
    expect(a.text).not.toMatch(/^No\b/);
  });

  it('does not say No to a meeting of two people because two others met', () => {
    expect(ask('has zelensky met witkoff').text).not.toMatch(/^No\b/);
  });

  it('still corrects one wrong place', () => {
    expect(ask('did driscoll go to russia?').text).toMatch(/^No\. .*Ukraine/);
  });
});

describe('asked for a date the report does not give', () => {
  it('says the report does not say, then gives the day it does give', () => {
    const a = ask('what was the exact date driscoll arrived');
    expect(a.status).not.toBe('answered');
    expect(a.text).toMatch(/^The report doesn't say\. What it does say: Wednesday/);
  });

  it('still answers what day with the day', () => {
    expect(ask('what day did driscoll get to ukraine').text).toMatch(/^Wednesday/);
  });
});

describe('questions about the “Also Read” link', () => {
  it('answers with the headline, quoted from its line, and says the report says nothing more', () => {
    const a = ask("what's the also read link about");
    expect(a.status).toBe('answered');
    expect(a.text).toMatch(/headline: “Trump clears F-35 sale to Saudi Arabia/);
    expect(a.text).toMatch(/says nothing more/);
    expect(a.sources[0]!.line).toBe(8);
  });

  it('checks a yes/no question against the headline alone', () => {
    expect(ask('does the also read story mention nuclear energy').text).toMatch(/^Yes\./);
    expect(ask('is the also read story about israel').text).toMatch(/^No\./);
    const beyond = ask('does the also read story say how much the jets cost');
    expect(beyond.status).not.toBe('answered');
  });

  it('still declines what the linked story itself would say', () => {
    expect(ask('when did trump clear the f-35 sale').status).not.toBe('answered');
    expect(ask('did trump clear the f35 sale').text).toMatch(/different story/);
  });

  it('does not call a question about this story’s talks a different story for sharing a name with the link', () => {
    const a = ask('did the talks happen in saudi arabia');
    expect(a.status).not.toBe('answered');
    expect(a.text).not.toMatch(/different story/);
  });
});

describe('a rambling preamble before the question', () => {
  it('is not answered as a part of the question', () => {
    const a = ask(
      'hey bot so i was reading this and im kinda confused, who actually reported that trump is doing secret talks w russia? like which outlet was it',
    );
    expect(a.text).not.toMatch(/confused\?/);
    expect(a.parts).toBeUndefined();
  });

  it('asks the question embedded after “wanted to know”, “kindly inform me”, “do you know”', () => {
    const a = ask(
      'hi, i am new here. i was reading about this on my phone and wanted to know who dan driscoll is exactly and why he went',
    );
    expect(a.text).toMatch(/^1\. who dan driscoll is exactly\? Dan Driscoll: Army Secretary/);
    expect(a.text).toMatch(/\n2\. why he went\? Army Secretary Dan Driscoll arrived in Ukraine/);
    expect(
      ask('respected sir, kindly inform me who is heading the american side of negotiations with moscow').entry,
    ).toBe('talks-leader');
    expect(ask('any idea when driscoll arrived').text).toMatch(/^Wednesday/);
  });

  it('keeps a part opened with text-speak for a question word', () => {
    const a = ask('wen did driscoll get to ukraine, who went w him, and who ordered it');
    expect(a.parts).toHaveLength(3);
  });

  it('never says the report does not mention its own layout (“the last paragraph”)', () => {
    const a = ask(
      'hmm so reading the last paragraph, cnn seems to be unsure about something regarding europe and ukraine and the negotiations, what exactly is it unsure about',
    );
    expect(a.text).not.toMatch(/doesn't mention/);
  });
});

describe('a long rambling question', () => {
  const rambling =
    'hi, sorry if this is a dumb question, I have been away for a couple of weeks visiting family with no ' +
    'internet and I am trying to catch up on all the news about the war, there is a lot going on and my ' +
    'friends keep talking about secret talks between the americans and the russians, and I would really ' +
    'like to know who is leading the talks for the US side of things please';

  it('keeps what comes before a question that refers back to it (“what exactly is it unsure about”)', () => {
    const a = ask(
      'hmm so reading the last paragraph, cnn seems to be unsure about something regarding europe and ' +
        'ukraine and the negotiations, what exactly is it unsure about',
    );
    expect(a.text).not.toMatch(/couldn't find a question/);
  });

  it('is read rather than refused, and the question inside it answered', () => {
    expect(rambling.length).toBeGreaterThan(300);
    const a = ask(rambling);
    expect(a.status).toBe('answered');
    expect(a.text).toMatch(/^Steve Witkoff/);
  });
});

describe('who asks for someone', () => {
  it('is not answered by a line that names only the person asked about', () => {
    const a = ask('who is the russian source quoted about dmitriev');
    expect(a.status).not.toBe('answered');
    expect(a.text).toMatch(/^The report doesn't say\. What it does say: Russian Special Envoy Kirill Dmitriev/);
  });

  it('still answers who someone named is', () => {
    expect(ask('who is dmitriev').text).toMatch(/^Kirill Dmitriev/);
  });
});

describe('words people shorten', () => {
  it('reads a rare word as the one word of the report it begins: “admin” is administration', () => {
    const a = ask('wat is the trump admin doing w russia');
    expect(a.status).toBe('answered');
    expect(a.text).toMatch(/administration/);
  });

  it('reads a cut-short function word as filler, never naming it as missing: “acc to this”', () => {
    const a = ask('pls tell me who the vice president is acc to this');
    expect(a.status).toBe('answered');
    expect(a.text).toMatch(/^JD Vance/);
  });

  it('does not name a plural of a common word as a subject the report lacks: “topics”', () => {
    const a = ask('how many topics did driscoll brief the ukrainians on');
    expect(a.missing).toBeNull();
    expect(a.text).not.toMatch(/doesn't mention/);
  });

  it('leaves out a label before a colon: “2 qs: who’s george and who’s weimer”', () => {
    const a = ask("2 qs: who's george and who's weimer");
    expect(a.status).toBe('answered');
    expect(a.text).toMatch(/Randy George/);
    expect(a.text).toMatch(/Michael Weimer/);
    expect(a.text).not.toMatch(/doesn't mention/);
  });

  it('reads a common word written without its vowels as that word ("ppl": people)', () => {
    const a = ask('who r the ppl that went to ukraine with the army secretary');
    expect(a.text).not.toMatch(/doesn't mention/);
    expect(a.entry).toBe('delegation');
  });

  it('reads a contraction of a word of the knowledge as that word, and never names it missing', () => {
    // "mnstr" keeps the first and last letters of "minister"; "secy" could be secretary or security.
    expect(ask('who is the ukrainian defence mnstr').entry).toBe('denys-shmyhal');
    const a = ask('wat day did the army secy land in ukraine');
    expect(a.text).not.toMatch(/doesn't mention/);
    expect(a.suggestions[0]?.title ?? a.entry).toMatch(/Driscoll/);
  });
});

describe('a day the entry found cannot check', () => {
  it('is checked against the best entry that has a day', () => {
    expect(ask('did the army secretary go to ukraine on tuesday').text).toMatch(/^No\. .*Wednesday/);
  });
});

describe('a yes/no premise the report contradicts with a day', () => {
  it('finds the visit although no entry has a Friday, and says No with the day the report gives', () => {
    const a = ask("was driscoll's trip to ukraine on a friday");
    expect(a.status).toBe('answered');
    expect(a.text).toMatch(/^No\./);
    expect(a.text).toMatch(/Wednesday/);
  });

  it('does not take a place the report names for a wrong person: “did Putin agree to the 28 point plan”', () => {
    expect(ask('did putin agree to the 28 point plan').text).not.toMatch(/^No\./);
  });
});

describe('is X the one who did it', () => {
  it('says No and names who did, from the report: “is Driscoll the one leading the talks with Moscow”', () => {
    const a = ask('is driscoll the one leading the talks with moscow');
    expect(a.status).toBe('answered');
    expect(a.text).toMatch(/^No\. Steve Witkoff/);
    expect(a.sources.map((s) => s.line)).toContain(2);
  });

  it('says Yes when the report names that person', () => {
    expect(ask('is witkoff the one leading the talks').text).toMatch(/^Yes\./);
  });

  it('does not say No from an answer about something else done (“in October”)', () => {
    expect(ask('was it witkoff who visited the us in october').text).not.toMatch(/^No\. Army Secretary/);
  });
});

describe('where in the report something is', () => {
  it('is not read as the story: “at the end” is not the end of the war', () => {
    const a = ask("what's the source agency credited at the end");
    expect(a.status).toBe('answered');
    expect(a.text).toMatch(/ANI/);
    expect(a.entry).not.toBe('war-end');
  });

  it('still reads the end of the war as the story', () => {
    expect(ask('when will the war come to an end').entry).toBe('war-end');
  });
});

describe('a yes/no question no entry answers, that a sentence of the report does', () => {
  it('says Yes, quoting the sentence from its line in the report’s own voice', () => {
    const a = ask('were the peace efforts stalled before this push');
    expect(a.status).toBe('answered');
    expect(a.text).toMatch(/^Yes\./);
    expect(a.sources[0]).toMatchObject({ line: 3 });
    expect(a.sources[0]!.quote).toMatch(/stalled peace efforts/);
    expect(a.sources[0]!.attribution).toMatch(/^ANI/);
  });

  it('does not say Yes when the sentence lacks a word the question asserts', () => {
    expect(ask('were the peace efforts stalled by china').text).not.toMatch(/^Yes/);
  });
});

describe('a part of a compound question about the first part’s answer', () => {
  it('is answered by the same line: “what did trump say and where did he say it”', () => {
    const a = ask('what did trump say and where did he say it');
    expect(a.parts).toHaveLength(2);
    expect(a.parts!.every((p) => p.status === 'answered')).toBe(true);
    expect(a.parts![1]!.text).toMatch(/investment conference/);
  });

  it('reads a later part’s “they” as the people the first part names', () => {
    const a = ask('did trump meet putin in anchorage in august and did they agree on a deal');
    expect(a.text).toMatch(/^1\. did trump meet putin in anchorage in august\? Yes\./);
    // No deal is reported: nothing in the report agrees a deal between Trump and Putin.
    expect(a.text).not.toMatch(/2\. did they agree on a deal\? Yes\b/);
  });

  it('reads the second part’s “he” as the person the first part asked for', () => {
    const a = ask("what's the defence minister's name and what did he thank the us for");
    expect(a.parts![1]!.entry).toBe('denys-shmyhal');
    expect(a.parts![1]!.text).toMatch(/gratitude for U\.S\. support/);
  });
});

describe('an adverb that asserts something in a yes/no question', () => {
  it('is a premise: “did Driscoll travel alone” is not answered Yes by his arrival with a delegation', () => {
    expect(ask('did driscoll travel alone').text).not.toMatch(/^Yes/);
  });

  it('is supported by another adverb of its WordNet synset: “mostly” secret, of “largely secret”', () => {
    expect(ask('is the diplomatic effort mostly secret?').text).toMatch(/^Yes/);
  });
});

describe('the opposite of an adjective, by WordNet', () => {
  it('says No to “public” when the report says “secret” (similar to private, the opposite of public)', () => {
    const a = ask('so the talks are fully public and transparent right');
    expect(a.text).toMatch(/^No\. CNN called it a “largely secret” effort/);
  });

  it('keeps the curated Yes for the question the entry answers', () => {
    expect(ask('are the talks secret').text).toMatch(/^Yes, largely\./);
  });
});

describe('a predicate the evidence negates', () => {
  it('denies its complements to the end of the clause: “not previously visible in earlier negotiations”', () => {
    expect(ask('was driscoll involved in earlier negotiations').text).toMatch(/^No\. /);
    // "No" still denies only the noun phrase it opens.
    expect(ask('was there an anchorage meeting').text).not.toMatch(/^No\b/);
  });
});

describe('a yes/no premise a sentence of the report denies', () => {
  it('says No with the denial, adjectives added or not: “big new developments” of “no new developments”', () => {
    const a = ask('did the kremlin say there were big new developments');
    expect(a.status).toBe('answered');
    expect(a.text).toMatch(/^No\./);
    expect(a.text).toMatch(/no new developments/);
    expect(a.sources[0]).toMatchObject({ line: 6 });
  });
});

describe('a place or party the question names and the answer never does', () => {
  it('makes it an answer about another one: “who leads Ukraine’s negotiating team” is not the US envoy', () => {
    const a = ask("who leads ukraine's negotiating team");
    expect(a.status).not.toBe('answered');
    expect(a.text).toMatch(/^The report doesn't say/);
  });

  it('still answers who leads the talks', () => {
    expect(ask('who leads the negotiations').text).toMatch(/^Steve Witkoff/);
  });
});

describe('a place the question puts where the report has another', () => {
  it('says No to where someone went when the report has them go elsewhere, however it is typed', () => {
    // Dmitriev visited the U.S.; "Russian" only qualifies him and his source.
    for (const typed of ['did dmitriev visit moscow in october', 'did dmitriev visit russia']) {
      expect(ask(typed).text, typed).toMatch(
        /^No\. Russian Special Envoy Kirill Dmitriev reportedly visited the U\.S\./,
      );
    }
  });

  it('says No when the report has someone else do what the question asks of a name', () => {
    // Trump ordered the visit, by Butler's account; Trump was disappointed in Putin.
    expect(ask('did vance order driscoll’s trip to ukraine').text).toMatch(/^No\. President Trump ordered the visit/);
    expect(ask('did trump order driscoll’s visit').text).toMatch(/^Yes\. President Trump ordered the visit/);
    expect(ask('was trump disappointed in zelensky').text).toMatch(/^No\. .*disappointed in President Putin/);
    // Meeting goes both ways.
    expect(ask('did zelensky meet driscoll').text).toMatch(/^Yes\. /);
  });

  it('answers "where" from an answer that puts someone in a place, however its phrasings ask', () => {
    expect(ask('where did the army secretary travel to').entry).toBe('driscoll-visit');
    expect(ask('where did trump and putin meet').text).toMatch(/in Anchorage/);
    // A name qualifying a noun is no place: the report does not say where the conference was.
    expect(ask('where was the us saudi investment conference held').status).not.toBe('answered');
  });

  it('never takes a name that stems like a verb for that verb ("Denys" for "deny")', () => {
    // "refuse" shares a WordNet synset with "deny"; Shmyhal's first name is Denys.
    expect(ask('did shmyhal refuse to meet driscoll?').text).not.toMatch(/^Yes/);
  });

  it('says No to a name qualifying a noun the report qualifies with another: “a us source” of “a Russian source”', () => {
    expect(ask('did a us source call the discussions very productive').text).toMatch(/^No\. /);
    expect(ask('did a russian source call the discussions very productive').text).toMatch(/^Yes\. /);
  });

  it('says No of a place only for a place that cannot be it, by WordNet: not for one that holds it', () => {
    expect(ask('did driscoll go to russia').text).toMatch(/^No\. .*arrived in Ukraine/);
    // Moscow is a city of Russia, not of the U.S.; Anchorage is in Alaska.
    expect(ask('did dmitriev visit moscow').text).toMatch(/^No\. .*visited the U\.S\./);
    expect(ask('did trump and putin meet in alaska').text).not.toMatch(/^No\b/);
    // Washington is a city as well as a state, by WordNet: another city is no dateline of it.
    expect(ask('is the dateline moscow').text).toMatch(/^No\. .*datelined WASHINGTON/);
  });

  it('needs the place and the person the question puts there in one sentence of the evidence', () => {
    // Donahue is "the top U.S. Army commander in Europe"; he joined Driscoll on the visit to Ukraine.
    expect(ask('did driscoll go to europe').text).not.toMatch(/^Yes\b/);
    expect(ask('is donahue in europe').text).toMatch(/^Yes\. /);
  });

  it('does not take a synonym of a place for the place: “visit Washington” of “visited the U.S.”', () => {
    for (const q of ['did dmitriev visit washington', 'is it true that dmitriev visited washington in october']) {
      expect(ask(q).text).not.toMatch(/^Yes\b/);
    }
    expect(ask('did dmitriev visit america').text).toMatch(/^Yes\. /);
  });

  it('reads names joined by “and” as standing in one place', () => {
    // "security guarantees for Ukraine and Europe": Europe is not contradicted by Ukraine.
    expect(ask('does the framework cover security guarantees for europe').text).toMatch(/^Yes\. /);
  });
});

describe('who tells something', () => {
  it('answers with the voice the report gives what is told, and its quote', () => {
    const a = ask('who said negotiations accelerated');
    expect(a.text).toBe('The report attributes it to a source familiar with the discussions.');
    expect(a.sources[0]).toMatchObject({ line: 2 });
    // No entry quotes it whole: the one sentence that does, and the voice it names (", CNN reported").
    const b = ask(
      'hey bot so i was reading this and im kinda confused, who actually reported that trump is doing secret talks w russia? like which outlet was it',
    );
    expect(b.text).toBe('The report attributes it to CNN.');
    expect(b.sources[0]).toMatchObject({ line: 1 });
  });

  it('tells the report’s own voice from a voice its sentence names, by what that voice tells', () => {
    expect(ask('who called it a fact-finding mission').text).toBe('The report attributes it to the Army.');
    expect(ask('who reported that driscoll arrived in ukraine').text).toMatch(/^The report says so in its own voice/);
  });
});

describe('who tells something, asked yes or no', () => {
  it('is the subject of the verb of telling, not a name earlier in its sentence', () => {
    // "Dmitriev reportedly visited … for what a Russian source described as 'very productive discussions'".
    for (const q of [
      'dmitriev described the discussions as very productive, right?',
      'was it dmitriev himself who called the discussions very productive?',
    ]) {
      expect(ask(q).text).not.toMatch(/^Yes\b/);
    }
    expect(ask('did a russian source describe the discussions as very productive').text).toMatch(/^Yes\. /);
    // "U.S. officials perceive new openness…, according to a source…, but Peskov said there were
    // 'no new developments'": what Peskov told is his clause's, not the voices' before him.
    expect(ask('did peskov confirm new openness').text).not.toMatch(/^Yes\b/);
  });

  it('may tell it with another verb of telling: “did Trump call it his easy one” of “Trump voiced…, saying”', () => {
    expect(ask('did trump call it his easy one').text).toMatch(/^Yes\. Trump recently voiced frustration/);
  });

  it('is not the telling when the verb is done to someone: “did Trump call Putin”', () => {
    for (const q of ['did trump call putin', 'Did Trump call Putin?']) expect(ask(q).text).not.toMatch(/^Yes\b/);
  });
});

describe('fifth blind try: confident replies the report does not support', () => {
  it('reads a possessive typed without its apostrophe as the possessor it is', () => {
    expect(ask('is witkoff trumps special envoy').text).toMatch(/^Yes\. Steve Witkoff/);
    expect(ask('is witkoff described as a special envoy').text).toMatch(/^Yes\. Steve Witkoff/);
  });

  it('does not take a cleft’s “was it … that” for a passive', () => {
    expect(ask('was it the washington post that reported the secret effort').text).not.toMatch(/^Yes\b/);
  });

  it('does not take a people qualifying a voice for the voice: “a Russian source” is not the Kremlin', () => {
    expect(ask('did the kremlin describe the talks as very productive').text).not.toMatch(/^Yes\b/);
    expect(ask('did the kremlin say there were no new developments').text).toMatch(/^Yes\. Kremlin spokesperson/);
    expect(ask('did the army describe the trip as a fact finding mission').text).toMatch(/^Yes\. /);
  });

  it('says No to a degree above the one the evidence gives: “completely secret” of “largely secret”', () => {
    expect(ask('is the effort completely secret').text).toMatch(/^No\. CNN called it a “largely secret” effort/);
    expect(ask('is the effort mostly secret').text).toMatch(/^Yes\b/);
    // "Frustrated" is "disappointed" by the knowledge's synonyms: "a little disappointed".
    expect(ask('is trump very frustrated').text).toMatch(/^No\. /);
  });

  it('declines to judge: “is trump a good president” asks an opinion, not a title', () => {
    for (const q of ['is trump a good president', 'is zelensky a corrupt leader']) {
      expect(ask(q).text, q).toMatch(/^That asks for an opinion\./);
    }
    // The report's own words of judgement are facts about what it says; titles are titles.
    expect(ask('is the effort a significant peace initiative').text).toMatch(/^Yes\. CNN said/);
    expect(ask('is shmyhal the prime minister').text).toMatch(/^No\. The report calls Denys Shmyhal/);
  });

  it('says Yes to a question in the perfect only when the evidence has its verb as a verb', () => {
    // "…to negotiate an end to the war", "what would the deal cover": names, not events.
    expect(ask('has the war in ukraine ended').text).not.toMatch(/^Yes\b/);
    expect(ask('has ukraine agreed to the 28 point plan').text).not.toMatch(/^Yes\b/);
    expect(ask('has trump ordered the visit').text).toMatch(/^Yes\. President Trump ordered/);
  });

  it('checks a passive’s agent of telling as who told it: “reported by CNN”', () => {
    expect(ask('so the 28 point plan was reported by cnn right').text).toMatch(/^No\. /);
    expect(ask('was the 28 point plan reported by axios').text).toMatch(/^Yes\. Axios reported/);
  });

  it('says Yes to what the report tells in someone’s words, however the question puts the telling', () => {
    expect(ask('did trump say it was going to be his easy one').text).toMatch(/^Yes\. Trump recently voiced/);
    expect(ask('did shmyhal talk about defence innovations').text).toMatch(/^Yes\. Ukrainian Defence Minister/);
    // ANI's report says it in its own voice: the agency is named only in the attribution.
    expect(ask('did ani say driscoll was a close ally of vance').text).toMatch(/^Yes\. /);
    expect(ask('did cnn say driscoll was a close ally of vance').text).not.toMatch(/^Yes\b/);
  });

  it('says No when the evidence has someone else do what the question has a person do', () => {
    // "Driscoll met … Zelensky and other top leaders to brief them": Driscoll briefs.
    expect(ask('did zelensky brief driscoll on battlefield conditions').text).toMatch(/^No\. Driscoll met/);
    expect(ask('did driscoll brief zelensky on battlefield conditions').text).toMatch(/^Yes\. /);
    // Meeting takes two; and a comma ends who does what ("…with Driscoll, expressed gratitude").
    expect(ask('did zelensky meet driscoll').text).toMatch(/^Yes\. /);
    expect(ask('did shmyhal express gratitude').text).toMatch(/^Yes\. /);
    // Not only people: "President Trump ordered the visit"; and what a verb means in WordNet's
    // words ("thank": Shmyhal "expressed gratitude").
    for (const q of ['did the army order the visit', 'did the pentagon order the visit']) {
      expect(ask(q).text, q).toMatch(/^No\. President Trump ordered the visit/);
    }
    expect(ask('did driscoll thank shmyhal').text).toMatch(/^No\. Ukrainian Defence Minister Denys Shmyhal/);
    expect(ask('did shmyhal thank the us').text).toMatch(/^Yes\. /);
    // "the us" is the country; Shmyhal expressed the gratitude, for U.S. support.
    expect(ask('did the us express gratitude to ukraine').text).not.toMatch(/^Yes\b/);
    expect(ask('did cnn report this').text).toMatch(/^Yes\. /);
  });

  it('checks an “according to X” as who told it, before or after the question', () => {
    // The openness is what U.S. officials perceive; the Kremlin's spokesperson said "no new developments".
    expect(ask('did russia open up to a potential agreement according to the kremlin').text).not.toMatch(/^Yes\b/);
    expect(ask('did trump order the visit according to butler').text).toMatch(/^Yes\. President Trump ordered/);
    expect(ask('did trump order the visit according to axios').text).toMatch(/^No\. President Trump ordered/);
    expect(ask('according to cnn, is the effort secret').text).toMatch(/^Yes, largely\. CNN called it/);
  });

  it('says no No of a name where a sentence holds several: “an ally of Vance” is no No to “ally of Trump”', () => {
    expect(ask('is driscoll a close ally of trump').text).not.toMatch(/^No\b/);
    expect(ask('is driscoll a close ally of vance').text).toMatch(/^Yes\. /);
  });
});

describe('/who of what is no person', () => {
  it('answers an outlet the report relays with what the report says of it, and never says a word it uses is not named', () => {
    const cnn = answer(kb, { lookup: 'who', text: 'cnn' });
    expect(cnn.status).toBe('answered');
    expect(cnn.text).toMatch(/CNN’s reporting on the secret effort/);
    const pentagon = answer(kb, { lookup: 'who', text: 'the guy from the pentagon' });
    expect(pentagon.text).not.toMatch(/doesn't name/);
    expect(answer(kb, { lookup: 'who', text: 'the pope' }).text).toMatch(
      /doesn't (?:name anyone like “the pope”|mention “pope”)/,
    );
  });
});

describe('a verb the evidence says in the words WordNet defines it with', () => {
  it('is supported by them in a curated entry: “did shmyhal thank the us” of “expressed gratitude for U.S. support”', () => {
    expect(ask('did shmyhal thank the us').text).toMatch(/^Yes\. Ukrainian Defence Minister Denys Shmyhal/);
    // Not by a whole line of the report that names someone else too.
    expect(ask('did zelensky thank the us').text).not.toMatch(/^Yes\b/);
  });
});

describe('who a fact is according to', () => {
  it('is answered with the voice the report gives it', () => {
    expect(ask('according to whom was it a fact finding mission').text).toBe('The report attributes it to the Army.');
    expect(ask('the talks accelerated according to who?').text).toBe(
      'The report attributes it to a source familiar with the discussions.',
    );
  });
});

describe('a person named only in someone else’s quoted words', () => {
  it('is not said to be where the quote was spoken, or to feel what it says', () => {
    // Trump, at the conference: “…I’m a little disappointed in President Putin right now.”
    for (const q of ['can you confirm that putin was at the saudi conference?', 'is putin disappointed']) {
      expect(ask(q).text, q).toMatch(/^The report doesn't say\. What it does say: Trump recently voiced/);
    }
    expect(ask('was trump disappointed in putin').text).toMatch(/^Yes\. /);
    expect(ask('trump was at the saudi conference, right?').text).toMatch(/^Yes\. /);
  });
});

describe('how many people of a kind the report names', () => {
  it('counts and names them, each cited from the line that names them', () => {
    const a = ask('how many generals are named as going with driscoll');
    expect(a.status).toBe('answered');
    expect(a.text).toBe('The report names two: Gen. Randy George and Gen. Chris Donahue.');
    expect(a.sources.map((s) => s.line)).toEqual([4, 4]);
  });

  it('does not count them for a question about someone else’s: “how many generals does Russia have”', () => {
    expect(ask('how many generals does russia have').text).not.toMatch(/names two/);
  });
});

describe('a wh-question asked about the report', () => {
  it('is answered as the wh-question, not as yes or no: “does the article say when the Anchorage meeting was”', () => {
    const a = ask('does the article say when the anchorage meeting was');
    expect(a.status).toBe('answered');
    expect(a.text).toMatch(/^August/);
  });
});

describe('an entry that answers a yes/no question, found for a wh-question', () => {
  it('states no Yes or No it was never asked, and asked when, where or why, says the report doesn’t say', () => {
    // "Is there a peace deal yet? No, no deal is reported": the report does have defence agreements.
    const when = ask('when were the defence agreements signed');
    expect(when.status).toBe('not_found');
    expect(when.text).toMatch(/^The report doesn't say\./);
    expect(when.text).not.toMatch(/\bno deal\b/i);
    const how = ask('how did cnn describe this initiative');
    expect(how.status).toBe('answered');
    expect(how.text).toMatch(/^CNN called it/);
  });
});

describe('a yes/no question describing someone by what they did', () => {
  it('is not answered No from their title: “the first US official to visit Ukraine” is no title', () => {
    const a = ask('was driscoll the first us official to visit ukraine');
    expect(a.text).not.toMatch(/^No\b/);
    expect(a.text).not.toMatch(/calls Dan Driscoll/);
    // A title the report does not give is still corrected from the one it gives.
    expect(ask('is witkoff the secretary of state').text).toMatch(/^No\. The report calls Steve Witkoff/);
  });
});

describe('a superlative the evidence gives as one among others', () => {
  it('says No to “the most” of what the report calls “one of the most”, and Yes to “one of the most”', () => {
    expect(ask('is this trumps most significant peace initiative ever').text).toMatch(/^No\. .*one of the most/);
    expect(ask('is this one of the most significant peace pushes of trumps presidency').text).toMatch(/^Yes\b/);
  });
});

describe('a name that is a few letters from a function word', () => {
  it('is a subject, not text-speak: “what did nato say” names NATO, which the report does not mention', () => {
    const a = ask('what did nato say');
    expect(a.status).toBe('not_found');
    expect(a.text).toMatch(/doesn't mention “nato”/);
  });
});

describe('a typo of a word the knowledge folds to another spelling', () => {
  it('is corrected to the word as written: “ukranian” is “Ukrainian”, never a word the report lacks', () => {
    const a = ask('who is the ukranian defence minister');
    expect(a.status).toBe('answered');
    expect(a.text).toMatch(/^Denys Shmyhal/);
  });
});

describe('a name the tagger knows, spelt a letter from a function word', () => {
  it('is a subject: “who is the uk prime minister” is not asked of the Ukrainian defence minister', () => {
    const a = ask('who is the uk prime minister');
    expect(a.status).not.toBe('answered');
    expect(a.text).toMatch(/doesn't mention “uk”/);
  });
});

describe('a typo as many edits from two words of the knowledge', () => {
  it('is read as the one a typist more likely meant: a letter left out, not a key across the keyboard', () => {
    // "dmitriv": Dmitriev less an "e", or Dmitriy (an alias of Peskov's) with "y" typed "v".
    const a = ask('who is dmitriv');
    expect(a.status).toBe('answered');
    expect(a.text).toMatch(/^Kirill Dmitriev/);
  });
});

describe('/who of someone described by what they did', () => {
  it('answers who did it, not someone the description names', () => {
    const who = (text: string) => answer(kb, { lookup: 'who', text });
    expect(who('the one who met zelensky').text).toMatch(/^Dan Driscoll/);
    expect(who('the spokesperson who said trump ordered the visit').text).toMatch(/^Col\. Dave Butler/);
    expect(who('the person leading the talks').text).toMatch(/^Steve Witkoff/);
    expect(who('the guy who went to ukraine').text).toMatch(/^Dan Driscoll/);
  });
});

describe('a curator’s wh-question with a negation', () => {
  it('presupposes the negation: “why haven’t the talks worked” says No to “did the previous attempts work”', () => {
    expect(ask('did the previous peace attempts work').text).toMatch(/^No\. .*collapsed/);
    expect(ask('did the previous attempts collapse').text).toMatch(/^Yes\b/);
  });
});

describe('what happened at a time', () => {
  it('is the event the report dates then, not a guess among entries that share no word', () => {
    const wednesday = ask('what happened on wednesday');
    expect(wednesday.status).toBe('answered');
    expect(wednesday.text).toMatch(/^Wednesday: Army Secretary Dan Driscoll arrived in Ukraine/);
    expect(ask('anything happen in october?').text).toMatch(/^October: .*Dmitriev/);
  });

  it('/when of a yes/no question gives what the report says without a Yes', () => {
    const a = answer(kb, { lookup: 'when', text: 'did peskov speak' });
    expect(a.text).not.toMatch(/What it says: Yes/);
  });
});

describe('a later part’s “he” after a first part that names one person', () => {
  it('is that person: “who is peskov and what did he say” answers with Peskov’s words', () => {
    const a = ask('who is peskov and what did he say');
    expect(a.parts).toHaveLength(2);
    expect(a.parts![1]!.status).toBe('answered');
    expect(a.parts![1]!.text).toMatch(/no new developments/);
  });
});

describe('a noun that is also a verb of telling', () => {
  it('is not the telling: “did witkoff lead the talks” asks what he did, not what he said', () => {
    expect(ask('did witkoff lead the talks').text).toMatch(/^Yes\. Steve Witkoff/);
  });
});

describe('a person asked about by their full name', () => {
  it('is one person, however many words of their name the question or the evidence uses', () => {
    // "Dan" is not in "Driscoll met…"; "Donald" and "Trump" are one doer, not two.
    expect(ask('did dan driscoll meet volodymyr zelensky').text).toMatch(/^Yes\b/);
    expect(ask('did donald trump order the visit').text).toMatch(/^Yes\b/);
    expect(ask('was michael weimer part of the delegation').text).toMatch(/^Yes\b/);
    expect(ask('did zelensky order the visit').text).toMatch(/^No\b/);
  });
});

describe('a yes/no entry’s curated verdict', () => {
  it('answers its own question, not another that shares its evidence', () => {
    // "Are the talks secret? Yes, largely." is no Yes to "described as a minor one".
    const minor = ask('is the initiative described as a minor one');
    expect(minor.text).not.toMatch(/^Yes\b/);
    expect(ask('are the talks secret').text).toMatch(/^Yes, largely/);
    expect(ask('is the war in ukraine what the talks aim to end').text).not.toMatch(/^No\b/);
  });
});

describe('a question after a story of who is asking', () => {
  it('is found when it opens with a linking word: “… he says they deny everything. so does russia acknowledge the contacts”', () => {
    const a = ask(
      'evening all. long time lurker. my dad and i were arguing at dinner about whether the russians even admit the talks are happening, he says they deny everything. so does russia acknowledge the contacts or not',
    );
    expect(a.status).toBe('answered');
    expect(a.text).toMatch(/^Yes\. Russia acknowledged/);
  });
});

describe('who did it, asked with a verb the tagger reads as a noun, or in the passive', () => {
  it('takes the verb in its place for a verb (“head” as “lead”), and a passive’s agent for its doer', () => {
    expect(ask('did witkoff head the talks').text).toMatch(/^Yes\. Steve Witkoff/);
    expect(ask('was the visit ordered by zelensky').text).toMatch(/^No\. President Trump ordered the visit/);
    expect(ask('was the visit ordered by trump').text).toMatch(/^Yes\b/);
  });
});

describe('a word the tagger respells', () => {
  it('is still the word typed: “vice” (which wink normalises to “vise”) of “Vice President”', () => {
    expect(ask('is driscoll an ally of vice president jd vance').text).toMatch(/^Yes\b/);
  });
});

describe('a yes/no question naming someone the report never does', () => {
  it('is answered No where the report has another do it, else says the report does not mention them', () => {
    expect(ask('did biden order the visit').text).toMatch(/^No\. President Trump ordered the visit/);
    expect(ask('did hegseth lead the delegation').text).toMatch(/doesn't mention “hegseth”/);
  });
});

describe('yes/no replies that said No for the wrong reason', () => {
  it('reads a typed denial as one (“downplayd”) and a place after “in” as no title', () => {
    expect(ask('did peskov downplayd progress').text).toMatch(/^Yes\b/);
    const inUkraine = ask('is driscol in ukrane');
    expect(inUkraine.text).toMatch(/^Yes\b/);
    expect(inUkraine.text).not.toMatch(/calls Dan Driscoll Army Secretary/);
  });
});

describe('a field of one person’s profile, asked by their name', () => {
  it('is answered with the profile that gives it', () => {
    expect(ask('what is witkoffs role').text).toMatch(/^Steve Witkoff: President Donald Trump’s special envoy/);
    expect(ask("what is driscoll's job").text).toMatch(/^Dan Driscoll: Army Secretary/);
  });
});

describe('an aside before the question', () => {
  it('is left out: “sorry if this is a dumb q but who is the army spokesperson quoted”', () => {
    const a = ask('hi! sorry if this is a dumb q 🙈 but who is the army spokesperson quoted');
    expect(a.status).toBe('answered');
    expect(a.text).toMatch(/^Col\. Dave Butler/);
  });
});

describe('ninth blind try: confident replies turned the wrong way', () => {
  it('takes a title in the name for the name, a verb stemming like a name for no name, a nationality for no title', () => {
    // "Gen." opens George's name: "on the trip" is no title of his.
    expect(ask('Was Gen. Randy George on the trip?').text).toMatch(/^Yes\b/);
    // "deny" stems as "Denys" does; he confirmed the meeting.
    expect(ask('Did Shmyhal deny meeting Driscoll?').text).not.toMatch(/^Yes\b/);
    // "Army Secretary" names no country: no No from it.
    expect(ask('Is Driscoll American?').text).not.toMatch(/^No\. The report calls Dan Driscoll/);
    expect(ask('is dmitriev the ukrainian envoy').text).toMatch(/^No\. The report calls Kirill Dmitriev Russian/);
  });
});

describe('someone asked to have gone to a place the evidence names for something else', () => {
  it('is not said to have gone there: “diplomacy with Moscow” is no trip to Moscow', () => {
    expect(ask('Did Witkoff go to Moscow?').text).toMatch(/^The report doesn't say\./);
    expect(ask('did driscoll go to ukraine').text).toMatch(/^Yes\b/);
    expect(ask('is driscoll close to vance').text).toMatch(/^Yes\b/);
  });
});

describe('“only”, asked yes or no', () => {
  it('is No where the evidence lists the one asked with others, and never a plain Yes it does not say', () => {
    expect(ask('Is the framework about security guarantees for Ukraine only?').text).toMatch(/^No\b/);
    expect(ask('Did Driscoll brief Zelensky only on weapons needs?').text).toMatch(/^No\b/);
    expect(ask('did driscoll only meet zelensky').text).not.toMatch(/^Yes\b/);
  });
});

describe('declines that gave a false reason (ninth blind try)', () => {
  it('takes the asker’s own “I will be thankful” for no question about the future', () => {
    const a = ask(
      'Good morning sir, kindly tell me who is the special envoy of President Trump, I will be very thankful to you.',
    );
    expect(a.status).toBe('answered');
    expect(a.text).toMatch(/^Steve Witkoff/);
  });

  it('does not read “who won the US election” as asking who holds a title', () => {
    expect(ask('Who won the US election?').text).not.toMatch(/gives that title/);
  });
});

describe('a word of the report that no entry answers', () => {
  it('is pointed to where the report uses it, never said to be covered nowhere: “axios?”', () => {
    const a = ask('axios?');
    expect(a.text).not.toMatch(/couldn't match that to anything it covers/);
    expect(a.suggestions.some((s) => s.id === 'line:5')).toBe(true);
  });
});

describe('/source of a phrase no line says', () => {
  it('offers the line sharing one of its words rather than giving it as the source: “the war is over”', () => {
    const a = answer(kb, { lookup: 'source', text: 'the war is over' });
    expect(a.status).not.toBe('answered');
    expect(a.text).toMatch(/^No line says exactly that/);
    expect(answer(kb, { lookup: 'source', text: 'peskov downplayed' }).sources[0]?.line).toBe(6);
  });
});

describe('what someone the asker knows says, put up to be checked', () => {
  it('is checked as the claim it is, never declined for the word “uncle”', () => {
    expect(ask('my dad said trump ordered the visit. is that true?').text).toMatch(/^Yes\. President Trump ordered/);
    expect(ask('my friend says driscoll went to russia, is she right?').text).toMatch(/^No\b/);
    const uncle = ask(
      "ok so my uncle says the whole thing was Vance's idea and he ordered the army secretary to go to ukraine, is he right?",
    );
    expect(uncle.text).not.toMatch(/uncle/);
  });
});

describe('"is X right": a verdict on someone, not a tag asking to confirm', () => {
  it('says the report does not say, however the profile uses the word ("right now")', () => {
    for (const q of ['is trump right', 'is zelensky right?', 'is putin wrong']) {
      expect(ask(q).text, q).toMatch(/^The report doesn't say\b/);
    }
  });

  it('still reads a closing "right" after a statement as asking to confirm it', () => {
    expect(ask('is the plan 28 points, right?').text).toMatch(/^Yes\b/);
    expect(ask('is it a 20 point plan right').text).toMatch(/^No\b/);
    expect(ask('driscoll went to ukraine right?').text).toMatch(/^Yes\b/);
  });
});

describe('sixth blind try: confident Noes the report does not support', () => {
  it('never says No for coming where the report has going: “did dmitriev come to the us”', () => {
    expect(ask('did dmitriev come to the us in october').text).not.toMatch(/^No\b/);
  });

  it('reads the calendar’s abbreviations as the months and days they stand for', () => {
    expect(ask('did dmitriev visit the us in oct?').text).toMatch(/^Yes\b/);
    expect(ask('did driscoll arrive on wed?').text).toMatch(/^Yes\b/);
    expect(ask('did dmitriev visit the us in aug?').text).toMatch(/^No\b/);
    expect(answer(kb, { lookup: 'when', text: 'oct' }).text).toMatch(/^October: .*Dmitriev/);
  });

  it('takes a misspelt name that stems like the real one as that person: “did zelenskyy meet driscol”', () => {
    expect(ask('did zelenskyy meet driscol').text).toMatch(/^Yes\. Driscoll met/);
    expect(ask('did driscol go to russia').text).toMatch(/^No\b/);
  });

  it('checks a title put up to be confirmed, whichever side the name is on: “weimer is the army chief of staff right?”', () => {
    expect(ask('weimer is the army chief of staff right?').text).toMatch(
      /^No\. The report calls Michael Weimer Sergeant Major of the Army\. Gen\. Randy George is the one/,
    );
    expect(ask('the top us army commander in europe is randy george right?').text).toMatch(
      /^No\. .*Gen\. Chris Donahue is the one it calls the top U\.S\. Army commander in Europe/,
    );
    // The words of a clause before it are not part of the title asked.
    expect(ask('hey quick one, driscoll is the army secretary right?').text).toMatch(/^Yes\b/);
  });

  it('says No to a nationality of a title someone else holds: “is witkoff the russian envoy”', () => {
    expect(ask('is witkoff the russian envoy?').text).toMatch(
      /^No\. .*Kirill Dmitriev is the one it calls Russian Special Envoy/,
    );
    expect(ask('is driscoll american').text).not.toMatch(/^No\b/);
  });

  it('says No to another pair “between” two people than the evidence gives', () => {
    expect(ask('were the defence agreements reached between shmyhal and driscoll?').text).toMatch(/^No\b/);
    expect(ask('were the defence agreements reached between zelensky and trump?').text).toMatch(/^Yes\b/);
  });

  it('answers a statement with a choice in it as the choice it asks: “driscoll went to ukraine wed or thurs??”', () => {
    expect(ask('yo so driscoll went to ukraine wed or thurs??').text).toMatch(/^Wednesday, not Thursday\./);
    expect(ask('the plan has 28 points or 18?').text).toMatch(/^28, not 18\./);
  });
});

describe('sixth blind try: what someone is asked to have, and words people clip', () => {
  it('says the report does not give what is asked of a person that the profile lacks: “what is witkoff’s age”', () => {
    for (const q of ["what is witkoff's age", 'what is the age of witkoff']) {
      expect(ask(q).text, q).toMatch(/^The report doesn't say\. What it does say: Steve Witkoff/);
    }
    expect(ask("what is witkoff's job").text).toMatch(/^Steve Witkoff: President Donald Trump’s special envoy/);
  });

  it('reads a noun clipped from a longer one as that word, never a subject it lacks: “give me info on witkoff”', () => {
    const a = ask('give me info on witkoff');
    expect(a.text).not.toMatch(/doesn't mention/);
    expect(a.entry).toBe('steve-witkoff');
  });
});

describe('“innit”, the tag people type for “isn’t it”', () => {
  it('asks to confirm, never a subject the report is said not to mention', () => {
    expect(ask('driscoll is a close ally of vp vance, innit?').text).toMatch(/^Yes\b/);
    expect(ask('zelensky is the defence minister innit').text).toMatch(/^No\. The report calls Volodymyr Zelensky/);
  });

  it('leaves a wh-question that ends in a tag a wh-question, with no Yes before its answer', () => {
    const a = ask('which general commands the army in europe, innit');
    expect(a.text).toMatch(/^Gen\. Chris Donahue/);
    expect(ask("what's the deal with the 28 point plan innit").text).not.toMatch(/^Yes\b/);
  });
});

describe('“kindly confirm whether…”: a statement put up to be confirmed, as polite English asks it', () => {
  it('checks the statement, never declining for “Mr” or “Prime”', () => {
    expect(ask('kindly confirm whether Mr Shmyhal is the Prime Minister of Ukraine').text).toBe(
      'No. The report calls Denys Shmyhal Ukrainian Defence Minister.',
    );
    expect(ask('please confirm that driscoll went to ukraine').text).toMatch(/^Yes\b/);
  });

  it('answers a choice put up that way as the choice: “kindly confirm whether driscoll arrived on wednesday or thursday”', () => {
    expect(ask('kindly confirm whether driscoll arrived on wednesday or thursday').text).toMatch(
      /^Wednesday, not Thursday\./,
    );
    // A closing tag belongs to neither alternative.
    expect(ask('is the plan 28 points or 18 points, right?').text).not.toMatch(/right\./);
  });
});

describe('who said it, where what was found holds nothing of it', () => {
  it('finds the telling in the quote that holds it: “who said no new developments”', () => {
    const a = ask('who said no new developments');
    expect(a.text).toBe('The report attributes it to Kremlin spokesperson Dmitry Peskov.');
    expect(a.sources[0]?.line).toBe(6);
    expect(ask('who called it a fact-finding mission').text).toBe('The report attributes it to the Army.');
  });
});

describe('an answer must give the day or month asked', () => {
  it('answers with the entry that holds it, not one that lacks it: “who visited the us in october”', () => {
    const a = ask('who visited america in october');
    expect(a.text).toMatch(/^Kirill Dmitriev/);
    expect(a.sources[0]?.line).toBe(5);
  });
});

describe('is X the one who did it, when an entry about X answers without a verdict', () => {
  it('checks X against who did it: “was dmitriev the one leading the talks for the us?”', () => {
    expect(ask('was dmitriev the one leading the talks for the us?').text).toMatch(/^No\. Steve Witkoff/);
    expect(ask('is witkoff the one leading the talks').text).toMatch(/^Yes\b/);
  });
});

describe('a part of a compound question that asks back', () => {
  it('offers its choices in its own words, never ending on “Did you mean:”', () => {
    const a = ask('where did driscoll go and who did he meet');
    expect(a.text).not.toMatch(/Did you mean:/);
    expect(a.text).toMatch(/^1\. where did driscoll go\? .*\n\n2\. who did he meet\? Driscoll met/s);
  });
});

describe('seventh blind try: honorifics, chat abbreviations and speech spellings', () => {
  it('reads an honorific before a name as asking nothing: “what did Mr Peskov say about progress?”', () => {
    expect(ask('What did Mr Peskov say about progress?').text).toMatch(
      /^Kremlin spokesperson Dmitry Peskov downplayed/,
    );
    expect(ask('Was the Defence Minister of Ukraine Mr Shmyhal?').text).toMatch(/^Yes\. Denys Shmyhal/);
  });

  it('never names a chat abbreviation or a dropped “g” as a subject the report lacks', () => {
    for (const q of [
      'tbh did russia say anything',
      'lowkey who even is Weimer',
      'wait so trump n russia r talkin peace?? fr',
    ]) {
      expect(ask(q).text, q).not.toMatch(/doesn't mention/);
    }
    expect(ask("who's leadin the talks").text).toMatch(/^Steve Witkoff/);
  });

  it('reads a plural after a noun as a noun, not a verb of telling: “did witkoff lead the back-channel talks”', () => {
    expect(ask('did witkoff lead the back-channel talks').text).toMatch(/^Yes\b/);
    expect(ask('Did Driscoll or Witkoff lead the back-channel talks?').text).toMatch(/^Witkoff\./);
  });
});

describe('who of two named did it', () => {
  it('names the one the report has doing it: “who was disappointed, trump or putin?”', () => {
    expect(ask('Who was disappointed, Trump or Putin?').text).toMatch(/^Trump\. /);
    expect(ask('who was disappointed trump or putin').text).toMatch(/^Trump\. /);
    expect(ask('who leads the talks, witkoff or driscoll').text).toMatch(/^Witkoff\. /);
  });
});

describe('“alone”, “by himself”: that no one went with them', () => {
  it('is No where the evidence names whom they went with, and never a Yes it does not say', () => {
    for (const q of ['Did Driscoll arrive alone?', 'did driscoll go by himself'])
      expect(ask(q).text, q).toMatch(/^No\. /);
    expect(ask('did witkoff lead the talks alone').text).toMatch(/^The report doesn't say\b/);
  });
});
