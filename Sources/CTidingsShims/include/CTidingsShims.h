#ifndef CTIDINGS_SHIMS_H
#define CTIDINGS_SHIMS_H
// Typed, non-variadic wrappers for libcurl's variadic calls, which Swift
// cannot import. One function per argument type; nothing else lives here.
#include <curl/curl.h>

typedef size_t (*tidings_curl_data_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
typedef int (*tidings_curl_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
                                              curl_off_t ultotal, curl_off_t ulnow);

CURLcode tidings_curl_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode tidings_curl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
CURLcode tidings_curl_easy_setopt_ptr(CURL *handle, CURLoption option, void *value);
CURLcode tidings_curl_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode tidings_curl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode tidings_curl_easy_setopt_data_callback(CURL *handle, CURLoption option, tidings_curl_data_callback value);
CURLcode tidings_curl_easy_setopt_xferinfo_callback(CURL *handle, tidings_curl_xferinfo_callback value);

CURLcode tidings_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode tidings_curl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value);
CURLcode tidings_curl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value);
CURLcode tidings_curl_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value);
CURLcode tidings_curl_easy_getinfo_ptr(CURL *handle, CURLINFO info, void **value);

CURLMcode tidings_curl_multi_setopt_long(CURLM *handle, CURLMoption option, long value);

#endif
