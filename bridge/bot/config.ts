// The configuration the bot runs with, from three files: the bot config
// (JSON: the homeserver, the account, its password — what is secret or this
// machine's; its shape and check are policies/bot-config/config.ts', deploy/
// writes the same file), the site file (which authority, where the register
// and secrets live, timings, reminders) and the roster (who the authorities
// are, and which edition of it this is).
import { readFileSync } from 'node:fs';
import { serversFromRoster } from '../../policies/cases/index.ts';
import { checkBotConfig, type CheckedBotConfig } from '../../policies/bot-config/config.ts';
import { err, ok, type Result } from '../../policies/result.ts';
import type { LoadedRoster, SiteDocument } from '../../policies/roster/file/index.ts';
import { hostedSecretariats } from '../../policies/network/secretariat.ts';
import type { AuthorityId, NetworkId, Roster } from '../../policies/roster/types.ts';
import { parseReminderSettings } from '../reminders/settings.ts';
import type { ReminderSettings } from '../reminders/types.ts';

/** Which roster: its version and the SHA-256 of its bytes (policies/roster/file/deployment.ts). */
export type RosterEdition = Pick<LoadedRoster, 'version' | 'sha256'>;

export interface BotConfig extends CheckedBotConfig {
	/** The site's authority. */
	readonly authority: AuthorityId;
	/** The site's paths.register. */
	readonly registerFile: string;
	/** The site's paths.secrets. */
	readonly secretsDir: string;
	/** The site's bridge.undecryptable_after_seconds (default 600). */
	readonly undecryptableAfterSeconds: number;
	/** The site's bridge.retry_seconds (default 5). */
	readonly retrySeconds: number;
	/** The site's bridge.reconcile_every_minutes (default 60). */
	readonly reconcileEveryMinutes: number;
	/** The site's bridge.health_port: /health on 127.0.0.1 (bridge/bot/health.ts); none when left out. */
	readonly healthPort: number | undefined;
	/** The site's bridge.report_to_secretariat (default false) and bridge.report_statistics_every_hours (default 24). */
	readonly reports: { readonly consent: boolean; readonly statisticsEveryHours: number };
	/** The site's reminders; the defaults when it leaves them out. */
	readonly reminders: ReminderSettings;
	/** The deployment's Roster: the roster's authorities on Rogatory and this site's people. */
	readonly roster: Roster;
	readonly rosterEdition: RosterEdition;
}

/** Reads and checks the bot config file against the roster's authorities; the error names the file and the broken key. */
export function readConfig(path: string, roster: Roster): Result<{ config: CheckedBotConfig; warnings: string[] }, string> {
	let value: unknown;
	try {
		value = JSON.parse(readFileSync(path, 'utf8'));
	} catch (e) {
		return err(`${path}: ${e instanceof Error ? e.message : String(e)}`);
	}
	const checked = checkBotConfig(
		value,
		roster.authorities.map((a) => a.id),
	);
	return checked.ok ? checked : err(`${path}: ${checked.error}`);
}

/** The bot config file with what the site and the roster say. */
export function botConfig(file: CheckedBotConfig, site: SiteDocument, roster: Roster, edition: RosterEdition): Result<BotConfig, string> {
	const reminders = parseReminderSettings(site.reminders);
	if (!reminders.ok) return err(`${site.source.file}: ${reminders.error}`);
	const hosted = hostedSecretariats(roster, site.authority as AuthorityId);
	const stray = Object.keys(file.secretariats ?? {}).find((network) => !hosted.includes(network as NetworkId));
	if (stray !== undefined)
		return err(
			`secretariats.${stray}: the roster does not name ${site.authority} as the host of ${stray}'s secretariat (it hosts ${hosted.length === 0 ? 'none' : hosted.join(', ')}); remove the key or mend the roster's hosted_by`,
		);
	return ok({
		...file,
		authority: site.authority as AuthorityId,
		registerFile: site.paths.register,
		secretsDir: site.paths.secrets,
		undecryptableAfterSeconds: site.bridge.undecryptableAfterSeconds ?? 600,
		retrySeconds: site.bridge.retrySeconds ?? 5,
		reconcileEveryMinutes: site.bridge.reconcileEveryMinutes ?? 60,
		healthPort: site.bridge.healthPort,
		reports: { consent: site.bridge.reportToSecretariat === true, statisticsEveryHours: site.bridge.reportStatisticsEveryHours ?? 24 },
		reminders: reminders.value,
		roster,
		rosterEdition: { version: edition.version, sha256: edition.sha256 },
	});
}

/** Server name → authority: the configuration's map (local federations), else the roster's. */
export function serverMap(config: Pick<CheckedBotConfig, 'servers'>, roster: Roster): ReadonlyMap<string, AuthorityId> {
	return config.servers === undefined ? serversFromRoster(roster) : new Map(Object.entries(config.servers));
}

/** Server name → its bridge's user ID, where the configuration names one (test federations); @rogatory-bridge:<server> elsewhere. */
export function bridgeMap(config: Pick<CheckedBotConfig, 'bridges'>): ReadonlyMap<string, string> {
	return new Map(Object.entries(config.bridges ?? {}));
}
