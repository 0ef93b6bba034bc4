#ifndef PLANMERGE_CLIBGIT2_SHIM_H
#define PLANMERGE_CLIBGIT2_SHIM_H
#include <git2.h>
#include <git2/sys/transport.h>

/* A smart subtransport and its stream as GitKit allocates them: libgit2's struct first (so a
   pointer to it is a pointer to the whole), then an opaque pointer to the Swift object that
   does the work (retained by the allocation, released by its free callback). */
typedef struct planmerge_subtransport {
    git_smart_subtransport parent;
    void *payload;
} planmerge_subtransport;

typedef struct planmerge_subtransport_stream {
    git_smart_subtransport_stream parent;
    void *payload;
} planmerge_subtransport_stream;

/* git_libgit2_opts is variadic, which Swift cannot call: one wrapper per option used. */
static inline int planmerge_set_ssl_cert_locations(const char *file, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, path);
}

#endif
