/* TEST SHIM - NEVER SHIPPED. Built only by packaging/windows/under_wine.sh into a throwaway Wine
   prefix's system32; build.spec and the installer never see it, and packaging/smoke_test.py fails
   if an icuuc.dll ever lands in the bundle.

   Why: PySide6 6.10 and newer load Windows' own ICU (icuuc.dll, Windows 10 1809 and later). Wine
   has none, so QtCore would not import there. In this stand-in every converter fails to open, so
   Qt falls back to its built-in UTF-8/UTF-16/Latin-1 codecs, which is all the kiosk uses.
   Build: x86_64-w64-mingw32-gcc -O2 -shared -s -o icuuc.dll icuuc.c */
#include <stddef.h>
#include <stdint.h>
#define API __declspec(dllexport)
API void *ucnv_open(const char *name, int *err) { if (err && *err <= 0) *err = 2; /* U_MISSING_RESOURCE_ERROR */ return NULL; }
API void ucnv_close(void *c) {}
API void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
API void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
API void ucnv_reset(void *c) {}
API int8_t ucnv_getMaxCharSize(void *c) { return 1; }
API const char *ucnv_getName(void *c, int *err) { return ""; }
API void ucnv_getToUCallBack(void *c, void **a, const void **ctx) { if (a) *a = NULL; if (ctx) *ctx = NULL; }
API void ucnv_getFromUCallBack(void *c, void **a, const void **ctx) { if (a) *a = NULL; if (ctx) *ctx = NULL; }
API void ucnv_setToUCallBack(void *c, void *n, const void *nc, void **o, const void **oc, int *err) {}
API void ucnv_setFromUCallBack(void *c, void *n, const void *nc, void **o, const void **oc, int *err) {}
API void ucnv_cbToUWriteUChars(void *a, const void *s, int32_t l, int32_t o, int *err) {}
API void ucnv_toUnicode(void *c, void **t, const void *tl, const char **s, const char *sl, int32_t *o, int8_t f, int *err) { if (err && *err <= 0) *err = 1; }
API void ucnv_cbFromUWriteUChars(void *a, const void **s, const void *sl, int32_t o, int *err) {}
API void ucnv_fromUnicode(void *c, char **t, const char *tl, const void **s, const void *sl, int32_t *o, int8_t f, int *err) { if (err && *err <= 0) *err = 1; }
API int32_t ucnv_toUCountPending(void *c, int *err) { return 0; }
API int32_t ucnv_fromUCountPending(void *c, int *err) { return 0; }
API const char *ucnv_getStandardName(const char *n, const char *s, int *err) { return NULL; }
API const char *ucnv_getAvailableName(int32_t n) { return NULL; }
API int32_t ucnv_countAvailable(void) { return 0; }
