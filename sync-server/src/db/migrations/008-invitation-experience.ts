// An invitation says whether the people it brings in are experienced or learning, as it says
// their role and participation; accepting gives the membership that experience. Invitations made
// before this version bring people in as 'learning', the membership default they always had.
import type { Migration } from '../migrations';

export const invitationExperience: Migration = {
  version: 8,
  name: 'invitation experience',
  up(db) {
    db.exec(`
      ALTER TABLE invitations ADD COLUMN experience TEXT NOT NULL DEFAULT 'learning'
        CHECK (experience IN ('experienced', 'learning'));
    `);
  }
};
