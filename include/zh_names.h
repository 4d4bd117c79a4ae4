/*
 * zh_names.h
 *	  Small hand-written character lists the segmenter's unknown-word rules
 *	  need: surnames, numerals, function characters.  The dictionary builder
 *	  folds them into the per-character flags of the compiled dictionary.
 */
#ifndef ZH_NAMES_H
#define ZH_NAMES_H

#include "na_port.h"

/* NUL-terminated UTF-8 strings listing the characters of each class */
extern const char *const zh_single_surnames;
extern const char *const zh_compound_surnames[];	/* NULL-terminated */
extern const char *const zh_numeral_chars;
extern const char *const zh_function_chars;

#endif							/* ZH_NAMES_H */
