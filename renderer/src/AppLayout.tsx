/** The application frame: header with the office and user menu, navigation, the current screen (the router's outlet). */
import { AppShell, Badge, Burger, Group, Menu, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import type { Out } from '../../core/api/contract';
import { ROLE_LABELS, type Role } from '../../core/api/schemas';
import { NotificationsMenu, useCounts } from './control/NotificationsMenu';
import { useApiMutation } from './data/queries';
import { ChangePasswordModal } from './screens/ChangePasswordModal';
import { useSession } from './session';
import { QuickSearch } from './reception/QuickSearch';
import { BackupWarning } from './admin/BackupWarning';
import { ConnectionBanner } from './ui/ConnectionBanner';
import { NavLinkLink } from './ui/links';
import { StaleDialog } from './ui/stale';
import { UnsavedChangesGuard } from './ui/unsaved';

type SectionPath = '/control' | '/signoff' | '/my' | '/complaints' | '/reviews' | '/journal' | '/cases' | '/deadlines' | '/reference' | '/exchange' | '/admin/office';
type Counts = Out<'notifications.counts'>;

interface Section {
  path: SectionPath;
  label: string;
  /** Alt+this opens the section (none: only by the link). */
  hotkey?: string;
  /** The path prefix of the section's pages. */
  prefix: string;
  admin?: boolean;
  /** Only for these roles. */
  roles?: Role[];
  /** The count on its badge, and what it means. */
  badge?: (c: Counts) => { n: number; color: string; title: string } | null;
}

const SECTIONS: Section[] = [
  { path: '/control', prefix: '/control', label: 'Контроль', hotkey: '7', roles: ['head'] },
  {
    path: '/signoff',
    prefix: '/signoff',
    label: 'На подпись',
    hotkey: '8',
    roles: ['head'],
    badge: (c) => ({ n: c.awaitingMySignature, color: 'grape', title: 'Ждут вашей подписи' }),
  },
  {
    path: '/my',
    prefix: '/my',
    label: 'Мои дела',
    hotkey: '9',
    roles: ['specialist'],
    badge: (c) =>
      c.mineOverdue
        ? { n: c.mineOverdue, color: 'red', title: 'Просрочено' }
        : c.returnedToMe
          ? { n: c.returnedToMe, color: 'orange', title: 'Возвращено на доработку' }
          : { n: c.mineDueToday, color: 'orange', title: 'Срок сегодня' },
  },
  { path: '/journal', prefix: '/journal', label: 'Журнал', hotkey: '1' },
  { path: '/cases', prefix: '/cases', label: 'Дела', hotkey: '2' },
  { path: '/deadlines', prefix: '/deadlines', label: 'Сроки', hotkey: '3' },
  { path: '/reference', prefix: '/reference', label: 'Справочники', hotkey: '4' },
  { path: '/exchange', prefix: '/exchange', label: 'Обмен', hotkey: '5', roles: ['admin', 'exchange'] },
  {
    path: '/complaints',
    prefix: '/complaints',
    label: 'Жалобы',
    hotkey: '0',
    roles: ['reception', 'specialist', 'head'],
    badge: (c) => ({ n: c.complaintsDue, color: 'red', title: 'Жалобы: срок истёк или сегодня' }),
  },
  { path: '/reviews', prefix: '/reviews', label: 'Пересмотр ИППСУ', roles: ['specialist', 'head'] },
  { path: '/admin/office', prefix: '/admin', label: 'Администрирование', hotkey: '6', admin: true },
];

const ADMIN_PAGES = [
  { path: '/admin/office', label: 'Учреждение' },
  { path: '/admin/users', label: 'Пользователи' },
  { path: '/admin/calendar', label: 'Производственный календарь' },
  { path: '/admin/audit', label: 'Журнал аудита' },
  { path: '/admin/sessions', label: 'Сеансы и подключение' },
  { path: '/admin/terms', label: 'Сроки регламента' },
  { path: '/admin/backups', label: 'Резервные копии' },
  { path: '/admin/log', label: 'Журнал программы' },
] as const;

/** Pages listed under «Справочники». */
const REFERENCE_PAGES = [{ path: '/catalogue', label: 'Услуги и поставщики' }] as const;

export function AppLayout() {
  const { session, setSession, hasRole } = useSession();
  const [opened, { toggle }] = useDisclosure();
  const [pwdOpened, pwd] = useDisclosure(false);
  const path = useRouterState({ select: (s) => s.location.pathname });
  const navigate = useNavigate();
  const sections = SECTIONS.filter((s) => (!s.admin || hasRole('admin')) && (!s.roles || hasRole(...s.roles)));
  const counts = useCounts();
  const badgeOf = (s: Section) => {
    const b = counts && s.badge?.(counts);
    return b && b.n > 0 ? (
      <Badge size="sm" circle={b.n < 10} color={b.color} title={b.title} aria-label={`${b.title}: ${b.n}`} data-testid={`badge-${s.path.slice(1)}`}>
        {b.n}
      </Badge>
    ) : null;
  };

  // Alt+digit opens a section; the router asks first when the screen has unsaved changes.
  useHotkeys(sections.filter((s) => s.hotkey).map((s) => [`alt+${s.hotkey}`, () => void navigate({ to: s.path })]));
  // Alt+N opens a new intake from every screen, also while typing in a field (the intake itself uses it for «Новое заявление» after registering).
  const canRegister = hasRole('reception', 'specialist');
  useHotkeys(canRegister && path !== '/intake' ? [['alt+n', () => void navigate({ to: '/intake' }), { usePhysicalKeys: true }]] : [], []);

  const signOut = useApiMutation('auth.logout');
  const logout = async () => {
    await signOut.mutateAsync({}).catch(() => undefined);
    setSession(null);
  };

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Меню" />
            <Text fw={700}>Socdesk</Text>
            <Text size="xs" c="dimmed" lh={1.25} lineClamp={2} maw={{ base: 160, lg: 380, xl: 560 }} title={session.office.name} data-testid="office-name">
              {session.office.name}
            </Text>
          </Group>
          <QuickSearch />
          <Group gap="sm" wrap="nowrap">
            <NotificationsMenu />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label="Меню пользователя" data-testid="user-menu">
                  <Text size="sm" fw={500}>
                    {session.user.fullName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {session.user.roles.map((r) => ROLE_LABELS[r]).join(', ')}
                  </Text>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{session.user.position}</Menu.Label>
                <Menu.Item onClick={pwd.open}>Сменить пароль</Menu.Item>
                <Menu.Item color="red" onClick={logout}>
                  Выйти
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Разделы">
        <ScrollArea>
          {sections.map((s) =>
            s.admin ? (
              <NavLink key={s.path} label={s.label} description={`Alt+${s.hotkey}`} defaultOpened childrenOffset={12}>
                {ADMIN_PAGES.map((p) => (
                  <NavLinkLink key={p.path} to={p.path} label={p.label} active={path === p.path} />
                ))}
              </NavLink>
            ) : s.path === '/reference' ? (
              <NavLinkLink key={s.path} to={s.path} label={s.label} description={`Alt+${s.hotkey}`} active={path === s.path} opened childrenOffset={12} rightSection={null}>
                {REFERENCE_PAGES.map((p) => (
                  <NavLinkLink key={p.path} to={p.path} label={p.label} active={path === p.path} />
                ))}
              </NavLinkLink>
            ) : (
              <NavLinkLink
                key={s.path}
                to={s.path}
                label={s.label}
                description={s.hotkey ? `Alt+${s.hotkey}` : undefined}
                rightSection={badgeOf(s)}
                active={path === s.prefix || path.startsWith(s.prefix + '/')}
              />
            ),
          )}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <ConnectionBanner />
        {hasRole('admin') && <BackupWarning />}
        <Outlet />
      </AppShell.Main>
      <ChangePasswordModal opened={pwdOpened} onClose={pwd.close} />
      <UnsavedChangesGuard />
      <StaleDialog />
    </AppShell>
  );
}
