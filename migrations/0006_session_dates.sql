-- Calendars ask for sessions by clinic-local date (a clinician's day on Today, a week of a room
-- or track); without this index that read scans every session the organization ever had.
CREATE INDEX sessions_local_date ON sessions (organization_id, local_date);
