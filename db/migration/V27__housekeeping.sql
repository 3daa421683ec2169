-- Housekeeping (issue 18, items 5 and 6; docs/decisions/0027-deleting-shows-and-archiving-artists.md): deleting a
-- show is for owners and admins, as deleting an advance is (V15); artists can be archived.

-- 1. Who deletes a show ----------------------------------------------------------------------------------------
-- A show takes its advances, schedule items, crew assignments, guest list, promoter grants and open invitations with
-- it (their foreign keys cascade, as they always did); its library files and contact commissions stay, without the
-- show (SET NULL). Editors create and change shows; only owners and admins of a live organization delete them, the
-- same helper that decides OrgPermission.DELETE_SHOWS and the advances' delete policy.
DROP POLICY shows_delete ON shows;
CREATE POLICY shows_delete ON shows FOR DELETE USING (can_manage_org(org_id));

-- 2. Archived artists --------------------------------------------------------------------------------------------
-- An archived artist leaves pickers and the default artist list; their shows, files and history stay. The column is
-- covered by the table's existing grants and policies: whoever may change an artist may archive it.
ALTER TABLE artists ADD COLUMN archived_at timestamptz;
