import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import type { Command, Invoker } from '../src/dispatch/command.js';
import {
  APOLOGY,
  BUSY,
  Dispatcher,
  type CommandRequest,
  type MessageRequest,
  type Request,
  type RequestEvent,
} from '../src/dispatch/dispatcher.js';
import { KnowledgeStore } from '../src/knowledge/store.js';
import { KNOWLEDGE_DIR } from './helpers/knowledge.js';

let store: KnowledgeStore;
beforeAll(async () => {
  store = await KnowledgeStore.open(KNOWLEDGE_DIR);
});

const member: Invoker = { id: 'member-1', isModerator: false, guildId: 'guild-1' };
const ask = (question: string, invoker = member): CommandRequest => ({
  kind: 'command',
  source: 'test',
  invoker,
  name: 'ask',
  options: { question },
});

let runs = 0;
const counted: Command = {
  name: 'counted',
  description: 'Counts its runs',
  options: [],
  access: 'moderators',
  defer: false,
  cooldown: 'none',
  run: () => ({ type: 'info', title: 'ran', lines: [String(++runs)], ephemeral: true }),
};

function dispatcherWith(extra: Command[] = [], options: Partial<ConstructorParameters<typeof Dispatcher>[0]> = {}) {
  const dispatcher = new Dispatcher({ store, commands: [...commands, ...extra], ...options });
  const events: RequestEvent[] = [];
  dispatcher.onEvent((e) => events.push(e));
  return { dispatcher, events };
}

describe('a request through the dispatcher', () => {
  it('gets the engine’s answer, and one event with its command, status, latency and entry', async () => {
    const { dispatcher, events } = dispatcherWith();
    const reply = await dispatcher.dispatch(ask('who is leading the talks'));
    expect(reply).toMatchObject({
      type: 'answer',
      answer: { entry: 'talks-leader' },
      question: 'who is leading the talks',
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ command: 'ask', status: 'answered', entry: 'talks-leader' });
    expect(events[0]!.ms).toBeGreaterThanOrEqual(0);
  });

  it('refuses an unknown command, naming it', async () => {
    const { dispatcher, events } = dispatcherWith();
    const reply = await dispatcher.dispatch({ ...ask(''), name: 'nope' });
    expect(reply).toEqual({
      type: 'notice',
      reason: 'unknown_command',
      text: expect.stringMatching(/no \/nope command/),
    });
    expect(events[0]!.status).toBe('unknown_command');
  });

  it('refuses an over-long option without asking the engine', async () => {
    const { dispatcher } = dispatcherWith();
    expect(await dispatcher.dispatch(ask('x'.repeat(1001)))).toMatchObject({ type: 'notice', reason: 'too_long' });
  });

  it('runs a moderators-only command for a moderator only', async () => {
    const { dispatcher } = dispatcherWith([counted]);
    const request = { kind: 'command', source: 'test', name: 'counted', options: {} } as const;
    const before = runs;
    expect(await dispatcher.dispatch({ ...request, invoker: member })).toMatchObject({ reason: 'refused' });
    expect(runs).toBe(before);
    expect(await dispatcher.dispatch({ ...request, invoker: { id: 'mod', isModerator: true } })).toMatchObject({
      type: 'info',
    });
    expect(runs).toBe(before + 1);
  });

  it('applies the member cooldown per invoker, and not to a command declaring none', async () => {
    const { dispatcher } = dispatcherWith([counted], { rate: { uses: 2, perMs: 60_000 } });
    const other: Invoker = { id: 'member-2', isModerator: true };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await dispatcher.dispatch(ask('who is leading the talks'))).type);
    expect(statuses).toEqual(['answer', 'answer', 'notice']);
    expect((await dispatcher.dispatch(ask('who is leading the talks'))).type).toBe('notice');
    expect((await dispatcher.dispatch(ask('who is leading the talks', other))).type).toBe('answer');
    const uncounted = { kind: 'command', source: 'test', invoker: other, name: 'counted', options: {} } as const;
    for (let i = 0; i < 4; i++) expect((await dispatcher.dispatch(uncounted)).type).toBe('info');
  });

  it('turns a handler that throws into an apology, with the error in the event', async () => {
    const boom: Command = {
      ...counted,
      name: 'boom',
      access: 'everyone',
      run: () => Promise.reject(new Error('bang')),
    };
    const { dispatcher, events } = dispatcherWith([boom]);
    const reply = await dispatcher.dispatch({
      kind: 'command',
      source: 'test',
      invoker: member,
      name: 'boom',
      options: {},
    });
    expect(reply).toEqual({ type: 'notice', reason: 'error', text: APOLOGY });
    expect(events[0]).toMatchObject({ status: 'error', error: expect.objectContaining({ message: 'bang' }) });
  });

  it('still answers when a listener throws', async () => {
    const { dispatcher } = dispatcherWith();
    dispatcher.onEvent(() => {
      throw new Error('listener broke');
    });
    const warned = new Promise((resolve) => process.once('warning', resolve));
    expect((await dispatcher.dispatch(ask('who is leading the talks'))).type).toBe('answer');
    expect(String(await warned)).toMatch(/listener broke/);
  });
});

describe('a picked suggestion', () => {
  it('answers exactly that entry, under its title', async () => {
    const { dispatcher, events } = dispatcherWith();
    const reply = await dispatcher.dispatch({ kind: 'pick', source: 'test', invoker: member, entry: 'talks-leader' });
    expect(reply).toMatchObject({ type: 'answer', answer: { entry: 'talks-leader' }, question: expect.any(String) });
    expect(events[0]).toMatchObject({ command: 'pick', status: 'answered', entry: 'talks-leader' });
  });

  it('expires once older than its time to live', async () => {
    const { dispatcher } = dispatcherWith([], { pickTtlMs: 1000 });
    const old = { kind: 'pick', source: 'test', invoker: member, entry: 'talks-leader', offeredAt: Date.now() - 2000 };
    expect(await dispatcher.dispatch(old as Request)).toMatchObject({ type: 'notice', reason: 'expired_pick' });
  });
});

describe('autocomplete through the dispatcher', () => {
  it('returns no more choices than the transport can show, and logs one event', async () => {
    const { dispatcher, events } = dispatcherWith();
    const request = {
      kind: 'autocomplete',
      source: 'test',
      invoker: member,
      name: 'who',
      typed: '',
      limit: 5,
    } as const;
    expect(dispatcher.autocomplete(request)).toHaveLength(5);
    expect(events).toEqual([expect.objectContaining({ command: 'who', status: 'choices' })]);
  });

  it('offers nothing for a command without autocomplete', () => {
    const { dispatcher } = dispatcherWith();
    const request = {
      kind: 'autocomplete',
      source: 'test',
      invoker: member,
      name: 'ask',
      typed: 'x',
      limit: 25,
    } as const;
    expect(dispatcher.autocomplete(request)).toEqual([]);
  });
});

describe('load shedding', () => {
  it('answers up to its capacity, then says busy, then drops; a released place is answered again', () => {
    const { dispatcher, events } = dispatcherWith([], { capacity: 2, busyCapacity: 1 });
    const answering = [dispatcher.admit(), dispatcher.admit()];
    expect(answering.map((a) => a?.busy)).toEqual([false, false]);
    const busy = dispatcher.admit();
    expect(busy?.busy).toBe(true);
    expect(dispatcher.admit()).toBeUndefined();

    const reply = dispatcher.busy(ask('who is leading the talks'));
    expect(reply).toMatchObject({ type: 'notice', reason: 'busy', text: BUSY });
    expect(BUSY).toMatch(/try again in 5 seconds/);
    expect(events.at(-1)).toMatchObject({ command: 'ask', status: 'busy', entry: null });

    answering[0]!.release();
    answering[0]!.release(); // twice frees one place, not two
    expect(dispatcher.inFlight).toBe(1);
    expect(dispatcher.admit()?.busy).toBe(false);
    expect(dispatcher.admit()?.busy).toBeUndefined();
    busy!.release();
    expect(dispatcher.admit()?.busy).toBe(true);
  });
});

describe('a question asked in a message', () => {
  let n = 0;
  const said = (text: string, extra: Partial<MessageRequest> = {}): MessageRequest => ({
    kind: 'message',
    source: 'test',
    invoker: { ...member, id: `talker-${++n}`, channelId: `channel-${n}` },
    text,
    via: 'mention',
    messageId: `message-${n}`,
    ...extra,
  });

  it('is answered as /ask, with the same event a slash command gets', async () => {
    const { dispatcher, events } = dispatcherWith();
    const outcome = await dispatcher.dispatchMessage(said('who is leading the talks?'));
    expect(outcome.answered && outcome.reply.type === 'answer' && outcome.reply.answer.entry).toBe('talks-leader');
    expect(events.at(-1)).toMatchObject({ command: 'ask', status: 'answered', request: { via: 'mention' } });
  });

  it('is refused when too long, and counted against the member’s cooldown like /ask', async () => {
    const { dispatcher } = dispatcherWith();
    const long = await dispatcher.dispatchMessage(said('why '.repeat(300)));
    expect(long.answered && long.reply).toMatchObject({ type: 'notice', reason: 'too_long' });
    const invoker = { ...member, id: 'fast-talker', channelId: 'calm-channel' };
    const replies = [];
    for (let i = 0; i < 6; i++) replies.push(await dispatcher.dispatchMessage(said('who is Peskov', { invoker })));
    expect(replies.at(-1)).toMatchObject({ answered: true, reply: { type: 'notice', reason: 'cooldown' } });
  });

  it('is answered once, however often it is delivered', async () => {
    const { dispatcher, events } = dispatcherWith();
    const message = said('who is Peskov');
    const outcomes = await Promise.all([1, 2, 3].map(() => dispatcher.dispatchMessage(message)));
    expect(outcomes.filter((o) => o.answered)).toHaveLength(1);
    expect(events.filter((e) => e.status === 'duplicate')).toHaveLength(2);
  });

  it('is left unanswered past the channel’s share of mentions, but not from the message command', async () => {
    const { dispatcher } = dispatcherWith();
    const inChannel = (via: MessageRequest['via']) =>
      said('who is Peskov', { via, invoker: { ...member, id: `m-${++n}`, channelId: 'busy-channel' } });
    const outcomes = [];
    for (let i = 0; i < 8; i++) outcomes.push(await dispatcher.dispatchMessage(inChannel('mention')));
    expect(outcomes.filter((o) => o.answered)).toHaveLength(6);
    expect(outcomes.at(-1)).toEqual({ answered: false, reason: 'channel_rate' });
    expect((await dispatcher.dispatchMessage(inChannel('message-command'))).answered).toBe(true);
  });

  it('follows up on the answer it replies to, once that answer was remembered', async () => {
    const { dispatcher } = dispatcherWith();
    const first = await dispatcher.dispatchMessage(said('why did Driscoll go to Ukraine?'));
    if (!first.answered) throw new Error('not answered');
    await first.remember('answer-1');
    const next = await dispatcher.dispatchMessage(said('when did he arrive?', { replyTo: 'answer-1' }));
    expect(next.answered && next.reply).toMatchObject({
      type: 'answer',
      question: 'when did Dan Driscoll arrive?',
      answer: { entry: 'driscoll-arrived', sources: [expect.objectContaining({ line: 3 })] },
    });
    const lost = await dispatcher.dispatchMessage(said('when did he arrive?', { replyTo: 'answer-unknown' }));
    expect(lost.answered && lost.meaning).toMatch(/no longer have the answer/);
  });
});
