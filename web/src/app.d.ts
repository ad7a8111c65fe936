// Ambient types SvelteKit looks for: what the request hook puts in locals
// (the server session and its user, from the session cookie; see
// lib/server/sessions/handle.ts), and what an expected error carries.
declare global {
	namespace App {
		interface Error {
			message: string;
			/** Why a page refused, for the error page to explain ("register-refused"). */
			reason?: string;
			/** The authority whose page was refused, by name. */
			authority?: string | undefined;
		}
		interface Locals {
			/** The validated session of this request's cookie, if any; confirm() re-checks it with the homeserver now (exports). */
			session:
				| {
						readonly id: string;
						readonly expiresAt: number;
						readonly confirm: () => Promise<import('./lib/server/sessions/handle.ts').SessionConfirmation>;
				  }
				| undefined;
			/** The signed-in user and their roster roles, when there is a session. */
			user: import('./lib/server/sessions/user.ts').SessionUser | undefined;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
