// The bot's side of its verification, over a fake request and client (the
// real crypto is in bridge/bot/verification.integration.test.ts): who is
// cancelled and why, the code file (written 0600 once ready, never logged,
// removed when the verification ends, is cancelled or expires), and the
// reciprocation confirmed.
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CryptoEvent, VerificationPhase, VerificationRequestEvent, VerifierEvent } from 'matrix-js-sdk/lib/crypto-api/index.js';
import type * as sdk from 'matrix-js-sdk';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoRoster, GUATEMALA } from '../../policies/roster/testing/demo.ts';
import { BotVerification, CODE_LIFETIME_MS } from './bot-verification.ts';
import { SecretFiles } from './secret-files.ts';

const SERVER = '127.0.20.1:28448';
const ADMIN = `@sofia.herrera:${SERVER}`;
const CODE = Uint8ClampedArray.from([0x4d, 0x41, 0x54, 0x52, 0x49, 0x58, 2, 1, 9, 9]);

class FakeVerifier extends EventEmitter {
	readonly confirm = vi.fn();
	getShowSasCallbacks = () => null;
	getReciprocateQrCodeCallbacks = () => null;
	verify = () => new Promise<void>(() => {});
}

class FakeRequest extends EventEmitter {
	phase = VerificationPhase.Requested;
	initiatedByMe = false;
	isSelfVerification = false;
	otherDeviceId = 'DEVICE';
	chosenMethod: string | null = null;
	cancellationCode: string | null = null;
	verifier: FakeVerifier | undefined;
	readonly cancel = vi.fn(() => {
		this.to(VerificationPhase.Cancelled);
		return Promise.resolve();
	});
	readonly accept = vi.fn(() => {
		this.to(VerificationPhase.Ready);
		return Promise.resolve();
	});
	readonly generateQRCode = vi.fn(() => Promise.resolve(CODE));
	readonly otherUserId: string;
	constructor(otherUserId: string) {
		super();
		this.otherUserId = otherUserId;
	}
	to(phase: VerificationPhase): void {
		this.phase = phase;
		this.emit(VerificationRequestEvent.Change);
	}
}

let dir: string;
let secrets: SecretFiles;
let lines: string[];
let client: EventEmitter & { getCrypto(): { getUserDeviceInfo(): Promise<Map<string, unknown>> } };
let verification: BotVerification;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'rogatory-botverif-'));
	secrets = new SecretFiles(join(dir, 'secrets'));
	lines = [];
	client = Object.assign(new EventEmitter(), { getCrypto: () => ({ getUserDeviceInfo: () => Promise.resolve(new Map()) }) });
	verification = new BotVerification({
		client: client as unknown as sdk.MatrixClient,
		verifiers: { people: demoRoster.people, authority: GUATEMALA.id, server: SERVER },
		secrets,
		log: (line) => lines.push(line),
	});
	verification.start();
});

afterEach(() => {
	verification.stop();
	vi.useRealTimers();
	rmSync(dir, { recursive: true, force: true });
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
async function receive(request: FakeRequest): Promise<void> {
	client.emit(CryptoEvent.VerificationRequestReceived, request);
	await flush();
	await flush();
}

describe('the bot’s verification', () => {
	it('cancels a request from someone who is not its authority’s administrator, and logs why, with no code written', async () => {
		const request = new FakeRequest(`@ana.lopez:${SERVER}`);
		await receive(request);
		expect(request.cancel).toHaveBeenCalled();
		expect(request.accept).not.toHaveBeenCalled();
		expect(lines.join('\n')).toMatch(/cancelled a verification request from @ana\.lopez.*not an authority-administrator/);
		expect(existsSync(secrets.verificationCodePath)).toBe(false);
	});

	it('accepts the administrator’s request and writes its code as base64, mode 0600, logging the path and never the code', async () => {
		const request = new FakeRequest(ADMIN);
		await receive(request);
		expect(request.accept).toHaveBeenCalled();
		const text = readFileSync(secrets.verificationCodePath, 'utf8').trim();
		expect(text).toBe(Buffer.from(CODE).toString('base64'));
		expect(statSync(secrets.verificationCodePath).mode & 0o777).toBe(0o600);
		expect(lines.some((l) => l.includes(secrets.verificationCodePath))).toBe(true);
		expect(lines.join('\n')).not.toContain(text);
	});

	it('confirms the reciprocation, and removes the code once done', async () => {
		const request = new FakeRequest(ADMIN);
		await receive(request);
		const verifier = new FakeVerifier();
		request.verifier = verifier;
		request.to(VerificationPhase.Started);
		const callbacks = { confirm: vi.fn(), cancel: vi.fn() };
		verifier.emit(VerifierEvent.ShowReciprocateQr, callbacks);
		expect(callbacks.confirm).toHaveBeenCalledOnce();
		request.to(VerificationPhase.Done);
		expect(existsSync(secrets.verificationCodePath)).toBe(false);
		expect(lines.join('\n')).toContain(`verified by ${ADMIN}`);
	});

	it('cancels an emoji verification: the bot only shows its code', async () => {
		const request = new FakeRequest(ADMIN);
		await receive(request);
		request.chosenMethod = 'm.sas.v1';
		request.verifier = new FakeVerifier();
		request.to(VerificationPhase.Started);
		expect(request.cancel).toHaveBeenCalled();
		expect(existsSync(secrets.verificationCodePath)).toBe(false);
	});

	it('cancels a second request while one is under way', async () => {
		await receive(new FakeRequest(ADMIN));
		const second = new FakeRequest(ADMIN);
		await receive(second);
		expect(second.cancel).toHaveBeenCalled();
		expect(second.accept).not.toHaveBeenCalled();
	});

	it('expires the code after ten minutes: the request is cancelled and the file removed', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		const request = new FakeRequest(ADMIN);
		client.emit(CryptoEvent.VerificationRequestReceived, request);
		await vi.advanceTimersByTimeAsync(0);
		expect(existsSync(secrets.verificationCodePath)).toBe(true);
		await vi.advanceTimersByTimeAsync(CODE_LIFETIME_MS);
		expect(request.cancel).toHaveBeenCalled();
		expect(existsSync(secrets.verificationCodePath)).toBe(false);
	});

	it('removes a code left by an earlier process at start', () => {
		secrets.writeVerificationCode('stale');
		new BotVerification({
			client: client as unknown as sdk.MatrixClient,
			verifiers: { people: [], authority: GUATEMALA.id, server: SERVER },
			secrets,
			log: () => {},
		}).start();
		expect(existsSync(secrets.verificationCodePath)).toBe(false);
	});
});
