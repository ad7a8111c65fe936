// View model of the sign-in form: Matrix ID, password, and the homeserver's
// address — found by discovery, or asked for (pre-filled when this
// deployment's federation file lists the server). It checks what was typed,
// logs in, and hands the new credentials on; every refusal is a value the
// form shows next to the field it concerns.
import type { AskReason, Discovery, KnownHomeserver } from '../matrix/discovery.ts';
import { discoverHomeserver, parseHomeserverUrl } from '../matrix/discovery.ts';
import { loginWithPassword, type Credentials, type LoginProblem, type PasswordLogin } from '../matrix/login.ts';
import { parseUserIdInput, type MatrixIdInput, type MatrixIdProblem } from '../matrix/matrix-id.ts';
import type { Result } from '../../../../policies/result.ts';

export type HomeserverStep =
	/** Not looked up yet. */
	| { readonly kind: 'unknown' }
	| { readonly kind: 'looking' }
	/** Found by .well-known; the address field stays folded away (it can be opened). */
	| { readonly kind: 'found'; readonly url: string }
	/** The person must give (or confirm) the address. */
	| { readonly kind: 'ask'; readonly reason: AskReason; readonly suggested: boolean };

export type SignInProblem =
	| { readonly field: 'userId'; readonly problem: MatrixIdProblem }
	| { readonly field: 'homeserver'; readonly problem: 'empty' | 'invalid' }
	| { readonly field: 'password'; readonly problem: 'empty' }
	| { readonly field: 'form'; readonly problem: LoginProblem };

export type Field = 'userId' | 'homeserver' | 'password' | 'problem';

export interface SignInDeps {
	readonly known: readonly KnownHomeserver[];
	/** What to do with the credentials (start the session); resolves when done. */
	readonly signedIn: (credentials: Credentials, password: string) => Promise<void>;
	readonly deviceName: string;
	readonly discover?: (id: MatrixIdInput, known: readonly KnownHomeserver[]) => Promise<Discovery>;
	readonly login?: (login: PasswordLogin) => Promise<Result<Credentials, LoginProblem>>;
}

export class SignInForm {
	readonly #deps: SignInDeps;
	#userId = $state('');
	#password = $state('');
	#homeserverUrl = $state('');
	#homeserver = $state<HomeserverStep>({ kind: 'unknown' });
	#showAddress = $state(false);
	#problem = $state<SignInProblem | undefined>();
	#stage = $state<'idle' | 'signing-in' | 'starting'>('idle');
	/** Incremented to ask the view to move focus (the view owns the DOM). */
	#focus = $state<{ readonly field: Field; readonly serial: number }>({ field: 'userId', serial: 0 });
	/** The server name the current lookup was for, so a late answer for an old ID is dropped. */
	#lookedUpFor: string | undefined;
	#urlTypedByPerson = false;

	constructor(deps: SignInDeps) {
		this.#deps = deps;
	}

	get userId(): string {
		return this.#userId;
	}
	set userId(value: string) {
		this.#userId = value;
		if (this.#problem?.field === 'userId') this.#problem = undefined;
		const parsed = parseUserIdInput(value);
		if (!parsed.ok || parsed.value.serverName !== this.#lookedUpFor) {
			// Another server: the earlier lookup no longer applies.
			this.#lookedUpFor = undefined;
			if (this.#homeserver.kind !== 'unknown') this.#homeserver = { kind: 'unknown' };
			if (!this.#urlTypedByPerson) this.#homeserverUrl = '';
		}
	}

	get password(): string {
		return this.#password;
	}
	set password(value: string) {
		this.#password = value;
		if (this.#problem?.field === 'password') this.#problem = undefined;
	}

	get homeserverUrl(): string {
		return this.#homeserverUrl;
	}
	set homeserverUrl(value: string) {
		this.#homeserverUrl = value;
		this.#urlTypedByPerson = true;
		if (this.#problem?.field === 'homeserver') this.#problem = undefined;
	}

	get homeserver(): HomeserverStep {
		return this.#homeserver;
	}

	/** Whether the address field is shown: when asked for, or opened by the person. */
	get addressShown(): boolean {
		return this.#showAddress || this.#homeserver.kind === 'ask';
	}

	get problem(): SignInProblem | undefined {
		return this.#problem;
	}

	get stage(): 'idle' | 'signing-in' | 'starting' {
		return this.#stage;
	}

	get busy(): boolean {
		return this.#stage !== 'idle';
	}

	get focus(): { readonly field: Field; readonly serial: number } {
		return this.#focus;
	}

	/** The person opens the address field to give an explicit homeserver URL. */
	showAddress(): void {
		this.#showAddress = true;
		this.#requestFocus('homeserver');
	}

	/** Looks up the homeserver of the typed Matrix ID (on leaving the field, and before signing in). */
	async lookUpHomeserver(): Promise<void> {
		const parsed = parseUserIdInput(this.#userId);
		if (!parsed.ok) return;
		const id = parsed.value;
		if (this.#lookedUpFor === id.serverName) return;
		this.#lookedUpFor = id.serverName;
		this.#homeserver = { kind: 'looking' };
		const discovery = await (this.#deps.discover ?? discoverHomeserver)(id, this.#deps.known);
		if (this.#lookedUpFor !== id.serverName) return;
		if (discovery.kind === 'found') {
			this.#homeserver = { kind: 'found', url: discovery.url };
			if (!this.#urlTypedByPerson) this.#homeserverUrl = discovery.url;
		} else {
			if (!this.#urlTypedByPerson && discovery.suggestion !== undefined) this.#homeserverUrl = discovery.suggestion;
			this.#homeserver = { kind: 'ask', reason: discovery.reason, suggested: discovery.suggestion !== undefined };
		}
	}

	async submit(): Promise<void> {
		if (this.busy) return;
		const parsed = parseUserIdInput(this.#userId);
		if (!parsed.ok) return this.#fail({ field: 'userId', problem: parsed.error });
		if (this.#password === '') return this.#fail({ field: 'password', problem: 'empty' });
		this.#stage = 'signing-in';
		try {
			if (!this.#urlTypedByPerson) await this.lookUpHomeserver();
			const url = parseHomeserverUrl(this.#homeserverUrl);
			if (!url.ok) {
				this.#showAddress = true;
				return this.#fail({ field: 'homeserver', problem: url.error });
			}
			const login = this.#deps.login ?? ((request: PasswordLogin) => loginWithPassword(request));
			const credentials = await login({
				homeserverUrl: url.value,
				userId: parsed.value.userId,
				password: this.#password,
				deviceName: this.#deps.deviceName,
			});
			if (!credentials.ok) return this.#fail({ field: 'form', problem: credentials.error });
			const password = this.#password;
			this.#password = '';
			this.#stage = 'starting';
			await this.#deps.signedIn(credentials.value, password);
		} finally {
			this.#stage = 'idle';
		}
	}

	#fail(problem: SignInProblem): void {
		this.#problem = problem;
		if (problem.field !== 'form') return this.#requestFocus(problem.field);
		switch (problem.problem.kind) {
			case 'credentials-rejected':
				return this.#requestFocus('password');
			case 'unreachable':
			case 'not-a-homeserver':
			case 'other-user':
				// The address is the likely culprit: show it, with the problem read out first.
				this.#showAddress = true;
				return this.#requestFocus('problem');
			default:
				return this.#requestFocus('problem');
		}
	}

	#requestFocus(field: Field): void {
		this.#focus = { field, serial: this.#focus.serial + 1 };
	}
}
