// Issue 12, "departed people disappear from search" (docs/directory.md, "Who
// has left"), with real homeservers: an account of Guatemala's homeserver in
// a room kept on El Salvador's (joined by alias the way the directory room
// is: public join rule, history visible from one's join) is deactivated by
// its homeserver's administrator. Synapse takes it out of every room: a
// reader on El Salvador's homeserver who was in the room sees its `leave`,
// replacing its `join`, in the timeline; a reader who joins afterwards learns
// it only from the homeserver's list of members who left. In both cases the
// directory's fold hides the person entry that names the account, and keeps
// an account that never joined.
import { randomBytes } from 'node:crypto';
import * as sdk from 'matrix-js-sdk';
import { describe, expect, inject, it } from 'vitest';
import { registerAccount } from '../../deploy/local/provision.ts';
import { departedAccounts, foldDirectory } from '../../policies/directory/index.ts';
import { ANA, arrival, GT_MP, GT_SERVER, LUCIA, personPayload } from '../../policies/directory/testing/entries.ts';
import { GUATEMALA } from '../../policies/roster/testing/demo.ts';
import { REFCO } from '../../policies/roster/testing/networks.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import { departedMembers, membershipFacts } from '../../web/src/lib/matrix/directory-room.ts';
import { until } from '../support/bot/bot-room.ts';
import { stoppedAfterAll } from '../support/bot/test-processes.ts';
import { freshAccount } from '../support/accounts.ts';
import { homeserverOf } from '../support/federation-info.ts';
import { startNodeClient, type NodeAccount } from '../support/matrix-node-client.ts';

const federation = inject('federation');
const sv = homeserverOf(federation, 'sv-fgr');
const gt = homeserverOf(federation, 'gt-mp');
const { clients } = stoppedAfterAll();

async function call(account: NodeAccount, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
	const answer = await fetch(`${account.clientUrl}${path}`, {
		method,
		headers: { authorization: `Bearer ${account.accessToken}`, 'content-type': 'application/json' },
		...(body === undefined ? {} : { body: JSON.stringify(body) }),
	});
	const json = (await answer.json()) as Record<string, unknown>;
	if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(json)}`);
	return json;
}

/** The directory, folded with the room's memberships: Ana's entry names `account`, Lucía's an account that never joined. */
function directoryWith(account: string, memberships: ReturnType<typeof membershipFacts>) {
	const bridge = `@rogatory-bridge:${GT_SERVER}`;
	const events = [
		arrival('$1', bridge, personPayload({ ...ANA, matrixId: account }, '2026-11-02T00:00:00Z', bridge)),
		arrival('$2', bridge, personPayload(LUCIA, '2026-11-02T00:00:00Z', bridge)),
	];
	const roster = { networks: [REFCO], authorities: [GUATEMALA], people: [], crossNetworkLinks: [] };
	const serverOf = (a: AuthorityId) => (a === GT_MP ? GT_SERVER : undefined);
	return foldDirectory({ network: REFCO.id, roster, serverOf, events, memberships });
}

describe('a deactivated account', () => {
	it('leaves the directory room for every reader, and its person entry leaves the directory', async () => {
		const tag = randomBytes(4).toString('hex');
		const owner = await freshAccount(federation, sv.id, 'dep-owner');
		const alias = `dep-${tag}`;
		const { room_id: roomId } = (await call(owner, 'POST', '/_matrix/client/v3/createRoom', {
			preset: 'public_chat',
			room_alias_name: alias,
			initial_state: [{ type: 'm.room.history_visibility', state_key: '', content: { history_visibility: 'joined' } }],
		})) as { room_id: string };
		const fullAlias = `#${alias}:${sv.serverName}`;

		// A reader on El Salvador's homeserver, and the account that will leave, on Guatemala's.
		const reader = await startNodeClient(await freshAccount(federation, sv.id, 'dep-reader'));
		clients.push(reader);
		await reader.joinRoom(fullAlias);
		const leaver = await freshAccount(federation, gt.id, 'dep-leaver');
		await call(leaver, 'POST', `/_matrix/client/v3/join/${encodeURIComponent(fullAlias)}`, {});
		const membershipOf = (client: sdk.MatrixClient, user: string) => client.getRoom(roomId)?.currentState.getMember(user)?.membership;
		await until(() => membershipOf(reader, leaver.userId) === 'join', 'the reader sees the account join');
		expect(departedAccounts(membershipFacts(reader.getRoom(roomId)!))).toEqual(new Set());
		expect(directoryWith(leaver.userId, membershipFacts(reader.getRoom(roomId)!)).people.map((p) => p.entry.name)).toEqual([
			'Ana López',
			'Lucía Ramírez',
		]);

		// Guatemala's administrator closes the account.
		const admin = await registerAccount(gt, `dep-admin-${tag}`, { admin: true });
		if (!admin.ok) throw new Error(admin.error);
		await call({ ...admin.value, clientUrl: gt.clientUrl }, 'POST', `/_synapse/admin/v1/deactivate/${encodeURIComponent(leaver.userId)}`, {
			erase: false,
		});

		// The reader who was there sees the leave replace the join.
		await until(() => membershipOf(reader, leaver.userId) === 'leave', 'the reader sees the account leave');
		const seen = membershipFacts(reader.getRoom(roomId)!);
		expect(seen.filter((f) => f.user === leaver.userId && f.membership === 'leave')).toContainEqual({
			user: leaver.userId,
			membership: 'leave',
			previous: 'join',
		});
		const view = directoryWith(leaver.userId, seen);
		expect(view.people.map((p) => p.entry.name)).toEqual(['Lucía Ramírez']);
		expect(view.departed.map((d) => [d.person, d.why])).toEqual([[ANA.id, 'left']]);

		// A reader who joins afterwards has no timeline with the account in it: the homeserver's list of those who left says it.
		const late = await startNodeClient(await freshAccount(federation, sv.id, 'dep-late'));
		clients.push(late);
		await late.joinRoom(fullAlias);
		await until(() => late.getRoom(roomId)?.getMyMembership() === 'join', 'the late reader has the room');
		const departed = await departedMembers(late, roomId);
		if (!departed.ok) throw new Error(JSON.stringify(departed.error));
		expect(departed.value).toContainEqual(expect.objectContaining({ user: leaver.userId, membership: 'leave' }));
		const lateView = directoryWith(leaver.userId, [...departed.value, ...membershipFacts(late.getRoom(roomId)!)]);
		expect(lateView.people.map((p) => p.entry.name)).toEqual(['Lucía Ramírez']);
		expect(lateView.departed.map((d) => d.person)).toEqual([ANA.id]);
	}, 180_000);
});
