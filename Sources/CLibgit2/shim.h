#ifndef PLANMERGE_CLIBGIT2_SHIM_H
#define PLANMERGE_CLIBGIT2_SHIM_H
#include <git2.h>
#endif
