/** Signing in and out, who I am, and my sessions on every device. */
import { api } from './api-client';
import type { DeviceSession, Language, Me, User } from './types';

export const authApi = {
  signIn: (email: string, password: string) =>
    api.post<{ user: User }>('/api/auth/sign-in', { email, password }, { anonymous: true }),
  signOut: () => api.post<void>('/api/auth/sign-out', {}, { anonymous: true }),
  me: () => api.get<Me>('/api/me'),
  updateMe: (patch: { name?: string; language?: Language }) => api.patch<{ user: User }>('/api/me', patch),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>('/api/me/password', { currentPassword, newPassword }),
  sessions: () => api.get<DeviceSession[]>('/api/me/sessions'),
  endSession: (id: string) => api.delete(`/api/me/sessions/${encodeURIComponent(id)}`)
};
