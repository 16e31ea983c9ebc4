import {
  ActionIcon,
  AppShell,
  Avatar,
  Burger,
  Group,
  Menu,
  NavLink,
  Text,
  Tooltip,
  UnstyledButton,
  useComputedColorScheme,
  useMantineColorScheme,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure, useHotkeys, useOs } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { Suspense, useRef } from 'react';
import { Link, NavLink as RouterNavLink, Outlet } from 'react-router';
import { useMe, useSession } from '../auth/SessionProvider';
import { LoadingRows } from '../common/states';
import { QuickSearch } from '../search/QuickSearch';
import { useArrivalNotifications } from './arrivals';
import { MoonIcon, SunIcon } from './icons';
import { PAGES } from './pages';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
}

function ThemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const next = computed === 'dark' ? 'light' : 'dark';
  return (
    <Tooltip label={`Switch to ${next} theme`}>
      <ActionIcon variant="default" size="lg" aria-label={`Switch to ${next} theme`} onClick={() => setColorScheme(next)}>
        {computed === 'dark' ? <SunIcon /> : <MoonIcon />}
      </ActionIcon>
    </Tooltip>
  );
}

function SearchBox() {
  const input = useRef<HTMLInputElement>(null);
  const os = useOs();
  const shortcut = os === 'macos' || os === 'ios' ? '⌘ K' : 'Ctrl K';
  useHotkeys([['mod+K', () => input.current?.focus()]], []);
  return <QuickSearch inputRef={input} shortcut={shortcut} />;
}

function UserMenu() {
  const me = useMe();
  const { signOut, signOutEverywhere } = useSession();

  function run(action: () => Promise<void>) {
    action().catch(() =>
      notifications.show({ color: 'yellow', message: 'You are signed out here; the server could not be told.' }),
    );
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`Account of ${me.displayName ?? me.email}`}>
          <Avatar radius="xl" color="brand" size={34}>
            {initials(me.displayName ?? me.email ?? '?')}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {me.displayName}
          </Text>
          <Text size="xs">
            {me.email} · {me.tenant}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/profile">
          Your profile and password
        </Menu.Item>
        <Menu.Item onClick={() => run(signOut)}>Sign out</Menu.Item>
        <Menu.Item color="red" onClick={() => run(signOutEverywhere)}>
          Sign out everywhere
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The signed-in frame: header (search, theme, account), navigation by permission, the page. */
export function Shell() {
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  useArrivalNotifications();
  const entries = PAGES.filter((page) => page.nav && (!page.allowed || page.allowed(me)));

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm" wrap="nowrap">
          <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} />
          <Text fw={750} c="brand" visibleFrom="xs">
            Salesflow
          </Text>
          <SearchBox />
          <Group gap="xs" ml="auto" wrap="nowrap">
            <ThemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label="Main">
        <VisuallyHidden>
          <h2>Navigation</h2>
        </VisuallyHidden>
        {entries.map((page) => (
          <NavLink
            key={page.path}
            component={RouterNavLink}
            to={page.path}
            end={page.path === '/'}
            label={page.label}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main>
        <Suspense fallback={<LoadingRows label="Loading the page" />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
