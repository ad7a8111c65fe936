// What a browser context did that a test must check: every request it made
// (to prove nothing left loopback), console errors and uncaught page errors.
// A console error that is the browser reporting an HTTP error status the test
// provoked on purpose (a wrong password's 403) can be expected by URL; any
// other stays an error. One answer is never an error: a 404 to a device's ask
// of its key backup for one session's key (GET room_keys/keys/<room>/<session>)
// is the protocol's "the backup does not hold it" — a new device meets it for
// whatever was sent in a room before it existed, which every network room of a
// run that other tests wrote in holds — and Chromium logs it all the same.
// Nor is Synapse's refusal of a member list "at" a sync token when the room's
// newest event by then is another server's join made concurrently with the
// person's own (two people joining one room from two homeservers at once):
// Synapse judges visibility by the state at that event, whose branch of the
// room's graph does not hold the person's join yet, and answers 403 "not
// allowed to view events in room … at token …" until a later event joins the
// branches (seen in plenary.e2e, both members joining REFCO's directory room
// in the same second). The encrypted send that needed the list fails and the
// SDK logs it; the app sends again on a later read (the directory's ask) or
// from its outbox, and each test checks what the send was for.
import type { BrowserContext, Page } from '@playwright/test';

export interface Watch {
	readonly requests: string[];
	readonly consoleErrors: string[];
	readonly pageErrors: string[];
	/** Console errors that are the browser logging an HTTP error status for `url` (exactly this URL) are expected. */
	expectHttpErrorFrom(url: string): void;
	watchPage(page: Page): void;
}

/** A key backup's answer that it holds no key for this session: GET /room_keys/keys/<room>/<session>?version=… */
const NOT_IN_BACKUP = /\/_matrix\/client\/v3\/room_keys\/keys\/![^/]+\/[^/?]+\?version=[^&]+$/;
/** A member list asked for at a sync token: GET /rooms/<room>/members?…&at=… */
const MEMBERS_AT = /\/_matrix\/client\/v3\/rooms\/![^/]+\/members\?(?:[^&]+&)*at=[^&]+$/;
/** Synapse's refusal of such a list while concurrent joins are unmerged: the SDK's logs of it carry the list's URL. */
const NOT_VISIBLE_AT_TOKEN = /\[403\] User @\S+ not allowed to view events in room !\S+ at token StreamToken\(/;

/** Whether a console error is the browser's or the SDK's report of that refusal (and nothing else). */
export function forkedJoinRefusal(text: string, where: string): boolean {
	if (text.startsWith('Failed to load resource: the server responded with a status of 403')) return MEMBERS_AT.test(where);
	if (!NOT_VISIBLE_AT_TOKEN.test(text)) return false;
	const url = /\((https?:\/\/[^\s)]+\/members\?[^\s)]+)\)/.exec(text)?.[1];
	return url !== undefined && MEMBERS_AT.test(url);
}

export function watchContext(context: BrowserContext): Watch {
	const expected = new Set<string>();
	const seen: Watch = {
		requests: [],
		consoleErrors: [],
		pageErrors: [],
		expectHttpErrorFrom: (url) => void expected.add(url),
		watchPage(page) {
			page.on('console', (message) => {
				if (message.type() !== 'error') return;
				const where = message.location().url;
				const httpError = message.text().startsWith('Failed to load resource: the server responded with a status of');
				if (httpError && expected.has(where)) return;
				if (message.text().includes('status of 404') && NOT_IN_BACKUP.test(where)) return;
				if (forkedJoinRefusal(message.text(), where)) return;
				seen.consoleErrors.push(`${message.text()} (${where})`);
			});
			page.on('pageerror', (error) => seen.pageErrors.push(error.stack ?? error.message));
		},
	};
	context.on('request', (request) => seen.requests.push(request.url()));
	context.on('page', (page) => seen.watchPage(page));
	for (const page of context.pages()) seen.watchPage(page);
	return seen;
}
