import type { MembershipRole, OrganisationType, PlatformRole } from '../../../core/auth/actor.js';

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  role: PlatformRole;
  locale: string;
  created_at: string;
  updated_at: string;
}
export interface OrganisationRow {
  id: string;
  slug: string;
  type: OrganisationType;
  name_ko: string | null;
  name_en: string | null;
  description_ko: string | null;
  description_en: string | null;
  website: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembershipRow {
  organisation_id: string;
  user_id: string;
  role: MembershipRole;
  created_at: string;
}

declare module '../../../core/db/types.js' {
  interface Database {
    accounts_user: UserRow;
    accounts_organisation: OrganisationRow;
    accounts_membership: MembershipRow;
    accounts_session: { id_hash: string; user_id: string; created_at: string; expires_at: string };
    accounts_password_reset: { token_hash: string; user_id: string; created_at: string; expires_at: string; used_at: string | null };
    accounts_notification: { id: string; user_id: string; at: string; title_ko: string; title_en: string; url: string; read_at: string | null };
    accounts_api_key: {
      id: string;
      user_id: string;
      name: string;
      prefix: string;
      key_hash: string;
      created_at: string;
      revoked_at: string | null;
      last_used_at: string | null;
    };
  }
}
