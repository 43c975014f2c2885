/**
 * Registers the commands with Discord, to DISCORD_GUILD_ID when set (instant, one server) or
 * globally. Idempotent: the full list replaces what was registered.
 */
import { REST, Routes } from 'discord.js';
import { commands as allCommands } from '../../commands/index.js';
import { ConfigError, type DiscordConfig } from '../config.js';
import type { Command } from '../dispatch/command.js';
import { commandDefinitions, messageCommandDefinitions } from './definitions.js';

export async function deployCommands(
  discord: DiscordConfig,
  commands: readonly Command[] = allCommands,
): Promise<{ count: number; scope: string }> {
  if (!discord.clientId) throw new ConfigError('DISCORD_CLIENT_ID is required to register commands.');
  const rest = new REST({ api: discord.apiUrl }).setToken(discord.token);
  // The message command asks its message as /ask: registered with the list that has /ask.
  const asks = commands.some((c) => c.name === 'ask');
  const body = [...commandDefinitions(commands), ...(asks ? messageCommandDefinitions() : [])];
  const route = discord.guildId
    ? Routes.applicationGuildCommands(discord.clientId, discord.guildId)
    : Routes.applicationCommands(discord.clientId);
  await rest.put(route, { body });
  return {
    count: body.length,
    scope: discord.guildId ? `server ${discord.guildId}` : 'globally (may take up to an hour to show)',
  };
}
