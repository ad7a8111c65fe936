// The bot as a process against the bench/test federation, writing its real
// register: its device survives a restart and it delivers what was sent while
// it was down; a register another connection holds locked pauses the sync,
// loudly, and the bot catches up with nothing lost once the lock goes
// (issue 4, crash safety; ARCHITECTURE.md, decision 7). The SIGKILL test is
// crash.integration.test.ts.
import Database from 'better-sqlite3';
import { appendFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type * as sdk from 'matrix-js-sdk';
import { describe, expect, inject, it } from 'vitest';
import { buildCaseContent, rendererFor } from '../../policies/cases/index.ts';
import { GUATEMALA, NIGERIA } from '../../policies/roster/testing/demo.ts';
import { homeserverOf } from '../../tests/support/federation-info.ts';
import { createEncryptedRoom } from '../../tests/support/matrix-node-client.ts';
import { botSetup, readRegister, type BotSetup } from '../../tests/support/bot/bot-process.ts';
import { stoppedAfterAll } from '../../tests/support/bot/test-processes.ts';
import { crossSignedClient, joined, until } from '../../tests/support/bot/bot-room.ts';
import { runCaseFlow } from '../../tests/support/bot/case-flow.ts';

const federation = inject('federation');
const gt = homeserverOf(federation, 'gt-mp');
const { clients, bot: start } = stoppedAfterAll();

async function sender(label: string): Promise<sdk.MatrixClient> {
	const client = await crossSignedClient(federation, 'gt-mp', label);
	clients.push(client);
	return client;
}

/** A port free on the loopback now. */
const freePort = (): Promise<number> =>
	new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});

const logged = (setup: BotSetup): string[] => readRegister(setup)?.snapshot.eventLog.map((r) => r.eventId) ?? [];

async function note(client: sdk.MatrixClient, room: string, text: string): Promise<string> {
	const content = buildCaseContent({ type: 'note', text }, rendererFor('en'));
	if (!content.ok) throw new Error(content.error.reason);
	const { event_id } = await client.sendMessage(room, content.value as never);
	return event_id;
}

/** A room with the bot in, and a requesting-side flow of `total` case events sent and logged. */
async function roomWithFlow(setup: BotSetup, label: string, total: number) {
	const client = await sender(label);
	const room = await createEncryptedRoom(client, [setup.userId]);
	await until(() => joined(client, room, setup.userId), 'the bot joins');
	const flow = await runCaseFlow({ total, requesting: GUATEMALA.id, requested: NIGERIA.id, requestingOnly: true }, (_side, content) =>
		client.sendMessage(room, content as never).then((r) => r.event_id),
	);
	await until(() => logged(setup).length >= total, `the bot logs the first ${total}`);
	return { client, room, sent: [...flow.sent] };
}

describe('the bridge bot process', () => {
	it('keeps its device across a restart and logs every case event once, those sent while it was down too', async () => {
		const setup = await botSetup(gt, federation.homeservers);
		// Its /health on the host (bridge/bot/health.ts), at a port the site names.
		const healthPort = await freePort();
		appendFileSync(setup.sitePath, `  health_port: ${healthPort}\n`);
		let bot = start(setup);
		await bot.logged('bridge running');
		const session = JSON.parse(readFileSync(join(setup.config.secretsDir, 'session.json'), 'utf8')) as { deviceId: string };
		const { client, room, sent } = await roomWithFlow(setup, 'restart-sender', 20);
		bot.child.kill('SIGTERM');
		expect(await bot.exited).toBe(0);

		for (let i = 0; i < 20; i++) sent.push(await note(client, room, `while down ${i}`));
		bot = start(setup);
		await bot.logged('bridge running');
		expect(bot.output()).toContain(`device ${session.deviceId}`);
		await until(() => logged(setup).length >= 40, 'the bot logs all 40');
		await new Promise((r) => setTimeout(r, 1000));

		const register = readRegister(setup)!;
		expect(register.snapshot.eventLog.map((r) => r.eventId)).toEqual(sent);
		expect(JSON.parse(register.snapshot.eventLog.at(-1)!.content)).toMatchObject({ 'org.rogatory.case': { text: 'while down 19' } });
		expect(register.snapshot.cases).toMatchObject([{ roomId: room }]);
		expect(register.snapshot.undecryptable).toEqual([]);
		expect(register.snapshot.invitations).toMatchObject([{ roomId: room, inviter: client.getUserId(), decision: 'accepted' }]);
		expect(register.verify).toEqual({ intact: true, rows: 40 });
		await bot.logged(`health: GET http://127.0.0.1:${healthPort}/health`);
		const health = await fetch(`http://127.0.0.1:${healthPort}/health`);
		expect(health.status).toBe(200);
		const report = (await health.json()) as { status: string; lag_seconds: number; queued: number; register_head: unknown };
		expect(report).toMatchObject({ status: 'ok', queued: 0, register_head: { seq: 40, hash: register.snapshot.eventLog.at(-1)!.hash } });
		expect(report.lag_seconds).toBeLessThan(60);
		const recoveryKey = readFileSync(join(setup.config.secretsDir, 'recovery-key'), 'utf8');
		expect(recoveryKey.trim().length).toBeGreaterThan(40);
		bot.child.kill('SIGTERM');
		expect(await bot.exited).toBe(0);
	}, 240_000);

	it('pauses the sync loudly while its register is locked, and catches up with nothing lost once it is free', async () => {
		const setup = await botSetup(gt, federation.homeservers);
		const bot = start(setup);
		await bot.logged('bridge running');
		const { client, room, sent } = await roomWithFlow(setup, 'locked-sender', 5);
		const before = readRegister(setup)!;

		// Another process holds the write lock (what `chmod` cannot do to root: the
		// file stays unwritable for the bot until the lock goes).
		const holder = new Database(setup.config.registerFile);
		holder.exec('BEGIN EXCLUSIVE');
		try {
			for (let i = 0; i < 10; i++) sent.push(await note(client, room, `while locked ${i}`));
			await bot.logged(/register not writable: .*SQLITE_BUSY.*sync paused, retrying in 1s \(batch up to \S+, attempt 2\)/);
			const during = readRegister(setup)!;
			expect(during.snapshot.eventLog).toEqual(before.snapshot.eventLog);
			expect(during.syncToken).toBe(before.syncToken);
		} finally {
			holder.exec('ROLLBACK');
			holder.close();
		}

		await until(() => logged(setup).length >= 15, 'the bot logs all 15 once the lock is gone');
		await new Promise((r) => setTimeout(r, 1000));
		const after = readRegister(setup)!;
		expect(after.snapshot.eventLog.map((r) => r.eventId)).toEqual(sent);
		expect(after.snapshot.undecryptable).toEqual([]);
		expect(after.verify).toEqual({ intact: true, rows: 15 });
		expect(after.syncToken).not.toBe(before.syncToken);
		bot.child.kill('SIGTERM');
		expect(await bot.exited).toBe(0);
	}, 240_000);
});
