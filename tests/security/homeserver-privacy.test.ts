// Acceptance (issue 9, point 7, development half): the homeservers the test
// federation runs read generated configs that carry every privacy option, and
// Synapse, started with them, behaves accordingly when a member's account is
// used the way a curious or hostile colleague would use it: reading the
// profile of someone they share no room with (locally and across servers),
// finding them in the user directory, learning a person's name by inviting
// them, watching their presence, creating an unencrypted room, and paging
// back through a case room's history after leaving or being removed from it.
// Each refusal has a control beside it showing the same request succeed when
// it should, so a refusal for any other reason would fail the test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { EXPECTED_PRIVACY } from '../../deploy/config/testing/expected-privacy.ts';
import { freshAccount } from '../support/accounts.ts';
import { homeserverOf } from '../support/federation-info.ts';
import type { NodeAccount } from '../support/matrix-node-client.ts';
import { call, enc, eventually, join as joinRoom, must } from './support/client-api.ts';

const federation = inject('federation');
const gt = homeserverOf(federation, 'gt-mp');
const members = federation.homeservers.filter((hs) => hs.id !== 'outsider');

async function person(homeserverId: string, label: string, displayName: string): Promise<NodeAccount> {
	const account = await freshAccount(federation, homeserverId, label);
	await must(account, 'PUT', `/_matrix/client/v3/profile/${enc(account.userId)}/displayname`, { displayname: displayName });
	return account;
}

/** A private room `owner` creates, with `others` invited and joined. */
async function sharedRoom(owner: NodeAccount, others: readonly NodeAccount[]): Promise<string> {
	const { room_id } = (await must(owner, 'POST', '/_matrix/client/v3/createRoom', { preset: 'private_chat' })) as { room_id: string };
	for (const other of others) {
		await must(owner, 'POST', `/_matrix/client/v3/rooms/${enc(room_id)}/invite`, { user_id: other.userId });
		await joinRoom(other, room_id, gt.serverName);
	}
	return room_id;
}

describe('the generated development configs the running homeservers read', () => {
	it.each(members.map((hs) => [hs.id, hs] as const))('%s: carries every privacy option', (_id, hs) => {
		const config = parse(readFileSync(join(hs.dataDir, 'homeserver.yaml'), 'utf8')) as Record<string, unknown>;
		expect(config).toMatchObject(EXPECTED_PRIVACY);
	});
});

describe('profiles: only for those who share a room', () => {
	let alice: NodeAccount;
	let bob: NodeAccount;
	let nadia: NodeAccount;

	beforeAll(async () => {
		alice = await person('gt-mp', 'profile-alice', 'Alicia Fiscal Reservada');
		bob = await person('gt-mp', 'profile-bob', 'Bob');
		nadia = await person('ng-ca', 'profile-nadia', 'Nadia');
	});

	it('refuses a stranger on the same homeserver, a stranger on another, and anyone without a token', async () => {
		for (const stranger of [bob, nadia]) {
			const answer = await call(stranger, 'GET', `/_matrix/client/v3/profile/${enc(alice.userId)}`);
			expect(answer, stranger.userId).toMatchObject({ status: 403, body: { errcode: 'M_FORBIDDEN' } });
			const field = await call(stranger, 'GET', `/_matrix/client/v3/profile/${enc(alice.userId)}/displayname`);
			expect(field.status, stranger.userId).toBe(403);
		}
		const anonymous = await call({ clientUrl: gt.clientUrl }, 'GET', `/_matrix/client/v3/profile/${enc(alice.userId)}`);
		expect(anonymous.status).toBe(401);
	});

	it('answers once they share a room, on the same homeserver and across servers', async () => {
		await sharedRoom(alice, [bob, nadia]);
		for (const colleague of [bob, nadia]) {
			const answer = await call(colleague, 'GET', `/_matrix/client/v3/profile/${enc(alice.userId)}`);
			expect(answer, colleague.userId).toMatchObject({ status: 200, body: { displayname: 'Alicia Fiscal Reservada' } });
		}
	});
});

describe('the user directory: no one found by a stranger', () => {
	it('lists a person to a room-mate, never to a stranger on the same homeserver', async () => {
		const name = `Directorio ${Date.now().toString(36)}`;
		const target = await person('gt-mp', 'dir-target', name);
		const mate = await person('gt-mp', 'dir-mate', 'Mate');
		const stranger = await person('gt-mp', 'dir-stranger', 'Stranger');
		await sharedRoom(target, [mate]);
		const search = (who: NodeAccount) =>
			must(who, 'POST', '/_matrix/client/v3/user_directory/search', { search_term: name }) as Promise<{ results: { user_id: string }[] }>;
		// The directory is updated in the background: once the room-mate finds the target, it is up to date.
		await eventually('the room-mate finds the target', async () =>
			(await search(mate)).results.some((r) => r.user_id === target.userId) ? true : undefined,
		);
		expect((await search(stranger)).results).toEqual([]);
	});
});

describe('invitations carry no profile of the invitee', () => {
	it('gives the inviter no name or avatar of the person invited, on the same homeserver or another', async () => {
		const inviter = await person('gt-mp', 'inv-inviter', 'Inviter');
		const local = await person('gt-mp', 'inv-local', 'Nombre Que No Debe Verse');
		const remote = await person('ng-ca', 'inv-remote', 'Name That Must Not Show');
		await must(local, 'PUT', `/_matrix/client/v3/profile/${enc(local.userId)}/avatar_url`, { avatar_url: 'mxc://example.org/face' });
		const { room_id } = (await must(inviter, 'POST', '/_matrix/client/v3/createRoom', { preset: 'private_chat' })) as { room_id: string };
		for (const invitee of [local, remote]) {
			await must(inviter, 'POST', `/_matrix/client/v3/rooms/${enc(room_id)}/invite`, { user_id: invitee.userId });
			const member = await must(inviter, 'GET', `/_matrix/client/v3/rooms/${enc(room_id)}/state/m.room.member/${enc(invitee.userId)}`);
			expect(member, invitee.userId).toEqual({ membership: 'invite' });
		}
		// Control: once they join, their own homeserver puts their name in their membership — profiles work, invitations just carry none.
		await joinRoom(local, room_id, gt.serverName);
		const joined = await must(inviter, 'GET', `/_matrix/client/v3/rooms/${enc(room_id)}/state/m.room.member/${enc(local.userId)}`);
		expect(joined).toMatchObject({ membership: 'join', displayname: 'Nombre Que No Debe Verse' });
	});
});

describe('presence is off', () => {
	it('shows a room-mate nothing of when a person is online or what their status says', async () => {
		const watched = await person('gt-mp', 'presence-watched', 'Watched');
		const watcher = await person('gt-mp', 'presence-watcher', 'Watcher');
		await sharedRoom(watched, [watcher]);
		await must(watched, 'PUT', `/_matrix/client/v3/presence/${enc(watched.userId)}/status`, {
			presence: 'online',
			status_msg: 'En la oficina hasta las 18:00',
		});
		const seen = await must(watcher, 'GET', `/_matrix/client/v3/presence/${enc(watched.userId)}/status`);
		expect(seen).toEqual({ presence: 'offline' });
		// The watched person's own syncs (which mark them online when presence is on) change nothing.
		await must(watched, 'GET', '/_matrix/client/v3/sync?timeout=0&set_presence=online');
		const sync = (await must(watcher, 'GET', '/_matrix/client/v3/sync?timeout=0')) as { presence?: { events?: unknown[] } };
		expect(sync.presence?.events ?? []).toEqual([]);
	});
});

describe('every room a member homeserver creates is encrypted', () => {
	it.each(['private_chat', 'trusted_private_chat', 'public_chat'])('%s, without asking', async (preset) => {
		const creator = await freshAccount(federation, 'ng-ca', `enc-${preset.replaceAll('_', '-')}`);
		const { room_id } = (await must(creator, 'POST', '/_matrix/client/v3/createRoom', { preset })) as { room_id: string };
		const encryption = await must(creator, 'GET', `/_matrix/client/v3/rooms/${enc(room_id)}/state/m.room.encryption/`);
		expect(encryption).toMatchObject({ algorithm: 'm.megolm.v1.aes-sha2' });
	});

	it('even when the client slips in an encryption event with no algorithm', async () => {
		const creator = await freshAccount(federation, 'gt-mp', 'enc-empty');
		const { room_id } = (await must(creator, 'POST', '/_matrix/client/v3/createRoom', {
			preset: 'private_chat',
			initial_state: [{ type: 'm.room.encryption', state_key: '', content: {} }],
		})) as { room_id: string };
		const encryption = await must(creator, 'GET', `/_matrix/client/v3/rooms/${enc(room_id)}/state/m.room.encryption/`);
		expect(encryption).toMatchObject({ algorithm: 'm.megolm.v1.aes-sha2' });
	});
});

describe('rooms are forgotten on leave', () => {
	const history = (who: NodeAccount, roomId: string) => call(who, 'GET', `/_matrix/client/v3/rooms/${enc(roomId)}/messages?dir=b&limit=10`);

	it('a member who left, or was removed, can no longer page back through the room', async () => {
		const owner = await person('gt-mp', 'forget-owner', 'Owner');
		const leaver = await person('gt-mp', 'forget-leaver', 'Leaver');
		const removed = await person('gt-mp', 'forget-removed', 'Removed');
		const roomId = await sharedRoom(owner, [leaver, removed]);
		await must(owner, 'PUT', `/_matrix/client/v3/rooms/${enc(roomId)}/send/m.room.message/forget-1`, { msgtype: 'm.text', body: 'x' });
		// Control: members read the history.
		for (const member of [leaver, removed]) expect((await history(member, roomId)).status, member.userId).toBe(200);

		await must(leaver, 'POST', `/_matrix/client/v3/rooms/${enc(roomId)}/leave`, {});
		await must(owner, 'POST', `/_matrix/client/v3/rooms/${enc(roomId)}/kick`, { user_id: removed.userId, reason: 'reassigned' });
		for (const departed of [leaver, removed]) {
			// Synapse forgets in the background, just after the leave; until then a departed member still reads up to their leave.
			const refused = await eventually(`${departed.userId} forgets the room`, async () => {
				const answer = await history(departed, roomId);
				return answer.status === 200 ? undefined : answer;
			});
			expect(refused, departed.userId).toMatchObject({ status: 403 });
			const sync = (await must(
				departed,
				'GET',
				`/_matrix/client/v3/sync?timeout=0&filter=${enc(JSON.stringify({ room: { include_leave: true } }))}`,
			)) as {
				rooms?: { leave?: Record<string, unknown> };
			};
			expect(Object.keys(sync.rooms?.leave ?? {})).not.toContain(roomId);
		}
	});
});
