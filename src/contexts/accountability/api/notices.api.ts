import { Type } from '@sinclair/typebox';
import type { App, Services } from '../../../core/context.js';
import { requireUser } from '../../../core/http/request-context.js';
import { Body, errorResponses, LocalizedSchema } from '../../../core/http/schemas.js';
import { ITEM_NOTICES } from '../domain/notice-kinds.js';
import { listNoticePreferences } from '../use-cases/list-notice-preferences.js';
import { setNoticePreferences } from '../use-cases/set-notice-preferences.js';

const tags = ['accountability'];
const Choice = Type.Object({ inApp: Type.Optional(Type.Boolean()), byMail: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
const Preferences = Type.Array(Type.Object({ notice: Type.String(), name: LocalizedSchema, inApp: Type.Boolean(), byMail: Type.Boolean() }));

/** Each signed-in reader's choice of the notices they get, per kind of event and per channel. */
export function registerNoticeApi(app: App, services: Services) {
  app.get(
    '/api/v1/accountability/notice-preferences',
    {
      schema: {
        tags,
        security: [{ apiKey: [] }],
        summary: 'Which kinds of item events reach you in the app and by mail',
        response: { 200: Preferences, ...errorResponses(401) },
      },
    },
    async (request) => {
      requireUser(request);
      return listNoticePreferences(services, request.actor);
    },
  );

  app.put(
    '/api/v1/accountability/notice-preferences',
    {
      schema: {
        tags,
        security: [{ apiKey: [] }],
        summary: 'Choose, per kind of item event, whether it reaches you in the app and by mail (kinds left out keep their choice)',
        body: Body({ choices: Type.Record(Type.String({ maxLength: 40 }), Choice, { description: `Kinds: ${ITEM_NOTICES.join(', ')}` }) }),
        response: { 200: Preferences, ...errorResponses(400, 401, 422) },
      },
    },
    async (request) => {
      requireUser(request);
      await setNoticePreferences(services, request.actor, { choices: request.body.choices });
      return listNoticePreferences(services, request.actor);
    },
  );
}
