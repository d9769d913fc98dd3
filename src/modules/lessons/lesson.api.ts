import type { RequestHandler } from 'express';
import { actingUser } from '../../auth/current-user.js';
import { pageJson } from '../agencies/list-query.js';
import { lessonJson } from './lesson.presenter.js';
import { listLessons } from './lesson.queries.js';
import { createLesson, deleteLesson, purgeLesson, getLesson, restoreLesson, updateLesson } from './lesson.service.js';

/** JSON handlers under /api/v1/lessons. */

export const listLessonsJson: RequestHandler = async (req, res) => {
  const result = await listLessons(actingUser(req), req.query);
  res.json(pageJson(result, lessonJson));
};

export const getLessonJson: RequestHandler = async (req, res) => {
  res.json({ data: lessonJson(await getLesson(actingUser(req), String(req.params.id))) });
};

export const createLessonJson: RequestHandler = async (req, res) => {
  res.status(201).json({ data: lessonJson(await createLesson(actingUser(req), req.body)) });
};

export const updateLessonJson: RequestHandler = async (req, res) => {
  res.json({ data: lessonJson(await updateLesson(actingUser(req), String(req.params.id), req.body)) });
};

/** Soft delete; `?permanent=true` deletes for good with the files (admins only). */
export const deleteLessonJson: RequestHandler = async (req, res) => {
  const id = String(req.params.id);
  await (req.query.permanent === 'true' ? purgeLesson(actingUser(req), id) : deleteLesson(actingUser(req), id));
  res.status(204).end();
};

export const restoreLessonJson: RequestHandler = async (req, res) => {
  res.json({ data: lessonJson(await restoreLesson(actingUser(req), String(req.params.id))) });
};
