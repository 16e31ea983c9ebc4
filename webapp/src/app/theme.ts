import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** Salesflow blue, light to dark (Mantine's ten shades). */
const brand: MantineColorsTuple = [
  '#e8f1ff',
  '#d0e0ff',
  '#a0bffa',
  '#6d9cf6',
  '#437ef2',
  '#296bf1',
  '#1a61f1',
  '#0b51d7',
  '#0047c1',
  '#003daa',
];

/** The design tokens: colours, radius, fonts and focus ring, for both colour schemes. */
export const theme = createTheme({
  primaryColor: 'brand',
  colors: { brand },
  primaryShade: { light: 7, dark: 4 },
  defaultRadius: 'md',
  focusRing: 'auto',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
});

/**
 * Mantine's default "dimmed" grey (#868e96) is 3.3:1 on white, below WCAG AA's 4.5:1 for the small hint texts it
 * is used for (field descriptions, captions); these are 6:1 or better on each scheme's body colour.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c636a' },
  dark: { '--mantine-color-dimmed': '#a6adb4' },
});
