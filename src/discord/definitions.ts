import {
  ApplicationCommandType,
  ContextMenuCommandBuilder,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command } from '../dispatch/command.js';
import { MESSAGE_COMMAND } from '../dispatch/message-question.js';

/** The registration body for each command, built from its one declaration. */
export function commandDefinitions(commands: readonly Command[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((command) => {
    const builder = new SlashCommandBuilder().setName(command.name).setDescription(command.description);
    for (const option of command.options) {
      if (option.attachment) {
        builder.addAttachmentOption((o) =>
          o.setName(option.name).setDescription(option.description).setRequired(option.required),
        );
        continue;
      }
      if (option.integer) {
        const { min, max } = option.integer;
        builder.addIntegerOption((o) =>
          o
            .setName(option.name)
            .setDescription(option.description)
            .setRequired(option.required)
            .setMinValue(min)
            .setMaxValue(max),
        );
        continue;
      }
      builder.addStringOption((o) => {
        o.setName(option.name).setDescription(option.description).setRequired(option.required);
        if (option.maxLength) o.setMaxLength(option.maxLength);
        if (option.autocomplete) o.setAutocomplete(true);
        if (option.choices) o.addChoices(...option.choices.map((c) => ({ name: c, value: c })));
        return o;
      });
    }
    if (command.access === 'moderators') {
      // Hidden from members without Manage Server unless a server admin grants it; checked again when run.
      builder.setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild).setContexts(InteractionContextType.Guild);
    }
    return builder.toJSON();
  });
}

/** The message command: "Ask storybot" in any message's Apps menu asks that message's text. */
export function messageCommandDefinitions(): RESTPostAPIContextMenuApplicationCommandsJSONBody[] {
  return [new ContextMenuCommandBuilder().setName(MESSAGE_COMMAND).setType(ApplicationCommandType.Message).toJSON()];
}
