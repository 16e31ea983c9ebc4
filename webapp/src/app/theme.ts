import { createTheme, type MantineColorsTuple } from '@mantine/core';

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
