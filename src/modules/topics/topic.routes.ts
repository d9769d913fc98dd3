import type { RequestHandler } from 'express';
import { actingUser } from '../../auth/current-user.js';
import type { RouteDef } from '../../http/routes.js';
import { createTopic, updateTopic } from './topic.admin.js';
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

export const topicRoutes: RouteDef[] = [
  { method: 'get', path: '/topics', access: 'user', api: true, summary: 'List the active topics', handlers: [listTopicsJson] },
  { method: 'post', path: '/topics', access: 'admin', api: true, summary: 'Add a topic (admins)', handlers: [createTopicJson] },
  { method: 'patch', path: '/topics/:code', access: 'admin', api: true, summary: 'Rename or retire a topic (admins)', handlers: [updateTopicJson] },
];
