/**
 * The screens and their addresses (TanStack Router, hash history: the same
 * in Electron's file:// page and in the browser). Every screen has a typed
 * route; the case and person cards take their id, the intake form an online
 * application to pre-fill from.
 */
import { createHashHistory, createRootRoute, createRoute, createRouter, Navigate, notFound, redirect } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { AppLayout } from './AppLayout';
import { AuditScreen } from './admin/AuditScreen';
import { BackupsScreen } from './admin/BackupsScreen';
import { ProgramLogScreen } from './admin/ProgramLogScreen';
import { SessionsScreen } from './admin/SessionsScreen';
import { CalendarScreen } from './admin/CalendarScreen';
import { CatalogueScreen } from './admin/CatalogueScreen';
import { OfficeScreen } from './admin/OfficeScreen';
import { UsersScreen } from './admin/UsersScreen';
import { ComplaintFormScreen, ComplaintScreen, ComplaintsScreen, parseComplaintFilter } from './control/ComplaintsScreen';
import { DashboardScreen } from './control/DashboardScreen';
import { FigureListScreen, parseFigureFilter } from './control/FigureListScreen';
import { homeOf } from './control/home';
import { MyCasesScreen } from './control/MyCasesScreen';
import { ReviewsScreen } from './control/ReviewsScreen';
import { SignoffScreen } from './control/SignoffScreen';
import { TermsScreen } from './control/TermsScreen';
import { ExchangeScreen } from './exchange/ExchangeScreen';
import { PortalQueue } from './exchange/PortalQueue';
import { CaseScreen } from './reception/CaseScreen';
import { CasesScreen } from './reception/CasesScreen';
import { DeadlinesScreen } from './reception/DeadlinesScreen';
import { IntakeScreen } from './reception/IntakeScreen';
import { JournalScreen } from './reception/JournalScreen';
import { PersonScreen } from './reception/PersonScreen';
import { NotYetScreen } from './screens/NotYetScreen';
import { ReferenceScreen } from './screens/ReferenceScreen';
import type { Role } from '../../core/api/schemas';
import { useSession } from './session';
import { ErrorState } from './ui/ErrorState';

const rootRoute = createRootRoute({
  component: AppLayout,
  notFoundComponent: () => <NotYetScreen title="Страница не найдена" />,
});

function AdminOnly({ children }: { children: ReactNode }) {
  const { hasRole } = useSession();
  return hasRole('admin') ? children : <ErrorState message="Раздел доступен только администратору." />;
}

/** A screen for some roles; others are told whose it is. */
function RolesOnly({ roles, message, children }: { roles: Role[]; message: string; children: ReactNode }) {
  const { hasRole } = useSession();
  return hasRole(...roles) ? children : <ErrorState message={message} />;
}
const HEAD_ONLY = 'Раздел доступен руководителю.';

/** «/»: the signed-in user's home. */
function HomeRedirect() {
  const { session } = useSession();
  return <Navigate to={homeOf(session.user.roles)} replace />;
}

function JournalPage() {
  const { hasRole } = useSession();
  return (
    <>
      {hasRole('reception', 'specialist') && <PortalQueue />}
      <JournalScreen />
    </>
  );
}

/** A positive whole-number id from the address, or «not found». */
const idParam = {
  parse: (p: { id: string }) => {
    if (!/^\d{1,12}$/.test(p.id) || Number(p.id) === 0) throw notFound();
    return { id: Number(p.id) };
  },
  stringify: (p: { id: number }) => ({ id: String(p.id) }),
};

const indexRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: HomeRedirect });
const myRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/my',
  component: () => (
    <RolesOnly roles={['specialist', 'head']} message="Раздел доступен специалисту.">
      <MyCasesScreen />
    </RolesOnly>
  ),
});
const signoffRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/signoff',
  component: () => (
    <RolesOnly roles={['head']} message={HEAD_ONLY}>
      <SignoffScreen />
    </RolesOnly>
  ),
});
const controlRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/control',
  component: () => (
    <RolesOnly roles={['head']} message={HEAD_ONLY}>
      <DashboardScreen />
    </RolesOnly>
  ),
});
const controlListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/control/list',
  validateSearch: (s: Record<string, unknown>): { f?: string; t?: string } => ({
    ...(typeof s.f === 'string' ? { f: s.f } : {}),
    ...(typeof s.t === 'string' ? { t: s.t.slice(0, 200) } : {}),
  }),
  component: function ControlListRoute() {
    const { f, t } = controlListRoute.useSearch();
    return <FigureListScreen key={f} filter={parseFigureFilter(f)} title={t ?? ''} />;
  },
});
const complaintsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/complaints',
  validateSearch: (s: Record<string, unknown>): { f?: string } => (typeof s.f === 'string' ? { f: s.f } : {}),
  component: function ComplaintsRoute() {
    const { f } = complaintsRoute.useSearch();
    return (
      <RolesOnly roles={['reception', 'specialist', 'head']} message="Раздел доступен сотрудникам управления.">
        <ComplaintsScreen key={f ?? ''} preset={parseComplaintFilter(f)} />
      </RolesOnly>
    );
  },
});
const complaintNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/complaints/new',
  component: () => (
    <RolesOnly roles={['reception', 'specialist', 'head']} message="Раздел доступен сотрудникам управления.">
      <ComplaintFormScreen />
    </RolesOnly>
  ),
});
const complaintRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/complaints/$id',
  params: idParam,
  component: function ComplaintRoute() {
    const { id } = complaintRoute.useParams();
    return <ComplaintScreen key={id} id={id} />;
  },
});
const reviewsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reviews',
  component: () => (
    <RolesOnly roles={['specialist', 'head']} message="Раздел доступен специалисту и руководителю.">
      <ReviewsScreen />
    </RolesOnly>
  ),
});
const journalRoute = createRoute({ getParentRoute: () => rootRoute, path: '/journal', component: JournalPage });
const casesRoute = createRoute({ getParentRoute: () => rootRoute, path: '/cases', component: CasesScreen });
const caseRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cases/$id',
  params: idParam,
  component: function CaseRoute() {
    const { id } = caseRoute.useParams();
    return <CaseScreen key={id} id={id} />;
  },
});
const personRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/persons/$id',
  params: idParam,
  component: function PersonRoute() {
    const { id } = personRoute.useParams();
    return <PersonScreen key={id} id={id} />;
  },
});
const intakeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/intake',
  validateSearch: (s: Record<string, unknown>): { portal?: number; review?: number } => {
    const portal = Number(s.portal);
    const review = Number(s.review);
    return Number.isInteger(portal) && portal > 0 ? { portal } : Number.isInteger(review) && review > 0 ? { review } : {};
  },
  component: function IntakeRoute() {
    const { portal, review } = intakeRoute.useSearch();
    return <IntakeScreen key={portal ? `p${portal}` : review ? `r${review}` : 'new'} portalApplicationId={portal} reviewOfDecisionId={review} />;
  },
});
const deadlinesRoute = createRoute({ getParentRoute: () => rootRoute, path: '/deadlines', component: DeadlinesScreen });
const referenceRoute = createRoute({ getParentRoute: () => rootRoute, path: '/reference', component: ReferenceScreen });
const catalogueRoute = createRoute({ getParentRoute: () => rootRoute, path: '/catalogue', component: CatalogueScreen });
const exchangeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/exchange', component: ExchangeScreen });
const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin',
  beforeLoad: ({ location }) => {
    if (location.pathname === '/admin' || location.pathname === '/admin/') throw redirect({ to: '/admin/office', replace: true });
  },
});
const adminPage = <P extends string>(path: P, Screen: () => ReactNode) =>
  createRoute({
    getParentRoute: () => adminRoute,
    path,
    component: () => (
      <AdminOnly>
        <Screen />
      </AdminOnly>
    ),
  });

const routeTree = rootRoute.addChildren([
  indexRoute,
  myRoute,
  signoffRoute,
  controlRoute,
  controlListRoute,
  complaintsRoute,
  complaintNewRoute,
  complaintRoute,
  reviewsRoute,
  journalRoute,
  casesRoute,
  caseRoute,
  personRoute,
  intakeRoute,
  deadlinesRoute,
  referenceRoute,
  catalogueRoute,
  exchangeRoute,
  adminRoute.addChildren([adminPage('office', OfficeScreen), adminPage('users', UsersScreen), adminPage('calendar', CalendarScreen), adminPage('audit', AuditScreen), adminPage('sessions', SessionsScreen), adminPage('terms', TermsScreen), adminPage('backups', BackupsScreen), adminPage('log', ProgramLogScreen)]),
]);

export const router = createRouter({ routeTree, history: createHashHistory(), defaultPreload: false, scrollRestoration: false });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
