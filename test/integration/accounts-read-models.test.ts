import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/core/auth/actor.js';
import {
  addOrganisation,
  findOrganisationById,
  findUserContactByEmail,
  listAllOrganisations,
  listUserContacts,
  memberUserIds,
  organisationSlugTaken,
  organisationsByIds,
  updateOrganisationProfile,
  userDisplayNames,
  userIdsWithRole,
} from '../../src/contexts/accounts/index.js';
import { createUser } from '../../src/contexts/accounts/use-cases/create-user.js';
import { createTestContext, dialect, type TestContext } from '../support/test-app.js';

// The read models and use cases accounts offers other contexts (so that none of them queries accounts_* tables).

let t: TestContext;
const PASSWORD = 'read models password 123';
let ana = '';
let bo = '';

beforeAll(async () => {
  t = await createTestContext();
  ana = (await createUser(t.services, system(), { email: 'Ana@Read.kr', displayName: '아나', password: PASSWORD, role: 'reviewer' })).id;
  bo = (await createUser(t.services, system(), { email: 'bo@read.kr', displayName: 'Bo', password: PASSWORD, role: 'citizen' })).id;
});
afterAll(() => t.close());

describe(`accounts' read models (${dialect})`, () => {
  it('gives display names and contacts by id, leaving out ids with no account, never the password hash', async () => {
    const db = t.services.db;
    expect(await userDisplayNames(db, [ana, bo, ana, 'no-such-user'])).toEqual(
      new Map([
        [ana, '아나'],
        [bo, 'Bo'],
      ]),
    );
    expect(await userDisplayNames(db, [])).toEqual(new Map());
    const contacts = await listUserContacts(db, [bo]);
    expect(contacts).toEqual([{ id: bo, email: 'bo@read.kr', display_name: 'Bo', locale: 'ko' }]);
    expect(await findUserContactByEmail(db, '  ANA@read.kr ')).toMatchObject({ id: ana, email: 'ana@read.kr' });
    expect(await findUserContactByEmail(db, 'nobody@read.kr')).toBeUndefined();
    expect(await userIdsWithRole(db, 'reviewer')).toContain(ana);
    expect(await userIdsWithRole(db, 'reviewer')).not.toContain(bo);
  });

  it('adds an organisation inside the caller transaction with its creator as admin, and keeps its names in step', async () => {
    const db = t.services.db;
    const actor = { ...system(), kind: 'user' as const, user: { id: bo, email: 'bo@read.kr', displayName: 'Bo', role: 'citizen' as const, memberships: [] } };
    const at = '2026-12-06T03:00:00.000Z';
    const org = await db.transaction().execute((tx) =>
      addOrganisation(tx, actor, {
        slug: 'read-model-startup',
        type: 'startup',
        nameKo: '읽기',
        nameEn: 'Read',
        descriptionKo: null,
        descriptionEn: null,
        website: null,
        at,
      }),
    );
    expect(await organisationSlugTaken(db, 'read-model-startup')).toBe(true);
    expect(await memberUserIds(db, org.id)).toEqual([bo]);
    expect(await memberUserIds(db, [])).toEqual([]);
    await expect(
      db.transaction().execute((tx) =>
        addOrganisation(tx, actor, {
          slug: 'read-model-startup',
          type: 'startup',
          nameKo: '둘',
          nameEn: null,
          descriptionKo: null,
          descriptionEn: null,
          website: null,
          at,
        }),
      ),
    ).rejects.toMatchObject({ code: 'organisation.slug_taken', status: 409 });
    await db
      .transaction()
      .execute((tx) => updateOrganisationProfile(tx, { organisationId: org.id, nameKo: '읽기2', nameEn: null, website: 'https://read.kr', at }));
    expect(await findOrganisationById(db, org.id)).toMatchObject({ name_ko: '읽기2', name_en: null, website: 'https://read.kr', updated_at: at });
  });

  it('lists organisations by ids (each once, by slug) and of some types', async () => {
    const db = t.services.db;
    const all = await listAllOrganisations(db);
    const two = all.slice(0, 2);
    const found = await organisationsByIds(db, [two[1]!.id, two[0]!.id, two[1]!.id, 'missing']);
    expect(found.map((o) => o.id)).toEqual([two[0]!.id, two[1]!.id]);
    expect(await organisationsByIds(db, [])).toEqual([]);
    const departments = await listAllOrganisations(db, ['city_department']);
    expect(departments.length).toBeGreaterThan(0);
    expect(departments.every((o) => o.type === 'city_department')).toBe(true);
  });
});
