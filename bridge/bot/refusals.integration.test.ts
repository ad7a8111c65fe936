// What the bot refuses, against the bench/test federation (issue 4,
// acceptance 2): an invitation from outside its networks is refused and
// recorded, and a malformed case event is logged as rejected with its reason
// while the bot keeps going.
//
// NOTE: where the refused invitation comes from. The outsider's invitation
// never reaches a member homeserver: each member federates only with its
// networks' homeservers (federation_domain_whitelist), so Guatemala's server
// refuses it — the first test shows that. The bot's own decision
// (bridge/matrix/invitation.ts) is the second line, for a homeserver whose
// whitelist lags behind the roster (a link revoked, a member suspended). That
// is what the second test builds: the bot's server map (config `servers`)
// names Nigeria's homeserver as Kazakhstan's, an authority Guatemala shares no
// network or link with, while the homeservers still federate.
import * as sdk from 'matrix-js-sdk';
import { describe, expect, inject, it } from 'vitest';
import { CASE_KEY, transitionIdOf } from '../../policies/cases/index.ts';
import { move, OPENED } from '../../policies/cases/testing/fixtures.ts';
import { KAZAKHSTAN } from '../../policies/roster/testing/demo.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import { freshAccount } from '../../tests/support/accounts.ts';
import { sendCaseEvent } from '../../tests/support/case-room-node.ts';
import { homeserverOf } from '../../tests/support/federation-info.ts';
import { createEncryptedRoom, startNodeClient } from '../../tests/support/matrix-node-client.ts';
import { botSetup, readRegister, type BotProcess, type BotSetup } from '../../tests/support/bot/bot-process.ts';
import { stoppedAfterAll } from '../../tests/support/bot/test-processes.ts';
import { crossSignedClient, joined, until } from '../../tests/support/bot/bot-room.ts';

const federation = inject('federation');
const gt = homeserverOf(federation, 'gt-mp');
const ng = homeserverOf(federation, 'ng-ca');
const { clients, bot: startBot } = stoppedAfterAll();

async function startedBot(setup: BotSetup): Promise<BotProcess> {
	const bot = startBot(setup);
	await bot.logged('bridge running');
	return bot;
}

const membershipOf = (client: sdk.MatrixClient, room: string, user: string): string | undefined =>
	client.getRoom(room)?.getMember(user)?.membership;

function contents(setup: BotSetup) {
	const read = readRegister(setup);
	if (read === undefined) throw new Error(`the register ${setup.config.registerFile} cannot be read`);
	return read;
}

describe('the bridge bot refuses', () => {
	it('never sees an invitation from the outsider: its homeserver refuses to federate with it', async () => {
		const setup = await botSetup(gt, federation.homeservers);
		await startedBot(setup);
		const outsider = await startNodeClient(await freshAccount(federation, 'outsider', 'refusals-outsider'));
		clients.push(outsider);
		const outside = await createEncryptedRoom(outsider, []);
		await expect(outsider.invite(outside, setup.userId)).rejects.toThrow();
		// The next thing the bot records is the next invitation: nothing from the outsider came before it.
		const member = await crossSignedClient(federation, 'gt-mp', 'refusals-after-outsider');
		clients.push(member);
		const room = await createEncryptedRoom(member, [setup.userId]);
		await until(() => joined(member, room, setup.userId), 'the bot joins its own authority’s room');
		expect(contents(setup).snapshot.invitations.map((i) => [i.roomId, i.decision])).toEqual([[room, 'accepted']]);
	}, 240_000);

	it('refuses and records an invitation from an authority outside its networks', async () => {
		const servers = Object.fromEntries(
			federation.homeservers
				.filter((h) => h.id !== 'outsider')
				.map((h) => [h.serverName, h.id === ng.id ? KAZAKHSTAN.id : (h.id as AuthorityId)]),
		);
		const setup = await botSetup(gt, federation.homeservers, { servers });
		const bot = await startedBot(setup);
		const inviter = await startNodeClient(await freshAccount(federation, 'ng-ca', 'refusals-unlinked'));
		clients.push(inviter);
		const room = await createEncryptedRoom(inviter, [setup.userId]);
		await bot.logged(`left (refused) ${room}`);
		await until(() => membershipOf(inviter, room, setup.userId) === 'leave', 'the inviter sees the bot refuse');
		expect(contents(setup).snapshot.invitations).toEqual([
			expect.objectContaining({
				roomId: room,
				inviter: inviter.getUserId(),
				decision: 'refused',
				reason: "the inviter's authority kz-gpo shares no network or link with gt-mp",
			}),
		]);
	}, 240_000);

	it('records a malformed case event as rejected with its reason, and ingests the valid one after it', async () => {
		const setup = await botSetup(gt, federation.homeservers);
		const bot = await startedBot(setup);
		const ana = await crossSignedClient(federation, 'gt-mp', 'refusals-malformed');
		clients.push(ana);
		const room = await createEncryptedRoom(ana, [setup.userId]);
		await until(() => joined(ana, room, setup.userId), 'the bot joins');

		const opening = await sendCaseEvent(ana, room, OPENED, 'es');
		const malformed = (
			await ana.sendMessage(room, {
				msgtype: sdk.MsgType.Text,
				body: 'Estado: Borrador → Enviada',
				[CASE_KEY]: { v: 1, type: 'transition', follows: transitionIdOf(opening), from: 'draft' },
			} as never)
		).event_id;
		const valid = await sendCaseEvent(ana, room, move(transitionIdOf(opening), 'draft', 'sent'), 'es');

		await until(
			() => readRegister(setup)?.snapshot.cases.some((c) => c.roomId === room && c.status === 'sent') === true,
			'the valid transition after the malformed event is ingested',
		);
		const { snapshot, verify } = contents(setup);
		const logged = snapshot.eventLog.filter((row) => row.roomId === room);
		expect(logged.map((row) => [row.eventId, row.kind])).toEqual([
			[opening, 'opened'],
			[malformed, 'rejected'],
			[valid, 'transition'],
		]);
		const rejected = logged[1]!;
		expect(rejected.rejectionCode).toBe('malformed');
		expect(rejected.rejectionReason).toMatch(/org\.rogatory\.case\.to/);
		expect(snapshot.rejections).toEqual([expect.objectContaining({ roomId: room, eventId: malformed, code: 'malformed' })]);
		expect(snapshot.cases).toEqual([expect.objectContaining({ roomId: room, status: 'sent', rejectedCount: 1 })]);
		expect(verify).toEqual({ intact: true, rows: 3 });
		expect(bot.child.exitCode).toBeNull();
	}, 240_000);
});
