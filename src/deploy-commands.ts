/**
 * npm run deploy-commands: registers the slash commands (see src/discord/deploy.ts).
 */
import { ConfigError } from './config.js';
import { deployCommands } from './discord/deploy.js';
import { configOrExit } from './startup.js';

const config = configOrExit();
if (!config.discord) {
  process.stderr.write('storybot: DISCORD_TOKEN is required to register commands.\n');
  process.exit(2);
}
try {
  const { count, scope } = await deployCommands(config.discord);
  process.stdout.write(`Registered ${count} commands ${scope.startsWith('server') ? `to ${scope}` : scope}.\n`);
} catch (err) {
  const message = (err instanceof Error ? err.message : String(err)).split(config.discord.token).join('[REDACTED]');
  process.stderr.write(`storybot: could not register commands: ${message}\n`);
  process.exit(err instanceof ConfigError ? 2 : 1);
}
