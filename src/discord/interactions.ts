import {
  DiscordAPIError,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import type { BotCommand, CommandContext, Reply } from '../bot/command.js';
import { answer } from '../engine/answer.js';
import type { KnowledgeStore } from '../knowledge/store.js';
import type { Logger } from '../logger.js';
import type { Cooldown } from './cooldown.js';
import { notice, parsePickId, renderAnswer, renderReply } from './render.js';
import { msSince } from '../elapsed.js';

export interface InteractionDeps {
  store: KnowledgeStore;
  log: Logger;
  commands: readonly BotCommand[];
  modRoleIds: readonly string[];
  cooldown: Cooldown;
  /** How long a did-you-mean button keeps answering after it was offered. */
  pickTtlMs: number;
}

export const APOLOGY = 'Sorry, something went wrong on my side while answering. Please try again in a moment.';

/**
 * The one error boundary: every interaction comes through here. Whatever a handler throws, the
 * member gets a short ephemeral apology, the error is logged once, and the bot keeps serving.
 * One log line per interaction, with its latency.
 */
export async function handleInteraction(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  const started = performance.now();
  const fields = {
    interaction: interaction.id,
    type: kindOf(interaction),
    command: 'commandName' in interaction ? interaction.commandName : undefined,
    user: interaction.user.id,
    guild: interaction.guildId ?? undefined,
  };
  let status = 'ignored';
  try {
    if (interaction.isAutocomplete()) status = await autocomplete(interaction, deps);
    else if (interaction.isChatInputCommand()) status = await command(interaction, deps);
    else if (interaction.isButton()) status = await button(interaction, deps);
  } catch (err) {
    status = isExpired(err) ? 'expired' : 'error';
    await apologize(interaction, err, deps.log, fields);
  } finally {
    deps.log.info({ ...fields, status, ms: msSince(started) }, 'interaction');
  }
}

function kindOf(interaction: Interaction): string {
  if (interaction.isAutocomplete()) return 'autocomplete';
  if (interaction.isChatInputCommand()) return 'command';
  if (interaction.isButton()) return 'button';
  return 'other';
}

async function command(interaction: ChatInputCommandInteraction, deps: InteractionDeps): Promise<string> {
  const cmd = deps.commands.find((c) => c.name === interaction.commandName);
  if (!cmd) {
    await interaction.reply(notice('That command is not available any more. Try /help.'));
    return 'unknown_command';
  }
  if (await coolingDown(interaction, deps)) return 'cooldown';
  // Discord enforces the registered limits; a stale registration or a crafted request may not.
  const options: Record<string, string> = {};
  for (const spec of cmd.options) {
    const value = interaction.options.getString(spec.name, false) ?? '';
    if (spec.maxLength && value.length > spec.maxLength) {
      await interaction.reply(notice(`Please keep ${spec.name} under ${spec.maxLength} characters.`));
      return 'too_long';
    }
    options[spec.name] = value;
  }
  const ctx: CommandContext = {
    store: deps.store,
    invoker: { id: interaction.user.id, isModerator: isModerator(interaction, deps.modRoleIds) },
    commands: deps.commands,
  };

  if (cmd.moderatorOnly) {
    if (!interaction.inGuild()) {
      await interaction.reply(notice(`/${cmd.name} works in a server, for its moderators.`));
      return 'refused';
    }
    // Reloading may take longer than Discord's 3 seconds: acknowledge first, privately.
    await interaction.deferReply({ flags: 'Ephemeral' });
    const reply = await cmd.run(ctx, options);
    logRefresh(reply, interaction, deps.log);
    // Ephemeral was decided by the deferral; an edit cannot change it.
    const { flags: _flags, ...edit } = renderReply(reply);
    await interaction.editReply(edit);
    return statusOf(reply);
  }
  const reply = await cmd.run(ctx, options);
  await interaction.reply(renderReply(reply, cmd.options.length ? Object.values(options)[0] : undefined));
  return statusOf(reply);
}

async function button(interaction: ButtonInteraction, deps: InteractionDeps): Promise<string> {
  const pick = parsePickId(interaction.customId);
  if (!pick) return 'ignored';
  if (Date.now() - pick.offeredAt > deps.pickTtlMs) {
    await interaction.reply(notice('That suggestion has expired. Please ask again.'));
    return 'expired_pick';
  }
  if (await coolingDown(interaction, deps)) return 'cooldown';
  const kb = deps.store.current;
  const a = answer(kb, { lookup: 'entry', text: pick.id });
  await interaction.reply(renderAnswer(a, kb.index.byId.get(pick.id)?.title));
  return a.status;
}

async function autocomplete(interaction: AutocompleteInteraction, deps: InteractionDeps): Promise<string> {
  const cmd = deps.commands.find((c) => c.name === interaction.commandName);
  // What is typed so far; a name or event is never longer than this, and fuzzy matching costs with length.
  const typed = String(interaction.options.getFocused() ?? '').slice(0, 100);
  const choices = cmd?.autocomplete?.(deps.store.current, typed) ?? [];
  await interaction.respond(choices.slice(0, 25));
  return 'choices';
}

/** Past the per-user rate: tells the member privately when to come back. */
async function coolingDown(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  deps: InteractionDeps,
): Promise<boolean> {
  const wait = deps.cooldown.take(interaction.user.id);
  if (wait > 0) await interaction.reply(notice(`You're asking quickly. Try again in ${Math.ceil(wait / 1000)} s.`));
  return wait > 0;
}

/** Manage Server from the interaction's own permissions, or one of the configured moderator roles. */
export function isModerator(interaction: ChatInputCommandInteraction, modRoleIds: readonly string[]): boolean {
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  const roles = interaction.member?.roles;
  const ids = Array.isArray(roles) ? roles : roles ? [...roles.cache.keys()] : [];
  return ids.some((id) => modRoleIds.includes(id));
}

function statusOf(reply: Reply): string {
  if (reply.type === 'answer') return reply.answer.status;
  if (reply.type === 'refresh') return reply.outcome.ok ? 'refreshed' : 'refresh_refused';
  return 'info';
}

function logRefresh(reply: Reply, interaction: ChatInputCommandInteraction, log: Logger): void {
  if (reply.type !== 'refresh') return;
  const who = { user: interaction.user.id, guild: interaction.guildId };
  if (reply.outcome.ok)
    log.info(
      { ...who, diff: reply.outcome.diff, entries: reply.outcome.entries, ms: reply.outcome.ms },
      'knowledge refreshed',
    );
  else
    log.warn(
      { ...who, problems: reply.outcome.problems.length, first: reply.outcome.problems[0] },
      'knowledge refresh refused; previous knowledge still serving',
    );
}

/** The interaction's 3-second window was missed, or it was already answered: nothing more can be sent. */
function isExpired(err: unknown): boolean {
  return (
    err instanceof DiscordAPIError &&
    (err.code === RESTJSONErrorCodes.UnknownInteraction ||
      err.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged)
  );
}

async function apologize(interaction: Interaction, err: unknown, log: Logger, fields: object): Promise<void> {
  if (isExpired(err)) {
    log.warn({ ...fields, code: (err as DiscordAPIError).code }, 'interaction expired before the bot could answer');
    return;
  }
  log.error({ err, ...fields }, 'interaction handler failed');
  if (!interaction.isRepliable()) return;
  try {
    if (interaction.deferred || interaction.replied) await interaction.followUp(notice(APOLOGY));
    else await interaction.reply(notice(APOLOGY));
  } catch (replyErr) {
    log.warn({ ...fields, err: replyErr }, 'could not send the apology either');
  }
}
