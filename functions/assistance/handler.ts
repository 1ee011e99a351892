import { createHttpHandler } from '#shared/http/handler';
import { idempotency } from '#shared/http/idempotency';
import { assistanceRoutes } from './routes.ts';
import * as assistance from './service.ts';

export const handler = createHttpHandler({
  concern: assistanceRoutes,
  idempotency,
  operations: {
    openAssistedCase: ({ body, caller, deps }) => assistance.openAssistedCase(body, caller, deps),
    listAssistedCases: ({ query, caller }) => assistance.listAssistedCases(query, caller),
    getAssistedCase: ({ params, caller }) => assistance.viewCase(params.id, caller),
    assignTask: ({ params, body, caller, deps }) => assistance.assignTask(params.id, body, caller, deps),
    acceptTask: ({ params, caller, deps }) => assistance.acceptTask(params.id, params.taskId, caller, deps),
    returnTask: ({ params, body, caller, deps }) => assistance.returnTask(params.id, params.taskId, body, caller, deps),
    completeTask: ({ params, body, caller, deps }) => assistance.completeTask(params.id, params.taskId, body, caller, deps),
    scheduleMeeting: ({ params, body, caller, deps }) => assistance.scheduleMeeting(params.id, body, caller, deps),
    recordMinutes: ({ params, body, caller, deps }) => assistance.recordMinutes(params.id, params.meetingId, body, caller, deps),
    fileCaseApplication: ({ params, body, caller, deps }) => assistance.fileForCase(params.id, body, caller, deps),
    closeAssistedCase: ({ params, body, caller, deps }) => assistance.closeAssistedCase(params.id, body, caller, deps),
  },
});
