// Cairo (PDF, SVG, PNG surfaces) and Pango through PangoCairo, from Debian's
// libcairo2-dev and libpango1.0-dev.
#ifndef BRIEFING_CCAIRO_SHIM_H
#define BRIEFING_CCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>
#include <glib.h>
// zlib (a dependency of cairo's PNG support) for our faster PNG writer.
#include <zlib.h>

// Swift sees gpointer-taking functions awkwardly; these keep the call sites plain.
static inline void briefing_object_unref(void *object) { g_object_unref(object); }
static inline void briefing_free(void *p) { g_free(p); }
#endif
