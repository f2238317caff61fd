import { z } from 'zod';

/** An IANA time-zone name such as America/New_York. */
export const TimeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return tz.includes('/') || tz === 'UTC';
    } catch {
      return false;
    }
  },
  { error: 'Use an IANA time zone such as America/New_York.' },
);

export const LocationDto = z.object({
  id: z.uuid(),
  name: z.string(),
  timeZone: z.string(),
  address: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type LocationDto = z.infer<typeof LocationDto>;

export const CreateLocationBody = z.object({
  name: z.string().trim().min(1).max(200),
  timeZone: TimeZone,
  address: z.string().trim().max(500).nullable().optional(),
});
export const UpdateLocationBody = CreateLocationBody.partial().strict();

export const RoomDto = z.object({
  id: z.uuid(),
  locationId: z.uuid(),
  name: z.string(),
  capacity: z.number().int(),
  telehealth: z.boolean(),
});
export type RoomDto = z.infer<typeof RoomDto>;

export const CreateRoomBody = z.object({
  name: z.string().trim().min(1).max(120),
  capacity: z.number().int().min(1).max(500),
  telehealth: z.boolean().default(false),
});
