// The bot's configuration file (JSON), checked key by key so an error names
// the broken key (STYLE.md, 8). Unknown keys are reported as warnings.
import { readFileSync } from 'node:fs';
import { serversFromRoster } from '../../policies/cases/index.ts';
import { err, ok, type Result } from '../../policies/result.ts';
import { parseReminderSettings } from '../reminders/settings.ts';
import type { ReminderSettings } from '../reminders/types.ts';
import type { AuthorityId, Roster } from '../../policies/roster/types.ts';

export interface BotConfig {
	/** Client-server API base, e.g. "https://matrix.mp.gt.example" or "http://127.0.30.1:38008". */
	readonly homeserverUrl: string;
	/** The bot's account: localpart or full user ID. */
	readonly user: string;
	readonly password: string;
	/** The register's SQLite file (checkpoint included). */
	readonly registerFile: string;
	/** Directory for session.json, store-key and (by default) recovery-key; mode 0700, outside the repository in production. */
	readonly secretsDir: string;
	/** Where the recovery key is written (mode 0600); `<secretsDir>/recovery-key` when left out. */
	readonly recoveryKeyFile?: string;
	/** The bot's authority in the roster, e.g. "gt-mp". */
	readonly authority: AuthorityId;
	/** Server name → authority, for federations whose server names are not the roster's (local IP literals); the roster's when left out. */
	readonly servers?: Readonly<Record<string, AuthorityId>>;
	/** How long an event may wait for its room key before it is reported undecryptable (default 600). */
	readonly undecryptableAfterSeconds: number;
	/** Pause between attempts when the register cannot be written (default 5). */
	readonly retrySeconds: number;
	/** Reminder offsets and escalation (bridge/reminders/settings.ts); the defaults when left out. */
	readonly reminders: ReminderSettings;
}

const KNOWN = [
	'homeserverUrl',
	'user',
	'password',
	'registerFile',
	'secretsDir',
	'recoveryKeyFile',
	'authority',
	'servers',
	'undecryptableAfterSeconds',
	'retrySeconds',
	'reminders',
];

export function parseConfig(value: unknown, authorities: readonly string[]): Result<{ config: BotConfig; warnings: string[] }, string> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return err('the configuration must be a JSON object');
	const raw = value as Record<string, unknown>;
	const text = (key: string): Result<string, string> =>
		typeof raw[key] === 'string' && raw[key] !== '' ? ok(raw[key]) : err(`${key}: must be a non-empty string`);
	const seconds = (key: string, fallback: number): Result<number, string> => {
		const v = raw[key] ?? fallback;
		return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? ok(v) : err(`${key}: must be a number of seconds (0 or more)`);
	};
	const fields: Record<string, Result<string, string>> = {};
	for (const key of ['homeserverUrl', 'user', 'password', 'registerFile', 'secretsDir', 'authority']) {
		const r = text(key);
		if (!r.ok) return r;
		fields[key] = r;
	}
	const get = (key: string): string => (fields[key] as { value: string }).value;
	if (!authorities.includes(get('authority')))
		return err(`authority: "${get('authority')}" is not in the roster (have: ${authorities.join(', ')})`);
	if (raw['recoveryKeyFile'] !== undefined && typeof raw['recoveryKeyFile'] !== 'string') return err('recoveryKeyFile: must be a string');
	let servers: Record<string, AuthorityId> | undefined;
	if (raw['servers'] !== undefined) {
		if (typeof raw['servers'] !== 'object' || raw['servers'] === null) return err('servers: must be an object of server name → authority');
		servers = {};
		for (const [server, authority] of Object.entries(raw['servers'])) {
			if (typeof authority !== 'string') return err(`servers.${server}: must be an authority id`);
			servers[server] = authority as AuthorityId;
		}
	}
	const giveUp = seconds('undecryptableAfterSeconds', 600);
	if (!giveUp.ok) return giveUp;
	const retry = seconds('retrySeconds', 5);
	if (!retry.ok) return retry;
	const reminders = parseReminderSettings(raw['reminders']);
	if (!reminders.ok) return reminders;
	const config: BotConfig = {
		homeserverUrl: get('homeserverUrl'),
		user: get('user'),
		password: get('password'),
		registerFile: get('registerFile'),
		secretsDir: get('secretsDir'),
		authority: get('authority') as AuthorityId,
		undecryptableAfterSeconds: giveUp.value,
		retrySeconds: retry.value,
		reminders: reminders.value,
		...(typeof raw['recoveryKeyFile'] === 'string' ? { recoveryKeyFile: raw['recoveryKeyFile'] } : {}),
		...(servers === undefined ? {} : { servers }),
	};
	const warnings = Object.keys(raw)
		.filter((k) => !KNOWN.includes(k))
		.map((k) => `${k}: unknown key, ignored`);
	return ok({ config, warnings });
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
