// "Share my card" (issue 12, Cards), with the real federation: A, a
// prosecutor of Guatemala's Public Ministry (gt-mp), opens B's entry in
// REFCO's directory and shares their own card with B, of El Salvador's FGR
// (sv-fgr). The web app has no view of such rooms: the message is made for
// any Matrix client (its body is the vCard, its payload the directory's
// person entry), so B here is a stock client — matrix-js-sdk with Rust crypto
// in Node, its device cross-signed (A's app encrypts only for such devices).
// B is invited to a new direct, encrypted room, joins, and reads A's card:
// decrypted, the entry A's authority wrote about A, and a vCard that parses.
import { expect, test } from '@playwright/test';
import type { MatrixClient } from 'matrix-js-sdk';
import { parseVcards } from '#policies/directory/vcard/parse.ts';
import type { AuthorityId } from '#policies/roster/types.ts';
import { crossSign, decryptedMessage, startNodeClient } from '../support/matrix-node-client.ts';
import { freshAccount, homeserverOf, logOutRegistration } from './support/accounts.ts';
import { signedIn } from './support/case-pages.ts';
import { directoryCard, listPeople } from './support/directory-pages.ts';
import { en, expectClean, newBrowser } from './support/session-pages.ts';

test.setTimeout(480_000);

const FIRST = 'gt-mp';
const SECOND = 'sv-fgr';
/** REFCO's directory, kept by El Salvador's bridge, and an editor of each authority (their people files). */
const DIRECTORY = { network: 'refco', keeper: 'sv-fgr' };
const EDITORS = { [FIRST]: 'lucia.ramirez', [SECOND]: 'jorge.hernandez' };
const DIRECTORY_KEY = 'org.rogatory.directory';

/** The room A's share invited B's client to, once it is seen. */
async function invitation(client: MatrixClient, from: string): Promise<string> {
	let roomId: string | undefined;
	await expect
		.poll(
			() => {
				const me = client.getUserId() ?? '';
				roomId = client
					.getRooms()
					.find((room) => room.getMyMembership() === 'invite' && room.getMember(me)?.events.member?.getSender() === from)?.roomId;
				return roomId;
			},
			{ timeout: 120_000 },
		)
		.toBeDefined();
	return roomId ?? '';
}

test('a person shares their directory card with another in a direct encrypted room, which a stock client reads', async ({ browser }) => {
	const sharer = await freshAccount(homeserverOf(FIRST), 'e2e-card-a');
	const receiver = await freshAccount(homeserverOf(SECOND), 'e2e-card-b');
	const listed = { sharer: `Carla Prueba ${Date.now()}`, receiver: `Diego Prueba ${Date.now()}` };
	await listPeople(browser, { authority: FIRST, localpart: EDITORS[FIRST] }, DIRECTORY, [{ name: listed.sharer, userId: sharer.userId }]);
	await listPeople(browser, { authority: SECOND, localpart: EDITORS[SECOND] }, DIRECTORY, [
		{ name: listed.receiver, userId: receiver.userId },
	]);

	const client = await startNodeClient({ ...receiver, clientUrl: receiver.homeserver.clientUrl });
	try {
		await crossSign(client);
		const first = await newBrowser(browser, sharer);
		const a = first.page;
		await signedIn(a, sharer);

		const card = await directoryCard(a, listed.receiver);
		await expect(card).toBeVisible({ timeout: 240_000 });
		await card.getByRole('link', { name: listed.receiver }).click();
		await expect(a.getByTestId('entry-name')).toContainText(listed.receiver);
		// The button shows once A's own entry is in the directory A reads.
		const share = a.getByRole('button', { name: en('directory_share_with', { name: listed.receiver }) });
		await expect(share).toBeVisible({ timeout: 240_000 });
		await share.click();
		await expect(a.getByRole('status').filter({ hasText: en('directory_shared', { name: listed.receiver }) })).toBeVisible({
			timeout: 60_000,
		});

		// B's client: a direct invitation from A to an encrypted room.
		const roomId = await invitation(client, sharer.userId);
		const room = client.getRoom(roomId);
		expect(room?.getMember(receiver.userId)?.events.member?.getContent()['is_direct']).toBe(true);
		// NOTE: Synapse relays a remote invitation before it has stored it and refuses a join in that moment (invitations.ts).
		await expect(async () => {
			await client.joinRoom(roomId);
		}).toPass({ timeout: 60_000 });
		const read = decryptedMessage(client, roomId, (body) => body.startsWith('BEGIN:VCARD'));
		// The card was sent before B joined: a newly joined room's timeline starts at the join, and B's client looks back
		// (once its sync has the room as joined: before, there is nothing to look back from).
		await expect
			.poll(
				async () => {
					const joined = client.getRoom(roomId);
					if (joined?.getMyMembership() !== 'join') return false;
					await client.scrollback(joined, 30);
					return joined
						.getLiveTimeline()
						.getEvents()
						.some((event) => event.getWireType() === 'm.room.encrypted' && event.getSender() === sharer.userId);
				},
				{ timeout: 60_000 },
			)
			.toBe(true);
		const message = await read;
		expect(message.isEncrypted()).toBe(true);
		expect(message.getSender()).toBe(sharer.userId);
		expect(client.getRoom(roomId)?.hasEncryptionStateEvent()).toBe(true);
		expect(
			client
				.getRoom(roomId)
				?.getMembers()
				.map((member) => member.userId)
				.sort(),
		).toEqual([sharer.userId, receiver.userId].sort());

		// Readable: the directory's person entry about A, as A's authority wrote it…
		const content = message.getContent();
		expect(content[DIRECTORY_KEY]).toMatchObject({
			type: 'person',
			entry: { name: listed.sharer, authority: FIRST, matrixId: sharer.userId },
		});
		// …and importable: the body is one vCard of the same person.
		const cards = parseVcards(String(content['body']), { authorities: [FIRST, SECOND] as AuthorityId[] });
		expect(cards.ok ? cards.value.map((parsed) => parsed.entry) : cards.error).toEqual([
			expect.objectContaining({ name: listed.sharer, authority: FIRST, matrixId: sharer.userId }),
		]);

		expectClean(first.seen, 'A');
		await first.context.close();
	} finally {
		client.stopClient();
		for (const account of [sharer, receiver]) await logOutRegistration(account);
	}
});
