// Ambient types SvelteKit looks for; nothing app-specific yet (sessions come
// with sign-in).
declare global {
	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
