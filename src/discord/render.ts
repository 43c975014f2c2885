import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  MessageFlags,
  type InteractionReplyOptions,
} from 'discord.js';
import type { Reply } from '../bot/command.js';
import { describeRefresh } from '../bot/describe.js';
import type { Answer, Suggestion } from '../engine/answer.js';
import { clip } from '../engine/text.js';
import { escapeForDiscord, LIMITS } from './escape.js';

/** Every message this bot sends pings nobody, whatever its text says. */
export const NO_MENTIONS = Object.freeze({ parse: [] as [], repliedUser: false });

const COLOURS = {
  answered: 0x2b7a3d,
  unsure: 0xc98a00,
  not_found: 0x6b6f76,
  info: 0x3b5bdb,
  refused: 0xb3261e,
} as const;

/** A custom id for a did-you-mean button: the entry to answer, and when it was offered. */
export function pickId(suggestion: Suggestion, now = Date.now()): string {
  return clip(`pick:${Math.floor(now / 1000).toString(36)}:${suggestion.id}`, LIMITS.customId);
}

export function parsePickId(customId: string): { id: string; offeredAt: number } | undefined {
  const match = /^pick:([0-9a-z]+):(.+)$/.exec(customId);
  return match ? { id: match[2]!, offeredAt: parseInt(match[1]!, 36) * 1000 } : undefined;
}

export function renderReply(reply: Reply, question?: string): InteractionReplyOptions {
  switch (reply.type) {
    case 'answer':
      return renderAnswer(reply.answer, question);
    case 'info':
      return message(
        new EmbedBuilder()
          .setColor(COLOURS.info)
          .setTitle(clip(reply.title, LIMITS.embedTitle))
          .setDescription(clip(reply.lines.map(escapeForDiscord).join('\n'), LIMITS.embedDescription)),
        reply.ephemeral,
      );
    case 'refresh': {
      const { title, lines } = describeRefresh(reply.outcome);
      return message(
        new EmbedBuilder()
          .setColor(reply.outcome.ok ? COLOURS.answered : COLOURS.refused)
          .setTitle(clip(title, LIMITS.embedTitle))
          .setDescription(clip(lines.map(escapeForDiscord).join('\n'), LIMITS.embedDescription)),
        true,
      );
    }
  }
}

/**
 * An answer as an embed that reads on a phone: the answer first, then each quoted source line
 * with its number and who it is attributed to. Declines are ephemeral; answers and did-you-means
 * are public, so anyone in the channel can read them and click a suggestion.
 */
export function renderAnswer(a: Answer, question?: string, now = Date.now()): InteractionReplyOptions {
  const embed = new EmbedBuilder()
    .setColor(COLOURS[a.status])
    .setDescription(clip(escapeForDiscord(a.text), LIMITS.embedDescription));
  if (question) embed.setTitle(clip(`“${escapeForDiscord(question)}”`, LIMITS.embedTitle));
  if (a.sources.length) {
    const heading = a.status !== 'answered' ? 'What the report does say' : a.conflict ? 'Accounts differ' : undefined;
    embed.addFields(
      a.sources.slice(0, LIMITS.fields).map((s, i) => ({
        name: clip(`${i === 0 && heading ? `${heading} · ` : ''}Line ${s.line} · ${s.attribution}`, LIMITS.fieldName),
        value: clip(`> ${escapeForDiscord(s.quote)}`, LIMITS.fieldValue),
      })),
    );
  }
  const rows = a.suggestions.length
    ? [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          a.suggestions
            .slice(0, 3)
            .map((s) =>
              new ButtonBuilder()
                .setCustomId(pickId(s, now))
                .setStyle(ButtonStyle.Secondary)
                .setLabel(clip(s.title, LIMITS.buttonLabel)),
            ),
        ),
      ]
    : [];
  return { ...message(embed, a.status === 'not_found'), components: rows };
}

function message(embed: EmbedBuilder, ephemeral: boolean): InteractionReplyOptions {
  return { embeds: [embed], allowedMentions: NO_MENTIONS, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}

/** Short, ephemeral, and pinging nobody: for refusals, cooldowns and apologies. */
export function notice(text: string): InteractionReplyOptions {
  return {
    content: clip(escapeForDiscord(text), LIMITS.content),
    allowedMentions: NO_MENTIONS,
    flags: MessageFlags.Ephemeral,
  };
}
