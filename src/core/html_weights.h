/*
 * html_weights.h
 *	  Weights of the article scorer (html_extract.c).
 *
 * NA_HW_* values were set by hand from the readability family's published
 * design (a point per block, a point per comma, up to three for length,
 * grandparent at half weight, 25 per class hint) and adjusted for Chinese
 * text, where a character carries more than a Latin letter: see bench/web.md
 * for how they score on the development pages.
 */
#ifndef HTML_WEIGHTS_H
#define HTML_WEIGHTS_H

#define NA_HW_MIN_CHARS				10		/* shorter blocks do not vote */
#define NA_HW_MAX_LINK_DENSITY		0.5		/* link-heavier blocks do not vote */
#define NA_HW_CHARS_PER_POINT		40.0	/* length: a point per 40 characters */
#define NA_HW_MAX_LEN_POINTS		5.0
#define NA_HW_PUNCT					1.0		/* a point per sentence punctuation mark */
#define NA_HW_GRANDPARENT			0.5
#define NA_HW_HINT					25.0	/* per class/id hint of the element */
#define NA_HW_KEEP_LINK_DENSITY		0.5		/* kept blocks of the container */

#endif							/* HTML_WEIGHTS_H */
