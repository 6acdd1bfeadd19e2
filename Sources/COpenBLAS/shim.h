// The CBLAS interface and thread controls of OpenBLAS.
// The include path comes from `pkg-config --cflags openblas`, which selects the pthread build's cblas.h.
#ifndef SAL_COPENBLAS_SHIM_H
#define SAL_COPENBLAS_SHIM_H
#include <cblas.h>

// Ends OpenBLAS's worker threads (exported by OpenBLAS, declared in no public header); the next threaded
// call starts them again.
int blas_thread_shutdown_(void);
#endif
