// Attacks on the case record, tried against the real federation, the real
// bridges and two browsers (issue 9, acceptance 1 and 2):
// - with a member's access token and no crypto at all, a documented opening
//   and a move PUT in the clear into a case room, and into an unencrypted room
//   both bridges are invited to: both registers log them as refused
//   ('not-encrypted'), neither folds them, the case pages do not change; the
//   next properly encrypted move is folded by all four readers;
// - a second device its owner never cross-signed (logged in with the
//   password) sends an encrypted move: no register folds it, each says why,
//   and the officers' Refused events page lists every attempt.
import { expect, test } from '@playwright/test';
import * as sdk from 'matrix-js-sdk';
import { buildCaseContent, rendererFor, type CaseEvent, type TransitionId } from '../../policies/cases/index.ts';
import { bridgeUserId } from '../../policies/roster/bridge.ts';
import { sendCaseEvent } from '../support/case-room-node.ts';
import { startNodeClient } from '../support/matrix-node-client.ts';
import { homeserverOf, logOutRegistration, rosterAccount, type E2eAccount } from '../e2e/support/accounts.ts';
import { move, openRequest } from '../e2e/support/case-pages.ts';
import { hasCaseRow, loggedRow, registerIntact, registerRecord, undecryptableRow } from '../e2e/support/registers.ts';
import { expectClean, newBrowser, signIn } from '../e2e/support/session-pages.ts';
import { twoParties } from '../e2e/support/two-parties.ts';

test.setTimeout(300_000);

const BRIDGED = ['gt-mp', 'ng-ca'] as const;

/** A case event's content exactly as a Rogatory client builds it (docs/case-events.md). */
function documented(event: CaseEvent): Record<string, unknown> {
	const built = buildCaseContent(event, rendererFor('en'));
	if (!built.ok) throw new Error(built.error.reason);
	return built.value as unknown as Record<string, unknown>;
}

/** What an attacker holding a member's access token can do with no crypto at all: PUT an event in the clear. */
async function putInTheClear(account: E2eAccount, roomId: string, content: Record<string, unknown>): Promise<string> {
	const txn = `forged-${Date.now()}-${Math.random().toString(36).slice(2)}`;
	const response = await fetch(
		`${account.homeserver.clientUrl}/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/send/m.room.message/${txn}`,
		{
			method: 'PUT',
			headers: { Authorization: `Bearer ${account.accessToken}`, 'Content-Type': 'application/json' },
			body: JSON.stringify(content),
		},
	);
	const body = (await response.json()) as { event_id?: string };
	expect(response.status, JSON.stringify(body)).toBe(200);
	return body.event_id ?? '';
}

async function clientApi(account: E2eAccount, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
	const response = await fetch(`${account.homeserver.clientUrl}/_matrix/client/v3${path}`, {
		method,
		headers: { Authorization: `Bearer ${account.accessToken}`, 'Content-Type': 'application/json' },
		...(body === undefined ? {} : { body: JSON.stringify(body) }),
	});
	return (await response.json()) as Record<string, unknown>;
}

/** A second device of the account, logged in with its password and never cross-signed. */
async function secondDevice(account: E2eAccount): Promise<sdk.MatrixClient> {
	const anonymous = sdk.createClient({ baseUrl: account.homeserver.clientUrl });
	const login = await anonymous.loginRequest({
		type: 'm.login.password',
		identifier: { type: 'm.id.user', user: account.userId },
		password: account.password,
	});
	return startNodeClient({
		userId: login.user_id,
		accessToken: login.access_token,
		deviceId: login.device_id,
		clientUrl: account.homeserver.clientUrl,
	});
}

/** Both registers logged the event as refused with `code`. */
async function refusedByBoth(eventId: string, code: string): Promise<void> {
	for (const authority of BRIDGED)
		await expect
			.poll(() => loggedRow(authority, eventId), { timeout: 60_000, message: `${authority} logs ${eventId}` })
			.toMatchObject({ kind: 'rejected', rejectionCode: code, verification: code });
}

test('forged and unverified case events are logged as refused by both registers and change no record', async ({ browser }) => {
	const { prosecutor, officer, first, second, a, b } = await twoParties(browser, 'sec-forge');

	// ── A request, opened and sent by Guatemala; both registers record it as sent ──
	const title = `Forgery attempt ${Date.now()}`;
	const roomId = await openRequest(a, { title, requested: 'ng-ca', offence: 'Kidnapping', invite: [officer.userId] });
	await b.goto('/en/cases');
	await b.getByTestId('case-entry').filter({ hasText: title }).getByRole('link', { name: title }).click({ timeout: 60_000 });
	for (const page of [a, b]) await expect(page.getByTestId('case-status')).toHaveAttribute('data-status', 'sent', { timeout: 60_000 });
	for (const authority of BRIDGED)
		await expect.poll(() => registerRecord(authority, roomId), { timeout: 60_000 }).toMatchObject({ opened: true, status: 'sent' });
	const before = registerRecord('gt-mp', roomId);
	if (!before.opened) throw new Error('not opened');

	// ── Attack 1: the officer's access token, no crypto: a second opening and a move, in the clear ──
	const forgedOpening = await putInTheClear(
		officer,
		roomId,
		documented({
			type: 'opened',
			kind: 'mla',
			workflow: before.workflow,
			requesting: 'ng-ca' as never,
			requested: 'gt-mp' as never,
			fields: { ...before.fields, title: 'Forged' },
		}),
	);
	const forgedMove = await putInTheClear(
		officer,
		roomId,
		documented({ type: 'transition', follows: before.head, from: 'sent' as never, to: 'received' as never }),
	);
	await refusedByBoth(forgedOpening, 'not-encrypted');
	await refusedByBoth(forgedMove, 'not-encrypted');
	for (const authority of BRIDGED)
		expect(registerRecord(authority, roomId)).toMatchObject({ opened: true, status: 'sent', head: before.head });
	// The browsers received both (marked as not encrypted) and their case pages did not change.
	for (const page of [a, b]) {
		await expect(page.locator('[data-testid="trust-warning"][data-warning="not-encrypted"]')).toHaveCount(2, { timeout: 60_000 });
		await expect(page.getByTestId('case-status')).toHaveAttribute('data-status', 'sent');
		await expect(page.getByTestId('case-title')).toHaveText(title);
	}

	// ── Attack 1, again: an unencrypted room both bridges are invited to ──
	// NOTE: member homeservers encrypt every new room (encryption_enabled_by_default_for_room_type); an attacker
	// unencrypts one by redacting its m.room.encryption state, which leaves that event with empty content.
	const { room_id: clearRoom } = (await clientApi(officer, 'POST', '/createRoom', {
		preset: 'private_chat',
		invite: BRIDGED.map((id) => bridgeUserId(homeserverOf(id).serverName)),
	})) as { room_id: string };
	const encryption = (
		(await clientApi(officer, 'GET', `/rooms/${encodeURIComponent(clearRoom)}/state`)) as unknown as { type: string; event_id: string }[]
	).find((event) => event.type === 'm.room.encryption');
	if (encryption === undefined) throw new Error('the homeserver did not encrypt the new room');
	await clientApi(
		officer,
		'PUT',
		`/rooms/${encodeURIComponent(clearRoom)}/redact/${encodeURIComponent(encryption.event_id)}/unencrypt`,
		{},
	);
	expect(await clientApi(officer, 'GET', `/rooms/${encodeURIComponent(clearRoom)}/state/m.room.encryption`)).toEqual({});
	for (const id of BRIDGED) {
		const bot = bridgeUserId(homeserverOf(id).serverName);
		await expect
			.poll(async () => JSON.stringify(await clientApi(officer, 'GET', `/rooms/${encodeURIComponent(clearRoom)}/joined_members`)), {
				timeout: 60_000,
				message: `the ${id} bridge joins the unencrypted room`,
			})
			.toContain(bot);
	}
	const clearOpening = await putInTheClear(
		officer,
		clearRoom,
		documented({
			type: 'opened',
			kind: 'mla',
			workflow: before.workflow,
			requesting: 'ng-ca' as never,
			requested: 'gt-mp' as never,
			fields: before.fields,
		}),
	);
	const clearMove = await putInTheClear(
		officer,
		clearRoom,
		documented({ type: 'transition', follows: clearOpening as unknown as TransitionId, from: 'draft' as never, to: 'sent' as never }),
	);
	await refusedByBoth(clearOpening, 'not-encrypted');
	await refusedByBoth(clearMove, 'not-encrypted');
	for (const authority of BRIDGED)
		expect(hasCaseRow(authority, clearRoom), `${authority} took the unencrypted room for a case`).toBe(false);

	// ── The next properly encrypted move is folded by both registers and both pages ──
	await move(b, 'Received');
	for (const page of [a, b]) await expect(page.getByTestId('case-status')).toHaveAttribute('data-status', 'received', { timeout: 60_000 });
	for (const authority of BRIDGED)
		await expect.poll(() => registerRecord(authority, roomId), { timeout: 60_000 }).toMatchObject({ status: 'received' });

	// ── Attack 2: a second device of the prosecutor, never cross-signed, sends an encrypted move ──
	const unsigned = await secondDevice(prosecutor);
	const head = registerRecord('gt-mp', roomId);
	if (!head.opened) throw new Error('not opened');
	const unverifiedMove = await sendCaseEvent(unsigned, roomId, {
		type: 'transition',
		follows: head.head,
		from: 'received' as never,
		to: 'withdrawn' as never,
		reason: 'No longer needed',
	});
	for (const authority of BRIDGED) {
		await expect
			.poll(() => undecryptableRow(authority, unverifiedMove), { timeout: 90_000, message: `${authority} records why` })
			.toMatchObject({ reason: 'UNSIGNED_SENDER_DEVICE' });
		expect(loggedRow(authority, unverifiedMove)).toBeUndefined();
		expect(registerRecord(authority, roomId)).toMatchObject({ status: 'received' });
		expect(registerIntact(authority)).toBe(true);
	}
	for (const page of [a, b]) {
		await expect(page.locator(`[data-testid="withheld"][data-reason="unsigned-device"]`)).toHaveCount(1, { timeout: 60_000 });
		await expect(page.getByTestId('case-status')).toHaveAttribute('data-status', 'received');
	}
	unsigned.stopClient();

	// ── The officers of Guatemala see every attempt on the Refused events page, with the reason ──
	const carlos = await rosterAccount('gt-mp', 'carlos.mendez');
	const third = await newBrowser(browser, carlos);
	await third.page.goto('/en/sign-in');
	await signIn(third.page, carlos);
	await expect(third.page).toHaveURL(/\/en\/keys$/);
	await third.page.goto('/en/register/refused');
	const rows = third.page.getByTestId('refused-event');
	for (const [eventId, code] of [
		[forgedOpening, 'not-encrypted'],
		[forgedMove, 'not-encrypted'],
		[clearOpening, 'not-encrypted'],
		[clearMove, 'not-encrypted'],
		[unverifiedMove, 'unsigned-device'],
	] as const) {
		const row = rows.and(third.page.locator(`[data-event="${eventId}"]`));
		await expect(row).toHaveAttribute('data-code', code);
	}
	await expect(rows.and(third.page.locator(`[data-event="${forgedMove}"]`))).toContainText(title);

	expectClean(first.seen, 'requesting browser');
	expectClean(second.seen, 'requested browser');
	expectClean(third.seen, 'officer browser');
	for (const account of [prosecutor, officer, carlos]) await logOutRegistration(account);
	for (const context of [first.context, second.context, third.context]) await context.close();
});
