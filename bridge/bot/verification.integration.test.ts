// The bridge bot verified by its authority's administrator (issue 12), with
// the real bot process against the test federation: an administrator of
// Guatemala (a person of the bot's people file with the role
// authority-administrator: a fresh account added to the bot's copy of the
// file, so that no roster person's identity is reset) asks the bot's device
// to verify; the bot accepts, writes its QR code as text
// into its secrets directory (mode 0600; `rogatory bridge verification-code`
// prints it), the administrator's client uses the code as pasted and the bot
// confirms the reciprocation: the verification completes on both sides, and the code file is
// gone. A prosecutor of the people file, a person it does not list and an
// administrator of another authority's homeserver are refused, with the
// reason in the bot's log.
// NOTE: the Rust crypto knows another user's devices only when it shares an
// encrypted room with them (it tracks room members); everyone here shares a
// case room with the bot first, as the administrator does in the app.
import * as sdk from 'matrix-js-sdk';
import { VerificationPhase, type VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { registerAccount } from '../../deploy/local/provision.ts';
import { homeserverOf } from '../../tests/support/federation-info.ts';
import { invitedTo, startNodeClient } from '../../tests/support/matrix-node-client.ts';
import { botSetup } from '../../tests/support/bot/bot-process.ts';
import { caseRoomWithBots, joined, until } from '../../tests/support/bot/bot-room.ts';
import { stoppedAfterAll } from '../../tests/support/bot/test-processes.ts';
import { verificationCodePathIn } from '../matrix/secret-files.ts';

const federation = inject('federation');
const gt = homeserverOf(federation, 'gt-mp');
const { clients, bot: startBot } = stoppedAfterAll();

/** A new account's client, cross-signed. */
async function client(hsId: string, localpart: string): Promise<sdk.MatrixClient> {
	const hs = homeserverOf(federation, hsId);
	const registered = await registerAccount(hs, localpart);
	if (!registered.ok) throw new Error(registered.error);
	const { userId, accessToken, deviceId } = registered.value;
	const started = await startNodeClient({ userId, accessToken, deviceId, clientUrl: hs.clientUrl });
	clients.push(started);
	const crypto = started.getCrypto()!;
	await crypto.bootstrapCrossSigning({
		setupNewCrossSigning: true,
		authUploadDeviceSigningKeys: async (makeRequest) => {
			try {
				await makeRequest(null);
			} catch (e) {
				const session = (e as { data?: { session?: string } }).data?.session;
				await makeRequest({
					type: 'm.login.password',
					identifier: { type: 'm.id.user', user: userId },
					password: registered.value.password,
					...(session === undefined ? {} : { session }),
				});
			}
		},
	});
	return started;
}

/** Asks the bot's cross-signed device to verify, by to-device message, as the web app does (lib/matrix/bot-verification.ts). */
async function askBot(from: sdk.MatrixClient, botId: string): Promise<VerificationRequest> {
	const crypto = from.getCrypto()!;
	let signed: string | undefined;
	await until(
		async () => {
			const devices = (await crypto.getUserDeviceInfo([botId], true)).get(botId) ?? new Map<string, unknown>();
			for (const deviceId of devices.keys())
				if ((await crypto.getDeviceVerificationStatus(botId, deviceId))?.signedByOwner === true) signed = deviceId;
			return signed !== undefined;
		},
		`${from.getSafeUserId()} knows the bot's cross-signed device`,
		600,
	);
	return crypto.requestDeviceVerification(botId, signed!);
}

function phase(request: VerificationRequest, wanted: VerificationPhase, what: string): Promise<void> {
	return until(() => request.phase === wanted, what, 600);
}

const unique = (label: string): string => `${label}-${Math.random().toString(16).slice(2, 10)}`;

describe('the bridge bot verified by its authority’s administrator', () => {
	it('shows its code to Guatemala’s administrator, confirms the pasted code, and refuses others', async () => {
		const setup = await botSetup(gt, federation.homeservers);
		const adminLocalpart = unique('verify-admin');
		const prosecutorLocalpart = unique('verify-prosecutor');
		const person = (localpart: string, role: string) =>
			`  - localpart: ${localpart}\n    display_name: ${localpart}\n    roles: [${role}]\n    language: en\n`;
		appendFileSync(
			join(dirname(setup.sitePath), 'gt-mp.people.yaml'),
			person(adminLocalpart, 'authority-administrator') + person(prosecutorLocalpart, 'prosecutor'),
		);
		const bot = startBot(setup);
		await bot.logged('bridge running');
		const codePath = verificationCodePathIn(setup.config.secretsDir);
		const admin = await client('gt-mp', adminLocalpart);
		const prosecutor = await client('gt-mp', prosecutorLocalpart);
		const elsewhere = await client('ng-ca', unique('verify-other-server'));
		const stranger = await client('gt-mp', unique('verify-stranger'));
		const room = await caseRoomWithBots(admin, elsewhere, [setup.userId]);
		for (const other of [stranger, prosecutor]) {
			await admin.invite(room, other.getSafeUserId());
			await invitedTo(other, room);
			await other.joinRoom(room);
			await until(() => joined(admin, room, other.getSafeUserId()), 'the other member joins');
		}

		// A prosecutor of Guatemala's people file: cancelled, the role named.
		const notAdmin = await askBot(prosecutor, setup.userId);
		await phase(notAdmin, VerificationPhase.Cancelled, 'the bot cancels the prosecutor’s request');
		await bot.logged(new RegExp(`cancelled a verification request from ${prosecutor.getSafeUserId()}: .*not an authority-administrator`));

		// Someone the people file does not list, on the bot's own homeserver: cancelled, with the reason logged.
		const refused = await askBot(stranger, setup.userId);
		await phase(refused, VerificationPhase.Cancelled, 'the bot cancels the stranger’s request');
		await bot.logged(new RegExp(`cancelled a verification request from ${stranger.getSafeUserId()}: .*not in gt-mp's people file`));
		// Someone on another homeserver (Nigeria's): cancelled too.
		const other = await askBot(elsewhere, setup.userId);
		await phase(other, VerificationPhase.Cancelled, 'the bot cancels the request from another homeserver');
		await bot.logged(new RegExp(`cancelled a verification request from ${elsewhere.getSafeUserId()}: .*not on the bot's own homeserver`));
		expect(existsSync(codePath)).toBe(false);

		// Guatemala's administrator: the bot accepts and writes its code.
		const request = await askBot(admin, setup.userId);
		await phase(request, VerificationPhase.Ready, 'the bot accepts the administrator’s request');
		await bot.logged(`is in ${codePath}`);
		expect(statSync(codePath).mode & 0o777).toBe(0o600);
		const cli = spawnSync(process.execPath, ['scripts/rogatory.ts', 'bridge', 'verification-code', '--site', setup.sitePath], {
			encoding: 'utf8',
		});
		expect([cli.status, cli.stderr]).toEqual([0, '']);
		const code = cli.stdout.trim();
		expect(bot.output()).not.toContain(code);

		// The administrator pastes it (the web app turns the text into the code's bytes the same way).
		const verifier = await request.scanQRCode(new Uint8ClampedArray(Buffer.from(code, 'base64')));
		const done = verifier.verify();
		await phase(request, VerificationPhase.Done, 'the verification is done on the administrator’s side');
		await done;
		await bot.logged(`verified by ${admin.getSafeUserId()}`);
		// NOTE: that the administrator's crypto then counts the bot as verified is checked in her browser
		// (tests/e2e/bot-verification.e2e.ts); this Node client did not within a minute (to investigate).
		await until(() => !existsSync(codePath), 'the code file is removed');
	}, 300_000);
});
