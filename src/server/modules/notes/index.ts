export { createChartService, type ChartService } from './chart.service.js';
export { notesRoutes } from './notes.routes.js';
export { createNotesService, type NotesService } from './notes.service.js';
export { renderNotesPdf } from './notes.pdf.js';
