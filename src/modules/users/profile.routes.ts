import type { RouteDef } from '../../http/routes.js';
import { PROFILE_PATH, changePasswordAction, showPage, updateAction } from './profile.pages.js';

/** Every signed-in user's own profile; the service only ever acts on the acting user's account. */
export const profileRoutes: RouteDef[] = [
  { method: 'get', path: PROFILE_PATH, access: 'user', summary: 'Own profile', handlers: [showPage] },
  { method: 'post', path: PROFILE_PATH, access: 'user', summary: 'Update own name and position', handlers: [updateAction] },
  { method: 'post', path: `${PROFILE_PATH}/kata-sandi`, access: 'user', summary: 'Change own password', handlers: [changePasswordAction] },
];
