import { sql, type Insertable, type Updateable } from 'kysely';
import type { PatientsTable } from '../../platform/db/schema.js';
import { containsPattern } from '../../platform/db/like.js';
import { inTransaction, type Db } from '../../platform/db/tx.js';
import { notFound } from '../../platform/errors.js';

const COLUMNS = [
  'id',
  'mrn',
  'given_name',
  'family_name',
  'preferred_name',
  'pronouns',
  'date_of_birth',
  'sex_assigned_at_birth',
  'gender_identity',
  'phone',
  'email',
  'address',
  'preferred_language',
  'emergency_contact',
  'created_at',
] as const;

const SUMMARY = ['id', 'mrn', 'given_name', 'family_name', 'preferred_name', 'date_of_birth'] as const;
const SEARCH_LIMIT = 25;
/** Trigram word similarity above which a name counts as a match: tolerates a typo or two. */
const NAME_MATCH = 0.3;

const searchName = sql<string>`patient_search_name(given_name, family_name, preferred_name)`;

export const patientsRepo = {
  async get(db: Db, organizationId: string, id: string) {
    const row = await db
      .selectFrom('patients')
      .select(COLUMNS)
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('patient');
    return row;
  },

  /** Hands out the organization's next MRN (serial per organization, under a row lock). */
  async nextMrn(db: Db, organizationId: string): Promise<string> {
    const row = await db
      .insertInto('mrn_counters')
      .values({ organization_id: organizationId, last_value: '1' })
      .onConflict((oc) =>
        oc.column('organization_id').doUpdateSet({ last_value: sql`mrn_counters.last_value + 1` }),
      )
      .returning('last_value')
      .executeTakeFirstOrThrow();
    return row.last_value.padStart(6, '0');
  },

  insert(db: Db, values: Insertable<PatientsTable>) {
    return db.insertInto('patients').values(values).returning(COLUMNS).executeTakeFirstOrThrow();
  },

  async update(db: Db, organizationId: string, id: string, values: Updateable<PatientsTable>) {
    const row = await db
      .updateTable('patients')
      .set({ ...values, updated_at: sql`now()` })
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .returning(COLUMNS)
      .executeTakeFirst();
    if (!row) throw notFound('patient');
    return row;
  },

  /** Same family name, given name and date of birth (case-insensitive): a likely duplicate. */
  findSameNameAndBirth(
    db: Db,
    organizationId: string,
    p: { givenName: string; familyName: string; dateOfBirth: string },
  ) {
    return db
      .selectFrom('patients')
      .select(SUMMARY)
      .where('organization_id', '=', organizationId)
      .where('date_of_birth', '=', p.dateOfBirth)
      .where(sql<boolean>`lower(family_name) = lower(${p.familyName})`)
      .where(sql<boolean>`lower(given_name) = lower(${p.givenName})`)
      .limit(10)
      .execute();
  },

  /**
   * By MRN or date of birth exactly, or by name with typo tolerance, best match first. Name matching
   * uses the trigram index: the word-similarity operator `<%` (threshold set for this transaction
   * only) or a substring match.
   */
  search(db: Db, organizationId: string, q: { mrn?: string; dateOfBirth?: string; name?: string }) {
    return inTransaction(db, async (trx) => {
      let query = trx.selectFrom('patients').select(SUMMARY).where('organization_id', '=', organizationId);
      if (q.mrn !== undefined) query = query.where('mrn', '=', q.mrn);
      if (q.dateOfBirth !== undefined) query = query.where('date_of_birth', '=', q.dateOfBirth);
      if (q.name !== undefined) {
        const name = q.name.toLowerCase();
        await sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(NAME_MATCH)}, true)`.execute(
          trx,
        );
        query = query
          .where((eb) =>
            eb.or([eb(eb.val(name), sql`<%`, searchName), eb(searchName, 'like', containsPattern(name))]),
          )
          .orderBy(sql`word_similarity(${name}, ${searchName})`, 'desc');
      }
      return query.orderBy('family_name').orderBy('given_name').limit(SEARCH_LIMIT).execute();
    });
  },
};

export type PatientRow = Awaited<ReturnType<typeof patientsRepo.get>>;
export type PatientSummaryRow = Awaited<ReturnType<typeof patientsRepo.search>>[number];
