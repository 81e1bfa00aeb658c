import fs from 'node:fs/promises';
import path from 'node:path';
import { system } from '../../../core/auth/actor.js';
import { hashPassword, newToken } from '../../../core/auth/secrets.js';
import type { Seed } from '../../../core/context.js';
import type { OrganisationType } from '../../../core/auth/actor.js';
import { createOrganisation } from '../use-cases/create-organisation.js';
import { createUser } from '../use-cases/create-user.js';
import { findUserByEmail } from '../store/user.repository.js';

/**
 * Organisations named in Seoul's OGP action plan 2018–2020 (seed/ogp/seoul-ogp-action-plan-2018-2020.txt):
 * the responsible divisions and the other actors of each commitment. Korean names are given only where
 * they are certain; officials fill in the rest (pages show the English meanwhile).
 */
const ORGANISATIONS: Array<{ slug: string; type: OrganisationType; nameKo: string | null; nameEn: string; descriptionEn: string }> = [
  {
    slug: 'smg-gis-division',
    type: 'city_department',
    nameKo: null,
    nameEn: 'GIS Division, Seoul Metropolitan Government',
    descriptionEn: 'Responsible for commitment 1: subway transfer maps for the transportation vulnerable.',
  },
  {
    slug: 'smg-data-statistics-division',
    type: 'city_department',
    nameKo: null,
    nameEn: 'Data & Statistics Division, Seoul Metropolitan Government',
    descriptionEn: "Responsible for commitment 2: citizens' digital literacy and everyday civic hacking.",
  },
  {
    slug: 'smg-information-planning-division',
    type: 'city_department',
    nameKo: null,
    nameEn: 'Information Planning Division, Seoul Metropolitan Government',
    descriptionEn: 'Responsible for commitment 3: youth startups in the field of smart cities.',
  },
  {
    slug: 'seoul-metro',
    type: 'transit_operator',
    nameKo: '서울교통공사',
    nameEn: 'Seoul Metro',
    descriptionEn: 'Operator of Seoul subway lines; its official app is to carry the transfer maps (commitment 1).',
  },
  {
    slug: 'muui',
    type: 'ngo',
    nameKo: '무의',
    nameEn: 'Muui',
    descriptionEn: 'Civil society organisation that made subway transfer maps for 33 stations (commitment 1).',
  },
  { slug: 'open-net', type: 'ngo', nameKo: '오픈넷', nameEn: 'Open Net', descriptionEn: 'Civil society actor of commitment 2.' },
  { slug: 'code', type: 'ngo', nameKo: null, nameEn: 'C.O.D.E', descriptionEn: 'Civil society actor of commitment 2.' },
  ...['Airblack', 'Widebrain', 'Doodler', 'Smart&Play', 'Merry KING'].map((name) => ({
    slug: name.toLowerCase().replace(/[^a-z]+/g, '-'),
    type: 'startup' as const,
    nameKo: null,
    nameEn: name,
    descriptionEn: 'Youth startup named as an actor of commitment 3.',
  })),
];

export const demoOrganisationsSeed: Seed = {
  name: 'accounts.organisations-from-action-plan',
  async run(services) {
    for (const o of ORGANISATIONS) await createOrganisation(services, system(), { ...o, descriptionKo: null });
  },
};

/**
 * A first admin for a fresh demo install; its password is written to <dataDir>/admin-credentials.txt before the
 * seed's transaction commits (so a committed admin always has its file). Resumable: an admin left without a file
 * by an older version gets a fresh password written.
 */
export const demoAdminSeed: Seed = {
  name: 'accounts.demo-admin',
  demo: true,
  async run(services) {
    const email = 'admin@open-seoul.local';
    const password = process.env.OPEN_SEOUL_ADMIN_PASSWORD || newToken().slice(0, 20);
    const existing = await findUserByEmail(services.db, email);
    if (existing)
      await services.db
        .updateTable('accounts_user')
        .set({ password_hash: await hashPassword(password) })
        .where('id', '=', existing.id)
        .execute();
    else await createUser(services, system(), { email, displayName: 'Open Seoul admin', password, role: 'admin' });
    const file = path.join(services.config.dataDir, 'admin-credentials.txt');
    await writeFileDurably(file, `email: ${email}\npassword: ${password}\n`);
    services.log.info(
      { file },
      existing ? 'demo admin account had no credentials file; a new password was written to it' : 'demo admin account created; credentials written to file',
    );
  },
};

async function writeFileDurably(file: string, content: string) {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await fs.open(temp, 'w', 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temp, file);
}
