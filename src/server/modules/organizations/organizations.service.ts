import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { UpdateOrganizationBody } from '../../../contracts/identity.js';
import type {
  CreateLocationBody,
  CreateRoomBody,
  UpdateLocationBody,
} from '../../../contracts/organizations.js';
import { systemActor, type Actor, type AuditLog } from '../../platform/audit/audit-log.js';
import { requireRole } from '../../platform/auth/policy.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { DB } from '../../platform/db/schema.js';
import { conflict } from '../../platform/errors.js';
import { toLocationDto, toOrganizationDto, toRoomDto } from './organizations.dto.js';
import { organizationsRepo as repo } from './organizations.repo.js';

type OrgActor = Actor & { organizationId: string };

export interface NewOrganization {
  name: string;
  timeZone: string;
  settings?: { mfaRequiredForStaff?: boolean };
  location: { name: string; address?: string | null };
}

export function createOrganizationsService({ db, audit }: { db: Kysely<DB>; audit: AuditLog }) {
  const uniqueName = async <T>(what: string, write: () => Promise<T>) => {
    try {
      return await write();
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(`A ${what} with that name already exists.`, 'name');
      throw err;
    }
  };

  const insertRoom = (actor: OrgActor, locationId: string, body: z.infer<typeof CreateRoomBody>) =>
    db.transaction().execute(async (trx) => {
      await repo.getLocation(trx, actor.organizationId, locationId);
      const row = await uniqueName('room', () =>
        repo.insertRoom(trx, { organization_id: actor.organizationId, location_id: locationId, ...body }),
      );
      await audit.record(trx, actor, { action: 'create', resourceType: 'Room', resourceId: row.id });
      return toRoomDto(row);
    });

  return {
    /** Creates a tenant with its first location. Used by provisioning (CLI, demo data), not by any route. */
    provision: (input: NewOrganization) =>
      db.transaction().execute(async (trx) => {
        const org = await repo.insertOrganization(trx, {
          name: input.name,
          timeZone: input.timeZone,
          settings: { mfaRequiredForStaff: false, ...input.settings },
        });
        const location = await repo.insertLocation(trx, {
          organization_id: org.id,
          name: input.location.name,
          time_zone: input.timeZone,
          address: input.location.address ?? null,
        });
        const system = systemActor(org.id);
        await audit.record(trx, system, {
          action: 'create',
          resourceType: 'Organization',
          resourceId: org.id,
        });
        await audit.record(trx, system, {
          action: 'create',
          resourceType: 'Location',
          resourceId: location.id,
        });
        return { organization: toOrganizationDto(org), location: toLocationDto(location) };
      }),

    async getOrganization(actor: OrgActor) {
      return toOrganizationDto(await repo.getOrganization(db, actor.organizationId));
    },

    updateOrganization: (
      actor: OrgActor,
      body: z.infer<typeof UpdateOrganizationBody>,
      actorHasMfa: boolean,
    ) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, 'admin');
        // Requiring MFA of everyone while the admin has none would lock the admin into enrollment.
        if (body.settings?.mfaRequiredForStaff && !actorHasMfa)
          throw conflict(
            'Set up multi-factor authentication for your own account before requiring it of all staff.',
            'settings.mfaRequiredForStaff',
          );
        // Locked, so two admins changing different settings at once do not lose either change.
        const current = await repo.getOrganization(trx, actor.organizationId, { forUpdate: true });
        const settings = body.settings ? { ...current.settings, ...body.settings } : undefined;
        const updated = await repo.updateOrganization(trx, actor.organizationId, {
          name: body.name,
          settings,
        });
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'Organization',
          resourceId: actor.organizationId,
          details: { fields: Object.keys(body) },
        });
        return toOrganizationDto(updated);
      }),

    async listLocations(actor: OrgActor) {
      return (await repo.listLocations(db, actor.organizationId)).map(toLocationDto);
    },

    createLocation: (actor: OrgActor, body: z.infer<typeof CreateLocationBody>) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, 'admin');
        const row = await uniqueName('location', () =>
          repo.insertLocation(trx, {
            organization_id: actor.organizationId,
            name: body.name,
            time_zone: body.timeZone,
            address: body.address ?? null,
          }),
        );
        await audit.record(trx, actor, { action: 'create', resourceType: 'Location', resourceId: row.id });
        return toLocationDto(row);
      }),

    updateLocation: (actor: OrgActor, id: string, body: z.infer<typeof UpdateLocationBody>) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, 'admin');
        const row = await uniqueName('location', () =>
          repo.updateLocation(trx, actor.organizationId, id, {
            name: body.name,
            time_zone: body.timeZone,
            address: body.address,
          }),
        );
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'Location',
          resourceId: id,
          details: { fields: Object.keys(body) },
        });
        return toLocationDto(row);
      }),

    async listRooms(actor: OrgActor, locationId: string) {
      await repo.getLocation(db, actor.organizationId, locationId);
      return (await repo.listRooms(db, actor.organizationId, locationId)).map(toRoomDto);
    },

    createRoom(actor: OrgActor, locationId: string, body: z.infer<typeof CreateRoomBody>) {
      requireRole(actor, 'admin');
      return insertRoom(actor, locationId, body);
    },

    /** Adds a room with no signed-in actor: provisioning and demo data. */
    provisionRoom: (organizationId: string, locationId: string, room: z.infer<typeof CreateRoomBody>) =>
      insertRoom(systemActor(organizationId), locationId, room),
  };
}

export type OrganizationsService = ReturnType<typeof createOrganizationsService>;
