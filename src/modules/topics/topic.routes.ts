import type { RequestHandler } from 'express';
import { actingUser } from '../../auth/current-user.js';
import type { RouteDef } from '../../http/routes.js';
import { createTopic, newTopicSchema, topicChangeSchema, updateTopic } from './topic.admin.js';
import {
  ADMIN_TOPICS_PATH as BASE,
  createAction,
  listPage,
  newPage,
  reactivateAction,
  renameAction,
  renamePage,
  retireAction,
} from './topic.pages.js';
import { listTopics } from './topic.service.js';

/** The managed topic list, for API clients that fill the `topics` field of visits, practices, lessons. */
const listTopicsJson: RequestHandler = async (_req, res) => {
  const topics = await listTopics();
  res.json({ data: topics.map(({ code, name, nameEn }) => ({ code, name, nameEn })) });
};

const createTopicJson: RequestHandler = async (req, res) => {
  res.status(201).json({ data: await createTopic(actingUser(req), req.body) });
};

const updateTopicJson: RequestHandler = async (req, res) => {
  res.json({ data: await updateTopic(actingUser(req), String(req.params.code), req.body) });
};

/** Admin pages for the topic list and the topic API. */
export const topicRoutes: RouteDef[] = [
  { method: 'get', path: BASE, access: 'admin', summary: 'List topics with their use', handlers: [listPage] },
  { method: 'get', path: `${BASE}/baru`, access: 'admin', summary: 'New topic form', handlers: [newPage] },
  { method: 'post', path: BASE, access: 'admin', summary: 'Add a topic', handlers: [createAction] },
  { method: 'get', path: `${BASE}/:code/ubah`, access: 'admin', summary: 'Rename topic form', handlers: [renamePage] },
  { method: 'post', path: `${BASE}/:code`, access: 'admin', summary: 'Rename a topic', handlers: [renameAction] },
  { method: 'post', path: `${BASE}/:code/pensiunkan`, access: 'admin', summary: 'Retire a topic', handlers: [retireAction] },
  { method: 'post', path: `${BASE}/:code/aktifkan`, access: 'admin', summary: 'Reactivate a topic', handlers: [reactivateAction] },
  { method: 'get', path: '/topics', access: 'user', api: true, summary: 'List the active topics', handlers: [listTopicsJson] },
  { method: 'post', path: '/topics', access: 'admin', api: true, summary: 'Add a topic (admins)', handlers: [createTopicJson], openapi: { body: newTopicSchema } },
  { method: 'patch', path: '/topics/:code', access: 'admin', api: true, summary: 'Rename or retire a topic (admins)', handlers: [updateTopicJson], openapi: { body: topicChangeSchema } },
];
