// A person sets their own alert address (issue 16, "users set their address
// and categories") against the real federation, Nigeria's bridge as a child
// process and the real SMTP relay of tests/support/alerts/: a focal point of
// Nigeria's people file, from a cross-signed device, invites the bridge into
// a direct encrypted room and sends their settings there, as the web app
// does (policies/alerts/preferences.ts); the bridge takes them, and the next
// batched mail for them goes to their own address, not the people file's.
// The same setting sent in the clear with their access token is refused and
// logged "not taken: sent in the clear"; an older setting replayed is
// refused too; the bridge's output never holds the address.
import type { ParsedMail } from 'mailparser';
import * as sdk from 'matrix-js-sdk';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serverMap } from '../../bridge/bot/config.ts';
import { openRegister } from '../../bridge/register/index.ts';
import { buildAlertPreferencesContent } from '../../policies/alerts/index.ts';
import { OPENED } from '../../policies/cases/testing/fixtures.ts';
import { demoRoster } from '../../policies/roster/testing/demo.ts';
import { alertsSite, type AlertsSite } from '../support/alerts/alerts-site.ts';
import type { BotSetup } from '../support/bot/bot-process.ts';
import { caseRoomWithBots, crossSignedClient, joined, until } from '../support/bot/bot-room.ts';
import { stoppedAfterAll } from '../support/bot/test-processes.ts';
import { sendCaseEvent } from '../support/case-room-node.ts';
import { homeserverOf } from '../support/federation-info.ts';
import { createEncryptedRoom } from '../support/matrix-node-client.ts';

const federation = inject('federation');
const ng = homeserverOf(federation, 'ng-ca');
const OWN = 'zainab.private@home.example';
const FORGED = 'eve@evil.example';

let site: AlertsSite | undefined;
const { clients, bot: startBot } = stoppedAfterAll(async () => {
	await site?.close();
});
let setup: BotSetup;

beforeAll(async () => {
	site = await alertsSite(ng, federation.homeservers);
	setup = site.setup;
	process.env['ROGATORY_ALERTS_EVERY_SECONDS'] = '1';
	process.env['ROGATORY_ALERTS_BATCH_SECONDS'] = '5';
}, 180_000);
afterAll(() => {
	delete process.env['ROGATORY_ALERTS_EVERY_SECONDS'];
	delete process.env['ROGATORY_ALERTS_BATCH_SECONDS'];
});

const received = (): ParsedMail[] => site!.received.map((r) => r.mail);
const recipient = (m: ParsedMail) => (m.to !== undefined && 'text' in m.to ? m.to.text : '');
const mailsTo = (address: string) => received().filter((m) => recipient(m) === address);

/** The setting the bridge's register holds for the person, read beside the running bridge. */
function held(user: string): { version: number; email: string | null } | undefined {
	const reg = openRegister(
		setup.config.registerFile,
		{ roster: demoRoster, servers: serverMap(setup.config, demoRoster) },
		{ readonly: true },
	);
	if (!reg.ok) return undefined;
	try {
		const rows = reg.value.preferences.all();
		return rows.ok ? rows.value.find((r) => r.userId === user) : undefined;
	} finally {
		reg.value.close();
	}
}

describe('a person’s own alert address', () => {
	it('is taken from their signed device, encrypted, and the next mail for them goes there; in the clear or replayed it is refused', async () => {
		const ana = await crossSignedClient(federation, 'gt-mp', 'prefs-gt');
		// A focal point of Nigeria's people file (who gets the batched mails), with the file's address.
		const zainab = await crossSignedClient(federation, 'ng-ca', 'prefs-ng');
		clients.push(ana, zainab);
		const localpart = zainab.getSafeUserId().slice(1).split(':')[0]!;
		const fileAddress = `${localpart}@ca.ng.example`;
		appendFileSync(
			join(setup.sitePath, '..', `${ng.id}.people.yaml`),
			`  - localpart: ${localpart}\n    display_name: Zainab Okafor\n    roles: [focal-point]\n    language: en\n    email: ${fileAddress}\n`,
		);
		const bot = startBot(setup);
		await bot.logged('bridge running');

		// The direct encrypted room with the bridge, which joins at the invitation of one of its people.
		const room = await createEncryptedRoom(zainab, [setup.userId]);
		await until(() => joined(zainab, room, setup.userId), 'the bridge joins the direct room', 1800);

		const version = Date.now();
		const user = zainab.getSafeUserId();
		const sent = await zainab.sendMessage(room, buildAlertPreferencesContent({ version, email: OWN, off: [] }) as never);
		await bot.logged(`alerts: ${sent.event_id} from ${user}: alert setting taken`);
		// NOTE: logged as the batch is read, before its transaction commits: the register holds it a moment later.
		await until(() => held(user)?.version === version, 'the register holds her setting', 100);
		expect(held(user)).toMatchObject({ version, email: OWN });

		// With her access token alone, in the clear: refused, and logged so.
		const clear = await zainab.http.authedRequest<{ event_id: string }>(
			sdk.Method.Put,
			`/rooms/${encodeURIComponent(room)}/send/m.room.message/clear-${version}`,
			undefined,
			buildAlertPreferencesContent({ version: version + 10, email: FORGED, off: [] }),
		);
		await bot.logged(`alerts: ${clear.event_id} from ${user}: alert setting not taken: sent in the clear`);
		// An older setting, replayed from her own device: refused.
		const older = await zainab.sendMessage(
			room,
			buildAlertPreferencesContent({ version: version - 1000, email: FORGED, off: [] }) as never,
		);
		await bot.logged(`alerts: ${older.event_id} from ${user}: alert setting not taken: older than the setting held`);
		expect(held(user)).toMatchObject({ version, email: OWN });

		// A routine request: her batched mail goes to her own address, not the file's, nor the forged one.
		const amina = await crossSignedClient(federation, 'ng-ca', 'prefs-ng-officer');
		clients.push(amina);
		const request = await caseRoomWithBots(ana, amina, [setup.userId]);
		await sendCaseEvent(ana, request, { ...OPENED, fields: { ...OPENED.fields, urgency: 'routine' } }, 'es');
		await until(() => mailsTo(OWN).length >= 1, 'the batched mail to her own address', 1800);
		expect(mailsTo(OWN)[0]!.subject).toBe('You have 1 new request waiting in Rogatory');
		// The others of the file are mailed as before, she at her own address only.
		await until(() => mailsTo('amina@ca.ng.example').length >= 1, 'the officer’s batched mail', 600);
		expect(mailsTo(fileAddress)).toEqual([]);
		expect(mailsTo(FORGED)).toEqual([]);
		expect(bot.output()).not.toContain(OWN);
		expect(bot.output()).not.toContain(FORGED);
		bot.child.kill('SIGTERM');
		expect(await bot.exited).toBe(0);
	}, 420_000);
});
