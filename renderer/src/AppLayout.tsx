/** The application frame: header with the office and user menu, navigation, the current section. */
import { AppShell, Burger, Group, Menu, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { ROLE_LABELS } from '../../core/api/schemas';
import { api } from './api';
import { AuditScreen } from './admin/AuditScreen';
import { CalendarScreen } from './admin/CalendarScreen';
import { CatalogueScreen } from './admin/CatalogueScreen';
import { OfficeScreen } from './admin/OfficeScreen';
import { SessionsScreen } from './admin/SessionsScreen';
import { UsersScreen } from './admin/UsersScreen';
import { navigate, useRoute } from './router';
import { ChangePasswordModal } from './screens/ChangePasswordModal';
import { NotYetScreen } from './screens/NotYetScreen';
import { ReferenceScreen } from './screens/ReferenceScreen';
import { useSession } from './session';
import { ErrorState } from './ui/ErrorState';
import { ExchangeScreen } from './exchange/ExchangeScreen';
import { PortalQueue } from './exchange/PortalQueue';
import { CaseScreen } from './reception/CaseScreen';
import { CasesScreen } from './reception/CasesScreen';
import { DeadlinesScreen } from './reception/DeadlinesScreen';
import { IntakeScreen } from './reception/IntakeScreen';
import { JournalScreen } from './reception/JournalScreen';
import { PersonScreen } from './reception/PersonScreen';
import { QuickSearch } from './reception/QuickSearch';

interface Section {
  path: string;
  label: string;
  hotkey: string;
  admin?: boolean;
}

const SECTIONS: Section[] = [
  { path: '/journal', label: 'Журнал', hotkey: '1' },
  { path: '/cases', label: 'Дела', hotkey: '2' },
  { path: '/deadlines', label: 'Сроки', hotkey: '3' },
  { path: '/reference', label: 'Справочники', hotkey: '4' },
  { path: '/exchange', label: 'Обмен', hotkey: '5' },
  { path: '/admin', label: 'Администрирование', hotkey: '6', admin: true },
];

const ADMIN_PAGES = [
  { path: '/admin/office', label: 'Учреждение' },
  { path: '/admin/users', label: 'Пользователи' },
  { path: '/admin/calendar', label: 'Производственный календарь' },
  { path: '/admin/audit', label: 'Журнал аудита' },
  { path: '/admin/sessions', label: 'Сеансы и подключение' },
];

/** Pages listed under «Справочники». */
const REFERENCE_PAGES = [{ path: '/catalogue', label: 'Услуги и поставщики' }];

function Screen({ path, query }: { path: string; query: string }) {
  const { hasRole } = useSession();
  if (path.startsWith('/admin') && !hasRole('admin')) {
    return <ErrorState message="Раздел доступен только администратору." />;
  }
  const item = /^\/(cases|persons)\/(\d+)$/.exec(path);
  if (item) {
    const id = Number(item[2]);
    return item[1] === 'cases' ? <CaseScreen key={id} id={id} /> : <PersonScreen key={id} id={id} />;
  }
  switch (path) {
    case '/intake': {
      const portal = Number(new URLSearchParams(query).get('portal'));
      const portalId = Number.isInteger(portal) && portal > 0 ? portal : undefined;
      return <IntakeScreen key={portalId ?? 'new'} portalApplicationId={portalId} />;
    }
    case '/journal':
      return (
        <>
          {hasRole('reception', 'specialist') && <PortalQueue />}
          <JournalScreen />
        </>
      );
    case '/cases':
      return <CasesScreen />;
    case '/deadlines':
      return <DeadlinesScreen />;
    case '/exchange':
      return <ExchangeScreen />;
    case '/reference':
      return <ReferenceScreen />;
    case '/catalogue':
      return <CatalogueScreen />;
    case '/admin':
    case '/admin/office':
      return <OfficeScreen />;
    case '/admin/users':
      return <UsersScreen />;
    case '/admin/calendar':
      return <CalendarScreen />;
    case '/admin/audit':
      return <AuditScreen />;
    case '/admin/sessions':
      return <SessionsScreen />;
    default:
      return <NotYetScreen title="Страница не найдена" />;
  }
}

export function AppLayout() {
  const { session, setSession, hasRole } = useSession();
  const [opened, { toggle }] = useDisclosure();
  const [pwdOpened, pwd] = useDisclosure(false);
  const route = useRoute();
  // '#/intake?portal=5': the part after '?' is passed to the screen, not matched.
  const [routePath, query = ''] = route.split('?') as [string, string?];
  const path = routePath === '/' || routePath === '' ? '/journal' : routePath;
  const sections = SECTIONS.filter((s) => !s.admin || hasRole('admin'));

  useHotkeys(sections.map((s) => [`alt+${s.hotkey}`, () => navigate(s.path)]));

  const logout = async () => {
    await api['auth.logout']({}).catch(() => undefined);
    setSession(null);
  };

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Меню" />
            <Text fw={700}>Socdesk</Text>
            <Text size="sm" c="dimmed" truncate maw={{ base: 160, lg: 360, xl: 560 }}>
              {session.office.name}
            </Text>
          </Group>
          <QuickSearch />
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
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Разделы">
        <ScrollArea>
          {sections.map((s) =>
            s.admin ? (
              <NavLink key={s.path} label={s.label} description={`Alt+${s.hotkey}`} defaultOpened childrenOffset={12}>
                {ADMIN_PAGES.map((p) => (
                  <NavLink key={p.path} href={`#${p.path}`} label={p.label} active={path === p.path || (p.path === '/admin/office' && path === '/admin')} />
                ))}
              </NavLink>
            ) : s.path === '/reference' ? (
              <NavLink
                key={s.path}
                href={`#${s.path}`}
                label={s.label}
                description={`Alt+${s.hotkey}`}
                active={path === s.path}
                opened
                childrenOffset={12}
                rightSection={null}
                onClick={() => navigate(s.path)}
              >
                {REFERENCE_PAGES.map((p) => (
                  <NavLink key={p.path} href={`#${p.path}`} label={p.label} active={path === p.path} />
                ))}
              </NavLink>
            ) : (
              <NavLink
                key={s.path}
                href={`#${s.path}`}
                label={s.label}
                description={`Alt+${s.hotkey}`}
                active={path === s.path || path.startsWith(s.path + '/')}
              />
            ),
          )}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Screen path={path} query={query} />
      </AppShell.Main>
      <ChangePasswordModal opened={pwdOpened} onClose={pwd.close} />
    </AppShell>
  );
}
