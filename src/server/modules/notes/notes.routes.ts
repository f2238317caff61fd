import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.js';
import {
  AddendumBody,
  ChartDto,
  ChartQuery,
  CreateNoteBody,
  GroupNoteDto,
  MedicationDto,
  NoteDto,
  NoteQueueDto,
  NotesExportQuery,
  SaveGroupNoteBody,
  SaveNoteBody,
  SignGroupNoteBody,
  SignNoteBody,
} from '../../../contracts/notes.js';
import { actorOf } from '../../platform/auth/hook.js';
import type { ChartService } from './chart.service.js';
import type { NotesService } from './notes.service.js';

const tags = ['notes'];
const params = IdParams;
const note = { 200: NoteDto };
const group = { 200: GroupNoteDto };

function sendPdf(
  reply: { header: (k: string, v: string) => unknown; send: (b: Buffer) => unknown },
  file: { pdf: Buffer; filename: string },
) {
  reply.header('Content-Type', 'application/pdf');
  reply.header('Content-Disposition', `attachment; filename="${file.filename}"`);
  reply.header('Cache-Control', 'no-store');
  return reply.send(file.pdf);
}

export const notesRoutes =
  (notes: NotesService, chart: ChartService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/sessions/:id/group-note',
      {
        schema: {
          tags,
          summary: 'The group note: shared part, each member’s section, missing parts and similarity flags',
          params,
          response: group,
        },
      },
      (req) => notes.groupNote(actorOf(req), req.params.id),
    );
    app.put(
      '/sessions/:id/group-note',
      {
        schema: {
          tags,
          summary: 'Save the group note’s draft (autosave); text already written is never dropped',
          params,
          body: SaveGroupNoteBody,
          response: group,
        },
      },
      (req) => notes.saveGroupNote(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/sessions/:id/group-note/sign',
      {
        schema: {
          tags,
          summary: 'Sign members’ notes (each gets the shared part); 409 similar_notes unless confirmed',
          params,
          body: SignGroupNoteBody,
          response: group,
        },
      },
      (req) => notes.signGroupNote(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/sessions/:id/notes',
      {
        schema: {
          tags,
          summary: 'Open the note of an appointment for a patient (the existing one, or a new draft)',
          params,
          body: CreateNoteBody,
          response: { 200: NoteDto, 201: NoteDto },
        },
      },
      async (req, reply) => {
        const { created, note: dto } = await notes.open(actorOf(req), req.params.id, req.body);
        return reply.status(created ? 201 : 200).send(dto);
      },
    );
    app.get(
      '/notes/queue',
      {
        schema: {
          tags,
          summary: 'Notes to write, my drafts, notes to co-sign',
          response: { 200: NoteQueueDto },
        },
      },
      (req) => notes.queue(actorOf(req)),
    );
    app.get(
      '/notes/:id',
      { schema: { tags, summary: 'A note with its header, signature and addenda', params, response: note } },
      (req) => notes.get(actorOf(req), req.params.id),
    );
    app.put(
      '/notes/:id',
      {
        schema: {
          tags,
          summary: 'Save a draft (autosave); a signed note never changes',
          params,
          body: SaveNoteBody,
          response: note,
        },
      },
      (req) => notes.save(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/notes/:id/sign',
      {
        schema: {
          tags,
          summary: 'Sign with the attestation; locks the note',
          params,
          body: SignNoteBody,
          response: note,
        },
      },
      (req) => notes.sign(actorOf(req), req.params.id),
    );
    app.post(
      '/notes/:id/cosign',
      {
        schema: {
          tags,
          summary: 'Co-sign a supervised clinician’s note (the supervisor)',
          params,
          body: SignNoteBody,
          response: note,
        },
      },
      (req) => notes.cosign(actorOf(req), req.params.id),
    );
    app.post(
      '/notes/:id/addenda',
      {
        schema: {
          tags,
          summary: 'Add an addendum to a signed note',
          params,
          body: AddendumBody,
          response: { 201: NoteDto },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await notes.addAddendum(actorOf(req), req.params.id, req.body)),
    );
    app.get(
      '/notes/:id/pdf',
      { schema: { tags, summary: 'The note as PDF (audited export; Part 2 notice when labelled)', params } },
      async (req, reply) => sendPdf(reply, await chart.exportNote(actorOf(req), req.params.id)),
    );
    app.get(
      '/patients/:id/notes/pdf',
      {
        schema: {
          tags,
          summary: 'Signed notes of a date range as PDF (audited export; Part 2 notice when labelled)',
          params,
          querystring: NotesExportQuery,
        },
      },
      async (req, reply) =>
        sendPdf(reply, await chart.exportRange(actorOf(req), req.params.id, req.query.from, req.query.to)),
    );
    app.get(
      '/patients/:id/chart',
      {
        schema: {
          tags,
          summary: 'The chart timeline: sessions, notes, assessments, alerts, medication changes',
          params,
          querystring: ChartQuery,
          response: { 200: ChartDto },
        },
      },
      (req) => chart.chart(actorOf(req), req.params.id, req.query),
    );
    app.get(
      '/patients/:id/medications',
      {
        schema: {
          tags,
          summary: 'The active medication list, kept from signed medication-management notes',
          params,
          response: { 200: z.object({ items: z.array(MedicationDto) }) },
        },
      },
      async (req) => ({ items: await chart.medications(actorOf(req), req.params.id) }),
    );
  };
