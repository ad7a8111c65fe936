// Where the web server keeps its own data (the session database): the folder
// ROGATORY_WEB_DATA names, else `web/` beside the federation file
// (.data/<profile>/web), so each profile's web server has its own sessions.
import { dirname, join, resolve } from 'node:path';

export const SESSION_DATABASE = 'sessions.sqlite';

export function webDataFolder(webData: string | undefined, federationFile: string | undefined): string | undefined {
	if (webData !== undefined && webData.trim() !== '') return resolve(webData);
	if (federationFile === undefined) return undefined;
	return join(dirname(resolve(federationFile)), 'web');
}

export function sessionDatabasePath(webData: string | undefined, federationFile: string | undefined): string | undefined {
	const folder = webDataFolder(webData, federationFile);
	return folder === undefined ? undefined : join(folder, SESSION_DATABASE);
}
