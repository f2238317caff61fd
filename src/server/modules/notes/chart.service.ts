import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { ATTENDANCE_STATUS_LABELS } from '../../../contracts/attendance.js';
import {
  CHART_ENTRY_KINDS,
  NOTE_KIND_LABELS,
  NOTE_STATUS_LABELS,
  type ChartDto,
  type ChartQuery,
  type NoteDto,
} from '../../../contracts/notes.js';
import type { AttendanceStatus } from '../../../domain/attendance/minutes.js';
import { INSTRUMENTS, isInstrumentId } from '../../../domain/instruments/index.js';
import { GROUP_SHARED_SECTIONS, TEMPLATE_LABELS, type NoteTemplate } from '../../../domain/notes/index.js';
import { clinicDateTime, endOfClinicDay, startOfClinicDay } from '../../../domain/time/clinic-day.js';
import type { AuditLog } from '../../platform/audit/audit-log.js';
import { requireRole } from '../../platform/auth/policy.js';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/schema.js';
import { conflict } from '../../platform/errors.js';
import { organizationsRepo, settingsOf } from '../organizations/index.js';
import type { PatientsService } from '../patients/index.js';
import { chartRepo } from './chart.repo.js';
import { notesRepo } from './notes.repo.js';
import { renderNotesPdf, type NotePdfEntry } from './notes.pdf.js';
import { NOTE_ROLES, sectionsOf, type NotesService, type OrgActor } from './notes.service.js';

const PAGE = 100;
type ChartEntry = ChartDto['items'][number];

const titleOf = (n: Pick<NoteDto, 'kind' | 'template'>) =>
  n.template in TEMPLATE_LABELS
    ? `${NOTE_KIND_LABELS[n.kind]} (${TEMPLATE_LABELS[n.template as NoteTemplate]})`
    : NOTE_KIND_LABELS[n.kind];

/** The chart timeline, the medication list, and PDF exports of notes (each audited). */
export function createChartService({
  db,
  audit,
  clock,
  patients,
  notes,
}: {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  patients: PatientsService;
  notes: NotesService;
}) {
  const zoneOf = async (actor: OrgActor) =>
    (await organizationsRepo.getOrganization(db, actor.organizationId)).time_zone;

  function pdfEntry(n: NoteDto, timeZone: string): NotePdfEntry {
    const when = (at: string) => {
      const { date, time } = clinicDateTime(new Date(at), timeZone);
      return `${date} ${time}`;
    };
    const h = n.header;
    const sections = [
      ...(n.shared
        ? GROUP_SHARED_SECTIONS.filter((s) => n.shared?.[s.key]).map((s) => ({
            label: `Group: ${s.label}`,
            text: n.shared![s.key]!,
          }))
        : []),
      ...sectionsOf(n.template)
        .filter((s) => n.body[s.key])
        .map((s) => ({ label: s.label, text: n.body[s.key]! })),
      ...(n.attendees.length > 0
        ? [{ label: 'Attended', text: n.attendees.map((a) => `${a.name} (${a.relationship})`).join(', ') }]
        : []),
      ...(n.medication && n.medication.changes.length > 0
        ? [
            {
              label: 'Medication changes',
              text: n.medication.changes
                .map((c) =>
                  [c.kind.replace('_', ' '), c.name, c.dose, c.reason && `reason: ${c.reason}`]
                    .filter(Boolean)
                    .join(' '),
                )
                .join('\n'),
            },
          ]
        : []),
      ...(n.risk
        ? [
            {
              label: 'Risk check',
              text: n.risk === 'none' ? 'No risk concern.' : `Concern: ${n.riskDetail ?? ''}`,
            },
          ]
        : []),
    ];
    return {
      title: titleOf(n),
      header: [
        { label: 'Patient', value: `${h.patient} (MRN ${h.mrn})` },
        { label: 'Date and time', value: `${h.date} ${h.start}–${h.end} (${h.timeZone})` },
        { label: 'Minutes attended', value: h.minutes === null ? 'Not recorded' : String(h.minutes) },
        { label: 'Service', value: h.serviceLabel },
        { label: 'Suggested code', value: h.suggestedCode?.code ?? 'None' },
        { label: 'Clinician', value: h.clinician },
        { label: 'Location', value: h.location },
      ],
      sections,
      signature:
        n.signedAt && n.signedBy
          ? `Signed by ${n.signedBy} on ${when(n.signedAt)} (SHA-256 ${n.contentSha256})`
          : null,
      cosignature: n.cosignedAt && n.cosigner ? `Co-signed by ${n.cosigner} on ${when(n.cosignedAt)}` : null,
      lateEntry: n.lateEntry,
      addenda: n.addenda.map((a) => ({
        author: a.author,
        at: when(a.createdAt),
        reason: a.reason,
        text: a.text,
      })),
    };
  }

  async function exportPdf(actor: OrgActor, patientId: string, noteIds: readonly string[], range: string) {
    const timeZone = await zoneOf(actor);
    const patient = await patients.assertExists(db, actor, patientId);
    const org = await organizationsRepo.getOrganization(db, actor.organizationId);
    const dtos: NoteDto[] = [];
    for (const id of noteIds)
      dtos.push(await notes.noteDto(db, actor, await notesRepo.get(db, actor.organizationId, id)));
    const part2 = dtos.some((n) => n.part2);
    const now = clinicDateTime(clock.now(), timeZone);
    const pdf = await renderNotesPdf({
      organizationName: org.name,
      patient: {
        name: `${patient.preferred_name ?? patient.given_name} ${patient.family_name}`,
        mrn: patient.mrn,
        dateOfBirth: patient.date_of_birth ?? 'Not recorded',
      },
      range,
      generatedAt: `${now.date} ${now.time} (${timeZone})`,
      generatedBy: (await notesRepo.staff(db, actor.organizationId, [actor.userId]))[0]?.display_name ?? '',
      entries: dtos.map((n) => pdfEntry(n, timeZone)),
      part2Notice: part2 ? settingsOf(org.settings).part2Notice : null,
    });
    await audit.record(db, actor, {
      action: 'export',
      resourceType: 'Note',
      patientId,
      details: { noteIds: [...noteIds], part2, format: 'pdf' },
    });
    return { pdf, filename: `notes-${patient.mrn}-${range.replace(/[^0-9-]+/g, '_')}.pdf` };
  }

  return {
    /** Everything that happened to the patient, newest first; `q` searches inside notes. */
    async chart(actor: OrgActor, patientId: string, query: z.infer<typeof ChartQuery>): Promise<ChartDto> {
      requireRole(actor, ...NOTE_ROLES);
      await patients.assertExists(db, actor, patientId);
      const kinds = new Set(query.q ? ['note'] : (query.kinds?.split(',') ?? CHART_ENTRY_KINDS));
      const timeZone = await zoneOf(actor);
      const before = query.before ? new Date(query.before) : new Date('9999-12-31T00:00:00Z');
      const org = actor.organizationId;
      const [sessions, noteRows, assessments, alerts, meds] = await Promise.all([
        kinds.has('session') ? chartRepo.sessions(db, org, patientId, before, PAGE) : [],
        kinds.has('note') ? chartRepo.notes(db, org, patientId, before, PAGE, query.q) : [],
        kinds.has('assessment') ? chartRepo.assessments(db, org, patientId, before, PAGE) : [],
        kinds.has('alert') ? chartRepo.alerts(db, org, patientId, before, PAGE) : [],
        kinds.has('medication') ? chartRepo.medicationChanges(db, org, patientId, before, PAGE) : [],
      ]);
      const items: ChartEntry[] = [
        ...sessions.map((s) => ({
          kind: 'session' as const,
          at: s.starts_at.toISOString(),
          title: s.title,
          detail: `${ATTENDANCE_STATUS_LABELS[s.status as AttendanceStatus]}${s.minutes > 0 ? `, ${s.minutes} minutes` : ''}`,
          refId: s.session_id,
          status: s.status,
          part2: s.sensitivity?.includes('part2') ?? false,
        })),
        ...noteRows.map((n) => ({
          kind: 'note' as const,
          at: n.session_starts_at.toISOString(),
          title: `${titleOf({ kind: n.kind as NoteDto['kind'], template: n.template as NoteDto['template'] })} · ${n.session_title}`,
          // Another clinician's draft shows as a draft, not its text.
          detail:
            n.status === 'draft' && n.author_id !== actor.userId && !actor.roles.includes('program_director')
              ? null
              : n.content_text.slice(0, 240) || null,
          refId: n.id,
          status: NOTE_STATUS_LABELS[n.status as NoteDto['status']] + (n.late_entry ? ' (late entry)' : ''),
          part2: n.sensitivity.includes('part2'),
        })),
        ...assessments.map((a) => ({
          kind: 'assessment' as const,
          at: a.administered_at.toISOString(),
          title: isInstrumentId(a.instrument_id)
            ? INSTRUMENTS[a.instrument_id].definition.shortName
            : a.instrument_id,
          detail: [a.total !== null && `Total ${a.total}`, a.severity].filter(Boolean).join(', ') || null,
          refId: a.id,
          status: a.positive ? 'positive' : null,
          part2: a.sensitivity.includes('part2'),
        })),
        ...alerts.map((a) => ({
          kind: 'alert' as const,
          at: a.created_at.toISOString(),
          title: 'Safety alert',
          detail: a.reason,
          refId: a.id,
          status: a.status,
          part2: a.sensitivity.includes('part2'),
        })),
        ...meds.map((m) => ({
          kind: 'medication' as const,
          at: startOfClinicDay(m.changed_on, timeZone).toISOString(),
          title: `Medication ${m.kind.replace('_', ' ')}: ${m.name}`,
          detail: [m.dose, m.reason].filter(Boolean).join(' · ') || null,
          refId: m.note_id,
          status: null,
          part2: m.sensitivity.includes('part2'),
        })),
      ]
        .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
        .slice(0, PAGE);
      await audit.record(db, actor, {
        action: 'read',
        resourceType: 'Chart',
        patientId,
        details: { kinds: [...kinds], searched: Boolean(query.q), count: items.length },
      });
      return { items, nextBefore: items.length === PAGE ? items[PAGE - 1]!.at : null };
    },

    async medications(actor: OrgActor, patientId: string) {
      requireRole(actor, ...NOTE_ROLES);
      await patients.assertExists(db, actor, patientId);
      const rows = await notesRepo.activeMedications(db, actor.organizationId, patientId);
      await audit.record(db, actor, { action: 'read', resourceType: 'MedicationList', patientId });
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        dose: r.dose,
        route: r.route,
        frequency: r.frequency,
        since: r.since,
      }));
    },

    async exportNote(actor: OrgActor, noteId: string) {
      requireRole(actor, ...NOTE_ROLES);
      const note = await notesRepo.get(db, actor.organizationId, noteId);
      if (note.status === 'draft') throw conflict('Only signed notes are exported.');
      const timeZone = await zoneOf(actor);
      return exportPdf(
        actor,
        note.patient_id,
        [noteId],
        `Note of ${clinicDateTime(note.session_starts_at, timeZone).date}`,
      );
    },

    /** Signed (and co-signature pending) notes of sessions on clinic-local dates from..to. */
    async exportRange(actor: OrgActor, patientId: string, from: string, to: string) {
      requireRole(actor, ...NOTE_ROLES);
      await patients.assertExists(db, actor, patientId);
      const timeZone = await zoneOf(actor);
      const ids = await chartRepo.signedNotesBetween(
        db,
        actor.organizationId,
        patientId,
        startOfClinicDay(from, timeZone),
        endOfClinicDay(to, timeZone),
      );
      return exportPdf(actor, patientId, ids, `Notes from ${from} to ${to}`);
    },
  };
}

export type ChartService = ReturnType<typeof createChartService>;
