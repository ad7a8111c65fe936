// SasVerification between two people (`choose`): the ready request waits for
// the person's choice and offers this side's QR code; a code of the wrong
// shape never reaches the crypto; the side whose code was scanned is asked to
// confirm, and its confirmation reaches the verifier.
import { describe, expect, it } from 'vitest';
import { SasVerification, type SasState } from './verification.ts';
import { VerificationPhase, VerificationRequestEvent, VerifierEvent, type VerificationRequest } from './sdk.ts';

type Listener = (...args: unknown[]) => void;

class Emitter {
	readonly #listeners = new Map<string, Set<Listener>>();
	on(event: string, listener: Listener): this {
		const set = this.#listeners.get(event) ?? new Set();
		set.add(listener);
		this.#listeners.set(event, set);
		return this;
	}
	off(event: string, listener: Listener): this {
		this.#listeners.get(event)?.delete(listener);
		return this;
	}
	emit(event: string, ...args: unknown[]): void {
		for (const listener of this.#listeners.get(event) ?? []) listener(...args);
	}
}

const CODE = Uint8ClampedArray.from(
	[...'MATRIX'].map((char) => char.charCodeAt(0)).concat([2, 1, 0, 1, 65], new Array<number>(72).fill(7)),
);

class FakeVerifier extends Emitter {
	reciprocate: { confirmed: boolean; cancelled: boolean; confirm: () => void; cancel: () => void } | null = null;
	getShowSasCallbacks(): null {
		return null;
	}
	getReciprocateQrCodeCallbacks() {
		return this.reciprocate;
	}
	verify(): Promise<void> {
		return new Promise(() => {});
	}
	scanned(): void {
		const callbacks = {
			confirmed: false,
			cancelled: false,
			confirm: () => (callbacks.confirmed = true),
			cancel: () => (callbacks.cancelled = true),
		};
		this.reciprocate = callbacks;
		this.emit(VerifierEvent.ShowReciprocateQr, callbacks);
	}
}

class FakeRequest extends Emitter {
	phase = VerificationPhase.Requested;
	initiatedByMe = true;
	otherDeviceId = 'DEVICE';
	cancellationCode: string | null = null;
	verifier: FakeVerifier | undefined;
	scannedWith: Uint8ClampedArray | undefined;
	started: string | undefined;
	generateQRCode(): Promise<Uint8ClampedArray | undefined> {
		return Promise.resolve(CODE);
	}
	scanQRCode(bytes: Uint8ClampedArray): Promise<FakeVerifier> {
		this.scannedWith = bytes;
		this.verifier = new FakeVerifier();
		return Promise.resolve(this.verifier);
	}
	startVerification(method: string): Promise<FakeVerifier> {
		this.started = method;
		return Promise.resolve(new FakeVerifier());
	}
	cancel(): Promise<void> {
		return Promise.resolve();
	}
	moveTo(phase: VerificationPhase): void {
		this.phase = phase;
		this.emit(VerificationRequestEvent.Change);
	}
}

function flow(): { request: FakeRequest; states: SasState[]; verification: SasVerification } {
	const request = new FakeRequest();
	const states: SasState[] = [];
	const verification = new SasVerification(request as unknown as VerificationRequest, (state) => states.push(state), { choose: true });
	return { request, states, verification };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('a verification between two people', () => {
	it('waits for a choice once ready, with this side’s code, and starts emoji only when chosen', async () => {
		const { request, verification } = flow();
		request.moveTo(VerificationPhase.Ready);
		expect(verification.state).toEqual({ kind: 'ready', qr: undefined });
		await settle();
		expect(verification.state).toEqual({ kind: 'ready', qr: CODE });
		expect(request.started).toBeUndefined();
		verification.startEmoji();
		expect(request.started).toBe('m.sas.v1');
		expect(verification.state.kind).toBe('starting');
	});

	it('refuses a code of the wrong shape without asking the crypto, and hands a right one over', async () => {
		const { request, verification } = flow();
		request.moveTo(VerificationPhase.Ready);
		await settle();
		expect(await verification.scanQr(new TextEncoder().encode('https://example.org'))).toEqual({ ok: false, error: 'not-a-code' });
		expect(request.scannedWith).toBeUndefined();
		expect((await verification.scanQr(Uint8Array.from(CODE))).ok).toBe(true);
		expect(request.scannedWith).toEqual(CODE);
		request.moveTo(VerificationPhase.Started);
		expect(verification.state.kind).toBe('qr-reciprocating');
	});

	it('asks the side whose code was scanned to confirm, and passes the answer on', async () => {
		const { request, states, verification } = flow();
		request.moveTo(VerificationPhase.Ready);
		await settle();
		const verifier = new FakeVerifier();
		request.verifier = verifier;
		verifier.scanned();
		request.moveTo(VerificationPhase.Started);
		expect(verification.state.kind).toBe('qr-scanned');
		verification.confirmScanned();
		expect(verifier.reciprocate?.confirmed).toBe(true);
		request.moveTo(VerificationPhase.Done);
		expect(states.at(-1)).toEqual({ kind: 'done' });
	});

	it('cancels when the other screen does not show success', async () => {
		const { request, verification } = flow();
		request.moveTo(VerificationPhase.Ready);
		await settle();
		const verifier = new FakeVerifier();
		verifier.scanned();
		request.verifier = verifier;
		request.moveTo(VerificationPhase.Started);
		verification.denyScanned();
		expect(verifier.reciprocate?.cancelled).toBe(true);
	});
});
