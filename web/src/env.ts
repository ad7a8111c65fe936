// The environment the web server reads at start (Kit 3's explicit env
// declaration; values come through $app/env/private, server side only).
import { defineEnvVars } from '@sveltejs/kit/env';

export const variables = defineEnvVars({
	ROGATORY_FEDERATION: {
		description:
			'Path of the federation description (JSON: profile, homeservers[{id, serverName, clientUrl}]) that the local federation writes to .data/<profile>/federation.json. When unset the app still starts and says so on its pages.',
		schema: (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value),
	},
	ROGATORY_WEB_DATA: {
		description:
			"Directory for the web server's own data (the session database, sessions.sqlite). When unset, web/ beside the federation file (.data/<profile>/web/).",
		schema: (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value),
	},
});
