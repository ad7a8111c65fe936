// The bridge bot's configuration file for a production installation
// (policies/bot-config/config.ts has its shape): the homeserver through
// nginx (so the bot's /sync goes to the client reader like everyone's), the
// bot's account from the site file, and a random password — written once,
// 0600, at rogatory/bridge/config.json, and kept on every later run (the
// account is registered with that password; a new one would lock the bot
// out). The runbook registers the account with it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BotConfigFile } from '../../policies/bot-config/config.ts';
import { ok, type Result } from '../../policies/result.ts';
import { randomSecret } from '../local/secrets.ts';
import { writeOnce } from './write-once.ts';

export const BRIDGE_CONFIG = 'rogatory/bridge/config.json';

/** Pure: the file's content. */
export const bridgeConfigFile = (serverName: string, localpart: string, password: string): BotConfigFile => ({
	homeserverUrl: `https://${serverName}`,
	user: localpart,
	password,
});

/** Writes `<out>/rogatory/bridge/config.json` when missing; the path written, or undefined when one was kept. */
export function ensureBridgeConfig(out: string, serverName: string, localpart: string): Result<string | undefined, string> {
	const dir = join(out, 'rogatory', 'bridge');
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	const path = join(out, BRIDGE_CONFIG);
	const written = writeOnce(
		path,
		() => `${JSON.stringify(bridgeConfigFile(serverName, localpart, randomSecret()), null, '\t')}\n`,
		"the bridge's config",
	);
	if (!written.ok) return written;
	return ok(written.value === 'created' ? path : undefined);
}
