// The environment the web server reads at start (Kit 3's explicit env
// declaration; values come through $app/env/private, server side only).
import { defineEnvVars } from '@sveltejs/kit/env';
import {
	DEFAULT_GRACE_SECONDS,
	DEFAULT_RECHECK_SECONDS,
	DEFAULT_TRACKED_ADDRESSES,
	wholeNumberVariable,
} from './lib/server/sessions/settings.ts';
import { parseAdminUrls } from './lib/server/offboarding/admin-urls.ts';

/** A whole-number variable; a bad value stops the start with a message naming it. */
const wholeNumber = (name: string, bounds: { fallback: number; min: number; max: number }) => (value: string | undefined) => {
	const parsed = wholeNumberVariable(name, value, bounds);
	if (!parsed.ok) throw new Error(parsed.error);
	return parsed.value;
};

export const variables = defineEnvVars({
	ROGATORY_FEDERATION: {
		description:
			'Path of the federation description (JSON: profile, homeservers[{id, serverName, clientUrl}]) that the local federation writes to .data/<profile>/federation.json. When unset the app still starts and says so on its pages.',
		schema: (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value),
	},
	ROGATORY_ROSTER: {
		description:
			'Path of the network roster file (YAML; docs/decisions.md, "The roster and site files"). Required: web/server.ts refuses to start without it or with a broken file.',
		schema: (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value),
	},
	ROGATORY_SITE: {
		description:
			'Path of the site file of the authority this web server serves (several separated by ":", as the demo serves three); the sites name the session database (paths.sessions) and each register (paths.register). Required, like ROGATORY_ROSTER.',
		schema: (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value),
	},
	ROGATORY_SYNAPSE_ADMIN_URLS: {
		description:
			'Where the homeserver admin API of a served authority is reached when not at its client URL in the federation file: `<authority>=<url>` pairs separated by spaces (production: the main process on loopback, as deploy/production writes it; nginx admits the admin API from the host only). An authority left out is reached at its client URL.',
		schema: (value: string | undefined) => {
			const urls = parseAdminUrls(value);
			if (!urls.ok) throw new Error(urls.error);
			return urls.value;
		},
	},
	ROGATORY_SESSION_RECHECK_SECONDS: {
		description: `Seconds after which a web session is checked again with the user's homeserver (whoami: same user, same device) on its next request; exports are always checked. Default ${DEFAULT_RECHECK_SECONDS}.`,
		schema: wholeNumber('ROGATORY_SESSION_RECHECK_SECONDS', { fallback: DEFAULT_RECHECK_SECONDS, min: 1, max: 3600 }),
	},
	ROGATORY_SESSION_GRACE_SECONDS: {
		description: `While the user's homeserver cannot be reached, pages are still served this many seconds after its last confirmation, then none until it answers; exports never. Default ${DEFAULT_GRACE_SECONDS}.`,
		schema: wholeNumber('ROGATORY_SESSION_GRACE_SECONDS', { fallback: DEFAULT_GRACE_SECONDS, min: 0, max: 86_400 }),
	},
	ROGATORY_SIGNIN_TRACKED_ADDRESSES: {
		description: `How many client addresses the sign-in rate limit remembers at most (least recently used forgotten first). Default ${DEFAULT_TRACKED_ADDRESSES}.`,
		schema: wholeNumber('ROGATORY_SIGNIN_TRACKED_ADDRESSES', { fallback: DEFAULT_TRACKED_ADDRESSES, min: 16, max: 1_000_000 }),
	},
});
