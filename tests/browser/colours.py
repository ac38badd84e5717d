"""Colour contrast as WCAG computes it, in the browser: the functions that the tests' scripts
measuring text, controls and focus indicators share, put at the start of each script's body.

`rgba` reads a computed colour (no colour: transparent), `over` lays a colour over another,
`ratio` is the contrast ratio of two colours (WCAG 2.x relative luminance).
"""

CONTRAST = """
  const rgba = value => {
    const parts = (value.match(/rgba?\\([^)]*\\)/) || ['rgba(0,0,0,0)'])[0]
      .match(/[\\d.]+/g).map(Number);
    return parts.length === 3 ? [...parts, 1] : parts;
  };
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3]));
  const luminance = rgb => {
    const [r, g, b] = rgb.map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
  };
"""
