// The bot's chat commands against the bench/test federation (issue 4): a
// `!rogatory status` in a case room gets one encrypted m.notice reply, after
// the command is in the register, in the room's language (the opener's:
// Guatemala, Spanish) — and none again after a restart; `!rogatory ayuda`
// names the roster the bot was started with (its version and SHA-256).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as sdk from 'matrix-js-sdk';
import { describe, expect, inject, it } from 'vitest';
import { CASE_KEY, transitionIdOf } from '../../policies/cases/index.ts';
import { move, OPENED } from '../../policies/cases/testing/fixtures.ts';
import { sendCaseEvent } from '../../tests/support/case-room-node.ts';
import { homeserverOf } from '../../tests/support/federation-info.ts';
import { createEncryptedRoom, decryptedMessage } from '../../tests/support/matrix-node-client.ts';
import { botSetup, readRegister } from '../../tests/support/bot/bot-process.ts';
import { stoppedAfterAll } from '../../tests/support/bot/test-processes.ts';
import { crossSignedClient, joined, until } from '../../tests/support/bot/bot-room.ts';

const federation = inject('federation');
const gt = homeserverOf(federation, 'gt-mp');
const { clients, bot: start } = stoppedAfterAll();

/** The bot's notices in the room, as the member's client decrypted them. */
function noticesFrom(client: sdk.MatrixClient, room: string, bot: string): sdk.MatrixEvent[] {
	return (client.getRoom(room)?.getLiveTimeline().getEvents() ?? []).filter(
		(e) => e.getSender() === bot && e.getType() === 'm.room.message' && e.getContent()['msgtype'] === 'm.notice',
	);
}

describe('the bridge bot’s chat commands', () => {
	it('answers !rogatory status once, encrypted, with the register’s status in the room’s language', async () => {
		const setup = await botSetup(gt, federation.homeservers);
		const ana = await crossSignedClient(federation, 'gt-mp', 'commands-gt');
		clients.push(ana);
		let bot = start(setup);
		await bot.logged('bridge running');
		const room = await createEncryptedRoom(ana, [setup.userId]);
		await until(() => joined(ana, room, setup.userId), 'the bot joins');

		const opening = await sendCaseEvent(ana, room, OPENED, 'es');
		await sendCaseEvent(ana, room, move(transitionIdOf(opening), 'draft', 'sent'), 'es');
		const command = (await ana.sendMessage(room, { msgtype: sdk.MsgType.Text, body: '!rogatory status' })).event_id;

		const reply = await decryptedMessage(ana, room, (body) => body.startsWith('Estado de la solicitud'));
		expect(reply.getSender()).toBe(setup.userId);
		expect(reply.isEncrypted()).toBe(true);
		expect(reply.getWireType()).toBe('m.room.encrypted');
		expect(reply.getContent()['msgtype']).toBe('m.notice');
		expect(reply.getContent()).not.toHaveProperty(CASE_KEY);
		expect(reply.getContent()['m.relates_to']).toBeUndefined();
		const body = String(reply.getContent()['body']);
		expect(body).toContain('Estado: Enviada');
		expect(body).toContain('Autoridad requirente: Ministerio Público de Guatemala');
		expect(body).toContain('Eventos rechazados: 0');
		// Answered after the command's batch was committed: the register already held the transition.
		expect(readRegister(setup)?.snapshot.cases).toEqual([expect.objectContaining({ roomId: room, status: 'sent' })]);
		// NOTE: logged once the reply was sent, which the member may see first.
		await bot.logged(`answered status (${command})`);

		// A restart answers nothing twice: the next command's reply is the only new one.
		bot.child.kill('SIGTERM');
		expect(await bot.exited).toBe(0);
		bot = start(setup);
		await bot.logged('bridge running');
		await ana.sendMessage(room, { msgtype: sdk.MsgType.Text, body: '!rogatory ayuda' });
		const help = await decryptedMessage(ana, room, (text) => text.startsWith('Órdenes del puente Rogatory'));
		const rosterBytes = readFileSync(setup.rosterPath);
		const version = /^version: (\d+)$/m.exec(rosterBytes.toString('utf8'))?.[1];
		const sha256 = createHash('sha256').update(rosterBytes).digest('hex');
		expect(String(help.getContent()['body']).split('\n').at(-1)).toBe(
			`Este puente usa la versión ${version} de la lista de miembros (SHA-256 ${sha256}).`,
		);
		expect(bot.output()).toContain(`roster version ${version} (sha256 ${sha256.slice(0, 12)}…)`);
		const notices = noticesFrom(ana, room, setup.userId).map((e) => String(e.getContent()['body']).split('\n')[0]);
		expect(notices).toEqual(['Estado de la solicitud', 'Órdenes del puente Rogatory:']);
		expect(bot.output()).not.toContain(`answered status (${command})`);
		bot.child.kill('SIGTERM');
		expect(await bot.exited).toBe(0);
	}, 240_000);
});
