import {
  DiscordAPIError,
  MessageFlags,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type AnySelectMenuInteraction,
  type ButtonInteraction,
  type RepliableInteraction,
} from 'discord.js';
import { attachmentName, attachmentSize, type Command, type Invoker } from '../dispatch/command.js';
import {
  APOLOGY,
  type AutocompleteRequest,
  type CommandRequest,
  type Dispatcher,
  type PickRequest,
} from '../dispatch/dispatcher.js';
import { INVALID_COMPONENT } from '../dispatch/components.js';
import type { Reply } from '../dispatch/reply.js';
import type { Logger } from '../logger.js';
import { LIMITS } from './limits.js';
import { readAttachment } from './attachments.js';
import { parsePickId, renderNotice, renderReply } from './render.js';
import { askAboutMessage } from './message-command.js';
import { clip } from '../dispatch/text.js';

/**
 * The Discord adapter: turns an interaction into a dispatcher request and its `Reply` into a
 * Discord response. The dispatcher validates, rate-limits, runs the command, logs, and apologises
 * for a handler that throws; this file only deals with what can go wrong talking to Discord.
 */
export interface InteractionDeps {
  dispatcher: Dispatcher;
  log: Logger;
  modRoleIds: readonly string[];
}

export { INVALID_COMPONENT };

/** Every interaction comes through here; nothing it does can throw past it. */
export async function handleInteraction(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  // Held from arrival until the reply is sent: past the dispatcher's capacity, a short "busy".
  const admission = deps.dispatcher.admit();
  if (!admission) {
    deps.log.warn({ source: 'discord', interaction: interaction.id, status: 'dropped' }, 'over capacity: dropped');
    return;
  }
  try {
    if (admission.busy) await shed(interaction, deps);
    else if (interaction.isAutocomplete()) await complete(interaction, deps);
    else if (interaction.isChatInputCommand()) await runCommand(interaction, deps);
    else if (interaction.isMessageContextMenuCommand())
      await askAboutMessage(interaction, deps, invokerOf(interaction, deps.modRoleIds));
    else if (interaction.isButton() || interaction.isAnySelectMenu()) await pressComponent(interaction, deps);
  } catch (err) {
    await apologize(interaction, err, deps.log);
  } finally {
    admission.release();
  }
}

/** Too many interactions being answered: a private "busy" (no choices for autocomplete), logged. */
async function shed(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  if (interaction.isAutocomplete()) {
    deps.dispatcher.busy(autocompleteRequest(interaction, deps));
    await interaction.respond([]);
  } else if (interaction.isChatInputCommand()) {
    await send(interaction, deps.dispatcher.busy(commandRequest(interaction, deps)));
  } else if (interaction.isMessageContextMenuCommand()) {
    const request = { source: 'discord', id: interaction.id, invoker: invokerOf(interaction, deps.modRoleIds) };
    await send(interaction, deps.dispatcher.busy({ ...request, kind: 'command', name: 'ask', options: {} }));
  } else if (interaction.isButton() || interaction.isAnySelectMenu()) {
    const entry = (interaction.isButton() && parsePickId(interaction.customId)?.id) || '';
    await send(interaction, deps.dispatcher.busy(pickRequest(interaction, deps, entry)));
  }
}

/** The request for a command; `options` as typed unless given (attachments read into text). */
function commandRequest(
  interaction: ChatInputCommandInteraction,
  deps: InteractionDeps,
  options: Record<string, string> = {},
): CommandRequest {
  if (!Object.keys(options).length) {
    for (const o of interaction.options.data) if (o.value !== undefined) options[o.name] = String(o.value);
  }
  return {
    kind: 'command',
    source: 'discord',
    id: interaction.id,
    invoker: invokerOf(interaction, deps.modRoleIds),
    name: interaction.commandName,
    options,
  };
}

function pickRequest(
  interaction: ButtonInteraction | AnySelectMenuInteraction,
  deps: InteractionDeps,
  entry: string,
  offeredAt?: number,
): PickRequest {
  return {
    kind: 'pick',
    source: 'discord',
    id: interaction.id,
    invoker: invokerOf(interaction, deps.modRoleIds),
    entry,
    ...(offeredAt === undefined ? {} : { offeredAt }),
  };
}

function autocompleteRequest(interaction: AutocompleteInteraction, deps: InteractionDeps): AutocompleteRequest {
  return {
    kind: 'autocomplete',
    source: 'discord',
    id: interaction.id,
    invoker: invokerOf(interaction, deps.modRoleIds),
    name: interaction.commandName,
    typed: String(interaction.options.getFocused() ?? ''),
    option: interaction.options.getFocused(true).name,
    limit: LIMITS.choices,
  };
}

async function runCommand(interaction: ChatInputCommandInteraction, deps: InteractionDeps): Promise<void> {
  const command = deps.dispatcher.find(interaction.commandName);
  // Declared by the command: acknowledge before slow work, inside Discord's 3 seconds.
  if (command?.defer) {
    await interaction.deferReply(command.defer === 'private' ? { flags: MessageFlags.Ephemeral } : {});
  }
  const options: Record<string, string> = {};
  for (const o of interaction.options.data) {
    if (o.attachment) {
      options[o.name] = await readAttachment(o.attachment);
      options[attachmentName(o.name)] = o.attachment.name;
      options[attachmentSize(o.name)] = String(o.attachment.size);
    } else if (o.value !== undefined) options[o.name] = String(o.value);
  }
  const reply = await deps.dispatcher.dispatch(commandRequest(interaction, deps, options));
  await send(interaction, reply, command);
}

/** A button that is not a pick: the dispatcher finds what handles it (feedback, Apply, Cancel…). */
async function pressOther(interaction: ButtonInteraction, deps: InteractionDeps): Promise<void> {
  const handler = deps.dispatcher.findComponent(interaction.customId);
  if (handler?.replaces) await interaction.deferUpdate();
  else if (handler?.defer) await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const reply = await deps.dispatcher.dispatch({
    kind: 'component',
    source: 'discord',
    id: interaction.id,
    invoker: invokerOf(interaction, deps.modRoleIds),
    customId: interaction.customId,
  });
  if (handler?.replaces) {
    const { flags: _flags, ...edit } = renderReply(reply);
    await interaction.editReply({ embeds: [], components: [], ...edit });
    return;
  }
  await send(interaction, reply, handler?.defer ? { defer: 'private' } : undefined);
}

async function pressComponent(
  interaction: ButtonInteraction | AnySelectMenuInteraction,
  deps: InteractionDeps,
): Promise<void> {
  const pick = interaction.isButton() ? parsePickId(interaction.customId) : undefined;
  if (!pick && interaction.isButton()) return pressOther(interaction, deps);
  if (!pick) {
    // An old message, another bot version's button, or a crafted id: say so rather than let Discord say "failed".
    await interaction.reply(renderNotice(INVALID_COMPONENT));
    deps.log.info(
      {
        source: 'discord',
        interaction: interaction.id,
        type: 'component',
        user: interaction.user.id,
        status: 'invalid_component',
      },
      'interaction',
    );
    return;
  }
  const reply = await deps.dispatcher.dispatch(pickRequest(interaction, deps, pick.id, pick.offeredAt));
  await send(interaction, reply);
}

async function complete(interaction: AutocompleteInteraction, deps: InteractionDeps): Promise<void> {
  const choices = deps.dispatcher.autocomplete(autocompleteRequest(interaction, deps));
  await interaction.respond(
    choices.map((c) => ({ name: clip(c.name, LIMITS.choiceName), value: clip(c.value, LIMITS.choiceValue) })),
  );
}

/**
 * Sends a reply as the interaction's response. After a deferral it edits the deferred message,
 * whose visibility was fixed when deferring: a private reply to a public deferral is sent as a
 * private follow-up instead, and the public "thinking…" message removed.
 */
async function send(interaction: RepliableInteraction, reply: Reply, command?: Pick<Command, 'defer'>): Promise<void> {
  const message = renderReply(reply);
  if (!interaction.deferred) {
    await interaction.reply(message);
    return;
  }
  const isPrivate = message.flags !== undefined;
  if (isPrivate && command?.defer !== 'private') {
    await interaction.followUp(message);
    // Only the placeholder: if Discord already dropped it, the member still has the reply.
    await interaction.deleteReply().catch(() => undefined);
    return;
  }
  const { flags: _flags, ...edit } = message;
  await interaction.editReply(edit);
}

function invokerOf(interaction: Interaction, modRoleIds: readonly string[]): Invoker {
  return {
    id: interaction.user.id,
    name: interaction.user.username,
    isModerator: isModerator(interaction, modRoleIds),
    ...(interaction.guildId ? { guildId: interaction.guildId } : {}),
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
  };
}

/** Manage Server from the interaction's own permissions, or one of the configured moderator roles. */
export function isModerator(interaction: Interaction, modRoleIds: readonly string[]): boolean {
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  const roles = interaction.member?.roles;
  const ids = Array.isArray(roles) ? roles : roles ? [...roles.cache.keys()] : [];
  return ids.some((id) => modRoleIds.includes(id));
}

/** The interaction's 3-second window was missed, or it was already answered: nothing more can be sent. */
function isExpired(err: unknown): boolean {
  return (
    err instanceof DiscordAPIError &&
    (err.code === RESTJSONErrorCodes.UnknownInteraction ||
      err.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged)
  );
}

/** Discord refused or lost the response: log once, and tell the member if Discord still lets us. */
async function apologize(interaction: Interaction, err: unknown, log: Logger): Promise<void> {
  const fields = {
    source: 'discord',
    interaction: interaction.id,
    command: 'commandName' in interaction ? interaction.commandName : undefined,
    user: interaction.user.id,
    guild: interaction.guildId ?? undefined,
  };
  if (isExpired(err)) {
    log.warn({ ...fields, code: (err as DiscordAPIError).code }, 'interaction expired before the bot could answer');
    return;
  }
  log.error({ err, ...fields }, 'could not answer the interaction');
  if (!interaction.isRepliable()) return;
  try {
    if (interaction.deferred || interaction.replied) await interaction.followUp(renderNotice(APOLOGY));
    else await interaction.reply(renderNotice(APOLOGY));
  } catch (replyErr) {
    log.warn({ ...fields, err: replyErr }, 'could not send the apology either');
  }
}
