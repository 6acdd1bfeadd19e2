// The CBLAS interface and thread controls of OpenBLAS.
// The include path comes from `pkg-config --cflags openblas`, which selects the pthread build's cblas.h.
#ifndef SAL_COPENBLAS_SHIM_H
#define SAL_COPENBLAS_SHIM_H
#include <cblas.h>
#endif
