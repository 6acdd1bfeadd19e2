// The CPython C API as the Reference module sees it.
//
// Python.h is included whole; the `sal_` inline functions below expose what Swift cannot import
// directly: function-like macros (type checks, Py_None) and exported data symbols (PyExc_*), which
// Swift 6 would treat as shared mutable globals.
//
// The trap: pyconfig.h defines _GNU_SOURCE and _XOPEN_SOURCE, under which glibc declares some
// structs differently (fd_set's `fds_bits`) from the Glibc module Swift imports, and the two
// modules then fail to merge. The system headers are therefore included first, as Glibc sees them.
#ifndef SAL_CPYTHON_SHIM_H
#define SAL_CPYTHON_SHIM_H

#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#define PY_SSIZE_T_CLEAN
#include <Python.h>

static inline int sal_is_none(PyObject *object) { return object == Py_None; }

static inline int sal_is_bool(PyObject *object) { return PyBool_Check(object); }
static inline int sal_is_int(PyObject *object) { return PyLong_Check(object); }
static inline int sal_is_float(PyObject *object) { return PyFloat_Check(object); }
static inline int sal_is_str(PyObject *object) { return PyUnicode_Check(object); }
static inline int sal_is_list(PyObject *object) { return PyList_Check(object); }
static inline int sal_is_tuple(PyObject *object) { return PyTuple_Check(object); }
static inline int sal_is_dict(PyObject *object) { return PyDict_Check(object); }
static inline int sal_is_set_or_frozenset(PyObject *object) { return PyAnySet_Check(object); }

static inline PyTypeObject *sal_type_of(PyObject *object) { return Py_TYPE(object); }

static inline PyObject *sal_exc_syntax_error(void) { return PyExc_SyntaxError; }
static inline PyObject *sal_exc_unicode_encode_error(void) { return PyExc_UnicodeEncodeError; }
static inline PyObject *sal_exc_type_error(void) { return PyExc_TypeError; }


#endif
