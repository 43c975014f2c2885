import type { REST } from '@discordjs/rest';
import {
  ApplicationCommandType,
  ComponentType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  PermissionFlagsBits,
  Routes,
  type APIApplicationCommandInteractionDataOption,
  type APIInteraction,
  type APIInteractionResponseCallbackData,
  type AllowedMentionsTypes,
} from 'discord-api-types/v10';
import {
  AttachmentBuilder,
  isJSONEncodable,
  MessageFlagsBitField,
  type InteractionReplyOptions,
  type MessageFlagsResolvable,
} from 'discord.js';
import { attachmentName, attachmentSize, type Invoker } from '../dispatch/command.js';
import { readAttachment } from '../discord/attachments.js';
import type { Dispatcher } from '../dispatch/dispatcher.js';
import type { Reply } from '../dispatch/reply.js';
import { clip } from '../dispatch/text.js';
import { INVALID_COMPONENT } from '../discord/interactions.js';
import { LIMITS } from '../discord/limits.js';
import { parsePickId, renderNotice, renderReply } from '../discord/render.js';
import type { Logger } from '../logger.js';
import type { Handled, InteractionHandler } from './server.js';
import { httpMessageCommand } from './message-command.js';

/**
 * The HTTP adapter: an interaction POSTed by Discord becomes a dispatcher request, and its `Reply`
 * the HTTP response, rendered by the same renderer as the gateway. A reply not ready within
 * `deferAfterMs` (Discord waits 3 s) is deferred and sent later as an edit over REST, as is the
 * reply of a command that declares `defer`.
 */
export interface HttpInteractionDeps {
  dispatcher: Dispatcher;
  log: Logger;
  modRoleIds: readonly string[];
  /** Discord's REST API, for edits and follow-ups; they authenticate with the interaction's token. */
  rest: REST;
  deferAfterMs: number;
}

const UNSUPPORTED = 'That is not something storybot answers.';

export function httpInteractions(deps: HttpInteractionDeps): InteractionHandler {
  return async (interaction) => {
    // Signed by Discord, so well formed; but a shape this code does not know gets a notice, not a 500.
    if (!('data' in interaction) || typeof interaction.data !== 'object' || interaction.data === null) {
      return respond(renderNotice(UNSUPPORTED));
    }
    // Held until the response is ready: past the dispatcher's capacity, a short "busy".
    // (HTTP mode answers "busy" in the response itself, so it never needs to drop.)
    const admission = deps.dispatcher.admit();
    try {
      if (!admission || admission.busy) return shed(interaction, deps);
      switch (interaction.type) {
        case InteractionType.ApplicationCommandAutocomplete:
          return autocomplete(interaction, deps);
        case InteractionType.ApplicationCommand:
          return await command(interaction, deps);
        case InteractionType.MessageComponent:
          return await component(interaction, deps);
        default:
          return respond(renderNotice(UNSUPPORTED));
      }
    } finally {
      admission?.release();
    }
  };
}

/** Too many interactions being answered: a private "busy" (no choices for autocomplete), logged. */
function shed(interaction: APIInteraction, deps: HttpInteractionDeps): Handled {
  const data = interaction.data as { name?: string };
  const reply = deps.dispatcher.busy({
    kind: 'command',
    source: 'http',
    id: interaction.id,
    invoker: invokerOf(interaction, deps.modRoleIds),
    name: data.name ?? 'component',
    options: {},
  });
  if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
    return { response: { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } } };
  }
  return respond(renderReply(reply));
}

function autocomplete(interaction: APIInteraction, deps: HttpInteractionDeps): Handled {
  const data = interaction.data as { name: string; options?: APIApplicationCommandInteractionDataOption[] };
  const focused = flatten(data.options).find((o) => 'focused' in o && o.focused);
  const choices = deps.dispatcher.autocomplete({
    kind: 'autocomplete',
    source: 'http',
    id: interaction.id,
    invoker: invokerOf(interaction, deps.modRoleIds),
    name: data.name,
    typed: focused && 'value' in focused ? String(focused.value) : '',
    limit: LIMITS.choices,
  });
  return {
    response: {
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: {
        choices: choices.map((c) => ({
          name: clip(c.name, LIMITS.choiceName),
          value: clip(c.value, LIMITS.choiceValue),
        })),
      },
    },
  };
}

async function command(interaction: APIInteraction, deps: HttpInteractionDeps): Promise<Handled> {
  const data = interaction.data as {
    name: string;
    type: ApplicationCommandType;
    options?: APIApplicationCommandInteractionDataOption[];
    resolved?: { attachments?: Record<string, { url: string; size: number; filename: string; content_type?: string }> };
  };
  if (data.type === ApplicationCommandType.Message) {
    return httpMessageCommand(interaction, invokerOf(interaction, deps.modRoleIds), deps);
  }
  if (data.type !== ApplicationCommandType.ChatInput) return respond(renderNotice(UNSUPPORTED));
  const options: Record<string, string> = {};
  for (const o of flatten(data.options)) if ('value' in o && o.value !== undefined) options[o.name] = String(o.value);
  const declared = deps.dispatcher.find(data.name);
  // An attachment option's value is the file's id; the command gets its text, name and size.
  const files = declared?.options.filter((o) => o.attachment && options[o.name]) ?? [];
  const reply = (async () => {
    for (const spec of files) {
      const file = data.resolved?.attachments?.[options[spec.name]!];
      options[spec.name] = file ? await readAttachment({ ...file, contentType: file.content_type ?? null }) : '';
      if (file) options[attachmentName(spec.name)] = file.filename;
      if (file) options[attachmentSize(spec.name)] = String(file.size);
    }
    return deps.dispatcher.dispatch({
      kind: 'command',
      source: 'http',
      id: interaction.id,
      invoker: invokerOf(interaction, deps.modRoleIds),
      name: data.name,
      options,
    });
  })();
  // Declared slow: acknowledge at once, in the visibility the command chose.
  if (declared?.defer) return deferred(interaction, reply, declared.defer === 'private', deps);
  return inTime(interaction, reply, deps);
}

async function component(interaction: APIInteraction, deps: HttpInteractionDeps): Promise<Handled> {
  const data = interaction.data as { custom_id: string; component_type: ComponentType };
  const pick = data.component_type === ComponentType.Button ? parsePickId(data.custom_id) : undefined;
  if (!pick && data.component_type === ComponentType.Button) return other(interaction, data.custom_id, deps);
  if (!pick) {
    // An old message, another version's button, or a crafted id: say so rather than let Discord say "failed".
    deps.log.info(
      { source: 'http', interaction: interaction.id, type: 'component', status: 'invalid_component' },
      'interaction',
    );
    return respond(renderNotice(INVALID_COMPONENT));
  }
  const reply = deps.dispatcher.dispatch({
    kind: 'pick',
    source: 'http',
    id: interaction.id,
    invoker: invokerOf(interaction, deps.modRoleIds),
    entry: pick.id,
    offeredAt: pick.offeredAt,
  });
  return inTime(interaction, reply, deps);
}

/** A button that is not a pick: the dispatcher finds what handles it (feedback, Apply, Cancel…). */
function other(interaction: APIInteraction, customId: string, deps: HttpInteractionDeps): Promise<Handled> | Handled {
  const handler = deps.dispatcher.findComponent(customId);
  const reply = deps.dispatcher.dispatch({
    kind: 'component',
    source: 'http',
    id: interaction.id,
    invoker: invokerOf(interaction, deps.modRoleIds),
    customId,
  });
  if (handler?.replaces) return replaced(interaction, reply, deps);
  if (handler?.defer) return deferred(interaction, reply, true, deps);
  return inTime(interaction, reply, deps);
}

/** Acknowledges now, and puts the reply in place of the message the button is on. */
function replaced(interaction: APIInteraction, reply: Promise<Reply>, { rest }: HttpInteractionDeps): Handled {
  const { application_id: app, token } = interaction;
  return {
    response: { type: InteractionResponseType.DeferredMessageUpdate },
    after: async () => {
      const { flags: _flags, ...edit } = toMessage(renderReply(await reply));
      await rest.patch(Routes.webhookMessage(app, token), {
        body: { embeds: [], components: [], ...edit },
        auth: false,
      });
    },
  };
}

/** The reply in the HTTP response when it is ready in time; otherwise a public deferral and an edit. */
async function inTime(interaction: APIInteraction, reply: Promise<Reply>, deps: HttpInteractionDeps): Promise<Handled> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), deps.deferAfterMs)));
  const first = await Promise.race([reply, late]);
  clearTimeout(timer);
  if (first !== 'late') return respond(renderReply(first));
  return deferred(interaction, reply, false, deps);
}

/**
 * Acknowledges now ("storybot is thinking…") and edits the message when the reply is ready. A
 * private reply to a public deferral is sent as a private follow-up, and the public placeholder
 * removed: visibility is fixed when deferring.
 */
function deferred(
  interaction: APIInteraction,
  reply: Promise<Reply>,
  isPrivate: boolean,
  { rest }: HttpInteractionDeps,
): Handled {
  const { application_id: app, token } = interaction;
  return {
    response: {
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      ...(isPrivate ? { data: { flags: MessageFlags.Ephemeral } } : {}),
    },
    after: async () => {
      const rendered = renderReply(await reply);
      const message = toMessage(rendered);
      const files = filesOf(rendered);
      const replyIsPrivate = ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
      if (replyIsPrivate && !isPrivate) {
        await rest.post(Routes.webhook(app, token), { body: message, auth: false, ...files });
        await rest.delete(Routes.webhookMessage(app, token), { auth: false }).catch(() => undefined);
        return;
      }
      const { flags: _flags, ...edit } = message;
      await rest.patch(Routes.webhookMessage(app, token), { body: edit, auth: false, ...files });
    },
  };
}

function respond(options: InteractionReplyOptions): Handled {
  return { response: { type: InteractionResponseType.ChannelMessageWithSource, data: toMessage(options) } };
}

/** What the shared Discord renderer builds (builders included), as the JSON Discord's API takes. */
export function toMessage(options: InteractionReplyOptions): APIInteractionResponseCallbackData {
  const json = <T>(items: readonly unknown[] | undefined) =>
    items?.map((item) => (isJSONEncodable(item) ? item.toJSON() : item)) as T;
  const mentions = options.allowedMentions;
  return {
    ...(options.content !== undefined ? { content: options.content } : {}),
    ...(options.embeds ? { embeds: json(options.embeds) } : {}),
    ...(options.components ? { components: json(options.components) } : {}),
    ...(mentions
      ? {
          allowed_mentions: {
            parse: [...(mentions.parse ?? [])] as AllowedMentionsTypes[],
            ...(mentions.repliedUser !== undefined ? { replied_user: mentions.repliedUser } : {}),
          },
        }
      : {}),
    ...(options.flags !== undefined
      ? { flags: Number(MessageFlagsBitField.resolve(options.flags as MessageFlagsResolvable)) }
      : {}),
  };
}

/** The files of a rendered reply, as REST uploads them (only deferred replies carry files). */
function filesOf(options: InteractionReplyOptions): { files?: { name: string; data: Buffer }[] } {
  const files = (options.files ?? []).flatMap((f) =>
    f instanceof AttachmentBuilder && Buffer.isBuffer(f.attachment)
      ? [{ name: f.name ?? 'file', data: f.attachment }]
      : [],
  );
  return files.length ? { files } : {};
}

/** Options as one flat list, subcommands included (storybot has none today; Discord allows them). */
function flatten(
  options: readonly APIApplicationCommandInteractionDataOption[] = [],
): APIApplicationCommandInteractionDataOption[] {
  return options.flatMap((o) => ('options' in o && Array.isArray(o.options) ? flatten(o.options) : [o]));
}

function invokerOf(interaction: APIInteraction, modRoleIds: readonly string[]): Invoker {
  const user = interaction.member?.user ?? interaction.user;
  return {
    id: user?.id ?? 'unknown',
    ...(user?.username ? { name: user.username } : {}),
    isModerator: isModerator(interaction, modRoleIds),
    ...(interaction.guild_id ? { guildId: interaction.guild_id } : {}),
    ...(interaction.channel?.id ? { channelId: interaction.channel.id } : {}),
  };
}

/** Manage Server in the permissions Discord computed for the member, or one of the configured moderator roles. */
function isModerator(interaction: APIInteraction, modRoleIds: readonly string[]): boolean {
  const member = interaction.member;
  if (!member) return false;
  try {
    if ((BigInt(member.permissions) & PermissionFlagsBits.ManageGuild) !== 0n) return true;
  } catch {
    // Not a number: no permission from it.
  }
  return member.roles.some((id) => modRoleIds.includes(id));
}
