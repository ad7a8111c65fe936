// What the register refused, as a CSV download (see lib/server/register/export-response.ts),
// only once the user's homeserver has confirmed the session just now (lib/server/sessions/confirmed-export.ts).
import { exportResponse } from '#lib/server/register/export-response.ts';
import { logRegisterProblem, openAuthorityRegister } from '#lib/server/register/server.ts';
import { confirmedExport } from '#lib/server/sessions/confirmed-export.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) =>
	confirmedExport(locals.session, () => exportResponse(locals.user, 'refused-csv', openAuthorityRegister, logRegisterProblem));
