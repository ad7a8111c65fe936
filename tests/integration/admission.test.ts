// Issue 13, acceptance 2: admission and removal reach every server. A
// deployment of its own (profile `admission`, from tests/fixtures/admission/),
// three homeservers whose rosters change while they run:
// - version 1: AUSTRAL's members are Arvenia's (xa-apo, which hosts the
//   secretariat) and Belmora's (xb-mj); Caldera's (xc-pgc, in no network: the outsider of this deployment)
//   is an applicant, so its server and the host's federate and the space's ACL
//   admits it — and nothing else does. Its member knocks on the space with a
//   reason, and the secretariat's service account sees the knock and why.
// - The secretariat's staff publishes version 2 (Caldera admitted) into the
//   announcements room, encrypted; every authority applies it to its own site
//   (applyRosterUpdate: judged, the file replaced, the old one kept) and its
//   homeserver restarts with the allowlist regenerated from it
//   (`restartWith`); the keeper re-issues the ACLs; the knock is answered with
//   an invitation, and Caldera's member joins the space and the plenary room.
//   Belmora's and Caldera's servers, which refused each other, now federate.
// - Version 3 removes Caldera again (out of AUSTRAL and the roster): the keeper takes its member out of every
//   room and re-issues the ACLs without its server, which then refuse its
//   member's join ("banned"); Arvenia and Belmora apply the version and
//   restart, Caldera does not (a removed authority need not cooperate) and is
//   refused all the same by their allowlists ("Federation denied"), the host's
//   answering its join and Belmora's its invitation.
// Throughout, a case room between Arvenia and Belmora keeps working.
// NOTE: Caldera's administrator is handed the announced event as Belmora's
// member read it: an applicant is in no room where the announcement is posted.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as sdk from 'matrix-js-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFederation, type LocalFederation } from '../../deploy/local/federation.ts';
import { registerAccount } from '../../deploy/local/provision.ts';
import { applyRosterUpdate } from '../../web/src/lib/server/roster/apply-update.ts';
import { networkRoomsPlan, SECRETARIAT_STAFF_POWER, type NetworkRoomsPlan } from '../../policies/network/index.ts';
import { parseRoster, rosterFromDocuments } from '../../policies/roster/file/index.ts';
import type { AuthorityId, NetworkId, Person, Roster } from '../../policies/roster/types.ts';
import { rosterAnnouncementContent, ROSTER_UPDATE_KEY } from '../../policies/roster-update/index.ts';
import { joinedEventually, until } from '../support/bot/bot-room.ts';
import { refused } from '../support/bot/refused.ts';
import { createEncryptedRoom, startNodeClient, type NodeAccount } from '../support/matrix-node-client.ts';
import { keptNetwork } from '../support/network-keeper.ts';

const root = join(import.meta.dirname, '..', '..');
const FIXTURES = join(root, 'tests', 'fixtures', 'admission');
const AUSTRAL = 'AUSTRAL' as NetworkId;
const [XA, XB, XC] = ['xa-apo', 'xb-mj', 'xc-pgc'] as const;
const STAFF: Person = {
	localpart: 'austral.staff',
	displayName: 'Austral Secretariat',
	authority: XA as AuthorityId,
	roles: ['secretariat'],
	language: 'en',
	secretariatOf: AUSTRAL,
};

const versionText = (version: number): string => readFileSync(join(FIXTURES, `roster-v${version}.yaml`), 'utf8');
const rosterOf = (text: string): Roster => {
	const parsed = parseRoster(text, 'roster.yaml');
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
	return { ...rosterFromDocuments(parsed.value, []), people: [STAFF] };
};
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const host = (serverName: string): string => serverName.split(':')[0]!;

describe('admission and removal, applied by every authority to its own homeserver', () => {
	let federation: LocalFederation | undefined;
	const clients: sdk.MatrixClient[] = [];
	/** Each authority's own copy of the roster file, as its site names it. */
	const sites = new Map<string, string>();

	beforeAll(async () => {
		rmSync(join(root, '.data', 'admission'), { recursive: true, force: true });
		const dir = mkdtempSync(join(tmpdir(), 'rogatory-admission-'));
		for (const id of [XA, XB, XC]) {
			const path = join(dir, `${id}.roster.yaml`);
			copyFileSync(join(FIXTURES, 'roster-v1.yaml'), path);
			sites.set(id, path);
		}
		const started = await startFederation({ profile: 'admission', roster: rosterOf(versionText(1)), root });
		if (!started.ok) throw new Error(started.error.message);
		federation = started.value;
	}, 300_000);
	afterAll(async () => {
		for (const client of clients) client.stopClient();
		await federation?.stop();
	});

	it('admits the applicant that knocked, then removes it, and a case room between two others keeps working', async () => {
		const fed = federation!;
		const [a, b, c] = [XA, XB, XC].map((id) => fed.homeserver(id));
		const servers = new Map(fed.homeservers.map((h) => [h.serverName, h.id as AuthorityId]));
		const planOf = (roster: Roster): NetworkRoomsPlan => {
			const made = networkRoomsPlan(roster, AUSTRAL, a!.serverName, { servers });
			if (!made.ok) throw new Error(made.error);
			return { ...made.value, linked: [], reports: [] };
		};
		const fresh = async (hs: typeof a, localpart: string): Promise<sdk.MatrixClient> => {
			const registered = await registerAccount(hs!, localpart);
			if (!registered.ok) throw new Error(registered.error);
			const account: NodeAccount = { ...registered.value, clientUrl: hs!.clientUrl };
			const client = await startNodeClient(account);
			clients.push(client);
			return client;
		};

		// The secretariat's rooms, from version 1.
		const plan1 = planOf(rosterOf(versionText(1)));
		const { client: keeperClient, rooms, keepWith } = await keptNetwork(a!, plan1);
		const roomOf = (kind: string): string => rooms[plan1.children.find((ch) => ch.kind === kind)!.alias]!;
		const [space, announcements, plenary] = [rooms[plan1.space.alias]!, roomOf('announcements'), roomOf('plenary')];
		const aclHosts = async (room: string): Promise<string[]> =>
			((await keeperClient.getStateEvent(room, 'm.room.server_acl', '')) as { allow: string[] }).allow;
		/** Waits (a bounded time) until `client` sees its invitation to `room`. */
		const invited = (client: sdk.MatrixClient, room: string): Promise<void> =>
			until(() => client.getRoom(room)?.getMyMembership() === 'invite', `${client.getUserId()} sees its invitation to ${room}`);
		const into = async (client: sdk.MatrixClient, roomIds: readonly string[]): Promise<void> => {
			await keeperClient.invite(space, client.getUserId()!);
			await invited(client, space);
			for (const room of [space, ...roomIds]) await joinedEventually(client, room, [a!.serverName], `${client.getUserId()} joins ${room}`);
		};

		// The bridges the plan names (never started: the keeper only invites them), the staff and Belmora's member in the
		// rooms; a case room between Arvenia and Belmora.
		for (const hs of [a, b, c]) {
			const bridge = await registerAccount(hs!, 'rogatory-bridge');
			if (!bridge.ok) throw new Error(bridge.error);
		}
		const staff = await fresh(a, STAFF.localpart);
		const belmoran = await fresh(b, 'admission-xb');
		const arvenian = await fresh(a, 'admission-xa');
		const calderan = await fresh(c, 'admission-xc');
		await into(staff, [announcements, plenary]);
		await into(belmoran, [announcements, plenary]);
		const caseRoom = await createEncryptedRoom(arvenian, [belmoran.getUserId()!]);
		await invited(belmoran, caseRoom);
		await belmoran.joinRoom(caseRoom, { viaServers: [a!.serverName] });
		const caseWorks = async (text: string): Promise<void> => {
			await arvenian.sendTextMessage(caseRoom, text);
			await until(
				() =>
					belmoran
						.getRoom(caseRoom)
						?.getLiveTimeline()
						.getEvents()
						.some((e) => e.getContent()['body'] === text) === true,
				`Belmora’s member reads “${text}” in the case room`,
			);
		};
		await caseWorks('before any new version');

		// Version 1: Caldera's member knocks on the space, with a reason; the secretariat sees it. It is in no room, and
		// Belmora's server does not federate with Caldera's.
		const reason = 'The Prosecutor General of Caldera asks to join AUSTRAL (decision of 2 December)';
		await calderan.knockRoom(space, { viaServers: [a!.serverName], reason });
		await until(async () => {
			const member = (await keeperClient.getStateEvent(space, 'm.room.member', calderan.getUserId()!).catch(() => undefined)) as
				{ membership?: string; reason?: string } | undefined;
			return member?.membership === 'knock' && member.reason === reason;
		}, 'the secretariat sees the knock and its reason');
		expect((await refused(calderan.joinRoom(plenary, { viaServers: [a!.serverName] }))).httpStatus).toBe(403);
		const beforeInvite = await refused(belmoran.invite(await createEncryptedRoom(belmoran, []), calderan.getUserId()!));
		expect(beforeInvite.data.error).toContain(`Federation denied with ${c!.serverName}`);

		/** The staff publishes `version`; resolves with the event as Belmora's member decrypted it. */
		const publish = async (version: number): Promise<sdk.MatrixEvent> => {
			const file = versionText(version);
			const content = rosterAnnouncementContent({ version, sha256: sha256(file), file });
			if (!content.ok) throw new Error(content.error);
			await staff.sendMessage(announcements, content.value as never);
			let read: sdk.MatrixEvent | undefined;
			await until(() => {
				const events = belmoran.getRoom(announcements)?.getLiveTimeline().getEvents() ?? [];
				read = events.find((e) => (e.getContent()[ROSTER_UPDATE_KEY] as { roster?: { version?: number } })?.roster?.version === version);
				return read !== undefined;
			}, `Belmora’s member decrypts roster version ${version}`);
			expect(read!.isEncrypted()).toBe(true);
			// The sender is the secretariat: its power in the room is the staff's, as Belmora's member sees the room.
			const power = belmoran.getRoom(announcements)!.getMember(read!.getSender()!)?.powerLevel ?? 0;
			expect(power).toBeGreaterThanOrEqual(SECRETARIAT_STAFF_POWER);
			return read!;
		};
		/** Each site applies the announcement to its own roster file (a replay changes nothing), and its homeserver restarts. */
		const applyAt = async (ids: readonly string[], announced: sdk.MatrixEvent, version: number): Promise<void> => {
			for (const id of ids) {
				const update = { rosterPath: sites.get(id)!, network: AUSTRAL, content: announced.getContent(), fromSecretariat: true };
				expect(applyRosterUpdate(update), id).toMatchObject({ kind: 'applied', version });
				expect(applyRosterUpdate(update).kind).toBe('already');
			}
			const restarted = await Promise.all(ids.map((id) => fed.restartWith(id, rosterOf(readFileSync(sites.get(id)!, 'utf8')))));
			for (const r of restarted) expect(r.ok, r.ok ? '' : r.error.message).toBe(true);
		};

		// Version 2 admits Caldera: every site applies it, the ACLs name its server, the knock is answered, and its member
		// joins the space and the plenary room; Belmora's and Caldera's servers now federate.
		await applyAt([XA, XB, XC], await publish(2), 2);
		await keepWith(planOf(rosterOf(versionText(2))));
		for (const room of [space, plenary, announcements]) expect(await aclHosts(room)).toContain(host(c!.serverName));
		// NOTE: no wait for the invitation in Caldera's member's client: it knocked, and the sdk may keep the room as knocked.
		await keeperClient.invite(space, calderan.getUserId()!);
		for (const room of [space, plenary]) await joinedEventually(calderan, room, [a!.serverName], `Caldera’s member joins ${room}`);
		const between = await createEncryptedRoom(belmoran, [calderan.getUserId()!]);
		await invited(calderan, between);
		await caseWorks('after version 2');

		// Version 3 removes Caldera: the host's keeper takes its member out and re-issues the ACLs (the kicks first, while
		// the servers still federate, so Caldera's applies them: docs/roster-updates.md). The ACL refuses it at the door.
		const third = await publish(3);
		await keepWith(planOf(rosterOf(versionText(3))));
		for (const room of [space, plenary, announcements]) {
			expect(await aclHosts(room)).not.toContain(host(c!.serverName));
			expect(Object.keys((await keeperClient.getJoinedRoomMembers(room)).joined)).not.toContain(calderan.getUserId());
		}
		await until(async () => !(await calderan.getJoinedRooms()).joined_rooms.includes(plenary), 'Caldera’s server applies the kick');
		const byAcl = await refused(calderan.joinRoom(plenary, { viaServers: [a!.serverName] }));
		expect(byAcl.httpStatus).toBe(403);
		expect(byAcl.message).toMatch(/banned/i);
		// The two remaining members apply it; Caldera does not (a removed authority need not cooperate), and is refused all
		// the same by their allowlists: the host's answers its join, Belmora's its invitation, "Federation denied".
		await applyAt([XA, XB], third, 3);
		const byAllowlist = await refused(calderan.joinRoom(plenary, { viaServers: [a!.serverName] }));
		expect(byAllowlist.httpStatus).toBe(403);
		expect(byAllowlist.data.error).toContain(`Federation denied with ${c!.serverName}`);
		const invite = await refused(belmoran.invite(await createEncryptedRoom(belmoran, []), calderan.getUserId()!));
		expect(invite.httpStatus).toBe(403);
		expect(invite.data.error).toContain(`Federation denied with ${c!.serverName}`);
		await caseWorks('after version 3');
	}, 900_000);
});
