import type { RequestHandler, Response } from 'express';
import type { ActingUser } from '../../auth/acting-user.js';
import { actingUser } from '../../auth/current-user.js';
import { ValidationError, type FieldErrors } from '../../http/errors.js';
import { setFlash } from '../../http/flash.js';
import { agencyShortNames } from '../agencies/agency.lookup.js';
import { submittedForm } from '../agencies/form-values.js';
import { changeOwnPassword, getOwnProfile, updateOwnProfile } from './profile.service.js';
import { presentUser } from './user.presenter.js';

/** The signed-in user's own page (/profil): details, name/position form, password form. */

export const PROFILE_PATH = '/profil';
const PROFILE_FIELDS = ['name', 'position'] as const;

interface ProfileState {
  profileForm?: Record<(typeof PROFILE_FIELDS)[number], string>;
  profileErrors?: FieldErrors;
  passwordErrors?: FieldErrors;
}

async function renderProfile(res: Response, actor: ActingUser, state: ProfileState = {}, status = 200): Promise<void> {
  const user = await getOwnProfile(actor);
  const names = await agencyShortNames([user.agencyId]);
  const profile = presentUser(user, names.get(user.agencyId) ?? '');
  res.status(status).render('profile/show', {
    profile,
    profileForm: state.profileForm ?? { name: profile.name, position: profile.position },
    profileErrors: state.profileErrors ?? {},
    passwordErrors: state.passwordErrors ?? {},
  });
}

export const showPage: RequestHandler = async (req, res) => {
  await renderProfile(res, actingUser(req));
};

export const updateAction: RequestHandler = async (req, res) => {
  const actor = actingUser(req);
  try {
    await updateOwnProfile(actor, req.body);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const profileForm = submittedForm(req.body, PROFILE_FIELDS);
    await renderProfile(res, actor, { profileForm, profileErrors: error.details ?? {} }, 422);
    return;
  }
  setFlash(req, 'success', 'profile:flash.updated');
  res.redirect(303, PROFILE_PATH);
};

export const changePasswordAction: RequestHandler = async (req, res) => {
  const actor = actingUser(req);
  try {
    await changeOwnPassword(actor, req.body);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    await renderProfile(res, actor, { passwordErrors: error.details ?? {} }, 422);
    return;
  }
  setFlash(req, 'success', 'profile:flash.password_changed');
  res.redirect(303, PROFILE_PATH);
};
