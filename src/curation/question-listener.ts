import type { QuestionLog } from '../storage/question-log.js';

/**
 * What the question log needs to see of a handled request. Structural, so it reads the
 * dispatcher's request event without the log depending on the dispatcher.
 */
export interface ObservedRequest {
  request: {
    kind: string;
    /** The transport's id for the request (Discord's interaction id): the answer's id, carried by its feedback buttons. */
    id?: string;
    invoker: { id: string; guildId?: string };
    options?: Readonly<Record<string, string>>;
  };
  command: string;
  reply?: {
    type: string;
    answer?: { status: string; entry: string | null; confidence: number; sources: readonly { story: string }[] };
  };
}

/**
 * A request listener that logs every question a member submitted: a command that asks the
 * engine (`questionOptions` names each such command's question option) and got an answer or a
 * decline. Autocomplete, picks, refusals and cooldowns are not questions. Only queues: the
 * write happens later, off the reply path.
 */
export function questionLogListener(
  log: QuestionLog,
  questionOptions: Readonly<Record<string, string>>,
  storyOf: (entry: string) => string | null = () => null,
): (event: ObservedRequest) => void {
  return ({ request, command, reply }) => {
    if (request.kind !== 'command' || !reply?.answer) return;
    const option = questionOptions[command];
    const text = option ? request.options?.[option] : undefined;
    if (!text) return;
    const { status, entry, confidence, sources } = reply.answer;
    log.record({
      ...(request.id ? { id: request.id } : {}),
      text,
      command,
      story: sources[0]?.story ?? (entry ? storyOf(entry) : null),
      status,
      entry,
      confidence,
      guildId: request.invoker.guildId ?? null,
      userId: request.invoker.id,
    });
  };
}

/**
 * The question log's listener for a running bot: its state's log, each asking command's question
 * option, and the story of an entry looked up in the knowledge serving now.
 */
export function logQuestionsOf(
  questions: QuestionLog,
  store: { current: { knowledge: { entries: readonly { id: string; story: string }[] } } },
  questionOptions: Readonly<Record<string, string>>,
): (event: ObservedRequest) => void {
  return questionLogListener(
    questions,
    questionOptions,
    (entry) => store.current.knowledge.entries.find((e) => e.id === entry)?.story ?? null,
  );
}
