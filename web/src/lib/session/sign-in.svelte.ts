// View model of the sign-in form: Matrix ID and password. The homeserver is
// the deployment's own address for the ID's server, which must be one of
// the deployment's member homeservers (matrix/member-homeserver.ts); any
// other server is refused here, before a request leaves the browser. It
// checks what was typed, logs in, and hands the new credentials on; every
// refusal is a value the form shows next to the field it concerns.
import { sameOriginClientUrl } from '../homeserver/same-origin.ts';
import { loginWithPassword, type Credentials, type LoginProblem, type PasswordLogin } from '../matrix/login.ts';
import { parseUserIdInput, type MatrixIdProblem } from '../matrix/matrix-id.ts';
import { memberHomeserverFor, type MemberHomeserver, type MemberProblem } from '../matrix/member-homeserver.ts';
import type { Result } from '#policies/result.ts';

export type SignInProblem =
	| { readonly field: 'userId'; readonly problem: MatrixIdProblem | MemberProblem }
	| { readonly field: 'password'; readonly problem: 'empty' }
	| { readonly field: 'form'; readonly problem: LoginProblem };

export type Field = 'userId' | 'password' | 'problem';

export interface SignInDeps {
	/** The deployment's member homeservers: the only ones anyone signs in to here. */
	readonly members: readonly MemberHomeserver[];
	/** What to do with the credentials (start the session); resolves when done. */
	readonly signedIn: (credentials: Credentials, password: string) => Promise<void>;
	readonly deviceName: string;
	readonly login?: (login: PasswordLogin) => Promise<Result<Credentials, LoginProblem>>;
}

export class SignInForm {
	readonly #deps: SignInDeps;
	#userId = $state('');
	#password = $state('');
	#problem = $state<SignInProblem | undefined>();
	#stage = $state<'idle' | 'signing-in' | 'starting'>('idle');
	/** Incremented to ask the view to move focus (the view owns the DOM). */
	#focus = $state<{ readonly field: Field; readonly serial: number }>({ field: 'userId', serial: 0 });

	constructor(deps: SignInDeps) {
		this.#deps = deps;
	}

	/** The server names anyone can sign in with here, for the form to say. */
	get members(): readonly string[] {
		return this.#deps.members.map((homeserver) => homeserver.serverName);
	}

	get userId(): string {
		return this.#userId;
	}
	set userId(value: string) {
		this.#userId = value;
		if (this.#problem?.field === 'userId') this.#problem = undefined;
	}

	get password(): string {
		return this.#password;
	}
	set password(value: string) {
		this.#password = value;
		if (this.#problem?.field === 'password') this.#problem = undefined;
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

	/** On leaving the Matrix ID field: says at once when its server is not one this deployment signs in to. */
	checkServer(): void {
		const parsed = parseUserIdInput(this.#userId);
		if (!parsed.ok) return;
		const member = memberHomeserverFor(parsed.value.serverName, this.#deps.members);
		if (!member.ok) this.#problem = { field: 'userId', problem: member.error };
	}

	async submit(): Promise<void> {
		if (this.busy) return;
		const parsed = parseUserIdInput(this.#userId);
		if (!parsed.ok) return this.#fail({ field: 'userId', problem: parsed.error });
		const member = memberHomeserverFor(parsed.value.serverName, this.#deps.members);
		if (!member.ok) return this.#fail({ field: 'userId', problem: member.error });
		if (this.#password === '') return this.#fail({ field: 'password', problem: 'empty' });
		this.#stage = 'signing-in';
		try {
			const login = this.#deps.login ?? ((request: PasswordLogin) => loginWithPassword(request));
			const credentials = await login({
				// Through the app's own server, same-origin (homeserver/same-origin.ts).
				homeserverUrl: sameOriginClientUrl(member.value.serverName),
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
		return this.#requestFocus(problem.problem.kind === 'credentials-rejected' ? 'password' : 'problem');
	}

	#requestFocus(field: Field): void {
		this.#focus = { field, serial: this.#focus.serial + 1 };
	}
}
