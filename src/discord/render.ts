import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  MessageFlags,
  type APIEmbedField,
  type InteractionReplyOptions,
} from 'discord.js';
import { describeRefresh } from '../dispatch/refresh-report.js';
import { feedbackButtonId } from '../curation/feedback.js';
import type { Answer, Reply, ReplyButton, ReplyFile, Suggestion } from '../dispatch/reply.js';
import { clip } from '../dispatch/text.js';
import { escapeForDiscord } from './escape.js';
import { LIMITS } from './limits.js';

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

export function renderReply(reply: Reply, now = Date.now()): InteractionReplyOptions {
  switch (reply.type) {
    case 'answer':
      return withFeedback(renderAnswer(reply.answer, reply.question, now), reply.answer, reply.answerId);
    case 'info':
      return withExtras(message(textEmbed(COLOURS.info, reply.title, reply.lines), reply.ephemeral), reply);
    case 'refresh': {
      const { title, lines } = describeRefresh(reply.outcome);
      return message(textEmbed(reply.outcome.ok ? COLOURS.answered : COLOURS.refused, title, lines), true);
    }
    case 'notice':
      return renderNotice(reply.text);
  }
}

/** "Helpful" and "Not helpful" under a public answer; their ids carry the answer's id and entry. */
function withFeedback(options: InteractionReplyOptions, a: Answer, answerId?: string): InteractionReplyOptions {
  const helpful = answerId && a.entry ? feedbackButtonId(answerId, a.entry, true) : null;
  const unhelpful = answerId && a.entry ? feedbackButtonId(answerId, a.entry, false) : null;
  if (!helpful || !unhelpful || options.flags !== undefined) return options;
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(helpful).setStyle(ButtonStyle.Secondary).setLabel('Helpful'),
    new ButtonBuilder().setCustomId(unhelpful).setStyle(ButtonStyle.Secondary).setLabel('Not helpful'),
  );
  return { ...options, components: [...((options.components as ActionRowBuilder<ButtonBuilder>[]) ?? []), row] };
}

const BUTTON_STYLES = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  danger: ButtonStyle.Danger,
} as const;

/** An info reply's buttons (one row) and files (attachments). */
function withExtras(
  options: InteractionReplyOptions,
  { buttons = [], files = [] }: { buttons?: readonly ReplyButton[]; files?: readonly ReplyFile[] },
): InteractionReplyOptions {
  const rows = buttons.length
    ? [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          buttons
            .slice(0, LIMITS.buttonsPerRow)
            .map((b) =>
              new ButtonBuilder()
                .setCustomId(clip(b.id, LIMITS.customId))
                .setStyle(BUTTON_STYLES[b.style])
                .setLabel(clip(b.label, LIMITS.buttonLabel)),
            ),
        ),
      ]
    : [];
  return {
    ...options,
    ...(rows.length ? { components: rows } : {}),
    ...(files.length
      ? {
          files: files
            .slice(0, LIMITS.files)
            .map((f) => new AttachmentBuilder(Buffer.from(f.text, 'utf8'), { name: f.name })),
        }
      : {}),
  };
}

function textEmbed(colour: number, title: string, lines: readonly string[]): EmbedBuilder {
  return new EmbedBuilder()
    .setColor(colour)
    .setTitle(clip(title, LIMITS.embedTitle))
    .setDescription(clip(lines.map(escapeForDiscord).join('\n'), LIMITS.embedDescription));
}

/**
 * An answer as an embed that reads on a phone: the answer first, then each quoted source line
 * with its number and who it is attributed to. Declines are ephemeral; answers and did-you-means
 * are public, so anyone in the channel can read them and click a suggestion.
 */
export function renderAnswer(a: Answer, question?: string, now = Date.now()): InteractionReplyOptions {
  const title = question ? clip(`“${escapeForDiscord(question)}”`, LIMITS.embedTitle) : undefined;
  const description = clip(escapeForDiscord(a.text), LIMITS.embedDescription);
  const heading = a.status !== 'answered' ? 'What the report does say' : a.conflict ? 'Accounts differ' : undefined;
  const fields = a.sources.map((s, i) => ({
    name: clip(`${i === 0 && heading ? `${heading} · ` : ''}Line ${s.line} · ${s.attribution}`, LIMITS.fieldName),
    value: clip(`> ${escapeForDiscord(s.quote)}`, LIMITS.fieldValue),
  }));
  // With several stories loaded, every answer says which story it is from.
  const storyLine = a.story ? clip(`Story: ${a.story.title}`, 300) : '';
  const fitted = fitFields(
    (title?.length ?? 0) + description.length + storyLine.length + 3,
    fields,
    a.sources.map((s) => s.line),
  );
  const embed = new EmbedBuilder().setColor(COLOURS[a.status]).setDescription(description);
  if (title) embed.setTitle(title);
  if (fitted.fields.length) embed.addFields(fitted.fields);
  const footer = [storyLine, fitted.footer ?? ''].filter(Boolean).join(' · ');
  if (footer) embed.setFooter({ text: clip(footer, LIMITS.embedFooter) });
  const rows = a.suggestions.length
    ? [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          a.suggestions
            .slice(0, LIMITS.buttonsPerRow)
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

/**
 * As many source fields as Discord's embed limits allow (25 fields, 6,000 characters in all), the
 * first always; the lines left out are named in a footer as `/source N`, so nothing is lost.
 * `fixed` is what the title and description already use.
 */
export function fitFields(
  fixed: number,
  fields: readonly APIEmbedField[],
  lines: readonly number[],
): { fields: APIEmbedField[]; footer?: string } {
  const size = (f: APIEmbedField) => f.name.length + f.value.length;
  for (let kept = Math.min(fields.length, LIMITS.embedFields); kept > 0; kept--) {
    const footer = kept < fields.length ? footerFor(lines.slice(kept)) : undefined;
    const total = fixed + fields.slice(0, kept).reduce((sum, f) => sum + size(f), 0) + (footer?.length ?? 0);
    if (total <= LIMITS.embedTotal) return { fields: fields.slice(0, kept), ...(footer ? { footer } : {}) };
    if (kept === 1) {
      // The answer and its first quote always show; the pointer to the rest gets what room is left.
      const room = LIMITS.embedTotal - fixed - size(fields[0]!);
      return { fields: fields.slice(0, 1), ...(footer && room > 1 ? { footer: clip(footer, room) } : {}) };
    }
  }
  return { fields: [] };
}

function footerFor(lines: readonly number[]): string {
  const unique = [...new Set(lines)];
  return clip(`More from the report: ${unique.map((n) => `/source ${n}`).join(' · ')}`, LIMITS.embedFooter);
}

function message(embed: EmbedBuilder, ephemeral: boolean): InteractionReplyOptions {
  return { embeds: [embed], allowedMentions: NO_MENTIONS, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}

/** Short, ephemeral, and pinging nobody: for refusals, cooldowns and apologies. */
export function renderNotice(text: string): InteractionReplyOptions {
  return {
    content: clip(escapeForDiscord(text), LIMITS.content),
    allowedMentions: NO_MENTIONS,
    flags: MessageFlags.Ephemeral,
  };
}
