// Every request first has its session cookie read (event.locals.session and
// .user; see lib/server/sessions/handle.ts), then runs inside Paraglide's
// middleware, which picks the language (URL prefix, then cookie, then
// Accept-Language), redirects a bare URL to its language prefix, and keeps
// the language per request; the page template then gets the right
// <html lang> and dir. Pages keep Kit's Content-Security-Policy as built:
// they connect to the app only (the homeservers through its proxy, web/proxy/).
// Before the first request, the server's files are made private to its owner
// (umask 077) and the roster and site files are read (ROGATORY_ROSTER,
// ROGATORY_SITE; lib/server/roster/loaded.ts).
import { sequence, type Handle, type ServerInit } from '@sveltejs/kit/hooks';
import { getTextDirection } from './lib/paraglide/runtime.js';
import { paraglideMiddleware } from './lib/paraglide/server.js';
import { usePrivateUmask } from './lib/server/private-umask.ts';
import { sessionHandle } from './lib/server/sessions/handle.ts';
import { webDeployment } from './lib/server/roster/loaded.ts';
import { sessionRechecker, sessionStore } from './lib/server/sessions/server.ts';

/**
 * NOTE: behind no proxy, adapter-node 6 guesses https for request.url (it no
 * longer reads ORIGIN), so Paraglide's absolute redirect would point a plain
 * http server at https. A path-only Location is valid (RFC 9110, 10.2.2) and
 * right whatever the scheme.
 */
function pathOnlyLocation(response: Response): void {
	const location = response.headers.get('Location');
	if (location === null) return;
	const url = new URL(location);
	response.headers.set('Location', `${url.pathname}${url.search}${url.hash}`);
}

export const init: ServerInit = () => {
	usePrivateUmask();
	webDeployment();
};

const languages: Handle = ({ event, resolve }) =>
	// NOTE: the request Paraglide hands back (its URL without the language
	// prefix) is not passed on: the reroute hook (hooks.ts) already maps
	// /fr/… to the route of /…, and Kit 3's event.request is read-only.
	paraglideMiddleware(
		event.request,
		({ locale }) =>
			resolve(event, {
				transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale).replace('%paraglide.dir%', getTextDirection(locale)),
			}),
		{ onRedirect: pathOnlyLocation },
	);

export const handle: Handle = sequence(
	sessionHandle({ store: sessionStore, rechecker: sessionRechecker, roster: () => webDeployment().deployment.runtime }),
	languages,
);
