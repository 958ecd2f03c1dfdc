#ifndef BRIEFINGBOOK_CLIBXML2_SHIM_H
#define BRIEFINGBOOK_CLIBXML2_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/// xmlFree is a mutable global function pointer, which Swift 6 rejects; call it through here.
static inline void briefing_xml_free(void *p) { xmlFree(p); }

/// Silences libxml2's default error printing to stderr (messy pages are normal input).
static inline void briefing_xml_silence(void) {
    xmlSetGenericErrorFunc(NULL, NULL);
}
#endif
