/*
 * split_reflow.h
 *	  Column-broken text joined into paragraphs before the line-role model
 *	  (split_reflow.c), with the map back to the raw text's offsets.
 */
#ifndef SPLIT_REFLOW_H
#define SPLIT_REFLOW_H

#include "na_split.h"

#define RF_MIN_LINES	30		/* auto: text lines needed to judge */
#define RF_AUTO_COL_MAX	40		/* auto: longest column height */

typedef struct SpReflow
{
	char	   *text;			/* the shadow text, NUL-terminated */
	size_t		len;
	size_t	   *cut_at;			/* shadow offsets where raw bytes were left out */
	size_t	   *cut_add;		/* raw bytes left out up to that cut, in all */
	int			n_cuts;
	int		   *raw_line;		/* shadow line -> its first raw line */
	int			n_lines;
	int			n_raw;			/* raw lines */
	int			column;			/* the column height, in code points */
} SpReflow;

extern bool sp_reflow(const char *text, size_t len, bool forced, SpReflow *rf);
extern size_t sp_reflow_raw(const SpReflow *rf, size_t off);
extern void sp_reflow_map_split(const SpReflow *rf, NaSplit *out);
extern void sp_reflow_free(SpReflow *rf);

#endif							/* SPLIT_REFLOW_H */
