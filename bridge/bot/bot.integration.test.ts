// The bot as a process against the bench/test federation: its device survives
// a restart, and SIGKILL at random moments loses, duplicates or leaves
// undecryptable no event (issue 4, crash safety; ARCHITECTURE.md, decision 7).
// ROGATORY_CRASH_KILLS and ROGATORY_CRASH_EVENTS set the crash test's size
// (acceptance: 20 kills over 1,000 events).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as sdk from 'matrix-js-sdk';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freshAccount } from '../../tests/support/accounts.ts';
import { homeserverOf } from '../../tests/support/federation-info.ts';
import { createEncryptedRoom, invitedTo, startNodeClient } from '../../tests/support/matrix-node-client.ts';
import { SqliteSink } from '../matrix/sqlite-sink.ts';
import { botSetup, runBot, type BotProcess } from './bot-process.ts';

const federation = inject('federation');
const gt = homeserverOf(federation, 'gt-mp');
const clients: sdk.MatrixClient[] = [];
const bots: BotProcess[] = [];

afterAll(() => {
	for (const c of clients) c.stopClient();
	for (const b of bots) b.child.kill('SIGKILL');
});

async function crossSignedClient(hsId: string, label: string): Promise<sdk.MatrixClient> {
	const client = await startNodeClient(await freshAccount(federation, hsId, label));
	clients.push(client);
	await client.getCrypto()!.bootstrapCrossSigning({ authUploadDeviceSigningKeys: async (make) => void (await make(null)) });
	return client;
}

function start(configPath: string): BotProcess {
	const bot = runBot(configPath);
	bots.push(bot);
	return bot;
}

async function until(check: () => boolean | Promise<boolean>, what: string, tries = 1200): Promise<void> {
	for (let i = 0; i < tries; i++) {
		if (await check()) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`gave up waiting: ${what}`);
}

const joined = (client: sdk.MatrixClient, room: string, user: string) => client.getRoom(room)?.getMember(user)?.membership === 'join';

function sinkOf(registerFile: string) {
	const sink = new SqliteSink(registerFile, { readonly: true });
	try {
		return { events: sink.events(), undecryptable: sink.undecryptable(), invitations: sink.invitations() };
	} finally {
		sink.close();
	}
}

async function send(client: sdk.MatrixClient, room: string, body: string): Promise<string> {
	const { event_id } = await client.sendMessage(room, { msgtype: sdk.MsgType.Text, body });
	return event_id;
}

/** The room's message events as the bot's homeserver orders them, read by a member on that homeserver. */
async function streamOrder(client: sdk.MatrixClient, room: string, senders: readonly string[]): Promise<string[]> {
	const ids: string[] = [];
	let from: string | null = null;
	for (;;) {
		const page = (await client.createMessagesRequest(room, from, 500, sdk.Direction.Backward)) as {
			chunk: { type: string; sender: string; event_id: string }[];
			end?: string | undefined;
		};
		for (const e of page.chunk) if (e.type === 'm.room.encrypted' && senders.includes(e.sender)) ids.push(e.event_id);
		if (page.end === undefined || page.chunk.length === 0) break;
		from = page.end;
	}
	return ids.reverse();
}

describe('the bridge bot process', () => {
	it('keeps its device across a restart and delivers every message once, those sent while it was down too', async () => {
		const setup = await botSetup(gt, federation.homeservers);
		const sender = await crossSignedClient('gt-mp', 'restart-sender');
		let bot = start(setup.configPath);
		await bot.logged('bridge running');
		const session = JSON.parse(readFileSync(join(setup.config.secretsDir, 'session.json'), 'utf8')) as { deviceId: string };
		const room = await createEncryptedRoom(sender, [setup.userId]);
		await until(() => joined(sender, room, setup.userId), 'the bot joins');

		const sent: string[] = [];
		for (let i = 0; i < 20; i++) sent.push(await send(sender, room, `before restart ${i}`));
		await until(() => sinkOf(setup.config.registerFile).events.length >= 20, 'the bot delivers the first 20');
		bot.child.kill('SIGTERM');
		expect(await bot.exited).toBe(0);

		for (let i = 0; i < 20; i++) sent.push(await send(sender, room, `while down ${i}`));
		bot = start(setup.configPath);
		await bot.logged('bridge running');
		expect(bot.output()).toContain(`device ${session.deviceId}`);
		await until(() => sinkOf(setup.config.registerFile).events.length >= 40, 'the bot delivers all 40');
		await new Promise((r) => setTimeout(r, 1000));

		const delivered = sinkOf(setup.config.registerFile);
		expect(delivered.events.map((e) => e.eventId)).toEqual(sent);
		expect(delivered.events.at(-1)?.content).toMatchObject({ body: 'while down 19' });
		expect(delivered.undecryptable).toEqual([]);
		expect(delivered.invitations).toMatchObject([{ room, inviter: sender.getUserId(), decision: 'accepted' }]);
		const recoveryKey = readFileSync(join(setup.config.secretsDir, 'recovery-key'), 'utf8');
		expect(recoveryKey.trim().length).toBeGreaterThan(40);
	}, 240_000);

	it('loses, duplicates and leaves undecryptable no event when killed at random moments', async () => {
		const kills = Number(process.env['ROGATORY_CRASH_KILLS'] ?? 5);
		const total = Number(process.env['ROGATORY_CRASH_EVENTS'] ?? 200);
		const setup = await botSetup(gt, federation.homeservers);
		const gtSender = await crossSignedClient('gt-mp', 'crash-gt');
		const ngSender = await crossSignedClient('ng-ca', 'crash-ng');
		let bot = start(setup.configPath);
		await bot.logged('bridge running');
		const room = await createEncryptedRoom(gtSender, [setup.userId, ngSender.getUserId()!]);
		await invitedTo(ngSender, room);
		await ngSender.joinRoom(room);
		await until(() => joined(gtSender, room, setup.userId) && joined(ngSender, room, setup.userId), 'the bot joins');

		let sending = true;
		const sent: string[] = [];
		const sending$ = (async () => {
			for (let i = 0; i < total; i++) sent.push(await send(i % 2 === 0 ? gtSender : ngSender, room, `case event ${i}`));
			sending = false;
		})();
		let killed = 0;
		while (killed < kills) {
			await new Promise((r) => setTimeout(r, 500 + Math.random() * 3000));
			bot.child.kill('SIGKILL');
			await bot.exited;
			killed++;
			bot = start(setup.configPath);
			if (!sending && killed >= kills) break;
		}
		await sending$;
		await bot.logged('bridge running');
		await until(() => sinkOf(setup.config.registerFile).events.length >= total, `the bot delivers all ${total}`, 3000);
		await new Promise((r) => setTimeout(r, 1000));

		const expected = await streamOrder(gtSender, room, [gtSender.getUserId()!, ngSender.getUserId()!]);
		expect(expected).toHaveLength(total);
		const delivered = sinkOf(setup.config.registerFile);
		const ids = delivered.events.map((e) => e.eventId);
		// Exactly once each…
		expect(new Set(ids).size).toBe(ids.length);
		expect([...ids].sort()).toEqual([...expected].sort());
		// …in stream order. NOTE: /messages gives the topological order, which may
		// put two concurrent events of different servers the other way round from
		// the sync stream; each sender's own events are ordered the same in both.
		for (const sender of [gtSender.getUserId(), ngSender.getUserId()]) {
			const bySender = (list: readonly string[]) => list.filter((id) => delivered.events.find((e) => e.eventId === id)?.sender === sender);
			expect(bySender(ids)).toEqual(bySender(sent));
		}
		expect(delivered.undecryptable).toEqual([]);
		bot.child.kill('SIGTERM');
		expect(await bot.exited).toBe(0);
	}, 240_000);
});
