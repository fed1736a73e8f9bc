// The ordered list of every migration Atelier has shipped (one file each, numbered).
import type { Migration } from '../migrations';
import { accounts } from './001-accounts';
import { documents } from './002-documents';
import { files } from './003-files';
import { publishing } from './004-publishing';
import { protocolIdentity } from './005-protocol-identity';
import { invitationExperience } from './008-invitation-experience';
import { venueDevices } from './010-venue-devices';
import { venueHub } from './011-venue-hub';

export const MIGRATIONS: readonly Migration[] = [accounts, documents, files, publishing, protocolIdentity, invitationExperience, venueDevices, venueHub];
