// The bot's configuration, read from its file: the file's shape and check are
// policies/bot-config/config.ts' (deploy/ writes the same file); here the file is
// read and its reminder settings turned into the scheduler's.
import { readFileSync } from 'node:fs';
import { serversFromRoster } from '../../policies/cases/index.ts';
import { checkBotConfig, type CheckedBotConfig } from '../../policies/bot-config/config.ts';
import { err, ok, type Result } from '../../policies/result.ts';
import { parseReminderSettings } from '../reminders/settings.ts';
import type { ReminderSettings } from '../reminders/types.ts';
import type { AuthorityId, Roster } from '../../policies/roster/types.ts';

/** The configuration the bot runs with: the file checked (policies/bot-config/config.ts), its reminders read. */
export interface BotConfig extends Omit<CheckedBotConfig, 'reminders'> {
	/** Reminder offsets and escalation (bridge/reminders/settings.ts); the defaults when the file leaves them out. */
	readonly reminders: ReminderSettings;
}

export function parseConfig(value: unknown, authorities: readonly string[]): Result<{ config: BotConfig; warnings: string[] }, string> {
	const checked = checkBotConfig(value, authorities);
	if (!checked.ok) return checked;
	const reminders = parseReminderSettings(checked.value.config.reminders);
	if (!reminders.ok) return reminders;
	return ok({ config: { ...checked.value.config, reminders: reminders.value }, warnings: checked.value.warnings });
}

/** Reads and checks the configuration file; the error names the file and the broken key. */
export function readConfig(path: string, roster: Roster): Result<{ config: BotConfig; warnings: string[] }, string> {
	let value: unknown;
	try {
		value = JSON.parse(readFileSync(path, 'utf8'));
	} catch (e) {
		return err(`${path}: ${e instanceof Error ? e.message : String(e)}`);
	}
	const parsed = parseConfig(
		value,
		roster.authorities.map((a) => a.id),
	);
	return parsed.ok ? parsed : err(`${path}: ${parsed.error}`);
}

/** Server name → authority: the configuration's map (local federations), else the roster's. */
export function serverMap(config: BotConfig, roster: Roster): ReadonlyMap<string, AuthorityId> {
	return config.servers === undefined ? serversFromRoster(roster) : new Map(Object.entries(config.servers));
}
