import { Alert, createTheme, darken, Drawer, FileInput, Menu, Modal, MultiSelect, Notification, Select, luminance, type CSSVariablesResolver, type MantineColorsTuple, type MantineTheme } from '@mantine/core';

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
  // Mantine's close and clear buttons are icons without a name; screen readers would announce just "button".
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close panel' } } }),
    Alert: Alert.extend({ defaultProps: { closeButtonLabel: 'Dismiss' } }),
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } },
      // Its description is grey 6 (3.3:1 on white) in the light scheme.
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    }),
    FileInput: FileInput.extend({ defaultProps: { clearButtonProps: { 'aria-label': 'Clear the file' } } }),
    Select: Select.extend({ defaultProps: { clearButtonProps: { 'aria-label': 'Clear' } } }),
    MultiSelect: MultiSelect.extend({ defaultProps: { clearButtonProps: { 'aria-label': 'Clear' } } }),
    // Its focus placeholder is a role="presentation" child of role="menu", which ARIA forbids (axe: critical).
    Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
  },
});

/** WCAG AA for normal-size text. */
const AA = 4.5;

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** The colour, darkened in small steps until text in it (or white text on it) reads at AA on the background. */
function readable(color: string, background: string): string {
  let result = color;
  for (let step = 1; step <= 20 && contrast(result, background) < AA; step++) result = darken(color, step * 0.04);
  return result;
}

/**
 * In the light scheme Mantine's filled colours (white text on shade 7: green 2.7:1, orange 3.0:1, red 3.8:1), its
 * "-text" colours (the same shade on white) and its light variant (shade 9 on shade 1: orange 3.6:1) fall below
 * AA for most palettes; each is darkened just enough to pass. The brand colour already passes.
 */
function readableColors(theme: MantineTheme): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, shades] of Object.entries(theme.colors)) {
    if (name === theme.primaryColor) continue;
    const filled = readable(shades[7], '#ffffff');
    variables[`--mantine-color-${name}-filled`] = filled;
    variables[`--mantine-color-${name}-filled-hover`] = darken(filled, 0.1);
    variables[`--mantine-color-${name}-light-color`] = readable(shades[9], shades[1]);
  }
  return variables;
}

/**
 * Mantine's default "dimmed" grey (#868e96) is 3.3:1 on white, below WCAG AA's 4.5:1 for the small hint texts it
 * is used for (field descriptions, captions); these are 6:1 or better on each scheme's body colour. Its error red
 * (red 6, 3.3:1 on white: a field's message and a refused input's text) is darkened the same way.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-error': readable(resolved.colors.red[6], '#ffffff'),
    ...readableColors(resolved),
  },
  dark: { '--mantine-color-dimmed': '#a6adb4' },
});
