// Debian's libxml2 headers pull in ICU, which clashes with Foundation's own
// ICU module on a clean build ("'UErrorCode' has different definitions").
// Tidings never uses libxml2's ICU API, so switch it off before the headers
// that would include it (see ../shared/PLATFORM.md).
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/encoding.h>
#include <libxml/xmlerror.h>
#include <libxml/HTMLparser.h>
