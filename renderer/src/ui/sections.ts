import './sections.css';

/**
 * The class of the element holding a long form's sections (its fieldsets),
 * the intake's or an act's: the browser skips style, layout and paint of the
 * sections off screen (content-visibility), so a keystroke repaints what is
 * on screen only. Their content stays in the page: find in page, focus and
 * screen readers reach it.
 */
export const FORM_SECTIONS_CLASS = 'sd-sections';
