/** The HTTP route groups, in order; a new group (for example change notifications) is one more line. */
import type { RouteGroup } from '../http-server';
import { apiRoutes } from './api';
import { staticRoutes } from './static';

export const ROUTE_GROUPS: RouteGroup[] = [apiRoutes, staticRoutes];
