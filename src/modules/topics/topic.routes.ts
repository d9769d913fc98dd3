import type { RequestHandler } from 'express';
import type { RouteDef } from '../../http/routes.js';
import { listTopics } from './topic.service.js';

/** The managed topic list, for API clients that fill the `topics` field of visits, practices, lessons. */
const listTopicsJson: RequestHandler = async (_req, res) => {
  const topics = await listTopics();
  res.json({ data: topics.map(({ code, name, nameEn }) => ({ code, name, nameEn })) });
};

export const topicRoutes: RouteDef[] = [
  { method: 'get', path: '/topics', access: 'user', api: true, summary: 'List the managed topics', handlers: [listTopicsJson] },
];
