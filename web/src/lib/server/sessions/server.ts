// The web server's one session store, re-checker and sign-in limiter, made on
// first use and kept for the life of the process. The database is the one
// the site files name (paths.sessions). When the store cannot be opened the
// app still serves its pages; nobody gets a server session, and the log says
// why once.
import { ROGATORY_SESSION_GRACE_SECONDS, ROGATORY_SESSION_RECHECK_SECONDS, ROGATORY_SIGNIN_TRACKED_ADDRESSES } from '$app/env/private';
import { err, ok, type Result } from '#policies/result.ts';
import { loadDeployment } from '../deployment.ts';
import { webDeployment } from '../roster/loaded.ts';
import { SessionRechecker } from './recheck.ts';
import { recheckSettings, DEFAULT_GRACE_SECONDS, DEFAULT_RECHECK_SECONDS, DEFAULT_TRACKED_ADDRESSES } from './settings.ts';
import { SIGN_IN_LIMIT, SignInLimiter } from './sign-in-limiter.ts';
import { SqliteSessionStore, type SessionStore } from './store.ts';
import { matrixWhoAmI } from './whoami.ts';

let opened: SessionStore | null | undefined;
let rechecker: SessionRechecker | undefined;
let limiter: SignInLimiter | undefined;

export function sessionStore(): SessionStore | undefined {
	if (opened !== undefined) return opened ?? undefined;
	const store = SqliteSessionStore.open(webDeployment().sessions);
	if (!store.ok) {
		console.error(`rogatory web: ${store.error}; server sessions are off.`);
		opened = null;
		return undefined;
	}
	opened = store.value;
	return opened;
}

/** A homeserver's client-server URL, from the deployment the federation file describes. */
async function clientUrl(homeserverId: string): Promise<Result<string, 'unknown' | 'unavailable'>> {
	const deployment = await loadDeployment();
	if (!deployment.ok) return err('unavailable');
	const homeserver = deployment.value.homeservers.find((hs) => hs.id === homeserverId);
	return homeserver === undefined ? err('unknown') : ok(homeserver.clientUrl);
}

export function sessionRechecker(): SessionRechecker | undefined {
	if (rechecker !== undefined) return rechecker;
	const store = sessionStore();
	if (store === undefined) return undefined;
	rechecker = new SessionRechecker({
		store,
		whoami: matrixWhoAmI,
		clientUrl,
		settings: recheckSettings(
			ROGATORY_SESSION_RECHECK_SECONDS ?? DEFAULT_RECHECK_SECONDS,
			ROGATORY_SESSION_GRACE_SECONDS ?? DEFAULT_GRACE_SECONDS,
		),
	});
	return rechecker;
}

export function signInLimiter(): SignInLimiter {
	limiter ??= new SignInLimiter({ ...SIGN_IN_LIMIT, maxAddresses: ROGATORY_SIGNIN_TRACKED_ADDRESSES ?? DEFAULT_TRACKED_ADDRESSES });
	return limiter;
}
