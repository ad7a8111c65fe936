// What the register refused, as a CSV download (see lib/server/register/export-response.ts).
import { exportResponse } from '../../../../lib/server/register/export-response.ts';
import { logRegisterProblem, openAuthorityRegister } from '../../../../lib/server/register/server.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => exportResponse(locals.user, 'refused-csv', openAuthorityRegister, logRegisterProblem);
