// The bridge bot's configuration file (JSON) — its shape and its check, once:
// the bridge reads it (bridge/bot/config.ts), `npm start` writes one per
// authority (deploy/local/bridges.ts), and a production install will too.
// Here in policies/ because deploy/ may import policies/ only (ARCHITECTURE.md;
// docs/decisions.md). Each problem names the key (STYLE.md, 8); unknown keys
// are warnings. Pure.
//
// The file holds only what is secret or belongs to this machine: the
// homeserver's address, the bot's account and password, where the recovery
// key goes, and (for local federations) the server → authority map. Which
// authority the bot is, where its register and secrets live, its reminders
// and timings are the site file's (docs/decisions.md, "The roster and site
// files"); a file that still carries them is refused, naming the key to
// remove, so two files never disagree about them.
import { err, ok, type Result } from '../result.ts';
import { parseUserId, serverNameOf } from '../cases/ids/matrix.ts';
import type { AuthorityId } from '../roster/types.ts';

/** The file as written. */
export interface BotConfigFile {
	/** Client-server API base, e.g. "https://matrix.mp.gt.example" or "http://127.0.30.1:38008". */
	readonly homeserverUrl: string;
	/** The bot's account: localpart or full user ID. */
	readonly user: string;
	readonly password: string;
	/** Where the recovery key is written (mode 0600); `recovery-key` in the site's secrets folder when left out. */
	readonly recoveryKeyFile?: string;
	/** Server name → authority, for federations whose server names are not the roster's (local IP literals); the roster's when left out. */
	readonly servers?: Readonly<Record<string, string>>;
	/**
	 * Server name → the user ID of that server's bridge, for federations whose
	 * bridges are not `@rogatory-bridge:<server>` (test federations, where each
	 * test registers its own); that one when left out. The 24/7 rooms' keeper
	 * invites these (docs/directory.md, "Contact details for 24/7 points only").
	 */
	readonly bridges?: Readonly<Record<string, string>>;
	/**
	 * Network → the password of its secretariat's service account, for each
	 * network whose secretariat this authority's homeserver hosts (the roster's
	 * `hosted_by`): the bridge process then keeps that network's rooms
	 * (docs/network-rooms.md). Checked against the roster by the bridge.
	 */
	readonly secretariats?: Readonly<Record<string, string>>;
}

/** The file checked. */
export interface CheckedBotConfig extends Omit<BotConfigFile, 'servers'> {
	readonly servers?: Readonly<Record<string, AuthorityId>>;
}

const KEYS: { readonly [K in keyof Required<BotConfigFile>]: K } = {
	homeserverUrl: 'homeserverUrl',
	user: 'user',
	password: 'password',
	recoveryKeyFile: 'recoveryKeyFile',
	servers: 'servers',
	bridges: 'bridges',
	secretariats: 'secretariats',
};
const REQUIRED = ['homeserverUrl', 'user', 'password'] as const;

/** Keys the file had before the site file took them over, and where each now lives. */
export const MOVED_TO_SITE: Readonly<Record<string, string>> = {
	authority: 'authority',
	registerFile: 'paths.register',
	secretsDir: 'paths.secrets',
	undecryptableAfterSeconds: 'bridge.undecryptable_after_seconds',
	retrySeconds: 'bridge.retry_seconds',
	reminders: 'reminders',
};

/**
 * The file checked against the roster's authorities (`servers` must name
 * them); the warnings name unknown keys, which are ignored.
 */
export function checkBotConfig(
	value: unknown,
	authorities: readonly string[],
): Result<{ config: CheckedBotConfig; warnings: string[] }, string> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return err('the configuration must be a JSON object');
	const raw = value as Record<string, unknown>;
	const moved = Object.keys(raw).find((k) => Object.hasOwn(MOVED_TO_SITE, k));
	if (moved !== undefined)
		return err(`${moved}: the site file's ${MOVED_TO_SITE[moved]} says this now; remove the key from the bot configuration`);
	const text: Partial<Record<(typeof REQUIRED)[number], string>> = {};
	for (const key of REQUIRED) {
		const v = raw[key];
		if (typeof v !== 'string' || v === '') return err(`${key}: must be a non-empty string`);
		text[key] = v;
	}
	const recoveryKeyFile = raw['recoveryKeyFile'];
	if (recoveryKeyFile !== undefined && (typeof recoveryKeyFile !== 'string' || recoveryKeyFile === ''))
		return err('recoveryKeyFile: must be a non-empty string');
	const servers = serversOf(raw['servers'], authorities);
	if (!servers.ok) return servers;
	const bridges = bridgesOf(raw['bridges']);
	if (!bridges.ok) return bridges;
	const secretariats = secretariatsOf(raw['secretariats']);
	if (!secretariats.ok) return secretariats;
	const config: CheckedBotConfig = {
		homeserverUrl: text.homeserverUrl!,
		user: text.user!,
		password: text.password!,
		...(typeof recoveryKeyFile === 'string' ? { recoveryKeyFile } : {}),
		...(servers.value === undefined ? {} : { servers: servers.value }),
		...(bridges.value === undefined ? {} : { bridges: bridges.value }),
		...(secretariats.value === undefined ? {} : { secretariats: secretariats.value }),
	};
	const warnings = Object.keys(raw)
		.filter((k) => !Object.hasOwn(KEYS, k))
		.map((k) => `${k}: unknown key, ignored`);
	return ok({ config, warnings });
}

function serversOf(value: unknown, authorities: readonly string[]): Result<Readonly<Record<string, AuthorityId>> | undefined, string> {
	if (value === undefined) return ok(undefined);
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		return err('servers: must be an object of server name → authority');
	const servers: Record<string, AuthorityId> = {};
	for (const [server, authority] of Object.entries(value)) {
		if (typeof authority !== 'string') return err(`servers.${server}: must be an authority id`);
		if (!authorities.includes(authority))
			return err(`servers.${server}: "${authority}" is not an authority of the roster on Rogatory (have: ${authorities.join(', ')})`);
		servers[server] = authority as AuthorityId;
	}
	return ok(servers);
}

function bridgesOf(value: unknown): Result<Readonly<Record<string, string>> | undefined, string> {
	if (value === undefined) return ok(undefined);
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		return err('bridges: must be an object of server name → the user ID of its bridge');
	const bridges: Record<string, string> = {};
	for (const [server, user] of Object.entries(value)) {
		const parsed = parseUserId(user);
		if (!parsed.ok || serverNameOf(parsed.value) !== server)
			return err(`bridges.${server}: must be the user ID of an account on ${server}, such as "@rogatory-bridge:${server}"`);
		bridges[server] = parsed.value;
	}
	return ok(bridges);
}

function secretariatsOf(value: unknown): Result<Readonly<Record<string, string>> | undefined, string> {
	if (value === undefined) return ok(undefined);
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		return err('secretariats: must be an object of network → the password of its secretariat’s service account');
	const passwords: Record<string, string> = {};
	for (const [network, password] of Object.entries(value)) {
		if (typeof password !== 'string' || password === '') return err(`secretariats.${network}: must be a non-empty password`);
		passwords[network] = password;
	}
	return ok(passwords);
}
