// The register's downloads (CSV, JSON) as HTTP answers, under the same access
// rule as the pages: 401 without a server session, 403 for anyone but the
// authority's officers and administrators, 404 while the bridge has written no
// register, 503 when it cannot be read.
import type { AuthorityId } from '#policies/roster/types.ts';
import { registerAccess } from './access.ts';
import type { RegisterOpening, ExportFormat } from './types.ts';
import type { SessionUser } from '../sessions/user.ts';

const TYPES: Record<ExportFormat, string> = {
	csv: 'text/csv; charset=utf-8',
	'refused-csv': 'text/csv; charset=utf-8',
	json: 'application/json; charset=utf-8',
};
const NAMES: Record<ExportFormat, string> = { csv: 'register', 'refused-csv': 'refused', json: 'register' };
const EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', 'refused-csv': 'csv', json: 'json' };

const plain = (status: number, text: string) =>
	new Response(`${text}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

export function exportResponse(
	user: SessionUser | undefined,
	format: ExportFormat,
	open: (authorityId: AuthorityId) => RegisterOpening,
	log: (message: string) => void,
	now: Date = new Date(),
): Response {
	const access = registerAccess(user);
	if (access.kind === 'no-session') return plain(401, 'Sign in first.');
	if (access.kind === 'refused')
		return plain(403, 'Only the central-authority officers and administrators of an authority may read its register.');
	const opening = open(access.authority.id);
	if (opening.kind === 'missing') return plain(404, 'The bridge has not written a register yet.');
	if (opening.kind === 'unreadable') {
		log(opening.detail);
		return plain(503, 'The register cannot be read at the moment.');
	}
	try {
		const body = opening.source.exported(format);
		if (!body.ok) {
			log(body.error);
			return plain(503, 'The register cannot be read at the moment.');
		}
		const name = `${NAMES[format]}-${access.authority.id}-${now.toISOString().slice(0, 10)}.${EXTENSIONS[format]}`;
		return new Response(body.value, {
			headers: { 'Content-Type': TYPES[format], 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' },
		});
	} finally {
		opening.source.close();
	}
}
