// The bridge bot's configuration file (JSON) — its shape and its check, once:
// the bridge reads it (bridge/bot/config.ts), `npm start` writes one per
// authority (deploy/local/bridges.ts), and a production install will too.
// Here in policies/ because deploy/ may import policies/ only (ARCHITECTURE.md;
// docs/decisions.md). Each problem names the key (STYLE.md, 8); unknown keys
// are warnings. Pure.
import { err, ok, type Result } from '../result.ts';
import type { AuthorityId } from '../roster/types.ts';

/** The file as written. Keys left out take the defaults below. */
export interface BotConfigFile {
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
	readonly authority: string;
	/** Server name → authority, for federations whose server names are not the roster's (local IP literals); the roster's when left out. */
	readonly servers?: Readonly<Record<string, string>>;
	/** How long an event may wait for its room key before it is reported undecryptable (default 600). */
	readonly undecryptableAfterSeconds?: number;
	/** Pause between attempts when the register cannot be written (default 5). */
	readonly retrySeconds?: number;
	/** Reminder offsets and escalation, in hours (`{"offsetsHours": [336, 168], "escalateAfterHours": 24}`), checked by the bridge's reminders; the defaults when left out. */
	readonly reminders?: unknown;
}

/** The file checked, defaults applied; `reminders` is still the file's, for the bridge's reminders to read. */
export interface CheckedBotConfig extends Omit<BotConfigFile, 'authority' | 'servers' | 'undecryptableAfterSeconds' | 'retrySeconds'> {
	readonly authority: AuthorityId;
	readonly servers?: Readonly<Record<string, AuthorityId>>;
	readonly undecryptableAfterSeconds: number;
	readonly retrySeconds: number;
}

const KEYS: { readonly [K in keyof Required<BotConfigFile>]: K } = {
	homeserverUrl: 'homeserverUrl',
	user: 'user',
	password: 'password',
	registerFile: 'registerFile',
	secretsDir: 'secretsDir',
	recoveryKeyFile: 'recoveryKeyFile',
	authority: 'authority',
	servers: 'servers',
	undecryptableAfterSeconds: 'undecryptableAfterSeconds',
	retrySeconds: 'retrySeconds',
	reminders: 'reminders',
};
const REQUIRED = ['homeserverUrl', 'user', 'password', 'registerFile', 'secretsDir', 'authority'] as const;

export function checkBotConfig(
	value: unknown,
	authorities: readonly string[],
): Result<{ config: CheckedBotConfig; warnings: string[] }, string> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return err('the configuration must be a JSON object');
	const raw = value as Record<string, unknown>;
	const text: Partial<Record<(typeof REQUIRED)[number], string>> = {};
	for (const key of REQUIRED) {
		const v = raw[key];
		if (typeof v !== 'string' || v === '') return err(`${key}: must be a non-empty string`);
		text[key] = v;
	}
	const authority = text.authority!;
	if (!authorities.includes(authority)) return err(`authority: "${authority}" is not in the roster (have: ${authorities.join(', ')})`);
	const recoveryKeyFile = raw['recoveryKeyFile'];
	if (recoveryKeyFile !== undefined && typeof recoveryKeyFile !== 'string') return err('recoveryKeyFile: must be a string');
	const servers = serversOf(raw['servers']);
	if (!servers.ok) return servers;
	const seconds = (key: 'undecryptableAfterSeconds' | 'retrySeconds', fallback: number): Result<number, string> => {
		const v = raw[key] ?? fallback;
		return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? ok(v) : err(`${key}: must be a number of seconds (0 or more)`);
	};
	const giveUp = seconds('undecryptableAfterSeconds', 600);
	if (!giveUp.ok) return giveUp;
	const retry = seconds('retrySeconds', 5);
	if (!retry.ok) return retry;
	const config: CheckedBotConfig = {
		homeserverUrl: text.homeserverUrl!,
		user: text.user!,
		password: text.password!,
		registerFile: text.registerFile!,
		secretsDir: text.secretsDir!,
		authority: authority as AuthorityId,
		undecryptableAfterSeconds: giveUp.value,
		retrySeconds: retry.value,
		...(typeof recoveryKeyFile === 'string' ? { recoveryKeyFile } : {}),
		...(servers.value === undefined ? {} : { servers: servers.value }),
		...(raw['reminders'] === undefined ? {} : { reminders: raw['reminders'] }),
	};
	const warnings = Object.keys(raw)
		.filter((k) => !Object.hasOwn(KEYS, k))
		.map((k) => `${k}: unknown key, ignored`);
	return ok({ config, warnings });
}

function serversOf(value: unknown): Result<Readonly<Record<string, AuthorityId>> | undefined, string> {
	if (value === undefined) return ok(undefined);
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		return err('servers: must be an object of server name → authority');
	const servers: Record<string, AuthorityId> = {};
	for (const [server, authority] of Object.entries(value)) {
		if (typeof authority !== 'string') return err(`servers.${server}: must be an authority id`);
		servers[server] = authority as AuthorityId;
	}
	return ok(servers);
}
