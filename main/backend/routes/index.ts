/** The HTTP route groups, in order; a new group is one more line. */
import type { RouteGroup } from '../http-server';
import { apiRoutes } from './api';
import { changeRoutes } from './changes';
import { staticRoutes } from './static';

export const ROUTE_GROUPS: RouteGroup[] = [changeRoutes, apiRoutes, staticRoutes];
